// respond: the outermost policy step (only telemetry wraps it). Runs everything inside it, then writes call.result (or the
// error thrown) to the app in the app's dialect: OpenAI JSON / SSE, or Anthropic JSON / the
// Anthropic event sequence. Streams are written as they arrive, with backpressure; when the
// last byte is out, afterResponse hooks run. The call's one log line (the audit line) is the
// telemetry step's, which wraps this one (sidecar/telemetry/audit.ts).
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { openAIResponseToAnthropic, openAIStreamToAnthropic } from '../providers/anthropic/translate.ts';
import { chatResponseToResponses, chatStreamToResponses } from '../providers/openai/responses.ts';
import { EventTooLargeError, formatSSE, typedEventToSSE } from '../providers/sse.ts';
import { ClientGoneError, ShutdownError, TransportError, UpstreamAnswerError } from '../upstream/errors.ts';
import type { Call, CallResult, Dialect } from './call.ts';
import { type CallError, toCallError } from './errors.ts';
import type { ByteSink } from './response-stream.ts';
import { promptTokensOf } from './rule-state.ts';
import type { Step } from './step.ts';

type Json = Record<string, any>;

/** The Anthropic error type for an HTTP status (https://docs.anthropic.com/en/api/errors). */
export function anthropicErrorType(status: number): string {
  if (status === 400) return 'invalid_request_error';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limit_error';
  if (status === 503 || status === 529) return 'overloaded_error';
  if (status === 504) return 'timeout_error';
  return 'api_error';
}

/** The app went away mid-stream: stop reading the upstream. */
class ClientClosed extends Error {}

/**
 * Writes to the app; a promise only when the socket is full (waits for 'drain'), so a stream
 * the app keeps up with costs no promise per chunk: `const w = write(...); if (w) await w;`.
 */
function write(res: ServerResponse, data: string | Buffer): Promise<void> | undefined {
  if (res.destroyed || res.writableEnded) throw new ClientClosed();
  if (res.write(data)) return undefined;
  const closed = once(res, 'close').then(() => {
    throw new ClientClosed();
  });
  closed.catch(() => {});
  return Promise.race([once(res, 'drain'), closed]).then(() => {});
}

/** The app's socket for a one-pass stream: a write that fills it pauses the upstream until 'drain'. */
function appSink(res: ServerResponse): ByteSink {
  return {
    write(buf, resume) {
      if (res.destroyed || res.writableEnded) throw new ClientClosed();
      if (res.write(buf)) return true;
      res.once('drain', resume);
      return false;
    },
  };
}

const PLAIN = /^[\t\x20-\x7e]*$/;

/**
 * A value a response header can carry: as is when printable ASCII, else percent-encoded UTF-8
 * (a model name the app or the config chose may hold any character; Node refuses to send one
 * outside Latin-1 or a line break, which failed the call after the upstream had answered).
 */
export function headerValue(value: string): string | undefined {
  if (PLAIN.test(value)) return value;
  try {
    return encodeURIComponent(value);
  } catch {
    return undefined; // a lone surrogate: nothing sensible to send
  }
}

function commonHeaders(call: Call): Record<string, string> {
  const headers: Record<string, string> = {};
  const set = (name: string, value: string | undefined) => {
    const safe = value === undefined ? undefined : headerValue(value);
    if (safe !== undefined) headers[name] = safe;
  };
  set('x-request-id', call.id);
  set('x-aimesh-provider', call.provider?.id);
  set('x-aimesh-model', call.modelServed);
  if (call.routeId) set('x-aimesh-route', `${call.routeId}/${call.ruleName}`);
  return headers;
}

interface StreamFailure {
  status: number;
  type: string;
  code: string;
  message: string;
  /** The app already has the upstream's own error event. */
  relayed: boolean;
}

