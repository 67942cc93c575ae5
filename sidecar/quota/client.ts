// The lease client: every applicable quota limit has a local lease that calls spend with no
// network wait. A background loop reports spend, renews leases and tops them up before they run
// dry (low-water mark from the recent spend rate); one batched call carries every limit.
//
// check() admits or denies from local state only:
//   - the lease covers the request                                   -> admit
//   - it does not, but the service said budget is left unallocated   -> admit on an overdraft (at
//     most our share of that budget) and ask for more right away
//   - the service is unreachable and the lease is spent               -> failurePolicy decides
//   - the service has not answered for this limit yet                 -> failurePolicy decides
//     (callers first await ready(), which waits for that first answer, bounded by readyTimeoutMs)
//   - the service said the budget is gone                             -> deny (Enforce) or record
//     a would-be denial (Shadow)
// settle() replaces the reservation (the estimate) with what the call really spent.
import type { Dimension, LimitConfig, QuotaConfig } from '../snapshot/schema.ts';
import { KeyedLeases, type KeyOf, NO_KEY } from './keys.ts';
import type { LeaseAnswer, LeaseItem } from './ledger.ts';
import type { LeaseRequest, LeaseResult, QuotaService } from './service.ts';
import { humanDuration, parseWindow, type Window } from './window.ts';

/** An amount in every dimension: what a call is estimated to spend, or did spend. */
export type Measure = Record<Dimension, number>;

export type QuotaDecision = 'admit' | 'deny' | 'shadow-deny' | 'fail-open';

export interface QuotaDenial {
  quota: string;
  limit: string;
  /** 429 for every quota denial; the code says which kind. */
  status: 429;
  code: 'quota_exceeded' | 'quota_unavailable';
  message: string;
  retryAfterSeconds: number;
}

export interface QuotaTicket {
  readonly reservations: ReadonlyMap<LimitLease, number>;
  /** The limits in force at check time (a fallback to another model may make more of them apply). */
  readonly limits: readonly LimitLease[];
  settled: boolean;
}

export interface QuotaCheck {
  decision: QuotaDecision;
  /** Set when decision is deny (Enforce) or shadow-deny (what would have been sent). */
  denial?: QuotaDenial;
  /** Limits that would have denied in Shadow mode. */
  shadowDenied: { quota: string; limit: string }[];
  ticket: QuotaTicket;
}

export interface QuotaClientOptions {
  /** Stable id of this sidecar (pod name / uid) for the service's per-holder accounting. */
  holder: string;
  now?: () => number;
  /** How often spend is reported when there is some. */
  reportMs?: number;
  /** A lease is topped up when it would last less than this at the recent spend rate. */
  lowWaterMs?: number;
  /** A top-up aims to last this long at the recent spend rate. */
  horizonMs?: number;
  /** A lease unused this long is given back. */
  idleMs?: number;
  /** Least time between two lease calls (bursts of top-ups coalesce). */
  minGapMs?: number;
  /** How long ready() waits for a limit's first answer before failurePolicy decides. */
  readyTimeoutMs?: number;
  onError?: (err: unknown) => void;
  /** Start the background loop (tests drive sync() by hand). */
  timer?: boolean;
  /** Most per-key leases (partitioned limits) kept at once; the least recently used go first. */
  maxKeys?: number;
  /** Most lease items in one call; more go in parallel calls. */
  maxBatch?: number;
  /** A per-key lease unused this long is given back (end users come and go; default 15 s). */
  keyIdleMs?: number;
}

const UNITS: Record<Dimension, string> = {
  requests: 'requests',
  tokens: 'tokens',
  inputTokens: 'input tokens',
  outputTokens: 'output tokens',
  costUSD: 'USD',
};

const RATE_TAU_MS = 3_000;
/** A batch part that never reached the service (its items are reported again). */
const UNSENT = 'unsent';

function modelFilter(models: readonly string[] | undefined): (model: string) => boolean {
  if (!models || models.length === 0) return () => true;
  const exact = new Set(models.filter((m) => !m.endsWith('*')));
  const prefixes = models.filter((m) => m.endsWith('*')).map((m) => m.slice(0, -1));
  return (model) => exact.has(model) || prefixes.some((p) => model.startsWith(p));
}

