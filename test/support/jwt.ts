// Test issuer: real key pairs (RSA, EC P-256, Ed25519) and JWS compact tokens signed with
// node:crypto, so the sidecar's verifier is tested against tokens made the way an IdP makes them.
import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

export interface TestKey {
  kid: string;
  alg: 'RS256' | 'ES256' | 'EdDSA';
  privateKey: KeyObject;
  /** The public JWK, as a JWKS would publish it. */
  jwk: Record<string, unknown>;
}

export function testKey(alg: TestKey['alg'], kid = `${alg.toLowerCase()}-1`): TestKey {
  const pair =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : alg === 'ES256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('ed25519');
  const jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
  return { kid, alg, privateKey: pair.privateKey, jwk };
}

export const jwks = (...keys: TestKey[]) => JSON.stringify({ keys: keys.map((k) => k.jwk) });

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A signed token; `header` overrides (alg, kid) to build attacks. */
export function signJwt(
  key: TestKey,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): string {
  const h = { alg: key.alg, typ: 'JWT', kid: key.kid, ...header };
  const data = `${b64(h)}.${b64(claims)}`;
  const sig =
    key.alg === 'EdDSA'
      ? sign(null, Buffer.from(data), key.privateKey)
      : sign(
          'sha256',
          Buffer.from(data),
          key.alg === 'ES256' ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' } : key.privateKey,
        );
  return `${data}.${sig.toString('base64url')}`;
}

/** alg none: no signature at all. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
}

/** HS256 keyed with the RSA public key's bytes: the algorithm-confusion attack. */
export function confusedJwt(key: TestKey, claims: Record<string, unknown>): string {
  const data = `${b64({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${b64(claims)}`;
  const secret = JSON.stringify(key.jwk);
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
}

/** Claims valid for an hour from now. */
export function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: 'https://idp.example', aud: 'aimesh', sub: 'user-1', iat: now, exp: now + 3600, ...extra };
}
