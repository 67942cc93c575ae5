// Budget alert thresholds, pure: which thresholds a limit has, and that each fires once per window.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AIQuotaSpec } from '../../../../crds/aiquota.ts';
import { validate } from '../../../../crds/validate.ts';
import {
  type AlertLimit,
  AlertTracker,
  alertLimits,
  crossingText,
  reached,
} from '../../../../operator/quota/alerts.ts';

const Q = 'team-a/budget';
const W1 = '2026-01-01T01:00:00.000Z';
const W2 = '2026-01-01T02:00:00.000Z';

const spec = (s: unknown): AIQuotaSpec => {
  const v = validate<AIQuotaSpec>({
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIQuota',
    metadata: { name: 'budget', namespace: 'team-a' },
    spec: s,
  });
  assert.ok(v.ok, JSON.stringify(v));
  return v.spec;
};

const tracker = (limits: AlertLimit[]) => {
  const t = new AlertTracker();
  t.configure(new Map([[Q, limits]]));
  return t;
};
const tokens = (thresholds: number[]): AlertLimit => ({
  name: 'tokens-per-hour',
  dimension: 'tokens',
  window: '1h',
  thresholds,
});
const row = (used: number, resetsAt = W1, limit = 1000) => [
  { name: 'tokens-per-hour', used, limit, resetsAt },
];

describe('alert thresholds from the spec', () => {
  it("a limit's own alerts replace the quota's; [] turns them off; none anywhere: no alerts", () => {
    const limits = alertLimits(
      spec({
        alerts: [100, 80],
        limits: [
          { name: 'a', tokens: 10, window: '1m' },
          { name: 'b', costUSD: 5, window: 'calendarMonth', alerts: [90, 50] },
          { name: 'c', requests: 5, window: '1h', alerts: [] },
        ],
      }),
    );
    assert.deepEqual(
      limits.map((l) => [l.name, l.dimension, l.window, l.thresholds]),
      [
        ['a', 'tokens', '1m', [80, 100]],
        ['b', 'costUSD', 'calendarMonth', [50, 90]],
        ['c', 'requests', '1h', []],
      ],
    );
    assert.deepEqual(
      alertLimits(spec({ limits: [{ name: 'a', tokens: 10, window: '1m' }] }))[0]!.thresholds,
      [],
    );
  });

  it('the API refuses duplicate and out-of-range thresholds', () => {
    for (const alerts of [[80, 80], [0], [1001], [50.5]]) {
      const v = validate({
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIQuota',
        metadata: { name: 'q', namespace: 'ns' },
        spec: { limits: [{ name: 'a', tokens: 10, window: '1m', alerts }] },
      });
      assert.equal(v.ok, false, JSON.stringify(alerts));
    }
  });

  it('reached: percent of the limit, USD sums included; a zero limit never alerts', () => {
    assert.equal(reached(799, 1000, 80), false);
    assert.equal(reached(800, 1000, 80), true);
    assert.equal(reached(0.1 + 0.7, 1, 80), true); // 0.7999999999999999
    assert.equal(reached(5, 0, 50), false);
  });
});

