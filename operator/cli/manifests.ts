// Reads Kubernetes manifests from YAML files and folders (multi-document files and v1 Lists
// included), remembering where each object came from so problems can name the file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { loadAll, YAML11_SCHEMA, type YAMLException } from 'js-yaml';
import type { Manifest } from '../../crds/validate.ts';

export interface Loaded {
  manifest: Manifest;
  /** "path/to/file.yaml" or "path/to/file.yaml#2" for the third document of a file. */
  source: string;
}

const YAML_EXT = new Set(['.yaml', '.yml', '.json']);

/** Files named directly are read whatever their extension; folders contribute their YAML/JSON files, sorted. */
export function manifestFiles(paths: string[], recursive = false): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!statSync(p).isDirectory()) {
      out.push(p);
      continue;
    }
    for (const entry of readdirSync(p, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(p, entry.name);
      if (entry.isDirectory()) {
        if (recursive) out.push(...manifestFiles([full], true));
      } else if (YAML_EXT.has(extname(entry.name))) out.push(full);
    }
  }
  return out;
}

export function parseManifests(text: string, file: string): Loaded[] {
  const out: Loaded[] = [];
  // YAML 1.1 like kubectl (sigs.k8s.io/yaml): `on: x` is a boolean key there, and must be here too.
  let docs: unknown[];
  try {
    docs = loadAll(text, { schema: YAML11_SCHEMA });
  } catch (err) {
    // "file:line:column: reason", as compilers print it (editors jump to it).
    const { reason, mark } = err as YAMLException;
    throw new Error(mark ? `${file}:${mark.line + 1}:${mark.column + 1}: ${reason}` : `${file}: ${reason}`);
  }
  docs.forEach((doc, i) => {
    const value = doc as Manifest | null;
    if (value === null || typeof value !== 'object') return;
    const source = i === 0 ? file : `${file}#${i}`;
    const items =
      value.kind?.endsWith('List') && Array.isArray(value.items) ? (value.items as Manifest[]) : [value];
    for (const manifest of items) out.push({ manifest, source });
  });
  return out;
}

export function loadManifests(paths: string[], recursive = false): Loaded[] {
  return manifestFiles(paths, recursive).flatMap((f) => parseManifests(readFileSync(f, 'utf8'), f));
}
