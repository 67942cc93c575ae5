// The PII guard on values an outside generator makes (node bench/pii-faker.ts [--n 60] [--misses]
// [--json out.json]): @faker-js/faker with a fixed seed, per locale x type, each value in every
// context of test/unit/policy/pii-faker.ts, found by the guard as the sidecar finds it on a
// request (piiFinder over all types). Prints found-whole, leaks (part of a value left visible),
// misses (none of it masked) and precision over look-alikes and the text around the values.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { piiFinder } from '../sidecar/guards/pii.ts';
import { PII_TYPES } from '../sidecar/snapshot/schema.ts';
import {
  CONTEXTS,
  FAKER_LOCALES,
  type FakerValue,
  globalValues,
  localeValues,
  negatives,
  outcome,
  place,
} from '../test/unit/policy/pii-faker.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '60' },
    misses: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const n = Number(args.n);
const find = piiFinder(PII_TYPES);

interface Row {
  total: number;
  whole: number;
  partial: number;
  missed: number;
  other: number;
  misses: string[];
  missedValues: Set<string>;
}

const rows = new Map<string, Row>();
let spans = 0;
let falseSpans = 0;
const falseHits: string[] = [];

const values: FakerValue[] = [
  ...Object.keys(FAKER_LOCALES).flatMap((l) => localeValues(l, n)),
  ...globalValues(n),
];
for (const v of values) {
  const key = `${v.locale}\t${v.type}`;
  let row = rows.get(key);
  if (!row) {
    row = { total: 0, whole: 0, partial: 0, missed: 0, other: 0, misses: [], missedValues: new Set() };
    rows.set(key, row);
  }
  for (const context of CONTEXTS) {
    const { text, start, end } = place(v.value, context);
    const found = find(text);
    const o = outcome(text, found, v.kind, start, end);
    row.total++;
    row[o]++;
    if (o !== 'whole' && !row.missedValues.has(v.value)) {
      row.missedValues.add(v.value);
      row.misses.push(`${o}: ${JSON.stringify(text)} -> ${show(text, found)}`);
    }
    for (const s of found) {
      spans++;
      if (s.end <= start || s.start >= end) {
        falseSpans++;
        falseHits.push(`${s.kind} ${JSON.stringify(text.slice(s.start, s.end))} beside ${v.type} ${v.value}`);
      }
    }
  }
}

const negs = negatives(n);
let negTexts = 0;
let negFlagged = 0;
const negByType = new Map<string, number>();
for (const neg of negs)
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

function show(text: string, found: { start: number; end: number; kind: string }[]) {
  return JSON.stringify(found.map((s) => `${s.kind}:${text.slice(s.start, s.end)}`));
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`values: ${values.length} (n=${n} per locale x type), ${CONTEXTS.length} contexts each\n`);
console.log(['locale', 'type', 'texts', 'whole', 'leak', 'missed', 'other'].join('\t'));
let total = 0;
let whole = 0;
let leaks = 0;
let missed = 0;
for (const [key, r] of rows) {
  total += r.total;
  whole += r.whole;
  leaks += r.partial;
  missed += r.missed;
  console.log([key, r.total, pct(r.whole, r.total), r.partial, r.missed, r.other].join('\t'));
}
const precision = spans === 0 ? 1 : 1 - falseSpans / spans;
console.log(
  `\nfound whole ${pct(whole, total)} (${whole}/${total}); leaks ${leaks}; missed ${missed}; ` +
    `precision ${(100 * precision).toFixed(2)}% (${falseSpans} false of ${spans} spans); ` +
    `look-alike texts flagged ${negFlagged}/${negTexts}`,
);
console.log(
  `look-alikes flagged by type (of ${n * CONTEXTS.length} texts each): ${[...negByType].map(([t, c]) => `${t} ${c}`).join(', ') || 'none'}`,
);
if (args.misses) {
  console.log('\nmisses (one text per value, at most 5 per row):');
  for (const [key, r] of rows)
    for (const m of r.misses.slice(0, 5)) console.log(`  ${key.replace('\t', ' ')}: ${m}`);
  console.log('\nfalse spans:');
  for (const h of falseHits.slice(0, 2000)) console.log(`  ${h}`);
}
if (args.json)
  writeFileSync(
    args.json,
    `${JSON.stringify({ n, total, whole, leaks, missed, precision, negFlagged, negTexts, rows: Object.fromEntries([...rows].map(([k, r]) => [k, { ...r, misses: undefined, missedValues: undefined }])) }, null, 1)}\n`,
  );
