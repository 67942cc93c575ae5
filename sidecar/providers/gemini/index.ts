// Google Gemini API (generativelanguage): chat via generateContent / streamGenerateContent
// (SSE with alt=sse), embeddings via batchEmbedContents; `x-goog-api-key` auth.

import { retryAfterMs } from '../../resilience/backoff.ts';
import type { Adapter, AdapterCall, StreamTranslator, UpstreamError } from '../adapter.ts';
import { createSSEParser } from '../sse.ts';
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

function invalidBody(what: string): Error {
  return Object.assign(new Error(`upstream returned ${what}`), {
    status: 502,
    failure: '5xx',
    type: 'upstream_error',
  });
}

/** The endpoint may be the API root or already end in /v1beta. */
function modelsUrl(endpoint: string, model: string): string {
  const base = endpoint.replace(/\/+$/, '');
  const root = /\/v1(beta)?$/.test(base) ? base : `${base}/v1beta`;
  return `${root}/models/${encodeURIComponent(model.replace(/^models\//, ''))}`;
}

function parse(body: Buffer): Json {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw invalidBody('invalid JSON');
  }
}

function stream(call: AdapterCall): StreamTranslator {
  const sse = createSSEParser();
  const conv = geminiStreamToOpenAI({ model: call.model });
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
    const json = parse(body);
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

  stream,

  error(status, body, headers) {
    let e: Json = {};
    try {
      const json = JSON.parse(body.toString('utf8'));
      // Some front ends wrap the error in a one-element array.
      e = (Array.isArray(json) ? json[0] : json)?.error ?? {};
    } catch {}
    const message = typeof e.message === 'string' && e.message ? e.message : `upstream answered ${status}`;
    const err: UpstreamError = {
      status: status >= 400 ? status : 502,
      message,
      type: typeof e.status === 'string' ? e.status : status >= 500 ? 'api_error' : 'invalid_request_error',
    };
    if (typeof e.status === 'string') err.code = e.status;
    if (status === 429) {
      err.failure = '429';
      const ms = retryDelayMs(headers, e);
      if (ms !== undefined) err.retryAfterMs = ms;
    } else if (status === 408 || e.status === 'DEADLINE_EXCEEDED') err.failure = 'timeout';
    else if (status >= 500 || status < 400) err.failure = '5xx';
    else if (status === 400 && CONTEXT_LENGTH.test(message)) {
      err.failure = 'context-length';
      err.code = 'context_length_exceeded';
    }
    return err;
  },
};

export { geminiAdapter as adapter };
