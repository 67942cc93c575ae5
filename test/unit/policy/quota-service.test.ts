// The operator's quota service, transport aside: who may lease what, body validation, leader-only
// serving, status flushes (only when dirty, retried after a failure) and restore from status.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type QuotaCaller,
  type QuotaObject,
  QuotaService,
  type StatusLimit,
  toLeaseRequest,
  usageSummary,
} from '../../../operator/quota/service.ts';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 10);

const aiquota = (namespace: string, name: string, status?: StatusLimit[]): QuotaObject => ({
  metadata: { namespace, name },
  spec: {
    limits: [{ name: 'tpm', tokens: 1000, window: '1m' }],
    enforcement: 'Enforce',
    failurePolicy: 'FailOpen',
  },
  ...(status ? { status: { limits: status } } : {}),
});

function service(opts: { persistFails?: boolean } = {}) {
  const writes: { id: string; limits: StatusLimit[] }[] = [];
  const svc = new QuotaService({
    authenticate: async (req) => {
      const auth = req.headers.authorization;
      if (auth === 'Bearer team-a') return { namespace: 'team-a', holder: 'pod-a' };
      if (auth === 'Bearer team-b') return { namespace: 'team-b', holder: 'pod-b' };
      return undefined;
    },
    persist: async (id, limits) => {
      if (opts.persistFails) throw new Error('apiserver down');
      writes.push({ id, limits });
    },
    ledger: { now: () => T0 },
    flushMs: 60_000,
  });
  return { svc, writes };
}

const body = (x: unknown) => Buffer.from(JSON.stringify(x));
const lease = { quota: 'team-a/budget', limit: 'tpm', want: 100, used: 0 };

