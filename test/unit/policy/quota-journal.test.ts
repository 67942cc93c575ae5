// The lease journal (sidecar/quota/journal.ts): a sidecar killed mid-window and restarted on its
// state volume carries on as the same holder. The dead process's calls count (in flight ones as
// spent), its unspent lease is its own again, nothing is counted lost, and the window's budget
// stays whole and exact. Without the journal the same crash pins the lease until the reset (the
// contrast each test shows). Also: hand-backs journaled before they leave, per-key leases,
// another holder's file, a clean shutdown, compaction, and a lease call that hangs.
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { type Estimate, QuotaClient } from '../../../sidecar/quota/client.ts';
import { JOURNAL_FILE, LeaseJournal } from '../../../sidecar/quota/journal.ts';
import { localQuotaService, type QuotaService } from '../../../sidecar/quota/service.ts';
import type { QuotaConfig } from '../../../sidecar/snapshot/schema.ts';
import { tempDir } from '../../support/procs.ts';

const T0 = Date.UTC(2025, 0, 15, 12, 10, 0);
const ID = 'team-a/budget';
const ONE: Estimate = { requests: 1 };

const requestsPerHour = (
  amount: number,
  failurePolicy: QuotaConfig['failurePolicy'] = 'FailClosed',
): QuotaConfig => ({
  id: ID,
  enforcement: 'Enforce',
  failurePolicy,
  limits: [{ name: 'rph', dimension: 'requests', amount, window: '1h' }],
});
const perUser = (amount: number): QuotaConfig => ({
  id: ID,
  enforcement: 'Enforce',
  failurePolicy: 'FailClosed',
  limits: [
    {
      name: 'user-rph',
      dimension: 'requests',
      amount,
      window: '1h',
      per: { source: 'header', name: 'x-user' },
    },
  ],
});

const dirs: { remove(): void }[] = [];
/** Each test sidecar's journal: a crash is its last write. */
const journals = new WeakMap<QuotaClient, LeaseJournal | undefined>();
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

function stage() {
  const clock = { t: T0 };
  const now = () => clock.t;
  const service = localQuotaService({ now });
  const dir = tempDir('aimesh-journal');
  dirs.push(dir);
  /** A sidecar process: a client on the journal in `dir` (none: no journal). */
  const sidecar = (
    quotas: QuotaConfig[],
    o: { journal?: boolean; holder?: string; svc?: QuotaService; idleMs?: number } = {},
  ) => {
    const journal =
      o.journal === false ? undefined : new LeaseJournal({ dir: dir.path, holder: o.holder ?? 'pod-1', now });
    const client = new QuotaClient(o.svc ?? service, {
      holder: 'pod-1',
      now,
      timer: false,
      minGapMs: 0,
      journal,
      idleMs: o.idleMs,
    });
    client.configure(quotas);
    journals.set(client, journal);
    return client;
  };
  const limit = () => service.ledger.inspect()[0]!;
  return { clock, service, dir: dir.path, sidecar, limit };
}

/** Admits calls (asking the service when the lease is short) until one is denied; returns how many. */
async function spendAll(client: QuotaClient, keyOf?: (l: unknown) => string): Promise<number> {
  let n = 0;
  for (;;) {
    const first = client.check(['gpt-4o'], ONE, keyOf as never);
    const c = first.short
      ? await client.waitIfShort(first, () => client.check(['gpt-4o'], ONE, keyOf as never))
      : first;
    if (c.decision !== 'admit') return n;
    client.settle(c.ticket, ONE);
    n++;
    if (n % 7 === 0) await client.sync();
  }
}

/** One call admitted (waiting for the service when the lease is short). */
async function admitOne(client: QuotaClient, keyOf?: () => string) {
  await client.ready(['gpt-4o'], keyOf as never);
  const first = client.check(['gpt-4o'], ONE, keyOf as never);
  const c = first.short
    ? await client.waitIfShort(first, () => client.check(['gpt-4o'], ONE, keyOf as never))
    : first;
  assert.equal(c.decision, 'admit', JSON.stringify(c.denial));
  return c.ticket;
}

/**
 * A crash after spending: `settled` calls settled (the first two reported and acknowledged),
 * `inflight` still running, and more lease held than either.
 */
async function crashAfter(
  client: QuotaClient,
  settled: number,
  inflight: number,
  o: { keyOf?: () => string; die?: boolean } = {},
) {
  const tickets = [];
  for (let i = 0; i < settled + inflight; i++) tickets.push(await admitOne(client, o.keyOf));
  await client.sync(); // a top-up at the pace just seen
  for (const t of tickets.slice(settled)) client.cancel(t);
  for (let i = 0; i < settled; i++) {
    client.settle(tickets[i]!, ONE);
    if (i === 1) await client.sync();
  }
  await new Promise((r) => setImmediate(r)); // settles are journaled after the turn
  // The last calls are admitted from the lease just before the crash: nothing but the admission
  // itself wrote them down.
  for (let i = 0; i < inflight; i++)
    assert.equal(
      client.check(['gpt-4o'], ONE, o.keyOf as never).decision,
      'admit',
      'admitted from the lease',
    );
  // SIGKILL: nothing more runs in this process (no close(), no report, no pending write).
  if (o.die !== false) journals.get(client)?.close();
}

