// The bench harness keeps working: `bench/run.ts --quick` on one workload with two arms (the floor
// proxy and AIMesh, plus direct, always measured) writes results JSON of the expected shape and a
// report. Numbers are not asserted (benchmarks measure; this only checks the harness runs).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { BenchResults } from '../../bench/lib/results.ts';
import { tempDir } from '../support/procs.ts';

const RUN = resolve(import.meta.dirname, '../../bench/run.ts');

describe('make bench (quick mode)', () => {
  it('runs chat-small through direct, the floor proxy and AIMesh and writes results of the expected shape', async () => {
    const dir = tempDir('aimesh-bench-test');
    try {
      await promisify(execFile)(
        process.execPath,
        [
          RUN,
          '--quick',
          '--arms',
          'floor,aimesh-off',
          '--workloads',
          'chat-small',
          '--results-dir',
          dir.path,
          '--report',
          join(dir.path, 'RESULTS.md'),
          '--no-plot',
        ],
        { timeout: 240_000, maxBuffer: 16 << 20 },
      );
      const results = JSON.parse(readFileSync(join(dir.path, 'latest-quick.json'), 'utf8')) as BenchResults;
      assert.equal(results.schema, 1);
      assert.equal(results.quick, true);
      assert.ok(!Number.isNaN(Date.parse(results.date)));
      assert.equal(typeof results.machine.cpus, 'number');
      assert.deepEqual(
        results.arms.map((a) => [a.name, a.available]),
        [
          ['direct', true],
          ['floor', true],
          ['aimesh-off', true],
        ],
      );
      assert.equal(results.workloads.length, 1);
      const [w] = results.workloads;
      assert.equal(w.name, 'chat-small');
      for (const arm of ['direct', 'floor', 'aimesh-off'] as const) {
        const lat = w.latency?.[arm];
        assert.ok(lat, `latency for ${arm}`);
        assert.ok(lat.total.n > 0, `${arm} answered`);
        assert.equal(lat.errors, 0, `${arm} had errors`);
        for (const p of ['p50', 'p99', 'p999'] as const) {
          assert.equal(typeof lat.total[p], 'number');
          assert.equal(typeof lat.added[p], 'number');
        }
        const frontier = w.frontier[arm];
        assert.ok(frontier && frontier.steps.length > 0, `frontier steps for ${arm}`);
        for (const s of frontier.steps) {
          assert.equal(typeof s.rate, 'number');
          assert.equal(typeof s.achieved, 'number');
          assert.equal(typeof s.p99, 'number');
          assert.equal(typeof s.errors, 'number');
        }
        assert.deepEqual(Object.keys(frontier.max).sort(), ['10ms', '1ms', '50ms', '5ms']);
      }
      assert.equal(w.latency?.direct?.added.p50, 0);
      // Every interleaved round is kept, so goals can report the spread of per-round ratios.
      assert.equal(w.latency?.['aimesh-off']?.rounds?.length, 2);
      for (const arm of ['floor', 'aimesh-off'] as const) {
        assert.equal(typeof w.cpuUsPerRequest[arm], 'number', `CPU per request of ${arm}`);
        assert.equal(typeof results.rss[arm]?.idleMB, 'number', `idle RSS of ${arm}`);
      }
      const report = readFileSync(join(dir.path, 'RESULTS.md'), 'utf8');
      assert.match(report, /# AIMesh benchmark results/);
      assert.match(report, /## chat-small/);
      assert.match(report, /\| aimesh-off \|/);
      // Every goal has its row: measured ones with the spread of per-round values and a verdict,
      // the others (workloads and arms not in this run) saying why they were not measured.
      assert.match(
        report,
        /\| c=1 added p50, chat-small: policy off <= 1\.3x floor \| [\d.]+x \| [\d.]+x \/ [\d.]+x \/ [\d.]+x \(2\) \| (met|met only within noise|\*\*not met\*\*) \|/,
      );
      assert.match(
        report,
        /\| CPU per request @~1000\/s, chat-small: policy off <= 1\.5x floor \| [\d.]+x \|/,
      );
      assert.match(
        report,
        /\| c=1 added p50, chat-small: full policy <= 1\.6x floor \| – \| – \| not measured \| aimesh-full not in this run \|/,
      );
      assert.match(
        report,
        /\| concurrent streams: policy off stalls none \| – \| – \| not measured \| chat-stream not in this run \|/,
      );
      assert.match(
        report,
        /\| c=1 added p50, chat-200k: full policy <= 2x floor \| – \| – \| not measured \|/,
      );
      assert.ok(existsSync(join(dir.path, 'latest-quick.json')));
    } finally {
      dir.remove();
    }
  });
});
