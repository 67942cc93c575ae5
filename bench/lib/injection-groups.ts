// The injection corpora in groups for leave-one-group-out evaluation (bench/injection-model.ts):
// each blind wave (as the section comments of injection-corpus-blind.ts mark them), waves 12 and 13
// (their own files, trained on once measured), the training corpora written for the scorer
// (injection-corpus-train-*.ts), and the older corpus (injection-corpus.ts) as one more. A split
// attack is read joined, in its wave's group. Waves 14 and 15 and the held-out set stay out: they
// are how the scorer is measured on text nobody trained it on.
import { readFileSync } from 'node:fs';
import { ATTACKS, BENIGN, EXTRA_ATTACKS, EXTRA_BENIGN } from '../../test/unit/policy/injection-corpus.ts';
import {
  BLIND_ATTACKS,
  BLIND_BENIGN,
  BLIND_SPLIT_ATTACKS,
} from '../../test/unit/policy/injection-corpus-blind.ts';
import { TECHNICAL_BENIGN } from '../../test/unit/policy/injection-corpus-technical.ts';
import {
  TRAIN_AGENTIC_ATTACKS,
  TRAIN_AGENTIC_BENIGN,
} from '../../test/unit/policy/injection-corpus-train-agentic.ts';
import {
  TRAIN_INDIRECT_ATTACKS,
  TRAIN_INDIRECT_BENIGN,
} from '../../test/unit/policy/injection-corpus-train-indirect.ts';
import {
  TRAIN_MARKUP_ATTACKS,
  TRAIN_MARKUP_BENIGN,
} from '../../test/unit/policy/injection-corpus-train-markup.ts';
import {
  TRAIN_MULTILINGUAL_ATTACKS,
  TRAIN_MULTILINGUAL_BENIGN,
} from '../../test/unit/policy/injection-corpus-train-multilingual.ts';
import {
  TRAIN_PARAPHRASE_ATTACKS,
  TRAIN_PARAPHRASE_BENIGN,
} from '../../test/unit/policy/injection-corpus-train-paraphrase.ts';
import {
  WAVE12_ATTACKS,
  WAVE12_BENIGN,
  WAVE12_SPLIT_ATTACKS,
} from '../../test/unit/policy/injection-corpus-wave12.ts';
import {
  WAVE13_ATTACKS,
  WAVE13_BENIGN,
  WAVE13_SPLIT_ATTACKS,
} from '../../test/unit/policy/injection-corpus-wave13.ts';

/** An entry of the newer corpora: [category, language, text], and a split attack's two halves. */
type Entry = readonly [category: string, language: string, text: string];
type Split = readonly [category: string, first: string, second: string];

export interface Example {
  text: string;
  attack: boolean;
  group: string;
}

const WAVES: [RegExp, string][] = [
  [/^ {2}\/\/ ---- second wave/, 'wave-2'],
  [/^ {2}\/\/ ---- third wave/, 'wave-3'],
  [/^ {2}\/\/ ---- fourth wave/, 'wave-4'],
  [/^ {2}\/\/ ---- sixth wave/, 'wave-6'],
  [/^ {2}\/\/ ---- seventh wave/, 'wave-7'],
  [/^ {2}\/\/ ---- eighth wave/, 'wave-8'],
  [/^ {2}\/\/ ---- ninth wave/, 'wave-9'],
  [/^ {2}\/\/ ---- tenth wave/, 'wave-10'],
  [/^ {2}\/\/ ---- eleventh wave/, 'wave-11'],
];

/** The wave of each element of the array declared as `name` (elements start with "  [" at two spaces). */
function wavesOf(source: string[], name: string, length: number): string[] {
  const start = source.findIndex((l) => l.startsWith(`export const ${name}`));
  const waves: string[] = [];
  let wave = 'wave-1';
  for (let i = start + 1; i < source.length && source[i] !== '];'; i++) {
    const line = source[i]!;
    for (const [re, w] of WAVES) if (re.test(line)) wave = w;
    if (/^ {2}\[/.test(line)) waves.push(wave);
  }
  if (waves.length !== length) throw new Error(`${name}: ${waves.length} elements read, ${length} expected`);
  return waves;
}

export function injectionExamples(): Example[] {
  const source = readFileSync(
    new URL('../../test/unit/policy/injection-corpus-blind.ts', import.meta.url),
    'utf8',
  ).split('\n');
  const out: Example[] = [];
  const attackWaves = wavesOf(source, 'BLIND_ATTACKS', BLIND_ATTACKS.length);
  for (const [i, [, text]] of BLIND_ATTACKS.entries())
    out.push({ text, attack: true, group: attackWaves[i]! });
  const benignWaves = wavesOf(source, 'BLIND_BENIGN', BLIND_BENIGN.length);
  for (const [i, [, text]] of BLIND_BENIGN.entries())
    out.push({ text, attack: false, group: benignWaves[i]! });
  for (const [label, first, second] of BLIND_SPLIT_ATTACKS)
    out.push({
      text: `${first} ${second}`,
      attack: true,
      group: label === 'split' ? 'wave-1' : `wave-${label.slice(6)}`,
    });
  for (const text of ATTACKS) out.push({ text, attack: true, group: 'older' });
  for (const [, text] of EXTRA_ATTACKS) out.push({ text, attack: true, group: 'older' });
  for (const text of [...BENIGN, ...EXTRA_BENIGN]) out.push({ text, attack: false, group: 'older' });
  for (const text of TECHNICAL_BENIGN) out.push({ text, attack: false, group: 'technical' });
  const sets: [string, readonly Entry[], readonly Entry[], readonly Split[]][] = [
    ['wave-12', WAVE12_ATTACKS, WAVE12_BENIGN, WAVE12_SPLIT_ATTACKS],
    ['wave-13', WAVE13_ATTACKS, WAVE13_BENIGN, WAVE13_SPLIT_ATTACKS],
    ['train-indirect', TRAIN_INDIRECT_ATTACKS, TRAIN_INDIRECT_BENIGN, []],
    ['train-paraphrase', TRAIN_PARAPHRASE_ATTACKS, TRAIN_PARAPHRASE_BENIGN, []],
    ['train-multilingual', TRAIN_MULTILINGUAL_ATTACKS, TRAIN_MULTILINGUAL_BENIGN, []],
    ['train-agentic', TRAIN_AGENTIC_ATTACKS, TRAIN_AGENTIC_BENIGN, []],
    ['train-markup', TRAIN_MARKUP_ATTACKS, TRAIN_MARKUP_BENIGN, []],
  ];
  for (const [group, attacks, benign, splits] of sets) {
    for (const [, , text] of attacks) out.push({ text, attack: true, group });
    for (const [, first, second] of splits) out.push({ text: `${first} ${second}`, attack: true, group });
    for (const [, , text] of benign) out.push({ text, attack: false, group });
  }
  return out;
}
