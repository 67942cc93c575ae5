// forward: calls the provider through its adapter, with the rule's resilience policy:
// - retries on the same backend for the rule's `retries.on` failures, exponential backoff with
//   jitter, honouring the upstream's retry-after (up to a cap);
// - then the fallback chain, in order, for the rule's `fallback.on` failures;
// - a circuit breaker per backend skips one that keeps failing, and probes it after a cool-down.
// Nothing is retried once a stream has started: a stream is committed once it carries an
// answer (a token, a tool call, a finish), so a failure before that still retries or falls back.
// Time limits: an attempt gets the provider's request timeout, else the rule's, else
// --request-timeout, never beyond the rule's timeout for the whole call (fallbacks included).
// A committed stream is bounded by silence (the same limit between chunks), not by its length.
// A Responses API call goes to each backend in the form it takes (responses.ts responsesBodyFor):
// as a Responses request to a provider that speaks it (its answer and typed events come back as
// they are), as chat to the others; a backend that cannot serve it is skipped with the reason.
import { setTimeout as sleep } from 'node:timers/promises';
import type { AdapterCall, StreamTranslator, UpstreamError } from '../providers/adapter.ts';
import { typedEventAnswers, typedEventError } from '../providers/openai/responses.ts';
import { EventTooLargeError } from '../providers/sse.ts';
import { backoffDelay } from '../resilience/backoff.ts';
import type { BreakerPool } from '../resilience/circuit-breaker.ts';
import type { Failure, Operation } from '../snapshot/index.ts';
import { ClientGoneError, ShutdownError, TransportError, UpstreamAnswerError } from '../upstream/errors.ts';
import { readBody, type Transport, UpstreamBody } from '../upstream/transport.ts';
import type { Attempt, Call, Target } from './call.ts';
import { CallError } from './errors.ts';
import { passthroughJson } from './lazy-json.ts';
import { checkOpenAISSE, upstreamStream } from './response-stream.ts';
import { responsesBodyFor } from './responses.ts';
import { contextWindowOf, fitsByBytes, maxOutputOf, promptTokensOf } from './rule-state.ts';
import type { Step } from './step.ts';

export interface ForwardServices {
  transport: Transport;
  breakers: BreakerPool;
  /** Upstream time limit when neither the rule nor the provider sets one. */
  requestTimeoutMs: number;
  /** A longer retry-after is not waited for: the call moves on to the fallback chain. */
  maxRetryAfterMs: number;
  /** Sees every upstream attempt (telemetry). */
  observer?: AttemptObserver;
  /** Largest whole (non-streamed) answer read from an upstream, in bytes (default: unbounded). */
  maxResponseBytes?: number;
  /** Largest upstream stream event, in bytes (default: unbounded). */
  maxStreamEventBytes?: number;
}

/**
 * Watches upstream attempts (telemetry). begin() runs as an attempt starts; its headers go
 * upstream with the request (trace context). end() runs when the attempt settles, call.result
 * set on success (it may wrap a result stream to learn when the stream ends).
 */
export interface AttemptObserver {
  begin(call: Call, attempt: Attempt): { headers?: Record<string, string>; end(): void } | undefined;
}

type AttemptFailure =
  | Failure
  | 'circuit-open'
  | 'unavailable'
  | 'error'
  | 'client-gone'
  | 'shutdown'
  | 'quota';

/** The app left, or the sidecar is stopping: the call ends, nothing else is tried. */
const ENDS_CALL: ReadonlySet<AttemptFailure> = new Set(['client-gone', 'shutdown']);

type Outcome =
  | { ok: true }
  | {
      ok: false;
      failure: AttemptFailure;
      /** What the app would see if this is the last word. */
      status: number;
      message: string;
      type?: string;
      code?: string;
      retryAfterMs?: number;
      /** circuit-open: the failure kind that opened it (fallback follows the rule's triggers for it). */
      openedBy?: Failure;
    };

