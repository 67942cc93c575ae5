// Least privilege for provider credentials: the operator watches only the Secrets AIProviders
// reference, each by name, so it works with a Role that grants exactly those Secrets (by
// resourceNames) and nothing else; a Secret outside what it may read reports SecretNotFound
// without holding up the rest, and a newly referenced Secret is loaded before it is compiled.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Cluster } from '../support/cluster.ts';
import { type RunningOperator, startOperator } from '../support/operator.ts';
import { waitFor } from '../support/procs.ts';
import { kubectlApply, openAIProvider, operatorStage } from '../support/workload.ts';

const API = '/apis/aimesh.io/v1alpha1';

describe('operator access to Secrets', { timeout: 180_000 }, () => {
  let cluster: Cluster;
  let system: string;
  let platform: string;
  let elsewhere: string;
  let op: RunningOperator;

  const condition = async (ns: string, name: string, type: string) => {
    const o = (await cluster.request('GET', `${API}/namespaces/${ns}/aiproviders/${name}`)).body;
    const c = (o?.status?.conditions ?? []).find((x: { type: string }) => x.type === type);
    return c && c.observedGeneration === o.metadata.generation ? c : undefined;
  };
  const waitStatus = (ns: string, name: string, type: string, status: string) =>
    waitFor(
      `AIProvider ${ns}/${name} ${type}=${status}`,
      async () => {
        const c = await condition(ns, name, type);
        return c?.status === status ? c : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100, onTimeout: () => op.logs(30) },
    );
  /** Lets the operator read exactly these Secrets of the namespace. */
  const grant = async (ns: string, names: string[]) => {
    const rbac = 'rbac.authorization.k8s.io';
    await kubectlApply(cluster, [
      {
        apiVersion: `${rbac}/v1`,
        kind: 'Role',
        metadata: { name: 'aimesh-operator-secrets', namespace: ns },
        rules: [
          { apiGroups: [''], resources: ['secrets'], resourceNames: names, verbs: ['get', 'list', 'watch'] },
        ],
      },
      {
        apiVersion: `${rbac}/v1`,
        kind: 'RoleBinding',
        metadata: { name: 'aimesh-operator-secrets', namespace: ns },
        roleRef: { apiGroup: rbac, kind: 'Role', name: 'aimesh-operator-secrets' },
        subjects: [{ kind: 'ServiceAccount', name: 'aimesh-operator', namespace: system }],
      },
    ]);
    // The authorizer's cache follows RBAC changes shortly after: wait until it allows them.
    for (const name of names)
      await waitFor(`operator may read ${ns}/${name}`, async () => {
        const r = await cluster.request('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: {
            user: `system:serviceaccount:${system}:aimesh-operator`,
            groups: ['system:serviceaccounts', `system:serviceaccounts:${system}`],
            resourceAttributes: { namespace: ns, verb: 'watch', resource: 'secrets', name },
          },
        });
        return r.body?.status?.allowed === true;
      });
  };

  before(async () => {
    let upstream: { close(): Promise<void> };
    ({ cluster, system, ns: platform, upstream } = await operatorStage('sk-unused'));
    await upstream.close();
    elsewhere = await cluster.newNamespace('elsewhere');
    await grant(platform, ['openai-key']);
    await kubectlApply(cluster, [
      ...openAIProvider({
        namespace: platform,
        name: 'openai',
        endpoint: 'http://127.0.0.1:9/v1',
        apiKey: 'sk-a',
      }),
      // Not referenced by any provider: the operator has no reason (and no right) to see it.
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'unrelated', namespace: platform },
        stringData: { x: 'y' },
      },
      ...openAIProvider({
        namespace: elsewhere,
        name: 'outside',
        endpoint: 'http://127.0.0.1:9/v1',
        apiKey: 'sk-b',
      }),
    ]);
    // No Secret permission anywhere but the Role above (rbac.providerNamespaces: []).
    op = await startOperator(cluster, { namespace: system, providerNamespaces: [] });
  });

  after(async () => {
    await op?.stop();
  });

  it('becomes ready and resolves the provider whose Secret it may read, by name only', async () => {
    await waitStatus(platform, 'openai', 'ResolvedRefs', 'True');
  });

  it('reports a Secret it may not read as SecretNotFound, and that holds nothing else up', async () => {
    const c = await waitStatus(elsewhere, 'outside', 'ResolvedRefs', 'False');
    assert.equal(c.reason, 'SecretNotFound');
    assert.doesNotMatch(c.message, /sk-b/);
  });

  it('loads a newly referenced Secret before compiling it: no SecretNotFound on the way', async () => {
    await grant(platform, ['openai-key', 'second-key']);
    await kubectlApply(cluster, [
      ...openAIProvider({
        namespace: platform,
        name: 'second',
        endpoint: 'http://127.0.0.1:9/v1',
        apiKey: 'sk-c',
      }),
    ]);
    await waitStatus(platform, 'second', 'ResolvedRefs', 'True');
    const events = (await cluster.request('GET', `/apis/events.k8s.io/v1/namespaces/${platform}/events`)).body
      .items as { regarding?: { name?: string }; reason: string }[];
    assert.deepEqual(
      events.filter((e) => e.regarding?.name === 'second' && e.reason === 'SecretNotFound'),
      [],
    );
  });

  it('never asked for a Secret it was not granted in the platform namespace', () => {
    const denied = op
      .logs(100_000)
      .split('\n')
      .filter((l) => /forbidden/i.test(l) && !l.includes(elsewhere));
    assert.deepEqual(denied, []);
  });
});
