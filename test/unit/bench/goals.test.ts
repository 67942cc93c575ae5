// The bench's goal verdicts: judged on the spread of per-round values (met, met only within noise,
// not met), every goal listed even when its arms or workload were not measured.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArmName } from '../../../bench/lib/arms.ts';
import { evaluateGoals, judge, median } from '../../../bench/lib/goals.ts';
import type { BenchResults, LatencyResult, WorkloadResult } from '../../../bench/lib/results.ts';
import { percentiles } from '../../../bench/lib/stats.ts';
import { errorKinds } from '../../../bench/run.ts';

const P = percentiles([1]);

/** A latency result whose added p50 / p99 per round are the given pairs (whole run: their mean). */
function latency(rounds: [number, number][]): LatencyResult {
  const mean = (k: 0 | 1) => rounds.reduce((s, r) => s + r[k], 0) / rounds.length;
  return {
    total: P,
    added: { p50: mean(0), p99: mean(1), p999: mean(1) },
    rounds: rounds.map(([p50, p99]) => ({ p50, p99 })),
    errors: 0,
  };
}

function workload(name: WorkloadResult['name'], extra: Partial<WorkloadResult>): WorkloadResult {
  return {
    name,
    label: name,
    frontier: {},
    cpuUsPerRequest: {},
    loadavg: { before: [], after: [] },
    ...extra,
  };
}

function run(workloads: WorkloadResult[], arms: ArmName[], unavailable: ArmName[] = []): BenchResults {
  return {
    schema: 1,
    date: '2026-12-07T00:00:00.000Z',
    quick: false,
    machine: {},
    pinning: null,
    config: { loadRate: 1000 },
    arms: [
      ...arms.map((name) => ({ name, label: name, available: true })),
      ...unavailable.map((name) => ({ name, label: name, available: false, reason: 'npm ci failed' })),
    ],
    rss: {},
    workloads,
    durationS: 1,
  };
}

const byId = (r: BenchResults) => new Map(evaluateGoals(r).map((g) => [g.id, g]));

