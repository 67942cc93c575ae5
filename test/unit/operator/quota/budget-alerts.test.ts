// Budget alerts wired to the real quota service and ledger (clock injected): spend reported by
// holders crosses thresholds at the service's flush; one Event and one notification per crossing
// and window; the alert is persisted with status.limits and a new leader continues from it; the
// per-limit gauges are the leader's and carry no unbounded label.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createMetrics } from '../../../../operator/admin/metrics.ts';
import type { StatusEvent } from '../../../../operator/controller/status.ts';
import type { KubeObject } from '../../../../operator/kube/api.ts';
import type { AlertStatusLimit } from '../../../../operator/quota/alerts.ts';
import { BudgetAlerts } from '../../../../operator/quota/budget-alerts.ts';
import { type QuotaObject, QuotaService } from '../../../../operator/quota/service.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);

interface Leader {
  svc: QuotaService;
  alerts: BudgetAlerts;
  metrics: ReturnType<typeof createMetrics>;
  events: { object: string; event: StatusEvent }[];
  notes: string[];
  persisted: Map<string, AlertStatusLimit[]>;
  changes: number;
}

describe('budget alerts on the quota service', () => {
  let now: number;
  let objects: QuotaObject[];

  const quota = (status?: unknown): QuotaObject => ({
    metadata: { namespace: 'team-a', name: 'budget' },
    spec: {
      alerts: [80, 100],
      limits: [
        { name: 'tokens-per-hour', tokens: 1000, window: '1h' },
        { name: 'requests-per-day', requests: 100, window: '1d', alerts: [] },
      ],
    },
    ...(status ? { status } : {}),
  });

  /** A replica that has just become the leader. */
  const leader = (): Leader => {
    const l = {
      metrics: createMetrics(),
      events: [],
      notes: [],
      persisted: new Map(),
      changes: 0,
    } as unknown as Leader;
    l.alerts = new BudgetAlerts({
      metrics: l.metrics,
      objects: () => objects,
      event: async (object, event) => {
        l.events.push({ object: `${object.metadata.namespace}/${object.metadata.name}`, event });
      },
      notify: (text) => l.notes.push(text),
      onChange: () => l.changes++,
    });
    l.svc = new QuotaService({
      authenticate: async () => undefined,
      persist: async (id, limits) => {
        l.persisted.set(id, l.alerts.decorate(id, limits));
      },
      objects: () => objects,
      onTick: () => l.alerts.check(l.svc.ledger),
      ledger: { now: () => now },
      flushMs: 3_600_000,
    });
    l.svc.sync(objects);
    l.alerts.configure(objects);
    l.svc.start();
    l.alerts.start();
    return l;
  };
  const spend = (l: Leader, used: number, limit = 'tokens-per-hour') =>
    l.svc.ledger.lease('team-a/pod-1', { quota: 'team-a/budget', limit, want: 0, used });
  const gauge = async (l: Leader, name: string, limit = 'tokens-per-hour') => {
    const m = (await l.metrics.registry.getSingleMetric(name)!.get()).values.find(
      (v) => v.labels.limit === limit,
    );
    return m && { value: m.value, labels: m.labels };
  };

  beforeEach(() => {
    now = T0 + 5 * 60_000;
    objects = [quota()];
  });

  it('a crossing records one Warning Event and one notification, and is persisted', async () => {
    const l = leader();
    spend(l, 500);
    await l.svc.flush();
    assert.equal(l.events.length, 0);
    spend(l, 350);
    await l.svc.flush();
    assert.equal(l.events.length, 1);
    const { object, event } = l.events[0]!;
    assert.equal(object, 'team-a/budget');
    assert.equal(event.type, 'Warning');
    assert.equal(event.reason, 'BudgetAlert');
    assert.match(
      event.note,
      /limit tokens-per-hour crossed its 80% alert threshold: 850 of 1000 tokens per 1h/,
    );
    assert.deepEqual(l.notes, [event.note]);
    const persisted = l.persisted.get('team-a/budget')!;
    assert.equal(persisted.find((r) => r.name === 'tokens-per-hour')!.alert, 80);
    assert.equal(
      persisted.find((r) => r.name === 'requests-per-day')!.alert,
      undefined,
      'a limit without thresholds has no alert',
    );
    // Read again (no new spend, or spend below the next threshold): nothing new.
    await l.svc.flush();
    spend(l, 100);
    await l.svc.flush();
    assert.equal(l.events.length, 1);
    assert.equal(l.notes.length, 1);
    // 100% is its own threshold.
    spend(l, 60);
    await l.svc.flush();
    assert.deepEqual(
      l.events.map((e) => /its (\d+)% alert/.exec(e.event.note)![1]),
      ['80', '100'],
    );
    const [c] = l.alerts.conditions('AIQuota', objects[0] as KubeObject);
    assert.equal(c!.status, 'True');
    assert.match(c!.message, /tokens-per-hour crossed 100% of 1000 tokens per 1h/);
  });

  it('the next window re-arms the thresholds and clears the condition', async () => {
    const l = leader();
    spend(l, 900);
    await l.svc.flush();
    assert.equal(l.events.length, 1);
    const changes = l.changes;
    now = T0 + HOUR + 1;
    await l.svc.flush();
    assert.ok(l.changes > changes, 'the status writer is told');
    assert.equal(l.alerts.conditions('AIQuota', objects[0] as KubeObject)[0]!.status, 'False');
    const row = l.persisted.get('team-a/budget')!.find((r) => r.name === 'tokens-per-hour')!;
    assert.equal(row.used, 0);
    assert.equal(row.alert, undefined, 'the rolled-over window is persisted without the alert');
    spend(l, 800);
    await l.svc.flush();
    assert.equal(l.events.length, 2, 'the same threshold fires again in the new window');
  });

  it('a new leader continues from the persisted alert: no repeat within the window', async () => {
    const first = leader();
    spend(first, 850);
    await first.svc.flush();
    assert.equal(first.events.length, 1);
    await first.svc.stop();
    first.alerts.stop();
    // What the informer of the next leader sees: the status the first one wrote.
    objects = [quota({ limits: first.persisted.get('team-a/budget') })];
    const second = leader();
    // Before its first comparison the new leader keeps whatever condition the quota carries.
    const carried = { type: 'BudgetAlert', status: 'True', reason: 'ThresholdCrossed', message: 'x' };
    const withCondition = {
      ...objects[0],
      status: { conditions: [{ ...carried, lastTransitionTime: 't' }] },
    };
    assert.deepEqual(second.alerts.conditions('AIQuota', withCondition as KubeObject), [carried]);
    await second.svc.flush();
    assert.equal(second.events.length, 0, 'restored, not repeated');
    assert.equal(second.alerts.conditions('AIQuota', objects[0] as KubeObject)[0]!.status, 'True');
    spend(second, 150);
    await second.svc.flush();
    assert.equal(second.events.length, 1);
    assert.match(second.events[0]!.event.note, /its 100% alert threshold/);
  });

  it('gauges of used and limit per quota limit, labelled by namespace, quota, limit, dimension, window', async () => {
    const l = leader();
    spend(l, 420);
    spend(l, 7, 'requests-per-day');
    await l.svc.flush();
    assert.deepEqual(await gauge(l, 'aimesh_quota_used'), {
      value: 420,
      labels: {
        namespace: 'team-a',
        quota: 'budget',
        limit: 'tokens-per-hour',
        dimension: 'tokens',
        window: '1h',
      },
    });
    assert.equal((await gauge(l, 'aimesh_quota_limit'))!.value, 1000);
    assert.equal((await gauge(l, 'aimesh_quota_used', 'requests-per-day'))!.value, 7);
    assert.equal((await gauge(l, 'aimesh_quota_alert_threshold'))!.value, 0);
    assert.equal(
      await gauge(l, 'aimesh_quota_alert_threshold', 'requests-per-day'),
      undefined,
      'limits without thresholds have no alert gauge',
    );
    spend(l, 400);
    await l.svc.flush();
    assert.equal((await gauge(l, 'aimesh_quota_alert_threshold'))!.value, 80);
    const text = await l.metrics.registry.metrics();
    assert.match(
      text,
      /aimesh_quota_alerts_total\{namespace="team-a",quota="budget",limit="tokens-per-hour",threshold="80"\} 1/,
    );
    // A deleted quota's series go away with it.
    objects = [];
    l.svc.sync(objects);
    l.alerts.configure(objects);
    await l.svc.flush();
    assert.equal(await gauge(l, 'aimesh_quota_used'), undefined);
  });

  it('a follower exports no quota gauges and raises no alerts', async () => {
    const l = leader();
    spend(l, 500);
    await l.svc.flush();
    assert.equal((await gauge(l, 'aimesh_quota_used'))!.value, 500);
    l.alerts.stop(); // leadership lost
    assert.equal(await gauge(l, 'aimesh_quota_used'), undefined);
    spend(l, 400);
    l.alerts.check(l.svc.ledger);
    await l.svc.stop();
    assert.equal(l.events.length, 0);
    assert.equal(await gauge(l, 'aimesh_quota_used'), undefined);
  });
});
