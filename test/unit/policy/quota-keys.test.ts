// Per end user / per key limits (AIQuota limits[].per): the key a call counts for, per-key
// counters in the ledger (bounded), per-key leases in the client (batched, bounded), and a fleet
// of holders sharing thousands of keys without any key going over its limit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { QuotaClient } from '../../../sidecar/quota/client.ts';
import { type KeyOf, keysOf, NO_KEY, partitionKey } from '../../../sidecar/quota/keys.ts';
import { Ledger, type LedgerError } from '../../../sidecar/quota/ledger.ts';
import {
  answerBatch,
  type LeaseRequest,
  localQuotaService,
  type QuotaService,
} from '../../../sidecar/quota/service.ts';
import type { QuotaConfig } from '../../../sidecar/snapshot/schema.ts';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 5);

/** One call's admission as the quota step makes it: a short lease waits (bounded) for more. */
async function decide(client: QuotaClient, models: string[], keyOf: KeyOf) {
  const c = client.check(models, { requests: 1 }, keyOf);
  return c.short ? client.waitIfShort(c, () => client.check(models, { requests: 1 }, keyOf)) : c;
}
const ID = 'team-a/per-user';

function perUser(
  amount = 3,
  source: 'header' | 'body' | 'claim' = 'header',
  name = 'x-aimesh-user',
): QuotaConfig {
  return {
    id: ID,
    enforcement: 'Enforce',
    failurePolicy: 'FailClosed',
    limits: [{ name: 'user-rpm', dimension: 'requests', amount, window: '1m', per: { source, name } }],
  };
}

const item = (key: string | undefined, over: Record<string, unknown> = {}) => ({
  quota: ID,
  limit: 'user-rpm',
  want: 0,
  used: 0,
  ...(key !== undefined ? { key } : {}),
  ...over,
});

describe('partition keys', () => {
  const from = {
    headers: { 'x-aimesh-user': 'alice', 'x-tenant': ['t1', 't2'] },
    body: { user: 'bob', safety_identifier: 'hash-1', model: 'gpt-4o' },
    claims: { sub: 'carol', org: { id: 42 } },
  };
  test('reads a header, a body field or a verified claim', () => {
    assert.equal(partitionKey({ source: 'header', name: 'x-aimesh-user' }, from), 'alice');
    assert.equal(partitionKey({ source: 'header', name: 'x-tenant' }, from), 't1');
    assert.equal(partitionKey({ source: 'body', name: 'user' }, from), 'bob');
    assert.equal(partitionKey({ source: 'body', name: 'safety_identifier' }, from), 'hash-1');
    assert.equal(partitionKey({ source: 'claim', name: 'sub' }, from), 'carol');
    assert.equal(partitionKey({ source: 'claim', name: 'org.id' }, from), '42');
  });
  test('calls without the attribute share one key; long keys are hashed, never truncated into a collision', () => {
    assert.equal(partitionKey({ source: 'claim', name: 'sub' }, { headers: {} }), NO_KEY);
    assert.equal(
      partitionKey({ source: 'body', name: 'user' }, { headers: {}, body: { user: '  ' } }),
      NO_KEY,
    );
    const a = partitionKey(
      { source: 'body', name: 'user' },
      { headers: {}, body: { user: `${'x'.repeat(200)}a` } },
    );
    const b = partitionKey(
      { source: 'body', name: 'user' },
      { headers: {}, body: { user: `${'x'.repeat(200)}b` } },
    );
    assert.match(a, /^sha256:[0-9a-f]{32}$/);
    assert.notEqual(a, b);
  });
  test('keysOf answers only for partitioned limits', () => {
    const keyOf = keysOf(from);
    assert.equal(keyOf(perUser().limits[0]!), 'alice');
    assert.equal(keyOf({ name: 'x', dimension: 'requests', amount: 1, window: '1m' }), undefined);
  });
});

