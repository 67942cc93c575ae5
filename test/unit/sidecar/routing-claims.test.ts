// Premium vs free users by JWT claims: the authenticate step verifies the token, the route step
// picks the rule from its claims, and a route that requires a JWT refuses calls without one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRuntime } from '../../../sidecar/config/runtime.ts';
import { authenticate } from '../../../sidecar/pipeline/authenticate.ts';
import type { Call } from '../../../sidecar/pipeline/call.ts';
import { route } from '../../../sidecar/pipeline/route.ts';
import { openai } from '../../../sidecar/providers/openai/index.ts';
import { compileMatch } from '../../../sidecar/routing/match.ts';
import { type SnapshotContent, seal } from '../../../sidecar/snapshot/index.ts';
import { AgentPool } from '../../../sidecar/upstream/agents.ts';
import { claims, signJwt, testKey } from '../../support/jwt.ts';

const key = testKey('ES256');
const retries = { attempts: 0, backoffMs: 0, on: [] };

function runtimeWith(required: boolean) {
  const content: SnapshotContent = {
    workload: { namespace: 'team-a' },
    providers: [
      {
        id: 'p/openai',
        type: 'openai',
        endpoint: 'http://127.0.0.1:9/v1',
        headers: {},
        models: [{ name: 'gpt-4o' }, { name: 'gpt-4o-mini' }],
      },
    ],
    routes: [
      {
        id: 'team-a/chat',
        jwt: {
          issuer: 'https://idp.example',
          audiences: ['aimesh'],
          keys: [key.jwk],
          required,
          clockSkewMs: 0,
        },
        rules: [
          {
            name: 'premium',
            matches: [{ claims: [{ name: 'plan', value: 'premium', type: 'Exact' }] }],
            backends: [{ provider: 'p/openai', model: 'gpt-4o', weight: 1 }],
            retries,
          },
          {
            name: 'free',
            matches: [],
            backends: [{ provider: 'p/openai', model: 'gpt-4o-mini', weight: 1 }],
            retries,
          },
        ],
      },
    ],
    quotas: [],
  };
  return buildRuntime(seal(content), { adapterFor: () => openai, agents: new AgentPool() });
}

const callFor = (runtime: ReturnType<typeof runtimeWith>, headers: Record<string, string>) =>
  ({
    runtime,
    req: { headers },
    modelRequested: 'gpt-4o',
    operation: 'chat',
    headers: {},
    startedAt: 0,
    timings: {},
  }) as unknown as Call;

async function routed(runtime: ReturnType<typeof runtimeWith>, headers: Record<string, string>) {
  const call = callFor(runtime, headers);
  await authenticate(call, () => route(call, async () => {}));
  return call;
}

describe('routing on JWT claims', () => {
  const runtime = runtimeWith(false);

  it('sends premium users to the premium rule and everyone else to the free one', async () => {
    const premium = await routed(runtime, {
      authorization: `Bearer ${signJwt(key, claims({ plan: 'premium' }))}`,
    });
    assert.equal(premium.ruleName, 'premium');
    assert.equal(premium.claims?.sub, 'user-1');
    const free = await routed(runtime, { authorization: `Bearer ${signJwt(key, claims({ plan: 'free' }))}` });
    assert.equal(free.ruleName, 'free');
    const anonymous = await routed(runtime, { authorization: 'Bearer unused' });
    assert.equal(anonymous.ruleName, 'free');
    assert.equal(anonymous.claims, undefined);
  });

  it('does not believe a header that claims to be premium', async () => {
    const call = await routed(runtime, { plan: 'premium', 'x-plan': 'premium' });
    assert.equal(call.ruleName, 'free');
  });

  it('answers 401 to an invalid token instead of routing it as anonymous', async () => {
    const expired = signJwt(key, claims({ plan: 'premium', exp: Math.floor(Date.now() / 1000) - 10 }));
    await assert.rejects(routed(runtime, { authorization: `Bearer ${expired}` }), (err: any) => {
      assert.equal(err.status, 401);
      assert.equal(err.code, 'invalid_token');
      assert.match(err.message, /expired/);
      assert.ok(!err.message.includes(expired.slice(0, 20)), 'the token is never quoted');
      return true;
    });
  });

  it('reads the token from x-api-key too (Anthropic SDKs)', async () => {
    const call = await routed(runtime, { 'x-api-key': signJwt(key, claims({ plan: 'premium' })) });
    assert.equal(call.ruleName, 'premium');
    // An OpenAI-style placeholder bearer next to it does not hide the token.
    const both = await routed(runtime, {
      authorization: 'Bearer unused',
      'x-api-key': signJwt(key, claims({ plan: 'premium' })),
    });
    assert.equal(both.ruleName, 'premium');
  });

  it('a route with required: true answers 401 without a token', async () => {
    const strict = runtimeWith(true);
    await assert.rejects(routed(strict, {}), (err: any) => err.status === 401);
    const ok = await routed(strict, { authorization: `Bearer ${signJwt(key, claims())}` });
    assert.equal(ok.ruleName, 'free');
  });

  it('matches list claims by item and claims by regular expression', () => {
    const m = compileMatch({ claims: [{ name: 'groups', value: '^ml-', type: 'RegularExpression' }] });
    const facts = (c?: Record<string, unknown>) => ({ operation: 'chat' as const, headers: {}, claims: c });
    assert.equal(m(facts({ groups: ['ops', 'ml-research'] })), true);
    assert.equal(m(facts({ groups: ['ops'] })), false);
    assert.equal(m(facts(undefined)), false);
  });
});
