// Data residency in compile: a route (spec.dataResidency) or its namespace (label
// aimesh.io/data-residency) restricts where its data may go; backends, fallbacks and classifier
// guards whose provider is declared elsewhere (or nowhere) are left out with a ResolvedRefs
// problem naming the backend and the provider's regions; the snapshot carries the residency of
// every provider it keeps, for the sidecar to record on each call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Manifest } from '../../../../crds/validate.ts';
import { compile } from '../../../../operator/compile/index.ts';
import { inputsFromManifests } from '../../../../operator/compile/inputs.ts';
import { verify } from '../../../../sidecar/snapshot/version.ts';

const provider = (name: string, dataResidency?: Record<string, unknown>): Manifest =>
  ({
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIProvider',
    metadata: { name, namespace: 'team' },
    spec: {
      type: 'openai-compatible',
      endpoint: `http://${name}.example:8000/v1`,
      models: [{ name: 'm' }],
      ...(dataResidency ? { dataResidency } : {}),
    },
  }) as Manifest;

const providers = [
  provider('eu', { jurisdiction: 'EU', regions: ['eu-west-1', 'eu-central-1'] }),
  provider('eu-any-region', { jurisdiction: 'EU' }),
  provider('us', { jurisdiction: 'US', regions: ['us-east-1'] }),
  provider('ch', { jurisdiction: 'CH', regions: ['zurich'] }),
  provider('unknown'),
];

const ref = (name: string) => ({ providerRef: { name } });

function run(opts: {
  labels?: Record<string, string>;
  residency?: unknown;
  backends: string[];
  fallback?: string;
}) {
  const route = {
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIRoute',
    metadata: { name: 'chat', namespace: 'team' },
    spec: {
      ...(opts.residency ? { dataResidency: opts.residency } : {}),
      rules: [
        {
          backends: opts.backends.map(ref),
          ...(opts.fallback ? { fallback: { backends: [ref(opts.fallback)] } } : {}),
        },
      ],
    },
  } as Manifest;
  const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels: opts.labels ?? {} } };
  const out = compile(inputsFromManifests([ns as Manifest, ...providers, route]));
  const problems = out.problems.filter((p) => p.kind === 'AIRoute' && p.reason !== 'NoUsableBackends');
  const snapshot = out.snapshots.find((s) => s.workload.namespace === 'team');
  return { out, problems, snapshot };
}

const cases: {
  name: string;
  labels?: Record<string, string>;
  residency?: unknown;
  backends: string[];
  fallback?: string;
  /** Providers left out, each with an OutsideDataResidency problem. */
  refused: string[];
}[] = [
  { name: 'no policy: every provider', backends: ['eu', 'us', 'unknown'], refused: [] },
  {
    name: 'route jurisdictions EU',
    residency: { jurisdictions: ['EU'] },
    backends: ['eu', 'us'],
    refused: ['us'],
  },
  {
    name: 'route jurisdictions EU and CH',
    residency: { jurisdictions: ['EU', 'CH'] },
    backends: ['eu', 'ch', 'us'],
    refused: ['us'],
  },
  {
    name: 'an undeclared provider is outside every policy',
    residency: { jurisdictions: ['EU'] },
    backends: ['eu', 'unknown'],
    refused: ['unknown'],
  },
  {
    name: 'route regions: every region of the provider must be allowed',
    residency: { regions: ['eu-west-1'] },
    backends: ['eu', 'us'],
    refused: ['eu', 'us'],
  },
  {
    name: 'route regions covering the provider',
    residency: { regions: ['eu-west-1', 'eu-central-1', 'zurich'] },
    backends: ['eu', 'ch'],
    refused: [],
  },
  {
    name: 'route regions: a provider without regions is outside',
    residency: { regions: ['eu-west-1'] },
    backends: ['eu-any-region'],
    refused: ['eu-any-region'],
  },
  {
    name: 'a fallback outside the policy',
    residency: { jurisdictions: ['EU'] },
    backends: ['eu'],
    fallback: 'us',
    refused: ['us'],
  },
  {
    name: 'namespace label EU',
    labels: { 'aimesh.io/data-residency': 'EU' },
    backends: ['eu', 'ch', 'us'],
    refused: ['ch', 'us'],
  },
  {
    name: 'namespace label with two jurisdictions (dots), lower case',
    labels: { 'aimesh.io/data-residency': 'eu.ch' },
    backends: ['eu', 'ch', 'us'],
    refused: ['us'],
  },
  {
    name: 'a route can only narrow the namespace label',
    labels: { 'aimesh.io/data-residency': 'EU' },
    residency: { jurisdictions: ['EU', 'US'] },
    backends: ['eu', 'us'],
    refused: ['us'],
  },
  {
    name: 'an unreadable label admits nothing',
    labels: { 'aimesh.io/data-residency': 'e_u' },
    backends: ['eu'],
    refused: ['eu'],
  },
];

for (const c of cases) {
  test(`residency: ${c.name}`, () => {
    const { problems, snapshot } = run(c);
    const outside = problems.filter((p) => p.reason === 'OutsideDataResidency');
    const named = (p: { message: string }) => p.message.match(/AIProvider team\/(\S+)/)?.[1];
    assert.deepEqual(outside.map(named).sort(), [...c.refused].sort(), JSON.stringify(problems));
    for (const p of outside) {
      assert.equal(p.condition, 'ResolvedRefs');
      assert.match(p.path, /^spec\.rules\[0\]\.(backends|fallback\.backends)\[\d\]\.providerRef$/);
      assert.match(p.message, /outside the data residency of (spec\.dataResidency|namespace label)/);
    }
    const carried = (snapshot?.providers ?? []).map((p) => p.id.split('/')[1]).sort();
    const used = [...c.backends, ...(c.fallback ? [c.fallback] : [])].filter((b) => !c.refused.includes(b));
    assert.deepEqual(carried, [...new Set(used)].sort());
  });
}

test("the problem names the provider's jurisdiction and regions and the policy", () => {
  const { problems } = run({ residency: { jurisdictions: ['EU'] }, backends: ['eu', 'us'] });
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.path, 'spec.rules[0].backends[1].providerRef');
  assert.equal(
    problems[0]!.message,
    'AIProvider team/us processes data under jurisdiction US in regions us-east-1: outside the data residency of spec.dataResidency (jurisdictions EU)',
  );
  const regions = run({ residency: { regions: ['eu-west-1'] }, backends: ['eu'] }).problems[0]!;
  assert.match(regions.message, /regions eu-west-1, eu-central-1 \(eu-central-1 not allowed\)/);
});

test('an unreadable namespace label is a problem of its own', () => {
  const { problems } = run({ labels: { 'aimesh.io/data-residency': 'e_u' }, backends: ['eu'] });
  assert.ok(problems.some((p) => p.reason === 'InvalidDataResidency' && p.message.includes('e_u')));
});

test('the snapshot carries where each provider processes data', () => {
  const { snapshot } = run({ backends: ['eu', 'unknown'] });
  assert.ok(snapshot);
  assert.deepEqual(verify(snapshot), { ok: true, snapshot });
  const byId = Object.fromEntries(snapshot.providers.map((p) => [p.id, p.dataResidency]));
  assert.deepEqual(byId, {
    'team/eu': { jurisdiction: 'EU', regions: ['eu-west-1', 'eu-central-1'] },
    'team/unknown': undefined,
  });
});
