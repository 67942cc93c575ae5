// PII and secrets: email, phone, credit card (Luhn), IBAN (mod-97), US SSN and 20-odd countries'
// national ids after their label (as ssn), IPv4/IPv6, API keys and secrets (OpenAI/Anthropic
// sk-..., AWS AKIA..., GitHub ghp_..., Slack, Google, Stripe, JWTs, bearer tokens, PEM private
// keys). Regexes find candidates; checksums and structure checks (Luhn, mod-97, SSN area rules,
// the ids' check digits, net.isIP) keep ordinary numbers from being masked.
import { isIPv4, isIPv6 } from 'node:net';
import type { PiiType } from '../snapshot/schema.ts';
import { memoLongTexts } from '../text-memo.ts';
import { Automaton } from './anchored.ts';
import { type FirstChars, firstChars } from './first-chars.ts';
import {
  applyMasks,
  applyMasksAcross,
  type Finding,
  type Guard,
  type GuardAction,
  kindsOf,
  type Prompt,
  type ResponseScanner,
  resolveOverlaps,
  type Span,
} from './guard.ts';

/**
 * What the detectors look up in a text, worked out once per text (lazily) and shared: the
 * positions their regexes can match at, so a regex is tried there (sticky) instead of being run
 * over the whole text - each whole-text scan costs about a millisecond per 100 KB.
 */
class Text {
  readonly text: string;
  #needles?: (number[] | undefined)[];
  #marks?: Marks;

  constructor(text: string) {
    this.text = text;
  }

  /** Where each of NEEDLES occurs (any case), in one pass; only the needles found have a list. */
  get #found(): (number[] | undefined)[] {
    if (!this.#needles) {
      const found: (number[] | undefined)[] = [];
      NEEDLE_AUTOMATON.scan(this.text, (id, end) => {
        const at = end - NEEDLES[id].length;
        const list = found[id];
        if (list) list.push(at);
        else found[id] = [at];
      });
      this.#needles = found;
    }
    return this.#needles;
  }

  /** Whether any needle at all occurs: most texts hold none. */
  get anyNeedle(): boolean {
    return this.#found.length > 0;
  }

  /** Whether any of the needles (ids of NEEDLES) occurs, in any case. */
  hasAny(ids: readonly number[]): boolean {
    const found = this.#found;
    if (found.length === 0) return false;
    for (const id of ids) if (found[id] !== undefined) return true;
    return false;
  }

  /** Where needles (of NEEDLES) occur, each moved by its offset, ascending. */
  starts(needles: NeedleIds): readonly number[] {
    const found = this.#found;
    // Most texts hold none of the needles: nothing to look up.
    if (found.length === 0) return NONE;
    const { ids, offsets } = needles;
    let out: number[] | undefined;
    let lists = 0;
    for (let i = 0; i < ids.length; i++) {
      const list = found[ids[i]!];
      if (!list) continue;
      const offset = offsets[i]!;
      out ??= [];
      for (const at of list) out.push(at + offset);
      lists++;
    }
    if (!out) return NONE;
    return lists > 1 ? out.sort((x, y) => x - y) : out;
  }

  /**
   * Where numbers can start (a digit after a non-digit, "(" and "+") and the shape of the number
   * there, where runs of digits start, and the colons: found by the engine's native search (a
   * JavaScript loop over every character costs ~30x more on text with few of them); test(), not
   * exec(): no match object per mark.
   */
  get marks(): Marks {
    if (!this.#marks) {
      const t = this.text;
      const numberStarts: number[] = [];
      const numberRuns: number[] = [];
      const digitStarts: number[] = [];
      const colons: number[] = [];
      MARKS.lastIndex = 0;
      while (MARKS.test(t)) {
        let at = MARKS.lastIndex - 1;
        if (t.charCodeAt(at) === COLON) {
          colons.push(at);
          continue;
        }
        // A number's marks one after another ("+44 20 7946 0958" has five) are read here, up to
        // the first character no number has inside: fewer native searches, each dearer than
        // reading the few characters between two marks.
        for (;;) {
          const c = t.charCodeAt(at);
          if (isDigit(c)) {
            const run = digitsFrom(t, at);
            numberStarts.push(at);
            numberRuns.push(run);
            digitStarts.push(at);
            at += run;
          } else if (c === OPEN || c === PLUS) {
            numberStarts.push(at);
            numberRuns.push(digitsFrom(t, at + 1));
            at++;
          } else if (c === SPACE || c === DOT || c === DASH || c === SLASH || c === CLOSE) at++;
          else break;
        }
        MARKS.lastIndex = at;
      }
      this.#marks = {
        numberStarts,
        numberRuns,
        numberDigits: joinedDigits(t, numberStarts, numberRuns),
        digitStarts,
        colons,
      };
    }
    return this.#marks;
  }
}

interface Marks {
  numberStarts: number[];
  /** Per number start: the digits in the run there (for "(" and "+", in the run after them). */
  numberRuns: number[];
  /** Per number start: the digits from there in runs joined by one " ", "." or "-" (0 for "(", "+"). */
  numberDigits: number[];
  digitStarts: number[];
  colons: number[];
}

const isGroupSeparator = (c: number) => c === SPACE || c === DOT || c === DASH;

/** numberDigits, from the last number start back: a run's own digits and those of the run it is joined to. */
function joinedDigits(t: string, starts: readonly number[], runs: readonly number[]): number[] {
  const out = new Array<number>(starts.length).fill(0);
  let next = -1;
  for (let i = starts.length - 1; i >= 0; i--) {
    const at = starts[i]!;
    if (!isDigit(t.charCodeAt(at))) continue;
    const end = at + runs[i]!;
    out[i] =
      runs[i]! +
      (next >= 0 && starts[next] === end + 1 && isGroupSeparator(t.charCodeAt(end)) ? out[next]! : 0);
    next = i;
  }
  return out;
}

// The characters the number and address scanners compare (char codes).
const SPACE = 32;
const HASH = 35;
const PERCENT = 37;
const APOSTROPHE = 39;
const OPEN = 40;
const CLOSE = 41;
const PLUS = 43;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const COLON = 58;

const isDigit = (c: number) => c >= 48 && c <= 57;
/** A number format's lead (fits()) that is a digit. */
const isDigitLead = (lead: string) => lead >= '0' && lead <= '9';
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** \w: an ASCII letter or digit, or "_" (false for NaN: before the text). */
const isWordChar = (c: number) => isDigit(c) || isAsciiLetter(c) || c === 95;

/** How many digits follow one another from `at`. */
function digitsFrom(t: string, at: number): number {
  let i = at;
  while (isDigit(t.charCodeAt(i))) i++;
  return i - at;
}

const NONE: readonly number[] = [];

/** A digit (the marks loop skips the rest of its run, so the next one found starts a run), "(", "+" or ":". */
const MARKS = /[0-9(+:]/g;

interface Detector {
  kind: PiiType;
  /** Cheap test that rules the text out before any regex runs. */
  maybe(t: Text): boolean;
  find(t: Text, out: Span[]): void;
}

const sticky = (re: RegExp) => new RegExp(re.source, `${re.flags.replace('g', '')}y`);

/** Per sticky regex: the characters its matches can start with (first-chars.ts). */
const FIRST = new WeakMap<RegExp, FirstChars | null>();
function firstOf(re: RegExp): FirstChars | undefined {
  let f = FIRST.get(re);
  if (f === undefined) {
    f = firstChars(re) ?? null;
    FIRST.set(re, f);
  }
  return f ?? undefined;
}

/**
 * scan() trying a sticky regex only at the given starts (ascending, duplicates allowed): the same
 * matches as a global scan of the whole text when no match can start anywhere else.
 */
function scanAt(
  at: RegExp,
  kind: PiiType,
  text: string,
  starts: Iterable<number>,
  out: Span[],
  accept?: (m: RegExpExecArray) => boolean | [number, number],
): void {
  let from = 0;
  let tried = -1;
  const first = firstOf(at);
  for (const start of starts) {
    if (start < from || start === tried || start < 0) continue;
    tried = start;
    // No non-empty match starts with this character (an empty one is skipped below anyway).
    if (first !== undefined && first[text.charCodeAt(start)] !== 1) continue;
    at.lastIndex = start;
    const m = at.exec(text);
    if (m === null || m[0] === '') continue;
    from = start + m[0].length;
    const ok = accept ? accept(m) : true;
    if (ok === false) continue;
    pushSpan(out, m, ok, kind);
  }
}

/**
 * A place a number can start, as a number format's gate sees it: the character there (a digit,
 * "(" or "+"), the run of digits there (after the "(" or "+") and the character after that run.
 */
interface NumberStart {
  text: string;
  at: number;
  lead: number;
  run: number;
  after: number;
  /** The character before (NaN at the start of the text). */
  before: number;
  /** The digits from here in runs joined by one " ", "." or "-" (0 when lead is "(" or "+"). */
  digits: number;
}

/**
 * One way numbers of a kind are written. Its sticky regex is tried only at the number starts whose
 * shape fits: most digit runs have the wrong lead or length for most formats, and each attempt
 * costs ~0.2 us even when it fails at once.
 *
 * To add a format: its regex (a match starts with a digit, "(" or "+"); `fits`, read off the
 * regex's start: the lead characters and the digit counts of the first run it can start with; and,
 * when the regex asks more of its surroundings (a look-behind, the character after the run), `can`
 * for that. Both must hold wherever the regex can match (`() => true` is always right, only
 * slower): test/unit/policy/pii-shapes.test.ts checks every format's against its regex.
 */
interface NumberFormat {
  at: RegExp;
  /**
   * Whether a match can start with this lead ("0"-"9", "(" or "+") and this many digits in the
   * first run (after a "(" or "+"; RUN_CAP stands for RUN_CAP or more). Asked once per format, for
   * every lead and length, to build the dispatch table.
   */
  fits: (lead: string, run: number) => boolean;
  /** Whether a match can start at this number start (asked only where `fits` holds). */
  can?: (n: NumberStart) => boolean;
  accept?: (m: RegExpExecArray) => boolean | [number, number];
}

/** Runs of this many digits or more are one length to the dispatch table. */
const RUN_CAP = 20;
const LEADS = '0123456789(+';
const leadIndex = (c: number) => (isDigit(c) ? c - ZERO : c === OPEN ? 10 : 11);

/** Refilled for each number start (~6,000 per 200 KB of PII-dense text): no garbage per start. */
const NUMBER_START: NumberStart = { text: '', at: 0, lead: 0, run: 0, after: 0, before: 0, digits: 0 };

/** Fills `n` with the number start at `at` (its run and joined digits from Text.marks). */
function describeStart(n: NumberStart, text: string, at: number, run: number, digits: number): NumberStart {
  const lead = text.charCodeAt(at);
  n.text = text;
  n.at = at;
  n.lead = lead;
  n.run = run;
  n.after = text.charCodeAt(at + run + (isDigit(lead) ? 0 : 1));
  n.before = text.charCodeAt(at - 1);
  n.digits = digits;
  return n;
}

/**
 * The number formats of one kind, tried in one pass over the number starts: each start's lead and
 * run length pick, from a table made once, the formats that fit; each of those is tried (sticky)
 * there unless the start is inside its own last match, as scanAt() would. The spans come out in
 * another order than one format after the other, which resolveOverlaps() makes the same.
 */
class NumberFormats {
  readonly #names: readonly string[];
  readonly #formats: readonly NumberFormat[];
  /** Per lead and run length (leadIndex * (RUN_CAP + 1) + run): the indexes of the formats that fit. */
  readonly #dispatch: (readonly number[])[] = [];

  constructor(named: Record<string, NumberFormat>) {
    this.#names = Object.keys(named);
    const formats = Object.values(named);
    this.#formats = formats;
    for (const lead of LEADS)
      for (let run = 0; run <= RUN_CAP; run++)
        this.#dispatch.push(formats.flatMap((f, i) => (f.fits(lead, run) ? [i] : [])));
  }

  /** The indexes of the formats whose fits() holds for a start with this lead and run. */
  #fitting(lead: number, run: number): readonly number[] {
    return this.#dispatch[leadIndex(lead) * (RUN_CAP + 1) + Math.min(run, RUN_CAP)]!;
  }

  find(kind: PiiType, t: Text, out: Span[]): void {
    const { numberStarts, numberRuns, numberDigits } = t.marks;
    const text = t.text;
    const formats = this.#formats;
    const from = new Array<number>(formats.length).fill(0);
    for (let i = 0; i < numberStarts.length; i++) {
      const at = numberStarts[i]!;
      const fitting = this.#fitting(text.charCodeAt(at), numberRuns[i]!);
      if (fitting.length === 0) continue;
      const n = describeStart(NUMBER_START, text, at, numberRuns[i]!, numberDigits[i]!);
      for (const f of fitting) {
        const format = formats[f]!;
        if (at < from[f]! || (format.can && !format.can(n))) continue;
        format.at.lastIndex = at;
        const m = format.at.exec(text);
        if (m === null || m[0] === '') continue;
        from[f] = at + m[0].length;
        const ok = format.accept ? format.accept(m) : true;
        if (ok === false) continue;
        pushSpan(out, m, ok, kind);
      }
    }
  }

  /**
   * For tests: every number start of `text` where a format's regex matches, and whether the
   * dispatch table and `can` let the format be tried there (they must, everywhere).
   */
  matches(text: string): { format: string; at: number; admitted: boolean }[] {
    const { numberStarts, numberRuns, numberDigits } = new Text(text).marks;
    const out: { format: string; at: number; admitted: boolean }[] = [];
    for (let i = 0; i < numberStarts.length; i++) {
      const at = numberStarts[i]!;
      const fitting = this.#fitting(text.charCodeAt(at), numberRuns[i]!);
      const n = describeStart({ ...NUMBER_START }, text, at, numberRuns[i]!, numberDigits[i]!);
      this.#formats.forEach((format, f) => {
        format.at.lastIndex = at;
        const m = format.at.exec(text);
        if (m === null || m[0] === '') return;
        const admitted = fitting.includes(f) && (!format.can || format.can(n));
        out.push({ format: this.#names[f]!, at, admitted });
      });
    }
    return out;
  }
}

/** The span of an accepted match: the match, or the range its accept narrowed it to. */
function pushSpan(out: Span[], m: RegExpExecArray, ok: true | [number, number], kind: PiiType): void {
  if (ok === true) out.push({ start: m.index, end: m.index + m[0].length, kind });
  else out.push({ start: ok[0], end: ok[1], kind });
}

/** Runs a global regex; `accept` may veto a candidate or narrow it to [start, end). */
function scan(
  re: RegExp,
  kind: PiiType,
  text: string,
  out: Span[],
  accept?: (m: RegExpExecArray) => boolean | [number, number],
): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    const ok = accept ? accept(m) : true;
    if (ok === false) continue;
    pushSpan(out, m, ok, kind);
  }
}

const hasDigit = (t: Text) => t.marks.digitStarts.length > 0;

// ---- email ---------------------------------------------------------------------------------------

