// Config push at fleet size (part of bench/scale.ts): one real operator (test/support/operator.ts)
// against the real control plane (test/support/cluster.ts: etcd + kube-apiserver), and N simulated
// sidecars in this process. Each simulated sidecar is a Pod object with a TokenRequest token bound
// to it, holding the same HTTP/2 NDJSON stream the real sidecar opens (sidecar/snapshot/client.ts:
// POST /v1/snapshots/stream, bearer token, `{version, snapshot}` in, `{version, ok}` back), so the
// operator does its real TokenReview, workload lookup, compile and fan-out for every one of them.
// Measured: time from `kubectl apply` of a changed AIRoute to the ACK of every affected sidecar
// (all N are affected: same namespace and labels), operator CPU during those rounds and its RSS.
import { connect } from 'node:http2';
import { createInterface } from 'node:readline';
import { sharedCluster } from '../test/support/cluster.ts';
import { createPod, mintToken, operatorCA, startOperator } from '../test/support/operator.ts';
import { waitFor } from '../test/support/procs.ts';
import { kubectlApply, openAIProvider } from '../test/support/workload.ts';
import { cpuMs, rssMB, tree } from './lib/proc.ts';
import { percentiles, round } from './lib/stats.ts';

const STREAM_PATH = '/v1/snapshots/stream';

interface SimSidecar {
  /** performance.now() when each version was received (and ACKed). */
  seen: Map<string, number>;
  close(): void;
}

function simSidecar(url: string, ca: string, token: string): Promise<SimSidecar> {
  return new Promise((resolve, reject) => {
    const seen = new Map<string, number>();
    const session = connect(url, { ca });
    session.on('error', () => {});
    const req = session.request(
      {
        ':method': 'POST',
        ':path': STREAM_PATH,
        authorization: `Bearer ${token}`,
        'content-type': 'application/x-ndjson',
      },
      { endStream: false },
    );
    req.on('error', (err) => reject(err));
    req.on('response', (headers) => {
      const status = Number(headers[':status']);
      if (status !== 200) return reject(new Error(`stream refused: ${status}`));
      const lines = createInterface({ input: req, crlfDelay: Number.POSITIVE_INFINITY });
      let first = true;
      lines.on('line', (line) => {
        if (!line.trim()) return;
        const at = performance.now();
        let version = '';
        try {
          version = String((JSON.parse(line) as { version?: string }).version ?? '');
        } catch {}
        seen.set(version, at);
        if (!req.destroyed) req.write(`${JSON.stringify({ version, ok: true })}\n`);
        if (first) {
          first = false;
          resolve({ seen, close: () => session.destroy() });
        }
      });
    });
  });
}

/** Runs `tasks` with at most `n` at a time. */
async function pool<T>(n: number, count: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

export async function pushBench(quick: boolean, log: (m: string) => void) {
  if (!process.env.KUBEBUILDER_ASSETS)
    throw new Error('KUBEBUILDER_ASSETS is not set (export KUBEBUILDER_ASSETS="$(./scripts/test-bins.sh)")');
  const sidecars = quick ? 50 : 1000;
  const rounds = quick ? 2 : 5;
  const cluster = await sharedCluster();
  const system = await cluster.newNamespace('aimesh-system');
  const ns = await cluster.newNamespace('fleet');
  const route = (n: number) => ({
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIRoute',
    metadata: { name: 'chat', namespace: ns },
    spec: {
      workloadSelector: { matchLabels: { app: 'chat' } },
      retries: { attempts: n % 4 },
      rules: [{ name: 'all', backends: [{ providerRef: { name: 'local' } }] }],
    },
  });
  await kubectlApply(cluster, [
    ...openAIProvider({
      namespace: ns,
      endpoint: 'http://127.0.0.1:9/v1',
      apiKey: 'sk-fleet',
      models: ['gpt-4o-mini'],
    }),
    route(0),
  ]);
  const op = await startOperator(cluster, { namespace: system });
  try {
    const ca = await operatorCA(cluster, system);
    const t0 = performance.now();
    const tokens = await pool(16, sidecars, async (i) => {
      const pod = await createPod(cluster, ns, `chat-${i}`, { labels: { app: 'chat' } });
      return mintToken(cluster, ns, { pod });
    });
    log(`push: ${sidecars} pods + tokens in ${Math.round(performance.now() - t0)} ms`);
    const opPids = () => tree(op.proc.pid);
    const rssIdle = rssMB(opPids());
    const c0 = performance.now();
    const cpuConnect0 = cpuMs(opPids());
    const sims = await pool(32, sidecars, (i) => simSidecar(op.pushUrl, ca, tokens[i]));
    const connectMs = performance.now() - c0;
    const connectCpuMs = cpuMs(opPids()) - cpuConnect0;
    log(`push: ${sidecars} streams connected (first snapshot each) in ${Math.round(connectMs)} ms`);
    await new Promise((r) => setTimeout(r, 2000));
    const rssConnected = rssMB(opPids());

    const roundResults: { allAckedMs: number; p50: number; p99: number; cpuMs: number }[] = [];
    for (let r = 1; r <= rounds; r++) {
      const before = new Set(sims.map((s) => [...s.seen.keys()].at(-1)));
      const cpu0 = cpuMs(opPids());
      const start = performance.now();
      await kubectlApply(cluster, [route(r)]);
      // The new version: the one every sidecar gets after `start`.
      await waitFor(
        `all ${sidecars} sidecars on the new version`,
        async () => sims.every((s) => [...s.seen.entries()].some(([v, at]) => at >= start && !before.has(v))),
        { timeoutMs: 120_000, intervalMs: 20 },
      );
      const lat = sims.map((s) => {
        const hit = [...s.seen.entries()].find(([v, at]) => at >= start && !before.has(v));
        return (hit?.[1] ?? Number.NaN) - start;
      });
      const cpu = cpuMs(opPids()) - cpu0;
      const p = percentiles(lat);
      roundResults.push({ allAckedMs: p.max, p50: p.p50, p99: p.p99, cpuMs: round(cpu, 0) });
      log(
        `push round ${r}: apply -> ACK p50 ${p.p50} ms, p99 ${p.p99} ms, all ${p.max} ms; operator CPU ${round(cpu, 0)} ms`,
      );
      await new Promise((res) => setTimeout(res, 1000));
    }
    // The operator's own view: every sidecar ACKed the current version.
    const rows = (await op.sidecars()).sidecars.filter((s) => s.namespace === ns);
    const rssAfter = rssMB(opPids());
    for (const s of sims) s.close();
    const all = percentiles(roundResults.map((r) => r.allAckedMs));
    return {
      sidecars,
      rounds: roundResults,
      applyToAllAckedMs: { p50: all.p50, max: all.max },
      applyToAckMs: {
        p50: percentiles(roundResults.map((r) => r.p50)).p50,
        p99: percentiles(roundResults.map((r) => r.p99)).p50,
      },
      connect: { ms: round(connectMs, 0), operatorCpuMs: round(connectCpuMs, 0) },
      operatorRssMB: { beforeStreams: rssIdle, with1000Streams: rssConnected, afterRounds: rssAfter },
      operatorSeesSynced: rows.filter((s) => s.synced).length,
    };
  } finally {
    await op.stop();
  }
}
