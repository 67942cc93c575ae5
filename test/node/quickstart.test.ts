// The quickstart (docs/quickstart.md) on a real node: the chart installed with helm runs real
// operator pods (2 replicas, leader election); an app pod in team-a gets the native sidecar from
// the chart's webhook; the app calls $OPENAI_BASE_URL and $ANTHROPIC_BASE_URL with the official
// SDKs and no key of its own; the sidecar finds the operator through its Service (CoreDNS +
// kube-proxy), reads its projected token, sends the platform's key to the provider (the test
// upstream, a host service behind a selector-less Service); the trace is in Jaeger (a real one on
// the host, behind the quickstart's jaeger-collector Service) and the spend in the AIQuota.
// Then the lifecycle: the sidecar starts before the app; the leader's pod killed mid-traffic; a
// rollout restart of the operator; a sidecar crash on the node (back with its leases); helm uninstall + install and helm
// upgrade with the app running; a pod deleted with streams in flight drains them; on deletion the
// sidecar stops after the app. Every wait is bounded and says what it saw when it gives up.
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
import { type Jaeger, startJaeger } from '../support/jaeger.ts';
import { nodeSkipReason, startNode, type TestNode } from '../support/node.ts';
import { run, tempDir, waitFor } from '../support/procs.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const skip = nodeSkipReason() ?? false;
if (skip) console.log(`# node tests skipped: ${skip}`);

const NS = 'aimesh-system';
const OPENAI_KEY = 'sk-platform-openai-key';
const ANTHROPIC_KEY = 'sk-ant-platform-key';
let work: ReturnType<typeof tempDir> | undefined;
let node: TestNode;
let upstream: Upstream;
let jaeger: Jaeger;
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
/** The quickstart's step 2, verbatim but for --wait. */
const TRACING_ENDPOINT = 'http://jaeger-collector.observability.svc:4318';
const helmInstall = () =>
  helm([
    'install',
    'aimesh',
    join(repoRoot, 'charts/aimesh'),
    '--namespace',
    NS,
    '--create-namespace',
    '--set',
    `tracing.endpoint=${TRACING_ENDPOINT}`,
    '--wait',
    '--timeout',
    '4m',
  ]);
/** A Service in the cluster for a host service on the bridge (a selector-less Service + EndpointSlice). */
const hostService = (namespace: string, name: string, port: number, targetPort: number) =>
  dump({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { ports: [{ name: 'http', port, targetPort }] },
  }) +
  '---\n' +
  dump({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${name}-host`, namespace, labels: { 'kubernetes.io/service-name': name } },
    addressType: 'IPv4',
    ports: [{ name: 'http', port: targetPort, protocol: 'TCP' }],
    endpoints: [{ addresses: [node.hostIP], conditions: { ready: true } }],
  });
/** A call to the app (the demo pod unless `ip` names another); it answers what its SDK saw. */
const app = async (path: string, body?: unknown, ip = appIP) => {
  const r = await fetch(`http://${ip}:8080${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: r.status, body: (await r.json()) as any };
};
/**
 * Creates an app pod in team-a and waits until it is Ready (the app and its sidecar, which is
 * Ready once it holds a snapshot); returns the pod.
 */
const startApp = async (name: string, terminationGracePeriodSeconds: number) => {
  await ok(
    ['apply', '-f', '-'],
    dump({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'team-a' },
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
        terminationGracePeriodSeconds,
      },
    }),
  );
  let last: any;
  return waitFor(
    `pod team-a/${name} Ready`,
    async () => {
      last = await getJson('pod', '-n', 'team-a', name);
      return last.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True') && last;
    },
    { timeoutMs: 120_000, intervalMs: 500, onTimeout: () => JSON.stringify(last?.status?.conditions) },
  ).catch(async (e) => assert.fail(`${(e as Error).message}\n${await diagnostics()}`));
};
/** team-a's spend this month (it only grows: a per-minute limit's use drops when its window ends). */
const monthlySpend = async () =>
  (await getJson('aiquota', '-n', 'team-a', 'team-budget')).status.limits.find(
    (l: any) => l.name === 'monthly-spend',
  ).used as number;
