// Many phrase patterns over one text in one pass. Each pattern's matches start with one of a few
// literal words (its "starts": "ignore", "you are", "[", ...), read off the pattern's source. One
// Aho-Corasick automaton finds every start of every pattern in a single scan of the text, and a
// pattern is tried (sticky, at that position only) where one of its starts occurs: the cost is one
// pass plus a few short attempts per candidate, instead of one scan of the whole text per pattern.
// The result is the same as testing every pattern on the whole text (a match must begin with one of
// its starts, and a sticky attempt there sees the whole text: \b, look-arounds, $ are unchanged).
// A pattern whose starts cannot be read (an optional first element, a class) is tested whole.

import { regexReach } from './first-chars.ts';

export interface PhraseRule {
  kind: string;
  re: RegExp;
}

const META = new Set([...'()[]{}?*+|.^$\\']);
/** Escapes that stand for one literal character. */
const LITERAL_ESCAPES = new Set([...'.[](){}?*+|^$\\/-<>!:=#,\'"& ']);

const NON_ASCII = /[^\0-\x7f]/;
/** Non-ASCII characters, single spaces between. */
const NON_ASCII_WORD = /^[^\0-\x7f]+(?: [^\0-\x7f]+)*$/;
const NON_ASCII_RUN = /[^\0-\x7f]+(?: [^\0-\x7f]+)*/g;
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/**
 * Walks a regex source from `from`, skipping escapes and character classes, calling `visit` with
 * each structural character and the group depth after it; stops when `visit` returns true.
 * Returns the index it stopped at, or -1 at the end.
 */
function walk(source: string, from: number, visit: (c: string, i: number, depth: number) => boolean): number {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    if (visit(c, i, depth)) return i;
  }
  return -1;
}

/** Splits a source at its top-level | (outside groups and classes). */
function alternatives(source: string): string[] | undefined {
  const out: string[] = [];
  let from = 0;
  let unbalanced = false;
  walk(source, 0, (c, i, depth) => {
    if (depth < 0) {
      unbalanced = true;
      return true;
    }
    if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
    return false;
  });
  if (unbalanced) return undefined;
  out.push(source.slice(from));
  return out;
}

/** The index just past the group that opens at `at` (source[at] === '('). */
function groupEnd(source: string, at: number): number {
  const close = walk(source, at, (c, _i, depth) => c === ')' && depth === 0);
  return close < 0 ? -1 : close + 1;
}

const quantified = (source: string, at: number) => at < source.length && '?*+{'.includes(source[at]);

/**
 * The literal words every match of `source` starts with ('' = "at the start of the text"), or
 * undefined when they cannot be read. Lower-case only: the texts are normalized.
 */
export function startsOf(source: string): string[] | undefined {
  return boundedStartsOf(source)?.map((s) => s.word);
}

/** A start word, and whether the alternative it starts is preceded by \b (a word boundary). */
export interface Start {
  word: string;
  bounded: boolean;
}

/** startsOf, saying of each start whether a \b comes before it. */
export function boundedStartsOf(source: string, bounded = false): Start[] | undefined {
  const alts = alternatives(source);
  if (!alts) return undefined;
  const out: Start[] = [];
  for (let alt of alts) {
    let b = bounded;
    while (alt.startsWith('\\b')) {
      alt = alt.slice(2);
      b = true;
    }
    if (alt.startsWith('^')) {
      out.push({ word: '', bounded: b });
      continue;
    }
    if (alt.startsWith('(?:')) {
      const end = groupEnd(alt, 0);
      if (end < 0 || quantified(alt, end)) return undefined;
      const inner = boundedStartsOf(alt.slice(3, end - 1), b);
      if (!inner) return undefined;
      // A literal right after the group would lengthen each start; the group alone is enough.
      out.push(...inner);
      continue;
    }
    let word = '';
    let i = 0;
    while (i < alt.length) {
      let c = alt[i];
      let next = i + 1;
      if (c === '\\') {
        const e = alt[i + 1];
        if (Object.hasOwn(CONTROL_ESCAPES, e)) c = CONTROL_ESCAPES[e];
        else if (LITERAL_ESCAPES.has(e)) c = e;
        else break;
        next = i + 2;
      } else if (META.has(c)) break;
      if (quantified(alt, next)) break; // "s?" / "x*": this character is optional
      word += c;
      i = next;
    }
    if (word === '' || word !== word.toLowerCase()) return undefined;
    out.push({ word, bounded: b });
  }
  return out;
}

