// Reading upstream answers and classifying upstream errors, for the adapters that translate
// (azure-openai, anthropic, gemini, bedrock). What an error *means* is each provider's own reading;
// the order in which those readings name a resilience failure is the same for all of them.
import type { UpstreamError } from '../adapter.ts';

type Json = Record<string, any>;

/** The error thrown for a success answer the adapter cannot use: a 502 that counts as a 5xx. */
export function invalidBody(what: string): Error {
  return Object.assign(new Error(`upstream returned ${what}`), {
    status: 502,
    failure: '5xx',
    type: 'upstream_error',
  });
}

/** A success answer's JSON body; throws invalidBody when it is not JSON. */
export function parseBody(body: Buffer): Json {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw invalidBody('invalid JSON');
  }
}

/** An error answer's JSON body, or undefined when it is not JSON (error bodies may be anything). */
export function readErrorBody(body: Buffer): any {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The upstream's error message when it gave a non-empty one, else "upstream answered <status>". */
export function errorMessage(message: unknown, status: number): string {
  return typeof message === 'string' && message ? message : `upstream answered ${status}`;
}

/** One provider's reading of an error answer. */
export interface ErrorReading {
  /** Status for the app. */
  status: number;
  message: string;
  type: string;
  /** The provider's own error code, when it gave one. */
  code?: string;
  // Which failure class it is: the first of these that holds, in this order.
  throttled: boolean;
  timedOut: boolean;
  serverError: boolean;
  /** Sets code "context_length_exceeded" too. */
  contextLength: boolean;
  /** Kept only when throttled. */
  retryAfterMs: number | undefined;
}

/** An error reading -> the UpstreamError the resilience steps act on. */
export function upstreamError(r: ErrorReading): UpstreamError {
  const err: UpstreamError = { status: r.status, message: r.message, type: r.type };
  if (r.code !== undefined) err.code = r.code;
  if (r.throttled) {
    err.failure = '429';
    if (r.retryAfterMs !== undefined) err.retryAfterMs = r.retryAfterMs;
  } else if (r.timedOut) err.failure = 'timeout';
  else if (r.serverError) err.failure = '5xx';
  else if (r.contextLength) {
    err.failure = 'context-length';
    err.code = 'context_length_exceeded';
  }
  return err;
}
