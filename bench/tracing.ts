// What tracing costs per request: two identical sidecars, one exporting every call's spans over
// OTLP/HTTP to a real Jaeger (parentbased_always_on, no incoming traceparent: every call is a
// sampled root, the worst case), one with tracing off. Same snapshot, same upstream, same pinned
// core, measured in interleaved rounds (A B, then B A, ...) so drift hits both arms alike.
//   node bench/tracing.ts [--rounds 6] [--seconds 5] [--connections 16] [--sequential 3000] [--rate 400]
// Per round and arm:
//   - c=1 latency: a sequential keep-alive client, timed with performance.now() (autocannon's
//     histogram keeps whole milliseconds only, too coarse for sub-millisecond differences);
//   - CPU per request at a fixed rate (autocannon --rate, below saturation: the cleanest "added
//     cost" number) and at saturation: the sidecar's utime+stime (/proc) / requests;
//   - throughput: autocannon, closed loop, --connections, --seconds.
// --micro: the telemetry step alone, in process, on a fake call (no HTTP, no other process): CPU
// per call with tracing off, on but sampled out, on, and on + OTLP protobuf serialization. The
// machine's noise hardly reaches it, so it isolates what tracing itself costs.
// Reports medians across rounds, and on - off. Needs 2+ cores: sidecars on the last core,
// load generator, upstream and Jaeger on the others.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seal } from '../sidecar/snapshot/index.ts';
import { startJaeger } from '../test/support/jaeger.ts';
import { freePorts, type Proc, startProcess, tempDir, waitFor } from '../test/support/procs.ts';
import { benchSnapshot } from './lib/arms.ts';

// autocannon ships no types: the part used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
  overallRate?: number;
}) => Promise<{ requests: { total: number; average: number }; errors: number; non2xx: number }>;

const ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    sequential: { type: 'string', default: '3000' },
    rate: { type: 'string', default: '400' },
    micro: { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const SEQUENTIAL = Number(values.sequential);
const RATE = Number(values.rate);

const cpus = os.cpus().length;
const PROXY_CPU = String(cpus - 1);
const OTHER_CPUS = cpus > 1 ? `0-${cpus - 2}` : '0';
const pin = (pid: number, list: string) => {
  try {
    execFileSync('taskset', ['-apc', list, String(pid)], { stdio: 'ignore' });
  } catch {}
};
pin(process.pid, OTHER_CPUS);

const TICK_HZ = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
function cpuTicks(pid: number): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]); // utime + stime
}
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

// ---- processes ---------------------------------------------------------------------------------

const dir = tempDir('aimesh-bench-tracing');
const procs: Proc[] = [];

async function startUpstreamProc(): Promise<string> {
  const [port] = await freePorts(1);
  const p = startProcess(
    'upstream',
    'taskset',
    [
      '-c',
      OTHER_CPUS,
      process.execPath,
      join(ROOT, 'test/support/upstream.ts'),
      '--port',
      String(port),
      '--no-record',
    ],
    { logDir: dir.path, cwd: ROOT },
  );
  procs.push(p);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'upstream',
    async () => (await fetch(`${url}/v1/models`).catch(() => undefined)) !== undefined,
    {
      timeoutMs: 20_000,
      onTimeout: () => p.tail(20),
    },
  );
  return url;
}

interface Arm {
  name: 'tracing-on' | 'tracing-off';
  url: string;
  adminUrl: string;
  pid: number;
}

async function startArm(
  name: Arm['name'],
  file: string,
  env: Record<string, string | undefined>,
): Promise<Arm> {
  const [port, adminPort] = await freePorts(2);
  const p = startProcess(
    name,
    'taskset',
    [
      '-c',
      PROXY_CPU,
      process.execPath,
      join(ROOT, 'sidecar/main.ts'),
      '--snapshot',
      file,
      '--port',
      String(port),
      '--admin-port',
      String(adminPort),
      '--admin-host',
      '127.0.0.1',
      '--log-level',
      'warn',
    ],
    { logDir: dir.path, cwd: ROOT, env: { OTEL_EXPORTER_OTLP_ENDPOINT: undefined, ...env } },
  );
  procs.push(p);
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  await waitFor('sidecar ready', async () => (await fetch(`${adminUrl}/readyz`).catch(() => undefined))?.ok, {
    timeoutMs: 20_000,
    onTimeout: () => p.tail(20),
  });
  return { name, url: `http://127.0.0.1:${port}`, adminUrl, pid: p.pid };
}

