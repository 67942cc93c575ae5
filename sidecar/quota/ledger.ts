// The ledger: authoritative counters of every quota limit and the lease arithmetic. Pure (the clock
// is injected, no I/O): the operator's quota service wraps it with HTTP, auth and persistence, and
// a standalone sidecar runs the very same code in process.
//
// Model. Per limit and window: `used` (what holders reported spent) and, per holder, `outstanding`
// (granted but not yet reported spent). Unallocated = amount - used - sum(outstanding). A grant
// never exceeds the unallocated budget, so used + outstanding <= amount at all times; a holder can
// only overshoot by spending beyond its lease (estimates that settle higher, fail-open), which it
// reports, and which then shrinks everyone's next grants. Holders that stop renewing lose their
// lease after its TTL; what it held counts as spent for the rest of the window ("lost": it may have
// been spent without a report), so nothing is ever admitted twice. The ledger never takes lease
// back: while a call waits for budget somewhere (a refused need; answers say `contended`), holders
// stop spending their surplus and hand it back (giveBack) at their next call, and others' top-ups
// leave the waiting need unallocated.
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
   * Units of its lease the holder hands back: it stopped spending them before sending, so the
   * ledger never takes lease a holder might still spend (a call admitted while this is on the wire).
   */
  giveBack?: number;
  /**
   * With want and need 0 the holder leaves (going away, idle; what it did not hand back stays
   * counted); with a need it handed in a fragment too small for its calls and takes only a whole need.
   */
  release?: boolean;
  /**
   * A call is waiting for this much: granted up to what is unallocated even above the fair share,
   * so the last fragments of a budget, returned by holders that could not use them, stay usable.
   */
  need?: number;
  /** Estimates of the holder's calls in flight (for the debug view). */
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
  /** `seq` of the last answer the holder applied: tells a lost answer from a restart. */
  seq?: number;
  /** Random per holder process: a new one means the holder restarted (its unreported spend is gone). */
  incarnation?: string;
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
  /** Lease of holders that went away without reporting, counted as spent for the window (absent: 0). */
  lost?: number;
  /** Holders that leased in the last activeMs (including this one). */
  holders: number;
  /** ms since the epoch when the window ends. */
  resetsAt: number;
  /** The lease is void after this (renew by calling again). */
  expiresAt: number;
  /** Numbers this holder's answers: the holder echoes the last one it applied. */
  seq: number;
  /**
   * A call waits for budget at another holder (its need was refused lately): holders hand back
   * lease beyond their calls in flight at their next call, so the waiting call gets it.
   */
  contended?: boolean;
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
  /**
   * Lease time-to-live while the budget is scarce (under 10% unallocated, or someone was refused):
   * holders renew sooner, so budget pinned in idle leases comes back within about this.
   */
  scarceTtlMs?: number;
  /** Most keys one partitioned limit tracks per window (beyond: too_many_keys); default 1,000,000. */
  maxKeys?: number;
}

