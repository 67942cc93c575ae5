// Hygiene of the markup- and link-heavy training corpus: no empty or duplicate texts, no sentence reused
// across texts (templates that swap one word teach the scorer nothing), sane languages and sizes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TRAIN_MARKUP_ATTACKS, TRAIN_MARKUP_BENIGN } from './injection-corpus-train-markup.ts';

const ATTACK_CATEGORIES = new Set(['exfil', 'agent', 'other']);
const BENIGN_CATEGORIES = new Set([
  'badges',
  'linkrefs',
  'credits',
  'options',
  'tables',
  'changelog',
  'install',
  'html',
  'license',
  'citation',
  'nav',
  'other',
]);
const all = [...TRAIN_MARKUP_ATTACKS, ...TRAIN_MARKUP_BENIGN];

/** Sentences (whitespace collapsed) long enough that a repeat means a copied template. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？])\s+|\n+/u)
    .map((s) => s.replace(/\s+/gu, ' ').trim().toLowerCase())
    .filter((s) => s.length >= 50);
}

describe('markup training corpus: hygiene', () => {
  it('has at least 40 attacks and 320 benign texts', () => {
    assert.ok(TRAIN_MARKUP_ATTACKS.length >= 40, `attacks: ${TRAIN_MARKUP_ATTACKS.length}`);
    assert.ok(TRAIN_MARKUP_BENIGN.length >= 320, `benign: ${TRAIN_MARKUP_BENIGN.length}`);
  });

  it('has no empty text and none above 4,000 characters', () => {
    for (const [, , text] of all) {
      assert.ok(text.trim().length > 0, 'empty text');
      assert.ok(text.length <= 4000, `too long (${text.length}): ${text.slice(0, 80)}`);
    }
  });

  it('has no duplicate text within or across the two arrays', () => {
    const seen = new Set<string>();
    for (const [, , text] of all) {
      const key = text.trim();
      assert.ok(!seen.has(key), `duplicate: ${key.slice(0, 80)}`);
      seen.add(key);
    }
  });

  it('shares no long sentence between two texts', () => {
    const owner = new Map<string, number>();
    all.forEach(([, , text], i) => {
      for (const s of new Set(sentences(text))) {
        const j = owner.get(s);
        assert.ok(j === undefined, `sentence in texts ${j} and ${i}: ${s}`);
        owner.set(s, i);
      }
    });
  });

  it('labels every language with a 2-letter code or "mixed"', () => {
    for (const [, language, text] of all)
      assert.match(language, /^(?:[a-z]{2}|mixed)$/, `language ${language}: ${text.slice(0, 60)}`);
  });

  it('uses the agreed categories for each side', () => {
    for (const [category, , text] of TRAIN_MARKUP_ATTACKS)
      assert.ok(ATTACK_CATEGORIES.has(category), `attack category ${category}: ${text.slice(0, 60)}`);
    for (const [category, , text] of TRAIN_MARKUP_BENIGN)
      assert.ok(BENIGN_CATEGORIES.has(category), `benign category ${category}: ${text.slice(0, 60)}`);
  });
});