// ---- load --------------------------------------------------------------------------------------

const BODY = JSON.stringify({
  model: 'gpt-4o-mini',
  max_tokens: 16,
  messages: [{ role: 'user', content: 'say hello to the benchmark' }],
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 1, noDelay: true } as http.AgentOptions);

function once(origin: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const url = new URL('/v1/chat/completions', origin);
    const started = performance.now();
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () =>
          res.statusCode === 200
            ? resolvePromise(performance.now() - started)
            : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(BODY);
  });
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const median = (xs: number[]) =>
  pct(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

async function sequential(arm: Arm, n: number): Promise<{ p50: number; p99: number; mean: number }> {
  for (let i = 0; i < 200; i++) await once(arm.url); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await once(arm.url));
  xs.sort((a, b) => a - b);
  return { p50: pct(xs, 0.5), p99: pct(xs, 0.99), mean: xs.reduce((a, b) => a + b, 0) / xs.length };
}

async function throughput(
  arm: Arm,
  overallRate?: number,
): Promise<{ rps: number; cpuUsPerReq: number; errors: number }> {
  const before = cpuTicks(arm.pid);
  const result = await autocannon({
    url: `${arm.url}/v1/chat/completions`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(overallRate ? { overallRate } : {}),
  });
  const ticks = cpuTicks(arm.pid) - before;
  const total = result.requests.total;
  return {
    rps: result.requests.average,
    cpuUsPerReq: total > 0 ? ((ticks / TICK_HZ) * 1e6) / total : Number.NaN,
    errors: result.errors + result.non2xx,
  };
}

