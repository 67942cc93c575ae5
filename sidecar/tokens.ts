// Token accounting: a real BPE tokenizer (o200k_base, the GPT-4o/4.1/o-series vocabulary, bundled
// with js-tiktoken, no network) for the pre-check estimate. Estimates settle to the real usage;
// for OpenAI-style streams identify (pipeline/identify.ts) asks for stream usage and respond hides
// that extra chunk from apps that did not ask for it.
//
// js-tiktoken's own encode() rebuilds its regexes on every call (~1 ms per KB of prompt); on the
// hot path we only need a count, so this module runs the same BPE over the same ranks with the
// split regex compiled once (ASCII stretches split by hand, the same pieces) and bounded caches of
// per-piece counts (words repeat a lot) and of long texts' counts (history repeats every turn).
// test/unit/policy/tokens-cost.test.ts checks the counts against js-tiktoken's encoder.
import { createRequire } from 'node:module';
import type { Operation } from './snapshot/schema.ts';
import { memoLongTexts } from './text-memo.ts';

export interface TokenCounter {
  count(text: string): number;
}

interface Ranks {
  pat_str: string;
  bpe_ranks: string;
}

/**
 * The ~200k ranks in a flat open-addressing table keyed by the token's bytes (one Buffer of all
 * tokens, offsets and ranks in typed arrays): about 5 MB where a Map of 200k strings takes ~50 MB
 * of heap, and lookups hash the latin1 key's char codes directly (no key string is stored).
 */
class RankTable {
  readonly #bytes: Uint8Array;
  readonly #start: Int32Array;
  readonly #rank: Int32Array;
  readonly #slots: Int32Array;
  readonly #mask: number;

  /** Token i is bytes[start[i]..start[i+1]) with rank rank[i]. */
  constructor(bytes: Uint8Array, start: Int32Array, rank: Int32Array) {
    this.#bytes = bytes;
    this.#start = start;
    this.#rank = rank;
    const n = rank.length;
    let cap = 1;
    while (cap < n * 2) cap <<= 1;
    this.#mask = cap - 1;
    this.#slots = new Int32Array(cap); // token index + 1; 0 = empty
    for (let i = 0; i < n; i++) {
      let h = this.#hashBytes(start[i], start[i + 1]) & this.#mask;
      while (this.#slots[h] !== 0) h = (h + 1) & this.#mask;
      this.#slots[h] = i + 1;
    }
  }

  #hashBytes(from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ this.#bytes[i], 0x01000193);
    return h >>> 0;
  }

  /** The rank of a token given as a latin1 string (one char per byte), or undefined. */
  get(key: string, from = 0, to = key.length): number | undefined {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ (key.charCodeAt(i) & 0xff), 0x01000193);
    const len = to - from;
    for (let s = (h >>> 0) & this.#mask; ; s = (s + 1) & this.#mask) {
      const slot = this.#slots[s];
      if (slot === 0) return undefined;
      const at = this.#start[slot - 1];
      if (this.#start[slot] - at !== len) continue;
      let same = true;
      for (let i = 0; i < len; i++) {
        if (this.#bytes[at + i] !== (key.charCodeAt(from + i) & 0xff)) {
          same = false;
          break;
        }
      }
      if (same) return this.#rank[slot - 1];
    }
  }
}

const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++)
  B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/**
 * Reads js-tiktoken's ranks text ("<prefix> <offset> <base64 token>..." per line, ranks counting
 * up from offset) straight into typed arrays: no per-token string or Buffer is made, so loading
 * the ~200k ranks leaves no garbage behind (a young generation grown by start-up garbage stays
 * grown: RSS).
 */
