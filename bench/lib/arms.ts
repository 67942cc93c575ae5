// The arms of the matrix: what sits between the load generator and the test upstream. Each one is
// a process pinned to the proxy core (taskset), started once per run and measured by /proc.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { stripTypeScriptTypes } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { type SnapshotContent, seal } from '../../sidecar/snapshot/index.ts';
import { freePorts, type Proc, startProcess, waitFor } from '../../test/support/procs.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PEERS_DIR = join(ROOT, 'bench/peers');
export const CACHE_DIR = join(ROOT, '.cache/bench');
export const VENV = join(CACHE_DIR, 'venv');

export const ARM_NAMES = ['direct', 'floor', 'aimesh-off', 'aimesh-full', 'portkey', 'litellm'] as const;
export type ArmName = (typeof ARM_NAMES)[number];

export const ARM_LABELS: Record<ArmName, string> = {
  direct: 'direct (no proxy)',
  floor: 'floor (node:http keep-alive proxy)',
  'aimesh-off': 'AIMesh, policy off',
  'aimesh-full': 'AIMesh, full policy + tracing',
  portkey: 'Portkey gateway',
  litellm: 'LiteLLM proxy',
};

export interface ArmContext {
  upstreamUrl: string;
  /** OTLP/HTTP sink for the tracing arm. */
  otlpUrl: string;
  logDir: string;
  /** CPU list for taskset, e.g. "1". */
  proxyCpu: string;
  /** The sidecar entry point: the image's esbuild bundle (default) or sidecar/main.ts. */
  sidecarEntry: string;
  /** NODE_OPTIONS for the AIMesh arms (the young-generation cap recommended for pods). */
  sidecarNodeOptions: string;
  /** bench/attribute.ts: a variant of the AIMesh arm's snapshot and environment. */
  editSnapshot?: (s: SnapshotContent) => SnapshotContent;
  env?: Record<string, string | undefined>;
}

/**
 * Starts the bench's upstream (bench/upstream.ts) on a free port; resolves once it prints its URL.
 * It inherits this process's CPU affinity (the load generator's core in bench/run.ts).
 */
export async function startBenchUpstream(logDir: string): Promise<{ proc: Proc; url: string }> {
  const proc = startProcess('upstream', process.execPath, [join(ROOT, 'bench/upstream.ts'), '0'], {
    logDir,
    env: {},
  });
  let url = '';
  await waitFor(
    'bench upstream',
    async () => {
      url = /http:\/\/127\.0\.0\.1:\d+/.exec(proc.tail(5))?.[0] ?? '';
      return url !== '';
    },
    { timeoutMs: 20_000, intervalMs: 50, onTimeout: () => proc.tail(20) },
  );
  return { proc, url };
}

/** Bundles the sidecar as the image does (images/bundle.ts) into .cache/bench; returns the entry. */
export function buildSidecarBundle(): string {
  const out = join(CACHE_DIR, 'sidecar-bundle');
  execFileSync(process.execPath, [join(ROOT, 'images/bundle.ts'), 'sidecar', out], { stdio: 'pipe' });
  return join(out, 'aimesh-sidecar.mjs');
}

export interface RunningArm {
  name: ArmName;
  origin: string;
  /** The process measured (its whole tree); undefined for direct. */
  pid?: number;
  version?: string;
  /** Extra request headers (credentials, peer routing headers). */
  headers: Record<string, string>;
  /** Model name the app sends for a workload model. */
  model(m: string): string;
  stop(): Promise<void>;
}

export type ArmStart = RunningArm | { name: ArmName; unavailable: string };

const APP_KEY = 'sk-bench-app';
const UPSTREAM_KEY = 'sk-bench-upstream';

function pinned(cpu: string, bin: string, args: string[]): [string, string[]] {
  return ['taskset', ['-c', cpu, bin, ...args]];
}

async function ready(url: string, proc: Proc, what: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    what,
    async () => {
      if (!proc.running()) throw new Error(`${what} exited:\n${proc.tail(30)}`);
      try {
        const res = await fetch(url);
        await res.arrayBuffer();
        return res.status < 500;
      } catch {
        return false;
      }
    },
    { timeoutMs, intervalMs: 100, onTimeout: () => proc.tail(30) },
  );
}

