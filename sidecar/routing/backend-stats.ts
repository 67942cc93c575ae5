// What this sidecar has seen of each backend (provider + upstream model), for the routing
// strategies: exponentially weighted moving averages of time to first token, total latency and
// output tokens. Per sidecar (no coordination between replicas), kept across snapshots (a reload
// does not forget), bounded in size (least recently updated backends go first), and forgetful:
// numbers older than `forgetAfterMs` count as none, so a backend nobody picked is tried again.

export interface BackendStatsOptions {
  /** Weight of a new sample in the averages (0..1]; default 0.4: a few samples move them. */
  alpha?: number;
  /** Backends remembered at most (default 1024). */
  maxBackends?: number;
  /** Averages not updated for this long are forgotten (default 5 minutes). */
  forgetAfterMs?: number;
  now?: () => number;
}

export interface LatencyAverages {
  /** ms from sending the request to the first token (the whole answer for non-streamed calls). */
  ttftMs: number;
  /** ms from sending the request to the last byte. */
  totalMs: number;
  samples: number;
}

interface Entry {
  latency?: LatencyAverages;
  outputTokens?: number;
  updatedAt: number;
}

/** A failure counts as a sample at least this slow... */
const MIN_FAILURE_MS = 1000;
/** ...and at least this many times the backend's average; never above the cap. */
const FAILURE_FACTOR = 2;
const MAX_SAMPLE_MS = 10 * 60 * 1000;

/** The key of a backend's statistics (and of its circuit breaker). */
export function backendKey(providerId: string, upstreamModel: string | undefined): string {
  return `${providerId}|${upstreamModel ?? ''}`;
}

export class BackendStats {
  readonly #alpha: number;
  readonly #max: number;
  readonly #forgetAfterMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();

  constructor(options: BackendStatsOptions = {}) {
    this.#alpha = options.alpha ?? 0.4;
    this.#max = options.maxBackends ?? 1024;
    this.#forgetAfterMs = options.forgetAfterMs ?? 5 * 60 * 1000;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The backend's latency averages, or undefined when it has none recent enough. */
  latency(key: string): LatencyAverages | undefined {
    return this.#fresh(key)?.latency;
  }

  /** The average output tokens of the backend's answers, or undefined. */
  outputTokens(key: string): number | undefined {
    return this.#fresh(key)?.outputTokens;
  }

  /** A served attempt: its time to first token and total time. */
  recordSuccess(key: string, ttftMs: number, totalMs: number): void {
    this.#latencySample(key, clamp(ttftMs), clamp(Math.max(ttftMs, totalMs)));
  }

  /**
   * A failed attempt (5xx, 429, timeout, connection error) counts as a slow sample: at least
   * 1 s and twice the backend's current average, or its real duration when that is longer.
   */
  recordFailure(key: string, elapsedMs: number): void {
    const now = this.#fresh(key)?.latency;
    const slow = (avg: number | undefined) =>
      clamp(Math.max(elapsedMs, MIN_FAILURE_MS, FAILURE_FACTOR * (avg ?? 0)));
    this.#latencySample(key, slow(now?.ttftMs), slow(now?.totalMs));
  }

  /** The output tokens of an answer (the cost strategy's estimate when a call sets no max_tokens). */
  recordOutput(key: string, tokens: number): void {
    const e = this.#touch(key);
    e.outputTokens = e.outputTokens === undefined ? tokens : this.#mix(e.outputTokens, tokens);
  }

  #latencySample(key: string, ttftMs: number, totalMs: number): void {
    const e = this.#touch(key);
    const l = e.latency;
    e.latency = l
      ? {
          ttftMs: this.#mix(l.ttftMs, ttftMs),
          totalMs: this.#mix(l.totalMs, totalMs),
          samples: l.samples + 1,
        }
      : { ttftMs, totalMs, samples: 1 };
  }

  #mix(average: number, sample: number): number {
    return average + this.#alpha * (sample - average);
  }

  #fresh(key: string): Entry | undefined {
    const e = this.#entries.get(key);
    if (e && this.#now() - e.updatedAt > this.#forgetAfterMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** The entry, moved to the most recently updated end (evicting the oldest when full). */
  #touch(key: string): Entry {
    const e = this.#fresh(key) ?? {};
    this.#entries.delete(key);
    if (this.#entries.size >= this.#max) this.#entries.delete(this.#entries.keys().next().value!);
    const entry = { ...e, updatedAt: this.#now() };
    this.#entries.set(key, entry);
    return entry;
  }
}

function clamp(ms: number): number {
  return Math.min(MAX_SAMPLE_MS, Math.max(0, ms));
}
