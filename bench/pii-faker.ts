// The PII guard on values an outside generator makes (node bench/pii-faker.ts [--n 100] [--misses]
// [--seed 17] [--json out.json] [--finder path/to/pii.ts]): @faker-js/faker with a fixed seed, per locale x
// type, each value in every context of test/unit/policy/pii-faker.ts, found by the guard as the
// sidecar finds it on a request (piiFinder over all types). Prints, per row, found-whole, leaks
// (part of a value left visible), misses (none of it masked) and precision over look-alikes and
// the text around the values. Two figures: "all" takes every value in every context; "judged"
// leaves out phone values no numbering plan has (unrealPhone) and places bare digit runs only
// after a phone label (needsLabel). --finder measures another copy of the guard (a "before").
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Span } from '../sidecar/guards/guard.ts';
import { piiFinder } from '../sidecar/guards/pii.ts';
import { PII_TYPES } from '../sidecar/snapshot/schema.ts';
import {
  CONTEXTS,
  contextsFor,
  FAKER_LOCALES,
  type FakerValue,
  globalValues,
  LABELLED,
  localeValues,
  needsLabel,
  negatives,
  type Outcome,
  outcome,
  place,
  unrealPhone,
} from '../test/unit/policy/pii-faker.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '100' },
    seed: { type: 'string', default: '17' },
    misses: { type: 'boolean', default: false },
    json: { type: 'string' },
    finder: { type: 'string' },
  },
});
const n = Number(args.n);
const seed = Number(args.seed);
const finder: typeof piiFinder = args.finder ? (await import(resolve(args.finder))).piiFinder : piiFinder;
const find: (text: string) => Span[] = finder(PII_TYPES);

interface Tally {
  total: number;
  whole: number;
  partial: number;
  missed: number;
  other: number;
}
const tally = (): Tally => ({ total: 0, whole: 0, partial: 0, missed: 0, other: 0 });
const count = (t: Tally, o: Outcome) => {
  t.total++;
  t[o]++;
};

interface Row {
  all: Tally;
  judged: Tally;
  unreal: number;
  misses: string[];
}

const rows = new Map<string, Row>();
const unrealReasons = new Map<string, number>();
let spans = 0;
let falseSpans = 0;
const falseHits: string[] = [];

const show = (text: string, found: Span[]) =>
  JSON.stringify(found.map((s) => `${s.kind}:${text.slice(s.start, s.end)}`));

/** Finds a value in a context: its outcome, and the false spans beside it counted. */
function measure(v: FakerValue, context: (v: string) => string): { o: Outcome; text: string; found: Span[] } {
  const { text, start, end } = place(v.value, context);
  const found = find(text);
  for (const s of found) {
    spans++;
    if (s.end <= start || s.start >= end) {
      falseSpans++;
      falseHits.push(`${s.kind} ${JSON.stringify(text.slice(s.start, s.end))} beside ${v.type} ${v.value}`);
    }
  }
  return { o: outcome(text, found, v.kind, start, end), text, found };
}

const values: FakerValue[] = [
  ...Object.keys(FAKER_LOCALES).flatMap((l) => localeValues(l, n, seed)),
  ...globalValues(n, seed),
];
for (const v of values) {
  const key = `${v.locale}\t${v.type}`;
  let row = rows.get(key);
  if (!row) {
    row = { all: tally(), judged: tally(), unreal: 0, misses: [] };
    rows.set(key, row);
  }
  const unreal = unrealPhone(v);
  if (unreal) {
    row.unreal++;
    unrealReasons.set(unreal, (unrealReasons.get(unreal) ?? 0) + 1);
  }
  const label = needsLabel(v);
  let missedOnce = false;
  for (const context of contextsFor(v)) {
    const { o, text, found } = measure(v, context);
    count(row.all, o);
    if (!unreal && !label) {
      count(row.judged, o);
      if (o !== 'whole' && !missedOnce) {
        missedOnce = true;
        row.misses.push(`${o}: ${JSON.stringify(text)} -> ${show(text, found)}`);
      }
    }
  }
  if (!unreal && label) {
    const { o, text, found } = measure(v, LABELLED);
    count(row.judged, o);
    if (o !== 'whole') row.misses.push(`${o}: ${JSON.stringify(text)} -> ${show(text, found)}`);
  }
}

const negByType = new Map<string, number>();
let negTexts = 0;
let negFlagged = 0;
for (const neg of negatives(n, seed))
  for (const context of CONTEXTS) {
    const { text } = place(neg.value, context);
    const found = find(text);
    negTexts++;
    spans += found.length;
    falseSpans += found.length;
    if (found.length > 0) {
      negFlagged++;
      negByType.set(neg.type, (negByType.get(neg.type) ?? 0) + 1);
      falseHits.push(`${show(text, found)} in ${JSON.stringify(text)}`);
    }
  }

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
const sum = (pick: (r: Row) => Tally): Tally => {
  const t = tally();
  for (const r of rows.values()) for (const k of Object.keys(t) as (keyof Tally)[]) t[k] += pick(r)[k];
  return t;
};
console.log(`values: ${values.length} (n=${n} per locale x type), ${CONTEXTS.length} contexts each\n`);
console.log(['locale', 'type', 'all: whole', 'leaks', 'missed', 'judged: whole', 'unreal values'].join('\t'));
for (const [key, r] of rows)
  console.log(
    [
      key,
      pct(r.all.whole, r.all.total),
      r.all.partial,
      r.all.missed,
      pct(r.judged.whole, r.judged.total),
      r.unreal,
    ].join('\t'),
  );
const all = sum((r) => r.all);
const judged = sum((r) => r.judged);
const precision = spans === 0 ? 1 : 1 - falseSpans / spans;
console.log(
  `\nall: found whole ${pct(all.whole, all.total)} (${all.whole}/${all.total}); leaks ${all.partial}; missed ${all.missed}`,
);
console.log(
  `judged: found whole ${pct(judged.whole, judged.total)} (${judged.whole}/${judged.total}); leaks ${judged.partial}; missed ${judged.missed}`,
);
console.log(
  `precision ${(100 * precision).toFixed(2)}% (${falseSpans} false of ${spans} spans); look-alike texts flagged ${negFlagged}/${negTexts}: ${[...negByType].map(([t, c]) => `${t} ${c}`).join(', ') || 'none'}`,
);
console.log(
  `unreal phone values left out of "judged": ${[...unrealReasons].map(([r, c]) => `${c} ${r}`).join('; ')}`,
);
if (args.misses) {
  console.log('\njudged misses (one text per value, at most 5 per row):');
  for (const [key, r] of rows)
    for (const m of r.misses.slice(0, 5)) console.log(`  ${key.replace('\t', ' ')}: ${m}`);
  console.log('\nfalse spans:');
  for (const h of falseHits.slice(0, 300)) console.log(`  ${h}`);
}
if (args.json)
  writeFileSync(
    args.json,
    `${JSON.stringify(
      {
        n,
        all,
        judged,
        precision,
        negFlagged,
        negTexts,
        rows: Object.fromEntries(
          [...rows].map(([k, r]) => [k.replace('\t', ' '), { ...r, misses: undefined }]),
        ),
      },
      null,
      1,
    )}\n`,
  );
