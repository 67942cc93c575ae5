// Budget alerts end to end: a real kube-apiserver, the real operator (least-privilege RBAC) with
// its alert webhook URL in a file, a real sidecar spending an AIQuota through the quota service,
// and a local HTTP receiver standing in for Slack. Each threshold crossing gives one Warning Event
// on the AIQuota, one {"text": ...} POST, status.limits[].alert and the BudgetAlert condition;
// a restarted operator (a new leader) repeats none of them. Then the chart's PrometheusRule and
// ServiceMonitor are created in the apiserver with the Prometheus Operator CRDs applied (their
// published YAML, test/data/prometheus-operator), and the CRDs' validation is shown to be live.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../support/bins.ts';
import type { Cluster } from '../support/cluster.ts';
import { operatorCA, type PushSidecar, type RunningOperator, startOperator } from '../support/operator.ts';
import { tempDir, waitFor } from '../support/procs.ts';
import type { Upstream } from '../support/upstream.ts';
import {
  chatRoute,
  chatVia,
  kubectlApply,
  openAIProvider,
  operatorStage,
  sidecarReady,
  startPodSidecar,
} from '../support/workload.ts';
import { chartDir, helm, KUBE_VERSION, parseRendered } from '../unit/chart/helm.ts';

const API_KEY = 'sk-quota-alerts-0123456789';
const HOOK_PATH = '/services/T0AIMESH/B0ALERTS/s3cr3t-hook-token';
const PROMETHEUS_CRDS = ['prometheusrules', 'servicemonitors'].map((k) =>
  join(repoRoot, `test/data/prometheus-operator/monitoring.coreos.com_${k}.yaml`),
);

