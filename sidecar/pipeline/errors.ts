// Errors the sidecar itself answers with, rendered in the app's dialect by respond:
// OpenAI `{"error":{"message","type","code"}}` or Anthropic `{"type":"error","error":{...}}`.
// Messages name models, providers and routes; never credentials or prompt content.

export class CallError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code?: string;
  readonly retryAfterMs?: number;

  constructor(status: number, message: string, type: string, code?: string, retryAfterMs?: number) {
    super(message);
    this.name = 'CallError';
    this.status = status;
    this.type = type;
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }
}

export const badRequest = (message: string, code?: string) =>
  new CallError(400, message, 'invalid_request_error', code);

export const notFound = (message: string, code: string) =>
  new CallError(404, message, 'invalid_request_error', code);

/** 401: the end user's JWT is missing (where required), invalid or expired. Never quotes the token. */
export const unauthenticated = (message: string) =>
  new CallError(401, message, 'authentication_error', 'invalid_token');

export const tooLarge = (limit: number) =>
  new CallError(
    413,
    `request body is larger than the sidecar's limit of ${limit} bytes`,
    'invalid_request_error',
    'request_too_large',
  );

export const noSnapshot = () =>
  new CallError(
    503,
    'the sidecar has no configuration snapshot yet',
    'service_unavailable',
    'no_snapshot',
    1000,
  );

export const draining = () =>
  new CallError(503, 'the sidecar is shutting down', 'service_unavailable', 'draining', 1000);

/** Any thrown value -> CallError (unexpected ones become a 500 without internals). */
export function toCallError(err: unknown): CallError {
  if (err instanceof CallError) return err;
  return new CallError(500, 'internal sidecar error', 'internal_error', 'internal_error');
}
