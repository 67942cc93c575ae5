// Access approval in compile: a provider with allowedNamespaces.from: Approved admits a namespace
// only while it holds an Approved AIAccessRequest for it (and, when the request lists models, only
// those models); otherwise the route reports ResolvedRefs=False and the snapshot of the namespace
// carries neither the provider nor its key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Manifest } from '../../../../crds/validate.ts';
import { compile } from '../../../../operator/compile/index.ts';
import { inputsFromManifests } from '../../../../operator/compile/inputs.ts';

const KEY = 'sk-approved-only-0123456789abcdef';

const base: Manifest[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'platform' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'key', namespace: 'platform' },
    stringData: { apiKey: KEY },
  },
  {
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIProvider',
    metadata: { name: 'openai', namespace: 'platform' },
    spec: {
      type: 'openai',
      auth: { secretRef: { name: 'key' } },
      models: [{ name: 'gpt-4o' }, { name: 'gpt-4o-mini' }],
      allowedNamespaces: { from: 'Approved' },
    },
  },
] as Manifest[];

type Backend = { model?: string; fallback?: string };

const route = (namespace: string, backend: Backend = {}, extra: Record<string, unknown> = {}): Manifest =>
  ({
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIRoute',
    metadata: { name: 'chat', namespace },
    spec: {
      rules: [
        {
          backends: [
            {
              providerRef: { name: 'openai', namespace: 'platform' },
              ...(backend.model ? { model: backend.model } : {}),
            },
          ],
          ...(backend.fallback
            ? {
                fallback: {
                  backends: [
                    { providerRef: { name: 'openai', namespace: 'platform' }, model: backend.fallback },
                  ],
                },
              }
            : {}),
        },
      ],
      ...extra,
    },
  }) as Manifest;

const request = (
  name: string,
  status: Record<string, unknown> | undefined,
  models?: string[],
  namespace = 'team-a',
): Manifest =>
  ({
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIAccessRequest',
    metadata: { name, namespace },
    spec: {
      provider: { name: 'openai', namespace: 'platform' },
      reason: 'the support bot',
      requester: 'alice',
      ...(models ? { models } : {}),
    },
    ...(status ? { status } : {}),
  }) as Manifest;

const decided = (phase: string) => ({ phase, decision: { by: 'bob', at: '2026-12-07T03:00:00Z' } });

function run(...extra: Manifest[]) {
  const out = compile(inputsFromManifests([...base, ...extra]));
  const snapshot = out.snapshots.find((s) => s.workload.namespace === 'team-a');
  // NoUsableBackends only follows from the cause (status shows the cause first).
  const routeProblems = out.problems.filter((p) => p.kind === 'AIRoute' && p.reason !== 'NoUsableBackends');
  return { out, snapshot, routeProblems };
}

const cases: {
  name: string;
  manifests: Manifest[];
  /** The route's problem reason, or undefined when the route resolves. */
  reason?: string;
  /** Words the problem message must contain. */
  says?: string[];
  /** The snapshot carries the provider (default: when there is no problem). */
  carried?: boolean;
}[] = [
  { name: 'no request', manifests: [route('team-a')], reason: 'NotApproved', says: ['holds no Approved'] },
  {
    name: 'a pending request',
    manifests: [route('team-a'), request('ask', undefined)],
    reason: 'NotApproved',
    says: ['team-a/ask is Pending'],
  },
  {
    name: 'a denied request',
    manifests: [route('team-a'), request('ask', decided('Denied'))],
    reason: 'NotApproved',
    says: ['team-a/ask is Denied (by bob)'],
  },
  {
    name: 'a revoked request',
    manifests: [route('team-a'), request('ask', decided('Revoked'))],
    reason: 'NotApproved',
    says: ['is Revoked (by bob)'],
  },
  {
    name: 'Approved without a recorded decision (never written through the webhook)',
    manifests: [route('team-a'), request('ask', { phase: 'Approved' })],
    reason: 'NotApproved',
    says: ['is Pending'],
  },
  {
    name: 'an approved request in another namespace',
    manifests: [route('team-a'), request('ask', decided('Approved'), undefined, 'team-b')],
    reason: 'NotApproved',
  },
  { name: 'an approved request', manifests: [route('team-a'), request('ask', decided('Approved'))] },
  {
    name: 'approved for some models: a backend naming one of them',
    manifests: [
      route('team-a', { model: 'gpt-4o-mini' }),
      request('ask', decided('Approved'), ['gpt-4o-mini']),
    ],
  },
  {
    name: 'approved for some models: a backend naming another',
    manifests: [route('team-a', { model: 'gpt-4o' }), request('ask', decided('Approved'), ['gpt-4o-mini'])],
    reason: 'ModelNotApproved',
    says: ['models gpt-4o-mini only', 'not gpt-4o', 'team-a/ask'],
  },
  {
    name: "approved for some models: a backend passing on the app's model",
    manifests: [route('team-a'), request('ask', decided('Approved'), ['gpt-4o-mini'])],
    reason: 'ModelNotApproved',
    says: ['name one in model'],
  },
  {
    name: 'two approved requests add up',
    manifests: [
      route('team-a', { model: 'gpt-4o', fallback: 'gpt-4o-mini' }),
      request('one', decided('Approved'), ['gpt-4o-mini']),
      request('two', decided('Approved'), ['gpt-4o']),
    ],
  },
  {
    name: 'a fallback outside the approved models',
    manifests: [
      route('team-a', { model: 'gpt-4o-mini', fallback: 'gpt-4o' }),
      request('ask', decided('Approved'), ['gpt-4o-mini']),
    ],
    reason: 'ModelNotApproved',
    says: ['not gpt-4o'],
    carried: true, // the primary backend still serves; only the fallback is left out
  },
  {
    name: 'passthrough with a grant for some models',
    manifests: [
      route(
        'team-a',
        { model: 'gpt-4o-mini' },
        {
          passthrough: {
            backend: { providerRef: { name: 'openai', namespace: 'platform' } },
            paths: ['/v1/files'],
          },
        },
      ),
      request('ask', decided('Approved'), ['gpt-4o-mini']),
    ],
    reason: 'ModelNotApproved',
    says: ['passthrough carries any model'],
    carried: true, // the rules still serve; only passthrough is left out
  },
];

