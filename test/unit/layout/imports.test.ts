// The house rules of the source tree, checked on every run: no import cycles, dependencies point
// one way (the sidecar stands alone; crds/ is the API), one module per binary talks to Kubernetes
// through @kubernetes/client-node, and every dependency in package.json is imported by some code.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../../..');
const TREES = ['operator', 'sidecar', 'crds', 'bench', 'scripts', 'images', 'test'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

// Static imports and re-exports, dynamic import(), and require() of a package.
const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\(\s*|createRequire\([^)]*\)\(\s*)['"]([^'"]+)['"]/g;

function specifiers(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  return [...text.matchAll(SPECIFIER)].map((m) => m[1]!);
}

const files = TREES.flatMap(sourceFiles);
const graph = new Map<string, string[]>(
  files.map((f) => [
    f,
    specifiers(f)
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(ROOT, resolve(ROOT, dirname(f), s))),
  ]),
);

/** Strongly connected components with more than one module (or a self-import): the cycles. */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || g.get(v)?.includes(v)) out.push(scc.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const importers = (pred: (from: string, to: string) => boolean) =>
  [...graph].flatMap(([from, tos]) => tos.filter((to) => pred(from, to)).map((to) => `${from} -> ${to}`));

describe('source layout', () => {
  it('finds the modules it checks (the scan works)', () => {
    assert.ok(graph.size > 200, `only ${graph.size} modules found`);
    assert.ok(graph.get('operator/run.ts')?.includes('operator/controller/reconcile.ts'));
  });

  it('has no import cycles', () => {
    assert.deepEqual(cycles(graph), []);
  });

  it('detects a cycle when there is one (the checker itself can fail)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(cycles(g), [['a', 'b', 'c']]);
  });

  it('keeps the sidecar free of operator/ and crds/ (it ships alone)', () => {
    assert.deepEqual(
      importers(
        (from, to) => from.startsWith('sidecar/') && /^(operator|crds|bench|test|scripts)\//.test(to),
      ),
      [],
    );
  });

  // One exception: the value checks a sidecar applies to a snapshot (durations, endpoints, regular
  // expressions), so the API accepts exactly what every sidecar accepts.
  const SHARED_CHECKS = ['sidecar/snapshot/limits.ts', 'sidecar/snapshot/regex.ts'];

  it('keeps crds/ (the API) free of the operator and the sidecar, but for the shared value checks', () => {
    assert.deepEqual(
      importers(
        (from, to) =>
          from.startsWith('crds/') &&
          /^(operator|sidecar|bench|test|scripts)\//.test(to) &&
          !SHARED_CHECKS.includes(to),
      ),
      [],
    );
  });

  it('keeps the shared value checks free of the rest of the sidecar', () => {
    assert.deepEqual(
      importers((from, to) => SHARED_CHECKS.includes(from) && /^(operator|sidecar|crds)\//.test(to)),
      [],
    );
  });

  it('never imports tests, benchmarks or scripts from product code', () => {
    assert.deepEqual(
      importers((from, to) => /^(operator|sidecar|crds)\//.test(from) && /^(bench|test|scripts)\//.test(to)),
      [],
    );
  });

  it('lets one module per binary import @kubernetes/client-node', () => {
    const users = files.filter(
      (f) =>
        /^(operator|sidecar)\//.test(f) && specifiers(f).some((s) => s.startsWith('@kubernetes/client-node')),
    );
    assert.deepEqual(users, ['operator/kube/client.ts']);
  });

  it('imports every dependency package.json lists (none is dead weight)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    // Tools run as commands, and type-only packages, are not imported by design.
    const tools = new Set(['@biomejs/biome', 'typescript', '@types/node']);
    const imported = new Set(
      files
        .flatMap(specifiers)
        .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2) : s.split('/').slice(0, 1)).join('/')),
    );
    // @types/x is used when x is.
    const unused = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
      (d) => !tools.has(d) && !imported.has(d.replace(/^@types\//, '')),
    );
    assert.deepEqual(unused, []);
  });
});
