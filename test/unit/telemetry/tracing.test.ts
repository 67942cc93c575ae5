// Tracing setup: the standard OTEL_* variables, and a bounded export queue that drops and counts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExportResultCode } from '@opentelemetry/core';
import { InMemorySpanExporter, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace';
import {
  createSampler,
  type DropReason,
  describeTracing,
  parseKeyValues,
  startTracing,
  tracingOptionsFromEnv,
} from '../../../sidecar/telemetry/tracing.ts';

const opts = (env: Record<string, string>) => tracingOptionsFromEnv(env, 'aimesh-sidecar');

describe('tracingOptionsFromEnv', () => {
  it('is off without an endpoint (no exports to a collector that is not there)', () => {
    const o = opts({});
    assert.equal(o.enabled, false);
    assert.equal(o.serviceName, 'aimesh-sidecar');
    assert.equal(o.url, 'http://localhost:4318/v1/traces');
    assert.equal(opts({ OTEL_TRACES_EXPORTER: 'otlp' }).enabled, true);
  });

  it('appends /v1/traces to the base endpoint and takes the traces endpoint as is', () => {
    assert.equal(
      opts({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318/' }).url,
      'http://otel:4318/v1/traces',
    );
    const o = opts({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector.example/custom/path',
    });
    assert.equal(o.url, 'https://collector.example/custom/path');
    assert.equal(o.enabled, true);
  });

  it('honours OTEL_SDK_DISABLED and OTEL_TRACES_EXPORTER=none', () => {
    assert.equal(
      opts({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318', OTEL_SDK_DISABLED: 'true' }).enabled,
      false,
    );
    assert.equal(
      opts({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318', OTEL_TRACES_EXPORTER: 'none' }).enabled,
      false,
    );
  });

  it('reads service name, resource attributes, headers, protocol, sampler and batch limits', () => {
    const o = opts({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318',
      OTEL_SERVICE_NAME: 'payments-sidecar',
      OTEL_RESOURCE_ATTRIBUTES: 'k8s.namespace.name=team-a,deployment.environment=prod%20eu',
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc,x-tenant=a',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-tenant=b',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
      OTEL_BSP_MAX_QUEUE_SIZE: '100',
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '512',
      OTEL_BSP_SCHEDULE_DELAY: '200',
      OTEL_EXPORTER_OTLP_TIMEOUT: '3000',
    });
    assert.equal(o.serviceName, 'payments-sidecar');
    assert.deepEqual(o.resourceAttributes, {
      'k8s.namespace.name': 'team-a',
      'deployment.environment': 'prod eu',
    });
    assert.deepEqual(o.headers, { authorization: 'Bearer abc', 'x-tenant': 'b' });
    assert.equal(o.protocol, 'http/json');
    assert.equal(o.compression, 'gzip');
    assert.equal(o.sampler, 'parentbased_traceidratio');
    assert.equal(o.samplerRatio, 0.25);
    assert.equal(o.timeoutMs, 3000);
    // The batch can never exceed the queue.
    assert.deepEqual(o.batch, {
      scheduleDelayMs: 200,
      exportTimeoutMs: 30000,
      maxQueueSize: 100,
      maxExportBatchSize: 100,
    });
    // The start-up description never shows headers (collector credentials).
    assert.ok(!JSON.stringify(describeTracing(o)).includes('Bearer'));
  });

  it('rejects what it cannot honour, naming the variable', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ OTEL_TRACES_EXPORTER: 'zipkin' }, /OTEL_TRACES_EXPORTER/],
      [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, /OTEL_EXPORTER_OTLP_PROTOCOL/],
      [{ OTEL_TRACES_SAMPLER: 'sometimes' }, /OTEL_TRACES_SAMPLER/],
      [{ OTEL_TRACES_SAMPLER_ARG: '2' }, /OTEL_TRACES_SAMPLER_ARG/],
      [{ OTEL_BSP_MAX_QUEUE_SIZE: '0' }, /OTEL_BSP_MAX_QUEUE_SIZE/],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'otel:4318' }, /ENDPOINT/],
      [{ OTEL_RESOURCE_ATTRIBUTES: 'novalue' }, /OTEL_RESOURCE_ATTRIBUTES/],
    ];
    for (const [env, message] of bad) assert.throws(() => opts(env), message, JSON.stringify(env));
  });

  it('parses key=value lists leniently about blanks', () => {
    assert.deepEqual(parseKeyValues(' a = 1 ,, b=x%2Cy ', 'X'), { a: '1', b: 'x,y' });
    assert.deepEqual(parseKeyValues(undefined, 'X'), {});
  });

  it('builds the named samplers', () => {
    assert.match(createSampler('parentbased_always_on', 1).toString(), /ParentBased/);
    assert.match(createSampler('traceidratio', 0.5).toString(), /TraceIdRatioBased/);
    assert.match(createSampler('always_off', 1).toString(), /AlwaysOff/);
  });
});

describe('startTracing', () => {
  it('returns nothing when disabled', () => {
    assert.equal(startTracing(opts({})), undefined);
  });

  it('drops spans beyond the queue and counts them, without waiting for the exporter', async () => {
    const exporter = new InMemorySpanExporter();
    const dropped: Record<DropReason, number> = { queue_full: 0, export_failed: 0 };
    const tracing = startTracing(
      {
        ...opts({ OTEL_TRACES_EXPORTER: 'otlp' }),
        batch: { scheduleDelayMs: 60_000, exportTimeoutMs: 1000, maxQueueSize: 3, maxExportBatchSize: 3 },
      },
      { exporter, onDropped: (r, n) => (dropped[r] += n) },
    )!;
    // maxExportBatchSize = maxQueueSize: the 3rd span starts an export; the queue refills after.
    for (let i = 0; i < 10; i++) tracing.tracer.startSpan(`s${i}`).end();
    await tracing.forceFlush();
    assert.equal(exporter.getFinishedSpans().length + dropped.queue_full, 10);
    assert.ok(dropped.queue_full > 0, 'some spans were dropped');
    await tracing.shutdown();
  });

  it('counts spans of batches the collector refused', async () => {
    const failing: SpanExporter = {
      export(spans: ReadableSpan[], done) {
        done({ code: ExportResultCode.FAILED, error: new Error(`collector said no to ${spans.length}`) });
      },
      shutdown: async () => {},
    };
    const dropped: Record<DropReason, number> = { queue_full: 0, export_failed: 0 };
    const errors: string[] = [];
    const tracing = startTracing(opts({ OTEL_TRACES_EXPORTER: 'otlp' }), {
      exporter: failing,
      onDropped: (r, n) => (dropped[r] += n),
      onError: (m) => errors.push(m),
    })!;
    tracing.tracer.startSpan('a').end();
    tracing.tracer.startSpan('b').end();
    await tracing.forceFlush().catch(() => {});
    assert.equal(dropped.export_failed, 2);
    await tracing.shutdown().catch(() => {});
  });
});

it('names the pod and namespace from the injected downward-API env; OTEL_RESOURCE_ATTRIBUTES wins', () => {
  const o = tracingOptionsFromEnv(
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      POD_NAME: 'chat-7d9f',
      POD_NAMESPACE: 'team-a',
      OTEL_RESOURCE_ATTRIBUTES: 'k8s.namespace.name=override,service.instance.id=x',
    },
    'aimesh-sidecar',
  );
  assert.deepEqual(o.resourceAttributes, {
    'k8s.pod.name': 'chat-7d9f',
    'k8s.namespace.name': 'override',
    'service.instance.id': 'x',
  });
});
