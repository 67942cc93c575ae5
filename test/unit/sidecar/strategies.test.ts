// Routing strategies, deterministic: an injected clock and random source, breakers as a set of
// open keys. BackendStats (moving averages, failures as slow samples, forgetting, bounds),
// LowestLatency (untried first, lowest wins, exploration, recovery, open circuits), LowestCost
// (prices x estimated tokens, output averages, ties by weight), prompt-size matches, and the
// route step wiring them to a call (choice on the call, samples learnt after the response).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRuntime } from '../../../sidecar/config/runtime.ts';
import type { Attempt, Call } from '../../../sidecar/pipeline/call.ts';
import { route } from '../../../sidecar/pipeline/route.ts';
import { openai } from '../../../sidecar/providers/openai/index.ts';
import { BreakerPool } from '../../../sidecar/resilience/circuit-breaker.ts';
import { BackendStats, backendKey } from '../../../sidecar/routing/backend-stats.ts';
import { DEFAULT_OUTPUT_TOKENS, lowestCost } from '../../../sidecar/routing/lowest-cost.ts';
import { lowestLatency } from '../../../sidecar/routing/lowest-latency.ts';
import { compileMatch } from '../../../sidecar/routing/match.ts';
import { type Candidate, type ChoiceRequest, routingState } from '../../../sidecar/routing/strategy.ts';
import { type SnapshotContent, seal } from '../../../sidecar/snapshot/index.ts';
import { approxPromptTokens } from '../../../sidecar/tokens.ts';
import { AgentPool } from '../../../sidecar/upstream/agents.ts';
import { rng } from '../../support/rng.ts';

/** random() answers these values in turn (then 0.5). */
function scripted(...values: number[]): () => number {
  return () => values.shift() ?? 0.5;
}

