// Whether two builds of the injection guard find the same (node bench/injection-equivalence.ts
// <old root> [mixes]): detectInjection of an older tree (e.g. `git archive <commit> | tar -x -C
// /tmp/old`, with a node_modules symlink) and of this one, on every text of every injection corpus
// (test/unit/policy/injection-corpus*.ts; texts are run through both, not printed unless they
// differ) and on generated mixes: corpus sentences and texts concatenated, cut at random points,
// rotated, with leetspeak, Cyrillic look-alikes, upper case and odd spacing; one in ten long (up
// to 400 parts, beyond the 32 KB decoding limit). Exits 1 on any difference.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectInjection } from '../sidecar/guards/injection.ts';
import { rng } from '../test/support/rng.ts';

const [oldRoot, mixesArg] = process.argv.slice(2);
if (!oldRoot) throw new Error('usage: node bench/injection-equivalence.ts <old root> [mixes]');
const MIXES = Number(mixesArg ?? 4000);
const old = (await import(join(oldRoot, 'sidecar/guards/injection.ts'))) as {
  detectInjection: typeof detectInjection;
};

const dir = join(import.meta.dirname, '../test/unit/policy');
const texts: string[] = [];
const collect = (v: unknown) => {
  if (typeof v === 'string') texts.push(v);
  else if (Array.isArray(v)) {
    for (const x of v) collect(x);
    // A split attack ([category, first, second]): also read joined.
    if (v.length === 3 && typeof v[1] === 'string' && typeof v[2] === 'string' && v[1].length > 20)
      texts.push(`${v[1]} ${v[2]}`, v[1] + v[2]);
  }
};
for (const f of readdirSync(dir).filter((f) => /^injection-corpus.*\.ts$/.test(f)))
  for (const v of Object.values(await import(join(dir, f)))) collect(v);
const corpus = [...new Set(texts)];

const diffs: { text: string; old: string[]; now: string[] }[] = [];
const compare = (text: string) => {
  const a = old.detectInjection(text).sort();
  const b = detectInjection(text).sort();
  if (a.join() !== b.join()) diffs.push({ text, old: a, now: b });
};
for (const t of corpus) compare(t);
const corpusDiffs = diffs.length;

const random = rng(19);
const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)]!;
const LEET: Record<string, string> = { o: '0', i: '1', e: '3', a: '4', s: '5', t: '7' };
const LOOK_ALIKE: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', i: 'і', x: 'х', y: 'у' };
const disguise = (t: string) => {
  const r = random();
  if (r < 0.15) return t.replace(/[oieast]/g, (c) => (random() < 0.5 ? LEET[c]! : c));
  if (r < 0.25) return t.replace(/[aeopcixy]/g, (c) => (random() < 0.4 ? LOOK_ALIKE[c]! : c));
  if (r < 0.32) return t.toUpperCase();
  if (r < 0.38) return t.replace(/ /g, () => pick(['  ', ' ', '\n', '\t', ' \u200b', '_', '**']));
  return t;
};
const sentences = corpus.flatMap((t) => t.split(/(?<=[.!?\n])\s+/)).filter((s) => s.length > 3);
for (let k = 0; k < MIXES; k++) {
  const parts: string[] = [];
  const n = 1 + Math.floor(random() * (k % 10 === 0 ? 400 : 8));
  for (let i = 0; i < n; i++) parts.push(disguise(random() < 0.5 ? pick(sentences) : pick(corpus)));
  let t = parts.join(pick([' ', '\n', '\n\n', '. ', ', ', ' "', '" ']));
  if (random() < 0.5) {
    const a = Math.floor(random() * t.length);
    t = t.slice(a, a + Math.floor(random() * (t.length - a + 1)));
  }
  if (random() < 0.2) {
    const a = Math.floor(random() * t.length);
    t = t.slice(a) + t.slice(0, a);
  }
  compare(t);
}
console.log(
  `corpus texts ${corpus.length}: ${corpusDiffs} differ; mixes ${MIXES}: ${diffs.length - corpusDiffs} differ`,
);
for (const d of diffs.slice(0, 20)) console.log(JSON.stringify(d).slice(0, 600));
process.exitCode = diffs.length > 0 ? 1 : 0;
