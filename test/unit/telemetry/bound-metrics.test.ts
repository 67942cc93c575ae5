// The bound counters and histograms render exactly what prom-client's own would for the same
// observations (text and JSON), and refuse what prom-client refuses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Counter, Histogram, Registry } from 'prom-client';
import { BoundCounter, BoundHistogram } from '../../../sidecar/telemetry/bound-metrics.ts';

const BUCKETS = [0.01, 0.1, 1, 10];

function pair() {
  const ref = new Registry();
  const ours = new Registry();
  const cfg = (registers: Registry[]) => ({
    name: 'x_duration_seconds',
    help: 'How long "x" took\\n.',
    labelNames: ['route', 'status'] as const,
    buckets: BUCKETS,
    registers,
  });
  const counterCfg = (registers: Registry[]) => ({
    name: 'x_total',
    help: 'Calls.',
    labelNames: ['route', 'status'] as const,
    registers,
  });
  return {
    ref,
    ours,
    refH: new Histogram(cfg([ref])),
    ourH: new BoundHistogram(cfg([ours])),
    refC: new Counter(counterCfg([ref])),
    ourC: new BoundCounter(counterCfg([ours])),
  };
}

describe('bound metrics', () => {
  it('render the same text and JSON as prom-client for the same observations', async () => {
    const { ref, ours, refH, ourH, refC, ourC } = pair();
    const seen: [Record<'route' | 'status', string>, number][] = [
      [{ route: 'team-a/chat', status: '200' }, 0.004],
      [{ route: 'team-a/chat', status: '200' }, 0.5],
      [{ route: 'team-a/chat', status: '502' }, 12], // past the last bound
      [{ route: 'q"uo\\te\n', status: '200' }, 0.1], // on a bound; a value needing escapes
      [{ route: 'team-a/chat', status: '200' }, 1],
    ];
    for (const [labels, v] of seen) {
      refH.labels(labels).observe(v);
      ourH.labels(labels).observe(v);
      refC.labels(labels).inc(v);
      ourC.labels(labels).inc(v);
    }
    assert.equal(await ours.metrics(), await ref.metrics());
    assert.deepEqual(await ours.getMetricsAsJSON(), await ref.getMetricsAsJSON());
    assert.match(
      await ours.metrics(),
      /x_duration_seconds_bucket\{le="\+Inf",route="team-a\/chat",status="200"\} 3/,
    );
  });

  it('hand out the same child for the same labels, whatever the object', () => {
    const { ourC } = pair();
    const a = ourC.labels({ route: 'r', status: '200' });
    a.inc();
    ourC.labels({ status: '200', route: 'r' }).inc(2);
    assert.equal(a.value, 3);
    assert.notEqual(ourC.labels({ route: 'r', status: '500' }), a);
  });

  it('refuse a missing label, a counter going down and a histogram value that is not a number', () => {
    const { ourC, ourH } = pair();
    assert.throws(() => ourC.labels({ route: 'r' } as never), /label status/);
    assert.throws(() => ourC.labels({ route: 'r', status: '200' }).inc(-1), /only goes up/);
    assert.throws(() => ourH.labels({ route: 'r', status: '200' }).observe(Number.NaN), /not a valid number/);
  });

  it('reset zeroes the children in place (children already handed out stay live)', async () => {
    const { ours, ourC } = pair();
    const c = ourC.labels({ route: 'r', status: '200' });
    c.inc(5);
    ourC.reset();
    c.inc();
    assert.match(await ours.metrics(), /x_total\{route="r",status="200"\} 1/);
  });
});
