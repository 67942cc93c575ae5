// Backoff timing, retry-after parsing and the circuit breaker state machine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, retryAfterMs } from '../../../sidecar/resilience/backoff.ts';
import { BreakerPool, CircuitBreaker } from '../../../sidecar/resilience/circuit-breaker.ts';

describe('backoff', () => {
  it('doubles per retry with jitter in the upper half', () => {
    assert.equal(backoffDelay(1, 100, 0), 50);
    assert.equal(backoffDelay(1, 100, 1), 100);
    assert.equal(backoffDelay(2, 100, 0), 100);
    assert.equal(backoffDelay(3, 100, 1), 400);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(3, 100);
      assert.ok(d >= 200 && d <= 400, `delay ${d}`);
    }
  });

  it('is capped', () => {
    assert.equal(backoffDelay(40, 1000, 1, 5000), 5000);
  });

  it('reads retry-after-ms, retry-after seconds and HTTP dates', () => {
    assert.equal(retryAfterMs({ 'retry-after-ms': '250' }), 250);
    assert.equal(retryAfterMs({ 'retry-after': '2' }), 2000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, now), 3000);
    assert.equal(retryAfterMs({}), undefined);
    assert.equal(retryAfterMs({ 'retry-after': 'soon' }), undefined);
  });
});

describe('circuit breaker', () => {
  const clock = () => {
    let t = 1000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('opens after N consecutive failures, not after interleaved ones', () => {
    const c = clock();
    const b = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 100 }, c.now);
    b.onFailure();
    b.onFailure();
    b.onSuccess();
    b.onFailure();
    b.onFailure();
    assert.equal(b.state, 'closed');
    b.onFailure();
    assert.equal(b.state, 'open');
    assert.equal(b.tryAcquire(), false);
    assert.equal(b.retryInMs, 100);
  });

  it('lets one probe through after the cool-down; success closes it', () => {
    const c = clock();
    const b = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 100 }, c.now);
    b.onFailure();
    c.advance(99);
    assert.equal(b.tryAcquire(), false);
    c.advance(1);
    assert.equal(b.tryAcquire(), true);
    assert.equal(b.state, 'half-open');
    assert.equal(b.tryAcquire(), false, 'only one probe at a time');
    b.onSuccess();
    assert.equal(b.state, 'closed');
    assert.equal(b.tryAcquire(), true);
  });

  it('a failed probe opens it for another cool-down', () => {
    const c = clock();
    const b = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 100 }, c.now);
    b.onFailure();
    c.advance(100);
    assert.equal(b.tryAcquire(), true);
    b.onFailure();
    assert.equal(b.state, 'open');
    c.advance(50);
    assert.equal(b.tryAcquire(), false);
    c.advance(50);
    assert.equal(b.tryAcquire(), true);
  });

  it('a probe without a verdict frees the slot for the next one', () => {
    const c = clock();
    const b = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 10 }, c.now);
    b.onFailure();
    c.advance(10);
    assert.equal(b.tryAcquire(), true);
    b.release();
    assert.equal(b.tryAcquire(), true);
  });

  it('the pool keeps one breaker per backend key', () => {
    const pool = new BreakerPool({ failureThreshold: 1, cooldownMs: 10 });
    assert.equal(pool.get('a'), pool.get('a'));
    assert.notEqual(pool.get('a'), pool.get('b'));
    pool.get('a').onFailure();
    assert.deepEqual(pool.states(), { a: 'open', b: 'closed' });
  });
});
