// What Gateway credential mode costs: the same call through an app sidecar in Sidecar mode (key
// in its snapshot, straight to the provider) and in Gateway mode (no key; one more hop to the
// egress gateway, which injects it), against the same upstream, in interleaved rounds so machine
// drift hits both alike. Added latency = Gateway-mode percentile minus Sidecar-mode percentile.
//   node bench/gateway-hop.ts [--rounds 5] [--per-round 400] [--streams 40] [--out bench/results/gateway-hop.json]
// Every process is real: the test upstream, two aimesh-sidecar --snapshot processes, the gateway
// (bench/gateway-server.ts: the gateway's request path; its TokenReview verdict is cached anyway).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SnapshotContent } from '../sidecar/snapshot/schema.ts';
import { seal } from '../sidecar/snapshot/version.ts';
import { freePorts, startProcess, tempDir, waitFor } from '../test/support/procs.ts';
import { newAgent, type Sample, sequential, type Target } from './lib/load.ts';
import { percentiles, round } from './lib/stats.ts';
import { WORKLOADS } from './lib/workloads.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    'per-round': { type: 'string', default: '400' },
    streams: { type: 'string', default: '40' },
    out: { type: 'string', default: join(ROOT, 'bench/results/gateway-hop.json') },
  },
});
const rounds = Number(values.rounds);
const perRound = Number(values['per-round']);
const streamsPerRound = Number(values.streams);

const KEY = 'sk-bench-gateway-0123456789abcdef';
const TOKEN = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(
  JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 86_400 }),
).toString('base64url')}.sig`;

const dir = tempDir('aimesh-bench-gateway');
const procs: { stop(graceMs?: number): Promise<void> }[] = [];
async function started(name: string, args: string[]): Promise<string> {
  const proc = startProcess(name, process.execPath, args, { logDir: dir.path, cwd: ROOT });
  procs.push(proc);
  return waitFor(`${name} up`, async () => /http:\/\/127\.0\.0\.1:\d+/.exec(proc.tail(5))?.[0], {
    timeoutMs: 30_000,
    onTimeout: () => proc.tail(20),
  });
}

async function sidecar(name: string, snapshot: SnapshotContent, port: number, adminPort: number) {
  const file = join(dir.path, `${name}.json`);
  writeFileSync(file, JSON.stringify(seal(snapshot)));
  const token = join(dir.path, 'token');
  writeFileSync(token, TOKEN);
  const proc = startProcess(
    name,
    process.execPath,
    [
      join(ROOT, 'sidecar/main.ts'),
      '--snapshot',
      file,
      '--token-file',
      token,
      '--port',
      String(port),
      '--admin-port',
      String(adminPort),
      '--admin-host',
      '127.0.0.1',
      '--log-level',
      'warn',
    ],
    { logDir: dir.path, cwd: ROOT, env: { OTEL_TRACES_EXPORTER: 'none' } },
  );
  procs.push(proc);
  await waitFor(
    `${name} ready`,
    async () => (await fetch(`http://127.0.0.1:${adminPort}/readyz`).catch(() => undefined))?.ok,
    {
      timeoutMs: 30_000,
      onTimeout: () => proc.tail(20),
    },
  );
  return `http://127.0.0.1:${port}`;
}

