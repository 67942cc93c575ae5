// The egress gateway's identity on the push stream. A pod running as the gateway ServiceAccount
// (the chart's aimesh-gateway) is not an app workload: it gets its namespace's gateway snapshot,
// which holds the keys of that namespace's Gateway-mode providers. Only pods of the namespace can
// run as its ServiceAccount, and whoever may create pods there can mount its Secrets anyway, so
// this hands a namespace's keys to no one who could not already read them.
import { GATEWAY_NAME } from '../compile/gateway.ts';
import type { Workload } from '../compile/index.ts';
import type { KubeObject } from '../kube/api.ts';
import { type KeyedWorkload, workloadKey } from './workload.ts';

/** The gateway workload when the pod runs as `serviceAccount`; undefined for every other pod. */
export function gatewayWorkloadOf(pod: KubeObject, serviceAccount: string): KeyedWorkload | undefined {
  if (!serviceAccount) return undefined;
  const spec = (pod.spec ?? {}) as { serviceAccountName?: string };
  if ((spec.serviceAccountName || 'default') !== serviceAccount) return undefined;
  const workload: Workload = {
    namespace: pod.metadata.namespace ?? 'default',
    name: GATEWAY_NAME,
    role: 'gateway',
  };
  return { workload, key: workloadKey(workload) };
}
