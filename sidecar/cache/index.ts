// The response cache: exact match, per sidecar, one bounded LRU per route rule. A rule's cache is
// keyed by its route, name and whole config (a changed rule starts empty, an unchanged one keeps its
// entries across snapshots); an entry's key is sha256 of the model and the canonical request body
// (stream flags aside: one entry answers streamed and plain requests alike). Nothing is shared
// across routes or rules.
import { hash } from 'node:crypto';
import type { RuleConfig } from '../snapshot/schema.ts';
import { canonicalJson } from '../snapshot/version.ts';
import { type LruStats, SizedLru } from './lru.ts';

export { ChunkAssembler, replayChunks } from './replay.ts';

type Json = Record<string, any>;

/** Body fields that change how the answer is delivered, not what it is. */
const TRANSPORT_FIELDS = new Set(['stream', 'stream_options']);

/** A stored answer: its JSON bytes (served as-is to OpenAI apps) and the completion they hold. */
export class CachedAnswer {
  readonly raw: Buffer;
  #body: Json | undefined;

  constructor(raw: Buffer, body?: Json) {
    this.raw = raw;
    this.#body = body;
  }

  /** The completion, shared by every hit (parsed from the bytes on first use): not to be changed. */
  get body(): Json {
    this.#body ??= JSON.parse(this.raw.toString('utf8')) as Json;
    return this.#body;
  }

  /** A copy of the completion of the hit's own, for a step that may rewrite it. */
  copy(): Json {
    return JSON.parse(this.raw.toString('utf8')) as Json;
  }
}

export interface RuleCache {
  readonly ttlMs: number;
  key(model: string | undefined, body: Json): string;
  /**
   * The key of a body by the sha256 of its bytes (large bodies, hashed off the event loop): equal
   * bytes hit; a different spelling of the same request is a miss, never a wrong hit.
   */
  keyOfBytes(model: string | undefined, digest: string): string;
  get(key: string): CachedAnswer | undefined;
  /**
   * Stores a completion (`raw`: its JSON bytes when already at hand); false when larger than the
   * whole cache. The object is shared from then on: nobody may change it.
   */
  set(key: string, completion: Json, raw?: Buffer): boolean;
  /**
   * Stores a completion by its JSON bytes alone, parsed on the first hit: for one a later step may
   * still rewrite (a snapshot without a deep copy).
   */
  setBytes(key: string, raw: Buffer): boolean;
  stats(): LruStats;
}

/** `cache-control` from the app: no-cache skips the lookup, no-store skips storing. */
export function cacheDirectives(header: string | string[] | undefined): {
  noCache: boolean;
  noStore: boolean;
} {
  const v = (Array.isArray(header) ? header.join(',') : (header ?? '')).toLowerCase();
  if (v === '') return { noCache: false, noStore: false };
  return { noCache: /(?:^|[\s,])no-cache\b/.test(v), noStore: /(?:^|[\s,])no-store\b/.test(v) };
}

export function ruleFingerprint(routeId: string, rule: RuleConfig): string {
  return hash('sha256', `${routeId}\u0000${rule.name}\u0000${canonicalJson(rule)}`);
}

export class ResponseCaches {
  readonly #now: () => number;
  readonly #caches = new Map<string, RuleCache>();

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The rule's cache, or undefined when the rule does not cache. */
  forRule(routeId: string, rule: RuleConfig): RuleCache | undefined {
    if (!rule.cache) return undefined;
    const fp = ruleFingerprint(routeId, rule);
    let cache = this.#caches.get(fp);
    if (!cache) {
      cache = ruleCache(fp, rule.cache.ttlMs, rule.cache.maxBytes, this.#now);
      this.#caches.set(fp, cache);
    }
    return cache;
  }

  /** Drops the caches of rules no longer in force (after a snapshot swap). */
  retain(fingerprints: ReadonlySet<string>): void {
    for (const fp of this.#caches.keys()) if (!fingerprints.has(fp)) this.#caches.delete(fp);
  }

  get size(): number {
    return this.#caches.size;
  }
}

function ruleCache(fingerprint: string, ttlMs: number, maxBytes: number, now: () => number): RuleCache {
  const lru = new SizedLru<CachedAnswer>(maxBytes, now);
  return {
    ttlMs,
    key(model, body) {
      const content: Json = {};
      for (const k of Object.keys(body)) if (!TRANSPORT_FIELDS.has(k)) content[k] = body[k];
      // One-shot hash(): a third of createHash().update()...digest()'s cost on a small body.
      return hash('sha256', `${fingerprint}\u0000${model ?? ''}\u0000${canonicalJson(content)}`);
    },
    keyOfBytes(model, digest) {
      return hash('sha256', `${fingerprint}\u0000${model ?? ''}\u0000bytes\u0000${digest}`);
    },
    get: (key) => lru.get(key),
    set(key, completion, raw) {
      const bytes = raw ?? Buffer.from(JSON.stringify(completion));
      // Size: the JSON bytes twice (kept as bytes and as an object, roughly), the key, bookkeeping.
      return lru.set(key, new CachedAnswer(bytes, completion), 2 * bytes.length + key.length + 64, ttlMs);
    },
    setBytes(key, raw) {
      return lru.set(key, new CachedAnswer(raw), 2 * raw.length + key.length + 64, ttlMs);
    },
    stats: () => lru.stats(),
  };
}
