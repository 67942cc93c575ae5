// Gateway credential mode in compile: a Gateway-mode provider's key never enters an app
// workload's snapshot (the provider entry names the egress gateway instead); the gateway's own
// snapshot carries it, with the namespaces allowed to use it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Manifest } from '../../../../crds/validate.ts';
import { compile } from '../../../../operator/compile/index.ts';
import { inputsFromManifests } from '../../../../operator/compile/inputs.ts';
import { seal, verify } from '../../../../sidecar/snapshot/version.ts';

const GATEWAY_KEY = 'sk-gateway-only-0123456789abcdef';
const SIDECAR_KEY = 'sk-sidecar-mode-0123456789abcdef';

function provider(
  name: string,
  key: string,
  mode: string | undefined,
  allowed: Record<string, unknown>,
): Manifest[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `${name}-key`, namespace: 'platform' },
      stringData: { apiKey: key },
    },
    {
      apiVersion: 'aimesh.io/v1alpha1',
      kind: 'AIProvider',
      metadata: { name, namespace: 'platform' },
      spec: {
        type: 'openai',
        auth: { secretRef: { name: `${name}-key` }, ...(mode ? { mode } : {}) },
        models: [{ name: 'gpt-4o' }],
        allowedNamespaces: allowed,
      },
    },
  ] as Manifest[];
}

const route = (namespace: string, providerName: string): Manifest =>
  ({
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIRoute',
    metadata: { name: `to-${providerName}`, namespace },
    spec: { rules: [{ backends: [{ providerRef: { name: providerName, namespace: 'platform' } }] }] },
  }) as Manifest;

const namespace = (name: string, labels: Record<string, string> = {}): Manifest =>
  ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } }) as Manifest;

const manifests: Manifest[] = [
  namespace('platform'),
  namespace('team-a', { tier: 'ai' }),
  namespace('team-b'),
  ...provider('guarded', GATEWAY_KEY, 'Gateway', {
    from: 'Selector',
    selector: { matchLabels: { tier: 'ai' } },
  }),
  ...provider('open', SIDECAR_KEY, undefined, { from: 'All' }),
  ...provider('everyone', 'sk-gateway-all-0123456789', 'Gateway', { from: 'All' }),
  route('team-a', 'guarded'),
  route('team-a', 'open'),
];

const run = (workloads?: Parameters<typeof compile>[0]['workloads'], gatewayUrl?: string) =>
  compile({ ...inputsFromManifests(manifests), workloads, gatewayUrl });

test('a Gateway-mode key never appears in an app snapshot; the provider names the gateway instead', () => {
  const { snapshots, problems } = run([{ namespace: 'team-a' }]);
  assert.deepEqual(
    problems.filter((p) => p.severity === 'error'),
    [],
  );
  const app = snapshots[0]!;
  assert.ok(!JSON.stringify(app).includes(GATEWAY_KEY), 'the gateway-mode key leaked into the app snapshot');
  const guarded = app.providers.find((p) => p.id === 'platform/guarded')!;
  assert.equal(guarded.credentials, undefined);
  assert.deepEqual(guarded.gateway, { url: 'http://aimesh-gateway.platform.svc:15080' });
  // Sidecar mode (the default) is unchanged: the key rides in the snapshot.
  const open = app.providers.find((p) => p.id === 'platform/open')!;
  assert.deepEqual(open.credentials, { apiKey: SIDECAR_KEY });
  assert.equal(open.gateway, undefined);
  assert.equal(app.gateway, undefined);
  assert.deepEqual(verify(app), { ok: true, snapshot: app });
});

test('the gateway URL template is the operator option, {namespace} filled in', () => {
  const app = run([{ namespace: 'team-a' }], 'https://gw.{namespace}.example:8443').snapshots[0]!;
  assert.equal(
    app.providers.find((p) => p.id === 'platform/guarded')!.gateway?.url,
    'https://gw.platform.example:8443',
  );
});

test("the namespace's gateway snapshot holds its Gateway-mode keys and who may use them", () => {
  const gw = run([{ namespace: 'platform', name: 'aimesh-gateway', role: 'gateway' }]).snapshots[0]!;
  assert.deepEqual(
    gw.providers.map((p) => [p.id, p.credentials?.apiKey]),
    [
      ['platform/everyone', 'sk-gateway-all-0123456789'],
      ['platform/guarded', GATEWAY_KEY],
    ],
  );
  assert.ok(!JSON.stringify(gw).includes(SIDECAR_KEY), 'a Sidecar-mode provider is not the gateway’s');
  assert.deepEqual(gw.gateway?.grants, [
    { provider: 'platform/everyone', allNamespaces: true, namespaces: [] },
    // Selector resolved against namespace labels; the provider's own namespace always may.
    { provider: 'platform/guarded', allNamespaces: false, namespaces: ['platform', 'team-a'] },
  ]);
  assert.deepEqual(gw.routes, []);
  assert.deepEqual(gw.quotas, []);
  assert.deepEqual(verify(gw), { ok: true, snapshot: gw });
});

test("another namespace's gateway gets none of these keys", () => {
  const gw = run([{ namespace: 'team-a', name: 'aimesh-gateway', role: 'gateway' }]).snapshots[0]!;
  assert.deepEqual(gw.providers, []);
  assert.deepEqual(gw.gateway, { grants: [] });
});

test('offline compile adds one gateway snapshot per namespace with Gateway-mode providers', () => {
  const { snapshots } = run();
  const gateways = snapshots.filter((s) => s.gateway);
  assert.deepEqual(
    gateways.map((s) => s.workload),
    [{ namespace: 'platform', name: 'aimesh-gateway' }],
  );
  const apps = snapshots.filter((s) => !s.gateway);
  for (const s of apps) assert.ok(!JSON.stringify(s).includes(GATEWAY_KEY));
});

test('verify refuses a gateway grant for a provider the snapshot does not hold', () => {
  const gw = run([{ namespace: 'platform', name: 'aimesh-gateway', role: 'gateway' }]).snapshots[0]!;
  const { version: _v, ...content } = gw;
  const bad = { ...content, providers: content.providers.slice(1) };
  assert.deepEqual(verify(seal(bad)), {
    ok: false,
    reason: 'gateway grant names unknown provider platform/everyone',
  });
});
