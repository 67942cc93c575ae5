// What the full policy's guards cost on one small call (the chat-small workload: its prompt, the
// `user` field and the bench upstream's 16-word reply), warm and cold. Warm, in a loop, they take
// ~10 us; in the sidecar the same call costs several times that, because everything else a request
// runs (HTTP, JSON, tracing, the other steps) has pushed their code and tables out of the CPU caches
// by the time the next prompt comes. Cold here: --evict MB of memory written before each call;
// the default 64 empties this box's 32 MB L3 as well (an upper bound; 4, past the L2 only, barely
// changes the warm figures). Microseconds per call (wall time, median of --runs, one at a time).
//
//   node bench/small-guards.ts [--runs 400] [--evict 64] [--root <older tree>]
// --root: the guards of another checkout (e.g. `git archive <commit> | tar -x -C /tmp/old`, with a
// node_modules symlink), for a before/after of a change on the small path.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Prompt } from '../sidecar/guards/guard.ts';
import type { compileGuards as CompileGuards } from '../sidecar/guards/index.ts';
import { replyText } from '../test/support/upstream/text.ts';
import { benchSnapshot } from './lib/arms.ts';
import { percentiles } from './lib/stats.ts';
import { WORKLOADS } from './lib/workloads.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '400' },
    evict: { type: 'string', default: '64' },
    root: { type: 'string', default: join(import.meta.dirname, '..') },
  },
});
const runs = Number(values.runs);
const { compileGuards } = (await import(join(values.root, 'sidecar/guards/index.ts'))) as {
  compileGuards: typeof CompileGuards;
};
const set = compileGuards(benchSnapshot('http://127.0.0.1:1', true).routes[0].rules[0].guards)!;

const [head, tail] = WORKLOADS['chat-small'].parts('gpt-4o-mini');
const body = JSON.parse(`${head}lq3x9a1-123456${tail}`) as {
  messages: { content: string }[];
  user: string;
};
const promptText = body.messages[0].content;
const prompt: Prompt = {
  texts: [
    { role: 'user', text: promptText },
    { role: 'user_field', text: body.user },
  ],
  tokens: () => 12,
  tokensAtMost: () => 12,
};
const reply = replyText(promptText, 16);

const calls: [string, () => unknown][] = [];
for (const g of set.guards) {
  if (g.request) calls.push([`${g.name} request`, () => g.request!(prompt)]);
  if (g.response) calls.push([`${g.name} response`, () => g.response!.find(reply)]);
}

// One write per 64-byte line.
const junk = new Int32Array((Number(values.evict) << 20) / 4);
const evict = () => {
  for (let i = 0; i < junk.length; i += 16) junk[i]!++;
};

function micros(fn: () => unknown, before: () => void): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  return percentiles(out).p50;
}

// Optimised code first, as in a sidecar that has served a while.
for (let i = 0; i < 5000; i++) for (const [, fn] of calls) fn();

console.log(
  `guards of ${values.root}, chat-small (${promptText.length}-character prompt, ${reply.length}-character reply)`,
);
console.log(`| call | warm µs | cold µs (${values.evict} MB written before) |\n| --- | ---: | ---: |`);
let warm = 0;
let cold = 0;
for (const [name, fn] of calls) {
  const w = micros(fn, () => {});
  const c = micros(fn, evict);
  warm += w;
  cold += c;
  console.log(`| ${name} | ${w.toFixed(1)} | ${c.toFixed(1)} |`);
}
console.log(`| all | ${warm.toFixed(1)} | ${cold.toFixed(1)} |`);
