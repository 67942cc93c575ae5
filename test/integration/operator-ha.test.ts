// High availability: several operator replicas serve push streams, one Lease-elected leader
// writes status. Killing the leader (SIGKILL: no goodbye) moves leadership after the lease
// expires; stopping it (SIGTERM) releases the lease, so the move is immediate.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Cluster, sharedCluster } from '../support/cluster.ts';
import {
  createPod,
  mintToken,
  operatorCA,
  type PushSidecar,
  type RunningOperator,
  startOperator,
  startPushSidecar,
} from '../support/operator.ts';
import { waitFor } from '../support/procs.ts';

const TIMING = ['--lease-duration', '4s', '--renew-deadline', '3s', '--retry-period', '500ms'];

describe('operator replicas and leader election', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let system: string;
  let ns: string;
  const replicas: RunningOperator[] = [];
  let sidecar: PushSidecar | undefined;

  const holder = async () =>
    (await cluster.request('GET', `/apis/coordination.k8s.io/v1/namespaces/${system}/leases/aimesh-operator`))
      .body?.spec?.holderIdentity as string | undefined;
  const leaders = async (ops: RunningOperator[]) => {
    const flags = await Promise.all(
      ops.map(async (o) => ((await o.sidecars().catch(() => undefined))?.leader ? o : undefined)),
    );
    return flags.filter((o): o is RunningOperator => o !== undefined);
  };
  const oneLeader = (ops: RunningOperator[], timeoutMs = 20_000) =>
    waitFor(
      'exactly one leader',
      async () => {
        const l = await leaders(ops);
        return l.length === 1 && (await holder()) === l[0]!.identity ? l[0] : undefined;
      },
      { timeoutMs, intervalMs: 100 },
    );
  const route = (attempts: number) => ({
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIRoute',
    metadata: { name: 'chat', namespace: ns },
    spec: { retries: { attempts }, rules: [{ backends: [{ providerRef: { name: 'local' } }] }] },
  });
  const apply = async (objects: unknown[]) => {
    const r = await cluster.kubectl(['apply', '-f', '-'], {
      input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }),
    });
    assert.equal(r.code, 0, r.stderr);
  };
  const routeStatus = async () =>
    (await cluster.request('GET', `/apis/aimesh.io/v1alpha1/namespaces/${ns}/airoutes/chat`)).body;

  before(async () => {
    cluster = await sharedCluster();
    system = await cluster.newNamespace('aimesh-system');
    ns = await cluster.newNamespace('team');
    await apply([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'key', namespace: ns },
        stringData: { apiKey: 'sk-ha' },
      },
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIProvider',
        metadata: { name: 'local', namespace: ns },
        spec: {
          type: 'openai',
          endpoint: 'http://127.0.0.1:9/v1',
          auth: { secretRef: { name: 'key' } },
          models: [],
        },
      },
      route(1),
    ]);
    for (const id of ['replica-a', 'replica-b'])
      replicas.push(await startOperator(cluster, { namespace: system, identity: id, args: TIMING }));
  });

  after(async () => {
    await sidecar?.stop();
    await Promise.all(replicas.map((r) => r.stop()));
  });

  it('elects one leader, and only the leader writes status', async () => {
    const leader = await oneLeader(replicas);
    const follower = replicas.find((r) => r !== leader)!;
    await waitFor('route accepted', async () => (await routeStatus()).status?.observedGeneration === 1);
    assert.ok((await leader.metric('aimesh_operator_status_writes_total')) > 0);
    assert.equal(await follower.metric('aimesh_operator_status_writes_total'), 0);
    assert.equal(await leader.metric('aimesh_operator_leader'), 1);
    assert.equal(await follower.metric('aimesh_operator_leader'), 0);
  });

  it('counts sidecars connected to any replica in the leader-written status', async () => {
    const leader = await oneLeader(replicas);
    const follower = replicas.find((r) => r !== leader)!;
    const pod = await createPod(cluster, ns, 'chat-1');
    sidecar = await startPushSidecar({
      operatorUrl: follower.pushUrl,
      ca: await operatorCA(cluster, system),
      token: await mintToken(cluster, ns, { pod }),
    });
    const status = await waitFor(
      'status.sidecars from the follower report',
      async () => {
        const s = (await routeStatus()).status;
        return s?.sidecars?.connected === 1 && s.sidecars.current === 1 ? s : undefined;
      },
      { timeoutMs: 20_000, onTimeout: () => follower.logs(20) },
    );
    assert.equal(status.version.length, 12);
    assert.equal((await follower.sidecars()).sidecars.length, 1);
    assert.equal((await leader.sidecars()).sidecars.length, 0);
    assert.equal(await follower.metric('aimesh_operator_status_writes_total'), 0);
  });

  it('moves leadership when the leader is killed, and the new leader writes status', async (t) => {
    const leader = await oneLeader(replicas);
    const survivor = replicas.find((r) => r !== leader)!;
    const started = performance.now();
    await leader.kill();
    replicas.splice(replicas.indexOf(leader), 1);
    const next = await oneLeader(replicas, 20_000);
    const took = performance.now() - started;
    t.diagnostic(`takeover after SIGKILL: ${took.toFixed(0)} ms (lease duration 4 s)`);
    assert.equal(next, survivor);
    assert.ok(took >= 3000, 'not before the lease could have expired');

    await apply([route(3)]);
    await waitFor(
      'the new leader writes status',
      async () => (await routeStatus()).status?.observedGeneration === 2,
      {
        timeoutMs: 15_000,
      },
    );
    assert.ok((await survivor.metric('aimesh_operator_status_writes_total')) > 0);
  });

  it('hands leadership over at once when the leader stops (SIGTERM releases the lease)', async (t) => {
    replicas.push(await startOperator(cluster, { namespace: system, identity: 'replica-c', args: TIMING }));
    const leader = await oneLeader(replicas);
    const started = performance.now();
    await leader.stop();
    replicas.splice(replicas.indexOf(leader), 1);
    const next = await oneLeader(replicas, 10_000);
    const took = performance.now() - started;
    t.diagnostic(`takeover after SIGTERM: ${took.toFixed(0)} ms`);
    assert.equal(next.identity, 'replica-c');
    assert.ok(took < 3000, `released lease taken over in ${took.toFixed(0)} ms`);
  });

  it('needed no permission beyond operator/rbac.ts', () => {
    for (const r of replicas) assert.doesNotMatch(r.logs(100_000), /forbidden/i);
  });
});
