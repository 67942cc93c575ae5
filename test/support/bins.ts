// Locates the test binaries (etcd, kube-apiserver, kube-controller-manager, kubectl, helm, jaeger)
// like controller-runtime's envtest: TEST_ASSET_<NAME> (e.g. TEST_ASSET_KUBE_APISERVER), else
// $KUBEBUILDER_ASSETS/<name>, else the cache dir printed by scripts/test-bins.sh (which builds
// the missing binaries first; see that script).
import { type ExecFileSyncOptionsWithStringEncoding, execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BinaryName =
  | 'etcd'
  | 'kube-apiserver'
  | 'kube-controller-manager'
  | 'kubectl'
  | 'helm'
  | 'jaeger';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let assetsDir: string | undefined;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The assets dir: $KUBEBUILDER_ASSETS or the test-bins cache (built on first use). */
export function assetsDirectory(): string {
  if (process.env.KUBEBUILDER_ASSETS) return process.env.KUBEBUILDER_ASSETS;
  if (!assetsDir) {
    const script = join(repoRoot, 'scripts/test-bins.sh');
    try {
      const quiet: ExecFileSyncOptionsWithStringEncoding = {
        stdio: ['ignore', 'pipe', 'ignore'],
        encoding: 'utf8',
      };
      let cached = true;
      try {
        execFileSync(script, ['--check'], quiet);
      } catch {
        cached = false;
      }
      assetsDir = cached
        ? execFileSync(script, ['--print-dir'], quiet).trim()
        : // A cold build (minutes): its progress goes straight to the test output.
          execFileSync(script, [], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' }).trim();
    } catch (e) {
      throw new Error(`scripts/test-bins.sh failed (run it by hand to see why): ${(e as Error).message}`);
    }
  }
  return assetsDir;
}

/** Absolute path of a test binary; throws with a hint when it is missing. */
export function binaryPath(name: BinaryName): string {
  const envName = `TEST_ASSET_${name.toUpperCase().replaceAll('-', '_')}`;
  const fromEnv = process.env[envName];
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`${envName}=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  const path = join(assetsDirectory(), name);
  if (!executable(path)) {
    throw new Error(`${name} not found at ${path}: run scripts/test-bins.sh or set ${envName}`);
  }
  return path;
}

/** The Kubernetes version the wrapper module pins (what kube-apiserver's /version must say). */
export function expectedVersions(): { kubernetes: string; helm: string; jaeger: string; etcd: string } {
  const mod = (p: string) => readFileSync(join(repoRoot, 'test/bins', p, 'go.mod'), 'utf8');
  const req = (text: string, path: string) => {
    const m = new RegExp(`(?:^|\\s)${path.replaceAll('.', '\\.')}\\s+(v[^\\s]+)`, 'm').exec(text);
    if (!m) throw new Error(`${path} not found in test/bins go.mod`);
    return m[1];
  };
  const k8s = mod('kubernetes');
  const jaeger = /^\/\/ jaeger-version:\s*(\S+)/m.exec(mod('jaeger'));
  if (!jaeger) throw new Error('no "// jaeger-version:" line in test/bins/jaeger/go.mod');
  return {
    kubernetes: req(k8s, 'k8s.io/kubernetes'),
    etcd: req(k8s, 'go.etcd.io/etcd/server/v3'),
    helm: req(mod('helm'), 'helm.sh/helm/v3'),
    jaeger: jaeger[1],
  };
}
