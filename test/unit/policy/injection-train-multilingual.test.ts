// Hygiene of the multilingual training corpus for the learned injection scorer: every text present,
// unique within and across the attack and benign sets, bounded in size, labelled with a known category
// and a 2-letter language code (or "mixed"), and at least the agreed number of examples.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  TRAIN_MULTILINGUAL_ATTACKS,
  TRAIN_MULTILINGUAL_BENIGN,
  type TrainEntry,
} from './injection-corpus-train-multilingual.ts';

const ATTACK_CATEGORIES = new Set(['override', 'extraction', 'persona', 'relax', 'secrets', 'indirect']);
const sets: [string, readonly TrainEntry[]][] = [
  ['attacks', TRAIN_MULTILINGUAL_ATTACKS],
  ['benign', TRAIN_MULTILINGUAL_BENIGN],
];

describe('multilingual injection training corpus: hygiene', () => {
  it('has at least 300 attacks and 250 benign texts', () => {
    assert.ok(TRAIN_MULTILINGUAL_ATTACKS.length >= 300, `${TRAIN_MULTILINGUAL_ATTACKS.length} attacks`);
    assert.ok(TRAIN_MULTILINGUAL_BENIGN.length >= 250, `${TRAIN_MULTILINGUAL_BENIGN.length} benign`);
  });

  for (const [name, entries] of sets)
    it(`${name}: no empty or oversized text, a category and a 2-letter language or "mixed"`, () => {
      for (const [category, language, text] of entries) {
        assert.ok(text.trim().length > 0, `empty ${name} text (${category}/${language})`);
        assert.ok(text.length <= 4000, `${name} text over 4,000 chars: ${text.slice(0, 60)}`);
        assert.match(category, /^[a-z-]+$/, `category ${category}`);
        assert.match(language, /^(?:[a-z]{2}|mixed)$/, `language ${language} for ${text.slice(0, 60)}`);
      }
    });

  it('attacks use only the six attack categories', () => {
    for (const [category, , text] of TRAIN_MULTILINGUAL_ATTACKS)
      assert.ok(ATTACK_CATEGORIES.has(category), `${category}: ${text.slice(0, 60)}`);
  });

  it('no text appears twice, within or across the two sets', () => {
    const seen = new Map<string, string>();
    for (const [name, entries] of sets)
      for (const [, , text] of entries) {
        const key = text.trim();
        assert.ok(!seen.has(key), `duplicate (${seen.get(key)} and ${name}): ${key.slice(0, 80)}`);
        seen.set(key, name);
      }
  });

  it('has at least 12 attacks in each of at least 15 languages', () => {
    const counts = new Map<string, number>();
    for (const [, language] of TRAIN_MULTILINGUAL_ATTACKS)
      counts.set(language, (counts.get(language) ?? 0) + 1);
    const rich = [...counts].filter(([language, n]) => language !== 'mixed' && n >= 12);
    assert.ok(rich.length >= 15, `languages with 12+ attacks: ${JSON.stringify([...counts])}`);
  });
});
