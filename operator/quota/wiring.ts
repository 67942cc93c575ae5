// How the operator plugs the quota service in: persistence as a merge patch of the AIQuota
// status subresource (status.limits and its one-line status.usage; the reconciler owns
// conditions), and authentication with the push server's TokenReview authenticator (holder = the
// pod's uid).
import type { IncomingHttpHeaders } from 'node:http';
import { isNotFound, type KubeApi, type KubeObject, RESOURCES, resourcePath } from '../kube/api.ts';
import type { Authenticator } from '../push/auth.ts';
import { type QuotaCaller, type StatusLimit, usageSummary } from './service.ts';

export function kubeStatusPersist(kube: Pick<KubeApi, 'patch'>) {
  return async (quotaId: string, limits: StatusLimit[]): Promise<void> => {
    const [namespace, name] = quotaId.split('/');
    try {
      await kube.patch(
        `${resourcePath(RESOURCES.AIQuota, namespace, name)}/status`,
        { status: { limits, usage: usageSummary(limits) } },
        'merge',
      );
    } catch (err) {
      if (!isNotFound(err)) throw err; // a deleted quota has nothing left to record
    }
  };
}

/**
 * The caller from its token (TokenReview) and the pod the token is bound to (labels and
 * ServiceAccount, what quota selectors match on). A pod that cannot be found, or is not the one
 * the token names (same name, another uid), leaves the labels unknown: label selectors refuse it.
 */
export function tokenReviewAuth(
  auth: Pick<Authenticator, 'authenticate'>,
  lookupPod?: (namespace: string, name: string) => Promise<KubeObject | undefined>,
) {
  return async (req: { headers: IncomingHttpHeaders }): Promise<QuotaCaller | undefined> => {
    const header = req.headers.authorization;
    const token = /^Bearer\s+(.+)$/i
      .exec(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''))?.[1]
      ?.trim();
    const result = await auth.authenticate(token);
    if (!result.ok) return undefined;
    const id = result.identity;
    const caller: QuotaCaller = {
      namespace: id.namespace,
      holder: id.podUid,
      serviceAccount: id.serviceAccount,
      pod: id.podName,
    };
    const pod = await lookupPod?.(id.namespace, id.podName).catch(() => undefined);
    if (pod && pod.metadata.uid === id.podUid) caller.labels = { ...(pod.metadata.labels ?? {}) };
    return caller;
  };
}
