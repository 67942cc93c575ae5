// The operator's telemetry: reconcile and push spans (push under the reconcile that published the
// version, NACKs as errors), and `aimesh-operator status` (states, table, JSON, errors).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { age, renderStatus, runStatus, syncState, table } from '../../../operator/cli/status.ts';
import { parseOptions } from '../../../operator/options.ts';
import type { Connection, SidecarRow } from '../../../operator/push/hub.ts';
import { OperatorTracing } from '../../../operator/telemetry/tracing.ts';
import type { Snapshot } from '../../../sidecar/snapshot/schema.ts';
import { startTracing, tracingOptionsFromEnv } from '../../../sidecar/telemetry/tracing.ts';

const V1 = 'a'.repeat(64);
const V2 = 'b'.repeat(64);

function tracer() {
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing(tracingOptionsFromEnv({ OTEL_TRACES_EXPORTER: 'otlp' }, 'aimesh-operator'), {
    exporter,
  })!;
  return { exporter, tracing, ops: new OperatorTracing(tracing) };
}

const conn = (over: Partial<Connection> = {}): Connection =>
  ({
    id: 1,
    namespace: 'team-a',
    pod: 'chat-1',
    podUid: 'uid',
    connectedAt: 0,
    key: 'k',
    workload: { namespace: 'team-a', name: 'chat', labels: {} },
    ...over,
  }) as unknown as Connection;

describe('operator spans', () => {
  it('puts each push under the reconcile that published its version; a NACK is an error', async () => {
    const { exporter, tracing, ops } = tracer();
    const r = ops.start({ firstTriggerAt: Date.now() - 30, triggers: 4 });
    r.published(new Map([['k', { version: V1 } as Snapshot]]), 2);
    r.end();
    r.end(); // idempotent
    const sent = Date.now() - 5;
    ops.pushed(conn(), V1, sent, Date.now());
    ops.pushed(conn({ pod: 'chat-2' }), V1, sent, Date.now(), 'snapshot rejected: bad provider');
    ops.pushed(conn({ pod: 'chat-3' }), V2, sent, Date.now()); // unknown origin: a root span
    await tracing.forceFlush();
    const spans = exporter.getFinishedSpans();
    const reconcile = spans.find((s) => s.name === 'reconcile')!;
    assert.equal(reconcile.attributes['aimesh.reconcile.triggers'], 4);
    assert.ok((reconcile.attributes['aimesh.reconcile.debounce_ms'] as number) >= 30);
    assert.equal(reconcile.attributes['aimesh.reconcile.problems'], 2);
    const pushes = spans.filter((s) => s.name === 'push snapshot');
    assert.equal(pushes.length, 3);
    const [ack, nack, orphan] = pushes;
    assert.equal(ack.kind, SpanKind.PRODUCER);
    assert.equal(ack.parentSpanContext?.spanId, reconcile.spanContext().spanId);
    assert.equal(ack.spanContext().traceId, reconcile.spanContext().traceId);
    assert.equal(ack.attributes['k8s.pod.name'], 'chat-1');
    assert.equal(ack.attributes['aimesh.workload'], 'chat');
    assert.equal(ack.attributes['aimesh.push.result'], 'ack');
    assert.equal(nack.status.code, SpanStatusCode.ERROR);
    assert.equal(nack.attributes['error.type'], 'nack');
    assert.equal(nack.status.message, 'snapshot rejected: bad provider');
    assert.equal(orphan.parentSpanContext, undefined);
    await tracing.shutdown();
  });

  it('marks a failed reconcile', async () => {
    const { exporter, tracing, ops } = tracer();
    const r = ops.start();
    r.end(new TypeError('boom'));
    await tracing.forceFlush();
    const [span] = exporter.getFinishedSpans();
    assert.equal(span.status.code, SpanStatusCode.ERROR);
    assert.equal(span.attributes['error.type'], 'TypeError');
  });

  it('costs nothing when tracing is off', () => {
    const ops = new OperatorTracing(undefined);
    assert.equal(ops.enabled, false);
    const r = ops.start();
    r.published(new Map(), 0);
    r.end();
    ops.pushed(conn(), V1, 0, 1);
  });
});

/** One clock for rows and renders: ages are exact, however slow the machine. */
const NOW = Date.now();
const row = (over: Partial<SidecarRow>): SidecarRow => ({
  namespace: 'team-a',
  pod: 'chat-1',
  connectedAt: new Date(NOW - 300_000).toISOString(),
  currentVersion: V1,
  sentVersion: V1,
  ackedVersion: V1,
  synced: true,
  ...over,
});

