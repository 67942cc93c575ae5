// Sidecar metrics: valid exposition, semconv names and buckets, scrape-time gauges, and bounded
// label cardinality.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRuntime } from '../../../sidecar/config/runtime.ts';
import { adapterFor } from '../../../sidecar/providers/index.ts';
import { seal } from '../../../sidecar/snapshot/index.ts';
import {
  DURATION_BUCKETS,
  LabelLimiter,
  SidecarMetrics,
  TOKEN_BUCKETS,
} from '../../../sidecar/telemetry/metrics.ts';
import { AgentPool } from '../../../sidecar/upstream/agents.ts';
import { parsePrometheusText, samples, sampleValue } from './prom-text.ts';

const runtime = buildRuntime(
  seal({
    workload: { namespace: 'team-a', name: 'chat-app' },
    providers: [
      {
        id: 'ai/openai',
        type: 'openai',
        endpoint: 'http://127.0.0.1:1/v1',
        headers: {},
        models: [{ name: 'gpt-4o' }],
      },
    ],
    routes: [
      {
        id: 'team-a/chat',
        rules: [
          {
            name: 'any',
            matches: [{ model: 'gpt-*' }],
            backends: [{ provider: 'ai/openai', weight: 1 }],
            retries: { attempts: 0, backoffMs: 0, on: [] },
          },
        ],
      },
    ],
    quotas: [],
  }),
  { adapterFor, agents: new AgentPool() },
);

describe('LabelLimiter', () => {
  it('keeps the first N distinct values and folds the rest into _other', () => {
    const l = new LabelLimiter(2);
    assert.equal(l.value('a'), 'a');
    assert.equal(l.value('b'), 'b');
    assert.equal(l.value('c'), '_other');
    assert.equal(l.value('a'), 'a');
    assert.equal(l.value(undefined), '');
  });
});

describe('SidecarMetrics', () => {
  it('exposes valid Prometheus text with the semconv histograms and the scrape-time gauges', async () => {
    let breakers: Record<string, 'closed' | 'open' | 'half-open'> = { 'ai/openai|gpt-4o': 'open' };
    const m = new SidecarMetrics({ snapshot: () => runtime, breakers: () => breakers, inflight: () => 3 });
    const text = await m.metrics();
    const families = parsePrometheusText(text);
    assert.equal(families.get('gen_ai_client_token_usage')?.type, 'histogram');
    assert.equal(families.get('gen_ai_client_operation_duration_seconds')?.type, 'histogram');
    assert.equal(families.get('aimesh_requests_total')?.type, 'counter');
    assert.ok(families.has('aimesh_sidecar_process_cpu_user_seconds_total'), 'process metrics');
    assert.equal(
      sampleValue(families, 'aimesh_circuit_breaker_state', { backend: 'ai/openai|gpt-4o', state: 'open' }),
      1,
    );
    assert.equal(
      sampleValue(families, 'aimesh_circuit_breaker_state', { backend: 'ai/openai|gpt-4o', state: 'closed' }),
      0,
    );
    assert.equal(
      sampleValue(families, 'aimesh_snapshot_info', {
        version: runtime.version,
        namespace: 'team-a',
        workload: 'chat-app',
      }),
      1,
    );
    assert.equal(sampleValue(families, 'aimesh_requests_in_flight'), 3);
    assert.equal(sampleValue(families, 'aimesh_tracing_spans_dropped_total', { reason: 'queue_full' }), 0);

    breakers = { 'ai/openai|gpt-4o': 'closed' };
    m.spansDropped('queue_full', 4);
    const again = parsePrometheusText(await m.metrics());
    assert.equal(sampleValue(again, 'aimesh_circuit_breaker_state', { state: 'open' }), 0);
    assert.equal(sampleValue(again, 'aimesh_tracing_spans_dropped_total', { reason: 'queue_full' }), 4);
  });

  it('uses the semconv bucket boundaries', () => {
    assert.deepEqual(TOKEN_BUCKETS.slice(0, 4), [1, 4, 16, 64]);
    assert.equal(TOKEN_BUCKETS.at(-1), 67108864);
    assert.deepEqual(DURATION_BUCKETS.slice(0, 3), [0.01, 0.02, 0.04]);
    assert.equal(DURATION_BUCKETS.at(-1), 81.92);
  });

  it('caps model labels that apps choose (a prefix route lets them send any gpt-* name)', async () => {
    const m = new SidecarMetrics(
      { snapshot: () => runtime, breakers: () => ({}), inflight: () => 0 },
      { defaultMetrics: false },
    );
    for (let i = 0; i < 150; i++) {
      const model = `gpt-random-${i}`;
      m.observeCall({
        runtime,
        rule: runtime.rules[0],
        routeId: 'team-a/chat',
        operation: 'chat',
        stream: false,
        status: 200,
        timings: { doneMs: 5 },
        provider: runtime.providers.get('ai/openai'),
        modelServed: model,
        attempts: [
          {
            provider: 'ai/openai',
            providerType: 'openai',
            model,
            fallback: 0,
            retry: 0,
            startMs: 0,
            durationMs: 4,
            status: 200,
          },
        ],
        usage: { inputTokens: 1, outputTokens: 1 },
      } as never);
    }
    const families = parsePrometheusText(await m.metrics());
    const models = new Set(
      samples(families, 'gen_ai_client_token_usage_count').map((s) => s.labels.gen_ai_request_model),
    );
    assert.equal(models.size, 101); // 100 kept + _other
    assert.ok(models.has('_other'));
    assert.equal(
      sampleValue(families, 'gen_ai_client_token_usage_count', { gen_ai_token_type: 'input' }),
      150,
    );
    assert.equal(
      sampleValue(families, 'aimesh_requests_total', { route: 'team-a/chat', status: '200' }),
      150,
    );
  });
});
