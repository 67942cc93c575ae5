// `make bench`, second part: big request bodies. Two measurements of the sidecar bundle (as in
// the images, pinned like the other arms when there are two cores):
// 1. small-call latency while another client sends 10 MB prompts through the full guard set:
//    small chat calls one after another (c=1) alone, then with the big client running; the goal
//    is a p99 within 2x of the p99 alone (guard and token work on big bodies runs on worker
//    threads, see sidecar/offload);
// 2. resident memory for one 1 / 10 / 30 MB body, policy off and full policy: each on a fresh
//    sidecar, idle RSS before, peak RSS (VmHWM) over the call;
// 3. the latency the full local guard set adds to a 200 KB chat (one sentence repeated, varied
//    prose, and prose dense with PII to mask; the same text each call and a new one): the same requests, alternating, to a sidecar without policy and to one with only
//    the guard set (no quota, cache or retries), end to end through the real process (body read,
//    parse, the worker pool above the offload threshold, the masked body forwarded).
//
//   node bench/big-prompts.ts [--quick] [--added-only] [--report bench/RESULTS.md] [--results-dir bench/results]
//
// Writes results-dir/big-prompts[-quick].json and replaces (or appends) the "Big request bodies"
// section of the report.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seal } from '../sidecar/snapshot/index.ts';
import { freePorts, startProcess, tempDir, waitFor } from '../test/support/procs.ts';
import { benchSnapshot, buildSidecarBundle, ROOT, startBenchUpstream } from './lib/arms.ts';
import { percentiles, round } from './lib/stats.ts';
import { GUARD_TEXTS } from './lib/texts.ts';

const MB = 1 << 20;
const log = (msg: string) => process.stderr.write(`[big-prompts] ${msg}\n`);

interface Sidecar {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

function memory(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMB: round(kb('VmRSS') / 1024, 1), peakMB: round(kb('VmHWM') / 1024, 1) };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function post(origin: string, body: Buffer): Promise<{ status: number; ms: number }> {
  const u = new URL('/v1/chat/completions', origin);
  const start = performance.now();
  return new Promise((resolvePost) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolvePost({ status: res.statusCode ?? 0, ms: performance.now() - start }));
      },
    );
    req.once('error', () => resolvePost({ status: 0, ms: performance.now() - start }));
    req.end(body);
  });
}

const WORDS =
  'the quick brown fox jumps over a lazy dog while seven wizards quietly brew strong coffee for every ' +
  'sleepy traveller who walks along the river at dawn and sings about mountains forests and oceans ';

/** A chat body of about `bytes` (plain prose: nothing for the guards to mask or block). */
function chat(bytes: number, user: string, lead = ''): Buffer {
  const content = (lead + WORDS.repeat(Math.ceil(bytes / WORDS.length))).slice(0, bytes);
  return Buffer.from(JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }], user }));
}

const VARIED = GUARD_TEXTS.prose(256 * 1024);
function variedChat(bytes: number, user: string): Buffer {
  const content = `${user} ${VARIED}`.slice(0, bytes);
  return Buffer.from(JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }], user }));
}

/** The full local guard set (as bench/guards.ts measures it in-process). */
const GUARD_SET = {
  promptInjection: { action: 'block' as const },
  pii: {
    types: ['email', 'phone', 'credit-card', 'iban', 'ssn', 'ip-address', 'secret'] as const,
    request: 'mask' as const,
    response: 'mask' as const,
  },
  denyPatterns: ['\\bforbidden topic\\b'],
  maxPromptTokens: 1e9,
};

/** A chat body of about `bytes` of prose with a phone number, e-mail or key every ~120 characters. */
function piiChat(bytes: number, user: string, lead = ''): Buffer {
  const values = [
    '+44 20 7946 0958',
    'jane.doe@example.com',
    '(415) 555-0132',
    'sk-proj-abc123DEF456ghi789JKL0',
    '123-45-6789',
  ];
  let content = lead;
  for (let i = 0; content.length < bytes; i++)
    content += `${WORDS.slice(0, 100)} Contact: ${values[i % values.length]}. `;
  content = content.slice(0, bytes);
  return Buffer.from(JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }], user }));
}

