// `make bench`: the data-plane matrix on one machine, in one run. Every arm (direct, the floor
// proxy, AIMesh with policy off and on, Portkey, LiteLLM) is started once, pinned to the proxy
// core; the load generator (this process) and the test upstream share the other core. Phases run
// in interleaved rounds (each round visits every arm, in a rotating order) so drifting machine
// load hits every arm alike; latency added by an arm is its percentile minus direct's, same run.
//
//   node bench/run.ts [--quick] [--arms floor,aimesh-off,...] [--workloads chat-small,...]
//                     [--results-dir bench/results] [--report bench/RESULTS.md] [--no-plot]
//                     [--sidecar bundle|source] [--sidecar-node-options "--max-semi-space-size=2"]
//                     [--concurrent-streams 512]
//   node bench/run.ts --report-only bench/results/latest.json      (re-render RESULTS.md and plots;
//     then `node bench/big-prompts.ts --report-only -` puts back the big-prompts section)
//
// Output: raw JSON (results-dir/<stamp>.json and latest.json, every round's and trial's numbers
// kept), the report (issue 20's goals judged on their spread across rounds by lib/goals.ts, the
// last three runs side by side from results-dir/ratios.json, tables, method, machine, date) and
// one PNG per workload (p99 latency vs rate, one line per arm).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tempDir } from '../test/support/procs.ts';
import {
  ARM_LABELS,
  ARM_NAMES,
  type ArmName,
  type ArmStart,
  buildSidecarBundle,
  ROOT,
  type RunningArm,
  startArm,
  startBenchUpstream,
  startOtlpSink,
} from './lib/arms.ts';
import { concurrentStreams, newAgent, openLoop, type Sample, sequential } from './lib/load.ts';
import { cpuMs, machine, rssMB, tree } from './lib/proc.ts';
import { writeReport } from './lib/report.ts';
import type {
  BenchResults,
  ConcurrentStreamsResult,
  FrontierResult,
  FrontierStep,
  LatencyResult,
  StreamLatencyResult,
  WorkloadResult,
} from './lib/results.ts';
import { percentiles, round } from './lib/stats.ts';
import { targetFor, WORKLOAD_NAMES, WORKLOADS, type Workload, type WorkloadName } from './lib/workloads.ts';

// ---- configuration -----------------------------------------------------------------------------

const STALL_MS = 120; // a content gap this long is a stall (chunks are paced 20 ms apart)
const LOAD_RATE = 1000; // the "under load" point for CPU and RSS

interface Config {
  rounds: number;
  /** Sequential requests per arm per round, and a time cap per arm per round. */
  perRound: number;
  perRoundMs: number;
  streamsPerRound: number;
  rates: number[];
  streamRates: number[];
  stepMs: number;
  /** Trials per arm per rate (the best counts). */
  trials: number;
  concurrentStreams: number;
  /** Interleaved rounds of the concurrent-streams phase (the stall goals take their median). */
  streamRounds: number;
  warmup: number;
}

const FULL: Config = {
  rounds: 5,
  perRound: 1000,
  perRoundMs: 3000,
  streamsPerRound: 16,
  rates: [250, 500, 1000, 1500, 2000, 3000, 4000, 6000, 8000],
  streamRates: [50, 200, 400],
  stepMs: 2000,
  trials: 3,
  concurrentStreams: 512,
  streamRounds: 3,
  warmup: 300,
};

const QUICK: Config = {
  rounds: 2,
  perRound: 100,
  perRoundMs: 600,
  streamsPerRound: 4,
  rates: [200, 1000],
  streamRates: [25],
  stepMs: 700,
  trials: 1,
  concurrentStreams: 32,
  streamRounds: 2,
  warmup: 30,
};

// ---- helpers -----------------------------------------------------------------------------------

