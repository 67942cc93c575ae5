// values.schema.json: bad values fail `helm install`/`template` with the offending path named,
// before anything reaches the cluster.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartDir, helm, KUBE_VERSION, setFlags, template } from './helm.ts';

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
  {
    name: 'an image tag outside the OCI tag grammar (a plus sign)',
    values: { 'operator.image.tag': 'v1.0+build' },
    expect: [/\/operator\/image\/tag/, /does not match pattern/],
  },
  {
    name: 'an image tag starting with a dash',
    values: { 'sidecar.image.tag': '-latest' },
    expect: [/\/sidecar\/image\/tag/, /does not match pattern/],
  },
  {
    name: 'an image tag longer than 128 characters',
    values: { 'sidecar.image.tag': 'v'.repeat(129) },
    expect: [/\/sidecar\/image\/tag/, /does not match pattern/],
  },
  {
    name: 'a truncated image digest',
    values: { 'operator.image.tag': 'v1@sha256:abc123' },
    expect: [/\/operator\/image\/tag/, /does not match pattern/],
  },
  {
    name: 'a sampler ratio above 1 (a number)',
    values: { 'tracing.sampler': 'traceidratio', 'tracing.samplerArg': 2 },
    expect: [/\/tracing\/samplerArg/, /maximum: got 2, want 1/],
  },
  {
    name: 'a sampler ratio above 1 (a string)',
    values: { 'tracing.sampler': 'parentbased_traceidratio', 'tracing.samplerArg': '1.5' },
    expect: [/\/tracing\/samplerArg/, /'1\.5' does not match pattern/],
  },
  {
    name: 'a sampler ratio that is not a number',
    values: { 'tracing.sampler': 'traceidratio', 'tracing.samplerArg': 'ten percent' },
    expect: [/\/tracing\/samplerArg/],
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

// JSON Schema cannot compare two values: aimesh.validate (templates/_helpers.tpl) fails the render,
// so helm install/upgrade/template refuse them with a message naming the values. helm lint renders
// in lint mode, where Helm turns `fail` into a report ("[INFO] Fail: ..."), never an error.
const refused: { name: string; values: Record<string, string | number | boolean>; message: RegExp }[] = [
  {
    name: 'a lease duration shorter than the renew deadline',
    values: { 'operator.leaderElection.leaseDuration': '5s' },
    message: /operator\.leaderElection\.leaseDuration \(5s\) must exceed renewDeadline \(10s\)/,
  },
  {
    name: 'a lease duration equal to the renew deadline (in other units)',
    values: { 'operator.leaderElection.leaseDuration': '10000ms' },
    message: /leaseDuration \(10000ms\) must exceed renewDeadline \(10s\)/,
  },
  {
    name: 'a renew deadline equal to the retry period',
    values: { 'operator.leaderElection.renewDeadline': '2s' },
    message: /operator\.leaderElection\.renewDeadline \(2s\) must exceed retryPeriod \(2s\)/,
  },
  {
    name: 'a retry period longer than the renew deadline',
    values: { 'operator.leaderElection.retryPeriod': '1m' },
    message: /renewDeadline \(10s\) must exceed retryPeriod \(1m\)/,
  },
  {
    name: 'the push port on the admin port',
    values: { 'operator.ports.push': 15011 },
    message: /operator\.ports\.push and operator\.ports\.admin are both 15011/,
  },
  {
    name: 'the webhook port on the push port',
    values: { 'operator.ports.webhook': 15010 },
    message: /operator\.ports\.webhook and operator\.ports\.push are both 15010/,
  },
  {
    name: 'the console on the webhook port',
    values: { 'console.enabled': true, 'console.port': 9443 },
    message: /operator\.ports\.webhook and console\.port are both 9443/,
  },
];

for (const c of refused) {
  test(`helm template refuses (and helm lint reports) ${c.name}`, async () => {
    const t = await helm([
      'template',
      'aimesh',
      chartDir,
      '--kube-version',
      KUBE_VERSION,
      ...setFlags(c.values),
    ]);
    assert.notEqual(t.code, 0, `accepted:\n${t.stdout.slice(0, 500)}`);
    assert.match(t.stderr, c.message);
    const l = await helm([
      'lint',
      chartDir,
      '--strict',
      '--kube-version',
      KUBE_VERSION,
      ...setFlags(c.values),
    ]);
    assert.match(l.stderr, /Fail: /, l.stdout + l.stderr);
    assert.match(l.stderr, c.message);
  });
}

test('equal ports and short leases are fine where they do not meet: console off, leader election off', async () => {
  const r = await helm([
    'template',
    'aimesh',
    chartDir,
    '--kube-version',
    KUBE_VERSION,
    ...setFlags({
      'console.port': 9443,
      'operator.replicas': 1,
      'operator.leaderElection.enabled': false,
      'operator.leaderElection.leaseDuration': '1s',
    }),
  ]);
  assert.equal(r.code, 0, r.stderr);
});

test('lease timings in mixed units compare by length: 1m > 59.5s > 59s', async () => {
  const r = await helm([
    'template',
    'aimesh',
    chartDir,
    '--kube-version',
    KUBE_VERSION,
    ...setFlags({
      'operator.leaderElection.leaseDuration': '1m',
      'operator.leaderElection.renewDeadline': '59.5s',
      'operator.leaderElection.retryPeriod': '59s',
    }),
  ]);
  assert.equal(r.code, 0, r.stderr);
});

test('an image digest as the tag renders repository@digest; tag@digest keeps both', async () => {
  const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
  const r = await template({ 'operator.image.tag': digest, 'sidecar.image.tag': `v0.1.0@${digest}` });
  const operator = r.find('Deployment', 'aimesh-operator').spec.template.spec.containers[0];
  assert.equal(operator.image, `aimesh/aimesh-operator@${digest}`);
  const sidecarImage = operator.env.find((e: any) => e.name === 'AIMESH_SIDECAR_IMAGE').value;
  assert.equal(sidecarImage, `aimesh/aimesh-sidecar:v0.1.0@${digest}`);
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
      'operator.image.tag': 'v0.1.0-rc.1_build.7',
      'operator.resources.requests.cpu': '0.5',
      'rbac.routesWritableBy': 'admin',
      'operator.secretLabelSelector': 'aimesh.io/credentials=true',
      'operator.leaderElection.leaseDuration': '30s',
    }),
  ]);
  assert.equal(r.code, 0, r.stderr);
});
