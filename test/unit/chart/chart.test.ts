// charts/aimesh as `helm lint` and `helm template` see it: what a platform admin installs.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { clusterRules, namespaceRules, secretReadRules } from '../../../operator/kube/rbac.ts';
import { accessWebhook } from '../../../operator/webhook/config.ts';
import { chartDir, helm, type K8sObject, KUBE_VERSION, type Rendered, template } from './helm.ts';

let chart: Rendered;
before(async () => {
  chart = await template();
});

test('helm lint --strict passes', async () => {
  const r = await helm(['lint', chartDir, '--strict', '--kube-version', KUBE_VERSION]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /1 chart\(s\) linted, 0 chart\(s\) failed/);
});

test('helm template renders the operator, its RBAC, Services and the injection webhook', () => {
  const kinds = new Set(chart.objects.map((o) => o.kind));
  for (const kind of [
    'ServiceAccount',
    'ClusterRole',
    'ClusterRoleBinding',
    'Role',
    'RoleBinding',
    'Lease',
    'Service',
    'Deployment',
    'PodDisruptionBudget',
    'MutatingWebhookConfiguration',
  ])
    assert.ok(kinds.has(kind), `${kind} rendered`);
  // Templates never render CRDs: Helm installs crds/ itself (and never deletes them).
  assert.ok(!kinds.has('CustomResourceDefinition'));
  for (const o of chart.objects) {
    assert.equal(o.metadata.labels?.['app.kubernetes.io/instance'], 'aimesh', `${o.kind} ${o.metadata.name}`);
    const clusterScoped = ['ClusterRole', 'ClusterRoleBinding', 'MutatingWebhookConfiguration'].includes(
      o.kind,
    );
    assert.equal(o.metadata.namespace, clusterScoped ? undefined : 'aimesh-system', `${o.kind} namespace`);
  }
});

