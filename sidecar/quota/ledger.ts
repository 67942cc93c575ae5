// The ledger: authoritative counters of every quota limit and the lease arithmetic. Pure (the clock
// is injected, no I/O): the operator's quota service wraps it with HTTP, auth and persistence, and
// a standalone sidecar runs the very same code in process.
//
// Model. Per limit and window: `used` (what holders reported spent) and, per holder, `outstanding`
// (granted but not yet reported spent). Unallocated = amount - used - sum(outstanding). A grant
// never exceeds the unallocated budget, so used + outstanding <= amount at all times; a holder can
// only overshoot by spending beyond its lease (estimates that settle higher, fail-open), which it
// reports, and which then shrinks everyone's next grants. Holders that stop renewing lose their
// lease after its TTL, so a vanished sidecar cannot pin budget; a lease above the fair share is cut
// back while others are refused, so neither can one that was served before the others showed up.
import { randomUUID } from 'node:crypto';
import type { Dimension, QuotaConfig } from '../snapshot/schema.ts';
import { KeyTable, type KeyUsage } from './keyed-ledger.ts';
import { parseWindow, type Window } from './window.ts';

/** One limit's part of a lease call: report what was spent, ask for more. */
export interface LeaseItem {
  /** "namespace/name" of the AIQuota. */
  quota: string;
  limit: string;
  /** Units wanted on top of what the holder holds now (0: just report/renew). */
  want: number;
  /** Spent since the holder's last report (in the window that ends at `window`). */
  used: number;
  /** resetsAt (ms) of the window that `used` and `held` belong to; stale windows are ignored. */
  window?: number;
  /** The holder's unspent lease as it sees it: lets a restarted service re-learn outstanding leases. */
  held?: number;
  /**
   * Give the unspent lease back first: with want and need 0 the holder leaves (going away, idle);
   * otherwise it hands in a fragment too small for its calls and asks again.
   */
  release?: boolean;
  /**
   * A call is waiting for this much: granted up to what is unallocated even above the fair share,
   * so the last fragments of a budget, returned by holders that could not use them, stay usable.
   */
  need?: number;
  /** Estimates of the holder's calls in flight: a lease cut back to the fair share keeps this much. */
  reserved?: number;
  /** A partitioned limit (per): whose budget (an end user, an API key); required there, refused elsewhere. */
  key?: string;
  /**
   * What this holder reported to an earlier term of the service (before a leader change) in this
   * window, sent once after it sees a new term: the new leader rebuilds counters status did not
   * hold (keys outside the top) from the holders that spent them.
   */
  carry?: number;
  /** What this holder reported in this window, to any term: its carry when its request names an older term. */
  acked?: number;
}

export interface LeaseAnswer {
  quota: string;
  limit: string;
  /** Units added to the holder's lease by this call. */
  granted: number;
  /** The holder's whole unspent lease after this call, as the ledger sees it. */
  balance: number;
  /** Spent in the current window, all holders, as reported. */
  used: number;
  /** The limit's amount. */
  amount: number;
  /** Budget not spent and not leased to anyone after this call. */
  unallocated: number;
  /** Holders that leased in the last activeMs (including this one). */
  holders: number;
  /** ms since the epoch when the window ends. */
  resetsAt: number;
  /** The lease is void after this (renew by calling again). */
  expiresAt: number;
  /** Which service term answered: a new one (leader change) makes holders send their carry. */
  term?: string;
}

export interface StatusLimit {
  name: string;
  used: number;
  limit: number;
  /** RFC 3339. */
  resetsAt: string;
  /** A partitioned limit: distinct keys in the current window (used is their sum). */
  keys?: number;
  /** A partitioned limit: the largest spenders of the current window. */
  top?: KeyUsage[];
}

export class LedgerError extends Error {
  readonly code: 'not_found' | 'invalid' | 'too_many_keys';
  constructor(code: 'not_found' | 'invalid' | 'too_many_keys', message: string) {
    super(message);
    this.code = code;
  }
}

