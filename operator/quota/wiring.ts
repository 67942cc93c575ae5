// How the operator plugs the quota service in: persistence as a merge patch of the AIQuota
// status subresource (status.limits only; the reconciler owns conditions), and authentication
// with the push server's TokenReview authenticator (holder = the pod's uid).
import type { IncomingHttpHeaders } from 'node:http';
import { isNotFound, type KubeApi, RESOURCES, resourcePath } from '../kube/api.ts';
import type { Authenticator } from '../push/auth.ts';
import type { QuotaCaller, StatusLimit } from './service.ts';

export function kubeStatusPersist(kube: Pick<KubeApi, 'patch'>) {
  return async (quotaId: string, limits: StatusLimit[]): Promise<void> => {
    const [namespace, name] = quotaId.split('/');
    try {
      await kube.patch(
        `${resourcePath(RESOURCES.AIQuota, namespace, name)}/status`,
        { status: { limits } },
        'merge',
      );
    } catch (err) {
      if (!isNotFound(err)) throw err; // a deleted quota has nothing left to record
    }
  };
}

export function tokenReviewAuth(auth: Pick<Authenticator, 'authenticate'>) {
  return async (req: { headers: IncomingHttpHeaders }): Promise<QuotaCaller | undefined> => {
    const header = req.headers.authorization;
    const token = /^Bearer\s+(.+)$/i
      .exec(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''))?.[1]
      ?.trim();
    const result = await auth.authenticate(token);
    return result.ok ? { namespace: result.identity.namespace, holder: result.identity.podUid } : undefined;
  };
}
