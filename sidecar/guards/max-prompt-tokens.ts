// maxPromptTokens: refuses prompts longer than the route allows, counted with the real tokenizer
// (the same count the quota pre-check uses, computed once per call), only when a cheap upper
// bound does not already show the prompt is within the limit. 400: the request is too big,
// not a content violation.
import type { Finding, Guard, Prompt } from './guard.ts';

export function maxPromptTokensGuard(max: number): Guard {
  return {
    name: 'maxPromptTokens',
    request(prompt: Prompt): Finding | undefined {
      // Counting a big prompt costs milliseconds; most are far under the limit, which the bound shows.
      const bound = prompt.tokensAtMost?.();
      if (bound !== undefined && bound <= max) return undefined;
      const tokens = prompt.tokens();
      if (tokens <= max) return undefined;
      return {
        guard: 'maxPromptTokens',
        direction: 'request',
        action: 'block',
        kinds: ['too-long'],
        count: 1,
        status: 400,
        message: `request blocked by guard maxPromptTokens: the prompt has ${tokens} tokens, more than the ${max} this route allows`,
      };
    },
  };
}
