// Guard quality and cost on the project's own corpora (node bench/guards.ts): prompt-injection
// recall and false positives, PII recall (found whole) and false positives, the time the full
// local guard set takes on 20 KB and 200 KB prompts of three kinds, and the latency of small calls
// while 200 KB prompts are checked (on the event loop, and on the worker pool). Writes bench/results/guards.json; the numbers are
// quoted in bench/analysis.md. Independent, larger corpora judge the goals; these are ours, and the
// blind corpora (written before reading the guards) are reported apart: `--misses` lists their misses.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { compileGuards } from '../sidecar/guards/index.ts';
import { detectInjection } from '../sidecar/guards/injection.ts';
import { piiFinder } from '../sidecar/guards/pii.ts';
import { promptOffload } from '../sidecar/offload/index.ts';
import { PII_TYPES } from '../sidecar/snapshot/schema.ts';
import * as tokens from '../sidecar/tokens.ts';
import { measureInjection, measurePii } from '../test/unit/policy/guard-blind.ts';
import { ATTACKS, BENIGN, EXTRA_ATTACKS, EXTRA_BENIGN } from '../test/unit/policy/injection-corpus.ts';
import { BLIND_BENIGN } from '../test/unit/policy/injection-corpus-blind.ts';
import { PII_NEGATIVES, PII_POSITIVES } from '../test/unit/policy/pii-corpus.ts';
import {
  EIGHTH_WAVE_NEGATIVES,
  EIGHTH_WAVE_POSITIVES,
  NINTH_WAVE_NEGATIVES,
  NINTH_WAVE_POSITIVES,
  SEVENTH_WAVE_NEGATIVES,
  SEVENTH_WAVE_POSITIVES,
  SIXTH_WAVE_NEGATIVES,
  SIXTH_WAVE_POSITIVES,
  TENTH_WAVE_NEGATIVES,
  TENTH_WAVE_POSITIVES,
} from '../test/unit/policy/pii-corpus-blind.ts';
import { percentiles } from './lib/stats.ts';
import { GUARD_TEXTS } from './lib/texts.ts';

type Json = Record<string, any>;

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

// ---- injection -------------------------------------------------------------------------------
const attacks: [string, string][] = [...ATTACKS.map((t): [string, string] => ['en', t]), ...EXTRA_ATTACKS];
const byCategory = new Map<string, { caught: number; total: number }>();
for (const [category, text] of attacks) {
  const key = ['en'].includes(category)
    ? 'English'
    : category.startsWith('letter')
      ? 'letter-spaced'
      : category;
  const c = byCategory.get(key) ?? { caught: 0, total: 0 };
  c.total++;
  if (detectInjection(text).length > 0) c.caught++;
  byCategory.set(key, c);
}
const caught = [...byCategory.values()].reduce((a, c) => a + c.caught, 0);
const benign = [...BENIGN, ...EXTRA_BENIGN];
const falsePositives = benign.filter((t) => detectInjection(t).length > 0);

// ---- PII -------------------------------------------------------------------------------------
const find = piiFinder(PII_TYPES);
const piiByKind = new Map<string, { found: number; total: number }>();
for (const [kind, value] of PII_POSITIVES) {
  const text = `Reach me at ${value} please.`;
  const hit = find(text).find((s) => s.kind === kind);
  const c = piiByKind.get(kind) ?? { found: 0, total: 0 };
  c.total++;
  if (hit && text.slice(hit.start, hit.end) === value) c.found++;
  piiByKind.set(kind, c);
}
const piiFound = [...piiByKind.values()].reduce((a, c) => a + c.found, 0);
const piiFalse = PII_NEGATIVES.filter((t) => find(t).length > 0);

// ---- the blind corpora (written before reading the guards; see test/unit/policy/guard-blind.ts) --
const blindPii = measurePii(find);
// The latest PII waves alone (written before their fixes; bench/analysis.md has them before and after).
const blindPiiWaves = (
  [
    [6, SIXTH_WAVE_POSITIVES, SIXTH_WAVE_NEGATIVES],
    [7, SEVENTH_WAVE_POSITIVES, SEVENTH_WAVE_NEGATIVES],
    [8, EIGHTH_WAVE_POSITIVES, EIGHTH_WAVE_NEGATIVES],
    [9, NINTH_WAVE_POSITIVES, NINTH_WAVE_NEGATIVES],
    [10, TENTH_WAVE_POSITIVES, TENTH_WAVE_NEGATIVES],
  ] as const
).map(([wave, positives, negatives]) => ({ wave, ...measurePii(find, positives, negatives) }));
/** A blind PII measure with its recall (found whole) and precision. */
function piiRates(m: ReturnType<typeof measurePii>) {
  return { recall: m.found / m.positives, precision: 1 - m.falseSpans / m.spans, ...m };
}
const blindInjection = measureInjection();

