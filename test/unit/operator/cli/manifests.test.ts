// Manifests as kubectl reads them: multi-document files, v1 Lists, YAML 1.1 scalars, and syntax
// errors that name the file, line and column.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifests } from '../../../../operator/cli/manifests.ts';

describe('parseManifests', () => {
  it('reads every document and unwraps Lists, naming the document in the source', () => {
    const text = [
      'kind: A\nmetadata: {name: a}',
      'kind: List\nitems:\n  - {kind: B}\n  - {kind: C}',
      '# only a comment',
    ].join('\n---\n');
    const loaded = parseManifests(text, 'm.yaml');
    assert.deepEqual(
      loaded.map((l) => [l.manifest.kind, l.source]),
      [
        ['A', 'm.yaml'],
        ['B', 'm.yaml#1'],
        ['C', 'm.yaml#1'],
      ],
    );
  });

  it('reads YAML 1.1 like kubectl: the key `on` is the boolean true', () => {
    const [only] = parseManifests('kind: X\nspec:\n  on: ["5xx"]\n  enabled: yes\n', 'x.yaml');
    assert.deepEqual(only?.manifest.spec, { true: ['5xx'], enabled: true });
  });

  it('names file, line and column of a syntax error', () => {
    assert.throws(
      () => parseManifests('kind: X\nspec:\n  a: [1, 2\n  b: 3\n', 'bad.yaml'),
      (err: Error) => /^bad\.yaml:\d+:\d+: /.test(err.message) && !err.message.includes('\n'),
    );
  });
});