// Local parts as RFC 5322 atoms allow them (apostrophes, plus tags) and as RFC 6531 allows them
// (letters of any script); domains may be internationalised (IDN labels in any script); after a
// label's colon (Email:a@b.c, mailto:a@b.c). Not the password of a URL's user:password@host (the
// secret detector takes it), an SSH remote (git@host:org/repo) or a file name (icon@2x.png: a file
// extension is no top-level domain).
// An apostrophe inside a local part (o'connor) is one; before it ('a@b.c') it is a quote. Not after
// "//" (a URL's user: ssh://git@host); = ? & / before the address: see localStart. Letters may
// carry combining marks (i̇, Devanagari vowel signs), a local part zero-width non-joiners
// (Persian علی‌آبادی) and Hebrew geresh (באב׳׳ד): RFC 6531 and IDNA allow them.
const EMAIL =
  /(?<![\p{L}\p{M}\p{N}.%+_-]|\/\/|(?<=[\p{L}\p{M}\p{N}])')[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}._%+'!#$*^`{|}~\u200c\u05f3\u05f4-]{0,62}[\p{L}\p{M}\p{N}_%+'\u05f3\u05f4-])?@(?:[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}\u200c-]{0,61}[\p{L}\p{M}\p{N}])?\.)+(?:(?!(?:png|jpe?g|gif|svg|webp|avif|bmp|ico|tiff?|heic|pdf|txt|json|ya?ml|toml|[mc]?js|[jt]sx|s?css|html?|xml|csv|lock|exe|dll|dylib|wasm)(?![\p{L}\p{N}_-]))\p{L}[\p{L}\p{M}]{1,23}|xn--[a-z0-9-]{2,59})(?![\p{L}\p{M}\p{N}_-])/gu;

/** user@host:path is an SSH/scp remote (git@github.com:org/repo.git), not an address. */
const SSH_PATH = /:[\w.~-]*\//y;
/** Before the password of scheme://user:password@host (the secret detector takes it). */
const USER_INFO = /\/\/[^\s/@:]{0,64}:$/;

function emailOk(m: RegExpExecArray): boolean {
  const t = m.input;
  const s = m.index;
  const e = s + m[0].length;
  if (s > 0 && t.charCodeAt(s - 1) === 58 && USER_INFO.test(t.slice(Math.max(0, s - 67), s))) return false;
  if (t.charCodeAt(e) === 58) {
    SSH_PATH.lastIndex = e;
    if (SSH_PATH.test(t)) return false;
  }
  return true;
}

// RFC 5322 also allows ? & / in a local part (jip/huisman@..., a&b@...), characters a URL's
// query or path puts before an address (?email=a@b.c, /users/a@b.c). The address is taken with
// them only as one word of its own: one such character, the word starting after a space, quote,
// bracket or "=", and the part before "?" no key's name. Not "=": a local part with one
// (a=b@c.d) is rare, a key=value line (user=a@b.c) common, so the key is left visible.
const LOCAL_CHAR = /[\p{L}\p{M}\p{N}._%+'!#$*^`{|}~\u200c\u05f3\u05f4-]/u;
const LOCAL_START = /[\p{L}\p{N}]/u;
const WORD_BEFORE = /[\s"'`<>([{,;:=\uff1a\uff0c\u3001]/;
const QUERY_KEY = /(?:^|[._-])(?:e-?mail|mail|addr(?:ess)?|user(?:name)?|login|to|from|q|query|search)$/i;

// A bounce address carries the recipient's in its local part after "=" (VERP list+user=host@...,
// SRS0=hash=tt=host=user@...): the word is taken whole when a "+" or an SRS tag comes before an "=".
const BOUNCE_PREFIX = /^(?:[^=]*\+|SRS[01][=+-])/i;

/** A quoted local part's inside: one word or two ("john smith"@...: a stream holds the word after a quote), no quote, "@" or "$" (a shell's "$USER"@host is a template). */
const QUOTED_LOCAL = /^[^\s"@\\$]+(?: [^\s"@\\$]+)?$/;

/** Where an address found at `start` really starts: before its ? & / part, when it has one. */
function localStart(t: string, start: number): number {
  const sep = t[start - 1];
  if (sep === '=') {
    let r = start - 1;
    while (r > 0 && start - r < 64 && (t[r - 1] === '=' || LOCAL_CHAR.test(t[r - 1]!))) r--;
    while (r < start - 1 && !LOCAL_START.test(t[r]!)) r++;
    return (r === 0 || WORD_BEFORE.test(t[r - 1]!)) && BOUNCE_PREFIX.test(t.slice(r, start)) ? r : start;
  }
  if (sep !== '?' && sep !== '&' && sep !== '/') return start;
  let r = start - 1;
  while (r > 0 && start - r < 64 && LOCAL_CHAR.test(t[r - 1]!)) r--;
  // An opening quote or dot before the word is not its ('jip/huisman@...').
  while (r < start - 1 && !LOCAL_START.test(t[r]!)) r++;
  if (r === start - 1) return start;
  if (r > 0 && !WORD_BEFORE.test(t[r - 1]!)) return start;
  if (sep === '?' && QUERY_KEY.test(t.slice(r, start - 1))) return start;
  return r;
}

const email: Detector = {
  kind: 'email',
  maybe: (t) => t.text.includes('@') || spelledAt(t.text) || t.hasAny(SPACED_IDS.ids),
  // The regex runs only around each '@' (a local part is at most 64 characters, a domain 255),
  // not over the whole text: its Unicode look-behind at every position costs ~30 us per KB.
  find: (text, out) => {
    const t = text.text;
    let done = 0;
    for (let at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) done = addressAt(t, at, done, out);
    // A quoted local part ("john.doe"@example.com, RFC 5322): read as letters of the same length.
    for (let at = t.indexOf('"@'); at >= 0; at = t.indexOf('"@', at + 2)) {
      const open = t.lastIndexOf('"', at - 1);
      if (open < 0 || at - open > 62 || !QUOTED_LOCAL.test(t.slice(open + 1, at))) continue;
      // A window around it only (a copy of the whole text per address would cost its length).
      const from = Math.max(0, open - 2);
      const found: Span[] = [];
      const window = t.slice(from, open) + 'x'.repeat(at + 1 - open) + t.slice(at + 1, at + 258);
      addressAt(window, at + 1 - from, 0, found);
      for (const s of found) out.push({ ...s, start: s.start + from, end: s.end + from });
    }
    if (text.hasAny(SPACED_IDS.ids)) spacedAddresses(t, text.starts(SPACED_IDS), out);
    if (!spelledAt(t)) return;
    // The "@" written another way (jane%40mail.com in a URL's query, info(at)praxis.de): read as
    // the text with those written out at the same length (jane.doexx@mail.com), so the spans fit.
    const spelled = t.replace(SPELLED_ALL, spellOut);
    done = 0;
    SPELLED_ALL.lastIndex = 0;
    for (let m = SPELLED_ALL.exec(t); m !== null; m = SPELLED_ALL.exec(t)) {
      const at = m.index + m[0].length - 1;
      if (spelled.charCodeAt(at) === AT && isWordChar(t.charCodeAt(m.index - 1)))
        done = addressAt(spelled, at, done, out);
    }
  },
};

// An address written out with spaces around its "at" and "dot"s: "alex [at] protonmail [dot] com",
// "jane dot doe at example dot com", "ana arroba correo punto es". Bracketed words ([at], (dot))
// say so anywhere; a bare "at" only with a spelled "dot" before a common top-level domain and the
// local part marked as one (a "." "_" "+" or digit in it, a spelled dot) or announced ("email:",
// "reach me at"), so "meet at noon dot" and "look at this dot com" stay text. The words of
// other languages (arroba, arobase, chiocciola) are never prose. A bracketed marker has a space on
// both sides or none, none inside: a stream holds the words around a marker (stream.ts) and reads
// "[at]" as one word.
const AT_WORD = 'at|arroba|arobase|chiocciola';
const DOT_WORD = 'dot|punto|ponto|point|punkt';
const SPACED_LOCAL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}._%+-]{0,62}[\\p{L}\\p{N}_%+-])?';
const SPACED_LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const SPELLED_DOT_SOURCE = `(?: [([{<](?:${DOT_WORD})[)\\]}>] |[([{<](?:${DOT_WORD})[)\\]}>]| (?:${DOT_WORD}) )`;
const SPACED_DOT = `(?:${SPELLED_DOT_SOURCE}|\\.)`;
const SPACED_AT = `(?: [([{<](?:at|@)[)\\]}>] |[([{<](?:at|@)[)\\]}>]| (?:${AT_WORD}) )`;
const SPACED_EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}._%+@-])${SPACED_LOCAL}(?:${SPELLED_DOT_SOURCE}${SPACED_LOCAL}){0,3}(${SPACED_AT})${SPACED_LABEL}(?:${SPACED_DOT}${SPACED_LABEL}){0,3}${SPACED_DOT}\\p{L}{2,24}(?![\\p{L}\\p{N}_@-])`,
  'giu',
);
const BRACKETED = /[([{<]/;
const SPELLED_DOT = new RegExp(SPELLED_DOT_SOURCE, 'i');
/** Top-level domains common enough that "x at y dot com" is an address. */
const COMMON_TLD =
  /(?:^|[ .\])\]}>])(?:com|org|net|edu|gov|mil|int|io|co|ai|app|dev|me|info|biz|us|uk|ca|au|nz|ie|in|de|fr|es|it|pt|nl|be|ch|at|se|no|dk|fi|pl|cz|ru|jp|cn|kr|br|mx|ar|cl)$/i;
/** The local part marked as one: a "." "_" "+" or digit in it (or a spelled dot). */
const MARKED_LOCAL = /[._+\d]/;
/** Words that announce an address before it ("email:", "write to", "reach me at", "is"). */
const ANNOUNCED =
  /(?:e-?mail|mail|contact|reach|write|address|adresse|courriel|correo|send|message|ping|is|at|to|:)[^\p{L}\p{N}\n]{0,4}$/iu;
/** Pronouns: "contact us at example dot com" is a site. */
const PRONOUN = /^(?:me|us|you|him|her|them|it|we|i)$/i;
/** Where a spaced address may be: its markers, found by the needle automaton's pass (any case). */
const SPACED_NEEDLES = [
  ' dot ',
  '[dot]',
  '(dot)',
  '{dot}',
  '<dot>',
  ' arroba ',
  ' arobase ',
  ' chiocciola ',
  '[at]',
  '(at)',
  '{at}',
  '<at>',
];
/** How far around a marker an address is looked for (a local part and a domain, spelled out). */
const SPACED_REACH = 256;

function spacedOk(m: RegExpExecArray): boolean {
  const at = m[1]!;
  if (BRACKETED.test(at)) return true;
  const cut = m[0].indexOf(at);
  const local = m[0].slice(0, cut);
  const domain = m[0].slice(cut + at.length);
  if (!SPELLED_DOT.test(domain) || !COMMON_TLD.test(domain)) return false;
  if (at.trim().toLowerCase() !== 'at') return true;
  if (PRONOUN.test(local)) return false;
  return (
    MARKED_LOCAL.test(local) ||
    SPELLED_DOT.test(local) ||
    ANNOUNCED.test(m.input.slice(Math.max(0, m.index - 40), m.index)) ||
    (LINE_BEFORE.test(m.input.slice(Math.max(0, m.index - 4), m.index)) &&
      LINE_AFTER.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 4)))
  );
}
/** An address that is its line: alone, or after a list's bullet, and at most a full stop after it. */
const LINE_BEFORE = /(?:^|\n)[ \t>*-]{0,3}$/;
// Nothing after it but a full stop: a stream decides once the line has ended (a space could go on).
const LINE_AFTER = /^[.!]?(?:\r|\n|$)/;

/**
 * The spaced addresses around the markers (ascending): the regex runs in windows, not over the
 * whole text; markers whose windows meet share one (text made of markers is one pass).
 */
function spacedAddresses(t: string, marks: readonly number[], out: Span[]): void {
  for (let k = 0; k < marks.length; ) {
    let from = Math.max(0, marks[k]! - SPACED_REACH);
    // From a word's start (a window cut inside a word would start an address there).
    while (from > 0 && from < marks[k]! && !isUrlEnd(t.charCodeAt(from - 1))) from++;
    let end = Math.min(t.length, marks[k]! + SPACED_REACH);
    while (++k < marks.length && marks[k]! - SPACED_REACH < end)
      end = Math.min(t.length, marks[k]! + SPACED_REACH);
    const found: Span[] = [];
    scan(SPACED_EMAIL, 'email', t.slice(from, end), found, spacedOk);
    for (const s of found) out.push({ ...s, start: s.start + from, end: s.end + from });
  }
}

const AT = 64;
/**
 * Whether an "@" is written as "%40" (a URL's encoded one), "(at)", "[at]" or "{at}": plain
 * searches (a regex over the text costs ~1 us per KB more).
 */
const spelledAt = (t: string) =>
  t.includes('%40') ||
  t.includes('(at)') ||
  t.includes('[at]') ||
  t.includes('{at}') ||
  t.includes('(AT)') ||
  t.includes('[AT]');
/** Those, and the "(dot)"s of a spelled-out domain (info(at)praxis(dot)de). */
const SPELLED_ALL = /%40|[([{](?:[Aa][Tt]|[Dd][Oo][Tt])[)\]}]/g;
/** The same length, "@" or "." last, word characters before it (the local part or label goes on). */
const spellOut = (s: string) =>
  'x'.repeat(s.length - 1) + (s === '%40' || s[1] === 'a' || s[1] === 'A' ? '@' : '.');

/** The address whose "@" is at `at` (none before `done`, the end of the last): pushed; the new `done`. */
function addressAt(t: string, at: number, done: number, out: Span[]): number {
  if (at < done || !mayBeAddressAt(t, at)) return done;
  const from = Math.max(done, at - 66);
  const found = emailAround(t.slice(from, at + 257), at - from);
  if (found === undefined) return done;
  out.push({ start: localStart(t, found[0] + from), end: found[1] + from, kind: 'email' });
  return found[1] + from;
}

/**
 * Whether an address can have its "@" at `at`: a local part's last character before it, and after
 * it a domain label, a dot and two letters of a top-level domain (read loosely: any non-ASCII
 * character may be a letter). The regex is not run at the "@"s of no address ("a@b@c", "@@",
 * decorators, "a.b@c.d@"): text made of them ("a@" x 100,000) cost ~3.5 us per character.
 */
function mayBeAddressAt(t: string, at: number): boolean {
  const before = t.charCodeAt(at - 1);
  const localEnd =
    before >= 0x80 ||
    isWordChar(before) ||
    before === PERCENT ||
    before === PLUS ||
    before === APOSTROPHE ||
    before === DASH;
  if (!localEnd || !isDomainChar(t.charCodeAt(at + 1))) return false;
  const end = Math.min(t.length, at + 257);
  for (let i = at + 2; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === DOT) {
      if (isLetterish(t.charCodeAt(i + 1)) && isLetterish(t.charCodeAt(i + 2))) return true;
    } else if (!isDomainChar(c)) return false;
  }
  return false;
}
const isLetterish = (c: number) => c >= 0x80 || isAsciiLetter(c);
/** A domain label's character, loosely: "." and "-" are checked where they matter. */
const isDomainChar = (c: number) => isLetterish(c) || isDigit(c) || c === DASH;

/**
 * The address in a window that takes in the window's character `at` (an "@"). The first match
 * that ends past `at` decides: no later one can take it in, so the rest of the window (most of it,
 * room for a long domain) is not searched.
 */
function emailAround(window: string, at: number): [number, number] | undefined {
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(window); m !== null; m = EMAIL.exec(window)) {
    const end = m.index + m[0].length;
    if (end <= at) continue;
    return m.index <= at && emailOk(m) ? [m.index, end] : undefined;
  }
  return undefined;
}

// ---- credit card (Luhn) --------------------------------------------------------------------------

const CARD = /(?<![\d.-])\d(?:[ .-]?\d){12,18}(?![\d]|\.\d)/g;

export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes of the card networks (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro). */
const CARD_PREFIX = /^(?:4|5[1-5]|2[2-7]|3[47]|6(?:011|5|4[4-9]|2)|35|30[0-5]|36|38|39|5[06-9]|6[0-9])/;

/**
 * The lengths the networks issue: Visa 13, 16 or 19 digits, Amex 15, Mastercard 16 (others 14-19).
 * A 15-digit Luhn number starting with 4 is a phone's IMEI, not a card.
 */
function brandLength(digits: string): boolean {
  const n = digits.length;
  const c = digits.charCodeAt(0);
  const two = Number(digits.slice(0, 2));
  if (c === 52) return n === 13 || n === 16 || n === 19; // 4: Visa
  if (two === 34 || two === 37) return n === 15; // Amex
  if ((two >= 51 && two <= 55) || (two >= 22 && two <= 27 && !digits.startsWith('220'))) return n === 16; // Mastercard
  return n >= 14;
}

const CARD_FORMAT: NumberFormat = {
  // A card number starts a run of digits; 13 digits or more.
  at: sticky(CARD),
  fits: isDigitLead,
  can: (n) => n.digits >= 13,
  accept: (m) => {
    // Separators must be consistent (groups like 4-4-4-4), not an arbitrary run of numbers.
    const seps = new Set(m[0].replace(/\d/g, ''));
    if (seps.size > 1) return false;
    // Every network prints its first group as four digits (4-4-4-4, Amex 4-6-5); an IMEI is
    // grouped 2-6-6-1.
    if (seps.size === 1 && !/^\d{4}\D/.test(m[0])) return false;
    const digits = m[0].replace(/[ .-]/g, '');
    // A WhatsApp link's number (phone) is no card.
    if (m.input.endsWith('wa.me/', m.index)) return false;
    return (
      digits.length >= 13 &&
      digits.length <= 19 &&
      CARD_PREFIX.test(digits) &&
      brandLength(digits) &&
      luhn(digits)
    );
  },
};

const CARD_NUMBERS = new NumberFormats({ card: CARD_FORMAT });

const creditCard: Detector = {
  kind: 'credit-card',
  maybe: hasDigit,
  find: (t, out) => CARD_NUMBERS.find('credit-card', t, out),
};

// ---- IBAN (mod-97) -------------------------------------------------------------------------------

/** The SWIFT registry's IBAN lengths (and Iran's national IBAN). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IR: 26,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

/**
 * A country code and check digits; the rest is read to the country's length (groups of 4 allowed).
 * Any case (iban=de89370400440532013000): the length and mod-97 check rule out words.
 */
const IBAN_START = /(?<![A-Za-z0-9])([A-Za-z]{2})(\d{2})/g;
const IBAN_CHAR = /[A-Za-z0-9]/;

export function ibanValid(iban: string): boolean {
  const s = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c >= 65 ? c - 55 : c - 48; // A=10 .. Z=35
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}

const IBAN_AT = sticky(IBAN_START);

const iban: Detector = {
  kind: 'iban',
  maybe: hasDigit,
  // The check digits start a run of digits, two characters after the country code.
  find: ({ text: t, marks }, out) => {
    const { numberStarts, numberRuns } = marks;
    let from = 0;
    for (let k = 0; k < numberStarts.length; k++) {
      const digits = numberStarts[k]!;
      if (digits - 2 < from) continue;
      // Two check digits after two letters (the regex's shape: no attempt elsewhere).
      if (
        numberRuns[k]! < 2 ||
        !isAsciiLetter(t.charCodeAt(digits - 1)) ||
        !isAsciiLetter(t.charCodeAt(digits - 2))
      )
        continue;
      IBAN_AT.lastIndex = digits - 2;
      const m = IBAN_AT.exec(t);
      if (m === null) continue;
      from = m.index + 4;
      const country = m[1].toUpperCase();
      const len = IBAN_LENGTH[country];
      if (!len) continue;
      let compact = country + m[2];
      let i = m.index + 4;
      let sep = '';
      while (compact.length < len && i < t.length) {
        const c = t[i];
        // Groups of four apart by a space or a dash (DE89-3704-...), the same one throughout.
        if (
          (c === ' ' || c === '-') &&
          (c === sep || sep === '') &&
          i + 1 < t.length &&
          IBAN_CHAR.test(t[i + 1]) &&
          (compact.length - 4) % 4 === 0
        ) {
          sep = c;
          i++;
          continue;
        }
        if (!IBAN_CHAR.test(c)) break;
        compact += c.toUpperCase();
        i++;
      }
      if (compact.length !== len || (i < t.length && IBAN_CHAR.test(t[i]))) continue;
      if (!ibanValid(compact)) continue;
      out.push({ start: m.index, end: i, kind: 'iban' });
      from = i;
    }
  },
};

// ---- US SSN --------------------------------------------------------------------------------------

// 123-45-6789 or 123 45 6789 anywhere; 123456789 only after a label (SSN, social security ...),
// since nine bare digits are as often an order or account number.
const SSN = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
// The label may say how the number is written, in parentheses ("SSN (no dashes): ...").
const SSN_LABELLED =
  /(?:\b(?:SSNs?|social[ -]security)(?:[ -](?:number|no\.?|num\.?|#))?|\bSS#)(?:\s?\([^()\d\n]{1,24}\))?\W{0,12}?(?:is\s+|:\s*|#\s*)?(?<![\d-])(\d{3})[ .]?(\d{2})[ .]?(\d{4})(?![\d-])/gi;

const validSsn = (area: string, group: string, serial: string) => {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
};

const SSN_FORMAT: NumberFormat = {
  at: sticky(SSN),
  fits: (lead, run) => isDigitLead(lead) && run === 3,
  // 123-45-6789: the same separator after the group of two.
  can: (n) =>
    (n.after === DASH || n.after === SPACE) && n.digits >= 9 && n.text.charCodeAt(n.at + 6) === n.after,
  accept: (m) => validSsn(m[1]!, m[3]!, m[4]!),
};
/** Where a labelled SSN match starts (SSN_LABELLED is case-insensitive). */
const SSN_LABELS = ['ssn', 'social', 'ss#'];
const SSN_LABELLED_AT = sticky(SSN_LABELLED);
const SSN_NUMBERS = new NumberFormats({ ssn: SSN_FORMAT });

const ssn: Detector = {
  kind: 'ssn',
  maybe: hasDigit,
  find: (t, out) => {
    SSN_NUMBERS.find('ssn', t, out);
    scanAt(SSN_LABELLED_AT, 'ssn', t.text, t.starts(SSN_LABEL_IDS), out, (m) => {
      if (!validSsn(m[1]!, m[2]!, m[3]!)) return false;
      const value = m[0].length - (m[0].length - m[0].search(/\d{3}[ .]?\d{2}[ .]?\d{4}$/));
      return [m.index + value, m.index + m[0].length];
    });
    nationalIds(t, out);
  },
};

// ---- national identity numbers (reported as ssn) -----------------------------------------------

// Other countries' personal numbers, found only after their label (PESEL: ..., 身份证号：...,
// DNI ..., NI number ...) and kept only when the number's own check holds (check digits, a birth
// date): a label with digits after it is as often a form's field name over an example.
interface NationalId {
  /** The number, tried (sticky) where the label and the words after it end. */
  at: RegExp;
  valid: (value: string) => boolean;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');
const weighted = (d: string, w: readonly number[]) =>
  w.reduce((sum, k, i) => sum + k * (d.charCodeAt(i) - 48), 0);
/** A day and month that exist (the year read loosely). */
const dayMonth = (day: number, month: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;
/** Digits mod 97, read in place (15 digits are past 2^53 for some ids). */
const mod97 = (d: string) => {
  let r = 0;
  for (let i = 0; i < d.length; i++) r = (r * 10 + d.charCodeAt(i) - 48) % 97;
  return r;
};
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const VERHOEFF_D = [
  '0123456789',
  '1234067895',
  '2340178956',
  '3401289567',
  '4012395678',
  '5987604321',
  '6598710432',
  '7659821043',
  '8765932104',
  '9876543210',
];
const VERHOEFF_P = [
  '0123456789',
  '1576283094',
  '5803796142',
  '8916043527',
  '9453127680',
  '4286573901',
  '2793806415',
  '7046913258',
];
function verhoeff(d: string): boolean {
  let c = 0;
  for (let i = 0; i < d.length; i++)
    c =
      VERHOEFF_D[c]!.charCodeAt(VERHOEFF_P[i % 8]!.charCodeAt(d.charCodeAt(d.length - 1 - i) - 48) - 48) - 48;
  return c === 0;
}
/** ISO 7064 MOD 11,10 (the German tax id). */
function mod11_10(d: string): boolean {
  let p = 10;
  for (let i = 0; i < d.length - 1; i++) {
    let s = (d.charCodeAt(i) - 48 + p) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  return (11 - p) % 10 === d.charCodeAt(d.length - 1) - 48;
}
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
/** The Italian codice fiscale's check letter. */
function codiceFiscale(s: string): boolean {
  const v = s.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = v.charCodeAt(i);
    const k = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? CF_ODD[k]! : k;
  }
  return v.charCodeAt(15) - 65 === sum % 26;
}
const CURP_CHARS = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
function curp(s: string): boolean {
  const v = s.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_CHARS.indexOf(v[i]!) * (18 - i);
  return (10 - (sum % 10)) % 10 === v.charCodeAt(17) - 48;
}

const ID_END = '(?![\\p{L}\\p{N}])';
const id = (source: string, valid: (value: string) => boolean): NationalId => ({
  at: new RegExp(`(?:${source})${ID_END}`, 'uy'),
  valid,
});

const NATIONAL_IDS = {
  // Canada's SIN (Luhn).
  sin: id('\\d{3}([ -]?)\\d{3}\\1\\d{3}', (v) => luhn(digitsOf(v)) && v[0] !== '8'),
  // France's NIR: sex, year, month, department (2A / 2B Corsica), commune, order, key 97 - n mod 97.
  nir: id('[12] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[ABab]) ?\\d{3} ?\\d{3} ?\\d{2}', (v) => {
    const s = v.replace(/ /g, '').toUpperCase().replace('2A', '19').replace('2B', '18');
    return 97 - mod97(s.slice(0, 13)) === Number(s.slice(13));
  }),
  // Spain's DNI (8 digits and a letter) and NIE (X / Y / Z, 7 digits, a letter): the letter is n mod 23.
  dni: id('\\d{8}[ -]?[A-Za-z]|[XYZxyz][ -]?\\d{7}[ -]?[A-Za-z]', (v) => {
    const s = v.replace(/[ -]/g, '').toUpperCase();
    const n = Number(s.slice(0, -1).replace(/^[XYZ]/, (x) => String('XYZ'.indexOf(x))));
    return DNI_LETTERS[n % 23] === s.at(-1);
  }),
  // The Netherlands' BSN (the 11-test).
  bsn: id('\\d{4}\\.?\\d{2}\\.?\\d{3}|\\d{9}', (v) => {
    const d = digitsOf(v);
    return (weighted(d, [9, 8, 7, 6, 5, 4, 3, 2]) - (d.charCodeAt(8) - 48)) % 11 === 0 && d !== '000000000';
  }),
  // Poland's PESEL.
  pesel: id('\\d{11}', (d) => {
    const c = (10 - (weighted(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10;
    return c === d.charCodeAt(10) - 48 && dayMonth(Number(d.slice(4, 6)), Number(d.slice(2, 4)) % 20);
  }),
  // Sweden's personnummer (YYMMDD-NNNC or YYYYMMDD-NNNC, Luhn over the last ten).
  se: id('(?:\\d{2})?\\d{6}[-+ ]?\\d{4}', (v) => {
    const d = digitsOf(v).slice(-10);
    return luhn(d) && dayMonth(Number(d.slice(4, 6)) % 60, Number(d.slice(2, 4)));
  }),
  // Norway's fødselsnummer (two mod-11 check digits).
  no: id('\\d{6} ?\\d{5}', (v) => {
    const d = digitsOf(v);
    const k = (w: number[], n: number) => (11 - (weighted(d, w) % 11)) % 11 === d.charCodeAt(n) - 48;
    return k([3, 7, 6, 1, 8, 9, 4, 5, 2], 9) && k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], 10);
  }),
  // Denmark's CPR (DDMMYY-NNNN; no check digit since 2007: the date).
  dk: id('\\d{6}-?\\d{4}', (v) => dayMonth(Number(v.slice(0, 2)), Number(v.slice(2, 4)))),
  // Finland's henkilötunnus (DDMMYY, century sign, NNN, a check character mod 31).
  fi: id('\\d{6}[-+A-FU-Ya-fu-y]\\d{3}[0-9A-Ya-y]', (v) => {
    const n = Number(v.slice(0, 6) + v.slice(7, 10));
    return '0123456789ABCDEFHJKLMNPRSTUVWXY'[n % 31] === v[10]!.toUpperCase();
  }),
  // Brazil's CPF (two check digits; not one digit repeated).
  cpf: id('\\d{3}\\.?\\d{3}\\.?\\d{3}[-.]?\\d{2}', (v) => {
    const d = digitsOf(v);
    if (/^(\d)\1+$/.test(d)) return false;
    const k = (n: number) =>
      ((weighted(
        d,
        Array.from({ length: n }, (_, i) => n + 1 - i),
      ) *
        10) %
        11) %
      10;
    return k(9) === d.charCodeAt(9) - 48 && k(10) === d.charCodeAt(10) - 48;
  }),
  // China's resident id (ISO 7064 MOD 11-2; a birth date in it).
  cn: id('\\d{17}[\\dXx]', (v) => {
    const sum = weighted(v, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
    return (
      '10X98765432'[sum % 11] === v[17]!.toUpperCase() &&
      dayMonth(Number(v.slice(12, 14)), Number(v.slice(10, 12)))
    );
  }),
  // South Korea's resident registration number (YYMMDD-SNNNNNN; numbers since 2020 have no check digit).
  kr: id('\\d{6}[- ]?[1-8]\\d{6}', (v) => dayMonth(Number(v.slice(4, 6)), Number(v.slice(2, 4)))),
  // Japan's My Number (12 digits, a check digit).
  jp: id('\\d{4}([ -]?)\\d{4}\\1\\d{4}', (v) => {
    const d = digitsOf(v);
    let sum = 0;
    for (let n = 1; n <= 11; n++) sum += (d.charCodeAt(11 - n) - 48) * (n <= 6 ? n + 1 : n - 5);
    const r = sum % 11;
    return (r <= 1 ? 0 : 11 - r) === d.charCodeAt(11) - 48;
  }),
  // India's Aadhaar (12 digits, not from 0 or 1, Verhoeff).
  in: id('[2-9]\\d{3}([ -]?)\\d{4}\\1\\d{4}', (v) => verhoeff(digitsOf(v))),
  // Türkiye's T.C. Kimlik No (two check digits).
  tr: id('[1-9]\\d{10}', (d) => {
    const n = (i: number) => d.charCodeAt(i) - 48;
    const odd = n(0) + n(2) + n(4) + n(6) + n(8);
    const even = n(1) + n(3) + n(5) + n(7);
    return (((odd * 7 - even) % 10) + 10) % 10 === n(9) && (odd + even + n(9)) % 10 === n(10);
  }),
  // Belgium's national number (YY.MM.DD-NNN.CC; 97 - n mod 97, with a 2 before it from 2000).
  be: id('\\d{2}\\.?\\d{2}\\.?\\d{2}[-. ]?\\d{3}\\.?\\d{2}', (v) => {
    const d = digitsOf(v);
    const c = Number(d.slice(9));
    return 97 - mod97(d.slice(0, 9)) === c || 97 - mod97(`2${d.slice(0, 9)}`) === c;
  }),
  // The UK's National Insurance number (two letters of the allowed prefixes, six digits, A-D).
  gb: id(
    '[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]',
    (v) => !/^(?:BG|GB|NK|KN|TN|NT|ZZ)/.test(v),
  ),
  // Italy's codice fiscale (a check letter).
  it: id('[A-Za-z]{6}\\d{2}[A-EHLMPR-Ta-ehlmpr-t]\\d{2}[A-Za-z]\\d{3}[A-Za-z]', codiceFiscale),
  // Germany's Steuer-ID (11 digits, ISO 7064 MOD 11,10).
  de: id('[1-9]\\d(?: ?\\d{3}){3}', (v) => mod11_10(digitsOf(v))),
  // The US ITIN (9NN-[5-9]N-NNNN).
  itin: id('9\\d{2}([- ]?)(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])\\1\\d{4}', () => true),
  // Mexico's CURP (18 characters, a check digit).
  mx: id('[A-Za-z]{4}\\d{6}[HMXhmx][A-Za-z]{5}[A-Za-z0-9]\\d', curp),
} satisfies Record<string, NationalId>;
type IdName = keyof typeof NATIONAL_IDS;

/**
 * The labels, lower case (the needle automaton folds A-Z only), and the numbers each names. A
 * label of five letters or fewer must be a word of its own (not "using", "business"); a longer one
 * may go on (rijksregister-nummer, 身份证号码).
 */
const ID_LABELS: readonly (readonly [string, readonly IdName[]])[] = [
  ['sin', ['sin']],
  ['social insurance', ['sin']],
  ['assurance sociale', ['sin', 'nir']],
  ['nir', ['nir']],
  ['sécurité sociale', ['nir']],
  ['securite sociale', ['nir']],
  ['insee', ['nir']],
  ['dni', ['dni']],
  ['nie', ['dni']],
  ['nif', ['dni']],
  ['bsn', ['bsn']],
  ['burgerservicenummer', ['bsn']],
  ['sofinummer', ['bsn']],
  ['pesel', ['pesel']],
  ['personnummer', ['se', 'no', 'dk']],
  ['personnr', ['se', 'no']],
  ['fødselsnummer', ['no']],
  ['fodselsnummer', ['no']],
  ['cpr', ['dk']],
  ['henkilötunnus', ['fi']],
  ['henkilotunnus', ['fi']],
  ['hetu', ['fi']],
  ['personbeteckning', ['fi']],
  ['cpf', ['cpf']],
  ['身份证', ['cn']],
  ['身份證', ['cn']],
  ['身份号码', ['cn']],
  ['주민등록번호', ['kr']],
  ['주민번호', ['kr']],
  ['rrn', ['kr']],
  ['マイナンバー', ['jp']],
  ['個人番号', ['jp']],
  ['my number', ['jp']],
  ['aadhaar', ['in']],
  ['aadhar', ['in']],
  ['आधार', ['in']],
  ['kimlik', ['tr']],
  ['tckn', ['tr']],
  ['rijksregister', ['be']],
  ['registre national', ['be']],
  ['numéro national', ['be']],
  ['insz', ['be']],
  ['niss', ['be']],
  ['national insurance', ['gb']],
  ['ni number', ['gb']],
  ['ni no', ['gb']],
  ['nino', ['gb']],
  ['codice fiscale', ['it']],
  ['cod. fiscale', ['it']],
  ['steuer-id', ['de']],
  ['steuerid', ['de']],
  ['identifikationsnummer', ['de']],
  ['idnr', ['de']],
  ['itin', ['itin']],
  ['curp', ['mx']],
];
const ID_NEEDLES = ID_LABELS.map(([label]) => label);
/** A long label's rest (身份证号码, Rijksregisternummer, fødselsnummer-et). */
const LABEL_REST = /[\p{L}\p{M}]{0,14}/uy;
/** Between a label and its number: punctuation and the words for "number" ("CPR-nr.", "No:", "号码："). */
const NUMBER_WORDS = [
  'no',
  'nr',
  'n°',
  'nº',
  'num',
  'number',
  'numbers',
  'numéro',
  'numero',
  'número',
  'nummer',
  'numer',
  'numarası',
  'numarasi',
  'is',
  '号码',
  '号',
  '番号',
  '번호',
  'संख्या',
  'नंबर',
];
// Built from strings: the bundle escapes non-ASCII characters in strings, not in regex literals.
const ID_GAP = new RegExp(
  `(?:[^\\p{L}\\p{N}\\n]{0,6}(?:(?:${NUMBER_WORDS.join('|')})(?![\\p{L}\\p{N}])\\.?)?){0,3}[^\\p{L}\\p{N}\\n]{0,6}`,
  'iuy',
);

function nationalIds(t: Text, out: Span[]): void {
  // Every id starts at its label, a needle.
  if (!t.anyNeedle) return;
  const text = t.text;
  for (let k = 0; k < ID_LABELS.length; k++) {
    const [label, names] = ID_LABELS[k]!;
    for (const at of t.starts(ID_LABEL_IDS[k]!)) {
      if (isWordChar(text.charCodeAt(at - 1))) continue;
      let i = at + label.length;
      if (label.length > 5) {
        LABEL_REST.lastIndex = i;
        i += LABEL_REST.exec(text)![0].length;
      } else if (isWordChar(text.charCodeAt(i))) continue;
      ID_GAP.lastIndex = i;
      i += ID_GAP.exec(text)![0].length;
      if (i >= text.length) continue;
      for (const name of names) {
        const { at: re, valid } = NATIONAL_IDS[name];
        re.lastIndex = i;
        const m = re.exec(text);
        if (m !== null && valid(m[0])) {
          out.push({ start: i, end: i + m[0].length, kind: 'ssn' });
          break;
        }
      }
    }
  }
}

// ---- phone ---------------------------------------------------------------------------------------

// International (+CC ..., 00CC ..., +36 20/390-8806), North-American ((415) 555-0132,
// 415-555-0132, 1-800-555-0199) and national numbers written with their trunk prefix 0 (UK 020 7946
// 0958 / 07700 900123, DE 030 12345678, FR 01 23 45 67 89, IT 02 1234 5678, NL 06 12345678, IN 022
// 2345 6789, JP 03-1234-5678 / 01234-5-6789, AU (02) 9876 5432 / 0412 345 678, SE 08-123 45 67 /
// 029-603 23, IE 01 7968174, TH 0 2123 4567), plus the national forms without a trunk prefix that
// have a fixed shape (BR (11) 91234-5678, IN mobile 98765 43210, ES 612 345 678 / 912 34 56 78, PL
// 501-234-567 / 22-123-45-67, IT mobile 347 1234567 / 347 123 4567, MX 55 1234 5678 / 333 123
// 4567, PT 21 384 7726, CN mobile 138 0013 8000 / 13800138000, RU 8 (495) 123-45-67 / (925)107-66-50, DK and NO 72
// 18 50 51 / 908 80 655, GR 2355 107665 / 23102 12345, AU 1300 655 506 / 1800 123 456). Not 3-3-3
// from 2 or 4 (299 792 458 m/s is written so). The country code may be in parentheses ((+49) 171
// ...), the whole number too ("(+1 415 555 0132)", "(030 12345678)"). A German area code may end in
// a slash (089/12345678, 0911 / 274893); an extension (ext. 12, x204, poste 12, a tel: URI's ;ext=12) belongs to
// the number before it. Bare runs of 7-11 digits only after a label (PHONE_BARE_AT).
const EXTENSION = '(?:,? ?(?:ext\\.?|extn\\.?|extension|poste|x|#) ?\\d{1,6}|;ext=\\d{1,6})?';
const PHONE_INTL = new RegExp(
  `(?<![\\w+#]|\\d[ .-]|\\w-)(?:(?:\\+|00)[1-9]\\d{0,2}|\\(\\+[1-9]\\d{0,2}\\))(?:[ ./-]?\\(?\\d{1,4}\\)?){2,6}${EXTENSION}(?![\\w])`,
  'g',
);
const PHONE_NANP = new RegExp(
  `(?<![\\w+-]|\\w\\()(?:1[ .-]?)?(?:\\(\\d{3}\\)[ -]?|\\d{3}[ /-]|\\d{3}\\.)\\d{3}[ .-]\\d{4}${EXTENSION}(?![\\w-])`,
  'g',
);
const PHONE_TRUNK =
  /(?<![\w+#.\-/]|\d[ .-])(?:\(0\d{1,4}\)|0\d{1,4}(?: ?\/ ?)?)(?:[ .-]?\d{2,4}){1,4}(?![\w-]|[.,]\d)/g;
const PHONE_BR = /(?<!\w|\w\()\(\d{2}\) ?\d{4,5}-?\d{4}(?![\w-])/g;
const PHONE_SPACED =
  /(?<![\w.-]|\d[ .,-])(?:0\d{4}-\d-\d{4}|0 [2-9]\d{3} \d{4}|2[1-9]\d{2}(?:\d \d{5}| \d{6})|[6-9]\d{4} \d{5}|1[3-9]\d(?:([ -])\d{4}\1\d{4}|\d{8})|2\d \d{3} \d{4}(?! \d)|[2-9]\d(?: \d{4} \d{4}|([ -])\d{3}\2\d{2}\2\d{2}|(?: \d{2}){3}(?! \d))|1\d([ -])\d{3}\3\d{2}\3\d{2}|[2-9]\d{2}(?:([ -])\d{3}\4\d{4}| \d{2} \d{3}| \d{2} \d{2} \d{2})|[35-9]\d{2}(?:([ -])\d{3}\5\d{3}| \d{6,7})|(?:8 ?)?\(\d{3}\) ?\d{3}([ -])\d{2}\6\d{2}|8[ -]\d{3}[ -]\d{3}([ -])\d{2}\7\d{2}|1[38]00([ -])\d{3}\8\d{3})(?![\w-]|[.,]\d)/g;

const PHONE_BARE_AT =
  /(?<![\w+.-])\d{2}(?:\d(?:\d{4,8}|\d \d{4}|([ .])\d{3}\1\d{3})| \d{3} \d{3})(?![\w-]|[.,]\d)/y;
const PHONE_LABEL =
  /\b(?:phone|tel|telephone|mobile|cell|cellphone|call|fax|whatsapp|text|sms|ph|contact|dial|ring|(?:my|our|his|her|their|your) (?:new )?number)\b[^\w\n]{0,4}(?:(?:me|us|at|on|number|no|is|#)\b[^\w\n]{0,3}){0,3}$/i;

/** A label that names a phone (not "contact"). */
const PHONE_WORD =
  /\b(?:phone|tel|telephone|mobile|mobil|cell|cellphone|call|fax|whatsapp|zap|wpp|sms|ph|telefon|tel\u00e9fono|telefono|t\u00e9l\u00e9phone|portable|handy|puhelin)\b[^\w\n]{0,4}(?:(?:me|us|at|on|number|no|is|#)\b[^\w\n]{0,3}){0,3}$/i;

const ZIP_PLUS_4 = /^\d{5}-\d{4}$/;
/** Eight digits as Sweden writes its short numbers: area, "-", the rest in pairs (029-603 23). */
const SWEDISH_SHORT = /^0\d{1,3}-\d{2,3}(?: \d{2}){1,2}$/;

/** Groups after the first all zeros: an amount (250 000 000), not a number. */
const ZERO_GROUPS = /^\d+(?:[ -]0+)+$/;

/** Whether a match ends with a ")" it did not open. */
function closesUnopened(s: string): boolean {
  if (!s.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth--;
  }
  return depth < 0;
}

/** The number before its extension. */
const withoutExtension = (s: string) => {
  const cut = s.search(EXTENSION_START);
  return cut < 0 ? s : s.slice(0, cut);
};
const EXTENSION_START = /[,;]? ?[A-Za-z#]/;
/** The digits of withoutExtension(s), counted in place: those before its first letter or "#". */
function digitsBeforeExtension(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) n++;
    else if (c === HASH || isAsciiLetter(c)) break;
  }
  return n;
}

// The phone formats' gates. Every format's look-behind rules out a start right after a letter,
// digit or underscore, and all but NANP and BR one after a digit and " ", "." or "-" (the next
// group of a number begun before: most digit runs of a phone number are such groups).

/** What the look-behinds all rule out: a start that follows a letter, digit or "_". */
const afterWord = (n: NumberStart) => isWordChar(n.before);
/** A start after a digit and one " ", "." or "-": the next group of a number already begun. */
const continuesNumber = (n: NumberStart) =>
  isGroupSeparator(n.before) && isDigit(n.text.charCodeAt(n.at - 2));
/** Free to start a phone number of INTL's, TRUNK's or SPACED's: not after a word or within a number. */
const startsNumber = (n: NumberStart) => !afterWord(n) && !continuesNumber(n);
/** The character after the lead "(" or "+" (the second of the text from the start). */
const second = (n: NumberStart) => n.text.charCodeAt(n.at + 1);
/** A start after "(" that follows a letter, digit or "_" (f(415) ...: code, not a number). */
const wordThenOpen = (n: NumberStart) => n.before === OPEN && isWordChar(n.text.charCodeAt(n.at - 2));

/**
 * Whether a trunk-prefixed match reads as a phone number: with the trunk 0, 10 or 11 digits as one
 * run (a longer run is a product or account code), 9 to 13 in groups (Seoul 02-312-3456, Dublin 01
 * 7968174, Austria 05422 5230, long German numbers 04155 35072701), 8 only as Sweden's short
 * numbers (029-603 23); never a US ZIP+4 (07079-4605). One separator kind, but the one after
 * the area code may differ (08-123 456 78, 089/1234 5678); dotted groups only as French pairs
 * (01.23.45.67.89): never dates or version numbers. Read in place (it runs for every trunk-shaped
 * number).
 */
function trunkOk(s: string): boolean {
  // Digits, the second digit, and groups: the pieces between runs of anything but digits and parentheses.
  let digits = 0;
  let second = 0;
  let groups = 1;
  let inGap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c) || c === OPEN || c === CLOSE) {
      if (isDigit(c) && ++digits === 2) second = c;
      inGap = false;
    } else if (!inGap) {
      groups++;
      inGap = true;
    }
  }
  if (digits > (groups === 1 ? 11 : 13)) return false;
  if (digits < (groups === 1 ? 10 : 9) && !SWEDISH_SHORT.test(s)) return false;
  // The area code, as /^\(?0\d{1,4}\)?(?:\/ ?|[ .-])?/ reads it, then one separator kind.
  let i = s.charCodeAt(0) === OPEN ? 2 : 1;
  for (let k = 0; k < 4 && isDigit(s.charCodeAt(i)); k++) i++;
  if (s.charCodeAt(i) === CLOSE) i++;
  if (s.charCodeAt(i) === SPACE && s.charCodeAt(i + 1) === SLASH) i++;
  if (s.charCodeAt(i) === SLASH) i += s.charCodeAt(i + 1) === SPACE ? 2 : 1;
  else if (isGroupSeparator(s.charCodeAt(i))) i++;
  let separator = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c) || c === OPEN || c === CLOSE) continue;
    if (separator === 0) separator = c;
    else if (c !== separator) return false;
  }
  if (separator === DOT && !FRENCH_PAIRS.test(s)) return false;
  // Not a US ZIP+4 code (07079-4605).
  return second !== ZERO && !ZIP_PLUS_4.test(s);
}
const FRENCH_PAIRS = /^0\d(?:\.\d{2}){4}$/;
/** Five pairs another pair follows: a list of numbers (lottery 07 12 23 34 41 45), not a phone. */
const pairsGoOn = (m: RegExpExecArray) =>
  FIVE_PAIRS.test(m[0]) && PAIR_NEXT.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 4));
