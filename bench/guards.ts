// Guard quality and cost on the project's own corpora (node bench/guards.ts): prompt-injection
// recall and false positives, PII recall (found whole) and false positives, and the time the full
// local guard set takes on a 200 KB prompt. Writes bench/results/guards.json; the numbers are
// quoted in bench/analysis.md. Independent, larger corpora judge the goals; these are ours.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGuards } from '../sidecar/guards/index.ts';
import { detectInjection } from '../sidecar/guards/injection.ts';
import { piiFinder } from '../sidecar/guards/pii.ts';
import { PII_TYPES } from '../sidecar/snapshot/schema.ts';
import { ATTACKS, BENIGN, EXTRA_ATTACKS, EXTRA_BENIGN } from '../test/unit/policy/injection-corpus.ts';
import { PII_NEGATIVES, PII_POSITIVES } from '../test/unit/policy/pii-corpus.ts';
import { percentiles } from './lib/stats.ts';

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

// ---- cost ------------------------------------------------------------------------------------
const guards = compileGuards({
  promptInjection: { action: 'block' },
  pii: { types: [...PII_TYPES], request: 'mask', response: 'mask' },
  denyPatterns: ['project\\s+falcon'],
  maxPromptTokens: 1_000_000,
})!;
const words =
  'the quick brown fox jumps over 12 lazy dogs at 10:30 and writes assembly instructions for the system '.split(
    ' ',
  );
let prompt = '';
while (prompt.length < 200_000) prompt += `${words[Math.floor(Math.random() * words.length)]} `;
const samples: number[] = [];
for (let i = 0; i < 25; i++) {
  const body = { messages: [{ role: 'user', content: prompt }] };
  const t = performance.now();
  guards.checkRequest(body, 'chat', () => 0);
  if (i >= 5) samples.push(performance.now() - t);
}
const cost = percentiles(samples);

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
  guardSet200KB: { p50Ms: cost.p50, p99Ms: cost.p99 },
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
console.log(
  `| full local guard set, 200 KB prompt | p50 ${cost.p50.toFixed(1)} ms, p99 ${cost.p99.toFixed(1)} ms |`,
);
