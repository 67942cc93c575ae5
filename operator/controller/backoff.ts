// Exponential backoff with full jitter: the delay before attempt n is random in [0, min(max, base*2^n)],
// so a fleet of clients that failed together does not retry together.
export interface Backoff {
  next(): number;
  reset(): void;
}

export function exponentialBackoff(
  opts: { initialMs?: number; maxMs?: number; random?: () => number } = {},
): Backoff {
  const initial = opts.initialMs ?? 500;
  const max = opts.maxMs ?? 30_000;
  const random = opts.random ?? Math.random;
  let attempt = 0;
  return {
    next() {
      const ceiling = Math.min(max, initial * 2 ** attempt);
      attempt = Math.min(attempt + 1, 30);
      // Never below a tenth of the ceiling: a zero delay would turn a hard failure into a spin.
      return Math.round(ceiling * (0.1 + 0.9 * random()));
    },
    reset() {
      attempt = 0;
    },
  };
}

/** Resolves after ms, or at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
