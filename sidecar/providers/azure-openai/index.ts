// Azure OpenAI: OpenAI's wire format under /openai/deployments/{deployment}/..., versioned by
// the api-version query parameter and authenticated with an `api-key` header. Bodies are already
// OpenAI-shaped, so the adapter only builds the URL, injects the key, asks streams for usage,
// maps the developer role to system for api-versions that lack it, drops Azure's
// prompt-filter-only chunks (a stream's first chunk has no choices, which breaks the usual
// `chunk.choices[0].delta` loop) and classifies errors.

import { retryAfterMs } from '../../resilience/backoff.ts';
import type { Adapter, StreamTranslator, TranslatedResponse, Usage } from '../adapter.ts';
import { responsesEventStream } from '../openai/responses.ts';
import { errorMessage, parseBody, readErrorBody, upstreamError } from '../shared/errors.ts';
import { createSSEParser } from '../sse.ts';

/** Latest GA data-plane version at the time of writing; override with AIProvider apiVersion. */
export const DEFAULT_API_VERSION = '2024-10-21';

/** The developer role arrived with api-version 2024-12-01-preview (dated versions compare as text). */
export function supportsDeveloperRole(apiVersion: string): boolean {
  return apiVersion.slice(0, 10) >= '2024-12-01';
}

type Json = Record<string, any>;

/**
 * Where the Responses API lives: the v1 API (`/openai/v1/responses`, no api-version; the model is
 * the deployment name in the body), or `?api-version=preview` for its preview features; a dated
 * preview api-version from 2025-03-01 uses the older `/openai/responses?api-version=` route.
 */
export function responsesUrl(base: string, apiVersion: string | undefined, path: string): string {
  if (apiVersion === 'preview' || apiVersion === 'latest')
    return `${base}/openai/v1${path}?api-version=${apiVersion}`;
  if (apiVersion && apiVersion.slice(0, 10) >= '2025-03-01')
    return `${base}/openai${path}?api-version=${encodeURIComponent(apiVersion)}`;
  return `${base}/openai/v1${path}`;
}

const OPERATIONS = new Set(['chat', 'completions', 'embeddings', 'images', 'audio']);
const CONTEXT_LENGTH = /maximum context length|context_length_exceeded|too many tokens|prompt is too long/i;

/** OpenAI-style usage of any operation (chat/completions/embeddings, or images/audio token usage). */
export function usageOf(u: Json | undefined): Usage | undefined {
  if (!u || typeof u !== 'object') return undefined;
  const usage: Usage = {
    inputTokens: u.prompt_tokens ?? u.input_tokens ?? 0,
    outputTokens: u.completion_tokens ?? u.output_tokens ?? 0,
  };
  const cached = u.prompt_tokens_details?.cached_tokens ?? u.input_tokens_details?.cached_tokens;
  if (cached) usage.cachedInputTokens = cached;
  return usage;
}

function translateResponse(body: Buffer, contentType: string | undefined): TranslatedResponse {
  // Audio speech answers bytes; transcriptions may answer text/plain, srt or vtt: pass through.
  if (contentType && !contentType.includes('json')) return { body, contentType };
  const json = parseBody(body);
  return { body: json, contentType: 'application/json', usage: usageOf(json.usage) };
}

/** OpenAI SSE -> chunk objects. Ends at [DONE]; an `{error}` event passes through and ends it. */
export function openAIStream(maxEventBytes?: number): StreamTranslator {
  const sse = createSSEParser({ maxEventBytes });
  let done = false;
  const handle = (events: { data: string }[]): Json[] => {
    const out: Json[] = [];
    for (const ev of events) {
      if (done) break;
      if (ev.data === '[DONE]') {
        done = true;
        break;
      }
      let chunk: Json;
      try {
        chunk = JSON.parse(ev.data);
      } catch {
        done = true;
        out.push({ error: { message: 'upstream sent invalid JSON in its stream', type: 'upstream_error' } });
        break;
      }
      if (chunk.error) {
        done = true;
        out.push({ error: chunk.error });
        break;
      }
      // Azure opens with a chunk holding only prompt_filter_results: nothing for the app.
      if (Array.isArray(chunk.choices) && chunk.choices.length === 0 && !chunk.usage) continue;
      out.push(chunk);
    }
    return out;
  };
  return {
    push: (bytes) => (done ? [] : handle(sse.push(bytes))),
    end() {
      if (done) return [];
      const out = handle(sse.end());
      if (!done)
        out.push({ error: { message: 'upstream stream ended before [DONE]', type: 'upstream_error' } });
      done = true;
      return out;
    },
  };
}