function parseRanks(text: string): RankTable {
  let tokens = 0;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) tokens++;
  const start = new Int32Array(tokens + 1);
  const rank = new Int32Array(tokens);
  const bytes = new Uint8Array(Math.ceil((text.length * 3) / 4));
  let n = 0;
  let out = 0;
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const sp1 = text.indexOf(' ', pos);
    if (sp1 < 0 || sp1 > eol) {
      pos = eol + 1;
      continue;
    }
    let sp = text.indexOf(' ', sp1 + 1);
    if (sp < 0 || sp > eol) sp = eol;
    let next = Number.parseInt(text.slice(sp1 + 1, sp), 10);
    let at = sp + 1;
    while (at <= eol && at < text.length) {
      let end = text.indexOf(' ', at);
      if (end < 0 || end > eol) end = eol;
      start[n] = out;
      rank[n] = next++;
      n++;
      let acc = 0;
      let bits = 0;
      for (let i = at; i < end; i++) {
        const c = text.charCodeAt(i);
        const v = c < 128 ? B64[c] : -1;
        if (v < 0) continue; // '=' padding
        acc = (acc << 6) | v;
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          bytes[out++] = (acc >> bits) & 0xff;
        }
      }
      at = end + 1;
    }
    pos = eol + 1;
  }
  start[n] = out;
  return new RankTable(bytes.subarray(0, out), start.subarray(0, n + 1), rank.subarray(0, n));
}

/** Slots of the recent-pieces cache (a power of two), and the longest piece it keeps. */
const RECENT = 4096;
const RECENT_CHARS = 16;

class BpeCounter implements TokenCounter {
  readonly #ranks: RankTable;
  /** The pre-split, global: the leftmost piece at or after lastIndex. */
  readonly #split: RegExp;
  /** The same, sticky: the piece starting exactly at lastIndex (test() allocates nothing). */
  readonly #splitAt: RegExp;
  /** The pattern is o200k's: ASCII pieces are found by asciiPieceEnd instead of the regex. */
  readonly #asciiSplit: boolean;
  #cache = new Map<string, number>();
  // Counts of recently seen short ASCII pieces, direct-mapped by a hash of their characters: ~70 KB
  // that stays in the CPU's cache, where a lookup in the ranks table (several MB) costs a few
  // cache misses a piece, and the Map above a string and its hash.
  readonly #recentLen = new Uint8Array(RECENT); // 0: empty
  readonly #recentChars = new Uint8Array(RECENT * RECENT_CHARS);
  readonly #recentCount = new Int32Array(RECENT);

  constructor(ranks: Ranks) {
    this.#split = new RegExp(ranks.pat_str, 'gu');
    this.#splitAt = new RegExp(ranks.pat_str, 'yu');
    this.#asciiSplit = ranks.pat_str === O200K_SPLIT;
    this.#ranks = parseRanks(ranks.bpe_ranks);
  }

  // The pieces of a text follow each other with no gap (every character is a letter, a number,
  // whitespace or other, and each starts a piece), so they are walked one after the other: in
  // ASCII stretches by asciiPieceEnd (the same pieces, 3-10x faster than the Unicode regex), else
  // by the sticky regex, without a match array. An ASCII piece that is itself a token (most
  // words) is looked up in the ranks by position, without making its string. The global split
  // covers a gap should one ever occur: the pieces are exactly those of exec() over the text.
  // Long texts come again (a conversation's history is sent with every turn): counted once.
  readonly count = memoLongTexts((text: string) => this.#count(text));

  #count(text: string): number {
    if (!text) return 0;
    const at = this.#splitAt;
    const len = text.length;
    let n = 0;
    let pos = 0;
    // The first non-ASCII character at or after pos (len when none).
    let ascii = nonAsciiFrom(text, 0);
    while (pos < len) {
      if (pos > ascii) ascii = nonAsciiFrom(text, pos);
      if (this.#asciiSplit) {
        // Most pieces of prose, split and hashed in one pass: a lower-case word, after a space or
        // not (asciiPieceEnd's first case), ending before a known character other than an
        // apostrophe (which may start a contraction) or at the end of the text.
        let w = pos;
        let h = 0x811c9dc5;
        let c = w < ascii ? text.charCodeAt(w) : -1;
        if (c === 32) {
          h = Math.imul(h ^ c, 0x01000193);
          c = ++w < ascii ? text.charCodeAt(w) : -1;
        }
        if (c >= 97 && c <= 122) {
          do {
            h = Math.imul(h ^ c, 0x01000193);
            c = ++w < ascii ? text.charCodeAt(w) : -1;
          } while (c >= 97 && c <= 122);
          if (c >= 0 ? c !== 39 : w === len) {
            n += w - pos > RECENT_CHARS ? this.#uncachedAscii(text, pos, w) : this.#recent(text, pos, w, h);
            pos = w;
            continue;
          }
        }
      }
      let start = pos;
      let end = this.#asciiSplit && pos < ascii ? asciiPieceEnd(text, pos, ascii, len) : -1;
      if (end < 0) {
        at.lastIndex = pos;
        if (at.test(text)) end = at.lastIndex;
        else {
          this.#split.lastIndex = pos;
          const m = this.#split.exec(text);
          if (m === null) break;
          start = m.index;
          end = this.#split.lastIndex;
          if (start > ascii) ascii = nonAsciiFrom(text, start);
        }
      }
      n += end <= ascii ? this.#asciiPiece(text, start, end) : this.#cached(text.slice(start, end));
      pos = end;
    }
    return n;
  }

