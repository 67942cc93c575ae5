// The Adapter: everything that differs between upstream provider APIs, behind one small interface.
// Inside the sidecar every call is OpenAI-shaped (chat.completion, chat.completion.chunk, ...);
// an adapter translates that to its provider's wire format and back, injects the provider's
// credentials, and maps the provider's errors onto the failures the resilience steps understand.
import type { Failure, Operation, ProviderConfig, ProviderType } from '../snapshot/schema.ts';

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number;
}

/** One upstream attempt, as the adapter sees it. */
export interface AdapterCall {
  operation: Operation;
  /**
   * The OpenAI path below /v1, e.g. "/chat/completions", "/embeddings", "/audio/speech"; for
   * adapters with nativeResponses also "/responses", "/responses/input_tokens" and
   * "/responses/{id}[/input_items]" (with method).
   */
  path: string;
  /** GET or DELETE for a stored Response; POST otherwise. */
  method?: 'GET' | 'DELETE';
  /** The query string to pass on (input_items paging), without "?". */
  query?: string;
  /** The model to send upstream (already resolved to the provider model's upstreamName). */
  model: string;
  /** Parsed OpenAI-shaped JSON body; undefined for multipart bodies (see rawBody). */
  body?: Record<string, any>;
  /** The request body as received, for multipart uploads that are forwarded untouched. */
  rawBody?: Buffer;
  /**
   * The app's JSON body bytes, present only when they equal `body` exactly (same model, nothing
   * rewritten). Adapters whose upstream speaks OpenAI JSON may send them as they are instead of
   * re-serializing `body`; every other adapter ignores this field.
   */
  unchangedBody?: Buffer;
  contentType?: string;
  stream: boolean;
  /**
   * Largest upstream stream event (SSE event, event-stream message) in bytes: the stream
   * translator throws EventTooLargeError (providers/sse.ts) past it. Unbounded when unset.
   */
  maxEventBytes?: number;
}

export interface UpstreamRequest {
  url: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Complete header set for the upstream, credentials included. */
  headers: Record<string, string>;
  body?: Buffer | string;
}

export interface TranslatedResponse {
  /** OpenAI-shaped body; a Buffer when the upstream answered with bytes (e.g. audio/speech). */
  body: Record<string, any> | Buffer;
  contentType?: string;
  usage?: Usage;
}

/** Upstream stream bytes in, OpenAI chunk objects out; a chunk with `usage` and no choices closes it. */
export interface StreamTranslator {
  push(chunk: Uint8Array): Record<string, any>[];
  end(): Record<string, any>[];
}

export interface UpstreamError {
  /** Status for the app: the upstream's, or 502 when it made no sense. */
  status: number;
  /** Which resilience class this is, if any (drives retries and fallback). */
  failure?: Failure;
  message: string;
  type: string;
  code?: string;
  retryAfterMs?: number;
}

export interface Adapter {
  readonly type: ProviderType;
  /** gen_ai.provider.name (OpenTelemetry GenAI semconv). */
  readonly genAiProvider: string;
  /**
   * True when the upstream's success bodies and streams are OpenAI JSON / SSE byte for byte, so
   * the sidecar may forward them untouched to OpenAI-dialect apps (response() still runs for usage).
   */
  readonly passthrough?: boolean | 'json';
  /**
   * The upstream speaks the Responses API itself (OpenAI, Azure OpenAI): /v1/responses calls go
   * upstream as Responses requests (path "/responses"), answered as Response objects and typed
   * event streams (stream() then yields those events), and response state lives at the provider.
   */
  readonly nativeResponses?: boolean;
  supports(operation: Operation): boolean;
  request(call: AdapterCall, provider: ProviderConfig): UpstreamRequest | Promise<UpstreamRequest>;
  response(
    call: AdapterCall,
    status: number,
    body: Buffer,
    contentType: string | undefined,
  ): TranslatedResponse;
  stream(call: AdapterCall): StreamTranslator;
  error(status: number, body: Buffer, headers: Record<string, string | string[] | undefined>): UpstreamError;
}
