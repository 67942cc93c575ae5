// CPU profile of the sidecar hot path: starts the bench upstream and one AIMesh arm under
// `node --cpu-prof`, drives one workload at a fixed concurrency, stops the sidecar (the profile is
// written at exit) and prints where the time went: by function (self time) and by module.
//
//   node bench/profile.ts [--arm aimesh-off|aimesh-full|floor] [--workload chat-small] [--requests 20000]
//                         [--concurrency 8] [--out .cache/bench/profiles] [--alloc] [--env K=V ...]
//
// --alloc: bytes allocated per request instead of CPU (garbage included; bench/lib/alloc-sampler.ts),
// by allocating function and module: what the scavenger has to clean up after every call.
// --env K=V: extra environment for the proxy (A/B runs, e.g. --env AIMESH_LOG_LEVEL=warn).
// --alloc --env AIMESH_ALLOC_LIVE=1: what is still in the heap at exit (promoted garbage included).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { seal } from '../sidecar/snapshot/index.ts';
import { freePorts, startProcess, tempDir, waitFor } from '../test/support/procs.ts';
import { benchSnapshot, CACHE_DIR, ROOT, startBenchUpstream } from './lib/arms.ts';
import { newAgent, nextIndex, send } from './lib/load.ts';
import { targetFor, WORKLOADS, type WorkloadName } from './lib/workloads.ts';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

const { values } = parseArgs({
  options: {
    arm: { type: 'string', default: 'aimesh-off' },
    workload: { type: 'string', default: 'chat-small' },
    requests: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '8' },
    out: { type: 'string', default: join(CACHE_DIR, 'profiles') },
    top: { type: 'string', default: '40' },
    alloc: { type: 'boolean', default: false },
    env: { type: 'string', multiple: true },
  },
});

const dir = tempDir('aimesh-profile');
const { proc: upstream, url: upstreamUrl } = await startBenchUpstream(dir.path);
const [port, adminPort] = await freePorts(2);
const profDir = join(values.out, `${values.arm}-${values.workload}-${Date.now()}`);
mkdirSync(profDir, { recursive: true });
const full = values.arm === 'aimesh-full';
let args: string[];
let ready: string;
if (values.arm === 'floor') {
  args = [join(ROOT, 'bench/floor-proxy.ts'), String(port), upstreamUrl];
  ready = `http://127.0.0.1:${port}/_upstream/healthz`;
} else {
  const file = join(dir.path, 'snapshot.json');
  writeFileSync(file, JSON.stringify(seal(benchSnapshot(upstreamUrl, full))));
  args = [
    join(ROOT, 'sidecar/main.ts'),
    '--snapshot',
    file,
    '--port',
    String(port),
    '--admin-port',
    String(adminPort),
  ];
  ready = `http://127.0.0.1:${adminPort}/readyz`;
}
const sink = full
  ? await (await import('./lib/arms.ts')).startOtlpSink()
  : { url: '', close() {}, spans: () => 0 };
const proxy = startProcess(
  'proxy',
  'taskset',
  [
    '-c',
    '1',
    process.execPath,
    ...(values.alloc
      ? ['--import', join(ROOT, 'bench/lib/alloc-sampler.ts')]
      : ['--cpu-prof', '--cpu-prof-dir', profDir]),
    ...args,
  ],
  {
    logDir: dir.path,
    env: {
      AIMESH_ADMIN_HOST: '127.0.0.1',
      ...Object.fromEntries(
        (values.env ?? []).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
      ),
      ...(values.alloc ? { AIMESH_ALLOC_PROFILE: join(profDir, 'alloc.heapprofile') } : {}),
      ...(full ? { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER: 'always_on' } : {}),
    },
  },
);
await waitFor('proxy', async () => {
  try {
    return (await fetch(ready)).ok;
  } catch {
    return false;
  }
});

const w = WORKLOADS[values.workload as WorkloadName];
const target = targetFor(
  w,
  {
    name: 'aimesh-off',
    origin: `http://127.0.0.1:${port}`,
    headers: { authorization: 'Bearer sk-bench-upstream' },
    model: (m) => m,
    stop: async () => {},
  },
  'prof',
);
const agent = newAgent();
const total = Number(values.requests);
let done = 0;
let errors = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: Number(values.concurrency) }, async () => {
    while (done < total) {
      done++;
      const s = await send(agent, target, nextIndex());
      if (!s.ok) errors++;
    }
  }),
);
const secs = (performance.now() - t0) / 1000;
process.stderr.write(
  `${total} requests in ${secs.toFixed(1)} s (${Math.round(total / secs)}/s), ${errors} errors\n`,
);
agent.destroy();
await proxy.stop(10_000);
await upstream.stop();
sink.close();
dir.remove();

if (values.alloc) {
  printAllocations(join(profDir, 'alloc.heapprofile'), total);
  process.exit(0);
}

const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile in ${profDir}`);
const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as { nodes: Node[] };
const byFn = new Map<string, number>();
const byModule = new Map<string, number>();
let all = 0;
for (const n of profile.nodes) {
  const { functionName, url, lineNumber } = n.callFrame;
  all += n.hitCount;
  const where = url.startsWith('file://') ? relative(ROOT, url.slice(7)) : url || '(native)';
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + n.hitCount);
  const mod = where.includes('node_modules/')
    ? `npm:${where
        .split('node_modules/')[1]
        .split('/')
        .slice(0, where.includes('node_modules/@') ? 2 : 1)
        .join('/')}`
    : where.startsWith('node:')
      ? where
      : where.split('/').slice(0, 2).join('/');
  byModule.set(mod, (byModule.get(mod) ?? 0) + n.hitCount);
}
const pct = (v: number) => `${((v * 100) / all).toFixed(1)}%`.padStart(6);
const top = Number(values.top);
console.log(`profile: ${join(profDir, file)}\n\nself time by module:`);
for (const [k, v] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(v)}  ${k}`);
console.log('\nself time by function:');
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(v)}  ${k}`);
process.exit(0);

interface AllocNode {
  callFrame: Node['callFrame'];
  selfSize: number;
  children: AllocNode[];
}

function moduleOf(where: string): string {
  if (where.includes('node_modules/')) {
    const parts = where.split('node_modules/')[1].split('/');
    return `npm:${parts.slice(0, parts[0].startsWith('@') ? 2 : 1).join('/')}`;
  }
  return where.startsWith('node:') ? where : where.split('/').slice(0, 2).join('/');
}

/** Bytes allocated per request, by allocating function and by module. */
function printAllocations(path: string, requests: number): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { head: AllocNode };
  const byFn = new Map<string, number>();
  const byModule = new Map<string, number>();
  let all = 0;
  const walk = (n: AllocNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const where = url.startsWith('file://') ? relative(ROOT, url.slice(7)) : url || '(native)';
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    all += n.selfSize;
    byFn.set(key, (byFn.get(key) ?? 0) + n.selfSize);
    byModule.set(moduleOf(where), (byModule.get(moduleOf(where)) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c);
  };
  walk(profile.head);
  const perCall = (v: number) => `${(v / requests / 1024).toFixed(2).padStart(7)} KB`;
  console.log(`profile: ${path}\n\n${perCall(all)} allocated per request (sampled)\n\nby module:`);
  for (const [k, v] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`${perCall(v)}  ${k}`);
  console.log('\nby function:');
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
    console.log(`${perCall(v)}  ${k}`);
}
