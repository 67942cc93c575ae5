// Exact quota enforcement, as the sidecar runs it: real QuotaClients with their own background
// loops (report, renew, top up, give back when idle) on one shared Ledger, every timer and the
// clock mocked, so minutes of traffic, idle gaps and window edges (calendarMonth included) run in
// seconds. Invariants, per window:
//   admitted <= limit                   (requests exactly; tokens/USD: estimates, as actual <= estimate)
//   no refusal while remaining >= need  (remaining = limit - settled spend - estimates in flight)
// Lease answers travel with a seeded random network delay; calls arrive at seeded random times.
import assert from 'node:assert/strict';
import { afterEach, describe, mock, test } from 'node:test';
import { type Estimate, type QuotaCheck, QuotaClient } from '../../../sidecar/quota/client.ts';
import { Ledger } from '../../../sidecar/quota/ledger.ts';
import { answerBatch, localQuotaService, type QuotaService } from '../../../sidecar/quota/service.ts';
import type { Dimension, QuotaConfig } from '../../../sidecar/snapshot/schema.ts';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const flush = async () => {
  for (let i = 0; i < 4; i++) await new Promise((r) => setImmediate(r));
};

/** Moves the mocked clock forward in small steps, letting promises and I/O callbacks run between. */
async function advance(ms: number, step = 5) {
  for (let t = 0; t < ms; t += step) {
    mock.timers.tick(Math.min(step, ms - t));
    await flush();
  }
}

