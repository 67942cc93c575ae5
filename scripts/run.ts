// `make run`: AIMesh as a standalone gateway on a laptop, no cluster needed. Compiles the
// manifests (default crds/examples) into a snapshot and runs aimesh-sidecar on 15080 with it.
// Providers whose key is in the environment (OPENAI_API_KEY, ANTHROPIC_API_KEY, ...) are the
// real ones; every other provider (and any cluster-local endpoint) is served by the local test
// upstream, so a new user gets a working gateway in one command. Editing the manifests
// recompiles and the sidecar reloads.
//
//   make run                                   # or: node scripts/run.ts
//   make run ARGS="--manifests my/dir --namespace team-a --port 8080"
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../operator/cli/compile.ts';
import { loadManifests } from '../operator/cli/manifests.ts';
import { compile } from '../operator/compile/index.ts';
import { inputsFromManifests } from '../operator/compile/inputs.ts';
import { type ProviderConfig, type Snapshot, seal } from '../sidecar/snapshot/index.ts';
import { startUpstream, type Upstream } from '../test/support/upstream.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Environment variables holding a real key, per provider type. */
const KEY_ENV: Partial<Record<ProviderConfig['type'], string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  'azure-openai': 'AZURE_OPENAI_API_KEY',
  gemini: 'GEMINI_API_KEY',
};

/** The test upstream's base URL for each provider type (see test/support/upstream.ts). */
function localEndpoint(url: string, type: ProviderConfig['type']): string {
  if (type === 'openai' || type === 'openai-compatible') return `${url}/v1`;
  if (type === 'gemini') return `${url}/v1beta`;
  return url;
}

const clusterLocal = (endpoint: string) =>
  /\.svc(\.cluster\.local)?([:/]|$)|\.cluster\.local([:/]|$)/.test(endpoint);

function usage(): never {
  process.stderr.write(
    'usage: node scripts/run.ts [--manifests <dir|file>]... [--namespace <ns>] [--port 15080] [--admin-port 15090] [--upstream-port 0]\n',
  );
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        manifests: { type: 'string', multiple: true },
        namespace: { type: 'string', short: 'n' },
        port: { type: 'string', default: '15080' },
        'admin-port': { type: 'string', default: '15090' },
        'upstream-port': { type: 'string', default: '0' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return usage();
  }
})();
if (values.help) usage();
const manifests = values.manifests ?? [join(ROOT, 'crds/examples')];

/** Which providers are real (key in env) and which the local upstream stands in for. */
const plan = new Map<string, { real: boolean; why: string }>();

function compileSnapshot(upstream: Upstream | undefined): Snapshot | undefined {
  const loaded = loadManifests(manifests);
  const { snapshots, problems } = compile(inputsFromManifests(loaded.map((l) => l.manifest)));
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  if (problems.some((p) => p.severity === 'error')) return undefined;
  const candidates = snapshots.filter((s) => s.routes.length > 0);
  const chosen = values.namespace
    ? snapshots.find((s) => s.workload.namespace === values.namespace)
    : candidates[0];
  if (!chosen) {
    process.stderr.write(
      values.namespace
        ? `no routes or quotas in namespace ${values.namespace}\n`
        : `no AIRoute found in ${manifests.join(', ')}\n`,
    );
    return undefined;
  }
  if (!values.namespace && candidates.length > 1) {
    process.stderr.write(
      `several namespaces have routes (${candidates.map((s) => s.workload.namespace).join(', ')}); serving ${chosen.workload.namespace} (--namespace picks another)\n`,
    );
  }
  const { version: _old, ...content } = chosen;
  return seal({
    ...content,
    providers: content.providers.map((p) => {
      const env = KEY_ENV[p.type];
      const key = env ? process.env[env] : undefined;
      if (key && !clusterLocal(p.endpoint)) {
        plan.set(p.id, { real: true, why: `${p.endpoint} with $${env}` });
        return { ...p, credentials: { ...p.credentials, apiKey: key } };
      }
      plan.set(p.id, {
        real: false,
        why: clusterLocal(p.endpoint)
          ? 'cluster-local endpoint'
          : env
            ? `no $${env}`
            : 'no real endpoint here',
      });
      return upstream ? { ...p, endpoint: localEndpoint(upstream.url, p.type) } : p;
    }),
  });
}

async function main(): Promise<void> {
  // A first pass to learn which providers need the local upstream.
  if (!compileSnapshot(undefined)) process.exit(1);
  const needsUpstream = [...plan.values()].some((p) => !p.real);
  const upstream = needsUpstream ? await startUpstream({ port: Number(values['upstream-port']) }) : undefined;
  const snapshot = compileSnapshot(upstream);
  if (!snapshot) process.exit(1);

  const dir = mkdtempSync(join(tmpdir(), 'aimesh-run-'));
  const snapshotFile = join(dir, 'snapshot.json');
  const write = (s: Snapshot) => writeFileSync(snapshotFile, JSON.stringify(s, null, 2), { mode: 0o600 });
  write(snapshot);

  const sidecar: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'sidecar/main.ts'),
      '--snapshot',
      snapshotFile,
      '--port',
      String(values.port),
      '--admin-port',
      String(values['admin-port']),
    ],
    { stdio: 'inherit', env: { AIMESH_ADMIN_HOST: '127.0.0.1', ...process.env } },
  );

  const port = values.port;
  const lines = [
    '',
    `AIMesh gateway (namespace ${snapshot.workload.namespace}, snapshot ${snapshot.version.slice(0, 12)})`,
    ...[...plan].map(([id, p]) => `  provider ${id}: ${p.real ? 'REAL' : 'local test upstream'} (${p.why})`),
    upstream ? `  test upstream: ${upstream.url}` : '',
    '',
    `  export OPENAI_BASE_URL=http://127.0.0.1:${port}/v1`,
    `  export ANTHROPIC_BASE_URL=http://127.0.0.1:${port}/anthropic`,
    `  curl -s http://127.0.0.1:${port}/v1/models`,
    `  curl -s http://127.0.0.1:${port}/v1/chat/completions -H 'content-type: application/json' \\`,
    `       -d '{"model":"gpt-4o","messages":[{"role":"user","content":"hello mesh"}]}'`,
    `  config: http://127.0.0.1:${values['admin-port']}/debug/config`,
    `  editing ${manifests.join(', ')} reloads the gateway; Ctrl-C stops it`,
    '',
  ];
  process.stderr.write(
    `${lines.filter((l, i) => l !== '' || i === 0 || i === lines.length - 1).join('\n')}\n`,
  );

  // Recompile on manifest changes; the sidecar reloads the file (a bad edit keeps the old one).
  let timer: NodeJS.Timeout | undefined;
  const watchers = manifests.map((m) =>
    watch(m, { persistent: false, recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        try {
          const next = compileSnapshot(upstream);
          if (next) {
            write(next);
            process.stderr.write(`manifests recompiled: snapshot ${next.version.slice(0, 12)}\n`);
          } else process.stderr.write('manifests have errors; the gateway keeps the last good snapshot\n');
        } catch (err) {
          process.stderr.write(`cannot recompile: ${(err as Error).message}\n`);
        }
      }, 200);
    }),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    sidecar.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGTERM'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const code = await new Promise<number>((resolve) =>
    sidecar.once('exit', (c, s) => resolve(c ?? (s ? 1 : 0))),
  );
  for (const w of watchers) w.close();
  await upstream?.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(stopping ? 0 : code);
}

await main();
