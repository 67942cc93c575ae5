// Which pods the push server treats as their namespace's egress gateway.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../operator/kube/api.ts';
import { gatewayWorkloadOf } from '../../../../operator/push/gateway.ts';
import { workloadOf } from '../../../../operator/push/workload.ts';

const pod = (serviceAccountName?: string): KubeObject =>
  ({
    metadata: { name: 'p', namespace: 'ai-platform', uid: 'u', labels: { app: 'x' } },
    spec: serviceAccountName ? { serviceAccountName } : {},
  }) as KubeObject;

test('a pod running as the gateway ServiceAccount is its namespace gateway, with its own key', () => {
  const keyed = gatewayWorkloadOf(pod('aimesh-gateway'), 'aimesh-gateway');
  assert.deepEqual(keyed?.workload, { namespace: 'ai-platform', name: 'aimesh-gateway', role: 'gateway' });
  assert.notEqual(keyed?.key, workloadOf(pod('aimesh-gateway')).key, 'never shares an app workload snapshot');
});

test('every other pod is an app workload; "" turns gateways off', () => {
  assert.equal(gatewayWorkloadOf(pod(), 'aimesh-gateway'), undefined);
  assert.equal(gatewayWorkloadOf(pod('default'), 'aimesh-gateway'), undefined);
  assert.equal(gatewayWorkloadOf(pod('aimesh-gateway'), ''), undefined);
});