describe('lease journal', () => {
  test('a restarted sidecar carries on: its calls count, its unspent lease is its own, nothing is lost', async () => {
    const s = stage();
    const a = s.sidecar([requestsPerHour(100)]);
    await crashAfter(a, 5, 3);
    const before = s.limit();
    const unspent = a.limits[0]!.available(s.clock.t);
    assert.ok(unspent > 0, `the dead process held lease it never spent (${unspent})`);

    const b = s.sidecar([requestsPerHour(100)]);
    const l = b.limits[0]!;
    assert.equal(l.known, true, 'the restored lease serves at once');
    // Reported at once (configure starts a lease call: it is on the wire now).
    assert.equal(l.unreported + l.sending, 3 + 3, 'settled-unreported plus the calls that died in flight');
    assert.equal(l.reserved, 0);
    await b.sync();
    assert.equal(s.limit().lost, 0, `nothing counted lost (before the restart: ${JSON.stringify(before)})`);
    assert.equal(s.limit().used, 8, 'the dead process spent 8 calls (3 of them in flight when it died)');
    assert.equal(await spendAll(b), 92, 'the rest of the budget, exactly');
    await b.sync();
    assert.equal(s.limit().used, 100);
  });

  test('settled calls not yet reported are reported by the restarted process; cancelled ones are not', async () => {
    const s = stage();
    const a = s.sidecar([requestsPerHour(100)]);
    // 8 admitted: 6 settle (2 reported), 2 never reach the upstream (cancelled).
    const tickets = [];
    for (let i = 0; i < 8; i++) tickets.push(await admitOne(a));
    for (let i = 0; i < 2; i++) a.settle(tickets[i]!, ONE);
    await a.sync();
    for (let i = 2; i < 6; i++) a.settle(tickets[i]!, ONE);
    for (let i = 6; i < 8; i++) a.cancel(tickets[i]!);
    await new Promise((r) => setImmediate(r));
    journals.get(a)?.close();
    const b = s.sidecar([requestsPerHour(100)]);
    assert.equal(b.limits[0]!.unreported + b.limits[0]!.sending, 4, 'the 4 settled after the last report');
    await b.sync();
    assert.equal(s.limit().used, 6);
    assert.equal(s.limit().lost, 0);
    assert.equal(await spendAll(b), 94);
  });

  test('without the journal the same crash leaves the lease counted as spent until the reset', async () => {
    const s = stage();
    const a = s.sidecar([requestsPerHour(100)], { journal: false });
    await crashAfter(a, 5, 3);
    const unspent = a.limits[0]!.available(s.clock.t);
    const b = s.sidecar([requestsPerHour(100)], { journal: false });
    await b.sync();
    assert.ok(s.limit().lost >= unspent, `the dead lease is lost (${s.limit().lost}, ${unspent} unspent)`);
    assert.ok((await spendAll(b)) < 92, 'fewer calls than the budget has left');
    // The budget is gone into the dead lease: refused at once (no wait for lease that never
    // comes back), and the message says where it went.
    const refused = b.check(['gpt-4o'], ONE);
    assert.equal(refused.decision, 'deny');
    assert.equal(refused.short, undefined, 'not a short lease to wait for');
    assert.match(
      refused.denial!.message,
      /exhausted \(100 requests per 1h, \d+ requests of it leased to sidecars that went away without reporting\)/,
    );
  });

  test('a hand-back on the wire when the process dies is never spent again', async () => {
    const s = stage();
    // The service counts the call, but its answer never reaches the process (it died).
    let hang = false;
    const svc: QuotaService = {
      configure: (q) => s.service.configure?.(q),
      lease: async (r) => {
        const answer = await s.service.lease(r);
        if (hang) return new Promise(() => {});
        return answer;
      },
    };
    const a = s.sidecar([requestsPerHour(100)], { svc, idleMs: 5_000 });
    for (let i = 0; i < 4; i++) a.settle(await admitOne(a), ONE);
    await a.sync();
    assert.ok(a.limits[0]!.held > 0, 'it holds lease');
    // Idle (5 s here): the lease goes back, and the process dies with that call on the wire.
    s.clock.t += 6_000;
    hang = true;
    void a.sync();
    await new Promise((r) => setImmediate(r));
    journals.get(a)?.close();

    const b = s.sidecar([requestsPerHour(100)]);
    assert.equal(b.limits[0]!.held, 0, 'the handed-back lease is not the restarted process’s');
    assert.equal(await spendAll(b), 96, 'the whole rest of the budget, from the service');
    await b.sync();
    assert.equal(s.limit().used, 100);
    assert.equal(s.limit().lost, 0);
  });

  test('per-key leases come back with their keys, before any call names them', async () => {
    const s = stage();
    const keyOf = (user: string) => () => user;
    const a = s.sidecar([perUser(10)]);
    await crashAfter(a, 1, 1, { keyOf: keyOf('alice'), die: false });
    await crashAfter(a, 1, 1, { keyOf: keyOf('bob') });
    const b = s.sidecar([perUser(10)]);
    assert.equal(b.keyedLeases, 2, 'alice and bob restored');
    await b.sync();
    for (const user of ['alice', 'bob'])
      assert.equal(await spendAll(b, keyOf(user)), 8, `${user}: 2 spent before the crash, 8 left`);
    await b.sync();
    const limit = s.service.ledger.inspect()[0]!;
    assert.equal(limit.used, 20);
  });

  test('a clean shutdown gives the leases back and leaves nothing to carry on from', async () => {
    const s = stage();
    const a = s.sidecar([requestsPerHour(100)]);
    a.settle(await admitOne(a), ONE);
    await a.close();
    assert.throws(() => statSync(join(s.dir, JOURNAL_FILE)), /ENOENT/);
    const b = s.sidecar([requestsPerHour(100)]);
    assert.equal(b.limits[0]!.known, false, 'a fresh start');
    await b.sync();
    assert.equal(s.limit().lost, 0);
    assert.equal(await spendAll(b), 99);
  });

  test("another holder's journal is not taken over", async () => {
    const s = stage();
    const a = s.sidecar([requestsPerHour(100)], { holder: 'pod-1' });
    await crashAfter(a, 2, 0);
    const b = s.sidecar([requestsPerHour(100)], { holder: 'pod-2' });
    assert.equal(b.limits[0]!.known, false);
    assert.equal(b.limits[0]!.unreported, 0);
  });

  test('the file is rewritten when it grows, and still restores exactly', async () => {
    const s = stage();
    const journal = new LeaseJournal({
      dir: s.dir,
      holder: 'pod-1',
      now: () => s.clock.t,
      compactBytes: 2_000,
    });
    const a = new QuotaClient(s.service, {
      holder: 'pod-1',
      now: () => s.clock.t,
      timer: false,
      minGapMs: 0,
      journal,
    });
    a.configure([requestsPerHour(1_000)]);
    for (let i = 0; i < 300; i++) {
      a.settle(await admitOne(a), ONE);
      if (i % 50 === 49) await a.sync();
      else await new Promise((r) => setImmediate(r));
    }
    assert.ok(statSync(join(s.dir, JOURNAL_FILE)).size < 4_000, 'bounded by the rewrite');
    journal.close();
    const b = s.sidecar([requestsPerHour(1_000)]);
    await b.sync();
    assert.equal(s.limit().lost, 0);
    assert.equal(await spendAll(b), 700);
  });

  test('a torn or foreign file is ignored, not fatal', () => {
    const s = stage();
    writeFileSync(join(s.dir, JOURNAL_FILE), 'not json\n{"id":');
    const b = s.sidecar([requestsPerHour(100)]);
    assert.equal(b.limits[0]!.known, false);
    assert.match(readFileSync(join(s.dir, JOURNAL_FILE), 'utf8'), /"holder":"pod-1"/);
  });
});