/** Waits (bounded) until the monthly spend is above `before`: a leader counts reported usage. */
const spendAbove = (before: number, what: string) => {
  let now = before;
  return waitFor(
    what,
    async () => {
      now = await monthlySpend();
      return now > before;
    },
    { timeoutMs: 90_000, intervalMs: 500, onTimeout: () => `monthly-spend ${before} before, ${now} now` },
  );
};
/** What a failure message shows: pods, recent events, the AIMesh containers' logs, the node's logs. */
const diagnostics = async () => {
  const pods = await kubectl(['get', 'pods', '-A', '-o', 'wide']);
  const events = await kubectl(['get', 'events', '-A', '--sort-by=.lastTimestamp']);
  const logs = async (title: string, args: string[]) =>
    `--- ${title}\n${(await kubectl(['logs', '--tail=20', '--prefix', ...args])).out}`;
  const sidecars = await logs('sidecars (team-a)', [
    '-n',
    'team-a',
    '-l',
    'aimesh.io/injected=true',
    '-c',
    'aimesh-sidecar',
  ]);
  const operators = await logs('operator', ['-n', NS, '-l', 'app.kubernetes.io/component=operator']);
  return [pods.out, events.out.split('\n').slice(-25).join('\n'), sidecars, operators, node.logs(10)].join(
    '\n',
  );
};

before(async () => {
  if (skip) return;
  const started = Date.now();
  node = await startNode();
  const nodeUp = Date.now();
  work = tempDir('aimesh-node-test');
  const images = await buildNodeImages(work.path);
  for (const tar of Object.values(images)) await node.importImage(tar);
  console.log(
    `# node Ready in ${((nodeUp - started) / 1000).toFixed(0)} s; images built and imported in ${((Date.now() - nodeUp) / 1000).toFixed(0)} s`,
  );
  // The provider stand-in listens on the node's bridge address: a host service for the pods.
  upstream = await startUpstream({ host: node.hostIP, apiKeys: [OPENAI_KEY, ANTHROPIC_KEY] });
  // A real Jaeger, its OTLP receiver on the bridge too: the quickstart's jaeger-collector Service
  // points at it.
  jaeger = await startJaeger({ otlpHost: node.hostIP });
});

after(async () => {
  if (skip) return;
  await upstream?.close();
  await jaeger?.stop();
  await node?.stop();
  work?.remove();
});

