// Per end user limits in one real sidecar process (standalone, in-process quota service) against
// the real test upstream: the OpenAI user field with a PII guard that masks it (the key is read
// before any guard), a verified JWT claim as the key, 401s in both dialects, and no key in metrics.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SnapshotContent } from '../../sidecar/snapshot/index.ts';
import { claims, signJwt, testKey } from '../support/jwt.ts';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const KEY = 'sk-sidecar-keys-0123456789';
const idp = testKey('RS256');

describe('per end user limits in the sidecar', { timeout: 120_000 }, () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [KEY] });
    const content: SnapshotContent = {
      workload: { namespace: 'team-a' },
      providers: [
        testProvider('team-a/local', 'openai', `${upstream.url}/v1`, KEY, ['gpt-4o-mini', 'gpt-4.1']),
      ],
      routes: [
        {
          id: 'team-a/chat',
          jwt: {
            issuer: 'https://idp.example',
            audiences: ['aimesh'],
            keys: [idp.jwk],
            required: false,
            clockSkewMs: 0,
          },
          rules: [
            testRule('by-claim', [{ model: 'gpt-4.1' }], ['team-a/local']),
            testRule('by-user', [], ['team-a/local'], {
              guards: { pii: { types: ['email'], request: 'mask', response: 'mask' } },
            }),
          ],
        },
      ],
      quotas: [
        {
          id: 'team-a/per-user',
          enforcement: 'Enforce',
          failurePolicy: 'FailClosed',
          limits: [
            {
              name: 'per-body-user',
              dimension: 'requests',
              amount: 2,
              window: '1h',
              models: ['gpt-4o-mini'],
              per: { source: 'body', name: 'user' },
            },
            {
              name: 'per-sub',
              dimension: 'requests',
              amount: 1,
              window: '1h',
              models: ['gpt-4.1'],
              per: { source: 'claim', name: 'sub' },
            },
          ],
        },
      ],
    };
    sidecar = await startSidecar({ snapshot: content });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  const chat = async (
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
    path = '/v1/chat/completions',
  ) => {
    const res = await fetch(`${sidecar.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ max_tokens: 8, messages: [{ role: 'user', content: 'hi' }], ...body }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('counts each OpenAI user separately, even when a guard masks the field upstream', async () => {
    for (const user of ['alice@example.com', 'bob@example.com']) {
      assert.equal((await chat({ model: 'gpt-4o-mini', user })).status, 200);
      assert.equal((await chat({ model: 'gpt-4o-mini', user })).status, 200);
      const third = await chat({ model: 'gpt-4o-mini', user });
      assert.equal(third.status, 429);
      assert.match(third.body.error.message, new RegExp(`per-body-user for key "${user}" exhausted`));
    }
    // The guard did mask the field on its way upstream: the key came from what the app sent.
    const sent = upstream.requests.filter((r) => r.body?.model === 'gpt-4o-mini').map((r) => r.body.user);
    assert.ok(sent.length >= 4 && sent.every((u: string) => u === '[EMAIL]'), JSON.stringify(sent));
  });

  it('counts a verified claim; an invalid token is a 401 in the app dialect and never goes upstream', async () => {
    const before = upstream.requests.length;
    const carol = signJwt(idp, claims({ sub: 'carol' }));
    assert.equal((await chat({ model: 'gpt-4.1' }, { authorization: `Bearer ${carol}` })).status, 200);
    const again = await chat({ model: 'gpt-4.1' }, { authorization: `Bearer ${carol}` });
    assert.equal(again.status, 429);
    assert.match(again.body.error.message, /per-sub for key "carol"/);
    const dave = signJwt(idp, claims({ sub: 'dave' }));
    assert.equal((await chat({ model: 'gpt-4.1' }, { authorization: `Bearer ${dave}` })).status, 200);

    const expired = signJwt(idp, claims({ sub: 'erin', exp: Math.floor(Date.now() / 1000) - 60 }));
    const r = await chat({ model: 'gpt-4.1' }, { authorization: `Bearer ${expired}` });
    assert.equal(r.status, 401);
    assert.deepEqual(Object.keys(r.body.error).sort(), ['code', 'message', 'param', 'type']);
    const a = await chat({ model: 'gpt-4.1' }, { 'x-api-key': expired }, '/anthropic/v1/messages');
    assert.equal(a.status, 401);
    assert.equal(a.body.type, 'error');
    assert.equal(a.body.error.type, 'authentication_error');
    const upstreamCalls = upstream.requests.slice(before);
    assert.equal(upstreamCalls.length, 2, 'carol once, dave once');
    for (const u of upstreamCalls) {
      assert.equal(u.headers.authorization, `Bearer ${KEY}`);
      assert.ok(!JSON.stringify(u.headers).includes(carol.slice(0, 30)));
    }
  });

  it('metrics carry no key', async () => {
    const text = await (await fetch(`${sidecar.adminUrl}/metrics`)).text();
    assert.match(text, /aimesh_quota_denials_total/);
    for (const key of ['alice', 'bob', 'carol', 'dave']) assert.ok(!text.includes(key), key);
  });
});
