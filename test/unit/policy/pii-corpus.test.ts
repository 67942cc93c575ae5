// PII shapes beyond the first wave, each found whole in a sentence, and look-alikes left alone:
// international and national phone numbers, SSN variants, e-mail local parts with apostrophes and
// other scripts, IDN domains, webhook URLs, connection strings and more key shapes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { piiFinder } from '../../../sidecar/guards/pii.ts';
import { PII_TYPES } from '../../../sidecar/snapshot/schema.ts';
import { PII_NEGATIVES, PII_POSITIVES } from './pii-corpus.ts';

const find = piiFinder(PII_TYPES);

describe('PII corpus: found whole', () => {
  for (const [kind, value] of PII_POSITIVES)
    it(`${kind}: ${value}`, () => {
      const text = `Reach me at ${value} please.`;
      const spans = find(text);
      const hit = spans.find((s) => s.kind === kind);
      assert.ok(hit, `no ${kind} in ${JSON.stringify(text)}: ${JSON.stringify(spans)}`);
      assert.equal(text.slice(hit.start, hit.end), value);
    });

  it('ssn: nine bare digits after a label, the digits only', () => {
    const text = 'My SSN is 123456789.';
    const hit = find(text).find((s) => s.kind === 'ssn');
    assert.equal(hit && text.slice(hit.start, hit.end), '123456789');
  });

  it('secret: the password of a connection string, and a quoted labelled password', () => {
    const text = 'DATABASE_URL=postgres://app:s3cr3t-Pa55@db.internal:5432/app and password: "hunter two!"';
    const got = find(text)
      .filter((s) => s.kind === 'secret')
      .map((s) => text.slice(s.start, s.end));
    assert.deepEqual(got, ['s3cr3t-Pa55', 'hunter two!']);
  });
});

describe('PII corpus: look-alikes left alone', () => {
  for (const text of PII_NEGATIVES)
    it(text, () => {
      assert.deepEqual(find(text), []);
    });
});
