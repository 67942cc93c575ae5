// The lease client: every applicable quota limit has a local lease that calls spend with no
// network wait. A background loop reports spend, renews leases and tops them up before they run
// dry (low-water mark from the recent spend rate); one batched call carries every limit.
//
// check() admits or denies from local state only; every admitted call is backed by lease the
// service granted, so admitted usage never exceeds a limit (tokens and USD: settling above the
// estimate aside):
//   - the estimate alone is above the limit                          -> refuse for good (400,
//     quota_request_too_large, no retry-after: waiting never helps)
//   - the lease covers the request                                   -> admit
//   - it does not, but the namespace's budget (as last answered, minus our spend and calls in
//     flight since) still covers it                                  -> "short": ask for the call's
//     need right away; the caller waits for the answer (waitForLease, bounded) and checks again
//   - the service is unreachable and the lease is spent               -> failurePolicy decides
//   - the service has not answered for this limit yet                 -> failurePolicy decides
//     (callers first await ready(), which waits for that first answer, bounded by readyTimeoutMs)
//   - the service said the budget is gone                             -> deny (Enforce) or record
//     a would-be denial (Shadow)
// settle() replaces the reservation (the estimate) with what the call really spent, in the window
// the call was admitted in (a call that ends after its window rolled charges nothing to the new one).
import { randomUUID } from 'node:crypto';
import type { Dimension, LimitConfig, QuotaConfig } from '../snapshot/schema.ts';
import type { LeaseJournal, LeaseRecord } from './journal.ts';
import { KeyedLeases, type KeyOf, NO_KEY } from './keys.ts';
import type { LeaseAnswer, LeaseItem } from './ledger.ts';
import type { LeaseRequest, LeaseResult, QuotaService } from './service.ts';
import { humanDuration, parseWindow, type Window } from './window.ts';

/** An amount in every dimension: what a call is estimated to spend, or did spend. */
export type Measure = Record<Dimension, number>;

/**
 * What a call is estimated to spend. When the app set no max_tokens the output part is a default
 * (the model's declared maximum, else 1024) that a limit may replace with its own reserveOutputTokens.
 */
export interface Estimate extends Partial<Measure> {
  /** The output part is a default, not the app's max_tokens. */
  outputDefaulted?: boolean;
  /** USD per output token of the serving model (re-prices a replaced output reserve). */
  usdPerOutputToken?: number;
}

export type QuotaDecision = 'admit' | 'deny' | 'shadow-deny' | 'fail-open';

export interface QuotaDenial {
  quota: string;
  limit: string;
  /** 429 when waiting can help (retry-after says how long), 400 when the request can never fit. */
  status: 429 | 400;
  code: 'quota_exceeded' | 'quota_unavailable' | 'quota_request_too_large';
  message: string;
  /** Absent for quota_request_too_large: retrying the same request never helps. */
  retryAfterSeconds?: number;
}

