// Every manifest in crds/examples/invalid/ documents the error it must produce (# expect: lines);
// offline compile must produce it. The integration suite checks the apiserver says the same.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCompile } from '../../../operator/cli/compile.ts';
import { expectations } from '../../support/expectations.ts';

const dir = join(import.meta.dirname, '../../../crds/examples/invalid');

const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

test('the invalid examples cover every kind', () => {
  for (const prefix of ['provider-', 'route-', 'quota-']) assert.ok(files.some((f) => f.startsWith(prefix)));
});

for (const f of files) {
  test(`compile rejects invalid/${f} with its documented message`, () => {
    const file = join(dir, f);
    const expected = expectations(file);
    assert.ok(expected.length > 0, 'the manifest documents its expected error');
    let err = '';
    let out = '';
    const code = runCompile(
      { command: 'compile', files: [file], recursive: false },
      { stdout: (t) => (out += t), stderr: (t) => (err += t) },
    );
    assert.equal(code, 1);
    assert.equal(out, '');
    for (const e of expected) assert.ok(err.includes(e), `expected "${e}" in:\n${err}`);
    assert.ok(err.includes(f), 'the message names the file');
  });
}