// ---- cost ------------------------------------------------------------------------------------
// The full local guard set (maxPromptTokens, a deny pattern, injection block, PII mask of every
// type) on one user message of 20 KB and 200 KB of three kinds of text: ordinary prose, prose
// dense with the words injection phrasings are made of (the benign look-alike corpus, repeated),
// and prose dense with PII (a value every ~120 characters). The guard set runs synchronously on
// whichever thread calls it: on the event loop below the offload threshold, on a worker above.
const guardsConfig = {
  promptInjection: { action: 'block' as const },
  pii: { types: [...PII_TYPES], request: 'mask' as const, response: 'mask' as const },
  denyPatterns: ['project\\s+falcon'],
  maxPromptTokens: 1_000_000,
};
const guards = compileGuards(guardsConfig)!;

const KINDS = GUARD_TEXTS;
/** A body as the sidecar holds it: parsed from the bytes it received (flat strings, no ropes). */
const bodyOf = (content: string) =>
  JSON.parse(JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content }] })) as Json;
/** What the guards step passes: the real token count and, where the build has one, the cheap bound. */
const check = (body: Json) =>
  guards.checkRequest(
    body,
    'chat',
    () => tokens.promptTokens(body, 'chat'),
    tokens.promptTokensAtMost && (() => tokens.promptTokensAtMost(body, 'chat')),
  );
tokens.warmTokenizer();

const cost: Record<string, { p50Ms: number; p99Ms: number; cpuP50Ms: number; runs: number }> = {};
for (const [kind, make] of Object.entries(KINDS))
  for (const kb of [20, 200]) {
    const content = make(kb * 1024);
    const runs = kb === 20 ? 200 : 60;
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      // A new text each run: the kept results of long texts (sidecar/text-memo.ts) would answer a
      // repeated one without scanning it.
      const body = bodyOf(`${i} ${content}`.slice(0, content.length));
      const c = process.cpuUsage();
      const t = performance.now();
      const v = check(body);
      const w = performance.now() - t;
      const d = process.cpuUsage(c);
      if (v.block) throw new Error(`the ${kind} text is blocked (${v.block.kinds}): not a cost measurement`);
      if (i < 5) continue;
      wall.push(w);
      cpu.push((d.user + d.system) / 1000);
    }
    const p = percentiles(wall);
    cost[`${kind} ${kb} KB`] = { p50Ms: p.p50, p99Ms: p.p99, cpuP50Ms: percentiles(cpu).p50, runs };
  }

// ---- the event loop while big prompts are checked ----------------------------------------------
// Small calls (the guard set on a 1 KB prompt, each 2 ms after the last) while 200 KB PII-dense
// prompts are checked back to back: on the event loop itself, and on the sidecar's worker pool
// (offload/, 2 workers). A small call's latency is from when it was due to when its check finished.
const small = KINDS.prose(1024);
const big = KINDS['PII-dense'](200 * 1024);
const bigRaw = new Uint8Array(
  Buffer.from(JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: big }] })),
);
async function smallCalls(background: (stop: () => boolean) => Promise<void>, ms = 3000) {
  const latencies: number[] = [];
  let done = false;
  const bg = background(() => done);
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const due = performance.now() + 2;
    await new Promise((r) => setTimeout(r, 2));
    check(bodyOf(small));
    latencies.push(performance.now() - due);
  }
  done = true;
  await bg;
  const p = percentiles(latencies);
  return { p50Ms: p.p50, p99Ms: p.p99, calls: latencies.length };
}
const offload = promptOffload({ threshold: 32 * 1024, workers: 2, queue: 64 });
await offload.run({
  raw: bigRaw,
  dialect: 'openai',
  operation: 'chat',
  guards: guardsConfig,
  tokens: false,
  addedTokens: 0,
});
const loop = {
  idle: await smallCalls(async () => {}),
  bigOnEventLoop: await smallCalls(async (stop) => {
    while (!stop()) {
      check(bodyOf(big));
      await new Promise((r) => setImmediate(r));
    }
  }),
  bigOnWorkers: await smallCalls(async (stop) => {
    const one = async () => {
      while (!stop())
        await offload.run({
          raw: bigRaw,
          dialect: 'openai',
          operation: 'chat',
          guards: guardsConfig,
          tokens: false,
          addedTokens: 0,
        });
    };
    await Promise.all([one(), one()]);
  }),
};
await offload.close();