const BREAKER_FAILURES: ReadonlySet<AttemptFailure> = new Set(['5xx', 'timeout', 'connect-error']);
/** A backend that cannot be used at all: always move on to the next one. */
/** retry-after sent with an upstream 429 that named none. */
const DEFAULT_RETRY_AFTER_MS = 1000;

/** Error bodies are read this far (their start is all anyone reads), the rest is dropped. */
const ERROR_BODY_LIMIT = 1024 * 1024;

/** A 2xx answer to a streaming call is a stream unless it is JSON: SSE for most providers, AWS
 * event-stream (application/vnd.amazon.eventstream) for Bedrock. */
function isStreamBody(contentType: string | string[] | undefined): boolean {
  return typeof contentType === 'string' && !contentType.includes('json');
}

/**
 * What an adapter is given for one attempt. The body is a getter: an adapter that sends the
 * app's bytes (unchangedBody) never makes a deferred body parse.
 */
class AttemptRequest implements AdapterCall {
  readonly operation: Operation;
  readonly path: string;
  readonly model: string;
  readonly rawBody: Buffer | undefined;
  readonly unchangedBody: Buffer | undefined;
  readonly contentType: string | undefined;
  readonly stream: boolean;
  readonly maxEventBytes: number | undefined;
  readonly #call: Call;
  readonly #responsesBody: Json | undefined;

  constructor(
    call: Call,
    native: boolean,
    model: string,
    responsesBody: Json | undefined,
    maxEventBytes?: number,
  ) {
    this.#call = call;
    this.#responsesBody = responsesBody;
    this.operation = call.operation;
    this.path = native ? '/responses' : call.path;
    this.model = model;
    const multipart = !call.hasBody;
    this.rawBody = multipart ? call.rawBody : undefined;
    // The app's bytes still say exactly this (same model): skip re-serializing.
    this.unchangedBody =
      responsesBody === undefined && call.unchangedBody && call.field('model') === model
        ? call.unchangedBody
        : undefined;
    this.contentType = call.contentType;
    this.stream = call.stream;
    this.maxEventBytes = maxEventBytes;
  }

  get body(): Json | undefined {
    return this.#responsesBody ?? this.#call.body;
  }
}

