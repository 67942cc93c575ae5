// AIRoute authentication.jwt -> the snapshot's JWT verifier config: the JWKS read from the
// referenced Secret, reduced to public asymmetric keys (private members and symmetric keys are
// never shipped to sidecars: an HMAC key there would let anyone who reads the snapshot mint tokens).
import type { AIRouteSpec } from '../../crds/airoute.ts';
import { durationMs } from '../../sidecar/snapshot/limits.ts';
import type { JwtConfig } from '../../sidecar/snapshot/schema.ts';
import type { SecretInput } from './types.ts';

type JwtSpec = NonNullable<NonNullable<AIRouteSpec['authentication']>['jwt']>;

const PUBLIC_MEMBERS: Record<string, readonly string[]> = {
  RSA: ['kty', 'n', 'e'],
  EC: ['kty', 'crv', 'x', 'y'],
  OKP: ['kty', 'crv', 'x'],
};
const SHARED_MEMBERS = ['kid', 'alg', 'use'];

export interface JwtProblem {
  path: string;
  reason: string;
  message: string;
}

/**
 * The verifier config. A JWKS that cannot be read still yields a config, with no keys: every
 * token is then refused (fail closed), and the problem says why.
 */
export function compileJwt(
  namespace: string,
  spec: JwtSpec,
  secrets: Map<string, SecretInput>,
  problems: JwtProblem[],
): JwtConfig {
  const base = 'spec.authentication.jwt.jwks.secretRef';
  const ref = spec.jwks.secretRef;
  const keys: Record<string, unknown>[] = [];
  const secret = secrets.get(`${namespace}/${ref.name}`);
  if (!secret) {
    problems.push({
      path: `${base}.name`,
      reason: 'SecretNotFound',
      message: `Secret ${namespace}/${ref.name} does not exist`,
    });
  } else if (secret.data[ref.key] === undefined) {
    problems.push({
      path: `${base}.key`,
      reason: 'SecretKeyNotFound',
      message: `Secret ${namespace}/${ref.name} has no key ${ref.key}`,
    });
  } else {
    const parsed = parseJwks(secret.data[ref.key]!);
    if (typeof parsed === 'string')
      problems.push({
        path: base,
        reason: 'InvalidJWKS',
        message: `Secret ${namespace}/${ref.name} key ${ref.key}: ${parsed}`,
      });
    else keys.push(...parsed);
  }
  return {
    issuer: spec.issuer,
    audiences: spec.audiences,
    keys,
    required: spec.required,
    clockSkewMs: spec.clockSkew ? durationMs(spec.clockSkew) : 30_000,
  };
}

/** The usable public keys of a JWKS document, or why there are none. */
export function parseJwks(text: string): Record<string, unknown>[] | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  const list = (doc as { keys?: unknown })?.keys;
  if (!Array.isArray(list)) return 'a JWKS needs a "keys" array';
  const out: Record<string, unknown>[] = [];
  for (const k of list) {
    if (!k || typeof k !== 'object') continue;
    const jwk = k as Record<string, unknown>;
    const members = PUBLIC_MEMBERS[String(jwk.kty)];
    if (!members) continue; // oct (symmetric) and unknown types are not accepted
    if (jwk.kty === 'EC' && jwk.crv !== 'P-256') continue;
    if (jwk.kty === 'OKP' && jwk.crv !== 'Ed25519') continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    const pub: Record<string, unknown> = {};
    for (const m of [...members, ...SHARED_MEMBERS]) if (typeof jwk[m] === 'string') pub[m] = jwk[m];
    if (members.every((m) => typeof pub[m] === 'string')) out.push(pub);
  }
  if (out.length === 0) return 'no usable public key (RSA, EC P-256 or OKP Ed25519 with use sig)';
  return out;
}
