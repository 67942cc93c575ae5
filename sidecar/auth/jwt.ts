// End users' JWTs, verified in the sidecar with node:crypto (no library: three algorithms, a
// JWKS that the operator already resolved, nothing fetched). Built once per snapshot from the
// routes' authentication.jwt; a call's token is checked before routing so rules and quota keys
// can read its claims.
//
// What is refused, and why it matters:
//   - alg none, HS* and anything but RS256 / ES256 / EdDSA: an attacker picks the header, so the
//     algorithm must come from the key (RSA -> RS256, EC P-256 -> ES256, OKP Ed25519 -> EdDSA),
//     never from the token alone (the classic RS256 -> HS256 "public key as HMAC secret" confusion
//     cannot happen: no HMAC path exists);
//   - an issuer no route trusts, an audience not listed, a missing or past exp, a future nbf
//     (each with the configured clock skew).
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { JwtConfig } from '../snapshot/schema.ts';

export type Claims = Record<string, unknown>;

export type Verified = { ok: true; claims: Claims } | { ok: false; reason: string };

const ALG_FOR_KEY: Record<string, string> = { RSA: 'RS256', EC: 'ES256', OKP: 'EdDSA' };

interface Key {
  kid?: string;
  alg: string;
  key: KeyObject;
}

interface Issuer {
  audiences: Set<string>;
  keys: Key[];
  clockSkewMs: number;
}

/** A token's three parts, decoded; undefined when it is not a JWS compact serialization. */
function decode(token: string): { header: Claims; payload: Claims; signed: Buffer; sig: Buffer } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    if (!isObject(header) || !isObject(payload)) return undefined;
    return {
      header,
      payload,
      signed: Buffer.from(`${parts[0]}.${parts[1]}`),
      sig: Buffer.from(parts[2]!, 'base64url'),
    };
  } catch {
    return undefined;
  }
}

function isObject(x: unknown): x is Claims {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Does this look like a JWT at all (three base64url parts, a JSON header)? Opaque API keys do not. */
export function looksLikeJwt(token: string): boolean {
  return decode(token) !== undefined;
}

export class JwtVerifier {
  readonly #issuers = new Map<string, Issuer[]>();
  readonly #now: () => number;

  constructor(configs: readonly JwtConfig[], now: () => number = Date.now) {
    this.#now = now;
    for (const c of configs) {
      const keys: Key[] = [];
      for (const jwk of c.keys) {
        const alg = ALG_FOR_KEY[String(jwk.kty)];
        if (!alg || (jwk.alg !== undefined && jwk.alg !== alg)) continue;
        try {
          const key = createPublicKey({ key: jwk as never, format: 'jwk' });
          keys.push({ kid: typeof jwk.kid === 'string' ? jwk.kid : undefined, alg, key });
        } catch {
          // A malformed key is skipped (the operator already dropped what it could recognise).
        }
      }
      const list = this.#issuers.get(c.issuer) ?? [];
      list.push({ audiences: new Set(c.audiences), keys, clockSkewMs: c.clockSkewMs });
      this.#issuers.set(c.issuer, list);
    }
  }

  /** Verifies signature, issuer, audience and lifetime. Reasons never quote the token. */
  verify(token: string): Verified {
    const jwt = decode(token);
    if (!jwt) return { ok: false, reason: 'the bearer token is not a well-formed JWT' };
    const alg = jwt.header.alg;
    if (alg !== 'RS256' && alg !== 'ES256' && alg !== 'EdDSA')
      return {
        ok: false,
        reason: `JWT algorithm ${JSON.stringify(String(alg)).slice(0, 40)} is not accepted`,
      };
    const iss = jwt.payload.iss;
    const issuers = typeof iss === 'string' ? this.#issuers.get(iss) : undefined;
    if (!issuers) return { ok: false, reason: 'the JWT issuer is not trusted' };
    const kid = typeof jwt.header.kid === 'string' ? jwt.header.kid : undefined;

    let signed = false;
    let audienceOk = false;
    let skew = 0;
    for (const issuer of issuers) {
      const candidates = issuer.keys.filter((k) => k.alg === alg && (kid === undefined || k.kid === kid));
      if (!candidates.some((k) => checkSignature(alg, k.key, jwt.signed, jwt.sig))) continue;
      signed = true;
      const aud = jwt.payload.aud;
      const auds = Array.isArray(aud) ? aud : [aud];
      if (auds.some((a) => typeof a === 'string' && issuer.audiences.has(a))) {
        audienceOk = true;
        skew = issuer.clockSkewMs;
        break;
      }
    }
    if (!signed) return { ok: false, reason: 'the JWT signature does not verify' };
    if (!audienceOk) return { ok: false, reason: 'the JWT audience is not accepted' };

    const now = this.#now() / 1000;
    const exp = jwt.payload.exp;
    if (typeof exp !== 'number') return { ok: false, reason: 'the JWT has no exp' };
    if (now - skew / 1000 >= exp) return { ok: false, reason: 'the JWT has expired' };
    const nbf = jwt.payload.nbf;
    if (nbf !== undefined && (typeof nbf !== 'number' || now + skew / 1000 < nbf))
      return { ok: false, reason: 'the JWT is not valid yet (nbf)' };
    return { ok: true, claims: jwt.payload };
  }
}

function checkSignature(alg: string, key: KeyObject, data: Buffer, sig: Buffer): boolean {
  try {
    if (alg === 'EdDSA') return verify(null, data, key, sig);
    if (alg === 'ES256') {
      // JWS carries r || s (64 bytes), not DER.
      if (sig.length !== 64) return false;
      return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig);
    }
    return verify('sha256', data, key, sig);
  } catch {
    return false;
  }
}

/** A claim by name; a dotted path reaches nested objects. Lists and objects are returned as they are. */
export function claimValue(claims: Claims | undefined, name: string): unknown {
  if (!claims) return undefined;
  if (name in claims) return claims[name];
  let v: unknown = claims;
  for (const part of name.split('.')) {
    if (!isObject(v)) return undefined;
    v = v[part];
  }
  return v;
}

/** The values a claim contributes to matching and keys: strings, numbers and booleans, list items one by one. */
export function claimStrings(claims: Claims | undefined, name: string): string[] {
  const v = claimValue(claims, name);
  const items = Array.isArray(v) ? v : [v];
  return items.flatMap((x) =>
    typeof x === 'string' ? [x] : typeof x === 'number' || typeof x === 'boolean' ? [String(x)] : [],
  );
}