test('the operator Deployment: 2 replicas, hardened, probed on the admin port', () => {
  const d = chart.find('Deployment', 'aimesh-operator');
  assert.equal(d.spec.replicas, 2);
  const pod = d.spec.template.spec;
  assert.deepEqual(pod.securityContext.seccompProfile, { type: 'RuntimeDefault' });
  assert.equal(pod.securityContext.runAsNonRoot, true);
  assert.equal(pod.securityContext.runAsUser, 65532);
  assert.equal(pod.serviceAccountName, 'aimesh-operator');
  const [c] = pod.containers;
  assert.equal(c.image, 'aimesh/aimesh-operator:0.1.0');
  assert.equal(c.securityContext.readOnlyRootFilesystem, true);
  assert.equal(c.securityContext.allowPrivilegeEscalation, false);
  assert.deepEqual(c.securityContext.capabilities.drop, ['ALL']);
  const ports = Object.fromEntries(c.ports.map((p: any) => [p.name, p.containerPort]));
  assert.deepEqual(ports, { webhook: 9443, push: 15010, admin: 15011 });
  for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
    assert.equal(c[probe].httpGet.port, 'admin', probe);
  assert.equal(c.readinessProbe.httpGet.path, '/readyz');
  assert.equal(c.livenessProbe.httpGet.path, '/healthz');
  assert.ok(c.resources.requests.cpu && c.resources.limits.memory);
  const env = Object.fromEntries(c.env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
  // The operator's flags (operator/options.ts), as their AIMESH_* twins.
  assert.deepEqual(c.args, ['run']);
  assert.equal(env.AIMESH_WEBHOOK_CONFIG, 'aimesh-sidecar-injector');
  assert.equal(env.AIMESH_LEADER_ELECT, 'true');
  assert.equal(env.AIMESH_LEADER_ELECTION_ID, 'aimesh-leader');
  assert.equal(env.AIMESH_LEASE_DURATION, '15s');
  assert.equal(env.AIMESH_CERT_SECRET, 'aimesh-operator-tls');
  assert.equal(env.AIMESH_SERVICE_NAME, 'aimesh-operator');
  assert.equal(
    env.AIMESH_CERT_HOSTS,
    'aimesh-webhook.aimesh-system.svc,aimesh-webhook.aimesh-system.svc.cluster.local',
  );
  assert.equal(env.AIMESH_PUSH_PORT, '15010');
  assert.equal(env.AIMESH_ADMIN_PORT, '15011');
  assert.equal(env.AIMESH_WEBHOOK_PORT, '9443');
  assert.deepEqual(env.AIMESH_NAMESPACE, { fieldRef: { fieldPath: 'metadata.namespace' } });
  assert.deepEqual(env.AIMESH_IDENTITY, { fieldRef: { fieldPath: 'metadata.name' } });
  // Writable paths are volumes only.
  assert.deepEqual(
    c.volumeMounts.map((m: any) => m.mountPath),
    ['/tmp'],
  );
  // The operator is never injected itself.
  assert.equal(d.spec.template.metadata.labels['aimesh.io/inject'], 'false');
});

test('a PodDisruptionBudget keeps one operator through node drains', () => {
  const pdb = chart.find('PodDisruptionBudget');
  assert.equal(pdb.spec.minAvailable, 1);
  const d = chart.find('Deployment');
  assert.deepEqual(pdb.spec.selector.matchLabels, d.spec.selector.matchLabels);
});

test('Services: webhook 443 -> 9443 and push 15010', () => {
  const webhook = chart.find('Service', 'aimesh-webhook');
  assert.deepEqual(
    webhook.spec.ports.map((p: any) => [p.port, p.targetPort]),
    [[443, 'webhook']],
  );
  const push = chart.find('Service', 'aimesh-operator');
  assert.deepEqual(
    push.spec.ports.find((p: any) => p.name === 'https-push'),
    {
      name: 'https-push',
      port: 15010,
      targetPort: 'push',
      protocol: 'TCP',
      appProtocol: 'https',
    },
  );
});

test('the webhook: namespace label or opted-in pod, failurePolicy Ignore, no caBundle in the chart', () => {
  const mwc = chart.find('MutatingWebhookConfiguration', 'aimesh-sidecar-injector');
  const [ns, pod, annotation, access] = mwc.webhooks;
  assert.equal(ns.name, 'namespace.inject.aimesh.io');
  assert.equal(pod.name, 'pod.inject.aimesh.io');
  assert.equal(annotation.name, 'annotation.inject.aimesh.io');
  assert.equal(access.name, 'access.aimesh.io');
  for (const w of mwc.webhooks.slice(0, 3)) {
    assert.equal(w.failurePolicy, 'Ignore');
    assert.equal(w.sideEffects, 'None');
    assert.deepEqual(w.clientConfig.service, {
      name: 'aimesh-webhook',
      namespace: 'aimesh-system',
      path: '/inject',
      port: 443,
    });
    assert.equal(w.clientConfig.caBundle, undefined, 'the operator patches caBundle at run time');
    assert.deepEqual(w.rules[0].resources, ['pods']);
    assert.deepEqual(w.rules[0].operations, ['CREATE']);
    const excluded = w.namespaceSelector.matchExpressions.find(
      (e: any) => e.key === 'kubernetes.io/metadata.name',
    );
    assert.deepEqual(excluded, {
      key: 'kubernetes.io/metadata.name',
      operator: 'NotIn',
      values: ['aimesh-system', 'kube-system', 'kube-public', 'kube-node-lease'],
    });
  }
  assert.deepEqual(ns.namespaceSelector.matchExpressions[0], {
    key: 'aimesh.io/inject',
    operator: 'In',
    values: ['enabled'],
  });
  assert.deepEqual(ns.objectSelector.matchExpressions[0].operator, 'NotIn');
  // Labelled pods reach the pod webhook; with the default podOptIn=annotation every other pod
  // elsewhere reaches the injector too (selectors cannot see annotations), except opted-out ones.
  assert.deepEqual(pod.objectSelector.matchExpressions[0], {
    key: 'aimesh.io/inject',
    operator: 'In',
    values: ['true', 'enabled'],
  });
  assert.deepEqual(annotation.objectSelector.matchExpressions[0], {
    key: 'aimesh.io/inject',
    operator: 'NotIn',
    values: ['true', 'enabled', 'false', 'disabled'],
  });
});

test('webhook.url: every webhook calls the URL (path appended), never the Service, and the certificate names its host', async () => {
  const r = await template({ 'webhook.url': 'https://operator.dev.example:8443/' });
  const mwc = r.find('MutatingWebhookConfiguration', 'aimesh-sidecar-injector');
  assert.deepEqual(
    mwc.webhooks.map((w: any) => [w.name, w.clientConfig]),
    [
      ['namespace.inject.aimesh.io', { url: 'https://operator.dev.example:8443/inject' }],
      ['pod.inject.aimesh.io', { url: 'https://operator.dev.example:8443/inject' }],
      ['annotation.inject.aimesh.io', { url: 'https://operator.dev.example:8443/inject' }],
      ['access.aimesh.io', { url: 'https://operator.dev.example:8443/access' }],
    ],
    'no service and no caBundle: the operator patches the caBundle, helm upgrade keeps it',
  );
  const env = r.find('Deployment', 'aimesh-operator').spec.template.spec.containers[0].env;
  const hosts = env.find((e: any) => e.name === 'AIMESH_CERT_HOSTS').value.split(',');
  assert.ok(hosts.includes('operator.dev.example'), hosts.join(','));
  assert.ok(hosts.includes('aimesh-webhook.aimesh-system.svc'), hosts.join(','));
  // The default: the Service, and no extra host.
  const svcHosts = chart
    .find('Deployment', 'aimesh-operator')
    .spec.template.spec.containers[0].env.find((e: any) => e.name === 'AIMESH_CERT_HOSTS').value;
  assert.equal(svcHosts, 'aimesh-webhook.aimesh-system.svc,aimesh-webhook.aimesh-system.svc.cluster.local');
  const access = chart.find('MutatingWebhookConfiguration', 'aimesh-sidecar-injector').webhooks[3];
  assert.deepEqual(access.clientConfig, {
    service: { name: 'aimesh-webhook', namespace: 'aimesh-system', path: '/access', port: 443 },
  });
});

test('the access webhook sees only AIAccessRequests and fails closed, as operator/webhook/config.ts renders it', async () => {
  const access: any = chart
    .find('MutatingWebhookConfiguration', 'aimesh-sidecar-injector')
    .webhooks.find((w: { name: string }) => w.name === 'access.aimesh.io');
  const service = { name: 'aimesh-webhook', namespace: 'aimesh-system', path: '/access', port: 443 };
  assert.deepEqual(accessWebhook({ service }, access.timeoutSeconds), access);
  assert.equal(access.failurePolicy, 'Fail');
  assert.deepEqual(access.rules[0].resources, ['aiaccessrequests', 'aiaccessrequests/status']);
  const failing = await template({ 'webhook.failurePolicy': 'Ignore' });
  const still = failing
    .find('MutatingWebhookConfiguration')
    .webhooks.find((w: { name: string }) => w.name === 'access.aimesh.io');
  assert.equal(still.failurePolicy, 'Fail', 'webhook.failurePolicy never opens the gate');
});

test('webhook.failurePolicy=Fail applies only to pods that opted in (namespace or pod label)', async () => {
  const failing = await template({ 'webhook.failurePolicy': 'Fail' });
  const policies = Object.fromEntries(
    failing
      .find('MutatingWebhookConfiguration')
      .webhooks.map((w: { name: string; failurePolicy: string }) => [w.name, w.failurePolicy]),
  );
  assert.deepEqual(policies, {
    'namespace.inject.aimesh.io': 'Fail',
    'pod.inject.aimesh.io': 'Fail',
    // Sees every pod of every other namespace: an injector outage must not stop them.
    'annotation.inject.aimesh.io': 'Ignore',
    'access.aimesh.io': 'Fail',
  });
});

test('webhook.podOptIn=label narrows the pod webhook to labelled pods; enabledByDefault flips the namespace rule', async () => {
  const labelled = await template({ 'webhook.podOptIn': 'label', 'webhook.failurePolicy': 'Fail' });
  const webhooksOf = labelled.find('MutatingWebhookConfiguration').webhooks;
  assert.equal(webhooksOf.length, 3, 'no annotation webhook (injection, pod, access)');
  const [ns, pod] = webhooksOf;
  assert.equal(ns.failurePolicy, 'Fail');
  assert.equal(pod.failurePolicy, 'Fail');
  assert.deepEqual(pod.objectSelector.matchExpressions[0], {
    key: 'aimesh.io/inject',
    operator: 'In',
    values: ['true', 'enabled'],
  });
  const byDefault = await template({ 'injection.enabledByDefault': true });
  const webhooks = byDefault.find('MutatingWebhookConfiguration').webhooks;
  assert.deepEqual(
    webhooks.map((w: { name: string }) => w.name),
    ['namespace.inject.aimesh.io', 'access.aimesh.io'],
  );
  assert.deepEqual(webhooks[0].namespaceSelector.matchExpressions[0], {
    key: 'aimesh.io/inject',
    operator: 'NotIn',
    values: ['disabled'],
  });
});

// ---- RBAC -------------------------------------------------------------------------------------

const rulesOf = (o: K8sObject) =>
  o.rules as { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] }[];
