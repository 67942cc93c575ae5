// The operator's CA over a sidecar's life, against the real apiserver with a real sidecar process
// that is never restarted: a reinstall (`helm uninstall` garbage-collects the serving Secret and
// the Lease; a new operator starts) keeps the CA, so the sidecar reconnects and gets new config; a
// CA rotation publishes the next CA (the sidecar re-reads the bundle) before it signs, so the
// sidecar follows; and when the CA is lost for good, the sidecar says so (log and /readyz) while
// it keeps serving its last-known-good config.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCA } from '../../operator/webhook/certs.ts';
import type { Cluster } from '../support/cluster.ts';
import { type PushSidecar, type RunningOperator, startOperator } from '../support/operator.ts';
import { waitFor } from '../support/procs.ts';
import type { Upstream } from '../support/upstream.ts';
import {
  chatRoute,
  chatVia,
  kubectlApply,
  openAIProvider,
  operatorStage,
  startPodSidecar,
} from '../support/workload.ts';

const API_KEY = 'sk-ca-test-0123456789';
const DAY = 86_400_000;
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('operator CA: reinstall and rotation never strand a running sidecar', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let system: string;
  let ns: string;
  let upstream: Upstream;
  let op: RunningOperator;
  let sidecar: PushSidecar;
  let oldCA: { cert: string; key: string };
  let attempts = 1;

  const secretPath = (name: string) => `/api/v1/namespaces/${system}/secrets/${name}`;
  const caSecret = async () => (await cluster.request('GET', secretPath('aimesh-operator-tls-ca'))).body;
  const pemOf = (data: string | undefined) => Buffer.from(data ?? '', 'base64').toString();

  /** A config change reaches the running sidecar: it was sent, applied and ACKed. */
  async function deliversNewConfig() {
    const before = await sidecar.version();
    await kubectlApply(cluster, [chatRoute(ns, { attempts: ++attempts })]);
    const row = await waitFor(
      'the sidecar ACKs a new version',
      async () => {
        const r = (await op.sidecars()).sidecars.find((s) => s.namespace === ns);
        return r?.synced && r.ackedVersion !== before ? r : undefined;
      },
      {
        timeoutMs: 45_000,
        intervalMs: 100,
        onTimeout: () => `${sidecar.logs(30)}\n--- operator\n${op.logs(30)}`,
      },
    );
    await sidecar.waitForVersion(row.ackedVersion!);
    assert.equal((await chatVia(sidecar, 'gpt-4o-mini', 'still here')).status, 200);
  }

  before(async () => {
    ({ cluster, system, ns, upstream } = await operatorStage(API_KEY));
    await kubectlApply(cluster, [
      ...openAIProvider({
        namespace: ns,
        endpoint: `${upstream.url}/v1`,
        apiKey: API_KEY,
        models: ['gpt-4o-mini'],
      }),
      chatRoute(ns, { attempts }),
    ]);
    // A CA made long ago: 100 days left, so the operator starts a rotation at once.
    oldCA = await createCA(new Date(Date.now() - 3550 * DAY), 3650);
    const created = await cluster.request('POST', `/api/v1/namespaces/${system}/secrets`, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'aimesh-operator-tls-ca' },
      data: { 'ca.crt': b64(oldCA.cert), 'ca.key': b64(oldCA.key), 'ca-bundle.crt': b64(oldCA.cert) },
    });
    assert.equal(created.status, 201, created.text);
    op = await startOperator(cluster, { namespace: system });
    // The pod was injected before the rotation: its spec trusts the old CA only.
    ({ sidecar } = await startPodSidecar(cluster, ns, 'chat-1', { operatorUrl: op.pushUrl, ca: oldCA.cert }));
    await deliversNewConfig();
  });

  after(async () => {
    await sidecar?.stop();
    await op?.stop();
    await upstream?.close();
  });

  it('publishes a next CA in the bundle while the old one still signs', async () => {
    const s = await caSecret();
    assert.equal(pemOf(s.data['ca.crt']).trim(), oldCA.cert.trim(), 'the old CA still signs');
    assert.ok(s.data['next-ca.crt'], 'a next CA is published');
    assert.ok(
      pemOf(s.data['ca-bundle.crt']).includes(pemOf(s.data['next-ca.crt']).trim()),
      'trusted ahead of signing',
    );
    const serving = (await cluster.request('GET', secretPath('aimesh-operator-tls'))).body;
    assert.deepEqual(
      Object.keys(serving.data).sort(),
      ['tls.crt', 'tls.key'],
      'no CA key in the serving Secret',
    );
  });

  it('survives uninstall + install: the serving Secret and Lease go, the CA stays, the sidecar reconnects', async () => {
    const ports = op.ports;
    await op.stop();
    // What helm uninstall leaves behind: the Lease and (garbage-collected with it) the serving Secret are gone.
    assert.equal((await cluster.request('DELETE', secretPath('aimesh-operator-tls'))).status, 200);
    await cluster.request(
      'DELETE',
      `/apis/coordination.k8s.io/v1/namespaces/${system}/leases/aimesh-operator`,
    );
    op = await startOperator(cluster, { namespace: system, ports });
    await deliversNewConfig();
  });

  it('rotates: after the overlap the next CA signs, and the sidecar, which re-read the bundle, follows', async () => {
    const s = await caSecret();
    const next = pemOf(s.data['next-ca.crt']);
    // 31 days pass (the overlap is 30).
    const aged = await cluster.request(
      'PATCH',
      secretPath('aimesh-operator-tls-ca'),
      {
        metadata: {
          annotations: { 'aimesh.io/next-ca-since': new Date(Date.now() - 31 * DAY).toISOString() },
        },
      },
      { 'content-type': 'application/merge-patch+json' },
    );
    assert.equal(aged.status, 200, aged.text);
    const ports = op.ports;
    await op.kill();
    op = await startOperator(cluster, { namespace: system, ports });
    const rotated = await caSecret();
    assert.equal(pemOf(rotated.data['ca.crt']).trim(), next.trim(), 'the next CA signs now');
    assert.equal(rotated.data['next-ca.crt'], undefined);
    await deliversNewConfig();
    assert.doesNotMatch(sidecar.logs(1000), /cannot verify the operator's certificate/);
  });

  it('when the CA is lost for good, the sidecar says so (log and /readyz) and keeps serving', async () => {
    const ports = op.ports;
    await op.kill();
    await cluster.request('DELETE', secretPath('aimesh-operator-tls'));
    await cluster.request('DELETE', secretPath('aimesh-operator-tls-ca'));
    op = await startOperator(cluster, { namespace: system, ports });
    const ready = await waitFor(
      '/readyz names the trust problem',
      async () => {
        const r = (await (await fetch(`${sidecar.adminUrl}/readyz`)).json()) as {
          operator?: { trustError?: string };
        };
        return r.operator?.trustError ? r : undefined;
      },
      { timeoutMs: 30_000, onTimeout: () => sidecar.logs(30) },
    );
    assert.match(ready.operator!.trustError!, /cannot verify the operator's certificate/);
    // Log lines reach stdout in batches (up to 50 ms later).
    await waitFor(
      'the error log line',
      () => /cannot verify the operator's certificate/.test(sidecar.logs(200)),
      {
        timeoutMs: 5000,
        onTimeout: () => sidecar.logs(30),
      },
    );
    assert.equal((await chatVia(sidecar, 'gpt-4o-mini', 'last-known-good')).status, 200);
  });
});