export interface Holder {
  outstanding: number;
  /** Answers given to this holder. */
  seq: number;
  incarnation?: string;
  expiresAt: number;
  lastSeen: number;
  /** Exponentially decayed spend rate, units per ms. */
  rate: number;
  rateAt: number;
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
  /**
   * Lease that may have been spent without a report (a holder vanished, or came back holding less
   * than it was granted: a restart): never granted again in this window, so no call is admitted twice.
   */
  lost: number;
  /** Holders whose lease expired this window: if the same process comes back, what it did not spend returns. */
  gone: Map<string, { incarnation?: string; outstanding: number }>;
  holders: Map<string, Holder>;
  /** Last time a holder was refused budget because none was unallocated. */
  refusedAt: number;
  /** Needs of calls refused lately, per holder: others' top-ups leave room for them. */
  waiting: Map<string, { need: number; at: number }>;
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
  readonly #scarceTtlMs: number;
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
    this.#scarceTtlMs = opts.scarceTtlMs ?? 2_000;
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
        lost: 0,
        gone: new Map(),
        holders: new Map(),
        refusedAt: Number.NEGATIVE_INFINITY,
        waiting: new Map(),
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
      (item.giveBack !== undefined && !(item.giveBack >= 0)) ||
      (item.carry !== undefined && !(item.carry >= 0))
    ) {
      throw new LedgerError('invalid', 'want, used, held, need, reserved and giveBack must be numbers >= 0');
    }
    const now = this.#now();
    this.#roll(c, now);
    this.#expire(c, now);
    const current = item.window === undefined || item.window === c.end;

    let h = c.holders.get(holder);
    const gone = c.gone.get(holder);
    if (gone) {
      c.gone.delete(holder);
      // Its lease expired while it could not reach us (a partition, an overloaded service): the
      // same process says what it still holds, unspent or spent and unreported; the rest returns.
      if (!h && current && item.incarnation !== undefined && item.incarnation === gone.incarnation) {
        const back = Math.max(0, gone.outstanding - (item.held ?? 0));
        c.lost = Math.max(0, round(c.dimension, c.lost - back));
      }
    }
    if (!h) {
      // A holder we do not know may still hold a lease from before our restart: take its word.
      h = {
        seq: 0,
        incarnation: item.incarnation,
        outstanding: current ? (item.held ?? 0) : 0,
        expiresAt: now,
        lastSeen: now,
        rate: 0,
        rateAt: now,
      };
      c.holders.set(holder, h);
    }
    if (current && item.held !== undefined && item.held < h.outstanding) {
      // It holds less than we granted. It never got our last answer (its seq is behind): that
      // grant never reached it, so it comes back. Otherwise (it restarted, its lease lapsed) what
      // it may have spent without telling us stays counted.
      const sameProcess = item.incarnation !== undefined && item.incarnation === h.incarnation;
      if (!sameProcess || item.seq === h.seq) c.lost = round(c.dimension, c.lost + h.outstanding - item.held);
      h.outstanding = item.held;
    }
    if (current && (item.carry ?? 0) > 0) this.#recover(limit, c, item.carry!);
    h.incarnation = item.incarnation;
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
    // Handed back: the holder stopped spending it before it sent this (never taken from it here,
    // so a call it admits while this is on the wire is always covered).
    if (current && (item.giveBack ?? 0) > 0)
      h.outstanding = Math.max(0, round(c.dimension, h.outstanding - item.giveBack!));
    if (item.release && !(item.want > 0) && !((item.need ?? 0) > 0)) {
      // Leaving: what it did not hand back may be spent by calls still in flight there.
      c.lost = round(c.dimension, c.lost + h.outstanding);
      // It holds nothing here any more (its answer says balance 0, so it forgets the lease).
      h.outstanding = 0;
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
      const share = (c.amount - c.used - c.lost) / Math.max(1, active);
      const unallocated = c.amount - c.used - c.lost - allocated;
      // Calls waiting elsewhere come first: a top-up here leaves their needs unallocated.
      let waitingElsewhere = 0;
      for (const [id, w] of c.waiting) {
        if (now - w.at > this.#horizonMs) c.waiting.delete(id);
        else if (id !== holder) waitingElsewhere += w.need;
      }
      // A holder handing lease back (others wait) is not topped up from its pace in the same breath.
      const pace = (item.giveBack ?? 0) > 0 ? 0 : h.rate * this.#horizonMs - h.outstanding;
      const demand = Math.max(item.want, pace);
      const normal = Math.min(demand, share - h.outstanding, unallocated - waitingElsewhere);
      // A waiting call's need is met whole or not at all (part of it would just be another fragment).
      const need = item.need ?? 0;
      const whole = need > 0 && unallocated >= need ? need : 0;
      // A holder that handed in a fragment only takes a whole need: fragments pool up until one fits.
      const grant =
        item.release && need > 0 ? (whole > 0 ? Math.max(normal, whole) : 0) : Math.max(normal, whole);
      granted = quantize(c.dimension, grant);
      if (whole > 0 && granted >= whole) {
        c.waiting.delete(holder);
      } else if (need > 0) {
        c.waiting.set(holder, { need, at: now });
      }
      // Refused: an ask (not the pace we extrapolate) within the share that the budget left could not meet.
      if (Math.max(Math.min(item.want, share - h.outstanding), need) > Math.max(0, unallocated))
        c.refusedAt = now;
      h.outstanding = round(c.dimension, h.outstanding + granted);
      const left = unallocated - granted;
      const scarce = now - c.refusedAt < this.#horizonMs || left < c.amount * 0.1;
      h.expiresAt = now + (scarce ? Math.min(this.leaseTtlMs, this.#scarceTtlMs) : this.leaseTtlMs);
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
      lost: 0,
      holders: new Map(),
      refusedAt: Number.NEGATIVE_INFINITY,
      waiting: new Map(),
      key,
      restored: used,
      gone: new Map(),
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

  /** Some other holder has a call waiting for budget (a need refused within the horizon). */
  #waitingElsewhere(c: Counter, h: Holder, now: number): boolean {
    for (const [id, w] of c.waiting)
      if (c.holders.get(id) !== h && now - w.at <= this.#horizonMs) return true;
    return false;
  }

  #answer(c: Counter, h: Holder, granted: number, now: number): LeaseAnswer {
    h.seq++;
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
      unallocated: Math.max(0, round(c.dimension, c.amount - c.used - c.lost - allocated)),
      ...(c.lost > 0 ? { lost: c.lost } : {}),
      holders: Math.max(1, holders),
      resetsAt: c.end,
      expiresAt: h.expiresAt,
      term: this.term,
      seq: h.seq,
      ...(this.#waitingElsewhere(c, h, now) ? { contended: true } : {}),
    };
  }

  #roll(c: Counter, now: number): void {
    if (now < c.end) return;
    const { start, end } = c.window.bounds(now);
    if (c.used > 0) this.#dirty.add(c.quota);
    c.start = start;
    c.end = end;
    c.used = 0;
    c.lost = 0;
    c.restored = 0;
    c.recovered = 0;
    c.gone.clear();
    c.refusedAt = Number.NEGATIVE_INFINITY;
    c.waiting.clear();
    // Leases belong to their window: holders start the new one with nothing outstanding.
    for (const h of c.holders.values()) h.outstanding = 0;
    c.keys?.roll(c.end);
  }

  #expire(c: Counter, now: number): void {
    for (const [id, h] of c.holders) {
      if (h.expiresAt + this.#graceMs < now && now - h.lastSeen > this.leaseTtlMs) {
        // Gone without a word: its lease may have been spent, so it is not granted again this window.
        c.lost = round(c.dimension, c.lost + h.outstanding);
        if (h.outstanding > 0) c.gone.set(id, { incarnation: h.incarnation, outstanding: h.outstanding });
        c.holders.delete(id);
      }
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
    /** Lease counted as possibly spent (vanished or restarted holders). */
    lost: number;
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
          lost: c.lost,
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