/** The snapshot both AIMesh arms serve: one OpenAI provider, one catch-all route. */
export function benchSnapshot(upstreamUrl: string, full: boolean): SnapshotContent {
  const pricing = { input: 0.15, output: 0.6 };
  return {
    workload: { namespace: 'bench', name: 'bench' },
    providers: [
      {
        id: 'bench/openai',
        type: 'openai',
        endpoint: `${upstreamUrl}/v1`,
        headers: {},
        credentials: { apiKey: UPSTREAM_KEY },
        models: [
          { name: 'gpt-4o-mini', pricing, contextWindow: 128_000 },
          { name: 'text-embedding-3-small', pricing: { input: 0.02, output: 0 } },
        ],
      },
    ],
    routes: [
      {
        id: 'bench/all',
        rules: [
          {
            name: 'all',
            matches: [],
            backends: [{ provider: 'bench/openai', weight: 1 }],
            retries: { attempts: full ? 2 : 0, backoffMs: 50, on: full ? ['5xx', 'connect-error'] : [] },
            ...(full
              ? {
                  timeoutMs: 60_000,
                  cache: { ttlMs: 60_000, maxBytes: 4 << 20 },
                  guards: {
                    promptInjection: { action: 'block' as const },
                    pii: {
                      types: ['email', 'phone', 'credit-card', 'iban', 'ssn', 'ip-address', 'secret'],
                      request: 'mask' as const,
                      response: 'mask' as const,
                    },
                    denyPatterns: ['\\bforbidden topic\\b'],
                    maxPromptTokens: 100_000,
                  },
                }
              : {}),
          },
        ],
      },
    ],
    quotas: full
      ? [
          {
            id: 'bench/team',
            enforcement: 'Enforce',
            failurePolicy: 'FailOpen',
            limits: [
              { name: 'requests', dimension: 'requests', amount: 1e12, window: '1h' },
              { name: 'tokens', dimension: 'tokens', amount: 1e15, window: '1d' },
              { name: 'spend', dimension: 'costUSD', amount: 1e9, window: 'calendarMonth' },
            ],
          },
        ]
      : [],
  };
}

async function startAimesh(name: 'aimesh-off' | 'aimesh-full', ctx: ArmContext): Promise<RunningArm> {
  const full = name === 'aimesh-full';
  const file = join(ctx.logDir, `${name}.snapshot.json`);
  const snapshot = benchSnapshot(ctx.upstreamUrl, full);
  writeFileSync(file, JSON.stringify(seal(ctx.editSnapshot ? ctx.editSnapshot(snapshot) : snapshot)));
  const [port, adminPort] = await freePorts(2);
  const env: Record<string, string | undefined> = {
    AIMESH_ADMIN_HOST: '127.0.0.1',
    AIMESH_LOG_LEVEL: 'info',
    NODE_OPTIONS: ctx.sidecarNodeOptions || undefined,
  };
  if (full) {
    Object.assign(env, {
      OTEL_EXPORTER_OTLP_ENDPOINT: ctx.otlpUrl,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_TRACES_SAMPLER: 'always_on',
      OTEL_SERVICE_NAME: 'aimesh-bench',
    });
  } else {
    env.OTEL_EXPORTER_OTLP_ENDPOINT = undefined;
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = undefined;
  }
  Object.assign(env, ctx.env);
  const [bin, args] = pinned(ctx.proxyCpu, process.execPath, [
    ctx.sidecarEntry,
    '--snapshot',
    file,
    '--port',
    String(port),
    '--admin-port',
    String(adminPort),
  ]);
  const proc = startProcess(name, bin, args, { logDir: ctx.logDir, env });
  await ready(`http://127.0.0.1:${adminPort}/readyz`, proc, name);
  return {
    name,
    origin: `http://127.0.0.1:${port}`,
    pid: proc.pid,
    headers: { authorization: `Bearer ${APP_KEY}` },
    model: (m) => m,
    stop: () => proc.stop(),
  };
}

