// Long prompt texts have their guard results and token counts kept (sidecar/text-memo.ts): a text
// checked again must get exactly what a first check gets, and a text of the same length that
// differs anywhere must get its own result (a kept result is never handed to another text).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileGuards } from '../../../sidecar/guards/index.ts';
import { injectionKinds } from '../../../sidecar/guards/injection.ts';
import { piiFinder, piiLabel } from '../../../sidecar/guards/pii.ts';
import { PII_TYPES } from '../../../sidecar/snapshot/schema.ts';
import { MEMO_CHARS, MEMO_MIN_LENGTH, MEMO_TEXTS, memoLongTexts } from '../../../sidecar/text-memo.ts';
import { rng } from '../../support/rng.ts';
import { ATTACKS, BENIGN } from './injection-corpus.ts';
import { PII_POSITIVES } from './pii-corpus.ts';

type Json = Record<string, any>;

describe('memoLongTexts', () => {
  test('a long text is computed once; a text of the same length that differs gets its own result', () => {
    let calls = 0;
    const f = memoLongTexts((t: string) => {
      calls++;
      return t.indexOf('!');
    });
    const a = 'x'.repeat(5000);
    const b = `${'x'.repeat(4999)}!`;
    assert.equal(f(a), -1);
    assert.equal(f(b), 4999);
    assert.equal(f(a), -1);
    assert.equal(f(`${'x'.repeat(4999)}x`), -1); // equal to a, another string object
    assert.equal(calls, 2);
  });

  test('short texts are not kept; the least recently used go first past the bounds', () => {
    let calls = 0;
    const f = memoLongTexts((t: string) => {
      calls++;
      return t.length;
    });
    const short = 'x'.repeat(MEMO_MIN_LENGTH - 1);
    f(short);
    f(short);
    assert.equal(calls, 2);
    const text = (i: number, n = MEMO_MIN_LENGTH) => `${i}`.padEnd(n, '.');
    for (let i = 0; i < MEMO_TEXTS; i++) f(text(i));
    f(text(0)); // used again: now the most recent
    f(text(MEMO_TEXTS)); // one too many: text 1 goes
    calls = 0;
    f(text(0));
    f(text(2));
    f(text(MEMO_TEXTS));
    assert.equal(calls, 0);
    f(text(1));
    assert.equal(calls, 1);
    // The character bound: two texts of half of it push out all the others.
    f(text(100, MEMO_CHARS / 2));
    f(text(101, MEMO_CHARS / 2));
    calls = 0;
    f(text(0));
    assert.equal(calls, 1);
    const huge = text(102, MEMO_CHARS + 1); // longer than the bound: never kept
    f(huge);
    f(huge);
    assert.equal(calls, 3);
  });

  test('each function keeps its own results for a text', () => {
    const upper = memoLongTexts((t: string) => t.toUpperCase().length);
    const dots = memoLongTexts((t: string) => t.split('.').length);
    const t = 'a.'.repeat(MEMO_MIN_LENGTH);
    assert.equal(upper(t), 2 * MEMO_MIN_LENGTH);
    assert.equal(dots(t), MEMO_MIN_LENGTH + 1);
    assert.equal(upper(t), 2 * MEMO_MIN_LENGTH);
  });
});

describe('guards on long texts checked again', () => {
  const guards = compileGuards({
    promptInjection: { action: 'log' },
    pii: { types: [...PII_TYPES], request: 'mask', response: 'mask' },
  })!;
  const find = piiFinder(PII_TYPES);
  const check = (content: string) => {
    const body: Json = { model: 'm', messages: [{ role: 'user', content }] };
    const v = guards.checkRequest(body, 'chat', () => 0);
    return { findings: v.findings, content: body.messages[0].content as string };
  };
  /** What a first check finds, from the guards' own functions (no result kept). */
  const expected = (content: string) => {
    const spans = find(content);
    let masked = content;
    for (const s of [...spans].reverse())
      masked = masked.slice(0, s.start) + piiLabel(s.kind) + masked.slice(s.end);
    return { injection: injectionKinds(content), spans: spans.length, masked };
  };

  test('random long texts and same-length edits of them', () => {
    const random = rng(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let i = 0; i < 30; i++) {
      let text = '';
      while (text.length < 6000)
        text += `${pick(BENIGN)} ${random() < 0.2 ? `${pick(PII_POSITIVES)[1]} ` : ''}${random() < 0.05 ? `${pick(ATTACKS)} ` : ''}`;
      // The same length, one stretch replaced: by a PII value or an attack, or by filler.
      const insert = random() < 0.5 ? ` ${pick(PII_POSITIVES)[1]} ` : ` ${pick(ATTACKS)} `;
      const at = Math.floor(random() * (text.length - insert.length));
      const edited = text.slice(0, at) + insert + text.slice(at + insert.length);
      const filler = text.slice(0, at) + ' '.repeat(insert.length) + text.slice(at + insert.length);
      for (const t of [text, edited, filler, text, edited, filler]) {
        const got = check(t);
        const want = expected(t);
        const inj = got.findings.find((f) => f.guard === 'promptInjection');
        assert.deepEqual(inj?.kinds.toSorted() ?? [], want.injection.toSorted());
        assert.equal(got.findings.find((f) => f.guard === 'pii')?.count ?? 0, want.spans);
        assert.equal(got.content, want.masked);
      }
    }
  });
});