async function metric(arm: Arm, name: string): Promise<number> {
  const text = await (await fetch(`${arm.adminUrl}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) if (line.startsWith(name)) sum += Number(line.split(' ').at(-1));
  return sum;
}

// ---- run ---------------------------------------------------------------------------------------

if (values.micro) {
  await micro();
  process.exit(0);
}

const jaeger = await startJaeger();
try {
  const jaegerPid = Number(
    execFileSync('pgrep', ['-n', '-f', 'jaeger --config=']).toString().trim().split('\n')[0],
  );
  if (jaegerPid) pin(jaegerPid, OTHER_CPUS);
} catch {}

try {
  const upstream = await startUpstreamProc();
  const file = join(dir.path, 'snapshot.json');
  writeFileSync(file, JSON.stringify(seal(benchSnapshot(upstream, false))));
  const on = await startArm('tracing-on', file, { ...jaeger.env, OTEL_SERVICE_NAME: 'bench-sidecar' });
  const off = await startArm('tracing-off', file, {});

  const results: Record<
    Arm['name'],
    { p50: number[]; p99: number[]; mean: number[]; rps: number[]; cpu: number[]; cpuFixed: number[] }
  > = {
    'tracing-on': { p50: [], p99: [], mean: [], rps: [], cpu: [], cpuFixed: [] },
    'tracing-off': { p50: [], p99: [], mean: [], rps: [], cpu: [], cpuFixed: [] },
  };
  console.error(
    `# ${os.cpus()[0]?.model ?? 'cpu'} x${cpus}, node ${process.version}; sidecars on cpu ${PROXY_CPU}; ` +
      `${ROUNDS} rounds: ${SEQUENTIAL} sequential calls, ${SECONDS}s autocannon c=${CONNECTIONS} at ${RATE} req/s ` +
      'and unbounded, per arm',
  );
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [on, off] : [off, on];
    for (const arm of order) {
      const s = await sequential(arm, SEQUENTIAL);
      const fixed = await throughput(arm, RATE);
      const t = await throughput(arm);
      if (t.errors + fixed.errors > 0) throw new Error(`${arm.name}: ${t.errors} errors under load`);
      const res = results[arm.name];
      res.p50.push(s.p50);
      res.p99.push(s.p99);
      res.mean.push(s.mean);
      res.rps.push(t.rps);
      res.cpu.push(t.cpuUsPerReq);
      res.cpuFixed.push(fixed.cpuUsPerReq);
      console.error(
        `round ${r + 1} ${arm.name.padEnd(11)} c=1 p50 ${(s.p50 * 1000).toFixed(0)} µs p99 ${(s.p99 * 1000).toFixed(0)} µs | ` +
          `${RATE} req/s: ${fixed.cpuUsPerReq.toFixed(0)} CPU-µs/req | ` +
          `c=${CONNECTIONS} ${t.rps.toFixed(0)} req/s, ${t.cpuUsPerReq.toFixed(0)} CPU-µs/req`,
      );
    }
  }

  const row = (name: Arm['name']) => {
    const r = results[name];
    return {
      p50: median(r.p50) * 1000,
      p99: median(r.p99) * 1000,
      mean: median(r.mean) * 1000,
      rps: median(r.rps),
      cpu: median(r.cpu),
      cpuFixed: median(r.cpuFixed),
    };
  };
  const a = row('tracing-on');
  const b = row('tracing-off');
  const spans = await jaeger.spans({ service: 'bench-sidecar' }).catch(() => []);
  const dropped = await metric(on, 'aimesh_tracing_spans_dropped_total');
  const fmt = (n: number, d = 0) => n.toFixed(d);
  console.log(
    `\n| arm | c=1 p50 (µs) | c=1 p99 (µs) | c=1 mean (µs) | CPU-µs/req at ${RATE} req/s | max req/s (c=${CONNECTIONS}) | CPU-µs/req at max | RSS (MB) |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| tracing on (OTLP -> Jaeger) | ${fmt(a.p50)} | ${fmt(a.p99)} | ${fmt(a.mean)} | ${fmt(a.cpuFixed)} | ${fmt(a.rps)} | ${fmt(a.cpu)} | ${fmt(rssMb(on.pid))} |`,
  );
  console.log(
    `| tracing off | ${fmt(b.p50)} | ${fmt(b.p99)} | ${fmt(b.mean)} | ${fmt(b.cpuFixed)} | ${fmt(b.rps)} | ${fmt(b.cpu)} | ${fmt(rssMb(off.pid))} |`,
  );
  console.log(
    `| **on - off** | **${fmt(a.p50 - b.p50)}** | **${fmt(a.p99 - b.p99)}** | **${fmt(a.mean - b.mean)}** | ` +
      `**${fmt(a.cpuFixed - b.cpuFixed)}** | **${fmt(a.rps - b.rps)}** (${fmt(((a.rps - b.rps) / b.rps) * 100, 1)}%) | ` +
      `**${fmt(a.cpu - b.cpu)}** | |`,
  );
  console.log(
    `\nmedians of ${ROUNDS} interleaved rounds; spans dropped by the tracing arm: ${dropped}; ` +
      `traces in Jaeger (query limit 1000): ${new Set(spans.map((s) => s.traceId)).size}`,
  );
} finally {
  for (const p of procs.reverse()) await p.stop(3000);
  await jaeger.stop();
  dir.remove();
}

// ---- --micro -------------------------------------------------------------------------------------