describe('a short lease while the lease call hangs', () => {
  for (const policy of ['FailOpen', 'FailClosed'] as const) {
    test(`${policy}: after a whole wait with no answer, failurePolicy decides (not a quota_exceeded)`, async () => {
      const clock = { t: T0 };
      const now = () => clock.t;
      const inner = localQuotaService({ now });
      let hang = false;
      const svc: QuotaService = {
        configure: (q) => inner.configure?.(q),
        lease: (r) => (hang ? new Promise(() => {}) : inner.lease(r)),
      };
      const client = new QuotaClient(svc, { holder: 'pod-1', now, timer: false, minGapMs: 0, maxWaitMs: 50 });
      client.configure([requestsPerHour(100, policy)]);
      await client.sync();
      while (client.limits[0]!.available(now()) >= 1) client.check(['gpt-4o'], ONE);
      hang = true;
      const first = client.check(['gpt-4o'], ONE);
      assert.equal(first.short, true, 'short: the budget covers it, the lease does not');
      clock.t += 60; // the lease call it started has hung for longer than a wait
      const again = client.check(['gpt-4o'], ONE);
      if (policy === 'FailOpen') assert.equal(again.decision, 'fail-open');
      else {
        assert.equal(again.decision, 'deny');
        assert.equal(again.denial?.code, 'quota_unavailable');
        assert.match(again.denial!.message, /has not answered for 50 ms \(failurePolicy FailClosed\)/);
      }
    });
  }
});
