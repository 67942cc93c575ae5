// The chart ships the generated CRDs in charts/aimesh/crds/ (Helm installs them before anything
// else). They must stay byte-identical to crds/*.yaml: run `make chart-crds` after `make crds`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../support/bins.ts';

const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
const generated = join(repoRoot, 'crds');
const shipped = join(repoRoot, 'charts/aimesh/crds');

test('charts/aimesh/crds holds exactly the generated CRD files', () => {
  assert.ok(yamlIn(generated).length >= 3, 'crds/*.yaml: no generated CRDs found');
  assert.deepEqual(
    yamlIn(shipped),
    yamlIn(generated),
    'the chart and crds/ list different CRD files: run `make chart-crds`',
  );
});

for (const file of yamlIn(generated)) {
  test(`charts/aimesh/crds/${file} is identical to crds/${file}`, () => {
    let copy: string;
    try {
      copy = readFileSync(join(shipped, file), 'utf8');
    } catch {
      assert.fail(`charts/aimesh/crds/${file} is missing: run \`make chart-crds\``);
    }
    assert.ok(
      copy === readFileSync(join(generated, file), 'utf8'),
      `charts/aimesh/crds/${file} drifted from crds/${file}: run \`make chart-crds\``,
    );
  });
}
