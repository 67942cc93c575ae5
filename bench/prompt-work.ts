// Where the CPU of one big prompt's work goes (node bench/prompt-work.ts): the pieces a worker runs
// for a large request body (offload/prompt-work.ts) timed one by one, in process: UTF-8 decode,
// JSON.parse, the prompt token count, each guard of the bench's full policy (bench/lib/arms.ts
// benchSnapshot), then the whole job in process (on a text not seen before, and on one seen:
// long texts' counts and guard results are kept) and through the worker pool (seen text, wall
// time: the hop's cost is the difference). Texts: the chat-200k / chat-8k workloads' prose
// (bench/lib/workloads.ts) and bench/guards.ts's three kinds at 200 KB. CPU time per piece, median of --runs.
//
//   node bench/prompt-work.ts [--runs 40] [--texts chat-200k,chat-8k,prose,trigger-dense,PII-dense]
import { parseArgs } from 'node:util';
import type { Prompt } from '../sidecar/guards/guard.ts';
import { compileGuards } from '../sidecar/guards/index.ts';
import { promptOffload } from '../sidecar/offload/index.ts';
import { type PromptJob, promptWork } from '../sidecar/offload/prompt-work.ts';
import { countTokens, promptTokens, promptTokensAtMost, warmTokenizer } from '../sidecar/tokens.ts';
import { benchSnapshot } from './lib/arms.ts';
import { percentiles } from './lib/stats.ts';
import { GUARD_TEXTS } from './lib/texts.ts';
import { WORKLOADS } from './lib/workloads.ts';

type Json = Record<string, any>;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '40' },
    texts: { type: 'string', default: 'chat-200k,chat-8k,prose,trigger-dense,PII-dense' },
  },
});
const runs = Number(values.runs);

const config = benchSnapshot('http://127.0.0.1:1', true).routes[0].rules[0].guards!;
const set = compileGuards(config)!;

/** The request body of a text; variant n > 0 starts its text with "n " (a text not seen before). */
function rawOf(name: string, n = 0): Uint8Array {
  const pre = n > 0 ? `${n} ` : '';
  if (name === 'chat-200k' || name === 'chat-8k') {
    const [head, tail] = WORKLOADS[name].parts('gpt-4o-mini');
    return new Uint8Array(Buffer.from(`${head.replace('"content":"', `"content":"${pre}`)}1${tail}`));
  }
  const content = pre + GUARD_TEXTS[name](200 * 1024);
  return new Uint8Array(
    Buffer.from(JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }] })),
  );
}

/** CPU ms of fn, median of runs (after 3 warm-up calls). */
function cpu(fn: () => unknown): number {
  const out: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    if (i >= 3) out.push((d.user + d.system) / 1000);
  }
  return percentiles(out).p50;
}

warmTokenizer();
const offload = promptOffload({ threshold: 0, workers: 1, queue: 4 });
const rows: string[][] = [];
let seen = 0;
for (const name of values.texts.split(',')) {
  const raw = rawOf(name);
  const text = Buffer.from(raw).toString('utf8');
  const body = JSON.parse(text) as Json;
  const job: PromptJob = {
    raw,
    dialect: 'openai',
    operation: 'chat',
    guards: config,
    tokens: true,
    addedTokens: 0,
    digest: false,
  };
  const tokens = promptTokens(body, 'chat');
  // Every run checks a text not seen before (token counts and guard results of the last few long
  // texts are kept: a prompt's history comes again every turn), in a fresh prompt (masks rewrite it).
  const fresh = Array.from({ length: runs + 3 }, () => rawOf(name, ++seen));
  const freshText = fresh.map(
    (r) => JSON.parse(Buffer.from(r).toString('utf8')).messages[0].content as string,
  );
  let k = 0;
  const next = () => freshText[k++ % freshText.length]!;
  const prompt = (): Prompt => ({
    texts: [{ role: 'user', text: next() }],
    tokens: () => tokens,
    tokensAtMost: () => promptTokensAtMost(body, 'chat'),
  });
  const row: Record<string, number> = {
    decode: cpu(() => Buffer.from(raw).toString('utf8')),
    'JSON.parse': cpu(() => JSON.parse(text)),
    tokens: cpu(() => countTokens(next())),
  };
  for (const g of set.guards) if (g.request) row[g.name] = cpu(() => g.request!(prompt()));
  k = 0;
  row.job = cpu(() => promptWork({ ...job, raw: fresh[k++ % fresh.length]! }));
  row['job, seen text'] = cpu(() => promptWork(job));
  // Through the pool: wall time (the worker's CPU is not this thread's), median of runs.
  const wall: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t = performance.now();
    await offload.run(job);
    if (i >= 3) wall.push(performance.now() - t);
  }
  row['job via worker (wall)'] = percentiles(wall).p50;
  if (rows.length === 0) rows.push(['text', 'KB', ...Object.keys(row)]);
  rows.push([name, (raw.length / 1024).toFixed(0), ...Object.values(row).map((v) => v.toFixed(2))]);
}
await offload.close();
console.log(`| ${rows[0].join(' | ')} |\n|${rows[0].map(() => ' --- ').join('|')}|`);
for (const r of rows.slice(1)) console.log(`| ${r.join(' | ')} |`);
