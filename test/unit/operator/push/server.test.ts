// Both ends of config push in one process, over real HTTP/2 + TLS: the operator's push server and
// hub, the sidecar's PushClient and snapshot store. Authentication is stubbed here (the
// integration test uses real TokenReviews).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../../../operator/log.ts';
import type { AuthResult } from '../../../../operator/push/auth.ts';
import { Hub } from '../../../../operator/push/hub.ts';
import { createPushServer, type PushServer } from '../../../../operator/push/server.ts';
import { workloadOf } from '../../../../operator/push/workload.ts';
import { createCA, issueServing } from '../../../../operator/webhook/certs.ts';
import { SnapshotStore } from '../../../../sidecar/config/store.ts';
import { PushClient, STATE_FILE, TRUST_FILE } from '../../../../sidecar/snapshot/client.ts';
import { type Snapshot, seal } from '../../../../sidecar/snapshot/index.ts';

const POD = {
  metadata: { name: 'chat-1', namespace: 'team', uid: 'uid-1', labels: { app: 'chat' } },
  spec: {},
};
const KEY = workloadOf(POD).key;
const snap = (n: number): Snapshot =>
  seal({
    workload: { namespace: 'team' },
    providers: [],
    routes: [],
    quotas: [
      {
        id: 'team/q',
        enforcement: 'Enforce',
        failurePolicy: 'FailOpen',
        limits: [{ name: 'l', dimension: 'requests', amount: n, window: '1m' }],
      },
    ],
  });

