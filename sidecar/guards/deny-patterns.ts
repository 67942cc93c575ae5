// Deny patterns: the route's own regular expressions (RE2, case-insensitive); a match anywhere in
// the prompt blocks it. The message names the pattern by position, never the text it matched.
// RE2 matches in linear time: a hostile pattern or prompt cannot stall the event loop.
import { linearRegex } from '../snapshot/regex.ts';
import type { Finding, Guard, Prompt } from './guard.ts';

/** Throws on an invalid expression (the snapshot is then refused, not the request). */
export function denyPatternsGuard(patterns: readonly string[]): Guard {
  const compiled = patterns.map((source, i) => {
    try {
      return linearRegex(source, { ignoreCase: true });
    } catch (err) {
      throw new Error(`guards.denyPatterns[${i}]: ${(err as Error).message}`);
    }
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