export const azureOpenAIAdapter: Adapter = {
  type: 'azure-openai',
  genAiProvider: 'azure.ai.openai',
  // Success bodies are OpenAI's (plus Azure's content-filter fields); streams are parsed, so the
  // prompt-filter-only chunk never reaches an app.
  passthrough: 'json',
  nativeResponses: true,
  supports: (operation) => OPERATIONS.has(operation),

  request(call, provider) {
    const base = provider.endpoint.replace(/\/+$/, '');
    if (call.path.startsWith('/responses')) {
      // The Responses API: the deployment is the body's model, not a path segment.
      let url = responsesUrl(base, provider.apiVersion, call.path);
      if (call.query) url += `${url.includes('?') ? '&' : '?'}${call.query}`;
      const headers: Record<string, string> = { ...provider.headers };
      if (provider.credentials?.apiKey) headers['api-key'] = provider.credentials.apiKey;
      if (call.method) return { url, method: call.method, headers };
      headers['content-type'] = 'application/json';
      return { url, method: 'POST', headers, body: JSON.stringify({ ...call.body, model: call.model }) };
    }
    const apiVersion = provider.apiVersion ?? DEFAULT_API_VERSION;
    const version = encodeURIComponent(apiVersion);
    const url = `${base}/openai/deployments/${encodeURIComponent(call.model)}${call.path}?api-version=${version}`;
    const headers: Record<string, string> = { ...provider.headers };
    if (provider.credentials?.apiKey) headers['api-key'] = provider.credentials.apiKey;
    if (call.body === undefined) {
      // Multipart uploads (audio transcriptions) go through untouched: the deployment is in the URL.
      if (call.contentType) headers['content-type'] = call.contentType;
      return { url, method: 'POST', headers, body: call.rawBody };
    }
    headers['content-type'] = 'application/json';
    const wantsUsage = call.stream && (call.operation === 'chat' || call.operation === 'completions');
    const messages = call.body.messages;
    const mapDeveloper =
      Array.isArray(messages) &&
      !supportsDeveloperRole(apiVersion) &&
      messages.some((m: Json) => m?.role === 'developer');
    // The app's own bytes when nothing needs changing (Azure ignores the body's model).
    if (
      call.unchangedBody &&
      !mapDeveloper &&
      (!wantsUsage || call.body.stream_options?.include_usage === true)
    ) {
      return { url, method: 'POST', headers, body: call.unchangedBody };
    }
    const body: Json = { ...call.body, model: call.model };
    if (mapDeveloper)
      body.messages = messages.map((m: Json) => (m?.role === 'developer' ? { ...m, role: 'system' } : m));
    if (wantsUsage) {
      body.stream = true;
      body.stream_options = { ...body.stream_options, include_usage: true };
    }
    return { url, method: 'POST', headers, body: JSON.stringify(body) };
  },

  response: (_call, _status, body, contentType) => translateResponse(body, contentType),

  stream: (call) =>
    call.path === '/responses' ? responsesEventStream(call.maxEventBytes) : openAIStream(call.maxEventBytes),

  error(status, body, headers) {
    const e: Json = readErrorBody(body)?.error ?? {};
    const message = errorMessage(e.message, status);
    const code = e.code == null ? undefined : String(e.code);
    return upstreamError({
      status: status >= 400 ? status : 502,
      message,
      type: typeof e.type === 'string' ? e.type : status >= 500 ? 'server_error' : 'invalid_request_error',
      code: code || undefined,
      throttled: status === 429,
      timedOut: status === 408 || e.type === 'timeout',
      serverError: status >= 500 || status < 400,
      contextLength: code === 'context_length_exceeded' || (status === 400 && CONTEXT_LENGTH.test(message)),
      retryAfterMs: retryAfterMs(headers),
    });
  },
};

export { azureOpenAIAdapter as adapter };
