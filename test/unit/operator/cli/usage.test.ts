// `aimesh-operator usage`: the real binary against a real admin server whose quota service holds
// per-key spend; and a follower that names the leader instead.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Registry } from 'prom-client';
import { createAdminServer } from '../../../../operator/admin/server.ts';
import { QuotaService } from '../../../../operator/quota/service.ts';

const root = join(import.meta.dirname, '../../../..');
const run = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, [join(root, 'operator/main.ts'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => {
      stdout += d;
    });
    p.stderr.on('data', (d) => {
      stderr += d;
    });
    p.on('close', (status) => resolve({ status, stdout, stderr }));
  });

// Leases that outlive the test: an expired lease counts its unused grant as spent, which would
// move the figures while a slow machine spawns the CLI.
const quota = new QuotaService({
  authenticate: async () => undefined,
  persist: async () => {},
  ledger: { leaseTtlMs: 3_600_000, scarceTtlMs: 3_600_000 },
});
const servers: ReturnType<typeof createAdminServer>[] = [];
let leaderUrl = '';
let followerUrl = '';

before(async () => {
  quota.start(); // before configure: start() loads the (here empty) informer list
  quota.configure([
    {
      id: 'team-a/per-user',
      enforcement: 'Enforce',
      failurePolicy: 'FailOpen',
      limits: [
        {
          name: 'user-tokens',
          dimension: 'tokens',
          amount: 1000,
          window: '1h',
          per: { source: 'claim', name: 'sub' },
        },
        { name: 'total', dimension: 'requests', amount: 50, window: '1h' },
      ],
    },
  ]);
  for (const [key, used] of [
    ['alice', 700],
    ['bob', 120],
    ['carol', 400],
  ] as const)
    quota.ledger.lease('h1', { quota: 'team-a/per-user', limit: 'user-tokens', want: 0, used, key });
  const common = { registry: new Registry(), notReady: () => [], sidecars: () => [] };
  const leader = createAdminServer({
    ...common,
    info: () => ({}),
    usage: (f) => ({ replica: 'op-1', leader: true, usage: quota.usage(f) }),
  });
  const follower = createAdminServer({
    ...common,
    info: () => ({}),
    usage: () => ({ replica: 'op-2', leader: false, currentLeader: { identity: 'op-1' } }),
  });
  servers.push(leader, follower);
  leaderUrl = `http://127.0.0.1:${await leader.listen(0, '127.0.0.1')}`;
  followerUrl = `http://127.0.0.1:${await follower.listen(0, '127.0.0.1')}`;
});

after(async () => {
  await quota.stop();
  for (const s of servers) await s.close();
});

test('lists spend per key, largest first, with the totals', async () => {
  const r = await run(
    'usage',
    '-n',
    'team-a',
    'per-user',
    '--operator-admin',
    followerUrl,
    '--operator-admin',
    leaderUrl,
  );
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0]!, /^NAMESPACE\s+QUOTA\s+LIMIT\s+KEY\s+USED\s+LIMIT PER KEY\s+OF LIMIT$/);
  assert.match(lines[1]!, /^team-a\s+per-user\s+user-tokens\s+alice\s+700\s+1000\/1h\s+70%$/);
  assert.match(lines[2]!, /carol\s+400/);
  assert.match(lines[3]!, /bob\s+120/);
  assert.match(r.stdout, /team-a\/per-user user-tokens: 3 key\(s\), 1220 used in total/);
  assert.ok(!r.stdout.includes('total '), 'plain limits are not listed');
});

test('--top and -o json', async () => {
  const r = await run('usage', '--top', '1', '-o', 'json', '--operator-admin', leaderUrl);
  assert.equal(r.status, 0, r.stderr);
  const body = JSON.parse(r.stdout);
  assert.deepEqual(body.usage[0].keys, [{ key: 'alice', used: 700 }]);
  assert.equal(body.usage[0].keyCount, 3);
});

test('a follower alone: exit 1, naming the leader', async () => {
  const r = await run('usage', '--operator-admin', followerUrl);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /the leader is op-1/);
});