export interface LedgerOptions {
  now?: () => number;
  /** A lease not renewed within this is reclaimed. */
  leaseTtlMs?: number;
  /** Leeway for clock skew before an expired lease's budget is handed to others. */
  graceMs?: number;
  /** A holder counts as active (for fair shares) this long after its last call. */
  activeMs?: number;
  /** A grant aims to cover this much of the holder's recent spend rate. */
  horizonMs?: number;
  /** Most keys one partitioned limit tracks per window (beyond: too_many_keys); default 1,000,000. */
  maxKeys?: number;
}

export interface Holder {
  outstanding: number;
  expiresAt: number;
  lastSeen: number;
  /** Exponentially decayed spend rate, units per ms. */
  rate: number;
  rateAt: number;
  /** A waiting call's need was granted whole: the lease is not cut back before this. */
  needUntil: number;
}

export interface Counter {
  quota: string;
  name: string;
  dimension: Dimension;
  amount: number;
  window: Window;
  start: number;
  end: number;
  used: number;
  holders: Map<string, Holder>;
  /** Last time a holder was refused budget because none was unallocated. */
  refusedAt: number;
  /** A partitioned limit: its per-key counters (this counter then sums their spend). */
  keys?: KeyTable<Counter>;
  /** Set on a per-key counter: its key. */
  key?: string;
  /** Spend known from before this term: restored from status, and carried by holders. */
  restored?: number;
  recovered?: number;
}

const RATE_TAU_MS = 5_000;

/** Whole units for counts, micro-dollars for USD: grants never hand out fractions of a request. */
function quantize(dimension: Dimension, x: number): number {
  if (x <= 0) return 0;
  return dimension === 'costUSD' ? Math.floor(x * 1e6) / 1e6 : Math.floor(x);
}

function round(dimension: Dimension, x: number): number {
  return dimension === 'costUSD' ? Math.round(x * 1e9) / 1e9 : x;
}

export class Ledger {
  readonly #now: () => number;
  readonly leaseTtlMs: number;
  readonly #graceMs: number;
  readonly #activeMs: number;
  readonly #horizonMs: number;
  readonly #maxKeys: number;
  /** quota id -> limit name -> counter. */
  readonly #quotas = new Map<string, Map<string, Counter>>();
  /** Status read before the quota's config arrived (operator start): applied on configure. */
  readonly #pendingRestore = new Map<string, readonly Partial<StatusLimit>[]>();
  readonly #dirty = new Set<string>();
  /** Changes whenever counters may have been kept elsewhere meanwhile (a new leader term). */
  term: string = randomUUID();

  constructor(opts: LedgerOptions = {}) {
    this.#now = opts.now ?? Date.now;
    this.leaseTtlMs = opts.leaseTtlMs ?? 20_000;
    this.#graceMs = opts.graceMs ?? 2_000;
    this.#activeMs = opts.activeMs ?? 30_000;
    this.#horizonMs = opts.horizonMs ?? 5_000;
    this.#maxKeys = opts.maxKeys ?? 1_000_000;
  }