/** What a stream that broke after it started is recorded as, and tells the app in-band. */
function streamFailure(err: unknown): StreamFailure {
  if (err instanceof ShutdownError)
    return {
      status: 503,
      type: 'service_unavailable',
      code: 'draining',
      message: err.message,
      relayed: false,
    };
  if (err instanceof EventTooLargeError)
    return {
      status: 502,
      type: 'upstream_error',
      code: 'upstream_event_too_large',
      message: err.message,
      relayed: false,
    };
  if (err instanceof UpstreamAnswerError)
    return {
      status: 502,
      type: 'upstream_error',
      code: err.code,
      message: err.message,
      relayed: err.relayed,
    };
  const message = `upstream stream failed: ${(err as Error).message}`;
  if (err instanceof TransportError && err.failure === 'timeout')
    return { status: 504, type: 'upstream_timeout', code: 'upstream_timeout', message, relayed: false };
  return { status: 502, type: 'upstream_error', code: 'upstream_stream_error', message, relayed: false };
}

/** The error body in the app's dialect. */
export function errorBody(
  dialect: Dialect,
  status: number,
  err: Pick<CallError, 'message' | 'type' | 'code'>,
): Json {
  if (dialect === 'anthropic') {
    return { type: 'error', error: { type: anthropicErrorType(status), message: err.message } };
  }
  return { error: { message: err.message, type: err.type, param: null, code: err.code ?? null } };
}

export function writeError(call: Call, err: CallError): void {
  const { res } = call;
  call.status = err.status;
  call.errorType = err.code ?? err.type;
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...commonHeaders(call), 'content-type': 'application/json' };
  if (err.retryAfterMs !== undefined)
    headers['retry-after'] = String(Math.max(1, Math.ceil(err.retryAfterMs / 1000)));
  res.writeHead(err.status, headers);
  res.end(JSON.stringify(errorBody(call.dialect, err.status, err)));
}

async function writeJson(call: Call, result: Extract<CallResult, { kind: 'json' }>): Promise<void> {
  let payload: string | Buffer;
  if (call.dialect === 'anthropic') payload = JSON.stringify(openAIResponseToAnthropic(result.body));
  else if (call.responses && result.status < 400) {
    // A native provider's Response goes as it came (guards may have rewritten it); a chat answer
    // is translated.
    const native = result.body.object === 'response';
    call.responses.native = native;
    call.responses.final = native ? result.body : chatResponseToResponses(result.body, call.responses);
    payload = native ? (result.raw ?? JSON.stringify(result.body)) : JSON.stringify(call.responses.final);
  } else payload = result.raw ?? JSON.stringify(result.body);
  call.res.writeHead(result.status, { ...commonHeaders(call), 'content-type': 'application/json' });
  call.res.end(payload);
}

