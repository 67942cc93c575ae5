// The quickstart (docs/quickstart.md) on a real node: the chart installed with helm runs real
// operator pods (2 replicas, leader election); an app pod in team-a gets the native sidecar from
// the chart's webhook; the app calls $OPENAI_BASE_URL and $ANTHROPIC_BASE_URL with the official
// SDKs and no key of its own; the sidecar finds the operator through its Service (CoreDNS +
// kube-proxy), reads its projected token, sends the platform's key to the provider (the test
// upstream, a host service behind a selector-less Service) and the spend shows in the AIQuota.
// Then the lifecycle: the sidecar starts before the app; the leader's pod killed mid-traffic; a
// rollout restart of the operator; a sidecar crash on the node; helm uninstall + install with the
// app running; on deletion the sidecar stops after the app.
//
// Needs root and a Linux machine (test/support/node.ts says why it skips otherwise); the images
// are built here without Docker and without pulling (test/support/images.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { dump, loadAll } from 'js-yaml';
import { binaryPath, repoRoot } from '../support/bins.ts';
import { buildNodeImages, IMAGES } from '../support/images.ts';
import { nodeSkipReason, startNode, type TestNode } from '../support/node.ts';
import { run, tempDir, waitFor } from '../support/procs.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const skip = nodeSkipReason() ?? false;
if (skip) console.log(`# node tests skipped: ${skip}`);

const NS = 'aimesh-system';
const OPENAI_KEY = 'sk-platform-openai-key';
const ANTHROPIC_KEY = 'sk-ant-platform-key';
const work = tempDir('aimesh-node-test');
let node: TestNode;
let upstream: Upstream;
let appIP = '';

const kubectl = async (args: string[], input?: string) => {
  const r = await node.cluster.kubectl(args, { input, timeoutMs: 120_000 });
  return { ...r, out: r.stdout + r.stderr };
};
const ok = async (args: string[], input?: string) => {
  const r = await kubectl(args, input);
  assert.equal(r.code, 0, `kubectl ${args.join(' ')}:\n${r.out}`);
  return r.stdout;
};
const getJson = async (...args: string[]) => JSON.parse(await ok(['get', ...args, '-o', 'json']));
const helm = (args: string[]) => run(binaryPath('helm'), args, { env: node.cluster.env, timeoutMs: 300_000 });
const app = async (path: string, body?: unknown) => {
  const r = await fetch(`http://${appIP}:8080${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: r.status, body: (await r.json()) as any };
};
const diagnostics = async () => {
  const pods = await kubectl(['get', 'pods', '-A', '-o', 'wide']);
  const events = await kubectl(['get', 'events', '-A', '--sort-by=.lastTimestamp']);
  return `${pods.out}\n${events.out.split('\n').slice(-25).join('\n')}\n${node.logs(15)}`;
};

before(async () => {
  if (skip) return;
  const started = Date.now();
  node = await startNode();
  const nodeUp = Date.now();
  const images = await buildNodeImages(work.path);
  for (const tar of Object.values(images)) await node.importImage(tar);
  console.log(
    `# node Ready in ${((nodeUp - started) / 1000).toFixed(0)} s; images built and imported in ${((Date.now() - nodeUp) / 1000).toFixed(0)} s`,
  );
  // The provider stand-in listens on the node's bridge address: a host service for the pods.
  upstream = await startUpstream({ host: node.hostIP, apiKeys: [OPENAI_KEY, ANTHROPIC_KEY] });
});

after(async () => {
  if (skip) return;
  await upstream?.close();
  await node?.stop();
  work.remove();
});

test('helm install of the chart runs two Ready operator pods that elect a leader and fill the webhook caBundle', {
  skip,
}, async () => {
  const r = await helm([
    'install',
    'aimesh',
    join(repoRoot, 'charts/aimesh'),
    '--namespace',
    NS,
    '--create-namespace',
    '--wait',
    '--timeout',
    '4m',
  ]);
  assert.equal(r.code, 0, `${r.stderr}\n${r.stdout}\n${await diagnostics()}`);
  const pods = await getJson('pods', '-n', NS, '-l', 'app.kubernetes.io/component=operator');
  assert.equal(pods.items.length, 2, JSON.stringify(pods.items.map((p: any) => p.metadata.name)));
  for (const p of pods.items) {
    assert.equal(p.spec.containers[0].image, IMAGES.operator.replace('docker.io/', ''));
    assert.ok(
      p.status.conditions.some((c: any) => c.type === 'Ready' && c.status === 'True'),
      `${p.metadata.name} is not Ready`,
    );
  }
  const lease = await waitFor('the leader Lease', async () => {
    const l = await getJson('lease', '-n', NS, 'aimesh-leader');
    return l.spec?.holderIdentity as string | undefined;
  });
  assert.ok(
    pods.items.some((p: any) => p.metadata.name === lease),
    `leader ${lease} is an operator pod`,
  );
  await waitFor(
    'caBundle on the webhook',
    async () => {
      const w = await getJson('mutatingwebhookconfiguration', 'aimesh-sidecar-injector');
      return w.webhooks.every((x: any) => x.clientConfig.caBundle);
    },
    { timeoutMs: 60_000 },
  );
  await ok(['get', 'pdb', '-n', NS, 'aimesh-operator']);
});

