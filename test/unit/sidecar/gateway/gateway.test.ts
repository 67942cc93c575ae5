// Gateway credential mode through real parts: an app sidecar process whose snapshot has no keys
// (its providers name the gateway) -> the gateway (in this process, its TokenReview answered from
// a table standing in for the apiserver; test/integration/egress-gateway.test.ts uses a real one)
// -> the test upstream, which checks the key (and the SigV4 signature for Bedrock).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { buildRuntime } from '../../../../sidecar/config/runtime.ts';
import { SnapshotStore } from '../../../../sidecar/config/store.ts';
import { createGatewayApp, targetUrl } from '../../../../sidecar/gateway/server.ts';
import { CallerReviewer } from '../../../../sidecar/gateway/token-review.ts';
import { adapterFor } from '../../../../sidecar/providers/index.ts';
import type { SnapshotContent } from '../../../../sidecar/snapshot/schema.ts';
import { seal } from '../../../../sidecar/snapshot/version.ts';
import { AgentPool } from '../../../../sidecar/upstream/agents.ts';
import { tempDir } from '../../../support/procs.ts';
import { type RunningSidecar, startSidecar } from '../../../support/sidecar.ts';
import { startUpstream, type Upstream } from '../../../support/upstream.ts';

const OPENAI_KEY = 'sk-gateway-openai-0123456789abcdef';
const ANTHROPIC_KEY = 'sk-ant-gateway-0123456789abcdef';
const AWS = { accessKeyId: 'AKIAGATEWAYTEST0001', secretAccessKey: 'gateway-aws-secret-0123456789abcdef' };

/** A JWT-shaped token (the gateway checks shape and exp before asking the apiserver). */
function jwt(namespace: string, pod: string, expInS = 3600): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + expInS;
  return `${part({ alg: 'RS256' })}.${part({ exp, 'kubernetes.io': { namespace, pod: { name: pod } } })}.c2ln`;
}

const TEAM_A = jwt('team-a', 'chat-1');
const TEAM_B = jwt('team-b', 'other-1');
const FORGED = jwt('team-a', 'forged');