const results = {
  date: new Date().toISOString(),
  injection: {
    recall: caught / attacks.length,
    attacks: attacks.length,
    falsePositiveRate: falsePositives.length / benign.length,
    benign: benign.length,
    byCategory: Object.fromEntries(byCategory),
    falsePositives,
  },
  pii: {
    recall: piiFound / PII_POSITIVES.length,
    positives: PII_POSITIVES.length,
    falsePositives: piiFalse,
    negatives: PII_NEGATIVES.length,
    byKind: Object.fromEntries(piiByKind),
  },
  blind: {
    pii: {
      ...piiRates(blindPii),
      ...Object.fromEntries(blindPiiWaves.map(({ wave, ...m }) => [`wave${wave}`, piiRates(m)])),
    },
    injection: {
      recall: blindInjection.caught / blindInjection.attacks,
      falsePositiveRate: blindInjection.flagged / blindInjection.benign,
      ...blindInjection,
    },
  },
  guardSet: cost,
  smallCallsWhileBig: loop,
  loadAverage: loadavg(),
};
writeFileSync(join(import.meta.dirname, 'results/guards.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log('| corpus | result |\n| --- | --- |');
console.log(`| injection attacks (${attacks.length}) | ${pct(caught, attacks.length)} caught |`);
for (const [k, c] of byCategory) console.log(`| - ${k} | ${c.caught}/${c.total} |`);
console.log(
  `| injection look-alikes (${benign.length}) | ${pct(falsePositives.length, benign.length)} flagged |`,
);
console.log(`| PII values (${PII_POSITIVES.length}) | ${pct(piiFound, PII_POSITIVES.length)} found whole |`);
for (const [k, c] of piiByKind) console.log(`| - ${k} | ${c.found}/${c.total} |`);
console.log(
  `| PII look-alikes (${PII_NEGATIVES.length}) | ${pct(piiFalse.length, PII_NEGATIVES.length)} flagged |`,
);
const bp = blindPii;
const bi = blindInjection;
console.log('\n| blind corpus | result |\n| --- | --- |');
console.log(`| PII values (${bp.positives}) | ${pct(bp.found, bp.positives)} found whole |`);
for (const [k, c] of Object.entries(bp.byKind)) console.log(`| - ${k} | ${c.found}/${c.total} |`);
console.log(`| PII precision (${bp.spans} spans) | ${pct(bp.spans - bp.falseSpans, bp.spans)} |`);
console.log(`| PII look-alikes (${bp.negatives}) | ${pct(bp.negativesFlagged, bp.negatives)} flagged |`);
for (const { wave, ...b } of blindPiiWaves) {
  console.log(
    `| - PII wave ${wave}: values (${b.positives}) / look-alikes (${b.negatives}) | ${pct(b.found, b.positives)} found whole, precision ${pct(b.spans - b.falseSpans, b.spans)}, ${pct(b.negativesFlagged, b.negatives)} flagged |`,
  );
  for (const [k, c] of Object.entries(b.byKind)) console.log(`|   - ${k} | ${c.found}/${c.total} |`);
}
console.log(`| injection attacks (${bi.attacks}) | ${pct(bi.caught, bi.attacks)} caught |`);
console.log(
  `| injection split attacks (${bi.splits}) | ${bi.splitCaught} caught, ${bi.splitBypasses.length} bypasses |`,
);
console.log(`| injection look-alikes (${bi.benign}) | ${pct(bi.flagged, bi.benign)} flagged |`);
// The later waves by name (each written before the fixes for it; bench/analysis.md has the
// figures measured before them).
const waves = [...new Set(BLIND_BENIGN.map(([c]) => c).filter((c) => c.startsWith('wave-')))];
for (const w of waves) {
  const a = bi.byCategory[w] ?? { caught: 0, total: 0 };
  const benignOf = BLIND_BENIGN.filter(([c]) => c === w).length;
  const flaggedOf = bi.falsePositives.filter((f) => f.startsWith(`${w}: `)).length;
  console.log(
    `| - ${w}: attacks (${a.total}) / look-alikes (${benignOf}) | ${pct(a.caught, a.total)} caught, ${pct(flaggedOf, benignOf)} flagged |`,
  );
}
if (process.argv.includes('--misses'))
  for (const line of [...bp.missed, ...bp.falseHits, ...bi.missed, ...bi.falsePositives, ...bi.splitBypasses])
    console.log(`  ${line}`);
console.log('\n| full local guard set | p50 | p99 | CPU p50 |\n| --- | --- | --- | --- |');
for (const [k, c] of Object.entries(cost))
  console.log(`| ${k} | ${c.p50Ms.toFixed(2)} ms | ${c.p99Ms.toFixed(2)} ms | ${c.cpuP50Ms.toFixed(2)} ms |`);
console.log('\n| 1 KB calls (every 2 ms) | p50 | p99 |\n| --- | --- | --- |');
for (const [k, c] of Object.entries(loop))
  console.log(`| ${k} | ${c.p50Ms.toFixed(2)} ms | ${c.p99Ms.toFixed(2)} ms |`);
console.log(
  `\nload average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
