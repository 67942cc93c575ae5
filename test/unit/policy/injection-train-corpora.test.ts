// Hygiene of the learned injection scorer's training corpora (injection-corpus-train-*.ts, written
// for it by sessions that had not read the guard): no empty, oversized or repeated text, within a
// corpus or across them, no long sentence shared by two texts (templates that swap one word teach
// the scorer nothing), languages as 2-letter codes or "mixed", and each corpus at the size and
// spread of languages it was written to.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TRAIN_AGENTIC_ATTACKS, TRAIN_AGENTIC_BENIGN } from './injection-corpus-train-agentic.ts';
import { TRAIN_INDIRECT_ATTACKS, TRAIN_INDIRECT_BENIGN } from './injection-corpus-train-indirect.ts';
import { TRAIN_MARKUP_ATTACKS, TRAIN_MARKUP_BENIGN } from './injection-corpus-train-markup.ts';
import {
  TRAIN_MULTILINGUAL_ATTACKS,
  TRAIN_MULTILINGUAL_BENIGN,
} from './injection-corpus-train-multilingual.ts';
import { TRAIN_PARAPHRASE_ATTACKS, TRAIN_PARAPHRASE_BENIGN } from './injection-corpus-train-paraphrase.ts';

type Entry = readonly [category: string, language: string, text: string];

interface Corpus {
  name: string;
  attacks: readonly Entry[];
  benign: readonly Entry[];
  /** Fewest attacks and benign texts it was written to hold. */
  min: [attacks: number, benign: number];
  /** Fewest languages other than English among its attacks. */
  otherLanguages: number;
}

const CORPORA: Corpus[] = [
  {
    name: 'indirect',
    attacks: TRAIN_INDIRECT_ATTACKS,
    benign: TRAIN_INDIRECT_BENIGN,
    min: [300, 250],
    otherLanguages: 8,
  },
  {
    name: 'multilingual',
    attacks: TRAIN_MULTILINGUAL_ATTACKS,
    benign: TRAIN_MULTILINGUAL_BENIGN,
    min: [300, 250],
    otherLanguages: 19,
  },
  {
    name: 'paraphrase',
    attacks: TRAIN_PARAPHRASE_ATTACKS,
    benign: TRAIN_PARAPHRASE_BENIGN,
    min: [300, 250],
    otherLanguages: 8,
  },
  {
    name: 'agentic',
    attacks: TRAIN_AGENTIC_ATTACKS,
    benign: TRAIN_AGENTIC_BENIGN,
    min: [200, 350],
    otherLanguages: 7,
  },
  {
    name: 'markup',
    attacks: TRAIN_MARKUP_ATTACKS,
    benign: TRAIN_MARKUP_BENIGN,
    min: [40, 320],
    otherLanguages: 6,
  },
];

/** Sentences (whitespace collapsed) long enough that a repeat means a copied template. */
const sentences = (text: string) =>
  text
    .split(/(?<=[.!?。！？])\s+|\n+/u)
    .map((s) => s.replace(/\s+/gu, ' ').trim().toLowerCase())
    .filter((s) => s.length >= 50);

describe('injection training corpora: hygiene', () => {
  for (const { name, attacks, benign, min, otherLanguages } of CORPORA)
    describe(name, () => {
      it(`holds at least ${min[0]} attacks and ${min[1]} benign texts`, () => {
        assert.ok(attacks.length >= min[0], `attacks: ${attacks.length}`);
        assert.ok(benign.length >= min[1], `benign: ${benign.length}`);
      });

      it('has no empty text, none above 4,000 characters, and a 2-letter language or "mixed"', () => {
        for (const [category, language, text] of [...attacks, ...benign]) {
          assert.ok(category.length > 0 && text.trim().length > 0, `empty: ${text.slice(0, 60)}`);
          assert.ok(text.length <= 4000, `too long (${text.length}): ${text.slice(0, 60)}`);
          assert.match(language, /^(?:[a-z]{2}|mixed)$/, `language ${language}: ${text.slice(0, 60)}`);
        }
      });

      it(`has attacks in at least ${otherLanguages} languages besides English`, () => {
        const languages = new Set(attacks.map(([, l]) => l).filter((l) => l !== 'en' && l !== 'mixed'));
        assert.ok(languages.size >= otherLanguages, [...languages].join(', '));
      });
    });

  const all = CORPORA.flatMap(({ name, attacks, benign }) =>
    [...attacks, ...benign].map(([, , text]) => ({ name, text })),
  );

  it('has no text twice, within a corpus or across them', () => {
    const seen = new Map<string, string>();
    for (const { name, text } of all) {
      const key = text.trim();
      assert.ok(!seen.has(key), `in ${seen.get(key)} and ${name}: ${key.slice(0, 80)}`);
      seen.set(key, name);
    }
  });

  it('shares no sentence of 50+ characters between two texts', () => {
    const owner = new Map<string, string>();
    all.forEach(({ name, text }, i) => {
      for (const s of new Set(sentences(text))) {
        assert.ok(!owner.has(s), `in ${owner.get(s)} and ${name} #${i}: ${s}`);
        owner.set(s, `${name} #${i}`);
      }
    });
  });
});
