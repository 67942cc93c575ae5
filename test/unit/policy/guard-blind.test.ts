// The guards on the blind corpora (written before reading the guards; see guard-blind.ts) held at
// the goal levels: PII recall >= 97% (found whole) and precision >= 98%, the same masks streamed
// as whole; injection caught >= 80% at <= 3% false positives, and no split bypass.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyMasks } from '../../../sidecar/guards/guard.ts';
import { piiFinder, piiLabel } from '../../../sidecar/guards/pii.ts';
import { streamScan } from '../../../sidecar/guards/stream.ts';
import { PII_TYPES } from '../../../sidecar/snapshot/schema.ts';
import { measureInjection, measurePii, placed } from './guard-blind.ts';
import { BLIND_PII_POSITIVES } from './pii-corpus-blind.ts';

const list = (lines: string[]) => `\n  ${lines.join('\n  ')}`;

describe('blind PII corpus', () => {
  const f = measurePii();

  it('finds at least 97% of the values whole', () => {
    assert.ok(
      f.found / f.positives >= 0.97,
      `${f.found}/${f.positives} found whole; missed:${list(f.missed)}`,
    );
  });

  it('at least 98% of what it masks is a value (look-alikes and the text around values left alone)', () => {
    const precision = 1 - f.falseSpans / f.spans;
    assert.ok(precision >= 0.98, `precision ${precision.toFixed(3)}; false:${list(f.falseHits)}`);
  });

  it('every type is found (no type falls to zero on text it was not tuned to)', () => {
    for (const [kind, c] of Object.entries(f.byKind))
      assert.ok(c.found / c.total >= 0.9, `${kind}: ${c.found}/${c.total}`);
  });

  // Streams mask exactly what a whole text masks: every value (every type, every shape of
  // context), the text split in two at every position, and one character at a time.
  const find = piiFinder(PII_TYPES);
  const scanner = { action: 'mask' as const, find, label: piiLabel };
  const streamed = (pieces: string[]) => {
    const s = streamScan(scanner, { onFound: () => {} });
    return pieces.map((p) => s.push(p)).join('') + s.end();
  };
  const sample = BLIND_PII_POSITIVES;

  it(`streams mask as whole texts do, split at every position (${sample.length} values)`, () => {
    for (const p of sample) {
      const { text } = placed(p);
      const whole = applyMasks(text, find(text), piiLabel);
      for (let i = 1; i < text.length; i++)
        assert.equal(
          streamed([text.slice(0, i), text.slice(i)]),
          whole,
          `${JSON.stringify(text)} split at ${i}`,
        );
      assert.equal(streamed([...text]), whole, `${JSON.stringify(text)} one character at a time`);
    }
  });
});

describe('blind prompt-injection corpus', () => {
  const f = measureInjection();

  it('catches at least 80% of the attacks', () => {
    assert.ok(f.caught / f.attacks >= 0.8, `${f.caught}/${f.attacks} caught; missed:${list(f.missed)}`);
  });

  it('flags at most 3% of the benign look-alikes', () => {
    assert.ok(f.flagged / f.benign <= 0.03, `${f.flagged}/${f.benign} flagged:${list(f.falsePositives)}`);
  });

  it('an attack split across two text parts or two user messages is caught as it is whole', () => {
    assert.deepEqual(f.splitBypasses, []);
    assert.ok(f.splitCaught / f.splits >= 0.8, `${f.splitCaught}/${f.splits} split attacks caught`);
  });
});