export interface QuotaTicket {
  /** Per limit: the reservation and the window (its end) it was taken from. */
  readonly reservations: Map<LimitLease, { amount: number; windowEnd: number }>;
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
  /**
   * Denied only because a lease is short while the budget covers the call: a lease call asking
   * for it is on its way; await waitForLease() and check again.
   */
  short?: boolean;
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
  /** How long a call whose lease is short (while the budget covers it) waits for more. */
  maxWaitMs?: number;
  onError?: (err: unknown) => void;
  /** Start the background loop (tests drive sync() by hand). */
  timer?: boolean;
  /** Most per-key leases (partitioned limits) kept at once; the least recently used go first. */
  maxKeys?: number;
  /** Most lease items in one call; more go in parallel calls. */
  maxBatch?: number;
  /** A per-key lease unused this long is given back (end users come and go; default 15 s). */
  keyIdleMs?: number;
  /**
   * Where the leases are kept across a crash of this process (journal.ts): a restarted sidecar
   * carries on as the same holder instead of leaving its leases counted as spent.
   */
  journal?: LeaseJournal;
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

/** Model names compare trimmed and case-insensitively: "GPT-4o " is gpt-4o to a provider, so to a limit too. */
export function normalizeModel(model: string): string {
  return model.trim().toLowerCase();
}

function modelFilter(models: readonly string[] | undefined): (model: string) => boolean {
  if (!models || models.length === 0) return () => true;
  const names = models.map(normalizeModel);
  const exact = new Set(names.filter((m) => !m.endsWith('*')));
  const prefixes = names.filter((m) => m.endsWith('*')).map((m) => m.slice(0, -1));
  return (model) => {
    const m = normalizeModel(model);
    return exact.has(m) || prefixes.some((p) => m.startsWith(p));
  };
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
  /** Reported in the lease call on the wire, not acknowledged yet. */
  sending = 0;
  /** Spend settled while a report is in flight (the answer does not include it yet). */
  settledInFlight = 0;
  /** Spend settled since the last answer (not in lastUsed yet). */
  spentSinceAnswer = 0;
  /** The service has answered, for this window or an earlier one. Never answered: nothing is admitted. */
  known = false;
  lastUsed = 0;
  /** Lease the service counts as spent by holders gone without a report (as last answered). */
  lastLost = 0;
  lastUnallocated = 0;
  holders = 1;
  expiresAt = 0;
  /** The last answer's seq (echoed, so the service can tell a lost answer from a restart). */
  seq: number | undefined = undefined;
  /** Lease time-to-live the service grants (learnt from its answers). */
  ttlMs = 20_000;
  /** The last answer was an error for this limit (unknown quota): treated as unreachable. */
  failed = false;
  /** What calls really spend, per ms (decayed; from settles, not estimates). */
  rate = 0;
  rateAt = 0;
  /** Most estimates in flight at once, lately (decayed): the lease that concurrency needs. */
  peak = 0;
  peakAt = 0;
  lastSpendAt = 0;
  /** Typical reservation size (decayed average). */
  typical = 0;
  recheckAt = 0;
  /** A denied call needed this much: asked for above the fair share at the next call. */
  need = 0;
  wantNow = false;
  /** The service refused someone lately: lease above what we use goes back at the next tick. */
  contended = false;

  constructor(quota: QuotaConfig, limit: LimitConfig, partition?: string) {
    this.quota = quota;
    this.limit = limit;
    this.key = `${quota.id}\u0000${limit.name}`;
    if (partition !== undefined) this.partition = partition;
    this.window = parseWindow(limit.window);
    this.matches = modelFilter(limit.models);
    this.unlimitedModels = !limit.models || limit.models.length === 0;
  }

  /** The lease's name in the journal: the limit's key, and the partition key for a per-key lease. */
  get journalId(): string {
    return this.partition === undefined ? this.key : `${this.key}\u0000${this.partition}`;
  }

  record(): LeaseRecord {
    return {
      w: this.windowEnd,
      h: this.held,
      r: this.reserved,
      u: this.unreported + this.sending,
      a: this.acked,
      c: this.carry,
      ...(this.term !== undefined ? { t: this.term } : {}),
      ...(this.seq !== undefined ? { s: this.seq } : {}),
      e: this.expiresAt,
      k: this.known,
    };
  }

  /**
   * Carries on from what the previous process journaled in this window: its calls in flight died
   * with it, and may have been served, so their estimates count as spent and are reported.
   */
  restore(r: LeaseRecord): void {
    this.held = r.h - r.r;
    this.reserved = 0;
    this.unreported = r.u + r.r;
    this.acked = r.a;
    this.carry = r.c;
    this.term = r.t;
    this.seq = r.s;
    this.expiresAt = r.e;
    this.known = r.k;
    this.wantNow = true;
  }

  appliesTo(models: readonly (string | undefined)[]): boolean {
    return this.unlimitedModels || models.some((m) => m !== undefined && this.matches(m));
  }

  get dimension(): Dimension {
    return this.limit.dimension;
  }

  /**
   * Starts a new window when the clock passed the end of this one. Leases and reservations belong
   * to their window: the new one starts with nothing, and its first calls wait for its first lease.
   */
  roll(now: number): void {
    if (now < this.windowEnd) return;
    this.startWindow(this.window.bounds(now).end);
  }

  startWindow(end: number): void {
    this.windowEnd = end;
    this.held = 0;
    this.reserved = 0;
    this.unreported = 0;
    this.sending = 0;
    this.settledInFlight = 0;
    this.spentSinceAnswer = 0;
    this.expiresAt = 0;
    this.acked = 0;
    this.carry = 0;
    this.lastUsed = 0;
    this.lastLost = 0;
    this.lastUnallocated = this.limit.amount;
    this.contended = false;
    this.wantNow = true;
  }

  /** A call was admitted (its estimate is in `reserved` now). */
  admitted(now: number): void {
    this.peak = Math.max(this.currentPeak(now), this.reserved);
    this.peakAt = now;
    this.lastSpendAt = now;
  }

  /** A call settled, spending `amount`. */
  spend(amount: number, now: number): void {
    this.rate = this.currentRate(now) + amount / RATE_TAU_MS;
    this.rateAt = now;
  }

  currentRate(now: number): number {
    return this.rate * Math.exp(-(now - this.rateAt) / RATE_TAU_MS);
  }

  currentPeak(now: number): number {
    return this.peak * Math.exp(-(now - this.peakAt) / RATE_TAU_MS);
  }

  available(now: number): number {
    const lease = now < this.expiresAt ? this.held : Math.min(this.held, 0);
    return lease - this.reserved;
  }

  /**
   * The namespace's budget, as last answered, still covers `need` on top of what we spent and
   * reserved since: a short lease is then churn, not exhaustion. Lease of holders gone without a
   * report never comes back within the window, so it counts as spent here.
   */
  fits(need: number): boolean {
    return this.lastUsed + this.lastLost + this.spentSinceAnswer + this.reserved + need <= this.limit.amount;
  }

  /** What this limit counts of an estimate (a limit's reserveOutputTokens replaces a default output). */
  needOf(e: Estimate): number {
    const d = this.dimension;
    const reserve = this.limit.reserveOutputTokens;
    const x = e[d] ?? 0;
    if (reserve === undefined || !e.outputDefaulted || d === 'requests' || d === 'inputTokens') return x;
    const extra = (e.outputTokens ?? 0) - reserve;
    if (d === 'costUSD') return Math.max(0, x - extra * (e.usdPerOutputToken ?? 0));
    return Math.max(0, x - extra);
  }

  lowWater(now: number, lowWaterMs: number): number {
    return Math.max(this.currentRate(now) * lowWaterMs, this.typical);
  }

  describe(): string {
    return `${this.format(this.limit.amount)} per ${this.limit.window}`;
  }

  /** "1500 tokens", "0.16 USD". */
  format(x: number): string {
    const amount = this.dimension === 'costUSD' ? x.toFixed(x < 0.01 ? 4 : 2) : String(Math.ceil(x));
    return `${amount} ${UNITS[this.dimension]}`;
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
  /** Another sync is due once the one on the wire is done ('now': a call waits for it). */
  #again: false | 'soon' | 'now' = false;
  #reachable = true;
  #lastReport = 0;
  #lastStart = Number.NEGATIVE_INFINITY;
  readonly #minGapMs: number;
  readonly #readyTimeoutMs: number;
  readonly #maxWaitMs: number;
  /**
   * This process's lease session: the service tells a lost answer from a restart by it. A process
   * restarted on its journal keeps the old one: it is the same holder, leases and all.
   */
  readonly #incarnation: string;
  readonly #journal: LeaseJournal | undefined;
  /** Leases changed since the journal last wrote them (settles and answers; written soon after). */
  readonly #unjournaled = new Set<LimitLease>();
  #journalPending = false;
  /** A waiting call is checked again (its need is already counted). */
  #rechecking = false;
  /** Resolved at the next change a short call may be waiting for (waitForLease). */
  #changed: PromiseWithResolvers<void> | undefined;
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
    this.#maxWaitMs = opts.maxWaitMs ?? 2_000;
    this.#onError = opts.onError ?? (() => {});
    this.#keyed = new KeyedLeases(opts.maxKeys ?? 10_000);
    this.#maxBatch = opts.maxBatch ?? 2_000;
    this.#journal = opts.journal;
    this.#incarnation = opts.journal?.incarnation ?? randomUUID();
    this.#term = opts.journal?.term;
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
          if (!prev) this.#restore(lease);
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
    // Per-key leases the previous process held come back now (their keys may not be called again).
    if (this.#journal)
      for (const t of templates)
        for (const key of this.#journal.restoredKeys(t.key))
          this.#keyed.get(t.key, key, now, () => this.#keyLease(t, key, now));
    this.#needsTokens = [...next, ...templates].some((l) => l.dimension !== 'requests');
    this.#unanswered = next.some((l) => !l.known && !l.failed);
    if (next.some((l) => l.wantNow)) void this.sync();
    this.#wake();
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
    this.#restore(l);
    if (!l.known) this.#unanswered = true;
    return l;
  }

  /** A new lease takes over what the previous process journaled for it in this window. */
  #restore(l: LimitLease): void {
    const r = this.#journal?.take(l.journalId, l.windowEnd);
    if (r) l.restore(r);
  }

  /** Journals the leases now: before an admitted call goes anywhere, before a lease call leaves. */
  #journalNow(leases: Iterable<LimitLease>): void {
    if (!this.#journal) return;
    const records: [string, LeaseRecord][] = [];
    for (const l of leases) {
      this.#unjournaled.delete(l);
      records.push([l.journalId, l.record()]);
    }
    this.#journal.write(records);
  }

  /** Journals the leases after this turn of the event loop (settles: one write for many). */
  #journalSoon(l: LimitLease): void {
    if (!this.#journal) return;
    this.#unjournaled.add(l);
    if (this.#journalPending) return;
    this.#journalPending = true;
    setImmediate(() => {
      this.#journalPending = false;
      this.#journalNow([...this.#unjournaled]);
    });
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
   * Admission, from local state only. `models`: the names the call is billed under (the serving
   * target's model and upstream model; compared normalised); a limit with a model filter applies
   * when one matches.
   */
  check(models: readonly (string | undefined)[], estimate: Estimate, keyOf?: KeyOf): QuotaCheck {
    const keyed =
      this.#templates.length > 0
        ? this.#applicable(models, keyOf, this.#now()).filter((l) => l.partition !== undefined)
        : [];
    // Per-key leases settle where they were reserved (a fallback does not move a call to another key).
    const limits = keyed.length > 0 ? [...this.#limits, ...keyed] : this.#limits;
    const ticket: QuotaTicket = { reservations: new Map(), limits, settled: false };
    return this.#admit(limits, models, estimate, ticket);
  }

  /**
   * A fallback moves a call to another model: the limits that apply to it and were not reserved
   * at check time are checked and reserved now (the same rules as check()).
   */
  extend(ticket: QuotaTicket, models: readonly (string | undefined)[], estimate: Estimate): QuotaCheck {
    const more = this.#limits.filter((l) => !ticket.reservations.has(l));
    return this.#admit(more, models, estimate, ticket);
  }

  #admit(
    limits: readonly LimitLease[],
    models: readonly (string | undefined)[],
    estimate: Estimate,
    ticket: QuotaTicket,
  ): QuotaCheck {
    const now = this.#now();
    const applicable = limits.filter((l) => l.appliesTo(models));
    const shadowDenied: { quota: string; limit: string }[] = [];
    let denial: QuotaDenial | undefined;
    let shadowDenial: QuotaDenial | undefined;
    let failOpen = false;
    let kick = false;
    let urgent = false;
    let short = true;
    const needs: number[] = [];

    for (const l of applicable) {
      l.roll(now);
      // A call wants this lease: it is not idle, even while the call waits for more (an idle
      // lease is handed back at each sync, and would be again before the waiting call sees it).
      l.lastSpendAt = now;
      const need = l.needOf(estimate);
      needs.push(need);
      l.typical = l.typical === 0 ? need : l.typical * 0.9 + need * 0.1;
      const available = l.available(now);
      let verdict: 'ok' | 'short' | 'exhausted' | 'unreachable' | 'too-large' = 'ok';
      if (need > l.limit.amount) verdict = 'too-large';
      else if (need <= 0 || available >= need) verdict = 'ok';
      // Not answered yet (the caller did not wait, or the wait timed out): as if unreachable.
      else if (!this.#reachable || l.failed || !l.known) verdict = 'unreachable';
      // Short, but the lease call that would refill it has hung for a whole wait (a leader moving,
      // an overloaded service): waiting more is not what the budget says, failurePolicy decides.
      else if (l.fits(need)) verdict = this.#stalled(now) ? 'unreachable' : 'short';
      else verdict = 'exhausted';
      // Top up before running dry; once the service has nothing left, ask no faster than rechecks.
      if (
        available - need < l.lowWater(now, this.#lowWaterMs) &&
        (l.lastUnallocated > 0 || now >= l.recheckAt || verdict === 'short')
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
      if (verdict === 'short' || verdict === 'exhausted') {
        // Asked for whole at the next lease call, above the fair share if need be: the needs of
        // the calls that came short since the last lease call add up (a burst is asked for in one
        // call, not one call's need per round); a waiting call checking again is counted once.
        l.need = this.#rechecking ? Math.max(l.need, need) : l.need + need;
        urgent = true;
      }
      // In Shadow a short lease is not a would-be denial: Enforce would have waited for more.
      if (verdict === 'short' && l.quota.enforcement === 'Shadow') continue;
      if (verdict !== 'short') short = false;
      const d = this.#denial(l, verdict, need, now);
      if (l.quota.enforcement === 'Shadow') {
        shadowDenied.push({ quota: l.quota.id, limit: l.limit.name });
        shadowDenial ??= d;
      } else if (!denial || (denial.code === 'quota_exceeded' && d.code !== 'quota_exceeded')) {
        // The most telling reason wins: a request that can never fit, then an unreachable service.
        denial = d;
      }
    }
    if (kick) this.#kick(urgent);
    if (denial) return { decision: 'deny', denial, shadowDenied, ticket, ...(short ? { short } : {}) };

    for (let i = 0; i < applicable.length; i++) {
      const l = applicable[i];
      l.reserved += needs[i];
      l.admitted(now);
      ticket.reservations.set(l, { amount: needs[i], windowEnd: l.windowEnd });
    }
    this.#journalNow(applicable);
    const decision: QuotaDecision = shadowDenial ? 'shadow-deny' : failOpen ? 'fail-open' : 'admit';
    return { decision, denial: shadowDenial, shadowDenied, ticket };
  }

  /**
   * Resolves at the next change that may let a short call in (a lease answer, a settled call, a
   * new snapshot) or after `ms`. Callers check again and give up after maxWaitMs in all.
   */
  waitForLease(ms: number): Promise<void> {
    this.#changed ??= Promise.withResolvers();
    const changed = this.#changed.promise;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms));
      timer.unref();
      void changed.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * A short check (the lease is short, the budget is not) is checked again as leases arrive or
   * calls settle, for at most maxWaitMs; `again` repeats it (check or extend). No promise when
   * `first` is not short.
   */
  async waitIfShort(first: QuotaCheck, again: () => QuotaCheck): Promise<QuotaCheck> {
    let check = first;
    // Real time (the call's wait), not the quota clock.
    const until = Date.now() + this.#maxWaitMs;
    while (check.short && !this.#closed && Date.now() < until) {
      // Woken by an answer or a settled call; at least every minGapMs the check asks again (the
      // lease others gave back in the meantime is granted to the next ask).
      await this.waitForLease(Math.min(until - Date.now(), Math.max(10, this.#minGapMs)));
      this.#rechecking = true;
      try {
        check = again();
      } finally {
        this.#rechecking = false;
      }
    }
    return check;
  }

  /** A lease call has been on the wire for maxWaitMs or more. */
  #stalled(now: number): boolean {
    return this.#inflight !== undefined && now - this.#lastStart >= this.#maxWaitMs;
  }

  #wake(): void {
    const c = this.#changed;
    this.#changed = undefined;
    c?.resolve();
  }

  #denial(
    l: LimitLease,
    verdict: 'short' | 'exhausted' | 'unreachable' | 'too-large',
    need: number,
    now: number,
  ): QuotaDenial {
    const resetMs = Math.max(0, l.windowEnd - now);
    const name = `quota ${l.quota.id} limit ${l.limit.name}${l.partition !== undefined ? ` for key ${JSON.stringify(l.partition)}` : ''}`;
    if (verdict === 'too-large') {
      return {
        quota: l.quota.id,
        limit: l.limit.name,
        status: 400,
        code: 'quota_request_too_large',
        message: `${name}: this request needs ${l.format(need)}, more than the limit of ${l.describe()}; it can never be admitted (lower max_tokens or the prompt)`,
      };
    }
    if (verdict === 'unreachable') {
      const why =
        !this.#reachable || l.failed
          ? "the quota service is unreachable and this sidecar's lease is spent"
          : !l.known
            ? 'the quota service has not answered for it yet'
            : `this sidecar's lease is short and the quota service has not answered for ${this.#maxWaitMs} ms`;
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
    const retryMs = verdict === 'short' ? Math.min(resetMs, 1_000) : resetMs;
    return {
      quota: l.quota.id,
      limit: l.limit.name,
      status: 429,
      code: 'quota_exceeded',
      message:
        verdict === 'short'
          ? `${name} (${l.describe()}): no lease for this call within ${this.#maxWaitMs} ms: the rest of the budget is in other replicas' leases; try again`
          : `${name} exhausted (${l.describe()}${l.lastLost > 0 ? `, ${l.format(l.lastLost)} of it leased to sidecars that went away without reporting` : ''}); resets in ${humanDuration(resetMs)}`,
      retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)),
    };
  }

  /**
   * What the call really spent, once it is done (streams included). `models`: the models that
   * served, which decide the model filters (a fallback may have moved the call). Spend is charged
   * to the window the call was admitted in; once that window is over, nothing is charged.
   */
  settle(ticket: QuotaTicket, actual: Partial<Measure>, models?: readonly (string | undefined)[]): void {
    if (ticket.settled) return;
    ticket.settled = true;
    const now = this.#now();
    for (const l of ticket.limits) {
      l.roll(now);
      const r = ticket.reservations.get(l);
      const current = r === undefined || r.windowEnd === l.windowEnd;
      if (r && current) {
        l.reserved = Math.max(0, l.reserved - r.amount);
        this.#journalSoon(l);
      }
      const applies = models === undefined ? r !== undefined : l.appliesTo(models);
      const spent = measureOf(actual, l.dimension);
      if (!applies || spent <= 0 || !current) continue;
      l.held -= spent;
      l.spend(spent, now);
      l.unreported += spent;
      l.spentSinceAnswer += spent;
      if (this.#inflight) l.settledInFlight += spent;
    }
    this.#wake();
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
      else if (l.known && l.held > 0 && l.expiresAt - now < Math.max(1_000, l.ttlMs / 2)) due = true;
      else if (
        reportDue &&
        now - l.lastSpendAt < this.#idleOf(l) &&
        l.available(now) < l.lowWater(now, this.#lowWaterMs)
      )
        due = true;
      else if (l.known && l.held > 0 && now - l.lastSpendAt > this.#idleOf(l) && l.reserved === 0) due = true;
      // Others wait for budget: lease beyond our calls in flight goes back to the ledger soon.
      else if (l.contended && l.available(now) > l.typical && now - this.#lastReport >= 2 * this.#minGapMs)
        due = true;
      else if (l.evicted || l.carry > 0) due = true;
    }
    if (due) this.#kick();
  }

  /**
   * Starts a sync now, or soon: calls are spaced by minGapMs (not when a call waits for lease:
   * `urgent`), and by a second while unreachable.
   */
  #kick(urgent = false): void {
    if (this.#closed) return;
    if (this.#inflight) {
      if (this.#again !== 'now') this.#again = urgent ? 'now' : 'soon';
      return;
    }
    const now = this.#now();
    const gap = (this.#reachable ? (urgent ? 0 : this.#minGapMs) : 1_000) - (now - this.#lastStart);
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
    clearTimeout(this.#pending);
    this.#pending = undefined;
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
      this.#wake();
      if (this.#again && !this.#closed) {
        const urgent = this.#again === 'now';
        this.#again = false;
        this.#kick(urgent);
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
        // A first ask, before any call says what calls need: 2% of the limit, one request at least.
        const first = l.known ? 0 : Math.max(l.limit.amount * 0.02, l.dimension === 'requests' ? 1 : 0);
        // Sized by what calls really spend over the horizon plus the estimates they hold while in
        // flight, not by the estimates' rate: default output reserves (often 10-100x what a
        // call spends) would otherwise pin most of a budget in one replica's lease.
        const target = Math.max(rate * this.#horizonMs + l.currentPeak(now), 2 * l.typical, first);
        want = Math.max(0, target - available);
      }
      // A lease too small for the call that was denied is handed back and the call's need asked
      // for instead: fragments scattered over many holders become usable again.
      const need = release ? 0 : l.need;
      const fragment = need > 0 && available > 0 && available < need;
      const releasing = release || fragment || (idle && l.known && l.held > 0);
      // What goes back is no longer spent here from this moment (the ledger never takes lease
      // back, so a call admitted while this is on the wire is covered): all of the unreserved
      // lease when leaving or handing in a fragment; while calls wait elsewhere (contended), what
      // is above our low-water mark (our own pace for lowWaterMs, one typical call at least).
      const unreserved = Math.max(0, Math.min(available, l.held - l.reserved));
      const keep = l.lowWater(now, this.#lowWaterMs);
      const giveBack = releasing ? unreserved : l.contended ? Math.max(0, unreserved - keep) : 0;
      if (giveBack > 0) want = 0;
      // A per-key lease rides along only when it has something to say (100,000 keys, few of them busy).
      const renew =
        l.held > 0 &&
        l.known &&
        (l.partition === undefined || l.expiresAt - now < Math.max(2_000, l.ttlMs / 2));
      if (
        !l.wantNow &&
        want === 0 &&
        l.unreported === 0 &&
        !releasing &&
        !renew &&
        !(l.carry > 0) &&
        !(giveBack > 0)
      )
        continue;
      items.push({
        quota: l.quota.id,
        limit: l.limit.name,
        want,
        used: l.unreported,
        window: l.windowEnd,
        // What we hold as the ledger counts it (a lapsed lease too: we did not spend it, and saying
        // 0 would make the ledger count it as possibly spent).
        held: Math.max(0, l.held + l.unreported),
        reserved: l.reserved,
        incarnation: this.#incarnation,
        ...(l.seq !== undefined ? { seq: l.seq } : {}),
        ...(giveBack > 0 ? { giveBack } : {}),
        ...(releasing ? { release: true } : {}),
        ...(need > 0 ? { need } : {}),
        ...(l.partition !== undefined ? { key: l.partition } : {}),
        ...(l.carry > 0 ? { carry: l.carry } : {}),
        ...(l.acked > 0 ? { acked: l.acked } : {}),
      });
      l.held -= giveBack;
      sent.push([l, l.unreported, l.carry]);
      l.sending = l.unreported;
      l.unreported = 0;
      l.settledInFlight = 0;
      l.wantNow = false;
      l.need = 0;
    }
    if (items.length === 0) return;
    // A hand-back is journaled before it leaves: a restarted process never spends it again.
    this.#journalNow(sent.map(([l]) => l));
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
        l.sending = 0;
        l.unreported += used;
        if (!l.known) l.wantNow = true;
      }
      this.#journalNow(sent.map(([l]) => l));
      if (this.#reachable) this.#onError(err);
      this.#reachable = false;
      return;
    }
    this.#reachable = true;
    for (let i = 0; i < sent.length; i++) {
      const [l] = sent[i];
      const r = results[i];
      l.sending = 0;
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
    const changed = sent.map(([l]) => l);
    const term = results.find((r): r is LeaseAnswer => !('error' in r) && r.term !== undefined)?.term;
    if (term !== undefined && term !== this.#term) {
      if (this.#term !== undefined) {
        const inCall = new Set(changed);
        for (const l of this.#all()) {
          if (inCall.has(l) || l.term === term || l.acked <= 0) continue;
          l.carry = l.acked;
          l.term = term;
          changed.push(l);
        }
      }
      this.#term = term;
      this.#journal?.writeTerm(term);
    }
    this.#journalNow(changed);
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
      l.startWindow(a.resetsAt);
    }
    l.held = a.balance - l.settledInFlight;
    // The answer counts what we reported, not what settled while it was on its way.
    l.spentSinceAnswer = l.settledInFlight;
    l.settledInFlight = 0;
    l.known = true;
    l.expiresAt = a.expiresAt;
    l.ttlMs = Math.max(1_000, a.expiresAt - this.#now());
    l.lastUsed = a.used;
    l.lastLost = a.lost ?? 0;
    l.lastUnallocated = a.unallocated;
    l.holders = a.holders;
    l.contended = a.contended === true;
    l.seq = a.seq;
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
    this.#wake();
    await this.#inflight?.catch(() => {});
    await this.#syncOnce(true).catch(() => {});
    // Every lease went back: a process started after this one has nothing to carry on from.
    if (this.#reachable) this.#journal?.remove();
    else this.#journal?.close();
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
    peak: prev.peak,
    peakAt: prev.peakAt,
    typical: prev.typical,
    holders: prev.holders,
    expiresAt: prev.expiresAt,
    known: prev.known,
    seq: prev.seq,
  };
}
