// A snapshot the sidecars refuse shows on the resource: the real operator pushes a route's
// snapshot to a real sidecar that cannot take it (here: larger than its --max-snapshot-size), the
// sidecar NACKs and keeps its last good config, and the AIRoute says so - Programmed=False with
// reason SnapshotRefused and the sidecar's reason, plus a Warning Event - instead of
// Programmed=True while config is frozen. When no sidecar refuses any more, it heals.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Cluster } from '../support/cluster.ts';
import { operatorCA, type PushSidecar, type RunningOperator, startOperator } from '../support/operator.ts';
import { waitFor } from '../support/procs.ts';
import type { Upstream } from '../support/upstream.ts';
import {
  chatRoute,
  kubectlApply,
  openAIProvider,
  operatorStage,
  startPodSidecar,
} from '../support/workload.ts';

const API_KEY = 'sk-nack-test-0123456789';

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
}

describe('a NACK from connected sidecars shows on the resource', { timeout: 240_000 }, () => {
  let cluster: Cluster;
  let op: RunningOperator;
  let upstream: Upstream;
  let ns: string;
  let sidecar: PushSidecar | undefined;

  const programmed = async () => {
    const route = (await cluster.request('GET', `/apis/aimesh.io/v1alpha1/namespaces/${ns}/airoutes/chat`))
      .body;
    return (route?.status?.conditions ?? []).find((c: Condition) => c.type === 'Programmed') as
      | Condition
      | undefined;
  };
  const events = async () =>
    (await cluster.request('GET', `/apis/events.k8s.io/v1/namespaces/${ns}/events`)).body.items.filter(
      (e: any) =>
        e.regarding?.kind === 'AIRoute' &&
        e.regarding?.name === 'chat' &&
        e.reportingController === 'aimesh.io/operator',
    ) as { reason: string; note: string; type: string }[];

  before(async () => {
    let system: string;
    ({ cluster, system, ns, upstream } = await operatorStage(API_KEY));
    await kubectlApply(cluster, [
      ...openAIProvider({ namespace: ns, endpoint: `${upstream.url}/v1`, apiKey: API_KEY }),
      chatRoute(ns),
    ]);
    op = await startOperator(cluster, { namespace: system });
    const ca = await operatorCA(cluster, system);
    ({ sidecar } = await startPodSidecar(cluster, ns, 'chat-1', {
      operatorUrl: op.pushUrl,
      ca,
      // Every snapshot is larger than this: the sidecar refuses each one.
      args: ['--max-snapshot-size', '256'],
    }));
  });

  after(async () => {
    await sidecar?.stop();
    await op?.stop();
    await upstream?.close();
  });

  it('sets Programmed=False (SnapshotRefused) with the sidecar reason, and a Warning Event', async () => {
    const c = await waitFor(
      'AIRoute chat Programmed=False',
      async () => {
        const p = await programmed();
        return p?.status === 'False' ? p : undefined;
      },
      { timeoutMs: 30_000, onTimeout: () => `${op.logs(30)}\n--- sidecar\n${sidecar?.logs(30)}` },
    );
    assert.equal(c.reason, 'SnapshotRefused');
    assert.match(c.message, /^1 of 1 connected sidecars refused snapshot [0-9a-f]{12} and keep serving/);
    assert.match(c.message, /above this sidecar's --max-snapshot-size of 256 bytes/);
    assert.ok(!c.message.includes(API_KEY));

    const warning = await waitFor('a SnapshotRefused Warning Event', async () =>
      (await events()).find((e) => e.reason === 'SnapshotRefused'),
    );
    assert.equal(warning.type, 'Warning');
    assert.match(warning.note, /refused snapshot/);
  });

  it('heals once no connected sidecar refuses it, with a Normal Event', async () => {
    await sidecar?.stop();
    sidecar = undefined;
    const c = await waitFor(
      'AIRoute chat Programmed=True',
      async () => {
        const p = await programmed();
        return p?.status === 'True' ? p : undefined;
      },
      { timeoutMs: 30_000, onTimeout: () => op.logs(30) },
    );
    assert.equal(c.reason, 'Programmed');
    await waitFor('a Normal Event for the recovery', async () =>
      (await events()).find((e) => e.type === 'Normal' && e.reason === 'Programmed'),
    );
  });
});