  /** Tokens of the ASCII piece text[start, end): from the recent pieces, else the ranks, else BPE. */
  #asciiPiece(text: string, start: number, end: number): number {
    if (end - start > RECENT_CHARS) return this.#uncachedAscii(text, start, end);
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return this.#recent(text, start, end, h);
  }

  /** #asciiPiece for a piece of at most RECENT_CHARS whose FNV-1a hash is h. */
  #recent(text: string, start: number, end: number, h: number): number {
    const len = end - start;
    const slot = (h ^ (h >>> 15)) & (RECENT - 1);
    const at = slot * RECENT_CHARS;
    if (this.#recentLen[slot] === len) {
      let i = 0;
      while (i < len && this.#recentChars[at + i] === text.charCodeAt(start + i)) i++;
      if (i === len) return this.#recentCount[slot];
    }
    const c = this.#uncachedAscii(text, start, end);
    this.#recentLen[slot] = len;
    for (let i = 0; i < len; i++) this.#recentChars[at + i] = text.charCodeAt(start + i);
    this.#recentCount[slot] = c;
    return c;
  }

  #uncachedAscii(text: string, start: number, end: number): number {
    return this.#ranks.get(text, start, end) !== undefined ? 1 : this.#cached(text.slice(start, end));
  }

  #cached(piece: string): number {
    const cached = this.#cache.get(piece);
    if (cached !== undefined) return cached;
    const c = this.#piece(piece);
    if (this.#cache.size >= 65_536) this.#cache = new Map(); // bounded; cheap to refill
    this.#cache.set(piece, c);
    return c;
  }

  /** Tokens of one pre-split piece: byte-level BPE merge by lowest rank. */
  #piece(piece: string): number {
    const bytes = isAscii(piece) ? piece : Buffer.from(piece, 'utf8').toString('latin1');
    if (this.#ranks.get(bytes) !== undefined) return 1;
    // Boundaries between parts; merge the adjacent pair with the lowest rank until none is left.
    const bounds: number[] = [];
    for (let i = 0; i <= bytes.length; i++) bounds.push(i);
    while (bounds.length > 2) {
      let best = -1;
      let bestRank = Number.POSITIVE_INFINITY;
      for (let i = 0; i < bounds.length - 2; i++) {
        const r = this.#ranks.get(bytes, bounds[i], bounds[i + 2]);
        if (r !== undefined && r < bestRank) {
          bestRank = r;
          best = i;
        }
      }
      if (best < 0) break;
      bounds.splice(best + 1, 1);
    }
    return bounds.length - 1;
  }
}

/** o200k_base's pre-split (js-tiktoken's pat_str), which asciiPieceEnd follows. */
const O200K_SPLIT = [
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?",
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?",
  '\\p{N}{1,3}',
  ' ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*',
  '\\s*[\\r\\n]+',
  '\\s+(?!\\S)',
  '\\s+',
].join('|');

