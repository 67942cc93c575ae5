// Gateway credential mode end to end, on the real control plane: an AIProvider with
// auth.mode: Gateway in a platform namespace; the real operator; the egress gateway (a real
// aimesh-sidecar --gateway process, its pod running as the aimesh-gateway ServiceAccount that may
// create TokenReviews and nothing else); an app pod's real push-mode sidecar in a team namespace;
// the test upstream. The upstream sees the key; the app's snapshot and /debug/config never hold
// it; a namespace the provider does not allow is refused 403; a forged or absent token 401.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:http2';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Cluster } from '../support/cluster.ts';
import {
  createPod,
  mintToken,
  operatorCA,
  type PushSidecar,
  type RunningOperator,
  startOperator,
} from '../support/operator.ts';
import { freePorts, type Proc, startProcess, tempDir, waitFor } from '../support/procs.ts';
import type { Upstream } from '../support/upstream.ts';
import { chatVia, kubectlApply, operatorStage, sidecarReady, startPodSidecar } from '../support/workload.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const API_KEY = 'sk-gateway-integration-0123456789';

describe('egress gateway (AIProvider auth.mode: Gateway)', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let system: string;
  let ns: string;
  let platform: string;
  let other: string;
  let upstream: Upstream;
  let op: RunningOperator;
  let ca: string;
  let gateway: Proc;
  let gatewayUrl: string;
  let gatewayAdmin: string;
  let sidecar: PushSidecar;
  let appToken: string;

  before(async () => {
    ({ cluster, system, ns, upstream } = await operatorStage(API_KEY));
    platform = await cluster.newNamespace('platform');
    other = await cluster.newNamespace('other');
    await kubectlApply(cluster, [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'openai-key', namespace: platform },
        stringData: { apiKey: API_KEY },
      },
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIProvider',
        metadata: { name: 'openai', namespace: platform },
        spec: {
          type: 'openai',
          endpoint: `${upstream.url}/v1`,
          auth: { secretRef: { name: 'openai-key' }, mode: 'Gateway' },
          models: [{ name: 'gpt-4o-mini' }],
          allowedNamespaces: {
            from: 'Selector',
            selector: { matchLabels: { 'kubernetes.io/metadata.name': ns } },
          },
        },
      },
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIRoute',
        metadata: { name: 'chat', namespace: ns },
        spec: {
          retries: { attempts: 0 },
          rules: [{ backends: [{ providerRef: { name: 'openai', namespace: platform } }] }],
        },
      },
      // The gateway's identity: may create TokenReviews, nothing else.
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'aimesh-gateway', namespace: platform } },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: `aimesh-gateway-${platform}` },
        rules: [{ apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: `aimesh-gateway-${platform}` },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: `aimesh-gateway-${platform}`,
        },
        subjects: [{ kind: 'ServiceAccount', name: 'aimesh-gateway', namespace: platform }],
      },
    ]);
    const [port, adminPort] = await freePorts(2);
    gatewayUrl = `http://127.0.0.1:${port}`;
    gatewayAdmin = `http://127.0.0.1:${adminPort}`;
    op = await startOperator(cluster, { namespace: system, args: ['--gateway-url', gatewayUrl] });
    ca = await operatorCA(cluster, system);

    // The gateway: a pod running as aimesh-gateway (its push-stream identity), an API token for
    // its TokenReviews, and the process.
    const gwPod = await createPod(cluster, platform, 'aimesh-gateway-0', {
      serviceAccount: 'aimesh-gateway',
    });
    const dir = tempDir('aimesh-gateway');
    const file = (name: string, text: string) => {
      writeFileSync(join(dir.path, name), text, { mode: 0o600 });
      return join(dir.path, name);
    };
    const kubeToken = await cluster.request(
      'POST',
      `/api/v1/namespaces/${platform}/serviceaccounts/aimesh-gateway/token`,
      { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } },
    );
    assert.equal(kubeToken.status, 201, kubeToken.text);
    gateway = startProcess(
      'gateway',
      process.execPath,
      [
        join(ROOT, 'sidecar/main.ts'),
        '--gateway',
        '--operator',
        op.pushUrl,
        '--operator-ca',
        file('operator-ca.crt', ca),
        '--token-file',
        file('token', await mintToken(cluster, platform, { pod: gwPod, serviceAccount: 'aimesh-gateway' })),
        '--kube-api',
        cluster.server,
        '--kube-token-file',
        file('kube-token', kubeToken.body.status.token),
        '--kube-ca',
        file('kube-ca.crt', cluster.ca.cert),
        '--state-dir',
        join(dir.path, 'state'),
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--admin-host',
        '127.0.0.1',
        '--admin-port',
        String(adminPort),
        '--log-level',
        'debug',
      ],
      { logDir: dir.path, cwd: ROOT },
    );
    await waitFor(
      'gateway ready',
      async () => (await fetch(`${gatewayAdmin}/readyz`).catch(() => undefined))?.ok,
      {
        timeoutMs: 30_000,
        onTimeout: () => `${gateway.tail(30)}\n--- operator\n${op.logs(30)}`,
      },
    );

    let pod: { name: string; uid: string };
    ({ pod, sidecar } = await startPodSidecar(cluster, ns, 'chat-1', { operatorUrl: op.pushUrl, ca }));
    appToken = await mintToken(cluster, ns, { pod });
    await sidecarReady(sidecar, op);
  });

  after(async () => {
    await sidecar?.stop();
    await gateway?.stop(5000);
    await op?.stop();
    await upstream?.close();
  });

  it('an app call goes through the gateway, which injects the key the app never had', async () => {
    const res = await chatVia(sidecar, 'gpt-4o-mini', 'hello through the gateway');
    assert.equal(res.status, 200, `${JSON.stringify(res.body)}\n${gateway.tail(20)}`);
    assert.match(res.body.choices[0].message.content, /gateway/);
    const seen = upstream.lastRequest()!.headers;
    assert.equal(seen.authorization, `Bearer ${API_KEY}`);
    assert.equal(seen['proxy-authorization'], undefined, 'the pod token stays between sidecar and gateway');
  });

  it("the key is in neither the app's pushed snapshot nor its /debug/config", async () => {
    const pushed = await firstPushed(op.pushUrl, ca, appToken, ns);
    assert.ok(!pushed.includes(API_KEY), 'the key was pushed to the app sidecar');
    const provider = JSON.parse(pushed).snapshot.providers[0];
    assert.equal(provider.credentials, undefined);
    assert.deepEqual(provider.gateway, { url: gatewayUrl });
    const config = await (await fetch(`${sidecar.adminUrl}/debug/config`)).text();
    assert.ok(!config.includes(API_KEY));
    // The gateway holds it (redacted on its own debug page) with the compiled grant.
    const gw = (await (await fetch(`${gatewayAdmin}/debug/config`)).json()) as any;
    assert.deepEqual(
      gw.providers.map((p: any) => [p.id, p.credentials]),
      [[`${platform}/openai`, { apiKey: '<redacted>' }]],
    );
  });

  const direct = (token?: string) =>
    fetch(`${gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-aimesh-provider': `${platform}/openai`,
        ...(token ? { 'proxy-authorization': `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    });

  it('refuses a pod of a namespace the provider does not allow (403)', async () => {
    const intruder = await createPod(cluster, other, 'intruder');
    const res = await direct(await mintToken(cluster, other, { pod: intruder }));
    assert.equal(res.status, 403);
    assert.match(((await res.json()) as any).error.message, new RegExp(`namespace ${other} may not use`));
  });

  it('refuses an absent, forged, wrong-audience or pod-less token (401)', async () => {
    upstream.clearRequests();
    const [header, payload] = appToken.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const wrongAudience = await mintToken(cluster, ns, {
      pod: await createPod(cluster, ns, 'chat-2'),
      audience: 'someone-else',
    });
    const podless = await mintToken(cluster, ns);
    for (const [what, token] of [
      ['absent', undefined],
      ['forged', forged],
      ['wrong audience', wrongAudience],
      ['not bound to a pod', podless],
    ] as const) {
      const res = await direct(token);
      assert.equal(res.status, 401, what);
      assert.equal(res.headers.get('x-aimesh-gateway-error'), 'unauthenticated', what);
    }
    assert.equal(upstream.requests.length, 0, 'nothing reached the provider');
  });
});

/** The first message the operator pushes on a stream opened with this token. */
function firstPushed(url: string, ca: string, token: string, namespace: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const session = connect(url, { ca });
    session.on('error', reject);
    const req = session.request({
      ':method': 'POST',
      ':path': `/v1/snapshots/stream?namespace=${namespace}`,
      authorization: `Bearer ${token}`,
    });
    let text = '';
    req.on('data', (c: Buffer) => {
      text += c.toString();
      const line = text.indexOf('\n');
      if (line >= 0) {
        session.destroy();
        resolve(text.slice(0, line));
      }
    });
    req.on('error', reject);
  });
}