export function createForward(services: ForwardServices): Step {
  const { transport, breakers } = services;

  async function attempt(
    call: Call,
    target: Target,
    fallback: number,
    retry: number,
    responsesBody: Json | undefined,
  ): Promise<Outcome> {
    const provider = target.provider;
    const adapter = provider.adapter!;
    const rule = call.rule!;
    const model = target.upstreamModel ?? '';
    const record: Attempt = {
      provider: provider.id,
      providerType: provider.config.type,
      model,
      fallback,
      retry,
      startMs: performance.now() - call.startedAt,
    };
    call.attempts.push(record);
    call.provider = provider;
    call.modelServed = target.upstreamModel;
    const observed = services.observer?.begin(call, record);
    const started = performance.now();
    const scrub = call.runtime.scrub;
    const failed = (raw: Extract<Outcome, { ok: false }>): Outcome => {
      // The upstream's own words may quote our credentials: scrubbed before the app, the audit
      // log or a span sees them.
      const outcome = {
        ...raw,
        message: scrub(raw.message),
        type: raw.type === undefined ? undefined : scrub(raw.type),
        code: raw.code === undefined ? undefined : scrub(raw.code),
      };
      const f = outcome.failure;
      record.failure =
        f === 'client-gone' || f === 'shutdown' || f === 'unavailable' || f === 'quota' ? 'error' : f;
      record.error = outcome.message;
      return outcome;
    };

    // A Responses call to a provider that speaks the Responses API goes as one (see responses.ts).
    const native = call.responses !== undefined && adapter.nativeResponses === true;
    if (call.responses) call.responses.native = native;
    const adapterCall = new AttemptRequest(call, native, model, responsesBody, services.maxStreamEventBytes);

    const timeoutMs = provider.config.requestTimeoutMs ?? rule.timeoutMs ?? services.requestTimeoutMs;
    const now = Date.now();
    const deadline = Math.min(now + timeoutMs, call.deadline ?? Number.POSITIVE_INFINITY);
    try {
      let request = await adapter.request(adapterCall, provider.config);
      if (observed?.headers) request = { ...request, headers: { ...request.headers, ...observed.headers } };
      call.timings.upstreamMs ??= performance.now() - call.startedAt;
      const upstream = await transport.send(call.req, call.res, request, {
        agent: provider.agent,
        deadline,
        budgetMs: deadline - now,
        connectTimeoutMs: provider.config.connectTimeoutMs,
      });
      record.status = upstream.status;

      if (upstream.status < 200 || upstream.status >= 300) {
        const body = await readBody(upstream.body, {
          deadline,
          limit: ERROR_BODY_LIMIT,
          overLimit: 'truncate',
        });
        const err: UpstreamError = adapter.error(upstream.status, body, upstream.headers);
        return failed(upstreamFailure(provider.id, err));
      }

      if (call.stream && isStreamBody(upstream.headers['content-type'])) {
        // Commit to this upstream only once it has said something (a token, a tool call, a
        // finish): a failure before that, reset or in-stream error, still retries or falls back.
        const source = new UpstreamBody(upstream.body, timeoutMs);
        const head = await peekStream(
          source,
          adapter.passthrough === true && !native
            ? openAISseJudge
            : translatorJudge(adapter.stream(adapterCall)),
          deadline,
        );
        if (head.error !== undefined || head.buffers.length === 0) {
          source.close();
          const message =
            head.error === undefined ? 'upstream stream was empty' : `upstream stream error: ${head.error}`;
          return failed({ ok: false, failure: '5xx', status: 502, message });
        }
        call.timings.firstByteMs = performance.now() - call.startedAt;
        source.unshift(head.buffers); // the app gets the head too
        call.result = {
          kind: 'stream',
          status: 200,
          stream: upstreamStream(source, {
            translator: adapter.stream(adapterCall),
            passthrough: adapter.passthrough === true && !native,
            maxEventBytes: services.maxStreamEventBytes,
            scrub,
            onUsage: (usage) => {
              call.usage = usage;
            },
            // A committed stream that fails later is a failed attempt (spans, metrics); the app
            // leaving or the sidecar stopping is not the upstream's failure.
            onError: (err) => {
              if (err instanceof ClientGoneError || err instanceof ShutdownError) return;
              record.failure = err instanceof TransportError ? err.failure : 'error';
              record.error = scrub(err.message);
            },
          }),
        };
        return { ok: true };
      }

      const bytes = await readBody(upstream.body, {
        deadline,
        limit: services.maxResponseBytes ?? Number.POSITIVE_INFINITY,
      });
      call.timings.firstByteMs = performance.now() - call.startedAt;
      const contentType = upstream.headers['content-type'];
      // OpenAI JSON for an OpenAI app: usage and model are read off the bytes, the body parsed lazily.
      const fast =
        adapter.passthrough && call.dialect === 'openai'
          ? passthroughJson(bytes, contentType, upstream.status)
          : undefined;
      if (fast) {
        call.usage = fast.usage;
        call.modelResponse = fast.model;
        call.result = fast.result;
        return { ok: true };
      }
      let translated: ReturnType<typeof adapter.response>;
      try {
        translated = adapter.response(adapterCall, upstream.status, bytes, contentType);
      } catch (err) {
        return failed({
          ok: false,
          failure: '5xx',
          status: 502,
          message: `invalid response from upstream (${(err as Error).message})`,
        });
      }
      call.usage = translated.usage;
      if (Buffer.isBuffer(translated.body)) {
        call.result = {
          kind: 'binary',
          status: upstream.status,
          contentType: translated.contentType ?? contentType ?? 'application/octet-stream',
          body: translated.body,
        };
      } else {
        call.modelResponse = typeof translated.body.model === 'string' ? translated.body.model : undefined;
        call.result = {
          kind: 'json',
          status: upstream.status,
          body: translated.body,
          raw: adapter.passthrough ? bytes : undefined,
        };
      }
      return { ok: true };
    } catch (err) {
      if (err instanceof ClientGoneError) {
        return failed({ ok: false, failure: 'client-gone', status: 499, message: err.message });
      }
      if (err instanceof ShutdownError) {
        return failed({ ok: false, failure: 'shutdown', status: 503, message: err.message });
      }
      // The answer broke the sidecar's bounds (too large) or the rules of its format: the same
      // request would get the same answer, so it is not retried.
      if (err instanceof UpstreamAnswerError || err instanceof EventTooLargeError) {
        return failed({
          ok: false,
          failure: 'error',
          status: 502,
          type: 'upstream_error',
          code: err instanceof UpstreamAnswerError ? err.code : 'upstream_event_too_large',
          message: err.message,
        });
      }
      if (err instanceof TransportError) {
        return failed({
          ok: false,
          failure: err.failure,
          status: err.failure === 'timeout' ? 504 : 502,
          message: err.message,
        });
      }
      // Adapters throw with a 4xx status when the request cannot be expressed for their provider
      // (e.g. an image URL Bedrock cannot fetch): that is the app's to fix, not a failover.
      const status = (err as { status?: unknown }).status;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return failed({ ok: false, failure: 'error', status, message: (err as Error).message });
      }
      call.log.error(
        { err: scrub((err as Error).message), provider: provider.id },
        'upstream attempt failed unexpectedly',
      );
      return failed({
        ok: false,
        failure: 'error',
        status: 502,
        message: 'the sidecar could not build the request',
      });
    } finally {
      record.durationMs = performance.now() - started;
      observed?.end();
    }
  }

  /** Tries one backend, retrying per the rule; settles its circuit breaker. */
  async function tryBackend(call: Call, target: Target, fallback: number): Promise<Outcome> {
    const rule = call.rule!;
    const provider = target.provider;
    const unusable = (message: string, status = 502, code?: string): Outcome => {
      call.attempts.push({
        provider: provider.id,
        providerType: provider.config.type,
        model: target.upstreamModel ?? '',
        fallback,
        retry: 0,
        startMs: performance.now() - call.startedAt,
        durationMs: 0,
        failure: 'error',
        error: message,
      });
      return { ok: false, failure: 'unavailable', status, message, code };
    };
    if (!provider.adapter)
      return unusable(`this sidecar has no adapter for provider type ${provider.config.type}`);
    if (!provider.adapter.supports(call.operation)) {
      return unusable(`provider type ${provider.config.type} does not support ${call.operation}`);
    }
    let responsesBody: Json | undefined;
    if (call.responses) {
      const planned = responsesBodyFor(call, target, provider.adapter.nativeResponses === true);
      if ('refused' in planned)
        return unusable(planned.refused.message, planned.refused.status, planned.refused.code);
      responsesBody = planned.body;
    }

    const breaker = breakers.get(`${provider.id}|${target.upstreamModel ?? ''}`);
    for (let retry = 0; ; retry++) {
      if (!breaker.tryAcquire()) {
        call.attempts.push({
          provider: provider.id,
          providerType: provider.config.type,
          model: target.upstreamModel ?? '',
          fallback,
          retry,
          startMs: performance.now() - call.startedAt,
          durationMs: 0,
          failure: 'circuit-open',
          error: 'circuit open',
        });
        return {
          ok: false,
          failure: 'circuit-open',
          status: 503,
          message: 'circuit open',
          retryAfterMs: breaker.retryInMs,
          openedBy: breaker.openedBy as Failure | undefined,
        };
      }
      const outcome = await attempt(call, target, fallback, retry, responsesBody);
      if (outcome.ok) {
        breaker.onSuccess();
        return outcome;
      }
      if (BREAKER_FAILURES.has(outcome.failure)) breaker.onFailure(outcome.failure);
      else if (ENDS_CALL.has(outcome.failure) || outcome.failure === '429') breaker.release();
      else breaker.onSuccess(); // it answered (a 4xx about the request is not the backend's fault)

      if (ENDS_CALL.has(outcome.failure)) return outcome;
      if (retry >= rule.retries || !rule.retryOn.has(outcome.failure as Failure)) return outcome;
      let delay = backoffDelay(retry + 1, rule.backoffMs);
      if (outcome.retryAfterMs !== undefined) {
        if (outcome.retryAfterMs > services.maxRetryAfterMs) return outcome;
        delay = Math.max(delay, outcome.retryAfterMs);
      }
      if (call.deadline !== undefined && Date.now() + delay >= call.deadline) return outcome;
      try {
        await sleep(delay, undefined, { signal: call.signal });
      } catch {
        return { ok: false, failure: 'client-gone', status: 499, message: 'client closed the connection' };
      }
    }
  }

  return async function forward(call, next) {
    const rule = call.rule!;
    const targets = call.targets ?? [];
    let last: Extract<Outcome, { ok: false }> | undefined;
    for (let i = 0; i < targets.length; i++) {
      if (last && !mayFallBack(rule, last)) break;
      if (call.deadline !== undefined && Date.now() >= call.deadline) {
        last = { ok: false, failure: 'timeout', status: 504, message: 'route timeout reached' };
        break;
      }
      // A fallback to another model answers to that model's quota limits too (the quota step's hook).
      const refused = i > 0 ? await call.admitFallback?.(targets[i]) : undefined;
      if (refused) {
        last = {
          ok: false,
          failure: 'quota',
          status: refused.status,
          message: refused.message,
          type: refused.type,
          code: refused.code,
          retryAfterMs: refused.retryAfterMs,
        };
        continue;
      }
      const outcome = tooLongFor(call, targets[i], i) ?? (await tryBackend(call, targets[i], i));
      if (outcome.ok) return next();
      last = outcome;
      if (ENDS_CALL.has(outcome.failure)) break;
    }
    throw finalError(call, last);
  };
}