test('the quickstart: providers, routes and quotas; an app pod gets the native sidecar and calls both SDKs through it', {
  skip,
}, async () => {
  // Step 3 as written, with the provider endpoints pointed at the upstream's Service.
  await ok(['apply', '-f', join(repoRoot, 'crds/examples/00-namespaces.yaml')]);
  for (const [name, key] of [
    ['openai-credentials', OPENAI_KEY],
    ['anthropic-credentials', ANTHROPIC_KEY],
  ] as const) {
    const secret = await ok([
      '-n',
      'ai-platform',
      'create',
      'secret',
      'generic',
      name,
      `--from-literal=apiKey=${key}`,
      '--dry-run=client',
      '-o',
      'yaml',
    ]);
    await ok(['apply', '-f', '-'], secret);
  }
  const upstreamHost = `upstream.ai-platform.svc.cluster.local:${upstream.port}`;
  await ok(
    ['apply', '-f', '-'],
    dump({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'upstream', namespace: 'ai-platform' },
      spec: { ports: [{ name: 'http', port: upstream.port, targetPort: upstream.port }] },
    }) +
      '---\n' +
      dump({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: 'upstream-host',
          namespace: 'ai-platform',
          labels: { 'kubernetes.io/service-name': 'upstream' },
        },
        addressType: 'IPv4',
        ports: [{ name: 'http', port: upstream.port, protocol: 'TCP' }],
        endpoints: [{ addresses: [node.hostIP], conditions: { ready: true } }],
      }),
  );
  const providers = (
    loadAll(readFileSync(join(repoRoot, 'crds/examples/20-providers.yaml'), 'utf8')) as any[]
  )
    .filter(Boolean)
    .map((p) => {
      if (p.metadata.name === 'openai') p.spec.endpoint = `http://${upstreamHost}/v1`;
      if (p.metadata.name === 'anthropic') p.spec.endpoint = `http://${upstreamHost}`;
      return dump(p);
    });
  await ok(['apply', '-f', '-'], providers.join('---\n'));
  await ok([
    'apply',
    '-f',
    join(repoRoot, 'crds/examples/30-route.yaml'),
    '-f',
    join(repoRoot, 'crds/examples/40-quota.yaml'),
  ]);

  // Step 4: an app in team-a (labelled aimesh.io/inject=enabled by the example namespaces).
  await ok(
    ['apply', '-f', '-'],
    dump({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'demo', namespace: 'team-a' },
      spec: {
        containers: [
          {
            name: 'app',
            image: IMAGES.app,
            imagePullPolicy: 'Never',
            ports: [{ containerPort: 8080 }],
            readinessProbe: { httpGet: { path: '/env', port: 8080 }, periodSeconds: 1 },
          },
        ],
        terminationGracePeriodSeconds: 5,
      },
    }),
  );
  const pod = await waitFor(
    'pod team-a/demo Ready',
    async () => {
      const p = await getJson('pod', '-n', 'team-a', 'demo');
      return p.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True') && p;
    },
    { timeoutMs: 120_000, intervalMs: 500, onTimeout: () => '(see the diagnostics below)' },
  ).catch(async (e) => assert.fail(`${(e as Error).message}\n${await diagnostics()}`));
  const init = pod.spec.initContainers ?? [];
  assert.deepEqual(
    init.map((c: any) => [c.name, c.restartPolicy]),
    [['aimesh-sidecar', 'Always']],
    'the webhook injected the native sidecar',
  );
  assert.equal(init[0].image, IMAGES.sidecar.replace('docker.io/', ''));
  appIP = pod.status.podIP;

  const env = await app('/env');
  assert.deepEqual(env.body, {
    OPENAI_BASE_URL: 'http://127.0.0.1:15080/v1',
    ANTHROPIC_BASE_URL: 'http://127.0.0.1:15080/anthropic',
  });
  // The sidecar is Ready once it holds a snapshot from the operator (through the push Service).
  await waitFor(
    'the sidecar Ready (snapshot received)',
    async () =>
      (await getJson('pod', '-n', 'team-a', 'demo')).status.initContainerStatuses?.[0]?.ready === true,
    { timeoutMs: 60_000, intervalMs: 500 },
  ).catch(async (e) => assert.fail(`${(e as Error).message}\n${await diagnostics()}`));

  upstream.clearRequests();
  const chat = await app('/openai', { model: 'gpt-4o', content: 'Say hello' });
  assert.equal(chat.status, 200, JSON.stringify(chat.body));
  assert.ok(chat.body.text.length > 0);
  assert.ok(chat.body.usage.total_tokens > 0);
  const toOpenAI = upstream.requests.find((r) => r.path === '/v1/chat/completions');
  assert.ok(toOpenAI, `the upstream saw the call: ${upstream.requests.map((r) => r.path).join(', ')}`);
  assert.equal(toOpenAI.headers.authorization, `Bearer ${OPENAI_KEY}`, 'the platform key, not the app one');

  const msg = await app('/anthropic', { model: 'claude-sonnet-4-5', content: 'Say hello' });
  assert.equal(msg.status, 200, JSON.stringify(msg.body));
  assert.ok(msg.body.text.length > 0);
  const toAnthropic = upstream.requests.find((r) => r.path === '/v1/messages');
  assert.ok(toAnthropic);
  assert.equal(toAnthropic.headers['x-api-key'], ANTHROPIC_KEY);

  // Step 5: the spend in the AIQuota (the sidecar reports usage to the leader's quota service).
  const used = await waitFor(
    'spend in AIQuota team-a/team-budget',
    async () => {
      const q = await getJson('aiquota', '-n', 'team-a', 'team-budget');
      const limits = q.status?.limits ?? [];
      const tokens = limits.find((l: any) => l.name === 'tokens-per-minute')?.used ?? 0;
      const spend = limits.find((l: any) => l.name === 'monthly-spend')?.used ?? 0;
      return tokens > 0 && spend > 0 && { tokens, spend };
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
  assert.ok(used.tokens >= chat.body.usage.total_tokens, JSON.stringify(used));
  const table = await ok(['get', 'aiquota', '-n', 'team-a']);
  assert.match(table, /team-budget/);
});

