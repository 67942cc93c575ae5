// The sidecar's store of Responses API answers, for `previous_response_id`, GET and DELETE
// /v1/responses/{id}. It lives in the sidecar's memory, so a conversation continues on the pod
// that started it (the app talks to its own sidecar), bounded in entries, bytes and age: the
// oldest answers go first, and a continuation of an evicted one gets a clear 404.
// Answers made natively (OpenAI, Azure OpenAI) are stored by their provider: here only which
// provider made each id is remembered (bounded in count and age), so retrieval and continuations
// go back to it.
type Json = Record<string, any>;

export interface StoredResponse {
  /** The Response object as the app received it. */
  response: Json;
  /** The conversation so far as chat messages (input and answers, no instructions). */
  conversation: Json[];
  /** The input items of this turn, for GET /v1/responses/{id}/input_items. */
  input: Json[];
}

export interface ResponseStoreLimits {
  maxEntries: number;
  maxBytes: number;
  ttlMs: number;
  /** Native answers whose provider is remembered. */
  maxNative: number;
  nativeTtlMs: number;
}

export const DEFAULT_RESPONSE_STORE: ResponseStoreLimits = {
  maxEntries: 1000,
  maxBytes: 64 * 1024 * 1024,
  ttlMs: 60 * 60_000,
  maxNative: 10_000,
  // OpenAI keeps stored responses for 30 days.
  nativeTtlMs: 30 * 24 * 60 * 60_000,
};

interface Entry {
  value: StoredResponse;
  bytes: number;
  expiresAt: number;
}

export class ResponseStore {
  readonly #limits: ResponseStoreLimits;
  readonly #entries = new Map<string, Entry>();
  readonly #native = new Map<string, { provider: string; expiresAt: number }>();
  #bytes = 0;
  readonly #now: () => number;

  constructor(limits: Partial<ResponseStoreLimits> = {}, now: () => number = Date.now) {
    this.#limits = { ...DEFAULT_RESPONSE_STORE, ...limits };
    this.#now = now;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(id: string): StoredResponse | undefined {
    const e = this.#entries.get(id);
    if (!e) return undefined;
    if (e.expiresAt <= this.#now()) {
      this.delete(id);
      return undefined;
    }
    // Most recently used last: eviction takes from the front.
    this.#entries.delete(id);
    this.#entries.set(id, e);
    return e.value;
  }

  /** Keeps the answer unless it alone exceeds the byte budget. */
  put(id: string, value: StoredResponse): boolean {
    const bytes = Buffer.byteLength(JSON.stringify(value));
    if (bytes > this.#limits.maxBytes) return false;
    this.delete(id);
    this.#entries.set(id, { value, bytes, expiresAt: this.#now() + this.#limits.ttlMs });
    this.#bytes += bytes;
    for (const [oldest, e] of this.#entries) {
      if (this.#entries.size <= this.#limits.maxEntries && this.#bytes <= this.#limits.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= e.bytes;
    }
    return true;
  }

  /** Remembers that provider made (and stores) the native answer id. */
  madeBy(id: string, provider: string): void {
    this.#native.delete(id);
    this.#native.set(id, { provider, expiresAt: this.#now() + this.#limits.nativeTtlMs });
    for (const oldest of this.#native.keys()) {
      if (this.#native.size <= this.#limits.maxNative) break;
      this.#native.delete(oldest);
    }
  }

  /** The provider that made a native answer, while remembered. */
  providerOf(id: string): string | undefined {
    const e = this.#native.get(id);
    if (!e) return undefined;
    if (e.expiresAt <= this.#now()) {
      this.#native.delete(id);
      return undefined;
    }
    return e.provider;
  }

  /** Forgets a native answer (the provider deleted it). */
  forgetNative(id: string): void {
    this.#native.delete(id);
  }

  delete(id: string): boolean {
    const e = this.#entries.get(id);
    if (!e) return false;
    this.#entries.delete(id);
    this.#bytes -= e.bytes;
    return true;
  }
}
