// What each part of the full policy costs: the full-policy arm with one part taken out at a time
// (tracing, guards, quota, cache, retries), next to policy off and the floor, at concurrency 1 in
// interleaved rounds. Reports added p50 / p99 over direct and the sidecar's CPU per request.
//
//   node bench/attribute.ts [--workload chat-small] [--requests 1000] [--rounds 5] [--entry <bundle>]
//                           [--only full,no-tracing,...] [--cpu-prof <dir>]
// --streams N: N chat streams at once per round instead (--workload chat-stream): stalls (a content
// gap over 120 ms), TTFC p99 and CPU per stream.
// --cpu-prof: each variant's sidecar writes a CPU profile into <dir>/<variant> when it stops.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SnapshotContent } from '../sidecar/snapshot/index.ts';
import { tempDir } from '../test/support/procs.ts';
import {
  type ArmContext,
  buildSidecarBundle,
  type RunningArm,
  startArm,
  startBenchUpstream,
  startOtlpSink,
} from './lib/arms.ts';
import { concurrentStreams, newAgent, type Sample, sequential } from './lib/load.ts';
import { cpuMs, tree } from './lib/proc.ts';
import { percentiles } from './lib/stats.ts';
import { targetFor, WORKLOADS, type WorkloadName } from './lib/workloads.ts';

