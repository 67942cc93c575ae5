// Lease math: windows aligned to UTC, grants sized by demand and holders, never over budget,
// rollover (calendarMonth included), restore from status, expiry of vanished holders.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Ledger } from '../../../sidecar/quota/ledger.ts';
import { humanDuration, parseWindow } from '../../../sidecar/quota/window.ts';
import type { QuotaConfig } from '../../../sidecar/snapshot/schema.ts';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 10); // 12:00:10 UTC

function quota(
  amount: number,
  window = '1m',
  dimension: QuotaConfig['limits'][number]['dimension'] = 'tokens',
) {
  return {
    id: 'team-a/budget',
    enforcement: 'Enforce',
    failurePolicy: 'FailOpen',
    limits: [{ name: 'l', dimension, amount, window }],
  } satisfies QuotaConfig;
}

function clock(start = T0) {
  const c = { t: start, now: () => c.t };
  return c;
}

const item = (want: number, used = 0, extra: object = {}) => ({
  quota: 'team-a/budget',
  limit: 'l',
  want,
  used,
  ...extra,
});

describe('windows', () => {
  test('Nm/Nh/Nd align to UTC epoch boundaries', () => {
    assert.deepEqual(parseWindow('1m').bounds(T0), {
      start: Date.UTC(2025, 0, 15, 12, 0),
      end: Date.UTC(2025, 0, 15, 12, 1),
    });
    assert.deepEqual(parseWindow('1h').bounds(T0), {
      start: Date.UTC(2025, 0, 15, 12),
      end: Date.UTC(2025, 0, 15, 13),
    });
    assert.deepEqual(parseWindow('1d').bounds(T0), {
      start: Date.UTC(2025, 0, 15),
      end: Date.UTC(2025, 0, 16),
    });
    const w15 = parseWindow('15m').bounds(Date.UTC(2025, 0, 15, 12, 29, 59));
    assert.deepEqual(w15, { start: Date.UTC(2025, 0, 15, 12, 15), end: Date.UTC(2025, 0, 15, 12, 30) });
    const week = parseWindow('7d').bounds(T0);
    assert.equal(week.start % (7 * 86_400_000), 0);
    assert.equal(week.end - week.start, 7 * 86_400_000);
  });

  test('calendarMonth runs from the 1st 00:00 UTC to the next 1st, across years and leap days', () => {
    const m = parseWindow('calendarMonth');
    assert.deepEqual(m.bounds(Date.UTC(2024, 1, 29, 23, 59)), {
      start: Date.UTC(2024, 1, 1),
      end: Date.UTC(2024, 2, 1),
    });
    assert.deepEqual(m.bounds(Date.UTC(2024, 11, 31, 23, 59, 59, 999)), {
      start: Date.UTC(2024, 11, 1),
      end: Date.UTC(2025, 0, 1),
    });
    assert.deepEqual(m.bounds(Date.UTC(2025, 0, 1)), {
      start: Date.UTC(2025, 0, 1),
      end: Date.UTC(2025, 1, 1),
    });
  });

  test('bad windows are refused', () => {
    for (const w of ['0m', '1s', 'month', '10000d', '']) assert.throws(() => parseWindow(w));
  });

  test('humanDuration', () => {
    assert.equal(humanDuration(23_000), '23s');
    assert.equal(humanDuration(22_001), '23s');
    assert.equal(humanDuration(250_000), '4m10s');
    assert.equal(humanDuration(3 * 3_600_000 + 12 * 60_000), '3h12m');
    assert.equal(humanDuration(12 * 86_400_000 + 4 * 3_600_000), '12d4h');
  });
});