test('the native sidecar starts before the app', { skip }, async () => {
  assert.ok(appIP, 'the app pod runs');
  const p = await getJson('pod', '-n', 'team-a', 'demo');
  const sidecarStarted = Date.parse(p.status.initContainerStatuses[0].state.running.startedAt);
  const appStarted = Date.parse(p.status.containerStatuses[0].state.running.startedAt);
  assert.ok(sidecarStarted <= appStarted, `sidecar ${sidecarStarted} <= app ${appStarted}`);
});

test('the leader pod killed mid-traffic: calls keep succeeding, a new leader takes over, quota continues', {
  skip,
}, async () => {
  assert.ok(appIP, 'the app pod runs');
  const leader = (await getJson('lease', '-n', NS, 'aimesh-leader')).spec.holderIdentity as string;
  // The monthly spend only grows (a per-minute limit's use drops when its window rolls over).
  const spent = async () =>
    (await getJson('aiquota', '-n', 'team-a', 'team-budget')).status.limits.find(
      (l: any) => l.name === 'monthly-spend',
    ).used as number;
  const spentBefore = await spent();

  let stop = false;
  const results: number[] = [];
  const traffic = (async () => {
    while (!stop)
      results.push((await app('/openai', { model: 'gpt-4o', content: `again ${results.length}` })).status);
  })();
  await waitFor('some traffic', () => results.length >= 3, { timeoutMs: 30_000 });
  await ok(['delete', 'pod', '-n', NS, leader, '--grace-period=0', '--force', '--wait=false']);
  const newLeader = await waitFor(
    'a new leader',
    async () => {
      const h = (await getJson('lease', '-n', NS, 'aimesh-leader')).spec.holderIdentity as string;
      return h && h !== leader && h;
    },
    { timeoutMs: 90_000, intervalMs: 500 },
  );
  await waitFor(
    'two Ready operator pods again',
    async () => {
      const pods = await getJson('pods', '-n', NS, '-l', 'app.kubernetes.io/component=operator');
      return (
        pods.items.filter((p: any) =>
          p.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'),
        ).length === 2
      );
    },
    { timeoutMs: 120_000, intervalMs: 1000 },
  );
  const n = results.length;
  await waitFor('more traffic after the takeover', () => results.length >= n + 3, { timeoutMs: 30_000 });
  stop = true;
  await traffic;
  assert.ok(
    results.every((s) => s === 200),
    `every call succeeded (${results.length} calls, new leader ${newLeader}): ${results.join(',')}`,
  );
  let last = spentBefore;
  await waitFor(
    'the monthly spend to grow under the new leader',
    async () => {
      last = await spent();
      return last > spentBefore;
    },
    { timeoutMs: 60_000, intervalMs: 500, onTimeout: () => `spent ${spentBefore} before, ${last} now` },
  );
});

