// Lease elector timing on a virtual clock: acquire, renew, step down at the renew deadline,
// take over only after a full lease duration of silence (observed on the candidate's own clock,
// whatever the other machine's wall clock says), and release on stop.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Clock,
  decide,
  type ElectionTiming,
  LeaderElector,
  type Lease,
  type LeaseClient,
  type LeaseSpec,
} from '../../../../operator/controller/leader.ts';
import { KubeError } from '../../../../operator/kube/api.ts';
import { silentLogger } from '../../../../operator/log.ts';

const TIMING: ElectionTiming = { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 };
const flush = () => new Promise((r) => setImmediate(r));

class VirtualClock implements Clock {
  t = 0;
  #sleepers: { at: number; resolve: () => void }[] = [];
  readonly wallOffsetMs: number;
  constructor(wallOffsetMs = 0) {
    this.wallOffsetMs = wallOffsetMs;
  }
  now = () => this.t;
  wall = () => new Date(1_800_000_000_000 + this.t + this.wallOffsetMs);
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const s = { at: this.t + ms, resolve };
      this.#sleepers.push(s);
      signal.addEventListener(
        'abort',
        () => {
          this.#sleepers = this.#sleepers.filter((x) => x !== s);
          resolve();
        },
        { once: true },
      );
    });
  }
  /** Moves time forward, waking sleepers in order; `each` runs after every step. */
  async advance(ms: number, each?: () => void): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await flush();
      each?.();
      const due = this.#sleepers.filter((s) => s.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.t = Math.max(this.t, due.at);
      this.#sleepers = this.#sleepers.filter((s) => s !== due);
      due.resolve();
    }
    this.t = end;
    await flush();
    each?.();
  }
}

