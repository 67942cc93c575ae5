import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Batch, Debouncer, type Timers } from '../../../../operator/controller/debounce.ts';

const flush = () => new Promise((r) => setImmediate(r));

class FakeTimers implements Timers {
  t = 0;
  #next = 1;
  #timers = new Map<number, { at: number; fn: () => void }>();
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.#next++;
    this.#timers.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.#timers.delete(h as number);
  };
  async advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      await flush();
      const due = [...this.#timers].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
    await flush();
  }
}

function setup(run: (b: Batch) => Promise<void> = async () => {}) {
  const timers = new FakeTimers();
  const runs: { at: number; batch: Batch }[] = [];
  const d = new Debouncer(
    async (batch) => {
      runs.push({ at: timers.now(), batch });
      await run(batch);
    },
    { quietMs: 50, maxMs: 500, timers },
  );
  return { d, timers, runs };
}

describe('Debouncer', () => {
  it('turns a burst into one run after a quiet period', async () => {
    const { d, timers, runs } = setup();
    for (let i = 0; i < 10; i++) {
      d.trigger();
      await timers.advance(10);
    }
    assert.equal(runs.length, 0);
    await timers.advance(60);
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.batch.triggers, 10);
    assert.equal(runs[0]!.batch.firstTriggerAt, 0, 'the batch remembers its first change (latency metrics)');
    assert.equal(runs[0]!.at, 140);
  });

  it('never waits longer than maxMs under a steady trickle', async () => {
    const { d, timers, runs } = setup();
    for (let i = 0; i < 100; i++) {
      d.trigger();
      await timers.advance(20);
    }
    assert.ok(runs.length >= 3, `${runs.length} runs in 2 s`);
    for (const r of runs) assert.ok(r.at - r.batch.firstTriggerAt <= 500);
  });

  it('never overlaps runs: a trigger during a run causes exactly one more', async () => {
    let release!: () => void;
    let active = 0;
    let maxActive = 0;
    const { d, timers, runs } = setup(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise<void>((r) => {
        release = r;
      });
      active--;
    });
    d.trigger();
    await timers.advance(60);
    assert.equal(runs.length, 1);
    d.trigger();
    d.trigger();
    await timers.advance(200);
    assert.equal(runs.length, 1, 'waits for the run in progress');
    release();
    await timers.advance(60);
    assert.equal(runs.length, 2);
    release();
    await timers.advance(1000);
    assert.equal(runs.length, 2);
    assert.equal(maxActive, 1);
  });

  it('flush runs at once and survives a failing run', async () => {
    let fail = true;
    const { d, timers, runs } = setup(async () => {
      if (fail) throw new Error('boom');
    });
    await d.flush();
    assert.equal(runs.length, 1);
    fail = false;
    d.trigger();
    await timers.advance(60);
    assert.equal(runs.length, 2);
  });

  it('does nothing once stopped', async () => {
    const { d, timers, runs } = setup();
    d.trigger();
    d.stop();
    d.trigger();
    await timers.advance(1000);
    assert.equal(runs.length, 0);
  });
});
