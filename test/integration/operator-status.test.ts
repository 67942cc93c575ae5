// The operator's view in `kubectl get`: the examples are applied to a real kube-apiserver and
// every resource reports Accepted / ResolvedRefs / Programmed; a missing Secret or a forbidden
// cross-namespace reference shows up as a condition with a reason and an Event, and heals.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Cluster, sharedCluster } from '../support/cluster.ts';
import { type RunningOperator, startOperator } from '../support/operator.ts';
import { waitFor } from '../support/procs.ts';

const API = '/apis/aimesh.io/v1alpha1';
const PLURAL = { AIProvider: 'aiproviders', AIRoute: 'airoutes', AIQuota: 'aiquotas' } as const;
type Kind = keyof typeof PLURAL;

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime: string;
}

describe('operator status', { timeout: 240_000 }, () => {
  let cluster: Cluster;
  let op: RunningOperator;

  const get = async (kind: Kind, ns: string, name: string) =>
    (await cluster.request('GET', `${API}/namespaces/${ns}/${PLURAL[kind]}/${name}`)).body;
  const condition = async (kind: Kind, ns: string, name: string, type: string) => {
    const o = await get(kind, ns, name);
    const c = (o?.status?.conditions ?? []).find((x: Condition) => x.type === type) as Condition | undefined;
    return c && c.observedGeneration === o.metadata.generation ? c : undefined;
  };
  const waitCondition = (
    kind: Kind,
    ns: string,
    name: string,
    type: string,
    status: string,
    timeoutMs = 15_000,
  ) =>
    waitFor(
      `${kind} ${ns}/${name} ${type}=${status}`,
      async () => {
        const c = await condition(kind, ns, name, type);
        return c?.status === status ? c : undefined;
      },
      { timeoutMs, intervalMs: 100, onTimeout: () => op.logs(30) },
    );
  const events = async (ns: string, name: string) =>
    (await cluster.request('GET', `/apis/events.k8s.io/v1/namespaces/${ns}/events`)).body.items.filter(
      (e: any) => e.regarding?.name === name && e.reportingController === 'aimesh.io/operator',
    ) as { reason: string; note: string; type: string }[];

  before(async () => {
    cluster = await sharedCluster();
    const system = await cluster.newNamespace('aimesh-system');
    op = await startOperator(cluster, { namespace: system });
  });

  after(async () => {
    await op?.stop();
  });

  it('brings every example resource to Accepted=True, with the printer columns filled', async () => {
    const applied = await cluster.kubectl(['apply', '-f', 'crds/examples']);
    assert.equal(applied.code, 0, applied.stderr);
    const resources: [Kind, string, string][] = [
      ['AIProvider', 'ai-platform', 'openai'],
      ['AIProvider', 'ai-platform', 'anthropic'],
      ['AIProvider', 'ai-platform', 'vllm'],
      ['AIRoute', 'team-a', 'chat'],
      ['AIQuota', 'team-a', 'team-budget'],
      ['AIQuota', 'team-a', 'premium-trial'],
    ];
    for (const [kind, ns, name] of resources) {
      const accepted = await waitCondition(kind, ns, name, 'Accepted', 'True');
      assert.equal(accepted.reason, 'Accepted');
      for (const type of ['ResolvedRefs', 'Programmed']) {
        const c = await waitCondition(kind, ns, name, type, 'True');
        assert.match(c.reason, /^[A-Z][A-Za-z]+$/, 'reasons are CamelCase');
      }
    }
    await waitCondition('AIProvider', 'ai-platform', 'openai', 'Ready', 'True');
    const route = await get('AIRoute', 'team-a', 'chat');
    assert.equal(route.status.rules, 7);
    assert.deepEqual(route.status.sidecars, { connected: 0, current: 0 });
    const openai = await condition('AIProvider', 'ai-platform', 'openai', 'Programmed');
    assert.match(openai!.message, /team-a\/chat/, 'a provider says which routes use it');

    // What a person sees.
    const table = await cluster.kubectl(['get', 'aiproviders', '-n', 'ai-platform']);
    assert.match(table.stdout, /openai\s+openai\s+True/);
    const routes = await cluster.kubectl(['get', 'airoutes', '-n', 'team-a']);
    assert.match(routes.stdout, /chat\s+7\s+True\s+0/);
  });

  it('reports a deleted Secret as ResolvedRefs=False with a reason and an Event, and heals when it is back', async () => {
    const secret = (await cluster.request('GET', '/api/v1/namespaces/ai-platform/secrets/openai-credentials'))
      .body;
    await waitCondition('AIProvider', 'ai-platform', 'openai', 'ResolvedRefs', 'True');
    assert.equal(
      (await cluster.kubectl(['delete', 'secret', '-n', 'ai-platform', 'openai-credentials'])).code,
      0,
    );

    const refs = await waitCondition('AIProvider', 'ai-platform', 'openai', 'ResolvedRefs', 'False');
    assert.equal(refs.reason, 'SecretNotFound');
    assert.match(refs.message, /Secret ai-platform\/openai-credentials does not exist/);
    assert.notEqual(refs.lastTransitionTime, undefined);
    const ready = await waitCondition('AIProvider', 'ai-platform', 'openai', 'Ready', 'False');
    assert.equal(ready.reason, 'SecretNotFound');
    // The route that uses it loses those backends, and says so.
    const routeRefs = await waitCondition('AIRoute', 'team-a', 'chat', 'ResolvedRefs', 'False');
    assert.equal(routeRefs.reason, 'ProviderNotReady');
    const event = await waitFor('SecretNotFound event', async () =>
      (await events('ai-platform', 'openai')).find((e) => e.reason === 'SecretNotFound'),
    );
    assert.equal(event.type, 'Warning');
    assert.doesNotMatch(JSON.stringify(await events('ai-platform', 'openai')), /sk-replace-me/);

    const restored = await cluster.request('POST', '/api/v1/namespaces/ai-platform/secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'openai-credentials', namespace: 'ai-platform' },
      data: secret.data,
    });
    assert.equal(restored.status, 201, restored.text);
    const healed = await waitCondition('AIProvider', 'ai-platform', 'openai', 'ResolvedRefs', 'True');
    assert.ok(healed.lastTransitionTime >= refs.lastTransitionTime, 'the transition back is recorded');
    await waitCondition('AIProvider', 'ai-platform', 'openai', 'Ready', 'True');
    await waitCondition('AIRoute', 'team-a', 'chat', 'ResolvedRefs', 'True');
    const normal = await waitFor('recovery event', async () =>
      (await events('ai-platform', 'openai')).find((e) => e.type === 'Normal' && e.reason === 'ResolvedRefs'),
    );
    assert.match(normal.note, /Credentials found/);
  });

  it('refuses a route to a provider that does not allow its namespace', async () => {
    const ns = await cluster.newNamespace('no-access');
    const route = {
      apiVersion: 'aimesh.io/v1alpha1',
      kind: 'AIRoute',
      metadata: { name: 'sneaky', namespace: ns },
      spec: { rules: [{ backends: [{ providerRef: { name: 'openai', namespace: 'ai-platform' } }] }] },
    };
    const applied = await cluster.kubectl(['apply', '-f', '-'], { input: JSON.stringify(route) });
    assert.equal(applied.code, 0, applied.stderr);
    const refs = await waitCondition('AIRoute', ns, 'sneaky', 'ResolvedRefs', 'False');
    assert.equal(refs.reason, 'NotAllowedByProvider');
    assert.match(refs.message, new RegExp(`does not allow routes from namespace ${ns}`));
    const programmed = await waitCondition('AIRoute', ns, 'sneaky', 'Programmed', 'False');
    assert.equal(programmed.reason, 'NoRulesProgrammed');
    const accepted = await waitCondition('AIRoute', ns, 'sneaky', 'Accepted', 'True');
    assert.equal(accepted.reason, 'Accepted');
    await waitFor('NotAllowedByProvider event', async () =>
      (await events(ns, 'sneaky')).find((e) => e.reason === 'NotAllowedByProvider'),
    );
  });

  it('keeps lastTransitionTime and writes nothing when nothing changed', async () => {
    const before = await condition('AIQuota', 'team-a', 'team-budget', 'Accepted');
    const writes = await op.metric('aimesh_operator_status_writes_total');
    // A label change is an update event but changes nothing the operator reports.
    await cluster.kubectl(['label', 'aiquota', '-n', 'team-a', 'team-budget', 'touched=yes']);
    await new Promise((r) => setTimeout(r, 1500));
    const afterTouch = await condition('AIQuota', 'team-a', 'team-budget', 'Accepted');
    assert.equal(afterTouch?.lastTransitionTime, before?.lastTransitionTime);
    assert.equal(await op.metric('aimesh_operator_status_writes_total'), writes);
  });

  it('never lets a quota status written by the quota service be clobbered', async () => {
    const limits = [{ name: 'tokens-per-minute', used: 42, limit: 100000 }];
    const patched = await cluster.request(
      'PATCH',
      `${API}/namespaces/team-a/aiquotas/team-budget/status`,
      { status: { limits } },
      { 'content-type': 'application/merge-patch+json' },
    );
    assert.equal(patched.status, 200, patched.text);
    // A spec change makes the operator rewrite conditions (new observedGeneration).
    const spec = (await get('AIQuota', 'team-a', 'team-budget')).spec;
    const changed = await cluster.request(
      'PATCH',
      `${API}/namespaces/team-a/aiquotas/team-budget`,
      { spec: { ...spec, enforcement: 'Shadow' } },
      { 'content-type': 'application/merge-patch+json' },
    );
    assert.equal(changed.status, 200, changed.text);
    const programmed = await waitCondition('AIQuota', 'team-a', 'team-budget', 'Programmed', 'True');
    assert.match(programmed.message, /Shadow/);
    assert.deepEqual((await get('AIQuota', 'team-a', 'team-budget')).status.limits, limits);
  });

  it('needed no permission beyond operator/kube/rbac.ts', () => {
    assert.doesNotMatch(op.logs(100_000), /forbidden/i);
  });
});
