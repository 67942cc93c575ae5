// Golden tests for the pure compile step: input manifests -> expected snapshots and problems.
// Regenerate after an intended change with UPDATE_GOLDEN=1 and review the diff.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadManifests } from '../../../../operator/cli/manifests.ts';
import { compile } from '../../../../operator/compile/index.ts';
import { inputsFromManifests } from '../../../../operator/compile/inputs.ts';
import { verify } from '../../../../sidecar/snapshot/version.ts';

const goldenDir = join(import.meta.dirname, 'golden');
const examples = join(import.meta.dirname, '../../../../crds/examples');

function compileCase(inputPaths: string[], workloadsFile?: string) {
  const manifests = loadManifests(inputPaths).map((l) => l.manifest);
  const workloads =
    workloadsFile && existsSync(workloadsFile) ? JSON.parse(readFileSync(workloadsFile, 'utf8')) : undefined;
  return { manifests, workloads, output: compile({ ...inputsFromManifests(manifests), workloads }) };
}

const cases: [string, string[]][] = [
  ['examples', [examples]],
  ...readdirSync(goldenDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d): [string, string[]] => [d.name, [join(goldenDir, d.name, 'input.yaml')]]),
];

for (const [name, inputs] of cases) {
  test(`golden: ${name}`, () => {
    const { output } = compileCase(inputs, join(goldenDir, name, 'workloads.json'));
    const actual = `${JSON.stringify({ problems: output.problems, snapshots: output.snapshots }, null, 2)}\n`;
    const expectedFile = join(goldenDir, name === 'examples' ? 'examples.json' : `${name}/expected.json`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, actual);
    assert.equal(actual, readFileSync(expectedFile, 'utf8'));
    for (const s of output.snapshots) assert.deepEqual(verify(s), { ok: true, snapshot: s });
  });
}

test('compile is deterministic: input order does not change versions or problems', () => {
  for (const [name, inputs] of cases) {
    const a = compileCase(inputs, join(goldenDir, name, 'workloads.json'));
    const shuffled = [...a.manifests].reverse();
    const b = compile({ ...inputsFromManifests(shuffled), workloads: a.workloads });
    assert.deepEqual(
      b.snapshots.map((s) => s.version),
      a.output.snapshots.map((s) => s.version),
    );
    assert.deepEqual(b.problems, a.output.problems);
  }
});

test('secret values never appear in problems', () => {
  for (const [, inputs] of cases) {
    const { manifests, output } = compileCase(inputs);
    const values = inputsFromManifests(manifests).secrets.flatMap((s) => Object.values(s.data));
    const text = JSON.stringify(output.problems);
    for (const v of values) assert.ok(!text.includes(v), 'a secret value leaked into a problem');
  }
});

test('a changed route changes the version; an unrelated namespace does not', () => {
  const base = compileCase([examples]).manifests;
  const v0 = compile(inputsFromManifests(base)).snapshots[0]!.version;
  const edited = structuredClone(base);
  const route = edited.find((m) => m.kind === 'AIRoute') as any;
  route.spec.timeout = '31s';
  assert.notEqual(compile(inputsFromManifests(edited)).snapshots[0]!.version, v0);
  const extra = [
    ...structuredClone(base),
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'unrelated' } },
  ];
  assert.equal(compile(inputsFromManifests(extra)).snapshots[0]!.version, v0);
});
