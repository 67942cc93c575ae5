// The characters a JavaScript regex's non-empty matches can start with, read off its source, so a
// regex tried at many positions (pii.ts tries its detectors at every run of digits) is run only
// where the character there can start a match: each attempt costs ~0.1 us of call overhead even
// when it fails on the first character. Conservative: whatever it does not read exactly (., a
// negated class, \p{...}, backreferences, case folding beyond ASCII) counts as "any".
// Also read off the source: how far from where it is tried a regex may read (regexReach), so the
// injection guard tries a rule on the leetspeak-undone copy only where that copy differs in reach.

/** Per UTF-16 code unit: 1 when a non-empty match can start with it. */
export type FirstChars = Uint8Array;

const DIGITS = '0123456789';
const WORD = `${DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_`;

interface Read {
  /** Code units a match of this part can start with; undefined: any. */
  first: Set<number> | undefined;
  /** It can match the empty string. */
  nullable: boolean;
}

class Parser {
  i = 0;
  readonly src: string;
  readonly ignoreCase: boolean;

  constructor(src: string, ignoreCase: boolean) {
    this.src = src;
    this.ignoreCase = ignoreCase;
  }

  /** alternative ('|' alternative)* up to ')' or the end. */
  alternation(): Read {
    let out = this.sequence();
    while (this.src[this.i] === '|') {
      this.i++;
      const next = this.sequence();
      out = { first: union(out.first, next.first), nullable: out.nullable || next.nullable };
    }
    return out;
  }

  sequence(): Read {
    let first: Set<number> | undefined = new Set();
    let nullable = true;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const item = this.quantified();
      if (nullable) first = union(first, item.first);
      nullable &&= item.nullable;
    }
    return { first, nullable };
  }

  quantified(): Read {
    const atom = this.atom();
    const c = this.src[this.i];
    let nullable = atom.nullable;
    if (c === '?' || c === '*') {
      nullable = true;
      this.i++;
    } else if (c === '+') this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.src.slice(this.i));
      if (m) {
        if (Number(m[1]) === 0) nullable = true;
        this.i += m[0].length;
      } else return atom; // a literal "{" (the next atom)
    } else return atom;
    if (this.src[this.i] === '?') this.i++; // lazy
    return { first: atom.first, nullable };
  }

  atom(): Read {
    const c = this.src[this.i++];
    if (c === '^' || c === '$') return { first: new Set(), nullable: true };
    if (c === '.') return { first: undefined, nullable: false };
    if (c === '(') {
      let zeroWidth = false;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (/^\?<?[=!]/.test(this.src.slice(this.i, this.i + 3))) {
        zeroWidth = true;
        this.i += this.src[this.i + 1] === '<' ? 3 : 2;
      } else if (this.src.startsWith('?<', this.i)) this.i = this.src.indexOf('>', this.i) + 1;
      else if (this.src[this.i] === '?') throw new Error('unknown group');
      const inner = this.alternation();
      if (this.src[this.i++] !== ')') throw new Error('unbalanced group');
      return zeroWidth ? { first: new Set(), nullable: true } : inner;
    }
    if (c === '[') return { first: this.cls(), nullable: false };
    if (c === '\\') return this.escape();
    return { first: this.char(c), nullable: false };
  }

  escape(): Read {
    const e = this.src[this.i++];
    if (e === 'b' || e === 'B') return { first: new Set(), nullable: true };
    if (/[1-9k]/.test(e)) throw new Error('backreference'); // may be empty or anything
    return { first: this.escapeChars(e), nullable: false };
  }

  /** The characters of an escape (after the backslash) inside or outside a class. */
  escapeChars(e: string): Set<number> | undefined {
    if (e === 'd') return codes(DIGITS);
    if (e === 'w') return this.ignoreCase ? undefined : codes(WORD); // /iu folds U+017F, U+212A into \w
    if (e === 's') return undefined; // \s holds Unicode spaces
    if (e === 'p' || e === 'P') {
      if (this.src[this.i] === '{') this.i = this.src.indexOf('}', this.i) + 1;
      return undefined;
    }
    if ('DWS'.includes(e)) return undefined;
    // Digits: \0 (or a legacy octal escape such as \012 in a class): not read.
    if (/[0-9]/.test(e)) return e === '0' && !/[0-9]/.test(this.src[this.i] ?? '') ? codes('\0') : undefined;
    const control: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
    if (control[e] !== undefined) return codes(control[e]);
    if (e === 'x' || e === 'u' || e === 'c') return undefined;
    return this.char(e);
  }

  /** A class: its members, or undefined (negated, or holding what escapeChars cannot read). */
  cls(): Set<number> | undefined {
    let out: Set<number> | undefined = new Set();
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    let prev: number | undefined;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      let c = this.src[this.i++];
      if (c === '-' && prev !== undefined && this.src[this.i] !== ']') {
        // A range prev-next (next a plain character or an escaped one).
        c = this.src[this.i++];
        if (c === '\\') c = this.src[this.i++];
        const to = c.charCodeAt(0);
        for (let k = prev; k <= to; k++) out = union(out, this.char(String.fromCharCode(k)));
        prev = undefined;
        continue;
      }
      if (c === '\\') {
        const e = this.src[this.i++];
        const set = e === 'b' ? codes('\b') : this.escapeChars(e);
        out = union(out, set);
        prev = set && set.size === 1 && !/[dws]/i.test(e) ? [...set][0] : undefined;
        continue;
      }
      out = union(out, this.char(c));
      prev = c.charCodeAt(0);
    }
    this.i++; // ']'
    return negated ? undefined : out;
  }

  /** One literal character, with its other case under the i flag. */
  char(c: string): Set<number> | undefined {
    const code = c.charCodeAt(0);
    if (!this.ignoreCase) return new Set([code]);
    // Case folding reaches beyond ASCII (k and U+212A, s and U+017F): any for letters then.
    if (c.toLowerCase() !== c.toUpperCase()) return undefined;
    return new Set([code]);
  }
}

