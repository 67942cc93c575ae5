// Exact quotas against the real control plane: a real kube-apiserver, the real operator (its
// quota service, TokenReview auth, pod lookup) and six real sidecar processes in push mode.
//   - a requests-per-minute limit under load from every replica across a window edge, then
//     again after the replicas sat idle for over a minute (observed: 11 of 10 admitted after an
//     exhausted window and idle minutes): never more than the limit in a window;
//   - the quota service refuses a lease on a quota whose selector does not match the calling pod
//     (its own token, its own labels), with the reason;
//   - a sidecar SIGKILLed mid-window and started again on its state volume (what restartPolicy
//     Always does in the pod) carries on with its lease: the window's budget is admitted exactly,
//     and the service counts nothing as lost.
import assert from 'node:assert/strict';
import http2 from 'node:http2';
import { after, before, describe, it } from 'node:test';
import type { Cluster } from '../support/cluster.ts';
import {
  createPod,
  mintToken,
  operatorCA,
  type PushSidecar,
  type RunningOperator,
  startOperator,
} from '../support/operator.ts';
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

const API_KEY = 'sk-quota-exact-cluster-0123456789';
const REPLICAS = 6;
const RPM = 20;
const SOLO_BUDGET = 30;

interface Outcome {
  sentAt: number;
  doneAt: number;
  status: number;
}

const minute = (t: number) => Math.floor(t / 60_000);