async function startFloor(ctx: ArmContext): Promise<RunningArm> {
  const [port] = await freePorts(1);
  // Run as plain JS (types stripped once): Node's TypeScript loader alone holds ~17 MB of RSS,
  // which is not the floor's.
  const js = join(CACHE_DIR, 'floor-proxy.mjs');
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(js, stripTypeScriptTypes(readFileSync(join(ROOT, 'bench/floor-proxy.ts'), 'utf8')));
  const [bin, args] = pinned(ctx.proxyCpu, process.execPath, [js, String(port), ctx.upstreamUrl]);
  const proc = startProcess('floor', bin, args, { logDir: ctx.logDir, env: { ...ctx.env } });
  await ready(`http://127.0.0.1:${port}/_upstream/healthz`, proc, 'floor proxy');
  return {
    name: 'floor',
    origin: `http://127.0.0.1:${port}`,
    pid: proc.pid,
    headers: { authorization: `Bearer ${UPSTREAM_KEY}` },
    model: (m) => m,
    stop: () => proc.stop(),
  };
}

/** The npm beside this node (a fresh machine may have another node's npm first on PATH, or none). */
function npmBin(): string {
  const beside = join(dirname(process.execPath), 'npm');
  return existsSync(beside) ? beside : 'npm';
}

/**
 * Installs bench/peers (Portkey, the PNG renderer) from its lockfile when missing or when the
 * lockfile changed since the last install; the reason it could not, otherwise.
 */
export function ensurePeers(): string | undefined {
  const lock = readFileSync(join(PEERS_DIR, 'package-lock.json'));
  const stamp = join(PEERS_DIR, 'node_modules/.aimesh-lock');
  const installed = existsSync(join(PEERS_DIR, 'node_modules/@portkey-ai/gateway/package.json'));
  if (installed && existsSync(stamp) && readFileSync(stamp).equals(lock)) return undefined;
  try {
    process.stderr.write('[bench] installing bench/peers (npm ci)\n');
    execFileSync(npmBin(), ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: PEERS_DIR,
      stdio: 'pipe',
      timeout: 300_000,
    });
    writeFileSync(stamp, lock);
    return undefined;
  } catch (err) {
    return `npm ci in bench/peers failed: ${String((err as { stderr?: Buffer }).stderr ?? err).slice(0, 300)}`;
  }
}

async function startPortkey(ctx: ArmContext): Promise<ArmStart> {
  const problem = ensurePeers();
  const main = join(PEERS_DIR, 'node_modules/@portkey-ai/gateway/build/start-server.js');
  if (problem || !existsSync(main)) return { name: 'portkey', unavailable: problem ?? `${main} missing` };
  const { version } = JSON.parse(
    readFileSync(join(PEERS_DIR, 'node_modules/@portkey-ai/gateway/package.json'), 'utf8'),
  ) as { version: string };
  const [port] = await freePorts(1);
  const [bin, args] = pinned(ctx.proxyCpu, process.execPath, [main, `--port=${port}`, '--headless']);
  const proc = startProcess('portkey', bin, args, {
    logDir: ctx.logDir,
    env: { NODE_ENV: 'production' },
    cwd: PEERS_DIR,
  });
  await ready(`http://127.0.0.1:${port}/`, proc, 'portkey');
  return {
    name: 'portkey',
    origin: `http://127.0.0.1:${port}`,
    pid: proc.pid,
    version,
    headers: {
      authorization: `Bearer ${UPSTREAM_KEY}`,
      'x-portkey-provider': 'openai',
      'x-portkey-custom-host': `${ctx.upstreamUrl}/v1`,
    },
    model: (m) => m,
    stop: () => proc.stop(),
  };
}

/**
 * LiteLLM from PyPI into .cache/bench/venv, at the version bench/peers/requirements.txt pins:
 * installed when missing or when that file changed since; the reason it could not, otherwise.
 */
