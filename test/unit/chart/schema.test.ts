// values.schema.json: bad values fail `helm install`/`template` with the offending path named,
// before anything reaches the cluster.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartDir, helm, KUBE_VERSION, setFlags } from './helm.ts';

const cases: { name: string; values: Record<string, string | number | boolean>; expect: RegExp[] }[] = [
  {
    name: 'replicas given as a word',
    values: { 'operator.replicas': 'two' },
    expect: [/\/operator\/replicas/, /got string, want integer/],
  },
  {
    name: 'zero replicas',
    values: { 'operator.replicas': 0 },
    expect: [/\/operator\/replicas/, /minimum/],
  },
  {
    name: 'an unknown key (typo)',
    values: { 'operator.replica': 2 },
    expect: [/\/operator/, /additional properties 'replica' not allowed/],
  },
  {
    name: 'an unknown top-level key',
    values: { sidecars: true },
    expect: [/additional properties 'sidecars' not allowed/],
  },
  {
    name: 'a failurePolicy the apiserver does not know',
    values: { 'webhook.failurePolicy': 'Never' },
    expect: [/\/webhook\/failurePolicy/, /'Ignore', 'Fail'/],
  },
  {
    name: 'a tracing endpoint without a scheme',
    values: { 'tracing.endpoint': 'jaeger:4318' },
    expect: [/\/tracing\/endpoint/, /does not match pattern/],
  },
  {
    name: 'a resource quantity that is not one',
    values: { 'sidecar.resources.limits.memory': 'lots' },
    expect: [/\/sidecar\/resources\/limits\/memory/],
  },
  {
    name: 'an unknown log level',
    values: { 'sidecar.logLevel': 'verbose' },
    expect: [/\/sidecar\/logLevel/, /'debug', 'info', 'warn', 'error'/],
  },
  {
    name: 'an unknown pod opt-in mode',
    values: { 'webhook.podOptIn': 'both' },
    expect: [/\/webhook\/podOptIn/, /'label', 'annotation'/],
  },
  {
    name: 'an invalid namespace to exclude from injection',
    values: { 'webhook.excludeNamespaces[0]': 'Kube_System' },
    expect: [/\/webhook\/excludeNamespaces\/0/],
  },
  {
    name: 'a lease duration without a unit',
    values: { 'operator.leaderElection.leaseDuration': '15' },
    expect: [/\/operator\/leaderElection\/leaseDuration/],
  },
  {
    name: 'a port out of range',
    values: { 'operator.ports.push': 70000 },
    expect: [/\/operator\/ports\/push/, /maximum/],
  },
  {
    name: 'a webhook URL the apiserver refuses (http)',
    values: { 'webhook.url': 'http://operator.dev.example:8443' },
    expect: [/\/webhook\/url/, /does not match pattern/],
  },
  {
    name: 'a webhook URL with a query',
    values: { 'webhook.url': 'https://operator.dev.example/?x=1' },
    expect: [/\/webhook\/url/, /does not match pattern/],
  },
];

for (const c of cases) {
  test(`values.schema.json rejects ${c.name}`, async () => {
    const r = await helm([
      'template',
      'aimesh',
      chartDir,
      '--kube-version',
      KUBE_VERSION,
      ...setFlags(c.values),
    ]);
    assert.notEqual(r.code, 0, `accepted:\n${r.stdout.slice(0, 500)}`);
    assert.match(r.stderr, /values don't meet the specifications of the schema/);
    for (const e of c.expect) assert.match(r.stderr, e);
  });
}

test('several replicas without leader election fail with a message that says why', async () => {
  const r = await helm([
    'template',
    'aimesh',
    chartDir,
    '--kube-version',
    KUBE_VERSION,
    ...setFlags({ 'operator.leaderElection.enabled': false }),
  ]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /leaderElection.enabled=false needs operator.replicas=1/);
});

test('the schema accepts the documented alternatives', async () => {
  const r = await helm([
    'template',
    'aimesh',
    chartDir,
    '--kube-version',
    KUBE_VERSION,
    ...setFlags({
      'operator.replicas': 1,
      'operator.leaderElection.enabled': false,
      'webhook.failurePolicy': 'Fail',
      'webhook.podOptIn': 'label',
      'tracing.endpoint': 'http://jaeger-collector.observability.svc:4318',
      'tracing.sampler': 'parentbased_traceidratio',
      'tracing.samplerArg': '0.25',
      'operator.resources.requests.cpu': '0.5',
      'rbac.routesWritableBy': 'admin',
      'operator.secretLabelSelector': 'aimesh.io/credentials=true',
      'operator.leaderElection.leaseDuration': '30s',
    }),
  ]);
  assert.equal(r.code, 0, r.stderr);
});