describe('exact quotas across replicas (real control plane)', { timeout: 600_000 }, () => {
  let cluster: Cluster;
  let system: string;
  let ns: string;
  let op: RunningOperator;
  let upstream: Upstream;
  let ca: string;
  const sidecars: PushSidecar[] = [];

  before(async () => {
    ({ cluster, system, ns, upstream } = await operatorStage(API_KEY));
    await kubectlApply(cluster, [
      ...openAIProvider({
        namespace: ns,
        secret: 'key',
        endpoint: `${upstream.url}/v1`,
        apiKey: API_KEY,
        models: ['gpt-4o-mini'],
      }),
      chatRoute(ns, { rule: 'all' }),
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIQuota',
        metadata: { name: 'chat-rpm', namespace: ns },
        spec: {
          selector: { matchLabels: { app: 'chat' } },
          limits: [{ name: 'requests-per-minute', requests: RPM, window: '1m' }],
          failurePolicy: 'FailClosed',
        },
      },
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIQuota',
        metadata: { name: 'solo-budget', namespace: ns },
        spec: {
          selector: { matchLabels: { app: 'solo' } },
          limits: [{ name: 'requests-per-hour', requests: SOLO_BUDGET, window: '1h' }],
          failurePolicy: 'FailClosed',
        },
      },
    ]);
    op = await startOperator(cluster, { namespace: system });
    ca = await operatorCA(cluster, system);
    const started = await Promise.all(
      Array.from({ length: REPLICAS }, (_, i) =>
        startPodSidecar(cluster, ns, `chat-${i}`, { operatorUrl: op.pushUrl, ca, labels: { app: 'chat' } }),
      ),
    );
    sidecars.push(...started.map((s) => s.sidecar));
    await Promise.all(sidecars.map((s) => sidecarReady(s, op)));
  });

  after(async () => {
    await Promise.all(sidecars.map((s) => s.stop()));
    await op?.stop();
    await upstream?.close();
  });

  /** Two callers per replica, back to back (a short pause after a refusal), until `until`. */
  async function load(until: number): Promise<Outcome[]> {
    const out: Outcome[] = [];
    await Promise.all(
      sidecars.flatMap((s) =>
        [0, 1].map(async () => {
          while (Date.now() < until) {
            const sentAt = Date.now();
            const r = await chatVia(s, 'gpt-4o-mini', 'count me', 4);
            out.push({ sentAt, doneAt: Date.now(), status: r.status });
            if (r.status !== 200) {
              assert.equal(r.status, 429, JSON.stringify(r.body));
              await new Promise((res) => setTimeout(res, 100));
            }
          }
        }),
      ),
    );
    return out;
  }

  /** Admitted calls per minute window; a call that straddles an edge counts for both (upper bound). */
  function perWindow(outcomes: Outcome[]): Map<number, { surely: number; maybe: number }> {
    const m = new Map<number, { surely: number; maybe: number }>();
    const at = (w: number) => {
      const v = m.get(w) ?? { surely: 0, maybe: 0 };
      m.set(w, v);
      return v;
    };
    for (const o of outcomes) {
      if (o.status !== 200) continue;
      const a = minute(o.sentAt);
      const b = minute(o.doneAt);
      if (a === b) at(a).surely++;
      else for (let w = a; w <= b; w++) at(w).maybe++;
    }
    return m;
  }

  const untilSecond = async (s: number) => {
    const wait = (s * 1000 - (Date.now() % 60_000) + 60_000) % 60_000;
    await new Promise((r) => setTimeout(r, wait));
  };

  it('requests per minute: never more than the limit in a window, across an edge and after idle minutes', async (t) => {
    // Load from second 40 of a minute to second 10 of the next: both windows run out.
    await untilSecond(40);
    const edge = await load(Date.now() + 30_000);
    const windows = perWindow(edge);
    for (const [w, n] of windows)
      t.diagnostic(
        `window ${new Date(w * 60_000).toISOString()}: ${n.surely} admitted (+${n.maybe} across the edge)`,
      );
    const counts = [...windows.values()];
    assert.equal(counts.length >= 2, true, 'the load crossed a window edge');
    for (const n of counts) assert.ok(n.surely <= RPM, `${n.surely} admitted in one window, limit ${RPM}`);
    // The second window saw load from its start: it was spent to the limit.
    const second = windows.get(minute(edge[0].sentAt) + 1)!;
    assert.ok(second.surely + second.maybe >= RPM, `${second.surely} of ${RPM} used`);

    // Idle for over a minute (leases are given back), then load again from a window's start.
    await new Promise((r) => setTimeout(r, 65_000));
    await untilSecond(2);
    const afterIdle = await load(Date.now() + 15_000);
    const again = perWindow(afterIdle).get(minute(afterIdle[0].sentAt))!;
    t.diagnostic(`after idle: ${again.surely} admitted (+${again.maybe} across the edge) of ${RPM}`);
    assert.ok(again.surely <= RPM, `${again.surely} admitted after the idle gap, limit ${RPM}`);
    assert.equal(again.surely + again.maybe, RPM, 'the whole budget was usable after the idle gap');
  });

  it('refuses a lease on a quota whose selector does not match the calling pod, with the reason', async () => {
    const pod = await createPod(cluster, ns, 'batch-0', { labels: { app: 'batch' } });
    const token = await mintToken(cluster, ns, { pod });
    const lease = (bearer: string) =>
      new Promise<any>((resolve, reject) => {
        const session = http2.connect(op.pushUrl, { ca });
        session.on('error', reject);
        const req = session.request({
          ':method': 'POST',
          ':path': '/v1/quota/lease',
          'content-type': 'application/json',
          authorization: `Bearer ${bearer}`,
        });
        let text = '';
        req.on('data', (d) => {
          text += d;
        });
        req.on('end', () => {
          session.close();
          resolve(JSON.parse(text));
        });
        req.on('error', reject);
        req.end(
          JSON.stringify({
            holder: 'batch-0',
            leases: [{ quota: `${ns}/chat-rpm`, limit: 'requests-per-minute', want: 5, used: 0 }],
          }),
        );
      });
    const refused = await lease(token);
    assert.equal(refused.leases[0].code, 'forbidden', JSON.stringify(refused));
    assert.equal(
      refused.leases[0].error,
      `quota ${ns}/chat-rpm selects pods labelled app=chat; pod ${ns}/batch-0 is not`,
    );
    assert.equal(refused.leases[0].granted, undefined);
    // A pod the selector matches is granted, over the same path.
    const chatPod = await createPod(cluster, ns, 'chat-extra', { labels: { app: 'chat' } });
    const granted = await lease(await mintToken(cluster, ns, { pod: chatPod }));
    assert.equal(granted.leases[0].error, undefined, JSON.stringify(granted));
    assert.ok(granted.leases[0].amount === RPM);
  });

  it('a sidecar killed mid-window and restarted on its state volume keeps its lease: the budget stays whole and exact', async (t) => {
    const { sidecar: first } = await startPodSidecar(cluster, ns, 'solo-0', {
      operatorUrl: op.pushUrl,
      ca,
      labels: { app: 'solo' },
    });
    await sidecarReady(first, op);
    const callUntilRefused = async (s: PushSidecar, most: number) => {
      let admitted = 0;
      for (;;) {
        const r = await chatVia(s, 'gpt-4o-mini', 'count me', 4);
        if (r.status !== 200) {
          assert.equal(r.status, 429, JSON.stringify(r.body));
          assert.equal(r.body.error.code, 'quota_exceeded', JSON.stringify(r.body));
          return admitted;
        }
        admitted++;
        if (admitted === most) return admitted;
      }
    };
    const solo = async () => {
      const res = await fetch(`${op.adminUrl}/debug/quotas`);
      const view = (await res.json()) as {
        quotas?: { quota: string; limits: { used: number; lost: number; outstanding: number }[] }[];
      };
      return view.quotas?.find((q) => q.quota === `${ns}/solo-budget`)?.limits[0];
    };
    assert.equal(await callUntilRefused(first, 10), 10);
    const held = await solo();
    t.diagnostic(`before the kill: ${JSON.stringify(held)}`);
    assert.ok(
      held && held.outstanding > 0,
      `the sidecar holds lease it has not spent: ${JSON.stringify(held)}`,
    );
    process.kill(first.proc.pid, 'SIGKILL');
    await first.proc.exited;
    const second = await first.restart();
    sidecars.push(second);
    await sidecarReady(second, op);
    const more = await callUntilRefused(second, SOLO_BUDGET);
    assert.equal(
      more,
      SOLO_BUDGET - 10,
      'the rest of the window, exactly: no call refused early, none beyond',
    );
    let last: Awaited<ReturnType<typeof solo>>;
    await waitFor(
      'the spend reported',
      async () => {
        last = await solo();
        return last?.used === SOLO_BUDGET;
      },
      { timeoutMs: 15_000, onTimeout: () => JSON.stringify(last) },
    );
    assert.equal(last!.lost, 0, 'nothing counted lost');
  });
});
