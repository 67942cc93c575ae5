// The test upstream (upstream.ts) in a child process of its own, for tests that time the sidecar
// or load it hard: an in-process upstream would share (and block) the test's event loop.
//
//   const up = await startUpstreamProcess();   // { url, stop() }
import { resolve } from 'node:path';
import { freePorts, startProcess, tempDir, waitFor } from './procs.ts';

const UPSTREAM = resolve(import.meta.dirname, 'upstream.ts');

export interface UpstreamProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startUpstreamProcess(args: string[] = ['--no-record']): Promise<UpstreamProcess> {
  const dir = tempDir('aimesh-upstream');
  const [port] = await freePorts(1);
  const proc = startProcess('upstream', process.execPath, [UPSTREAM, '--port', String(port), ...args], {
    logDir: dir.path,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'test upstream process',
    async () => {
      if (!proc.running()) throw new Error(`upstream exited:\n${proc.tail(20)}`);
      try {
        return (await fetch(`${url}/_upstream/healthz`)).ok;
      } catch {
        return false;
      }
    },
    { timeoutMs: 15_000, intervalMs: 50, onTimeout: () => proc.tail(20) },
  );
  return {
    url,
    pid: proc.pid,
    async stop() {
      await proc.stop();
      dir.remove();
    },
  };
}
