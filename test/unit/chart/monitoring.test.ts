// Budget alerts and monitoring in the chart: the ServiceMonitor, PrometheusRule and Grafana
// dashboard render only when enabled, and then point at what the code really exports; the alert
// webhook URL reaches the operator as a file from the named Secret, never as a value.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createMetrics } from '../../../operator/admin/metrics.ts';
import { repoRoot } from '../../support/bins.ts';
import { chartDir, helm, KUBE_VERSION, type Rendered, setFlags, template } from './helm.ts';

const DASHBOARD = join(chartDir, 'dashboards/aimesh-quotas.json');

/** Every metric name the operator and the sidecar export (prom-client names, _total included). */
function exportedMetrics(): Set<string> {
  const names = new Set(
    createMetrics()
      .registry.getMetricsAsArray()
      .map((m) => m.name),
  );
  const sidecar = readFileSync(join(repoRoot, 'sidecar/telemetry/metrics.ts'), 'utf8');
  for (const m of sidecar.matchAll(/name: '([a-z_]+)'/g)) names.add(m[1]!);
  return names;
}

/** Metric names a PromQL expression reads (aimesh_* and gen_ai_* series). */
const metricsIn = (expr: string) => [...expr.matchAll(/\b((?:aimesh|gen_ai)_[a-z_]+)\b/g)].map((m) => m[1]!);

const operatorContainer = (r: Rendered) =>
  r.find('Deployment', 'aimesh-operator').spec.template.spec.containers[0] as {
    env: { name: string; value?: string }[];
    volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
  };

describe('chart defaults', () => {
  it('render no Prometheus Operator objects, no dashboard and no alert webhook', async () => {
    const r = await template();
    for (const kind of ['ServiceMonitor', 'PrometheusRule']) assert.equal(r.all(kind).length, 0, kind);
    assert.equal(r.all('ConfigMap').length, 0);
    const c = operatorContainer(r);
    assert.ok(!c.env.some((e) => e.name === 'AIMESH_ALERT_WEBHOOK_URL_FILE'));
    assert.ok(!c.volumeMounts.some((m) => m.name === 'alert-webhook'));
  });
});

