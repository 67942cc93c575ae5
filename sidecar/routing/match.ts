// Route matching, compiled once per snapshot: each rule's matches become one predicate, so the
// hot path runs closures over prebuilt (RE2, linear-time) regexes instead of interpreting config.
import type { IncomingHttpHeaders } from 'node:http';
import { type Claims, claimStrings } from '../auth/jwt.ts';
import type { MatchConfig, Operation } from '../snapshot/index.ts';
import { type LinearRegex, linearRegex } from '../snapshot/regex.ts';

/** What a rule can match on, as identify learnt it. */
export interface RequestFacts {
  model?: string;
  operation: Operation;
  /** Lower-case names, as Node delivers them. */
  headers: IncomingHttpHeaders;
  /** Claims of the JWT the sidecar verified; undefined without one. */
  claims?: Claims;
  /** The prompt's estimated tokens, computed on first use (only prompt-size matches ask). */
  promptTokens?: () => number;
}

export type Predicate = (facts: RequestFacts) => boolean;

/** Exact model name, or a prefix when the pattern ends in "*". */
export function modelMatcher(pattern: string): (model: string | undefined) => boolean {
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return (model) => model?.startsWith(prefix) === true;
  }
  return (model) => model === pattern;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** All conditions of one match must hold. Throws on an invalid regular expression. */
export function compileMatch(match: MatchConfig): Predicate {
  const checks: Predicate[] = [];
  if (match.operation !== undefined) {
    const op = match.operation;
    checks.push((f) => f.operation === op);
  }
  if (match.model !== undefined) {
    const model = modelMatcher(match.model);
    checks.push((f) => model(f.model));
  }
  for (const h of match.headers ?? []) {
    const name = h.name.toLowerCase();
    if (h.type === 'RegularExpression') {
      let re: LinearRegex;
      try {
        re = linearRegex(h.value);
      } catch (err) {
        throw new Error(`header ${name}: ${(err as Error).message}`);
      }
      checks.push((f) => {
        const v = headerValue(f.headers, name);
        return v !== undefined && re.test(v);
      });
    } else {
      const value = h.value;
      checks.push((f) => headerValue(f.headers, name) === value);
    }
  }
  // A list claim (roles, groups) matches when one of its items does; no verified JWT: no match.
  for (const c of match.claims ?? []) {
    const name = c.name;
    if (c.type === 'RegularExpression') {
      let re: LinearRegex;
      try {
        re = linearRegex(c.value);
      } catch (err) {
        throw new Error(`claim ${name}: ${(err as Error).message}`);
      }
      checks.push((f) => claimStrings(f.claims, name).some((v) => re.test(v)));
    } else {
      const value = c.value;
      checks.push((f) => claimStrings(f.claims, name).includes(value));
    }
  }
  // Last: the other conditions are cheaper, and a request they turn away is never sized.
  if (match.promptTokens !== undefined) {
    const { min = 0, max = Number.POSITIVE_INFINITY } = match.promptTokens;
    checks.push((f) => {
      const n = f.promptTokens?.() ?? 0;
      return n >= min && n <= max;
    });
  }
  if (checks.length === 0) return () => true;
  if (checks.length === 1) return checks[0];
  return (f) => checks.every((c) => c(f));
}

/** Any one match must hold; no matches at all: every request. */
export function compileMatches(matches: MatchConfig[]): Predicate {
  if (matches.length === 0) return () => true;
  const predicates = matches.map(compileMatch);
  if (predicates.length === 1) return predicates[0];
  return (f) => predicates.some((p) => p(f));
}
