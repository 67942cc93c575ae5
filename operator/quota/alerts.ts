// Budget alerts, the pure part: which thresholds each limit has, and when the spend the ledger
// reports crosses one. A threshold is a percent of the limit; each fires at most once per window
// (the highest one crossed is remembered, so a jump from 40% to 100% fires once, for 100%), and
// the window's rollover re-arms them all. No I/O and no clock: the window is the ledger's resetsAt.
// budget-alerts.ts turns crossings into Events, notifications, metrics and the BudgetAlert condition.
import { type AIQuotaSpec, DIMENSIONS, type Dimension } from '../../crds/aiquota.ts';
import type { StatusLimit } from '../../sidecar/quota/ledger.ts';
import type { DesiredCondition } from '../controller/status.ts';

export const BUDGET_ALERT_CONDITION = 'BudgetAlert';
/** The reason of the Warning Event recorded on the AIQuota for every crossing. */
export const BUDGET_ALERT_REASON = 'BudgetAlert';

/** One limit of an AIQuota as the alerts see it. */
export interface AlertLimit {
  name: string;
  dimension: Dimension;
  window: string;
  /** Percent of the limit, ascending and unique; empty: no alerts for this limit. */
  thresholds: number[];
}

/** A status.limits row with the alert the quota service persists alongside. */
export type AlertStatusLimit = StatusLimit & { alert?: number };

/** A threshold crossed: what the Event and the notification say. */
export interface Crossing {
  /** "namespace/name" of the AIQuota. */
  quota: string;
  limit: string;
  dimension: Dimension;
  window: string;
  /** The highest threshold crossed now. */
  threshold: number;
  /** Lower thresholds crossed in the same step (not announced on their own). */
  passed: number[];
  used: number;
  amount: number;
  /** RFC 3339: when the window ends and the thresholds re-arm. */
  resetsAt: string;
}

/** Each limit of a spec with its thresholds: its own `alerts`, else the quota's `alerts`, else none. */
export function alertLimits(spec: AIQuotaSpec): AlertLimit[] {
  return spec.limits.map((l) => ({
    name: l.name,
    dimension: DIMENSIONS.find((d) => l[d] !== undefined)!,
    window: l.window,
    thresholds: [...new Set(l.alerts ?? spec.alerts ?? [])].sort((a, b) => a - b),
  }));
}

/** Has `used` reached `percent` of `amount`? (A hair of slack for sums of USD fractions.) */
export function reached(used: number, amount: number, percent: number): boolean {
  return amount > 0 && used * 100 >= percent * amount * (1 - 1e-9);
}

interface LimitState {
  /** The window the state belongs to (the ledger's resetsAt). */
  resetsAt: string;
  /** Highest threshold fired in that window; 0: none. */
  fired: number;
  amount: number;
}

export class AlertTracker {
  /** quota id -> its limits. */
  #limits = new Map<string, AlertLimit[]>();
  /** quota id -> limit name -> state. */
  readonly #state = new Map<string, Map<string, LimitState>>();

  /** The quotas in force (replaces the previous set); state of vanished quotas and limits is dropped. */
  configure(quotas: ReadonlyMap<string, AlertLimit[]>): void {
    this.#limits = new Map(quotas);
    for (const [id, states] of this.#state) {
      const limits = quotas.get(id);
      if (!limits) {
        this.#state.delete(id);
        continue;
      }
      const names = new Set(limits.filter((l) => l.thresholds.length > 0).map((l) => l.name));
      for (const name of states.keys()) if (!names.has(name)) states.delete(name);
    }
  }

  limits(quotaId: string): AlertLimit[] | undefined {
    return this.#limits.get(quotaId);
  }

  /** Does any limit of the quota have thresholds? */
  hasAlerts(quotaId: string): boolean {
    return this.#limits.get(quotaId)?.some((l) => l.thresholds.length > 0) ?? false;
  }