const { values } = parseArgs({
  options: {
    workload: { type: 'string', default: 'chat-small' },
    requests: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    entry: { type: 'string' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
    streams: { type: 'string' },
    'proxy-cpu': { type: 'string', default: '1' },
  },
});
const log = (msg: string) => process.stderr.write(`[attribute] ${msg}\n`);

type Rule = SnapshotContent['routes'][number]['rules'][number];
const editRule =
  (edit: (r: Rule) => Rule) =>
  (s: SnapshotContent): SnapshotContent => ({
    ...s,
    routes: s.routes.map((route) => ({ ...route, rules: route.rules.map(edit) })),
  });
const NO_OTLP = { OTEL_EXPORTER_OTLP_ENDPOINT: undefined, OTEL_TRACES_SAMPLER: undefined };

interface Variant {
  arm: 'floor' | 'aimesh-off' | 'aimesh-full';
  editSnapshot?: (s: SnapshotContent) => SnapshotContent;
  env?: Record<string, string | undefined>;
}
const VARIANTS: Record<string, Variant> = {
  floor: { arm: 'floor' },
  off: { arm: 'aimesh-off' },
  full: { arm: 'aimesh-full' },
  'no-tracing': { arm: 'aimesh-full', env: NO_OTLP },
  'no-guards': { arm: 'aimesh-full', editSnapshot: editRule(({ guards: _, ...r }) => r) },
  'no-quota': { arm: 'aimesh-full', editSnapshot: (s) => ({ ...s, quotas: [] }) },
  'no-cache': { arm: 'aimesh-full', editSnapshot: editRule(({ cache: _, ...r }) => r) },
  'no-audit': { arm: 'aimesh-full', env: { AIMESH_LOG_LEVEL: 'warn' } },
  'off-no-audit': { arm: 'aimesh-off', env: { AIMESH_LOG_LEVEL: 'warn' } },
  'only-tracing': {
    arm: 'aimesh-full',
    editSnapshot: (s) => ({
      ...s,
      quotas: [],
      routes: s.routes.map((route) => ({
        ...route,
        rules: route.rules.map(({ guards: _g, cache: _c, ...r }) => r),
      })),
    }),
  },
};
const names = values.only ? values.only.split(',') : Object.keys(VARIANTS);
for (const n of names) if (!VARIANTS[n]) throw new Error(`unknown variant ${n}`);

const entry = values.entry ?? buildSidecarBundle();
const dir = tempDir('aimesh-attribute');
const sink = await startOtlpSink();
const { proc: upstream, url: upstreamUrl } = await startBenchUpstream(dir.path);
const w = WORKLOADS[values.workload as WorkloadName];
if (!w) throw new Error(`unknown workload ${values.workload}`);
const runId = Date.now().toString(36);
/** Where each arm runs, with a variant's snapshot edit and environment. */
const contextFor = (n: string, v?: Variant): ArmContext => ({
  upstreamUrl,
  otlpUrl: sink.url,
  logDir: join(dir.path, n),
  proxyCpu: values['proxy-cpu'],
  sidecarEntry: entry,
  sidecarNodeOptions: '--max-semi-space-size=2',
  editSnapshot: v?.editSnapshot,
  env: {
    ...v?.env,
    ...(values['cpu-prof']
      ? { NODE_OPTIONS: `--max-semi-space-size=2 --cpu-prof --cpu-prof-dir=${join(values['cpu-prof'], n)}` }
      : {}),
  },
});
async function started(n: string, v?: Variant): Promise<RunningArm> {
  mkdirSync(join(dir.path, n));
  const s = await startArm(v?.arm ?? 'direct', contextFor(n, v));
  if ('unavailable' in s) throw new Error(`${n}: ${s.unavailable}`);
  return s;
}
const direct = await started('direct');
const arms = new Map<string, RunningArm>();
const rows = new Map<string, { p50: number; p99: number; cpuUs: number }[]>();
const streams = values.streams ? Number(values.streams) : undefined;
const streamRows = new Map<string, { stalls: number; ttfcP99: number; cpuMs: number }[]>();
const STALL_MS = 120;
async function streamRound(n: string, arm: RunningArm): Promise<void> {
  const pids = arm.pid ? tree(arm.pid) : [];
  const before = cpuMs(pids);
  const agent = newAgent();
  const samples: Sample[] = await concurrentStreams(agent, targetFor(w, arm, runId), streams!);
  agent.destroy();
  const ok = samples.filter((s) => s.ok);
  const row = {
    stalls: samples.length - ok.length + ok.filter((s) => (s.gapsMs ?? []).some((g) => g > STALL_MS)).length,
    ttfcP99: percentiles(ok.map((s) => s.ttfcMs ?? 0)).p99,
    cpuMs: pids.length ? (cpuMs(pids) - before) / samples.length : 0,
  };
  if (samples.length > ok.length) log(`${n}: ${samples.find((s) => !s.ok)?.error}`);
  streamRows.set(n, [...(streamRows.get(n) ?? []), row]);
  await new Promise((r) => setTimeout(r, 500));
}
try {
  for (const n of names) {
    const s = await started(n, VARIANTS[n]);
    arms.set(n, s);
    const agent = newAgent();
    if (streams) await concurrentStreams(agent, targetFor(w, s, runId), 16);
    else await sequential(agent, targetFor(w, s, runId), 300); // warm-up
    agent.destroy();
  }
  const all = ['direct', ...names];
  const requests = Number(values.requests);
  for (let round = 0; round < Number(values.rounds); round++) {
    const order = round % 2 === 0 ? all : [...all].reverse();
    if (streams) {
      for (const n of order) await streamRound(n, n === 'direct' ? direct : arms.get(n)!);
      log(`round ${round} done`);
      continue;
    }
    const directP = { p50: 0, p99: 0 };
    const measured = new Map<string, { p50: number; p99: number; cpuUs: number }>();
    for (const n of order) {
      const arm = n === 'direct' ? direct : arms.get(n)!;
      const pids = arm.pid ? tree(arm.pid) : [];
      const before = cpuMs(pids);
      const agent = newAgent();
      const samples = await sequential(agent, targetFor(w, arm, runId), requests);
      agent.destroy();
      const cpuUs = pids.length ? ((cpuMs(pids) - before) / requests) * 1000 : 0;
      const lat = percentiles(samples.filter((s) => s.ok).map((s) => s.latencyMs));
      if (samples.some((s) => !s.ok)) log(`${n}: ${samples.filter((s) => !s.ok).length} errors`);
      if (n === 'direct') Object.assign(directP, { p50: lat.p50, p99: lat.p99 });
      else measured.set(n, { p50: lat.p50, p99: lat.p99, cpuUs });
    }
    for (const [n, m] of measured) {
      const row = { p50: m.p50 - directP.p50, p99: m.p99 - directP.p99, cpuUs: m.cpuUs };
      rows.set(n, [...(rows.get(n) ?? []), row]);
    }
    log(`round ${round} done`);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  if (streams) {
    console.log(`${streams} streams at once, ${values.rounds} rounds (per round; CPU median)`);
    for (const n of ['direct', ...names]) {
      const r = streamRows.get(n)!;
      console.log(
        `${n.padEnd(20)} stalls ${r.map((x) => x.stalls).join('/')}  ttfc p99 ${r.map((x) => Math.round(x.ttfcP99)).join('/')} ms  CPU ${median(r.map((x) => x.cpuMs)).toFixed(2)} ms/stream`,
      );
    }
  } else {
    console.log(`${w.name}, c=1, ${values.rounds} rounds x ${requests} requests (medians over rounds)`);
    console.log('variant              added p50 ms  added p99 ms  CPU us/request');
    for (const n of names) {
      const r = rows.get(n)!;
      const col = (pick: (x: (typeof r)[number]) => number, digits: number, width: number) =>
        median(r.map(pick)).toFixed(digits).padStart(width);
      console.log(
        `${n.padEnd(20)} ${col((x) => x.p50, 3, 12)}  ${col((x) => x.p99, 3, 12)}  ${col((x) => x.cpuUs, 0, 14)}`,
      );
    }
  }
} finally {
  for (const a of arms.values()) await a.stop();
  await upstream.stop();
  sink.close();
  dir.remove();
}
