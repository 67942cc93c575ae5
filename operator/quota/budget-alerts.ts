// Budget alerts on the leader: after every tick of the quota service's counters (its flush, ~2 s)
// the ledger's totals are compared with each limit's thresholds (alerts.ts). A crossing records a
// Warning Event on the AIQuota, posts a notification (notify.ts, when configured) and counts in
// aimesh_quota_alerts_total; the per-limit gauges (aimesh_quota_used / _limit / _alert_threshold)
// are refreshed on the same pass. What fired is persisted with the counters
// (status.limits[].alert), so a new leader continues without repeating an alert; the BudgetAlert
// condition is derived from the same state and written by the status writer (one writer of
// conditions), which this triggers on every change.
import type { AIQuotaSpec } from '../../crds/aiquota.ts';
import { validate } from '../../crds/validate.ts';
import type { StatusLimit } from '../../sidecar/quota/ledger.ts';
import type { Metrics } from '../admin/metrics.ts';
import type { Condition, DesiredCondition, StatusEvent } from '../controller/status.ts';
import type { KubeObject } from '../kube/api.ts';
import type { Logger } from '../log.ts';
import {
  type AlertLimit,
  type AlertStatusLimit,
  AlertTracker,
  alertLimits,
  BUDGET_ALERT_CONDITION,
  BUDGET_ALERT_REASON,
  crossingText,
} from './alerts.ts';
import type { QuotaObject } from './service.ts';

export interface BudgetAlertsOptions {
  metrics: Pick<Metrics, 'quotaUsed' | 'quotaLimit' | 'quotaAlertThreshold' | 'quotaAlerts'>;
  /** The AIQuota objects now (the informer cache). */
  objects: () => readonly QuotaObject[];
  /** Records an Event on the AIQuota (best effort). */
  event: (object: KubeObject, event: StatusEvent) => Promise<void>;
  /** Posts a notification (when a webhook is configured). */
  notify?: (text: string) => void;
  /** The alert state changed: the BudgetAlert conditions should be written. */
  onChange?: () => void;
  log?: Logger;
}

/** What the alerts need of the quota service's ledger. */
export interface LedgerView {
  has(quotaId: string): boolean;
  status(quotaId: string): StatusLimit[];
  markDirty(ids: readonly string[]): void;
}

export class BudgetAlerts {
  readonly name = 'budget-alerts';
  readonly #o: BudgetAlertsOptions;
  readonly #tracker = new AlertTracker();
  /** Quotas compared at least once in this term (restored from status first). */
  readonly #observed = new Set<string>();
  #running = false;

  constructor(opts: BudgetAlertsOptions) {
    this.#o = opts;
  }

