// aimesh-sidecar --gateway as a process: before the operator has published its CA bundle (the
// chart's ConfigMap starts empty) it stays up, answers probes and waits, instead of crash-looping.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { freePorts, startProcess, tempDir, waitFor } from '../../../support/procs.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');

test('waits for the operator CA file with probes answering, then connects', {
  timeout: 120_000,
}, async () => {
  const dir = tempDir('aimesh-gateway-run');
  writeFileSync(join(dir.path, 'token'), 'x.y.z');
  const [port, adminPort] = await freePorts(2);
  const proc = startProcess(
    'gateway',
    process.execPath,
    [
      join(ROOT, 'sidecar/main.ts'),
      '--gateway',
      '--operator',
      'https://127.0.0.1:1',
      '--operator-ca',
      join(dir.path, 'ca', 'ca.crt'),
      '--token-file',
      join(dir.path, 'token'),
      '--kube-api',
      'https://127.0.0.1:1',
      '--state-dir',
      join(dir.path, 'state'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--admin-host',
      '127.0.0.1',
      '--admin-port',
      String(adminPort),
    ],
    { logDir: dir.path, cwd: ROOT },
  );
  try {
    // Generous: a cold start on a loaded 2-core machine can take tens of seconds.
    await waitFor('waiting logged', async () => /waiting for the operator CA bundle/.test(proc.tail(20)), {
      timeoutMs: 90_000,
      onTimeout: () => proc.tail(20),
    });
    assert.ok(proc.running());
    assert.equal((await fetch(`http://127.0.0.1:${adminPort}/healthz`)).status, 200);
    assert.equal((await fetch(`http://127.0.0.1:${adminPort}/readyz`)).status, 503);
    // No snapshot yet: callers get a clear 503 from the gateway itself.
    const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, { method: 'POST', body: '{}' });
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('x-aimesh-gateway-error'), 'not_ready');
  } finally {
    await proc.stop(3000);
  }
});
