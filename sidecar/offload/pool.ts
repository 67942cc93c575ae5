// A small pool of worker threads for CPU work on large inputs (guards and token counting over big
// prompts), so one big request does not stall every other call on the event loop. Built once,
// started lazily (a worker is spawned when a job finds none idle, up to `size`; one idle for
// idleMs is stopped, giving its memory back), with a bounded
// queue: a job that finds the queue full is refused at once (QueueFull) instead of piling up
// memory. A worker that dies fails its job and is replaced on demand.
import { Worker } from 'node:worker_threads';

export class QueueFull extends Error {}

/** The prompt worker's entry: worker.ts from source, its bundle next to the sidecar's in images. */
export const PROMPT_WORKER = import.meta.url.endsWith('.ts')
  ? new URL('./worker.ts', import.meta.url)
  : new URL('./aimesh-sidecar-worker.mjs', import.meta.url);

interface Task<J, R> {
  job: J;
  resolve(result: R): void;
  reject(err: Error): void;
}

type Reply<R> = { ok: true; result: R } | { ok: false; error: string };

export interface PoolOptions {
  entry: URL;
  /** Worker threads at most. */
  size: number;
  /** Jobs waiting for a worker at most. */
  queue: number;
  name?: string;
  /** A worker idle this long is stopped (its memory given back); default 30 s. */
  idleMs?: number;
}

export class WorkerPool<J, R> {
  readonly #opts: PoolOptions;
  readonly #idle: Worker[] = [];
  readonly #idleTimers = new Map<Worker, NodeJS.Timeout>();
  readonly #busy = new Map<Worker, Task<J, R>>();
  readonly #queue: Task<J, R>[] = [];
  #workers = 0;
  #closed = false;

  constructor(opts: PoolOptions) {
    this.#opts = opts;
  }

  /** Workers started so far (0 until the first job). */
  get size(): number {
    return this.#workers;
  }

  get queued(): number {
    return this.#queue.length;
  }

  /** Jobs that would start at once now: idle workers and those not started yet (none while jobs wait). */
  get free(): number {
    return this.#queue.length > 0 ? 0 : this.#idle.length + this.#opts.size - this.#workers;
  }

  run(job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.#closed) return reject(new Error('worker pool closed'));
      const task = { job, resolve, reject };
      const worker = this.#takeIdle() ?? (this.#workers < this.#opts.size ? this.#spawn() : undefined);
      if (worker) return this.#start(worker, task);
      if (this.#queue.length >= this.#opts.queue)
        return reject(new QueueFull(`${this.#queue.length} large requests already wait for a worker`));
      this.#queue.push(task);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#queue.splice(0)) t.reject(new Error('worker pool closed'));
    const all = [...this.#idle, ...this.#busy.keys()];
    this.#idle.length = 0;
    for (const t of this.#idleTimers.values()) clearTimeout(t);
    this.#idleTimers.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  #takeIdle(): Worker | undefined {
    const worker = this.#idle.pop();
    if (worker) {
      clearTimeout(this.#idleTimers.get(worker));
      this.#idleTimers.delete(worker);
    }
    return worker;
  }

  /** Parks a worker; stops it if nothing comes for idleMs (a thread holds tens of MB). */
  #park(worker: Worker): void {
    this.#idle.push(worker);
    const timer = setTimeout(() => {
      this.#idleTimers.delete(worker);
      const at = this.#idle.indexOf(worker);
      if (at < 0) return;
      this.#idle.splice(at, 1);
      void worker.terminate();
    }, this.#opts.idleMs ?? 30_000);
    timer.unref();
    this.#idleTimers.set(worker, timer);
  }

  #start(worker: Worker, task: Task<J, R>): void {
    this.#busy.set(worker, task);
    worker.postMessage(task.job);
  }

  #spawn(): Worker {
    const worker = new Worker(this.#opts.entry, { name: this.#opts.name ?? 'aimesh-worker' });
    this.#workers++;
    worker.unref(); // a pending job keeps the process busy anyway; an idle pool must not
    worker.on('message', (reply: Reply<R>) => {
      const task = this.#busy.get(worker);
      this.#busy.delete(worker);
      if (task) {
        if (reply.ok) task.resolve(reply.result);
        else task.reject(new Error(reply.error));
      }
      const next = this.#queue.shift();
      if (next) this.#start(worker, next);
      else this.#park(worker);
    });
    const gone = (err: Error) => {
      const task = this.#busy.get(worker);
      this.#busy.delete(worker);
      const at = this.#idle.indexOf(worker);
      if (at >= 0) this.#idle.splice(at, 1);
      clearTimeout(this.#idleTimers.get(worker));
      this.#idleTimers.delete(worker);
      this.#workers--;
      task?.reject(err);
      // Whoever waits gets a fresh worker.
      const next = this.#closed ? undefined : this.#queue.shift();
      if (next) this.#start(this.#spawn(), next);
    };
    let ended = false;
    worker.on('error', (err) => {
      if (ended) return;
      ended = true;
      gone(err);
    });
    worker.on('exit', (code) => {
      if (ended) return;
      ended = true;
      gone(new Error(`worker exited with code ${code}`));
    });
    return worker;
  }
}