async function micro(): Promise<void> {
  const { Writable } = await import('node:stream');
  const { ExportResultCode } = await import('@opentelemetry/core');
  const { ProtobufTraceSerializer } = await import('@opentelemetry/otlp-transformer');
  const { buildRuntime } = await import('../sidecar/config/runtime.ts');
  const { createLogger } = await import('../sidecar/log.ts');
  const { adapterFor } = await import('../sidecar/providers/index.ts');
  const { SidecarMetrics } = await import('../sidecar/telemetry/metrics.ts');
  const { createTelemetry } = await import('../sidecar/telemetry/step.ts');
  const { startTracing, tracingOptionsFromEnv } = await import('../sidecar/telemetry/tracing.ts');
  const { AgentPool } = await import('../sidecar/upstream/agents.ts');
  type Call = import('../sidecar/pipeline/call.ts').Call;
  type Attempt = import('../sidecar/pipeline/call.ts').Attempt;

  pin(process.pid, PROXY_CPU);
  const runtime = buildRuntime(seal(benchSnapshot('http://127.0.0.1:1', false)), {
    adapterFor,
    agents: new AgentPool(),
  });
  const log = createLogger('info', new Writable({ write: (_c, _e, cb) => cb() }));
  const body = JSON.parse(BODY);
  const arms = ['off', 'sampled-out', 'on', 'on + protobuf'] as const;
  const make = (arm: (typeof arms)[number]) => {
    const metrics = new SidecarMetrics(
      { snapshot: () => runtime, breakers: () => ({}), inflight: () => 0 },
      { defaultMetrics: false },
    );
    const env: Record<string, string> = { OTEL_TRACES_EXPORTER: 'otlp' };
    if (arm === 'sampled-out') env.OTEL_TRACES_SAMPLER = 'always_off';
    const tracing =
      arm === 'off'
        ? undefined
        : startTracing(tracingOptionsFromEnv(env, 'micro'), {
            exporter: {
              export(spans, done) {
                if (arm === 'on + protobuf') ProtobufTraceSerializer.serializeRequest(spans);
                done({ code: ExportResultCode.SUCCESS });
              },
              shutdown: async () => {},
            },
          });
    return createTelemetry({ tracing, metrics, captureContent: false, log });
  };
  // What route + forward + respond do to a call, around the telemetry hooks.
  const one = async (t: ReturnType<typeof make>) => {
    const call = {
      id: 'x',
      runtime,
      req: { headers: {} },
      res: {},
      log,
      startedAt: performance.now(),
      timings: {},
      signal: new AbortController().signal,
      dialect: 'openai',
      operation: 'chat',
      path: '/chat/completions',
      headers: {},
      rawBody: Buffer.alloc(0),
      body,
      stream: false,
      usageInjected: false,
      modelRequested: 'gpt-4o-mini',
      attempts: [],
      afterResponse: [],
    } as unknown as Call;
    await t.step(call, async () => {
      call.rule = runtime.rules[0];
      call.routeId = call.rule.routeId;
      call.ruleName = call.rule.name;
      const a: Attempt = {
        provider: 'bench/openai',
        providerType: 'openai',
        model: 'gpt-4o-mini',
        fallback: 0,
        retry: 0,
        startMs: 0.1,
      };
      call.attempts.push(a);
      call.provider = runtime.providers.get('bench/openai');
      call.modelServed = 'gpt-4o-mini';
      const observed = t.observer.begin(call, a);
      a.status = 200;
      a.durationMs = 0.3;
      call.usage = { inputTokens: 5, outputTokens: 16 };
      call.modelResponse = 'gpt-4o-mini';
      call.result = {
        kind: 'json',
        status: 200,
        body: {
          id: 'c1',
          model: 'gpt-4o-mini',
          choices: [{ index: 0, message: { role: 'assistant', content: 'x' }, finish_reason: 'stop' }],
        },
      };
      observed?.end();
      call.status = 200;
      call.timings.doneMs = 0.5;
    });
  };
  const N = 20_000;
  const run = async (t: ReturnType<typeof make>) => {
    const c0 = process.cpuUsage();
    for (let i = 0; i < N; i++) {
      await one(t);
      if (i % 100 === 0) await new Promise((r) => setImmediate(r)); // let the exports run
    }
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / N;
  };
  const telemetries = arms.map(make);
  for (const t of telemetries) await run(t); // warm-up
  const per: number[][] = arms.map(() => []);
  for (let r = 0; r < ROUNDS; r++)
    for (let i = 0; i < arms.length; i++) per[i].push(await run(telemetries[i]));
  const base = median(per[0]);
  console.log(`\n| telemetry step, per call (median of ${ROUNDS} x ${N}) | CPU µs | vs off |`);
  console.log('|---|---:|---:|');
  arms.forEach((arm, i) => {
    const m = median(per[i]);
    console.log(`| ${arm} | ${m.toFixed(1)} | ${i === 0 ? '' : `+${(m - base).toFixed(1)}`} |`);
  });
}
