// The container images as a cluster runs them: built offline by scripts/images.sh --offline (a
// debootstrap base with Node 24 from the npm registry; no image is pulled), started read-only,
// as uid 65532, with every capability dropped. The sidecar image serves a chat completion from
// a snapshot compiled by `aimesh-operator compile`, through to the test upstream on the host.
//
// Needs a Docker engine (scripts/ci-docker.sh installs and starts one, with debootstrap); the
// tests skip, saying so, only when no engine answers.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { dump, loadAll } from 'js-yaml';
import { repoRoot } from '../support/bins.ts';
import { freePorts, run, tempDir, waitFor } from '../support/procs.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

// testcontainers: no Ryuk helper image (it cannot be pulled here; we stop our containers), and
// the engine is local.
process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
process.env.TESTCONTAINERS_HOST_OVERRIDE = 'localhost';
const { GenericContainer, Wait } = await import('testcontainers');

const TAG = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version as string;
const SIDECAR = `aimesh/aimesh-sidecar:${TAG}`;
const OPERATOR = `aimesh/aimesh-operator:${TAG}`;
const BASE = 'aimesh/base:bookworm-node24';
const NODE = process.execPath;

function dockerEngine(): string | undefined {
  try {
    return execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 20_000,
    }).trim();
  } catch {
    return undefined;
  }
}
const engine = dockerEngine();
const skip = engine
  ? false
  : 'no Docker engine answers `docker version`: run scripts/ci-docker.sh (installs docker.io + debootstrap, starts dockerd)';
if (skip) console.log(`# images.test.ts skipped: ${skip}`);

const docker = (args: string[], timeoutMs = 120_000) => run('docker', args, { timeoutMs });
const inspect = async (image: string, format: string) => {
  const r = await docker(['image', 'inspect', '-f', format, image]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.trim();
};

let built = false;
test('scripts/images.sh --offline builds the base, operator and sidecar images without pulling', {
  skip,
}, async (t) => {
  const started = Date.now();
  const r = await run(join(repoRoot, 'scripts/images.sh'), ['--offline'], { timeoutMs: 900_000 });
  assert.equal(r.code, 0, `${r.stderr}\n${r.stdout}`);
  t.diagnostic(`docker ${engine}; build took ${((Date.now() - started) / 1000).toFixed(0)}s`);
  for (const line of r.stdout.trim().split('\n')) t.diagnostic(line);
  assert.match(r.stdout, new RegExp(`^built ${OPERATOR} `, 'm'));
  assert.match(r.stdout, new RegExp(`^built ${SIDECAR} `, 'm'));
  assert.match(await inspect(BASE, '{{index .Config.Labels "io.aimesh.base"}}'), /^bookworm 24\./);
  for (const image of [OPERATOR, SIDECAR]) {
    assert.equal(await inspect(image, '{{.Config.User}}'), '65532:65532', `${image} runs as 65532`);
    // The sidecar runs with a small young generation (RSS and GC pauses: bench/RESULTS.md).
    const flags = image === SIDECAR ? '"--max-semi-space-size=2",' : '';
    assert.equal(
      await inspect(image, '{{json .Config.Entrypoint}}'),
      `["node",${flags}"/app/${image === SIDECAR ? 'aimesh-sidecar' : 'aimesh-operator'}.mjs"]`,
    );
  }
  built = true;

  // Cached: a second run reuses the base (no debootstrap) and Docker's layer cache.
  const again = await run(join(repoRoot, 'scripts/images.sh'), ['--offline'], { timeoutMs: 600_000 });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /debootstrap skipped/);
});

test('the images hold one bundle each, no node_modules, nothing writable, and run read-only', {
  skip,
}, async () => {
  assert.ok(built, 'images were not built');
  const ro = ['run', '--rm', '--read-only', '--cap-drop=ALL', '--security-opt=no-new-privileges'];
  const help = await docker([...ro, SIDECAR, '--help']);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /Usage: aimesh-sidecar/);

  const files = await docker([
    ...ro,
    '--entrypoint',
    'find',
    SIDECAR,
    '/app',
    '-not',
    '-path',
    '*/.compile-cache*',
  ]);
  assert.equal(files.code, 0, files.stderr);
  assert.ok(!files.stdout.includes('node_modules/express'), 'dependencies are bundled, not copied');
  assert.match(files.stdout, /\/app\/aimesh-sidecar\.mjs/);
  // Permission bits, not the read-only mount: nothing under /app, /etc or /usr is the user's.
  const writable = await docker([
    'run',
    '--rm',
    '--entrypoint',
    'find',
    SIDECAR,
    '/app',
    '/etc',
    '/usr',
    '-writable',
    '-not',
    '-type',
    'l',
  ]);
  assert.equal(writable.stdout.trim(), '', `writable by uid 65532:\n${writable.stdout}`);

  // The operator image compiles the examples offline, like the CLI in a CI pipeline.
  const compiled = await docker([
    ...ro,
    '-v',
    `${join(repoRoot, 'crds/examples')}:/examples:ro`,
    OPERATOR,
    'compile',
    '-f',
    '/examples',
    '-n',
    'team-a',
  ]);
  assert.equal(compiled.code, 0, compiled.stderr);
  assert.equal(JSON.parse(compiled.stdout).workload.namespace, 'team-a');
});

