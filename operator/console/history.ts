// Spend over time from the operator's counters: every interval, each AIQuota limit's `used` (as the
// leader persists it to status) is sampled into a bounded ring per limit. It lives in memory on
// the replica serving the console: a restart starts a new history, the counters themselves are
// never lost (they are in status).
import type { KubeObject } from '../kube/api.ts';

export interface Sample {
  /** ms since epoch */
  at: number;
  used: number;
}

export class UsageHistory {
  readonly #points: number;
  readonly #series = new Map<string, Sample[]>();

  constructor(points = 240) {
    this.#points = points;
  }

  /** Records every limit of these quotas (a limit that is gone is forgotten). */
  record(quotas: readonly KubeObject[], at: number): void {
    const seen = new Set<string>();
    for (const q of quotas) {
      const limits = (q.status as { limits?: { name?: string; used?: number }[] } | undefined)?.limits ?? [];
      for (const l of limits) {
        if (!l.name || typeof l.used !== 'number') continue;
        const key = seriesKey(q, l.name);
        seen.add(key);
        const s = this.#series.get(key) ?? [];
        // A new window starts again from 0: keep the drop, it is what happened.
        s.push({ at, used: l.used });
        if (s.length > this.#points) s.splice(0, s.length - this.#points);
        this.#series.set(key, s);
      }
    }
    for (const key of this.#series.keys()) if (!seen.has(key)) this.#series.delete(key);
  }

  series(quota: KubeObject, limit: string): readonly Sample[] {
    return this.#series.get(seriesKey(quota, limit)) ?? [];
  }
}

const seriesKey = (q: KubeObject, limit: string) => `${q.metadata.namespace}/${q.metadata.name}/${limit}`;
