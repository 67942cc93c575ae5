// `aimesh-operator compile`: the same validation and compile the operator runs, offline, for CI.
import { writeFileSync } from 'node:fs';
import { compile, type Problem } from '../compile/index.ts';
import { inputsFromManifests } from '../compile/inputs.ts';
import type { CompileOptions } from '../options.ts';
import { type Loaded, loadManifests } from './manifests.ts';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Returns the exit code. */
export function runCompile(opts: CompileOptions, io: CliIO): number {
  let loaded: Loaded[];
  try {
    loaded = loadManifests(opts.files, opts.recursive);
  } catch (err) {
    io.stderr(`error: ${(err as Error).message}\n`);
    return 1;
  }
  const sources = new Map<string, string>();
  for (const l of loaded) {
    const m = l.manifest;
    sources.set(`${m.kind}/${m.metadata?.namespace ?? 'default'}/${m.metadata?.name ?? ''}`, l.source);
  }
  const { snapshots, problems } = compile(inputsFromManifests(loaded.map((l) => l.manifest)));

  for (const p of problems)
    io.stderr(`${formatProblem(p, sources.get(`${p.kind}/${p.namespace}/${p.name}`))}\n`);
  if (problems.some((p) => p.severity === 'error')) return 1;

  let output: unknown = snapshots;
  if (opts.namespace !== undefined) {
    output = snapshots.find((s) => s.workload.namespace === opts.namespace);
    if (!output) {
      io.stderr(`error: no routes or quotas in namespace ${opts.namespace}\n`);
      return 1;
    }
  }
  const json = `${JSON.stringify(output, null, 2)}\n`;
  if (opts.out) writeFileSync(opts.out, json, { mode: 0o600 });
  else io.stdout(json);
  return 0;
}

export function formatProblem(p: Problem, source = '<input>'): string {
  const level = p.severity === 'warning' ? 'warning: ' : '';
  return `${source}: ${level}${p.kind} ${p.namespace}/${p.name}: ${p.path}: ${p.message} (${p.reason})`;
}
