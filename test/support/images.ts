// Container images for the test node (test/support/node.ts), made without Docker and without
// pulling anything: a rootfs directory packed as one layer of a docker-archive tar, which
// `ctr images import` loads under the docker.io/... name the CRI normalises image names to.
//
// - operator and sidecar: the same bundles as images/*.Dockerfile (images/bundle.ts, sealed
//   read-only), the same entrypoint, user 65532 and env, on a base of this machine's Node 24
//   binary and the shared libraries it links (the Dockerfiles' base is debootstrap + Node 24;
//   the app code and its layout are identical);
// - app: Node 24 and one bundled file (test/node/app.ts: the official OpenAI and Anthropic SDKs);
// - pause: busybox sleeping (any image whose entrypoint waits forever serves as the sandbox).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './bins.ts';

export const VERSION = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version as string;
export const IMAGES = {
  operator: `docker.io/aimesh/aimesh-operator:${VERSION}`,
  sidecar: `docker.io/aimesh/aimesh-sidecar:${VERSION}`,
  app: 'docker.io/aimesh/test-app:node',
  pause: 'docker.io/aimesh/pause:test',
};

interface ImageConfig {
  Entrypoint: string[];
  Cmd?: string[];
  User?: string;
  Env?: string[];
  WorkingDir?: string;
  Labels?: Record<string, string>;
}

const PATH_ENV = 'PATH=/nodejs/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Packs rootfs as a one-layer docker-archive tar named `name`; returns the tar's path. */
export function packImage(rootfs: string, name: string, config: ImageConfig, outDir: string): string {
  const dir = join(outDir, `${name.replace(/[^a-z0-9.-]+/gi, '_')}.d`);
  mkdirSync(dir, { recursive: true });
  const layer = join(dir, 'layer.tar');
  // Deterministic: sorted names, owner root, one mtime.
  execFileSync('tar', [
    '--sort=name',
    '--numeric-owner',
    '--owner=0',
    '--group=0',
    '--mtime=@0',
    '-C',
    rootfs,
    '-cf',
    layer,
    '.',
  ]);
  const diffId = `sha256:${createHash('sha256').update(readFileSync(layer)).digest('hex')}`;
  const imageConfig = {
    architecture: process.arch === 'arm64' ? 'arm64' : 'amd64',
    os: 'linux',
    config: { Env: [PATH_ENV], ...config },
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [{ created_by: 'test/support/images.ts' }],
  };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(imageConfig));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify([{ Config: 'config.json', RepoTags: [name], Layers: ['layer.tar'] }]),
  );
  const tarPath = join(outDir, `${name.replace(/[^a-z0-9.-]+/gi, '_')}.tar`);
  execFileSync('tar', ['-C', dir, '-cf', tarPath, 'manifest.json', 'config.json', 'layer.tar']);
  return tarPath;
}

/** A rootfs with this process's node binary at /nodejs/bin/node and the libraries it links. */
function nodeBase(rootfs: string): void {
  const nodeBin = realpathSync(process.execPath);
  const put = (from: string, to: string, mode = 0o755) => {
    mkdirSync(dirname(join(rootfs, to)), { recursive: true });
    copyFileSync(from, join(rootfs, to));
    chmodSync(join(rootfs, to), mode);
  };
  put(nodeBin, '/nodejs/bin/node');
  // ldd lines: "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" or "/lib64/ld-linux... (0x...)"
  const ldd = execFileSync('ldd', [nodeBin], { encoding: 'utf8' });
  for (const m of ldd.matchAll(/(\/\S+) \(0x/g)) put(realpathSync(m[1]!), m[1]!);
  for (const d of ['tmp', 'etc', 'app']) mkdirSync(join(rootfs, d), { recursive: true });
  chmodSync(join(rootfs, 'tmp'), 0o1777);
  writeFileSync(
    join(rootfs, 'etc/passwd'),
    'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n',
  );
  writeFileSync(join(rootfs, 'etc/group'), 'root:x:0:\nnonroot:x:65532:\n');
  // Name resolution for the app and the sidecar (glibc reads these; the kubelet writes resolv.conf).
  writeFileSync(join(rootfs, 'etc/nsswitch.conf'), 'hosts: files dns\n');
}

function bundle(name: 'operator' | 'sidecar', rootfs: string): void {
  const app = join(rootfs, 'app');
  execFileSync(process.execPath, [join(repoRoot, 'images/bundle.ts'), name, app], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync(process.execPath, [join(repoRoot, 'images/bundle.ts'), '--seal', app]);
}

const COMMON = (title: string) => ({
  User: '65532:65532',
  WorkingDir: '/app',
  Labels: { 'org.opencontainers.image.title': title, 'org.opencontainers.image.version': VERSION },
});

/** Builds the four images into outDir; returns their tar paths (import each with node.importImage). */
export async function buildNodeImages(outDir: string): Promise<Record<keyof typeof IMAGES, string>> {
  const rootfs = (n: string) => {
    const d = join(outDir, `rootfs-${n}`);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const operator = rootfs('operator');
  nodeBase(operator);
  bundle('operator', operator);
  const sidecar = rootfs('sidecar');
  nodeBase(sidecar);
  bundle('sidecar', sidecar);
  const app = rootfs('app');
  nodeBase(app);
  await build({
    entryPoints: [join(repoRoot, 'test/node/app.ts')],
    outfile: join(app, 'app/app.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  const pause = rootfs('pause');
  mkdirSync(join(pause, 'bin'), { recursive: true });
  copyFileSync('/bin/busybox', join(pause, 'bin/busybox'));
  chmodSync(join(pause, 'bin/busybox'), 0o755);
  const env = ['NODE_ENV=production', 'NODE_COMPILE_CACHE=/app/.compile-cache'];
  return {
    operator: packImage(
      operator,
      IMAGES.operator,
      {
        ...COMMON('aimesh-operator'),
        Env: [PATH_ENV, ...env],
        Entrypoint: ['node', '/app/aimesh-operator.mjs'],
      },
      outDir,
    ),
    sidecar: packImage(
      sidecar,
      IMAGES.sidecar,
      {
        ...COMMON('aimesh-sidecar'),
        Env: [PATH_ENV, ...env],
        Entrypoint: ['node', '--max-semi-space-size=2', '/app/aimesh-sidecar.mjs'],
      },
      outDir,
    ),
    app: packImage(
      app,
      IMAGES.app,
      { User: '65532:65532', WorkingDir: '/app', Entrypoint: ['node', '/app/app.mjs'] },
      outDir,
    ),
    pause: packImage(pause, IMAGES.pause, { Entrypoint: ['/bin/busybox', 'sleep', '2147483647'] }, outDir),
  };
}
