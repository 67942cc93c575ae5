// Prompt work off the event loop: guard and token work over request bodies of at least
// `threshold` bytes runs on a small worker pool (pool.ts) instead of the event loop, so one big
// prompt delays other calls by a hop, not by its whole scan. Smaller bodies stay on the event
// loop, synchronous (a worker hop costs more than their work). With two workers free, one job's
// work is split over both (split.ts).
import { PROMPT_WORKER, QueueFull, WorkerPool } from './pool.ts';
import type { PromptJob, PromptWorkResult } from './prompt-work.ts';
import { mergeResults, splitJob } from './split.ts';

export { QueueFull } from './pool.ts';
export type { PromptJob, PromptWorkResult } from './prompt-work.ts';

export interface PromptOffload {
  /** Bodies at least this many bytes go to the pool. */
  readonly threshold: number;
  /** Worker threads started so far. */
  readonly workers: number;
  run(job: PromptJob): Promise<PromptWorkResult>;
  close(): Promise<void>;
}

export function promptOffload(opts: { threshold: number; workers: number; queue: number }): PromptOffload {
  const pool = new WorkerPool<PromptJob, PromptWorkResult>({
    entry: PROMPT_WORKER,
    size: opts.workers,
    queue: opts.queue,
    name: 'aimesh-prompt',
  });
  return {
    threshold: opts.threshold,
    get workers() {
      return pool.size;
    },
    run: (job) => {
      // Two workers free: the injection scan on one, the rest on the other (split.ts), so a big
      // prompt waits for the longer half, not the sum. Busy: one job, no extra parse.
      const halves = pool.free >= 2 ? splitJob(job) : undefined;
      if (!halves) return pool.run(job);
      return Promise.all([pool.run(halves[0]), pool.run(halves[1])]).then(([a, b]) => mergeResults(a, b));
    },
    close: () => pool.close(),
  };
}

export function isQueueFull(err: unknown): boolean {
  return err instanceof QueueFull;
}