describe('ledger: per-key counters', () => {
  const setup = (maxKeys?: number) => {
    const clock = { t: T0 };
    const ledger = new Ledger({ now: () => clock.t, ...(maxKeys ? { maxKeys } : {}) });
    ledger.configure([perUser(3)]);
    return { clock, ledger };
  };

  test('every key gets the whole amount; one key spending does not touch another', () => {
    const { ledger } = setup();
    const a = ledger.lease('h1', item('alice', { want: 10 }));
    assert.equal(a.granted, 3);
    assert.equal(a.amount, 3);
    ledger.lease('h1', item('alice', { used: 3 }));
    const b = ledger.lease('h1', item('bob', { want: 10 }));
    assert.equal(b.granted, 3, 'bob has his own 3');
    assert.equal(
      ledger.lease('h2', item('alice', { want: 1 })).granted,
      0,
      'alice is spent, for every holder',
    );
  });

  test('a partitioned limit needs a key; a plain one refuses a key', () => {
    const { ledger } = setup();
    assert.throws(
      () => ledger.lease('h1', item(undefined)),
      (e: LedgerError) => e.code === 'invalid',
    );
    ledger.configure([
      { ...perUser(), limits: [{ name: 'user-rpm', dimension: 'requests', amount: 3, window: '1m' }] },
    ]);
    assert.throws(
      () => ledger.lease('h1', item('alice')),
      (e: LedgerError) => e.code === 'invalid',
    );
  });

  test("a key's spend survives its holders leaving (parked) and counts when it comes back", () => {
    const { ledger, clock } = setup();
    ledger.lease('h1', item('alice', { want: 3 }));
    ledger.lease('h1', item('alice', { used: 2, release: true, giveBack: 1 }));
    clock.t += 1000;
    ledger.tick();
    assert.equal(ledger.lease('h2', item('alice', { want: 5 })).granted, 1, '3 - 2 spent');
  });

  test('status: used is the sum over keys, with the key count and the top consumers', () => {
    const { ledger } = setup();
    for (const [key, n] of [
      ['a', 1],
      ['b', 3],
      ['c', 2],
    ] as const)
      ledger.lease('h1', item(key, { used: n }));
    const [s] = ledger.status(ID);
    assert.equal(s!.used, 6);
    assert.equal(s!.limit, 3);
    assert.equal(s!.keys, 3);
    assert.deepEqual(s!.top, [
      { key: 'b', used: 3 },
      { key: 'c', used: 2 },
      { key: 'a', used: 1 },
    ]);
    assert.deepEqual(
      ledger.usage(ID)[0]!.keys.map((k) => k.key),
      ['b', 'c', 'a'],
    );
  });

  test('at most maxKeys keys a window: a new key beyond is refused (too_many_keys), known keys still work', () => {
    const { ledger, clock } = setup(2);
    ledger.lease('h1', item('a', { used: 1 }));
    ledger.lease('h1', item('b', { used: 1 }));
    assert.throws(
      () => ledger.lease('h1', item('c')),
      (e: LedgerError) => e.code === 'too_many_keys',
    );
    assert.equal(ledger.lease('h1', item('a', { want: 1 })).granted, 1);
    // The next window starts with no keys.
    clock.t += 60_000;
    ledger.tick();
    assert.equal(ledger.lease('h1', item('c', { want: 1 })).granted, 1);
    assert.equal(ledger.status(ID)[0]!.keys, 1);
  });

  test('restore continues the top keys from status (new leader)', () => {
    const { ledger } = setup();
    const resetsAt = ledger.status(ID)[0]!.resetsAt;
    const next = new Ledger({ now: () => T0 });
    next.configure([perUser(3)]);
    next.restore(ID, [{ name: 'user-rpm', used: 5, limit: 3, resetsAt, top: [{ key: 'alice', used: 3 }] }]);
    assert.equal(
      next.lease('h1', item('alice', { want: 1 })).granted,
      0,
      'alice was spent before the change',
    );
    assert.equal(next.lease('h1', item('bob', { want: 1 })).granted, 1);
  });

  test('idle keys cost a number, not a counter: 100,000 keys fit in a bounded heap', () => {
    const { ledger, clock } = setup();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100_000; i++)
      ledger.lease(`h${i % 1000}`, item(`user-${i}`, { used: 1, release: true }));
    clock.t += 1000;
    ledger.tick();
    const grown = process.memoryUsage().heapUsed - before;
    assert.equal(ledger.status(ID)[0]!.keys, 100_000);
    assert.ok(grown < 60e6, `heap grew ${Math.round(grown / 1e6)} MB for 100,000 keys`);
  });
});