/** A literal every match of one branch starts with; `open` while it is the branch's whole match so far. */
interface Literal {
  text: string;
  open: boolean;
}

/** Branches read through groups at most: past it a start keeps the text read before the group. */
const MAX_LITERALS = 64;
/** Literal texts are read this far at most (a start's next few characters tell most places apart). */
const MAX_LITERAL_LENGTH = 24;

/** The character a literal item at `at` stands for, and where the item ends; undefined if none. */
function literalAt(source: string, at: number): [char: string, end: number] | undefined {
  const c = source[at];
  if (c === '\\') {
    const e = source[at + 1];
    if (Object.hasOwn(CONTROL_ESCAPES, e)) return [CONTROL_ESCAPES[e], at + 2];
    if (LITERAL_ESCAPES.has(e)) return [e, at + 2];
    return undefined;
  }
  return c === undefined || META.has(c) ? undefined : [c, at + 1];
}

/** Where an item that reads no character (\b, \B, ^, $, a look-around) at `at` ends, or -1. */
function zeroWidthEnd(source: string, at: number): number {
  const c = source[at];
  if (c === '^' || c === '$') return at + 1;
  if (c === '\\') return source[at + 1] === 'b' || source[at + 1] === 'B' ? at + 2 : -1;
  if (c !== '(' || source[at + 1] !== '?') return -1;
  const d = source[at + 2] === '<' ? source[at + 3] : source[at + 2];
  return d === '=' || d === '!' ? groupEnd(source, at) : -1;
}

/** Where the inside of the group opening at `at` starts (capturing, named or not), or -1. */
function groupInner(source: string, at: number): number {
  if (source[at + 1] !== '?') return at + 1;
  if (source[at + 2] === ':') return at + 3;
  const named = /^\?<[A-Za-z_$][\w$]*>/.exec(source.slice(at + 1, at + 66));
  return named ? at + 1 + named[0].length : -1;
}

/**
 * The literal texts every match of `source` starts with, read through groups, alternatives and
 * optional parts (the branches multiply) up to the first item that is no literal (a class, a
 * quantifier other than ?, a back-reference) or MAX_LITERAL_LENGTH characters: each match of the
 * source starts with one of them. Items that read no character (\b, look-arounds) are passed
 * over: the texts then hold for more places than can match, never fewer. Upper-case letters end a
 * text (the texts matched are lower case; an i flag would fold them).
 */
export function literalPrefixes(source: string): Literal[] {
  const out: Literal[] = [];
  for (const alt of alternatives(source) ?? ['']) for (const l of sequenceLiterals(alt)) out.push(l);
  return out;
}

function sequenceLiterals(source: string): Literal[] {
  let acc: Literal[] = [{ text: '', open: true }];
  const close = () => acc.map((l) => (l.open ? { text: l.text, open: false } : l));
  let i = 0;
  while (i < source.length) {
    if (!acc.some((l) => l.open && l.text.length < MAX_LITERAL_LENGTH)) return close();
    const zero = zeroWidthEnd(source, i);
    if (zero >= 0) {
      if (quantified(source, zero)) return close();
      i = zero;
      continue;
    }
    let branches: Literal[];
    let end: number;
    if (source[i] === '(') {
      end = groupEnd(source, i);
      const inner = end < 0 ? -1 : groupInner(source, i);
      if (inner < 0) return close();
      branches = literalPrefixes(source.slice(inner, end - 1));
    } else {
      // A run of literal characters (the last one may be optional: it stays out of the run).
      let run = '';
      end = i;
      for (
        let lit = literalAt(source, end);
        lit && lit[0] === lit[0].toLowerCase();
        lit = literalAt(source, end)
      ) {
        if (run !== '' && quantified(source, lit[1])) break;
        run += lit[0];
        end = lit[1];
        if (quantified(source, end)) break;
      }
      if (run === '') return close();
      branches = [{ text: run, open: true }];
    }
    const optional = source[end] === '?';
    // "x+" reads one x at least, then maybe more: the texts end after one. "x*", "x{n,m}": here.
    const oneOrMore = source[end] === '+';
    if (quantified(source, end) && !optional && !oneOrMore) return close();
    const product = acc.reduce((n, l) => n + (l.open ? branches.length + (optional ? 1 : 0) : 1), 0);
    if (product > MAX_LITERALS) return cutBranches(acc, branches, optional);
    const next: Literal[] = [];
    for (const l of acc) {
      if (!l.open || optional) next.push(l);
      if (l.open) for (const b of branches) next.push({ text: l.text + b.text, open: b.open });
    }
    acc = next;
    if (oneOrMore) return close();
    i = end + (optional ? (source[end + 1] === '?' ? 2 : 1) : 0);
  }
  return acc;
}