/** One Lease object in memory, with resourceVersion checks like the apiserver. */
class LeaseStore {
  lease: Lease | undefined;
  #rv = 0;
  client(opts: { down?: () => boolean } = {}): LeaseClient {
    const check = () => {
      if (opts.down?.()) throw new KubeError(0, 'ConnectionError', 'apiserver unreachable');
    };
    return {
      get: async () => {
        check();
        return this.lease && structuredClone(this.lease);
      },
      create: async (spec, annotations) => {
        check();
        if (this.lease) throw new KubeError(409, 'AlreadyExists', 'exists');
        this.lease = { metadata: { name: 'l', resourceVersion: String(++this.#rv), annotations }, spec };
        return structuredClone(this.lease);
      },
      update: async (lease) => {
        check();
        if (lease.metadata.resourceVersion !== this.lease?.metadata.resourceVersion)
          throw new KubeError(409, 'Conflict', 'stale resourceVersion');
        this.lease = {
          metadata: { ...lease.metadata, resourceVersion: String(++this.#rv) },
          spec: lease.spec,
        };
        return structuredClone(this.lease);
      },
    };
  }
}

const elector = (id: string, client: LeaseClient, clock: Clock) =>
  new LeaderElector(client, { identity: id, timing: TIMING, clock, log: silentLogger() });

describe('decide', () => {
  const held: LeaseSpec = { holderIdentity: 'a', leaseDurationSeconds: 15 };
  it('waits while the holder has been seen renewing within the lease duration', () => {
    assert.equal(decide(held, 'b', 1000, 15_999), 'wait');
  });
  it('acquires after a full lease duration of silence', () => {
    assert.equal(decide(held, 'b', 1000, 16_000), 'acquire');
  });
  it('acquires a released lease at once, and renews its own', () => {
    assert.equal(decide({ holderIdentity: null }, 'b', 0, 0), 'acquire');
    assert.equal(decide({ holderIdentity: '' }, 'b', 0, 0), 'acquire');
    assert.equal(decide(held, 'a', 0, 999_999), 'renew');
  });
});

describe('LeaderElector', () => {
  it('creates the lease and leads, then renews it every retry period', async () => {
    const clock = new VirtualClock();
    const store = new LeaseStore();
    const a = elector('a', store.client(), clock);
    a.start();
    await clock.advance(0);
    assert.equal(a.isLeader, true);
    assert.equal(store.lease!.spec.holderIdentity, 'a');
    assert.match(store.lease!.spec.renewTime!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/, 'MicroTime');
    const rv = store.lease!.metadata.resourceVersion;
    await clock.advance(TIMING.retryPeriodMs);
    assert.notEqual(store.lease!.metadata.resourceVersion, rv);
    assert.equal(store.lease!.spec.leaseTransitions, 0);
    await a.stop();
  });

  it('never has two leaders: the old one steps down at its renew deadline, the new one waits a lease duration', async () => {
    const clock = new VirtualClock();
    const store = new LeaseStore();
    let partitioned = false;
    const a = elector('a', store.client({ down: () => partitioned }), clock);
    const b = elector('b', store.client(), clock);
    a.start();
    await clock.advance(0);
    b.start();
    await clock.advance(30_000);
    assert.equal(a.isLeader, true);
    assert.equal(b.isLeader, false);

    partitioned = true; // a can no longer reach the apiserver; b can
    const cut = clock.now();
    let aStepDown: number | undefined;
    let bLeads: number | undefined;
    await clock.advance(40_000, () => {
      assert.ok(!(a.isLeader && b.isLeader), `two leaders at t=${clock.now()}`);
      if (!a.isLeader && aStepDown === undefined) aStepDown = clock.now();
      if (b.isLeader && bLeads === undefined) bLeads = clock.now();
    });
    assert.ok(aStepDown! - cut <= TIMING.renewDeadlineMs, `a stepped down after ${aStepDown! - cut} ms`);
    assert.ok(
      bLeads! - cut >= TIMING.leaseDurationMs - TIMING.retryPeriodMs,
      `b took over after ${bLeads! - cut} ms`,
    );
    assert.ok(bLeads! > aStepDown!);
    assert.equal(store.lease!.spec.holderIdentity, 'b');
    assert.equal(store.lease!.spec.leaseTransitions, 1);
    await a.stop();
    await b.stop();
  });

  it("ignores the holder's wall clock (clock skew): only locally observed silence counts", async () => {
    const store = new LeaseStore();
    const skewedClock = new VirtualClock(-3_600_000); // a's wall clock is an hour behind
    const a = elector('a', store.client(), skewedClock);
    a.start();
    await skewedClock.advance(0);
    // b reads renewTime an hour in the past, but a keeps changing the lease: b must wait.
    const clock = new VirtualClock(0);
    const b = elector('b', store.client(), clock);
    for (let i = 0; i < 20; i++) {
      await skewedClock.advance(TIMING.retryPeriodMs);
      clock.t = skewedClock.t;
      assert.equal(await b.tryAcquireOrRenew(), false, `b stole the lease at step ${i}`);
    }
    assert.equal(store.lease!.spec.holderIdentity, 'a');
    await a.stop();
  });

  it('releases the lease on stop so another replica leads at once', async () => {
    const clock = new VirtualClock();
    const store = new LeaseStore();
    const a = elector('a', store.client(), clock);
    const b = elector('b', store.client(), clock);
    a.start();
    await clock.advance(0);
    b.start();
    await clock.advance(5000);
    await a.stop();
    assert.equal(a.isLeader, false);
    assert.equal(store.lease!.spec.holderIdentity, null);
    const released = clock.now();
    await clock.advance(TIMING.retryPeriodMs * 1.2 + 1);
    assert.equal(b.isLeader, true, 'within one retry period, not a lease duration');
    assert.ok(clock.now() - released < TIMING.leaseDurationMs);
    await b.stop();
  });

  it('writes its annotations on the Lease; the others see who leads and what it advertises', async () => {
    const clock = new VirtualClock();
    const store = new LeaseStore();
    const advertising = (id: string, address: string) =>
      new LeaderElector(store.client(), {
        identity: id,
        timing: TIMING,
        clock,
        log: silentLogger(),
        annotations: () => ({ 'aimesh.io/push-address': address }),
      });
    const a = advertising('a', '10.0.0.1:15010');
    const b = advertising('b', '10.0.0.2:15010');
    a.start();
    await clock.advance(0);
    b.start();
    await clock.advance(TIMING.retryPeriodMs * 2);
    const seen = { identity: 'a', annotations: { 'aimesh.io/push-address': '10.0.0.1:15010' } };
    assert.deepEqual(b.observedLeader, seen);
    assert.deepEqual(a.observedLeader, seen);
    // Someone else's annotations on the Lease (Helm's) stay.
    store.lease!.metadata.annotations = {
      ...store.lease!.metadata.annotations,
      'meta.helm.sh/release-name': 'x',
    };
    await clock.advance(TIMING.retryPeriodMs);
    assert.equal(store.lease!.metadata.annotations?.['meta.helm.sh/release-name'], 'x');

    // A new leader replaces the address in the same write that makes it the holder.
    await a.stop();
    assert.equal(a.observedLeader, undefined);
    await clock.advance(TIMING.retryPeriodMs * 1.2 + 1);
    assert.equal(b.isLeader, true);
    assert.deepEqual(b.observedLeader?.annotations['aimesh.io/push-address'], '10.0.0.2:15010');
    await b.stop();
  });

  it('loses a race for the lease on a resourceVersion conflict without harm', async () => {
    const clock = new VirtualClock();
    const store = new LeaseStore();
    const a = elector('a', store.client(), clock);
    const b = elector('b', store.client(), clock);
    const [ra, rb] = await Promise.all([a.tryAcquireOrRenew(), b.tryAcquireOrRenew()]);
    assert.equal(Number(ra) + Number(rb), 1, 'exactly one wins');
  });
});