const FIVE_PAIRS = /^0\d(?:[ .-]\d{2}){4}$/;
const PAIR_NEXT = /^[ .-]\d{2}(?!\d)/;

/** The ways phone numbers are written. */
const PHONE_FORMATS: Record<string, NumberFormat> = {
  // +CC, 00CC or (+CC), then the groups.
  international: {
    at: sticky(PHONE_INTL),
    fits: (lead, run) => (lead === '+' ? run >= 1 : lead === '(' ? run === 0 : lead === '0' && run >= 3),
    can: (n) =>
      (n.lead === OPEN ? n.after === PLUS : n.lead === PLUS || second(n) === ZERO) &&
      n.before !== PLUS &&
      startsNumber(n),
    accept: (m) => {
      // E.164: 8 to 15 digits after the "+" or "00"; a "00" number in one run (0049301234567)
      // at least 11, as zero-padded ids are 00 and a few digits.
      const intl = m[0].startsWith('00');
      const n = digitsBeforeExtension(m[0]) - (intl ? 2 : 0);
      if (n < (intl && /^\d+\)?$/.test(withoutExtension(m[0])) ? 11 : 8) || n > 15) return false;
      // After 00 (zero-padded ids start so too), country code 1 is North America's: ten digits
      // follow it (0012 3456 78 is an account). A "+" says phone: kept as written.
      if (m[0].startsWith('001') && n !== 11) return false;
      // A closing parenthesis the number did not open is the text's ("(+1 415 555 0132)").
      return closesUnopened(m[0]) ? [m.index, m.index + m[0].length - 1] : true;
    },
  },
  // (415) 555-0132, 415-555-0132, 503/224-7781, 1-800-555-0199: an optional 1, then three digits.
  northAmerican: {
    at: sticky(PHONE_NANP),
    fits: (lead, run) =>
      lead === '('
        ? run === 3
        : isDigitLead(lead) && (run === 3 || (lead === '1' && (run === 1 || run === 4))),
    // Without the 1 and the parentheses, its three groups are 10 digits joined by one separator each.
    can: (n) =>
      (n.lead === OPEN ? n.after === CLOSE : n.run === 1 || n.digits >= 10 || n.after === SLASH) &&
      !wordThenOpen(n) &&
      n.before !== PLUS &&
      n.before !== DASH &&
      !afterWord(n),
    accept: (m) => {
      // 415.555.0132 only with dots throughout; area and exchange codes never start with 0 or 1.
      const s = withoutExtension(m[0]);
      if (s.includes('.') && !/^(?:1\.)?\d{3}\.\d{3}\.\d{4}$/.test(s)) return false;
      const digits = s.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
      return /^[2-9]\d{2}[2-9]/.test(digits);
    },
  },
  // The trunk prefix 0: 020 7946 0958, (02) 9876 5432.
  trunk: {
    at: sticky(PHONE_TRUNK),
    fits: (lead, run) => (lead === '0' ? run >= 2 : lead === '(' && run >= 2 && run <= 5),
    can: (n) =>
      (n.lead !== OPEN || (n.after === CLOSE && second(n) === ZERO)) &&
      n.before !== PLUS &&
      n.before !== DOT &&
      n.before !== DASH &&
      n.before !== SLASH &&
      startsNumber(n),
    accept: (m) => trunkOk(m[0]) && !pairsGoOn(m),
  },
  // BR (11) 91234-5678.
  brazil: {
    at: sticky(PHONE_BR),
    fits: (lead, run) => lead === '(' && run === 2,
    can: (n) => n.after === CLOSE && !wordThenOpen(n) && !afterWord(n),
  },
  // National forms of a fixed shape: a first group of 1 to 5 digits (or a mobile's 11 in one run),
  // or RU's (495) ...; but for a first group of one, 8 digits or more in groups joined by one " "
  // or "-". A CSV cell's comma may come before it, not a number's ("1,234 567").
  spaced: {
    at: sticky(PHONE_SPACED),
    fits: (lead, run) => (lead === '(' ? run === 3 : isDigitLead(lead) && (run <= 5 || run === 11)),
    can: (n) =>
      (n.lead === OPEN || n.run === 1 || n.run === 11 || n.digits >= 8) &&
      n.before !== DOT &&
      n.before !== DASH &&
      !(n.before === COMMA && isDigit(n.text.charCodeAt(n.at - 2))) &&
      startsNumber(n),
    // Not an amount written in thousands (250 000 000).
    accept: (m) => !ZERO_GROUPS.test(m[0]),
  },
  // Bare digits only after a label: seven to eleven (or 4+4, Denmark; 3.3.3, and 3 3 3 from 2 or
  // 4, Spain and Portugal; 2+3+3, Latvia: ids and amounts as often) after a word for a phone
  // ("Tel.: 951076650", "mobil 6107 6650", "call me at 3471234567"); after "contact" and the like
  // only ten or eleven North-American (4155550132) or national with the trunk 0 (0412345678).
  // Never 00 (the international prefix alone).
  labelledBare: {
    at: PHONE_BARE_AT,
    fits: (lead, run) => isDigitLead(lead) && (run <= 4 || (run >= 7 && run <= 11)),
    can: (n) => n.run >= 2 && n.before !== PLUS && n.before !== DOT && n.before !== DASH && !afterWord(n),
    accept: (m) => {
      const s = m[0];
      if (s.startsWith('00')) return false;
      const before = m.input.slice(Math.max(0, m.index - 32), m.index);
      if (PHONE_WORD.test(before)) return true;
      return (/^1?[2-9]\d{2}[2-9]\d{6}$/.test(s) || /^0[1-9]\d{8,9}$/.test(s)) && PHONE_LABEL.test(before);
    },
  },
};