  /** The AIQuota specs (every replica keeps them current; only the leader checks). */
  configure(objects: readonly QuotaObject[]): void {
    const quotas = new Map<string, AlertLimit[]>();
    for (const o of objects) {
      const { namespace, name } = o.metadata;
      if (!namespace || !name) continue;
      const v = validate<AIQuotaSpec>({
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIQuota',
        metadata: { name, namespace },
        spec: o.spec,
      });
      if (v.ok) quotas.set(`${namespace}/${name}`, alertLimits(v.spec));
    }
    this.#tracker.configure(quotas);
    for (const id of this.#observed) if (!quotas.has(id)) this.#observed.delete(id);
  }

  /** LeaderTask: a new term continues from the persisted status. */
  start(): void {
    this.#running = true;
    this.#observed.clear();
    this.configure(this.#o.objects());
  }

  /** LeaderTask: a follower exports no quota gauges (the leader's are the truth). */
  stop(): void {
    this.#running = false;
    this.#resetGauges();
  }

  /** After each tick of the counters (leader): gauges, crossings, Events, notifications. */
  check(ledger: LedgerView): void {
    if (!this.#running) return;
    this.#resetGauges();
    const objects = new Map(this.#o.objects().map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
    const { metrics } = this.#o;
    let changed = false;
    for (const id of this.#ids(objects)) {
      const limits = this.#tracker.limits(id);
      if (!limits || !ledger.has(id)) continue;
      const rows = ledger.status(id);
      if (!this.#observed.has(id)) {
        const persisted = (objects.get(id)?.status as { limits?: Partial<AlertStatusLimit>[] } | undefined)
          ?.limits;
        if (Array.isArray(persisted)) this.#tracker.restore(id, persisted);
        this.#observed.add(id);
        changed = true; // the condition can now be computed
      }
      const [namespace, quota] = id.split('/') as [string, string];
      for (const l of limits) {
        const row = rows.find((r) => r.name === l.name);
        if (!row) continue;
        const labels = { namespace, quota, limit: l.name, dimension: l.dimension, window: l.window };
        metrics.quotaUsed.set(labels, row.used);
        metrics.quotaLimit.set(labels, row.limit);
      }
      const seen = this.#tracker.observe(id, rows);
      for (const l of limits) {
        if (l.thresholds.length === 0) continue;
        const row = rows.find((r) => r.name === l.name);
        if (!row) continue;
        const labels = { namespace, quota, limit: l.name, dimension: l.dimension, window: l.window };
        metrics.quotaAlertThreshold.set(labels, this.#tracker.alert(id, l.name, row.resetsAt) ?? 0);
      }
      if (seen.changed) {
        ledger.markDirty([id]); // persist status.limits[].alert with this flush
        changed = true;
      }
      for (const c of seen.crossings) {
        const text = crossingText(c);
        metrics.quotaAlerts.inc({ namespace, quota, limit: c.limit, threshold: String(c.threshold) });
        this.#o.log?.info({ quota: id, limit: c.limit, threshold: c.threshold }, 'budget alert');
        const object = objects.get(id);
        if (object)
          void this.#o.event(object as KubeObject, {
            type: 'Warning',
            reason: BUDGET_ALERT_REASON,
            note: text,
          });
        this.#o.notify?.(text);
      }
    }
    if (changed) this.#o.onChange?.();
  }

  /** status.limits with each limit's alert of the current window (what persist writes). */
  decorate(quotaId: string, limits: readonly StatusLimit[]): AlertStatusLimit[] {
    return limits.map((l) => {
      const alert = this.#tracker.alert(quotaId, l.name, l.resetsAt);
      return alert === undefined ? l : { ...l, alert };
    });
  }

  /**
   * The BudgetAlert condition of an AIQuota, for the status writer: none without thresholds;
   * until this term has compared the quota, the condition it carries stays as it is (or, for a
   * quota that carries none, what the tracker knows: WithinBudget until a threshold is crossed).
   */
  conditions(kind: string, object: KubeObject): DesiredCondition[] {
    if (kind !== 'AIQuota') return [];
    const id = `${object.metadata.namespace}/${object.metadata.name}`;
    if (!this.#tracker.hasAlerts(id)) return [];
    if (!this.#running || !this.#observed.has(id)) {
      const current = (object.status as { conditions?: Condition[] } | undefined)?.conditions?.find(
        (c) => c.type === BUDGET_ALERT_CONDITION,
      );
      if (current)
        return [
          { type: current.type, status: current.status, reason: current.reason, message: current.message },
        ];
      // A quota that never carried one starts WithinBudget, so its first status write is complete
      // (no second write when this term first compares it).
    }
    const c = this.#tracker.condition(id);
    return c ? [c] : [];
  }

  /** Quota ids in a stable order: the informer's objects that the tracker knows. */
  #ids(objects: Map<string, QuotaObject>): string[] {
    return [...objects.keys()].filter((id) => this.#tracker.limits(id)).sort();
  }

  #resetGauges(): void {
    this.#o.metrics.quotaUsed.reset();
    this.#o.metrics.quotaLimit.reset();
    this.#o.metrics.quotaAlertThreshold.reset();
  }
}