function operatorClusterRules(r: Rendered) {
  const bound = r
    .all('ClusterRoleBinding')
    .filter((b) => b.subjects?.some((s: any) => s.kind === 'ServiceAccount' && s.name === 'aimesh-operator'))
    .map((b) => b.roleRef.name);
  return r.all('ClusterRole').filter((c) => bound.includes(c.metadata.name));
}

test('operator RBAC: one ClusterRole per need, covering what the operator does', () => {
  const roles = operatorClusterRules(chart);
  assert.deepEqual(roles.map((r) => r.metadata.name).sort(), [
    'aimesh-operator-accessreviews',
    'aimesh-operator-events',
    'aimesh-operator-resources',
    'aimesh-operator-secrets',
    'aimesh-operator-tokenreviews',
    'aimesh-operator-webhook',
    'aimesh-operator-workloads',
  ]);
  const can = (group: string, resource: string, verb: string) =>
    roles.some((role) =>
      rulesOf(role).some(
        (r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb),
      ),
    );
  for (const res of ['aiproviders', 'airoutes', 'aiquotas', 'aiaccessrequests'])
    for (const verb of ['get', 'list', 'watch']) assert.ok(can('aimesh.io', res, verb), `${verb} ${res}`);
  for (const res of ['aiproviders/status', 'airoutes/status', 'aiquotas/status', 'aiaccessrequests/status'])
    assert.ok(can('aimesh.io', res, 'patch'), `patch ${res}`);
  assert.ok(can('authorization.k8s.io', 'subjectaccessreviews', 'create'));
  assert.ok(!can('aimesh.io', 'aiproviders', 'approve'), 'the operator never decides on access itself');
  for (const res of ['secrets', 'namespaces', 'pods']) assert.ok(can('', res, 'watch'), `watch ${res}`);
  assert.ok(can('', 'events', 'create'));
  assert.ok(can('authentication.k8s.io', 'tokenreviews', 'create'));
  assert.ok(can('admissionregistration.k8s.io', 'mutatingwebhookconfigurations', 'patch'));
});

