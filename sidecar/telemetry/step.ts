// The telemetry Step, outermost in the pipeline (it wraps respond, so everything about the call
// is settled when it finishes), and the AttemptObserver that forward calls for every upstream
// attempt. Together they produce, per call:
// - a SERVER span for the app's request, continuing the app's W3C traceparent;
// - one CLIENT span per upstream attempt (GenAI semconv: `chat gpt-4o`), its context sent
//   upstream as traceparent; a stream's span lasts until its last chunk; attempts that never
//   left the sidecar (circuit open, no adapter) get a zero-length span so every try is visible;
// - metrics (always) and one audit log line (always).
// Nothing here may fail a call or make it wait: errors are logged and swallowed, spans are only
// queued (tracing.ts exports them in the background).
import {
  type Attributes,
  type Context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { parseTraceParent } from '@opentelemetry/core';
import type { Logger } from '../log.ts';
import type { Attempt, Call } from '../pipeline/call.ts';
import type { AttemptObserver } from '../pipeline/forward.ts';
import type { StreamTap } from '../pipeline/response-stream.ts';
import type { Step } from '../pipeline/step.ts';
import { createSSEParser } from '../providers/sse.ts';
import {
  attemptErrorType,
  attemptStartAttributes,
  clientSpanName,
  genAiOperation,
  inputMessages,
  outputMessages,
  providerAttributes,
  type ResponseFacts,
  requestAttributes,
  residencyAttributes,
  responseAttributes,
  responseFacts,
  routeChoiceAttributes,
  ruleAttributes,
  SSEFactsScanner,
  StreamedOutput,
  snapshotAttributes,
} from './attributes.ts';
import { createAuditLogger, writeAudit } from './audit.ts';
import { type CallFacts, callFacts, guardActionsValue } from './facts.ts';
import type { SidecarMetrics } from './metrics.ts';
import type { Tracing } from './tracing-options.ts';

export interface TelemetryOptions {
  /** Undefined: tracing is off (metrics and the audit line still run). */
  tracing?: Tracing;
  metrics: SidecarMetrics;
  /** AIMESH_CAPTURE_CONTENT: record prompts and completions on spans (off by default). */
  captureContent: boolean;
  /** The process logger, for audit lines (default: each call's own logger). */
  log?: Logger;
}

export interface Telemetry {
  step: Step;
  observer: AttemptObserver;
}

interface AttemptSpan {
  span: Span;
  ended: boolean;
}

/** Per-call state, found by forward's observer through the call. */
interface CallState {
  span?: Span;
  context?: Context;
  /** For the audit line: ours, or the caller's when tracing is off. */
  traceId?: string;
  attempts: Map<Attempt, AttemptSpan>;
  /** Computed once per call, shared by its attempts. */
  requestAttrs?: Attributes;
  /** What the serving stream said about itself. */
  streamFacts?: ResponseFacts;
}

/**
 * Watches a stream to its end without wrapping it: facts for spans and metrics (read off the
 * bytes, or the chunks when a step took those), the output when captured.
 */
class StreamWatch implements StreamTap {
  readonly #scanner = new SSEFactsScanner();
  readonly #output: StreamedOutput | undefined;
  readonly #parser: ReturnType<typeof createSSEParser> | undefined;
  readonly #done: (output?: string) => void;
  #finished = false;

  constructor(captureContent: boolean, done: (output?: string) => void) {
    this.#output = captureContent ? new StreamedOutput() : undefined;
    this.#parser = captureContent ? createSSEParser() : undefined;
    this.#done = done;
  }

  get facts(): ResponseFacts {
    return this.#scanner.facts;
  }

  bytes(buf: Buffer): void {
    this.#scanner.push(buf);
    if (this.#parser && this.#output) {
      for (const e of this.#parser.push(buf)) {
        try {
          this.#output.push(JSON.parse(e.data));
        } catch {}
      }
    }
  }

  chunk(chunk: Record<string, any>): void {
    const facts = this.#scanner.facts;
    // A native Responses stream's typed events carry the Response (created, completed).
    if (chunk.response?.object === 'response') {
      const r = responseFacts(chunk.response);
      facts.id ??= r.id;
      facts.model ??= r.model;
      if (chunk.type !== 'response.created' && chunk.type !== 'response.in_progress')
        facts.finishReasons.push(...r.finishReasons);
    }
    if (facts.id === undefined && typeof chunk.id === 'string') facts.id = chunk.id;
    if (facts.model === undefined && typeof chunk.model === 'string' && chunk.model)
      facts.model = chunk.model;
    if (Array.isArray(chunk.choices))
      for (const c of chunk.choices)
        if (typeof c?.finish_reason === 'string') facts.finishReasons.push(c.finish_reason);
    this.#output?.push(chunk);
  }

  end(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#done(this.#output?.toJSON());
  }
}

const epochMs = (perfMs: number): number => performance.timeOrigin + perfMs;

const routeOf = (call: Call): string =>
  call.dialect === 'anthropic'
    ? '/anthropic/v1/messages'
    : call.dialect === 'responses'
      ? '/v1/responses'
      : `/v1${call.path}`;

export function createTelemetry(opts: TelemetryOptions): Telemetry {
  const { tracing, metrics, captureContent } = opts;
  const auditLog = opts.log ? createAuditLogger(opts.log) : undefined;
  const states = new WeakMap<Call, CallState>();

  function startServerSpan(call: Call, state: CallState): void {
    if (!tracing) {
      // Still correlate the audit line with the caller's trace.
      const header = call.req.headers.traceparent;
      if (typeof header === 'string') state.traceId = parseTraceParent(header)?.traceId;
      return;
    }
    const parent = tracing.propagator.extract(ROOT_CONTEXT, call.req.headers, defaultTextMapGetter);
    const route = routeOf(call);
    // Attributes go in after the sampling decision, and only on a recorded span: the SDK
    // validates startSpan's attributes twice (before and after sampling), allocating per value.
    const span = tracing.tracer.startSpan(
      `POST ${route}`,
      { kind: SpanKind.SERVER, startTime: epochMs(call.startedAt) },
      parent,
    );
    if (span.isRecording()) {
      span.setAttributes({
        'http.request.method': 'POST',
        'http.route': route,
        'url.path': route,
        'url.scheme': 'http',
        'aimesh.request.id': call.id,
      });
      span.setAttributes(snapshotAttributes(call.runtime));
    }
    state.span = span;
    state.context = trace.setSpan(parent, span);
    state.traceId = span.spanContext().traceId;
  }

  function endServerSpan(call: Call, state: CallState, facts: CallFacts): void {
    const span = state.span;
    if (!span?.isRecording()) return;
    const status = call.status ?? 500;
    const attrs: Attributes = { 'http.response.status_code': status };
    if (call.rule) Object.assign(attrs, ruleAttributes(call.rule));
    if (call.modelRequested) attrs['aimesh.request.model'] = call.modelRequested;
    if (call.provider) {
      attrs['aimesh.provider'] = call.provider.id;
      Object.assign(attrs, residencyAttributes(call.provider));
    }
    if (call.modelServed) attrs['aimesh.response.model'] = facts.responseModel ?? call.modelServed;
    if (call.attempts.length > 0) attrs['aimesh.attempts'] = call.attempts.length;
    if (call.routeChoice) Object.assign(attrs, routeChoiceAttributes(call.routeChoice));
    if (facts.quota) attrs['aimesh.quota.decision'] = facts.quota.decision;
    const guards = guardActionsValue(facts.guards);
    if (guards) attrs['aimesh.guard.action'] = guards;
    if (facts.cacheHit !== undefined) attrs['aimesh.cache.hit'] = facts.cacheHit;
    if (facts.prompt) {
      attrs['aimesh.prompt.name'] = facts.prompt.name;
      attrs['aimesh.prompt.version'] = facts.prompt.version;
    }
    if (facts.costUSD !== undefined) attrs['aimesh.cost.usd'] = facts.costUSD;
    if (status >= 400) attrs['error.type'] = call.errorType ?? String(status);
    span.setAttributes(attrs);
    // HTTP server semconv: only 5xx marks the server span as an error (4xx is the client's).
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(call.timings.doneMs === undefined ? undefined : epochMs(call.startedAt + call.timings.doneMs));
  }

  /**
   * Starts a CLIENT span for an attempt (live ones from forward, or after the fact); none when
   * the call's span is not recorded (sampled out: its children would not be either).
   */
  function startAttemptSpan(
    call: Call,
    state: CallState,
    attempt: Attempt,
    startTime?: number,
  ): Span | undefined {
    if (!tracing || !state.context || !state.span?.isRecording()) return undefined;
    const operation = genAiOperation(call.operation);
    const span = tracing.tracer.startSpan(
      clientSpanName(operation, attempt.model || undefined),
      startTime === undefined ? { kind: SpanKind.CLIENT } : { kind: SpanKind.CLIENT, startTime },
      state.context,
    );
    if (!span.isRecording()) return span;
    const provider = call.runtime.providers.get(attempt.provider);
    // Static groups are built once per snapshot object; set one by one, no merged copy.
    span.setAttributes(provider ? providerAttributes(provider) : { 'aimesh.provider': attempt.provider });
    if (call.rule) span.setAttributes(ruleAttributes(call.rule));
    span.setAttributes(attemptStartAttributes(attempt, operation));
    state.requestAttrs ??= requestAttributes((name) => call.field(name));
    span.setAttributes(state.requestAttrs);
    if (call.prompt) {
      span.setAttribute('aimesh.prompt.name', call.prompt.name);
      span.setAttribute('aimesh.prompt.version', call.prompt.version);
    }
    if (captureContent) {
      const input = inputMessages(call.body);
      if (input) span.setAttribute('gen_ai.input.messages', input);
    }
    return span;
  }

  function failAttemptSpan(span: Span, attempt: Attempt): void {
    const errorType = attemptErrorType(attempt) ?? 'error';
    const attrs: Attributes = { 'error.type': errorType };
    if (attempt.status !== undefined) attrs['http.response.status_code'] = attempt.status;
    span.setAttributes(attrs);
    span.setStatus({ code: SpanStatusCode.ERROR, message: attempt.error?.slice(0, 200) });
  }

  function succeedAttemptSpan(
    span: Span,
    call: Call,
    attempt: Attempt,
    facts: ResponseFacts,
    output?: string,
  ): void {
    const attrs: Attributes = responseAttributes(facts);
    if (attempt.status !== undefined) attrs['http.response.status_code'] = attempt.status;
    if (call.usage) {
      attrs['gen_ai.usage.input_tokens'] = call.usage.inputTokens;
      attrs['gen_ai.usage.output_tokens'] = call.usage.outputTokens;
    }
    if (output) attrs['gen_ai.output.messages'] = output;
    span.setAttributes(attrs);
  }

  const observer: AttemptObserver = {
    begin(call, attempt) {
      const state = states.get(call);
      if (!state) return undefined;
      const span = startAttemptSpan(call, state, attempt, epochMs(call.startedAt + attempt.startMs));
      const entry: AttemptSpan | undefined = span ? { span, ended: false } : undefined;
      if (entry) state.attempts.set(attempt, entry);
      let headers: Record<string, string> | undefined;
      if (tracing && state.context) {
        // The upstream's parent: this attempt's span, or the (unsampled) call's when none.
        headers = {};
        tracing.propagator.inject(
          span ? trace.setSpan(state.context, span) : state.context,
          headers,
          defaultTextMapSetter,
        );
      }
      return {
        headers,
        end() {
          try {
            const result = call.result;
            if (!attempt.failure && result?.kind === 'stream') {
              // The attempt lives on until the stream's last chunk; the stream tells us when
              // (a stream that cannot be watched is settled with the call).
              const watch = new StreamWatch(captureContent, (output) => {
                if (!entry || entry.ended) return;
                entry.ended = true;
                // A stream that broke after it started is a failed attempt (forward marks it).
                if (attempt.failure) failAttemptSpan(entry.span, attempt);
                else succeedAttemptSpan(entry.span, call, attempt, watch.facts, output);
                entry.span.end();
              });
              state.streamFacts = watch.facts;
              result.stream.observe?.(watch);
              return;
            }
            if (!entry) return;
            entry.ended = true;
            if (attempt.failure) failAttemptSpan(entry.span, attempt);
            else if (result?.kind === 'json') {
              const output = captureContent ? outputMessages(result.body) : undefined;
              succeedAttemptSpan(entry.span, call, attempt, responseFacts(result.body), output);
            } else succeedAttemptSpan(entry.span, call, attempt, { finishReasons: [] });
            entry.span.end(epochMs(call.startedAt + attempt.startMs + (attempt.durationMs ?? 0)));
          } catch (err) {
            call.log.debug({ err: (err as Error).message }, 'telemetry: attempt span failed');
          }
        },
      };
    },
  };

  /** Attempt spans not closed yet (a stream nobody read to its end) and attempts never sent. */
  function settleAttempts(call: Call, state: CallState): void {
    for (const attempt of call.attempts) {
      const entry = state.attempts.get(attempt);
      if (entry) {
        if (entry.ended) continue;
        entry.ended = true;
        if (attempt.failure) failAttemptSpan(entry.span, attempt);
        else succeedAttemptSpan(entry.span, call, attempt, state.streamFacts ?? { finishReasons: [] });
        entry.span.end();
        continue;
      }
      // Never left the sidecar (circuit open, no adapter): a zero-length span marks the try.
      const at = epochMs(call.startedAt + attempt.startMs);
      const span = startAttemptSpan(call, state, attempt, at);
      if (!span) continue;
      failAttemptSpan(span, attempt);
      span.end(at + (attempt.durationMs ?? 0));
    }
  }

  const step: Step = async (call, next) => {
    const state: CallState = { attempts: new Map() };
    states.set(call, state);
    try {
      startServerSpan(call, state);
    } catch (err) {
      call.log.debug({ err: (err as Error).message }, 'telemetry: server span failed');
    }
    try {
      await next();
    } finally {
      try {
        const facts = callFacts(call, state.streamFacts?.model);
        if (state.span?.isRecording()) {
          settleAttempts(call, state);
          endServerSpan(call, state, facts);
        }
        metrics.observeCall(call, facts);
        writeAudit(auditLog ?? createAuditLogger(call.log), call, facts, state.traceId);
      } catch (err) {
        call.log.warn({ err: (err as Error).message }, 'telemetry failed for a call');
      }
    }
  };

  return { step, observer };
}