export function ensureLitellm(): string | undefined {
  const requirements = join(PEERS_DIR, 'requirements.txt');
  const wanted = readFileSync(requirements);
  const stamp = join(VENV, '.aimesh-requirements');
  const bin = join(VENV, 'bin/litellm');
  if (existsSync(bin) && existsSync(stamp) && readFileSync(stamp).equals(wanted)) return undefined;
  try {
    process.stderr.write('[bench] installing LiteLLM into .cache/bench/venv (pip, a few minutes)\n');
    if (!existsSync(join(VENV, 'bin/pip'))) execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'pipe' });
    execFileSync(
      join(VENV, 'bin/pip'),
      ['install', '-q', '--disable-pip-version-check', '-r', requirements],
      {
        stdio: 'pipe',
        timeout: 900_000,
      },
    );
    if (!existsSync(bin)) return 'pip installed litellm but bin/litellm is missing';
    writeFileSync(stamp, wanted);
    return undefined;
  } catch (err) {
    return `pip install -r bench/peers/requirements.txt failed: ${String((err as { stderr?: Buffer }).stderr ?? err).slice(0, 300)}`;
  }
}

async function startLitellm(ctx: ArmContext): Promise<ArmStart> {
  const problem = ensureLitellm();
  if (problem) return { name: 'litellm', unavailable: problem };
  let version: string | undefined;
  try {
    version = execFileSync(join(VENV, 'bin/python'), [
      '-c',
      'import importlib.metadata as m; print(m.version("litellm"))',
    ])
      .toString()
      .trim();
  } catch {}
  const [port] = await freePorts(1);
  const [bin, args] = pinned(ctx.proxyCpu, join(VENV, 'bin/litellm'), [
    '--model',
    'openai/gpt-4o-mini',
    '--alias',
    'gpt-4o-mini',
    '--api_base',
    `${ctx.upstreamUrl}/v1`,
    '--num_workers',
    '1',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
  ]);
  const proc = startProcess('litellm', bin, args, {
    logDir: ctx.logDir,
    env: {
      LITELLM_OFFLINE_MODE: 'true',
      LITELLM_LOCAL_MODEL_COST_MAP: 'True',
      OPENAI_API_KEY: UPSTREAM_KEY,
      LITELLM_LOG: 'ERROR',
      // No master key: a local benchmark, not a deployment (LiteLLM refuses to start otherwise).
      LITELLM_DANGEROUSLY_PERMIT_WEAK_OR_UNSET_MASTER_KEY: 'true',
    },
  });
  try {
    await ready(`http://127.0.0.1:${port}/health/liveliness`, proc, 'litellm', 120_000);
  } catch (err) {
    await proc.stop();
    return { name: 'litellm', unavailable: `did not start: ${(err as Error).message.slice(0, 300)}` };
  }
  return {
    name: 'litellm',
    origin: `http://127.0.0.1:${port}`,
    pid: proc.pid,
    version,
    headers: { authorization: `Bearer ${UPSTREAM_KEY}` },
    model: (m) => m,
    stop: () => proc.stop(),
  };
}

export async function startArm(name: ArmName, ctx: ArmContext): Promise<ArmStart> {
  try {
    switch (name) {
      case 'direct':
        return {
          name,
          origin: ctx.upstreamUrl,
          headers: { authorization: `Bearer ${UPSTREAM_KEY}` },
          model: (m) => m,
          stop: async () => {},
        };
      case 'floor':
        return await startFloor(ctx);
      case 'aimesh-off':
      case 'aimesh-full':
        return await startAimesh(name, ctx);
      case 'portkey':
        return await startPortkey(ctx);
      case 'litellm':
        return await startLitellm(ctx);
    }
  } catch (err) {
    return { name, unavailable: (err as Error).message.slice(0, 400) };
  }
}

/** A minimal OTLP/HTTP receiver: accepts and drops every export (the tracing arm's collector). */
export function startOtlpSink(): Promise<{ url: string; spans: () => number; close(): void }> {
  let exports = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      exports++;
      res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/x-protobuf' });
      res.end();
    });
  });
  return new Promise((resolveSink) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolveSink({
        url: `http://127.0.0.1:${port}`,
        spans: () => exports,
        close: () => {
          server.close();
          server.closeAllConnections();
        },
      });
    });
  });
}
