// The Responses API's conversation state. A call naming a previous_response_id continues that
// conversation; where it lives decides who can serve it:
//   - kept by this sidecar (an answer made through the chat translation): its turns go before the
//     new input, as chat messages for a translated provider or as input items for a native one;
//   - at the provider that made it natively (OpenAI, Azure OpenAI): only that provider can
//     continue it (the request goes there as the app sent it);
//   - unknown here: a native provider may still know it (the provider answers), a translated one
//     cannot (a clear 404).
// forward applies this per backend (responsesBodyFor). After the answer, a stored one (store is
// not false) is kept: the whole answer when translated, only which provider made it when native.
import { chatToResponsesInput, conversationAfter, responsesChat } from '../providers/openai/responses.ts';
import type { Call, Target } from './call.ts';
import { badRequest } from './errors.ts';
import type { ResponseStore } from './response-store.ts';
import type { Step } from './step.ts';

type Json = Record<string, any>;

export function createResponsesStep(store: ResponseStore): Step {
  return async (call, next) => {
    const state = call.responses;
    if (!state) return next();
    const previous = state.request.previous_response_id;
    if (previous !== undefined && previous !== null) {
      if (typeof previous !== 'string') throw badRequest('previous_response_id must be a string');
      const stored = store.get(previous);
      if (stored) {
        state.previous = { id: previous, history: stored.conversation };
        call.body = responsesChat(state.request, stored.conversation).chat;
        call.unchangedBody = undefined;
      } else state.previous = { id: previous, provider: store.providerOf(previous) };
    }
    if (state.request.store !== false) call.afterResponse.push(keep(store));
    return next();
  };
}

const keep = (store: ResponseStore) => (call: Call) => {
  const state = call.responses;
  if (!state?.final || call.status !== 200) return;
  if (state.native) {
    if (typeof state.final.id === 'string' && call.provider) store.madeBy(state.final.id, call.provider.id);
    return;
  }
  if (!call.body) return;
  store.put(state.id, {
    response: state.final,
    conversation: conversationAfter(call.body.messages ?? [], state.final),
    input:
      typeof state.request.input === 'string'
        ? [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: state.request.input }] }]
        : (state.request.input ?? []),
  });
};

/** Why a backend cannot serve this Responses call: the status, code and message for the app. */
export interface NotServable {
  status: number;
  code: string;
  message: string;
}

/**
 * What a Responses call sends to this backend: the Responses request for a native provider (the
 * backend's model, a sidecar-kept conversation as input items), the chat body for a translated
 * one; or why the backend cannot serve it.
 */
export function responsesBodyFor(
  call: Call,
  target: Target,
  native: boolean,
): { body: Json } | { refused: NotServable } {
  const state = call.responses!;
  const provider = target.provider;
  const previous = state.previous;
  if (native) {
    if (previous?.provider !== undefined && previous.provider !== provider.id)
      return refused({
        status: 400,
        code: 'previous_response_not_found',
        message:
          `previous response ${previous.id} was made by provider ${previous.provider}, where its ` +
          `conversation is stored; provider ${provider.id} cannot continue it`,
      });
    const body: Json = { ...state.request, model: target.upstreamModel ?? state.request.model };
    if (previous?.history) {
      const input =
        typeof state.request.input === 'string'
          ? [{ type: 'message', role: 'user', content: state.request.input }]
          : (state.request.input ?? []);
      body.input = [...chatToResponsesInput(previous.history), ...input];
      delete body.previous_response_id;
    }
    return { body };
  }
  const type = provider.config.type;
  if (state.unsupported !== undefined)
    return refused({
      status: 400,
      code: 'unsupported_parameter',
      message:
        `${state.unsupported}: provider ${provider.id} (${type}) serves the Responses API through ` +
        'a translation to chat, which cannot express it; only openai and azure-openai providers serve it natively',
    });
  if (previous && !previous.history)
    return refused(
      previous.provider !== undefined
        ? {
            status: 400,
            code: 'previous_response_not_found',
            message:
              `previous response ${previous.id} was made natively by provider ${previous.provider}, ` +
              `where its conversation is stored; provider ${provider.id} (${type}) cannot continue it`,
          }
        : {
            status: 404,
            code: 'previous_response_not_found',
            message:
              `previous response ${previous.id} is not stored by this sidecar (responses are kept in the ` +
              "sidecar's memory, bounded in count, size and age)",
          },
    );
  return { body: call.body! };
}

const refused = (why: NotServable) => ({ refused: why });
