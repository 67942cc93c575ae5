// Sidecar injection through the real admission chain: the kube-apiserver calls the operator's
// webhook over TLS (trusting the caBundle the operator patched in), and the stored Pod carries the
// native sidecar, its volumes and the app env exactly once. Pods that do not ask are untouched.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mutatingWebhookConfiguration } from '../../operator/webhook/config.ts';
import { type Cluster, sharedCluster } from '../support/cluster.ts';
import { createPod, operatorCA, type RunningOperator, startOperator } from '../support/operator.ts';
import { waitFor } from '../support/procs.ts';

const WEBHOOK_CONFIG = 'aimesh-test-injector';
const MWC = `/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/${WEBHOOK_CONFIG}`;

const count = <T>(items: T[] | undefined, pred: (t: T) => boolean) => (items ?? []).filter(pred).length;

describe('sidecar injection webhook', { timeout: 240_000 }, () => {
  let cluster: Cluster;
  let op: RunningOperator;
  let labelled: string;
  let plain: string;
  let system: string;
  let injectedPod: any;

  const getPod = async (ns: string, name: string) =>
    (await cluster.request('GET', `/api/v1/namespaces/${ns}/pods/${name}`)).body;
  const injected = (pod: any) =>
    count(pod.spec.initContainers, (c: { name: string }) => c.name === 'aimesh-sidecar') > 0;

  before(async () => {
    cluster = await sharedCluster();
    system = await cluster.newNamespace('aimesh-system');
    op = await startOperator(cluster, { namespace: system, webhook: true, webhookConfig: WEBHOOK_CONFIG });
    // Registered without a caBundle, as a chart would before the operator runs: the operator fills it in.
    const config = mutatingWebhookConfiguration({
      name: WEBHOOK_CONFIG,
      operatorNamespace: system,
      url: op.webhookUrl,
    });
    const created = await cluster.request(
      'POST',
      '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations',
      config,
    );
    assert.equal(created.status, 201, created.text);
    labelled = await cluster.newNamespace('inject');
    const patched = await cluster.request(
      'PATCH',
      `/api/v1/namespaces/${labelled}`,
      { metadata: { labels: { 'aimesh.io/inject': 'enabled' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    assert.equal(patched.status, 200, patched.text);
    plain = await cluster.newNamespace('plain');
  });

  after(async () => {
    await cluster?.request('DELETE', MWC);
    await op?.stop();
  });

  it('gets its caBundle from the operator', async () => {
    const webhooks = await waitFor(
      'caBundle patched',
      async () => {
        const w = (await cluster.request('GET', MWC)).body.webhooks as {
          clientConfig: { caBundle?: string };
        }[];
        return w.every((x) => x.clientConfig.caBundle) ? w : undefined;
      },
      { timeoutMs: 20_000, onTimeout: () => op.logs(30) },
    );
    const bundle = Buffer.from(webhooks[0]!.clientConfig.caBundle!, 'base64').toString();
    assert.equal(bundle, await operatorCA(cluster, system));
  });

  it('injects a pod of a labelled namespace exactly once, as the apiserver stores it', async () => {
    // The apiserver learns about webhook configurations through an informer: retry briefly.
    let n = 0;
    const pod = await waitFor(
      'the apiserver calls the webhook',
      async () => {
        const p = await createPod(cluster, labelled, `app-${n++}`, { labels: { app: 'chat' } });
        return injected(p.body) ? p.body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 300, onTimeout: () => op.logs(30) },
    );
    const stored = await getPod(labelled, pod.metadata.name);
    injectedPod = stored;
    const sidecars = stored.spec.initContainers.filter((c: { name: string }) => c.name === 'aimesh-sidecar');
    assert.equal(sidecars.length, 1);
    const sidecar = sidecars[0];
    assert.equal(
      stored.spec.initContainers[0].name,
      'aimesh-sidecar',
      'first, so other init containers can use it',
    );
    assert.equal(sidecar.restartPolicy, 'Always', 'a native sidecar');
    assert.deepEqual(sidecar.args.slice(0, 2), ['--operator', op.pushUrl]);
    assert.equal(sidecar.readinessProbe.httpGet.path, '/readyz');
    assert.equal(sidecar.readinessProbe.httpGet.port, 15090);
    assert.equal(sidecar.livenessProbe.httpGet.path, '/healthz');
    assert.deepEqual(sidecar.resources, {
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { memory: '256Mi' },
    });
    assert.match(
      sidecar.env.find((e: { name: string }) => e.name === 'AIMESH_OPERATOR_CA').value,
      /BEGIN CERTIFICATE/,
    );

    const token = stored.spec.volumes.filter((v: { name: string }) => v.name === 'aimesh-token');
    assert.equal(token.length, 1);
    assert.deepEqual(token[0].projected.sources[0].serviceAccountToken, {
      audience: 'aimesh',
      expirationSeconds: 3600,
      path: 'token',
    });
    const state = stored.spec.volumes.filter((v: { name: string }) => v.name === 'aimesh-state');
    assert.equal(state.length, 1);
    assert.equal(state[0].emptyDir.medium, 'Memory');

    const app = stored.spec.containers[0];
    assert.equal(
      count(app.env, (e: { name: string }) => e.name === 'OPENAI_BASE_URL'),
      1,
    );
    assert.equal(
      app.env.find((e: { name: string }) => e.name === 'OPENAI_BASE_URL').value,
      'http://127.0.0.1:15080/v1',
    );
    assert.equal(
      app.env.find((e: { name: string }) => e.name === 'ANTHROPIC_BASE_URL').value,
      'http://127.0.0.1:15080/anthropic',
    );
    assert.equal(stored.metadata.annotations['aimesh.io/injected'], 'true');
    assert.equal(stored.metadata.labels['aimesh.io/injected'], 'true');
    assert.ok(
      (await op.metric('aimesh_operator_webhook_reviews_total', { result: 'injected' })) >= 1,
      'over TLS, to us',
    );
  });

  it('never injects twice, and leaves env the app sets alone', async () => {
    const template = injectedPod;
    // A pod that already carries the sidecar (e.g. a copy of an injected spec) is not injected again.
    const copy = await cluster.request('POST', `/api/v1/namespaces/${labelled}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'copy' },
      spec: {
        // Without the API-token mount the ServiceAccount admission plugin added (it adds it again).
        initContainers: template.spec.initContainers.map((c: { volumeMounts: { name: string }[] }) => ({
          ...c,
          volumeMounts: c.volumeMounts.filter((m) => m.name.startsWith('aimesh-')),
        })),
        containers: [
          {
            name: 'app',
            image: 'example.com/app:1',
            env: [{ name: 'OPENAI_BASE_URL', value: 'https://mine.example/v1' }],
          },
        ],
        volumes: template.spec.volumes.filter((v: { name: string }) => v.name.startsWith('aimesh-')),
      },
    });
    assert.equal(copy.status, 201, copy.text);
    assert.equal(
      count(copy.body.spec.initContainers, (c: { name: string }) => c.name === 'aimesh-sidecar'),
      1,
    );
    assert.equal(
      count(copy.body.spec.volumes, (v: { name: string }) => v.name === 'aimesh-token'),
      1,
    );
    const env = copy.body.spec.containers[0].env as { name: string; value: string }[];
    assert.deepEqual(
      env.filter((e) => e.name === 'OPENAI_BASE_URL').map((e) => e.value),
      ['https://mine.example/v1'],
    );
    assert.equal(
      count(env, (e) => e.name === 'ANTHROPIC_BASE_URL'),
      1,
    );
  });

  it('leaves pods alone unless they or their namespace ask, and "false" wins', async () => {
    const untouched = await createPod(cluster, plain, 'bystander');
    assert.equal(injected(untouched.body), false);
    assert.equal(untouched.body.spec.containers[0].env, undefined);
    assert.equal(untouched.body.metadata.annotations?.['aimesh.io/injected'], undefined);

    const optOut = await createPod(cluster, labelled, 'opt-out', {
      annotations: { 'aimesh.io/inject': 'false' },
    });
    assert.equal(injected(optOut.body), false);

    const optIn = await createPod(cluster, plain, 'opt-in', { annotations: { 'aimesh.io/inject': 'true' } });
    assert.equal(injected(optIn.body), true);
  });

  it('injects pods a controller creates (Deployment -> ReplicaSet -> Pod)', async () => {
    const deployment = await cluster.request('POST', `/apis/apps/v1/namespaces/${labelled}/deployments`, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'chat' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'chat-deploy' } },
        template: {
          metadata: { labels: { app: 'chat-deploy' } },
          spec: { containers: [{ name: 'app', image: 'example.com/app:1' }] },
        },
      },
    });
    assert.equal(deployment.status, 201, deployment.text);
    const pod = await waitFor(
      'the ReplicaSet creates a pod',
      async () =>
        (await cluster.request('GET', `/api/v1/namespaces/${labelled}/pods?labelSelector=app%3Dchat-deploy`))
          .body.items[0],
      { timeoutMs: 30_000 },
    );
    assert.equal(injected(pod), true);
    assert.equal(
      count(pod.spec.containers[0].env, (e: { name: string }) => e.name === 'OPENAI_BASE_URL'),
      1,
    );
  });

  it('with failurePolicy Fail and the injector down, blocks only pods that opted in', async () => {
    // A second configuration whose injector is unreachable, limited to this test's namespaces.
    const scope = { key: 'aimesh-test-failure-policy', operator: 'In', values: ['yes'] };
    const down = mutatingWebhookConfiguration({
      name: `${WEBHOOK_CONFIG}-down`,
      operatorNamespace: system,
      url: 'https://127.0.0.1:1',
      failurePolicy: 'Fail',
      caBundle: await operatorCA(cluster, system),
      access: false, // pods only: the access webhook has no namespaceSelector to scope
    }) as { webhooks: { namespaceSelector: { matchExpressions?: unknown[] } }[] };
    for (const w of down.webhooks)
      w.namespaceSelector.matchExpressions = [...(w.namespaceSelector.matchExpressions ?? []), scope];
    const path = '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations';
    assert.equal((await cluster.request('POST', path, down)).status, 201);
    try {
      const label = async (ns: string, labels: Record<string, string>) => {
        const r = await cluster.request(
          'PATCH',
          `/api/v1/namespaces/${ns}`,
          { metadata: { labels: { 'aimesh-test-failure-policy': 'yes', ...labels } } },
          { 'content-type': 'application/merge-patch+json' },
        );
        assert.equal(r.status, 200, r.text);
      };
      const optedIn = await cluster.newNamespace('fail-in');
      await label(optedIn, { 'aimesh.io/inject': 'enabled' });
      const other = await cluster.newNamespace('fail-other');
      await label(other, {});
      const attempt = (ns: string, name: string, metadata: Record<string, unknown> = {}) =>
        cluster.request('POST', `/api/v1/namespaces/${ns}/pods`, {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name, ...metadata },
          spec: { containers: [{ name: 'app', image: 'example.com/app:1' }] },
        });
      // The webhook configuration takes effect once the apiserver's informer has it.
      await waitFor('the failing webhook is in force', async () => {
        const r = await attempt(optedIn, `probe-${Date.now()}`);
        return r.status >= 400 ? r : undefined;
      });

      const bystander = await attempt(other, 'bystander');
      assert.equal(bystander.status, 201, `a pod that never asked is created: ${bystander.text}`);
      const byAnnotation = await attempt(other, 'by-annotation', {
        annotations: { 'aimesh.io/inject': 'true' },
      });
      assert.equal(byAnnotation.status, 201, 'the annotation path ignores injector failures');
      const byLabel = await attempt(other, 'by-label', { labels: { 'aimesh.io/inject': 'true' } });
      assert.equal(byLabel.status, 500, byLabel.text);
      assert.match(byLabel.text, /pod\.inject\.aimesh\.io/);
      const inNamespace = await attempt(optedIn, 'in-namespace');
      assert.match(inNamespace.text, /namespace\.inject\.aimesh\.io/);
      assert.ok(inNamespace.status >= 400);
    } finally {
      await cluster.request('DELETE', `${path}/${WEBHOOK_CONFIG}-down`);
    }
  });

  it('needed no permission beyond operator/kube/rbac.ts', () => {
    assert.doesNotMatch(op.logs(100_000), /forbidden/i);
  });
});
