// PII shapes beyond the first wave, each found whole in a sentence, and look-alikes left alone:
// international and national phone numbers, SSN variants, e-mail local parts with apostrophes and
// other scripts, IDN domains, webhook URLs, connection strings and more key shapes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { piiFinder } from '../../../sidecar/guards/pii.ts';
import { PII_TYPES, type PiiType } from '../../../sidecar/snapshot/schema.ts';

const find = piiFinder(PII_TYPES);

const POSITIVES: [PiiType, string][] = [
  ['phone', '+44 20 7946 0958'],
  ['phone', '020 7946 0958'],
  ['phone', '07700 900123'],
  ['phone', '+49 30 12345678'],
  ['phone', '030 12345678'],
  ['phone', '0151 23456789'],
  ['phone', '+33 1 23 45 67 89'],
  ['phone', '01 23 45 67 89'],
  ['phone', '06.12.34.56.78'],
  ['phone', '+34 912 345 678'],
  ['phone', '612 345 678'],
  ['phone', '+39 02 1234 5678'],
  ['phone', '02 1234 5678'],
  ['phone', '+31 20 123 4567'],
  ['phone', '06 12345678'],
  ['phone', '+91 98765 43210'],
  ['phone', '98765 43210'],
  ['phone', '022 2345 6789'],
  ['phone', '+55 11 91234-5678'],
  ['phone', '(11) 91234-5678'],
  ['phone', '+81 3-1234-5678'],
  ['phone', '03-1234-5678'],
  ['phone', '090-1234-5678'],
  ['phone', '+61 2 9876 5432'],
  ['phone', '(02) 9876 5432'],
  ['phone', '0412 345 678'],
  ['phone', '1-800-555-0199'],
  ['phone', '+1 (415) 555-0132'],
  ['phone', '0044 20 7946 0958'],
  ['ssn', '123 45 6789'],
  ['email', "o'brien@example.ie"],
  ['email', 'josé.garcía@example.es'],
  ['email', 'müller@bücher.de'],
  ['email', 'user+tag@sub.example.co.uk'],
  ['secret', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'],
  ['secret', 'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyzABCDEFGHIJ'],
  ['secret', 'SG.abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop'],
  ['secret', 'npm_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ'],
  ['secret', 'GOCSPX-abcdefghijklmnopqrstuvwxyz12'],
];

describe('PII corpus: found whole', () => {
  for (const [kind, value] of POSITIVES)
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

const NEGATIVES = [
  'Upgrade to version 10.0.19041.1 tonight.',
  'Requires v1.2.3.4 or later.',
  'Order 1234567890 shipped on 2024-01-15.',
  'The total is 1,234,567.89 EUR.',
  'ISBN 978-3-16-148410-0 is on the shelf.',
  'Meet at 10:30, room 0.12.',
  'Build 20240115 passed 512 of 512 tests.',
  'pi is 3.14159265358979',
  'Call count: 123 456 789 events',
];

describe('PII corpus: look-alikes left alone', () => {
  for (const text of NEGATIVES)
    it(text, () => {
      assert.deepEqual(find(text), []);
    });
});
