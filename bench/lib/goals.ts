// The goals of a bench run (issue 20's list), each judged on its spread across rounds rather than
// on one pooled number: every interleaved round (every trial, for CPU) gives its own value, and a
// goal is "met" when the median round meets it and every round does, "met only within noise" when
// the median meets it but some round does not, "not met" when the median does not. A goal whose
// arms or workload were not measured in this run still appears, as "not measured", with why.
import type { ArmName } from './arms.ts';
import type { BenchResults, FrontierStep, WorkloadResult } from './results.ts';

export type Verdict = 'met' | 'met only within noise' | 'not met' | 'not measured';

export interface GoalResult {
  /** Stable across runs (the last-three-runs table is keyed by it). */
  id: string;
  goal: string;
  /** The goal holds when the value is at most this. */
  limit: number;
  unit: 'x' | 'ms' | 'streams';
  /** The value from the whole run's pooled samples, when there is one. */
  whole?: number;
  /** One value per round (per trial for CPU), in the order measured. */
  rounds: number[];
  min?: number;
  median?: number;
  max?: number;
  verdict: Verdict;
  /** What else the reader needs: why not measured, rounds left out, the raw counts. */
  note?: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The verdict on per-round values against `limit` (at most). */
export function judge(rounds: readonly number[], limit: number): Verdict {
  if (rounds.length === 0) return 'not measured';
  if (median(rounds) > limit) return 'not met';
  return Math.max(...rounds) > limit ? 'met only within noise' : 'met';
}

interface Spec {
  id: string;
  goal: string;
  limit: number;
  unit: GoalResult['unit'];
}

function result(spec: Spec, rounds: number[], extra: { whole?: number; note?: string } = {}): GoalResult {
  const stats =
    rounds.length > 0 ? { min: Math.min(...rounds), median: median(rounds), max: Math.max(...rounds) } : {};
  return { ...spec, ...extra, rounds, ...stats, verdict: judge(rounds, spec.limit) };
}

const missing = (spec: Spec, why: string): GoalResult => ({
  ...spec,
  rounds: [],
  verdict: 'not measured',
  note: why,
});

function armsMissing(r: BenchResults, w: WorkloadResult | undefined, arms: ArmName[]): string | undefined {
  for (const a of arms) {
    const arm = r.arms.find((x) => x.name === a);
    if (!arm) return `${a} not in this run`;
    if (!arm.available) return `${a} unavailable: ${arm.reason ?? '?'}`;
    const failing = w?.failing?.[a];
    if (failing) return `${a} could not serve ${w!.name}: ${failing}`;
  }
  return undefined;
}

/**
 * Added latency at c=1, arm over base, per round (the rounds where base added nothing or less, a
 * noise artefact on a shared box, give no ratio and are counted in the note).
 */
function latencyRatio(
  r: BenchResults,
  spec: Spec,
  wl: string,
  arm: ArmName,
  base: ArmName,
  k: 'p50' | 'p99',
) {
  const w = r.workloads.find((x) => x.name === wl);
  if (!w) return missing(spec, `${wl} not in this run`);
  const why = armsMissing(r, w, [arm, base]);
  if (why) return missing(spec, why);
  const a = w.latency?.[arm];
  const b = w.latency?.[base];
  if (!a || !b) return missing(spec, `no latency for ${a ? base : arm} on ${wl}`);
  const whole = b.added[k] > 0 ? a.added[k] / b.added[k] : undefined;
  if (!a.rounds || !b.rounds)
    return result(spec, whole === undefined ? [] : [whole], {
      whole,
      note: 'one value: this run kept no rounds',
    });
  const rounds: number[] = [];
  let dropped = 0;
  for (const [i, ar] of a.rounds.entries()) {
    const br = b.rounds[i];
    if (!br) continue;
    if (br[k] > 0) rounds.push(ar[k] / br[k]);
    else dropped++;
  }
  return result(spec, rounds, {
    whole,
    note: dropped ? `${dropped} round(s) left out: ${base} added <= 0 ms` : undefined,
  });
}

/** CPU per request over the floor's, per trial, at the rate nearest loadRate both arms reached. */
function cpuRatio(r: BenchResults, spec: Spec, wl: string, arm: ArmName, base: ArmName, loadRate: number) {
  const w = r.workloads.find((x) => x.name === wl);
  if (!w) return missing(spec, `${wl} not in this run`);
  const why = armsMissing(r, w, [arm, base]);
  if (why) return missing(spec, why);
  const steps = (a: ArmName) =>
    new Map<number, FrontierStep>((w.frontier[a]?.steps ?? []).map((s) => [s.rate, s]));
  const sa = steps(arm);
  const sb = steps(base);
  const rates = [...sa.keys()].filter((x) => sb.has(x));
  if (rates.length === 0) return missing(spec, `no load step both ${arm} and ${base} reached`);
  const rate = rates.reduce((best, x) => (Math.abs(x - loadRate) < Math.abs(best - loadRate) ? x : best));
  const ta = sa.get(rate)!;
  const tb = sb.get(rate)!;
  const rounds: number[] = [];
  for (const [i, t] of (ta.trials ?? []).entries()) {
    const u = tb.trials?.[i];
    if (t.cpuUsPerRequest && u?.cpuUsPerRequest) rounds.push(t.cpuUsPerRequest / u.cpuUsPerRequest);
  }
  const whole =
    ta.cpuUsPerRequest && tb.cpuUsPerRequest ? ta.cpuUsPerRequest / tb.cpuUsPerRequest : undefined;
  const note = `@${rate}/s: ${ta.cpuUsPerRequest ?? '–'} vs ${tb.cpuUsPerRequest ?? '–'} µs/request (lowest trial)`;
  if (rounds.length === 0 && whole !== undefined)
    return result(spec, [whole], { whole, note: `${note}; one value: this run kept no trials` });
  return result(spec, rounds, { whole, note });
}

/** Stalled streams per round beyond `times` x direct's in the same round (0 when times is 0). */
function stalls(r: BenchResults, spec: Spec, arm: ArmName, times: number) {
  const w = r.workloads.find((x) => x.name === 'chat-stream');
  if (!w) return missing(spec, 'chat-stream not in this run');
  const why = armsMissing(r, w, [arm]);
  if (why) return missing(spec, why);
  const a = w.concurrentStreams?.[arm];
  const d = w.concurrentStreams?.direct;
  if (!a || !d) return missing(spec, `no concurrent-streams result for ${a ? 'direct' : arm}`);
  const ar = a.rounds ?? [{ stalls: a.stalls + a.errors, errors: 0, ttfcP99: a.ttfc.p99 }];
  const dr = d.rounds ?? [{ stalls: d.stalls + d.errors, errors: 0, ttfcP99: d.ttfc.p99 }];
  // A stream that failed outright is counted with the stalled ones: it did not flow either.
  const bad = (x: { stalls: number; errors: number }) => x.stalls + x.errors;
  // Beyond the allowance (0 when within it: headroom is not a score).
  const rounds = ar.slice(0, dr.length).map((x, i) => Math.max(0, bad(x) - times * bad(dr[i]!)));
  const list = (xs: { stalls: number; errors: number }[]) => xs.map(bad).join(', ');
  return result(spec, rounds, {
    note: `${a.streams} streams at once; stalled or failed per round: ${arm} ${list(ar)}; direct ${list(dr)}`,
  });
}

/** Added TTFC p99 (arm minus direct) per round of the low-load stream phase. */
function ttfc(r: BenchResults, spec: Spec, arm: ArmName) {
  const w = r.workloads.find((x) => x.name === 'chat-stream');
  if (!w) return missing(spec, 'chat-stream not in this run');
  const why = armsMissing(r, w, [arm]);
  if (why) return missing(spec, why);
  const s = w.streamLatency?.[arm];
  if (!s) return missing(spec, `no stream latency for ${arm}`);
  if (!s.rounds)
    return result(spec, [s.added.ttfcP99], {
      whole: s.added.ttfcP99,
      note: 'one value: this run kept no rounds',
    });
  return result(
    spec,
    s.rounds.map((x) => x.ttfcP99),
    { whole: s.added.ttfcP99 },
  );
}

/** Every goal of issue 20, in its order, judged on this run. */
export function evaluateGoals(r: BenchResults): GoalResult[] {
  const loadRate = Number(r.config.loadRate ?? 1000);
  const out: GoalResult[] = [];
  for (const k of ['p50', 'p99'] as const) {
    out.push(
      latencyRatio(
        r,
        {
          id: `c1-${k}-off-floor`,
          goal: `c=1 added ${k}, chat-small: policy off <= 1.3x floor`,
          limit: 1.3,
          unit: 'x',
        },
        'chat-small',
        'aimesh-off',
        'floor',
        k,
      ),
      latencyRatio(
        r,
        {
          id: `c1-${k}-full-floor`,
          goal: `c=1 added ${k}, chat-small: full policy <= 1.6x floor`,
          limit: 1.6,
          unit: 'x',
        },
        'chat-small',
        'aimesh-full',
        'floor',
        k,
      ),
      latencyRatio(
        r,
        {
          id: `c1-${k}-full-portkey`,
          goal: `c=1 added ${k}, chat-small: full policy <= 1/3 of Portkey`,
          limit: 1 / 3,
          unit: 'x',
        },
        'chat-small',
        'aimesh-full',
        'portkey',
        k,
      ),
    );
  }
  out.push(
    cpuRatio(
      r,
      {
        id: 'cpu-off-floor',
        goal: `CPU per request @~${loadRate}/s, chat-small: policy off <= 1.5x floor`,
        limit: 1.5,
        unit: 'x',
      },
      'chat-small',
      'aimesh-off',
      'floor',
      loadRate,
    ),
    cpuRatio(
      r,
      {
        id: 'cpu-full-floor',
        goal: `CPU per request @~${loadRate}/s, chat-small: full policy <= 2.0x floor`,
        limit: 2,
        unit: 'x',
      },
      'chat-small',
      'aimesh-full',
      'floor',
      loadRate,
    ),
    stalls(
      r,
      { id: 'stalls-off', goal: 'concurrent streams: policy off stalls none', limit: 0, unit: 'streams' },
      'aimesh-off',
      0,
    ),
    stalls(
      r,
      {
        id: 'stalls-full',
        goal: "concurrent streams: full policy stalls <= 2x direct's (stalled beyond that, per round)",
        limit: 0,
        unit: 'streams',
      },
      'aimesh-full',
      2,
    ),
    // "+0 ms" as the goal states it, to the whole millisecond.
    ttfc(
      r,
      { id: 'ttfc-off', goal: 'added TTFC p99: policy off +0 ms (< 0.5 ms)', limit: 0.5, unit: 'ms' },
      'aimesh-off',
    ),
    ttfc(
      r,
      { id: 'ttfc-full', goal: 'added TTFC p99: full policy <= +5 ms', limit: 5, unit: 'ms' },
      'aimesh-full',
    ),
  );
  for (const wl of ['chat-8k', 'chat-200k'])
    out.push(
      latencyRatio(
        r,
        {
          id: `big-${wl}-full-floor`,
          goal: `c=1 added p50, ${wl}: full policy <= 2x floor`,
          limit: 2,
          unit: 'x',
        },
        wl,
        'aimesh-full',
        'floor',
        'p50',
      ),
    );
  return out;
}