/** One limit's local lease. */
export class LimitLease {
  readonly quota: QuotaConfig;
  readonly limit: LimitConfig;
  readonly key: string;
  /** A partitioned limit's key (end user, API consumer) this lease is for. */
  readonly partition?: string;
  /** Evicted from the key table: handed back on the next sync, then forgotten. */
  evicted = false;
  /** The quota service term that last answered (a leader change starts a new one). */
  term: string | undefined;
  /** Reported and acknowledged in this window, to any term. */
  acked = 0;
  /** Acknowledged by earlier terms, owed once to the current one (see LeaseItem.carry). */
  carry = 0;
  readonly window: Window;
  readonly matches: (model: string) => boolean;
  readonly unlimitedModels: boolean;

  windowEnd = 0;
  /** Unspent lease as the service sees it, minus what settled since its last answer. */
  held = 0;
  /** Estimates of calls in flight. */
  reserved = 0;
  /** Settled spend not yet reported. */
  unreported = 0;
  /** Spend settled while a report is in flight (the answer does not include it yet). */
  settledInFlight = 0;
  /** Spend settled since the last answer (not in lastUsed yet). */
  spentSinceAnswer = 0;
  /**
   * The service has answered, for this window or an earlier one (a rolled window spends our share
   * of the fresh budget on an overdraft until the next answer). Never answered: nothing is admitted.
   */
  known = false;
  /** What an overdraft may still take before the next answer. */
  overdraft = 0;
  lastUsed = 0;
  lastUnallocated = 0;
  holders = 1;
  expiresAt = 0;
  /** Lease time-to-live the service grants (learnt from its answers). */
  ttlMs = 20_000;
  /** The last answer was an error for this limit (unknown quota): treated as unreachable. */
  failed = false;
  rate = 0;
  rateAt = 0;
  lastSpendAt = 0;
  /** Typical reservation size (decayed average). */
  typical = 0;
  recheckAt = 0;
  /** A denied call needed this much: asked for above the fair share at the next call. */
  need = 0;
  wantNow = false;

  constructor(quota: QuotaConfig, limit: LimitConfig, partition?: string) {
    this.quota = quota;
    this.limit = limit;
    this.key = `${quota.id}\u0000${limit.name}`;
    if (partition !== undefined) this.partition = partition;
    this.window = parseWindow(limit.window);
    this.matches = modelFilter(limit.models);
    this.unlimitedModels = !limit.models || limit.models.length === 0;
  }

  appliesTo(models: readonly (string | undefined)[]): boolean {
    return this.unlimitedModels || models.some((m) => m !== undefined && this.matches(m));
  }

  get dimension(): Dimension {
    return this.limit.dimension;
  }

  /** Starts a new window when the clock passed the end of this one. */
  roll(now: number): void {
    if (now < this.windowEnd) return;
    const { end } = this.window.bounds(now);
    this.windowEnd = end;
    this.held = 0;
    this.unreported = 0;
    this.settledInFlight = 0;
    this.spentSinceAnswer = 0;
    this.expiresAt = 0;
    this.acked = 0;
    this.carry = 0;
    // A fresh window starts full: once the service has answered before (so `holders` is real), our
    // share of it is a safe overdraft until it answers again.
    this.lastUsed = 0;
    this.lastUnallocated = this.limit.amount;
    this.overdraft = this.known ? this.limit.amount / Math.max(1, this.holders) : 0;
    this.wantNow = true;
  }

  spend(amount: number, now: number): void {
    this.rate = this.rate * Math.exp(-(now - this.rateAt) / RATE_TAU_MS) + amount / RATE_TAU_MS;
    this.rateAt = now;
    this.lastSpendAt = now;
  }

  currentRate(now: number): number {
    return this.rate * Math.exp(-(now - this.rateAt) / RATE_TAU_MS);
  }

  available(now: number): number {
    const lease = now < this.expiresAt ? this.held : Math.min(this.held, 0);
    return lease - this.reserved;
  }

