// Deny patterns: the route's own regular expressions (RE2, case-insensitive); a match anywhere in
// the prompt blocks it. The message names the pattern by position, never the text it matched.
// RE2 matches in linear time: a hostile pattern or prompt cannot stall the event loop.
//
// re2js walks the whole prompt (~3 ms per 200 KB) even when the pattern cannot occur in it. Most
// deny patterns hold words every match must contain ("project\s+falcon": "project" and "falcon");
// each is first looked up with the engine's native search (a fixed string: linear, ~0.2 ms per
// 200 KB), and re2js runs only when all of them occur.
import { linearRegex } from '../snapshot/regex.ts';
import type { Finding, Guard, Prompt } from './guard.ts';

/** Characters with a meaning in RE2 syntax outside classes. */
const META = new Set([...'\\.+*?()|[]{}^$']);
/** Escapes of one character class or assertion: \d \s \w \b and their negations. */
const CLASS_ESCAPES = new Set([...'dDsSwWbB']);
const QUANTIFIERS = new Set([...'?*+{']);

/**
 * Lower-case ASCII strings (3+ characters) every match of an RE2 `source` contains, read off its
 * top level (outside groups, classes and alternatives); [] when none can be read. Conservative:
 * a construct it does not know (other escapes, POSIX or nested classes, a top-level |) yields [].
 */
export function requiredLiterals(source: string): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    if (run.length >= 3) out.push(run);
    run = '';
  };
  let depth = 0;
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    let literal: string | undefined;
    let next = i + 1;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      if (/^[!-/:-@[-`{-~ ]$/.test(e))
        literal = e; // escaped punctuation (and space) is itself
      else if (!CLASS_ESCAPES.has(e)) return []; // \x41, \p{L}, \Q...\E, \pN, octal: not read
      next = i + 2;
    } else if (c === '[') {
      // A class is one character, not a literal; its end: the first ']' not first in it.
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') return [];
      for (; j < source.length && source[j] !== ']'; j++) {
        if (source[j] === '[') return []; // [[:alpha:]], nested classes: not read
        if (source[j] === '\\') j++;
      }
      if (j >= source.length) return [];
      next = j + 1;
    } else if (c === '{') {
      // A repetition's bounds ("{2,5}"): not literals.
      const close = source.indexOf('}', i);
      if (close < 0) return [];
      next = close + 1;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|') {
      if (depth === 0) return [];
    } else if (!META.has(c)) {
      if (c.charCodeAt(0) < 32 || c.charCodeAt(0) > 126) return [];
      literal = c;
    }
    // Only characters at the top level, each exactly once (not optional, not repeated).
    if (literal !== undefined && depth === 0 && !QUANTIFIERS.has(source[next] ?? ''))
      run += literal.toLowerCase();
    else flush();
    i = next;
  }
  flush();
  return depth === 0 ? out : [];
}

/** RegExp source of a literal (the 'u' flag wants only syntax characters escaped). */
const regexLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** Throws on an invalid expression (the snapshot is then refused, not the request). */
export function denyPatternsGuard(patterns: readonly string[]): Guard {
  const compiled = patterns.map((source, i) => {
    let re: ReturnType<typeof linearRegex>;
    try {
      re = linearRegex(source, { ignoreCase: true });
    } catch (err) {
      throw new Error(`guards.denyPatterns[${i}]: ${(err as Error).message}`);
    }
    // Unicode case folding (the 'u' flag), as RE2 folds: "k" also finds U+212A, "s" U+017F.
    const needs = requiredLiterals(source).map((l) => new RegExp(regexLiteral(l), 'iu'));
    return { test: (text: string) => needs.every((n) => n.test(text)) && re.test(text) };
  });
  return {
    name: 'denyPatterns',
    request(prompt: Prompt): Finding | undefined {
      for (const t of prompt.texts) {
        const i = compiled.findIndex((re) => re.test(t.text));
        if (i < 0) continue;
        return {
          guard: 'denyPatterns',
          direction: 'request',
          action: 'block',
          kinds: [`pattern-${i}`],
          count: 1,
          status: 403,
          message: `request blocked by guard denyPatterns: the prompt matches deny pattern #${i}`,
        };
      }
      return undefined;
    },
  };
}
