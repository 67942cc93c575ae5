// The real binary, as CI pipelines run it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { verify } from '../../../../sidecar/snapshot/version.ts';

const root = join(import.meta.dirname, '../../../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'operator/main.ts'), ...args], { cwd: root, encoding: 'utf8' });

test('aimesh-operator compile -f crds/examples prints verified snapshots', () => {
  const r = run('compile', '-f', 'crds/examples');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const snapshots = JSON.parse(r.stdout);
  assert.ok(Array.isArray(snapshots) && snapshots.length > 0);
  for (const s of snapshots) assert.equal(verify(s).ok, true);
});

test('-n picks one namespace and -o writes an owner-only file', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'aimesh-')), 'snapshot.json');
  const r = run('compile', '-f', 'crds/examples', '-n', 'team-a', '-o', out);
  assert.equal(r.status, 0, r.stderr);
  const s = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(s.workload.namespace, 'team-a');
  assert.equal(statSync(out).mode & 0o077, 0);
});

test('invalid input exits 1 with one line per problem and nothing on stdout', () => {
  const r = run('compile', '-f', 'crds/examples', '-f', 'crds/examples/invalid');
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.ok(lines.length >= 12);
  for (const line of lines)
    assert.match(
      line,
      /^crds\/examples\/invalid\/[\w-]+\.yaml: AI(Provider|Route|Quota|AccessRequest) [\w-]+\/[\w-]+: (spec|metadata)/,
    );
});

test('usage errors exit 2', () => {
  const r = run('compile');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /compile needs at least one -f/);
});
