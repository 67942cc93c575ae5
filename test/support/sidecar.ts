// Runs aimesh-sidecar as a real child process for tests: free ports, a snapshot file in a temp
// dir (rewritten atomically to test reloads), waits for /readyz, stops it at teardown.
//
//   const sidecar = await startSidecar({ snapshot: seal({...}) });
//   const client = new OpenAI({ baseURL: sidecar.openaiBaseURL, apiKey: 'app-key' });
//   ...
//   await sidecar.stop();
import { renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Snapshot, type SnapshotContent, seal } from '../../sidecar/snapshot/index.ts';
import { freePorts, type Proc, startProcess, tempDir, waitFor } from './procs.ts';

const MAIN = resolve(import.meta.dirname, '../../sidecar/main.ts');

export interface SidecarOptions {
  /** Written to the snapshot file before start; omit to start without one (not ready). */
  snapshot?: Snapshot | SnapshotContent | string;
  /** Extra CLI flags, e.g. ['--breaker-cooldown', '200']. */
  args?: string[];
  env?: Record<string, string | undefined>;
  /** Wait for /readyz to answer 200 (default: when a snapshot is given). */
  waitReady?: boolean;
}

export interface RunningSidecar {
  /** http://127.0.0.1:<port> */
  url: string;
  /** For the openai SDK: `${url}/v1`. */
  openaiBaseURL: string;
  /** For the @anthropic-ai/sdk: `${url}/anthropic`. */
  anthropicBaseURL: string;
  adminUrl: string;
  port: number;
  adminPort: number;
  snapshotFile: string;
  proc: Proc;
  /** Replaces the snapshot file atomically (write + rename), as kubelet and editors do. */
  writeSnapshot(snapshot: Snapshot | SnapshotContent | string): void;
  /** The version /readyz reports, or undefined while not ready. */
  version(): Promise<string | undefined>;
  /** Waits until /readyz reports this version. */
  waitForVersion(version: string, timeoutMs?: number): Promise<void>;
  /** The process log so far (pino JSON lines and anything on stderr). */
  logs(): string;
  /** SIGTERM, SIGKILL after graceMs; removes the temp dir. */
  stop(graceMs?: number): Promise<void>;
}

function text(snapshot: Snapshot | SnapshotContent | string): string {
  if (typeof snapshot === 'string') return snapshot;
  return JSON.stringify('version' in snapshot ? snapshot : seal(snapshot), null, 2);
}

export async function startSidecar(options: SidecarOptions = {}): Promise<RunningSidecar> {
  const dir = tempDir('aimesh-sidecar');
  const snapshotFile = join(dir.path, 'snapshot.json');
  let n = 0;
  const writeSnapshot = (snapshot: Snapshot | SnapshotContent | string) => {
    const tmp = join(dir.path, `.snapshot-${n++}.tmp`);
    writeFileSync(tmp, text(snapshot));
    renameSync(tmp, snapshotFile);
  };
  if (options.snapshot !== undefined) writeSnapshot(options.snapshot);

  const [port, adminPort] = await freePorts(2);
  const proc = startProcess(
    'sidecar',
    process.execPath,
    [
      MAIN,
      '--snapshot',
      snapshotFile,
      '--port',
      String(port),
      '--admin-port',
      String(adminPort),
      ...(options.args ?? []),
    ],
    {
      logDir: dir.path,
      env: { AIMESH_ADMIN_HOST: '127.0.0.1', AIMESH_LOG_LEVEL: 'debug', ...options.env },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;

  const version = async (): Promise<string | undefined> => {
    try {
      const res = await fetch(`${adminUrl}/readyz`);
      const body = (await res.json()) as { version?: string };
      return res.ok ? body.version : undefined;
    } catch {
      return undefined;
    }
  };
  const alive = () => {
    if (!proc.running()) throw new Error(`sidecar exited:\n${proc.tail(40)}`);
  };

  const sidecar: RunningSidecar = {
    url,
    openaiBaseURL: `${url}/v1`,
    anthropicBaseURL: `${url}/anthropic`,
    adminUrl,
    port,
    adminPort,
    snapshotFile,
    proc,
    writeSnapshot,
    version,
    async waitForVersion(want, timeoutMs = 10_000) {
      await waitFor(
        `sidecar version ${want.slice(0, 12)}`,
        async () => {
          alive();
          return (await version()) === want;
        },
        { timeoutMs, intervalMs: 50, onTimeout: () => proc.tail(20) },
      );
    },
    logs: () => proc.tail(100_000),
    async stop(graceMs = 5000) {
      await proc.stop(graceMs);
      dir.remove();
    },
  };

  try {
    if (options.waitReady ?? options.snapshot !== undefined) {
      await waitFor(
        'sidecar /readyz',
        async () => {
          alive();
          return (await version()) !== undefined;
        },
        { timeoutMs: 15_000, intervalMs: 50, onTimeout: () => proc.tail(30) },
      );
    } else {
      await waitFor(
        'sidecar /healthz',
        async () => {
          alive();
          return (await fetch(`${adminUrl}/healthz`)).ok;
        },
        { timeoutMs: 15_000, intervalMs: 50, onTimeout: () => proc.tail(30) },
      );
    }
  } catch (err) {
    await sidecar.stop();
    throw err;
  }
  return sidecar;
}

// ---- snapshot building blocks for tests ----------------------------------------------------------

type ProviderConfig = SnapshotContent['providers'][number];
type RuleConfig = SnapshotContent['routes'][number]['rules'][number];

/** A provider entry; `models` are names or `name=upstreamName`. */
export function testProvider(
  id: string,
  type: ProviderConfig['type'],
  endpoint: string,
  apiKey: string | undefined,
  models: string[],
  extra: Partial<ProviderConfig> = {},
): ProviderConfig {
  return {
    id,
    type,
    endpoint,
    headers: {},
    ...(apiKey ? { credentials: { apiKey } } : {}),
    models: models.map((m) => {
      const [name, upstreamName] = m.split('=');
      return upstreamName ? { name, upstreamName } : { name };
    }),
    ...extra,
  };
}

/** A rule with no retries unless given; backends as `provider` or `provider:model`. */
export function testRule(
  name: string,
  matches: RuleConfig['matches'],
  backends: string[],
  extra: Partial<RuleConfig> = {},
): RuleConfig {
  return {
    name,
    matches,
    backends: backends.map((b) => {
      const [provider, model] = b.split(':');
      return model ? { provider, model, weight: 1 } : { provider, weight: 1 };
    }),
    retries: { attempts: 0, backoffMs: 10, on: [] },
    ...extra,
  };
}
