// `make bench-scale`: the control plane at fleet size.
//   compile   10,000 AIRoutes across 1,000 namespaces through the pure compile (operator/compile),
//             with validation, as the operator's reconcile runs it (median of several runs);
//   quota     the operator's quota service (operator/quota/service.ts, served over h2c) with 1,000
//             lease holders (real QuotaClients over real HTTP/2 sessions) spending one limit until
//             it runs out, admitting as the pipeline does (a short lease waits, bounded, for more):
//             admitted vs limit (overshoot), false denials (refused while the limit covered the
//             call), how long calls waited, lease round trips per second and their latency;
//   push      1,000 simulated sidecars holding push streams to one real operator against the real
//             control plane (test/support/cluster.ts): time from `kubectl apply` of a changed
//             AIRoute to the ACK of every affected sidecar, operator CPU and RSS (bench/scale-push.ts);
//   keys      a per-user limit with 100,000 keys spent by 1,000 holders against the quota service in
//             its own process: admitted vs limit, false denials, lease round trips, service RSS and
//             CPU, with and without session affinity (bench/scale-keys.ts).
//
//   node bench/scale.ts [--quick] [--only compile,quota,push,keys] [--out bench/results/scale.json]
import { mkdirSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Manifest } from '../crds/validate.ts';
import { compile } from '../operator/compile/index.ts';
import { QuotaService } from '../operator/quota/service.ts';
import { QuotaClient } from '../sidecar/quota/client.ts';
import { operatorQuotaService } from '../sidecar/quota/service.ts';
import type { QuotaConfig } from '../sidecar/snapshot/index.ts';
import { ROOT } from './lib/arms.ts';
import { cpuMs, machine, rssMB } from './lib/proc.ts';
import { percentiles, round } from './lib/stats.ts';

const log = (msg: string) => process.stderr.write(`[scale] ${msg}\n`);

// ---- compile -----------------------------------------------------------------------------------

/** The platform's providers, 1,000 team namespaces, 10 routes (4 rules each) and a quota per team. */
export function fleetManifests(namespaces: number, routesPerNamespace: number): Manifest[] {
  const platform = 'ai-platform';
  const out: Manifest[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: platform } },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'openai-credentials', namespace: platform },
      stringData: { apiKey: 'sk-bench' },
    } as Manifest,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'anthropic-credentials', namespace: platform },
      stringData: { apiKey: 'sk-ant-bench' },
    } as Manifest,
  ];
  for (const [name, type, models] of [
    ['openai', 'openai', ['gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small']],
    ['anthropic', 'anthropic', ['claude-sonnet-4-5', 'claude-haiku-4-5']],
  ] as const) {
    out.push({
      apiVersion: 'aimesh.io/v1alpha1',
      kind: 'AIProvider',
      metadata: { name, namespace: platform },
      spec: {
        type,
        auth: { secretRef: { name: `${name}-credentials` } },
        models: models.map((m) => ({ name: m, pricing: { input: 1, output: 2 } })),
        allowedNamespaces: { from: 'Selector', selector: { matchLabels: { 'aimesh.io/ai-access': 'true' } } },
      },
    } as Manifest);
  }
  const openai = { name: 'openai', namespace: platform };
  const anthropic = { name: 'anthropic', namespace: platform };
  for (let n = 0; n < namespaces; n++) {
    const ns = `team-${String(n).padStart(4, '0')}`;
    out.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: { 'aimesh.io/ai-access': 'true' } },
    } as Manifest);
    for (let r = 0; r < routesPerNamespace; r++) {
      out.push({
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIRoute',
        metadata: {
          name: `route-${r}`,
          namespace: ns,
          creationTimestamp: `2026-01-01T00:00:${String(r).padStart(2, '0')}Z`,
        },
        spec: {
          workloadSelector: { matchLabels: { app: `app-${r}` } },
          rules: [
            {
              name: 'premium',
              matches: [{ headers: [{ name: 'x-user-tier', value: 'premium' }], operation: 'chat' }],
              backends: [{ providerRef: anthropic, model: 'claude-sonnet-4-5' }],
            },
            {
              name: 'gpt-4o',
              matches: [{ model: 'gpt-4o' }],
              backends: [{ providerRef: openai }],
              fallback: {
                backends: [{ providerRef: anthropic, model: 'claude-sonnet-4-5' }],
                triggers: ['5xx', '429'],
              },
            },
            {
              name: 'mini-split',
              matches: [{ model: 'gpt-4o-mini' }],
              backends: [
                { providerRef: openai, weight: 90 },
                { providerRef: anthropic, model: 'claude-haiku-4-5', weight: 10 },
              ],
            },
            {
              name: 'embeddings',
              matches: [{ operation: 'embeddings' }],
              backends: [{ providerRef: openai, model: 'text-embedding-3-small' }],
              cache: { ttl: '24h' },
            },
          ],
          timeout: '30s',
          retries: { attempts: 2, backoff: '100ms' },
          guards: {
            promptInjection: { action: 'block' },
            pii: { types: ['email', 'secret'], request: 'mask' },
          },
        },
      } as Manifest);
    }
    out.push({
      apiVersion: 'aimesh.io/v1alpha1',
      kind: 'AIQuota',
      metadata: { name: 'team-budget', namespace: ns },
      spec: {
        limits: [
          { name: 'tokens-per-minute', tokens: 100000, window: '1m' },
          { name: 'monthly-spend', costUSD: 500, window: 'calendarMonth' },
        ],
        enforcement: 'Enforce',
        failurePolicy: 'FailOpen',
      },
    } as Manifest);
  }
  return out;
}