const PHONE_NUMBERS = new NumberFormats(PHONE_FORMATS);

const phone: Detector = {
  kind: 'phone',
  maybe: hasDigit,
  find: (t, out) => {
    PHONE_NUMBERS.find('phone', t, out);
    // A WhatsApp link's number (wa.me/4915112345678): E.164 without its "+".
    if (t.marks.digitStarts.some((i) => t.text.endsWith('wa.me/', i))) scan(WA_ME, 'phone', t.text, out);
    // A URL's query writes the "+" as %2B (?phone=%2B14155550132): read as "  +" (the same
    // length), a number found there taken with its %2B.
    if (!t.text.includes('%2')) return;
    const found: Span[] = [];
    PHONE_NUMBERS.find('phone', new Text(t.text.replace(ENCODED_PLUS, '  +')), found);
    for (const s of found)
      if (s.start >= 2 && t.text.charCodeAt(s.start - 2) === PERCENT) out.push({ ...s, start: s.start - 2 });
  },
};
const ENCODED_PLUS = /%2[Bb](?=\d)/g;
const WA_ME = /(?<=(?<![\w.-])wa\.me\/)[1-9]\d{7,14}(?!\w)/g;

// ---- IP addresses --------------------------------------------------------------------------------

const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;
// "version" in other languages too (versi\u00f3n, wersja, \u30d0\u30fc\u30b8\u30e7\u30f3, \u7248\u672c, \ubc84\uc804, \u0432\u0435\u0440\u0441\u0438\u044f), a colon after it.
const VERSION_BEFORE =
  /(?:\bv|\b(?:version|ver\.?|release|build|firmware|section|chapter|clause|paragraph|step|figure|table|oid|\u00a7)\s*|(?:\bversi(?:\u00f3n|\u00e3o|one|e)|\bwersj[ai]|\bs\u00fcr\u00fcm|\u30d0\u30fc\u30b8\u30e7\u30f3|\u7248\u672c|\ubc84\uc804|\u0432\u0435\u0440\u0441\u0438[\u044f\u0438])\s*[:\uff1a]?\s*|\bversion\s*[:\uff1a]\s*)$/i;
