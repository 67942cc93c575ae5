// Shared types of the test upstream. Kept free of runtime code so every module can import them.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export type ProviderName = 'openai' | 'azure-openai' | 'anthropic' | 'gemini' | 'bedrock';

/** One request as the upstream received it (what tests assert on). */
export interface RecordedRequest {
  /** Sequence number, 1-based, per upstream instance. */
  seq: number;
  time: number;
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, `{ fields, files }` for multipart, or undefined when empty/unparsable. */
  body: any;
  rawBody: Buffer;
  provider?: ProviderName;
  /** e.g. chat, completions, embeddings, messages, generateContent, converse-stream. */
  operation?: string;
  /** Requested model with any `~fault` suffix removed (Azure: the deployment). */
  model?: string;
  stream: boolean;
}

/**
 * What to do to a request. Every field is optional and they combine: pacing fields (delayMs,
 * chunkDelayMs, chunks, words) always apply; failure fields (status, error, resetAfterChunks,
 * errorAfterChunks, malformed) apply only to the first `failTimes` requests of `faultKey`.
 */
export interface Fault {
  /** Reply with this HTTP status and the provider's own error body. */
  status?: number;
  /** Error kind (see ErrorKind); picks the provider's error type/code and default status. */
  error?: ErrorKind;
  /** Value of the `retry-after` response header on errors (seconds). */
  retryAfter?: string;
  /** Value of the `retry-after-ms` response header on errors (the SDKs honour it). */
  retryAfterMs?: string;
  /** Wait before answering at all (time to first byte). */
  delayMs?: number;
  /** Wait before each streamed content chunk. */
  chunkDelayMs?: number;
  /** Split the streamed content into this many chunks (and reply with at least as many words). */
  chunks?: number;
  /** Length of the generated reply in words (= completion tokens). */
  words?: number;
  /** Stream: destroy the socket (TCP RST) after N content chunks. Non-stream: 0 = no response at all, N>0 = partial body. */
  resetAfterChunks?: number;
  /** Stream: emit the provider's in-stream error event after N content chunks, then end. */
  errorAfterChunks?: number;
  /** 200 with an invalid JSON body; in streams the first content event is corrupted. */
  malformed?: boolean;
  /** Apply the failure fields only to the first N requests sharing `faultKey`, then succeed. */
  failTimes?: number;
  faultKey?: string;
  /** Prompt tokens above this fail with the provider's context-length error. */
  contextWindow?: number;
  /** Error messages (up front and in-stream) quote the request's credential headers, as careless upstreams do. */
  echoCredentials?: boolean;
}

export type ErrorKind =
  | 'bad_request'
  | 'context_length'
  | 'auth'
  | 'permission'
  | 'not_found'
  | 'timeout'
  | 'too_large'
  | 'rate_limit'
  | 'server'
  | 'unavailable'
  | 'overloaded';

export interface UpstreamError {
  kind: ErrorKind;
  status: number;
  message: string;
  retryAfter?: string;
  retryAfterMs?: string;
  /** Provider-specific error code overriding the kind's default (e.g. Bedrock's exception name). */
  code?: string;
}

/** Which requests a programmatic fault applies to; an empty object matches everything. */
export type FaultMatcher =
  | {
      provider?: ProviderName;
      /** Exact path, or a RegExp tested against the path. */
      path?: string | RegExp;
      /** Exact model (suffix removed), or a RegExp. */
      model?: string | RegExp;
      operation?: string;
      /** Header values that must all be equal (names lower-case). */
      headers?: Record<string, string>;
    }
  | ((req: RecordedRequest) => boolean);

/** A frame is one SSE event or one binary event-stream message, ready to write. */
export type Frame = string | Uint8Array;

/** Provider-specific behaviour shared by every operation of that provider. */
export interface Dialect {
  name: ProviderName;
  /** Response header carrying the request id (x-request-id, request-id, x-amzn-requestid). */
  requestIdHeader: string;
  /** Default status per error kind where the provider differs from the common table. */
  statuses?: Partial<Record<ErrorKind, number>>;
  /** Returns an error when credentials are missing or wrong. */
  authenticate(ctx: Ctx): UpstreamError | undefined | Promise<UpstreamError | undefined>;
  /** Error response: status, extra headers and body text. */
  errorResponse(
    err: UpstreamError,
    ctx: Ctx,
  ): { status: number; headers: Record<string, string>; body: string };
  /** The provider's in-stream error event, after `written` content chunks. */
  streamError(err: UpstreamError, ctx: Ctx, written: number): Frame;
  /** The provider's context-length error message. */
  contextLengthMessage(promptTokens: number, window: number): string;
}

export interface UpstreamOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Default reply length in words (16). */
  words?: number;
  /** Keep at most this many recorded requests (default 10000); false records nothing. */
  record?: boolean | number;
  /** When set, only these API keys are accepted (OpenAI, Azure, Anthropic, Gemini; Bedrock access key id). */
  apiKeys?: string[];
  /** When set, Bedrock SigV4 signatures are verified against these credentials. */
  aws?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** When set, other model names answer the provider's not-found error. */
  models?: string[];
  /** Default context window in tokens for every request (no limit when unset). */
  contextWindow?: number;
}

/** Server-wide state every handler can read. */
export interface State {
  options: Required<Pick<UpstreamOptions, 'words'>> & UpstreamOptions;
  requests: RecordedRequest[];
  recordLimit: number;
  seq: number;
  signal: AbortSignal;
}

/** Everything a handler needs about one request. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  state: State;
  dialect: Dialect;
  path: string;
  query: URLSearchParams;
  /** Route parameters, e.g. deployment, model, method. */
  params: Record<string, string>;
  body: any;
  record: RecordedRequest;
  /** Model with the `~fault` suffix removed. */
  model: string;
  fault: Fault;
  /** True when the failure part of the fault applies to this request (after fail-times). */
  failing: boolean;
  requestId: string;
}

export type Handler = (ctx: Ctx) => void | Promise<void>;