function codes(chars: string): Set<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

/** a with b's members added (a itself, changed), or undefined when either is "any". */
function union(a: Set<number> | undefined, b: Set<number> | undefined): Set<number> | undefined {
  if (a === undefined || b === undefined) return undefined;
  for (const c of b) a.add(c);
  return a;
}

/**
 * The code units a non-empty match of `re` can start with (at the position it is tried at), or
 * undefined when they cannot be read (then it is tried everywhere, as without this).
 */
export function firstChars(re: RegExp): FirstChars | undefined {
  if (re.flags.includes('v')) return undefined;
  // Astral characters in a 'u' source are one character but two code units: not read.
  if (re.flags.includes('u') && /[\ud800-\udfff]/.test(re.source)) return undefined;
  let read: Read;
  try {
    const p = new Parser(re.source, re.flags.includes('i'));
    read = p.alternation();
    if (p.i !== re.source.length) return undefined;
  } catch {
    return undefined;
  }
  if (!read.first) return undefined;
  const table = new Uint8Array(65536);
  for (const c of read.first) table[c] = 1;
  return table;
}

/** What matching from a position reads: code units consumed at most, and read at most (lookahead). */
interface Span {
  adv: number;
  reach: number;
}

/**
 * How many code units from the position a regex is tried at it may read (its match and whatever a
 * lookahead or \b looks at), or Infinity when unbounded or not read; the character just before
 * the position may be read too (\b), nothing further back (a look-behind makes it Infinity).
 * With it, text that differs only outside [position - 1, position + reach) cannot change the
 * outcome of an attempt there.
 */
export function regexReach(re: RegExp): number {
  if (re.flags.includes('v')) return Number.POSITIVE_INFINITY;
  const width = re.flags.includes('u') ? 2 : 1; // an astral character is two code units
  const src = re.source;
  let i = 0;
  const fail = () => {
    throw new Error('not read');
  };
  const alternation = (): Span => {
    let out = sequence();
    while (src[i] === '|') {
      i++;
      const next = sequence();
      out = { adv: Math.max(out.adv, next.adv), reach: Math.max(out.reach, next.reach) };
    }
    return out;
  };
  const sequence = (): Span => {
    let adv = 0;
    let reach = 0;
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const item = quantified();
      reach = Math.max(reach, adv + item.reach);
      adv += item.adv;
    }
    return { adv, reach };
  };
  const quantified = (): Span => {
    const a = atom();
    const c = src[i];
    let max = 1;
    if (c === '?' || c === '*' || c === '+') {
      i++;
      max = c === '?' ? 1 : Number.POSITIVE_INFINITY;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(i));
      if (!m) return a; // a literal "{": the next atom
      i += m[0].length;
      max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
    } else return a;
    if (src[i] === '?') i++; // lazy
    if (max === 0) return { adv: 0, reach: 0 };
    if (a.adv === 0) return { adv: 0, reach: a.reach };
    // An unbounded atom ("(?:[a-z]+ )?") reads without bound however often it repeats (and
    // (max - 1) * Infinity would be NaN for max 1: a reach no comparison passes).
    if (max === Number.POSITIVE_INFINITY || a.adv === Number.POSITIVE_INFINITY)
      return { adv: Number.POSITIVE_INFINITY, reach: Number.POSITIVE_INFINITY };
    return { adv: max * a.adv, reach: (max - 1) * a.adv + a.reach };
  };
  const escaped = (): Span => {
    const e = src[i++];
    if (e === 'b' || e === 'B') return { adv: 0, reach: 1 };
    if (/[1-9k]/.test(e)) fail(); // backreferences
    if (e === 'x') i += 2;
    else if (e === 'u') i = src[i] === '{' ? src.indexOf('}', i) + 1 : i + 4;
    else if (e === 'c') i++;
    else if ((e === 'p' || e === 'P') && src[i] === '{') i = src.indexOf('}', i) + 1;
    else if (e === '0') while (/[0-9]/.test(src[i] ?? '')) i++; // \0 or a legacy octal escape
    return { adv: width, reach: width };
  };
  const atom = (): Span => {
    const c = src[i++];
    if (c === '^' || c === '$') return { adv: 0, reach: 1 }; // with the m flag they read a character
    if (c === '\\') return escaped();
    if (c === '[') {
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      if (i >= src.length) fail();
      i++;
      return { adv: width, reach: width };
    }
    if (c === '(') {
      let ahead = false;
      if (src.startsWith('?:', i)) i += 2;
      else if (src.startsWith('?=', i) || src.startsWith('?!', i)) {
        ahead = true;
        i += 2;
      } else if (src.startsWith('?<=', i) || src.startsWith('?<!', i))
        fail(); // reads backwards
      else if (src.startsWith('?<', i)) i = src.indexOf('>', i) + 1;
      else if (src[i] === '?') fail();
      const inner = alternation();
      if (src[i++] !== ')') fail();
      return ahead ? { adv: 0, reach: inner.reach } : inner;
    }
    return { adv: width, reach: width };
  };
  try {
    const all = alternation();
    if (i !== src.length) return Number.POSITIVE_INFINITY;
    return all.reach;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
