// The PII guard tries a number format's regex only at the number starts whose shape fits it (lead
// character, digit run length, the characters around; pii.ts NumberFormat). A shape read wrong
// would silently skip a value, so: at every number start of many number-shaped texts where a
// format's regex matches, the format must have been let through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberFormatMatches } from '../../../sidecar/guards/pii.ts';
import { rng } from '../../support/rng.ts';
import { PII_POSITIVES } from './pii-corpus.ts';
import { BLIND_PII_POSITIVES, SIXTH_WAVE_POSITIVES } from './pii-corpus-blind.ts';
import { FAKER_LOCALES, globalValues, localeValues, negatives } from './pii-faker.ts';

const VALUES = [
  ...PII_POSITIVES.map(([, value]) => value),
  ...[...BLIND_PII_POSITIVES, ...SIXTH_WAVE_POSITIVES].map(([, , value]) => value),
  // An outside generator's numbers of 46 locales, and its look-alikes (pii-faker.ts).
  ...Object.keys(FAKER_LOCALES).flatMap((l) => localeValues(l, 20, 29).map((v) => v.value)),
  ...globalValues(20, 29).map((v) => v.value),
  ...negatives(10, 29).map((v) => v.value),
];

/** What numbers, dates, versions and their neighbours are made of. */
const PIECES = [
  ...' .-/(),+:#_\n',
  ...'0018',
  'x',
  'ext. ',
  'a',
  'Z',
  'DE',
  'phone: ',
  'call me at ',
  'SSN ',
  'v',
  '(0',
  '(+',
  '+1 ',
  '00',
  '127.',
  '255.',
];

function numberShaped(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  let text = '';
  const parts = 1 + Math.floor(random() * 10);
  for (let i = 0; i < parts; i++) {
    const r = random();
    if (r < 0.5) {
      const length = 1 + Math.floor(random() * (random() < 0.3 ? 20 : 5));
      for (let d = 0; d < length; d++) text += String(Math.floor(random() * 10));
    } else if (r < 0.6) text += pick(VALUES).slice(0, Math.floor(random() * 30));
    else text += pick(PIECES);
  }
  return text;
}

describe('PII number formats: the shape each is tried at', () => {
  it('lets every format through wherever its regex matches (corpus values in context, 20,000 number-shaped texts)', () => {
    const texts = [
      ...VALUES.flatMap((v) => [
        v,
        `Reach me at ${v} please.`,
        `phone: ${v}`,
        `x${v}`,
        `1 ${v}`,
        `(${v})`,
        `+${v}`,
        `a,${v},b`,
        `1,${v}`,
        `f(${v})`,
        `mobil ${v}`,
      ]),
    ];
    const random = rng(17);
    for (let i = 0; i < 20_000; i++) texts.push(numberShaped(random));
    const missed: string[] = [];
    const admitted = new Map<string, number>();
    for (const text of texts)
      for (const m of numberFormatMatches(text)) {
        if (!m.admitted) missed.push(`${m.format} at ${m.at} of ${JSON.stringify(text)}`);
        else admitted.set(m.format, (admitted.get(m.format) ?? 0) + 1);
      }
    assert.deepEqual(missed.slice(0, 10), []);
    // Every format matched often enough for its shape to have been put to the test.
    for (const format of [
      'international',
      'northAmerican',
      'trunk',
      'brazil',
      'spaced',
      'labelledBare',
      'card',
      'ssn',
      'ipv4',
    ])
      assert.ok((admitted.get(format) ?? 0) >= 20, `${format}: ${admitted.get(format) ?? 0} matches`);
  });
});
