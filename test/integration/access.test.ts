// Access approval and data residency through the real control plane: users authenticated by the
// kube-apiserver (client certificates), the operator's admission webhook called over TLS and
// asking the apiserver by SubjectAccessReview, kubectl and `aimesh-operator access` as the users
// run them, and a push-mode sidecar whose snapshot gains and loses the provider as the grant does.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dump } from 'js-yaml';
import OpenAI from 'openai';
import { accessWebhook } from '../../operator/webhook/config.ts';
import type { Cluster } from '../support/cluster.ts';
import { operatorCA, type PushSidecar, type RunningOperator, startOperator } from '../support/operator.ts';
import { run, tempDir, waitFor } from '../support/procs.ts';
import type { Upstream } from '../support/upstream.ts';
import {
  kubectlApply,
  openAIProvider,
  operatorStage,
  sidecarReady,
  startPodSidecar,
} from '../support/workload.ts';

const KEY = 'sk-access-upstream-key';
const CONFIG = 'aimesh-test-access';
const API = '/apis/aimesh.io/v1alpha1';
const ROOT = join(import.meta.dirname, '../..');
const rbac = 'rbac.authorization.k8s.io';

describe('access requests and data residency', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let system: string;
  let team: string;
  let platform: string;
  let upstream: Upstream;
  let op: RunningOperator;
  let sidecar: PushSidecar;
  let request = '';
  const dir = tempDir('aimesh-access-users');
  const kubeconfigs: Record<string, string> = {};

  /** kubectl as one of the test users (a client certificate the apiserver trusts). */
  const kubectlAs = (user: string, args: string[], input?: string) =>
    cluster.kubectl(['--kubeconfig', kubeconfigs[user]!, ...args], input === undefined ? {} : { input });
  /** `aimesh-operator access ...` as one of the test users. */
  const cliAs = (user: string, ...args: string[]) =>
    run(
      process.execPath,
      [join(ROOT, 'operator/main.ts'), 'access', ...args, '--kubeconfig', kubeconfigs[user]!],
      {
        cwd: ROOT,
      },
    );
  const get = async (path: string) => (await cluster.request('GET', path)).body;
  const condition = (o: any, type: string) =>
    (o?.status?.conditions ?? []).find((c: { type: string }) => c.type === type);
  const waitCondition = (path: string, type: string, want: (c: any) => boolean, what: string) =>
    waitFor(
      what,
      async () => {
        const c = condition(await get(path), type);
        return c && want(c) ? c : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, onTimeout: () => op.logs(40) },
    );
  const sidecarProviders = async () =>
    ((await (await fetch(`${sidecar.adminUrl}/debug/config`)).json()) as { providers: any[] }).providers;
  const events = async (ns: string, name: string) =>
    ((await get(`/apis/events.k8s.io/v1/namespaces/${ns}/events`)).items as any[]).filter(
      (e) => e.regarding?.name === name,
    );

  function userKubeconfig(user: string): string {
    const cert = cluster.ca.issue({ commonName: user, organizations: ['access-test'] });
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const path = join(dir.path, `${user}.kubeconfig`);
    writeFileSync(
      path,
      dump({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: 'test',
            cluster: { server: cluster.server, 'certificate-authority-data': b64(cluster.ca.cert) },
          },
        ],
        users: [
          {
            name: user,
            user: { 'client-certificate-data': b64(cert.cert), 'client-key-data': b64(cert.key) },
          },
        ],
        contexts: [{ name: 'test', context: { cluster: 'test', user, namespace: team } }],
        'current-context': 'test',
      }),
      { mode: 0o600 },
    );
    return path;
  }

  before(async () => {
    ({ cluster, system, ns: team, upstream } = await operatorStage(KEY));
    platform = await cluster.newNamespace('platform');
    op = await startOperator(cluster, { namespace: system, webhook: true, webhookConfig: CONFIG });
    // Registered without a caBundle, as the chart does: the operator fills it in.
    const created = await cluster.request(
      'POST',
      '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations',
      {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'MutatingWebhookConfiguration',
        metadata: { name: CONFIG },
        webhooks: [accessWebhook({ url: `${op.webhookUrl}/access` })],
      },
    );
    assert.equal(created.status, 201, created.text);
    await waitFor('caBundle patched', async () => {
      const w = (await get(`/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/${CONFIG}`))
        .webhooks;
      return w?.[0]?.clientConfig?.caBundle;
    });

    for (const user of ['alice', 'bob', 'carol']) kubeconfigs[user] = userKubeconfig(user);
    // The chart's roles: app teams create requests; deciders write their status; approvers may
    // `approve` providers. alice gets every right, so only the never-self-approval rule stops
    // her; carol may write status but not approve; bob approves for the platform namespace.
    const binding = (
      kind: 'ClusterRoleBinding' | 'RoleBinding',
      name: string,
      role: string,
      user: string,
      ns?: string,
    ) => ({
      apiVersion: `${rbac}/v1`,
      kind,
      metadata: { name, ...(ns ? { namespace: ns } : {}) },
      roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: role },
      subjects: [{ apiGroup: rbac, kind: 'User', name: user }],
    });
    await kubectlApply(cluster, [
      {
        apiVersion: `${rbac}/v1`,
        kind: 'ClusterRole',
        metadata: { name: 'test-access-requester' },
        rules: [
          {
            apiGroups: ['aimesh.io'],
            resources: ['aiaccessrequests'],
            verbs: ['create', 'get', 'list', 'update', 'patch', 'delete'],
          },
        ],
      },
      {
        apiVersion: `${rbac}/v1`,
        kind: 'ClusterRole',
        metadata: { name: 'test-access-decider' },
        rules: [
          { apiGroups: ['aimesh.io'], resources: ['aiaccessrequests'], verbs: ['get', 'list', 'watch'] },
          {
            apiGroups: ['aimesh.io'],
            resources: ['aiaccessrequests/status'],
            verbs: ['get', 'update', 'patch'],
          },
        ],
      },
      {
        apiVersion: `${rbac}/v1`,
        kind: 'ClusterRole',
        metadata: { name: 'test-access-approver' },
        rules: [
          {
            apiGroups: ['aimesh.io'],
            resources: ['aiproviders'],
            verbs: ['get', 'list', 'watch', 'approve'],
          },
        ],
      },
      binding('RoleBinding', 'alice-requester', 'test-access-requester', 'alice', team),
      binding('ClusterRoleBinding', `alice-decider-${team}`, 'test-access-decider', 'alice'),
      binding('RoleBinding', 'alice-approver', 'test-access-approver', 'alice', platform),
      binding('ClusterRoleBinding', `bob-decider-${team}`, 'test-access-decider', 'bob'),
      binding('RoleBinding', 'bob-approver', 'test-access-approver', 'bob', platform),
      binding('ClusterRoleBinding', `carol-decider-${team}`, 'test-access-decider', 'carol'),
    ]);
    await waitFor('RBAC in effect', async () => {
      const r = await cluster.request('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: {
          user: 'bob',
          resourceAttributes: {
            namespace: platform,
            verb: 'approve',
            group: 'aimesh.io',
            resource: 'aiproviders',
            name: 'shared',
          },
        },
      });
      return r.body?.status?.allowed === true;
    });

    await kubectlApply(cluster, [
      ...openAIProvider({
        namespace: platform,
        name: 'shared',
        endpoint: `${upstream.url}/v1`,
        apiKey: KEY,
        models: ['gpt-4o-mini'],
        spec: {
          allowedNamespaces: { from: 'Approved' },
          dataResidency: { jurisdiction: 'EU', regions: ['eu-west-1'] },
        },
      }),
      ...openAIProvider({
        namespace: platform,
        name: 'us-only',
        endpoint: `${upstream.url}/v1`,
        apiKey: KEY,
        spec: {
          allowedNamespaces: { from: 'All' },
          dataResidency: { jurisdiction: 'US', regions: ['us-east-1'] },
        },
      }),
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIRoute',
        metadata: { name: 'chat', namespace: team },
        spec: {
          rules: [
            { backends: [{ providerRef: { name: 'shared', namespace: platform }, model: 'gpt-4o-mini' }] },
          ],
        },
      },
    ]);
    ({ sidecar } = await startPodSidecar(cluster, team, 'chat-1', {
      operatorUrl: op.pushUrl,
      ca: await operatorCA(cluster, system),
    }));
    await sidecarReady(sidecar, op);
  });

  after(async () => {
    await cluster?.request(
      'DELETE',
      `/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/${CONFIG}`,
    );
    await sidecar?.stop();
    await op?.stop();
    await upstream?.close();
    dir.remove();
  });

  it('a route to an Approved-only provider without a grant is ResolvedRefs=False and its snapshot lacks the provider', async () => {
    const c = await waitCondition(
      `${API}/namespaces/${team}/airoutes/chat`,
      'ResolvedRefs',
      (x) => x.status === 'False',
      'route NotApproved',
    );
    assert.equal(c.reason, 'NotApproved');
    assert.match(c.message, new RegExp(`namespace ${team} holds no Approved AIAccessRequest`));
    assert.ok(!(await sidecarProviders()).some((p) => p.id === `${platform}/shared`));
  });

  it('records the requester from the authenticated user, whatever the manifest says', async () => {
    let n = 0;
    // The apiserver learns about the webhook configuration through an informer: retry briefly.
    const stored = await waitFor(
      'the apiserver calls the access webhook',
      async () => {
        const name = `support-bot-${n++}`;
        const manifest = {
          apiVersion: 'aimesh.io/v1alpha1',
          kind: 'AIAccessRequest',
          metadata: { name, namespace: team },
          spec: {
            provider: { name: 'shared', namespace: platform },
            models: ['gpt-4o-mini'],
            reason: 'the support bot',
            requester: 'mallory',
          },
        };
        const r = await kubectlAs('alice', ['create', '-o', 'json', '-f', '-'], JSON.stringify(manifest));
        assert.equal(r.code, 0, r.stderr);
        const o = JSON.parse(r.stdout);
        if (o.spec.requester === 'alice') return o;
        await cluster.request('DELETE', `${API}/namespaces/${team}/aiaccessrequests/${name}`);
        return undefined;
      },
      { timeoutMs: 30_000, intervalMs: 300, onTimeout: () => op.logs(30) },
    );
    request = stored.metadata.name;
    assert.equal(stored.status.phase, 'Pending');
    const ready = await waitCondition(
      `${API}/namespaces/${team}/aiaccessrequests/${request}`,
      'Ready',
      (x) => x.reason === 'Pending',
      'request Pending',
    );
    assert.match(ready.message, new RegExp(`may approve aiproviders/shared in namespace ${platform}`));
    // The provider's owners hear about it.
    await waitFor('AccessRequested event on the provider', async () =>
      (await events(platform, 'shared')).find(
        (e) => e.reason === 'AccessRequested' && e.note.includes(`by alice`),
      ),
    );
  });

  it('the requester cannot approve its own request, even with every right', async () => {
    const r = await kubectlAs('alice', [
      'patch',
      'aiaccessrequest',
      request,
      '-n',
      team,
      '--subresource=status',
      '--type=merge',
      '-p',
      '{"status":{"phase":"Approved"}}',
    ]);
    assert.notEqual(r.code, 0, r.stdout);
    assert.match(
      r.stderr,
      /alice asked for this access \(spec.requester of AIAccessRequest .*\) and cannot decide on it/,
    );
    assert.equal(
      (await get(`${API}/namespaces/${team}/aiaccessrequests/${request}`)).status.phase,
      'Pending',
    );
  });

  it('a user who may not approve the provider cannot decide', async () => {
    const r = await cliAs('carol', 'approve', `${team}/${request}`);
    assert.equal(r.code, 1, r.stdout);
    assert.match(
      r.stderr,
      new RegExp(
        `carol may not decide on AIAccessRequest ${team}/${request}: deciding needs the verb approve on aiproviders.aimesh.io shared in namespace ${platform}`,
      ),
    );
  });

  it('nobody can write a decision by hand: a forged decision.by is replaced', async () => {
    // A no-op write that claims someone else decided: the webhook keeps the recorded (absent) decision.
    const r = await kubectlAs('carol', [
      'patch',
      'aiaccessrequest',
      request,
      '-n',
      team,
      '--subresource=status',
      '--type=merge',
      '-p',
      '{"status":{"decision":{"by":"bob","at":"2020-01-01T00:00:00Z"}}}',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      (await get(`${API}/namespaces/${team}/aiaccessrequests/${request}`)).status.decision,
      undefined,
    );
  });

  it('an approver approves with `aimesh-operator access`: decision recorded, route resolves, snapshot carries the provider', async () => {
    const before = Date.now() - 1000;
    const r = await cliAs('bob', 'approve', `${team}/${request}`, '-m', 'ok for Q4');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`aiaccessrequest ${team}/${request} Approved by bob at `));
    const o = await get(`${API}/namespaces/${team}/aiaccessrequests/${request}`);
    assert.equal(o.status.phase, 'Approved');
    assert.equal(o.status.decision.by, 'bob');
    assert.equal(o.status.decision.message, 'ok for Q4');
    assert.ok(Date.parse(o.status.decision.at) >= Math.floor(before / 1000) * 1000, o.status.decision.at);

    await waitCondition(
      `${API}/namespaces/${team}/airoutes/chat`,
      'ResolvedRefs',
      (x) => x.status === 'True',
      'route resolved',
    );
    const provider = await waitFor('the snapshot carries the provider', async () =>
      (await sidecarProviders()).find((p) => p.id === `${platform}/shared`),
    );
    assert.deepEqual(provider.dataResidency, { jurisdiction: 'EU', regions: ['eu-west-1'] });
    const ready = await waitCondition(
      `${API}/namespaces/${team}/aiaccessrequests/${request}`,
      'Ready',
      (x) => x.status === 'True',
      'request Ready',
    );
    assert.match(ready.message, /^Approved by bob at .*: ok for Q4: namespace .* may use AIProvider/);
    await waitFor(
      'Approved event on the request and AccessGranted on the provider',
      async () =>
        (await events(team, request)).some((e) => e.reason === 'Approved') &&
        (await events(platform, 'shared')).some(
          (e) => e.reason === 'AccessGranted' && e.note.includes('bob'),
        ),
    );
  });

  it('a call goes through, and its audit line says where the data was processed', async () => {
    const client = new OpenAI({ baseURL: `${sidecar.url}/v1`, apiKey: 'sk-app', maxRetries: 0 });
    const res = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
    });
    assert.ok(res.choices[0]?.message.content);
    const line = await waitFor('the audit line', async () =>
      sidecar
        .logs(200)
        .split('\n')
        .find((l) => l.includes('"msg":"call"') && l.includes(`"provider":"${platform}/shared"`)),
    );
    assert.match(line, /"dataResidency":"EU:eu-west-1"/);
  });

  it('a revoked grant: the route is ResolvedRefs=False again and the snapshot drops the provider; no way back', async () => {
    const r = await kubectlAs('bob', [
      'patch',
      'aiaccessrequest',
      request,
      '-n',
      team,
      '--subresource=status',
      '--type=merge',
      '-p',
      '{"status":{"phase":"Revoked"}}',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const o = await get(`${API}/namespaces/${team}/aiaccessrequests/${request}`);
    assert.equal(o.status.phase, 'Revoked');
    assert.equal(o.status.decision.by, 'bob');
    assert.equal(o.status.decision.message, undefined, "the approval's note is not the revocation's");
    const c = await waitCondition(
      `${API}/namespaces/${team}/airoutes/chat`,
      'ResolvedRefs',
      (x) => x.status === 'False',
      'route NotApproved again',
    );
    assert.equal(c.reason, 'NotApproved');
    assert.match(c.message, new RegExp(`${team}/${request} is Revoked \\(by bob\\)`));
    await waitFor(
      'the snapshot drops the provider',
      async () => !(await sidecarProviders()).some((p) => p.id === `${platform}/shared`),
    );
    const again = await cliAs('bob', 'approve', `${team}/${request}`);
    assert.equal(again.code, 1);
    assert.match(
      again.stderr,
      /is Revoked: it cannot become Approved \(a final decision; to ask again, create a new request\)/,
    );
    await waitFor('AccessRevoked event on the provider', async () =>
      (await events(platform, 'shared')).some((e) => e.reason === 'AccessRevoked'),
    );
  });

  it('the spec of a request cannot change after it is made', async () => {
    const r = await kubectlAs('alice', [
      'patch',
      'aiaccessrequest',
      request,
      '-n',
      team,
      '--type=merge',
      '-p',
      '{"spec":{"provider":{"name":"us-only"}}}',
    ]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /spec is immutable: create another AIAccessRequest/);
  });

  it("residency: a backend outside the route's data residency is refused in status and left out", async () => {
    await kubectlApply(cluster, [
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIRoute',
        metadata: { name: 'eu-only', namespace: team },
        spec: {
          dataResidency: { jurisdictions: ['EU'] },
          rules: [{ backends: [{ providerRef: { name: 'us-only', namespace: platform } }] }],
        },
      },
    ]);
    const c = await waitCondition(
      `${API}/namespaces/${team}/airoutes/eu-only`,
      'ResolvedRefs',
      (x) => x.status === 'False',
      'route outside residency',
    );
    assert.equal(c.reason, 'OutsideDataResidency');
    assert.match(
      c.message,
      new RegExp(
        `spec.rules\\[0\\].backends\\[0\\].providerRef: AIProvider ${platform}/us-only processes data under jurisdiction US in regions us-east-1: outside the data residency of spec.dataResidency \\(jurisdictions EU\\)`,
      ),
    );
    const programmed = condition(await get(`${API}/namespaces/${team}/airoutes/eu-only`), 'Programmed');
    assert.equal(programmed.status, 'False');
    assert.ok(!(await sidecarProviders()).some((p) => p.id === `${platform}/us-only`));
  });
});
