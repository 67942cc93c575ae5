// The telemetry step and forward's attempt observer, driven by hand (the step around a fake
// inner pipeline), spans read from an in-memory exporter: parentage from the app's traceparent,
// one CLIENT span per attempt, streams timed to their last chunk, policy outcomes on the SERVER
// span, sampling, tracing off, and content only when asked.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { beforeEach, describe, it } from 'node:test';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { buildRuntime, type RuntimeSnapshot } from '../../../sidecar/config/runtime.ts';
import { createLogger } from '../../../sidecar/log.ts';
import type { Attempt, Call } from '../../../sidecar/pipeline/call.ts';
import { upstreamStream } from '../../../sidecar/pipeline/response-stream.ts';
import { adapterFor } from '../../../sidecar/providers/index.ts';
import { seal } from '../../../sidecar/snapshot/index.ts';
import { SidecarMetrics } from '../../../sidecar/telemetry/metrics.ts';
import { createTelemetry, type Telemetry } from '../../../sidecar/telemetry/step.ts';
import { startTracing, type Tracing, tracingOptionsFromEnv } from '../../../sidecar/telemetry/tracing.ts';
import { AgentPool } from '../../../sidecar/upstream/agents.ts';
import { TransportError } from '../../../sidecar/upstream/errors.ts';
import { parsePrometheusText, sampleValue } from './prom-text.ts';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
const PROMPT = 'UNIQUE-PROMPT-MARKER';

const runtime: RuntimeSnapshot = buildRuntime(
  seal({
    workload: { namespace: 'team-a', name: 'chat-app' },
    providers: [
      {
        id: 'ai-platform/openai',
        type: 'openai',
        endpoint: 'http://127.0.0.1:9999/v1',
        headers: {},
        credentials: { apiKey: 'sk-provider-secret' },
        models: [{ name: 'gpt-4o' }],
      },
      {
        id: 'ai-platform/claude',
        type: 'anthropic',
        endpoint: 'http://127.0.0.1:9998',
        headers: {},
        models: [{ name: 'claude-haiku-4-5' }],
      },
    ],
    routes: [
      {
        id: 'team-a/chat',
        rules: [
          {
            name: 'gpt',
            matches: [{ model: 'gpt-4o' }],
            backends: [{ provider: 'ai-platform/openai', weight: 1 }],
            retries: { attempts: 0, backoffMs: 0, on: [] },
            fallback: {
              backends: [{ provider: 'ai-platform/claude', model: 'claude-haiku-4-5' }],
              on: ['5xx'],
            },
          },
        ],
      },
    ],
    quotas: [],
  }),
  { adapterFor, agents: new AgentPool() },
);

let logLines: string[];
let exporter: InMemorySpanExporter;
let tracing: Tracing;
let metrics: SidecarMetrics;

function logger() {
  logLines = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  return createLogger('info', sink);
}

function makeCall(headers: Record<string, string> = {}, over: Partial<Call> = {}): Call {
  const body = {
    model: 'gpt-4o',
    max_tokens: 50,
    temperature: 0.3,
    messages: [{ role: 'user', content: PROMPT }],
  };
  const raw = Buffer.from(JSON.stringify(body));
  return {
    id: 'req-1',
    runtime,
    req: {
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-app', ...headers },
    } as unknown as IncomingMessage,
    res: {} as ServerResponse,
    log: logger(),
    startedAt: performance.now(),
    timings: {},
    signal: new AbortController().signal,
    dialect: 'openai',
    operation: 'chat',
    path: '/chat/completions',
    headers: {},
    rawBody: raw,
    body,
    hasBody: true,
    field: (name) => (body as Record<string, unknown>)[name],
    deferBody: () => {},
    stream: false,
    usageInjected: false,
    modelRequested: 'gpt-4o',
    attempts: [],
    afterResponse: [],
    ...over,
  };
}