async function until<T>(what: string, fn: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('config push (server + client, in process)', () => {
  let dir: string;
  let tls: { cert: string; key: string; ca: string };
  const servers: PushServer[] = [];
  const clients: PushClient[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aimesh-push-'));
    const ca = await createCA(new Date(), 1);
    tls = { ...(await issueServing(ca, ['127.0.0.1'], new Date(), 1)), ca: ca.cert };
    writeFileSync(join(dir, 'token'), 'good-token');
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function server(hub: Hub, port = 0) {
    const s = createPushServer({
      hub,
      tls,
      log: silentLogger(),
      auth: {
        authenticate: async (token): Promise<AuthResult> =>
          token === 'good-token'
            ? {
                ok: true,
                identity: {
                  namespace: 'team',
                  serviceAccount: 'default',
                  podName: 'chat-1',
                  podUid: 'uid-1',
                },
              }
            : { ok: false, status: 401, reason: 'bad token' },
      },
      lookupPod: async (_ns, name) => (name === 'chat-1' ? POD : undefined),
    });
    servers.push(s);
    return { s, port: await s.listen(port, '127.0.0.1') };
  }

  function client(
    port: number,
    store: SnapshotStore,
    stateDir: string,
    extra: { token?: string; maxSnapshotBytes?: number } = {},
  ) {
    if (extra.token) writeFileSync(join(dir, 'token2'), extra.token);
    const c = new PushClient({
      operatorUrl: `https://127.0.0.1:${port}`,
      tokenFile: join(dir, extra.token ? 'token2' : 'token'),
      ca: tls.ca,
      stateDir,
      store,
      log: silentLogger(),
      backoff: { initialMs: 20, maxMs: 200 },
      lastKnownGoodAfterMs: 100,
      maxSnapshotBytes: extra.maxSnapshotBytes,
    });
    clients.push(c);
    c.start();
    return c;
  }

  const newStore = () => new SnapshotStore((s) => ({ version: s.version, snapshot: s }) as never);

  it('delivers a snapshot, gets it ACKed and saves it as the last-known-good', async () => {
    const hub = new Hub();
    const { port } = await server(hub);
    const store = newStore();
    const stateDir = join(dir, 'a');
    client(port, store, stateDir);
    const s1 = snap(1);
    await until('connected', () => hub.size === 1);
    hub.publish(new Map([[KEY, s1]]));
    await until('acked', () => hub.rows()[0]?.synced);
    assert.equal(store.current?.version, s1.version);
    const saved = join(stateDir, STATE_FILE);
    assert.equal(JSON.parse(readFileSync(saved, 'utf8')).version, s1.version);
    assert.equal(statSync(saved).mode & 0o777, 0o600, 'credentials: owner-only');

    const s2 = snap(2);
    hub.publish(new Map([[KEY, s2]]));
    await until('second version acked', () => hub.rows()[0]?.ackedVersion === s2.version);
  });

  it('NACKs a snapshot the store refuses, with the reason, and keeps the good one', async () => {
    const hub = new Hub();
    const { port } = await server(hub);
    const store = newStore();
    client(port, store, join(dir, 'b'));
    await until('connected', () => hub.size === 1);
    const good = snap(1);
    hub.publish(new Map([[KEY, good]]));
    await until('acked', () => hub.rows()[0]?.synced);
    const tampered = { ...snap(2), version: 'f'.repeat(64) };
    hub.publish(new Map([[KEY, tampered]]));
    const row = await until('nacked', () => (hub.rows()[0]?.nackReason ? hub.rows()[0] : undefined));
    assert.match(row.nackReason!, /version does not match/);
    assert.equal(row.ackedVersion, good.version);
    assert.equal(store.current?.version, good.version);
  });

  it('NACKs a snapshot above its --max-snapshot-size without applying it', async () => {
    const hub = new Hub();
    const { port } = await server(hub);
    const store = newStore();
    client(port, store, join(dir, 'b2'), { maxSnapshotBytes: 200 });
    await until('connected', () => hub.size === 1);
    const big = snap(1);
    hub.publish(new Map([[KEY, big]]));
    const row = await until('nacked', () => (hub.rows()[0]?.nackReason ? hub.rows()[0] : undefined));
    assert.equal(row.nackVersion, big.version);
    assert.match(
      row.nackReason!,
      /^snapshot is \d+ bytes, above this sidecar's --max-snapshot-size of 200 bytes$/,
    );
    assert.equal(store.current, undefined);
  });

  it('refuses a bad token; the client keeps retrying', async () => {
    const hub = new Hub();
    const { port } = await server(hub);
    const c = client(port, newStore(), join(dir, 'c'), { token: 'bad' });
    await until('refused', () => c.status.lastError?.includes('401'));
    assert.equal(hub.size, 0);
  });

  it('serves the last-known-good while the operator is down, and resyncs when it comes back', async () => {
    const stateDir = join(dir, 'd');
    // A first life: get a snapshot saved.
    const hub1 = new Hub();
    const first = await server(hub1);
    const store1 = newStore();
    const c1 = client(first.port, store1, stateDir);
    await until('connected', () => hub1.size === 1);
    const s1 = snap(1);
    hub1.publish(new Map([[KEY, s1]]));
    await until('acked', () => hub1.rows()[0]?.synced);
    await c1.stop();
    await first.s.close();

    // Restart while the operator is down: the saved snapshot serves.
    const store2 = newStore();
    const c2 = client(first.port, store2, stateDir);
    await until('last-known-good loaded', () => store2.current?.version === s1.version);
    assert.equal(c2.status.source, 'last-known-good');

    // The operator returns on the same address with a newer snapshot.
    const hub2 = new Hub();
    const s2 = snap(2);
    hub2.publish(new Map([[KEY, s2]]));
    await server(hub2, first.port);
    await until('resynced', () => store2.current?.version === s2.version, 10_000);
    assert.equal(c2.status.source, 'operator');
    await until('acked', () => hub2.rows()[0]?.synced);
  });

  it('reconnects at once when the operator ends the stream on purpose', async () => {
    const hub = new Hub();
    const { port } = await server(hub);
    const store = newStore();
    client(port, store, join(dir, 'e'));
    await until('connected', () => hub.size === 1);
    hub.publish(new Map([[KEY, snap(1)]]));
    await until('acked', () => hub.rows()[0]?.synced);
    const firstConnectedAt = hub.rows()[0]!.connectedAt;
    hub.closeAll(); // what the server does at token expiry / max stream age
    await until('reconnected', () => hub.size === 1 && hub.rows()[0]!.connectedAt !== firstConnectedAt);
    await until('acked again', () => hub.rows()[0]?.synced);
  });

  it('keeps a running client connected across a CA rotation: it re-reads the bundle the operator publishes', async () => {
    const oldCA = await createCA(new Date(), 1);
    const nextCA = await createCA(new Date(), 1);
    const hub = new Hub();
    const push = createPushServer({
      hub,
      tls: await issueServing(oldCA, ['127.0.0.1'], new Date(), 1),
      log: silentLogger(),
      auth: {
        authenticate: async () => ({
          ok: true,
          identity: { namespace: 'team', serviceAccount: 'default', podName: 'chat-1', podUid: 'uid-1' },
        }),
      },
      lookupPod: async () => POD,
      // The next CA is published while the old one still signs.
      trust: () => oldCA.cert + nextCA.cert,
    });
    servers.push(push);
    const port = await push.listen(0, '127.0.0.1');
    const stateDir = join(dir, 'rotation');
    const make = (state?: string) => {
      const c = new PushClient({
        operatorUrl: `https://127.0.0.1:${port}`,
        tokenFile: join(dir, 'token'),
        ca: oldCA.cert, // what the pod spec carries: the old CA only
        stateDir: state,
        store: newStore(),
        log: silentLogger(),
        backoff: { initialMs: 20, maxMs: 100 },
      });
      clients.push(c);
      c.start();
      return c;
    };
    const running = make(stateDir);
    await until('connected', () => running.status.connected);
    await until('bundle saved', () => {
      try {
        return readFileSync(join(stateDir, TRUST_FILE), 'utf8').includes(nextCA.cert.trim());
      } catch {
        return false;
      }
    });
    const blind = make(join(dir, 'rotation-no-refresh')); // connected too, but we remove its bundle below
    await until('second connected', () => blind.status.connected);
    await until('second bundle saved', () => existsSync(join(dir, 'rotation-no-refresh', TRUST_FILE)));
    rmSync(join(dir, 'rotation-no-refresh', TRUST_FILE), { force: true });
    // The CA rotates: the next CA signs the serving certificate; the operator ends every stream.
    push.setTls(await issueServing(nextCA, ['127.0.0.1'], new Date(), 1));
    hub.closeAll();
    await until('reconnected through the new CA', () => hub.size >= 1 && running.status.connected);
    assert.equal(running.status.trustError, undefined);
    // Without the re-read bundle a sidecar cannot verify the operator, and says so.
    await until('trust error reported', () => blind.status.trustError !== undefined);
    assert.match(blind.status.trustError!, /cannot verify the operator's certificate/);
  });
});
