// The admin port (15090) on node:http: what probes, Prometheus and people debugging rely on.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { buildRuntime } from '../../../sidecar/config/runtime.ts';
import { SnapshotStore } from '../../../sidecar/config/store.ts';
import { openai } from '../../../sidecar/providers/openai/index.ts';
import { BreakerPool } from '../../../sidecar/resilience/circuit-breaker.ts';
import { createAdminApp } from '../../../sidecar/server/admin.ts';
import { seal } from '../../../sidecar/snapshot/index.ts';
import { AgentPool } from '../../../sidecar/upstream/agents.ts';

const SECRET = 'sk-provider-secret-123';

describe('admin API', () => {
  const store = new SnapshotStore((s) =>
    buildRuntime(s, { adapterFor: () => openai, agents: new AgentPool() }),
  );
  let draining = false;
  let server: http.Server;
  let base = '';

  before(async () => {
    const app = createAdminApp({
      store,
      breakers: new BreakerPool({ failureThreshold: 5, cooldownMs: 1000 }),
      isDraining: () => draining,
      inflight: () => 3,
      metrics: { contentType: 'text/plain; version=0.0.4', metrics: async () => 'aimesh_up 1\n' },
    });
    server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('is alive at once, ready only with a snapshot, and not ready while draining', async () => {
    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const waiting = await fetch(`${base}/readyz`);
    assert.equal(waiting.status, 503);
    assert.deepEqual(await waiting.json(), { status: 'waiting for a snapshot' });
    assert.equal((await fetch(`${base}/debug/config`)).status, 503);

    const snapshot = seal({
      workload: { namespace: 'team-a' },
      providers: [
        {
          id: 'p/a',
          type: 'openai',
          endpoint: 'http://127.0.0.1:9/v1',
          headers: { authorization: `Bearer ${SECRET}` },
          models: [{ name: 'gpt-4o' }],
        },
      ],
      routes: [
        {
          id: 'team-a/chat',
          rules: [
            {
              name: 'all',
              matches: [],
              backends: [{ provider: 'p/a', weight: 1 }],
              retries: { attempts: 0, backoffMs: 0, on: [] },
            },
          ],
        },
      ],
      quotas: [],
    });
    assert.equal(store.apply(snapshot).ok, true);
    const ready = await fetch(`${base}/readyz/`); // a trailing slash is the same route
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', version: snapshot.version });

    draining = true;
    assert.deepEqual(await (await fetch(`${base}/readyz`)).json(), { status: 'draining' });
    draining = false;
  });

  it('shows the config in force without secrets', async () => {
    const res = await fetch(`${base}/debug/config?verbose=1`);
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.ok(!text.includes(SECRET), 'provider credentials are redacted');
    const body = JSON.parse(text);
    assert.equal(body.version, store.current?.version);
    assert.equal(body.inflight, 3);
    assert.deepEqual(body.models, ['gpt-4o']);
    assert.equal(body.providers[0].adapter, 'available');
  });

  it('serves Prometheus text with its content type', async () => {
    const res = await fetch(`${base}/metrics`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/plain; version=0.0.4');
    assert.equal(await res.text(), 'aimesh_up 1\n');
  });

  it('answers HEAD without a body, other methods 405 and unknown paths 404, as JSON', async () => {
    const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const post = await fetch(`${base}/healthz`, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    assert.match(((await post.json()) as { error: string }).error, /POST is not allowed on \/healthz/);
    const missing = await fetch(`${base}/nope`);
    assert.equal(missing.status, 404);
    assert.ok(((await missing.json()) as { routes: string[] }).routes.includes('/metrics'));
  });
});

describe('admin API seen from outside the pod', () => {
  // A non-loopback address of this machine plays "another pod": the request does not come from 127.0.0.1.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  const store = new SnapshotStore((s) =>
    buildRuntime(s, { adapterFor: () => openai, agents: new AgentPool() }),
  );
  const servers: http.Server[] = [];
  after(() => {
    for (const s of servers) s.close();
  });
  async function start(metricsAccess?: 'local' | 'any') {
    const app = createAdminApp({
      store,
      breakers: new BreakerPool({ failureThreshold: 5, cooldownMs: 1000 }),
      isDraining: () => false,
      inflight: () => 0,
      metrics: { contentType: 'text/plain; version=0.0.4', metrics: async () => 'aimesh_up 1\n' },
      metricsAccess,
    });
    const server = http.createServer(app).listen(0, '0.0.0.0');
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    return (server.address() as AddressInfo).port;
  }

  it('answers probes to anyone, /debug/* and (by default) /metrics to loopback only', {
    skip: !external,
  }, async () => {
    const port = await start();
    const remote = `http://${external}:${port}`;
    assert.equal((await fetch(`${remote}/healthz`)).status, 200);
    assert.equal((await fetch(`${remote}/readyz`)).status, 503, 'answers (no snapshot yet), not refused');
    const debug = await fetch(`${remote}/debug/config`);
    assert.equal(debug.status, 403);
    assert.match(((await debug.json()) as { error: string }).error, /only on localhost/);
    assert.equal((await fetch(`${remote}/metrics`)).status, 403);
    // The same port from inside the pod (or kubectl port-forward).
    assert.equal((await fetch(`http://127.0.0.1:${port}/metrics`)).status, 200);
    assert.equal((await fetch(`http://127.0.0.1:${port}/debug/config`)).status, 503, 'allowed: waiting');
  });

  it('serves /metrics to a scraper when metricsAccess is "any"; /debug stays local', {
    skip: !external,
  }, async () => {
    const port = await start('any');
    const remote = `http://${external}:${port}`;
    assert.equal((await fetch(`${remote}/metrics`)).status, 200);
    assert.equal((await fetch(`${remote}/debug/config`)).status, 403);
  });
});
