// With --console-tls the console is HTTPS on the operator's certificate and the session cookie is
// Secure (a browser then never sends it over plain HTTP); a rotated certificate serves new
// connections at once.
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { Authorizer } from '../../../../operator/console/auth.ts';
import { UsageHistory } from '../../../../operator/console/history.ts';
import { type ConsoleServer, createConsoleServer } from '../../../../operator/console/server.ts';
import type { KubeApi } from '../../../../operator/kube/api.ts';
import { createLogger } from '../../../../operator/log.ts';
import { createCA } from '../../../support/certs.ts';

const kube = {
  async create(path: string, body: any) {
    if (path.endsWith('/tokenreviews'))
      return { status: { authenticated: body.spec.token === 'good', user: { username: 'dev', groups: [] } } };
    return { status: { allowed: true } };
  },
} as unknown as KubeApi;

function post(port: number, ca: string, path: string, body: string) {
  return new Promise<{ status: number; headers: Record<string, any>; serial: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        ca,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
        agent: false,
      },
      (res) => {
        const serial = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().serialNumber;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, serial }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('console over TLS', () => {
  const ca = createCA();
  const first = ca.issue({ commonName: 'aimesh-operator', hosts: ['127.0.0.1'] });
  let server: ConsoleServer;
  let port: number;

  before(async () => {
    server = createConsoleServer({
      authz: new Authorizer(kube),
      asUser: () => kube,
      history: new UsageHistory(),
      log: createLogger('silent'),
      tls: { cert: first.cert, key: first.key },
      sources: {
        objects: () => [],
        namespaces: () => [],
        sidecars: () => [],
        accessRequests: () => [],
      },
    });
    port = await server.listen(0);
  });
  after(() => server.close());

  it('sets a Secure, HttpOnly, SameSite=Strict session cookie and HSTS', async () => {
    const r = await post(port, ca.cert, '/login', 'token=good');
    assert.equal(r.status, 303);
    assert.match(String(r.headers['set-cookie']), /HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
    assert.match(String(r.headers['strict-transport-security']), /max-age=/);
  });

  it('serves a rotated certificate to new connections', async () => {
    const next = ca.issue({ commonName: 'aimesh-operator', hosts: ['127.0.0.1'] });
    server.setTls({ cert: next.cert, key: next.key });
    const r = await post(port, ca.cert, '/login', 'token=bad');
    assert.equal(r.status, 401);
    assert.equal(r.serial, next.x509.serialNumber);
  });
});