/** What route + forward would have done, with the observer hook where forward calls it. */
function routed(call: Call): void {
  const rule = runtime.rules[0];
  call.rule = rule;
  call.routeId = rule.routeId;
  call.ruleName = rule.name;
}

function attemptOn(t: Telemetry, call: Call, provider: string, model: string, fallback: number) {
  const record: Attempt = {
    provider,
    providerType: runtime.providers.get(provider)!.config.type,
    model,
    fallback,
    retry: 0,
    startMs: performance.now() - call.startedAt,
  };
  call.attempts.push(record);
  call.provider = runtime.providers.get(provider);
  call.modelServed = model;
  const observed = t.observer.begin(call, record);
  return { record, observed };
}

function finish(call: Call, status: number): void {
  call.status = status;
  call.timings.doneMs = performance.now() - call.startedAt;
}

async function spans(): Promise<ReadableSpan[]> {
  await tracing.forceFlush();
  return exporter.getFinishedSpans();
}

const byKind = (all: ReadableSpan[], kind: SpanKind) => all.filter((s) => s.kind === kind);
const audit = () => logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'call');
const metricsText = async () => parsePrometheusText(await metrics.metrics());

function setup(opts: { captureContent?: boolean; sampler?: string; tracingOn?: boolean } = {}): Telemetry {
  exporter = new InMemorySpanExporter();
  metrics = new SidecarMetrics(
    { snapshot: () => runtime, breakers: () => ({}), inflight: () => 0 },
    { defaultMetrics: false },
  );
  const env: Record<string, string> = { OTEL_TRACES_EXPORTER: 'otlp' };
  if (opts.sampler) env.OTEL_TRACES_SAMPLER = opts.sampler;
  tracing = startTracing(tracingOptionsFromEnv(env, 'aimesh-sidecar'), { exporter })!;
  return createTelemetry({
    tracing: opts.tracingOn === false ? undefined : tracing,
    metrics,
    captureContent: opts.captureContent ?? false,
  });
}