describe('budget alerts against the real control plane', { timeout: 600_000 }, () => {
  let cluster: Cluster;
  let system: string;
  let ns: string;
  let upstream: Upstream;
  let op: RunningOperator;
  let sidecar: PushSidecar;
  let receiver: Server;
  const posts: { path: string; contentType?: string; body: any }[] = [];
  const work = tempDir('aimesh-alerts-test');
  const urlFile = join(work.path, 'alert-webhook-url');

  const quota = () => ({
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIQuota',
    metadata: { name: 'budget', namespace: ns },
    spec: {
      alerts: [50, 100],
      // A day-long window: the test never straddles a rollover in practice (unit tests cover it).
      limits: [{ name: 'requests-per-day', requests: 4, window: '1d' }],
    },
  });
  const getQuota = async () =>
    (await cluster.request('GET', `/apis/aimesh.io/v1alpha1/namespaces/${ns}/aiquotas/budget`)).body;
  const alertEvents = async () => {
    const r = await cluster.request('GET', `/apis/events.k8s.io/v1/namespaces/${ns}/events`);
    return (r.body.items as any[])
      .filter(
        (e) =>
          e.regarding?.kind === 'AIQuota' && e.regarding?.name === 'budget' && e.reason === 'BudgetAlert',
      )
      .sort((a, b) => String(a.eventTime).localeCompare(String(b.eventTime)));
  };
  const call = async () => (await chatVia(sidecar, 'gpt-4o-mini', 'count me', 4)).status;
  const operatorArgs = () => ['--alert-webhook-url-file', urlFile];

  before(async () => {
    receiver = createServer(async (req, res) => {
      let text = '';
      for await (const chunk of req) text += chunk;
      posts.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(text) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    writeFileSync(urlFile, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}${HOOK_PATH}\n`);

    ({ cluster, system, ns, upstream } = await operatorStage(API_KEY));
    await kubectlApply(cluster, [
      ...openAIProvider({
        namespace: ns,
        endpoint: `${upstream.url}/v1`,
        apiKey: API_KEY,
        models: ['gpt-4o-mini'],
      }),
      chatRoute(ns),
      quota(),
    ]);
    op = await startOperator(cluster, { namespace: system, args: operatorArgs() });
    ({ sidecar } = await startPodSidecar(cluster, ns, 'chat-0', {
      operatorUrl: op.pushUrl,
      ca: await operatorCA(cluster, system),
    }));
    await sidecarReady(sidecar, op);
  });

  after(async () => {
    await sidecar?.stop();
    await op?.stop();
    await upstream?.close();
    receiver?.closeAllConnections();
    await new Promise((r) => receiver?.close(r));
    work.remove();
  });

  it('50%: one Warning Event, one webhook POST, status.limits[].alert and the BudgetAlert condition', async () => {
    // Before any spend the quota says it is within budget.
    await waitFor('BudgetAlert False', async () =>
      (await getQuota()).status?.conditions?.some(
        (c: any) => c.type === 'BudgetAlert' && c.status === 'False' && c.reason === 'WithinBudget',
      ),
    );
    assert.equal(await call(), 200);
    assert.equal(await call(), 200);
    await waitFor('the 50% alert', async () => (await alertEvents()).length >= 1 && posts.length >= 1, {
      timeoutMs: 30_000,
      onTimeout: () => op.logs(40),
    });
    const [event] = await alertEvents();
    assert.equal(event.type, 'Warning');
    assert.equal(event.reportingController, 'aimesh.io/operator');
    assert.match(
      event.note,
      /limit requests-per-day crossed its 50% alert threshold: 2 of 4 requests per 1d/,
    );
    assert.deepEqual(posts[0], {
      path: HOOK_PATH,
      contentType: 'application/json',
      body: { text: event.note },
    });

    await waitFor('status shows the alert', async () => {
      const q = await getQuota();
      const c = q.status?.conditions?.find((x: any) => x.type === 'BudgetAlert');
      return q.status?.limits?.[0]?.alert === 50 && c?.status === 'True';
    });
    const q = await getQuota();
    assert.match(
      q.status.conditions.find((x: any) => x.type === 'BudgetAlert').message,
      /^requests-per-day crossed 50% of 4 requests per 1d/,
    );
    const table = await cluster.kubectl(['get', 'aiquota', 'budget', '-n', ns]);
    const [header, line] = table.stdout
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/));
    assert.equal(line![header!.indexOf('ALERT')], 'True', table.stdout);
  });

  it('100%: the next threshold fires once; denials and later flushes add nothing', async () => {
    assert.equal(await call(), 200);
    assert.equal(await call(), 200);
    await waitFor('the 100% alert', async () => (await alertEvents()).length >= 2 && posts.length >= 2, {
      timeoutMs: 30_000,
      onTimeout: () => op.logs(40),
    });
    assert.match((await alertEvents())[1].note, /crossed its 100% alert threshold: 4 of 4 requests/);
    assert.match(posts[1]!.body.text, /100% alert threshold/);
    assert.equal(await call(), 429);
    // Several flushes (2 s each) later: still one Event and one POST per threshold.
    await new Promise((r) => setTimeout(r, 5_000));
    assert.equal((await alertEvents()).length, 2);
    assert.equal(posts.length, 2);
    assert.equal((await getQuota()).status.limits[0].alert, 100);
  });

  it('the leader exports used/limit per quota limit and counts alerts and notifications', async () => {
    const labels = {
      namespace: ns,
      quota: 'budget',
      limit: 'requests-per-day',
      dimension: 'requests',
      window: '1d',
    };
    assert.equal(await op.metric('aimesh_quota_used', labels), 4);
    assert.equal(await op.metric('aimesh_quota_limit', labels), 4);
    assert.equal(await op.metric('aimesh_quota_alert_threshold', labels), 100);
    assert.equal(await op.metric('aimesh_quota_alerts_total', { namespace: ns, quota: 'budget' }), 2);
    assert.equal(await op.metric('aimesh_operator_alert_notifications_total', { result: 'sent' }), 2);
  });

  it('a new leader continues from status: no alert is repeated in the same window', async () => {
    await op.stop();
    op = await startOperator(cluster, { namespace: system, args: operatorArgs() });
    await waitFor(
      'the new leader exports the quota',
      async () => (await op.metric('aimesh_quota_used', { quota: 'budget' })) === 4,
      {
        timeoutMs: 30_000,
        onTimeout: () => op.logs(40),
      },
    );
    await new Promise((r) => setTimeout(r, 5_000));
    assert.equal((await alertEvents()).length, 2);
    assert.equal(posts.length, 2);
    assert.equal(await op.metric('aimesh_quota_alert_threshold', { quota: 'budget' }), 100);
    const c = (await getQuota()).status.conditions.find((x: any) => x.type === 'BudgetAlert');
    assert.equal(c.status, 'True');
  });

  it('the webhook URL never reaches the operator logs', () => {
    const logs = op.logs(5_000);
    assert.ok(!logs.includes('s3cr3t-hook-token') && !logs.includes(HOOK_PATH), 'URL in the logs');
  });

  it("the chart's PrometheusRule and ServiceMonitor are accepted with the Prometheus Operator CRDs applied", async () => {
    const installed = await cluster.installCRDs(PROMETHEUS_CRDS);
    assert.deepEqual(installed.sort(), [
      'prometheusrules.monitoring.coreos.com',
      'servicemonitors.monitoring.coreos.com',
    ]);
    const r = await helm([
      'template',
      'aimesh',
      chartDir,
      '--namespace',
      system,
      '--kube-version',
      KUBE_VERSION,
      '--set',
      'monitoring.serviceMonitor.enabled=true',
      '--set',
      'monitoring.prometheusRule.enabled=true',
      '--set',
      'monitoring.grafanaDashboard.enabled=true',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const rendered = parseRendered(r.stdout);
    const objects = ['ServiceMonitor', 'PrometheusRule', 'ConfigMap'].flatMap((k) => rendered.all(k));
    assert.equal(objects.length, 3);
    const created = await cluster.kubectl(['apply', '--server-side', '-f', '-'], {
      input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }),
    });
    assert.equal(created.code, 0, created.stdout + created.stderr);
    const rule = await cluster.request(
      'GET',
      `/apis/monitoring.coreos.com/v1/namespaces/${system}/prometheusrules/aimesh-quotas`,
    );
    assert.equal(rule.status, 200);
    assert.ok(
      rule.body.spec.groups[0].rules.some((x: any) => x.alert === 'AIMeshQuotaBudgetAlert'),
      'the rules were stored, not pruned',
    );
    const sm = await cluster.request(
      'GET',
      `/apis/monitoring.coreos.com/v1/namespaces/${system}/servicemonitors/aimesh-operator`,
    );
    assert.equal(sm.status, 200);
    assert.deepEqual(sm.body.spec.endpoints[0], { port: 'http-admin', path: '/metrics', interval: '30s' });

    // The CRDs' schemas are enforced: a malformed ServiceMonitor is refused, naming the field.
    const bad = structuredClone(rendered.find('ServiceMonitor'));
    bad.metadata.name = 'bad';
    bad.spec.endpoints[0].scheme = 'ftp';
    const refused = await cluster.kubectl(['apply', '--server-side', '-f', '-'], {
      input: JSON.stringify(bad),
    });
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /spec\.endpoints\[0\]\.scheme/);
  });
});
