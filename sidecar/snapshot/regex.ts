// Regular expressions that come from resources (deny patterns, header matches) run on RE2 (the
// re2js port): matching time is linear in the text, so no pattern can stall the sidecar the way
// `(a+)+$` stalls a backtracking engine. RE2 syntax: no backreferences, no lookarounds.
// Part of the contract: compile (operator) and the sidecar accept exactly the same patterns.
// Measurements and the engines compared: docs/regex.md.
import { RE2JS } from 're2js';

export interface LinearRegex {
  /** Does the pattern occur anywhere in text (unanchored, like RegExp.test)? */
  test(text: string): boolean;
}

/** Throws an Error whose message says why RE2 refuses the pattern (never quoting matched text). */
export function linearRegex(source: string, options: { ignoreCase?: boolean } = {}): LinearRegex {
  try {
    const re = RE2JS.compile(source, options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    return { test: (text) => re.test(text) };
  } catch (err) {
    throw new Error(`invalid regular expression (RE2 syntax): ${reason(err)}`);
  }
}

/** Validation verdicts by pattern: the operator validates every resource on every reconcile. */
const verdicts = new Map<string, string | undefined>();
const MAX_VERDICTS = 4096;

/** Why RE2 refuses the pattern, or undefined when it runs it. */
export function regexProblem(source: string): string | undefined {
  if (verdicts.has(source)) return verdicts.get(source);
  let problem: string | undefined;
  try {
    linearRegex(source);
  } catch (err) {
    problem = (err as Error).message;
  }
  if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(source, problem);
  return problem;
}

function reason(err: unknown): string {
  return String((err as Error).message ?? err).replace(/^error parsing regexp: /, '');
}