describe('ledger grants', () => {
  test('a grant is what was asked for when the budget allows', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(100_000)]);
    const a = l.lease('pod-1', item(5_000));
    assert.equal(a.granted, 5_000);
    assert.equal(a.balance, 5_000);
    assert.equal(a.unallocated, 95_000);
    assert.equal(a.resetsAt, Date.UTC(2025, 0, 15, 12, 1));
  });

  test('never grants beyond the remaining budget, whatever holders ask', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(1_000)]);
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const a = l.lease(`pod-${i % 7}`, item(300, 0));
      total += a.granted;
      assert.ok(a.unallocated >= 0);
    }
    assert.ok(total <= 1_000, `granted ${total}`);
    // Spend reported frees nothing: used + outstanding stays within the amount.
    const a = l.lease('pod-0', item(1_000, 100));
    const outstanding = l.inspect()[0].holders.reduce((s, h) => s + h.outstanding, 0);
    assert.ok(a.used + outstanding <= 1_000);
  });

  test('the fair share shrinks with the number of active holders', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(10_000)]);
    for (let i = 0; i < 10; i++) l.lease(`pod-${i}`, item(0));
    const a = l.lease('pod-0', item(50_000));
    assert.equal(a.holders, 10);
    assert.equal(a.granted, 1_000); // 10k / 10 holders
    // Idle holders stop counting after activeMs.
    c.t += 31_000;
    const c2 = new Ledger({ now: c.now });
    c2.configure([quota(10_000, '1h')]);
    for (let i = 0; i < 10; i++) c2.lease(`pod-${i}`, item(0));
    c.t += 31_000;
    assert.equal(c2.lease('pod-0', item(50_000)).granted, 10_000);
  });

  test("grants follow the holder's recent demand", () => {
    const c = clock();
    const l = new Ledger({ now: c.now, horizonMs: 5_000 });
    l.configure([quota(1_000_000, '1h')]);
    l.lease('busy', item(100));
    // Reports 1000 units a second for a few seconds; asks for little each time.
    for (let i = 0; i < 5; i++) {
      c.t += 1_000;
      l.lease('busy', item(1, 1_000));
    }
    c.t += 1_000;
    const a = l.lease('busy', item(1, 1_000));
    assert.ok(a.balance >= 2_000, `balance ${a.balance} should cover a few seconds at ~1000/s`);
  });

  test('integer grants for counts, micro-dollars for USD', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(10, '1d', 'requests')]);
    for (let i = 0; i < 3; i++) l.lease(`p${i}`, item(0));
    assert.equal(l.lease('p0', item(10)).granted, 3); // floor(10/3)
    const usd = new Ledger({ now: c.now });
    usd.configure([quota(1, '1d', 'costUSD')]);
    for (let i = 0; i < 3; i++) usd.lease(`p${i}`, item(0));
    assert.equal(usd.lease('p0', item(1)).granted, 0.333333);
  });

  test('reported use is counted once, in its own window only', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(1_000)]);
    const a = l.lease('p', item(100));
    l.lease('p', item(0, 40, { window: a.resetsAt }));
    assert.equal(l.status('team-a/budget')[0].used, 40);
    // A report for a window that is over does not count in the new one.
    c.t += 60_000;
    const b = l.lease('p', item(0, 60, { window: a.resetsAt }));
    assert.equal(b.used, 0);
    assert.equal(b.balance, 0);
  });
});

describe('ledger: the last fragments of a budget', () => {
  test("a waiting call's need is granted whole above the fair share, or not at all", () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(1_000)]);
    for (let i = 0; i < 10; i++) l.lease(`p${i}`, item(0));
    assert.equal(l.lease('p0', item(500)).granted, 100, 'fair share');
    assert.equal(l.lease('p1', item(0, 0, { need: 300 })).granted, 300, 'need above the share');
    assert.equal(l.lease('p2', item(0, 0, { need: 700 })).granted, 0, 'not enough left: nothing');
  });

  test('fragments handed in pool up until one holder can use them', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(300)]);
    for (const p of ['a', 'b', 'c']) assert.equal(l.lease(p, item(100)).granted, 100);
    // Each spent 40 and holds 60, too little for a call of 150: each hands its 60 back.
    for (const p of ['a', 'b', 'c']) l.lease(p, item(0, 40));
    const fragment = { release: true, giveBack: 60, need: 150 };
    assert.equal(l.lease('a', item(0, 0, fragment)).granted, 0);
    const b = l.lease('b', item(0, 0, fragment));
    assert.equal(b.granted, 0);
    assert.equal(b.unallocated, 120);
    const cc = l.lease('c', item(0, 0, fragment));
    assert.equal(cc.granted, 150);
    assert.equal(cc.unallocated, 30);
  });
});

