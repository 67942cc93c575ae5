// Hygiene of the indirect-injection training corpus: sizes, labels that parse, no empty or oversized
// texts, no text in both arrays or twice in one, and no long sentence reused across texts (templates
// that only swap a word teach the scorer the template, not the attack).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TRAIN_INDIRECT_ATTACKS, TRAIN_INDIRECT_BENIGN } from './injection-corpus-train-indirect.ts';

const CATEGORIES = new Set([
  'email',
  'web',
  'rag',
  'cv',
  'review',
  'ticket',
  'transcript',
  'code',
  'tool',
  'other',
]);
const all = [...TRAIN_INDIRECT_ATTACKS, ...TRAIN_INDIRECT_BENIGN];

describe('indirect-injection training corpus', () => {
  it('has at least 300 attacks and 250 benign texts', () => {
    assert.ok(TRAIN_INDIRECT_ATTACKS.length >= 300, `${TRAIN_INDIRECT_ATTACKS.length} attacks`);
    assert.ok(TRAIN_INDIRECT_BENIGN.length >= 250, `${TRAIN_INDIRECT_BENIGN.length} benign`);
  });

  it('labels every entry with a known category and a 2-letter language or "mixed"', () => {
    for (const [category, language, text] of all) {
      assert.ok(CATEGORIES.has(category), `category ${category}: ${text.slice(0, 60)}`);
      assert.match(language, /^(?:[a-z]{2}|mixed)$/, `language ${language}: ${text.slice(0, 60)}`);
    }
  });

  it('has no empty text and none above 4,000 characters', () => {
    for (const [, , text] of all) {
      assert.ok(text.trim().length > 0, 'empty text');
      assert.ok(text.length <= 4000, `${text.length} chars: ${text.slice(0, 60)}`);
    }
  });

  it('has no text twice, within or across the two arrays', () => {
    const seen = new Map<string, number>();
    for (const [, , text] of all) seen.set(text.trim(), (seen.get(text.trim()) ?? 0) + 1);
    const twice = [...seen].filter(([, n]) => n > 1).map(([text]) => text.slice(0, 80));
    assert.deepEqual(twice, []);
  });

  it('shares no sentence of 40+ characters between two texts', () => {
    const owner = new Map<string, number>();
    const shared: string[] = [];
    all.forEach(([, , text], i) => {
      for (const raw of text.split(/(?<=[.!?。])\s+|\n+/)) {
        const sentence = raw.trim().toLowerCase();
        if (sentence.length < 40) continue;
        const first = owner.get(sentence);
        if (first === undefined) owner.set(sentence, i);
        else if (first !== i) shared.push(sentence.slice(0, 80));
      }
    });
    assert.deepEqual(shared, []);
  });
});