/**
 * Too many branches: each cut to its first two characters and closed (a shorter literal holds for
 * more texts), or the texts before the group when even those are too many.
 */
function cutBranches(acc: Literal[], branches: Literal[], optional: boolean): Literal[] {
  const cut = new Map<string, Literal>();
  const heads = [...new Set(branches.map((b) => b.text.slice(0, 2)))];
  for (const l of acc) {
    if (!l.open || optional) cut.set(l.text, { text: l.text, open: false });
    if (l.open) for (const h of heads) cut.set(l.text + h, { text: l.text + h, open: false });
    if (cut.size > MAX_LITERALS) return acc.map((a) => ({ text: a.text, open: false }));
  }
  return [...cut.values()];
}

/**
 * What may follow `word` where a match of one of `sources` starts with it, keyed by its first two
 * characters; undefined when anything may (a source's literal ends within two characters of it).
 */
function followsOf(word: string, literals: readonly Literal[][]): Map<number, string[]> | undefined {
  const follows = new Map<number, string[]>();
  for (const list of literals)
    for (const { text } of list) {
      if (!text.startsWith(word)) {
        if (word.startsWith(text)) return undefined;
        continue;
      }
      const rest = text.slice(word.length);
      if (rest.length < 2) return undefined;
      const key = (rest.charCodeAt(0) << 16) | rest.charCodeAt(1);
      const list = follows.get(key) ?? [];
      if (!list.includes(rest)) list.push(rest);
      follows.set(key, list);
    }
  return follows;
}

/** Whether `text` continues at `at` with one of `follows` (see followsOf). */
function followsAt(text: string, at: number, follows: Map<number, string[]>): boolean {
  const list = follows.get((text.charCodeAt(at) << 16) | text.charCodeAt(at + 1));
  if (list === undefined) return false;
  for (const f of list) if (text.startsWith(f, at)) return true;
  return false;
}

/** Places of one start word tried together before asking whether its rules are all found. */
const BATCH = 64;

/** \w as \b reads it (without the i and u flags together: then it also folds U+017F, U+212A). */
const WORD_CHAR = new Uint8Array(65536);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_')
  WORD_CHAR[c.charCodeAt(0)] = 1;

/** Whether \b holds at `at` in `text` (for regexes without the i and u flags together). */
function boundaryAt(text: string, at: number): boolean {
  const before = at > 0 ? WORD_CHAR[text.charCodeAt(at - 1)] : 0;
  const after = at < text.length ? WORD_CHAR[text.charCodeAt(at)] : 0;
  return before !== after;
}

/**
 * An Aho-Corasick automaton over a set of words, as a dense table over the words' own alphabet
 * (every other character is one class): one table lookup per character of the text.
 */
export class Automaton {
  readonly #cls: Uint16Array = new Uint16Array(65536);
  readonly #width: number;
  readonly #next: Int32Array;
  /** Per state: the ids of the words ending there (its own and its suffixes'), or undefined. */
  readonly #out: (number[] | undefined)[];