describe('ledger: leases granted before the other holders showed up', () => {
  test('the ledger never takes lease back; holders hand it back when told others wait', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(1_000, '1h', 'requests')]);
    assert.equal(l.lease('early', item(600)).granted, 600);
    for (let i = 0; i < 9; i++) l.lease(`late-${i}`, item(i < 4 ? 100 : 0));
    // Nobody waits yet: not contended.
    assert.equal(l.lease('early', item(0, 0, { reserved: 0 })).contended, undefined);
    const refused = l.lease('late-8', item(0, 0, { need: 1 }));
    assert.equal(refused.granted, 0, 'nothing unallocated');
    // Now someone waits: the lease stays (a call the holder admits meanwhile is covered)...
    const told = l.lease('early', item(0, 0, { reserved: 250 }));
    assert.equal(told.balance, 600);
    assert.equal(told.contended, true);
    // ...until the holder hands its surplus back, which the waiting call gets, whole.
    const back = l.lease('early', item(0, 0, { reserved: 250, giveBack: 350 }));
    assert.equal(back.balance, 250);
    assert.equal(back.granted, 0, 'no top-up from its pace while handing back');
    assert.equal(l.lease('late-5', item(100)).granted, 100);
    assert.equal(l.lease('late-8', item(0, 0, { need: 1 })).granted, 1);
  });
});

