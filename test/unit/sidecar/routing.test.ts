// Route matching and weighted splits: the pure pieces the route step is built from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRuntime } from '../../../sidecar/config/runtime.ts';
import type { Call } from '../../../sidecar/pipeline/call.ts';
import { route } from '../../../sidecar/pipeline/route.ts';
import { openai } from '../../../sidecar/providers/openai/index.ts';
import { compileMatch, compileMatches, modelMatcher } from '../../../sidecar/routing/match.ts';
import { weightedTable } from '../../../sidecar/routing/weighted.ts';
import { type SnapshotContent, seal } from '../../../sidecar/snapshot/index.ts';
import { AgentPool } from '../../../sidecar/upstream/agents.ts';

const facts = (
  model: string | undefined,
  headers: Record<string, string> = {},
  operation = 'chat' as const,
) => ({
  model,
  operation,
  headers,
});

describe('match', () => {
  it('matches a model exactly, or by prefix with a trailing *', () => {
    assert.equal(modelMatcher('gpt-4o')('gpt-4o'), true);
    assert.equal(modelMatcher('gpt-4o')('gpt-4o-mini'), false);
    assert.equal(modelMatcher('gpt-4o*')('gpt-4o-mini'), true);
    assert.equal(modelMatcher('gpt-4o*')('gpt-4'), false);
    assert.equal(modelMatcher('gpt-4o*')(undefined), false);
  });

  it('needs every condition of one match: model, operation and headers', () => {
    const m = compileMatch({
      model: 'gpt-4o',
      operation: 'chat',
      headers: [{ name: 'X-User-Tier', value: 'premium', type: 'Exact' }],
    });
    assert.equal(m(facts('gpt-4o', { 'x-user-tier': 'premium' })), true);
    assert.equal(m(facts('gpt-4o', { 'x-user-tier': 'free' })), false);
    assert.equal(m(facts('gpt-4o')), false);
    assert.equal(m({ ...facts('gpt-4o', { 'x-user-tier': 'premium' }), operation: 'embeddings' }), false);
  });

  it('tests header regular expressions as written (anchors are the author’s)', () => {
    const m = compileMatch({
      headers: [{ name: 'x-team', value: '^(red|blue)$', type: 'RegularExpression' }],
    });
    assert.equal(m(facts(undefined, { 'x-team': 'red' })), true);
    assert.equal(m(facts(undefined, { 'x-team': 'reddish' })), false);
    assert.throws(
      () => compileMatch({ headers: [{ name: 'x', value: '(', type: 'RegularExpression' }] }),
      /x:.*invalid regular expression/,
    );
  });

  it('accepts any one match; no matches accept everything', () => {
    const any = compileMatches([{ model: 'a' }, { model: 'b' }]);
    assert.equal(any(facts('b')), true);
    assert.equal(any(facts('c')), false);
    assert.equal(compileMatches([])(facts(undefined)), true);
  });
});

describe('weighted split', () => {
  it('maps the random number onto cumulative weights', () => {
    const t = weightedTable([
      { value: 'a', weight: 90 },
      { value: 'b', weight: 0 },
      { value: 'c', weight: 10 },
    ]);
    assert.deepEqual(t.items, ['a', 'c']);
    assert.equal(t.pick(0), 'a');
    assert.equal(t.pick(0.8999), 'a');
    assert.equal(t.pick(0.9), 'c');
    assert.equal(t.pick(0.99999), 'c');
  });

  it('splits traffic close to the weights', () => {
    const t = weightedTable([
      { value: 'a', weight: 3 },
      { value: 'b', weight: 1 },
    ]);
    const n = 40_000;
    let a = 0;
    for (let i = 0; i < n; i++) if (t.pick() === 'a') a++;
    assert.ok(Math.abs(a / n - 0.75) < 0.02, `share of a was ${a / n}`);
  });

  it('refuses a split where every weight is 0', () => {
    assert.throws(() => weightedTable([{ value: 'a', weight: 0 }]), /at least one weight/);
  });
});

describe('route step', () => {
  const content: SnapshotContent = {
    workload: { namespace: 'team-a' },
    providers: [
      {
        id: 'p/openai',
        type: 'openai',
        endpoint: 'http://127.0.0.1:9/v1',
        headers: {},
        models: [{ name: 'gpt-4o' }, { name: 'llama', upstreamName: 'meta/llama-3' }],
      },
    ],
    routes: [
      {
        id: 'team-a/chat',
        rules: [
          {
            name: 'premium',
            matches: [{ headers: [{ name: 'x-user-tier', value: 'premium', type: 'Exact' }] }],
            backends: [{ provider: 'p/openai', model: 'gpt-4o', weight: 1 }],
            retries: { attempts: 0, backoffMs: 0, on: [] },
          },
          {
            name: 'llama',
            matches: [{ model: 'llama*' }],
            backends: [{ provider: 'p/openai', weight: 1 }],
            retries: { attempts: 0, backoffMs: 0, on: [] },
          },
        ],
      },
    ],
    quotas: [],
  };
  const runtime = buildRuntime(seal(content), { adapterFor: () => openai, agents: new AgentPool() });
  const callFor = (model: string, headers: Record<string, string> = {}) =>
    ({
      runtime,
      modelRequested: model,
      operation: 'chat',
      headers,
      startedAt: 0,
      timings: {},
    }) as unknown as Call;

  it('takes the first rule that matches and resolves the upstream model name', async () => {
    const premium = callFor('llama', { 'x-user-tier': 'premium' });
    await route(premium, async () => {});
    assert.equal(premium.ruleName, 'premium');
    assert.equal(premium.targets?.[0].upstreamModel, 'gpt-4o');

    const llama = callFor('llama');
    await route(llama, async () => {});
    assert.equal(llama.ruleName, 'llama');
    assert.equal(llama.targets?.[0].modelName, 'llama');
    assert.equal(llama.targets?.[0].upstreamModel, 'meta/llama-3');
  });

  it('answers 404 listing only the models a plain request can call, and naming the header-gated rule', async () => {
    await assert.rejects(
      route(callFor('gpt-5'), async () => {}),
      (err: Error & { status?: number }) => {
        assert.equal(err.status, 404);
        assert.equal(
          err.message,
          'no route for model "gpt-5" (operation chat); models you can call for chat: llama; ' +
            'rule premium of route team-a/chat takes it only with header x-user-tier: premium',
        );
        return true;
      },
    );
  });
});
