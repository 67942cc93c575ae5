// Hygiene of the paraphrase / social-engineering / obfuscation training corpus: no duplicates within or
// across the two halves, no empty or oversized texts, well-formed language codes, the promised sizes, and
// no long sentence reused between two texts (templates that only swap a word teach the scorer nothing).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  TRAIN_PARAPHRASE_ATTACKS,
  TRAIN_PARAPHRASE_BENIGN,
  type TrainEntry,
} from './injection-corpus-train-paraphrase.ts';

const CATEGORIES = new Set([
  'authority',
  'fake-system',
  'pretext',
  'fiction',
  'refusal-suppression',
  'prefix',
  'few-shot',
  'smuggling',
  'obfuscation',
  'encoding',
]);
const halves: ReadonlyArray<readonly [string, readonly TrainEntry[]]> = [
  ['attacks', TRAIN_PARAPHRASE_ATTACKS],
  ['benign', TRAIN_PARAPHRASE_BENIGN],
];

/** Sentences of 40+ characters, whitespace-normalised and lower-cased. */
function longSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？])\s+|\n+/)
    .map((s) => s.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter((s) => s.length >= 40);
}

describe('paraphrase training corpus: hygiene', () => {
  it('has at least 300 attacks and 250 benign texts', () => {
    assert.ok(TRAIN_PARAPHRASE_ATTACKS.length >= 300, `${TRAIN_PARAPHRASE_ATTACKS.length} attacks`);
    assert.ok(TRAIN_PARAPHRASE_BENIGN.length >= 250, `${TRAIN_PARAPHRASE_BENIGN.length} benign`);
  });

  for (const [half, entries] of halves)
    it(`${half}: non-empty texts up to 4,000 characters, known categories, 2-letter or "mixed" languages`, () => {
      for (const [category, language, text] of entries) {
        assert.ok(text.trim().length > 0, `empty ${half} text in ${category}/${language}`);
        assert.ok(text.length <= 4000, `${half} text of ${text.length} chars: ${text.slice(0, 60)}`);
        assert.ok(CATEGORIES.has(category), `unknown category ${category}`);
        assert.match(language, /^(?:[a-z]{2}|mixed)$/, `bad language ${language}`);
      }
    });

  it('no text twice, within or across the two arrays', () => {
    const seen = new Map<string, string>();
    for (const [half, entries] of halves)
      for (const [, , text] of entries) {
        const key = text.trim();
        assert.ok(!seen.has(key), `duplicate (${seen.get(key)} and ${half}): ${key.slice(0, 80)}`);
        seen.set(key, half);
      }
  });

  it('no sentence of 40+ characters shared by two texts', () => {
    const owner = new Map<string, string>();
    for (const [, entries] of halves)
      for (const [, , text] of entries)
        for (const sentence of new Set(longSentences(text))) {
          const first = owner.get(sentence);
          assert.ok(
            first === undefined,
            `shared sentence: ${sentence}\n  in: ${first?.slice(0, 80)}\n  and: ${text.slice(0, 80)}`,
          );
          owner.set(sentence, text);
        }
  });

  it('both halves cover every category and at least eight languages besides English', () => {
    for (const [half, entries] of halves) {
      assert.deepEqual(new Set(entries.map(([c]) => c)), CATEGORIES, `${half} categories`);
      const languages = new Set(entries.map(([, l]) => l).filter((l) => l !== 'en'));
      assert.ok(languages.size >= 8, `${half} languages: ${[...languages].join(', ')}`);
    }
  });
});