/** Advances the mocked clock until `p` settles (a call waiting for lease needs time to pass). */
async function drive<T>(p: Promise<T>): Promise<T> {
  let done = false;
  void p.finally(() => {
    done = true;
  });
  await flush();
  while (!done) await advance(1, 1);
  return p;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function quota(dimension: Dimension, amount: number, window: string, extra: object = {}): QuotaConfig {
  return {
    id: 'team-a/budget',
    enforcement: 'Enforce',
    failurePolicy: 'FailClosed',
    limits: [{ name: 'limit', dimension, amount, window, ...extra }],
  };
}

/** The quota step's admission: wait for a first answer, check, wait while the lease is only short. */
async function admit(
  client: QuotaClient,
  estimate: Estimate,
  checked?: (at: number) => void,
): Promise<QuotaCheck> {
  const ready = client.ready(['gpt-4o-mini']);
  if (ready) await ready;
  const check = () => {
    checked?.(Date.now());
    return client.check(['gpt-4o-mini'], estimate);
  };
  const first = check();
  return first.short ? client.waitIfShort(first, check) : first;
}

afterEach(() => mock.timers.reset());

describe('observed defects (standalone gateway)', () => {
  test('requests: 10 per 1m admits exactly 10 in the window after an exhausted one and idle minutes', async () => {
    // Observed: 11 of 13. The lease client admitted on an "overdraft" (its share of the budget the
    // service last called unallocated) and reset that overdraft on every answer, while calls
    // admitted on it were still in flight: each reset let one more through.
    mock.timers.enable({ apis: ['setInterval', 'setTimeout', 'Date'], now: Date.UTC(2025, 0, 15, 12, 0, 5) });
    const service = localQuotaService();
    const client = new QuotaClient(service, { holder: 'standalone' });
    client.configure([quota('requests', 10, '1m')]);
    const admittedPerRound: number[] = [];
    for (let round = 0; round < 3; round++) {
      let admitted = 0;
      for (let i = 0; i < 13; i++) {
        const c = await drive(admit(client, { requests: 1 }));
        if (c.decision === 'admit') {
          admitted++;
          await advance(3, 1); // the upstream answers
          client.settle(c.ticket, { requests: 1 });
        }
        await advance(1, 1);
      }
      admittedPerRound.push(admitted);
      await advance(150_000, 250); // idle for two and a half minutes
    }
    await client.close();
    assert.deepEqual(admittedPerRound, [10, 10, 10]);
  });

  test('back-to-back token calls are not refused while budget is left (lease churn waits instead)', async () => {
    // Observed: 429 quota_exceeded for 40-180 ms at a time with budget left, and the admitted count
    // for the same calls varying run to run. Here 3 concurrent callers of 4 ms calls estimated at
    // 171 tokens that settle at 26: the old client refused 59 of them with the budget covering them.
    mock.timers.enable({ apis: ['setInterval', 'setTimeout', 'Date'], now: Date.UTC(2025, 0, 15, 12, 0, 1) });
    const service = localQuotaService();
    const client = new QuotaClient(service, { holder: 'standalone' });
    const amount = 2_234;
    client.configure([quota('tokens', amount, '1m')]);
    let settled = 0;
    let falseDenials = 0;
    let admitted = 0;
    const caller = async () => {
      for (let i = 0; i < 60; i++) {
        const c = await admit(client, { requests: 1, tokens: 171 });
        if (c.decision !== 'admit') {
          // Remaining: not spent, and not reserved by calls in flight.
          if (amount - settled - client.limits[0].reserved >= 171) falseDenials++;
          await sleep(1);
          continue;
        }
        admitted++;
        await sleep(4);
        settled += 26;
        client.settle(c.ticket, { requests: 1, tokens: 26 });
      }
    };
    await drive(Promise.all([caller(), caller(), caller()]));
    await client.close();
    assert.equal(falseDenials, 0, 'no call refused while the budget covered it');
    assert.ok(amount - settled < 171 + 2 * 171, `the budget was spent (${amount - settled} left)`);
    assert.ok(admitted >= 80, `${admitted} admitted`);
  });

  test('a request larger than the limit gets 400 quota_request_too_large, no retry-after', async () => {
    const clock = { t: Date.UTC(2025, 0, 15, 12, 0, 1) };
    const service = localQuotaService({ now: () => clock.t });
    const client = new QuotaClient(service, { holder: 'p', now: () => clock.t, timer: false });
    client.configure([quota('tokens', 200, '1m')]);
    await client.sync();
    const c = client.check(['gpt-4o-mini'], { requests: 1, tokens: 1_035 });
    assert.equal(c.decision, 'deny');
    assert.equal(c.short, undefined, 'nothing to wait for');
    assert.equal(c.denial?.status, 400);
    assert.equal(c.denial?.code, 'quota_request_too_large');
    assert.equal(c.denial?.retryAfterSeconds, undefined);
    assert.equal(
      c.denial?.message,
      'quota team-a/budget limit limit: this request needs 1035 tokens, more than the limit of 200 tokens per 1m; it can never be admitted (lower max_tokens or the prompt)',
    );
    await client.close();
  });

  test('reserveOutputTokens makes small budgets usable when apps send no max_tokens', async () => {
    // Observed: a 200-token limit admitted 0 of 40 calls costing ~11 tokens (each estimated at
    // prompt + 1024); a $1 limit 0 of 20 calls costing $0.16.
    const clock = { t: Date.UTC(2025, 0, 15, 12, 0, 1) };
    const cases = [
      { q: quota('tokens', 200, '1h', { reserveOutputTokens: 8 }), calls: 40, real: 11, expect: 18 },
      { q: quota('costUSD', 1, '1h', { reserveOutputTokens: 1_000 }), calls: 20, real: 0.16, expect: 6 },
    ];
    for (const { q, calls, real, expect } of cases) {
      const service = localQuotaService({ now: () => clock.t });
      const client = new QuotaClient(service, { holder: 'p', now: () => clock.t, timer: false, minGapMs: 0 });
      client.configure([q]);
      await client.sync();
      let admitted = 0;
      for (let i = 0; i < calls; i++) {
        // 3 prompt tokens, no max_tokens: 1024 output by default; $10 per 1M input, $150 per 1M output.
        const estimate: Estimate = {
          requests: 1,
          inputTokens: 3,
          outputTokens: 1_024,
          tokens: 1_027,
          costUSD: (3 * 10 + 1_024 * 150) / 1e6,
          outputDefaulted: true,
          usdPerOutputToken: 150 / 1e6,
        };
        const c = await client.waitIfShort(client.check([undefined], estimate), () =>
          client.check([undefined], estimate),
        );
        if (c.decision !== 'admit') continue;
        admitted++;
        client.settle(c.ticket, { requests: 1, tokens: real, costUSD: real });
        await client.sync();
      }
      assert.equal(admitted, expect, `${q.limits[0].dimension}: ${admitted} of ${calls}`);
      await client.close();
    }
  });

  test('a models filter matches the serving model however the app spells it', async () => {
    const clock = { t: Date.UTC(2025, 0, 15, 12, 0, 1) };
    const service = localQuotaService({ now: () => clock.t });
    const client = new QuotaClient(service, { holder: 'p', now: () => clock.t, timer: false, minGapMs: 0 });
    client.configure([quota('requests', 5, '1h', { models: ['gpt-4o-mini'] })]);
    await client.sync();
    let admitted = 0;
    for (const spelling of [
      'gpt-4o-mini',
      'gpt-4o-mini ',
      'GPT-4o-Mini',
      ' gpt-4O-MINI',
      'gpt-4o-mini',
      'gpt-4o-mini ',
    ]) {
      const c = await client.waitIfShort(client.check([spelling], { requests: 1 }), () =>
        client.check([spelling], { requests: 1 }),
      );
      if (c.decision === 'admit') {
        admitted++;
        client.settle(c.ticket, { requests: 1 }, [spelling]);
      }
      await client.sync();
    }
    assert.equal(admitted, 5);
    assert.equal(service.ledger.status('team-a/budget')[0].used, 5);
    await client.close();
  });

  test('a fallback to a limited model is checked against that model before it is tried', async () => {
    const clock = { t: Date.UTC(2025, 0, 15, 12, 0, 1) };
    const service = localQuotaService({ now: () => clock.t });
    const client = new QuotaClient(service, { holder: 'p', now: () => clock.t, timer: false, minGapMs: 0 });
    client.configure([quota('requests', 5, '1h', { models: ['claude-haiku-4-5'] })]);
    await client.sync();
    let servedByFallback = 0;
    for (let i = 0; i < 15; i++) {
      // The primary (gpt-4o-mini) is not limited; it fails, and the call falls back to Claude.
      const c = client.check(['gpt-4o-mini'], { requests: 1 });
      assert.equal(c.decision, 'admit');
      const more = (): QuotaCheck => client.extend(c.ticket, ['claude-haiku-4-5'], { requests: 1 });
      const f = await client.waitIfShort(more(), more);
      if (f.decision === 'admit') servedByFallback++;
      client.settle(
        c.ticket,
        { requests: 1 },
        f.decision === 'admit' ? ['claude-haiku-4-5'] : ['gpt-4o-mini'],
      );
      await client.sync();
    }
    assert.equal(servedByFallback, 5, 'observed: 15 of 15 with a limit of 5');
    await client.close();
  });
});

// ---- the fleet simulation ----------------------------------------------------------------------

interface Scenario {
  name: string;
  seed: number;
  start: number;
  quota: QuotaConfig;
  holders: number;
  /** ms simulated. */
  durationMs: number;
  /** Busy/idle phases: calls arrive only while busy (idle longer than the client's idleMs). */
  busyMs: number;
  idleMs: number;
  /** Mean gap between calls per holder while busy. */
  gapMs: number;
  /** Estimate and actual spend of one call. */
  size(rand: () => number): { estimate: number; actual: number };
}

interface WindowTally {
  /** Most ever committed at once: settled spend + estimates of calls in flight. */
  peakCommitted: number;
  inFlight: number;
  admittedActual: number;
  admitted: number;
  settled: number;
  denied: number;
  falseDenials: number;
  maxWaitMs: number;
}

async function simulate(s: Scenario) {
  mock.timers.enable({ apis: ['setInterval', 'setTimeout', 'Date'], now: s.start });
  const rand = rng(s.seed);
  const ledger = new Ledger();
  ledger.configure([s.quota]);
  const limit = s.quota.limits[0];
  const dim = limit.dimension;
  let leaseCalls = 0;
  const service: QuotaService = {
    lease: (r) =>
      new Promise((resolve) => {
        leaseCalls++;
        // One network hop each way: 1-20 ms.
        setTimeout(() => resolve(answerBatch(ledger, r)), 1 + Math.floor(rand() * 20));
      }),
  };
  const clients = Array.from({ length: s.holders }, (_, i) => {
    const c = new QuotaClient(service, { holder: `pod-${i}` });
    c.configure([s.quota]);
    return c;
  });
  const windows = new Map<number, WindowTally>();
  const tally = (end: number) => {
    let w = windows.get(end);
    if (!w) {
      w = {
        peakCommitted: 0,
        inFlight: 0,
        admittedActual: 0,
        admitted: 0,
        settled: 0,
        denied: 0,
        falseDenials: 0,
        maxWaitMs: 0,
      };
      windows.set(end, w);
    }
    return w;
  };
  const windowEnd = (at = Date.now()) => clients[0].limits[0].window.bounds(at).end;
  const measure = (x: number): Estimate => ({ requests: 1, [dim]: x }) as Estimate;

  const calls: Promise<void>[] = [];
  // Calls waiting for lease right now (id -> estimate) and, for those admitted, that they were.
  const waiting = new Map<number, number>();
  const admittedIds = new Set<number>();
  const denials: { w: WindowTally; remaining: number; estimate: number; waitingThen: number[] }[] = [];
  let ids = 0;
  const call = async (c: QuotaClient) => {
    const id = ids++;
    const { estimate, actual } = s.size(rand);
    const t0 = Date.now();
    waiting.set(id, estimate);
    // A call is judged in the window of its last check (the simulated clock may pass a window's
    // end while the answer is on its way back to the caller).
    let checkedAt = t0;
    const check = await admit(c, measure(estimate), (at) => {
      checkedAt = at;
    });
    waiting.delete(id);
    const w = tally(windowEnd(checkedAt));
    w.maxWaitMs = Math.max(w.maxWaitMs, Date.now() - t0);
    if (check.decision !== 'admit') {
      w.denied++;
      // Remaining as the whole fleet knows it: not spent, not reserved by calls in flight, and not
      // going to calls that were waiting alongside (judged once we know which of them got in).
      let inFlight = 0;
      for (const h of clients) {
        h.limits[0].roll(Date.now());
        inFlight += h.limits[0].reserved;
      }
      if (check.denial?.code !== 'quota_request_too_large')
        denials.push({
          w,
          remaining: limit.amount - w.settled - inFlight,
          estimate,
          waitingThen: [...waiting.keys()],
        });
      return;
    }
    admittedIds.add(id);
    const [[, r]] = [...check.ticket.reservations];
    const mine = tally(r.windowEnd);
    mine.admitted++;
    mine.admittedActual += actual;
    mine.inFlight += estimate;
    mine.peakCommitted = Math.max(mine.peakCommitted, mine.settled + mine.inFlight);
    await sleep(5 + Math.floor(rand() * 200)); // the upstream call
    mine.inFlight -= estimate;
    mine.settled += actual;
    c.settle(check.ticket, measure(actual));
  };
  const estimates = new Map<number, number>();
  const track = waiting.set.bind(waiting);
  waiting.set = (id, e) => {
    estimates.set(id, e);
    return track(id, e);
  };

  const end = s.start + s.durationMs;
  const next = clients.map(() => s.start + rand() * s.gapMs);
  while (Date.now() < end) {
    const phase = (Date.now() - s.start) % (s.busyMs + s.idleMs);
    for (let i = 0; i < clients.length; i++) {
      if (Date.now() < next[i]) continue;
      next[i] = Date.now() + rand() * 2 * s.gapMs;
      if (phase < s.busyMs) calls.push(call(clients[i]));
    }
    await advance(5);
  }
  await drive(Promise.all(calls));
  await drive(Promise.all(clients.map((c) => c.close())));
  for (const d of denials) {
    let remaining = d.remaining;
    for (const id of d.waitingThen) if (admittedIds.has(id)) remaining -= estimates.get(id) ?? 0;
    if (remaining >= d.estimate + 1e-9) d.w.falseDenials++;
  }
  mock.timers.reset();
  return { windows: [...windows.entries()].sort((a, b) => a[0] - b[0]), leaseCalls };
}

const SCENARIOS: Scenario[] = [
  {
    name: 'requests per 1m, 5 holders, busy 20 s / idle 70 s',
    seed: 1,
    start: Date.UTC(2025, 0, 15, 12, 0, 20),
    quota: quota('requests', 40, '1m'),
    holders: 5,
    durationMs: 200_000,
    busyMs: 20_000,
    idleMs: 70_000,
    gapMs: 300,
    size: () => ({ estimate: 1, actual: 1 }),
  },
  {
    name: 'tokens per 1m, 4 holders, estimates above the real spend',
    seed: 2,
    start: Date.UTC(2025, 0, 15, 12, 0, 40),
    quota: quota('tokens', 5_000, '1m'),
    holders: 4,
    durationMs: 150_000,
    busyMs: 30_000,
    idleMs: 65_000,
    gapMs: 100,
    size: (rand) => {
      const estimate = 20 + Math.floor(rand() * 300);
      return { estimate, actual: Math.floor(estimate * (0.3 + rand() * 0.7)) };
    },
  },
  {
    name: 'costUSD per calendarMonth across New Year, 3 holders',
    seed: 3,
    start: Date.UTC(2025, 11, 31, 23, 59, 30),
    quota: quota('costUSD', 2, 'calendarMonth'),
    holders: 3,
    durationMs: 60_000,
    busyMs: 60_000,
    idleMs: 0,
    gapMs: 50,
    size: (rand) => {
      const estimate = Math.round((0.01 + rand() * 0.05) * 1e6) / 1e6;
      return { estimate, actual: Math.round(estimate * (0.5 + rand() * 0.5) * 1e6) / 1e6 };
    },
  },
];

describe('fleet simulation: admitted <= limit, no refusal while the budget covers the call', () => {
  for (const s of SCENARIOS) {
    test(s.name, async (t) => {
      const { windows, leaseCalls } = await simulate(s);
      const amount = s.quota.limits[0].amount;
      for (const [end, w] of windows) {
        t.diagnostic(
          `window ending ${new Date(end).toISOString()}: admitted ${w.admitted} calls, ${+w.admittedActual.toFixed(6)} spent of ${amount} (at most ${+w.peakCommitted.toFixed(6)} spent + reserved at once); ${w.denied} denied, ${w.falseDenials} while the budget covered the call; longest wait ${w.maxWaitMs} ms`,
        );
        // Spent + the estimates of calls in flight never exceed the limit (actual <= estimate here).
        assert.ok(w.peakCommitted <= amount + 1e-9, `committed ${w.peakCommitted} > limit ${amount}`);
        assert.equal(w.falseDenials, 0, 'refused while the budget covered the call');
      }
      t.diagnostic(`${leaseCalls} lease calls`);
      // The budget was used: every window with demand beyond the limit spent nearly all of it.
      const busy = windows.filter(([, w]) => w.denied > 0);
      assert.ok(busy.length > 0, 'some window ran out (the scenario tests the edge)');
    });
  }
});
