// The OpenAI adapter: the internal shape *is* the OpenAI API, so requests and responses pass
// through. The app's bytes are sent untouched when nothing changed (unchangedBody) and, because
// `passthrough` is set, success bodies and SSE streams go back to OpenAI-dialect apps as received.
// Also serves openai-compatible servers (vLLM, Ollama, LiteLLM, ...), see ../openai-compatible.

import { retryAfterMs } from '../../resilience/backoff.ts';
import type { Operation, ProviderConfig, ProviderType } from '../../snapshot/index.ts';
import type {
  Adapter,
  AdapterCall,
  StreamTranslator,
  TranslatedResponse,
  UpstreamError,
  UpstreamRequest,
  Usage,
} from '../adapter.ts';
import { multipartBoundary, readMultipartField, replaceMultipartField } from '../multipart.ts';
import { createSSEParser } from '../sse.ts';
import { responsesEventStream } from './responses.ts';

type Json = Record<string, any>;

/** OpenAI usage (chat, completions, embeddings, audio) -> mesh Usage. */
export function openAIUsageOf(usage: Json | null | undefined): Usage | undefined {
  if (!usage || typeof usage !== 'object') return undefined;
  const input = usage.prompt_tokens ?? usage.input_tokens;
  const output = usage.completion_tokens ?? usage.output_tokens ?? 0;
  if (typeof input !== 'number') return undefined;
  const out: Usage = { inputTokens: input, outputTokens: output };
  const cached = usage.prompt_tokens_details?.cached_tokens ?? usage.input_tokens_details?.cached_tokens;
  if (typeof cached === 'number' && cached > 0) out.cachedInputTokens = cached;
  return out;
}

const CONTEXT_LENGTH = /context[_ ]length|maximum context|too many tokens|context window/i;

function bodyFor(call: AdapterCall): Buffer | string | undefined {
  if (call.rawBody) {
    // Multipart upload: forwarded untouched, except for the model field when a route rewrote it.
    const boundary = multipartBoundary(call.contentType);
    if (!boundary || !call.model) return call.rawBody;
    const current = readMultipartField(call.rawBody, boundary, 'model');
    return current === undefined || current === call.model
      ? call.rawBody
      : replaceMultipartField(call.rawBody, boundary, 'model', call.model);
  }
  if (call.unchangedBody) return call.unchangedBody;
  if (!call.body) return undefined;
  return JSON.stringify(
    call.model && call.body.model !== call.model ? { ...call.body, model: call.model } : call.body,
  );
}

export function openAIAdapter(type: ProviderType = 'openai', genAiProvider = 'openai'): Adapter {
  return {
    type,
    genAiProvider,
    passthrough: true,
    nativeResponses: type === 'openai',

    supports(_operation: Operation) {
      return true;
    },

    request(call: AdapterCall, provider: ProviderConfig): UpstreamRequest {
      const headers: Record<string, string> = {
        ...provider.headers,
        'content-type': call.rawBody ? (call.contentType ?? 'application/octet-stream') : 'application/json',
        accept: call.stream
          ? 'text/event-stream'
          : call.path === '/audio/speech'
            ? '*/*'
            : 'application/json',
      };
      const apiKey = provider.credentials?.apiKey;
      if (apiKey) headers.authorization = `Bearer ${apiKey}`;
      const base = provider.endpoint.replace(/\/+$/, '') + call.path;
      if (call.method) {
        delete headers['content-type'];
        return { url: call.query ? `${base}?${call.query}` : base, method: call.method, headers };
      }
      const body = bodyFor(call);
      return { url: base, method: call.path === '/models' ? 'GET' : 'POST', headers, body };
    },

    response(_call, _status, body, contentType): TranslatedResponse {
      if (contentType && !/json/i.test(contentType)) {
        // audio/speech bytes, or a transcription asked for as text / srt / vtt.
        return { body, contentType };
      }
      const parsed = JSON.parse(body.toString('utf8'));
      if (parsed === null || typeof parsed !== 'object')
        throw new Error('upstream answered JSON that is not an object');
      return { body: parsed, contentType: 'application/json', usage: openAIUsageOf(parsed.usage) };
    },

    stream(call): StreamTranslator {
      if (call.path === '/responses') return responsesEventStream(call.maxEventBytes);
      const parser = createSSEParser({ maxEventBytes: call.maxEventBytes });
      const convert = (events: { data: string }[]) => {
        const out: Json[] = [];
        for (const e of events) {
          if (e.data === '' || e.data === '[DONE]') continue;
          out.push(JSON.parse(e.data));
        }
        return out;
      };
      return { push: (chunk) => convert(parser.push(chunk)), end: () => convert(parser.end()) };
    },

    error(status, body, headers): UpstreamError {
      let error: Json = {};
      try {
        const parsed = JSON.parse(body.toString('utf8'));
        error = parsed?.error && typeof parsed.error === 'object' ? parsed.error : {};
      } catch {}
      const message =
        typeof error.message === 'string' && error.message !== '' ? error.message : `HTTP ${status}`;
      const code = typeof error.code === 'string' ? error.code : undefined;
      let failure: UpstreamError['failure'];
      if (status >= 500) failure = '5xx';
      else if (status === 429) failure = '429';
      else if (status === 408) failure = 'timeout';
      else if (
        (status === 400 || status === 413) &&
        (code === 'context_length_exceeded' || CONTEXT_LENGTH.test(message))
      )
        failure = 'context-length';
      return {
        status: status >= 400 && status < 600 ? status : 502,
        failure,
        message,
        type:
          typeof error.type === 'string' ? error.type : status >= 500 ? 'api_error' : 'invalid_request_error',
        code,
        retryAfterMs: retryAfterMs(headers),
      };
    },
  };
}

export const openai: Adapter = openAIAdapter();
export { openai as adapter };
