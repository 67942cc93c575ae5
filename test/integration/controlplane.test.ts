// The test control plane itself: real etcd + kube-apiserver + kube-controller-manager built by
// scripts/test-bins.sh, started by test/support/cluster.ts.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { binaryPath, expectedVersions } from '../support/bins.ts';
import { type Cluster, crdFiles, sharedCluster } from '../support/cluster.ts';
import { run, waitFor } from '../support/procs.ts';

let cluster: Cluster;

before(async () => {
  const t0 = Date.now();
  cluster = await sharedCluster();
  console.error(`# control plane up in ${Date.now() - t0} ms at ${cluster.server}`);
});

test('kube-apiserver reports the version pinned in test/bins/kubernetes/go.mod', async () => {
  const want = expectedVersions().kubernetes;
  const r = await cluster.request('GET', '/version');
  assert.equal(r.status, 200);
  assert.equal(r.body.gitVersion, want);
  assert.equal(`v${r.body.major}.${r.body.minor}`, want.split('.').slice(0, 2).join('.'));

  // kubectl (built or system, within the skew policy) talks to it through the kubeconfig.
  const k = await cluster.kubectl(['version', '-o', 'json']);
  assert.equal(k.code, 0, k.stderr);
  const v = JSON.parse(k.stdout);
  assert.equal(v.serverVersion.gitVersion, want);
  assert.ok(
    Number(v.clientVersion.minor) >= Number(r.body.minor) - 1,
    `kubectl ${v.clientVersion.gitVersion} too old`,
  );
});

