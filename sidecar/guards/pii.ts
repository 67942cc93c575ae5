// PII and secrets: email, phone, credit card (Luhn), IBAN (mod-97), US SSN, IPv4/IPv6, API keys
// and secrets (OpenAI/Anthropic sk-..., AWS AKIA..., GitHub ghp_..., Slack, Google, Stripe, JWTs,
// bearer tokens, PEM private keys). Regexes find candidates; checksums and structure checks
// (Luhn, mod-97, SSN area rules, net.isIP) keep ordinary numbers from being masked.
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
  #marks?: { numberStarts: number[]; digitStarts: number[]; colons: number[] };

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

  /** Whether a needle (one of NEEDLES) occurs, in any case. */
  has(needle: string): boolean {
    return this.#found[NEEDLE_ID.get(needle)!] !== undefined;
  }

  /** Where needles (of NEEDLES) occur, each moved by its offset, ascending. */
  starts(needles: readonly Needle[]): readonly number[] {
    const found = this.#found;
    let out: number[] | undefined;
    let lists = 0;
    for (const n of needles) {
      const list = found[NEEDLE_ID.get(typeof n === 'string' ? n : n[0])!];
      if (!list) continue;
      const offset = typeof n === 'string' ? 0 : n[1];
      out ??= [];
      for (const at of list) out.push(at + offset);
      lists++;
    }
    if (!out) return NONE;
    return lists > 1 ? out.sort((x, y) => x - y) : out;
  }

  /**
   * Where numbers can start (a digit after a non-digit, "(" and "+"), where runs of digits start,
   * and the colons: found by the engine's native search (a JavaScript loop over every character
   * costs ~30x more on text with few of them).
   */
  get marks(): { numberStarts: number[]; digitStarts: number[]; colons: number[] } {
    if (!this.#marks) {
      const t = this.text;
      const numberStarts: number[] = [];
      const digitStarts: number[] = [];
      const colons: number[] = [];
      MARKS.lastIndex = 0;
      for (let m = MARKS.exec(t); m !== null; m = MARKS.exec(t)) {
        const c = t.charCodeAt(m.index);
        if (c === 58) colons.push(m.index);
        else {
          numberStarts.push(m.index);
          if (c !== 40 && c !== 43) digitStarts.push(m.index);
        }
      }
      this.#marks = { numberStarts, digitStarts, colons };
    }
    return this.#marks;
  }
}

const NONE: readonly number[] = [];

/** A whole run of digits (so the next one found starts a run), "(", "+" or ":". */
const MARKS = /[0-9]+|[(+:]/g;

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
    const [s, e] = ok === true ? [m.index, m.index + m[0].length] : ok;
    out.push({ start: s, end: e, kind });
  }
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
    const [start, end] = ok === true ? [m.index, m.index + m[0].length] : ok;
    out.push({ start, end, kind });
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

/** Where an address found at `start` really starts: before its ? & / part, when it has one. */
function localStart(t: string, start: number): number {
  const sep = t[start - 1];
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
  maybe: (t) => t.text.includes('@'),
  // The regex runs only around each '@' (a local part is at most 64 characters, a domain 255),
  // not over the whole text: its Unicode look-behind at every position costs ~30 us per KB.
  find: ({ text: t }, out) => {
    let done = 0;
    for (let at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) {
      if (at < done) continue;
      const from = Math.max(done, at - 66);
      const window = t.slice(from, at + 257);
      const found: Span[] = [];
      scan(EMAIL, 'email', window, found, emailOk);
      for (const f of found) {
        if (f.start + from > at || f.end + from <= at) continue;
        out.push({ start: localStart(t, f.start + from), end: f.end + from, kind: 'email' });
        done = f.end + from;
      }
    }
  },
};

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

const CARD_AT = sticky(CARD);