/** Calls through the app until stopped; returns the statuses seen. */
function trafficLoop() {
  let stop = false;
  const statuses: number[] = [];
  const done = (async () => {
    // A new prompt each time: the route's response cache would answer a repeated one (no spend).
    while (!stop)
      statuses.push((await app('/openai', { model: 'gpt-4o', content: `more ${statuses.length}` })).status);
  })();
  return {
    statuses,
    async stop() {
      stop = true;
      await done;
      return statuses;
    },
  };
}

test('kubectl rollout restart of the operator: the sidecar keeps serving, then reports to the new pods', {
  skip,
}, async () => {
  assert.ok(appIP, 'the app pod runs');
  const before = new Set(
    (await getJson('pods', '-n', NS, '-l', 'app.kubernetes.io/component=operator')).items.map(
      (p: any) => p.metadata.name,
    ),
  );
  const spentBefore = (await getJson('aiquota', '-n', 'team-a', 'team-budget')).status.limits.find(
    (l: any) => l.name === 'monthly-spend',
  ).used as number;
  const traffic = trafficLoop();
  await ok(['rollout', 'restart', 'deployment/aimesh-operator', '-n', NS]);
  await ok(['rollout', 'status', 'deployment/aimesh-operator', '-n', NS, '--timeout=240s']);
  const n = traffic.statuses.length;
  await waitFor('traffic after the rollout', () => traffic.statuses.length >= n + 3, { timeoutMs: 30_000 });
  const statuses = await traffic.stop();
  assert.ok(
    statuses.every((s) => s === 200),
    `every call succeeded (${statuses.length}): ${statuses.join(',')}`,
  );
  // Old pods may still be terminating (30 s grace to hand the Lease over): count the others.
  const after = (await getJson('pods', '-n', NS, '-l', 'app.kubernetes.io/component=operator')).items
    .filter((p: any) => !p.metadata.deletionTimestamp)
    .map((p: any) => p.metadata.name as string);
  assert.equal(after.length, 2, `${after}`);
  assert.ok(
    after.every((name: string) => !before.has(name)),
    `all operator pods replaced: ${[...before]} -> ${after}`,
  );
  await waitFor(
    'the spend to grow after the rollout',
    async () =>
      ((await getJson('aiquota', '-n', 'team-a', 'team-budget')).status.limits.find(
        (l: any) => l.name === 'monthly-spend',
      ).used as number) > spentBefore,
    { timeoutMs: 60_000, intervalMs: 500 },
  );
});

test('a sidecar crash on the node: restartPolicy Always brings it back and calls succeed again', {
  skip,
}, async (t) => {
  assert.ok(appIP, 'the app pod runs');
  const status = (await getJson('pod', '-n', 'team-a', 'demo')).status.initContainerStatuses[0];
  const id = String(status.containerID).replace('containerd://', '');
  const killed = await node.ctr(['tasks', 'kill', '--signal', 'SIGKILL', id]);
  assert.equal(killed.code, 0, killed.stderr);
  await waitFor(
    'the sidecar restarted and Ready',
    async () => {
      const s = (await getJson('pod', '-n', 'team-a', 'demo')).status.initContainerStatuses[0];
      return s.restartCount > status.restartCount && s.ready === true;
    },
    { timeoutMs: 90_000, intervalMs: 500 },
  );
  // The app may see errors for a short while: the dead process's quota leases are still held
  // (a 429 naming the quota) until they expire. Calls must succeed again within a minute.
  const errors: string[] = [];
  const readyAt = Date.now();
  await waitFor(
    'a call through the restarted sidecar',
    async () => {
      const chat = await app('/openai', { model: 'gpt-4o', content: 'after the crash' });
      if (chat.status !== 200) errors.push(`${chat.status} ${chat.body.message}`);
      return chat.status === 200;
    },
    { timeoutMs: 60_000, intervalMs: 500, onTimeout: () => errors.slice(-3).join('\n') },
  );
  t.diagnostic(
    `after the restart: ${errors.length} failed calls over ${Date.now() - readyAt} ms${errors.length ? ` (first: ${errors[0]})` : ''}`,
  );
  const appStatus = (await getJson('pod', '-n', 'team-a', 'demo')).status.containerStatuses[0];
  assert.equal(appStatus.restartCount, 0, 'the app container was not restarted');
});

