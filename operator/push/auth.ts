// Who is on the other end of a push stream: the sidecar presents its projected ServiceAccount
// token (audience "aimesh"); a TokenReview proves it and names the pod it is bound to. Reviews are
// cached by the token's hash for a short while so a reconnect storm does not become a TokenReview
// storm; the cache never outlives the token.
import { createHash } from 'node:crypto';
import { type KubeApi, RESOURCES, resourcePath } from '../kube/api.ts';

export interface SidecarIdentity {
  namespace: string;
  serviceAccount: string;
  podName: string;
  podUid: string;
  /** When the token expires (ms since epoch), if it says. */
  expiresAt?: number;
}

export type AuthResult =
  | { ok: true; identity: SidecarIdentity }
  | { ok: false; status: 401 | 403; reason: string };

interface TokenReviewStatus {
  authenticated?: boolean;
  error?: string;
  audiences?: string[];
  user?: { username?: string; extra?: Record<string, string[]> };
}

const POD_NAME = 'authentication.kubernetes.io/pod-name';
const POD_UID = 'authentication.kubernetes.io/pod-uid';
const SA_PREFIX = 'system:serviceaccount:';

export interface AuthenticatorOptions {
  audience?: string;
  cacheTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class Authenticator {
  readonly #kube: KubeApi;
  readonly #audience: string;
  readonly #ttl: number;
  readonly #max: number;
  readonly #now: () => number;
  readonly #cache = new Map<string, { identity: SidecarIdentity; until: number }>();

  constructor(kube: KubeApi, opts: AuthenticatorOptions = {}) {
    this.#kube = kube;
    this.#audience = opts.audience ?? 'aimesh';
    this.#ttl = opts.cacheTtlMs ?? 60_000;
    this.#max = opts.maxEntries ?? 10_000;
    this.#now = opts.now ?? Date.now;
  }

  async authenticate(token: string | undefined): Promise<AuthResult> {
    if (!token) return { ok: false, status: 401, reason: 'a bearer token is required' };
    const key = createHash('sha256').update(token).digest('hex');
    const now = this.#now();
    const hit = this.#cache.get(key);
    if (hit && hit.until > now) return { ok: true, identity: hit.identity };
    if (hit) this.#cache.delete(key);

    let status: TokenReviewStatus;
    try {
      const review = await this.#kube.create<{ status?: TokenReviewStatus }>(
        resourcePath(RESOURCES.TokenReview),
        {
          apiVersion: 'authentication.k8s.io/v1',
          kind: 'TokenReview',
          spec: { token, audiences: [this.#audience] },
        },
      );
      status = review.status ?? {};
    } catch (err) {
      // Not the caller's fault: refuse for now, the sidecar retries with backoff.
      return { ok: false, status: 401, reason: `token review failed: ${(err as Error).message}` };
    }
    const result = identityFrom(status, this.#audience, expiry(token));
    if (result.ok) {
      const until = Math.min(now + this.#ttl, result.identity.expiresAt ?? Number.POSITIVE_INFINITY);
      if (this.#cache.size >= this.#max) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(key, { identity: result.identity, until });
    }
    return result;
  }
}

/** Reads a TokenReview result; exported for unit tests. */
export function identityFrom(status: TokenReviewStatus, audience: string, expiresAt?: number): AuthResult {
  if (!status.authenticated)
    return { ok: false, status: 401, reason: 'the token is not valid for audience aimesh' };
  if (status.audiences && !status.audiences.includes(audience))
    return { ok: false, status: 401, reason: `the token is not valid for audience ${audience}` };
  const username = status.user?.username ?? '';
  if (!username.startsWith(SA_PREFIX))
    return { ok: false, status: 403, reason: 'only ServiceAccount tokens are accepted' };
  const [namespace, serviceAccount] = username.slice(SA_PREFIX.length).split(':');
  const podName = status.user?.extra?.[POD_NAME]?.[0];
  const podUid = status.user?.extra?.[POD_UID]?.[0];
  if (!namespace || !serviceAccount)
    return { ok: false, status: 403, reason: 'malformed ServiceAccount name' };
  if (!podName || !podUid) return { ok: false, status: 403, reason: 'the token is not bound to a pod' };
  return { ok: true, identity: { namespace, serviceAccount, podName, podUid, expiresAt } };
}

/** The JWT's exp claim in ms, read only after the TokenReview vouched for the token. */
export function expiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
