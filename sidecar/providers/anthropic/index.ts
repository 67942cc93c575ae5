// Anthropic Messages API: OpenAI chat in, /v1/messages out, translated back (translate.ts).

import { retryAfterMs } from '../../resilience/backoff.ts';
import type { Adapter } from '../adapter.ts';
import { errorMessage, invalidBody, parseBody, readErrorBody, upstreamError } from '../shared/errors.ts';
import { sseJsonStream } from '../shared/json-events.ts';
import {
  anthropicResponseToOpenAI,
  anthropicStreamToOpenAI,
  openAIRequestToAnthropic,
  usageFromAnthropic,
} from './translate.ts';

export const DEFAULT_ANTHROPIC_VERSION = '2023-06-01';

type Json = Record<string, any>;

// "prompt is too long: 208310 tokens > 200000 maximum", "input length and `max_tokens` exceed
// context limit: ...", and the newer model_context_window_exceeded wording.
const CONTEXT_LENGTH =
  /prompt is too long|exceed(s|ed)? (the )?context (limit|window)|context window|too many (input )?tokens/i;

/** "https://api.anthropic.com" and "https://api.anthropic.com/v1" both work as the endpoint. */
function messagesUrl(endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return base.endsWith('/v1') ? `${base}/messages` : `${base}/v1/messages`;
}

export const anthropicAdapter: Adapter = {
  type: 'anthropic',
  genAiProvider: 'anthropic',
  supports: (operation) => operation === 'chat',

  request(call, provider) {
    const body = openAIRequestToAnthropic({ ...call.body, model: call.model, stream: call.stream });
    const headers: Record<string, string> = {
      ...provider.headers,
      'content-type': 'application/json',
      'anthropic-version': provider.apiVersion ?? DEFAULT_ANTHROPIC_VERSION,
    };
    if (provider.credentials?.apiKey) headers['x-api-key'] = provider.credentials.apiKey;
    return { url: messagesUrl(provider.endpoint), method: 'POST', headers, body: JSON.stringify(body) };
  },

  response(_call, _status, body) {
    const json = parseBody(body);
    if (json?.type === 'error') throw invalidBody(`an error: ${json.error?.message ?? 'unknown'}`);
    return {
      body: anthropicResponseToOpenAI(json),
      contentType: 'application/json',
      usage: usageFromAnthropic(json.usage),
    };
  },

  stream: (call) => sseJsonStream(anthropicStreamToOpenAI({ model: call.model }), call.maxEventBytes),

  error(status, body, headers) {
    const e: Json = readErrorBody(body)?.error ?? {};
    const message = errorMessage(e.message, status);
    return upstreamError({
      status: status >= 400 ? status : 502,
      message,
      type: typeof e.type === 'string' ? e.type : status >= 500 ? 'api_error' : 'invalid_request_error',
      throttled: status === 429,
      timedOut: status === 408 || e.type === 'timeout_error',
      serverError: status >= 500 || status < 400, // 529 overloaded included
      contextLength: status === 400 && CONTEXT_LENGTH.test(message),
      retryAfterMs: retryAfterMs(headers),
    });
  },
};

export { anthropicAdapter as adapter };
