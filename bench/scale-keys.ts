// `make bench-scale` (keys): one partitioned AIQuota limit (per end user) with 100,000 distinct keys
// spent by 1,000 lease holders (real QuotaClients over real HTTP/2 sessions) against the operator's
// quota service in its own process (bench/lib/quota-server.ts). Every key is asked `tries` times
// with a per-key limit below that, each call from a random holder (no session affinity: the
// hardest case, a key's budget split over many holders) or from the key's own holder (affinity).
// Measured: admitted vs limit per key (overshoot), false denials (a denial while the key's admitted
// count across the fleet was still below its limit), lease round trips and items per second, the
// service's RSS and CPU, and the holders' per-key lease count (bounded by maxKeys).
import { spawn } from 'node:child_process';
import http2 from 'node:http2';
import { join } from 'node:path';
import { QuotaClient } from '../sidecar/quota/client.ts';
import { keysOf } from '../sidecar/quota/keys.ts';
import { operatorQuotaService, type QuotaService } from '../sidecar/quota/service.ts';
import type { QuotaConfig } from '../sidecar/snapshot/index.ts';
import { cpuMs, rssMB } from './lib/proc.ts';
import { percentiles, round } from './lib/stats.ts';

/** GET over h2c (the quota server speaks HTTP/2 only, like the operator's push port). */
function h2json(origin: string, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(origin);
    session.on('error', reject);
    const req = session.request({ ':path': path });
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => {
      body += d;
    });
    req.on('end', () => {
      session.close();
      try {
        resolve(JSON.parse(body));
      } catch (err) {
        reject(err);
      }
    });
    req.on('error', reject);
    req.end();
  });
}

export interface KeysBenchOptions {
  holders: number;
  keys: number;
  /** Per-key limit (requests per 1h window). */
  limit: number;
  /** Calls per key (above limit: the rest must be denied). */
  tries: number;
  affinity: boolean;
  /** Calls in flight across the fleet. */
  concurrency: number;
  maxSeconds: number;
}

export async function keysBench(o: KeysBenchOptions, log: (m: string) => void) {
  const quota: QuotaConfig = {
    id: 'bench/per-user',
    enforcement: 'Enforce',
    failurePolicy: 'FailClosed',
    limits: [
      {
        name: 'user-rph',
        dimension: 'requests',
        amount: o.limit,
        window: '1h',
        per: { source: 'header', name: 'x-aimesh-user' },
      },
    ],
  };
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, 'lib/quota-server.ts'), JSON.stringify(quota)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(JSON.parse(String(d)).port));
    child.once('exit', (code) => reject(new Error(`quota server exited ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const rss0 = rssMB([child.pid!]);
  const cpu0 = cpuMs([child.pid!]);

  let calls = 0;
  let items = 0;
  const callMs: number[] = [];
  const holders: { client: QuotaClient; close(): void }[] = [];
  for (let h = 0; h < o.holders; h++) {
    const transport = operatorQuotaService({ url, token: () => 'bench', timeoutMs: 20_000 });
    const counted: QuotaService = {
      lease: async (r) => {
        calls++;
        items += r.leases.length;
        const t0 = performance.now();
        try {
          return await transport.lease(r);
        } finally {
          callMs.push(performance.now() - t0);
        }
      },
    };
    const client = new QuotaClient(counted, { holder: `holder-${h}`, readyTimeoutMs: 10_000 });
    client.configure([quota]);
    holders.push({ client, close: () => transport.close() });
  }

  // The work: every key `tries` times, shuffled.
  const work = new Uint32Array(o.keys * o.tries);
  for (let i = 0; i < work.length; i++) work[i] = i % o.keys;
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = work.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [work[i], work[j]] = [work[j]!, work[i]!];
  }
  const admitted = new Uint16Array(o.keys);
  const tried = new Uint16Array(o.keys);
  let admits = 0;
  let denials = 0;
  let falseDenials = 0;
  let unavailable = 0;
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + o.maxSeconds * 1000;
  let maxLeases = 0;
  const sampler = setInterval(() => {
    for (const h of holders) maxLeases = Math.max(maxLeases, h.client.keyedLeases);
  }, 1000);

  const worker = async () => {
    while (next < work.length && performance.now() < deadline) {
      const key = work[next++]!;
      tried[key]!++;
      const holder = holders[o.affinity ? key % o.holders : Math.floor(rand() * o.holders)]!.client;
      const keyOf = keysOf({ headers: { 'x-aimesh-user': `user-${key}` } });
      const ready = holder.ready(['gpt-4o-mini'], keyOf);
      if (ready) await ready;
      const c = holder.check(['gpt-4o-mini'], { requests: 1 }, keyOf);
      if (c.decision === 'deny') {
        denials++;
        if (c.denial?.code === 'quota_unavailable') unavailable++;
        else if (admitted[key]! < o.limit) falseDenials++;
      } else {
        admitted[key]!++;
        admits++;
        holder.settle(c.ticket, { requests: 1 }, ['gpt-4o-mini']);
      }
      // Let timers and sessions run between calls.
      if ((next & 63) === 0) await new Promise((r) => setImmediate(r));
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const cpu1 = cpuMs([child.pid!]);
  const rss1 = rssMB([child.pid!]);
  await Promise.all(holders.map((h) => h.client.sync().catch(() => {})));
  const served = (await h2json(url, '/stats').catch(() => ({}))) as {
    keys?: number;
    used?: number;
    heapMB?: number;
  };
  let over = 0;
  let overKeys = 0;
  let ideal = 0;
  for (let k = 0; k < o.keys; k++) {
    ideal += Math.min(o.limit, tried[k]!);
    if (admitted[k]! > o.limit) {
      overKeys++;
      over += admitted[k]! - o.limit;
    }
  }
  for (const h of holders) {
    await h.client.close().catch(() => {});
    h.close();
  }
  child.kill();
  const lat = percentiles(callMs);
  const result = {
    holders: o.holders,
    keys: o.keys,
    perKeyLimit: o.limit,
    triesPerKey: o.tries,
    affinity: o.affinity,
    calls: next,
    completed: next >= work.length,
    seconds: round(seconds, 1),
    callsPerSecond: round(next / seconds, 0),
    admitted: admits,
    // What an exact, churn-free quota admits for the calls made: min(limit, calls) per key.
    idealAdmitted: ideal,
    denied: denials,
    falseDenials,
    unavailableDenials: unavailable,
    overshoot: over,
    keysOverLimit: overKeys,
    leaseRoundTrips: calls,
    leaseRoundTripsPerSecond: round(calls / seconds, 0),
    leaseItemsPerRoundTrip: round(items / Math.max(1, calls), 1),
    leaseLatencyMs: { p50: lat.p50, p99: lat.p99 },
    serviceCpuSeconds: round((cpu1 - cpu0) / 1000, 1),
    serviceCpuPct: round((cpu1 - cpu0) / 10 / seconds, 0),
    serviceRssMB: { idle: rss0, end: rss1 },
    serviceHeapMB: served.heapMB,
    serviceKeys: served.keys,
    serviceUsed: served.used,
    maxPerKeyLeasesInOneHolder: maxLeases,
  };
  log(
    `keys (${o.affinity ? 'affinity' : 'random holder'}): ${o.holders} holders x ${o.keys} keys: admitted ${admits}/${ideal}, overshoot ${over}, false denials ${falseDenials}, ${calls} lease round trips (${result.leaseRoundTripsPerSecond}/s, ${result.leaseItemsPerRoundTrip} items each), service CPU ${result.serviceCpuPct}% RSS ${rss1} MB, ${result.seconds}s`,
  );
  return result;
}
