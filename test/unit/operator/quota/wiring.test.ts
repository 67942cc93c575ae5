// The quota service's status write: one merge patch of the AIQuota status subresource with the
// counters and the line the USAGE printer column shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubeStatusPersist } from '../../../../operator/quota/wiring.ts';

test('persist patches status.limits and status.usage of the quota, nothing else', async () => {
  const patches: { path: string; body: unknown; type: string }[] = [];
  const persist = kubeStatusPersist({
    patch: async (path: string, body: unknown, type?: string) => {
      patches.push({ path, body, type: type ?? '' });
      return {} as never;
    },
  } as never);
  const limits = [
    { name: 'tpm', used: 0, limit: 100000, resetsAt: '2025-01-15T12:01:00.000Z' },
    { name: 'daily-usd', used: 1.25, limit: 50, resetsAt: '2025-01-16T00:00:00.000Z' },
  ];
  await persist('team-a/budget', limits);
  assert.deepEqual(patches, [
    {
      path: '/apis/aimesh.io/v1alpha1/namespaces/team-a/aiquotas/budget/status',
      body: { status: { limits, usage: 'tpm=0/100000,daily-usd=1.25/50' } },
      type: 'merge',
    },
  ]);
});