/** A netmask (255.255.255.0) is an address-shaped setting, not an address; nor is loopback (127.x) or 0.0.0.0. */
const NETMASK =
  /^255\.(?:255\.(?:255\.(?:255|254|252|248|240|224|192|128|0)|(?:254|252|248|240|224|192|128|0)\.0)|(?:254|252|248|240|224|192|128|0)\.0\.0)$/;
// A colon after an address ends it when a space or the end follows ("fe80::1: that one").
const IPV6 =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4})(?!\w|:(?!\s|$))/g;

const IPV4_FORMAT: NumberFormat = {
  at: sticky(IPV4),
  fits: (lead, run) => isDigitLead(lead) && run <= 3,
  // Not the second group of a dotted number (its look-behind).
  can: (n) => n.after === DOT && n.before !== DOT,
  // A four-part version or section number (v1.2.3.4, version 10.0.19041.1, section 4.3.2.1)
  // is not an address.
  accept: (m) =>
    isIPv4(m[0]) &&
    !NETMASK.test(m[0]) &&
    !m[0].startsWith('127.') &&
    !m[0].endsWith('.255') && // a broadcast address (192.168.1.255), a network's setting
    !(m[0].endsWith('.0') && m.input[m.index + m[0].length] === '/') && // a network (10.0.0.0/8)
    m[0] !== '0.0.0.0' &&
    !VERSION_BEFORE.test(m.input.slice(Math.max(0, m.index - 16), m.index)),
};
const IPV4_NUMBERS = new NumberFormats({ ipv4: IPV4_FORMAT });
const IPV6_AT = sticky(IPV6);
const ZONE = /%[0-9A-Za-z._~-]{1,15}(?![\w%])/y;

const isHexDigit = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/**
 * Where an IPv6 address can start: before a colon another colon follows within five characters
 * (hex digits between), after the hex digits before it (up to four; the look-behind rules out a
 * start anywhere else). Most colons in prose ("Contact: ...") have no start.
 */
function ipv6Starts(t: string, colons: readonly number[]): number[] {
  const out: number[] = [];
  for (const c of colons) {
    let next = c + 1;
    while (next - c <= 4 && isHexDigit(t.charCodeAt(next))) next++;
    if (t.charCodeAt(next) !== COLON) continue;
    let start = c;
    while (c - start < 4 && isHexDigit(t.charCodeAt(start - 1))) start--;
    if (!isHexDigit(t.charCodeAt(start - 1))) out.push(start);
  }
  return out;
}

const ipAddress: Detector = {
  kind: 'ip-address',
  maybe: ({ text }) => text.includes('.') || text.includes(':'),
  find: (t, out) => {
    IPV4_NUMBERS.find('ip-address', t, out);
    scanAt(IPV6_AT, 'ip-address', t.text, ipv6Starts(t.text, t.marks.colons), out, (m) => {
      // The colon of the sentence, not the address's ("fe80::1:5: that one").
      const s = m[0].endsWith(':') && !m[0].endsWith('::') ? m[0].slice(0, -1) : m[0];
      if (!isIPv6(s)) return false;
      // A network (2001:db8::/32), as 10.0.0.0/8 is one.
      if (s.endsWith('::') && m.input.charCodeAt(m.index + s.length) === SLASH) return false;
      // Not "::" alone, nor something like "a::b" in prose: a few hex digits at least.
      if (s.replace(/[^0-9A-Fa-f]/g, '').length < 4 || s.split(':').filter(Boolean).length < 2) return false;
      // A scoped address's zone (fe80::1%eth0) goes with it.
      const end = m.index + s.length;
      ZONE.lastIndex = end;
      return [m.index, m.input.charCodeAt(end) === PERCENT && ZONE.test(m.input) ? ZONE.lastIndex : end];
    });
  },
};

// ---- secrets -------------------------------------------------------------------------------------

/**
 * A secret's regex and where it can match: `at` lists lower-case needles (with an offset from the
 * needle to the match start) every match starts at, so it is tried only there; `gate` needles one
 * of which must occur for the regex to run at all (over the whole text, when it has no `at`).
 */
/** A lower-case string, or one with the offset from where it occurs to where a match starts. */
type Needle = string | readonly [string, number];

interface Secret {
  re: RegExp;
  at?: readonly Needle[];
  gate?: readonly string[];
  /** Tried at `at` instead of re (sticky): from the needle on, the secret its last group. */
  value?: RegExp;
  /** Vetoes a match (its text): a placeholder, not a secret. */
  accept?: (value: string) => boolean;
  /** The span to mask around an accepted match (a connection string's whole URL). */
  widen?: (m: RegExpExecArray) => [number, number];
}

/**
 * A label's own words may follow a prefix (DB_PASSWORD, TWILIO_AUTH_TOKEN, x-api-key), or be glued
 * to one (PGPASSWORD, mapboxToken, ApiSecret).
 */
const LABEL_PREFIX = '(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_-])*[A-Za-z0-9]{0,16}';
/** Words after a label that name the same secret (SECRET_KEY_BASE, API_TOKEN_PROD, PASSWORD_2). */
const LABEL_SUFFIX =
  '(?:[_-](?:base|value|b64|base64|hex|raw|prod|production|live|dev|staging|test|primary|secondary|old|new|current|v?\\d))?';
const SECRET_LABEL = `${LABEL_PREFIX}(?:api[_-]?key|apikey|secret(?:[_-]?access)?[_-]?key|(?:client|signing|app)[_-]?secret|(?:access|auth|refresh|api|bearer|session)[_-]?token|token|secret|private[_-]?key(?:[_-]?id)?|(?:account|storage|access|master|encryption|subscription|service[_-]?role|licen[cs]e|app)[_ -]?key|password|passwd|pwd|(?<![A-Za-z])auth)${LABEL_SUFFIX}`;
/** Password labels, in a few languages. */
const PASSWORD_LABEL = `(?:(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_-])+pass|${LABEL_PREFIX}(?:password|passwd|pwd|passphrase|passwort|kennwort|mot de passe|contraseña|contrasena|senha|wachtwoord|hasło|haslo|parola|пароль|パスワード|密码|密碼))${LABEL_SUFFIX}`;
/** Between a label and its value: ":" or "=", or the full-width ones of CJK text (密码：...). */
const SEP = '[:=\\uff1a\\uff1d]';
/** How a framework marks a key's encoding before it (Laravel's APP_KEY=base64:...). */
const ENCODING = '(?:base64:|b64:|hex:)?';
/** A long, key-like value: letters and digits both (and base64 padding). */
const KEY_LIKE = '[A-Za-z0-9_\\-./+~!@#%^&*?]{12,}={0,2}';
/** A key-like value: letters with digits or symbols, or letters whose case flips at random. */
const keyLike = (value: string) =>
  (/[\d~!@#%^&*?]/.test(value) && /[A-Za-z]/.test(value)) || randomCase(value);

/**
 * Letters whose case flips as often as random letters' do (rCKQFcvVmyfIEgkP: a generated
 * password), not a camelCase name (hashedPassword) or a word (Required).
 */
function randomCase(value: string): boolean {
  if (value.length < 10) return false;
  let flips = 0;
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const kind = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : 0;
    if (kind !== 0 && last !== 0 && kind !== last) flips++;
    last = kind;
  }
  return flips >= 0.35 * value.length && !CAMEL_CASE.test(value);
}
/** Words joined in camelCase or PascalCase (getTokenFromEnv, ChangeMeInProduction). */
const CAMEL_CASE = /^[a-z]*(?:[A-Z]{1,2}[a-z]+)+[A-Z]{0,2}$/;
/** What documentation writes where a password goes. */
const PLACEHOLDER =
  /^(?:password|passwd|pass|pwd|secret|changeme|user(?:name)?|\*+|x+|\.{3}|<[^>]*>|\$\{?\w*\}?|\$\(.*\)|`.*`|\{\{.*\}\}|\[[^\]]*\]|(?:your|my)[_-]?password)$/i;