// ASCII classes of the pre-split: upper- and lower-case letter, digit, whitespace other than a
// line break (\s: tab, VT, FF, space), line break (CR, LF), other.
const UP = 1;
const LO = 2;
const DIGIT = 3;
const SPACE = 4;
const BREAK = 5;
const OTHER = 6;
/** Read past the ASCII stretch (a non-ASCII character: its class needs Unicode tables). */
const UNKNOWN = 0;
/** Past the end of the text. */
const END = 7;
const ASCII_CLASS = new Uint8Array(128).fill(OTHER);
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = UP;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LO;
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
for (const c of [9, 11, 12, 32]) ASCII_CLASS[c] = SPACE;
ASCII_CLASS[10] = ASCII_CLASS[13] = BREAK;

const isLower = (c: number) => c >= 97 && c <= 122;

/** The class of text[i] when i < ascii, else END past the text or UNKNOWN. */
function classAt(text: string, i: number, ascii: number, len: number): number {
  return i < ascii ? ASCII_CLASS[text.charCodeAt(i)] : i >= len ? END : UNKNOWN;
}

/**
 * Where the o200k pre-split's piece starting at pos ends, reading only text[pos, ascii) (ASCII) and
 * the end of the text; -1 when the answer would depend on a character at or past ascii (the caller
 * asks the regex). The alternatives in order, as the regex backtracks them over ASCII:
 *   1. [^\r\n L N]? Lu* Ll+ contraction?   2. [^\r\n L N]? Lu+ Ll* contraction?
 *   3. N{1,3}   4. " "? [^\s L N]+ [\r\n/]*   5. \s* [\r\n]+   6. \s+(?!\S)   7. \s+
 */
function asciiPieceEnd(text: string, pos: number, ascii: number, len: number): number {
  // Most pieces of prose: a lower-case word, after a space or not (1), read without the table.
  let w = text.charCodeAt(pos) === 32 ? pos + 1 : pos;
  if (w < ascii && isLower(text.charCodeAt(w))) {
    do w++;
    while (w < ascii && isLower(text.charCodeAt(w)));
    if (w === ascii && w < len) return -1;
    return text.charCodeAt(w) === 39 ? contractionEnd(text, w, ascii, len) : w;
  }
  const c0 = classAt(text, pos, ascii, len);
  // 1 and 2: letters, after at most one character that is neither a letter, digit nor line break.
  let i = pos;
  if (c0 === SPACE || c0 === OTHER) {
    const c1 = classAt(text, pos + 1, ascii, len);
    if (c1 === UNKNOWN) return -1;
    if (c1 === UP || c1 === LO) i = pos + 1;
  }
  let c = classAt(text, i, ascii, len);
  if (c === UP || c === LO) {
    // Lu* Ll+ (1) or, when no lower-case letter follows the upper-case ones, Lu+ (2); either way
    // the letters end where the upper-case run and the lower-case run after it end.
    while (c === UP) c = classAt(text, ++i, ascii, len);
    while (c === LO) c = classAt(text, ++i, ascii, len);
    if (c === UNKNOWN) return -1;
    return contractionEnd(text, i, ascii, len);
  }
  if (c0 === UNKNOWN) return -1;
  if (c0 === DIGIT) {
    let e = pos + 1;
    while (e < pos + 3 && classAt(text, e, ascii, len) === DIGIT) e++;
    return e < pos + 3 && classAt(text, e, ascii, len) === UNKNOWN ? -1 : e;
  }
  // 4: punctuation, after at most one space; then line breaks and slashes.
  i =
    c0 === SPACE && text.charCodeAt(pos) === 32 && classAt(text, pos + 1, ascii, len) === OTHER
      ? pos + 1
      : pos;
  c = classAt(text, i, ascii, len);
  if (c === OTHER) {
    while (c === OTHER) c = classAt(text, ++i, ascii, len);
    if (c === UNKNOWN) return -1;
    // Line breaks and slashes (a slash right after the run is part of it; one after a break is not).
    while (c === BREAK || (c === OTHER && text.charCodeAt(i) === 47)) c = classAt(text, ++i, ascii, len);
    return i;
  }
  if (c === UNKNOWN) return -1;
  // 5-7: whitespace. Its run, and the last line break in it.
  let e = pos;
  let lastBreak = -1;
  for (c = c0; c === SPACE || c === BREAK; c = classAt(text, ++e, ascii, len)) if (c === BREAK) lastBreak = e;
  if (c === UNKNOWN) return -1; // a non-ASCII space would extend the run
  if (lastBreak >= 0) return lastBreak + 1; // 5
  if (c === END) return e; // 6, at the end of the text
  return e - pos >= 2 ? e - 1 : e; // 6 leaves the last space to the next piece; 7
}

