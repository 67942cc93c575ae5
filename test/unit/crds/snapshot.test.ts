// The CRDs (crds/) and the snapshot the sidecar enforces (sidecar/snapshot/schema.ts) each spell
// out the closed vocabularies they share, so the API stays self-contained; these tests keep the
// two spellings, and what the generated CRDs publish, from drifting apart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { load } from 'js-yaml';
import * as provider from '../../../crds/aiprovider.ts';
import * as quota from '../../../crds/aiquota.ts';
import * as route from '../../../crds/airoute.ts';
import { crdPath } from '../../../crds/generate.ts';
import * as snapshot from '../../../sidecar/snapshot/schema.ts';

const VOCABULARIES = [
  {
    what: 'provider types',
    crd: provider.PROVIDER_TYPES,
    snapshot: snapshot.PROVIDER_TYPES,
    kind: provider.aiprovider,
  },
  { what: 'operations', crd: route.OPERATIONS, snapshot: snapshot.OPERATIONS, kind: route.airoute },
  { what: 'failure triggers', crd: route.FAILURES, snapshot: snapshot.FAILURES, kind: route.airoute },
  { what: 'PII types', crd: route.PII_TYPES, snapshot: snapshot.PII_TYPES, kind: route.airoute },
];

/** Every `enum` list in a CRD's schema, each sorted. */
function enumsOf(node: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(node)) for (const n of node) enumsOf(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'enum' && Array.isArray(v)) out.push(v.map(String).sort());
      else enumsOf(v, out);
    }
  }
  return out;
}

for (const v of VOCABULARIES) {
  test(`the CRDs' ${v.what} are the snapshot's`, () => {
    assert.deepEqual(v.crd, v.snapshot);
  });

  test(`${v.kind.plural}.yaml publishes the snapshot's ${v.what}`, () => {
    const enums = enumsOf(load(readFileSync(crdPath(v.kind), 'utf8')));
    assert.ok(
      enums.some((e) => JSON.stringify(e) === JSON.stringify([...v.snapshot].sort())),
      `no enum of ${[...v.snapshot].join(', ')} in ${v.kind.plural}.yaml`,
    );
  });
}

test("the CRDs' quota dimensions are the snapshot's", () => {
  assert.deepEqual(quota.DIMENSIONS, snapshot.DIMENSIONS);
});

test('aiquotas.yaml offers one limit field for each of the snapshot quota dimensions', () => {
  const crd = load(readFileSync(crdPath(quota.aiquota), 'utf8')) as any;
  const limit = crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.limits.items;
  for (const d of snapshot.DIMENSIONS) assert.ok(limit.properties[d], `spec.limits[].${d}`);
});
