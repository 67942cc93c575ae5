// Partitioned limits in the sidecar (AIQuota limits[].per): which key a call counts for, and the
// per-key leases, kept in LRU order with a bound.
//
// The key: a header the app sets (x-aimesh-user or a named one), the OpenAI body field user /
// safety_identifier (Anthropic metadata.user_id arrives as user), or a claim of the JWT the sidecar
// verified. Calls without it share the key "-". Keys longer than 128 characters are replaced by a
// hash (status and the CLI stay readable; two long keys still never share a budget).
//
// Memory: one lease per (limit, key) this sidecar has served recently. A lease unused for keyIdleMs (15 s) is
// handed back and forgotten; beyond maxKeys the least recently used idle lease is handed back early.
// A lease with calls in flight is never evicted.
import { hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type Claims, claimStrings } from '../auth/jwt.ts';
import type { LimitConfig, PartitionConfig, QuotaConfig } from '../snapshot/schema.ts';

/** The key of calls that lack the attribute. */
export const NO_KEY = '-';
const MAX_KEY_LENGTH = 128;

/** What a key is read from. */
export interface KeySource {
  headers: IncomingHttpHeaders;
  body?: Record<string, unknown>;
  claims?: Claims;
}

export function partitionKey(per: PartitionConfig, from: KeySource): string {
  let raw: unknown;
  if (per.source === 'header') {
    const v = from.headers[per.name];
    raw = Array.isArray(v) ? v[0] : v;
  } else if (per.source === 'body') {
    raw = from.body?.[per.name];
  } else {
    raw = claimStrings(from.claims, per.name)[0];
  }
  if (typeof raw === 'number') raw = String(raw);
  if (typeof raw !== 'string') return NO_KEY;
  const key = raw.trim();
  if (key === '') return NO_KEY;
  if (key.length <= MAX_KEY_LENGTH) return key;
  return `sha256:${hash('sha256', key).slice(0, 32)}`;
}

/** A call's keys: per limit config, read lazily (most limits are not partitioned). */
export type KeyOf = (limit: LimitConfig) => string | undefined;

export function keysOf(from: KeySource): KeyOf {
  return (limit) => (limit.per ? partitionKey(limit.per, from) : undefined);
}

/** What the registry needs of a lease. */
export interface KeyedLease {
  readonly quota: QuotaConfig;
  readonly limit: LimitConfig;
  readonly partition?: string;
  lastSpendAt: number;
  reserved: number;
  held: number;
  unreported: number;
  known: boolean;
  /** Hand the lease back on the next sync, then forget it. */
  evicted: boolean;
}

/**
 * The per-key leases of a sidecar, one map per partitioned limit in LRU order (a Map keeps
 * insertion order; a use moves the key to the end). Leases being handed back wait in `leaving`
 * until the service has their report; a call for such a key takes it back.
 */
export class KeyedLeases<L extends KeyedLease> {
  readonly maxKeys: number;
  readonly #byLimit = new Map<string, Map<string, L>>();
  readonly #leaving = new Map<string, L>();
  #count = 0;

  constructor(maxKeys: number) {
    this.maxKeys = maxKeys;
  }

  get size(): number {
    return this.#count;
  }

  /** The lease of (limit, key), made with `make` on first use. */
  get(limitId: string, key: string, now: number, make: () => L): L {
    let leases = this.#byLimit.get(limitId);
    if (!leases) {
      leases = new Map();
      this.#byLimit.set(limitId, leases);
    }
    let l = leases.get(key);
    if (l) {
      leases.delete(key);
      leases.set(key, l);
      return l;
    }
    const id = `${limitId}\u0000${key}`;
    l = this.#leaving.get(id);
    if (l) {
      this.#leaving.delete(id);
      l.evicted = false;
    } else {
      l = make();
      l.lastSpendAt = now;
    }
    leases.set(key, l);
    this.#count++;
    if (this.#count > this.maxKeys) this.#evictOldest(limitId, key);
    return l;
  }

  /** Least recently used first, across limits; a lease with calls in flight stays. */
  #evictOldest(exceptLimit: string, exceptKey: string): void {
    for (const [limitId, leases] of this.#byLimit) {
      for (const [key, l] of leases) {
        if (limitId === exceptLimit && key === exceptKey) continue;
        if (l.reserved > 0) continue;
        this.#remove(limitId, key, l);
        return;
      }
    }
  }

  #remove(limitId: string, key: string, l: L): void {
    this.#byLimit.get(limitId)?.delete(key);
    this.#count--;
    // Something to report or hand back: one more sync carries it (release), then it is gone.
    if (l.unreported > 0 || (l.known && l.held > 0)) {
      l.evicted = true;
      this.#leaving.set(`${limitId}\u0000${key}`, l);
    }
  }

  /** Every lease, those leaving included (the sync loop reports and renews them). */
  *all(): Generator<L> {
    for (const leases of this.#byLimit.values()) yield* leases.values();
    yield* this.#leaving.values();
  }

  /** After a sync: leaving leases whose report went through are dropped. */
  settleLeaving(): void {
    for (const [id, l] of this.#leaving) if (l.unreported === 0 && !(l.held > 0)) this.#leaving.delete(id);
  }

  /** Idle leases that hold nothing and owe no report: forgotten (the sync loop released them first). */
  dropIdle(now: number, idleMs: number): void {
    for (const leases of this.#byLimit.values()) {
      for (const [key, l] of leases) {
        if (now - l.lastSpendAt <= idleMs) break; // LRU order: the rest were used more recently
        if (l.reserved === 0 && l.unreported === 0 && !(l.known && l.held > 0)) {
          leases.delete(key);
          this.#count--;
        }
      }
    }
  }

  /** A new snapshot: limits no longer partitioned (or gone) lose their leases. */
  retain(limitIds: ReadonlySet<string>): void {
    for (const [limitId, leases] of this.#byLimit) {
      if (limitIds.has(limitId)) continue;
      this.#count -= leases.size;
      this.#byLimit.delete(limitId);
    }
    for (const id of this.#leaving.keys())
      if (!limitIds.has(id.slice(0, id.lastIndexOf('\u0000')))) this.#leaving.delete(id);
  }
}
