import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { crdPath, renderCrd } from '../../../crds/generate.ts';
import { KINDS } from '../../../crds/index.ts';

for (const kind of KINDS) {
  test(`${kind.plural}.yaml is what the zod schemas generate (run make crds)`, () => {
    assert.equal(readFileSync(crdPath(kind), 'utf8'), renderCrd(kind));
  });

  test(`every field of ${kind.kind} has a description, so kubectl explain teaches the API`, () => {
    const crd = load(readFileSync(crdPath(kind), 'utf8')) as any;
    const missing: string[] = [];
    const walk = (node: any, path: string) => {
      if (!node || typeof node !== 'object') return;
      if (path !== '' && !node.description && path.split('.').at(-1) !== 'items') missing.push(path);
      for (const [k, child] of Object.entries(node.properties ?? {})) walk(child, `${path}.${k}`);
      if (node.items) walk(node.items, `${path}.items`);
      if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${path}.values`);
    };
    const root = crd.spec.versions[0].schema.openAPIV3Schema;
    walk(root.properties.spec, 'spec');
    walk(root.properties.status, 'status');
    assert.deepEqual(
      missing.filter((p) => !p.endsWith('.values')),
      [],
    );
  });

  test(`${kind.kind} CRD has status subresource, short names, category and printer columns`, () => {
    const crd = load(readFileSync(crdPath(kind), 'utf8')) as any;
    const v = crd.spec.versions[0];
    assert.deepEqual(v.subresources, { status: {} });
    assert.deepEqual(crd.spec.names.categories, ['aimesh']);
    assert.equal(crd.spec.names.shortNames.length, 1);
    assert.ok(v.additionalPrinterColumns.length >= 3);
    assert.equal(crd.spec.scope, 'Namespaced');
  });
}

test("kubectl get aiquota shows every limit's use (status.usage), not the first limit's only", () => {
  const crd = load(readFileSync(crdPath(KINDS.find((k) => k.kind === 'AIQuota')!), 'utf8')) as any;
  const v = crd.spec.versions[0];
  const columns = v.additionalPrinterColumns as { name: string; jsonPath: string; priority?: number }[];
  const usage = columns.find((c) => c.name === 'Usage');
  assert.deepEqual(usage && { ...usage, description: undefined }, {
    name: 'Usage',
    type: 'string',
    jsonPath: '.status.usage',
    description: undefined,
  });
  assert.equal(usage?.priority, undefined, 'a default column');
  assert.equal(v.schema.openAPIV3Schema.properties.status.properties.usage.type, 'string');
  for (const c of columns)
    assert.doesNotMatch(
      c.jsonPath,
      /^\.status\.limits\[0\]\.(used|limit)$/,
      `${c.name} shows one limit only`,
    );
});

test('CEL rules carry the same message as the offline checks', () => {
  const text = KINDS.map((k) => readFileSync(crdPath(k), 'utf8')).join('\n');
  for (const message of [
    'each limit sets exactly one of requests, tokens, inputTokens, outputTokens or costUSD',
    'at least one backend must have a weight above 0',
    'selector is required when from is Selector',
  ]) {
    assert.ok(text.includes(message), message);
  }
});

test('the README API reference is generated from the schemas (run make crds)', async () => {
  const { withReference } = await import('../../../crds/reference.ts');
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  assert.equal(readme, withReference(readme));
});
