// The API as users meet it: kubectl against a real kube-apiserver with the generated CRDs.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Cluster, sharedCluster } from '../support/cluster.ts';
import { expectations } from '../support/expectations.ts';

const examples = join(import.meta.dirname, '../../crds/examples');
let cluster: Cluster;

before(async () => {
  cluster = await sharedCluster();
});
after(async () => {
  await cluster?.stop();
});

async function kubectl(...args: string[]) {
  const r = await cluster.kubectl(args);
  return { ...r, out: r.stdout + r.stderr };
}

test('kubectl apply -f crds/examples/ succeeds', async () => {
  const r = await kubectl('apply', '-f', examples);
  assert.equal(r.code, 0, r.out);
  for (const name of [
    'aiprovider.aimesh.io/openai',
    'airoute.aimesh.io/chat',
    'aiquota.aimesh.io/team-budget',
  ]) {
    assert.ok(r.out.includes(`${name} created`) || r.out.includes(`${name} unchanged`), r.out);
  }
  // Defaults from the schema are applied by the apiserver.
  const q = await kubectl(
    'get',
    'aiquota',
    'premium-trial',
    '-n',
    'team-a',
    '-o',
    'jsonpath={.spec.failurePolicy}',
  );
  assert.equal(q.stdout, 'FailOpen');
});

const invalid = readdirSync(join(examples, 'invalid')).filter((f) => f.endsWith('.yaml'));
for (const f of invalid) {
  test(`the apiserver rejects invalid/${f} with its documented message`, async () => {
    await kubectl('apply', '-f', join(examples, '00-namespaces.yaml'));
    const file = join(examples, 'invalid', f);
    const r = await kubectl('apply', '-f', file);
    assert.notEqual(r.code, 0, `accepted:\n${r.out}`);
    for (const e of expectations(file)) assert.ok(r.out.includes(e), `expected "${e}" in:\n${r.out}`);
  });
}

test('the apiserver accepts what the sidecar runs: RE2 patterns and edge durations', async () => {
  await kubectl('apply', '-f', join(examples, '00-namespaces.yaml'));
  const route = {
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIRoute',
    metadata: { name: 're2-and-durations', namespace: 'team-a' },
    spec: {
      timeout: '2147483647ms',
      retries: { backoff: '0s' },
      guards: { denyPatterns: ['(a+)+$', '(?i)project\\s+(falcon|orion)', '\\bsecret\\b', '\\p{Greek}+'] },
      rules: [
        {
          matches: [
            { headers: [{ name: 'x-team', type: 'RegularExpression', value: '^(?P<team>red|blue)$' }] },
          ],
          backends: [{ providerRef: { name: 'openai', namespace: 'ai-platform' } }],
          timeout: '1ms',
          cache: { ttl: '1.5ms' },
        },
      ],
    },
  };
  const r = await cluster.kubectl(['apply', '--dry-run=server', '-f', '-'], { input: JSON.stringify(route) });
  assert.equal(r.code, 0, r.stdout + r.stderr);
});

test('kubectl explain teaches the API from the schema descriptions', async () => {
  const r = await kubectl('explain', 'aiquota.spec.limits');
  assert.equal(r.code, 0, r.out);
  for (const text of ['exactly one of requests, tokens', 'window', 'calendarMonth', 'costUSD']) {
    assert.ok(r.out.includes(text), `${text} in:\n${r.out}`);
  }
});

test('kubectl get shows the printer columns, short names and the aimesh category', async () => {
  await kubectl('apply', '-f', examples);
  const get = await kubectl('get', 'aiproviders,airoutes,aiquotas', '-A');
  assert.equal(get.code, 0, get.out);
  for (const header of ['TYPE', 'READY', 'RULES', 'PROGRAMMED', 'SIDECARS', 'USAGE']) {
    assert.match(get.stdout, new RegExp(`\\b${header}\\b`), `${header} column in:\n${get.stdout}`);
  }
  assert.match(get.stdout, /openai\s+openai\s/);
  // USAGE shows every limit's use: the line the quota service writes with status.limits.
  const usage = 'tokens-per-minute=0/100000,monthly-spend=0/500';
  const patched = await kubectl(
    'patch',
    'aiquota',
    'team-budget',
    '-n',
    'team-a',
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({ status: { usage } }),
  );
  assert.equal(patched.code, 0, patched.out);
  const quotas = await kubectl('get', 'aiquota', 'team-budget', '-n', 'team-a');
  assert.match(quotas.stdout, /^NAME\s+USAGE\s/);
  assert.match(quotas.stdout, /\nteam-budget\s+tokens-per-minute=0\/100000,monthly-spend=0\/500\s/);

  const short = await kubectl('get', 'aip,air,aiq,aiaccess', '-A', '-o', 'name');
  const category = await kubectl('get', 'aimesh', '-A', '-o', 'name');
  assert.equal(short.code, 0, short.out);
  const names = short.stdout.trim().split('\n').sort();
  assert.deepEqual(category.stdout.trim().split('\n').sort(), names);
  assert.ok(names.includes('aiprovider.aimesh.io/vllm'));
  assert.ok(names.includes('airoute.aimesh.io/chat'));
  assert.ok(names.includes('aiquota.aimesh.io/premium-trial'));
  assert.ok(names.includes('aiaccessrequest.aimesh.io/eu-summaries'));
  // Without a decision an access request is Pending (the status default).
  const access = await kubectl('get', 'aiaccess', '-n', 'team-a');
  assert.match(access.stdout, /^NAME\s+PROVIDER\s+REQUESTER\s+PHASE\s+DECIDED BY\s+AGE/);
  assert.match(access.stdout, /eu-summaries\s+openai-eu\s+(<none>\s+)?Pending\s/);
});