const rotate = <T>(xs: readonly T[], k: number): T[] => xs.map((_, i) => xs[(i + k) % xs.length]);
const okOnly = (samples: Sample[]) => samples.filter((s) => s.ok);
/** Failed samples counted by kind: the status and the start of the message, numbers dropped (ports, ids). */
export function errorKinds(samples: Sample[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const s of samples) {
    if (s.ok) continue;
    const kind = (s.error ?? 'unknown').replace(/\d{4,}|:\d+/g, '#').slice(0, 120);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

function pinSelf(cpu: string): boolean {
  try {
    execFileSync('taskset', ['-a', '-pc', cpu, String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function sequentialCapped(arm: RunningArm, w: Workload, runId: string, n: number, capMs: number) {
  const agent = newAgent();
  const target = targetFor(w, arm, runId);
  const out: Sample[] = [];
  const until = performance.now() + capMs;
  try {
    while (out.length < n && performance.now() < until) out.push(...(await sequential(agent, target, 1)));
  } finally {
    agent.destroy();
  }
  return out;
}

function frontierMax(steps: FrontierStep[], stream: boolean): FrontierResult['max'] {
  const best = (bound: number) => {
    let max = 0;
    for (const s of steps) {
      const p = stream ? (s.ttfcP99 ?? Number.POSITIVE_INFINITY) : s.p99;
      const healthy = s.errors === 0 && (s.stalls ?? 0) === 0 && s.achieved >= s.rate * 0.9;
      if (healthy && p <= bound && s.rate > max) max = s.rate;
    }
    return max;
  };
  return { '1ms': best(1), '5ms': best(5), '10ms': best(10), '50ms': best(50) };
}

// ---- phases ------------------------------------------------------------------------------------

async function latencyPhase(arms: RunningArm[], w: Workload, cfg: Config, runId: string) {
  const samples = new Map<ArmName, Sample[]>(arms.map((a) => [a.name, []]));
  // Where each round's samples start, per arm: the per-round ratios come from these slices.
  const starts = new Map<ArmName, number[]>(arms.map((a) => [a.name, []]));
  for (let r = 0; r < cfg.rounds; r++) {
    for (const arm of arms) starts.get(arm.name)!.push(samples.get(arm.name)!.length);
    for (const arm of rotate(arms, r)) {
      if (w.stream) {
        const agent = newAgent();
        const got = await concurrentStreams(agent, targetFor(w, arm, runId), cfg.streamsPerRound);
        agent.destroy();
        samples.get(arm.name)!.push(...got);
      } else {
        const cap = arm.name === 'litellm' ? cfg.perRoundMs : cfg.perRoundMs;
        samples.get(arm.name)!.push(...(await sequentialCapped(arm, w, runId, cfg.perRound, cap)));
      }
    }
    log(`  ${w.name} latency round ${r + 1}/${cfg.rounds}`);
  }
  return Object.assign(samples, { starts });
}

/** Each round's samples of one arm. */
function perRound(list: Sample[], starts: number[]): Sample[][] {
  return starts.map((from, i) => list.slice(from, starts[i + 1] ?? list.length));
}

function latencyResults(
  samples: Map<ArmName, Sample[]> & { starts?: Map<ArmName, number[]> },
): Partial<Record<ArmName, LatencyResult>> {
  const out: Partial<Record<ArmName, LatencyResult>> = {};
  const pcts = (list: Sample[]) => percentiles(okOnly(list).map((s) => s.latencyMs));
  const direct = pcts(samples.get('direct') ?? []);
  const directRounds = samples.starts
    ? perRound(samples.get('direct') ?? [], samples.starts.get('direct') ?? []).map(pcts)
    : [];
  for (const [name, list] of samples) {
    const total = pcts(list);
    const starts = samples.starts?.get(name);
    out[name] = {
      total,
      added: {
        p50: round(total.p50 - direct.p50),
        p99: round(total.p99 - direct.p99),
        p999: round(total.p999 - direct.p999),
      },
      ...(starts && directRounds.length > 1
        ? {
            rounds: perRound(list, starts).map((round_, i) => {
              const p = pcts(round_);
              return { p50: round(p.p50 - directRounds[i]!.p50), p99: round(p.p99 - directRounds[i]!.p99) };
            }),
          }
        : {}),
      errors: list.length - okOnly(list).length,
    };
  }
  return out;
}

function streamResults(
  samples: Map<ArmName, Sample[]> & { starts: Map<ArmName, number[]> },
): Partial<Record<ArmName, StreamLatencyResult>> {
  const out: Partial<Record<ArmName, StreamLatencyResult>> = {};
  const of = (list: Sample[]) => {
    const ok = okOnly(list).filter((s) => s.ttfcMs !== undefined);
    return {
      ttfc: percentiles(ok.map((s) => s.ttfcMs!)),
      gap: percentiles(ok.flatMap((s) => s.gapsMs ?? [])),
      errors: list.length - ok.length,
    };
  };
  const direct = of(samples.get('direct') ?? []);
  const directRounds = perRound(samples.get('direct') ?? [], samples.starts.get('direct') ?? []).map(of);
  for (const [name, list] of samples) {
    const r = of(list);
    out[name] = {
      ...r,
      added: {
        ttfcP50: round(r.ttfc.p50 - direct.ttfc.p50),
        ttfcP99: round(r.ttfc.p99 - direct.ttfc.p99),
        gapP99: round(r.gap.p99 - direct.gap.p99),
        gapMax: round(r.gap.max - direct.gap.max),
      },
      rounds: perRound(list, samples.starts.get(name) ?? []).map((list_, i) => {
        const x = of(list_);
        const d = directRounds[i]!;
        return { ttfcP50: round(x.ttfc.p50 - d.ttfc.p50), ttfcP99: round(x.ttfc.p99 - d.ttfc.p99) };
      }),
    };
  }
  return out;
}

/** One open-loop trial of one arm at one rate. */
async function trial(arm: RunningArm, w: Workload, cfg: Config, runId: string, rate: number) {
  const agent = newAgent();
  const pids = arm.pid ? tree(arm.pid) : [];
  const cpu0 = cpuMs(pids);
  const res = await openLoop(agent, targetFor(w, arm, runId), rate, cfg.stepMs);
  const cpu1 = cpuMs(pids);
  const rss = pids.length ? rssMB(pids) : undefined;
  agent.destroy();
  const ok = okOnly(res.samples);
  const lat = percentiles(ok.map((s) => s.latencyMs));
  const step: FrontierStep = {
    rate,
    achieved: round(res.achievedRate, 1),
    p50: lat.p50,
    p99: lat.p99,
    p999: lat.p999,
    errors: res.samples.length - ok.length + res.dropped,
    maxLagMs: round(res.maxLagMs, 2),
  };
  if (pids.length && ok.length > 0) {
    step.cpuUsPerRequest = Math.round(((cpu1 - cpu0) * 1000) / ok.length);
    step.rssMB = rss;
  }
  if (w.stream) {
    const ttfc = percentiles(ok.filter((s) => s.ttfcMs !== undefined).map((s) => s.ttfcMs!));
    const gaps = ok.flatMap((s) => s.gapsMs ?? []);
    step.ttfcP99 = ttfc.p99;
    step.gapMax = round(gaps.length ? Math.max(...gaps) : 0, 2);
    step.stalls = ok.filter((s) => (s.gapsMs ?? []).some((g) => g > STALL_MS)).length;
  }
  return step;
}

const boundOf = (w: Workload, s: FrontierStep) =>
  w.stream ? (s.ttfcP99 ?? Number.POSITIVE_INFINITY) : s.p99;
const healthy = (w: Workload, s: FrontierStep) =>
  s.errors === 0 && (s.stalls ?? 0) === 0 && s.achieved >= s.rate * 0.9 && boundOf(w, s) <= 50;

/**
 * The ladder: at each rate every arm still in gets `trials` trials, interleaved across arms. The
 * best trial counts (fewest errors, then lowest p99): interference from other work on a shared
 * box only ever makes a trial worse, so the best of a few is the arm's own capacity. CPU per
 * request is the lowest of the trials for the same reason.
 */
async function frontierPhase(
  arms: RunningArm[],
  w: Workload,
  cfg: Config,
  runId: string,
  onStep: (arm: RunningArm, step: FrontierStep) => void,
) {
  const steps = new Map<ArmName, FrontierStep[]>(arms.map((a) => [a.name, []]));
  let alive = [...arms];
  const rates = w.stream ? cfg.streamRates : cfg.rates;
  for (let k = 0; k < rates.length && alive.length > 0; k++) {
    const rate = rates[k];
    const tries = new Map<ArmName, FrontierStep[]>(alive.map((a) => [a.name, []]));
    for (let t = 0; t < cfg.trials; t++) {
      for (const arm of rotate(alive, k + t)) {
        tries.get(arm.name)!.push(await trial(arm, w, cfg, runId, rate));
        // Let the arm settle (sockets, GC) before the next one is measured.
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const next: RunningArm[] = [];
    for (const arm of alive) {
      const list = tries.get(arm.name)!;
      const best = [...list].sort((a, b) => a.errors - b.errors || boundOf(w, a) - boundOf(w, b))[0];
      const cpus = list.map((s) => s.cpuUsPerRequest).filter((c): c is number => c !== undefined);
      const step: FrontierStep = {
        ...best,
        ...(cpus.length ? { cpuUsPerRequest: Math.min(...cpus) } : {}),
        trials: list.map((s) => ({ p99: s.p99, errors: s.errors, cpuUsPerRequest: s.cpuUsPerRequest })),
      };
      steps.get(arm.name)!.push(step);
      onStep(arm, step);
      log(
        `  ${w.name} ${arm.name} @${rate}/s: achieved ${step.achieved}/s p50 ${step.p50} p99 ${step.p99}${
          w.stream ? ` ttfc99 ${step.ttfcP99} gapMax ${step.gapMax} stalls ${step.stalls}` : ''
        } errors ${step.errors} cpu ${step.cpuUsPerRequest ?? '-'}us/req (p99 of trials: ${list.map((s) => s.p99).join(', ')})`,
      );
      if (healthy(w, step)) next.push(arm);
    }
    alive = arms.filter((a) => next.includes(a));
  }
  const out: Partial<Record<ArmName, FrontierResult>> = {};
  for (const [name, list] of steps) out[name] = { steps: list, max: frontierMax(list, w.stream) };
  return out;
}

/** cfg.concurrentStreams streams opened at once, per arm, in interleaved rounds. */
async function concurrentStreamsPhase(arms: RunningArm[], w: Workload, cfg: Config, runId: string) {
  const all = new Map<ArmName, Sample[]>(arms.map((a) => [a.name, []]));
  const rounds = new Map<ArmName, NonNullable<ConcurrentStreamsResult['rounds']>>(
    arms.map((a) => [a.name, []]),
  );
  const stalled = (list: Sample[]) => list.filter((s) => (s.gapsMs ?? []).some((g) => g > STALL_MS)).length;
  const ttfcOf = (list: Sample[]) =>
    percentiles(list.filter((s) => s.ttfcMs !== undefined).map((s) => s.ttfcMs!));
  for (let r = 0; r < cfg.streamRounds; r++) {
    for (const arm of rotate(arms, r)) {
      const agent = newAgent();
      const samples = await concurrentStreams(agent, targetFor(w, arm, runId), cfg.concurrentStreams);
      agent.destroy();
      const ok = okOnly(samples);
      const row = { errors: samples.length - ok.length, stalls: stalled(ok), ttfcP99: ttfcOf(ok).p99 };
      rounds.get(arm.name)!.push(row);
      all.get(arm.name)!.push(...samples);
      log(
        `  ${w.name} ${arm.name} round ${r + 1}/${cfg.streamRounds}: ${cfg.concurrentStreams} concurrent streams, errors ${row.errors} stalls ${row.stalls} ttfc p99 ${row.ttfcP99}`,
      );
      for (const [kind, n] of Object.entries(errorKinds(samples))) log(`    ${n} x ${kind}`);
      await new Promise((resolve_) => setTimeout(resolve_, 300));
    }
  }
  const out: Partial<Record<ArmName, ConcurrentStreamsResult>> = {};
  for (const [name, samples] of all) {
    const ok = okOnly(samples);
    out[name] = {
      streams: cfg.concurrentStreams,
      errors: samples.length - ok.length,
      stalls: stalled(ok),
      ttfc: ttfcOf(ok),
      gap: percentiles(ok.flatMap((s) => s.gapsMs ?? [])),
      rounds: rounds.get(name)!,
      errorKinds: errorKinds(samples),
    };
  }
  return out;
}

// ---- main --------------------------------------------------------------------------------------

export async function runBench(argv: string[]): Promise<BenchResults> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      arms: { type: 'string' },
      workloads: { type: 'string' },
      'results-dir': { type: 'string', default: join(ROOT, 'bench/results') },
      report: { type: 'string', default: join(ROOT, 'bench/RESULTS.md') },
      'no-plot': { type: 'boolean', default: false },
      'proxy-cpu': { type: 'string', default: '1' },
      'client-cpu': { type: 'string', default: '0' },
      sidecar: { type: 'string', default: 'bundle' },
      'sidecar-node-options': { type: 'string', default: '--max-semi-space-size=2' },
      /** Streams opened at once in the concurrent-streams phase (default: 512, quick 32). */
      'concurrent-streams': { type: 'string' },
      /** Re-render the report (and plots) from a results JSON, without measuring. */
      'report-only': { type: 'string' },
    },
  });
  if (values['report-only']) {
    const results = JSON.parse(readFileSync(values['report-only'], 'utf8')) as BenchResults;
    await writeReport(results, {
      report: resolve(values.report),
      resultsDir: resolve(values['results-dir']),
      plots: !values['no-plot'],
    });
    return results;
  }
  const started = Date.now();
  const base = values.quick ? QUICK : FULL;
  const cfg: Config = values['concurrent-streams']
    ? { ...base, concurrentStreams: Number(values['concurrent-streams']) }
    : base;
  const wanted = (values.arms?.split(',') ?? ARM_NAMES.filter((a) => a !== 'direct')) as ArmName[];
  for (const a of wanted)
    if (!ARM_NAMES.includes(a)) throw new Error(`unknown arm ${a} (${ARM_NAMES.join(', ')})`);
  const armNames: ArmName[] = ['direct', ...wanted.filter((a) => a !== 'direct')];
  const workloadNames = (values.workloads?.split(',') ?? [...WORKLOAD_NAMES]) as WorkloadName[];
  for (const w of workloadNames)
    if (!WORKLOAD_NAMES.includes(w)) throw new Error(`unknown workload ${w} (${WORKLOAD_NAMES.join(', ')})`);

  const pinnable = os.cpus().length >= 2;
  const pinned = pinnable && pinSelf(values['client-cpu']);
  const proxyCpu = pinned
    ? values['proxy-cpu']
    : os
        .cpus()
        .map((_, i) => i)
        .join(',');
  if (!pinned) log('not pinned (taskset missing or one CPU): numbers are noisier');

  const dir = tempDir('aimesh-bench');
  const procs: { stop(): Promise<void> }[] = [];
  const sink = await startOtlpSink();
  const running: RunningArm[] = [];
  try {
    // The upstream shares the client's core (the child inherits this process's affinity).
    const { proc: upstream, url: upstreamUrl } = await startBenchUpstream(dir.path);
    procs.push(upstream);

    const sidecarEntry = values.sidecar === 'source' ? join(ROOT, 'sidecar/main.ts') : buildSidecarBundle();
    const ctx = {
      upstreamUrl,
      otlpUrl: sink.url,
      logDir: dir.path,
      proxyCpu,
      sidecarEntry,
      sidecarNodeOptions: values['sidecar-node-options'],
    };
    const starts: ArmStart[] = [];
    for (const name of armNames) {
      log(`starting ${name}`);
      const s = await startArm(name, ctx);
      starts.push(s);
      if ('unavailable' in s) log(`  ${name} unavailable: ${s.unavailable}`);
      else running.push(s);
    }
    const runId = Date.now().toString(36);

    // Warm-up (JIT, connection pools), then idle RSS.
    for (const arm of running)
      for (const wn of workloadNames) {
        const w = WORKLOADS[wn];
        if (w.stream) {
          const agent = newAgent();
          await concurrentStreams(agent, targetFor(w, arm, runId), Math.min(8, cfg.warmup));
          agent.destroy();
        } else await sequentialCapped(arm, w, runId, cfg.warmup, 5000);
      }
    // An arm that cannot serve a workload at all is skipped for it (and the error reported).
    const failing = new Map<WorkloadName, Partial<Record<ArmName, string>>>();
    for (const wn of workloadNames)
      for (const arm of running) {
        const probe = await sequentialCapped(arm, WORKLOADS[wn], runId, 1, 30_000);
        if (probe[0]?.ok) continue;
        const why = (probe[0]?.error ?? 'no answer').slice(0, 200);
        log(`  ${arm.name} cannot serve ${wn}: ${why}`);
        failing.set(wn, { ...failing.get(wn), [arm.name]: why });
      }
    await new Promise((r) => setTimeout(r, values.quick ? 200 : 2000));
    const rss: BenchResults['rss'] = {};
    for (const arm of running) if (arm.pid) rss[arm.name] = { idleMB: rssMB(tree(arm.pid)) };

    const workloads: WorkloadResult[] = [];
    for (const wn of workloadNames) {
      const w = WORKLOADS[wn];
      log(`workload ${w.name}: ${w.label}`);
      const before = os.loadavg().map((v) => round(v, 2));
      const result: WorkloadResult = {
        name: w.name,
        label: w.label,
        frontier: {},
        cpuUsPerRequest: {},
        loadavg: { before, after: [] },
      };
      const bad = failing.get(wn) ?? {};
      if (Object.keys(bad).length > 0) result.failing = bad;
      const arms = running.filter((a) => bad[a.name] === undefined);
      const lat = await latencyPhase(arms, w, cfg, runId);
      if (w.stream) result.streamLatency = streamResults(lat);
      else result.latency = latencyResults(lat);
      if (!w.latencyOnly)
        result.frontier = await frontierPhase(arms, w, cfg, runId, (arm, step) => {
          // CPU per request and RSS under load: the step nearest LOAD_RATE (chat-small for RSS).
          const near = Math.abs(step.rate - LOAD_RATE);
          if (step.cpuUsPerRequest !== undefined) {
            const key = `${w.name}:${arm.name}`;
            const best = nearest.get(key);
            if (best === undefined || near < best) {
              nearest.set(key, near);
              result.cpuUsPerRequest[arm.name] = step.cpuUsPerRequest;
              if (w.name === 'chat-small' || !rss[arm.name]?.loadMB) {
                const r = rss[arm.name];
                if (r && step.rssMB !== undefined) {
                  r.loadMB = step.rssMB;
                  r.loadRate = step.rate;
                }
              }
            }
          }
        });
      if (w.stream) result.concurrentStreams = await concurrentStreamsPhase(arms, w, cfg, runId);
      result.loadavg.after = os.loadavg().map((v) => round(v, 2));
      workloads.push(result);
    }

    let git: string | undefined;
    try {
      git = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    } catch {}
    const results: BenchResults = {
      schema: 1,
      date: new Date().toISOString(),
      quick: values.quick,
      git,
      machine: machine(),
      pinning: pinned ? { proxyCpu, clientCpu: values['client-cpu'] } : null,
      config: {
        ...cfg,
        stallMs: STALL_MS,
        loadRate: LOAD_RATE,
        otlpExports: sink.spans(),
        sidecar: values.sidecar === 'source' ? 'sidecar/main.ts' : 'images/bundle.ts bundle',
        sidecarNodeOptions: values['sidecar-node-options'],
      },
      arms: starts.map((s) =>
        'unavailable' in s
          ? { name: s.name, label: ARM_LABELS[s.name], available: false, reason: s.unavailable }
          : { name: s.name, label: ARM_LABELS[s.name], available: true, version: s.version },
      ),
      rss,
      workloads,
      durationS: Math.round((Date.now() - started) / 1000),
    };
    const resultsDir = resolve(values['results-dir']);
    mkdirSync(resultsDir, { recursive: true });
    const stamp = results.date.replace(/[:.]/g, '-');
    const json = `${JSON.stringify(results, null, 2)}\n`;
    writeFileSync(join(resultsDir, `${stamp}${values.quick ? '-quick' : ''}.json`), json);
    writeFileSync(join(resultsDir, values.quick ? 'latest-quick.json' : 'latest.json'), json);
    await writeReport(results, { report: resolve(values.report), resultsDir, plots: !values['no-plot'] });
    log(`done in ${results.durationS}s: ${values.report}`);
    return results;
  } finally {
    for (const arm of running) await arm.stop().catch(() => {});
    for (const p of procs) await p.stop().catch(() => {});
    sink.close();
    dir.remove();
  }
}

const nearest = new Map<string, number>();

if (import.meta.main) {
  runBench(process.argv.slice(2)).then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
      process.exit(1);
    },
  );
}
