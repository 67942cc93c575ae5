// Turns Secret and Namespace objects (from manifests or the apiserver) into compile inputs.
import { isAIMeshKind, type Manifest } from '../../crds/validate.ts';
import type { CompileInput, NamespaceInput, SecretInput } from './types.ts';

interface ObjectLike {
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/** Decodes data (base64) and stringData (plain, wins like the apiserver's merge). */
export function secretInput(o: ObjectLike): SecretInput {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.data ?? {})) data[k] = Buffer.from(v, 'base64').toString('utf8');
  Object.assign(data, o.stringData ?? {});
  return { namespace: o.metadata?.namespace ?? 'default', name: o.metadata?.name ?? '', data };
}

export function namespaceInput(o: ObjectLike): NamespaceInput {
  return {
    name: o.metadata?.name ?? '',
    labels: { ...o.metadata?.labels, 'kubernetes.io/metadata.name': o.metadata?.name ?? '' },
  };
}

/** Splits a bag of manifests into compile inputs; kinds compile does not read are dropped. */
export function inputsFromManifests(objects: Manifest[]): Omit<CompileInput, 'workloads'> {
  return {
    resources: objects.filter((o) => isAIMeshKind(o.kind)),
    secrets: objects.filter((o) => o.kind === 'Secret').map((o) => secretInput(o as ObjectLike)),
    namespaces: objects.filter((o) => o.kind === 'Namespace').map((o) => namespaceInput(o as ObjectLike)),
  };
}
