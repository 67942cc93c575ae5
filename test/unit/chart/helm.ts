// Helpers for the chart tests (unit and integration): the real helm binary on charts/aimesh.
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { binaryPath, repoRoot } from '../../support/bins.ts';
import { type RunResult, run, tempDir } from '../../support/procs.ts';

export const chartDir = join(repoRoot, 'charts/aimesh');
/**
 * The Kubernetes version the chart tests render for, pinned so that they do not depend on helm's
 * own default (its client-go's version, see nocluster.test.ts).
 */
export const KUBE_VERSION = '1.32.0';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [k: string]: any };
  [field: string]: any;
}

let helmHome: { path: string } | undefined;

/** Runs helm with hermetic cache/config/data dirs (plus any env given, e.g. a cluster's KUBECONFIG). */
export function helm(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<RunResult> {
  helmHome ??= tempDir('aimesh-helm');
  const home = helmHome.path;
  return run(binaryPath('helm'), args, {
    env: {
      HELM_CACHE_HOME: join(home, 'cache'),
      HELM_CONFIG_HOME: join(home, 'config'),
      HELM_DATA_HOME: join(home, 'data'),
      ...env,
    },
    timeoutMs,
  });
}

/** `--set` / `--set-string` style flags from a flat map. */
export function setFlags(values: Record<string, string | number | boolean> = {}): string[] {
  return Object.entries(values).flatMap(([k, v]) =>
    typeof v === 'string' ? ['--set-string', `${k}=${v}`] : ['--set', `${k}=${v}`],
  );
}

export interface Rendered {
  objects: K8sObject[];
  yaml: string;
  find(kind: string, name?: string): K8sObject;
  all(kind: string): K8sObject[];
}

/** `helm template` with the given values; throws with helm's message when it fails. */
export async function template(
  values: Record<string, string | number | boolean> = {},
  opts: { release?: string; namespace?: string; extraArgs?: string[] } = {},
): Promise<Rendered> {
  const r = await helm([
    'template',
    opts.release ?? 'aimesh',
    chartDir,
    '--namespace',
    opts.namespace ?? 'aimesh-system',
    '--kube-version',
    KUBE_VERSION,
    ...setFlags(values),
    ...(opts.extraArgs ?? []),
  ]);
  if (r.code !== 0) throw new Error(`helm template failed (${r.code}):\n${r.stderr}`);
  return parseRendered(r.stdout);
}

export function parseRendered(yaml: string): Rendered {
  const objects = (loadAll(yaml) as (K8sObject | null)[]).filter((o): o is K8sObject => !!o?.kind);
  const all = (kind: string) => objects.filter((o) => o.kind === kind);
  const find = (kind: string, name?: string) => {
    const hits = all(kind).filter((o) => name === undefined || o.metadata.name === name);
    if (hits.length !== 1)
      throw new Error(
        `expected one ${kind}${name ? ` ${name}` : ''}, found ${hits.length}: ${all(kind)
          .map((o) => o.metadata.name)
          .join(', ')}`,
      );
    return hits[0];
  };
  return { objects, yaml, find, all };
}
