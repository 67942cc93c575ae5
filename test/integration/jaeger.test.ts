// A span exported with the OpenTelemetry OTLP/HTTP exporter is read back from a real Jaeger v2.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { binaryPath, expectedVersions } from '../support/bins.ts';
import { type Jaeger, startJaeger } from '../support/jaeger.ts';

let jaeger: Jaeger;

before(async () => {
  const t0 = Date.now();
  jaeger = await startJaeger();
  console.error(`# jaeger up in ${Date.now() - t0} ms, query at ${jaeger.queryUrl}`);
});
after(() => jaeger?.stop());

test('jaeger is the pinned v2 release', async () => {
  // The query service exposes its build info; the binary was built with version ldflags.
  const r = await fetch(`${jaeger.queryUrl}/api/v3/services`);
  assert.equal(r.status, 200);
  const out = execFileSync(binaryPath('jaeger'), ['version'], { encoding: 'utf8', stdio: 'pipe' });
  assert.match(out, new RegExp(`"gitVersion":\\s*"${expectedVersions().jaeger.replaceAll('.', '\\.')}"`));
});

test('spans sent over OTLP/HTTP come back from the query API with attributes and parentage', async () => {
  const service = `aimesh-test-${randomUUID().slice(0, 8)}`;
  const sdk = new NodeSDK({
    serviceName: service,
    autoDetectResources: false,
    traceExporter: new OTLPTraceExporter({ url: `${jaeger.otlpHttpEndpoint}/v1/traces` }),
  });
  sdk.start();
  const tracer = trace.getTracer('aimesh-test');
  let traceId = '';
  let parentId = '';
  tracer.startActiveSpan('route request', (parent) => {
    traceId = parent.spanContext().traceId;
    parentId = parent.spanContext().spanId;
    const child = tracer.startSpan('chat gpt-4o-mini', {
      kind: SpanKind.CLIENT,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.usage.input_tokens': 12,
        'aimesh.cache.hit': false,
      },
    });
    child.addEvent('retry', { attempt: 1 });
    child.setStatus({ code: SpanStatusCode.OK });
    child.end();
    parent.end();
  });
  await sdk.shutdown(); // flushes the batch processor

  const spans = await jaeger.waitForSpans({ service, min: 2 });
  assert.equal(spans.length, 2);
  const parent = spans.find((s) => s.name === 'route request');
  const child = spans.find((s) => s.name === 'chat gpt-4o-mini');
  assert.ok(parent && child, JSON.stringify(spans));
  assert.equal(parent.parentSpanId, '');
  assert.equal(child.traceId, traceId);
  assert.equal(child.parentSpanId, parentId);
  assert.equal(child.kind, 'client');
  assert.equal(child.service, service);
  assert.equal(child.attributes['gen_ai.request.model'], 'gpt-4o-mini');
  assert.equal(child.attributes['gen_ai.usage.input_tokens'], 12);
  assert.equal(child.attributes['aimesh.cache.hit'], false);
  assert.deepEqual(child.events[0]?.attributes, { event: 'retry', attempt: 1 });

  // The same trace by id; an unknown id has no spans.
  const byId = await jaeger.waitForSpans({ traceId, min: 2 });
  assert.deepEqual(byId.map((s) => s.spanId).sort(), [parentId, child.spanId].sort());
  assert.deepEqual(await jaeger.spans({ traceId: '0123456789abcdef0123456789abcdef' }), []);
});