/** A password written without quotes: one word with a digit or a symbol, not a variable. */
const UNQUOTED_PASSWORD =
  '(?![$<{%*])(?=[^\\s"\'`]*[0-9!#$%&*+/=?@^~|\\\\])[^\\s"\'`<>()[\\]{}]{4,128}(?<![.,;:])';
/** One word, not a variable: a password when it has a digit or a symbol, or random case. */
const UNQUOTED_WORD = '(?![$<{%*;])[^\\s"\'`<>()[\\]{}\\u201c\\u201d\\u201e\\u00ab\\u00bb]{4,128}(?<![.,;:])';
/** A quote a password said in a sentence may be put in ("my password is 'x'", „x“). */
const OPEN_QUOTE = '["\'\\u201c\\u201e\\u00ab]?';
const PASSWORD_SYMBOL = /[0-9!#$%&*+/=?@^~|\\]/;
/**
 * A table row's secret: its name's cell, then the next cell's word of 8 or more with a digit or
 * symbol (what follows it not looked at, so a stream decides as the whole text does).
 */
const TABLE_SECRET =
  /(?:password|passwd|pwd|secret|token|api[_-]?key)s?(?![\w-])[ \t]*\|[ \t]*((?![$<{%*])(?=[^\s|"'`]*[0-9!#$%&*+/=?@^~\\])[^\s|"'`<>()[\]{}]{8,128})/gi;

/** Needles one of which a password label holds (lower case; the automaton folds A-Z only). */
const PASSWORD_NEEDLES = [
  'pass',
  'pwd',
  'kennwort',
  'contrase',
  'senha',
  'wachtwoord',
  'hasło',
  'haslo',
  'parola',
  'ароль',
  'パスワード',
  '密码',
  '密碼',
];

/**
 * Password labels of more languages (Turkish, Swedish, Korean, Arabic, Hindi ...): the value right
 * after one, tried where a label occurs (PASSWORD_LABEL's are looked for behind every ":" and "=",
 * where each label more costs time on every text).
 */
const OTHER_PASSWORD_LABELS = [
  'parolă',
  'şifre',
  'Şifre',
  'sifre',
  'lösenord',
  'losenord',
  'salasana',
  'adgangskode',
  'passord',
  'jelszó',
  'jelszo',
  'heslo',
  'lozinka',
  'geslo',
  'kata sandi',
  'mật khẩu',
  'mat khau',
  'κωδικός',
  'Κωδικός',
  'סיסמה',
  'كلمة المرور',
  'كلمة السر',
  'पासवर्ड',
  'รหัสผ่าน',
  '비밀번호',
  '비번',
  '암호',
];
const OTHER_PASSWORD = new RegExp(
  `(?<![A-Za-z0-9])(?:${OTHER_PASSWORD_LABELS.join('|')})["']?[ \t]{0,4}${SEP}[ \t]{0,4}["']?(${UNQUOTED_WORD})`,
  'gi',
);

/** A URL around the password found in it: from its scheme to its last character. */
const wholeUrl = (m: RegExpExecArray) => urlSpan(m.input, m.index, m.index + m[0].length);

/** The URL whose "://" is last before `from`, from its scheme (jdbc:mysql: too) to past `end`. */
function urlSpan(t: string, from: number, end: number): [number, number] {
  let start = t.lastIndexOf('://', from);
  while (start > 0 && SCHEME_CHAR.test(t[start - 1]!)) start--;
  if (t.startsWith('jdbc:', start - 5)) start -= 5;
  return [start, wordEnd(t, end)];
}
/** Where the word (URL, connection string) going on at `end` ends, its closing punctuation left out. */
function wordEnd(t: string, end: number): number {
  const from = end;
  const limit = Math.min(t.length, end + 2048);
  while (end < limit && !isUrlEnd(t.charCodeAt(end))) end++;
  while (end > from + 1 && URL_TRAILER.test(t[end - 1]!)) end--;
  return end;
}
/** Where the word going on at `start` starts, looking back at most `max` characters (-1 past that). */
function wordStart(t: string, start: number, max: number): number {
  for (let i = start; i > 0; i--) {
    if (isUrlEnd(t.charCodeAt(i - 1))) return i;
    if (start - i >= max) return -1;
  }
  return 0;
}
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const URL_END = /[\s"'`<>]/;
/** URL_END by char code: the ASCII ones compared, the rest (Unicode spaces) tested. */
const isUrlEnd = (c: number) =>
  c === SPACE ||
  (c >= 9 && c <= 13) ||
  c === 34 ||
  c === APOSTROPHE ||
  c === 96 ||
  c === 60 ||
  c === 62 ||
  (c >= 0x80 && URL_END.test(String.fromCharCode(c)));
const URL_TRAILER = /[.,;:!?)\]}]/;

/**
 * A labelled value's span: in a URL's query or parameters (jdbc:mysql://db/shop?user=a&password=...)
 * the whole URL, as for user:password@host; in a connection string's key=value; pairs
 * (...;Password=...;Encrypt=True) the value up to the next pair.
 */
function valueSpan(t: string, start: number, end: number): [number, number] {
  // Back over the word (a URL's scheme to its password is short): a "?" or ";" after a "://".
  let query = false;
  for (let i = start - 1; i >= 0 && start - i <= 512 && !isUrlEnd(t.charCodeAt(i)); i--) {
    const c = t.charCodeAt(i);
    if (c === 63 || c === 59) query = true;
    else if (query && c === COLON && t.startsWith('//', i + 1)) return urlSpan(t, i, end);
  }
  return connectionString(t, start, end) ?? [start, end];
}
const NEXT_PAIR = /;[A-Za-z][A-Za-z0-9 _]{0,30}=/;

// A connection string of key=value; pairs (ADO.NET, ODBC: Server=...;User ID=...;Password=...;):
// masked whole, as a URL with a password is (the pairs before the password, which a stream holds
// back: stream.ts). Its keys may be words with spaces ("User ID", "Persist Security Info"): the
// pairs are followed back over them. Not past CONNECTION_REACH before the value: a stream holds
// the words before a value only so far (maxTail), while the value is still too short to be one.
const CONNECTION_REACH = 160;
/** A word of pairs that ends with a key's first word ("...;Database=crm;User" before " ID=..."). */
const KEY_HEAD = /=[^\s]*;[A-Za-z][\w.-]*$/;
/** A word that starts with a key's last word and its "=" ("ID=crmadmin;..."). */
const KEY_REST = /^[A-Za-z][\w.-]*=/;
/** A key's middle word ("Security" of "Persist Security Info"). */
const KEY_MIDDLE = /^[A-Z][A-Za-z]*$/;
/** The first words of ADO.NET / Npgsql keys of several words ("Data Source", "Persist Security Info"). */
const FIRST_KEY_WORD =
  /^(?:Data|Initial|User|Integrated|Persist|Trust|Multiple|Application|Connect|Connection|Max|Min|Network|Packet|Workstation|Multi|Column|Command|SSL)$/;
/** What ends a connection string: what ends a URL, its closing punctuation (not its last ";"). */
const PAIRS_TRAILER = /[.,:!?)\]}]/;

/** The whole connection string around a password at [start, end), when it is in one. */
function connectionString(t: string, start: number, end: number): [number, number] | undefined {
  let from = start;
  while (from > 0 && start - from < CONNECTION_REACH && !isUrlEnd(t.charCodeAt(from - 1))) from--;
  const pairBefore = /=[^;]*;/.test(t.slice(from, start));
  const nextPair = t.slice(start, end).search(NEXT_PAIR);
  if (!pairBefore && nextPair <= 0) return undefined;
  // Back over keys with spaces: a word that starts with a key's rest, the middle words of the
  // key, the word that ends with its first word.
  for (let steps = 0; steps < 8 && KEY_REST.test(t.slice(from, from + 64)); steps++) {
    let p = from;
    let head = -1;
    for (let middles = 0; middles <= 3 && t.charCodeAt(p - 1) === SPACE; middles++) {
      let q = p - 1;
      while (q > 0 && !isUrlEnd(t.charCodeAt(q - 1)) && start - q <= CONNECTION_REACH) q--;
      const word = t.slice(q, p - 1);
      if (KEY_HEAD.test(word)) {
        head = q;
        break;
      }
      if (!KEY_MIDDLE.test(word)) break;
      p = q;
      // A string's first key of several words ("Data Source=..." after a quote or at a line's start).
      if (
        FIRST_KEY_WORD.test(word) &&
        (q === 0 || (t.charCodeAt(q - 1) !== SPACE && isUrlEnd(t.charCodeAt(q - 1))))
      ) {
        head = q;
        break;
      }
    }
    if (head < 0 || start - head > CONNECTION_REACH || (head > 0 && !isUrlEnd(t.charCodeAt(head - 1)))) break;
    from = head;
  }
  // From its first key: not what a word glues before it (Driver={ODBC ... Server};Server=...).
  if (!KEY_REST.test(t.slice(from, from + 64))) {
    const semi = t.indexOf(';', from);
    if (semi >= 0 && semi < start && KEY_REST.test(t.slice(semi + 1, semi + 65))) from = semi + 1;
  }
  let to = start + (nextPair > 0 ? nextPair : end - start);
  while (to < t.length && to - start < 1024 && !isUrlEnd(t.charCodeAt(to))) to++;
  while (to > end && PAIRS_TRAILER.test(t[to - 1]!)) to--;
  // Inside a JSON string of JSON (a tool call's arguments) its closing quote is escaped: \".
  if (t.charCodeAt(to - 1) === 92 && t.charCodeAt(to) === 34) to--;
  return [from, to];
}

/** A key=value; connection string around a key in it (Azure's AccountName=...;AccountKey=...;...): the whole word. */
function pairsAround(m: RegExpExecArray): [number, number] {
  const start = wordStart(m.input, m.index, 512);
  return [start < 0 ? m.index : start, wordEnd(m.input, m.index + m[0].length)];
}

