// Usage: every AIQuota limit with its spend, reset time, alert thresholds and the one crossed,
// the top consumers of partitioned limits (per key: end user or API consumer), the cost per model
// (costUSD limits carry a model filter) and each limit's spend over time (history.ts). All of it
// comes from the operator's counters as the leader persists them to AIQuota status.
import type { KubeObject } from '../kube/api.ts';
import type { Sample, UsageHistory } from './history.ts';
import { type Html, html } from './html.ts';
import { namespacePicker, table, when } from './layout.ts';
import { aimesh, condition, namespaceOf, permitted, type ViewContext } from './view.ts';

const DIMENSIONS = ['requests', 'tokens', 'inputTokens', 'outputTokens', 'costUSD'] as const;

export interface UsageLimit {
  name: string;
  dimension: string;
  window: string;
  amount: number;
  used: number;
  resetsAt?: string;
  models?: string[];
  /** A partitioned limit: where its key comes from (header:x, body:user, claim:sub). */
  per?: string;
  alerts: number[];
  /** The highest threshold crossed in this window. */
  alert?: number;
  keys?: number;
  top?: { key: string; used: number }[];
  history: Sample[];
}

export interface UsageQuota {
  namespace: string;
  name: string;
  enforcement: string;
  budgetAlert?: { status: string; message?: string };
  limits: UsageLimit[];
}

export interface UsageData {
  quotas: UsageQuota[];
  /** Spend of costUSD limits per model filter ("every model" when unfiltered), per namespace. */
  costByModel: {
    namespace: string;
    models: string;
    quota: string;
    limit: string;
    usedUSD: number;
    window: string;
  }[];
}

interface LimitSpec {
  name: string;
  window: string;
  models?: string[];
  alerts?: number[];
  per?: { header?: string; body?: string; claim?: string };
  [dimension: string]: unknown;
}

export async function usageData(ctx: ViewContext, history: UsageHistory): Promise<UsageData> {
  const all = ctx.sources.objects('AIQuota');
  const namespaces = new Set(await permitted(ctx, aimesh('aiquotas'), all.map(namespaceOf)));
  const quotas = all
    .filter((q) => namespaces.has(namespaceOf(q)))
    .map((q) => usageQuota(q, history))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  const costByModel = quotas.flatMap((q) =>
    q.limits
      .filter((l) => l.dimension === 'costUSD')
      .map((l) => ({
        namespace: q.namespace,
        models: l.models?.join(', ') || 'every model',
        quota: q.name,
        limit: l.name,
        usedUSD: l.used,
        window: l.window,
      })),
  );
  return { quotas, costByModel };
}

function usageQuota(q: KubeObject, history: UsageHistory): UsageQuota {
  const spec = (q.spec ?? {}) as { limits?: LimitSpec[]; alerts?: number[]; enforcement?: string };
  const status = new Map(
    ((q.status as { limits?: Record<string, any>[] } | undefined)?.limits ?? []).map((s) => [s.name, s]),
  );
  const alert = condition(q, 'BudgetAlert');
  return {
    namespace: namespaceOf(q),
    name: q.metadata.name,
    enforcement: spec.enforcement ?? 'Enforce',
    ...(alert
      ? { budgetAlert: { status: alert.status, ...(alert.message ? { message: alert.message } : {}) } }
      : {}),
    limits: (spec.limits ?? []).map((l): UsageLimit => {
      const dimension = DIMENSIONS.find((d) => typeof l[d] === 'number') ?? 'requests';
      const s = status.get(l.name);
      const per = l.per && Object.entries(l.per).find(([, v]) => v !== undefined);
      return {
        name: l.name,
        dimension,
        window: l.window,
        amount: Number(l[dimension] ?? 0),
        used: typeof s?.used === 'number' ? s.used : 0,
        ...(typeof s?.resetsAt === 'string' ? { resetsAt: s.resetsAt } : {}),
        ...(l.models?.length ? { models: l.models } : {}),
        ...(per ? { per: `${per[0]}:${per[1]}` } : {}),
        alerts: l.alerts ?? spec.alerts ?? [],
        ...(typeof s?.alert === 'number' ? { alert: s.alert } : {}),
        ...(typeof s?.keys === 'number' ? { keys: s.keys } : {}),
        ...(Array.isArray(s?.top) ? { top: s.top } : {}),
        history: [...history.series(q, l.name)],
      };
    }),
  };
}

