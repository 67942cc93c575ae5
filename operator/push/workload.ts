// Which workload a sidecar's pod belongs to: its namespace, labels and service account (what
// routes and quotas select on) plus a name taken from its owner. Pods of one Deployment share all
// of these, so they share one compiled snapshot.
import { canonicalJson } from '../../sidecar/snapshot/version.ts';
import type { Workload } from '../compile/index.ts';
import type { KubeObject } from '../kube/api.ts';

/**
 * Labels that differ per pod or per revision and that no route selects on in practice; keeping
 * them would give every StatefulSet pod, and every rollout, its own snapshot.
 */
const PER_POD_LABELS = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'batch.kubernetes.io/job-completion-index',
  'batch.kubernetes.io/controller-uid',
  'controller-uid',
]);

export interface KeyedWorkload {
  workload: Workload;
  /** Equal for pods that get the same snapshot. */
  key: string;
}

export function workloadOf(pod: KubeObject): KeyedWorkload {
  const namespace = pod.metadata.namespace ?? 'default';
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) if (!PER_POD_LABELS.has(k)) labels[k] = v;
  const spec = (pod.spec ?? {}) as { serviceAccountName?: string };
  const workload: Workload = {
    namespace,
    labels,
    serviceAccount: spec.serviceAccountName || 'default',
  };
  const name = ownerName(pod);
  if (name) workload.name = name;
  return { workload, key: workloadKey(workload) };
}

export const workloadKey = (w: Workload) => canonicalJson(w);

/** Deployment name from a ReplicaSet owner (minus its hash), else the controller's name. */
function ownerName(pod: KubeObject): string | undefined {
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  if (!owner) return pod.metadata.labels?.['app.kubernetes.io/name'] ?? pod.metadata.labels?.app;
  const hash = pod.metadata.labels?.['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`))
    return owner.name.slice(0, -(hash.length + 1));
  return owner.name;
}
