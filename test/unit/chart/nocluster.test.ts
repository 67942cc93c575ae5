// The project's helm without a cluster: `helm template` must work as with an official release,
// which scripts/test-bins.sh gets by building helm with the same ldflags (version variables and
// the Kubernetes version of helm's client-go, which Helm assumes when there is no cluster).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectedVersions, repoRoot } from '../../support/bins.ts';
import { tempDir } from '../../support/procs.ts';
import { chartDir, helm, parseRendered } from './helm.ts';

/** No kubeconfig and no cluster: a KUBECONFIG that does not exist, no KUBERNETES_SERVICE_HOST. */
const noCluster = () => ({
  KUBECONFIG: join(tempDir('aimesh-nokube').path, 'absent'),
  KUBERNETES_SERVICE_HOST: '',
  KUBERNETES_SERVICE_PORT: '',
});

/** The k8s.io/client-go minor helm's wrapper module requires (v0.N is Kubernetes 1.N). */
function clientGoMinor(): string {
  const mod = readFileSync(join(repoRoot, 'test/bins/helm/go.mod'), 'utf8');
  const m = /^\s*k8s\.io\/client-go v0\.(\d+)\./m.exec(mod);
  assert.ok(m, 'k8s.io/client-go in test/bins/helm/go.mod');
  return m[1];
}

test('helm version names the release it was built from, from a clean tree', async () => {
  const r = await helm(['version', '--template', '{{.Version}} {{.GitTreeState}}']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), `${expectedVersions().helm} clean`);
});

test('without a cluster, .Capabilities say the Kubernetes of helm client-go and the helm version', async () => {
  const chart = tempDir('aimesh-caps').path;
  mkdirSync(join(chart, 'templates'));
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: caps\nversion: 0.1.0\n');
  writeFileSync(
    join(chart, 'templates/caps.yaml'),
    'kube: {{ .Capabilities.KubeVersion.Version }}\nhelm: {{ .Capabilities.HelmVersion.Version }}\n',
  );
  const r = await helm(['template', 'caps', chart], noCluster());
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^kube: v1\\.${clientGoMinor()}\\.0$`, 'm'));
  assert.match(r.stdout, new RegExp(`^helm: ${expectedVersions().helm.replaceAll('.', '\\.')}$`, 'm'));
});

test('helm template charts/aimesh renders with no kubeconfig, no cluster and no --kube-version', async () => {
  const r = await helm(['template', 'aimesh', chartDir, '--namespace', 'aimesh-system'], noCluster());
  assert.equal(r.code, 0, r.stderr);
  const rendered = parseRendered(r.stdout);
  assert.equal(rendered.find('Deployment', 'aimesh-operator').spec.replicas, 2);
  assert.ok(rendered.find('MutatingWebhookConfiguration'));
});

test('helm lint --strict passes with no cluster and no --kube-version', async () => {
  const r = await helm(['lint', chartDir, '--strict'], noCluster());
  assert.equal(r.code, 0, r.stdout + r.stderr);
});