async function compileBench(quick: boolean) {
  const namespaces = quick ? 100 : 1000;
  const perNs = 10;
  const { inputsFromManifests } = await import('../operator/compile/inputs.ts');
  const manifests = fleetManifests(namespaces, perNs);
  const input = inputsFromManifests(manifests);
  const runs: number[] = [];
  let snapshots = 0;
  let problems = 0;
  let routes = 0;
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const t0 = performance.now();
    const out = compile(input);
    runs.push(performance.now() - t0);
    snapshots = out.snapshots.length;
    problems = out.problems.length;
    routes = out.snapshots.reduce((n, s) => n + s.routes.length, 0);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const result = {
    namespaces,
    routes: namespaces * perNs,
    rulesPerRoute: 4,
    snapshots,
    routesInSnapshots: routes,
    problems,
    runsMs: runs.map((r) => round(r, 1)),
    medianMs: round(sorted[sorted.length >> 1], 1),
    firstMs: round(runs[0], 1),
    heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  };
  log(
    `compile: ${result.routes} routes / ${namespaces} namespaces -> ${snapshots} snapshots, median ${result.medianMs} ms (first ${result.firstMs} ms), ${problems} problems`,
  );
  return result;
}

// ---- quota -------------------------------------------------------------------------------------

async function quotaBench(quick: boolean) {
  const holders = quick ? 50 : 1000;
  const limit = quick ? 5_000 : 100_000;
  const perHolderRate = 20; // checks per second per holder
  const quota: QuotaConfig = {
    id: 'bench/fleet',
    enforcement: 'Enforce',
    failurePolicy: 'FailClosed',
    limits: [{ name: 'requests', dimension: 'requests', amount: limit, window: '1h' }],
  };
  let leaseCalls = 0;
  const leaseMs: number[] = [];
  const service = new QuotaService({
    // Identity is not what is measured here (TokenReview is the push bench's): the token is the namespace.
    authenticate: async (req) => {
      const auth = String(req.headers.authorization ?? '');
      return auth.startsWith('Bearer ') ? { namespace: auth.slice(7) } : undefined;
    },
    persist: async () => {},
    flushMs: 2000,
  });
  service.start(); // start() configures from the informer's objects: configure after it
  service.configure([quota]);
  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    const t0 = performance.now();
    leaseCalls++;
    stream.once('close', () => leaseMs.push(performance.now() - t0));
    void service.handleStream(stream, headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const clients: { client: QuotaClient; transport: { close(): void } }[] = [];
  for (let h = 0; h < holders; h++) {
    const transport = operatorQuotaService({ url, token: () => 'bench', timeoutMs: 10_000 });
    const client = new QuotaClient(transport, { holder: `holder-${h}` });
    client.configure([quota]);
    clients.push({ client, transport });
  }
  let admitted = 0;
  let denied = 0;
  let lastAdmitAt = performance.now();
  const cpu0 = cpuMs([process.pid]);
  const t0 = performance.now();
  const deadline = t0 + (quick ? 8_000 : 60_000);
  // Every holder spends at perHolderRate until the limit is gone (or the time is up), admitting
  // as the pipeline does: from the lease, or after a bounded wait for more while the budget is left.
  let falseDenials = 0;
  const denials: Record<string, number> = {};
  let waiting = 0;
  const waits: number[] = [];
  const models = ['gpt-4o-mini'];
  const estimate = { requests: 1 };
  const spendOne = async (client: QuotaClient) => {
    const ready = client.ready(models);
    if (ready) await ready;
    let check = client.check(models, estimate);
    if (check.short) {
      const w0 = performance.now();
      waiting++;
      check = await client.waitIfShort(check, () => client.check(models, estimate));
      waiting--;
      waits.push(performance.now() - w0);
    }
    if (check.decision === 'deny') {
      denied++;
      denials[check.denial?.code ?? 'unknown'] = (denials[check.denial?.code ?? 'unknown'] ?? 0) + 1;
      // Refused while the budget covered this call and every call waiting alongside it.
      if (admitted + waiting + 1 <= limit) falseDenials++;
      return;
    }
    admitted++;
    lastAdmitAt = performance.now();
    client.settle(check.ticket, estimate, models);
  };
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now();
      for (const { client } of clients) for (let k = 0; k < perHolderRate / 20; k++) void spendOne(client);
      if (now > deadline || (admitted >= limit && now - lastAdmitAt > 3000)) {
        clearInterval(tick);
        resolve();
      }
    }, 50);
  });
  const elapsed = (performance.now() - t0) / 1000;
  const spending = (lastAdmitAt - t0) / 1000;
  const cpu1 = cpuMs([process.pid]);
  const state = service.inspect();
  for (const { client, transport } of clients) {
    await client.close().catch(() => {});
    transport.close();
  }
  await service.stop();
  server.close();
  const lat = percentiles(leaseMs);
  const result = {
    holders,
    limit,
    offeredChecksPerSecond: holders * perHolderRate,
    seconds: round(elapsed, 1),
    admitted,
    denied,
    // Until the last admit (the run ends 3 s after it once the limit is reached).
    admitsPerSecond: round(admitted / spending, 0),
    lastAdmitSeconds: round(spending, 1),
    overshoot: admitted - limit,
    overshootPct: round(((admitted - limit) * 100) / limit, 2),
    // Refused while the limit still covered the call (and the calls waiting with it): goal 0.
    falseDenials,
    denialsByCode: denials,
    // Calls that found their lease short and waited for the lease call they started.
    waitedCalls: waits.length,
    waitMs: percentiles(waits),
    leaseCalls,
    leaseCallsPerSecond: round(leaseCalls / elapsed, 1),
    leaseLatencyMs: { p50: lat.p50, p99: lat.p99, max: lat.max },
    processCpuSeconds: round((cpu1 - cpu0) / 1000, 1),
    serviceUsed: state[0]?.limits[0]?.used,
    // Budget neither spent nor leased, and leased but not spent, when the run ended.
    serviceUnallocated: state[0]?.limits[0]?.unallocated,
    serviceOutstanding: state[0]?.limits[0]?.outstanding,
  };
  log(
    `quota: ${holders} holders, limit ${limit}: admitted ${admitted} (${result.admitsPerSecond}/s, overshoot ${result.overshoot}, unallocated ${result.serviceUnallocated}), ${falseDenials} false denials, ${waits.length} waited (p99 ${result.waitMs.p99} ms), ${leaseCalls} lease calls (${result.leaseCallsPerSecond}/s, p99 ${lat.p99} ms) in ${result.seconds}s`,
  );
  return result;
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', default: 'compile,quota,push,keys' },
      out: { type: 'string', default: join(ROOT, 'bench/results/scale.json') },
    },
  });
  const only = new Set(values.only.split(','));
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    quick: values.quick,
    machine: machine(),
  };
  if (only.has('compile')) results.compile = await compileBench(values.quick);
  if (only.has('quota')) results.quota = await quotaBench(values.quick);
  if (only.has('push')) {
    const { pushBench } = await import('./scale-push.ts');
    results.push = await pushBench(values.quick, log).catch((err: Error) => ({
      unavailable: err.message.slice(0, 500),
    }));
  }
  if (only.has('keys')) {
    const { keysBench } = await import('./scale-keys.ts');
    const base = values.quick
      ? { holders: 50, keys: 5_000, concurrency: 200, maxSeconds: 60 }
      : { holders: 1_000, keys: 100_000, concurrency: 2_000, maxSeconds: 180 };
    results.keys = {
      randomHolder: await keysBench({ ...base, limit: 5, tries: 7, affinity: false }, log),
      affinity: await keysBench({ ...base, limit: 5, tries: 7, affinity: true }, log),
    };
  }
  results.loadavgAfter = os.loadavg().map((v) => round(v, 2));
  results.rssMB = rssMB([process.pid]);
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${values.out}`);
  process.exit(0);
}

if (import.meta.main) await main();
