// Leader election on a coordination.k8s.io/v1 Lease, after client-go's design. Every replica
// serves push streams; only the leader writes status (and runs the quota service).
//
// Clock skew: replicas never compare the lease's renewTime with their own wall clock. A candidate
// records, on its own monotonic clock, when it last saw the lease change, and takes over only
// after leaseDuration of silence. The leader counts on its own clock too and steps down when it
// has not renewed for renewDeadline (< leaseDuration): the gap absorbs request latency and clock
// rate differences, so two replicas never both believe they lead.
import { setTimeout as delay } from 'node:timers/promises';
import { isConflict, isNotFound, type KubeApi, microTime, RESOURCES, resourcePath } from '../kube/api.ts';
import type { Logger } from '../log.ts';

export interface LeaseSpec {
  holderIdentity?: string | null;
  leaseDurationSeconds?: number;
  acquireTime?: string | null;
  renewTime?: string | null;
  leaseTransitions?: number;
}

export interface Lease {
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    annotations?: Record<string, string>;
  };
  spec: LeaseSpec;
}

/** The holder as this replica last read the Lease, with what it advertises. */
export interface ObservedLeader {
  identity: string;
  annotations: Record<string, string>;
}

/** Storage of the one Lease (a fake in unit tests, the API in production). */
export interface LeaseClient {
  get(): Promise<Lease | undefined>;
  create(spec: LeaseSpec, annotations?: Record<string, string>): Promise<Lease>;
  /** Optimistic concurrency: rejects when the resourceVersion is stale. */
  update(lease: Lease): Promise<Lease>;
}

export interface ElectionTiming {
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
}

export const DEFAULT_TIMING: ElectionTiming = {
  leaseDurationMs: 15_000,
  renewDeadlineMs: 10_000,
  retryPeriodMs: 2_000,
};

export interface Clock {
  /** Monotonic milliseconds (for durations). */
  now(): number;
  /** Wall time (written into the Lease for people to read). */
  wall(): Date;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  wall: () => new Date(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => {}),
};

export function validateTiming(t: ElectionTiming): void {
  if (!(t.leaseDurationMs > t.renewDeadlineMs))
    throw new Error('lease duration must exceed the renew deadline');
  if (!(t.renewDeadlineMs > t.retryPeriodMs)) throw new Error('renew deadline must exceed the retry period');
}

export type Decision = 'acquire' | 'renew' | 'wait';

/**
 * Pure: may `me` take or keep the lease, given the lease and when (on my clock) I last saw it
 * change? An empty holder (released) is free at once.
 */
export function decide(lease: LeaseSpec, me: string, observedAt: number, now: number): Decision {
  const holder = lease.holderIdentity;
  if (holder === me) return 'renew';
  if (!holder) return 'acquire';
  const durationMs = (lease.leaseDurationSeconds ?? 15) * 1000;
  return now - observedAt >= durationMs ? 'acquire' : 'wait';
}

export interface ElectorOptions {
  identity: string;
  timing?: ElectionTiming;
  clock?: Clock;
  log: Logger;
  /** Written on the Lease with every acquire and renew (e.g. where the leader can be reached). */
  annotations?: () => Record<string, string>;
  onStartedLeading?: () => void;
  onStoppedLeading?: () => void;
}

export class LeaderElector {
  readonly identity: string;
  readonly #client: LeaseClient;
  readonly #timing: ElectionTiming;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #opts: ElectorOptions;
  #leading = false;
  #lastRenew = Number.NEGATIVE_INFINITY;
  #observed: { resourceVersion?: string; at: number } | undefined;
  #holder: ObservedLeader | undefined;
  #abort = new AbortController();
  #loop: Promise<void> | undefined;

