// Google Gemini API (generativelanguage): chat via generateContent / streamGenerateContent
// (SSE with alt=sse), embeddings via batchEmbedContents; `x-goog-api-key` auth.

import { retryAfterMs } from '../../resilience/backoff.ts';
import type { Adapter } from '../adapter.ts';
import { errorMessage, parseBody, readErrorBody, upstreamError } from '../shared/errors.ts';
import { sseJsonStream } from '../shared/json-events.ts';
import {
  geminiEmbeddingsToOpenAI,
  geminiResponseToOpenAI,
  geminiStreamToOpenAI,
  openAIEmbeddingsToGemini,
  openAIRequestToGemini,
  usageFromGemini,
} from './translate.ts';

type Json = Record<string, any>;
type Headers = Record<string, string | string[] | undefined>;

// "The input token count (1234567) exceeds the maximum number of tokens allowed (1048576)."
const CONTEXT_LENGTH =
  /input token count.*exceeds|exceeds the maximum number of tokens|context (length|window)|prompt is too long/i;

/** retry-after header, else the RetryInfo detail Google puts in 429 bodies ("retryDelay": "17s"). */
function retryDelayMs(headers: Headers, e: Json): number | undefined {
  const ms = retryAfterMs(headers);
  if (ms !== undefined) return ms;
  for (const d of Array.isArray(e.details) ? e.details : []) {
    const m = typeof d?.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(d.retryDelay) : null;
    if (m) return Math.round(Number(m[1]) * 1000);
  }
  return undefined;
}

/** The endpoint may be the API root or already end in /v1beta. */
function modelsUrl(endpoint: string, model: string): string {
  const base = endpoint.replace(/\/+$/, '');
  const root = /\/v1(beta)?$/.test(base) ? base : `${base}/v1beta`;
  return `${root}/models/${encodeURIComponent(model.replace(/^models\//, ''))}`;
}

export const geminiAdapter: Adapter = {
  type: 'gemini',
  genAiProvider: 'gcp.gemini',
  supports: (operation) => operation === 'chat' || operation === 'embeddings',

  request(call, provider) {
    const base = modelsUrl(provider.endpoint, call.model);
    const headers: Record<string, string> = { ...provider.headers, 'content-type': 'application/json' };
    if (provider.credentials?.apiKey) headers['x-goog-api-key'] = provider.credentials.apiKey;
    if (call.operation === 'embeddings') {
      const body = openAIEmbeddingsToGemini(call.body ?? {}, call.model.replace(/^models\//, ''));
      return { url: `${base}:batchEmbedContents`, method: 'POST', headers, body: JSON.stringify(body) };
    }
    const url = call.stream ? `${base}:streamGenerateContent?alt=sse` : `${base}:generateContent`;
    return { url, method: 'POST', headers, body: JSON.stringify(openAIRequestToGemini(call.body ?? {})) };
  },

  response(call, _status, body) {
    const json = parseBody(body);
    if (call.operation === 'embeddings') {
      const out = geminiEmbeddingsToOpenAI(json, call.model, call.body?.encoding_format);
      const usage = json.usageMetadata ? usageFromGemini(json.usageMetadata) : undefined;
      return { body: out, contentType: 'application/json', usage };
    }
    return {
      body: geminiResponseToOpenAI(json, call.model),
      contentType: 'application/json',
      usage: usageFromGemini(json.usageMetadata),
    };
  },

  stream: (call) => sseJsonStream(geminiStreamToOpenAI({ model: call.model }), call.maxEventBytes),

  error(status, body, headers) {
    const json = readErrorBody(body);
    // Some front ends wrap the error in a one-element array.
    const e: Json = (Array.isArray(json) ? json[0] : json)?.error ?? {};
    const message = errorMessage(e.message, status);
    return upstreamError({
      status: status >= 400 ? status : 502,
      message,
      type: typeof e.status === 'string' ? e.status : status >= 500 ? 'api_error' : 'invalid_request_error',
      code: typeof e.status === 'string' ? e.status : undefined,
      throttled: status === 429,
      timedOut: status === 408 || e.status === 'DEADLINE_EXCEEDED',
      serverError: status >= 500 || status < 400,
      contextLength: status === 400 && CONTEXT_LENGTH.test(message),
      retryAfterMs: retryDelayMs(headers, e),
    });
  },
};

export { geminiAdapter as adapter };
