// The per-key counters of one partitioned limit (AIQuota limits[].per), inside the ledger. A key
// (an end user, an API consumer) gets the limit's whole amount per window; the lease maths per key
// is the ledger's, unchanged. What this adds is bounded memory at 100,000+ keys:
//   - active: keys some holder leases right now, a full counter each (~0.5 KB + ~0.1 KB a holder);
//   - parked: keys whose holders all left (released or expired), kept as one number until the
//     window ends (~100 B each: the spend must survive, or the key would start over);
//   - at most maxKeys keys per window (active + parked): a new key beyond that is refused
//     (too_many_keys, the sidecar applies failurePolicy), never silently forgotten.
// A window roll drops every parked key at once.

/** What the table needs of a ledger counter. */
export interface KeyCounter {
  key?: string;
  used: number;
  /** Leased and never reported (a holder vanished): counts as spent for the window. */
  lost?: number;
  amount: number;
  end: number;
  holders: Map<string, { outstanding: number }>;
}

export interface KeyUsage {
  key: string;
  used: number;
}

export class KeyTable<C extends KeyCounter = KeyCounter> {
  readonly #maxKeys: number;
  readonly #active = new Map<string, C>();
  readonly #parked = new Map<string, number>();
  /** The window the table is in (resetsAt, ms). */
  #end = 0;
  #make: ((key: string, used: number) => C) | undefined;

  constructor(maxKeys: number) {
    this.#maxKeys = maxKeys;
  }

  get size(): number {
    return this.#active.size + this.#parked.size;
  }

  get activeCount(): number {
    return this.#active.size;
  }

  /** How a fresh per-key counter is made (the ledger's counter shape), with what the key already spent. */
  setFactory(make: (key: string, used: number) => C): void {
    this.#make = make;
  }

  setAmount(amount: number): void {
    for (const c of this.#active.values()) c.amount = amount;
  }

  /** The key's counter (made, or brought back from parked); undefined when the table is full. */
  counter(key: string): C | undefined {
    const c = this.#active.get(key);
    if (c) return c;
    const parked = this.#parked.get(key);
    if (parked === undefined && this.size >= this.#maxKeys) return undefined;
    this.#parked.delete(key);
    const made = this.#make!(key, parked ?? 0);
    this.#active.set(key, made);
    return made;
  }

  /** A counter with no holders left: keep only its spend (nothing, if it spent nothing). */
  park(c: C): void {
    if (c.key === undefined || this.#active.get(c.key) !== c) return;
    this.#active.delete(c.key);
    const spent = c.used + (c.lost ?? 0);
    if (spent > 0 && c.end === this.#end) this.#parked.set(c.key, spent);
  }

  /** Continues a key's spend from status (restart, new leader). */
  restore(key: string, used: number): void {
    const c = this.#active.get(key);
    if (c) c.used = Math.max(c.used, used);
    else if (used > (this.#parked.get(key) ?? 0)) this.#parked.set(key, used);
  }

  /** The limit's window moved on: every key starts over. */
  roll(end: number): void {
    if (end === this.#end) return;
    this.#end = end;
    this.#parked.clear();
  }

  /** Housekeeping (each flush): `each` rolls and expires a counter; those left without holders are parked. */
  sweep(each: (c: C) => void): void {
    for (const c of this.#active.values()) {
      each(c);
      if (c.holders.size === 0) this.park(c);
    }
  }

  /** The `max` largest spenders of the current window, largest first. */
  top(max: number): KeyUsage[] {
    if (max < 64) {
      const best = new TopN(max);
      for (const [key, used] of this.#parked) best.offer(key, used);
      for (const c of this.#active.values())
        if (c.end === this.#end && c.used > 0) best.offer(c.key!, c.used);
      return best.list;
    }
    const all: KeyUsage[] = [];
    for (const [key, used] of this.#parked) all.push({ key, used });
    for (const c of this.#active.values())
      if (c.end === this.#end && c.used > 0) all.push({ key: c.key!, used: c.used });
    all.sort((a, b) => b.used - a.used || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return Number.isFinite(max) ? all.slice(0, max) : all;
  }

  /** Spend of every key in the current window (what status shows as the limit's used). */
  total(): number {
    let sum = 0;
    for (const used of this.#parked.values()) sum += used;
    for (const c of this.#active.values()) if (c.end === this.#end) sum += c.used;
    return sum;
  }

  /** Debug view: holders with their outstanding lease, summed over keys. */
  holders(): { id: string; outstanding: number }[] {
    const sum = new Map<string, number>();
    for (const c of this.#active.values())
      for (const [id, h] of c.holders) sum.set(id, (sum.get(id) ?? 0) + h.outstanding);
    return [...sum].map(([id, outstanding]) => ({ id, outstanding }));
  }
}

/** The n largest in one pass, keeping a small sorted list: no allocation for keys that do not make it. */
class TopN {
  readonly list: KeyUsage[] = [];
  readonly #n: number;
  constructor(n: number) {
    this.#n = n;
  }
  offer(key: string, used: number): void {
    const list = this.list;
    if (this.#n === 0) return;
    if (list.length === this.#n) {
      const last = list[this.#n - 1]!;
      if (used < last.used || (used === last.used && key >= last.key)) return;
    }
    let i = list.length;
    while (i > 0 && (list[i - 1]!.used < used || (list[i - 1]!.used === used && list[i - 1]!.key > key))) i--;
    list.splice(i, 0, { key, used });
    if (list.length > this.#n) list.pop();
  }
}
