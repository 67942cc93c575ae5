// Anthropic Messages API: OpenAI chat in, /v1/messages out, translated back (translate.ts).

import { retryAfterMs } from '../../resilience/backoff.ts';
import type { Adapter, StreamTranslator, UpstreamError } from '../adapter.ts';
import { createSSEParser } from '../sse.ts';
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

function invalidBody(what: string): Error {
  return Object.assign(new Error(`upstream returned ${what}`), {
    status: 502,
    failure: '5xx',
    type: 'upstream_error',
  });
}

/** "https://api.anthropic.com" and "https://api.anthropic.com/v1" both work as the endpoint. */
function messagesUrl(endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return base.endsWith('/v1') ? `${base}/messages` : `${base}/v1/messages`;
}

function stream(call: { model: string }): StreamTranslator {
  const sse = createSSEParser();
  const conv = anthropicStreamToOpenAI({ model: call.model });
  let failed = false;
  const handle = (events: { data: string }[]): Json[] => {
    const out: Json[] = [];
    for (const ev of events) {
      if (failed) break;
      let data: Json;
      try {
        data = JSON.parse(ev.data);
      } catch {
        failed = true;
        out.push({ error: { message: 'upstream sent invalid JSON in its stream', type: 'upstream_error' } });
        break;
      }
      for (const c of conv.push(data)) out.push(c);
    }
    return out;
  };
  return {
    push: (bytes) => (failed ? [] : handle(sse.push(bytes))),
    end() {
      if (failed) return [];
      const out = handle(sse.end());
      if (!failed) for (const c of conv.end()) out.push(c);
      return out;
    },
  };
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
    let json: Json;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw invalidBody('invalid JSON');
    }
    if (json?.type === 'error') throw invalidBody(`an error: ${json.error?.message ?? 'unknown'}`);
    return {
      body: anthropicResponseToOpenAI(json),
      contentType: 'application/json',
      usage: usageFromAnthropic(json.usage),
    };
  },

  stream,

  error(status, body, headers) {
    let e: Json = {};
    try {
      e = JSON.parse(body.toString('utf8'))?.error ?? {};
    } catch {}
    const message = typeof e.message === 'string' && e.message ? e.message : `upstream answered ${status}`;
    const err: UpstreamError = {
      status: status >= 400 ? status : 502,
      message,
      type: typeof e.type === 'string' ? e.type : status >= 500 ? 'api_error' : 'invalid_request_error',
    };
    if (status === 429) {
      err.failure = '429';
      const ms = retryAfterMs(headers);
      if (ms !== undefined) err.retryAfterMs = ms;
    } else if (status === 408 || e.type === 'timeout_error') err.failure = 'timeout';
    else if (status >= 500 || status < 400)
      err.failure = '5xx'; // 529 overloaded included
    else if (status === 400 && CONTEXT_LENGTH.test(message)) {
      err.failure = 'context-length';
      err.code = 'context_length_exceeded';
    }
    return err;
  },
};

export { anthropicAdapter as adapter };