describe('ledger windows and persistence', () => {
  test('rollover resets used and outstanding leases', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(100)]);
    l.lease('p', item(100));
    l.lease('p', item(0, 100));
    assert.equal(l.lease('p', item(10)).granted, 0);
    c.t = Date.UTC(2025, 0, 15, 12, 1); // next minute
    const a = l.lease('p', item(10));
    assert.equal(a.used, 0);
    assert.equal(a.granted, 10);
    assert.equal(a.resetsAt, Date.UTC(2025, 0, 15, 12, 2));
  });

  test('calendarMonth rolls over on the 1st (UTC)', () => {
    const c = clock(Date.UTC(2025, 0, 31, 23, 59, 59));
    const l = new Ledger({ now: c.now });
    l.configure([quota(500, 'calendarMonth', 'costUSD')]);
    l.lease('p', item(10, 0));
    l.lease('p', item(0, 7.5));
    assert.equal(l.status('team-a/budget')[0].used, 7.5);
    assert.equal(l.status('team-a/budget')[0].resetsAt, '2025-02-01T00:00:00.000Z');
    c.t = Date.UTC(2025, 1, 1, 0, 0, 1);
    l.tick();
    assert.equal(l.status('team-a/budget')[0].used, 0);
    assert.equal(l.status('team-a/budget')[0].resetsAt, '2025-03-01T00:00:00.000Z');
    assert.deepEqual(l.takeDirty(), ['team-a/budget']);
  });

  test('restore continues the current window and ignores an old one', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.restore('team-a/budget', [
      { name: 'l', used: 700, limit: 1_000, resetsAt: '2025-01-15T12:01:00.000Z' },
    ]);
    l.configure([quota(1_000)]); // restore before config: applied once the quota is known
    assert.equal(l.status('team-a/budget')[0].used, 700);
    assert.equal(l.lease('p', item(1_000)).granted, 300);
    const old = new Ledger({ now: c.now });
    old.configure([quota(1_000)]);
    old.restore('team-a/budget', [
      { name: 'l', used: 700, limit: 1_000, resetsAt: '2025-01-15T12:00:00.000Z' },
    ]);
    assert.equal(old.status('team-a/budget')[0].used, 0);
  });

  test('a restarted ledger re-learns leases holders still hold', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(1_000)]);
    const end = Date.UTC(2025, 0, 15, 12, 1);
    // pod-1 held 600 before the restart and spent 100 of it since.
    const a = l.lease('pod-1', item(0, 100, { held: 600, window: end }));
    assert.equal(a.used, 100);
    assert.equal(a.balance, 500);
    assert.equal(l.lease('pod-2', item(1_000)).granted, 400);
  });

  test('dirty tracking drives flushes', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(1_000)]);
    l.lease('p', item(10));
    assert.deepEqual(l.takeDirty(), []); // grants alone change no status
    l.lease('p', item(0, 5));
    assert.deepEqual(l.takeDirty(), ['team-a/budget']);
    assert.deepEqual(l.takeDirty(), []);
  });

  test('expired leases of vanished holders stay counted for their window (they may have been spent); release gives back at once', () => {
    const c = clock(Date.UTC(2025, 0, 15, 12, 0, 0));
    const l = new Ledger({ now: c.now, leaseTtlMs: 10_000, graceMs: 1_000 });
    l.configure([quota(1_000, '1h')]);
    l.lease('gone', item(600));
    assert.equal(l.lease('other', item(500)).granted, 400);
    c.t += 6_000;
    l.lease('other', item(0)); // renews; 'gone' does not
    c.t += 6_000;
    // The vanished holder's 600 may have been spent without a report: never granted twice.
    const after = l.lease('other', item(100));
    assert.equal(after.granted, 0);
    assert.equal(after.unallocated, 0);
    const r = l.lease('other', item(0, 0, { release: true, giveBack: 400 }));
    assert.equal(r.balance, 0);
    assert.equal(r.unallocated, 400);
    // The next window starts whole.
    c.t = Date.UTC(2025, 0, 15, 13, 0, 0);
    assert.equal(l.lease('other', item(100)).unallocated, 900);
  });

  test('a holder that leaves without handing its lease back is answered balance 0 (it holds nothing here any more)', () => {
    const c = clock(Date.UTC(2025, 0, 15, 12, 0, 0));
    const l = new Ledger({ now: c.now });
    l.configure([quota(1_000, '1h')]);
    l.lease('pod', item(300));
    // Its lease lapsed (nothing to hand back): it still says what it holds, and leaves.
    const r = l.lease('pod', item(0, 0, { release: true, held: 300 }));
    assert.equal(r.balance, 0);
    assert.equal(r.unallocated, 700, 'what it held stays counted for the window');
    assert.deepEqual(l.inspect()[0]!.holders, []);
  });

  test('a grant whose answer never reached the holder (same process, older seq) comes back whole', () => {
    const c = clock(Date.UTC(2025, 0, 15, 12, 0, 0));
    const l = new Ledger({ now: c.now });
    l.configure([quota(1_000, '1h', 'requests')]);
    const first = l.lease('pod', item(100, 0, { incarnation: 'a' }));
    // This answer is lost on the way (a timeout): the holder still holds the first grant.
    l.lease('pod', item(200, 0, { incarnation: 'a', seq: first.seq, held: 100 }));
    const again = l.lease('pod', item(0, 0, { incarnation: 'a', seq: first.seq, held: 100 }));
    assert.equal(again.balance, 100);
    assert.equal(again.unallocated, 900, 'nothing counted as possibly spent');
    // A new process under the same holder id: what the old one held stays counted.
    const restarted = l.lease('pod', item(0, 0, { incarnation: 'b', held: 0 }));
    assert.equal(restarted.unallocated, 900);
    assert.equal(restarted.balance, 0);
  });

  test('a holder that comes back holding less than it was granted (a restart) leaves the rest counted', () => {
    const c = clock(Date.UTC(2025, 0, 15, 12, 0, 0));
    const l = new Ledger({ now: c.now });
    l.configure([quota(1_000, '1h', 'requests')]);
    l.lease('pod', item(300));
    // Restarted with nothing: the 300 it may have spent unreported are not granted again.
    const r = l.lease('pod', item(0, 0, { held: 0 }));
    assert.equal(r.balance, 0);
    assert.equal(r.unallocated, 700);
  });

  test('config changes keep counters unless the window changes', () => {
    const c = clock();
    const l = new Ledger({ now: c.now });
    l.configure([quota(1_000)]);
    l.lease('p', item(0, 300));
    l.configure([quota(2_000)]);
    assert.deepEqual(l.status('team-a/budget')[0], {
      name: 'l',
      used: 300,
      limit: 2_000,
      resetsAt: '2025-01-15T12:01:00.000Z',
    });
    l.configure([quota(2_000, '1h')]);
    assert.equal(l.status('team-a/budget')[0].used, 0);
    l.configure([]);
    assert.equal(l.has('team-a/budget'), false);
    assert.throws(() => l.lease('p', item(1)), /has no limit/);
  });
});