export function formatAmount(dimension: string, n: number): string {
  if (dimension !== 'costUSD') return Math.round(n).toLocaleString('en-US');
  // Cents for real money; small spends keep enough digits to show that they move.
  return `$${n === 0 || n >= 1 ? n.toFixed(2) : n.toPrecision(3)}`;
}

/** A <meter>: accessible, and styled by the browser (the CSP allows no inline style). */
function bar(used: number, amount: number, label: string): Html {
  const max = amount > 0 ? amount : 1;
  return html`<meter min="0" max="${max}" low="${max * 0.5}" high="${max * 0.8}" optimum="0" value="${Math.min(used, max)}" aria-label="${label}">${label}</meter>`;
}

/** An inline SVG line of the samples (no script, no external image). */
function sparkline(samples: readonly Sample[], label: string): Html {
  if (samples.length < 2) return html`<span class="muted">collecting&hellip;</span>`;
  const max = Math.max(...samples.map((s) => s.used), 1e-9);
  const t0 = samples[0]!.at;
  const span = Math.max(samples[samples.length - 1]!.at - t0, 1);
  const points = samples
    .map((s) => `${(((s.at - t0) / span) * 156 + 2).toFixed(1)},${(30 - (s.used / max) * 28).toFixed(1)}`)
    .join(' ');
  return html`<svg class="spark" viewBox="0 0 160 32" role="img" aria-label="${label}"><polyline points="${points}"></polyline></svg>`;
}

export function usagePage(data: UsageData, all: string[], selected?: string): Html {
  return html`<p class="muted">Spend of every AIQuota limit you may read, as the operator counts it (updated every few seconds).</p>
${namespacePicker('usage', all, selected)}
${table(
  'Limits',
  ['Namespace / quota', 'Limit', 'Used', 'Of', 'Share', 'Window resets', 'Alerts', 'Trend'],
  data.quotas.flatMap((q) =>
    q.limits.map((l) => [
      html`${q.namespace}/${q.name}${q.enforcement === 'Shadow' ? html` <span class="muted">(Shadow)</span>` : ''}`,
      html`${l.name}<br><span class="muted">${l.dimension} per ${l.window}${l.models ? html`, ${l.models.join(', ')}` : ''}${l.per ? html`, per ${l.per}` : ''}</span>`,
      html`<span class="num" data-limit="${q.namespace}/${q.name}/${l.name}">${formatAmount(l.dimension, l.used)}</span>`,
      html`<span class="num">${formatAmount(l.dimension, l.amount)}</span>`,
      bar(l.used, l.amount, `${l.amount > 0 ? Math.round((l.used / l.amount) * 100) : 100}% used`),
      html`${when(l.resetsAt)}`,
      html`${l.alerts.length ? l.alerts.map((a) => `${a}%`).join(' ') : '\u2014'}${
        l.alert !== undefined ? html`<br><span class="badge False">crossed ${l.alert}%</span>` : ''
      }`,
      sparkline(l.history, `${l.name}: spend over the last ${l.history.length} samples`),
    ]),
  ),
)}
${data.quotas
  .filter((q) => q.budgetAlert?.status === 'True')
  .map(
    (q) =>
      html`<p class="notice error" role="status">${q.namespace}/${q.name}: ${q.budgetAlert?.message ?? 'budget alert'}</p>`,
  )}
${table(
  'Cost per model (costUSD limits)',
  ['Namespace', 'Models', 'Quota / limit', 'Spent', 'Window'],
  data.costByModel.map((c) => [
    html`${c.namespace}`,
    html`${c.models}`,
    html`${c.quota} / ${c.limit}`,
    html`<span class="num">${formatAmount('costUSD', c.usedUSD)}</span>`,
    html`${c.window}`,
  ]),
)}
<h2>Top consumers</h2>
${data.quotas.flatMap((q) =>
  q.limits
    .filter((l) => l.per)
    .map((l) =>
      table(
        `${q.namespace}/${q.name} ${l.name}: top keys (${l.keys ?? 0} in this window, each up to ${formatAmount(l.dimension, l.amount)})`,
        [`Key (${l.per})`, 'Used'],
        (l.top ?? []).map((k) => [
          html`<code>${k.key}</code>`,
          html`<span class="num">${formatAmount(l.dimension, k.used)}</span>`,
        ]),
      ),
    ),
)}
${data.quotas.some((q) => q.limits.some((l) => l.per)) ? '' : html`<p class="muted">No limit is partitioned per key (limits[].per).</p>`}`;
}
