// The harness leaves nothing behind: stop(), a test process that crashes, one that is killed by
// a signal, and one that is SIGKILLed (the watchdog cleans up) all end every control-plane
// process and remove the temp dir holding keys and certs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { startCluster } from '../support/cluster.ts';
import { waitFor } from '../support/procs.ts';

const clusterModule = new URL('../support/cluster.ts', import.meta.url).href;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); // a zombie is dead
  } catch {
    return false;
  }
}

test('stop() ends every process and removes the temp dir', async () => {
  const cluster = await startCluster({ controllerManager: false });
  const pids = cluster.processes().map((p) => p.pid);
  assert.equal(pids.length, 2);
  assert.ok(pids.every(alive));
  assert.ok(existsSync(`${cluster.dir}/sa.key`));
  await cluster.stop();
  assert.deepEqual(pids.filter(alive), []);
  assert.equal(existsSync(cluster.dir), false);
  await cluster.stop(); // idempotent
});

for (const how of ['throw', 'SIGTERM', 'SIGKILL'] as const) {
  test(`a test process that ends by ${how} leaves no process or temp dir behind`, async () => {
    const script = `
      import { startCluster } from ${JSON.stringify(clusterModule)};
      const c = await startCluster({ controllerManager: false });
      console.log(JSON.stringify({ dir: c.dir, pids: c.processes().map((p) => p.pid) }));
      // The parent checks the cluster runs, then says "go" (throw) or sends a signal.
      process.stdin.once('data', () => { throw new Error('boom'); });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', () => reject(new Error(`child exited before starting a cluster:\n${stderr}`)));
    });
    const { dir, pids } = JSON.parse(line) as { dir: string; pids: number[] };
    assert.ok(pids.every(alive), 'the cluster runs in the child');
    if (how === 'throw') child.stdin.write('go\n');
    else child.kill(how);
    await exited;
    await waitFor(
      'the cluster processes to end and the temp dir to go',
      () => !pids.some(alive) && !existsSync(dir),
      {
        timeoutMs: how === 'SIGKILL' ? 15_000 : 5_000,
        intervalMs: 100,
      },
    );
  });
}
