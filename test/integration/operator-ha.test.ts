// High availability: several operator replicas serve push streams, one Lease-elected leader
// writes status and runs the quota service. A sidecar's quota leases go to whichever replica it is
// connected to; a follower relays them to the leader (the address the leader wrote on its Lease),
// which authenticates the sidecar's own token. Killing the leader (SIGKILL: no goodbye) moves
// leadership after the lease expires, and the new leader continues the counters from
// AIQuota.status; stopping it (SIGTERM) releases the lease, so the move is immediate.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Cluster } from '../support/cluster.ts';
import { operatorCA, type PushSidecar, type RunningOperator, startOperator } from '../support/operator.ts';
import { waitFor } from '../support/procs.ts';
import type { Upstream } from '../support/upstream.ts';
import {
  chatRoute,
  chatVia,
  kubectlApply,
  openAIProvider,
  operatorStage,
  sidecarReady,
  startPodSidecar,
} from '../support/workload.ts';

const TIMING = ['--lease-duration', '4s', '--renew-deadline', '3s', '--retry-period', '500ms'];
const API_KEY = 'sk-ha-0123456789';
/** Requests per hour on gpt-4o-mini: spent in full through a follower. */
const BUDGET = 20;

describe('operator replicas and leader election', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let system: string;
  let ns: string;
  const replicas: RunningOperator[] = [];
  let sidecar: PushSidecar | undefined;
  let pod: { name: string; uid: string };
  const sidecars: PushSidecar[] = [];
  let upstream: Upstream;
  let ca: string;
  const start = (identity: string) =>
    startOperator(cluster, {
      namespace: system,
      identity,
      args: [...TIMING, '--advertise-address', '127.0.0.1'],
    });

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
  const route = (attempts: number) => chatRoute(ns, { attempts });
  const routeStatus = async () =>
    (await cluster.request('GET', `/apis/aimesh.io/v1alpha1/namespaces/${ns}/airoutes/chat`)).body;
  const quota = (name: string, model: string, requests: number) => ({
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIQuota',
    metadata: { name, namespace: ns },
    spec: {
      limits: [{ name: 'requests-per-hour', requests, window: '1h', models: [model] }],
      enforcement: 'Enforce',
      failurePolicy: 'FailClosed',
    },
  });
  const chat = (s: PushSidecar, model: string) => chatVia(s, model, 'hi', 4);
  const debugQuotas = async (o: RunningOperator) =>
    (await (await fetch(`${o.adminUrl}/debug/quotas`)).json()) as any;
  const limitOf = (view: any, name: string) =>
    view.quotas?.find((q: any) => q.quota === `${ns}/${name}`)?.limits[0] as
      | { used: number; limit: number; outstanding: number; holders: { id: string; outstanding: number }[] }
      | undefined;
  const quotaStatus = async (name: string) =>
    (await cluster.request('GET', `/apis/aimesh.io/v1alpha1/namespaces/${ns}/aiquotas/${name}`)).body?.status
      ?.limits?.[0] as { used: number; limit: number } | undefined;
  /** A sidecar for a new pod, connected to one replica, once it has its snapshot and first leases. */
  const sidecarOn = async (o: RunningOperator, name: string) => {
    const started = await startPodSidecar(cluster, ns, name, { operatorUrl: o.pushUrl, ca });
    sidecars.push(started.sidecar);
    await sidecarReady(started.sidecar, o);
    return started;
  };

  before(async () => {
    ({ cluster, system, ns, upstream } = await operatorStage(API_KEY));
    await kubectlApply(cluster, [
      ...openAIProvider({ namespace: ns, secret: 'key', endpoint: `${upstream.url}/v1`, apiKey: API_KEY }),
      route(1),
      quota('budget', 'gpt-4o-mini', BUDGET),
      quota('roomy', 'gpt-4.1-mini', 1000),
    ]);
    for (const id of ['replica-a', 'replica-b']) replicas.push(await start(id));
    ca = await operatorCA(cluster, system);
  });

  after(async () => {
    await Promise.all([sidecar, ...sidecars].map((s) => s?.stop()));
    await Promise.all(replicas.map((r) => r.stop()));
    await upstream?.close();
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
    ({ pod, sidecar } = await startPodSidecar(cluster, ns, 'chat-1', { operatorUrl: follower.pushUrl, ca }));
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

  it('a sidecar connected to a follower gets its leases from the leader, and is denied at the budget', async () => {
    const leader = await oneLeader(replicas);
    const follower = replicas.find((r) => r !== leader)!;
    const s = sidecar!;
    await waitFor('sidecar ready', async () => (await s.version()) !== undefined);
    // Spend until the budget is refused for two seconds straight (a refusal while a top-up is on
    // its way is retried): every request the leader granted is spent, and no more.
    let admitted = 0;
    let denied: any;
    let refusedSince: number | undefined;
    for (let i = 0; i < 200 && (refusedSince === undefined || Date.now() - refusedSince < 2000); i++) {
      const r = await chat(s, 'gpt-4o-mini');
      if (r.status === 200) {
        admitted++;
        refusedSince = undefined;
        continue;
      }
      assert.equal(r.status, 429, `${JSON.stringify(r.body)}\n${s.logs(20)}`);
      assert.equal(r.body.error.code, 'quota_exceeded', JSON.stringify(r.body));
      denied = r;
      refusedSince ??= Date.now();
      await new Promise((res) => setTimeout(res, 200));
    }
    assert.equal(admitted, BUDGET, 'the budget, all of it and no more');
    assert.match(
      denied.body.error.message,
      new RegExp(`^quota ${ns}/budget limit requests-per-hour exhausted \\(${BUDGET} requests per 1h\\)`),
    );

    // The leader holds the counters and knows the sidecar by its own token (its pod's uid): the
    // follower relayed the call and did not speak for the sidecar.
    const view = await debugQuotas(leader);
    assert.equal(view.leader, true);
    const budget = limitOf(view, 'budget')!;
    assert.equal(budget.limit, BUDGET);
    assert.ok(budget.used + budget.outstanding <= BUDGET, JSON.stringify(budget));
    assert.deepEqual(
      budget.holders.map((h) => h.id),
      [`${ns}/${pod.uid}`],
    );
    // A follower holds no lease state: it names the leader.
    const followerView = await debugQuotas(follower);
    assert.equal(followerView.leader, false);
    assert.equal(followerView.currentLeader.identity, leader.identity);
    assert.equal(followerView.quotas, undefined);
    // The leader flushes the spend to status.
    await waitFor(
      'AIQuota status shows the spend',
      async () => (await quotaStatus('budget'))?.used === BUDGET,
      {
        timeoutMs: 10_000,
      },
    );
    // The sidecar's token never reaches a log line.
    const token = readFileSync(`${s.stateDir}/../token`, 'utf8');
    for (const o of replicas) assert.ok(!o.logs(100_000).includes(token), `${o.identity} logged a token`);
  });

  it('every follower relays: a third replica serves leases as well', async () => {
    replicas.push(await start('replica-c'));
    const leader = await oneLeader(replicas);
    const c = replicas.find((r) => r.identity === 'replica-c')!;
    assert.notEqual(c, leader);
    const { sidecar: s, pod: p } = await sidecarOn(c, 'chat-2');
    assert.equal((await chat(s, 'gpt-4.1-mini')).status, 200);
    await waitFor('the leader granted chat-2 a lease', async () =>
      limitOf(await debugQuotas(leader), 'roomy')?.holders.some((h) => h.id === `${ns}/${p.uid}`),
    );
    // Both followers now keep a session to this leader; the next test kills it.
    assert.equal((await chat(sidecar!, 'gpt-4.1-mini')).status, 200);
  });

  it('moves leadership when the leader is killed, and the new leader writes status', async (t) => {
    const leader = await oneLeader(replicas);
    const started = performance.now();
    await leader.kill();
    replicas.splice(replicas.indexOf(leader), 1);
    const next = await oneLeader(replicas, 20_000);
    const took = performance.now() - started;
    t.diagnostic(`takeover after SIGKILL: ${took.toFixed(0)} ms (lease duration 4 s)`);
    assert.notEqual(next, leader);
    assert.ok(took >= 3000, 'not before the lease could have expired');

    await kubectlApply(cluster, [route(3)]);
    await waitFor(
      'the new leader writes status',
      async () => (await routeStatus()).status?.observedGeneration === 2,
      {
        timeoutMs: 15_000,
      },
    );
    assert.ok((await next.metric('aimesh_operator_status_writes_total')) > 0);
  });

  it('the new leader serves leases, through the replica that still follows, with counters from status', async () => {
    const leader = await oneLeader(replicas);
    const follower = replicas.find((r) => r !== leader)!;
    // The spend before the kill came back from AIQuota.status.
    await waitFor('budget restored on the new leader', async () => {
      const l = limitOf(await debugQuotas(leader), 'budget');
      return l !== undefined && l.used === BUDGET;
    });
    // A pod that never held a lease, on the follower (which had a session to the dead leader):
    // the new leader grants it the roomy quota and refuses the spent one.
    const { sidecar: s, pod: p } = await sidecarOn(follower, 'chat-3');
    await waitFor(
      'the new leader granted chat-3 a lease through the follower',
      async () =>
        limitOf(await debugQuotas(leader), 'roomy')?.holders.find((h) => h.id === `${ns}/${p.uid}`)
          ?.outstanding,
      { timeoutMs: 15_000, onTimeout: () => `${s.logs(20)}\n--- follower\n${follower.logs(30)}` },
    );
    assert.equal((await chat(s, 'gpt-4.1-mini')).status, 200);
    const r = await chat(s, 'gpt-4o-mini');
    assert.equal(r.status, 429, JSON.stringify(r.body));
    assert.equal(
      r.body.error.code,
      'quota_exceeded',
      'refused by the restored counter, not for want of a leader',
    );
  });

  it('hands leadership over at once when the leader stops (SIGTERM releases the lease)', async (t) => {
    replicas.push(await start('replica-d'));
    const leader = await oneLeader(replicas);
    replicas.splice(replicas.indexOf(leader), 1);
    const started = performance.now();
    // Timed from SIGTERM to the new leader, not to the old process's exit: what comes after the
    // release (closing sessions and servers) is no part of the handover.
    const stopped = leader.stop();
    const next = await oneLeader(replicas, 10_000);
    const took = performance.now() - started;
    await stopped;
    t.diagnostic(`takeover after SIGTERM: ${took.toFixed(0)} ms (lease duration 4 s)`);
    assert.notEqual(next, leader);
    assert.match(leader.logs(50), /released the lease/);
    assert.ok(took < 3000, `released lease taken over in ${took.toFixed(0)} ms`);
  });

  it('needed no permission beyond operator/kube/rbac.ts', () => {
    for (const r of replicas) assert.doesNotMatch(r.logs(100_000), /forbidden/i);
  });
});