describe('aimesh-operator status', () => {
  it('classifies each sidecar', () => {
    assert.equal(syncState(row({})), 'SYNCED');
    assert.equal(
      syncState(row({ synced: false, ackedVersion: V2, nackVersion: V1, nackReason: 'x' })),
      'NACKED',
    );
    assert.equal(syncState(row({ synced: false, ackedVersion: V2 })), 'SENT');
    assert.equal(syncState(row({ synced: false, ackedVersion: V2, sentVersion: V2 })), 'STALE');
    assert.equal(syncState(row({ synced: false, currentVersion: null })), 'NO SNAPSHOT');
  });

  it('renders a table like istioctl proxy-status, sorted, with the last NACK reason', () => {
    const now = NOW;
    const text = renderStatus(
      [
        {
          replica: 'op-0',
          leader: true,
          sidecars: [
            row({ namespace: 'team-b', pod: 'rag-7', workload: 'rag' }),
            row({
              pod: 'chat-2',
              workload: 'chat',
              synced: false,
              ackedVersion: V2,
              nackVersion: V1,
              nackReason: 'snapshot\nrejected:  unknown provider',
            }),
          ],
        },
      ],
      now,
    );
    const lines = text.trimEnd().split('\n');
    assert.match(
      lines[0],
      /^NAMESPACE\s+POD\s+WORKLOAD\s+VERSION\s+STATUS\s+CURRENT\s+REPLICA\s+AGE\s+LAST NACK$/,
    );
    assert.match(
      lines[1],
      /^team-a\s+chat-2\s+chat\s+bbbbbbbbbbbb\s+NACKED\s+aaaaaaaaaaaa\s+op-0\s+5m\s+aaaaaaaaaaaa: snapshot rejected: unknown provider$/,
    );
    assert.match(lines[2], /^team-b\s+rag-7\s+rag\s+aaaaaaaaaaaa\s+SYNCED\s+op-0\s+5m$/);
    assert.equal(lines.at(-1), '2 sidecar(s) connected to op-0 (leader); 1 synced');
    assert.equal(renderStatus([{ replica: 'op-1', sidecars: [] }]), 'No sidecars connected to op-1.\n');
  });

  it('formats ages and aligns columns', () => {
    const now = Date.parse('2026-01-02T00:00:00Z');
    assert.equal(age('2026-01-01T23:59:30Z', now), '30s');
    assert.equal(age('2026-01-01T23:00:00Z', now), '60m');
    assert.equal(age('2026-01-01T00:00:00Z', now), '24h');
    assert.equal(age('2025-12-20T00:00:00Z', now), '13d');
    assert.equal(table(['A', 'BB'], [['xxx', 'y']]), 'A     BB\nxxx   y');
  });

  it('merges replicas, prints JSON, and fails with a hint when an operator is unreachable', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
    const fake = (async (url: string) => {
      if (url.startsWith('http://a'))
        return Response.json({ replica: 'op-a', leader: true, sidecars: [row({})] });
      if (url.startsWith('http://b')) return Response.json([row({ pod: 'chat-9' })]);
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    }) as typeof fetch;
    const code = await runStatus(
      { command: 'status', urls: ['http://a:15011', 'http://b:15011/'], output: 'json', timeoutMs: 1000 },
      io,
      fake,
    );
    assert.equal(code, 0);
    const json = JSON.parse(out.join(''));
    assert.deepEqual(
      json.sidecars.map((s: { pod: string; replica?: string; state: string }) => [s.pod, s.replica, s.state]),
      [
        ['chat-1', 'op-a', 'SYNCED'],
        ['chat-9', undefined, 'SYNCED'],
      ],
    );
    const failed = await runStatus(
      { command: 'status', urls: ['http://c:15011'], output: 'table', timeoutMs: 1000 },
      io,
      fake,
    );
    assert.equal(failed, 1);
    assert.match(err.join(''), /ECONNREFUSED.*port-forward deploy\/aimesh-operator 15011/);
  });

  it('parses its options: repeated --operator-admin, AIMESH_OPERATOR_ADMIN, -o', () => {
    assert.deepEqual(parseOptions(['status'], {}), {
      command: 'status',
      urls: ['http://127.0.0.1:15011'],
      output: 'table',
      timeoutMs: 5000,
    });
    assert.deepEqual(
      parseOptions(
        ['status', '--operator-admin', 'http://a:1', '--operator-admin', 'http://b:2', '-o', 'json'],
        {},
      ),
      { command: 'status', urls: ['http://a:1', 'http://b:2'], output: 'json', timeoutMs: 5000 },
    );
    assert.deepEqual(
      (parseOptions(['status'], { AIMESH_OPERATOR_ADMIN: 'http://x:1,http://y:2' }) as any).urls,
      ['http://x:1', 'http://y:2'],
    );
    assert.throws(() => parseOptions(['status', '-o', 'yaml'], {}), /-o must be table or json/);
    assert.throws(() => parseOptions(['status', '--operator-admin', 'localhost:15011'], {}), /http\(s\) URL/);
  });

  it('reads OTEL_* for `run`', () => {
    const opts = parseOptions(['run'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318',
      POD_NAMESPACE: 'x',
    });
    assert.equal(opts.command, 'run');
    if (opts.command !== 'run') return;
    assert.equal(opts.tracing?.enabled, true);
    assert.equal(opts.tracing?.serviceName, 'aimesh-operator');
    assert.throws(() => parseOptions(['run'], { OTEL_TRACES_SAMPLER: 'nope' }), /OTEL_TRACES_SAMPLER/);
  });
});