/** After a letter run ending at i: the end of an optional contraction ('s 't 're 've 'm 'll 'd, any case), or -1. */
function contractionEnd(text: string, i: number, ascii: number, len: number): number {
  if (text.charCodeAt(i) !== 39) return i;
  const c1 = classAt(text, i + 1, ascii, len);
  if (c1 === UNKNOWN) return -1;
  if (c1 !== UP && c1 !== LO) return i;
  const a = text.charCodeAt(i + 1) | 0x20;
  if (a === 115 || a === 116 || a === 109 || a === 100) return i + 2; // s t m d
  if (a !== 114 && a !== 118 && a !== 108) return i; // r v l
  const c2 = classAt(text, i + 2, ascii, len);
  if (c2 === UNKNOWN) return -1;
  if (c2 !== UP && c2 !== LO) return i;
  const b = text.charCodeAt(i + 2) | 0x20;
  return (a === 108 ? b === 108 : b === 101) ? i + 3 : i; // ll; re ve
}

const NON_ASCII = /[^\0-\x7f]/g;

/** Index of the first non-ASCII character at or after from (text.length when none): one native search. */
function nonAsciiFrom(text: string, from: number): number {
  NON_ASCII.lastIndex = from;
  return NON_ASCII.test(text) ? NON_ASCII.lastIndex - 1 : text.length;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

let counter: TokenCounter | undefined;

/** The shared tokenizer; the first use loads ~200k ranks (about half a second): call warmTokenizer at start. */
export function tokenizer(): TokenCounter {
  if (!counter) {
    const require = createRequire(import.meta.url);
    const id = require.resolve('js-tiktoken/ranks/o200k_base');
    counter = new BpeCounter(require(id) as Ranks);
    // The ranks text (several MB) is not needed once the table is built: let it be collected.
    delete require.cache[id];
  }
  return counter;
}

/** Loads the ranks off the request path (right after start, before traffic). */
export function warmTokenizer(): void {
  tokenizer();
}

export function countTokens(text: string): number {
  return tokenizer().count(text);
}

// ---- request estimates -------------------------------------------------------------------------

/** Output tokens assumed when the app sets no max_tokens: the estimate settles to real usage anyway. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 1024;
/** Fixed price of one image part (a high-detail 512px tile set); exact sizing needs the image. */
const IMAGE_TOKENS = 765;
// OpenAI chat framing (cookbook): every message costs 3 tokens, a name 1, the reply primer 3.
const PER_MESSAGE = 3;
const PER_NAME = 1;
const REPLY_PRIMER = 3;

export interface TokenEstimate {
  inputTokens: number;
  outputTokens: number;
  /** The request set no max_tokens: outputTokens is a default (the model's maximum, else 1024). */
  outputDefaulted?: boolean;
}

type Json = Record<string, any>;

function contentTokens(content: unknown, count: (t: string) => number): number {
  if (typeof content === 'string') return count(content);
  if (!Array.isArray(content)) return 0;
  let n = 0;
  for (const part of content) {
    if (!part || typeof part !== 'object') continue;
    if (typeof part.text === 'string') n += count(part.text);
    else if (part.type === 'image_url') n += part.image_url?.detail === 'low' ? 85 : IMAGE_TOKENS;
    else if (part.type === 'input_audio' && typeof part.input_audio?.data === 'string')
      n += Math.ceil(part.input_audio.data.length / 1000); // rough: audio is billed by duration
  }
  return n;
}

/** Prompt tokens of an OpenAI-shaped request body (chat, completions, embeddings). */
export function promptTokens(
  body: Json | undefined,
  operation: Operation,
  count: (text: string) => number = countTokens,
): number {
  return promptTokensBy(body, operation, count);
}

/**
 * An upper bound of promptTokens, without the tokenizer: a byte-level BPE token is at least one
 * byte, so a text has at most as many tokens as UTF-8 bytes. Microseconds where the count takes
 * milliseconds per 100 KB: a limit far above the bound needs no count (see maxPromptTokens).
 */
export function promptTokensAtMost(body: Json | undefined, operation: Operation): number {
  return promptTokensBy(body, operation, (t) => Buffer.byteLength(t, 'utf8'));
}

function promptTokensBy(body: Json | undefined, operation: Operation, count: (t: string) => number): number {
  if (!body) return 0;
  if (operation === 'chat') {
    let n = REPLY_PRIMER;
    for (const m of Array.isArray(body.messages) ? body.messages : []) {
      if (!m || typeof m !== 'object') continue;
      n += PER_MESSAGE + contentTokens(m.content, count);
      if (typeof m.name === 'string') n += PER_NAME + count(m.name);
      for (const tc of Array.isArray(m.tool_calls) ? m.tool_calls : []) {
        n += count(tc?.function?.name ?? '') + count(tc?.function?.arguments ?? '');
      }
    }
    // Tool schemas are rendered into the prompt; their JSON is a close upper bound.
    if (Array.isArray(body.tools) && body.tools.length > 0) n += count(JSON.stringify(body.tools));
    if (body.response_format?.json_schema) n += count(JSON.stringify(body.response_format.json_schema));
    return n;
  }
  const input =
    operation === 'completions' ? body.prompt : operation === 'embeddings' ? body.input : undefined;
  if (typeof input === 'string') return count(input);
  if (Array.isArray(input)) {
    let n = 0;
    for (const x of input) n += typeof x === 'string' ? count(x) : Array.isArray(x) ? x.length : 0;
    return n;
  }
  return 0;
}

/** About 4 UTF-8 bytes a token (the usual rule of thumb for English; CJK comes out close too). */
const approxTokens = (text: string) => Math.ceil(Buffer.byteLength(text, 'utf8') / 4);

/**
 * A cheap prompt size for routing decisions, made before routing (no tokenizer, one native byte
 * count per text): prompt-size matches and the cost strategy's input estimate. Not exact; limits
 * that must be exact (guards.maxPromptTokens, quotas) use the real tokenizer.
 */
export function approxPromptTokens(body: Json | undefined, operation: Operation): number {
  return promptTokens(body, operation, approxTokens);
}

/** The output budget the app asked for, if any. */
export function maxOutputTokens(body: Json | undefined): number | undefined {
  const v = body?.max_completion_tokens ?? body?.max_tokens;
  return typeof v === 'number' && v >= 0 ? Math.floor(v) : undefined;
}

/**
 * Pre-check estimate: real prompt tokens + the output budget (max_tokens, else a default capped
 * by the model's context window). `extraInputTokens` covers what the sidecar adds (a managed prompt).
 */
export function estimateTokens(
  body: Json | undefined,
  operation: Operation,
  opts: {
    extraInputTokens?: number;
    contextWindow?: number;
    defaultMaxTokens?: number;
    /** The body's prompt tokens when already counted (on a worker thread, see offload/). */
    promptTokens?: number;
  } = {},
): TokenEstimate {
  const inputTokens = (opts.promptTokens ?? promptTokens(body, operation)) + (opts.extraInputTokens ?? 0);
  if (operation === 'embeddings') return { inputTokens, outputTokens: 0 };
  const declared = maxOutputTokens(body);
  let outputTokens = declared ?? opts.defaultMaxTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
  if (opts.contextWindow !== undefined) {
    outputTokens = Math.max(0, Math.min(outputTokens, opts.contextWindow - inputTokens));
  }
  const n = typeof body?.n === 'number' && body.n > 1 ? Math.floor(body.n) : 1;
  return {
    inputTokens,
    outputTokens: outputTokens * n,
    ...(declared === undefined ? { outputDefaulted: true } : {}),
  };
}