  lowWater(now: number, lowWaterMs: number): number {
    return Math.max(this.currentRate(now) * lowWaterMs, this.typical);
  }

  describe(): string {
    const amount = this.dimension === 'costUSD' ? this.limit.amount.toFixed(2) : String(this.limit.amount);
    return `${amount} ${UNITS[this.dimension]} per ${this.limit.window}`;
  }
}

function measureOf(m: Partial<Measure>, d: Dimension): number {
  return m[d] ?? 0;
}

export class QuotaClient {
  readonly #service: QuotaService;
  readonly #holder: string;
  readonly #now: () => number;
  readonly #reportMs: number;
  readonly #lowWaterMs: number;
  readonly #horizonMs: number;
  readonly #idleMs: number;
  readonly #onError: (err: unknown) => void;
  #limits: LimitLease[] = [];
  #byKey = new Map<string, LimitLease>();
  /** Partitioned limits: one template each; the per-key leases live in #keyed. */
  #templates: LimitLease[] = [];
  readonly #keyed: KeyedLeases<LimitLease>;
  /** The quota service term last seen (see LeaseItem.carry). */
  #term: string | undefined;
  readonly #maxBatch: number;
  readonly #keyIdleMs: number;
  #needsTokens = false;
  #inflight: Promise<void> | undefined;
  #followUp: Promise<void> | undefined;
  #again = false;
  #reachable = true;
  #lastReport = 0;
  #lastStart = Number.NEGATIVE_INFINITY;
  readonly #minGapMs: number;
  readonly #readyTimeoutMs: number;
  /** Some limit has had no answer yet (and no error): ready() has something to wait for. */
  #unanswered = false;
  /** Resolved when the lease call on the wire completes (answered or failed). */
  #round: PromiseWithResolvers<void> | undefined;
  #pending: NodeJS.Timeout | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(service: QuotaService, opts: QuotaClientOptions) {
    this.#service = service;
    this.#holder = opts.holder;
    this.#now = opts.now ?? Date.now;
    this.#reportMs = opts.reportMs ?? 1_000;
    this.#lowWaterMs = opts.lowWaterMs ?? 1_500;
    this.#horizonMs = opts.horizonMs ?? 5_000;
    this.#idleMs = opts.idleMs ?? 60_000;
    this.#keyIdleMs = Math.min(this.#idleMs, opts.keyIdleMs ?? 15_000);
    this.#minGapMs = opts.minGapMs ?? 100;
    this.#readyTimeoutMs = opts.readyTimeoutMs ?? 2_000;
    this.#onError = opts.onError ?? (() => {});
    this.#keyed = new KeyedLeases(opts.maxKeys ?? 10_000);
    this.#maxBatch = opts.maxBatch ?? 2_000;
    if (opts.timer !== false) {
      this.#timer = setInterval(() => this.#tick(), Math.min(250, this.#reportMs));
      this.#timer.unref();
    }
  }

  get reachable(): boolean {
    return this.#reachable;
  }

  get limits(): readonly LimitLease[] {
    return this.#limits;
  }

  /** Some limit is partitioned (per): calls pass their keys to ready() and check(). */
  get partitioned(): boolean {
    return this.#templates.length > 0;
  }

  /** Per-key leases held now (bounded by maxKeys, plus those being handed back). */
  get keyedLeases(): number {
    return this.#keyed.size;
  }

  /** Some limit counts tokens or USD: calls need a token estimate (decided per snapshot). */
  get needsTokens(): boolean {
    return this.#needsTokens;
  }

  /** The quotas of a new snapshot. Leases of unchanged limits carry over; new ones are fetched now. */
  configure(quotas: readonly QuotaConfig[]): void {
    this.#service.configure?.(quotas);
    const next: LimitLease[] = [];
    const byKey = new Map<string, LimitLease>();
    const templates: LimitLease[] = [];
    const now = this.#now();
    for (const q of quotas) {
      for (const l of q.limits) {
        if (l.per) {
          const t = new LimitLease(q, l);
          const prev = this.#templates.find((p) => p.key === t.key);
          // Unchanged: the per-key leases carry over; otherwise they start over with the new config.
          templates.push(prev && sameTemplate(prev, t) ? prev : t);
          continue;
        }
        const key = `${q.id}\u0000${l.name}`;
        const prev = this.#byKey.get(key);
        let lease: LimitLease;
        if (
          prev &&
          prev.limit.window === l.window &&
          prev.limit.dimension === l.dimension &&
          prev.limit.amount === l.amount &&
          JSON.stringify(prev.limit.models) === JSON.stringify(l.models) &&
          prev.quota.enforcement === q.enforcement &&
          prev.quota.failurePolicy === q.failurePolicy
        ) {
          lease = prev;
        } else {
          lease = new LimitLease(q, l);
          // Same window and dimension (a new amount or policy): the spend bookkeeping carries over.
          if (prev && prev.limit.window === l.window && prev.limit.dimension === l.dimension)
            Object.assign(lease, pickState(prev));
          lease.roll(now);
          lease.lastSpendAt = now;
          lease.wantNow = true;
        }
        next.push(lease);
        byKey.set(key, lease);
      }
    }
    this.#limits = next;
    this.#byKey = byKey;
    const kept = new Set(templates.filter((t) => this.#templates.includes(t)).map((t) => t.key));
    this.#templates = templates;
    this.#keyed.retain(kept);
    this.#needsTokens = [...next, ...templates].some((l) => l.dimension !== 'requests');
    this.#unanswered = next.some((l) => !l.known && !l.failed);
    if (next.some((l) => l.wantNow)) void this.sync();
  }

  /**
   * Call before check(): undefined (no promise, no allocation) when every limit has had its first
   * answer; otherwise a promise that resolves once the limits that apply to `models` have it, the
   * service failed, or readyTimeoutMs passed. check() then applies failurePolicy to a limit still
   * unanswered, so a fleet that starts together cannot admit a burst each against nothing.
   */
  ready(models: readonly (string | undefined)[], keyOf?: KeyOf): Promise<void> | undefined {
    // A key seen for the first time makes its lease here (and asks for it).
    if (this.#templates.length > 0) this.#applicable(models, keyOf, this.#now());
    if (!this.#unanswered || !this.#reachable || !this.#waiting(models, keyOf)) return undefined;
    return this.#whenAnswered(models, keyOf);
  }

  #waiting(models: readonly (string | undefined)[], keyOf?: KeyOf): boolean {
    for (const l of this.#limits) if (!l.known && !l.failed && l.appliesTo(models)) return true;
    if (this.#templates.length === 0) return false;
    for (const l of this.#applicable(models, keyOf, this.#now()))
      if (l.partition !== undefined && !l.known && !l.failed) return true;
    return false;
  }

  /** The leases a call spends: the limits that apply to its models, per-key ones for its keys. */
  #applicable(models: readonly (string | undefined)[], keyOf: KeyOf | undefined, now: number): LimitLease[] {
    const out = this.#limits.filter((l) => l.appliesTo(models));
    for (const t of this.#templates) {
      if (!t.appliesTo(models)) continue;
      const key = keyOf?.(t.limit) ?? NO_KEY;
      out.push(this.#keyed.get(t.key, key, now, () => this.#keyLease(t, key, now)));
    }
    return out;
  }

  #keyLease(t: LimitLease, key: string, now: number): LimitLease {
    const l = new LimitLease(t.quota, t.limit, key);
    l.roll(now);
    l.wantNow = true;
    this.#unanswered = true;
    return l;
  }

  #idleOf(l: LimitLease): number {
    return l.partition === undefined ? this.#idleMs : this.#keyIdleMs;
  }

  /** Every lease: the plain limits', then the per-key ones (those being handed back included). */
  *#all(): Generator<LimitLease> {
    yield* this.#limits;
    if (this.#templates.length > 0 || this.#keyed.size > 0) yield* this.#keyed.all();
  }

  async #whenAnswered(models: readonly (string | undefined)[], keyOf?: KeyOf): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#readyTimeoutMs);
      timer.unref();
    });
    try {
      // A call already on the wire may predate these limits (a new snapshot): configure() queued
      // the next one, which carries them (wantNow).
      while (!this.#closed && this.#reachable && this.#waiting(models, keyOf)) {
        if (!this.#inflight && !this.#followUp) this.#kick();
        this.#round ??= Promise.withResolvers();
        if ((await Promise.race([this.#round.promise, timeout])) === 'timeout') return;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Admission, from local state only. `models`: the names the call may be billed under (the
   * requested model and the backend's); a limit with a model filter applies when one matches.
   */
  check(models: readonly (string | undefined)[], estimate: Partial<Measure>, keyOf?: KeyOf): QuotaCheck {
    const now = this.#now();
    const applicable = this.#applicable(models, keyOf, now);
    const reservations = new Map<LimitLease, number>();
    // Per-key leases settle where they were reserved (a fallback does not move a call to another key).
    const limits =
      applicable.length > 0 && applicable.at(-1)!.partition !== undefined
        ? [...this.#limits, ...applicable.filter((l) => l.partition !== undefined)]
        : this.#limits;
    const ticket: QuotaTicket = { reservations, limits, settled: false };
    const shadowDenied: { quota: string; limit: string }[] = [];
    let denial: QuotaDenial | undefined;
    let shadowDenial: QuotaDenial | undefined;
    let failOpen = false;
    let kick = false;
    const overdrafts: [LimitLease, number][] = [];

    for (const l of applicable) {
      l.roll(now);
      const need = measureOf(estimate, l.dimension);
      l.typical = l.typical === 0 ? need : l.typical * 0.9 + need * 0.1;
      const available = l.available(now);
      let verdict: 'ok' | 'exhausted' | 'unreachable' = 'ok';
      if (need <= 0 || available >= need) {
        verdict = 'ok';
      } else if (!this.#reachable || l.failed || !l.known) {
        // Not answered yet (the caller did not wait, or the wait timed out): as if unreachable.
        verdict = 'unreachable';
      } else {
        const shortfall = need - Math.max(available, 0);
        if (l.overdraft >= shortfall) {
          overdrafts.push([l, shortfall]);
          verdict = 'ok';
        } else {
          verdict = 'exhausted';
        }
      }
      // Top up before running dry; once the service has nothing left, ask no faster than rechecks.
      if (
        available - need < l.lowWater(now, this.#lowWaterMs) &&
        (l.lastUnallocated > 0 || now >= l.recheckAt)
      ) {
        l.recheckAt = now + this.#reportMs;
        l.wantNow = true;
        kick = true;
      }
      if (verdict === 'ok') continue;
      if (verdict === 'unreachable' && l.quota.failurePolicy === 'FailOpen') {
        failOpen = true;
        continue;
      }
      if (verdict === 'exhausted') l.need = Math.max(l.need, need);
      const d = this.#denial(l, verdict, need, now);
      if (l.quota.enforcement === 'Shadow') {
        shadowDenied.push({ quota: l.quota.id, limit: l.limit.name });
        shadowDenial ??= d;
      } else {
        denial ??= d;
      }
    }
    if (kick) this.#kick();
    if (denial) return { decision: 'deny', denial, shadowDenied, ticket };

    for (const [l, shortfall] of overdrafts) l.overdraft -= shortfall;
    for (const l of applicable) {
      const need = measureOf(estimate, l.dimension);
      l.reserved += need;
      l.spend(need, now);
      reservations.set(l, need);
    }
    const decision: QuotaDecision = shadowDenial ? 'shadow-deny' : failOpen ? 'fail-open' : 'admit';
    return { decision, denial: shadowDenial, shadowDenied, ticket };
  }

  #denial(l: LimitLease, verdict: 'exhausted' | 'unreachable', need: number, now: number): QuotaDenial {
    const resetMs = Math.max(0, l.windowEnd - now);
    const name = `quota ${l.quota.id} limit ${l.limit.name}${l.partition !== undefined ? ` for key ${JSON.stringify(l.partition)}` : ''}`;
    if (verdict === 'unreachable') {
      const why =
        this.#reachable && !l.failed && !l.known
          ? 'the quota service has not answered for it yet'
          : "the quota service is unreachable and this sidecar's lease is spent";
      return {
        quota: l.quota.id,
        limit: l.limit.name,
        status: 429,
        code: 'quota_unavailable',
        message: `${name} cannot be checked: ${why} (failurePolicy FailClosed)`,
        retryAfterSeconds: Math.max(1, Math.min(Math.ceil(resetMs / 1000), 5)),
      };
    }
    // Others still hold part of the budget in leases: a refill is likely soon. Otherwise only the reset helps.
    const othersHold =
      l.limit.amount - l.lastUsed - l.spentSinceAnswer - l.reserved - Math.max(0, l.available(now));
    const retryMs = othersHold >= need ? Math.min(resetMs, 2 * this.#reportMs) : resetMs;
    return {
      quota: l.quota.id,
      limit: l.limit.name,
      status: 429,
      code: 'quota_exceeded',
      message: `${name} exhausted (${l.describe()}); resets in ${humanDuration(resetMs)}`,
      retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)),
    };
  }

  /**
   * What the call really spent, once it is done (streams included). `model`: the model that
   * served, which decides the model filters (a fallback may have moved the call).
   */
  settle(ticket: QuotaTicket, actual: Partial<Measure>, models?: readonly (string | undefined)[]): void {
    if (ticket.settled) return;
    ticket.settled = true;
    const now = this.#now();
    for (const l of ticket.limits) {
      const reserved = ticket.reservations.get(l);
      if (reserved !== undefined) l.reserved = Math.max(0, l.reserved - reserved);
      // The models that served decide: a fallback can move a call into (or out of) a filtered limit.
      const applies = models === undefined ? reserved !== undefined : l.appliesTo(models);
      const spent = measureOf(actual, l.dimension);
      if (!applies || spent <= 0) continue;
      l.roll(now);
      l.held -= spent;
      l.unreported += spent;
      l.spentSinceAnswer += spent;
      if (this.#inflight) l.settledInFlight += spent;
    }
  }

  /** Gives back a reservation without spending (the call never reached anything billable). */
  cancel(ticket: QuotaTicket): void {
    this.settle(ticket, {});
  }

  #tick(): void {
    if (this.#closed) return;
    const now = this.#now();
    let due = false;
    if (this.#keyed.size > 0) this.#keyed.dropIdle(now, this.#keyIdleMs);
    for (const l of this.#all()) {
      l.roll(now);
      const reportDue = now - this.#lastReport >= this.#reportMs;
      if (l.wantNow) due = true;
      else if (l.unreported > 0 && reportDue) due = true;
      else if (l.known && l.held > 0 && l.expiresAt - now < Math.max(2_000, l.ttlMs / 2)) due = true;
      else if (
        reportDue &&
        now - l.lastSpendAt < this.#idleOf(l) &&
        l.available(now) < l.lowWater(now, this.#lowWaterMs)
      )
        due = true;
      else if (l.known && l.held > 0 && now - l.lastSpendAt > this.#idleOf(l) && l.reserved === 0) due = true;
      else if (l.evicted || l.carry > 0) due = true;
    }
    if (due) this.#kick();
  }

  /** Starts a sync now, or soon: calls are spaced by minGapMs, and by a second while unreachable. */
  #kick(): void {
    if (this.#closed) return;
    if (this.#inflight) {
      this.#again = true;
      return;
    }
    const now = this.#now();
    const gap = (this.#reachable ? this.#minGapMs : 1_000) - (now - this.#lastStart);
    if (gap > 0) {
      if (!this.#pending) {
        this.#pending = setTimeout(() => {
          this.#pending = undefined;
          this.#kick();
        }, gap);
        this.#pending.unref();
      }
      return;
    }
    void this.sync();
  }

  /**
   * One batched call: reports, renewals, top-ups and releases. Concurrent calls coalesce: while
   * one is on the wire, callers get the follow-up call, which carries what changed meanwhile.
   */
  sync(): Promise<void> {
    if (this.#inflight) {
      this.#followUp ??= this.#inflight.then(() => {
        this.#followUp = undefined;
        return this.sync();
      });
      return this.#followUp;
    }
    this.#lastStart = this.#now();
    this.#inflight = this.#syncOnce().finally(() => {
      this.#inflight = undefined;
      const round = this.#round;
      this.#round = undefined;
      round?.resolve();
      if (this.#again && !this.#closed) {
        this.#again = false;
        this.#kick();
      }
    });
    return this.#inflight;
  }

  async #syncOnce(release = false): Promise<void> {
    const now = this.#now();
    const items: LeaseItem[] = [];
    const sent: [LimitLease, number, number][] = [];
    if (this.#keyed.size > 0) this.#keyed.dropIdle(now, this.#keyIdleMs);
    for (const l of this.#all()) {
      l.roll(now);
      const idle = (l.evicted || now - l.lastSpendAt > this.#idleOf(l)) && l.reserved === 0;
      const available = l.available(now);
      const rate = l.currentRate(now);
      let want = 0;
      if (!release && !idle) {
        const target = Math.max(rate * this.#horizonMs, 2 * l.typical, l.known ? 0 : l.limit.amount * 0.02);
        want = Math.max(0, target - available);
      }
      // A lease too small for the call that was denied is handed back and the call's need asked
      // for instead: fragments scattered over many holders become usable again.
      const need = release ? 0 : l.need;
      const fragment = need > 0 && available > 0 && available < need && l.reserved === 0;
      const releasing = release || fragment || (idle && l.known && l.held > 0);
      // A per-key lease rides along only when it has something to say (100,000 keys, few of them busy).
      const renew =
        l.held > 0 &&
        l.known &&
        (l.partition === undefined || l.expiresAt - now < Math.max(2_000, l.ttlMs / 2));
      if (!l.wantNow && want === 0 && l.unreported === 0 && !releasing && !renew && !(l.carry > 0)) continue;
      items.push({
        quota: l.quota.id,
        limit: l.limit.name,
        want,
        used: l.unreported,
        window: l.windowEnd,
        held: now < l.expiresAt ? Math.max(0, l.held + l.unreported) : 0,
        reserved: l.reserved,
        ...(releasing ? { release: true } : {}),
        ...(need > 0 ? { need } : {}),
        ...(l.partition !== undefined ? { key: l.partition } : {}),
        ...(l.carry > 0 ? { carry: l.carry } : {}),
        ...(l.acked > 0 ? { acked: l.acked } : {}),
      });
      sent.push([l, l.unreported, l.carry]);
      l.unreported = 0;
      l.settledInFlight = 0;
      l.wantNow = false;
      l.need = 0;
    }
    if (items.length === 0) return;
    this.#lastReport = now;
    let results: LeaseResult[];
    try {
      if (items.length <= this.#maxBatch) {
        results = (await this.#service.lease(this.#request(items))).leases;
        if (!Array.isArray(results) || results.length !== items.length)
          throw new Error('malformed lease answer');
      } else results = await this.#leaseParts(items);
    } catch (err) {
      // Nothing was counted: report it again next time (and keep asking for first answers).
      for (const [l, used] of sent) {
        l.unreported += used;
        if (!l.known) l.wantNow = true;
      }
      if (this.#reachable) this.#onError(err);
      this.#reachable = false;
      return;
    }
    this.#reachable = true;
    for (let i = 0; i < sent.length; i++) {
      const [l] = sent[i];
      const r = results[i];
      if ('error' in r && r.code === UNSENT) {
        l.unreported += sent[i]![1];
        if (!l.known) l.wantNow = true;
        continue;
      }
      if ('error' in r) {
        l.failed = true;
        this.#onError(new Error(`quota ${r.quota} limit ${r.limit}: ${r.error}`));
        continue;
      }
      l.failed = false;
      this.#apply(l, r);
      this.#acknowledge(l, r, sent[i]![1], sent[i]![2]);
    }
    // A new term (leader change): every lease not in this call owes it what earlier terms counted.
    const term = results.find((r): r is LeaseAnswer => !('error' in r) && r.term !== undefined)?.term;
    if (term !== undefined && term !== this.#term) {
      if (this.#term !== undefined) {
        const inCall = new Set(sent.map(([l]) => l));
        for (const l of this.#all()) {
          if (inCall.has(l) || l.term === term || l.acked <= 0) continue;
          l.carry = l.acked;
          l.term = term;
        }
      }
      this.#term = term;
    }
    this.#keyed.settleLeaving();
    if (this.#unanswered) {
      let waiting = false;
      for (const l of this.#all()) if (!l.known && !l.failed) waiting = true;
      this.#unanswered = waiting;
    }
  }

  #request(leases: LeaseItem[]): LeaseRequest {
    return { holder: this.#holder, ...(this.#term ? { term: this.#term } : {}), leases };
  }

  /** A batch larger than maxBatch items: several lease calls in parallel. */
  async #leaseParts(items: LeaseItem[]): Promise<LeaseResult[]> {
    const call = async (part: LeaseItem[]) => {
      const r = (await this.#service.lease(this.#request(part))).leases;
      if (!Array.isArray(r) || r.length !== part.length) throw new Error('malformed lease answer');
      return r;
    };
    const parts: LeaseItem[][] = [];
    for (let i = 0; i < items.length; i += this.#maxBatch) parts.push(items.slice(i, i + this.#maxBatch));
    const settled = await Promise.allSettled(parts.map(call));
    if (settled.every((r) => r.status === 'rejected')) throw (settled[0] as PromiseRejectedResult).reason;
    // A part that failed was not counted: its items are marked so their spend is reported again.
    return settled.flatMap((r, i) =>
      r.status === 'fulfilled'
        ? r.value
        : parts[i]!.map((it) => ({ quota: it.quota, limit: it.limit, error: 'unreachable', code: UNSENT })),
    );
  }

  #apply(l: LimitLease, a: LeaseAnswer): void {
    if (a.resetsAt !== l.windowEnd) {
      // Our clock and the service's disagree about the window: follow the service.
      if (a.resetsAt < l.windowEnd) return;
      l.windowEnd = a.resetsAt;
      l.settledInFlight = 0;
    }
    l.held = a.balance - l.settledInFlight;
    // The answer counts what we reported, not what settled while it was on its way.
    l.spentSinceAnswer = l.settledInFlight;
    l.settledInFlight = 0;
    l.known = true;
    l.expiresAt = a.expiresAt;
    l.ttlMs = Math.max(1_000, a.expiresAt - this.#now());
    l.lastUsed = a.used;
    l.lastUnallocated = a.unallocated;
    l.holders = a.holders;
    l.overdraft = a.unallocated / Math.max(1, a.holders);
  }

  /**
   * What the service now counts of ours. A new term (leader change) gets, once, everything earlier
   * terms acknowledged in this window: it may know of it only from our word.
   */
  #acknowledge(l: LimitLease, a: LeaseAnswer, used: number, carried: number): void {
    if (a.resetsAt !== l.windowEnd) return;
    // A call to a term new to us carried our acked total already (answerBatch): nothing owed.
    l.carry = a.term !== undefined && a.term !== l.term ? 0 : Math.max(0, l.carry - carried);
    if (a.term !== undefined) l.term = a.term;
    l.acked += used;
  }

  /** Reports what is left and gives every lease back (SIGTERM). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    clearTimeout(this.#pending);
    this.#round?.resolve();
    await this.#inflight?.catch(() => {});
    await this.#syncOnce(true).catch(() => {});
  }
}

function sameTemplate(a: LimitLease, b: LimitLease): boolean {
  return (
    JSON.stringify(a.limit) === JSON.stringify(b.limit) &&
    a.quota.enforcement === b.quota.enforcement &&
    a.quota.failurePolicy === b.quota.failurePolicy
  );
}

function pickState(prev: LimitLease): Partial<LimitLease> {
  return {
    windowEnd: prev.windowEnd,
    held: prev.held,
    reserved: prev.reserved,
    unreported: prev.unreported,
    rate: prev.rate,
    rateAt: prev.rateAt,
    typical: prev.typical,
    holders: prev.holders,
    expiresAt: prev.expiresAt,
    known: prev.known,
  };
}