test('operator RBAC is least privilege: no writes to workloads or Secrets cluster-wide, webhook by name', () => {
  for (const role of operatorClusterRules(chart)) {
    for (const r of rulesOf(role)) {
      assert.ok(
        !r.verbs.includes('*') && !r.resources.includes('*') && !r.apiGroups.includes('*'),
        role.metadata.name,
      );
      assert.ok(!r.apiGroups.includes('coordination.k8s.io'), 'leases belong in the namespaced Role');
      if (
        r.resources.includes('secrets') ||
        r.resources.includes('pods') ||
        r.resources.includes('namespaces')
      )
        assert.deepEqual(
          r.verbs,
          ['get', 'list', 'watch'],
          `${role.metadata.name} only reads ${r.resources}`,
        );
      if (r.resources.includes('mutatingwebhookconfigurations'))
        assert.deepEqual(r.resourceNames, ['aimesh-sidecar-injector']);
    }
  }
  const role = chart.find('Role', 'aimesh-operator');
  assert.equal(role.metadata.namespace, 'aimesh-system');
  const leases = rulesOf(role).find((r) => r.resources.includes('leases'))!;
  assert.deepEqual(leases.apiGroups, ['coordination.k8s.io']);
  const secretRules = rulesOf(role).filter((r) => r.resources.includes('secrets'));
  assert.deepEqual(
    secretRules.map((r) => [r.verbs, r.resourceNames]),
    [
      [['create'], undefined],
      [
        ['get', 'update', 'patch'],
        ['aimesh-operator-tls', 'aimesh-operator-tls-ca'],
      ],
    ],
  );
  // The leader Lease is the chart's, so helm uninstall removes it.
  chart.find('Lease', 'aimesh-leader');
});