  /** The quotas in force (all of them: replaces the previous set). Counters survive when the window is unchanged. */
  configure(quotas: readonly QuotaConfig[]): void {
    const seen = new Set<string>();
    for (const q of quotas) {
      seen.add(q.id);
      this.upsert(q);
    }
    for (const id of this.#quotas.keys()) if (!seen.has(id)) this.#quotas.delete(id);
  }

  upsert(q: QuotaConfig): void {
    const now = this.#now();
    const old = this.#quotas.get(q.id);
    const limits = new Map<string, Counter>();
    for (const l of q.limits) {
      const prev = old?.get(l.name);
      if (
        prev &&
        prev.window.text === l.window &&
        prev.dimension === l.dimension &&
        (prev.keys !== undefined) === (l.per !== undefined)
      ) {
        prev.amount = l.amount;
        prev.keys?.setAmount(l.amount);
        limits.set(l.name, prev);
        continue;
      }
      const window = parseWindow(l.window);
      const { start, end } = window.bounds(now);
      const counter: Counter = {
        quota: q.id,
        name: l.name,
        dimension: l.dimension,
        amount: l.amount,
        window,
        start,
        end,
        used: 0,
        holders: new Map(),
        refusedAt: Number.NEGATIVE_INFINITY,
      };
      if (l.per) counter.keys = this.#keyTable(counter);
      limits.set(l.name, counter);
    }
    this.#quotas.set(q.id, limits);
    const pending = this.#pendingRestore.get(q.id);
    if (pending) {
      this.#pendingRestore.delete(q.id);
      this.restore(q.id, pending);
    }
  }

  remove(quotaId: string): void {
    this.#quotas.delete(quotaId);
  }

  has(quotaId: string): boolean {
    return this.#quotas.has(quotaId);
  }

  /**
   * Continues counters from persisted status (AIQuota.status.limits) after a restart: a limit's
   * `used` is taken when its resetsAt is the current window's end, otherwise that window is over.
   */
  restore(quotaId: string, limits: readonly Partial<StatusLimit>[]): void {
    const counters = this.#quotas.get(quotaId);
    if (!counters) {
      this.#pendingRestore.set(quotaId, limits);
      return;
    }
    const now = this.#now();
    for (const s of limits) {
      const c = s.name === undefined ? undefined : counters.get(s.name);
      if (!c || typeof s.used !== 'number' || !s.resetsAt) continue;
      this.#roll(c, now);
      if (Date.parse(s.resetsAt) !== c.end) continue;
      c.used = Math.max(c.used, s.used);
      c.restored = Math.max(c.restored ?? 0, s.used);
      // A partitioned limit's largest keys come back from status.top (the others from the holders' carries).
      for (const t of s.top ?? [])
        if (typeof t?.key === 'string' && typeof t.used === 'number') c.keys?.restore(t.key, t.used);
    }
  }

  lease(holder: string, item: LeaseItem): LeaseAnswer {
    const limit = this.#quotas.get(item.quota)?.get(item.limit);
    if (!limit) throw new LedgerError('not_found', `quota ${item.quota} has no limit ${item.limit}`);
    const c = limit.keys ? this.#keyCounter(limit, item) : limit;
    if (!limit.keys && item.key !== undefined)
      throw new LedgerError(
        'invalid',
        `limit ${item.limit} of quota ${item.quota} is not partitioned: no key`,
      );
    if (
      !(item.want >= 0) ||
      !(item.used >= 0) ||
      (item.held !== undefined && !(item.held >= 0)) ||
      (item.need !== undefined && !(item.need >= 0)) ||
      (item.reserved !== undefined && !(item.reserved >= 0)) ||
      (item.carry !== undefined && !(item.carry >= 0))
    ) {
      throw new LedgerError('invalid', 'want, used, held, need and reserved must be numbers >= 0');
    }
    const now = this.#now();
    this.#roll(c, now);
    this.#expire(c, now);
    const current = item.window === undefined || item.window === c.end;

    let h = c.holders.get(holder);
    if (!h) {
      // A holder we do not know may still hold a lease from before our restart: take its word.
      h = {
        outstanding: current ? (item.held ?? 0) : 0,
        expiresAt: now,
        lastSeen: now,
        rate: 0,
        rateAt: now,
        needUntil: 0,
      };
      c.holders.set(holder, h);
    }
    if (current && (item.carry ?? 0) > 0) this.#recover(limit, c, item.carry!);
    if (current && item.used > 0) {
      c.used = round(c.dimension, c.used + item.used);
      h.outstanding = Math.max(0, round(c.dimension, h.outstanding - item.used));
      this.#dirty.add(c.quota);
      if (c !== limit) limit.used = round(limit.dimension, limit.used + item.used);
    }
    h.rate = h.rate * Math.exp(-(now - h.rateAt) / RATE_TAU_MS) + (current ? item.used : 0) / RATE_TAU_MS;
    h.rateAt = now;
    h.lastSeen = now;

    let granted = 0;
    if (item.release) h.outstanding = 0;
    if (item.release && !(item.want > 0) && !((item.need ?? 0) > 0)) {
      c.holders.delete(holder);
      if (c !== limit && c.holders.size === 0) {
        const answer = this.#answer(c, h, 0, now);
        limit.keys!.park(c);
        return answer;
      }
    } else {
      let allocated = 0;
      let active = 0;
      for (const o of c.holders.values()) {
        allocated += o.outstanding;
        if (now - o.lastSeen <= this.#activeMs) active++;
      }
      // Fair share of what is left unspent among active holders; demand from the ask and the holder's pace.
      const share = (c.amount - c.used) / Math.max(1, active);
      // A lease above both the share and the holder's pace (a first grant made before the other
      // holders showed up) pins budget that refused holders wait for: cut it back, never below its
      // calls in flight (holders that do not say are left alone) nor before a whole need is used.
      if (now - c.refusedAt < this.#horizonMs && now >= h.needUntil) {
        const keep = Math.max(
          quantize(c.dimension, Math.max(share, h.rate * this.#horizonMs)),
          item.reserved ?? Number.POSITIVE_INFINITY,
        );
        if (h.outstanding > keep) {
          allocated -= h.outstanding - keep;
          h.outstanding = keep;
        }
      }
      const unallocated = c.amount - c.used - allocated;
      const demand = Math.max(item.want, h.rate * this.#horizonMs - h.outstanding);
      const normal = Math.min(demand, share - h.outstanding, unallocated);
      // A waiting call's need is met whole or not at all (part of it would just be another fragment).
      const need = item.need ?? 0;
      const whole = need > 0 && unallocated >= need ? need : 0;
      // A holder that handed in a fragment only takes a whole need: fragments pool up until one fits.
      const grant =
        item.release && need > 0 ? (whole > 0 ? Math.max(normal, whole) : 0) : Math.max(normal, whole);
      granted = quantize(c.dimension, grant);
      if (whole > 0 && granted >= whole) h.needUntil = now + this.#horizonMs;
      // Refused: an ask (not the pace we extrapolate) within the share that the budget left could not meet.
      if (Math.max(Math.min(item.want, share - h.outstanding), need) > Math.max(0, unallocated))
        c.refusedAt = now;
      h.outstanding = round(c.dimension, h.outstanding + granted);
      h.expiresAt = now + this.leaseTtlMs;
    }
    return this.#answer(c, h, granted, now);
  }

  /**
   * A holder's spend under an earlier term. Status and the holders' carries are two lower bounds
   * of what was spent before this term: the counter takes the larger, never their sum.
   */
  #recover(limit: Counter, c: Counter, carry: number): void {
    const before = Math.max(c.restored ?? 0, c.recovered ?? 0);
    c.recovered = (c.recovered ?? 0) + carry;
    const added = Math.max(c.restored ?? 0, c.recovered) - before;
    if (added <= 0) return;
    c.used = round(c.dimension, c.used + added);
    if (c !== limit) limit.used = round(limit.dimension, limit.used + added);
    this.#dirty.add(c.quota);
  }

  /** A new term (this replica became the leader): holders will send their carries. */
  newTerm(): void {
    this.term = randomUUID();
  }

  #keyTable(limit: Counter): KeyTable<Counter> {
    const table = new KeyTable<Counter>(this.#maxKeys);
    table.setFactory((key, used) => ({
      quota: limit.quota,
      name: limit.name,
      dimension: limit.dimension,
      amount: limit.amount,
      window: limit.window,
      start: limit.start,
      end: limit.end,
      used,
      holders: new Map(),
      refusedAt: Number.NEGATIVE_INFINITY,
      key,
      restored: used,
    }));
    table.roll(limit.end);
    return table;
  }

  /** The per-key counter of a partitioned limit: made on first use, in the limit's current window. */
  #keyCounter(limit: Counter, item: LeaseItem): Counter {
    if (typeof item.key !== 'string')
      throw new LedgerError(
        'invalid',
        `limit ${item.limit} of quota ${item.quota} is partitioned: a key is required`,
      );
    this.#roll(limit, this.#now());
    const c = limit.keys!.counter(item.key);
    if (!c)
      throw new LedgerError(
        'too_many_keys',
        `limit ${item.limit} of quota ${item.quota} already tracks ${limit.keys!.size} keys this window`,
      );
    return c;
  }

  #answer(c: Counter, h: Holder, granted: number, now: number): LeaseAnswer {
    let allocated = 0;
    let holders = 0;
    for (const o of c.holders.values()) {
      allocated += o.outstanding;
      if (now - o.lastSeen <= this.#activeMs) holders++;
    }
    return {
      quota: c.quota,
      limit: c.name,
      granted,
      balance: h.outstanding,
      used: c.used,
      amount: c.amount,
      unallocated: Math.max(0, round(c.dimension, c.amount - c.used - allocated)),
      holders: Math.max(1, holders),
      resetsAt: c.end,
      expiresAt: h.expiresAt,
      term: this.term,
    };
  }

  #roll(c: Counter, now: number): void {
    if (now < c.end) return;
    const { start, end } = c.window.bounds(now);
    if (c.used > 0) this.#dirty.add(c.quota);
    c.start = start;
    c.end = end;
    c.used = 0;
    c.restored = 0;
    c.recovered = 0;
    c.refusedAt = Number.NEGATIVE_INFINITY;
    // Leases belong to their window: holders start the new one with nothing outstanding.
    for (const h of c.holders.values()) h.outstanding = 0;
    c.keys?.roll(c.end);
  }

  #expire(c: Counter, now: number): void {
    for (const [id, h] of c.holders) {
      if (h.expiresAt + this.#graceMs < now && now - h.lastSeen > this.leaseTtlMs) c.holders.delete(id);
    }
  }

  /** Rolls windows that ended (so status shows the reset) and drops expired leases. */
  tick(): void {
    const now = this.#now();
    for (const counters of this.#quotas.values()) {
      for (const c of counters.values()) {
        this.#roll(c, now);
        this.#expire(c, now);
        // Per-key counters whose holders all left are parked as a bare number until the window ends.
        c.keys?.sweep((k) => {
          this.#roll(k, now);
          this.#expire(k, now);
        });
      }
    }
  }

  /** Status of one quota's limits, in config order. */
  status(quotaId: string): StatusLimit[] {
    const counters = this.#quotas.get(quotaId);
    if (!counters) return [];
    return [...counters.values()].map((c) => ({
      name: c.name,
      // A partitioned limit: the sum over its keys (after a leader change, of the keys recovered so far).
      used: c.keys ? round(c.dimension, c.keys.total()) : c.used,
      limit: c.amount,
      resetsAt: new Date(c.end).toISOString(),
      ...(c.keys ? { keys: c.keys.size, top: c.keys.top(10) } : {}),
    }));
  }

  /** Spend per key of a quota's partitioned limits, largest first (at most `max` per limit). */
  usage(
    quotaId: string,
    max = Number.POSITIVE_INFINITY,
  ): { limit: string; window: string; amount: number; resetsAt: string; keys: KeyUsage[] }[] {
    const counters = this.#quotas.get(quotaId);
    if (!counters) return [];
    return [...counters.values()]
      .filter((c) => c.keys)
      .map((c) => ({
        limit: c.name,
        window: c.window.text,
        amount: c.amount,
        resetsAt: new Date(c.end).toISOString(),
        keys: c.keys!.top(max),
      }));
  }

  /** Ids of the quotas in force. */
  quotaIds(): string[] {
    return [...this.#quotas.keys()];
  }

  /** Quotas whose counters changed since the last call. */
  takeDirty(): string[] {
    const ids = [...this.#dirty].filter((id) => this.#quotas.has(id));
    this.#dirty.clear();
    return ids;
  }

  /** Marks quotas dirty again (a persist that failed is retried on the next flush). */
  markDirty(ids: readonly string[]): void {
    for (const id of ids) this.#dirty.add(id);
  }

  /** Debug view: every limit with its holders. */
  inspect(): {
    quota: string;
    limit: string;
    used: number;
    amount: number;
    resetsAt: string;
    holders: { id: string; outstanding: number }[];
  }[] {
    const out = [];
    for (const counters of this.#quotas.values()) {
      for (const c of counters.values()) {
        out.push({
          quota: c.quota,
          limit: c.name,
          used: c.used,
          amount: c.amount,
          resetsAt: new Date(c.end).toISOString(),
          holders: c.keys
            ? c.keys.holders()
            : [...c.holders].map(([id, h]) => ({ id, outstanding: h.outstanding })),
        });
      }
    }
    return out;
  }
}