function fixture(opts: { random?: () => number; alpha?: number } = {}) {
  let now = 0;
  const open = new Set<string>();
  const stats = new BackendStats({ now: () => now, alpha: opts.alpha });
  const state = routingState({
    stats,
    usable: (key) => !open.has(key),
    random: opts.random ?? scripted(),
  });
  return {
    stats,
    state,
    open,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const request = (r: Partial<ChoiceRequest> = {}): ChoiceRequest => ({
  stream: false,
  promptTokens: () => 100,
  ...r,
});

const A = 'p/a|fast';
const B = 'p/b|slow';
const C = 'p/c|other';
const cands = (...keys: string[]): Candidate[] => keys.map((key) => ({ key, weight: 1 }));

describe('BackendStats', () => {
  it('keeps exponentially weighted averages of time to first token and total latency', () => {
    const { stats } = fixture({ alpha: 0.5 });
    assert.equal(stats.latency(A), undefined);
    stats.recordSuccess(A, 100, 400);
    assert.deepEqual(stats.latency(A), { ttftMs: 100, totalMs: 400, samples: 1 });
    stats.recordSuccess(A, 300, 800);
    assert.deepEqual(stats.latency(A), { ttftMs: 200, totalMs: 600, samples: 2 });
  });

  it('counts a failure as a slow sample: at least 1 s and twice the average', () => {
    const { stats } = fixture({ alpha: 1 });
    stats.recordFailure(A, 5);
    assert.deepEqual(stats.latency(A), { ttftMs: 1000, totalMs: 1000, samples: 1 });
    stats.recordSuccess(B, 800, 3000);
    stats.recordFailure(B, 20);
    assert.deepEqual(stats.latency(B), { ttftMs: 1600, totalMs: 6000, samples: 2 });
    stats.recordFailure(C, 30_000); // a timeout after 30 s is that slow
    assert.equal(stats.latency(C)?.totalMs, 30_000);
  });

  it('forgets a backend not heard from for 5 minutes (so it is tried again)', () => {
    const { stats, advance } = fixture();
    stats.recordSuccess(A, 10, 10);
    stats.recordOutput(A, 50);
    advance(5 * 60 * 1000);
    assert.ok(stats.latency(A));
    advance(1);
    assert.equal(stats.latency(A), undefined);
    assert.equal(stats.outputTokens(A), undefined);
  });

  it('remembers a bounded number of backends, dropping the least recently updated', () => {
    const stats = new BackendStats({ maxBackends: 3 });
    for (const k of ['k1', 'k2', 'k3']) stats.recordSuccess(k, 1, 1);
    stats.recordSuccess('k1', 1, 1); // k1 is fresh again: k2 is now the oldest
    stats.recordSuccess('k4', 1, 1);
    assert.equal(stats.size, 3);
    assert.equal(stats.latency('k2'), undefined);
    assert.ok(stats.latency('k1') && stats.latency('k3') && stats.latency('k4'));
  });
});

describe('LowestLatency', () => {
  it('tries backends without numbers first, then takes the lowest average', () => {
    const { stats, state } = fixture();
    const s = lowestLatency(state, 0);
    const first = s.choose(cands(A, B), request());
    assert.equal(first.kind, 'untried');
    stats.recordSuccess(A, 50, 50);
    assert.deepEqual(
      [s.choose(cands(A, B), request()).index, s.choose(cands(A, B), request()).kind],
      [1, 'untried'],
    );
    stats.recordSuccess(B, 400, 400);
    const c = s.choose(cands(A, B), request());
    assert.equal(c.index, 0);
    assert.equal(c.kind, 'lowest-latency');
    assert.match(c.reason, /lowest latency: 50ms over 1 samples \(next p\/b\|slow 400ms\)/);
  });

  it('judges a stream by time to first token, a whole answer by total latency', () => {
    const { stats, state } = fixture();
    const s = lowestLatency(state, 0);
    stats.recordSuccess(A, 100, 5000); // quick to start, long answers
    stats.recordSuccess(B, 600, 900);
    assert.equal(s.choose(cands(A, B), request({ stream: true })).index, 0);
    assert.equal(s.choose(cands(A, B), request({ stream: false })).index, 1);
  });

  it('explores another backend (by weight) on the configured share of calls', () => {
    const { stats, state } = fixture({ random: scripted(0.05, 0.9, 0.5, 0.05, 0.1) });
    const s = lowestLatency(state, 0.1);
    stats.recordSuccess(A, 10, 10);
    stats.recordSuccess(B, 500, 500);
    stats.recordSuccess(C, 900, 900);
    const candidates: Candidate[] = [
      { key: A, weight: 1 },
      { key: B, weight: 1 },
      { key: C, weight: 3 },
    ];
    const explored = s.choose(candidates, request()); // 0.05 < 0.1: explore; 0.9 of weights 1+3: C
    assert.deepEqual([explored.index, explored.kind], [2, 'explore']);
    assert.match(explored.reason, /exploring \(latency 900ms; best p\/a\|fast 10ms\)/);
    assert.equal(s.choose(candidates, request()).kind, 'lowest-latency'); // 0.5: no exploring
    assert.equal(s.choose(candidates, request()).index, 1); // 0.05 explore, 0.1 of 4: B
  });

  it('never chooses a backend whose circuit is open, and says so when every one is', () => {
    const { stats, state, open } = fixture();
    const s = lowestLatency(state, 0.5);
    stats.recordSuccess(A, 10, 10);
    stats.recordSuccess(B, 500, 500);
    open.add(A);
    for (let i = 0; i < 20; i++) assert.equal(s.choose(cands(A, B), request()).index, 1);
    assert.equal(s.choose(cands(A, B), request()).kind, 'only');
    open.add(B);
    assert.equal(s.choose(cands(A, B), request()).kind, 'all-unavailable');
  });

  it('moves traffic away from a backend that slows down and back once it recovers', () => {
    const { stats, state } = fixture({ random: rng(7) });
    const s = lowestLatency(state, 0.1);
    let aLatency = 20;
    const latency: Record<string, () => number> = { [A]: () => aLatency, [B]: () => 100 };
    const run = (n: number) => {
      const picks: string[] = [];
      for (let i = 0; i < n; i++) {
        const c = cands(A, B)[s.choose(cands(A, B), request()).index].key;
        stats.recordSuccess(c, latency[c](), latency[c]());
        picks.push(c);
      }
      return picks;
    };
    run(20);
    assert.ok(run(50).filter((k) => k === A).length >= 40, 'A is fast: it takes most calls');
    aLatency = 2000;
    const slowed = run(50);
    // The first slow sample already moves the average past B's; after that only exploration.
    const firstAway = slowed.indexOf(B);
    assert.ok(firstAway >= 0 && firstAway <= 2, `moved away after ${firstAway} calls`);
    assert.ok(slowed.slice(10).filter((k) => k === A).length <= 10, 'A is slow: B takes most calls');
    aLatency = 20;
    const recovered = run(200);
    const back = recovered.findIndex((_, i) => recovered.slice(i, i + 10).every((k) => k === A));
    assert.ok(back >= 0 && back <= 150, `back on A after ${back} calls`);
  });
});

describe('LowestCost', () => {
  const small = { input: 0.15, output: 0.6 };
  const large = { input: 2.5, output: 10 };
  const priced = (...p: (typeof small | undefined)[]): Candidate[] =>
    p.map((pricing, i) => ({ key: `p/x|m${i}`, weight: 1, ...(pricing ? { pricing } : {}) }));

  it('picks the cheaper model and says what it would cost', () => {
    const { state } = fixture();
    const c = lowestCost(state).choose(priced(large, small), request({ promptTokens: () => 1000 }));
    assert.equal(c.index, 1);
    assert.equal(c.kind, 'cheapest');
    // 1000 * 0.15 + 256 * 0.6 per 1M tokens; the next one: 1000 * 2.5 + 256 * 10.
    assert.equal(DEFAULT_OUTPUT_TOKENS, 256);
    assert.match(
      c.reason,
      /cheapest: \$0\.0003036 for ~1000 input \+ ~256 output tokens \(next p\/x\|m0 \$0\.00506\)/,
    );
  });

  it('weighs input against output: a long prompt favours cheap input, a long answer cheap output', () => {
    const { state } = fixture();
    const s = lowestCost(state);
    const cheapIn = { input: 0.5, output: 20 };
    const cheapOut = { input: 5, output: 1 };
    const long = s.choose(
      priced(cheapIn, cheapOut),
      request({ promptTokens: () => 50_000, maxOutputTokens: 10 }),
    );
    assert.equal(long.index, 0);
    const chatty = s.choose(
      priced(cheapIn, cheapOut),
      request({ promptTokens: () => 10, maxOutputTokens: 4000 }),
    );
    assert.equal(chatty.index, 1);
  });

  it("expects each backend's average output (capped by max_tokens) when it has one", () => {
    const { stats, state } = fixture();
    const s = lowestCost(state);
    const [x, y] = priced({ input: 1, output: 10 }, { input: 1, output: 4 });
    stats.recordOutput(x.key, 20); // a terse model...
    stats.recordOutput(y.key, 400); // ...and a verbose one: 20 * 10 < 400 * 4
    assert.equal(s.choose([x, y], request({ promptTokens: () => 10 })).index, 0);
    // max_tokens 30 caps the verbose one's answer: 30 * 4 < 20 * 10
    assert.equal(s.choose([x, y], request({ promptTokens: () => 10, maxOutputTokens: 30 })).index, 1);
  });

  it('splits equal prices by weight, skips open circuits, and picks by weight when nothing is priced', () => {
    const { state, open } = fixture({ random: scripted(0.1, 0.9, 0.3) });
    const s = lowestCost(state);
    const same: Candidate[] = [
      { key: 'p/a|m', weight: 1, pricing: small },
      { key: 'p/b|m', weight: 1, pricing: small },
      { key: 'p/c|m', weight: 1, pricing: large },
    ];
    assert.equal(s.choose(same, request()).index, 0);
    assert.equal(s.choose(same, request()).index, 1);
    open.add('p/a|m');
    open.add('p/b|m');
    assert.deepEqual([s.choose(same, request()).index, s.choose(same, request()).kind], [2, 'only']);
    open.clear();
    assert.equal(s.choose(priced(undefined, undefined), request()).kind, 'unpriced');
  });
});

describe('prompt-size matches', () => {
  const facts = (content: string) => {
    const body = { model: 'auto', messages: [{ role: 'user', content }] };
    let counted = 0;
    return {
      model: 'auto',
      operation: 'chat' as const,
      headers: {},
      promptTokens: () => {
        counted++;
        return approxPromptTokens(body, 'chat');
      },
      counted: () => counted,
    };
  };

  it('estimates about 4 UTF-8 bytes a token, with the chat framing', () => {
    const body = { messages: [{ role: 'user', content: 'x'.repeat(400) }] };
    assert.equal(approxPromptTokens(body, 'chat'), 3 + 3 + 100);
    assert.equal(approxPromptTokens({ input: ['abcd', 'abcdefgh'] }, 'embeddings'), 3);
    assert.equal(approxPromptTokens({ messages: [{ role: 'user', content: '日本語' }] }, 'chat'), 3 + 3 + 3);
  });

  it('takes prompts within the bounds (inclusive) and sizes a prompt only when the rest matches', () => {
    const short = compileMatch({ model: 'auto', promptTokens: { max: 106 } });
    const long = compileMatch({ model: 'auto', promptTokens: { min: 107 } });
    const f400 = facts('x'.repeat(400)); // 106 tokens
    assert.equal(short(f400), true);
    assert.equal(long(f400), false);
    const f404 = facts('x'.repeat(404)); // 107
    assert.equal(short(f404), false);
    assert.equal(long(f404), true);
    const other = compileMatch({ model: 'other', promptTokens: { max: 10 } });
    const f = facts('hi');
    assert.equal(other(f), false);
    assert.equal(f.counted(), 0);
  });
});

describe('route step with a strategy', () => {
  const content: SnapshotContent = {
    workload: { namespace: 'team-a' },
    providers: [
      {
        id: 'p/up',
        type: 'openai',
        endpoint: 'http://127.0.0.1:9/v1',
        headers: {},
        models: [
          { name: 'small', pricing: { input: 0.1, output: 0.4 } },
          { name: 'large', upstreamName: 'large-2025', pricing: { input: 3, output: 15 } },
        ],
      },
    ],
    routes: [
      {
        id: 'team-a/chat',
        rules: [
          {
            name: 'cheap',
            matches: [{ model: 'cheap' }],
            backends: [
              { provider: 'p/up', model: 'large', weight: 1 },
              { provider: 'p/up', model: 'small', weight: 1 },
            ],
            retries: { attempts: 0, backoffMs: 0, on: [] },
            strategy: { type: 'LowestCost' },
          },
          {
            name: 'fast',
            matches: [{ model: 'fast' }],
            backends: [
              { provider: 'p/up', model: 'large', weight: 1 },
              { provider: 'p/up', model: 'small', weight: 1 },
            ],
            retries: { attempts: 0, backoffMs: 0, on: [] },
            strategy: { type: 'LowestLatency', exploration: 0 },
          },
        ],
      },
    ],
    quotas: [],
  };
  const breakers = new BreakerPool({ failureThreshold: 1, cooldownMs: 60_000 });
  const routing = routingState({ usable: (key) => breakers.admits(key) });
  const runtime = buildRuntime(seal(content), { adapterFor: () => openai, agents: new AgentPool(), routing });
  const callFor = (model: string) =>
    ({
      runtime,
      modelRequested: model,
      operation: 'chat',
      stream: false,
      body: { model, messages: [{ role: 'user', content: 'hello' }] },
      headers: {},
      startedAt: 0,
      timings: {},
      attempts: [],
      afterResponse: [],
    }) as unknown as Call;
  const routed = async (model: string) => {
    const call = callFor(model);
    await route(call, async () => {});
    return call;
  };
  const finish = async (call: Call, attempts: Partial<Attempt>[], timings: Call['timings'], status = 200) => {
    call.attempts.push(
      ...attempts.map((a) => ({
        provider: 'p/up',
        providerType: 'openai',
        fallback: 0,
        retry: 0,
        startMs: 0,
        model: '',
        ...a,
      })),
    );
    Object.assign(call.timings, timings);
    call.status = status;
    for (const hook of call.afterResponse) await hook(call);
  };

  it('LowestCost: the cheaper backend first, the choice and its reason on the call', async () => {
    const call = await routed('cheap');
    assert.equal(call.targets?.[0]?.upstreamModel, 'small');
    assert.equal(call.routeChoice?.strategy, 'LowestCost');
    assert.equal(call.routeChoice?.kind, 'cheapest');
    assert.match(call.routeChoice!.reason, /^p\/up\|small: cheapest: \$.* \(next p\/up\|large-2025 \$/);
  });

  it('LowestLatency learns from the attempts after the response: a failure is a slow sample', async () => {
    const key = (m: string) => backendKey('p/up', m);
    // Both untried: the first calls try each.
    const first = await routed('fast');
    const firstModel = first.targets![0]!.upstreamModel!;
    await finish(first, [{ model: firstModel, durationMs: 40, status: 200 }], {
      firstByteMs: 40,
      doneMs: 41,
    });
    const second = await routed('fast');
    const secondModel = second.targets![0]!.upstreamModel!;
    assert.notEqual(secondModel, firstModel, 'the untried backend goes next');
    await finish(second, [{ model: secondModel, durationMs: 90, status: 200 }], {
      firstByteMs: 90,
      doneMs: 91,
    });
    assert.equal(routing.stats.latency(key(firstModel))?.totalMs, 40);
    assert.equal(routing.stats.latency(key(secondModel))?.totalMs, 90);

    const third = await routed('fast');
    assert.equal(third.targets![0]!.upstreamModel, firstModel);
    assert.equal(third.routeChoice?.kind, 'lowest-latency');
    // It fails (a 503) and the fallback... there is none: the failure alone is a 1 s sample.
    await finish(third, [{ model: firstModel, durationMs: 5, status: 503, failure: '5xx' }], {}, 502);
    assert.ok(routing.stats.latency(key(firstModel))!.totalMs > 90);
    assert.equal((await routed('fast')).targets![0]!.upstreamModel, secondModel);

    // An open circuit on the faster one: never chosen while it is open.
    breakers.get(key(secondModel)).onFailure('5xx');
    const avoided = await routed('fast');
    assert.equal(avoided.targets![0]!.upstreamModel, firstModel);
    assert.equal(avoided.routeChoice?.kind, 'only');
  });
});