test('a ServiceAccount token from TokenRequest passes TokenReview (and names its pod)', async () => {
  const ns = await cluster.newNamespace('tokens'); // waits for the default SA: the SA controller runs
  const sa = await cluster.request('POST', `/api/v1/namespaces/${ns}/serviceaccounts`, {
    metadata: { name: 'sidecar' },
  });
  assert.equal(sa.status, 201, sa.text);
  const pod = await cluster.request('POST', `/api/v1/namespaces/${ns}/pods`, {
    metadata: { name: 'app' },
    spec: { serviceAccountName: 'sidecar', containers: [{ name: 'app', image: 'example.invalid/app:1' }] },
  });
  assert.equal(pod.status, 201, pod.text);

  const tr = await cluster.request('POST', `/api/v1/namespaces/${ns}/serviceaccounts/sidecar/token`, {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: {
      audiences: ['aimesh'],
      expirationSeconds: 600,
      boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: 'app', uid: pod.body.metadata.uid },
    },
  });
  assert.equal(tr.status, 201, tr.text);
  const token: string = tr.body.status.token;
  assert.match(token, /^ey[\w-]+\.[\w-]+\.[\w-]+$/);

  const review = (tok: string, audiences = ['aimesh']) =>
    cluster.request('POST', '/apis/authentication.k8s.io/v1/tokenreviews', {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenReview',
      spec: { token: tok, audiences },
    });
  const ok = await review(token);
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.body.status.authenticated, true, ok.text);
  assert.equal(ok.body.status.user.username, `system:serviceaccount:${ns}:sidecar`);
  assert.deepEqual(ok.body.status.audiences, ['aimesh']);
  assert.deepEqual(ok.body.status.user.extra['authentication.kubernetes.io/pod-name'], ['app']);
  assert.deepEqual(ok.body.status.user.extra['authentication.kubernetes.io/pod-uid'], [
    pod.body.metadata.uid,
  ]);

  // Wrong audience and a tampered signature are rejected.
  assert.equal((await review(token, ['someone-else'])).body.status.authenticated ?? false, false);
  const [h, p, s] = token.split('.');
  const tampered = `${h}.${p}.${s.slice(0, -4)}${s.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
  assert.equal((await review(tampered)).body.status.authenticated ?? false, false);

  // The same through kubectl, as a user would.
  const k = await cluster.kubectl(['create', 'token', 'sidecar', '-n', ns, '--audience=aimesh']);
  assert.equal(k.code, 0, k.stderr);
  assert.equal((await review(k.stdout.trim())).body.status.authenticated, true);
});

test('RBAC is enforced: a ServiceAccount may not read secrets until granted', async () => {
  const ns = await cluster.newNamespace('rbac');
  const created = await cluster.kubectl(['create', 'token', 'default', '-n', ns]);
  assert.equal(created.code, 0, created.stderr);
  const token = created.stdout.trim();
  const as = (tok: string, path: string) =>
    cluster.request('GET', path, undefined, { authorization: `Bearer ${tok}` }).then((r) => r.status);
  assert.equal(await as('not-a-token', `/api/v1/namespaces/${ns}/configmaps`), 401);
  assert.equal(await as(token, `/api/v1/namespaces/${ns}/configmaps`), 403);

  const grant = await cluster.kubectl([
    'create',
    'rolebinding',
    'read',
    '-n',
    ns,
    '--clusterrole=view',
    `--serviceaccount=${ns}:default`,
  ]);
  assert.equal(grant.code, 0, grant.stderr);
  // The authorizer reads bindings from an informer: allow it a moment.
  await waitFor(
    'the RoleBinding to take effect',
    async () => (await as(token, `/api/v1/namespaces/${ns}/configmaps`)) === 200,
  );
  assert.equal(await as(token, `/api/v1/namespaces/${ns}/secrets`), 403); // view excludes secrets
});

test('client certificates minted from the cluster CA authenticate with their groups', async () => {
  const alice = cluster.ca.issue({ commonName: 'alice', organizations: ['devs', 'qa'], usage: 'client' });
  const res = await new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = httpsRequest(
      new URL('/apis/authentication.k8s.io/v1/selfsubjectreviews', cluster.server),
      {
        method: 'POST',
        ca: cluster.ca.cert,
        cert: alice.cert,
        key: alice.key,
        headers: { 'content-type': 'application/json' },
      },
      (r) => {
        let text = '';
        r.on('data', (c) => {
          text += c;
        });
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }));
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.status.userInfo.username, 'alice');
  assert.deepEqual(
    res.body.status.userInfo.groups.filter((g: string) => g !== 'system:authenticated').sort(),
    ['devs', 'qa'],
  );
});

test('kube-controller-manager collects garbage and deletes namespaces', async () => {
  const ns = await cluster.newNamespace('gc');
  const owner = await cluster.request('POST', `/api/v1/namespaces/${ns}/configmaps`, {
    metadata: { name: 'owner' },
  });
  assert.equal(owner.status, 201, owner.text);
  const child = await cluster.request('POST', `/api/v1/namespaces/${ns}/configmaps`, {
    metadata: {
      name: 'child',
      ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.body.metadata.uid }],
    },
  });
  assert.equal(child.status, 201, child.text);
  assert.equal((await cluster.request('DELETE', `/api/v1/namespaces/${ns}/configmaps/owner`)).status, 200);
  await waitFor(
    'the garbage collector to delete the child',
    async () => (await cluster.request('GET', `/api/v1/namespaces/${ns}/configmaps/child`)).status === 404,
    { timeoutMs: 60_000, onTimeout: () => cluster.logs() },
  );

  assert.equal((await cluster.request('DELETE', `/api/v1/namespaces/${ns}`)).status, 200);
  await waitFor(
    'the namespace controller to finish deleting the namespace',
    async () => (await cluster.request('GET', `/api/v1/namespaces/${ns}`)).status === 404,
    { timeoutMs: 60_000, onTimeout: () => cluster.logs() },
  );
});

test('every crds/*.yaml is installed and served', async (t) => {
  const files = crdFiles();
  if (files.length === 0) {
    t.skip('no crds/*.yaml yet');
    return;
  }
  const crds = await cluster.request('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions');
  const installed: string[] = crds.body.items.map((c: any) => c.metadata.name);
  const expected = await cluster.installCRDs(files); // idempotent; returns the CRD names in the files
  assert.ok(expected.length > 0);
  for (const name of expected) assert.ok(installed.includes(name), `${name} not installed`);
});

test('helm reports its pinned version and installs a chart into the cluster', async () => {
  const helm = binaryPath('helm');
  const want = expectedVersions().helm;
  const v = await run(helm, ['version', '--short'], { env: cluster.env });
  assert.equal(v.code, 0, v.stderr);
  assert.match(v.stdout.trim(), new RegExp(`^${want.replaceAll('.', '\\.')}(\\+|$)`));

  const ns = await cluster.newNamespace('helm');
  const chart = join(cluster.dir, 'chart');
  mkdirSync(join(chart, 'templates'), { recursive: true });
  writeFileSync(
    join(chart, 'Chart.yaml'),
    'apiVersion: v2\nname: probe\nversion: 0.1.0\nkubeVersion: ">=1.30.0-0"\n',
  );
  writeFileSync(
    join(chart, 'templates/cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  kube: {{ .Capabilities.KubeVersion.Version | quote }}\n',
  );
  const inst = await run(helm, ['install', 'probe', chart, '-n', ns, '--wait', '--timeout=60s'], {
    env: cluster.env,
    timeoutMs: 90_000,
  });
  assert.equal(inst.code, 0, inst.stderr + inst.stdout);
  const cm = await cluster.request('GET', `/api/v1/namespaces/${ns}/configmaps/probe-cm`);
  assert.equal(cm.status, 200, cm.text);
  assert.equal(cm.body.data.kube, expectedVersions().kubernetes); // helm saw the real server version

  const un = await run(helm, ['uninstall', 'probe', '-n', ns, '--wait'], {
    env: cluster.env,
    timeoutMs: 90_000,
  });
  assert.equal(un.code, 0, un.stderr);
  assert.equal((await cluster.request('GET', `/api/v1/namespaces/${ns}/configmaps/probe-cm`)).status, 404);
});
