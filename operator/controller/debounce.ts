// Debounce for reconciles: a burst of triggers becomes one run, after quietMs without a new
// trigger but never later than maxMs after the first one (a steady trickle still makes progress).
// Runs never overlap: a trigger during a run schedules exactly one more run after it.

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface DebounceOptions {
  quietMs: number;
  maxMs: number;
  timers?: Timers;
}

/** What a run learns about the batch it handles. */
export interface Batch {
  /** When the first trigger of this batch happened (for end-to-end latency metrics). */
  firstTriggerAt: number;
  triggers: number;
}

export class Debouncer {
  readonly #run: (batch: Batch) => Promise<void>;
  readonly #quietMs: number;
  readonly #maxMs: number;
  readonly #timers: Timers;
  #timer: unknown;
  #first: number | undefined;
  #count = 0;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(run: (batch: Batch) => Promise<void>, opts: DebounceOptions) {
    this.#run = run;
    this.#quietMs = opts.quietMs;
    this.#maxMs = Math.max(opts.maxMs, opts.quietMs);
    this.#timers = opts.timers ?? realTimers;
  }

  trigger(): void {
    if (this.#stopped) return;
    this.#first ??= this.#timers.now();
    this.#count++;
    if (this.#running) this.#again = true;
    else this.#scheduleBatch();
  }

  /** Runs now (after a run in progress; never overlapping), e.g. at start-up. */
  async flush(): Promise<void> {
    if (this.#stopped) return;
    this.#first ??= this.#timers.now();
    this.#count++;
    while (this.#running) {
      this.#again = false;
      await this.#running;
    }
    this.#fire();
    await this.#running;
  }

  /** Resolves when no run is in progress. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  get pending(): boolean {
    return this.#timer !== undefined || this.#running !== undefined;
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #scheduleBatch(): void {
    const now = this.#timers.now();
    const ms = Math.max(0, Math.min(this.#quietMs, (this.#first ?? now) + this.#maxMs - now));
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = this.#timers.setTimeout(() => this.#fire(), ms);
  }

  #fire(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch: Batch = { firstTriggerAt: this.#first ?? this.#timers.now(), triggers: this.#count };
    this.#first = undefined;
    this.#count = 0;
    this.#running = (async () => {
      try {
        await this.#run(batch);
      } catch {
        // The run reports its own errors; the debouncer only sequences.
      } finally {
        this.#running = undefined;
        if (this.#again && !this.#stopped) {
          this.#again = false;
          this.#scheduleBatch();
        }
      }
    })();
  }
}