  constructor(client: LeaseClient, opts: ElectorOptions) {
    this.identity = opts.identity;
    this.#client = client;
    this.#timing = opts.timing ?? DEFAULT_TIMING;
    validateTiming(this.#timing);
    this.#clock = opts.clock ?? systemClock;
    this.#log = opts.log.child({ component: 'leader-election', identity: opts.identity });
    this.#opts = opts;
  }

  /** True only while the last successful renewal is younger than the renew deadline. */
  get isLeader(): boolean {
    return this.#leading && this.#clock.now() - this.#lastRenew < this.#timing.renewDeadlineMs;
  }

  /**
   * The holder of the Lease as last read (every retry period): who leads, and its annotations.
   * Undefined when nobody holds it (released, or not read yet).
   */
  get observedLeader(): ObservedLeader | undefined {
    return this.#holder;
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  /** Stops campaigning and, when leading, releases the lease so another replica takes over at once. */
  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#loop;
    if (this.#leading) {
      this.#setLeading(false);
      await this.#release();
    }
  }

  /** One acquire-or-renew attempt; exported through the class for tests. */
  async tryAcquireOrRenew(): Promise<boolean> {
    const now = this.#clock.now();
    const wall = microTime(this.#clock.wall());
    const durationSeconds = Math.ceil(this.#timing.leaseDurationMs / 1000);
    const mark = this.#opts.annotations?.() ?? {};
    let lease: Lease | undefined;
    try {
      lease = await this.#client.get();
      if (!lease) {
        lease = await this.#client.create(
          {
            holderIdentity: this.identity,
            leaseDurationSeconds: durationSeconds,
            acquireTime: wall,
            renewTime: wall,
            leaseTransitions: 0,
          },
          mark,
        );
        this.#see(lease);
        this.#observed = { resourceVersion: lease.metadata.resourceVersion, at: now };
        return true;
      }
      this.#see(lease);
      let observed = this.#observed;
      if (!observed || observed.resourceVersion !== lease.metadata.resourceVersion) {
        observed = { resourceVersion: lease.metadata.resourceVersion, at: now };
        this.#observed = observed;
      }
      const decision = decide(lease.spec, this.identity, observed.at, now);
      if (decision === 'wait') return false;
      // A holder that lost its lease to us without knowing still renews until its deadline: the
      // resourceVersion check makes exactly one of us win each round.
      const mine = decision === 'renew';
      const updated = await this.#client.update({
        ...lease,
        metadata: { ...lease.metadata, annotations: { ...lease.metadata.annotations, ...mark } },
        spec: {
          holderIdentity: this.identity,
          leaseDurationSeconds: durationSeconds,
          acquireTime: mine && lease.spec.acquireTime ? lease.spec.acquireTime : wall,
          renewTime: wall,
          leaseTransitions: (lease.spec.leaseTransitions ?? 0) + (mine ? 0 : 1),
        },
      });
      this.#see(updated);
      this.#observed = { resourceVersion: updated.metadata.resourceVersion, at: now };
      return true;
    } catch (err) {
      if (!isConflict(err)) this.#log.warn({ err: (err as Error).message }, 'lease update failed');
      return false;
    }
  }

  async #run(): Promise<void> {
    const signal = this.#abort.signal;
    const { retryPeriodMs, renewDeadlineMs } = this.#timing;
    while (!signal.aborted) {
      const started = this.#clock.now();
      // Bound each attempt: a hung request must not keep a leader past its deadline unnoticed.
      const attempt = new AbortController();
      const ok = await Promise.race([
        this.tryAcquireOrRenew(),
        this.#clock.sleep(renewDeadlineMs, AbortSignal.any([signal, attempt.signal])).then(() => false),
      ]);
      attempt.abort();
      if (signal.aborted) break;
      if (ok) {
        this.#lastRenew = started;
        if (!this.#leading) this.#setLeading(true);
      } else if (this.#leading && this.#clock.now() - this.#lastRenew >= renewDeadlineMs) {
        this.#log.warn('could not renew the lease within the renew deadline; stepping down');
        this.#setLeading(false);
      }
      const jitter = this.#leading ? 1 : 1 + Math.random() * 0.2;
      await this.#clock.sleep(Math.max(0, retryPeriodMs * jitter - (this.#clock.now() - started)), signal);
    }
  }

  #see(lease: Lease): void {
    const identity = lease.spec.holderIdentity;
    this.#holder = identity ? { identity, annotations: lease.metadata.annotations ?? {} } : undefined;
  }

  #setLeading(leading: boolean): void {
    this.#leading = leading;
    this.#log.info(leading ? 'became the leader' : 'no longer the leader');
    try {
      (leading ? this.#opts.onStartedLeading : this.#opts.onStoppedLeading)?.();
    } catch (err) {
      this.#log.error({ err: (err as Error).message }, 'leadership callback failed');
    }
  }

  async #release(): Promise<void> {
    try {
      const lease = await this.#client.get();
      if (!lease || lease.spec.holderIdentity !== this.identity) return;
      const wall = microTime(this.#clock.wall());
      this.#holder = undefined;
      await this.#client.update({
        ...lease,
        spec: {
          ...lease.spec,
          holderIdentity: null,
          leaseDurationSeconds: 1,
          acquireTime: wall,
          renewTime: wall,
        },
      });
      this.#log.info('released the lease');
    } catch (err) {
      this.#log.warn({ err: (err as Error).message }, 'could not release the lease; it expires on its own');
    }
  }
}

/** The Lease in the API. */
export function kubeLeaseClient(kube: KubeApi, namespace: string, name: string): LeaseClient {
  const path = resourcePath(RESOURCES.Lease, namespace, name);
  return {
    async get() {
      try {
        return await kube.get<Lease>(path);
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    create: (spec, annotations) =>
      kube.create<Lease>(resourcePath(RESOURCES.Lease, namespace), {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name, namespace, ...(annotations ? { annotations } : {}) },
        spec,
      }),
    update: (lease) =>
      kube.replace<Lease>(path, { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', ...lease }),
  };
}