describe('telemetry step', () => {
  let t: Telemetry;
  beforeEach(() => {
    t = setup();
  });

  it('continues the app’s trace: SERVER span under its traceparent, CLIENT span under that', async () => {
    const call = makeCall({ traceparent: `00-${TRACE}-${PARENT}-01` });
    let upstreamHeaders: Record<string, string> | undefined;
    await t.step(call, async () => {
      routed(call);
      const { record, observed } = attemptOn(t, call, 'ai-platform/openai', 'gpt-4o', 0);
      upstreamHeaders = observed?.headers;
      record.status = 200;
      record.durationMs = 5;
      call.usage = { inputTokens: 12, outputTokens: 7 };
      call.modelResponse = 'gpt-4o-2024-08-06';
      call.result = {
        kind: 'json',
        status: 200,
        body: {
          id: 'chatcmpl-42',
          model: 'gpt-4o-2024-08-06',
          choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
        },
      };
      observed?.end();
      finish(call, 200);
    });

    const all = await spans();
    assert.equal(all.length, 2);
    const [server] = byKind(all, SpanKind.SERVER);
    const [client] = byKind(all, SpanKind.CLIENT);
    assert.equal(server.name, 'POST /v1/chat/completions');
    assert.equal(server.spanContext().traceId, TRACE);
    assert.equal(server.parentSpanContext?.spanId, PARENT);
    assert.equal(client.spanContext().traceId, TRACE);
    assert.equal(client.parentSpanContext?.spanId, server.spanContext().spanId);
    assert.equal(client.name, 'chat gpt-4o');

    assert.deepEqual(
      { ...client.attributes },
      {
        'gen_ai.provider.name': 'openai',
        'aimesh.provider': 'ai-platform/openai',
        'server.address': '127.0.0.1',
        'server.port': 9999,
        'aimesh.route': 'team-a/chat',
        'aimesh.rule': 'gpt',
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o',
        'aimesh.fallback.attempt': 0,
        'aimesh.retry.attempt': 0,
        'gen_ai.request.max_tokens': 50,
        'gen_ai.request.temperature': 0.3,
        'gen_ai.response.id': 'chatcmpl-42',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.response.finish_reasons': ['stop'],
        'http.response.status_code': 200,
        'gen_ai.usage.input_tokens': 12,
        'gen_ai.usage.output_tokens': 7,
      },
    );
    assert.equal(server.attributes['aimesh.snapshot.version'], runtime.version);
    assert.equal(server.attributes['aimesh.namespace'], 'team-a');
    assert.equal(server.attributes['aimesh.workload'], 'chat-app');
    assert.equal(server.attributes['aimesh.route'], 'team-a/chat');
    assert.equal(server.attributes['http.response.status_code'], 200);
    assert.equal(server.status.code, SpanStatusCode.UNSET);

    // The upstream learns the CLIENT span as its parent.
    assert.equal(upstreamHeaders?.traceparent, `00-${TRACE}-${client.spanContext().spanId}-01`);

    const [line] = audit();
    assert.equal(line.traceId, TRACE);
    assert.equal(line.tokensIn, 12);
    assert.equal(line.modelResponse, 'gpt-4o-2024-08-06');

    const m = await metricsText();
    assert.equal(
      sampleValue(m, 'aimesh_requests_total', {
        route: 'team-a/chat',
        rule: 'gpt',
        operation: 'chat',
        status: '200',
      }),
      1,
    );
    assert.equal(
      sampleValue(m, 'gen_ai_client_token_usage_sum', {
        gen_ai_provider_name: 'openai',
        gen_ai_request_model: 'gpt-4o',
        gen_ai_response_model: 'gpt-4o-2024-08-06',
        gen_ai_token_type: 'input',
      }),
      12,
    );
    assert.equal(sampleValue(m, 'gen_ai_client_operation_duration_seconds_count', { error_type: '' }), 1);
  });

  it('times a stream’s CLIENT span to its last chunk, with finish reason and usage from the stream', async () => {
    const call = makeCall({}, { stream: true });
    const events = [
      { id: 'chatcmpl-7', model: 'gpt-4o', choices: [{ index: 0, delta: { content: 'he' } }] },
      {
        id: 'chatcmpl-7',
        model: 'gpt-4o',
        choices: [{ index: 0, delta: { content: 'llo' }, finish_reason: 'stop' }],
      },
      {
        id: 'chatcmpl-7',
        model: 'gpt-4o',
        choices: [],
        usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
      },
    ];
    async function* source() {
      for (const e of events) yield Buffer.from(`data: ${JSON.stringify(e)}\n\n`);
      yield Buffer.from('data: [DONE]\n\n');
    }
    await t.step(call, async () => {
      routed(call);
      const { record, observed } = attemptOn(t, call, 'ai-platform/openai', 'gpt-4o', 0);
      record.status = 200;
      call.result = {
        kind: 'stream',
        status: 200,
        stream: upstreamStream(source(), {
          translator: { push: () => [], end: () => [] },
          passthrough: true,
          onUsage: (u) => {
            call.usage = u;
          },
          scrub: (t) => t,
        }),
      };
      observed?.end();
      // Nothing ends before the app has read the stream.
      assert.equal((await spans()).length, 0);
      assert.equal(call.result.kind, 'stream');
      if (call.result.kind === 'stream') for await (const _ of call.result.stream.bytes()) void _;
      finish(call, 200);
    });
    const [client] = byKind(await spans(), SpanKind.CLIENT);
    assert.equal(client.attributes['gen_ai.response.id'], 'chatcmpl-7');
    assert.equal(client.attributes['gen_ai.response.model'], 'gpt-4o');
    assert.deepEqual(client.attributes['gen_ai.response.finish_reasons'], ['stop']);
    assert.equal(client.attributes['gen_ai.usage.output_tokens'], 2);
    const [line] = audit();
    assert.equal(line.modelResponse, 'gpt-4o');
    assert.equal(line.stream, true);
  });

  it('ends the attempt span of a stream that broke after it started as an error', async () => {
    const call = makeCall();
    async function* source() {
      yield Buffer.from(
        'data: {"id":"c","model":"gpt-4o","choices":[{"index":0,"delta":{"content":"he"}}]}\n\n',
      );
      throw new TransportError('connect-error', 'upstream stream cut off');
    }
    await t.step(call, async () => {
      routed(call);
      const { record, observed } = attemptOn(t, call, 'ai-platform/openai', 'gpt-4o', 0);
      record.status = 200;
      call.result = {
        kind: 'stream',
        status: 200,
        stream: upstreamStream(source(), {
          translator: { push: () => [], end: () => [] },
          passthrough: true,
          onUsage: () => {},
          // What forward does: the attempt learns of the failure before the stream ends.
          onError: (err) => {
            record.failure = 'connect-error';
            record.error = err.message;
          },
          scrub: (t) => t,
        }),
      };
      observed?.end();
      const stream = call.result.stream;
      await assert.rejects(async () => {
        for await (const _ of stream.bytes()) void _;
      }, TransportError);
      finish(call, 502);
    });
    const [client] = byKind(await spans(), SpanKind.CLIENT);
    assert.equal(client.status.code, SpanStatusCode.ERROR);
    assert.equal(client.attributes['error.type'], 'connect_error');
  });

  it('shows every try of a fallback chain, including one the circuit breaker skipped', async () => {
    const call = makeCall();
    await t.step(call, async () => {
      routed(call);
      const first = attemptOn(t, call, 'ai-platform/openai', 'gpt-4o', 0);
      first.record.status = 503;
      first.record.failure = '5xx';
      first.record.error = 'upstream said 503';
      first.record.durationMs = 3;
      first.observed?.end();
      // A second try the breaker refused never reaches the observer (forward pushes it directly).
      call.attempts.push({
        provider: 'ai-platform/openai',
        providerType: 'openai',
        model: 'gpt-4o',
        fallback: 0,
        retry: 1,
        startMs: performance.now() - call.startedAt,
        durationMs: 0,
        failure: 'circuit-open',
        error: 'circuit open',
      });
      const second = attemptOn(t, call, 'ai-platform/claude', 'claude-haiku-4-5', 1);
      second.record.status = 200;
      call.result = {
        kind: 'json',
        status: 200,
        body: { id: 'msg_1', model: 'claude-haiku-4-5', choices: [] },
      };
      second.observed?.end();
      finish(call, 200);
    });
    const all = await spans();
    const clients = byKind(all, SpanKind.CLIENT).sort(
      (a, b) =>
        (a.attributes['aimesh.fallback.attempt']! as number) -
        (b.attributes['aimesh.fallback.attempt'] as number),
    );
    assert.equal(clients.length, 3);
    const [server] = byKind(all, SpanKind.SERVER);
    for (const c of clients) assert.equal(c.parentSpanContext?.spanId, server.spanContext().spanId);
    const failed = clients.filter((c) => c.status.code === SpanStatusCode.ERROR);
    assert.deepEqual(failed.map((c) => c.attributes['error.type']).sort(), ['503', 'circuit_open']);
    const served = clients.find((c) => c.status.code !== SpanStatusCode.ERROR)!;
    assert.equal(served.name, 'chat claude-haiku-4-5');
    assert.equal(served.attributes['gen_ai.provider.name'], 'anthropic');
    assert.equal(served.attributes['aimesh.fallback.attempt'], 1);
    assert.equal(server.attributes['aimesh.attempts'], 3);

    const m = await metricsText();
    assert.equal(sampleValue(m, 'aimesh_upstream_attempts_total', { kind: 'fallback', outcome: 'ok' }), 1);
    assert.equal(sampleValue(m, 'aimesh_upstream_attempts_total', { kind: 'first', outcome: '5xx' }), 1);
    assert.equal(
      sampleValue(m, 'aimesh_upstream_attempts_total', { kind: 'retry', outcome: 'circuit_open' }),
      1,
    );
    assert.equal(sampleValue(m, 'gen_ai_client_operation_duration_seconds_count', { error_type: '503' }), 1);
  });

  it('puts policy outcomes on the SERVER span and in metrics: a quota denial has no CLIENT span', async () => {
    const call = makeCall();
    await t.step(call, async () => {
      routed(call);
      call.quotaDecision = 'deny';
      call.quota = {
        decision: 'deny',
        denial: { quota: 'team-a/monthly', limit: 'tokens' },
        shadowDenied: [{ quota: 'team-a/daily', limit: 'cost' }],
      };
      call.guardActions = [{ guard: 'pii', action: 'mask', phase: 'request', kinds: ['email'], count: 1 }];
      call.cache = { status: 'miss', hit: false };
      call.prompt = { name: 'support', version: 'v3' };
      call.errorType = 'quota_exceeded';
      finish(call, 429);
    });
    const all = await spans();
    assert.equal(byKind(all, SpanKind.CLIENT).length, 0);
    const [server] = all;
    assert.equal(server.attributes['aimesh.quota.decision'], 'deny');
    assert.equal(server.attributes['aimesh.guard.action'], 'pii:mask');
    assert.equal(server.attributes['aimesh.cache.hit'], false);
    assert.equal(server.attributes['aimesh.prompt.name'], 'support');
    assert.equal(server.attributes['aimesh.prompt.version'], 'v3');
    assert.equal(server.attributes['error.type'], 'quota_exceeded');
    assert.equal(server.attributes['http.response.status_code'], 429);
    // A 4xx is the client's error: the server span keeps status UNSET (HTTP semconv).
    assert.equal(server.status.code, SpanStatusCode.UNSET);

    const m = await metricsText();
    assert.equal(
      sampleValue(m, 'aimesh_quota_denials_total', {
        quota: 'team-a/monthly',
        limit: 'tokens',
        mode: 'enforce',
      }),
      1,
    );
    assert.equal(
      sampleValue(m, 'aimesh_quota_denials_total', { quota: 'team-a/daily', limit: 'cost', mode: 'shadow' }),
      1,
    );
    assert.equal(
      sampleValue(m, 'aimesh_guard_actions_total', { guard: 'pii', action: 'mask', phase: 'request' }),
      1,
    );
    assert.equal(sampleValue(m, 'aimesh_cache_lookups_total', { route: 'team-a/chat', result: 'miss' }), 1);
    assert.equal(sampleValue(m, 'aimesh_requests_total', { status: '429' }), 1);
    const [line] = audit();
    assert.equal(line.quota, 'deny');
    assert.deepEqual(line.guards, ['pii:mask']);
    assert.equal(line.cache, 'miss');
    assert.equal(line.prompt, 'support@v3');
    assert.equal(line.error, 'quota_exceeded');
    assert.equal(line.level, 40);
  });

  it("says on the SERVER span and in metrics which backend a rule's strategy chose and why", async () => {
    const call = makeCall();
    await t.step(call, async () => {
      routed(call);
      const provider = runtime.providers.get(runtime.rules[0].live[0].backend.provider.id)!;
      call.targets = [{ provider, modelName: 'gpt-4o', upstreamModel: 'gpt-4o' }];
      call.routeChoice = {
        strategy: 'LowestLatency',
        kind: 'lowest-latency',
        reason: `${provider.id}|gpt-4o: lowest latency: 120ms over 4 samples`,
      };
      finish(call, 200);
    });
    const [server] = await spans();
    assert.equal(server.attributes['aimesh.route.strategy'], 'LowestLatency');
    assert.equal(server.attributes['aimesh.route.choice'], 'lowest-latency');
    assert.match(String(server.attributes['aimesh.route.choice_reason']), /\|gpt-4o: lowest latency: 120ms/);
    const m = await metricsText();
    assert.equal(
      sampleValue(m, 'aimesh_route_choices_total', {
        route: 'team-a/chat',
        strategy: 'LowestLatency',
        choice: 'lowest-latency',
        model: 'gpt-4o',
      }),
      1,
    );
  });

  it('records a call no route matched (404), without route labels beyond ""', async () => {
    const call = makeCall();
    await t.step(call, async () => {
      call.errorType = 'model_not_found';
      finish(call, 404);
    });
    const [server] = await spans();
    assert.equal(server.attributes['error.type'], 'model_not_found');
    assert.equal(server.attributes['aimesh.route'], undefined);
    const m = await metricsText();
    assert.equal(sampleValue(m, 'aimesh_requests_total', { route: '', rule: '', status: '404' }), 1);
  });

  it('respects the caller’s sampling decision but still propagates the trace', async () => {
    t = setup({ sampler: 'parentbased_always_on' });
    const call = makeCall({ traceparent: `00-${TRACE}-${PARENT}-00` });
    let headers: Record<string, string> | undefined;
    await t.step(call, async () => {
      routed(call);
      const { record, observed } = attemptOn(t, call, 'ai-platform/openai', 'gpt-4o', 0);
      headers = observed?.headers;
      record.status = 200;
      call.result = { kind: 'json', status: 200, body: {} };
      observed?.end();
      finish(call, 200);
    });
    assert.equal((await spans()).length, 0);
    assert.match(headers?.traceparent ?? '', new RegExp(`^00-${TRACE}-[0-9a-f]{16}-00$`));
    assert.equal(audit()[0].traceId, TRACE);
  });

  it('with tracing off: no spans, no upstream headers; metrics and the audit line still there', async () => {
    t = setup({ tracingOn: false });
    const call = makeCall({ traceparent: `00-${TRACE}-${PARENT}-01` });
    let observedHeaders: unknown = 'unset';
    await t.step(call, async () => {
      routed(call);
      const { record, observed } = attemptOn(t, call, 'ai-platform/openai', 'gpt-4o', 0);
      observedHeaders = observed?.headers;
      record.status = 200;
      call.result = { kind: 'json', status: 200, body: {} };
      observed?.end();
      finish(call, 200);
    });
    assert.equal((await spans()).length, 0);
    assert.equal(observedHeaders, undefined);
    assert.equal(audit()[0].traceId, TRACE, 'the audit line still names the caller’s trace');
    assert.equal(sampleValue(await metricsText(), 'aimesh_requests_total', { status: '200' }), 1);
  });

  it('records prompts and completions only when content capture is on', async () => {
    for (const capture of [false, true]) {
      t = setup({ captureContent: capture });
      const call = makeCall();
      await t.step(call, async () => {
        routed(call);
        const { record, observed } = attemptOn(t, call, 'ai-platform/openai', 'gpt-4o', 0);
        record.status = 200;
        call.result = {
          kind: 'json',
          status: 200,
          body: {
            choices: [
              { index: 0, message: { role: 'assistant', content: `echo ${PROMPT}` }, finish_reason: 'stop' },
            ],
          },
        };
        observed?.end();
        finish(call, 200);
      });
      const all = await spans();
      const dump = JSON.stringify(all.map((s) => s.attributes));
      assert.equal(dump.includes(PROMPT), capture, `capture=${capture}`);
      const [client] = byKind(all, SpanKind.CLIENT);
      assert.equal(client.attributes['gen_ai.input.messages'] !== undefined, capture);
      assert.equal(client.attributes['gen_ai.output.messages'] !== undefined, capture);
      // Never in logs or metrics, whatever the setting; never the app's or the provider's key.
      const elsewhere = logLines.join('\n') + (await metrics.metrics());
      for (const secret of [PROMPT, 'sk-app', 'sk-provider-secret'])
        assert.ok(!elsewhere.includes(secret), secret);
      assert.ok(!dump.includes('sk-app') && !dump.includes('sk-provider-secret'));
    }
  });
});
