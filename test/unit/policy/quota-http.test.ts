// The lease client over HTTP/2 against the operator's handler (cleartext h2 on loopback): the
// same request/answer as in a cluster, the bearer token on every call, a 503 from a replica that
// is not the leader retried on a new connection, and errors surfaced so failurePolicy applies.
import assert from 'node:assert/strict';
import { createServer, type Http2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { QuotaService } from '../../../operator/quota/service.ts';
import { QuotaClient } from '../../../sidecar/quota/client.ts';
import { operatorQuotaService, QUOTA_LEASE_PATH } from '../../../sidecar/quota/service.ts';

describe('lease client <-> quota service over HTTP/2', () => {
  let server: Http2Server;
  let url: string;
  let notLeaderFor = 0;
  const tokens: string[] = [];
  const svc = new QuotaService({
    authenticate: async (req) => {
      const auth = String(req.headers.authorization ?? '');
      tokens.push(auth);
      return auth === 'Bearer good' ? { namespace: 'team-a', holder: 'pod-uid-1' } : undefined;
    },
    persist: async () => {},
  });

  before(async () => {
    svc.sync([
      {
        metadata: { namespace: 'team-a', name: 'budget' },
        spec: { limits: [{ name: 'rpm', requests: 100, window: '1h' }] },
      },
    ]);
    svc.start();
    server = createServer();
    server.on('stream', (stream, headers) => {
      if (headers[':path'] !== QUOTA_LEASE_PATH)
        return stream.respond({ ':status': 404 }, { endStream: true });
      if (notLeaderFor > 0) {
        notLeaderFor--;
        stream.respond({ ':status': 503 });
        return stream.end('{"error":{"message":"not the leader"}}');
      }
      void svc.handleStream(stream, headers);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await svc.stop();
    await new Promise((r) => server.close(r));
  });

  test('leases, reports and releases through the wire', async () => {
    const transport = operatorQuotaService({ url, token: () => 'good' });
    const client = new QuotaClient(transport, { holder: 'ignored', timer: false, minGapMs: 0 });
    client.configure([
      {
        id: 'team-a/budget',
        enforcement: 'Enforce',
        failurePolicy: 'FailClosed',
        limits: [{ name: 'rpm', dimension: 'requests', amount: 100, window: '1h' }],
      },
    ]);
    await client.sync();
    assert.ok(client.limits[0].held > 0);
    const c = client.check([undefined], { requests: 1 });
    assert.equal(c.decision, 'admit');
    client.settle(c.ticket, { requests: 1 });
    await client.sync();
    assert.equal(svc.ledger.status('team-a/budget')[0].used, 1);
    // The operator names the holder from the token, not from the body.
    assert.deepEqual(
      svc.ledger.inspect()[0].holders.map((h) => h.id),
      ['team-a/pod-uid-1'],
    );
    assert.ok(tokens.every((t) => t === 'Bearer good'));
    await client.close();
    assert.deepEqual(svc.ledger.inspect()[0].holders, []);
    transport.close();
  });

  test('a replica that is not the leader (503) is retried on a new connection', async () => {
    const transport = operatorQuotaService({ url, token: () => 'good' });
    notLeaderFor = 2;
    const r = await transport.lease({
      holder: 'h',
      leases: [{ quota: 'team-a/budget', limit: 'rpm', want: 1, used: 0 }],
    });
    assert.equal(r.leases.length, 1);
    notLeaderFor = 10;
    await assert.rejects(
      transport.lease({ holder: 'h', leases: [{ quota: 'team-a/budget', limit: 'rpm', want: 1, used: 0 }] }),
      /503/,
    );
    notLeaderFor = 0;
    transport.close();
  });

  test('a refused token or a dead address is an error the client treats as unreachable', async () => {
    const bad = operatorQuotaService({ url, token: () => 'bad' });
    await assert.rejects(
      bad.lease({ holder: 'h', leases: [{ quota: 'team-a/budget', limit: 'rpm', want: 1, used: 0 }] }),
      /401/,
    );
    bad.close();
    const dead = operatorQuotaService({ url: 'http://127.0.0.1:1', timeoutMs: 500 });
    const client = new QuotaClient(dead, { holder: 'h', timer: false, minGapMs: 0 });
    client.configure([
      {
        id: 'team-a/budget',
        enforcement: 'Enforce',
        failurePolicy: 'FailClosed',
        limits: [{ name: 'rpm', dimension: 'requests', amount: 100, window: '1h' }],
      },
    ]);
    await client.sync();
    assert.equal(client.reachable, false);
    const c = client.check([undefined], { requests: 1 });
    assert.equal(c.decision, 'deny');
    assert.equal(c.denial?.code, 'quota_unavailable');
    dead.close();
  });
});
