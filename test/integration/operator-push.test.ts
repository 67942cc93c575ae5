// Config push, end to end: a real sidecar process, holding a token minted with the TokenRequest
// API for its Pod, connects to the real operator, gets exactly its workload's snapshot (with the
// credentials of the providers its routes use) and serves a request through the test upstream.
// A kubectl apply reaches it within a second; foreign tokens are refused; with the operator gone
// it keeps serving (and restarts) from its last-known-good snapshot, and resyncs when it returns.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:http2';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dump } from 'js-yaml';
import type { Cluster } from '../support/cluster.ts';
import {
  createPod,
  mintToken,
  operatorCA,
  type PushSidecar,
  type RunningOperator,
  startOperator,
} from '../support/operator.ts';
import { tempDir, waitFor } from '../support/procs.ts';
import type { Upstream } from '../support/upstream.ts';
import {
  chatRoute,
  chatVia,
  kubectlApply,
  openAIProvider,
  operatorStage,
  startPodSidecar,
} from '../support/workload.ts';

const API_KEY = 'sk-push-test-0123456789';

describe('config push to sidecars', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let system: string;
  let op: RunningOperator;
  let upstream: Upstream;
  let ns: string;
  let platform: string;
  let ca: string;
  let sidecar: PushSidecar;
  let pod: { name: string; uid: string };

  const route = (attempts: number) => chatRoute(ns, { attempts, app: 'chat', rule: 'all' });
  const chat = (content: string) => chatVia(sidecar, 'gpt-4o-mini', content);
  const row = async (operator = op) => (await operator.sidecars()).sidecars.find((s) => s.pod === pod.name);

  before(async () => {
    ({ cluster, system, ns, upstream } = await operatorStage(API_KEY));
    platform = await cluster.newNamespace('platform');
    const endpoint = `${upstream.url}/v1`;
    await kubectlApply(cluster, [
      ...openAIProvider({ namespace: ns, endpoint, apiKey: API_KEY, models: ['gpt-4o-mini'] }),
      route(1),
      // A platform provider that only serves its own namespace, and a route that tries it anyway.
      ...openAIProvider({
        namespace: platform,
        name: 'restricted',
        endpoint,
        apiKey: 'sk-restricted-never-leaves',
        spec: { allowedNamespaces: { from: 'Same' } },
      }),
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIRoute',
        metadata: { name: 'forbidden', namespace: ns },
        spec: { rules: [{ backends: [{ providerRef: { name: 'restricted', namespace: platform } }] }] },
      },
    ]);
    op = await startOperator(cluster, { namespace: system });
    ca = await operatorCA(cluster, system);
    ({ pod, sidecar } = await startPodSidecar(cluster, ns, 'chat-1', {
      operatorUrl: op.pushUrl,
      ca,
      labels: { app: 'chat' },
    }));
  });

  after(async () => {
    await sidecar?.stop();
    await op?.stop();
    await upstream?.close();
  });

  it('connects with its pod-bound token, gets its workload snapshot and serves a request', async () => {
    const synced = await waitFor(
      'sidecar synced',
      async () => ((await row())?.synced ? await row() : undefined),
      {
        timeoutMs: 20_000,
        onTimeout: () => `${op.logs(40)}\n--- sidecar\n${sidecar.logs(40)}`,
      },
    );
    assert.equal(synced.namespace, ns);
    await sidecar.waitForVersion(synced.currentVersion!);

    const res = await chat('hello through the mesh');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.body.choices[0].message.content, /mesh/);
    // The credential came from the Secret, through the snapshot, to the upstream.
    assert.equal(upstream.lastRequest()?.headers.authorization, `Bearer ${API_KEY}`);

    // The leader reports the rollout in the route's status.
    await waitFor('route status counts the sidecar', async () => {
      const r = (await cluster.request('GET', `/apis/aimesh.io/v1alpha1/namespaces/${ns}/airoutes/chat`))
        .body;
      return (
        r.status?.sidecars?.connected === 1 &&
        r.status.sidecars.current === 1 &&
        r.status.version === synced.currentVersion!.slice(0, 12)
      );
    });
  });

  it('leaves a route to a provider that refuses the namespace out of the snapshot, and says why', async () => {
    const config = (await (await fetch(`${sidecar.adminUrl}/debug/config`)).json()) as any;
    assert.deepEqual(
      config.routes.map((r: { id: string }) => r.id),
      [`${ns}/chat`],
    );
    assert.deepEqual(
      config.providers.map((p: { id: string }) => p.id),
      [`${ns}/local`],
      'only the credentials of providers its routes use',
    );
    const forbidden = (
      await cluster.request('GET', `/apis/aimesh.io/v1alpha1/namespaces/${ns}/airoutes/forbidden`)
    ).body;
    const refs = forbidden.status.conditions.find((c: { type: string }) => c.type === 'ResolvedRefs');
    assert.equal(refs.status, 'False');
    assert.equal(refs.reason, 'NotAllowedByProvider');
  });

  it('delivers a kubectl apply to the sidecar, ACKed, within one second', async (t) => {
    const latencies: number[] = [];
    for (let attempts = 2; attempts <= 6; attempts++) {
      const before = (await row())!.ackedVersion;
      const started = performance.now();
      await kubectlApply(cluster, [route(attempts)]);
      const acked = await waitFor(
        'new version ACKed',
        async () => {
          const r = await row();
          return r?.synced && r.ackedVersion !== before ? r : undefined;
        },
        { timeoutMs: 5000, intervalMs: 10 },
      );
      latencies.push(performance.now() - started);
      assert.equal(await sidecar.version(), acked.ackedVersion);
    }
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)]!;
    const worst = latencies.at(-1)!;
    t.diagnostic(
      `kubectl apply -> ACK: median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms (includes kubectl)`,
    );
    const propagation = await op.metric('aimesh_operator_config_propagation_seconds_sum');
    const count = await op.metric('aimesh_operator_config_propagation_seconds_count');
    t.diagnostic(
      `operator-side change -> ACK: mean ${((propagation / count) * 1000).toFixed(0)} ms over ${count}`,
    );
    // The operator's part (watch event -> compile -> push -> ACK) is what the promise is about;
    // the kubectl process itself takes ~1 s to start on a loaded 2-core machine.
    assert.ok(count >= 5, `${count} propagations measured`);
    assert.ok(
      propagation / count < 1,
      `operator-side change to ACK took ${((propagation / count) * 1000).toFixed(0)} ms on average`,
    );
  });

  it('takes a deleted route out of the sidecar snapshot', async () => {
    const routeIds = async () =>
      (
        (await (await fetch(`${sidecar.adminUrl}/debug/config`)).json()) as { routes: { id: string }[] }
      ).routes.map((r) => r.id);
    await kubectlApply(cluster, [
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIRoute',
        metadata: { name: 'extra', namespace: ns },
        spec: { rules: [{ backends: [{ providerRef: { name: 'local' } }] }] },
      },
    ]);
    await waitFor('the new route reaches the sidecar', async () =>
      (await routeIds()).includes(`${ns}/extra`),
    );
    const deleted = await cluster.kubectl(['delete', 'airoute', 'extra', '-n', ns]);
    assert.equal(deleted.code, 0, deleted.stderr);
    await waitFor(
      'the deleted route leaves the sidecar',
      async () => !(await routeIds()).includes(`${ns}/extra`),
      {
        timeoutMs: 5000,
      },
    );
  });

  it('refuses tokens of other namespaces, tokens without a pod, and no token', async () => {
    const other = await cluster.newNamespace('other');
    const otherPod = await createPod(cluster, other, 'intruder', { sidecar: true });
    const foreign = await mintToken(cluster, other, { pod: otherPod });
    const foreignStream = await openStream(op.pushUrl, ca, foreign, ns);
    assert.equal(foreignStream.status, 403);
    assert.match(foreignStream.body, new RegExp(`belongs to namespace ${other}`));

    const unbound = await openStream(op.pushUrl, ca, await mintToken(cluster, ns), ns);
    assert.equal(unbound.status, 403);
    assert.match(unbound.body, /not bound to a pod/);

    assert.equal((await openStream(op.pushUrl, ca, undefined, ns)).status, 401);
    assert.equal((await openStream(op.pushUrl, ca, 'not-a-token', ns)).status, 401);
    const wrongAudience = await mintToken(cluster, ns, { pod, audience: 'someone-else' });
    assert.equal((await openStream(op.pushUrl, ca, wrongAudience, ns)).status, 401);

    // The intruder's own namespace is fine: it gets its own (empty) snapshot, nothing of ours.
    const own = await openStream(op.pushUrl, ca, foreign, other);
    assert.equal(own.status, 200);
    const first = JSON.parse(own.body.split('\n')[0]!);
    assert.equal(first.snapshot.workload.namespace, other);
    assert.deepEqual(first.snapshot.providers, []);
  });

  it('refuses an aimesh token a namespace editor binds to an uninjected pod, and serves an injected one', async () => {
    // A user holding only the built-in edit role in the team namespace (it may create pods and
    // tokens there, and cannot read the platform's Secrets).
    const user = cluster.ca.issue({ commonName: 'editor-alice', usage: 'client' });
    const binding = await cluster.request(
      'POST',
      `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'alice-edit' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'editor-alice' }],
      },
    );
    assert.equal(binding.status, 201, binding.text);
    const dir = tempDir('aimesh-editor');
    const kubeconfig = join(dir.path, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      dump({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: 't',
            cluster: {
              server: cluster.server,
              'certificate-authority-data': Buffer.from(cluster.ca.cert).toString('base64'),
            },
          },
        ],
        users: [
          {
            name: 'alice',
            user: {
              'client-certificate-data': Buffer.from(user.cert).toString('base64'),
              'client-key-data': Buffer.from(user.key).toString('base64'),
            },
          },
        ],
        contexts: [{ name: 't', context: { cluster: 't', user: 'alice', namespace: ns } }],
        'current-context': 't',
      }),
      { mode: 0o600 },
    );
    const asAlice = async (args: string[]) => {
      const r = await cluster.kubectl(['--kubeconfig', kubeconfig, ...args]);
      assert.equal(r.code, 0, r.stderr);
      return r.stdout.trim();
    };
    const aliceToken = (podName: string) =>
      asAlice([
        'create',
        'token',
        'default',
        '--audience',
        'aimesh',
        '--bound-object-kind',
        'Pod',
        '--bound-object-name',
        podName,
      ]);

    const plain = await createPod(cluster, ns, 'plain-app', {
      labels: { app: 'chat', 'aimesh.io/injected': 'true' },
    });
    const refused = await openStream(op.pushUrl, ca, await aliceToken(plain.name), ns);
    assert.equal(refused.status, 403);
    assert.match(refused.body, /may not receive a snapshot: the pod has no aimesh-sidecar container/);
    assert.doesNotMatch(refused.body, new RegExp(API_KEY));

    const injected = await createPod(cluster, ns, 'injected-app', { labels: { app: 'chat' }, sidecar: true });
    const served = await openStream(op.pushUrl, ca, await aliceToken(injected.name), ns);
    assert.equal(served.status, 200, served.body);
    const first = JSON.parse(served.body.split('\n')[0]!);
    assert.deepEqual(
      first.snapshot.providers.map((p: { id: string }) => p.id),
      [`${ns}/local`],
    );
    assert.ok((await op.metric('aimesh_operator_push_streams_refused_total', { status: '403' })) >= 1);
    dir.remove();
  });

  it('serves from its last-known-good snapshot while the operator is down, and resyncs when it is back', async () => {
    const last = (await row())!.ackedVersion!;
    const ports = op.ports;
    await op.kill();

    // Still serving from memory...
    assert.equal((await chat('operator is gone')).status, 200);
    // ...and after a restart, from the last-known-good file.
    await sidecar.stop();
    sidecar = await sidecar.restart();
    await sidecar.waitForVersion(last, 15_000);
    // Log lines reach stdout in batches (up to 50 ms later).
    await waitFor(
      'the last-known-good log line',
      () => /serving the last-known-good snapshot/.test(sidecar.logs()),
      {
        timeoutMs: 5_000,
        onTimeout: () => sidecar.logs(30),
      },
    );
    assert.equal((await chat('restarted without an operator')).status, 200);

    // A change made meanwhile arrives once the operator is back.
    await kubectlApply(cluster, [route(9)]);
    op = await startOperator(cluster, { namespace: system, ports });
    const resynced = await waitFor(
      'resynced after the operator returned',
      async () => {
        const r = await row();
        return r?.synced && r.ackedVersion !== last ? r : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 100, onTimeout: () => sidecar.logs(30) },
    );
    await sidecar.waitForVersion(resynced.ackedVersion!);
    assert.equal((await chat('back in sync')).status, 200);
  });

  it('needed no permission beyond operator/kube/rbac.ts', () => {
    assert.doesNotMatch(op.logs(100_000), /forbidden/i);
  });
});

/** Opens a push stream by hand; for 200 returns the first message, else the error body. */
function openStream(
  url: string,
  ca: string,
  token: string | undefined,
  namespace: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const session = connect(url, { ca });
    session.on('error', reject);
    const req = session.request(
      {
        ':method': 'POST',
        ':path': `/v1/snapshots/stream?namespace=${namespace}`,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      { endStream: false },
    );
    let status = 0;
    let body = '';
    const done = () => {
      session.destroy();
      resolve({ status, body });
    };
    req.on('response', (h) => {
      status = Number(h[':status']);
    });
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (status === 200 && body.includes('\n')) done();
    });
    req.on('end', done);
    req.on('error', reject);
  });
}
