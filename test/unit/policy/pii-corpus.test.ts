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

  it('secret: a connection string with a password (the whole URL), and a quoted labelled password', () => {
    const text =
      'DATABASE_URL=postgres://app:s3cr3t-Pa55@db.internal:5432/app and password: "hunter two!" (or "redis://:n0tS0s3cret@cache:6379/0").';
    const got = find(text)
      .filter((s) => s.kind === 'secret')
      .map((s) => text.slice(s.start, s.end));
    assert.deepEqual(got, [
      'postgres://app:s3cr3t-Pa55@db.internal:5432/app',
      'hunter two!',
      'redis://:n0tS0s3cret@cache:6379/0',
    ]);
  });
});

describe('PII: general rules beside the blind waves', () => {
  const secrets = (text: string) =>
    find(text)
      .filter((s) => s.kind === 'secret')
      .map((s) => text.slice(s.start, s.end));

  it('secret: a credential after an Authorization scheme other than Basic and Bearer', () => {
    assert.deepEqual(secrets('Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b'), [
      '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b',
    ]);
    assert.deepEqual(secrets('Authorization: SSWS 00QCjAl4MlV-WPXM0u9Vf4nHZBvKSRFhLqgkMjSk0Q'), [
      '00QCjAl4MlV-WPXM0u9Vf4nHZBvKSRFhLqgkMjSk0Q',
    ]);
    assert.deepEqual(secrets('Authorization: Token YOUR_API_TOKEN_HERE'), []);
  });

  it('secret: a value named by the attribute before it, and a label glued to its prefix', () => {
    assert.deepEqual(secrets('<input type="password" name="password" value="Tr0ub4dor&3">'), ['Tr0ub4dor&3']);
    assert.deepEqual(secrets('<add key="CacheRegion" value="eu-west-1-primary">'), []);
    assert.deepEqual(secrets('PGPASSWORD=Xq7!mZ2pL9 psql -h db'), ['Xq7!mZ2pL9']);
  });

  it('secret: vendor prefixes with a generated body, not a placeholder', () => {
    assert.deepEqual(secrets('key dckr_pat_2b3e36beeb386dfdaacb9b46004ccb7c'), [
      'dckr_pat_2b3e36beeb386dfdaacb9b46004ccb7c',
    ]);
    assert.deepEqual(secrets('GROQ_KEY gsk_your_groq_api_key_goes_here'), []);
  });
});

describe('PII corpus: look-alikes left alone', () => {
  for (const text of PII_NEGATIVES)
    it(text, () => {
      assert.deepEqual(find(text), []);
    });
});
