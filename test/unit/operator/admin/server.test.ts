// The operator's admin port (15011): probes for the kubelet on the pod IP, /debug/* and (by
// default) /metrics for loopback only (kubectl port-forward, `aimesh-operator status`).
import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { after, describe, it } from 'node:test';
import { Registry } from 'prom-client';
import { type AdminServer, createAdminServer } from '../../../../operator/admin/server.ts';

const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe('operator admin port', { skip: !external }, () => {
  const servers: AdminServer[] = [];
  after(async () => {
    for (const s of servers) await s.close();
  });
  async function start(metricsAccess?: 'local' | 'any') {
    const server = createAdminServer({
      registry: new Registry(),
      notReady: () => [],
      sidecars: () => [],
      info: () => ({ replica: 'r' }),
      metricsAccess,
    });
    servers.push(server);
    return server.listen(0, '0.0.0.0');
  }

  it('answers probes to anyone, /debug/sidecars and /metrics to loopback only', async () => {
    const port = await start();
    const remote = `http://${external}:${port}`;
    assert.equal((await fetch(`${remote}/healthz`)).status, 200);
    assert.equal((await fetch(`${remote}/readyz`)).status, 200);
    assert.equal((await fetch(`${remote}/debug/sidecars`)).status, 403);
    assert.equal((await fetch(`${remote}/metrics`)).status, 403);
    assert.equal((await fetch(`http://127.0.0.1:${port}/debug/sidecars`)).status, 200);
    assert.equal((await fetch(`http://127.0.0.1:${port}/metrics`)).status, 200);
  });

  it('serves /metrics to anyone with metricsAccess "any"', async () => {
    const port = await start('any');
    assert.equal((await fetch(`http://${external}:${port}/metrics`)).status, 200);
    assert.equal((await fetch(`http://${external}:${port}/debug/sidecars`)).status, 403);
  });
});
