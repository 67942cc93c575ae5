// The chart's egress gateway (gateway.enabled): what a platform admin gets in each provider
// namespace, and the least privilege it runs with.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { template } from './helm.ts';

test('off by default: no gateway objects', async () => {
  const chart = await template();
  assert.ok(!chart.objects.some((o) => o.metadata.labels?.['app.kubernetes.io/component'] === 'gateway'));
  const env = chart.find('Deployment', 'aimesh-operator').spec.template.spec.containers[0].env;
  assert.ok(!env.some((e: { name: string }) => e.name === 'AIMESH_GATEWAY_NAMESPACES'));
});

test('per provider namespace: Deployment, Service and ServiceAccount aimesh-gateway, its CA ConfigMap', async () => {
  const chart = await template(
    { 'gateway.enabled': true, 'gateway.namespaces[0]': 'ai-platform', 'gateway.namespaces[1]': 'ml' },
    { extraArgs: [] },
  );
  for (const ns of ['ai-platform', 'ml']) {
    const at = (kind: string, name: string) =>
      chart.all(kind).find((o) => o.metadata.name === name && o.metadata.namespace === ns);
    const deployment = at('Deployment', 'aimesh-gateway');
    assert.ok(deployment, `Deployment in ${ns}`);
    const pod = deployment.spec.template.spec;
    assert.equal(pod.serviceAccountName, 'aimesh-gateway');
    assert.equal(deployment.spec.template.metadata.labels['aimesh.io/inject'], 'false');
    const [c] = pod.containers;
    assert.deepEqual(c.args, ['--gateway']);
    assert.equal(c.image, 'aimesh/aimesh-sidecar:0.1.0');
    const env = Object.fromEntries(c.env.map((e: { name: string; value: string }) => [e.name, e.value]));
    assert.equal(env.AIMESH_OPERATOR, 'https://aimesh-operator.aimesh-system.svc:15010');
    assert.equal(env.AIMESH_OPERATOR_CA, '/var/run/aimesh/ca/ca.crt');
    // As in injected sidecars: spans (when gateway.extraEnv turns tracing on) name pod and namespace.
    assert.deepEqual(
      c.env.filter((e: { name: string }) => e.name.startsWith('POD_')),
      [
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      ],
    );
    const token = pod.volumes.find((v: { name: string }) => v.name === 'aimesh-token');
    assert.equal(token.projected.sources[0].serviceAccountToken.audience, 'aimesh');
    assert.equal(c.securityContext.readOnlyRootFilesystem, true);
    assert.equal(at('Service', 'aimesh-gateway')?.spec.ports[0].port, 15080);
    assert.ok(at('ServiceAccount', 'aimesh-gateway'));
    assert.equal(at('ConfigMap', 'aimesh-operator-ca')?.data, undefined, 'the operator writes the data');
    // The operator may get and patch that one ConfigMap, nothing else there.
    assert.deepEqual(at('Role', 'aimesh-operator-gateway-ca')?.rules, [
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['aimesh-operator-ca'],
        verbs: ['get', 'patch'],
      },
    ]);
  }
  // The gateways may create TokenReviews and nothing else.
  assert.deepEqual(chart.find('ClusterRole', 'aimesh-gateway').rules, [
    { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
  ]);
  assert.deepEqual(
    chart
      .find('ClusterRoleBinding', 'aimesh-gateway')
      .subjects.map((s: { namespace: string }) => s.namespace),
    ['ai-platform', 'ml'],
  );
  const env = chart.find('Deployment', 'aimesh-operator').spec.template.spec.containers[0].env;
  assert.deepEqual(
    env.find((e: { name: string }) => e.name === 'AIMESH_GATEWAY_NAMESPACES'),
    { name: 'AIMESH_GATEWAY_NAMESPACES', value: 'ai-platform,ml' },
  );
});

test('values.schema.json refuses a bad gateway namespace', async () => {
  await assert.rejects(
    template({ 'gateway.enabled': true, 'gateway.namespaces[0]': 'Not_A_Namespace' }),
    /gateway\.namespaces\.0|gateway.*namespaces/,
  );
});
