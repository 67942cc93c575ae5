// Prompt work off the event loop: guard and token work over request bodies of at least
// `threshold` bytes runs on a small worker pool (pool.ts) instead of the event loop, so one big
// prompt delays other calls by a hop, not by its whole scan. Smaller bodies stay on the event
// loop, synchronous (a worker hop costs more than their work).
import { PROMPT_WORKER, QueueFull, WorkerPool } from './pool.ts';
import type { PromptJob, PromptWorkResult } from './prompt-work.ts';

export { QueueFull } from './pool.ts';
export type { PromptJob, PromptWorkResult } from './prompt-work.ts';

export interface PromptOffload {
  /** Bodies at least this many bytes go to the pool. */
  readonly threshold: number;
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
    run: (job) => pool.run(job),
    close: () => pool.close(),
  };
}

export function isQueueFull(err: unknown): boolean {
  return err instanceof QueueFull;
}
