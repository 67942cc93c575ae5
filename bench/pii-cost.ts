// CPU time of the PII detectors alone on new 200 KB texts (bench/lib/texts.ts's kinds): all seven
// types together, then each type by itself, median of --runs. For profiling the PII guard
// (node --cpu-prof bench/pii-cost.ts); bench/prompt-work.ts times it among the other guards.
//
//   node bench/pii-cost.ts [--runs 40] [--kb 200] [--texts prose,PII-dense,trigger-dense]
import { parseArgs } from 'node:util';
import { piiFinder } from '../sidecar/guards/pii.ts';
import { PII_TYPES, type PiiType } from '../sidecar/snapshot/schema.ts';
import { percentiles } from './lib/stats.ts';
import { GUARD_TEXTS } from './lib/texts.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '40' },
    kb: { type: 'string', default: '200' },
    texts: { type: 'string', default: 'prose,PII-dense,trigger-dense' },
  },
});
const runs = Number(values.runs);
const bytes = Number(values.kb) * 1024;

/** CPU ms of finding `types` in a text not seen before, median of runs (after 3 warm-up calls). */
function cpu(types: readonly PiiType[], texts: string[]): number {
  const find = piiFinder(types);
  const out: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const text = texts[i % texts.length]!;
    const c = process.cpuUsage();
    find(text);
    const d = process.cpuUsage(c);
    if (i >= 3) out.push((d.user + d.system) / 1000);
  }
  return percentiles(out).p50;
}

const columns: (readonly PiiType[])[] = [PII_TYPES, ...PII_TYPES.map((t) => [t])];
console.log(`| text | all | ${PII_TYPES.join(' | ')} |\n|${' --- |'.repeat(PII_TYPES.length + 2)}`);
for (const name of values.texts.split(',')) {
  const base = GUARD_TEXTS[name]!(bytes);
  // New texts (a number in front), as a new prompt brings; flat strings, as JSON.parse makes them.
  const texts = Array.from(
    { length: 8 },
    (_, i) => JSON.parse(JSON.stringify(`${i} ${base}`.slice(0, base.length))) as string,
  );
  const row = columns.map((types) => cpu(types, texts).toFixed(2));
  console.log(`| ${name} ${values.kb} KB | ${row.join(' | ')} |`);
}
