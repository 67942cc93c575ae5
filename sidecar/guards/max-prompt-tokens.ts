// maxPromptTokens: refuses prompts longer than the route allows, counted with the real tokenizer
// (the same count the quota pre-check uses, computed once per call). 400: the request is too big,
// not a content violation.
import type { Finding, Guard, Prompt } from './guard.ts';

export function maxPromptTokensGuard(max: number): Guard {
  return {
    name: 'maxPromptTokens',
    request(prompt: Prompt): Finding | undefined {
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