/** Whether some rule among `granted` allows every verb of `need` on its resources (and names). */
function grants(granted: ReturnType<typeof rulesOf>, need: ReturnType<typeof rulesOf>[number]): boolean {
  return need.resources.every((res) =>
    need.verbs.every((verb) =>
      granted.some(
        (g) =>
          g.apiGroups.includes(need.apiGroups[0]!) &&
          g.resources.includes(res) &&
          g.verbs.includes(verb) &&
          (!g.resourceNames || (need.resourceNames ?? []).every((n) => g.resourceNames!.includes(n))),
      ),
    ),
  );
}

test('the chart grants the operator everything operator/kube/rbac.ts asks for (what integration tests run with)', async () => {
  for (const providerNamespaces of [undefined, ['ai-platform', 'team-keys']]) {
    const r = providerNamespaces
      ? await template({ 'rbac.providerNamespaces': `{${providerNamespaces.join(',')}}` })
      : chart;
    const cluster = operatorClusterRules(r).flatMap(rulesOf);
    for (const rule of clusterRules('aimesh-sidecar-injector', providerNamespaces))
      assert.ok(grants(cluster, rule), `cluster-wide ${JSON.stringify(rule)}`);
    const own = rulesOf(r.find('Role', 'aimesh-operator'));
    for (const rule of namespaceRules('aimesh-operator-tls'))
      assert.ok(grants(own, rule), `release namespace ${JSON.stringify(rule)}`);
    for (const ns of providerNamespaces ?? []) {
      const role = r.all('Role').find((o) => o.metadata.namespace === ns)!;
      for (const rule of secretReadRules()) assert.ok(grants(rulesOf(role), rule), `${ns}: secrets`);
    }
  }
});

