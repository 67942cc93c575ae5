// Who is asking and what they may see, with the user's own Kubernetes credentials: a bearer token
// checked by a TokenReview (the apiserver's audiences, like kubectl's), and each view and namespace
// checked by a SubjectAccessReview for that user (a user sees what they could `kubectl get`). No
// user database: results are cached briefly by the token's hash so a page of many namespaces is
// not a review storm, and never longer than the token lives.
import { createHash } from 'node:crypto';
import { type KubeApi, RESOURCES, resourcePath } from '../kube/api.ts';
import { expiry } from '../push/auth.ts';

export interface User {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
  /** When the token expires (ms since epoch), if it says. */
  expiresAt?: number;
}

/** What a SubjectAccessReview asks: may this user <verb> <resource> in <namespace>? */
export interface Access {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  /** Absent: cluster-wide (every namespace). */
  namespace?: string;
}

export type AuthResult = { ok: true; user: User } | { ok: false; reason: string };

export interface AuthorizerOptions {
  cacheTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class Authorizer {
  readonly #kube: KubeApi;
  readonly #ttl: number;
  readonly #max: number;
  readonly #now: () => number;
  readonly #users = new Map<string, { user: User; until: number }>();
  readonly #decisions = new Map<string, { allowed: boolean; until: number }>();

  constructor(kube: KubeApi, opts: AuthorizerOptions = {}) {
    this.#kube = kube;
    this.#ttl = opts.cacheTtlMs ?? 10_000;
    this.#max = opts.maxEntries ?? 10_000;
    this.#now = opts.now ?? Date.now;
  }

  async authenticate(token: string | undefined): Promise<AuthResult> {
    if (!token) return { ok: false, reason: 'a Kubernetes bearer token is required' };
    const key = hash(token);
    const now = this.#now();
    const hit = this.#users.get(key);
    if (hit && hit.until > now) return { ok: true, user: hit.user };
    let status: TokenReviewStatus;
    try {
      const review = await this.#kube.create<{ status?: TokenReviewStatus }>(
        resourcePath(RESOURCES.TokenReview),
        { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } },
      );
      status = review.status ?? {};
    } catch (err) {
      return { ok: false, reason: `the token could not be reviewed: ${(err as Error).message}` };
    }
    if (!status.authenticated || !status.user?.username)
      return { ok: false, reason: 'the token was not accepted by the Kubernetes API' };
    const user: User = {
      username: status.user.username,
      ...(status.user.uid ? { uid: status.user.uid } : {}),
      groups: status.user.groups ?? [],
      ...(status.user.extra ? { extra: status.user.extra } : {}),
    };
    const expiresAt = expiry(token);
    if (expiresAt !== undefined) user.expiresAt = expiresAt;
    remember(
      this.#users,
      key,
      { user, until: Math.min(now + this.#ttl, user.expiresAt ?? Infinity) },
      this.#max,
    );
    return { ok: true, user };
  }

  /** A SubjectAccessReview for the user; false when the review itself fails. */
  async can(user: User, access: Access): Promise<boolean> {
    const key = hash(JSON.stringify([user.username, user.uid, user.groups, user.extra, access]));
    const now = this.#now();
    const hit = this.#decisions.get(key);
    if (hit && hit.until > now) return hit.allowed;
    let allowed = false;
    try {
      const review = await this.#kube.create<{ status?: { allowed?: boolean } }>(
        resourcePath(RESOURCES.SubjectAccessReview),
        {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: {
            user: user.username,
            ...(user.uid ? { uid: user.uid } : {}),
            groups: user.groups,
            ...(user.extra ? { extra: user.extra } : {}),
            resourceAttributes: {
              verb: access.verb,
              group: access.group,
              resource: access.resource,
              ...(access.subresource ? { subresource: access.subresource } : {}),
              ...(access.namespace ? { namespace: access.namespace } : {}),
            },
          },
        },
      );
      allowed = review.status?.allowed === true;
    } catch {
      return false; // not cached: the next page asks again
    }
    remember(this.#decisions, key, { allowed, until: now + this.#ttl }, this.#max);
    return allowed;
  }

  /**
   * The namespaces (of the candidates) where the user has the access: all of them at once when
   * it holds cluster-wide, else one review per namespace.
   */
  async namespaces(
    user: User,
    access: Omit<Access, 'namespace'>,
    candidates: Iterable<string>,
  ): Promise<string[]> {
    const all = [...new Set(candidates)].sort();
    if (await this.can(user, access)) return all;
    const out: string[] = [];
    // A few reviews at a time: a cluster of many namespaces is no burst on the apiserver.
    for (let i = 0; i < all.length; i += REVIEW_CONCURRENCY) {
      const batch = all.slice(i, i + REVIEW_CONCURRENCY);
      const allowed = await Promise.all(batch.map((namespace) => this.can(user, { ...access, namespace })));
      out.push(...batch.filter((_, j) => allowed[j]));
    }
    return out;
  }
}

interface TokenReviewStatus {
  authenticated?: boolean;
  user?: { username?: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> };
}

const REVIEW_CONCURRENCY = 16;

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
}