  /** Continues from persisted status (a new leader): what fired in a window is not fired again. */
  restore(quotaId: string, rows: readonly Partial<AlertStatusLimit>[]): void {
    for (const row of rows) {
      const limit = this.#limits.get(quotaId)?.find((l) => l.name === row.name);
      if (!limit || limit.thresholds.length === 0 || !row.resetsAt) continue;
      const fired = typeof row.alert === 'number' && row.alert > 0 ? row.alert : 0;
      this.#states(quotaId).set(limit.name, {
        resetsAt: row.resetsAt,
        fired,
        amount: typeof row.limit === 'number' ? row.limit : 0,
      });
    }
  }

  /**
   * Compares the ledger's counters with what fired: returns the new crossings, and whether the
   * state changed (a crossing, or a window rolled over with an alert standing).
   */
  observe(quotaId: string, rows: readonly StatusLimit[]): { crossings: Crossing[]; changed: boolean } {
    const crossings: Crossing[] = [];
    let changed = false;
    for (const limit of this.#limits.get(quotaId) ?? []) {
      if (limit.thresholds.length === 0) continue;
      const row = rows.find((r) => r.name === limit.name);
      if (!row) continue;
      const states = this.#states(quotaId);
      let s = states.get(limit.name);
      if (!s || s.resetsAt !== row.resetsAt) {
        // A new window (or the first look): every threshold is armed again.
        if (s && s.fired > 0) changed = true;
        s = { resetsAt: row.resetsAt, fired: 0, amount: row.limit };
        states.set(limit.name, s);
      }
      s.amount = row.limit;
      const crossed = limit.thresholds.filter((t) => t > s.fired && reached(row.used, row.limit, t));
      if (crossed.length === 0) continue;
      const threshold = crossed[crossed.length - 1]!;
      s.fired = threshold;
      changed = true;
      crossings.push({
        quota: quotaId,
        limit: limit.name,
        dimension: limit.dimension,
        window: limit.window,
        threshold,
        passed: crossed.slice(0, -1),
        used: row.used,
        amount: row.limit,
        resetsAt: row.resetsAt,
      });
    }
    return { crossings, changed };
  }

  /** The highest threshold fired in the window ending at resetsAt, if any. */
  alert(quotaId: string, limit: string, resetsAt: string): number | undefined {
    const s = this.#state.get(quotaId)?.get(limit);
    return s && s.resetsAt === resetsAt && s.fired > 0 ? s.fired : undefined;
  }

  /** The BudgetAlert condition of a quota with thresholds (undefined: it has none). */
  condition(quotaId: string): DesiredCondition | undefined {
    if (!this.hasAlerts(quotaId)) return undefined;
    const standing: string[] = [];
    for (const limit of this.#limits.get(quotaId) ?? []) {
      const s = this.#state.get(quotaId)?.get(limit.name);
      if (!s || s.fired === 0) continue;
      standing.push(
        `${limit.name} crossed ${s.fired}% of ${amountText(limit.dimension, s.amount)} per ${limit.window} (window resets at ${s.resetsAt})`,
      );
    }
    return standing.length > 0
      ? {
          type: BUDGET_ALERT_CONDITION,
          status: 'True',
          reason: 'ThresholdCrossed',
          message: `${standing.join('; ')}.`,
        }
      : {
          type: BUDGET_ALERT_CONDITION,
          status: 'False',
          reason: 'WithinBudget',
          message: 'No alert threshold is crossed in the current windows.',
        };
  }

  #states(quotaId: string): Map<string, LimitState> {
    let states = this.#state.get(quotaId);
    if (!states) {
      states = new Map();
      this.#state.set(quotaId, states);
    }
    return states;
  }
}

const UNITS: Record<Exclude<Dimension, 'costUSD'>, string> = {
  requests: 'requests',
  tokens: 'tokens',
  inputTokens: 'input tokens',
  outputTokens: 'output tokens',
};

/** "2550", "$412.07". */
export function numberText(dimension: Dimension, x: number): string {
  return dimension === 'costUSD' ? `$${x.toFixed(2)}` : String(Math.round(x));
}

/** "3000 tokens", "$500.00". */
export function amountText(dimension: Dimension, x: number): string {
  return dimension === 'costUSD'
    ? numberText(dimension, x)
    : `${numberText(dimension, x)} ${UNITS[dimension]}`;
}

/** One line for the Event and the notification; names the quota, never a credential. */
export function crossingText(c: Crossing): string {
  const percent = c.amount > 0 ? Math.floor((c.used * 100) / c.amount) : 0;
  const also = c.passed.length > 0 ? ` (also past ${c.passed.map((t) => `${t}%`).join(', ')})` : '';
  return (
    `AIQuota ${c.quota}: limit ${c.limit} crossed its ${c.threshold}% alert threshold${also}: ` +
    `${numberText(c.dimension, c.used)} of ${amountText(c.dimension, c.amount)} per ${c.window} used (${percent}%); ` +
    `the window resets at ${c.resetsAt}.`
  );
}
