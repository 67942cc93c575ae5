// A circuit breaker per backend (provider + model): after N consecutive failures the backend is
// skipped for a cool-down, then one probe request decides whether it closes again. State lives
// outside snapshots (a BreakerPool keyed by backend), so a config reload does not forget it.

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit rejects before letting one probe through. */
  cooldownMs: number;
}

export class CircuitBreaker {
  readonly #settings: BreakerSettings;
  readonly #now: () => number;
  #state: BreakerState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #probeInFlight = false;
  #lastFailure: string | undefined;
  #openedBy: string | undefined;

  constructor(settings: BreakerSettings, now: () => number = Date.now) {
    this.#settings = settings;
    this.#now = now;
  }

  get state(): BreakerState {
    return this.#state;
  }

  /** The kind of failure (5xx, timeout, connect-error) that opened the circuit last. */
  get openedBy(): string | undefined {
    return this.#openedBy;
  }

  /** ms until an open circuit admits a probe (0 when it would admit now). */
  get retryInMs(): number {
    if (this.#state !== 'open') return 0;
    return Math.max(0, this.#openedAt + this.#settings.cooldownMs - this.#now());
  }

  /** Would tryAcquire admit a request now? (No side effect: routing strategies ask this.) */
  get admitting(): boolean {
    if (this.#state === 'closed') return true;
    if (this.#state === 'open') return this.retryInMs === 0;
    return !this.#probeInFlight;
  }

  /** May a request go to this backend? Half-open admits exactly one probe at a time. */
  tryAcquire(): boolean {
    if (this.#state === 'closed') return true;
    if (this.#state === 'open') {
      if (this.retryInMs > 0) return false;
      this.#state = 'half-open';
      this.#probeInFlight = false;
    }
    if (this.#probeInFlight) return false;
    this.#probeInFlight = true;
    return true;
  }

  /** The backend answered (any answer that is not a backend failure counts). */
  onSuccess(): void {
    this.#state = 'closed';
    this.#failures = 0;
    this.#probeInFlight = false;
  }

  /** 5xx, timeout or connection failure (`kind` says which, for fallback triggers). */
  onFailure(kind?: string): void {
    this.#probeInFlight = false;
    this.#lastFailure = kind;
    if (this.#state === 'half-open') {
      this.#open();
      return;
    }
    this.#failures++;
    if (this.#state === 'closed' && this.#failures >= this.#settings.failureThreshold) this.#open();
  }

  /** An admitted request ended without a verdict (the app went away): free the probe slot. */
  release(): void {
    this.#probeInFlight = false;
  }

  #open(): void {
    this.#state = 'open';
    this.#openedAt = this.#now();
    this.#openedBy = this.#lastFailure;
    this.#failures = 0;
  }
}

/** One breaker per backend key, shared by every snapshot. */
export class BreakerPool {
  readonly #settings: BreakerSettings;
  readonly #breakers = new Map<string, CircuitBreaker>();

  constructor(settings: BreakerSettings) {
    this.#settings = settings;
  }

  get(key: string): CircuitBreaker {
    let breaker = this.#breakers.get(key);
    if (!breaker) {
      breaker = new CircuitBreaker(this.#settings);
      this.#breakers.set(key, breaker);
    }
    return breaker;
  }

  /** Would the backend's breaker admit a request now? (A backend never seen: yes.) */
  admits(key: string): boolean {
    return this.#breakers.get(key)?.admitting ?? true;
  }

  /** key -> state, for /debug/config. */
  states(): Record<string, BreakerState> {
    return Object.fromEntries([...this.#breakers].map(([k, b]) => [k, b.state]));
  }
}
