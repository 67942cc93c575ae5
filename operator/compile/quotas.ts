// AIQuota -> the snapshot's quota: one entry per limit with its single dimension.
import type { AIQuotaSpec } from '../../crds/aiquota.ts';
import { DIMENSIONS, type PartitionConfig, type QuotaConfig } from '../../sidecar/snapshot/schema.ts';
import type { Workload } from './types.ts';

export interface QuotaEntry {
  namespace: string;
  name: string;
  selector?: AIQuotaSpec['selector'];
  config: QuotaConfig;
}

export function compileQuota(namespace: string, name: string, spec: AIQuotaSpec): QuotaEntry {
  return {
    namespace,
    name,
    selector: spec.selector,
    config: {
      id: `${namespace}/${name}`,
      enforcement: spec.enforcement,
      failurePolicy: spec.failurePolicy,
      limits: spec.limits.map((l) => {
        const dimension = DIMENSIONS.find((d) => l[d] !== undefined)!;
        return {
          name: l.name,
          dimension,
          amount: l[dimension]!,
          window: l.window,
          ...(l.models ? { models: l.models } : {}),
          ...(l.reserveOutputTokens !== undefined ? { reserveOutputTokens: l.reserveOutputTokens } : {}),
          ...(l.per ? { per: partition(l.per) } : {}),
        };
      }),
    },
  };
}

function partition(per: NonNullable<AIQuotaSpec['limits'][number]['per']>): PartitionConfig {
  if (per.header !== undefined) return { source: 'header', name: per.header.toLowerCase() };
  if (per.body !== undefined) return { source: 'body', name: per.body };
  return { source: 'claim', name: per.claim! };
}

/** A namespace-wide workload (no labels) is covered by every quota of its namespace. */
export function quotaApplies(q: QuotaEntry, w: Workload): boolean {
  if (q.namespace !== w.namespace) return false;
  if (!w.labels) return true;
  for (const [k, v] of Object.entries(q.selector?.matchLabels ?? {})) if (w.labels[k] !== v) return false;
  const accounts = q.selector?.serviceAccounts;
  return !accounts || accounts.includes(w.serviceAccount ?? 'default');
}