describe('egress gateway (Gateway credential mode)', { timeout: 60_000 }, () => {
  let upstream: Upstream;
  let gateway: http.Server;
  let gatewayUrl: string;
  let app: RunningSidecar;
  const reviews: string[] = [];
  const agents = new AgentPool();

  let echo: http.Server;
  let echoed: http.IncomingHttpHeaders = {};

  before(async () => {
    upstream = await startUpstream({ apiKeys: [OPENAI_KEY, ANTHROPIC_KEY], aws: AWS });
    // A provider that quotes the credential back in its error, as some do.
    echo = http.createServer((req, res) => {
      echoed = req.headers;
      res.writeHead(400, {
        'content-type': 'application/json',
        'x-debug': `saw ${req.headers.authorization}`,
      });
      res.end(JSON.stringify({ error: { message: `invalid header: ${req.headers.authorization}` } }));
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    // The apiserver's answers: real pod-bound tokens of team-a and team-b; anything else fails.
    const known = new Map([
      [TEAM_A, { namespace: 'team-a', pod: 'chat-1' }],
      [TEAM_B, { namespace: 'team-b', pod: 'other-1' }],
    ]);
    const reviewer = new CallerReviewer(async (token) => {
      reviews.push(token);
      const who = known.get(token);
      return who
        ? {
            authenticated: true,
            audiences: ['aimesh'],
            user: {
              username: `system:serviceaccount:${who.namespace}:default`,
              extra: { 'authentication.kubernetes.io/pod-name': [who.pod] },
            },
          }
        : { authenticated: false, error: 'invalid bearer token' };
    });
    const providers: SnapshotContent['providers'] = [
      {
        id: 'platform/openai',
        type: 'openai',
        endpoint: `${upstream.url}/v1`,
        credentials: { apiKey: OPENAI_KEY },
        headers: {},
        models: [{ name: 'gpt-4o' }],
      },
      {
        id: 'platform/anthropic',
        type: 'anthropic',
        endpoint: upstream.url,
        apiVersion: '2023-06-01',
        credentials: { apiKey: ANTHROPIC_KEY },
        headers: {},
        models: [{ name: 'claude-sonnet-4-5' }],
      },
      {
        id: 'platform/bedrock',
        type: 'bedrock',
        endpoint: upstream.url,
        region: 'us-east-1',
        credentials: AWS,
        headers: {},
        models: [{ name: 'amazon.nova-pro-v1:0' }],
      },
    ];
    const echoProvider = {
      ...providers[0]!,
      id: 'platform/echo',
      endpoint: `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`,
    };
    const store = new SnapshotStore((s) => buildRuntime(s, { adapterFor, agents }));
    const applied = store.apply(
      seal({
        workload: { namespace: 'platform', name: 'aimesh-gateway' },
        providers: [...providers, echoProvider],
        routes: [],
        quotas: [],
        gateway: {
          grants: [...providers, echoProvider].map((p) => ({
            provider: p.id,
            allNamespaces: false,
            namespaces: ['team-a'],
          })),
        },
      }),
    );
    assert.ok(applied.ok);
    gateway = http.createServer(
      createGatewayApp({
        current: () => store.current,
        reviewer,
        log: pino({ level: 'silent' }),
        bodyLimit: 64 * 1024,
        requestTimeoutMs: 10_000,
      }),
    );
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;

    // The app's sidecar: the same providers with no credentials, each naming the gateway.
    const dir = tempDir('aimesh-gateway-app');
    const tokenFile = join(dir.path, 'token');
    writeFileSync(tokenFile, TEAM_A);
    const rule = (name: string, model: string, provider: string) => ({
      name,
      matches: [{ model }],
      backends: [{ provider, weight: 1 }],
      retries: { attempts: 0, backoffMs: 0, on: [] },
    });
    app = await startSidecar({
      snapshot: {
        workload: { namespace: 'team-a' },
        providers: providers.map(({ credentials: _none, ...p }) => ({ ...p, gateway: { url: gatewayUrl } })),
        routes: [
          {
            id: 'team-a/chat',
            rules: [
              rule('openai', 'gpt-4o', 'platform/openai'),
              rule('anthropic', 'claude-sonnet-4-5', 'platform/anthropic'),
              rule('bedrock', 'amazon.nova-pro-v1:0', 'platform/bedrock'),
            ],
          },
        ],
        quotas: [],
      },
      args: ['--token-file', tokenFile],
    });
  });

  after(async () => {
    await app?.stop();
    gateway?.closeAllConnections();
    await new Promise((resolve) => gateway?.close(resolve));
    agents.destroy();
    await upstream?.close();
    echo?.close();
  });

  const chat = async (model: string, stream = false) => {
    const res = await fetch(`${app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer app-own-key' },
      body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'hello gateway' }] }),
    });
    return { status: res.status, text: await res.text() };
  };

  it('injects the key the app sidecar never had, for each provider type (Bedrock: signed)', async () => {
    for (const [model, check] of [
      ['gpt-4o', (h: http.IncomingHttpHeaders) => assert.equal(h.authorization, `Bearer ${OPENAI_KEY}`)],
      ['claude-sonnet-4-5', (h: http.IncomingHttpHeaders) => assert.equal(h['x-api-key'], ANTHROPIC_KEY)],
      [
        'amazon.nova-pro-v1:0',
        (h: http.IncomingHttpHeaders) =>
          assert.match(String(h.authorization), /^AWS4-HMAC-SHA256 Credential=AKIAGATEWAYTEST0001\//),
      ],
    ] as const) {
      const res = await chat(model);
      assert.equal(res.status, 200, `${model}: ${res.text}`);
      assert.match(res.text, /hello gateway/);
      const seen = upstream.lastRequest()!.headers;
      check(seen);
      // Nothing of the hop to the gateway reaches the provider.
      assert.equal(seen['proxy-authorization'], undefined);
      assert.equal(seen['x-aimesh-provider'], undefined);
    }
  });

  it('streams through the gateway', async () => {
    const res = await chat('gpt-4o', true);
    assert.equal(res.status, 200, res.text);
    assert.match(res.text, /data: \[DONE\]/);
    assert.match(res.text, /gateway/);
  });

  it("the app sidecar's /debug/config holds no key; it names the gateway", async () => {
    const text = await (await fetch(`${app.adminUrl}/debug/config`)).text();
    for (const secret of [OPENAI_KEY, ANTHROPIC_KEY, AWS.secretAccessKey]) assert.ok(!text.includes(secret));
    const config = JSON.parse(text);
    assert.deepEqual(
      config.providers.map((p: { gateway?: { url: string } }) => p.gateway?.url),
      [gatewayUrl, gatewayUrl, gatewayUrl],
    );
  });

  const direct = (
    headers: Record<string, string>,
    path = '/v1/chat/completions',
    body = '{"model":"gpt-4o"}',
  ) =>
    fetch(`${gatewayUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-aimesh-provider': 'platform/openai', ...headers },
      body,
    });

  it('refuses a missing or forged token with 401, before anything reaches the provider', async () => {
    upstream.clearRequests();
    for (const headers of [
      {} as Record<string, string>,
      { 'proxy-authorization': `Bearer ${FORGED}` },
      { 'proxy-authorization': 'Bearer junk' },
    ]) {
      const res = await direct(headers);
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('x-aimesh-gateway-error'), 'unauthenticated');
      const body = (await res.json()) as { error: { type: string } };
      assert.equal(body.error.type, 'gateway_error');
    }
    assert.equal(upstream.requests.length, 0);
    assert.ok(!reviews.includes('junk'), 'a token that is not even a JWT never costs a TokenReview');
  });

  it('refuses a caller whose namespace the provider does not allow with 403', async () => {
    const res = await direct({ 'proxy-authorization': `Bearer ${TEAM_B}` });
    assert.equal(res.status, 403);
    assert.match(
      ((await res.json()) as { error: { message: string } }).error.message,
      /namespace team-b may not use provider platform\/openai/,
    );
  });

  it('never sends the key anywhere but the provider endpoint', async () => {
    const auth = { 'proxy-authorization': `Bearer ${TEAM_A}` };
    assert.equal((await direct({ ...auth, 'x-aimesh-provider': 'platform/unknown' })).status, 404);
    for (const path of ['/../../steal', '//evil.example/v1/x', '/%2e%2e/x']) {
      const status = (await direct(auth, path)).status;
      assert.ok(status === 400 || status === 404, `${path}: ${status}`);
    }
    assert.equal(
      targetUrl('https://api.openai.com/v1', '/chat/completions')?.toString(),
      'https://api.openai.com/v1/chat/completions',
    );
    assert.equal(targetUrl('https://api.openai.com/v1', '/../admin'), undefined);
    assert.equal(targetUrl('https://api.openai.com/v1', '//evil.example/x'), undefined);
    assert.equal(targetUrl('https://api.openai.com/v1', '@evil.example/x'), undefined);
  });

  it('caps the request body (413) and caches a verdict instead of reviewing every call', async () => {
    const auth = { 'proxy-authorization': `Bearer ${TEAM_A}` };
    const big = await direct(
      auth,
      '/v1/chat/completions',
      JSON.stringify({ model: 'gpt-4o', pad: 'x'.repeat(70_000) }),
    );
    assert.equal(big.status, 413);
    const before = reviews.filter((t) => t === TEAM_A).length;
    for (let i = 0; i < 3; i++) assert.equal((await chat('gpt-4o')).status, 200);
    assert.equal(reviews.filter((t) => t === TEAM_A).length, before);
  });

  it('scrubs its keys from what the provider answers (an error quoting the header)', async () => {
    const res = await fetch(`${gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-aimesh-provider': 'platform/echo',
        'proxy-authorization': `Bearer ${TEAM_A}`,
        // Compressed, the key could not be found in the answer: the gateway asks for identity.
        'accept-encoding': 'gzip, br',
      },
      body: '{}',
    });
    assert.equal(echoed['accept-encoding'], 'identity');
    assert.equal(res.headers.get('x-debug'), 'saw Bearer [REDACTED]');
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.ok(!text.includes(OPENAI_KEY), text);
    assert.match(text, /invalid header: Bearer \[REDACTED\]/);
  });

  it('an app refused by the gateway gets an answer that says so, not "the provider rejected the key"', async () => {
    const res = await fetch(`${app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x'.repeat(70_000) }] }),
    });
    assert.equal(res.status, 413);
    const body = (await res.json()) as { error: { message: string; code: string } };
    assert.equal(body.error.code, 'gateway_body_too_large');
    assert.match(body.error.message, /egress gateway refused the call/);
  });
});