describe('bench goals', () => {
  it('judges per-round values: met, met only within noise, not met, not measured', () => {
    assert.equal(judge([1.1, 1.2, 1.25], 1.3), 'met');
    assert.equal(judge([1.1, 1.2, 1.5], 1.3), 'met only within noise');
    assert.equal(judge([1.1, 1.4, 1.5], 1.3), 'not met');
    assert.equal(judge([], 1.3), 'not measured');
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it('takes latency ratios round by round, leaving out rounds where the floor added nothing', () => {
    const w = workload('chat-small', {
      latency: {
        direct: latency([
          [0, 0],
          [0, 0],
          [0, 0],
        ]),
        floor: latency([
          [0.2, 1],
          [0.2, -0.1],
          [0.4, 1],
        ]),
        'aimesh-off': latency([
          [0.24, 1.2],
          [0.3, 5],
          [0.44, 1.2],
        ]),
      },
    });
    const goals = byId(run([w], ['direct', 'floor', 'aimesh-off']));
    const p50 = goals.get('c1-p50-off-floor')!;
    assert.deepEqual(
      p50.rounds.map((x) => Number(x.toFixed(3))),
      [1.2, 1.5, 1.1],
    );
    assert.equal(p50.verdict, 'met only within noise');
    assert.equal(Number(p50.median!.toFixed(3)), 1.2);
    const p99 = goals.get('c1-p99-off-floor')!;
    assert.equal(p99.rounds.length, 2);
    assert.equal(p99.verdict, 'met');
    assert.match(p99.note!, /1 round\(s\) left out/);
  });

  it('lists every goal, saying why one was not measured', () => {
    const goals = evaluateGoals(run([], ['direct', 'floor', 'aimesh-off', 'aimesh-full'], ['portkey']));
    assert.deepEqual(
      goals.map((g) => g.id),
      [
        'c1-p50-off-floor',
        'c1-p50-full-floor',
        'c1-p50-full-portkey',
        'c1-p99-off-floor',
        'c1-p99-full-floor',
        'c1-p99-full-portkey',
        'cpu-off-floor',
        'cpu-full-floor',
        'stalls-off',
        'stalls-full',
        'ttfc-off',
        'ttfc-full',
        'big-chat-8k-full-floor',
        'big-chat-200k-full-floor',
      ],
    );
    for (const g of goals) assert.equal(g.verdict, 'not measured');
    const portkey = byId(
      run([workload('chat-small', { latency: {} })], ['direct', 'floor', 'aimesh-full'], ['portkey']),
    ).get('c1-p50-full-portkey')!;
    assert.match(portkey.note!, /portkey unavailable: npm ci failed/);
  });

  it('pairs CPU trials at the load step both arms reached', () => {
    const step = (rate: number, cpus: number[]) => ({
      rate,
      achieved: rate,
      p50: 1,
      p99: 1,
      p999: 1,
      errors: 0,
      maxLagMs: 0,
      cpuUsPerRequest: Math.min(...cpus),
      trials: cpus.map((cpuUsPerRequest) => ({ p99: 1, errors: 0, cpuUsPerRequest })),
    });
    const max = { '1ms': 0, '5ms': 0, '10ms': 0, '50ms': 0 };
    const w = workload('chat-small', {
      frontier: {
        floor: { steps: [step(500, [100, 100, 100]), step(1000, [200, 250, 200])], max },
        'aimesh-full': { steps: [step(500, [300, 300, 300]), step(1000, [380, 600, 420])], max },
      },
    });
    const g = byId(run([w], ['direct', 'floor', 'aimesh-full'])).get('cpu-full-floor')!;
    assert.deepEqual(g.rounds, [1.9, 2.4, 2.1]);
    assert.equal(g.verdict, 'not met');
    assert.equal(g.whole, 1.9);
    assert.match(g.note!, /@1000\/s/);
  });

  it("counts stalls per round against direct's in the same round", () => {
    const cs = (rounds: [stalls: number, errors: number][]) => ({
      streams: 512,
      errors: 0,
      stalls: 0,
      ttfc: P,
      gap: P,
      rounds: rounds.map(([stalls, errors]) => ({ stalls, errors, ttfcP99: 1 })),
    });
    const w = workload('chat-stream', {
      concurrentStreams: {
        direct: cs([
          [0, 0],
          [3, 0],
          [0, 0],
        ]),
        'aimesh-off': cs([
          [0, 0],
          [0, 1],
          [0, 0],
        ]),
        'aimesh-full': cs([
          [0, 0],
          [6, 0],
          [1, 0],
        ]),
      },
    });
    const goals = byId(run([w], ['direct', 'aimesh-off', 'aimesh-full']));
    // A failed stream counts with the stalled ones.
    assert.deepEqual(goals.get('stalls-off')!.rounds, [0, 1, 0]);
    assert.equal(goals.get('stalls-off')!.verdict, 'met only within noise');
    assert.deepEqual(goals.get('stalls-full')!.rounds, [0, 0, 1]);
    assert.equal(goals.get('stalls-full')!.verdict, 'met only within noise');
  });

  it('counts failed samples by kind, ports and ids dropped', () => {
    const fail = (error: string) => ({ ok: false, latencyMs: 1, error });
    assert.deepEqual(
      errorKinds([
        { ok: true, latencyMs: 1 },
        fail('connect ECONNREFUSED 127.0.0.1:41234'),
        fail('connect ECONNREFUSED 127.0.0.1:41877'),
        fail('HTTP 503 {"error":{"message":"circuit open for bench/openai|gpt-4o-mini"}}'),
        fail('timeout'),
      ]),
      {
        'connect ECONNREFUSED 127.0.0.1#': 2,
        'HTTP 503 {"error":{"message":"circuit open for bench/openai|gpt-4o-mini"}}': 1,
        timeout: 1,
      },
    );
  });
});
