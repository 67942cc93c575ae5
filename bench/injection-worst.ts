// The injection guard's worst inputs (node bench/injection-worst.ts [top] [KB]): every start word of
// every rule the guard's matcher runs (anchored.ts boundedStartsOf over the rules of ANCHORED),
// repeated with ", ", " ", ". " and "\n", and verb + noun pairs of every language's concept rules,
// to 20 KB, ranked by ANCHORED.find (the rules' part, fast enough for all ~40,000 texts); then the `top` (default 20) timed with detectInjection at `KB`
// (default 200), median of 3 after one warm-up run, with the kinds found.
import { boundedStartsOf } from '../sidecar/guards/anchored.ts';
import { ANCHORED, detectInjection, normalize, PATTERNS, unleet } from '../sidecar/guards/injection.ts';
import { CONCEPT_RULES } from '../sidecar/guards/injection-concepts.ts';
import { CUES } from '../sidecar/guards/injection-cues.ts';
import { LANGUAGES } from '../sidecar/guards/injection-multilingual.ts';
import { phrasePatterns } from '../sidecar/guards/injection-phrases.ts';

const top = Number(process.argv[2] ?? 20);
const size = Number(process.argv[3] ?? 200) * 1024;
const SEPARATORS = [', ', ' ', '. ', '\n'];
const repeated = (unit: string, length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const words = new Set<string>();
for (const r of [...PATTERNS, ...phrasePatterns(normalize), ...CONCEPT_RULES, ...CUES])
  for (const s of boundedStartsOf(r.re.source) ?? []) if (s.word) words.add(s.word);

// And an attack's two words repeated (a verb with a noun of each language's concept rules, either
// order): a rule then matches at its first place, and a rule that needs a third word is tried at all.
const units = new Set<string>();
for (const w of words) for (const sep of SEPARATORS) units.add(w + sep);
const listed = (list: string | undefined) =>
  (list ?? '')
    .split('|')
    .slice(0, 6)
    .map((w) => normalize(w.replace(/\*$/, '')).trim());
for (const c of Object.values(LANGUAGES))
  for (const verb of [...listed(c.show), ...listed(c.discard)])
    for (const noun of listed(c.rules))
      for (const sep of [' ', ', ']) {
        units.add(`${verb} ${noun}${sep}`);
        units.add(`${noun} ${verb}${sep}`);
      }

const ranked: { unit: string; ms: number }[] = [];
for (const unit of units) {
  const n = normalize(repeated(unit, 20 * 1024));
  const changed: number[] = [];
  const u = unleet(n, changed);
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 2; k++) {
    const t = performance.now();
    ANCHORED.find(n, new Set(), changed.length ? u : undefined, changed.length ? changed : undefined, []);
    best = Math.min(best, performance.now() - t);
  }
  ranked.push({ unit, ms: best });
}
ranked.sort((a, b) => b.ms - a.ms);
console.log(
  `${words.size} start words and word pairs, ${ranked.length} texts; the ${top} slowest at ${size / 1024} KB:`,
);
console.log('| text repeated | detectInjection p50 | kinds |\n| --- | --- | --- |');
for (const { unit } of ranked.slice(0, top)) {
  const text = repeated(unit, size);
  detectInjection(text);
  const ms: number[] = [];
  let kinds: string[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    kinds = detectInjection(`${k}${text.slice(1)}`); // a new string: nothing kept from the last run
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `| ${JSON.stringify(unit).replace(/\|/g, '\\|')} | ${ms[1]!.toFixed(1)} ms | ${kinds.join(', ')} |`,
  );
}