const creditCard: Detector = {
  kind: 'credit-card',
  maybe: hasDigit,
  // A card number starts a run of digits.
  find: (t, out) =>
    scanAt(CARD_AT, 'credit-card', t.text, t.marks.digitStarts, out, (m) => {
      // Separators must be consistent (groups like 4-4-4-4), not an arbitrary run of numbers.
      const seps = new Set(m[0].replace(/\d/g, ''));
      if (seps.size > 1) return false;
      // Every network prints its first group as four digits (4-4-4-4, Amex 4-6-5); an IMEI is
      // grouped 2-6-6-1.
      if (seps.size === 1 && !/^\d{4}\D/.test(m[0])) return false;
      const digits = m[0].replace(/[ .-]/g, '');
      return (
        digits.length >= 13 &&
        digits.length <= 19 &&
        CARD_PREFIX.test(digits) &&
        brandLength(digits) &&
        luhn(digits)
      );
    }),
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
    let from = 0;
    for (const digits of marks.digitStarts) {
      if (digits - 2 < from) continue;
      IBAN_AT.lastIndex = digits - 2;
      const m = IBAN_AT.exec(t);
      if (m === null) continue;
      from = m.index + 4;
      const country = m[1].toUpperCase();
      const len = IBAN_LENGTH[country];
      if (!len) continue;
      let compact = country + m[2];
      let i = m.index + 4;
      while (compact.length < len && i < t.length) {
        const c = t[i];
        if (c === ' ' && i + 1 < t.length && IBAN_CHAR.test(t[i + 1]) && (compact.length - 4) % 4 === 0) {
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
const SSN_LABELLED =
  /(?:\bSSNs?|\bsocial[ -]security(?:[ -](?:number|no\.?|#))?|\bSS#)\W{0,12}?(?:is\s+|:\s*|#\s*)?(?<![\d-])(\d{3})[ .]?(\d{2})[ .]?(\d{4})(?![\d-])/gi;

const validSsn = (area: string, group: string, serial: string) => {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
};

const SSN_AT = sticky(SSN);
/** Where a labelled SSN match starts (SSN_LABELLED is case-insensitive). */
const SSN_LABELS = ['ssn', 'social', 'ss#'];
const SSN_LABELLED_AT = sticky(SSN_LABELLED);

const ssn: Detector = {
  kind: 'ssn',
  maybe: hasDigit,
  find: (t, out) => {
    scanAt(SSN_AT, 'ssn', t.text, t.marks.digitStarts, out, (m) => validSsn(m[1]!, m[3]!, m[4]!));
    scanAt(SSN_LABELLED_AT, 'ssn', t.text, t.starts(SSN_LABELS), out, (m) => {
      if (!validSsn(m[1]!, m[2]!, m[3]!)) return false;
      const value = m[0].length - (m[0].length - m[0].search(/\d{3}[ .]?\d{2}[ .]?\d{4}$/));
      return [m.index + value, m.index + m[0].length];
    });
  },
};

// ---- phone ---------------------------------------------------------------------------------------

// International (+CC ..., 00CC ..., +36 20/390-8806), North-American ((415) 555-0132,
// 415-555-0132, 1-800-555-0199) and national numbers written with their trunk prefix 0 (UK 020 7946
// 0958 / 07700 900123, DE 030 12345678, FR 01 23 45 67 89, IT 02 1234 5678, NL 06 12345678, IN 022
// 2345 6789, JP 03-1234-5678 / 01234-5-6789, AU (02) 9876 5432 / 0412 345 678, SE 08-123 45 67 /
// 029-603 23, IE 01 7968174, TH 0 2123 4567), plus the national forms without a trunk prefix that
// have a fixed shape (BR (11) 91234-5678, IN mobile 98765 43210, ES 612 345 678 / 912 34 56 78, PL
// 501-234-567 / 22-123-45-67, IT mobile 347 1234567 / 347 123 4567, MX 55 1234 5678 / 333 123
// 4567, CN mobile 138 0013 8000 / 13800138000, RU 8 (495) 123-45-67 / (925)107-66-50, DK and NO 72
// 18 50 51 / 908 80 655, GR 2355 107665 / 23102 12345). Not 3-3-3 from 2 or 4 (299 792 458 m/s is
// written so). The country code may be in parentheses ((+49) 171 ...), the whole number too
// ("(+1 415 555 0132)", "(030 12345678)"). A German area code may end in a slash (089/12345678);
// an extension (ext. 12, x204, poste 12) belongs to the number before it. Bare runs of 7-11 digits
// only after a label (PHONE_BARE_AT).
const EXTENSION = '(?:,? ?(?:ext\\.?|extn\\.?|extension|poste|x|#) ?\\d{1,6})?';
const PHONE_INTL = new RegExp(
  `(?<![\\w+#]|\\d[ .-]|\\w-)(?:(?:\\+|00)[1-9]\\d{0,2}|\\(\\+[1-9]\\d{0,2}\\))(?:[ ./-]?\\(?\\d{1,4}\\)?){2,6}${EXTENSION}(?![\\w])`,
  'g',
);
const PHONE_NANP = new RegExp(
  `(?<![\\w+-]|\\w\\()(?:1[ .-]?)?(?:\\(\\d{3}\\)[ -]?|\\d{3}[ -]|\\d{3}\\.)\\d{3}[ .-]\\d{4}${EXTENSION}(?![\\w-])`,
  'g',
);
const PHONE_TRUNK =
  /(?<![\w+#.\-/]|\d[ .-])(?:\(0\d{1,4}\)|0\d{1,4}(?:\/ ?)?)(?:[ .-]?\d{2,4}){1,4}(?![\w-]|[.,]\d)/g;
const PHONE_BR = /(?<!\w|\w\()\(\d{2}\) ?\d{4,5}-?\d{4}(?![\w-])/g;
const PHONE_SPACED =
  /(?<![\w.-]|\d[ .,-])(?:0\d{4}-\d-\d{4}|0 [2-9]\d{3} \d{4}|2[1-9]\d{2}(?:\d \d{5}| \d{6})|[6-9]\d{4} \d{5}|1[3-9]\d(?:([ -])\d{4}\1\d{4}|\d{8})|[2-9]\d(?: \d{4} \d{4}|([ -])\d{3}\2\d{2}\2\d{2}|(?: \d{2}){3}(?! \d))|1\d([ -])\d{3}\3\d{2}\3\d{2}|[2-9]\d{2}(?:([ -])\d{3}\4\d{4}| \d{2} \d{3}| \d{2} \d{2} \d{2})|[35-9]\d{2}(?:([ -])\d{3}\5\d{3}| \d{6,7})|(?:8 ?)?\(\d{3}\) ?\d{3}([ -])\d{2}\6\d{2}|8[ -]\d{3}[ -]\d{3}([ -])\d{2}\7\d{2})(?![\w-]|[.,]\d)/g;

const PHONE_BARE_AT =
  /(?<![\w+.-])\d{2}(?:\d(?:\d{4,8}|\d \d{4}|([ .])\d{3}\1\d{3})| \d{3} \d{3})(?![\w-]|[.,]\d)/y;
const PHONE_LABEL =
  /\b(?:phone|tel|telephone|mobile|cell|cellphone|call|fax|whatsapp|text|sms|ph|contact|dial|ring)\b[^\w\n]{0,4}(?:(?:me|us|at|on|number|no|is|#)\b[^\w\n]{0,3}){0,3}$/i;

/** A label that names a phone (not "contact"). */
const PHONE_WORD =
  /\b(?:phone|tel|telephone|mobile|mobil|cell|cellphone|call|fax|whatsapp|sms|ph|telefon|tel\u00e9fono|telefono|t\u00e9l\u00e9phone|portable|handy|puhelin)\b[^\w\n]{0,4}(?:(?:me|us|at|on|number|no|is|#)\b[^\w\n]{0,3}){0,3}$/i;

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
const withoutExtension = (s: string) => s.split(/,? ?[A-Za-z#]/)[0]!;

const PHONE_INTL_AT = sticky(PHONE_INTL);
const PHONE_NANP_AT = sticky(PHONE_NANP);
const PHONE_TRUNK_AT = sticky(PHONE_TRUNK);
const PHONE_BR_AT = sticky(PHONE_BR);
const PHONE_SPACED_AT = sticky(PHONE_SPACED);

const phone: Detector = {
  kind: 'phone',
  maybe: hasDigit,
  // Every form starts a run of digits (none follows a letter or digit) or with "(" or "+".
  find: ({ text: t, marks }, out) => {
    const starts = marks.numberStarts;
    scanAt(PHONE_INTL_AT, 'phone', t, starts, out, (m) => {
      // E.164: 8 to 15 digits after the "+" or "00"; a "00" number in one run (0049301234567)
      // at least 11, as zero-padded ids are 00 and a few digits.
      const number = withoutExtension(m[0]);
      const intl = number.startsWith('00');
      const n = number.replace(/\D/g, '').length - (intl ? 2 : 0);
      if (n < (intl && /^\d+\)?$/.test(number) ? 11 : 8) || n > 15) return false;
      // A closing parenthesis the number did not open is the text's ("(+1 415 555 0132)").
      return closesUnopened(m[0]) ? [m.index, m.index + m[0].length - 1] : true;
    });
    scanAt(PHONE_NANP_AT, 'phone', t, starts, out, (m) => {
      // 415.555.0132 only with dots throughout; area and exchange codes never start with 0 or 1.
      const s = withoutExtension(m[0]);
      if (s.includes('.') && !/^(?:1\.)?\d{3}\.\d{3}\.\d{4}$/.test(s)) return false;
      const digits = s.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
      return /^[2-9]\d{2}[2-9]/.test(digits);
    });
    scanAt(PHONE_TRUNK_AT, 'phone', t, starts, out, (m) => {
      const s = m[0];
      const digits = s.replace(/\D/g, '');
      // With the trunk 0: 10 or 11 digits as one run (a longer run is a product or account code),
      // 9 to 13 in groups (Seoul 02-312-3456, Dublin 01 7968174, Austria 05422 5230, long German
      // and Austrian numbers 04155 35072701).
      const groups = s.split(/[^\d()]+/).length;
      if (digits.length > (groups === 1 ? 11 : 13)) return false;
      if (digits.length < (groups === 1 ? 10 : 9) && !SWEDISH_SHORT.test(s)) return false;
      // One separator kind, but the one after the area code may differ (08-123 456 78, 089/1234 5678).
      const area = /^\(?0\d{1,4}\)?(?:\/ ?|[ .-])?/.exec(s)![0];
      const seps = new Set(s.slice(area.length).replace(/[\d()]/g, ''));
      if (seps.size > 1) return false;
      // Dotted groups only as French pairs (01.23.45.67.89): never dates or version numbers.
      if (seps.has('.') && !/^0\d(?:\.\d{2}){4}$/.test(s)) return false;
      // Not a US ZIP+4 code (07079-4605).
      return digits[1] !== '0' && !ZIP_PLUS_4.test(s);
    });
    scanAt(PHONE_BR_AT, 'phone', t, starts, out);
    // Not an amount written in thousands (250 000 000).
    scanAt(PHONE_SPACED_AT, 'phone', t, starts, out, (m) => !ZERO_GROUPS.test(m[0]));
    // Bare digits only after a label: seven to eleven (or 4+4, Denmark; 3.3.3, and 3 3 3 from 2
    // or 4, Spain and Portugal; 2+3+3, Latvia: ids and amounts as often) after a word for a phone
    // ("Tel.: 951076650", "mobil 6107 6650", "call me at 3471234567"); after "contact" and the
    // like only ten or eleven North-American (4155550132) or national with the trunk 0
    // (0412345678). Never 00 (the international prefix alone).
    scanAt(PHONE_BARE_AT, 'phone', t, marks.digitStarts, out, (m) => {
      const s = m[0];
      if (s.startsWith('00')) return false;
      const before = t.slice(Math.max(0, m.index - 32), m.index);
      if (PHONE_WORD.test(before)) return true;
      return (/^1?[2-9]\d{2}[2-9]\d{6}$/.test(s) || /^0[1-9]\d{8,9}$/.test(s)) && PHONE_LABEL.test(before);
    });
  },
};

// ---- IP addresses --------------------------------------------------------------------------------

const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;
const VERSION_BEFORE =
  /(?:\bv|\b(?:version|ver\.?|release|build|firmware|section|chapter|clause|paragraph|step|figure|table|oid|\u00a7)\s*)$/i;
/** A netmask (255.255.255.0) is an address-shaped setting, not an address; nor is loopback (127.x) or 0.0.0.0. */
const NETMASK =
  /^255\.(?:255\.(?:255\.(?:255|254|252|248|240|224|192|128|0)|(?:254|252|248|240|224|192|128|0)\.0)|(?:254|252|248|240|224|192|128|0)\.0\.0)$/;
// A colon after an address ends it when a space or the end follows ("fe80::1: that one").
const IPV6 =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4})(?!\w|:(?!\s|$))/g;

const IPV4_AT = sticky(IPV4);
const IPV6_AT = sticky(IPV6);

/** Where an IPv6 address can start: up to four hex digits before a colon, or the colon. */
function ipv6Starts(colons: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (const c of colons) {
    for (let at = Math.max(next, c - 4); at <= c; at++) out.push(at);
    next = c + 1;
  }
  return out;
}

const ipAddress: Detector = {
  kind: 'ip-address',
  maybe: ({ text }) => text.includes('.') || text.includes(':'),
  find: ({ text: t, marks }, out) => {
    // A four-part version or section number (v1.2.3.4, version 10.0.19041.1, section 4.3.2.1)
    // is not an address.
    scanAt(
      IPV4_AT,
      'ip-address',
      t,
      marks.digitStarts,
      out,
      (m) =>
        isIPv4(m[0]) &&
        !NETMASK.test(m[0]) &&
        !m[0].startsWith('127.') &&
        !(m[0].endsWith('.0') && t[m.index + m[0].length] === '/') && // a network (10.0.0.0/8)
        m[0] !== '0.0.0.0' &&
        !VERSION_BEFORE.test(t.slice(Math.max(0, m.index - 16), m.index)),
    );
    scanAt(IPV6_AT, 'ip-address', t, ipv6Starts(marks.colons), out, (m) => {
      // The colon of the sentence, not the address's ("fe80::1:5: that one").
      const s = m[0].endsWith(':') && !m[0].endsWith('::') ? m[0].slice(0, -1) : m[0];
      if (!isIPv6(s)) return false;
      // Not "::" alone, nor something like "a::b" in prose: a few hex digits at least.
      if (s.replace(/[^0-9A-Fa-f]/g, '').length < 4 || s.split(':').filter(Boolean).length < 2) return false;
      return [m.index, m.index + s.length];
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
const SECRET_LABEL = `${LABEL_PREFIX}(?:api[_-]?key|apikey|secret(?:[_-]?access)?[_-]?key|(?:client|signing|app)[_-]?secret|(?:access|auth|refresh|api|bearer|session)[_-]?token|token|secret|private[_-]?key(?:[_-]?id)?|(?:account|storage|access|master|encryption|subscription)[_ -]?key|password|passwd|pwd)`;
/** Password labels, in a few languages. */
const PASSWORD_LABEL = `(?:(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_-])+pass|${LABEL_PREFIX}(?:password|passwd|pwd|passphrase|passwort|kennwort|mot de passe|contraseña|contrasena|senha|wachtwoord|hasło|haslo|parola|пароль|パスワード|密码|密碼))`;
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
  /^(?:password|passwd|pass|pwd|secret|changeme|user(?:name)?|\*+|x+|\.{3}|<[^>]*>|\$\{?\w*\}?|\[[^\]]*\]|(?:your|my)[_-]?password)$/i;

/** A password written without quotes: one word with a digit or a symbol, not a variable. */
const UNQUOTED_PASSWORD =
  '(?![$<{%*])(?=[^\\s"\'`]*[0-9!#$%&*+/=?@^~|\\\\])[^\\s"\'`<>()[\\]{}]{4,128}(?<![.,;:])';
/** One word, not a variable: a password when it has a digit or a symbol, or random case. */
const UNQUOTED_WORD = '(?![$<{%*])[^\\s"\'`<>()[\\]{}]{4,128}(?<![.,;:])';
const PASSWORD_SYMBOL = /[0-9!#$%&*+/=?@^~|\\]/;

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

/** A URL around the password found in it: from its scheme to its last character. */
function wholeUrl(m: RegExpExecArray): [number, number] {
  const t = m.input;
  let start = t.lastIndexOf('://', m.index);
  while (start > 0 && SCHEME_CHAR.test(t[start - 1]!)) start--;
  let end = m.index + m[0].length;
  const limit = Math.min(t.length, end + 2048);
  while (end < limit && !URL_END.test(t[end]!)) end++;
  while (end > m.index + m[0].length + 1 && URL_TRAILER.test(t[end - 1]!)) end--;
  return [start, end];
}
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const URL_END = /[\s"'`<>]/;
const URL_TRAILER = /[.,;:!?)\]}]/;

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
];
const VENDOR_PREFIX =
  /^(?:xai-|gsk_|pplx-|r8_|lin_api_|ntn_|dckr_pat_|figd_|sntrys_|pscale_(?:pw|tkn|oauth)_|glsa_|glc_|NRAK-|PMAK-|hv[sb]\.|dp\.(?:pt|st|ct|sa|scim)\.|sq0(?:atp|csp)-|sk\.eyJ)/;
const VENDOR_TOKEN = new RegExp(
  `(?<![\\w.-])${VENDOR_PREFIX.source.slice(1)}[A-Za-z0-9_.=-]{20,}(?<![.=-])`,
  'g',
);
/** A generated token's body: a digit in it, or both cases (not your_api_key_here). */
const randomLooking = (body: string) => /\d/.test(body) || (/[a-z]/.test(body) && /[A-Z]/.test(body));

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
  { re: /https:\/\/[a-z0-9-]+\.webhook\.office\.com\/[A-Za-z0-9@/_-]{30,}/g, at: ['https://'] },
  // Connection strings with a password: scheme://user:password@host, the whole URL (the
  // password is found; host and database go with it).
  {
    re: /(?<=\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|ftp|sftp|smtps?|ldaps?|https?):\/\/[^\s:/@]{0,64}:)[^\s@/]{1,256}(?=@)/gi,
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
  // Hub, Figma, Sentry, PlanetScale, Grafana, New Relic, Postman, Vault, Doppler, Square, Mapbox.
  {
    re: VENDOR_TOKEN,
    at: VENDOR_PREFIXES,
    accept: (value) => randomLooking(value.slice(VENDOR_PREFIX.exec(value)![0].length)),
  },
  { re: /(?<![\w-])AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}(?![\w])/g, at: ['age-secret-key-1'] },
  // Azure storage / service bus keys, SAS signatures.
  {
    re: /(?<=\b(?:AccountKey|SharedAccessKey)=)[A-Za-z0-9+/]{20,}={0,2}/g,
    at: [
      ['accountkey=', 11],
      ['sharedaccesskey=', 16],
    ],
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
  // password=..., api_key: "...", secret: ... with a long, key-like value (the value only).
  {
    re: new RegExp(`(?<=${SECRET_LABEL}["']?\\s*[:=]\\s*["']?)${KEY_LIKE}`, 'gi'),
    gate: ['key', 'secret', 'token', 'pass', 'pwd'],
    // The value follows a ":" or "=" (which it cannot contain): tried only there.
    at: [':', '='],
    value: new RegExp(`(?<=${SECRET_LABEL}["']?\\s*)[:=]\\s*["']?(${KEY_LIKE})`, 'iy'),
    accept: keyLike,
  },
  // A password in quotes after its label, whatever its characters (hunter2!, correct horse ...),
  // the quotes left alone (a masked JSON argument stays JSON); an unclosed quote at the end of
  // the text (mid-stream) runs to the end, so it is held.
  {
    re: new RegExp(
      `(?<=${PASSWORD_LABEL}["']?\\s*[:=]\\s*["'])(?:[^"'\\n]{4,128}(?=["'])|[^"'\\n]{0,128}$)`,
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
    re: new RegExp(`(?<=${SECRET_LABEL}["']?\\s*)[:=]\\s*["']([^"'\\s]{12,256})(?=["'])`, 'gi'),
    gate: ['key', 'secret', 'token'],
    at: [':', '='],
    value: new RegExp(`(?<=${SECRET_LABEL}["']?\\s*)[:=]\\s*["']([^"'\\s]{12,256})(?=["'])`, 'iy'),
    accept: keyLike,
  },
  // An unquoted password after its label (password=..., "my password is ...", Passwort: ...): one
  // word with a digit or a symbol in it, or random case (not "required", not process.env.PASS,
  // not ${PASS}, not hashedPassword).
  // Tried only after a ":", "=" or " is " (and its other languages' words).
  {
    re: new RegExp(
      `(?<=${PASSWORD_LABEL}["']?\\s*)(?:[:=]\\s*|(?:is|ist|est|es|é|era|was):?\\s+)${UNQUOTED_WORD}`,
      'gi',
    ),
    gate: PASSWORD_NEEDLES,
    at: [
      ':',
      '=',
      [' is ', 1],
      [' ist ', 1],
      [' est ', 1],
      [' es ', 1],
      [' é ', 1],
      [' era ', 1],
      [' was ', 1],
    ],
    value: new RegExp(
      `(?<=${PASSWORD_LABEL}["']?\\s*)(?:[:=]\\s*|(?:is|ist|est|es|é|era|was):?\\s+)(${UNQUOTED_WORD})`,
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
    ...SECRETS.flatMap((x) => [
      ...(x.gate ?? []),
      ...(x.at ?? []).map((n) => (typeof n === 'string' ? n : n[0])),
    ]),
  ]),
];
const NEEDLE_ID = new Map(NEEDLES.map((n, i) => [n, i]));
const NEEDLE_AUTOMATON = new Automaton(NEEDLES, { foldCase: true });

/** A filler run (ghp_xxxxxxxx..., sk-000000...) half the value or more: a placeholder. */
const FILLER = /(.)\1{11,}/;
const filled = (value: string) => {
  const run = FILLER.exec(value);
  return run !== null && run[0].length * 2 >= value.length;
};

const secretOk = (x: (typeof SECRETS)[number], value: string) =>
  !filled(value) && (!x.accept || x.accept(value));
// Made once, not per text: a small prompt meets every secret shape, and each closure is garbage.
const ACCEPT_MATCH = SECRETS.map(
  (x) =>
    (m: RegExpExecArray): boolean | [number, number] =>
      secretOk(x, m[0]) && (x.widen ? x.widen(m) : true),
);
const ACCEPT_VALUE = SECRETS.map(
  (x) =>
    (m: RegExpExecArray): false | [number, number] =>
      secretOk(x, m[1]!) ? [m.index + m[0].length - m[1]!.length, m.index + m[0].length] : false,
);

function gateOpen(t: Text, gate: readonly string[]): boolean {
  for (const n of gate) if (t.has(n)) return true;
  return false;
}

const secret: Detector = {
  kind: 'secret',
  maybe: () => true,
  find: (t, out) => {
    for (let i = 0; i < SECRETS.length; i++) {
      const x = SECRETS[i];
      if (x.gate && !gateOpen(t, x.gate)) continue;
      if (!x.at) {
        scan(x.re, 'secret', t.text, out, ACCEPT_MATCH[i]);
        continue;
      }
      const starts = t.starts(x.at);
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

export function piiLabel(kind: string): string {
  return LABELS[kind] ?? '[REDACTED]';
}

/** Finds the given PII types in a text: sorted, non-overlapping spans. */
export function piiFinder(types: readonly PiiType[]): (text: string) => Span[] {
  const detectors = ORDER.filter((t) => types.includes(t)).map((t) => DETECTORS[t]);
  return (text) => {
    const spans: Span[] = [];
    const t = new Text(text);
    for (const d of detectors) if (d.maybe(t)) d.find(t, spans);
    return resolveOverlaps(spans);
  };
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