async function startSidecar(
  entry: string,
  upstreamUrl: string,
  full: boolean | 'guards',
  dir: string,
  cpu: string | undefined,
  extraArgs: string[] = [],
): Promise<Sidecar> {
  const snapshot = benchSnapshot(upstreamUrl, full === true);
  if (full === 'guards') snapshot.routes[0].rules[0].guards = structuredClone(GUARD_SET) as never;
  // The bench route refuses prompts over 100k tokens; here the big prompts must pass every guard.
  // and reach the upstream, so no limit on their size either (the model's context window).
  for (const rule of snapshot.routes[0].rules) if (rule.guards) rule.guards.maxPromptTokens = 1e9;
  for (const model of snapshot.providers[0].models) model.contextWindow = undefined;
  const arm = full === 'guards' ? 'guards' : full ? 'full' : 'off';
  const file = join(dir, `${arm}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(seal(snapshot)));
  const [port, adminPort] = await freePorts(2);
  const args = [
    entry,
    '--snapshot',
    file,
    '--port',
    String(port),
    '--admin-port',
    String(adminPort),
    ...extraArgs,
  ];
  const [bin, argv] = cpu ? ['taskset', ['-c', cpu, process.execPath, ...args]] : [process.execPath, args];
  const proc = startProcess(`aimesh-${arm}`, bin, argv, {
    logDir: dir,
    env: {
      AIMESH_ADMIN_HOST: '127.0.0.1',
      AIMESH_LOG_LEVEL: 'warn',
      NODE_OPTIONS: '--max-semi-space-size=2',
      OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: undefined,
    },
  });
  await waitFor(
    'sidecar ready',
    async () => {
      if (!proc.running()) throw new Error(`sidecar exited:\n${proc.tail(20)}`);
      try {
        return (await fetch(`http://127.0.0.1:${adminPort}/readyz`)).ok;
      } catch {
        return false;
      }
    },
    { timeoutMs: 30_000, intervalMs: 100, onTimeout: () => proc.tail(20) },
  );
  // The measured process is node itself (taskset execs it: same pid).
  return { origin: `http://127.0.0.1:${port}`, pid: proc.pid, stop: () => proc.stop() };
}

/** Small calls one after another for `ms`; their latencies. */
async function smallCalls(
  origin: string,
  ms: number,
  tag: string,
): Promise<{ lat: number[]; errors: number }> {
  const lat: number[] = [];
  let errors = 0;
  const until = performance.now() + ms;
  for (let i = 0; performance.now() < until; i++) {
    const r = await post(origin, chat(60, `${tag}-${i}`));
    if (r.status === 200) lat.push(r.ms);
    else errors++;
  }
  return { lat, errors };
}

export interface BigPromptResults {
  date: string;
  quick: boolean;
  git?: string;
  machine: { cpus: number; loadavg: number[] };
  small: {
    alone: { n: number; p50: number; p99: number; errors: number };
    withBig: { n: number; p50: number; p99: number; errors: number };
    /** p99 with the big client / p99 alone (goal <= 2). */
    ratio: number;
    bigCalls: number;
    bigStatuses: Record<string, number>;
    bigMs: { p50: number; max: number };
  };
  rss: {
    arm: 'policy off' | 'full policy';
    bodyMB: number;
    idleMB: number;
    peakMB: number;
    status: number;
  }[];
  added?: AddedLatency[];
}

export interface AddedLatency {
  text:
    | 'prose'
    | 'PII-dense'
    | 'prose, new each call'
    | 'PII-dense, new each call'
    | 'varied prose, new each call';
  kb: number;
  n: number;
  /** p50 / p99 ms without policy, with the guard set (on the worker pool, and on the event loop). */
  off: { p50: number; p99: number };
  guards: { p50: number; p99: number };
  guardsOnLoop: { p50: number; p99: number };
  /** guards p50 - off p50. */
  addedP50: number;
  addedP50OnLoop: number;
  statuses: Record<string, number>;
}

