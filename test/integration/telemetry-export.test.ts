// Tracing must never slow an app down: with a collector that accepts connections and never
// answers, calls through a real sidecar stay fast, spans beyond the bounded queue are dropped and
// counted on /metrics, and SIGTERM does not wait out the export timeout. With tracing off (no
// endpoint) nothing goes upstream but the call itself.
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { freePorts, waitFor } from '../support/procs.ts';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';
import { parsePrometheusText, sampleValue } from '../unit/telemetry/prom-text.ts';

const KEY = 'sk-export-test';
const snapshot = (upstream: Upstream) => ({
  workload: { namespace: 'team-a' },
  providers: [testProvider('ai-platform/openai', 'openai', `${upstream.url}/v1`, KEY, ['gpt-4o'])],
  routes: [{ id: 'team-a/chat', rules: [testRule('gpt', [{ model: 'gpt-4o' }], ['ai-platform/openai'])] }],
  quotas: [],
});

async function call(sidecar: RunningSidecar, headers: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
  });
  assert.equal(res.status, 200);
  await res.arrayBuffer();
  return performance.now() - started;
}

async function dropped(sidecar: RunningSidecar, reason: string): Promise<number> {
  const text = await (await fetch(`${sidecar.adminUrl}/metrics`)).text();
  return sampleValue(parsePrometheusText(text), 'aimesh_tracing_spans_dropped_total', { reason });
}

describe('telemetry: a collector that hangs', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let blackhole: Server;
  const sockets = new Set<Socket>();

  before(async () => {
    upstream = await startUpstream({ apiKeys: [KEY] });
    // Accepts, reads, never answers: the worst collector there is.
    blackhole = createServer((s) => {
      sockets.add(s);
      s.on('data', () => {});
      s.on('error', () => {});
    });
    const [port] = await freePorts(1);
    await new Promise<void>((resolve) => blackhole.listen(port, '127.0.0.1', resolve));
    sidecar = await startSidecar({
      snapshot: snapshot(upstream),
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        OTEL_BSP_MAX_QUEUE_SIZE: '8',
        OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '4',
        OTEL_BSP_SCHEDULE_DELAY: '50',
      },
    });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
    for (const s of sockets) s.destroy();
    blackhole?.close();
  });

  it('keeps calls fast and drops (and counts) the spans that do not fit', async () => {
    const times: number[] = [];
    for (let i = 0; i < 150; i++) times.push(await call(sidecar));
    times.sort((a, b) => a - b);
    const p99 = times[Math.floor(times.length * 0.99)];
    assert.ok(p99 < 250, `p99 ${p99.toFixed(1)} ms with a hanging collector`);
    // 4 exports in flight x 4 spans + a queue of 8: everything beyond is dropped at once.
    const n = await waitFor('dropped spans counted', async () => {
      const d = await dropped(sidecar, 'queue_full');
      return d > 0 ? d : undefined;
    });
    assert.ok(n >= 300 - (16 + 8) - 10, `${n} spans dropped of 300`);
  });

  it('stops promptly on SIGTERM instead of waiting out the export timeout', async () => {
    const started = Date.now();
    await sidecar.stop(10_000);
    const took = Date.now() - started;
    // SIGKILL would only come after 10 s: this was a clean exit, bounded by the 2 s flush limit.
    assert.ok(took < 5000, `stop took ${took} ms`);
  });
});

describe('telemetry: tracing off', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [KEY] });
    sidecar = await startSidecar({ snapshot: snapshot(upstream), env: { OTEL_EXPORTER_OTLP_ENDPOINT: '' } });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  it('sends no trace context upstream, still counts and audits, naming the caller’s trace', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    upstream.clearRequests();
    await call(sidecar, { traceparent: `00-${traceId}-b7ad6b7169203331-01` });
    assert.equal(upstream.lastRequest()?.headers.traceparent, undefined);
    const text = await (await fetch(`${sidecar.adminUrl}/metrics`)).text();
    assert.equal(sampleValue(parsePrometheusText(text), 'aimesh_requests_total', { status: '200' }), 1);
    const line = await waitFor('audit line', () =>
      sidecar
        .logs()
        .split('\n')
        .find((l) => l.includes('"msg":"call"')),
    );
    assert.equal(JSON.parse(line).traceId, traceId);
    assert.match(sidecar.logs(), /"tracing":\{"enabled":false/);
  });
});
