// Deny patterns run re2js only when the words every match must contain occur in the prompt: the
// words read off a pattern, and the verdicts equal re2js alone on every pattern and text here
// (case folding included: RE2 folds "k" with the Kelvin sign and "s" with the long s).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { denyPatternsGuard, requiredLiterals } from '../../../sidecar/guards/deny-patterns.ts';
import { linearRegex } from '../../../sidecar/snapshot/regex.ts';
import { ATTACKS, BENIGN } from './injection-corpus.ts';
import { PII_NEGATIVES, PII_POSITIVES } from './pii-corpus.ts';

describe('deny pattern literal prefilter', () => {
  it('reads the words every match contains, and nothing it cannot be sure of', () => {
    assert.deepEqual(requiredLiterals('project\\s+falcon'), ['project', 'falcon']);
    assert.deepEqual(requiredLiterals('^DROP TABLE'), ['drop table']);
    assert.deepEqual(requiredLiterals('(?i)secret[-_ ]?plan\\.v2'), ['secret', 'plan.v2']);
    // Optional or repeated characters end a word; groups and classes are skipped.
    assert.deepEqual(requiredLiterals('colou?r chart'), ['colo', 'r chart']);
    assert.deepEqual(requiredLiterals('abcd+efg'), ['abc', 'efg']);
    assert.deepEqual(requiredLiterals('abc{2}defg'), ['defg']);
    assert.deepEqual(requiredLiterals('x{123}yz'), []);
    assert.deepEqual(requiredLiterals('(?:alpha|beta) release notes'), [' release notes']);
    assert.deepEqual(requiredLiterals('code[a-z\\]]+name'), ['code', 'name']);
    // Top-level alternatives, escapes it does not read, POSIX classes: none.
    assert.deepEqual(requiredLiterals('alpha|beta'), []);
    assert.deepEqual(requiredLiterals('\\x41bcdef'), []);
    assert.deepEqual(requiredLiterals('\\QA.B\\Eanything'), []);
    assert.deepEqual(requiredLiterals('[[:alpha:]]xyzw'), []);
    assert.deepEqual(requiredLiterals('[]abc]defg'), []);
    assert.deepEqual(requiredLiterals('\\p{Greek}+ word'), []);
    assert.deepEqual(requiredLiterals('naïve plan'), []);
  });

  it('blocks exactly what re2js alone blocks', () => {
    const patterns = [
      'project\\s+falcon',
      '^drop table',
      'secret[-_ ]?plan',
      'ignore (all )?previous',
      'system prompt$',
      'kelvin',
      'ssn|social security',
      '(?i)Password\\s*[:=]',
      '\\bapi[_-]?key\\b',
      'a{2,}bc',
      '(?-i:Exact Case) text',
      '\\d{3}-\\d{2}-\\d{4}',
      'mask',
    ];
    const texts = [
      ...ATTACKS,
      ...BENIGN,
      ...PII_NEGATIVES,
      ...PII_POSITIVES.map(([, v]) => `my value is ${v}`),
      'PROJECT   Falcon is go',
      'project\nfalcon',
      'projectfalcon',
      'DROP TABLE users',
      ' drop table',
      'the \u212aelvin scale', // Kelvin sign folds to k in RE2
      'ma\u017fk on', // long s folds to s
      'Social Security number',
      'aaabc and exact case text',
      'Exact Case text',
      'exact case text',
      'SECRET_PLAN',
      'my system prompt',
      'my system prompt.',
      '',
    ];
    for (const [i, source] of patterns.entries()) {
      const guard = denyPatternsGuard([source]);
      const plain = linearRegex(source, { ignoreCase: true });
      for (const text of texts) {
        const blocked = guard.request!({ texts: [{ role: 'user', text }], tokens: () => 0 }) !== undefined;
        assert.equal(blocked, plain.test(text), `pattern #${i} ${source} on ${JSON.stringify(text)}`);
      }
    }
  });
});