async function writeStream(call: Call, result: Extract<CallResult, { kind: 'stream' }>): Promise<void> {
  const { res } = call;
  res.writeHead(result.status, {
    ...commonHeaders(call),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  const stream = result.stream;
  try {
    // Typed-event dialects: chat chunks in, the dialect's event sequence out.
    const converted = async (converter: { push(c: Json): Json[]; end(): Json[] }) => {
      for await (const chunk of stream.chunks()) {
        for (const event of converter.push(chunk)) {
          const w = write(res, typedEventToSSE(event));
          if (w) await w;
        }
        if (chunk.error) {
          upstreamErrorEvent(call);
          break;
        }
      }
      for (const event of converter.end()) {
        const w = write(res, typedEventToSSE(event));
        if (w) await w;
      }
    };
    if (call.dialect === 'anthropic') {
      await converted(
        openAIStreamToAnthropic({ model: call.modelRequested, inputTokens: promptTokensOf(call) }),
      );
    } else if (call.responses?.native) {
      // The provider's own typed events, renumbered (guards may hold back or add deltas).
      let sequence = 0;
      for await (const event of stream.chunks()) {
        if ('sequence_number' in event) event.sequence_number = sequence++;
        if (event.type === 'response.completed' || event.type === 'response.incomplete')
          call.responses.final = event.response;
        await write(res, typedEventToSSE(event));
        if (event.type === 'error' || event.type === 'response.failed') {
          upstreamErrorEvent(call);
          break;
        }
      }
    } else if (call.responses) {
      const converter = chatStreamToResponses(call.responses);
      await converted(converter);
      call.responses.final = converter.final;
    } else if (stream.passthrough && stream.pipe) {
      // Nothing watches the stream: upstream socket to app socket in one pass.
      await stream.pipe(appSink(res), { dropUsageOnly: call.usageInjected });
    } else if (stream.passthrough) {
      for await (const bytes of stream.bytes({ dropUsageOnly: call.usageInjected })) {
        const w = write(res, bytes);
        if (w) await w;
      }
    } else {
      for await (const chunk of stream.chunks()) {
        if (call.usageInjected && Array.isArray(chunk.choices) && chunk.choices.length === 0 && !chunk.error)
          continue;
        const w = write(res, `data: ${JSON.stringify(chunk)}\n\n`);
        if (w) await w;
        if (chunk.error) {
          upstreamErrorEvent(call);
          break;
        }
      }
      const w = write(res, 'data: [DONE]\n\n');
      if (w) await w;
    }
  } catch (err) {
    if (err instanceof ClientClosed || err instanceof ClientGoneError) {
      call.status = 499;
      call.errorType = 'client_closed';
      res.destroy();
      return;
    }
    // The stream broke off after it started (the upstream failed, or the sidecar is stopping):
    // too late to retry or change the status, so the app learns it in-band, in its dialect, and
    // the call is recorded with the status it would have had.
    const raw = streamFailure(err);
    // Upstream words: scrubbed of credentials before the app or the log sees them.
    const failure = { ...raw, message: call.runtime.scrub(raw.message), code: call.runtime.scrub(raw.code) };
    call.status = failure.status;
    call.errorType = failure.code;
    if (!(err instanceof ShutdownError))
      call.log.warn({ reason: failure.message }, 'upstream stream broke off');
    if (!failure.relayed && !res.destroyed) {
      res.write(
        call.dialect === 'anthropic'
          ? formatSSE(JSON.stringify(errorBody('anthropic', failure.status, failure)), 'error')
          : call.dialect === 'responses'
            ? typedEventToSSE({
                type: 'error',
                code: failure.code,
                message: failure.message,
                param: null,
              })
            : formatSSE(JSON.stringify(errorBody('openai', failure.status, failure))),
      );
    }
  }
  if (!res.destroyed) res.end();
}

/** The upstream ended the stream with its own error event (relayed to the app): a failed call. */
function upstreamErrorEvent(call: Call): void {
  call.status = 502;
  call.errorType = 'upstream_stream_error';
}

async function writeResult(call: Call, result: CallResult): Promise<void> {
  call.status = result.status;
  if (result.kind === 'json') return writeJson(call, result);
  if (result.kind === 'binary') {
    call.res.writeHead(result.status, { ...commonHeaders(call), 'content-type': result.contentType });
    call.res.end(result.body);
    return;
  }
  return writeStream(call, result);
}

export const respond: Step = async (call, next) => {
  try {
    await next();
    if (!call.result) throw new Error('the pipeline ended without a result');
    await writeResult(call, call.result);
  } catch (err) {
    const error = toCallError(err);
    if (error.status === 500)
      call.log.error(
        {
          err: call.runtime.scrub(String((err as Error)?.message)),
          stack: call.runtime.scrub(String((err as Error)?.stack)),
        },
        'call failed',
      );
    writeError(call, error);
  }
  call.timings.doneMs = performance.now() - call.startedAt;
  for (const hook of call.afterResponse) {
    try {
      // Most hooks are synchronous: a promise (and a microtask turn) only for those that are not.
      const pending = hook(call);
      if (pending) await pending;
    } catch (err) {
      call.log.error({ err: (err as Error).message }, 'afterResponse hook failed');
    }
  }
};