for (const c of cases) {
  test(`from Approved: ${c.name}`, () => {
    const { snapshot, routeProblems } = run(...c.manifests);
    assert.deepEqual(
      routeProblems.map((p) => p.reason),
      c.reason ? [c.reason] : [],
      JSON.stringify(routeProblems),
    );
    const problem = routeProblems[0];
    if (problem) {
      assert.equal(problem.condition, 'ResolvedRefs');
      assert.equal(problem.severity, 'error');
      for (const w of c.says ?? []) assert.ok(problem.message.includes(w), `"${w}" in: ${problem.message}`);
    }
    const text = JSON.stringify(snapshot ?? {});
    const carried = snapshot?.providers.some((p) => p.id === 'platform/openai') ?? false;
    const usable = c.carried ?? !c.reason;
    assert.equal(carried, usable, 'the provider is in the snapshot exactly when the route may use it');
    if (!usable) assert.ok(!text.includes(KEY), 'the key never reaches a namespace without a grant');
  });
}

test('the provider namespace itself needs no request', () => {
  const { routeProblems, snapshot } = run(route('platform'));
  assert.deepEqual(routeProblems, []);
  assert.equal(snapshot, undefined);
  const out = compile(inputsFromManifests([...base, route('platform')]));
  assert.ok(out.snapshots.find((s) => s.workload.namespace === 'platform')?.providers.length === 1);
});

test('a request for a missing provider or model is a problem on the request', () => {
  const missing = request('missing', undefined);
  (missing.spec as any).provider.name = 'nope';
  const { out } = run(missing, request('bad-model', decided('Approved'), ['gpt-5']));
  const mine = out.problems.filter((p) => p.kind === 'AIAccessRequest');
  assert.deepEqual(
    mine.map((p) => [p.name, p.reason, p.condition]),
    [
      ['bad-model', 'UnknownModel', 'ResolvedRefs'],
      ['missing', 'ProviderNotFound', 'ResolvedRefs'],
    ],
  );
  assert.match(mine[0]!.message, /no model gpt-5/);
});

test('a request to a provider that does not use approval is accepted with a warning', () => {
  const open = structuredClone(base);
  (open[3]!.spec as any).allowedNamespaces = { from: 'All' };
  const out = compile(inputsFromManifests([...open, request('ask', undefined)]));
  const mine = out.problems.filter((p) => p.kind === 'AIAccessRequest');
  assert.deepEqual(
    mine.map((p) => [p.reason, p.severity]),
    [['ApprovalNotRequired', 'warning']],
  );
  assert.match(mine[0]!.message, /allowedNamespaces.from: All/);
});

test("an approved namespace may use a Gateway-mode provider's egress gateway", () => {
  const gw = structuredClone(base);
  (gw[3]!.spec as any).auth.mode = 'Gateway';
  const grants = (extra: Manifest[]) =>
    compile(inputsFromManifests([...gw, ...extra])).snapshots.find((s) => s.gateway)?.gateway?.grants;
  assert.deepEqual(grants([request('ask', decided('Pending'))]), [
    { provider: 'platform/openai', allNamespaces: false, namespaces: ['platform'] },
  ]);
  assert.deepEqual(grants([request('ask', decided('Approved'))]), [
    { provider: 'platform/openai', allNamespaces: false, namespaces: ['platform', 'team-a'] },
  ]);
});
