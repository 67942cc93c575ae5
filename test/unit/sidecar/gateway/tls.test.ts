// The gateway over TLS: an app sidecar trusts it only through --gateway-ca (or the operator CA).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { buildRuntime } from '../../../../sidecar/config/runtime.ts';
import { SnapshotStore } from '../../../../sidecar/config/store.ts';
import { createGatewayApp } from '../../../../sidecar/gateway/server.ts';
import { CallerReviewer } from '../../../../sidecar/gateway/token-review.ts';
import { adapterFor } from '../../../../sidecar/providers/index.ts';
import type { SnapshotContent } from '../../../../sidecar/snapshot/schema.ts';
import { seal } from '../../../../sidecar/snapshot/version.ts';
import { AgentPool } from '../../../../sidecar/upstream/agents.ts';
import { createCA } from '../../../support/certs.ts';
import { tempDir } from '../../../support/procs.ts';
import { type RunningSidecar, startSidecar } from '../../../support/sidecar.ts';
import { startUpstream, type Upstream } from '../../../support/upstream.ts';

const KEY = 'sk-gateway-tls-0123456789abcdef';
const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const TOKEN = `${part({ alg: 'RS256' })}.${part({ exp: Math.floor(Date.now() / 1000) + 3600 })}.c2ln`;

describe('egress gateway over TLS', { timeout: 60_000 }, () => {
  let upstream: Upstream;
  let gateway: https.Server;
  const agents = new AgentPool();
  const sidecars: RunningSidecar[] = [];
  let app: (caFile?: string) => Promise<RunningSidecar>;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [KEY] });
    const provider = {
      id: 'platform/openai',
      type: 'openai' as const,
      endpoint: `${upstream.url}/v1`,
      headers: {},
      models: [{ name: 'gpt-4o' }],
    };
    const store = new SnapshotStore((s) => buildRuntime(s, { adapterFor, agents }));
    store.apply(
      seal({
        workload: { namespace: 'platform', name: 'aimesh-gateway' },
        providers: [{ ...provider, credentials: { apiKey: KEY } }],
        routes: [],
        quotas: [],
        gateway: { grants: [{ provider: provider.id, allNamespaces: true, namespaces: [] }] },
      }),
    );
    const ca = createCA();
    const leaf = ca.issue({ commonName: 'aimesh-gateway', hosts: ['127.0.0.1'] });
    gateway = https.createServer(
      { cert: leaf.cert, key: leaf.key },
      createGatewayApp({
        current: () => store.current,
        reviewer: new CallerReviewer(async () => ({
          authenticated: true,
          user: {
            username: 'system:serviceaccount:team-a:default',
            extra: { 'authentication.kubernetes.io/pod-name': ['p'] },
          },
        })),
        log: pino({ level: 'silent' }),
        bodyLimit: 1024 * 1024,
        requestTimeoutMs: 10_000,
      }),
    );
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    const dir = tempDir('aimesh-gateway-tls');
    writeFileSync(join(dir.path, 'token'), TOKEN);
    writeFileSync(join(dir.path, 'ca.crt'), ca.cert);
    const snapshot: SnapshotContent = {
      workload: { namespace: 'team-a' },
      providers: [{ ...provider, gateway: { url } }],
      routes: [
        {
          id: 'team-a/chat',
          rules: [
            {
              name: 'all',
              matches: [],
              backends: [{ provider: provider.id, weight: 1 }],
              retries: { attempts: 0, backoffMs: 0, on: [] },
            },
          ],
        },
      ],
      quotas: [],
    };
    app = async (caFile) => {
      const s = await startSidecar({
        snapshot,
        args: [
          '--token-file',
          join(dir.path, 'token'),
          ...(caFile ? ['--gateway-ca', join(dir.path, caFile)] : []),
        ],
      });
      sidecars.push(s);
      return s;
    };
  });

  after(async () => {
    for (const s of sidecars) await s.stop();
    gateway?.closeAllConnections();
    gateway?.close();
    agents.destroy();
    await upstream?.close();
  });

  const chat = async (s: RunningSidecar) => {
    const res = await fetch(`${s.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'over tls' }] }),
    });
    return { status: res.status, text: await res.text() };
  };

  it('works when the sidecar trusts the gateway CA', async () => {
    const res = await chat(await app('ca.crt'));
    assert.equal(res.status, 200, res.text);
    assert.equal(upstream.lastRequest()?.headers.authorization, `Bearer ${KEY}`);
  });

  it('fails closed when it does not', async () => {
    upstream.clearRequests();
    const res = await chat(await app());
    assert.equal(res.status, 502, res.text);
    assert.equal(upstream.requests.length, 0);
  });
});