/**
 * 200 KB chats, round robin over a sidecar without policy, one with the guard set (a 200 KB body
 * is over the offload threshold: its guard work runs on the worker pool) and one with the guard
 * set on the event loop (threshold raised).
 */
async function addedLatency(
  entry: string,
  upstreamUrl: string,
  dir: string,
  cpu: string | undefined,
  n: number,
): Promise<AddedLatency[]> {
  const arms = {
    off: await startSidecar(entry, upstreamUrl, false, dir, cpu),
    guards: await startSidecar(entry, upstreamUrl, 'guards', dir, cpu),
    guardsOnLoop: await startSidecar(entry, upstreamUrl, 'guards', dir, cpu, ['--offload-threshold', '1gb']),
  };
  try {
    const out: AddedLatency[] = [];
    // The same text every call (a conversation's history, sent again each turn: results of long
    // texts are kept, sidecar/text-memo.ts), and a text never seen before on every call.
    const fresh = (make: typeof chat) => (bytes: number, user: string) => make(bytes, user, `${user} `);
    for (const [text, make] of [
      ['prose', chat],
      ['PII-dense', piiChat],
      ['prose, new each call', fresh(chat)],
      ['PII-dense, new each call', fresh(piiChat)],
      // ~300 distinct words in random sentences (bench/lib/texts.ts): not one sentence repeated.
      ['varied prose, new each call', (bytes: number, user: string) => variedChat(bytes, user)],
    ] as const) {
      const kb = 200;
      const lat = { off: [] as number[], guards: [] as number[], guardsOnLoop: [] as number[] };
      const statuses: Record<string, number> = {};
      for (let i = 0; i < n + 10; i++)
        for (const name of ['off', 'guards', 'guardsOnLoop'] as const) {
          const r = await post(arms[name].origin, make(kb * 1024, `${text}-${i}`));
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          if (i >= 10) lat[name].push(r.ms); // the first ten warm the JIT and start the worker pool
        }
      const p = (a: number[]) => {
        const q = percentiles(a);
        return { p50: q.p50, p99: q.p99 };
      };
      const a: AddedLatency = {
        text,
        kb,
        n,
        off: p(lat.off),
        guards: p(lat.guards),
        guardsOnLoop: p(lat.guardsOnLoop),
        addedP50: 0,
        addedP50OnLoop: 0,
        statuses,
      };
      a.addedP50 = round(a.guards.p50 - a.off.p50, 2);
      a.addedP50OnLoop = round(a.guardsOnLoop.p50 - a.off.p50, 2);
      out.push(a);
      log(
        `${text} ${kb} KB: off p50 ${a.off.p50} ms, +${a.addedP50} ms (worker pool), +${a.addedP50OnLoop} ms (event loop)`,
      );
    }
    return out;
  } finally {
    for (const s of Object.values(arms)) await s.stop();
  }
}

function section(r: BigPromptResults): string {
  const s = r.small;
  const lines = [
    '## Big request bodies',
    '',
    `${r.date}${r.quick ? ' (quick)' : ''}, ${r.machine.cpus} CPUs, load ${r.machine.loadavg.join(' / ')}; \`node bench/big-prompts.ts\`.`,
    '',
    'Small chat calls (c=1) alone, then while another client sends 10 MB prompts through the full guard set',
    '(injection, PII, deny patterns, maxPromptTokens, token quota) one after another:',
    '',
    '| small calls | n | p50 ms | p99 ms | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| alone | ${s.alone.n} | ${s.alone.p50} | ${s.alone.p99} | ${s.alone.errors} |`,
    `| with 10 MB prompts | ${s.withBig.n} | ${s.withBig.p50} | ${s.withBig.p99} | ${s.withBig.errors} |`,
    '',
    `p99 ratio ${s.ratio}x (goal <= 2x: ${s.ratio <= 2 ? 'met' : 'not met'}); ${s.bigCalls} big calls (${Object.entries(
      s.bigStatuses,
    )
      .map(([k, v]) => `${v} x ${k}`)
      .join(', ')}), each ${s.bigMs.p50} ms p50, ${s.bigMs.max} ms max.`,
    '',
    'Sidecar resident memory for one body (fresh process each; peak = VmHWM over the call):',
    '',
    '| policy | body MB | idle RSS MB | peak RSS MB | peak - idle | status |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.rss.map(
      (m) =>
        `| ${m.arm} | ${m.bodyMB} | ${m.idleMB} | ${m.peakMB} | ${round(m.peakMB - m.idleMB, 1)} | ${m.status} |`,
    ),
    '',
    ...addedLines(r.added ?? []),
  ];
  return lines.join('\n');
}

