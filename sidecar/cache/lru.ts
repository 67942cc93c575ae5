// A least-recently-used map bounded in bytes, with a time-to-live per entry. Map keeps insertion
// order, so "touch" is delete + set and the oldest entry is the first key: every operation is O(1)
// except eviction, which pops from the front until the new entry fits.

interface Entry<V> {
  value: V;
  bytes: number;
  expiresAt: number;
}

export interface LruStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  evictions: number;
}

export class SizedLru<V> {
  readonly maxBytes: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry<V>>();
  #bytes = 0;
  #evictions = 0;

  constructor(maxBytes: number, now: () => number = Date.now) {
    this.maxBytes = maxBytes;
    this.#now = now;
  }

  get(key: string): V | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.#now()) {
      this.#delete(key, e);
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, e);
    return e.value;
  }

  /** False when the value alone is larger than the whole cache (never stored). */
  set(key: string, value: V, bytes: number, ttlMs: number): boolean {
    const old = this.#entries.get(key);
    if (old) this.#delete(key, old);
    if (bytes > this.maxBytes) return false;
    while (this.#bytes + bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [string, Entry<V>];
      this.#delete(oldestKey, oldest);
      this.#evictions++;
    }
    this.#entries.set(key, { value, bytes, expiresAt: this.#now() + ttlMs });
    this.#bytes += bytes;
    return true;
  }

  #delete(key: string, e: Entry<V>): void {
    this.#entries.delete(key);
    this.#bytes -= e.bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  stats(): LruStats {
    return {
      entries: this.#entries.size,
      bytes: this.#bytes,
      maxBytes: this.maxBytes,
      evictions: this.#evictions,
    };
  }
}
