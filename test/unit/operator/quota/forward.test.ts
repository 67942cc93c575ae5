// A follower relays quota leases to the leader, in process over real HTTP/2 + TLS: the sidecar's
// transport talks to the follower, the follower to the leader's quota service (dialled by address,
// checked against the Service name its certificate covers). The leader sees the sidecar's own
// token; a relayed call is never relayed again; no leader -> 503, a silent leader -> 502.
import assert from 'node:assert/strict';
import {
  connect,
  createSecureServer,
  createServer,
  type Http2SecureServer,
  type Http2Server,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../../../operator/log.ts';
import { FORWARDED_HEADER, LeaderForwarder, type LeaderTarget } from '../../../../operator/quota/forward.ts';
import { QuotaService } from '../../../../operator/quota/service.ts';
import { createCA, issueServing } from '../../../../operator/webhook/certs.ts';
import { operatorQuotaService, QUOTA_LEASE_PATH } from '../../../../sidecar/quota/service.ts';

const SERVICE = 'aimesh-operator.aimesh-system.svc';
const ask = { holder: 'h', leases: [{ quota: 'team-a/budget', limit: 'rpm', want: 5, used: 0 }] };

describe('quota leases relayed from a follower to the leader', () => {
  let ca: string;
  const leaders: { server: Http2SecureServer; address: string; sessions: number; seen: string[][] }[] = [];
  let follower: Http2Server;
  let followerUrl: string;
  let leader: LeaderTarget | undefined;
  let servername = SERVICE;
  const svc = new QuotaService({
    authenticate: async (req) =>
      req.headers.authorization === 'Bearer good' ? { namespace: 'team-a', holder: 'pod-uid-1' } : undefined,
    persist: async () => {},
  });
  const forwarder = new LeaderForwarder({
    identity: 'replica-b',
    leader: () => leader,
    tls: () => ({ ca, servername }),
    log: silentLogger(),
    timeoutMs: 500,
  });

  const listen = (s: Http2Server | Http2SecureServer) =>
    new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));

  before(async () => {
    const authority = await createCA(new Date(), 1);
    ca = authority.cert;
    const tls = await issueServing(authority, [SERVICE], new Date(), 1);
    svc.sync([
      {
        metadata: { namespace: 'team-a', name: 'budget' },
        spec: { limits: [{ name: 'rpm', requests: 100, window: '1h' }] },
      },
    ]);
    svc.start();
    for (let i = 0; i < 2; i++) {
      const server = createSecureServer(tls);
      const entry = { server, address: '', sessions: 0, seen: [] as string[][] };
      server.on('session', () => entry.sessions++);
      server.on('stream', (stream, headers) => {
        entry.seen.push([String(headers.authorization), String(headers[FORWARDED_HEADER])]);
        void svc.handleStream(stream, headers);
      });
      entry.address = `127.0.0.1:${await listen(server)}`;
      leaders.push(entry);
    }
    // The follower: relays when a leader is known, else its own (stopped) service answers.
    const local = new QuotaService({ authenticate: async () => undefined, persist: async () => {} });
    follower = createServer();
    follower.on('stream', (stream, headers) => {
      const target = forwarder.target(headers);
      void (target ? forwarder.handleStream(stream, headers, target) : local.handleStream(stream, headers));
    });
    followerUrl = `http://127.0.0.1:${await listen(follower)}`;
  });
  after(async () => {
    forwarder.close();
    await svc.stop();
    for (const s of [follower, ...leaders.map((l) => l.server)]) await new Promise((r) => s.close(r));
  });

  it("hands the leader's answer back; the leader authenticates the sidecar's own token", async () => {
    leader = { identity: 'replica-a', address: leaders[0]!.address };
    const sidecar = operatorQuotaService({ url: followerUrl, token: () => 'good' });
    const r = await sidecar.lease(ask);
    assert.equal((r.leases[0] as { granted: number }).granted, 5);
    assert.deepEqual(leaders[0]!.seen.at(-1), ['Bearer good', 'replica-b']);
    assert.deepEqual(
      svc.ledger.inspect()[0]!.holders.map((h) => h.id),
      ['team-a/pod-uid-1'],
    );
    const bad = operatorQuotaService({ url: followerUrl, token: () => 'bad' });
    await assert.rejects(bad.lease(ask), /HTTP 401/);
    // One session to the leader carries every relayed call.
    assert.equal(leaders[0]!.sessions, 1);
    sidecar.close();
    bad.close();
  });

  it('follows a new leader on a new session', async () => {
    leader = { identity: 'replica-c', address: leaders[1]!.address };
    const sidecar = operatorQuotaService({ url: followerUrl, token: () => 'good' });
    await sidecar.lease(ask);
    assert.equal(leaders[1]!.sessions, 1);
    assert.equal(leaders[1]!.seen.length, 1);
    sidecar.close();
  });

  it('never relays a relayed call, nor one meant for itself', () => {
    leader = { identity: 'replica-a', address: leaders[0]!.address };
    assert.equal(forwarder.target({ [FORWARDED_HEADER]: 'replica-c' }), undefined);
    leader = { identity: 'replica-b', address: '127.0.0.1:1' };
    assert.equal(forwarder.target({}), undefined);
  });

  const raw = () => post(followerUrl);

  it('503 with retry-after while nobody leads (or the leader has no address yet)', async () => {
    leader = undefined;
    let r = await raw();
    assert.equal(r.status, 503);
    assert.equal(r.headers['retry-after'], '1');
    leader = { identity: 'replica-a' };
    r = await raw();
    assert.equal(r.status, 503);
    assert.match(r.body, /advertises no address/);
  });

  it('502 when the leader does not answer, or its certificate does not cover the Service name', async () => {
    leader = { identity: 'replica-a', address: '127.0.0.1:1' };
    assert.equal((await raw()).status, 502);
    leader = { identity: 'replica-a', address: leaders[0]!.address };
    servername = 'someone-else.example';
    assert.equal((await raw()).status, 502);
    servername = SERVICE;
    assert.equal((await raw()).status, 200);
  });
});

/** One POST to the follower with a good token, answer as text. */
async function post(
  url: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const session = connect(url);
  try {
    return await new Promise((resolve, reject) => {
      const req = session.request({
        ':method': 'POST',
        ':path': QUOTA_LEASE_PATH,
        'content-type': 'application/json',
        authorization: 'Bearer good',
      });
      let status = 0;
      let headers: Record<string, unknown> = {};
      const parts: Buffer[] = [];
      req.on('response', (h) => {
        status = Number(h[':status']);
        headers = h;
      });
      req.on('data', (d: Buffer) => parts.push(d));
      req.on('end', () => resolve({ status, headers, body: Buffer.concat(parts).toString() }));
      req.on('error', reject);
      req.end(JSON.stringify(ask));
    });
  } finally {
    session.close();
  }
}
