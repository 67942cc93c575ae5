// The operator's side of observability, end to end: a real operator (real kube-apiserver) pushes
// to a real sidecar; Jaeger shows each reconcile and, under it, the push of its snapshot to the
// pod until the ACK; `aimesh-operator status` lists the sidecar with its acknowledged version,
// like `istioctl proxy-status`; a kubectl apply shows up as a new reconcile and a new push.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { type Cluster, sharedCluster } from '../support/cluster.ts';
import { type Jaeger, type Span, startJaeger } from '../support/jaeger.ts';
import { operatorCA, type PushSidecar, type RunningOperator, startOperator } from '../support/operator.ts';
import { waitFor } from '../support/procs.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';
import { chatRoute, kubectlApply, openAIProvider, startPodSidecar } from '../support/workload.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const API_KEY = 'sk-operator-telemetry-key';

/** Children started meanwhile inherit these (the harness passes process.env through). */
async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('telemetry: operator traces and aimesh-operator status', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let jaeger: Jaeger;
  let upstream: Upstream;
  let op: RunningOperator;
  let sidecar: PushSidecar;
  let ns: string;
  let pod: { name: string; uid: string };
  let version: string;

  const route = (attempts: number) => chatRoute(ns, { attempts, app: 'chat', rule: 'all' });
  const status = (...args: string[]) =>
    run(
      process.execPath,
      [join(ROOT, 'operator/main.ts'), 'status', '--operator-admin', op.adminUrl, ...args],
      {
        cwd: ROOT,
      },
    );
  const pushSpans = async (v: string): Promise<Span[]> =>
    (await jaeger.spans({ service: 'aimesh-operator', name: 'push snapshot' })).filter(
      (s) => s.attributes['aimesh.snapshot.version'] === v && s.attributes['k8s.pod.name'] === pod.name,
    );

  before(async () => {
    [cluster, jaeger, upstream] = await Promise.all([
      sharedCluster(),
      startJaeger(),
      startUpstream({ apiKeys: [API_KEY] }),
    ]);
    const system = await cluster.newNamespace('aimesh-system');
    ns = await cluster.newNamespace('team');
    await kubectlApply(cluster, [
      ...openAIProvider({
        namespace: ns,
        endpoint: `${upstream.url}/v1`,
        apiKey: API_KEY,
        models: ['gpt-4o-mini'],
      }),
      route(1),
    ]);
    await withEnv(
      { OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpHttpEndpoint, OTEL_BSP_SCHEDULE_DELAY: '100' },
      async () => {
        op = await startOperator(cluster, { namespace: system });
        const ca = await operatorCA(cluster, system);
        ({ pod, sidecar } = await startPodSidecar(cluster, ns, 'chat-1', {
          operatorUrl: op.pushUrl,
          ca,
          labels: { app: 'chat' },
        }));
      },
    );
    const row = await waitFor(
      'sidecar synced',
      async () => (await op.sidecars()).sidecars.find((s) => s.pod === pod.name && s.synced),
      { timeoutMs: 30_000, onTimeout: () => `${op.logs(40)}\n--- sidecar\n${sidecar.logs(40)}` },
    );
    version = row.currentVersion!;
  });

  after(async () => {
    await sidecar?.stop();
    await op?.stop();
    await upstream?.close();
    await jaeger?.stop();
  });

  it('traces the push of the sidecar’s snapshot, from send to ACK, under the reconcile that built it', async () => {
    const [push] = await waitFor('push span in Jaeger', async () => {
      const found = await pushSpans(version);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(push.kind, 'producer');
    assert.equal(push.attributes['aimesh.push.result'], 'ack');
    assert.equal(push.attributes['k8s.namespace.name'], ns);
    const spans = await jaeger.waitForSpans({ traceId: push.traceId, min: 2 });
    const reconcile = spans.find((s) => s.spanId === push.parentSpanId);
    assert.ok(reconcile, 'the push hangs under a span of its trace');
    assert.equal(reconcile.name, 'reconcile');
    assert.equal(reconcile.service, 'aimesh-operator');
    assert.ok((reconcile.attributes['aimesh.reconcile.workloads'] as number) >= 1);
    assert.ok(push.startTime >= reconcile.startTime);
  });

  it('a kubectl apply becomes a new reconcile and a new push, ACKed', async () => {
    await kubectlApply(cluster, [route(3)]);
    const row = await waitFor(
      'new version ACKed',
      async () =>
        (await op.sidecars()).sidecars.find(
          (s) => s.pod === pod.name && s.synced && s.ackedVersion !== version,
        ),
      { timeoutMs: 10_000 },
    );
    const [push] = await waitFor('push span of the new version', async () => {
      const found = await pushSpans(row.ackedVersion!);
      return found.length > 0 ? found : undefined;
    });
    const [reconcile] = (await jaeger.waitForSpans({ traceId: push.traceId })).filter(
      (s) => s.name === 'reconcile',
    );
    assert.ok(reconcile, 'a reconcile span in the same trace');
    assert.ok((reconcile.attributes['aimesh.reconcile.triggers'] as number) >= 1);
    version = row.ackedVersion!;
    assert.equal(await op.metric('aimesh_operator_tracing_spans_dropped_total'), 0);
  });

  it('aimesh-operator status lists the sidecar: namespace, pod, short version, SYNCED', async () => {
    const { stdout } = await status();
    const lines = stdout.split('\n');
    assert.match(lines[0], /^NAMESPACE\s+POD\s+WORKLOAD\s+VERSION\s+STATUS/);
    const line = lines.find((l) => l.includes(pod.name));
    assert.ok(line, stdout);
    const cells = line.split(/\s{3,}/);
    assert.equal(cells[0], ns);
    assert.equal(cells[1], pod.name);
    assert.equal(cells[3], version.slice(0, 12));
    assert.equal(cells[4], 'SYNCED');
    assert.match(stdout, /1 sidecar\(s\) connected to .*\(leader\); 1 synced/);

    const json = JSON.parse((await status('-o', 'json')).stdout);
    const mine = json.sidecars.find((s: { pod: string }) => s.pod === pod.name);
    assert.equal(mine.state, 'SYNCED');
    assert.equal(mine.ackedVersion, version);
  });

  it('says how to reach the operator when it cannot', async () => {
    const r = await run(
      process.execPath,
      [join(ROOT, 'operator/main.ts'), 'status', '--operator-admin', 'http://127.0.0.1:9', '--timeout', '2s'],
      { cwd: ROOT },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cannot reach the operator admin port .*port-forward/);
  });
});
