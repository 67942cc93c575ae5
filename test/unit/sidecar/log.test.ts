// The sidecar's stdout logger batches lines (sidecar/log.ts): nothing may be lost or held back.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const LOG = join(import.meta.dirname, '../../../sidecar/log.ts');

/** Runs a script with a logger on stdout; resolves with each line and when it arrived (ms). */
function run(script: string): Promise<{ lines: { msg: string; at: number }[]; code: number | null }> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', `import { createLogger } from ${JSON.stringify(LOG)};\n${script}`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const started = performance.now();
  const lines: { msg: string; at: number }[] = [];
  let rest = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) lines.push({ msg: JSON.parse(p).msg, at: performance.now() - started });
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ lines, code })));
}

describe('sidecar logger', () => {
  it('writes a lone line soon (50 ms batching), without waiting for more or for exit', async () => {
    const { lines } = await run(`
      const log = createLogger('info');
      const t0 = performance.now();
      log.info('first');
      setTimeout(() => { log.info('second'); }, 600);
      setTimeout(() => {}, 800);
    `);
    assert.deepEqual(
      lines.map((l) => l.msg),
      ['first', 'second'],
    );
    // 'first' came out well before 'second' was even logged: it was not held for a full batch.
    assert.ok(lines[1].at - lines[0].at > 400, `first at ${lines[0].at} ms, second at ${lines[1].at} ms`);
  });

  it('loses nothing when the process exits right after logging, batched or not', async () => {
    const { lines, code } = await run(`
      const log = createLogger('info');
      for (let i = 0; i < 2000; i++) log.info({ i, pad: 'x'.repeat(100) }, 'line ' + i);
      process.exit(3);
    `);
    assert.equal(code, 3);
    assert.equal(lines.length, 2000);
    assert.equal(lines[1999].msg, 'line 1999');
  });

  it('respects the level', async () => {
    const { lines } = await run(`
      const log = createLogger('warn');
      log.info('hidden');
      log.warn('shown');
    `);
    assert.deepEqual(
      lines.map((l) => l.msg),
      ['shown'],
    );
  });
});