/**
 * Whether the next backend may be tried: the rule's fallback triggers decide, for an open circuit
 * by the failure that opened it; a backend this sidecar cannot use at all is always skipped.
 */
function mayFallBack(rule: NonNullable<Call['rule']>, last: Extract<Outcome, { ok: false }>): boolean {
  if (last.failure === 'unavailable' || last.failure === 'quota') return true;
  if (last.failure === 'circuit-open')
    return last.openedBy === undefined || rule.fallbackOn.has(last.openedBy);
  return rule.fallbackOn.has(last.failure as Failure);
}

/**
 * A request that cannot fit the target model's declared context window (prompt + max_tokens):
 * refused before any upstream call, as a context-length failure (a fallback trigger).
 */
function tooLongFor(
  call: Call,
  target: Target,
  fallback: number,
): Extract<Outcome, { ok: false }> | undefined {
  const window = contextWindowOf(target);
  if (window === undefined || !call.hasBody || call.operation !== 'chat') return undefined;
  // The byte bound first: the tokenizer runs only for a prompt that may not fit, and a sidecar
  // whose policy counts nothing never loads it.
  if (fitsByBytes(call, window)) return undefined;
  const prompt = promptTokensOf(call);
  const output = maxOutputOf(call) ?? 0;
  if (prompt + output <= window) return undefined;
  const message =
    `this request needs ${prompt + output} tokens (${prompt} in the prompt + ${output} max_tokens), ` +
    `more than the context window of ${target.modelName} (${window})`;
  call.attempts.push({
    provider: target.provider.id,
    providerType: target.provider.config.type,
    model: target.upstreamModel ?? '',
    fallback,
    retry: 0,
    startMs: performance.now() - call.startedAt,
    durationMs: 0,
    failure: 'context-length',
    error: 'context window exceeded',
  });
  return { ok: false, failure: 'context-length', status: 400, message, code: 'context_length_exceeded' };
}