describe('monitoring enabled', () => {
  let r: Rendered;
  const known = exportedMetrics();
  before(async () => {
    r = await template({
      'monitoring.serviceMonitor.enabled': true,
      'monitoring.serviceMonitor.labels.release': 'kube-prometheus-stack',
      'monitoring.serviceMonitor.interval': '15s',
      'monitoring.prometheusRule.enabled': true,
      'monitoring.prometheusRule.labels.release': 'kube-prometheus-stack',
      'monitoring.prometheusRule.nearLimitPercent': 75,
      'monitoring.grafanaDashboard.enabled': true,
    });
  });

  it('helm lint --strict passes with everything on', async () => {
    const r = await helm([
      'lint',
      chartDir,
      '--strict',
      '--kube-version',
      KUBE_VERSION,
      ...setFlags({
        'monitoring.serviceMonitor.enabled': true,
        'monitoring.prometheusRule.enabled': true,
        'monitoring.grafanaDashboard.enabled': true,
        'alerts.webhook.secretName': 'alerts',
      }),
    ]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('the ServiceMonitor scrapes the admin port of the operator Service', () => {
    const sm = r.find('ServiceMonitor', 'aimesh-operator');
    assert.equal(sm.apiVersion, 'monitoring.coreos.com/v1');
    assert.equal(sm.metadata.namespace, 'aimesh-system');
    assert.equal(sm.metadata.labels!.release, 'kube-prometheus-stack');
    assert.deepEqual(sm.spec.namespaceSelector, { matchNames: ['aimesh-system'] });
    assert.deepEqual(sm.spec.endpoints, [{ port: 'http-admin', path: '/metrics', interval: '15s' }]);
    // The selector finds the Service that has that port, and that port reaches the admin container port.
    const services = r
      .all('Service')
      .filter((s) =>
        Object.entries(sm.spec.selector.matchLabels).every(([k, v]) => s.metadata.labels?.[k] === v),
      );
    const port = services.flatMap((s) => s.spec.ports).find((p: any) => p.name === 'http-admin');
    assert.equal(port?.targetPort, 'admin');
  });

  it('the PrometheusRule reads only metrics the code exports, and keeps its Prometheus templates', () => {
    const pr = r.find('PrometheusRule', 'aimesh-quotas');
    assert.equal(pr.apiVersion, 'monitoring.coreos.com/v1');
    assert.equal(pr.metadata.labels!.release, 'kube-prometheus-stack');
    const rules = pr.spec.groups.flatMap((g: any) => g.rules);
    assert.deepEqual(
      rules.map((x: any) => x.alert),
      [
        'AIMeshQuotaBudgetAlert',
        'AIMeshQuotaNearLimit',
        'AIMeshQuotaExhausted',
        'AIMeshQuotaDenials',
        'AIMeshQuotaServiceDown',
        'AIMeshAlertNotificationsFailing',
      ],
    );
    for (const rule of rules) {
      const names = metricsIn(rule.expr);
      assert.ok(names.length > 0, rule.alert);
      for (const n of names) assert.ok(known.has(n), `${rule.alert} reads ${n}, which nothing exports`);
      assert.ok(rule.labels.severity, rule.alert);
      assert.ok(rule.annotations.summary, rule.alert);
    }
    const budget = rules.find((x: any) => x.alert === 'AIMeshQuotaBudgetAlert');
    assert.match(budget.annotations.summary, /\{\{ \$labels\.quota \}\}.*\{\{ \$value \}\}%/);
    assert.equal(budget.labels.severity, 'warning');
    assert.match(rules.find((x: any) => x.alert === 'AIMeshQuotaNearLimit').expr, />= 75\) < 100$/);
    assert.equal(rules.find((x: any) => x.alert === 'AIMeshQuotaExhausted').labels.severity, 'critical');
  });

  it('the Grafana dashboard ConfigMap carries the chart file, labelled for the Grafana sidecar', () => {
    const cm = r.find('ConfigMap', 'aimesh-dashboards');
    assert.equal(cm.metadata.labels!.grafana_dashboard, '1');
    assert.equal(cm.metadata.namespace, 'aimesh-system');
    assert.equal(cm.data['aimesh-quotas.json'], readFileSync(DASHBOARD, 'utf8'));
  });

  it('the dashboard shows spend, budgets and denials from exported metrics, on a chosen data source', () => {
    const d = JSON.parse(readFileSync(DASHBOARD, 'utf8'));
    assert.equal(d.uid, 'aimesh-quotas');
    assert.deepEqual(
      d.templating.list.map((v: any) => v.name),
      ['datasource', 'namespace'],
    );
    const panels = d.panels.filter((p: any) => p.type !== 'row');
    const exprs: string[] = panels.flatMap((p: any) => p.targets.map((t: any) => t.expr as string));
    const read = new Set(exprs.flatMap(metricsIn));
    for (const n of read) assert.ok(known.has(n), `the dashboard reads ${n}, which nothing exports`);
    for (const n of ['aimesh_quota_used', 'aimesh_quota_limit', 'aimesh_quota_alert_threshold'])
      assert.ok(read.has(n), n);
    assert.ok(
      read.has('aimesh_quota_denials_total') && read.has('aimesh_cost_usd_total'),
      'denials and spend',
    );
    for (const p of panels) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not JS
      assert.equal(p.datasource.uid, '${datasource}', p.title);
      for (const t of p.targets) assert.match(t.expr, /namespace=~"\$namespace"/, p.title);
    }
    const ids = d.panels.map((p: any) => p.id);
    assert.equal(new Set(ids).size, ids.length, 'panel ids are unique');
  });
});

describe('the alert webhook Secret', () => {
  it('is mounted read-only and named to the operator as a file, with the chosen key', async () => {
    const r = await template({
      'alerts.webhook.secretName': 'team-alerts',
      'alerts.webhook.secretKey': 'slack-url',
    });
    const pod = r.find('Deployment', 'aimesh-operator').spec.template.spec;
    const c = operatorContainer(r);
    const env = c.env.find((e) => e.name === 'AIMESH_ALERT_WEBHOOK_URL_FILE');
    assert.equal(env?.value, '/etc/aimesh/alert-webhook/url');
    assert.deepEqual(
      c.volumeMounts.find((m) => m.name === 'alert-webhook'),
      { name: 'alert-webhook', mountPath: '/etc/aimesh/alert-webhook', readOnly: true },
    );
    assert.deepEqual(pod.volumes.find((v: any) => v.name === 'alert-webhook').secret, {
      secretName: 'team-alerts',
      optional: true,
      defaultMode: 0o440, // 288
      items: [{ key: 'slack-url', path: 'url' }],
    });
    // The URL itself is never a value in the chart.
    assert.ok(!JSON.stringify(c.env).includes('hooks.'));
  });
});

describe('values.schema.json for monitoring and alerts', () => {
  const cases: { name: string; values: Record<string, string | number | boolean>; expect: RegExp }[] = [
    {
      name: 'a scrape interval that is not a Prometheus duration',
      values: { 'monitoring.serviceMonitor.interval': 'often' },
      expect: /\/monitoring\/serviceMonitor\/interval/,
    },
    {
      name: 'a near-limit percent of 100 or more',
      values: { 'monitoring.prometheusRule.nearLimitPercent': 100 },
      expect: /\/monitoring\/prometheusRule\/nearLimitPercent/,
    },
    {
      name: 'an unknown severity',
      values: { 'monitoring.prometheusRule.severity.exhausted': 'page' },
      expect: /\/monitoring\/prometheusRule\/severity\/exhausted/,
    },
    {
      name: 'a typo under monitoring',
      values: { 'monitoring.serviceMonitors.enabled': true },
      expect: /additional properties 'serviceMonitors' not allowed/,
    },
    {
      name: 'an invalid Secret name for the webhook URL',
      values: { 'alerts.webhook.secretName': 'Team_Alerts' },
      expect: /\/alerts\/webhook\/secretName/,
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, async () => {
      const r = await helm([
        'template',
        'aimesh',
        chartDir,
        '--kube-version',
        KUBE_VERSION,
        ...setFlags(c.values),
      ]);
      assert.notEqual(r.code, 0, 'helm template must fail');
      assert.match(r.stderr, c.expect);
    });
  }
});