test('rbac.providerNamespaces: Secrets readable in those namespaces only (a Role each), no Secrets ClusterRole', async () => {
  const r = await template({ 'rbac.providerNamespaces': '{ai-platform}' });
  const cluster = operatorClusterRules(r);
  assert.ok(!cluster.some((c) => rulesOf(c).some((rule) => rule.resources.includes('secrets'))));
  const role = r.all('Role').find((o) => o.metadata.namespace === 'ai-platform')!;
  assert.equal(role.metadata.name, 'aimesh-operator-secrets');
  assert.deepEqual(rulesOf(role), [
    { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
  ]);
  const binding = r.all('RoleBinding').find((o) => o.metadata.namespace === 'ai-platform')!;
  assert.deepEqual(binding.roleRef, {
    apiGroup: 'rbac.authorization.k8s.io',
    kind: 'Role',
    name: role.metadata.name,
  });
  assert.deepEqual(binding.subjects, [
    { kind: 'ServiceAccount', name: 'aimesh-operator', namespace: 'aimesh-system' },
  ]);
  // By default (no namespaces named) they are readable cluster-wide, as before.
  assert.ok(operatorClusterRules(chart).some((c) => c.metadata.name === 'aimesh-operator-secrets'));
});

test('user roles: platform-admin writes everything; app teams read quotas and edit routes via aggregation', async () => {
  const admin = chart.find('ClusterRole', 'aimesh-platform-admin');
  const write = rulesOf(admin).find((r) => r.verbs.includes('create'))!;
  assert.deepEqual(write.resources, ['aiproviders', 'airoutes', 'aiquotas']);
  const view = chart.find('ClusterRole', 'aimesh-view');
  for (const agg of ['view', 'edit', 'admin'])
    assert.equal(view.metadata.labels?.[`rbac.authorization.k8s.io/aggregate-to-${agg}`], 'true');
  assert.ok(rulesOf(view).every((r) => r.verbs.every((v) => ['get', 'list', 'watch'].includes(v))));
  const routes = chart.find('ClusterRole', 'aimesh-route-editor');
  assert.deepEqual(rulesOf(routes)[0].resources, ['airoutes'], 'app teams never write AIQuota or AIProvider');
  assert.equal(routes.metadata.labels?.['rbac.authorization.k8s.io/aggregate-to-edit'], 'true');
  assert.equal(routes.metadata.labels?.['rbac.authorization.k8s.io/aggregate-to-view'], undefined);

  const bound = await template({
    'rbac.platformAdmins.groups[0]': 'platform-team',
    'rbac.routesWritableBy': 'admin',
  });
  const binding = bound.find('ClusterRoleBinding', 'aimesh-platform-admin');
  assert.deepEqual(binding.subjects, [
    { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'platform-team' },
  ]);
  const adminOnly = bound.find('ClusterRole', 'aimesh-route-editor');
  assert.equal(adminOnly.metadata.labels?.['rbac.authorization.k8s.io/aggregate-to-edit'], undefined);
  assert.equal(adminOnly.metadata.labels?.['rbac.authorization.k8s.io/aggregate-to-admin'], 'true');
});

// ---- sidecar injection config -------------------------------------------------------------------

test('the injected sidecar: image, resources, log level and tracing env reach the operator', async () => {
  const r = await template({
    'sidecar.image.repository': 'registry.example.com/aimesh/aimesh-sidecar',
    'sidecar.image.tag': '1.2.3',
    'sidecar.resources.limits.memory': '300Mi',
    'sidecar.logLevel': 'debug',
    'tracing.endpoint': 'http://jaeger-collector.observability.svc:4318',
  });
  const envOf = (x: Rendered) =>
    Object.fromEntries(
      x.find('Deployment').spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value]),
    );
  const env = envOf(r);
  assert.equal(env.AIMESH_SIDECAR_IMAGE, 'registry.example.com/aimesh/aimesh-sidecar:1.2.3');
  assert.equal(env.AIMESH_SIDECAR_IMAGE_PULL_POLICY, 'IfNotPresent');
  assert.deepEqual(JSON.parse(env.AIMESH_SIDECAR_RESOURCES), {
    requests: { cpu: '50m', memory: '64Mi' },
    limits: { memory: '300Mi' },
  });
  assert.equal(env.AIMESH_SIDECAR_LOG_LEVEL, 'debug');
  const sidecarEnv = Object.fromEntries(
    JSON.parse(env.AIMESH_SIDECAR_ENV).map((e: any) => [e.name, e.value]),
  );
  assert.equal(sidecarEnv.OTEL_EXPORTER_OTLP_ENDPOINT, 'http://jaeger-collector.observability.svc:4318');
  assert.equal(env.OTEL_EXPORTER_OTLP_ENDPOINT, 'http://jaeger-collector.observability.svc:4318');
  // Defaults: the chart's appVersion, tracing off.
  const d = envOf(chart);
  assert.equal(d.AIMESH_SIDECAR_IMAGE, 'aimesh/aimesh-sidecar:0.1.0');
  assert.equal(d.OTEL_TRACES_EXPORTER, 'none');
});