/** Bytes a stream may hold back before committing even without content (a long preamble). */
const MAX_STREAM_HEAD = 64 * 1024;

type Json = Record<string, any>;

function carriesAnswer(chunk: Json): boolean {
  if (chunk.usage) return true;
  for (const choice of chunk.choices ?? []) {
    const d = choice.delta ?? {};
    if (choice.finish_reason || d.tool_calls || d.function_call || d.content || d.refusal) return true;
  }
  return false;
}

/**
 * For OpenAI SSE the head is judged on the raw text (no JSON parsing on the hot path): does it
 * hold a token, a tool call, a finish or usage yet, or an in-stream error?
 */
const ANSWER = /"(?:content|refusal)":"[^"]|"tool_calls":\[|"function_call":\{|"finish_reason":"|"usage":\{/;
const STREAM_ERROR = /(?:^|\n)data: ?\{"error":\s*(\{[^\n]*)\}\s*(?:\n|$)/;
type HeadJudge = (latest: Buffer, head: readonly Buffer[]) => { answered: boolean; error?: string };

function openAISseJudge(_latest: Buffer, head: readonly Buffer[]): ReturnType<HeadJudge> {
  const bytes = head.length === 1 ? head[0] : Buffer.concat(head);
  const complete = lastCompleteEvent(bytes);
  const check = complete > 0 ? checkOpenAISSE(bytes.subarray(0, complete)) : {};
  if (check.reason !== undefined)
    return { answered: false, error: `upstream sent malformed SSE (${check.reason})` };
  const text = bytes.toString('utf8');
  const error = STREAM_ERROR.exec(text);
  if (error) {
    let message = 'upstream stream error';
    try {
      message = String(JSON.parse(error[1]).message ?? message);
    } catch {}
    return { answered: false, error: message };
  }
  return { answered: ANSWER.test(text) };
}

/** Just past the last blank line in bytes, or 0. */
function lastCompleteEvent(bytes: Buffer): number {
  const lf = bytes.lastIndexOf('\n\n');
  const crlf = bytes.lastIndexOf('\r\n\r\n');
  return Math.max(lf < 0 ? 0 : lf + 2, crlf < 0 ? 0 : crlf + 4);
}

/** Other wire formats: a throwaway translator turns the head into OpenAI chunks to judge. */
function translatorJudge(translator: StreamTranslator): HeadJudge {
  return (latest) => {
    let chunks: Json[];
    try {
      chunks = translator.push(latest);
    } catch (err) {
      if (err instanceof EventTooLargeError) throw err; // the sidecar's bound: a failed attempt, not retried
      return { answered: false, error: `unreadable stream (${(err as Error).message})` };
    }
    for (const chunk of chunks) {
      const error = chunk.error ?? typedEventError(chunk);
      if (error) return { answered: false, error: String(error.message ?? error.type ?? 'error') };
      if (carriesAnswer(chunk) || typedEventAnswers(chunk)) return { answered: true };
    }
    return { answered: false };
  };
}

/**
 * Reads the stream until it carries an answer, ends, or shows an in-stream error; the result
 * stream replays these bytes first.
 */
async function peekStream(
  source: AsyncIterator<Buffer>,
  judge: HeadJudge,
  deadline: number,
): Promise<{ buffers: Buffer[]; error?: string }> {
  const buffers: Buffer[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TransportError('timeout', 'no stream data in time')),
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    for (;;) {
      const next = await Promise.race([source.next(), timeout]);
      if (next.done) return { buffers };
      buffers.push(next.value);
      size += next.value.length;
      const verdict = judge(next.value, buffers);
      if (verdict.error !== undefined) return { buffers, error: verdict.error };
      if (verdict.answered || size > MAX_STREAM_HEAD) return { buffers };
    }
  } catch (err) {
    await source.return?.(undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** Maps an adapter's UpstreamError to an outcome; credentials trouble is ours, not the app's. */
function upstreamFailure(providerId: string, err: UpstreamError): Extract<Outcome, { ok: false }> {
  if (err.status === 401 || err.status === 403) {
    return {
      ok: false,
      failure: 'error',
      status: 502,
      type: 'upstream_error',
      code: 'upstream_auth_failed',
      message: `provider ${providerId} rejected the configured credentials (HTTP ${err.status})`,
    };
  }
  return {
    ok: false,
    failure: err.failure ?? 'error',
    status: err.status,
    type: err.type,
    code: err.code,
    message: err.message,
    retryAfterMs: err.retryAfterMs,
  };
}

/** "ai-platform/openai gpt-4o: HTTP 503 (x3); ai-platform/anthropic claude-sonnet-4-5: timeout" */
function summarize(attempts: Attempt[]): string {
  const groups = new Map<string, number>();
  for (const a of attempts) {
    const why =
      a.failure === 'circuit-open'
        ? 'circuit open'
        : a.status !== undefined && (a.status >= 300 || a.failure !== '5xx' || a.error === undefined)
          ? `HTTP ${a.status}`
          : (a.error ?? a.failure ?? 'failed');
    const key = `${a.provider}${a.model ? ` ${a.model}` : ''}: ${why}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, n]) => (n > 1 ? `${key} (x${n})` : key)).join('; ');
}

function finalError(call: Call, last: Extract<Outcome, { ok: false }> | undefined): CallError {
  if (!last) return new CallError(502, 'no upstream could be tried', 'upstream_error', 'no_backend');
  const tried = summarize(call.attempts);
  switch (last.failure) {
    case 'client-gone':
      return new CallError(499, last.message, 'client_closed', 'client_closed');
    case 'shutdown':
      return new CallError(503, last.message, 'service_unavailable', 'draining', 1000);
    case 'quota':
      return new CallError(
        last.status,
        last.message,
        last.type ?? 'quota_exceeded',
        last.code,
        last.retryAfterMs,
      );
    case 'error':
      // The upstream answered with a request error (bad parameters, unknown model, ...): the app
      // learns the upstream's own words and status.
      if (last.status >= 400 && last.status < 500) {
        return new CallError(last.status, last.message, last.type ?? 'invalid_request_error', last.code);
      }
      return new CallError(
        502,
        `${last.message}; tried ${tried}`,
        last.type ?? 'upstream_error',
        last.code ?? 'upstream_error',
      );
    case 'unavailable':
      // No backend could take the request as it is (a Responses feature only native providers
      // serve, a conversation stored elsewhere): the app's to change, in the words of the last.
      if (last.status >= 400 && last.status < 500)
        return new CallError(
          last.status,
          call.attempts.length > 1 ? `${last.message}; tried ${tried}` : last.message,
          'invalid_request_error',
          last.code,
        );
      return new CallError(502, `upstream failed: ${tried}`, 'upstream_error', 'upstream_failed');
    case 'context-length':
      return new CallError(
        400,
        last.message,
        'invalid_request_error',
        last.code ?? 'context_length_exceeded',
      );
    case '429':
      // An upstream 429 without retry-after still tells the app when to come back (1 s, the
      // OpenAI SDK's first backoff step) instead of leaving it to guess.
      return new CallError(
        429,
        `upstream rate limited: ${tried}`,
        'rate_limit_error',
        'upstream_rate_limited',
        last.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS,
      );
    case 'timeout':
      return new CallError(504, `upstream timed out: ${tried}`, 'upstream_timeout', 'upstream_timeout');
    case 'circuit-open':
      return new CallError(
        503,
        `upstream unavailable (circuit open): ${tried}`,
        'upstream_unavailable',
        'circuit_open',
        last.retryAfterMs,
      );
    default:
      return new CallError(502, `upstream failed: ${tried}`, 'upstream_error', 'upstream_failed');
  }
}