describe('client: per-key leases', () => {
  function setup(quota = perUser(3), opts: { maxKeys?: number; maxBatch?: number; idleMs?: number } = {}) {
    const clock = { t: T0 };
    const now = () => clock.t;
    const local = localQuotaService({ now });
    const batches: number[] = [];
    const service: QuotaService & { ledger: Ledger } = {
      ledger: local.ledger,
      configure: local.configure,
      lease: async (r: LeaseRequest) => {
        batches.push(r.leases.length);
        return answerBatch(local.ledger, r);
      },
    };
    const client = new QuotaClient(service, { holder: 'pod-1', now, timer: false, minGapMs: 0, ...opts });
    client.configure([quota]);
    return { clock, client, service, batches };
  }
  const call = (user: string) => keysOf({ headers: { 'x-aimesh-user': user } });

  async function admit(client: QuotaClient, user: string): Promise<string> {
    await client.ready(['gpt-4o'], call(user));
    const c = await decide(client, ['gpt-4o'], call(user));
    if (c.decision === 'admit') client.settle(c.ticket, { requests: 1 });
    return c.decision === 'deny' ? c.denial!.message : c.decision;
  }

  test('each user gets the limit; the denial names the key', async () => {
    const { client } = setup();
    for (let i = 0; i < 3; i++) assert.equal(await admit(client, 'alice'), 'admit');
    assert.match(
      await admit(client, 'alice'),
      /limit user-rpm for key "alice" exhausted \(3 requests per 1m\)/,
    );
    for (let i = 0; i < 3; i++) assert.equal(await admit(client, 'bob'), 'admit');
  });

  test('new keys are asked for together: one round trip carries many keys', async () => {
    const { client, batches } = setup();
    const waits = Array.from({ length: 500 }, (_, i) => client.ready(['gpt-4o'], call(`u${i}`)));
    await Promise.all(waits);
    // The first key goes out at once; the other 499 wait behind it and travel together.
    assert.ok(batches.length <= 2, `${batches.length} round trips for 500 new keys`);
    assert.ok(Math.max(...batches) >= 499);
    for (let i = 0; i < 500; i++)
      assert.equal(client.check(['gpt-4o'], { requests: 1 }, call(`u${i}`)).decision, 'admit');
  });

  test('a batch larger than maxBatch goes out as parallel parts', async () => {
    const { client, batches } = setup(perUser(3), { maxBatch: 100 });
    await Promise.all(Array.from({ length: 250 }, (_, i) => client.ready(['gpt-4o'], call(`u${i}`))));
    assert.ok(
      batches.every((n) => n <= 100),
      `batches ${batches}`,
    );
    assert.equal(
      batches.reduce((a, b) => a + b, 0),
      250,
    );
    assert.ok(batches.length <= 4, `batches ${batches}`);
  });

  test('per-key leases are bounded (LRU); evicted keys report their spend and hand the lease back', async () => {
    const { client, service } = setup(perUser(3), { maxKeys: 50 });
    for (let i = 0; i < 400; i++) assert.equal(await admit(client, `u${i}`), 'admit');
    await client.sync();
    await client.sync();
    assert.ok(client.keyedLeases <= 50, `${client.keyedLeases} leases kept`);
    const [s] = service.ledger.status(ID);
    assert.equal(s!.used, 400, 'every admitted call was reported');
    // An evicted key keeps its spend at the service: u0 may take 2 more, not 3.
    assert.equal(await admit(client, 'u0'), 'admit');
    assert.equal(await admit(client, 'u0'), 'admit');
    assert.match(await admit(client, 'u0'), /exhausted/);
  });

  test('idle per-key leases are handed back and forgotten', async () => {
    const { client, clock, service } = setup(perUser(3), { idleMs: 10_000 });
    await admit(client, 'alice');
    await client.sync();
    assert.equal(client.keyedLeases, 1);
    clock.t += 11_000;
    await client.sync(); // the release
    await client.sync();
    assert.equal(client.keyedLeases, 0);
    const holders = service.ledger.inspect()[0]!.holders;
    assert.deepEqual(holders, []);
  });
});