test('metrics access: loopback only by default; "any" (or a ServiceMonitor) opens /metrics to scrapers', async () => {
  const operatorEnv = (x: Rendered) =>
    Object.fromEntries(
      x.find('Deployment').spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value]),
    );
  const sidecarEnv = (x: Rendered) =>
    Object.fromEntries(JSON.parse(operatorEnv(x).AIMESH_SIDECAR_ENV).map((e: any) => [e.name, e.value]));
  assert.equal(operatorEnv(chart).AIMESH_METRICS_ACCESS, undefined, 'the binaries default to local');
  assert.equal(sidecarEnv(chart).AIMESH_METRICS_ACCESS, undefined);
  const open = await template({ 'operator.metricsAccess': 'any', 'sidecar.metricsAccess': 'any' });
  assert.equal(operatorEnv(open).AIMESH_METRICS_ACCESS, 'any');
  assert.equal(sidecarEnv(open).AIMESH_METRICS_ACCESS, 'any');
  const monitored = await template({ 'monitoring.serviceMonitor.enabled': true });
  assert.equal(operatorEnv(monitored).AIMESH_METRICS_ACCESS, 'any');
});

test('a release with another name gets its own cluster-scoped names', async () => {
  const r = await template({}, { release: 'mesh', namespace: 'mesh-system' });
  r.find('MutatingWebhookConfiguration', 'mesh-aimesh-sidecar-injector');
  r.find('ClusterRole', 'mesh-aimesh-platform-admin');
  r.find('Deployment', 'mesh-aimesh-operator');
});
// NOTES.txt is checked by test/integration/chart.test.ts (helm prints it on a real install).

test('console: off by default; when on, loopback only (kubectl port-forward); a Service only when asked', async () => {
  const env = (x: Rendered) =>
    Object.fromEntries(
      x.find('Deployment').spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value]),
    );
  assert.equal(env(chart).AIMESH_CONSOLE_PORT, undefined);
  assert.ok(!chart.all('Service').some((s) => s.metadata.name === 'aimesh-console'));

  const on = await template({ 'console.enabled': true });
  assert.deepEqual(
    [env(on).AIMESH_CONSOLE_PORT, env(on).AIMESH_CONSOLE_ADDRESS, env(on).AIMESH_CONSOLE_TLS],
    ['15020', '127.0.0.1', 'false'],
  );
  const ports = on.find('Deployment').spec.template.spec.containers[0].ports;
  assert.ok(ports.some((p: any) => p.name === 'console' && p.containerPort === 15020));
  assert.ok(!on.all('Service').some((s) => s.metadata.name === 'aimesh-console'));
  // What the console asks of the apiserver (TokenReview, SubjectAccessReview, reading the AIMesh
  // resources) the operator holds anyway: turning it on grants nothing more.
  assert.deepEqual(
    operatorClusterRules(on).map((c) => c.rules),
    operatorClusterRules(chart).map((c) => c.rules),
  );

  const exposed = await template({
    'console.enabled': true,
    'console.service.enabled': true,
    'console.tls': true,
  });
  assert.equal(env(exposed).AIMESH_CONSOLE_ADDRESS, '0.0.0.0');
  assert.deepEqual(exposed.find('Service', 'aimesh-console').spec.ports, [
    { name: 'https-console', port: 443, targetPort: 'console', protocol: 'TCP', appProtocol: 'https' },
  ]);
});
