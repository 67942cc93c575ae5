// A/B of two sidecar builds, in interleaved rounds so drifting machine load falls on both alike.
// CPU time of the sidecar's process tree (from /proc) is the steadier number on a shared box: it
// counts the sidecar's own work, not its wait for a core.
// - chat-stream (default): N concurrent streams per round: CPU per stream, stalls (a content gap
//   over 120 ms; the upstream paces 64 chunks 20 ms apart), TTFC p99;
// - another workload (--workload chat-small): an open loop at --rate for --seconds per round: CPU
//   per request and p50 / p99.
//
//   node bench/ab.ts --a <old aimesh-sidecar.mjs> [--b <new entry>] [--arm aimesh-off|aimesh-full]
//                            [--streams 512] [--rounds 4] [--workload chat-small --rate 500 --seconds 3]
//                            [--fresh]   (every request a prompt text not sent before)
// Without --b the entry is built from this checkout (images/bundle.ts, as bench/run.ts does).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tempDir } from '../test/support/procs.ts';
import {
  type ArmName,
  buildSidecarBundle,
  type RunningArm,
  startArm,
  startBenchUpstream,
  startOtlpSink,
} from './lib/arms.ts';
import { concurrentStreams, newAgent, openLoop, type Sample } from './lib/load.ts';
import { cpuMs, tree } from './lib/proc.ts';
import { percentiles } from './lib/stats.ts';
import { targetFor, WORKLOADS, type WorkloadName } from './lib/workloads.ts';

const STALL_MS = 120;

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    arm: { type: 'string', default: 'aimesh-off' },
    streams: { type: 'string', default: '512' },
    workload: { type: 'string', default: 'chat-stream' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '4' },
    fresh: { type: 'boolean', default: false },
    'proxy-cpu': { type: 'string', default: '1' },
  },
});
if (!values.a) throw new Error('--a <sidecar entry> is required');
const entries = { a: values.a, b: values.b ?? buildSidecarBundle() };
const n = Number(values.streams);
const log = (msg: string) => process.stderr.write(`[ab] ${msg}\n`);

const dir = tempDir('aimesh-ab');
const sink = await startOtlpSink();
const { proc: upstream, url: upstreamUrl } = await startBenchUpstream(dir.path);
const arms: Record<'a' | 'b', RunningArm> = {} as never;
for (const k of ['a', 'b'] as const) {
  mkdirSync(join(dir.path, k));
  const s = await startArm(values.arm as ArmName, {
    upstreamUrl,
    otlpUrl: sink.url,
    logDir: join(dir.path, k),
    proxyCpu: values['proxy-cpu'],
    sidecarEntry: entries[k],
    sidecarNodeOptions: '--max-semi-space-size=2',
  });
  if ('unavailable' in s) throw new Error(`${k}: ${s.unavailable}`);
  arms[k] = s;
}
const known = WORKLOADS[values.workload as WorkloadName];
if (!known) throw new Error(`unknown workload ${values.workload}`);
// --fresh: every request's prompt text differs (the request index starts it), so nothing the
// sidecar keeps for a text seen before (token counts, guard results) helps.
const w: typeof known = values.fresh
  ? {
      ...known,
      parts: (model) => {
        const [head, tail] = known.parts(model);
        const at = head.indexOf('"content":"') + '"content":"'.length;
        return [head.slice(0, at), ` ${head.slice(at)}${tail}`];
      },
    }
  : known;
const runId = Date.now().toString(36);
interface Row {
  /** CPU ms of the sidecar per stream (or per request). */
  cpuMsPerStream: number;
  stalls?: number;
  ttfcP99?: number;
  gapMax?: number;
  p50?: number;
  p99?: number;
}
const rows: Record<'a' | 'b', Row[]> = { a: [], b: [] };
try {
  for (const k of ['a', 'b'] as const) {
    const agent = newAgent();
    if (w.stream)
      await concurrentStreams(agent, targetFor(w, arms[k], runId), 16); // warm-up
    else await openLoop(agent, targetFor(w, arms[k], runId), Number(values.rate), 1000);
    agent.destroy();
  }
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const k of (round % 2 === 0 ? ['a', 'b'] : ['b', 'a']) as ('a' | 'b')[]) {
      const pids = tree(arms[k].pid!);
      const before = cpuMs(pids);
      const agent = newAgent();
      const samples: Sample[] = w.stream
        ? await concurrentStreams(agent, targetFor(w, arms[k], runId), n)
        : (
            await openLoop(
              agent,
              targetFor(w, arms[k], runId),
              Number(values.rate),
              Number(values.seconds) * 1000,
            )
          ).samples;
      agent.destroy();
      const used = cpuMs(tree(arms[k].pid!)) - before;
      const ok = samples.filter((s) => s.ok);
      const cpuMsPerStream = Math.round((used / samples.length) * 1000) / 1000;
      const lat = percentiles(ok.map((s) => s.latencyMs));
      const row: Row = w.stream
        ? {
            cpuMsPerStream,
            stalls:
              ok.filter((s) => (s.gapsMs ?? []).some((g) => g > STALL_MS)).length +
              (samples.length - ok.length),
            ttfcP99: Math.round(percentiles(ok.map((s) => s.ttfcMs ?? 0)).p99),
            gapMax: Math.round(Math.max(0, ...ok.flatMap((s) => s.gapsMs ?? []))),
          }
        : { cpuMsPerStream, p50: lat.p50, p99: lat.p99 };
      rows[k].push(row);
      log(`round ${round} ${k}: ${JSON.stringify(row)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  for (const k of ['a', 'b'] as const)
    console.log(
      w.stream
        ? `${k} (${entries[k]}): cpu ms/stream median ${median(rows[k].map((r) => r.cpuMsPerStream))}, ` +
            `stalls ${rows[k].map((r) => r.stalls).join('/')}, ttfc p99 ${rows[k].map((r) => r.ttfcP99).join('/')} ms`
        : `${k} (${entries[k]}): cpu ms/request median ${median(rows[k].map((r) => r.cpuMsPerStream))}, ` +
            `p50 median ${median(rows[k].map((r) => r.p50!))} ms, p99 median ${median(rows[k].map((r) => r.p99!))} ms`,
    );
} finally {
  for (const k of ['a', 'b'] as const) await arms[k]?.stop();
  await upstream.stop();
  sink.close();
  dir.remove();
}