describe('crossing detection', () => {
  it('each threshold fires once per window, in order as spend grows', () => {
    const t = tracker([tokens([50, 80, 100])]);
    assert.deepEqual(t.observe(Q, row(100)).crossings, []);
    const first = t.observe(Q, row(500)).crossings;
    assert.deepEqual(
      first.map((c) => [c.threshold, c.used, c.amount]),
      [[50, 500, 1000]],
    );
    assert.deepEqual(t.observe(Q, row(700)).crossings, [], 'no repeat below the next threshold');
    assert.deepEqual(t.observe(Q, row(500)).crossings, [], 'nor when spend is read again');
    assert.deepEqual(
      t.observe(Q, row(850)).crossings.map((c) => c.threshold),
      [80],
    );
    assert.deepEqual(
      t.observe(Q, row(1000)).crossings.map((c) => c.threshold),
      [100],
    );
    assert.deepEqual(t.observe(Q, row(1200)).crossings, []);
    assert.equal(t.alert(Q, 'tokens-per-hour', W1), 100);
  });

  it('a jump past several thresholds fires once, for the highest, naming the others', () => {
    const t = tracker([tokens([50, 80, 100])]);
    const [c, ...rest] = t.observe(Q, row(900)).crossings;
    assert.equal(rest.length, 0);
    assert.equal(c!.threshold, 80);
    assert.deepEqual(c!.passed, [50]);
    assert.match(
      crossingText(c!),
      /crossed its 80% alert threshold \(also past 50%\): 900 of 1000 tokens per 1h/,
    );
    assert.deepEqual(t.observe(Q, row(950)).crossings, []);
  });

  it('the window rollover re-arms every threshold and reports the change', () => {
    const t = tracker([tokens([80])]);
    assert.equal(t.observe(Q, row(900)).crossings.length, 1);
    assert.equal(t.condition(Q)!.status, 'True');
    const rolled = t.observe(Q, row(0, W2));
    assert.deepEqual(rolled, { crossings: [], changed: true });
    assert.equal(t.alert(Q, 'tokens-per-hour', W2), undefined);
    assert.equal(t.condition(Q)!.status, 'False');
    assert.deepEqual(
      t.observe(Q, row(800, W2)).crossings.map((c) => [c.threshold, c.resetsAt]),
      [[80, W2]],
    );
  });

  it('a quiet window rolls over without a change to report', () => {
    const t = tracker([tokens([80])]);
    t.observe(Q, row(10));
    assert.deepEqual(t.observe(Q, row(0, W2)), { crossings: [], changed: false });
  });

  it('restored from status (a new leader): what fired in this window does not fire again', () => {
    const t = tracker([tokens([50, 80])]);
    t.restore(Q, [{ name: 'tokens-per-hour', used: 600, limit: 1000, resetsAt: W1, alert: 50 }]);
    assert.deepEqual(t.observe(Q, row(650)).crossings, []);
    assert.deepEqual(
      t.observe(Q, row(820)).crossings.map((c) => c.threshold),
      [80],
    );
  });

  it('a status from an earlier window restores nothing', () => {
    const t = tracker([tokens([50])]);
    t.restore(Q, [{ name: 'tokens-per-hour', used: 600, limit: 1000, resetsAt: W1, alert: 50 }]);
    assert.deepEqual(
      t.observe(Q, row(600, W2)).crossings.map((c) => c.threshold),
      [50],
    );
  });

  it('limits without thresholds never alert, and a quota without any has no condition', () => {
    const t = tracker([tokens([])]);
    assert.deepEqual(t.observe(Q, row(5000)), { crossings: [], changed: false });
    assert.equal(t.condition(Q), undefined);
    assert.equal(t.hasAlerts(Q), false);
  });

  it('reconfiguring drops the state of removed limits', () => {
    const t = tracker([tokens([50])]);
    t.observe(Q, row(600));
    t.configure(new Map([[Q, [tokens([])]]]));
    t.configure(new Map([[Q, [tokens([50])]]]));
    assert.deepEqual(
      t.observe(Q, row(600)).crossings.map((c) => c.threshold),
      [50],
      'a threshold removed and added back is armed again',
    );
  });

  it('the condition names each standing alert; USD amounts read as money', () => {
    const t = tracker([
      tokens([80]),
      { name: 'monthly-spend', dimension: 'costUSD', window: 'calendarMonth', thresholds: [50] },
    ]);
    assert.deepEqual(t.condition(Q), {
      type: 'BudgetAlert',
      status: 'False',
      reason: 'WithinBudget',
      message: 'No alert threshold is crossed in the current windows.',
    });
    const crossings = t.observe(Q, [
      { name: 'tokens-per-hour', used: 10, limit: 1000, resetsAt: W1 },
      { name: 'monthly-spend', used: 251.5, limit: 500, resetsAt: '2026-02-01T00:00:00.000Z' },
    ]).crossings;
    assert.match(
      crossingText(crossings[0]!),
      /^AIQuota team-a\/budget: limit monthly-spend crossed its 50% alert threshold: \$251\.50 of \$500\.00 per calendarMonth used \(50%\); the window resets at 2026-02-01T00:00:00\.000Z\.$/,
    );
    const c = t.condition(Q)!;
    assert.equal(c.status, 'True');
    assert.equal(c.reason, 'ThresholdCrossed');
    assert.equal(
      c.message,
      'monthly-spend crossed 50% of $500.00 per calendarMonth (window resets at 2026-02-01T00:00:00.000Z).',
    );
  });
});