describe('fleet: 10 holders x 2,000 keys share one ledger', () => {
  test('no key is admitted more than its limit', async () => {
    const clock = { t: T0 };
    const now = () => clock.t;
    const ledger = new Ledger({ now });
    ledger.configure([perUser(5)]);
    const service: QuotaService = { lease: async (r) => answerBatch(ledger, r) };
    const clients = Array.from(
      { length: 10 },
      (_, i) =>
        // A short lease waits at most 50 ms here (real time; the quota clock is the test's).
        new QuotaClient(service, {
          holder: `pod-${i}`,
          now,
          timer: false,
          minGapMs: 0,
          maxKeys: 500,
          maxWaitMs: 50,
        }),
    );
    for (const c of clients) c.configure([perUser(5)]);
    const admitted = new Map<string, number>();
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let round = 0; round < 15; round++) {
      await Promise.all(
        clients.map(async (client) => {
          const users = Array.from({ length: 50 }, () => `u${Math.floor(rand() * 2000)}`);
          // Concurrent calls, as a sidecar serves them.
          await Promise.all(
            users.map(async (user) => {
              const keyOf = keysOf({ headers: { 'x-aimesh-user': user } });
              await client.ready(['m'], keyOf);
              const c = await decide(client, ['m'], keyOf);
              if (c.decision === 'admit' || c.decision === 'fail-open') {
                admitted.set(user, (admitted.get(user) ?? 0) + 1);
                client.settle(c.ticket, { requests: 1 });
              }
            }),
          );
          await client.sync();
        }),
      );
      clock.t += 50;
    }
    await Promise.all(clients.map((c) => c.sync()));
    const over = [...admitted].filter(([, n]) => n > 5);
    assert.deepEqual(over, [], 'keys admitted beyond 5');
    const total = [...admitted.values()].reduce((a, b) => a + b, 0);
    assert.equal(ledger.status(ID)[0]!.used, total);
  });
});

describe('leader change', () => {
  test('the new leader rebuilds every key from status top and the holders carries; nobody gets a fresh budget', async () => {
    const clock = { t: T0 };
    const now = () => clock.t;
    let ledger = new Ledger({ now });
    ledger.configure([perUser(5)]);
    const service: QuotaService = { lease: async (r) => answerBatch(ledger, r) };
    const clients = [0, 1, 2].map(
      (i) => new QuotaClient(service, { holder: `pod-${i}`, now, timer: false, minGapMs: 0 }),
    );
    for (const c of clients) c.configure([perUser(5)]);
    const spend = async (client: QuotaClient, user: string) => {
      const keyOf = keysOf({ headers: { 'x-aimesh-user': user } });
      await client.ready(['m'], keyOf);
      const c = await decide(client, ['m'], keyOf);
      if (c.decision === 'admit') client.settle(c.ticket, { requests: 1 });
      return c.decision;
    };
    // 300 users, each spends 3 of 5 through one of the replicas.
    for (let u = 0; u < 300; u++)
      for (let k = 0; k < 3; k++) assert.equal(await spend(clients[u % 3]!, `u${u}`), 'admit');
    for (const c of clients) await c.sync();
    const before = ledger.status(ID)[0]!;
    assert.equal(before.used, 900);

    // Leader change: a fresh ledger restored from status (top 10 only), then the holders call in.
    ledger = new Ledger({ now });
    ledger.configure([perUser(5)]);
    ledger.restore(ID, [before]);
    for (const c of clients) await c.sync(); // sees the new term
    for (const c of clients) await c.sync(); // carries
    assert.equal(ledger.status(ID)[0]!.used, 900, 'every key back, none counted twice');
    // u7 spent 3 (not a top-10 key: recovered from its holder's carry): two more, then denied.
    assert.equal(await spend(clients[1]!, 'u7'), 'admit');
    assert.equal(await spend(clients[1]!, 'u7'), 'admit');
    assert.equal(await spend(clients[1]!, 'u7'), 'deny');
  });
});
