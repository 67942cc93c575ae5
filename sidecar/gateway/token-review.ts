// Who is calling the egress gateway: the caller's projected ServiceAccount token (audience
// aimesh), checked with a TokenReview the gateway sends itself. Its ServiceAccount may create
// TokenReviews and nothing else (no reads at all), which is less than asking the operator to vouch
// (the operator can read Secrets) and keeps the data path independent of the operator. A
// bound token's review fails once its pod is gone, so a verdict is cached for at most maxCacheMs
// (and never past the token's expiry): a deleted pod's token stops working within that time.
// Garbage (not a JWT, expired) is refused before any request to the apiserver; concurrent
// calls with the same new token share one review; reviews in flight are capped.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';

export interface Caller {
  namespace: string;
  serviceAccount: string;
  pod: string;
}

export type Verdict = { ok: true; caller: Caller } | { ok: false; status: 401 | 503; reason: string };

export interface KubeAccess {
  /** https://kubernetes.default.svc or the apiserver URL. */
  server: string;
  /** The gateway's own ServiceAccount token file (re-read: the kubelet rotates it). */
  tokenFile: string;
  /** PEM bundle of the apiserver's CA. */
  ca?: string;
}

export interface ReviewerOptions {
  audience?: string;
  maxCacheMs?: number;
  maxEntries?: number;
  maxInflight?: number;
  timeoutMs?: number;
  now?: () => number;
}

type Review = (token: string) => Promise<TokenReviewStatus>;

interface TokenReviewStatus {
  authenticated?: boolean;
  audiences?: string[];
  user?: { username?: string; extra?: Record<string, string[]> };
  error?: string;
}

const SA_PREFIX = 'system:serviceaccount:';
const POD_NAME = 'authentication.kubernetes.io/pod-name';

export class CallerReviewer {
  readonly #review: Review;
  readonly #audience: string;
  readonly #maxCacheMs: number;
  readonly #maxEntries: number;
  readonly #maxInflight: number;
  readonly #now: () => number;
  readonly #cache = new Map<string, { caller: Caller; until: number }>();
  readonly #pending = new Map<string, Promise<Verdict>>();

  constructor(review: Review, opts: ReviewerOptions = {}) {
    this.#review = review;
    this.#audience = opts.audience ?? 'aimesh';
    this.#maxCacheMs = opts.maxCacheMs ?? 60_000;
    this.#maxEntries = opts.maxEntries ?? 10_000;
    this.#maxInflight = opts.maxInflight ?? 32;
    this.#now = opts.now ?? Date.now;
  }

  async review(token: string | undefined): Promise<Verdict> {
    if (!token)
      return { ok: false, status: 401, reason: 'a pod token (proxy-authorization: Bearer) is required' };
    const claims = jwtClaims(token);
    const now = this.#now();
    if (!claims) return { ok: false, status: 401, reason: 'the token is not a ServiceAccount token' };
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= now)
      return { ok: false, status: 401, reason: 'the token has expired' };
    const key = createHash('sha256').update(token).digest('hex');
    const hit = this.#cache.get(key);
    if (hit && hit.until > now) return { ok: true, caller: hit.caller };
    if (hit) this.#cache.delete(key);
    const pending = this.#pending.get(key);
    if (pending) return pending;
    if (this.#pending.size >= this.#maxInflight)
      return { ok: false, status: 503, reason: 'too many token reviews in flight; retry' };
    const verdict = this.#verify(token, key, typeof claims.exp === 'number' ? claims.exp * 1000 : undefined);
    this.#pending.set(key, verdict);
    try {
      return await verdict;
    } finally {
      this.#pending.delete(key);
    }
  }

  async #verify(token: string, key: string, expiresAt: number | undefined): Promise<Verdict> {
    let status: TokenReviewStatus;
    try {
      status = await this.#review(token);
    } catch (err) {
      return { ok: false, status: 503, reason: `cannot verify the token now (${(err as Error).message})` };
    }
    const verdict = verdictOf(status, this.#audience);
    if (verdict.ok) {
      const until = Math.min(this.#now() + this.#maxCacheMs, expiresAt ?? Number.POSITIVE_INFINITY);
      if (this.#cache.size >= this.#maxEntries) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(key, { caller: verdict.caller, until });
    }
    return verdict;
  }
}

/** Reads a TokenReview status: an authenticated, pod-bound ServiceAccount token for the audience. */
export function verdictOf(status: TokenReviewStatus, audience: string): Verdict {
  if (!status.authenticated || (status.audiences && !status.audiences.includes(audience)))
    return { ok: false, status: 401, reason: `the token is not valid for audience ${audience}` };
  const username = status.user?.username ?? '';
  const [namespace, serviceAccount] = username.startsWith(SA_PREFIX)
    ? username.slice(SA_PREFIX.length).split(':')
    : [];
  const pod = status.user?.extra?.[POD_NAME]?.[0];
  if (!namespace || !serviceAccount) return { ok: false, status: 401, reason: 'not a ServiceAccount token' };
  if (!pod) return { ok: false, status: 401, reason: 'the token is not bound to a pod' };
  return { ok: true, caller: { namespace, serviceAccount, pod } };
}

function jwtClaims(token: string): { exp?: unknown } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    return claims !== null && typeof claims === 'object' ? (claims as { exp?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

/** TokenReview against the apiserver with the gateway's own ServiceAccount. */
export function kubeTokenReview(kube: KubeAccess, audience = 'aimesh', timeoutMs = 5000): Review {
  const url = new URL('/apis/authentication.k8s.io/v1/tokenreviews', kube.server);
  const agent = new https.Agent({ keepAlive: true, ...(kube.ca ? { ca: kube.ca } : {}) });
  return (token) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenReview',
        spec: { token, audiences: [audience] },
      });
      const req = https.request(
        url,
        {
          method: 'POST',
          agent,
          timeout: timeoutMs,
          headers: {
            authorization: `Bearer ${readFileSync(kube.tokenFile, 'utf8').trim()}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            if (res.statusCode !== 201 && res.statusCode !== 200)
              return reject(new Error(`TokenReview answered HTTP ${res.statusCode}`));
            try {
              resolve(
                (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status?: TokenReviewStatus })
                  .status ?? {},
              );
            } catch (err) {
              reject(err as Error);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no TokenReview answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
}