const ATTRIBUTE_SECRET =
  /(?<=(?:key|name|id)=["'][\w.-]{0,40}(?:secret|token|password|passwd|pwd|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[\w.-]{0,40}["']\s{1,8})value=["']([^"'\n]{4,256})(?=["'])/gi;
const AUTHORIZATION =
  /(?<![\w-])authorization["']?\s*[:=]\s*["']?(?:token|bot|ssws|apikey|api-key|key|splunk|zoho-oauthtoken)\s+([A-Za-z0-9._~+/=-]{16,})/gi;

const VENDOR_PREFIXES = [
  'xai-',
  'gsk_',
  'pplx-',
  'r8_',
  'lin_api_',
  'ntn_',
  'dckr_pat_',
  'figd_',
  'sntrys_',
  'pscale_',
  'glsa_',
  'glc_',
  'nrak-',
  'pmak-',
  'hvs.',
  'hvb.',
  'dp.',
  'sq0',
  'sk.eyj',
  'fo1_',
  'sbp_',
  'sb_secret_',
];
const VENDOR_PREFIX =
  /^(?:xai-|gsk_|pplx-|r8_|lin_api_|ntn_|dckr_pat_|figd_|sntrys_|pscale_(?:pw|tkn|oauth)_|glsa_|glc_|NRAK-|PMAK-|hv[sb]\.|dp\.(?:pt|st|ct|sa|scim)\.|sq0(?:atp|csp)-|sk\.eyJ|fo1_|sbp_|sb_secret_)/;
const VENDOR_TOKEN = new RegExp(
  `(?<![\\w.-])${VENDOR_PREFIX.source.slice(1)}[A-Za-z0-9_.=-]{20,}(?<![.=-])`,
  'g',
);
// The value's first character is looked at before the command line behind (the dearer test).
const MYSQL_PASSWORD =
  /(?=-p[^\s"'`-])(?<=\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlsh|mariadb|mariadb-dump)(?:\.exe)?(?:[ \t][^\n]{0,80})?[ \t])-p([^\s"'`-][^\s"'`]{3,127})/g;
const FLAG_SECRET =
  /(?<![\w-])--(?:[a-z0-9]+-)*(?:token|api-?key|secret|secret-key|access-key|password|passwd)[ =]["']?([^\s"'`<>()[\]{}$]{4,256})/g;

const SESSION_COOKIE =
  /(?:(?<![A-Za-z])sid|sess(?:ion)?(?:[_-]?id)?)=([A-Za-z0-9%._+/-]{16,256})(?![A-Za-z0-9%._+/=-])/gi;
const NETRC_PASSWORD = /(?<=\blogin[ \t]{1,8}[^\s]{1,128}\s{1,16})password[ \t]{1,8}([^\s"'`]{4,128})/g;
const TF_DEFAULT =
  /(?<=\bvariable\s{1,8}"[\w-]{0,40}(?:password|passwd|secret|token|api_?key|private_?key|access_?key)[\w-]{0,40}"\s{0,8}\{[^}]{0,256}?)\bdefault\s{0,8}=\s{0,8}"([^"\n]{4,256})(?=")/gi;
const ENV_DIRECTIVE = new RegExp(
  `(?<![\\w-])(?:setenv|env)[ \\t]{1,8}(?:${SECRET_LABEL}|${PASSWORD_LABEL})[ \\t]{1,8}["']?(${UNQUOTED_WORD})`,
  'gi',
);

/** A generated token's body: a digit in it, or both cases (not your_api_key_here). */
const randomLooking = (body: string) => /\d/.test(body) || (/[a-z]/.test(body) && /[A-Z]/.test(body));

// A table's secret column: a CSV / TSV / markdown header names it ("user,password", "id;api_key",
// "| user | password |"), the rows below hold it ("jdoe,Winter2026$"). A row's cell in that column is masked when it is one word
// with a digit or symbol (or random case), not a placeholder. Only within COLUMN_REACH of the
// header line's start, the line break before it included: a stream scans what it holds with the
// last 64 characters it released (stream.ts CONTEXT), so it decides with the header in view.
const COLUMN_REACH = 63;
const COLUMN_NEEDLES = ['password', 'passwd', 'pwd', 'secret', 'token', 'api_key', 'api-key', 'apikey'];
const COLUMN_NAME =
  /^[ \t]*["']?(?:[A-Za-z0-9]+[_ -])*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey)s?["']?[ \t]*$/i;
/** Column names whose values are often no secret (a token column of a word list): 8 characters or more. */
const TOKEN_COLUMN = /token|secret|key/i;
const DELIMITERS = ['|', ',', ';', '\t'];
/** A markdown table's line under its header (|---|:---:|). */
const TABLE_RULE = /^[\s|:-]+$/;

function columnSecrets(t: string, needles: readonly number[], out: Span[]): void {
  let done = -1;
  for (const p of needles) {
    // The header's line: its start and end within reach (searched no further: the text may have
    // no line break at all).
    let h = p;
    while (h > 0 && p - h < COLUMN_REACH && t.charCodeAt(h - 1) !== 10) h--;
    if (h <= done || (h > 0 && t.charCodeAt(h - 1) !== 10)) continue;
    let e = p;
    while (e < t.length && e - h < COLUMN_REACH && t.charCodeAt(e) !== 10) e++;
    if (t.charCodeAt(e) !== 10) continue;
    done = h;
    const header = t.slice(h, t.charCodeAt(e - 1) === 13 ? e - 1 : e);
    const delimiter = DELIMITERS.find((d) => header.includes(d));
    if (!delimiter) continue;
    const names = header.split(delimiter);
    const column = names.findIndex((n) => COLUMN_NAME.test(n));
    if (column < 0 || names.length < 2) continue;
    const minLength = TOKEN_COLUMN.test(names[column]!) ? 8 : 4;
    // The rows after the header, while they start within reach.
    for (let row = e + 1; row < t.length && row - h < COLUMN_REACH; row = e + 1) {
      e = row;
      while (e < t.length && e - h < COLUMN_REACH + 130 && t.charCodeAt(e) !== 10) e++;
      const line = t.slice(row, t.charCodeAt(e - 1) === 13 ? e - 1 : e);
      if (!line.includes(delimiter) && column > 0) break;
      if (delimiter === '|' && TABLE_RULE.test(line)) continue;
      const cells = line.split(delimiter);
      if (cells.length <= column) continue;
      let v = row;
      for (let c = 0; c < column; c++) v += cells[c]!.length + 1;
      const cell = /^[ \t]*["']?([^\s"']*)/.exec(cells[column]!)!;
      const value = cell[1]!;
      v += cell[0].length - value.length;
      // The cell's first word decides, what follows it is not looked at (a stream decides so too).
      if (v - h > COLUMN_REACH || value.length < minLength || value.length > 128) continue;
      if (PLACEHOLDER.test(value) || filled(value) || !(PASSWORD_SYMBOL.test(value) || randomCase(value)))
        continue;
      out.push({ start: v, end: v + value.length, kind: 'secret' });
    }
  }
}

const SECRETS: Secret[] = [
  // OpenAI / Anthropic style keys: sk-..., sk-proj-..., sk-ant-api03-...
  { re: /(?<![\w-])sk-(?:[A-Za-z0-9]+-){0,3}[A-Za-z0-9_-]{20,}/g, at: ['sk-'] },
  // AWS access key ids; a secret access key when it is labelled as one.
  {
    re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}(?![A-Z0-9])/g,
    at: ['akia', 'asia', 'abia', 'acca', 'agpa', 'aida', 'aroa', 'anpa'],
  },
  {
    re: /(?<=aws_?secret_?access_?key["'\s]*[:=]\s*["']?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/gi,
    gate: ['aws'],
  },
  // GitHub tokens.
  {
    re: /(?<![\w])(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}/g,
    at: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  },
  { re: /(?<![\w])github_pat_[A-Za-z0-9_]{22,255}/g, at: ['github_pat_'] },
  // Slack, Google API, Stripe, GitLab, Hugging Face.
  { re: /(?<![\w])xox[abposr]-[A-Za-z0-9-]{10,}/g, at: ['xox'] },
  { re: /(?<![\w])xapp-\d-[A-Za-z0-9]+-\d+-[A-Za-z0-9]{20,}/g, at: ['xapp-'] },
  // Stripe webhook secrets, Google OAuth access tokens, Mailchimp keys, Telegram bot tokens.
  { re: /(?<![\w])whsec_[A-Za-z0-9+/]{24,}/g, at: ['whsec_'] },
  { re: /(?<![\w])ya29\.[A-Za-z0-9_-]{20,}/g, at: ['ya29.'] },
  { re: /(?<![\w])[0-9a-f]{32}-us\d{1,2}(?![\w])/g, at: [['-us', -32]] },
  { re: /(?<![\w:])\d{8,10}:AA[A-Za-z0-9_-]{33}(?![\w-])/g, gate: [':aa'] },
  // HTTP basic credentials (base64 of user:password).
  {
    re: /(?<=\b[Bb]asic\s+)[A-Za-z0-9+/]{12,}={0,2}/g,
    at: ['basic'],
    value: /(?<![\w])[Bb]asic\s+([A-Za-z0-9+/]{12,}={0,2})(?![A-Za-z0-9+/=])/y,
  },
  { re: /(?<![\w])AIza[0-9A-Za-z_-]{35}(?![\w-])/g, at: ['aiza'] },
  {
    re: /(?<![\w])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g,
    at: [
      ['_live_', -2],
      ['_test_', -2],
    ],
  },
  { re: /(?<![\w])glpat-[A-Za-z0-9_-]{20,}/g, at: ['glpat-'] },
  { re: /(?<![\w])hf_[A-Za-z0-9]{30,}/g, at: ['hf_'] },
  // JSON Web Tokens.
  { re: /(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, at: ['eyj'] },
  // Bearer tokens (the token, not the word).
  { re: /(?<=\b[Bb]earer\s+)[A-Za-z0-9._~+/-]{16,}=*/g, gate: ['bearer'] },
  // Incoming webhooks (Slack, Discord, Teams): the URL is the credential.
  {
    re: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{20,}/g,
    at: ['https://'],
  },
  {
    re: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{20,}/g,
    at: ['https://'],
  },
  {
    re: /https:\/\/(?:[a-z0-9-]+\.webhook\.office\.com|outlook\.office(?:365)?\.com\/webhook)\/[A-Za-z0-9@/_-]{30,}/g,
    at: ['https://'],
  },
  // Google Chat (key and token in the query), Zapier and IFTTT webhooks.
  {
    re: /https:\/\/chat\.googleapis\.com\/v1\/spaces\/[A-Za-z0-9_-]+\/messages\?[A-Za-z0-9_=&%.-]{20,}/g,
    at: ['https://'],
  },
  { re: /https:\/\/hooks\.zapier\.com\/hooks\/catch\/\d+\/[A-Za-z0-9]{4,}\/?/g, at: ['https://'] },
  {
    re: /https:\/\/maker\.ifttt\.com\/trigger\/[\w-]+\/(?:json\/)?with\/key\/[A-Za-z0-9_-]{16,}/g,
    at: ['https://'],
  },
  // Terraform Cloud / HCP tokens.
  { re: /(?<![\w])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,}/g, at: [['.atlasv1.', -14]] },
  // Connection strings with a password: scheme://user:password@host of any scheme (a driver's
  // too: mysql+pymysql://, clickhouse://), the whole URL (the password is found; host and
  // database go with it).
  {
    re: /(?<=\b[a-z][a-z0-9.-]{1,24}(?:\+[a-z0-9]{1,24})?:\/\/[^\s:/@]{0,64}:)[^\s@/]{1,256}(?=@)/gi,
    gate: ['://'],
    at: [[':', 1]],
    accept: (value) => !PLACEHOLDER.test(value),
    widen: wholeUrl,
  },
  // curl -u user:password, --user user:password (the password).
  {
    re: new RegExp(`(?<![\\w-])(?:-u|--user)[ =]["']?[^\\s:"'$]{1,64}:${UNQUOTED_PASSWORD}`, 'g'),
    at: ['-u ', '--user ', '--user='],
    value: new RegExp(`(?<![\\w-])(?:-u|--user)[ =]["']?[^\\s:"'$]{1,64}:(${UNQUOTED_PASSWORD})`, 'y'),
    accept: (value) => !PLACEHOLDER.test(value),
  },
  // A secret in markup named by the attribute before it: <add key="ApiSecret" value="...">,
  // <input name="password" value="...">.
  {
    re: ATTRIBUTE_SECRET,
    gate: ['key', 'secret', 'token', 'pass', 'pwd', 'credential'],
    at: ['value='],
    value: sticky(ATTRIBUTE_SECRET),
    accept: (value) => !PLACEHOLDER.test(value),
  },
  // Authorization: Token ..., Bot ..., SSWS ... (the credential after the scheme; Basic and
  // Bearer have their own).
  {
    re: AUTHORIZATION,
    at: ['authorization'],
    value: sticky(AUTHORIZATION),
    accept: randomLooking,
  },
  // Vendor tokens known by their prefix: xAI, Groq, Perplexity, Replicate, Linear, Notion, Docker
  // Hub, Figma, Sentry, PlanetScale, Grafana, New Relic, Postman, Vault, Doppler, Square, Mapbox,
  // Fly.io, Supabase.
  {
    re: VENDOR_TOKEN,
    at: VENDOR_PREFIXES,
    accept: (value) => randomLooking(value.slice(VENDOR_PREFIX.exec(value)![0].length)),
  },
  { re: /(?<![\w-])AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}(?![\w])/g, at: ['age-secret-key-1'] },
  // Azure storage / service bus keys (the whole connection string, Endpoint and AccountName with
  // them, as a URL with a password is), SAS signatures.
  {
    re: /(?<=\b(?:AccountKey|SharedAccessKey)=)[A-Za-z0-9+/]{20,}={0,2}/g,
    at: [
      ['accountkey=', 11],
      ['sharedaccesskey=', 16],
    ],
    widen: pairsAround,
  },
  { re: /(?<=[?&]sig=)[A-Za-z0-9%+/]{20,}={0,2}/g, at: [['sig=', 4]] },
  // SendGrid, npm, PyPI, Twilio, Mailgun, DigitalOcean, Databricks, Shopify, Square, Atlassian.
  { re: /(?<![\w])SG\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/g, at: ['sg.'] },
  { re: /(?<![\w])npm_[A-Za-z0-9]{36}(?![\w])/g, at: ['npm_'] },
  { re: /(?<![\w])pypi-[A-Za-z0-9_-]{50,}/g, at: ['pypi-'] },
  { re: /(?<![\w])SK[0-9a-fA-F]{32}(?![\w])/g, at: ['sk'] },
  { re: /(?<![\w])key-[0-9a-f]{32}(?![\w])/g, at: ['key-'] },
  { re: /(?<![\w])do[por]_v1_[a-f0-9]{64}(?![\w])/g, at: [['_v1_', -3]] },
  { re: /(?<![\w])dapi[a-f0-9]{32}(?![\w])/g, at: ['dapi'] },
  { re: /(?<![\w])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![\w])/g, at: ['shp'] },
  { re: /(?<![\w])EAAA[A-Za-z0-9_-]{60}(?![\w])/g, at: ['eaaa'] },
  { re: /(?<![\w])ATATT3[A-Za-z0-9_=-]{100,}/g, at: ['atatt3'] },
  // Google OAuth client secrets and refresh tokens, Azure AD client secrets.
  { re: /(?<![\w])GOCSPX-[A-Za-z0-9_-]{28}(?![\w])/g, at: ['gocspx-'] },
  { re: /(?<![\w])1\/\/0[A-Za-z0-9_-]{40,}/g, at: ['1//0'] },
  // PEM private keys; an unterminated one (mid-stream) runs to the end of the text.
  {
    re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|[\s\S]*$)/g,
    at: ['-----begin '],
  },
  // mysql -pPASSWORD (the password glued to its flag), on a mysql or mariadb command line.
  {
    re: MYSQL_PASSWORD,
    gate: ['mysql', 'mariadb'],
    at: ['-p'],
    value: sticky(MYSQL_PASSWORD),
    accept: (value) => !PLACEHOLDER.test(value),
  },
  // A secret passed as a command-line flag: --access-token fo1_..., --api-key ..., --password ....
  {
    re: FLAG_SECRET,
    at: ['--'],
    value: sticky(FLAG_SECRET),
    accept: (value) => value.length >= 6 && keyLike(value),
  },
  // A password after a label in one of OTHER_PASSWORD_LABELS' languages (şifre: ..., 비밀번호: ...).
  {
    re: OTHER_PASSWORD,
    at: OTHER_PASSWORD_LABELS,
    value: sticky(OTHER_PASSWORD),
    accept: (value) => !PLACEHOLDER.test(value) && (PASSWORD_SYMBOL.test(value) || randomCase(value)),
  },
  // A session cookie's value (Cookie: sessionid=..., PHPSESSID=..., laravel_session=...,
  // connect.sid=..., ;jsessionid=... in a URL): whoever has it is logged in.
  {
    re: SESSION_COOKIE,
    at: ['sess', 'sid='],
    value: sticky(SESSION_COOKIE),
    accept: (value) => value.length >= 16 && randomLooking(value),
  },
  // .netrc / _netrc: machine host login user password secret (the password keyword after a login).
  {
    re: NETRC_PASSWORD,
    at: ['password'],
    gate: ['login'],
    value: sticky(NETRC_PASSWORD),
    accept: (value) => !PLACEHOLDER.test(value),
  },
  // A secret in a markdown table's cell after its name's cell: | db_password | Xy7#pQ2!vL9m |.
  {
    re: TABLE_SECRET,
    at: ['password', 'passwd', 'pwd', 'secret', 'token', 'api_key', 'api-key', 'apikey'],
    gate: ['|'],
    value: sticky(TABLE_SECRET),
    accept: (value) => !PLACEHOLDER.test(value) && /[A-Za-z]/.test(value) && /[^A-Za-z]/.test(value),
  },
  // A Terraform variable named for a secret, with its default: variable "db_password" { default = "..." }.
  {
    re: TF_DEFAULT,
    at: ['default'],
    gate: ['variable'],
    value: sticky(TF_DEFAULT),
    accept: (value) => !PLACEHOLDER.test(value),
  },
  // An environment directive that separates name and value by spaces: SetEnv DB_PASS "...",
  // Dockerfile ENV API_TOKEN ..., csh setenv SECRET_KEY ....
  {
    re: ENV_DIRECTIVE,
    at: ['setenv', 'env '],
    value: sticky(ENV_DIRECTIVE),
    accept: (value) => !PLACEHOLDER.test(value) && (PASSWORD_SYMBOL.test(value) || randomCase(value)),
  },
  // A secret as a markup element's text: <password>...</password>, <apiKey>...</apiKey>.
  {
    re: new RegExp(`(?<=<${PASSWORD_LABEL}>)[^<>\\n]{4,256}(?=</)`, 'gi'),
    gate: PASSWORD_NEEDLES,
    at: [['>', 1]],
    accept: (value) => !PLACEHOLDER.test(value),
  },
  {
    re: new RegExp(`(?<=<${SECRET_LABEL}>)[^<>\\s]{12,256}(?=</)`, 'gi'),
    gate: ['key', 'secret', 'token'],
    at: [['>', 1]],
    accept: keyLike,
  },
  // password=..., api_key: "...", secret: ... with a long, key-like value (the value only).
  {
    re: new RegExp(`(?<=${SECRET_LABEL}["']?\\s*${SEP}\\s*["']?${ENCODING})${KEY_LIKE}`, 'gi'),
    gate: ['key', 'secret', 'token', 'pass', 'pwd', 'auth'],
    // The value follows a ":" or "=" (which it cannot contain): tried only there.
    at: [':', '=', '\uff1a', '\uff1d'],
    value: new RegExp(`(?<=${SECRET_LABEL}["']?\\s*)${SEP}\\s*["']?${ENCODING}(${KEY_LIKE})`, 'iy'),
    accept: keyLike,
  },
  // A password in quotes after its label, whatever its characters (hunter2!, correct horse ...),
  // the quotes left alone (a masked JSON argument stays JSON); an unclosed quote at the end of
  // the text (mid-stream) runs to the end, so it is held.
  {
    re: new RegExp(
      `(?<=${PASSWORD_LABEL}["']?\\s*${SEP}\\s*["'])(?:[^"'\\n]{4,128}(?=["'])|[^"'\\n]{0,128}$)`,
      'gi',
    ),
    gate: PASSWORD_NEEDLES,
    // The value starts right after its opening quote: tried only there.
    at: [
      ['"', 1],
      ["'", 1],
    ],
    accept: (value) => !PLACEHOLDER.test(value),
  },
  // Any labelled secret in quotes (SECRET_KEY = "django-insecure-8h#k2$..."): one word, key-like.
  {
    re: new RegExp(`(?<=${SECRET_LABEL}["']?\\s*)${SEP}\\s*["']([^"'\\s]{12,256})(?=["'])`, 'gi'),
    gate: ['key', 'secret', 'token', 'auth'],
    at: [':', '=', '\uff1a', '\uff1d'],
    value: new RegExp(`(?<=${SECRET_LABEL}["']?\\s*)${SEP}\\s*["']([^"'\\s]{12,256})(?=["'])`, 'iy'),
    accept: keyLike,
  },
  // An unquoted password after its label (password=..., "my password is ...", Passwort: ...): one
  // word with a digit or a symbol in it, or random case (not "required", not process.env.PASS,
  // not ${PASS}, not hashedPassword).
  // Tried only after a ":", "=" or " is " (and its other languages' words).
  {
    re: new RegExp(
      `(?<=${PASSWORD_LABEL}["']?\\s*)(?:${SEP}\\s*|(?:is|ist|est|es|é|era|was):?\\s+${OPEN_QUOTE})${UNQUOTED_WORD}`,
      'gi',
    ),
    gate: PASSWORD_NEEDLES,
    at: [
      ':',
      '=',
      '\uff1a',
      '\uff1d',
      [' is ', 1],
      [' ist ', 1],
      [' est ', 1],
      [' es ', 1],
      [' é ', 1],
      [' era ', 1],
      [' was ', 1],
    ],
    value: new RegExp(
      `(?<=${PASSWORD_LABEL}["']?\\s*)(?:${SEP}\\s*|(?:is|ist|est|es|é|era|was):?\\s+${OPEN_QUOTE})(${UNQUOTED_WORD})`,
      'iy',
    ),
    accept: (value) => !PLACEHOLDER.test(value) && (PASSWORD_SYMBOL.test(value) || randomCase(value)),
  },
];

const SECRET_AT = SECRETS.map((x) => sticky(x.re));

/** Every needle the detectors look for, found in one pass of one automaton (any case). */
const NEEDLES = [
  ...new Set([
    ...SSN_LABELS,
    ...ID_NEEDLES,
    ...COLUMN_NEEDLES,
    ...SPACED_NEEDLES,
    ...SECRETS.flatMap((x) => [
      ...(x.gate ?? []),
      ...(x.at ?? []).map((n) => (typeof n === 'string' ? n : n[0])),
    ]),
  ]),
];
const NEEDLE_ID = new Map(NEEDLES.map((n, i) => [n, i]));
const NEEDLE_AUTOMATON = new Automaton(NEEDLES, { foldCase: true });

/** Needles as their ids in NEEDLES, with the offset from each to where a match starts. */
interface NeedleIds {
  ids: readonly number[];
  offsets: readonly number[];
}
// Worked out once: looking the needles up by name for every text cost more than the scan of a
// small prompt.
const needleIds = (needles: readonly Needle[]): NeedleIds => ({
  ids: needles.map((n) => NEEDLE_ID.get(typeof n === 'string' ? n : n[0])!),
  offsets: needles.map((n) => (typeof n === 'string' ? 0 : n[1])),
});
const SSN_LABEL_IDS = needleIds(SSN_LABELS);
const COLUMN_IDS = needleIds(COLUMN_NEEDLES);
const SPACED_IDS = needleIds(SPACED_NEEDLES);
const ID_LABEL_IDS = ID_LABELS.map(([label]) => needleIds([label]));
const SECRET_AT_IDS = SECRETS.map((x) => (x.at ? needleIds(x.at) : undefined));
const SECRET_GATE_IDS = SECRETS.map((x) => x.gate?.map((n) => NEEDLE_ID.get(n)!));
const EVERY_SECRET = SECRETS.map((_, i) => i);
/** The secret shapes tried in a text without any needle: those with neither gate nor at (none now). */
const SECRETS_WITHOUT_NEEDLES = EVERY_SECRET.filter((i) => !SECRETS[i]!.gate && !SECRETS[i]!.at);

/**
 * A filler run (ghp_xxxxxxxx..., sk-000000...) half the value or more: a placeholder. The first
 * run of 12 or more like characters (not line ends) decides, as /(.)\1{11,}/ would find it; read
 * in place (it runs for every secret candidate).
 */
function filled(value: string): boolean {
  for (let i = 0; i < value.length; ) {
    const c = value.charCodeAt(i);
    let end = i + 1;
    while (value.charCodeAt(end) === c) end++;
    if (end - i >= 12 && !isLineEnd(c)) return (end - i) * 2 >= value.length;
    i = end;
  }
  return false;
}
/** What "." does not match: \n, \r, U+2028, U+2029. */
const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

const secretOk = (x: (typeof SECRETS)[number], value: string) =>
  !filled(value) && (!x.accept || x.accept(value));
// Made once, not per text: a small prompt meets every secret shape, and each closure is garbage.
const ACCEPT_MATCH = SECRETS.map(
  (x) =>
    (m: RegExpExecArray): boolean | [number, number] =>
      secretOk(x, m[0]) && (x.widen ? x.widen(m) : true),
);
const ACCEPT_VALUE = SECRETS.map((x) => (m: RegExpExecArray): false | [number, number] => {
  if (!secretOk(x, m[1]!)) return false;
  const end = m.index + m[0].length;
  return valueSpan(m.input, end - m[1]!.length, end);
});

const secret: Detector = {
  kind: 'secret',
  maybe: () => true,
  find: (t, out) => {
    if (t.hasAny(COLUMN_IDS.ids)) columnSecrets(t.text, t.starts(COLUMN_IDS), out);
    for (const i of t.anyNeedle ? EVERY_SECRET : SECRETS_WITHOUT_NEEDLES) {
      const x = SECRETS[i];
      const gate = SECRET_GATE_IDS[i];
      if (gate && !t.hasAny(gate)) continue;
      const at = SECRET_AT_IDS[i];
      if (!at) {
        scan(x.re, 'secret', t.text, out, ACCEPT_MATCH[i]);
        continue;
      }
      const starts = t.starts(at);
      if (starts.length === 0) continue;
      if (!x.value) scanAt(SECRET_AT[i], 'secret', t.text, starts, out, ACCEPT_MATCH[i]);
      else scanAt(x.value, 'secret', t.text, starts, out, ACCEPT_VALUE[i]);
    }
  },
};

// ---- the guard -----------------------------------------------------------------------------------

const DETECTORS: Record<PiiType, Detector> = {
  email,
  phone,
  'credit-card': creditCard,
  iban,
  ssn,
  'ip-address': ipAddress,
  secret,
};

const LABELS: Record<string, string> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  'credit-card': '[CREDIT_CARD]',
  iban: '[IBAN]',
  ssn: '[SSN]',
  'ip-address': '[IP_ADDRESS]',
  secret: '[SECRET]',
};

// Specific before generic: a card number is not also a phone number; a secret not an email.
const ORDER: PiiType[] = ['secret', 'email', 'iban', 'credit-card', 'ssn', 'ip-address', 'phone'];

/**
 * For tests (pii-shapes.test.ts): every place in `text` a number format's regex matches at a
 * number start, and whether the format's shape (fits, can) let it be tried there.
 */
export function numberFormatMatches(text: string): { format: string; at: number; admitted: boolean }[] {
  return [PHONE_NUMBERS, CARD_NUMBERS, SSN_NUMBERS, IPV4_NUMBERS].flatMap((formats) => formats.matches(text));
}

export function piiLabel(kind: string): string {
  return LABELS[kind] ?? '[REDACTED]';
}

/** Finds the given PII types in a text: sorted, non-overlapping spans. */
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/;
/** Full-width digits and the signs written around them: ( ) + - . */
const FULL_WIDTH_NUMBER = /[\uFF08\uFF09\uFF0B\uFF0D\uFF0E\uFF10-\uFF19]/g;
const halfWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

export function piiFinder(types: readonly PiiType[]): (text: string) => Span[] {
  const detectors = ORDER.filter((t) => types.includes(t)).map((t) => DETECTORS[t]);
  const numbers = detectors.filter((d) => SPLIT_KINDS.includes(d.kind));
  return (text) => {
    const spans: Span[] = [];
    // Full-width digits (０９０－１２３４－５６７８, as Japanese and Chinese keyboards type them) read
    // as ASCII: one UTF-16 unit each way, so the spans fit the text as given.
    const t = new Text(FULL_WIDTH_DIGIT.test(text) ? text.replace(FULL_WIDTH_NUMBER, halfWidth) : text);
    for (const d of detectors) if (d.maybe(t)) d.find(t, spans);
    if (numbers.length > 0 && hasDigit(t)) acrossLineBreaks(t, numbers, spans);
    return resolveOverlaps(spans);
  };
}

// ---- values split over a line break ----------------------------------------------------------------

// A number wrapped onto the next line ("(202) 464-\n8895", "4494 7328\n9597 8693", an IBAN's
// groups on two lines) is found as the text with that one line break taken out (after a
// separator) or read as a space (after a digit); only a value that crosses the break is taken
// from that reading. Its start must be in the groups right before the break (digits, capitals and
// ( ) + - . / with spaces between): what a stream holds back over one line break (stream.ts), so
// streams mask it as the whole text does. Values over two breaks or a blank line are not joined,
// nor a line that ends with a whole value already (a table's phone, the next row's first cell).
const SPLIT_KINDS: readonly PiiType[] = ['phone', 'credit-card', 'iban', 'ssn'];
/** How far back and ahead of a break the groups of a value are looked for. */
const SPLIT_REACH = 48;
/** The characters of a value's groups (stream.ts's GROUP words, with the spaces between them). */
const isGroupChar = (c: number) =>
  isDigit(c) ||
  (c >= 65 && c <= 90) ||
  c === SPACE ||
  c === 9 ||
  c === DOT ||
  c === DASH ||
  c === OPEN ||
  c === CLOSE ||
  c === PLUS ||
  c === SLASH;

/** A group, a separator, a group: the value was written in groups (an IBAN's may be letters). */
const GROUPED = /[\dA-Z][ .\-/)]+\(?[\dA-Z]/;
/** A table's next cell right after the value ("18,John"): a row, not a value's last group. */
const CELL_NEXT = /^[,;|\t]\S/;

function acrossLineBreaks(text: Text, detectors: readonly Detector[], out: Span[]): void {
  const t = text.text;
  // The runs of digits a line starts with (the number marks, found for the number detectors).
  for (const next of text.marks.digitStarts) {
    const nl = next - 1;
    if (t.charCodeAt(nl) !== 10) continue;
    const brk = t.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    // A separator may end the line (464-), and spaces after it.
    let last = brk;
    while (last > 0 && (t.charCodeAt(last - 1) === SPACE || t.charCodeAt(last - 1) === 9)) last--;
    const p = t.charCodeAt(last - 1);
    const glued = isDigit(p) && last === brk;
    if (!glued && !(last < brk ? isDigit(p) : (p === DASH || p === DOT) && isDigit(t.charCodeAt(last - 2))))
      continue;
    // The groups around the break: a value needs 8 digits or more between them.
    let from = brk;
    let digits = 0;
    while (from > 0 && brk - from < SPLIT_REACH && isGroupChar(t.charCodeAt(from - 1))) {
      if (isDigit(t.charCodeAt(--from))) digits++;
    }
    let to = next;
    while (to < t.length && to - next < SPLIT_REACH && isGroupChar(t.charCodeAt(to))) {
      if (isDigit(t.charCodeAt(to++))) digits++;
    }
    if (digits < 8) continue;
    // The line around it (a label before the groups, what follows them), a bounded window.
    const lineStart = Math.max(t.lastIndexOf('\n', brk - 1) + 1, from - 32);
    let lineEnd = t.indexOf('\n', next);
    if (lineEnd < 0 || lineEnd > to + 16) lineEnd = Math.min(t.length, to + 16);
    const joint = glued ? ' ' : '';
    const before = t.slice(lineStart, brk);
    const joined = new Text(before + joint + t.slice(next, lineEnd));
    const cut = before.length;
    const shift = next - brk - joint.length;
    const found: Span[] = [];
    for (const d of detectors) if (d.maybe(joined)) d.find(joined, found);
    // Not when the line before ends a value already (a CSV row's phone, "18,John" on the next).
    const lineEnds = glued ? last : last - 1;
    for (const s of found) {
      const start = s.start + lineStart;
      if (s.start >= cut || s.end <= cut + joint.length || start < from) continue;
      if (out.some((o) => o.start <= start && o.end >= lineEnds)) continue;
      // A run glued to the break is a group of a grouped value (4494 7328), not a table's cell.
      if (glued && !GROUPED.test(t.slice(start, brk))) continue;
      const end = s.end + lineStart + shift;
      if (CELL_NEXT.test(t.slice(end, end + 2))) continue;
      out.push({ start, end, kind: s.kind });
    }
  }
}

export interface PiiConfig {
  types: readonly PiiType[];
  request: GuardAction;
  response: GuardAction;
}

export function piiGuard(config: PiiConfig): Guard {
  const find = piiFinder(config.types);
  const response: ResponseScanner = { action: config.response, find, label: piiLabel };
  // A prompt's long texts come again with the next turn: their spans are kept (read-only below).
  const findInPrompt = memoLongTexts(find);
  return {
    name: 'pii',
    request(prompt: Prompt): Finding | undefined {
      const kinds = new Set<string>();
      let count = 0;
      // Consecutive texts of one group (a message's text parts) are scanned as the model reads them:
      // joined, so a value split across two parts is still found.
      const texts = prompt.texts;
      for (let i = 0; i < texts.length; ) {
        let j = i + 1;
        const group = texts[i]!.group;
        if (group !== undefined) while (j < texts.length && texts[j]!.group === group) j++;
        const parts = texts.slice(i, j);
        const spans = findInPrompt(parts.length === 1 ? parts[0]!.text : parts.map((t) => t.text).join(''));
        i = j;
        if (spans.length === 0) continue;
        count += spans.length;
        for (const k of kindsOf(spans)) kinds.add(k);
        if (config.request !== 'mask') continue;
        if (parts.length === 1) parts[0]!.text = applyMasks(parts[0]!.text, spans, piiLabel);
        else
          applyMasksAcross(
            parts.map((t) => t.text),
            spans,
            piiLabel,
          ).forEach((text, k) => {
            parts[k]!.text = text;
          });
      }
      if (count === 0) return undefined;
      const finding: Finding = {
        guard: 'pii',
        direction: 'request',
        action: config.request,
        kinds: [...kinds],
        count,
      };
      if (config.request === 'block') {
        finding.status = 403;
        finding.message = `request blocked by guard pii: the prompt contains ${[...kinds].join(', ')}`;
      }
      return finding;
    },
    response,
  };
}