// ---- the sidecar image serving traffic -----------------------------------------------------------

let upstream: Upstream | undefined;
let container: Awaited<ReturnType<InstanceType<typeof GenericContainer>['start']>> | undefined;
const work = tempDir('aimesh-images-test');

before(async () => {
  if (skip) return;
  upstream = await startUpstream();
});
after(async () => {
  await container?.stop({ timeout: 5_000 }).catch(() => {});
  await upstream?.close();
  work.remove();
});

/** crds/examples with every provider pointed at the test upstream, compiled for team-a. */
function compileSnapshot(upstreamUrl: string): string {
  const manifests = join(work.path, 'manifests');
  cpSync(join(repoRoot, 'crds/examples'), manifests, {
    recursive: true,
    filter: (s) => !s.includes('invalid'),
  });
  for (const f of readdirSync(manifests)) {
    const docs = loadAll(readFileSync(join(manifests, f), 'utf8')) as any[];
    for (const d of docs) {
      if (d?.kind !== 'AIProvider') continue;
      d.spec.endpoint = d.spec.type === 'anthropic' ? upstreamUrl : `${upstreamUrl}/v1`;
    }
    writeFileSync(join(manifests, f), docs.map((d) => dump(d)).join('---\n'));
  }
  const dir = join(work.path, 'snapshot');
  const out = join(dir, 'snapshot.json');
  execFileSync('mkdir', ['-p', dir]);
  execFileSync(NODE, [
    join(repoRoot, 'operator/main.ts'),
    'compile',
    '-f',
    manifests,
    '-n',
    'team-a',
    '-o',
    out,
  ]);
  // As a Secret volume would present it to uid 65532 (compile writes 0600 for its owner only).
  chmodSync(work.path, 0o755);
  chmodSync(dir, 0o755);
  chmodSync(out, 0o644);
  return dir;
}

/** A container with a read-only root filesystem (what testcontainers has no builder method for). */
class ReadOnlyContainer extends GenericContainer {
  constructor(image: string) {
    super(image);
    this.hostConfig.ReadonlyRootfs = true;
  }
}

test('the sidecar image serves a chat completion from a compiled snapshot', { skip }, async (t) => {
  assert.ok(built, 'images were not built');
  const up = upstream!;
  const snapshotDir = compileSnapshot(up.url);
  const [port, adminPort] = await freePorts(2);
  const started = Date.now();
  // Host networking: the container shares the host's loopback, as a sidecar shares its pod's.
  container = await new ReadOnlyContainer(SIDECAR)
    .withNetworkMode('host')
    .withUser('65532:65532')
    .withDroppedCapabilities('ALL')
    .withSecurityOpt('no-new-privileges')
    .withTmpFs({ '/tmp': 'rw,noexec,nosuid,size=16m' })
    .withBindMounts([{ source: snapshotDir, target: '/etc/aimesh/snapshot', mode: 'ro' }])
    .withEnvironment({
      AIMESH_SNAPSHOT: '/etc/aimesh/snapshot/snapshot.json',
      AIMESH_PORT: String(port),
      AIMESH_ADMIN_PORT: String(adminPort),
      AIMESH_ADMIN_HOST: '127.0.0.1',
    })
    .withWaitStrategy(Wait.forLogMessage(/aimesh-sidecar listening/))
    .withStartupTimeout(60_000)
    .start();
  const ready = await waitFor(
    'sidecar /readyz',
    async () => {
      const r = await fetch(`http://127.0.0.1:${adminPort}/readyz`);
      return r.status === 200 ? r : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 50 },
  );
  t.diagnostic(`container start -> ready in ${Date.now() - started} ms (${await ready.text()})`);

  const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer app-key' },
    body: JSON.stringify({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hello from a container' }],
    }),
  });
  const body: any = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.equal(body.object, 'chat.completion');
  assert.ok(body.choices[0].message.content.length > 0);
  assert.ok(body.usage.total_tokens > 0);

  // It went to the upstream as the openai provider, with the platform's key, not the app's.
  const seen = up.lastRequest();
  assert.equal(seen?.path, '/v1/chat/completions');
  assert.equal(seen?.headers.authorization, 'Bearer sk-replace-me');

  // Logs are JSON lines on stdout; no prompt content.
  const logs: string[] = [];
  const stream = await container.logs();
  stream.on('data', (l: Buffer | string) => logs.push(String(l)));
  await new Promise((r) => setTimeout(r, 200));
  stream.destroy();
  assert.ok(!logs.join('').includes('hello from a container'), 'prompt content never logged');

  // SIGTERM drains and exits quickly.
  const stopStarted = Date.now();
  await container.stop({ timeout: 20_000 });
  container = undefined;
  t.diagnostic(`stopped in ${Date.now() - stopStarted} ms`);
  assert.ok(Date.now() - stopStarted < 15_000, 'SIGTERM with nothing in flight stops at once');
});
