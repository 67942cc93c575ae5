// respond: the outermost policy step (only telemetry wraps it). Runs everything inside it, then writes call.result (or the
// error thrown) to the app in the app's dialect: OpenAI JSON / SSE, or Anthropic JSON / the
// Anthropic event sequence. Streams are written as they arrive, with backpressure; when the
// last byte is out, afterResponse hooks run. The call's one log line (the audit line) is the
// telemetry step's, which wraps this one (sidecar/telemetry/audit.ts).
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import {
  anthropicEventToSSE,
  openAIResponseToAnthropic,
  openAIStreamToAnthropic,
} from '../providers/anthropic/translate.ts';
import {
  chatResponseToResponses,
  chatStreamToResponses,
  responsesEventToSSE,
} from '../providers/openai/responses.ts';
import type { Call, CallResult, Dialect } from './call.ts';
import { type CallError, toCallError } from './errors.ts';
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

async function write(res: ServerResponse, data: string | Buffer): Promise<void> {
  if (res.destroyed || res.writableEnded) throw new ClientClosed();
  if (res.write(data)) return;
  const closed = once(res, 'close').then(() => {
    throw new ClientClosed();
  });
  await Promise.race([once(res, 'drain'), closed]);
  closed.catch(() => {});
}

function commonHeaders(call: Call): Record<string, string> {
  const headers: Record<string, string> = { 'x-request-id': call.id };
  if (call.provider) headers['x-aimesh-provider'] = call.provider.id;
  if (call.modelServed) headers['x-aimesh-model'] = call.modelServed;
  if (call.routeId) headers['x-aimesh-route'] = `${call.routeId}/${call.ruleName}`;
  return headers;
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
    call.responses.final = chatResponseToResponses(result.body, call.responses);
    payload = JSON.stringify(call.responses.final);
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
    if (call.dialect === 'anthropic') {
      const converter = openAIStreamToAnthropic({
        model: call.modelRequested,
        inputTokens: promptTokensOf(call),
      });
      for await (const chunk of stream.chunks()) {
        for (const event of converter.push(chunk)) await write(res, anthropicEventToSSE(event));
        if (chunk.error) break;
      }
      for (const event of converter.end()) await write(res, anthropicEventToSSE(event));
    } else if (call.responses) {
      const converter = chatStreamToResponses(call.responses);
      for await (const chunk of stream.chunks()) {
        for (const event of converter.push(chunk)) await write(res, responsesEventToSSE(event));
        if (chunk.error) break;
      }
      for (const event of converter.end()) await write(res, responsesEventToSSE(event));
      call.responses.final = converter.final;
    } else if (stream.passthrough) {
      for await (const bytes of stream.bytes({ dropUsageOnly: call.usageInjected })) await write(res, bytes);
    } else {
      for await (const chunk of stream.chunks()) {
        if (call.usageInjected && Array.isArray(chunk.choices) && chunk.choices.length === 0 && !chunk.error)
          continue;
        await write(res, `data: ${JSON.stringify(chunk)}\n\n`);
        if (chunk.error) break;
      }
      await write(res, 'data: [DONE]\n\n');
    }
  } catch (err) {
    if (err instanceof ClientClosed) {
      call.status = 499;
      call.errorType = 'client_closed';
      return;
    }
    // The upstream broke off mid-stream: too late to retry, so tell the app in-band.
    const message = `upstream stream failed: ${(err as Error).message}`;
    call.errorType = 'upstream_stream_error';
    call.log.warn({ reason: (err as Error).message }, 'upstream stream broke off');
    const event =
      call.dialect === 'anthropic'
        ? anthropicEventToSSE({ type: 'error', error: { type: 'api_error', message } })
        : call.dialect === 'responses'
          ? responsesEventToSSE({ type: 'error', code: 'upstream_stream_error', message, param: null })
          : `data: ${JSON.stringify({ error: { message, type: 'upstream_error', code: 'upstream_stream_error' } })}\n\n`;
    if (!res.destroyed) res.write(event);
  }
  if (!res.destroyed) res.end();
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
      call.log.error({ err: (err as Error)?.message, stack: (err as Error)?.stack }, 'call failed');
    writeError(call, error);
  }
  call.timings.doneMs = performance.now() - call.startedAt;
  for (const hook of call.afterResponse) {
    try {
      await hook(call);
    } catch (err) {
      call.log.error({ err: (err as Error).message }, 'afterResponse hook failed');
    }
  }
};
