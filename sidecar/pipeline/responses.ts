// The Responses API's conversation state: a call on /v1/responses that names a
// previous_response_id continues that conversation (its turns go before the new input), and a
// stored answer (store is true unless the app says false) is kept for the next turn, for GET and
// for DELETE. Other dialects pass straight through.
import { conversationAfter, responsesRequestToChat } from '../providers/openai/responses.ts';
import type { Call } from './call.ts';
import { badRequest, notFound } from './errors.ts';
import type { ResponseStore } from './response-store.ts';
import type { Step } from './step.ts';

export function createResponsesStep(store: ResponseStore): Step {
  return async (call, next) => {
    const state = call.responses;
    if (!state) return next();
    const previous = state.request.previous_response_id;
    if (previous !== undefined && previous !== null) {
      if (typeof previous !== 'string') throw badRequest('previous_response_id must be a string');
      const stored = store.get(previous);
      if (!stored)
        throw notFound(
          `previous response ${previous} is not stored by this sidecar (responses are kept in the sidecar's memory, bounded in count, size and age)`,
          'previous_response_not_found',
        );
      call.body = responsesRequestToChat(state.request, stored.conversation);
      call.unchangedBody = undefined;
    }
    if (state.request.store !== false) call.afterResponse.push(keep(store));
    return next();
  };
}

const keep = (store: ResponseStore) => (call: Call) => {
  const state = call.responses;
  if (!state?.final || call.status !== 200 || !call.body) return;
  store.put(state.id, {
    response: state.final,
    conversation: conversationAfter(call.body.messages ?? [], state.final),
    input:
      typeof state.request.input === 'string'
        ? [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: state.request.input }] }]
        : (state.request.input ?? []),
  });
};