test('helm uninstall + install with the app running: it keeps serving, then reconnects without being recreated', {
  skip,
}, async () => {
  assert.ok(appIP, 'the app pod runs');
  const before = await getJson('pod', '-n', 'team-a', 'demo');
  const traffic = trafficLoop();
  const un = await helm(['uninstall', 'aimesh', '--namespace', NS, '--wait', '--timeout', '3m']);
  assert.equal(un.code, 0, `${un.stderr}\n${un.stdout}`);
  await waitFor(
    'no operator pod left',
    async () =>
      (await getJson('pods', '-n', NS, '-l', 'app.kubernetes.io/component=operator')).items.length === 0,
    { timeoutMs: 90_000, intervalMs: 500 },
  );
  // No operator: nothing writes the AIQuota status now; the sidecar serves its last snapshot.
  const spentWithout = (await getJson('aiquota', '-n', 'team-a', 'team-budget')).status.limits.find(
    (l: any) => l.name === 'monthly-spend',
  ).used as number;
  const n = traffic.statuses.length;
  await waitFor('traffic with no operator', () => traffic.statuses.length >= n + 3, { timeoutMs: 30_000 });
  const r = await helm([
    'install',
    'aimesh',
    join(repoRoot, 'charts/aimesh'),
    '--namespace',
    NS,
    '--wait',
    '--timeout',
    '4m',
  ]);
  assert.equal(r.code, 0, `${r.stderr}\n${r.stdout}\n${await diagnostics()}`);
  const m = traffic.statuses.length;
  await waitFor('traffic after the reinstall', () => traffic.statuses.length >= m + 3, { timeoutMs: 30_000 });
  const statuses = await traffic.stop();
  assert.ok(
    statuses.every((s) => s === 200),
    `every call succeeded (${statuses.length}): ${statuses.join(',')}`,
  );
  // The sidecar reports to the new operator (it trusts the CA kept across the reinstall).
  await waitFor(
    'the spend to grow under the reinstalled operator',
    async () =>
      ((await getJson('aiquota', '-n', 'team-a', 'team-budget')).status.limits.find(
        (l: any) => l.name === 'monthly-spend',
      ).used as number) > spentWithout,
    { timeoutMs: 90_000, intervalMs: 500 },
  ).catch(async (e) => {
    const sidecar = await kubectl(['logs', '-n', 'team-a', 'demo', '-c', 'aimesh-sidecar', '--tail=20']);
    const operator = await kubectl([
      'logs',
      '-n',
      NS,
      '-l',
      'app.kubernetes.io/component=operator',
      '--tail=15',
    ]);
    assert.fail(`${(e as Error).message}\n--- sidecar\n${sidecar.out}\n--- operator\n${operator.out}`);
  });
  const after = await getJson('pod', '-n', 'team-a', 'demo');
  assert.equal(after.metadata.uid, before.metadata.uid, 'the pod was not recreated');
  assert.equal(
    after.status.initContainerStatuses[0].restartCount,
    before.status.initContainerStatuses[0].restartCount,
    'the sidecar was not restarted',
  );
});

test('deleting the pod stops the sidecar after the app: the last call the app makes on SIGTERM goes through', {
  skip,
}, async () => {
  assert.ok(appIP, 'the app pod runs');
  upstream.clearRequests();
  await ok(['delete', 'pod', '-n', 'team-a', 'demo', '--wait=true', '--timeout=60s']);
  const last = upstream.requests.find((r) => r.body?.messages?.[0]?.content === 'goodbye');
  assert.ok(last, `the upstream saw the app's last call: ${upstream.requests.map((r) => r.path).join(', ')}`);
  assert.equal(last.headers.authorization, `Bearer ${OPENAI_KEY}`);
});