describe('quota service', () => {
  test('serves only while it is the leader', async () => {
    const { svc } = service();
    svc.sync([aiquota('team-a', 'budget')]);
    const a = await svc.answer(
      'POST',
      { authorization: 'Bearer team-a' },
      body({ holder: 'x', leases: [lease] }),
    );
    assert.equal(a.status, 503);
    assert.equal(a.headers?.['retry-after'], '1');
    svc.start();
    const b = await svc.answer(
      'POST',
      { authorization: 'Bearer team-a' },
      body({ holder: 'x', leases: [lease] }),
    );
    assert.equal(b.status, 200);
    assert.equal((b.body as any).leases[0].granted, 100);
    await svc.stop();
  });

  test('401 without a valid token, 403 for another namespace, 400 for a bad body, 405 for GET', async () => {
    const { svc } = service();
    svc.sync([aiquota('team-a', 'budget')]);
    svc.start();
    assert.equal((await svc.answer('POST', {}, body({ leases: [lease] }))).status, 401);
    const other = await svc.answer('POST', { authorization: 'Bearer team-b' }, body({ leases: [lease] }));
    assert.equal(other.status, 403);
    assert.match((other.body as any).error.message, /namespace team-b may not lease quota team-a\/budget/);
    assert.equal(
      (await svc.answer('POST', { authorization: 'Bearer team-a' }, Buffer.from('{'))).status,
      400,
    );
    const neg = await svc.answer(
      'POST',
      { authorization: 'Bearer team-a' },
      body({ leases: [{ ...lease, used: -1 }] }),
    );
    assert.equal(neg.status, 400);
    assert.equal((await svc.answer('GET', { authorization: 'Bearer team-a' }, Buffer.alloc(0))).status, 405);
    await svc.stop();
  });

  test("a quota's selector decides who may lease it: other pods get a per-item NACK with the reason", async () => {
    const callers: Record<string, QuotaCaller> = {
      'Bearer chat': {
        namespace: 'team-a',
        holder: 'uid-chat',
        pod: 'chat-1',
        serviceAccount: 'chat',
        labels: { app: 'chat', tier: 'premium' },
      },
      'Bearer batch': {
        namespace: 'team-a',
        holder: 'uid-batch',
        pod: 'batch-1',
        serviceAccount: 'batch',
        labels: { app: 'batch' },
      },
      'Bearer unknown-pod': { namespace: 'team-a', holder: 'uid-x', pod: 'gone', serviceAccount: 'chat' },
    };
    const svc = new QuotaService({
      authenticate: async (req) => callers[String(req.headers.authorization)],
      persist: async () => {},
      ledger: { now: () => T0 },
      flushMs: 60_000,
    });
    const selected = (name: string, selector: object): QuotaObject => ({
      ...aiquota('team-a', name),
      spec: { ...(aiquota('team-a', name).spec as object), selector },
    });
    svc.sync([
      selected('chat-budget', { matchLabels: { app: 'chat' } }),
      selected('chat-sa', { serviceAccounts: ['chat'] }),
      aiquota('team-a', 'everyone'),
    ]);
    svc.start();
    const items = ['chat-budget', 'chat-sa', 'everyone'].map((q) => ({ ...lease, quota: `team-a/${q}` }));
    const ask = async (who: string) =>
      (await svc.answer('POST', { authorization: who }, body({ leases: items }))).body as any;
    const chat = await ask('Bearer chat');
    assert.deepEqual(
      chat.leases.map((l: any) => l.granted),
      [100, 100, 100],
    );
    const batch = await ask('Bearer batch');
    assert.equal(batch.leases[0].code, 'forbidden');
    assert.equal(
      batch.leases[0].error,
      'quota team-a/chat-budget selects pods labelled app=chat; pod team-a/batch-1 is not',
    );
    assert.equal(batch.leases[1].code, 'forbidden');
    assert.match(batch.leases[1].error, /selects ServiceAccounts chat; pod team-a\/batch-1 runs as batch/);
    assert.equal(batch.leases[2].granted, 100, 'a quota without a selector covers every pod');
    // A pod the operator cannot find is not assumed to match a label selector.
    const unknown = await ask('Bearer unknown-pod');
    assert.equal(unknown.leases[0].code, 'forbidden');
    assert.match(unknown.leases[0].error, /labels of pod team-a\/gone are unknown/);
    assert.equal(unknown.leases[1].granted, 100);
    await svc.stop();
  });

  test('a single lease body works too; unknown limits answer per item', async () => {
    const { svc } = service();
    svc.sync([aiquota('team-a', 'budget')]);
    svc.start();
    const a = await svc.answer('POST', { authorization: 'Bearer team-a' }, body(lease));
    assert.equal((a.body as any).leases[0].granted, 100);
    const b = await svc.answer(
      'POST',
      { authorization: 'Bearer team-a' },
      body({ leases: [{ ...lease, limit: 'nope' }, lease] }),
    );
    assert.equal((b.body as any).leases[0].code, 'not_found');
    assert.equal((b.body as any).leases[1].granted, 100);
    await svc.stop();
  });

  test('holders are per namespace, and the authenticated pod wins over the body', () => {
    const r = toLeaseRequest(
      { holder: 'spoofed', leases: [lease] },
      { namespace: 'team-a', holder: 'uid-1' },
    );
    assert.equal(typeof r === 'object' && r.holder, 'team-a/uid-1');
  });

  test("a lease item's need and reserved reach the ledger", () => {
    const r = toLeaseRequest(
      { leases: [{ ...lease, need: 30, reserved: 12 }] },
      { namespace: 'team-a', holder: 'p' },
    );
    assert.deepEqual(typeof r === 'object' && [r.leases[0].need, r.leases[0].reserved], [30, 12]);
    assert.equal(
      toLeaseRequest({ leases: [{ ...lease, reserved: -1 }] }, { namespace: 'team-a', holder: 'p' }),
      'reserved must be a number >= 0',
    );
  });

  test('flushes dirty quotas only, and retries a failed write', async () => {
    const { svc, writes } = service();
    svc.sync([aiquota('team-a', 'budget')]);
    svc.start();
    await svc.flush();
    assert.deepEqual(
      writes.splice(0),
      [
        {
          id: 'team-a/budget',
          limits: [{ name: 'tpm', used: 0, limit: 1000, resetsAt: '2025-01-15T12:01:00.000Z' }],
        },
      ],
      'a new quota is written once, with zeros',
    );
    await svc.answer('POST', { authorization: 'Bearer team-a' }, body({ leases: [lease] }));
    await svc.flush();
    assert.equal(writes.length, 0, 'a grant alone changes no status');
    await svc.answer(
      'POST',
      { authorization: 'Bearer team-a' },
      body({ leases: [{ ...lease, want: 0, used: 40 }] }),
    );
    await svc.flush();
    assert.deepEqual(writes, [
      {
        id: 'team-a/budget',
        limits: [{ name: 'tpm', used: 40, limit: 1000, resetsAt: '2025-01-15T12:01:00.000Z' }],
      },
    ]);
    await svc.flush();
    assert.equal(writes.length, 1);
    await svc.stop();

    const failing = service({ persistFails: true });
    failing.svc.sync([aiquota('team-a', 'budget')]);
    failing.svc.start();
    await failing.svc.answer(
      'POST',
      { authorization: 'Bearer team-a' },
      body({ leases: [{ ...lease, used: 5 }] }),
    );
    await failing.svc.flush();
    assert.deepEqual(failing.svc.ledger.takeDirty(), ['team-a/budget'], 'still dirty after a failed write');
    await failing.svc.stop();
  });

  test('status from creation: a quota without status, with a limit added, or without the usage line is written (zeros included)', async () => {
    const { svc, writes } = service();
    const complete = (name: string): QuotaObject => ({
      ...aiquota('team-a', name),
      status: {
        limits: [{ name: 'tpm', used: 0, limit: 1000, resetsAt: '2025-01-15T12:01:00.000Z' }],
        usage: 'tpm=0/1000',
      },
    });
    const twoLimits: QuotaObject = {
      metadata: { namespace: 'team-a', name: 'grown' },
      spec: {
        limits: [
          { name: 'tpm', tokens: 1000, window: '1m' },
          { name: 'daily-usd', costUSD: 2.5, window: '1d' },
        ],
      },
      // Written before the second limit was added.
      status: complete('x').status,
    };
    const noUsage: QuotaObject = {
      ...aiquota('team-a', 'older', [
        { name: 'tpm', used: 7, limit: 1000, resetsAt: '2025-01-15T12:01:00.000Z' },
      ]),
    };
    svc.sync([aiquota('team-a', 'fresh'), complete('done'), twoLimits, noUsage]);
    await svc.flush();
    assert.equal(writes.length, 0, 'a follower (not started) writes nothing');
    svc.start();
    await svc.flush();
    const byId = Object.fromEntries(writes.splice(0).map((w) => [w.id, w.limits]));
    assert.deepEqual(Object.keys(byId).sort(), ['team-a/fresh', 'team-a/grown', 'team-a/older']);
    assert.deepEqual(
      byId['team-a/fresh']!.map((l) => [l.name, l.used, l.limit]),
      [['tpm', 0, 1000]],
    );
    assert.deepEqual(
      byId['team-a/grown']!.map((l) => [l.name, l.used, l.limit]),
      [
        ['tpm', 0, 1000],
        ['daily-usd', 0, 2.5],
      ],
    );
    assert.deepEqual(
      byId['team-a/older']!.map((l) => [l.name, l.used]),
      [['tpm', 7]],
      'restored spend, not zero',
    );
    // The informer brings the written status back: complete now, nothing more to write.
    svc.sync([complete('fresh'), complete('done')]);
    await svc.flush();
    assert.equal(writes.length, 0);
    // status.limits changed by someone else, the line unchanged: the counters stay the truth, no write.
    const touched = complete('done');
    (touched.status as { limits: StatusLimit[] }).limits[0]!.used = 42;
    svc.sync([complete('fresh'), touched]);
    await svc.flush();
    assert.equal(writes.length, 0);
    // A limit resized in the spec: the line (and the Max) follow at once.
    const resized = complete('done');
    resized.spec = { ...(resized.spec as object), limits: [{ name: 'tpm', tokens: 5000, window: '1m' }] };
    svc.sync([complete('fresh'), resized]);
    await svc.flush();
    assert.deepEqual(
      writes.splice(0).map((w) => [w.id, w.limits.map((l) => [l.name, l.used, l.limit])]),
      [['team-a/done', [['tpm', 0, 5000]]]],
    );
    await svc.stop();
  });

  test('usageSummary: every limit, in spec order, "name used/limit", USD to 4 decimals', () => {
    assert.equal(
      usageSummary([
        { name: 'tpm', used: 1200, limit: 100000, resetsAt: '' },
        { name: 'daily-usd', used: 0.1 + 0.2, limit: 50, resetsAt: '' },
        { name: 'rpm', used: 0, limit: 60, resetsAt: '', keys: 0, top: [] },
      ]),
      'tpm=1200/100000,daily-usd=0.3/50,rpm=0/60',
    );
    assert.equal(usageSummary([]), '');
  });

  test('a new leader continues counters from status', async () => {
    const { svc } = service();
    const status = [{ name: 'tpm', used: 900, limit: 1000, resetsAt: '2025-01-15T12:01:00.000Z' }];
    svc.sync([
      aiquota('team-a', 'budget', status),
      { metadata: { namespace: 'team-a', name: 'broken' }, spec: {} },
    ]);
    svc.start();
    const a = await svc.answer(
      'POST',
      { authorization: 'Bearer team-a' },
      body({ leases: [{ ...lease, want: 500 }] }),
    );
    assert.equal((a.body as any).leases[0].used, 900);
    assert.equal((a.body as any).leases[0].granted, 100);
    assert.equal(svc.ledger.has('team-a/broken'), false, 'an invalid AIQuota is skipped');
    await svc.stop();
  });
});
