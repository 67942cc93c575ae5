// The credential scrubber: the snapshot's own credentials in every cheap encoding, and the
// shapes of common provider keys, are removed from upstream-derived text; the rest stays readable.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { credentialScrubber } from '../../../sidecar/snapshot/scrub.ts';

const KEY = 'azure+key/with=odd chars';
const scrub = credentialScrubber([
  { credentials: { apiKey: KEY } },
  {
    credentials: {
      accessKeyId: 'AKIDEXAMPLE1',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG',
      sessionToken: 'tok-123456',
    },
  },
  {},
]);

describe('credential scrubber', () => {
  it('removes configured values, also URL-encoded, JSON-escaped and base64', () => {
    for (const form of [
      KEY,
      encodeURIComponent(KEY),
      JSON.stringify(KEY).slice(1, -1),
      Buffer.from(KEY).toString('base64'),
      Buffer.from(KEY).toString('base64url'),
      'AKIDEXAMPLE1',
      'wJalrXUtnFEMI/K7MDENG',
      'tok-123456',
    ]) {
      const out = scrub(`invalid key ${form} given`);
      assert.equal(out, 'invalid key [REDACTED] given', form);
    }
  });

  it('removes common key shapes whoever they belong to, keeping what was wrong readable', () => {
    const cases: [string, string][] = [
      ['Incorrect API key provided: sk-proj-abcdef123456.', 'Incorrect API key provided: [REDACTED].'],
      ['key sk-ant-api03-xyzxyzxyz', 'key [REDACTED]'],
      ['Credential=AKIAIOSFODNN7EXAMPLE/20260101', 'Credential=[REDACTED]/20260101'],
      ['API key AIzaSyA-1234567890abcdefghijklmnop invalid', 'API key [REDACTED] invalid'],
      ['authorization: Bearer abc.def.ghi', 'authorization: Bearer [REDACTED]'],
      ['"x-api-key": "whatever-it-is"', '"x-api-key": "[REDACTED]"'],
      ['api-key=1234567890abcdef, next', 'api-key=[REDACTED], next'],
      ['GET /v1beta/models?key=secretvalue&alt=sse', 'GET /v1beta/models?key=[REDACTED]&alt=sse'],
    ];
    for (const [input, want] of cases) assert.equal(scrub(input), want);
  });

  it('leaves ordinary text alone, and tiny values (not credentials) too', () => {
    const text = 'The model `gpt-4o` does not exist or you do not have access to it.';
    assert.equal(scrub(text), text);
    assert.equal(
      credentialScrubber([{ credentials: { apiKey: 'x' } }])('x marks the spot'),
      'x marks the spot',
    );
  });
});