  /** foldCase: A-Z in the text match a-z in the (lower-case) words. */
  constructor(words: readonly string[], opts: { foldCase?: boolean } = {}) {
    let width = 1;
    for (const w of words)
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (this.#cls[c] === 0) this.#cls[c] = width++;
      }
    if (opts.foldCase) for (let c = 65; c <= 90; c++) this.#cls[c] = this.#cls[c + 32];
    this.#width = width;
    // The trie.
    const goto: Map<number, number>[] = [new Map()];
    const out: (number[] | undefined)[] = [undefined];
    words.forEach((w, id) => {
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const k = this.#cls[w.charCodeAt(i)];
        let t = goto[s].get(k);
        if (t === undefined) {
          t = goto.length;
          goto.push(new Map());
          out.push(undefined);
          goto[s].set(k, t);
        }
        s = t;
      }
      out[s] = [...(out[s] ?? []), id];
    });
    // Breadth first: failure links, folded into a full transition table.
    const next = new Int32Array(goto.length * width);
    const fail = new Int32Array(goto.length);
    const queue: number[] = [];
    for (let k = 0; k < width; k++) {
      const t = goto[0].get(k);
      if (t !== undefined) {
        next[k] = t;
        queue.push(t);
      }
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      const f = fail[s];
      if (out[f]) out[s] = [...(out[s] ?? []), ...out[f]];
      for (let k = 0; k < width; k++) {
        const t = goto[s].get(k);
        if (t === undefined) next[s * width + k] = next[f * width + k];
        else {
          next[s * width + k] = t;
          fail[t] = next[f * width + k];
          queue.push(t);
        }
      }
    }
    // Entries hold the target's row offset (no multiply per character), negated (-offset - 1)
    // when words end there: one predictable branch per character.
    for (let i = 0; i < next.length; i++) {
      const t = next[i];
      next[i] = out[t] ? -(t * width) - 1 : t * width;
    }
    this.#next = next;
    this.#out = out;
  }

  /**
   * The character classes with some characters read as others (`from` -> `to`): a scan with them
   * finds the words in the text as if each `from` were its `to`, without building that text.
   */
  aliased(alias: Record<string, string>): Uint16Array {
    const cls = this.#cls.slice();
    for (const [from, to] of Object.entries(alias)) cls[from.charCodeAt(0)] = this.#cls[to.charCodeAt(0)];
    return cls;
  }

  /** Calls hit(wordId, endIndex) for every occurrence, overlapping ones included. */
  scan(
    text: string,
    hit: (id: number, end: number) => void,
    cls: Uint16Array = this.#cls,
    from = 0,
    to = text.length,
  ): void {
    const next = this.#next;
    const width = this.#width;
    let s = 0;
    for (let i = from; i < to; i++) {
      s = next[s + cls[text.charCodeAt(i)]];
      if (s < 0) {
        s = -s - 1;
        for (const id of this.#out[s / width]!) hit(id, i + 1);
      }
    }
  }
}

/**
 * Phrase rules matched in one pass (see the top of this file). Built on first use: a process
 * whose rules never run (no injection guard, a worker given other work) never pays the ~0.2 s of
 * building the automatons, nor holds their tables.
 */
export class AnchoredPatterns {
  readonly #rules: readonly PhraseRule[];
  readonly #opts: AnchoredOptions;
  #built?: BuiltPatterns;

  /**
   * alias: characters find() may be asked to read as others too (leetspeak "1" -> "i"); no start
   * word may contain one. every: kinds whose every match is reported (cues).
   */
  constructor(rules: readonly PhraseRule[], opts: AnchoredOptions = {}) {
    this.#rules = rules;
    this.#opts = opts;
  }

  /** Builds the automatons now (with a snapshot's guards, not on a request). Throws on a bad rule set. */
  prepare(): void {
    this.#build();
  }

  #build(): BuiltPatterns {
    this.#built ??= new BuiltPatterns(this.#rules, this.#opts);
    return this.#built;
  }

  /** How many rules are tested whole (0 when every start was read). */
  get unanchored(): number {
    return this.#build().unanchored;
  }

  /** See BuiltPatterns.find. */
  find(...args: Parameters<BuiltPatterns['find']>): void {
    (this.#built ?? this.#build()).find(...args);
  }
}

interface AnchoredOptions {
  alias?: Record<string, string>;
  every?: (kind: string) => boolean;
}

