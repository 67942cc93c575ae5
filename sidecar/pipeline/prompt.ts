// prompt: the rule's managed, versioned system prompt goes first in chat requests, before the
// app's own system message (a Responses request: before its instructions, for a native
// provider); its name and version are recorded on the call (never its text).
import type { Step } from './step.ts';

export const promptStep: Step = (call, next) => {
  const prompt = call.rule?.config.prompt;
  if (prompt && call.operation === 'chat' && call.body && Array.isArray(call.body.messages)) {
    call.body = {
      ...call.body,
      messages: [{ role: 'system', content: prompt.system }, ...call.body.messages],
    };
    call.unchangedBody = undefined;
    const responses = call.responses;
    if (responses) {
      const own = responses.request.instructions;
      responses.request = {
        ...responses.request,
        instructions: typeof own === 'string' && own !== '' ? `${prompt.system}\n\n${own}` : prompt.system,
      };
    }
    call.prompt = { name: prompt.name, version: prompt.version };
  }
  return next();
};
