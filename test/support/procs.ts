// Child processes and temp dirs for test harnesses, torn down even when a test fails:
// - each child runs in its own process group (detached) and logs to a file (no pipes keep the
//   event loop alive); stop() sends SIGTERM to the group, then SIGKILL after a grace period;
// - on process exit (normal end, uncaught error, SIGINT/SIGTERM/SIGHUP) every live group is
//   SIGKILLed and every registered temp dir removed, synchronously;
// - a tiny detached watchdog shell does the same if this process is SIGKILLed (it polls our pid).
import { type ChildProcess, spawn } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const live = new Set<number>(); // process group ids
const dirs = new Set<string>();
let watchdogFile: string | undefined;

function cleanupSync(): void {
  for (const pgid of live) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {}
  }
  live.clear();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs.clear();
  syncWatchdog();
}

let installed = false;
function installHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', cleanupSync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      cleanupSync();
      process.removeListener(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
  // Watchdog: outlives a SIGKILLed parent, then kills the groups and removes the dirs listed in
  // its state file (one "pgid <n>" or "dir <path>" per line).
  const stateDir = mkdtempSync(join(tmpdir(), 'aimesh-watchdog-'));
  watchdogFile = join(stateDir, 'state');
  writeFileSync(watchdogFile, '');
  const script = `
    while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
    while read -r kind v; do
      case "$kind" in pgid) kill -KILL "-$v" 2>/dev/null ;; dir) rm -rf -- "$v" ;; esac
    done < "$1"
    rm -rf -- "$2"`;
  const w = spawn('sh', ['-c', script, 'watchdog', watchdogFile, stateDir], {
    detached: true,
    stdio: 'ignore',
  });
  w.unref();
  dirs.add(stateDir);
}

function syncWatchdog(): void {
  if (!watchdogFile) return;
  const lines = [...[...live].map((p) => `pgid ${p}`), ...[...dirs].map((d) => `dir ${d}`)];
  try {
    writeFileSync(watchdogFile, lines.length ? `${lines.join('\n')}\n` : '');
  } catch {}
}

/** A temp dir removed at stop() / process exit (and by the watchdog). */
export function tempDir(prefix: string): { path: string; remove(): void } {
  installHandlers();
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  dirs.add(path);
  syncWatchdog();
  return {
    path,
    remove() {
      rmSync(path, { recursive: true, force: true });
      dirs.delete(path);
      syncWatchdog();
    },
  };
}

/** Free loopback TCP ports (all held open together, so they are distinct). */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => {
    const a = s.address();
    if (!a || typeof a === 'string') throw new Error('no port');
    return a.port;
  });
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

export interface Proc {
  name: string;
  pid: number;
  logPath: string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  /** True until the process has exited. */
  running(): boolean;
  /** Last lines of the log, for error messages. */
  tail(lines?: number): string;
  /** SIGTERM to the process group, SIGKILL after graceMs. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Log file path (default <logDir>/<name>.log). */
  logDir: string;
}

/** Starts a long-running child in its own process group, logging to a file. */
export function startProcess(name: string, bin: string, args: string[], opts: SpawnOptions): Proc {
  installHandlers();
  const logPath = join(opts.logDir, `${name}.log`);
  appendFileSync(logPath, `$ ${bin} ${args.join(' ')}\n`);
  const fd = openSync(logPath, 'a');
  let child: ChildProcess;
  try {
    child = spawn(bin, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', fd, fd],
      detached: true,
    });
  } finally {
    closeSync(fd);
  }
  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once('error', (err) => {
      appendFileSync(logPath, `spawn error: ${err.message}\n`);
      done = true;
      resolve('spawn-error');
    });
    child.once('exit', (code, signal) => {
      done = true;
      if (child.pid) live.delete(child.pid);
      syncWatchdog();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  child.unref();
  if (child.pid) {
    live.add(child.pid);
    syncWatchdog();
  }
  const tail = (lines = 30) => {
    try {
      return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  return {
    name,
    pid: child.pid ?? -1,
    logPath,
    exited,
    running: () => !done,
    tail,
    async stop(graceMs = 5000) {
      if (done || !child.pid) return;
      child.ref(); // keep the event loop alive until the exit is seen
      const pgid = child.pid;
      try {
        process.kill(-pgid, 'SIGTERM');
      } catch {}
      const t = sleep(graceMs).then(() => 'timeout');
      if ((await Promise.race([exited, t])) === 'timeout') {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {}
        await exited;
      }
      // The group may hold other members after the leader exits.
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {}
      live.delete(pgid);
      syncWatchdog();
    },
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (own process group, killed on timeout). */
export function run(
  bin: string,
  args: string[],
  opts: { env?: Record<string, string | undefined>; input?: string; timeoutMs?: number; cwd?: string } = {},
): Promise<RunResult> {
  installHandlers();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid) live.add(child.pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      err.push(Buffer.from(`\n[killed after ${opts.timeoutMs ?? 60_000} ms]\n`));
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {}
    }, opts.timeoutMs ?? 60_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${bin}: ${e.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (child.pid) live.delete(child.pid);
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      });
    });
    child.stdin.on('error', () => {}); // EPIPE when the command does not read its input
    child.stdin.end(opts.input ?? '');
  });
}

/** An error that makes waitFor give up at once (e.g. the process it waits for has exited). */
export class FatalError extends Error {}

/**
 * Polls fn until it returns a value other than undefined/false, or throws after timeoutMs.
 * Errors thrown by fn are retried (the last one is reported), except FatalError.
 */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  opts: { timeoutMs?: number; intervalMs?: number; onTimeout?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      if (e instanceof FatalError) throw e;
      last = e;
    }
    if (Date.now() > deadline) {
      const why = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`timed out waiting for ${what}${why}${opts.onTimeout ? `\n${opts.onTimeout()}` : ''}`);
    }
    await sleep(opts.intervalMs ?? 100);
  }
}