class BuiltPatterns {
  /**
   * Per rule: its kind, its regex (sticky), how far an attempt reads (first-chars.ts), and whether
   * every match of it is reported (a cue: where it matched counts, not only that it did).
   */
  readonly #rules: { kind: string; sticky: RegExp; reach: number; every: boolean }[];
  /** Rules tested whole (their starts cannot be read). */
  readonly #whole: { kind: string; re: RegExp }[] = [];
  /** Rules that may match at the start of the text (a leading ^). */
  readonly #atStart: number[] = [];
  /** Automatons with, per word id of theirs, the id in #words. */
  readonly #scans: [Automaton, number[]][];
  /** Per word id: its length and the rules it starts. */
  /**
   * Per word id: its length, the rules it starts, whether each of them wants a word boundary
   * before it (a \b there: no attempt where the text has none), all of them as one regex, and
   * the farthest any of them reads.
   */
  readonly #words: {
    length: number;
    rules: number[];
    bounded: boolean;
    any?: RegExp;
    reach: number;
    /** What may follow the word where one of its rules matches (followsOf): most places, nothing does. */
    follows?: Map<number, string[]>;
  }[] = [];

  /** The length of the shortest start word outside ASCII. */
  readonly #otherMin: number;

  /** The ASCII automaton's classes with the alias characters read as what they stand for. */
  readonly #aliased?: Uint16Array;

  /** See AnchoredPatterns' constructor. */
  constructor(rules: readonly PhraseRule[], opts: AnchoredOptions) {
    this.#rules = rules.map((r) => ({
      kind: r.kind,
      sticky: new RegExp(r.re.source, `${r.re.flags}y`),
      reach: regexReach(r.re),
      every: opts.every?.(r.kind) ?? false,
    }));
    const ids = new Map<string, number>();
    rules.forEach((r, i) => {
      const starts = boundedStartsOf(r.re.source);
      if (!starts) {
        if (this.#rules[i].every) throw new Error(`cue ${r.kind} ${r.re.source}: its starts cannot be read`);
        this.#whole.push(r);
        return;
      }
      // \b reads more than ASCII word characters under the i and u flags together.
      const asciiBoundary = !(r.re.flags.includes('i') && /[uv]/.test(r.re.flags));
      const byWord = new Map<string, boolean>();
      for (const { word, bounded } of starts)
        byWord.set(word, (byWord.get(word) ?? true) && bounded && asciiBoundary);
      for (const [w, bounded] of byWord) {
        if (w === '') {
          this.#atStart.push(i);
          continue;
        }
        let id = ids.get(w);
        if (id === undefined) {
          id = this.#words.length;
          ids.set(w, id);
          this.#words.push({ length: w.length, rules: [], bounded: true, reach: 0 });
        }
        this.#words[id].rules.push(i);
        this.#words[id].reach = Math.max(this.#words[id].reach, this.#rules[i].reach);
        // The word may skip places without a boundary only when every rule it starts wants one.
        this.#words[id].bounded &&= bounded;
      }
    });
    // A word that starts several rules gets one regex for them all (their sources as alternatives,
    // sticky): most occurrences start none of them, and one attempt says so where one per rule
    // cost a call each. Only rules with the same flags, without backreferences or named groups
    // (alternatives renumber groups).
    // Per rule, read once (a rule with many starts is shared by many words).
    const literals = new Map<number, Literal[]>();
    const literalsOf = (i: number) => {
      const known = literals.get(i);
      if (known) return known;
      const l = literalPrefixes(rules[i].re.source);
      literals.set(i, l);
      return l;
    };
    for (const [word, id] of ids) {
      const w = this.#words[id];
      w.follows = followsOf(word, w.rules.map(literalsOf));
      const srcs = w.rules.map((i) => rules[i].re);
      if (
        srcs.length > 1 &&
        srcs.every((re) => re.flags === srcs[0].flags && !/\\[1-9k]|\(\?<[^=!]/.test(re.source))
      )
        w.any = new RegExp(srcs.map((re) => `(?:${re.source})`).join('|'), `${srcs[0].flags}y`);
    }
    // Two automatons: the ASCII words' table is small enough to stay in cache, and the others'
    // is scanned only when the text has a character outside ASCII.
    const words = [...ids.keys()];
    const ascii = words.filter((w) => !NON_ASCII.test(w));
    const other = words.filter((w) => NON_ASCII.test(w));
    for (const w of other)
      if (!NON_ASCII_WORD.test(w))
        throw new Error(`phrase start ${JSON.stringify(w)} mixes ASCII and other letters`);
    this.#otherMin = Math.min(...other.map((w) => w.length));
    this.#scans = [
      [new Automaton(ascii), ascii.map((w) => ids.get(w)!)],
      [new Automaton(other), other.map((w) => ids.get(w)!)],
    ];
    if (opts.alias) {
      const keys = Object.keys(opts.alias);
      const bad = words.find((w) => keys.some((k) => w.includes(k)));
      if (bad !== undefined) throw new Error(`phrase start ${JSON.stringify(bad)} holds an alias character`);
      this.#aliased = this.#scans[0][0].aliased(opts.alias);
    }
  }

  /** How many rules are tested whole (0 when every start was read). */
  get unanchored(): number {
    return this.#whole.length;
  }

  /**
   * Adds to `kinds` the kind of every rule that matches somewhere in `text` (skips kinds in it).
   * `aliased`: the text with the constructor's alias characters replaced (same length): rules are
   * also matched against it, in the same pass. `changed`: where aliased differs from text
   * (ascending), when known: a rule is then tried on aliased only where it differs in reach.
   * `cues`: where the rules declared `every` match (each match: its kind and where it starts);
   * without it they are not tried.
   */
  find(
    text: string,
    kinds: Set<string>,
    aliased?: string,
    changed?: readonly number[],
    cues?: { kind: string; at: number }[],
  ): void {
    const rules = this.#rules;
    /** The aliased copy differs from the text within [at - 1, at + reach): else it says the same. */
    const differs = (at: number, reach: number): boolean => {
      if (changed === undefined || reach === Number.POSITIVE_INFINITY) return true;
      let lo = 0;
      let hi = changed.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (changed[mid] < at - 1) lo = mid + 1;
        else hi = mid;
      }
      return lo < changed.length && changed[lo] < at + reach;
    };
    const tryAt = (i: number, at: number) => {
      const r = rules[i];
      if (r.every ? cues === undefined : kinds.has(r.kind)) return;
      r.sticky.lastIndex = at;
      let found = r.sticky.test(text);
      if (!found && aliased !== undefined && differs(at, r.reach)) {
        r.sticky.lastIndex = at;
        found = r.sticky.test(aliased);
      }
      if (!found) return;
      if (r.every) cues!.push({ kind: r.kind, at });
      else kinds.add(r.kind);
    };
    for (const i of this.#atStart) tryAt(i, 0);
    const [[ascii, asciiIds], [other, otherIds]] = this.#scans;
    const words = this.#words;
    let ids = asciiIds;
    // The places worth an attempt, by start word: tried after the scan, one word's and one rule's
    // attempts together. Attempts made in text order hop between hundreds of large compiled
    // regexes, and V8 then runs each much slower than in a batch (10x on trigger-dense text).
    const pending = new Map<number, number[]>();
    const hit = (id: number, end: number) => {
      const wi = ids[id];
      const w = words[wi];
      const at = end - w.length;
      // Inside a word (most places "no" or "act" occur): no rule can match here.
      if (w.bounded && !boundaryAt(text, at) && (aliased === undefined || !boundaryAt(aliased, at))) return;
      const follows = w.follows;
      if (
        follows !== undefined &&
        !followsAt(text, end, follows) &&
        (aliased === undefined || !followsAt(aliased, end, follows))
      )
        return;
      const places = pending.get(wi);
      if (places === undefined) pending.set(wi, [at]);
      else places.push(at);
    };
    if (aliased !== undefined && !this.#aliased) throw new Error('find: no alias was declared');
    ascii.scan(text, hit, aliased === undefined ? undefined : this.#aliased);
    // The other words lie within runs of non-ASCII characters (and single spaces): only those runs
    // as long as the shortest of them.
    // (Scanned in place: a substring would be a sliced string, and the loop slows down for every
    // text once it has seen more than one kind of string.)
    ids = otherIds;
    NON_ASCII_RUN.lastIndex = 0;
    for (let m = NON_ASCII_RUN.exec(text); m !== null; m = NON_ASCII_RUN.exec(text))
      if (m[0].length >= this.#otherMin) other.scan(text, hit, undefined, m.index, m.index + m[0].length);
    for (const [wi, places] of pending) {
      const w = words[wi];
      const any = w.any;
      // A rule whose kind is found needs no more attempts (a cue's every match counts): once none
      // of the word's rules does, its other places are left (a text repeating a rule's words is
      // otherwise tried at each of them). In batches, to keep the attempts together.
      const open = () =>
        w.rules.some((i) => (rules[i].every ? cues !== undefined : !kinds.has(rules[i].kind)));
      for (let from = 0; from < places.length && open(); from += BATCH) {
        const batch = places.length <= BATCH ? places : places.slice(from, from + BATCH);
        let tried = batch;
        if (any !== undefined) {
          // Most places start none of the word's rules: one attempt of them all says so.
          tried = [];
          for (const at of batch) {
            any.lastIndex = at;
            if (any.test(text)) tried.push(at);
            else if (aliased !== undefined && differs(at, w.reach)) {
              any.lastIndex = at;
              if (any.test(aliased)) tried.push(at);
            }
          }
        }
        for (const i of w.rules) for (const at of tried) tryAt(i, at);
      }
    }
    for (const r of this.#whole)
      if (!kinds.has(r.kind) && (r.re.test(text) || (aliased !== undefined && r.re.test(aliased))))
        kinds.add(r.kind);
  }
}