function addedLines(added: AddedLatency[]): string[] {
  if (added.length === 0) return [];
  const pp = (x: { p50: number; p99: number }) => `${round(x.p50, 1)} / ${round(x.p99, 1)}`;
  return [
    'Latency the full local guard set adds to a 200 KB chat, end to end (requests round robin over a',
    'sidecar without policy and two with only the guard set: its work on the worker pool, as a 200 KB',
    'body is by default, and on the event loop):',
    '',
    '| text | n | off p50 / p99 ms | guards, worker pool | guards, event loop | added p50 ms (pool / loop) | statuses |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...added.map(
      (a) =>
        `| ${a.text} ${a.kb} KB | ${a.n} | ${pp(a.off)} | ${pp(a.guards)} | ${pp(a.guardsOnLoop)} | ${a.addedP50} / ${a.addedP50OnLoop} | ${Object.entries(
          a.statuses,
        )
          .map(([k, v]) => `${v} x ${k}`)
          .join(', ')} |`,
    ),
    '',
  ];
}

function writeSection(report: string, text: string): void {
  const begin = '<!-- big-prompts:begin -->';
  const end = '<!-- big-prompts:end -->';
  const block = `${begin}\n${text}\n${end}`;
  const current = existsSync(report) ? readFileSync(report, 'utf8') : '';
  const a = current.indexOf(begin);
  const b = current.indexOf(end);
  const next =
    a >= 0 && b > a
      ? current.slice(0, a) + block + current.slice(b + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(report, next);
}

export async function runBigPrompts(argv: string[]): Promise<BigPromptResults> {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: {
      quick: { type: 'boolean', default: false },
      report: { type: 'string', default: join(ROOT, 'bench/RESULTS.md') },
      'results-dir': { type: 'string', default: join(ROOT, 'bench/results') },
      sidecar: { type: 'string', default: 'bundle' },
      'report-only': { type: 'string' },
      'added-only': { type: 'boolean', default: false },
    },
  });
  if (values['report-only']) {
    const file = join(String(values['results-dir']), 'big-prompts.json');
    const results = JSON.parse(readFileSync(file, 'utf8')) as BigPromptResults;
    writeSection(resolve(String(values.report)), section(results));
    return results;
  }
  const quick = values.quick === true;
  const phaseMs = quick ? 8_000 : 30_000;
  const sizes = [1, 10, 30];
  const cpu = os.cpus().length >= 2 ? '1' : undefined;
  const dir = tempDir('aimesh-big-prompts');
  const entry = values.sidecar === 'source' ? join(ROOT, 'sidecar/main.ts') : buildSidecarBundle();
  const { proc: upstream, url: upstreamUrl } = await startBenchUpstream(dir.path);
  try {
    if (values['added-only']) {
      const added = await addedLatency(entry, upstreamUrl, dir.path, cpu, quick ? 30 : 100);
      mkdirSync(resolve(String(values['results-dir'])), { recursive: true });
      const file = join(resolve(String(values['results-dir'])), 'big-prompts-added.json');
      const result = { date: new Date().toISOString(), loadavg: os.loadavg().map((v) => round(v, 2)), added };
      writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      process.stdout.write(`${addedLines(added).join('\n')}\nload average ${result.loadavg.join(' ')}\n`);
      return { added } as BigPromptResults;
    }

    // 1. small calls alone, then next to a client sending 10 MB prompts.
    const sc = await startSidecar(entry, upstreamUrl, true, dir.path, cpu);
    let small: BigPromptResults['small'];
    try {
      await smallCalls(sc.origin, 1000, 'warm'); // JIT, pools
      await post(sc.origin, chat(10 * MB, 'warm-big')); // the worker pool starts on first use
      log('small calls alone');
      const alone = await smallCalls(sc.origin, phaseMs, 'alone');
      log('small calls with 10 MB prompts');
      let stop = false;
      const bigMs: number[] = [];
      const statuses: Record<string, number> = {};
      const bigClient = (async () => {
        for (let i = 0; !stop; i++) {
          const r = await post(sc.origin, chat(10 * MB, `big-${i}`));
          bigMs.push(r.ms);
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        }
      })();
      await new Promise((r) => setTimeout(r, 200)); // the first big body is on its way
      const withBig = await smallCalls(sc.origin, phaseMs, 'with');
      stop = true;
      await bigClient;
      const pa = percentiles(alone.lat);
      const pb = percentiles(withBig.lat);
      small = {
        alone: { n: alone.lat.length, p50: pa.p50, p99: pa.p99, errors: alone.errors },
        withBig: { n: withBig.lat.length, p50: pb.p50, p99: pb.p99, errors: withBig.errors },
        ratio: round(pb.p99 / pa.p99, 2),
        bigCalls: bigMs.length,
        bigStatuses: statuses,
        bigMs: { p50: percentiles(bigMs).p50, max: round(Math.max(...bigMs), 1) },
      };
      log(`p99 alone ${pa.p99} ms, with 10 MB prompts ${pb.p99} ms (${small.ratio}x)`);
    } finally {
      await sc.stop();
    }

    // 2. RSS per body size, fresh sidecar each.
    const rss: BigPromptResults['rss'] = [];
    for (const full of [false, true])
      for (const mb of sizes) {
        const s = await startSidecar(entry, upstreamUrl, full, dir.path, cpu);
        try {
          await smallCalls(s.origin, 300, 'warm');
          await new Promise((r) => setTimeout(r, 300));
          const idle = memory(s.pid);
          // One MB short of the size: 30 MB must stay under the default 32 MB body limit with JSON framing.
          const r = await post(s.origin, chat(mb * MB - 1024, `rss-${mb}`));
          const after = memory(s.pid);
          rss.push({
            arm: full ? 'full policy' : 'policy off',
            bodyMB: mb,
            idleMB: idle.rssMB,
            peakMB: after.peakMB,
            status: r.status,
          });
          log(
            `${full ? 'full' : 'off'} ${mb} MB: idle ${idle.rssMB} MB, peak ${after.peakMB} MB (${r.status})`,
          );
        } finally {
          await s.stop();
        }
      }

    // 3. what the guard set adds to a 200 KB chat.
    const added = await addedLatency(entry, upstreamUrl, dir.path, cpu, quick ? 30 : 100);

    let git: string | undefined;
    try {
      git = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    } catch {}
    const results: BigPromptResults = {
      date: new Date().toISOString(),
      quick,
      git,
      machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((v) => round(v, 2)) },
      small,
      rss,
      added,
    };
    const resultsDir = resolve(String(values['results-dir']));
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
      join(resultsDir, `big-prompts${quick ? '-quick' : ''}.json`),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    writeSection(resolve(String(values.report)), section(results));
    return results;
  } finally {
    agent.destroy();
    await upstream.stop();
    dir.remove();
  }
}

if (import.meta.main) {
  runBigPrompts(process.argv.slice(2)).then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`big-prompts failed: ${(err as Error).stack ?? err}\n`);
      process.exit(1);
    },
  );
}