test('helm install of the chart runs two Ready operator pods that elect a leader and fill the webhook caBundle', {
  skip,
}, async () => {
  // The quickstart's Jaeger: the collector Service in observability, here the host's Jaeger.
  await ok(['create', 'namespace', 'observability']);
  await ok(
    ['apply', '-f', '-'],
    hostService('observability', 'jaeger-collector', 4318, Number(new URL(jaeger.otlpHttpEndpoint).port)),
  );
  const r = await helmInstall();
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
  const lease = await waitFor(
    'the leader Lease',
    async () => {
      const l = await getJson('lease', '-n', NS, 'aimesh-leader');
      return l.spec?.holderIdentity as string | undefined;
    },
    { timeoutMs: 90_000, intervalMs: 500 },
  );
  assert.ok(
    pods.items.some((p: any) => p.metadata.name === lease),
    `leader ${lease} is an operator pod`,
  );
  let missing: string[] = [];
  await waitFor(
    'caBundle on the webhook',
    async () => {
      const w = await getJson('mutatingwebhookconfiguration', 'aimesh-sidecar-injector');
      missing = w.webhooks.filter((x: any) => !x.clientConfig.caBundle).map((x: any) => x.name);
      return missing.length === 0;
    },
    { timeoutMs: 90_000, intervalMs: 500, onTimeout: () => `no caBundle on ${missing.join(', ')}` },
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
  await ok(['apply', '-f', '-'], hostService('ai-platform', 'upstream', upstream.port, upstream.port));
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
  const pod = await startApp('demo', 5);
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
    { timeoutMs: 90_000, intervalMs: 500 },
  ).catch(async (e) => assert.fail(`${(e as Error).message}\n${await diagnostics()}`));

  upstream.clearRequests();
  const calledAt = Date.now();
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

  // Step 5: the trace in Jaeger, as the quickstart tells users to find it: the service
  // aimesh-sidecar, the span "chat gpt-4o" with provider, model, tokens, cost, route and snapshot
  // version, and never a credential. The provider got the CLIENT span as its parent.
  const traceId = /^00-([0-9a-f]{32})-[0-9a-f]{16}-/.exec(String(toOpenAI.headers.traceparent))?.[1];
  assert.ok(traceId, `the sidecar sent a traceparent upstream: ${toOpenAI.headers.traceparent}`);
  const spans = await jaeger
    .waitForSpans({ traceId, min: 2, timeoutMs: 60_000 })
    .catch(async (e) =>
      assert.fail(`${(e as Error).message}\n--- jaeger\n${jaeger.logs(20)}\n${await diagnostics()}`),
    );
  const describe = JSON.stringify(spans.map((x) => [x.service, x.kind, x.name]));
  const server = spans.find((x) => x.kind === 'server');
  const client = spans.find((x) => x.kind === 'client');
  assert.ok(server && client, `a SERVER and a CLIENT span: ${describe}`);
  assert.equal(client.service, 'aimesh-sidecar', describe);
  assert.equal(client.name, 'chat gpt-4o', describe);
  assert.equal(client.parentSpanId, server.spanId, 'the CLIENT span is a child of the SERVER span');
  const a = client.attributes;
  assert.equal(a['gen_ai.operation.name'], 'chat');
  assert.equal(a['gen_ai.provider.name'], 'openai');
  assert.equal(a['gen_ai.request.model'], 'gpt-4o');
  assert.equal(a['gen_ai.response.model'], chat.body.model);
  assert.equal(a['gen_ai.usage.input_tokens'], chat.body.usage.prompt_tokens);
  assert.equal(a['gen_ai.usage.output_tokens'], chat.body.usage.completion_tokens);
  assert.equal(a['server.address'], 'upstream.ai-platform.svc.cluster.local');
  assert.equal(a['aimesh.route'], 'team-a/chat');
  const sa = server.attributes;
  assert.equal(sa['aimesh.rule'], 'gpt-4o');
  assert.equal(sa['aimesh.namespace'], 'team-a');
  assert.equal(sa['aimesh.quota.decision'], 'admit');
  assert.ok((sa['aimesh.cost.usd'] as number) > 0, `aimesh.cost.usd ${sa['aimesh.cost.usd']}`);
  assert.ok(sa['aimesh.snapshot.version'], 'aimesh.snapshot.version is set');
  // The injection names the pod and namespace (downward API) on every span's resource.
  assert.equal(server.resource['k8s.pod.name'], 'demo');
  assert.equal(server.resource['k8s.namespace.name'], 'team-a');
  const text = JSON.stringify(spans);
  assert.ok(
    !text.includes(OPENAI_KEY) && !text.includes('Say hello'),
    'no credential and no prompt in spans',
  );
  // The operator exports its own traces to the same endpoint (chart value tracing.endpoint).
  await jaeger.waitForSpans({ service: 'aimesh-operator', timeoutMs: 60_000 });

  // Step 5: the spend in the AIQuota (the sidecar reports usage to the leader's quota service).
  // The per-minute use counts the call unless its window ended since (then it starts from 0).
  let limits: any[] = [];
  await waitFor(
    'spend in AIQuota team-a/team-budget',
    async () => {
      limits = (await getJson('aiquota', '-n', 'team-a', 'team-budget')).status?.limits ?? [];
      const tpm = limits.find((l: any) => l.name === 'tokens-per-minute');
      const spend = limits.find((l: any) => l.name === 'monthly-spend')?.used ?? 0;
      const windowStart = Date.parse(tpm?.resetsAt) - 60_000;
      return spend > 0 && tpm && (tpm.used >= chat.body.usage.total_tokens || windowStart > calledAt);
    },
    { timeoutMs: 90_000, intervalMs: 500, onTimeout: () => `status.limits: ${JSON.stringify(limits)}` },
  );
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
  const spentBefore = await monthlySpend();

  const traffic = trafficLoop('again');
  await traffic.more('some traffic');
  await ok(['delete', 'pod', '-n', NS, leader, '--grace-period=0', '--force', '--wait=false']);
  const newLeader = await waitFor(
    'a new leader',
    async () => {
      const h = (await getJson('lease', '-n', NS, 'aimesh-leader')).spec.holderIdentity as string;
      return h && h !== leader && h;
    },
    { timeoutMs: 90_000, intervalMs: 500, onTimeout: () => `the Lease still names ${leader}` },
  );
  let ready: string[] = [];
  await waitFor(
    'two Ready operator pods again',
    async () => {
      const pods = await getJson('pods', '-n', NS, '-l', 'app.kubernetes.io/component=operator');
      ready = pods.items
        .filter((p: any) => p.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'))
        .map((p: any) => p.metadata.name);
      return ready.length === 2;
    },
    { timeoutMs: 120_000, intervalMs: 1000, onTimeout: () => `Ready: ${ready.join(', ') || 'none'}` },
  );
  await traffic.more('more traffic after the takeover');
  await traffic.stop(`across the takeover (new leader ${newLeader})`);
  await spendAbove(spentBefore, 'the monthly spend to grow under the new leader');
});

/**
 * Calls through the app until stopped, recording every outcome (a failed call, or one the app
 * could not even make, says what it saw).
 */
function trafficLoop(label: string) {
  let stop = false;
  const calls: { status: number; message?: string }[] = [];
  const done = (async () => {
    // A new prompt each time: the route's response cache would answer a repeated one (no spend).
    while (!stop) {
      try {
        const r = await app('/openai', { model: 'gpt-4o', content: `${label} ${calls.length}` });
        calls.push(
          r.status === 200 ? { status: 200 } : { status: r.status, message: JSON.stringify(r.body) },
        );
      } catch (e) {
        calls.push({ status: 0, message: `the app did not answer: ${(e as Error).message}` });
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  const failures = () => calls.filter((c) => c.status !== 200).map((c) => `${c.status} ${c.message}`);
  return {
    /** Waits (bounded) until `k` more calls have completed, whatever their outcome. */
    async more(what: string, k = 3) {
      const n = calls.length;
      await waitFor(what, () => calls.length >= n + k, {
        timeoutMs: 60_000,
        intervalMs: 200,
        onTimeout: () =>
          `${calls.length - n} call(s) completed; failures: ${failures().slice(-3).join('; ') || 'none'}`,
      });
    },
    /** Stops the loop; asserts that every call succeeded. */
    async stop(context: string) {
      stop = true;
      await done;
      assert.deepEqual(failures(), [], `every call succeeded ${context} (${calls.length} calls)`);
      assert.ok(calls.length > 0, `calls were made ${context}`);
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
  const spentBefore = await monthlySpend();
  const traffic = trafficLoop('rollout');
  await ok(['rollout', 'restart', 'deployment/aimesh-operator', '-n', NS]);
  await ok(['rollout', 'status', 'deployment/aimesh-operator', '-n', NS, '--timeout=240s']);
  await traffic.more('traffic after the rollout');
  await traffic.stop('through the rollout');
  // Old pods may still be terminating (30 s grace to hand the Lease over): count the others.
  const after = (await getJson('pods', '-n', NS, '-l', 'app.kubernetes.io/component=operator')).items
    .filter((p: any) => !p.metadata.deletionTimestamp)
    .map((p: any) => p.metadata.name as string);
  assert.equal(after.length, 2, `${after}`);
  assert.ok(
    after.every((name: string) => !before.has(name)),
    `all operator pods replaced: ${[...before]} -> ${after}`,
  );
  await spendAbove(spentBefore, 'the spend to grow after the rollout');
});

test('a sidecar crash on the node: restartPolicy Always brings it back with its leases; calls succeed at once', {
  skip,
}, async (t) => {
  assert.ok(appIP, 'the app pod runs');
  const status = (await getJson('pod', '-n', 'team-a', 'demo')).status.initContainerStatuses[0];
  const id = String(status.containerID).replace('containerd://', '');
  const spentBefore = await monthlySpend();
  const killedAt = Date.now();
  const killed = await node.ctr(['tasks', 'kill', '--signal', 'SIGKILL', id]);
  assert.equal(killed.code, 0, `ctr tasks kill ${id}: ${killed.stderr}`);
  let seen: any;
  await waitFor(
    'the sidecar restarted and Ready',
    async () => {
      seen = (await getJson('pod', '-n', 'team-a', 'demo')).status.initContainerStatuses[0];
      return seen.restartCount > status.restartCount && seen.ready === true;
    },
    { timeoutMs: 120_000, intervalMs: 500, onTimeout: () => `sidecar status: ${JSON.stringify(seen)}` },
  ).catch(async (e) => assert.fail(`${(e as Error).message}\n${await diagnostics()}`));
  t.diagnostic(`Ready again ${Math.round((Date.now() - killedAt) / 1000)} s after the kill`);
  // The restarted sidecar read its lease journal on the pod's state volume (README, Quotas): it
  // carries on as the same holder, so no budget is pinned by the dead process and nothing is refused.
  for (let i = 0; i < 5; i++) {
    const chat = await app('/openai', { model: 'gpt-4o', content: `after the crash ${i}` });
    assert.equal(chat.status, 200, `call ${i} after the restart: ${JSON.stringify(chat.body)}`);
  }
  await spendAbove(spentBefore, 'the restarted sidecar to report its spend');
  const logs = await kubectl(['logs', '-n', 'team-a', 'demo', '-c', 'aimesh-sidecar', '--tail=200']);
  assert.doesNotMatch(logs.out, /lease journal off/, 'the journal was written and read');
  const appStatus = (await getJson('pod', '-n', 'team-a', 'demo')).status.containerStatuses[0];
  assert.equal(appStatus.restartCount, 0, 'the app container was not restarted');
});

test('helm uninstall + install with the app running: it keeps serving, then reconnects without being recreated', {
  skip,
}, async () => {
  assert.ok(appIP, 'the app pod runs');
  const before = await getJson('pod', '-n', 'team-a', 'demo');
  const traffic = trafficLoop('reinstall');
  const un = await helm(['uninstall', 'aimesh', '--namespace', NS, '--wait', '--timeout', '3m']);
  assert.equal(un.code, 0, `${un.stderr}\n${un.stdout}`);
  let left: string[] = [];
  await waitFor(
    'no operator pod left',
    async () => {
      left = (await getJson('pods', '-n', NS, '-l', 'app.kubernetes.io/component=operator')).items.map(
        (p: any) => p.metadata.name,
      );
      return left.length === 0;
    },
    { timeoutMs: 120_000, intervalMs: 500, onTimeout: () => `left: ${left.join(', ')}` },
  );
  // No operator: nothing writes the AIQuota status now; the sidecar serves its last snapshot.
  const spentWithout = await monthlySpend();
  await traffic.more('traffic with no operator');
  const r = await helmInstall();
  assert.equal(r.code, 0, `${r.stderr}\n${r.stdout}\n${await diagnostics()}`);
  await traffic.more('traffic after the reinstall');
  await traffic.stop('with no operator and after the reinstall');
  // The sidecar reports to the new operator (it trusts the CA kept across the reinstall).
  await spendAbove(spentWithout, 'the spend to grow under the reinstalled operator').catch(async (e) => {
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

let upgradedIP = '';
test('helm upgrade changing values with the app running: the operator rolls, the sidecar keeps serving, new pods get the new values', {
  skip,
}, async () => {
  assert.ok(appIP, 'the app pod runs');
  const before = await getJson('pod', '-n', 'team-a', 'demo');
  const operatorPods = async () =>
    (await getJson('pods', '-n', NS, '-l', 'app.kubernetes.io/component=operator')).items as any[];
  const operatorsBefore = new Set((await operatorPods()).map((p) => p.metadata.name as string));
  const traffic = trafficLoop('upgrade');
  // docs/quickstart.md "Upgrade and uninstall", plus a sidecar resource.
  const r = await helm([
    'upgrade',
    'aimesh',
    join(repoRoot, 'charts/aimesh'),
    '-n',
    NS,
    '--reuse-values',
    '--set',
    'sidecar.logLevel=debug',
    '--set',
    'sidecar.resources.limits.memory=320Mi',
    '--wait',
    '--timeout',
    '4m',
  ]);
  assert.equal(r.code, 0, `${r.stderr}\n${r.stdout}\n${await diagnostics()}`);
  await ok(['rollout', 'status', 'deployment/aimesh-operator', '-n', NS, '--timeout=240s']);
  // The old pods hand the Lease over within their grace period; the webhook is theirs until then.
  let names: string[] = [];
  await waitFor(
    'only new operator pods',
    async () => {
      names = (await operatorPods()).map((p) => p.metadata.name);
      return names.length === 2 && names.every((n) => !operatorsBefore.has(n));
    },
    { timeoutMs: 120_000, intervalMs: 1000, onTimeout: () => `before ${[...operatorsBefore]}, now ${names}` },
  );
  await traffic.more('traffic after the upgrade');
  await traffic.stop('during the upgrade');
  // A running pod keeps the sidecar it was injected with (the values apply to new pods).
  const after = await getJson('pod', '-n', 'team-a', 'demo');
  assert.equal(after.metadata.uid, before.metadata.uid, 'the pod was not recreated');
  assert.equal(
    after.status.initContainerStatuses[0].restartCount,
    before.status.initContainerStatuses[0].restartCount,
    'the sidecar was not restarted',
  );
  // A new pod gets the new values from the upgraded operator's webhook.
  const pod = await startApp('demo-upgraded', 60);
  const sidecar = pod.spec.initContainers?.[0];
  assert.equal(sidecar?.name, 'aimesh-sidecar', 'the new pod was injected');
  const args = sidecar.args as string[];
  assert.equal(args[args.indexOf('--log-level') + 1], 'debug', `sidecar args: ${args.join(' ')}`);
  assert.equal(sidecar.resources?.limits?.memory, '320Mi', JSON.stringify(sidecar.resources));
  const env = Object.fromEntries((sidecar.env ?? []).map((e: any) => [e.name, e.value]));
  assert.equal(env.AIMESH_LOG_LEVEL, 'debug', 'the chart passes the log level in the env too');
  assert.equal(env.OTEL_EXPORTER_OTLP_ENDPOINT, TRACING_ENDPOINT, '--reuse-values kept tracing');
  upgradedIP = pod.status.podIP;
  const chat = await app('/openai', { model: 'gpt-4o', content: 'after the upgrade' }, upgradedIP);
  assert.equal(chat.status, 200, JSON.stringify(chat.body));
});

test('deleting a pod with streams in flight: the app drains them through its sidecar, which stops after it; no call fails', {
  skip,
}, async () => {
  assert.ok(upgradedIP, 'the pod of the upgrade test runs');
  // Streams paced by the upstream: 30 chunks, one every 500 ms (~15 s), far longer than the
  // kubelet takes to send SIGTERM; the pod's grace period (60 s) is longer still.
  const WORDS = 30;
  // The app's prompts start with "drain " (whatever shape the sidecar gives the messages).
  const drain = (r: { stream: boolean; body?: unknown }) =>
    r.stream && JSON.stringify(r.body ?? null).includes('"drain ');
  const removeFault = upstream.setFault(drain, { chunkDelayMs: 500, chunks: WORDS, words: WORDS });
  try {
    upstream.clearRequests();
    // Each stream is under way at the upstream before the next starts.
    const calls: Promise<{ status: number; body: any }>[] = [];
    const early: string[] = [];
    for (const [path, model, content] of [
      ['/openai', 'gpt-4o', 'drain one'],
      ['/openai', 'gpt-4o', 'drain two'],
      ['/anthropic', 'claude-sonnet-4-5', 'drain three'],
    ]) {
      const call = app(path, { model, content, stream: true }, upgradedIP);
      call.then(
        (r) => early.push(`${content}: ${r.status} ${JSON.stringify(r.body)}`),
        (e) => early.push(`${content}: ${(e as Error).message}`),
      );
      calls.push(call);
      await waitFor(
        `the stream "${content}" at the upstream`,
        () => upstream.requests.filter(drain).length === calls.length,
        {
          timeoutMs: 30_000,
          intervalMs: 100,
          onTimeout: () =>
            `ended already: ${early.join('; ') || 'none'}; the upstream saw: ${upstream.requests.map((r) => `${r.path} stream=${r.stream} ${JSON.stringify(r.body?.messages)}`).join(', ')}`,
        },
      );
    }
    await ok(['delete', 'pod', '-n', 'team-a', 'demo-upgraded', '--wait=false']);
    const results = await Promise.all(calls);
    const finishedAt = Date.now();
    for (const [i, r] of results.entries()) {
      assert.equal(r.status, 200, `stream ${i + 1}: ${JSON.stringify(r.body)}`);
      assert.equal(
        String(r.body.text).trim().split(/\s+/).length,
        WORDS,
        `stream ${i + 1} whole: ${r.body.text}`,
      );
    }
    // The app's last call on SIGTERM went through too, and SIGTERM came while the streams ran:
    // the streams were in flight when the pod was stopping, not finished before it.
    const goodbye = upstream.requests.find((r) => r.body?.messages?.[0]?.content === 'goodbye');
    assert.ok(
      goodbye,
      `the app's call on SIGTERM reached the upstream: ${upstream.requests.map((r) => r.path)}`,
    );
    assert.ok(
      goodbye.time < finishedAt,
      `SIGTERM (the app's last call at ${goodbye.time}) came before the streams ended (${finishedAt})`,
    );
    const gone = await kubectl([
      'wait',
      '--for=delete',
      'pod/demo-upgraded',
      '-n',
      'team-a',
      '--timeout=120s',
    ]);
    assert.equal(gone.code, 0, `the pod is gone: ${gone.out}\n${await diagnostics()}`);
  } finally {
    removeFault();
  }
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