try {
  const [upPort, gwPort, sPort, sAdmin, gPort, gAdmin] = await freePorts(6);
  const upstream = await started('upstream', [join(ROOT, 'bench/upstream.ts'), String(upPort)]);
  const provider = {
    id: 'platform/openai',
    type: 'openai' as const,
    endpoint: `${upstream}/v1`,
    headers: {},
    models: [{ name: 'gpt-4o-mini' }],
  };
  const gatewaySnapshot = join(dir.path, 'gateway.json');
  writeFileSync(
    gatewaySnapshot,
    JSON.stringify(
      seal({
        workload: { namespace: 'platform', name: 'aimesh-gateway' },
        providers: [{ ...provider, credentials: { apiKey: KEY } }],
        routes: [],
        quotas: [],
        gateway: { grants: [{ provider: provider.id, allNamespaces: false, namespaces: ['team-a'] }] },
      }),
    ),
  );
  const gateway = await started('gateway', [
    join(ROOT, 'bench/gateway-server.ts'),
    String(gwPort),
    gatewaySnapshot,
    TOKEN,
  ]);
  const app = (p: SnapshotContent['providers'][number]): SnapshotContent => ({
    workload: { namespace: 'team-a' },
    providers: [p],
    routes: [
      {
        id: 'team-a/chat',
        rules: [
          {
            name: 'all',
            matches: [],
            backends: [{ provider: p.id, weight: 1 }],
            retries: { attempts: 0, backoffMs: 0, on: [] },
          },
        ],
      },
    ],
    quotas: [],
  });
  const arms = {
    sidecar: await sidecar(
      'sidecar-mode',
      app({ ...provider, credentials: { apiKey: KEY } }),
      sPort!,
      sAdmin!,
    ),
    gateway: await sidecar('gateway-mode', app({ ...provider, gateway: { url: gateway } }), gPort!, gAdmin!),
  };
  const target = (origin: string, stream: boolean, run: string): Target => {
    const w = stream ? WORKLOADS['chat-stream'] : WORKLOADS['chat-small'];
    const [head, tail] = w.parts(w.model);
    return { origin, path: w.path, headers: {}, stream, body: (i) => `${head}${run}-${i}${tail}` };
  };

  const agent = newAgent();
  const samples: Record<string, { small: Sample[]; stream: Sample[] }> = {
    sidecar: { small: [], stream: [] },
    gateway: { small: [], stream: [] },
  };
  // Warm both paths (connections, JIT, the gateway's verdict cache).
  for (const [name, origin] of Object.entries(arms))
    await sequential(agent, target(origin, false, `warm-${name}`), 300);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['sidecar', 'gateway'] as const) : (['gateway', 'sidecar'] as const);
    for (const name of order) {
      samples[name]!.small.push(
        ...(await sequential(agent, target(arms[name], false, `r${r}-${name}`), perRound)),
      );
      samples[name]!.stream.push(
        ...(await sequential(agent, target(arms[name], true, `s${r}-${name}`), streamsPerRound)),
      );
    }
    process.stderr.write(`round ${r + 1}/${rounds}\n`);
  }

  const stats = (list: Sample[], pick: (s: Sample) => number | undefined) => {
    const failed = list.filter((s) => !s.ok).length;
    if (failed > 0) throw new Error(`${failed} failed requests: ${list.find((s) => !s.ok)?.error}`);
    return percentiles(list.map(pick).filter((v): v is number => v !== undefined));
  };
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      node: process.version,
      load: os.loadavg(),
    },
    rounds,
    perRound,
    streamsPerRound,
    chatSmall: {
      sidecar: stats(samples.sidecar!.small, (s) => s.latencyMs),
      gateway: stats(samples.gateway!.small, (s) => s.latencyMs),
    },
    streamTtfc: {
      sidecar: stats(samples.sidecar!.stream, (s) => s.ttfcMs),
      gateway: stats(samples.gateway!.stream, (s) => s.ttfcMs),
    },
  };
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, `${JSON.stringify(result, null, 2)}\n`);
  const signed = (v: number) => `${v >= 0 ? '+' : ''}${round(v, 2)}`;
  const row = (label: string, a: ReturnType<typeof percentiles>, b: ReturnType<typeof percentiles>) =>
    `| ${label} | ${round(a.p50, 2)} | ${round(b.p50, 2)} | ${signed(b.p50 - a.p50)} | ${round(a.p99, 2)} | ${round(b.p99, 2)} | ${signed(b.p99 - a.p99)} |`;
  console.log(
    [
      '| ms | Sidecar p50 | Gateway p50 | added p50 | Sidecar p99 | Gateway p99 | added p99 |',
      '|---|---|---|---|---|---|---|',
      row('chat-small, c=1, whole call', result.chatSmall.sidecar, result.chatSmall.gateway),
      row('chat-stream, c=1, first content', result.streamTtfc.sidecar, result.streamTtfc.gateway),
    ].join('\n'),
  );
} finally {
  await Promise.all(procs.map((p) => p.stop(3000)));
}
