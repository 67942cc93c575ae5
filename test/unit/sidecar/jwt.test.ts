// JWT verification in the sidecar: what an end user's token must be to be believed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimStrings, JwtVerifier, looksLikeJwt } from '../../../sidecar/auth/jwt.ts';
import type { JwtConfig } from '../../../sidecar/snapshot/schema.ts';
import { claims, confusedJwt, signJwt, testKey, unsignedJwt } from '../../support/jwt.ts';

const rsa = testKey('RS256');
const ec = testKey('ES256');
const ed = testKey('EdDSA');
const config = (over: Partial<JwtConfig> = {}): JwtConfig => ({
  issuer: 'https://idp.example',
  audiences: ['aimesh'],
  keys: [rsa.jwk, ec.jwk, ed.jwk],
  required: false,
  clockSkewMs: 30_000,
  ...over,
});
const verifier = new JwtVerifier([config()]);

const refused = (token: string, reason: RegExp, v = verifier) => {
  const r = v.verify(token);
  assert.equal(r.ok, false, 'the token must be refused');
  if (!r.ok) assert.match(r.reason, reason);
};

describe('JwtVerifier', () => {
  for (const key of [rsa, ec, ed]) {
    it(`accepts a valid ${key.alg} token and returns its claims`, () => {
      const r = verifier.verify(signJwt(key, claims({ tier: 'premium' })));
      assert.ok(r.ok);
      if (r.ok) assert.equal(r.claims.tier, 'premium');
    });
  }

  it('refuses a bad signature (payload changed after signing)', () => {
    const [h, , s] = signJwt(rsa, claims()).split('.');
    const forged = Buffer.from(JSON.stringify(claims({ sub: 'admin' }))).toString('base64url');
    refused(`${h}.${forged}.${s}`, /signature/);
  });

  it('refuses a token signed by a key not in the JWKS', () => {
    const other = testKey('RS256', rsa.kid);
    refused(signJwt(other, claims()), /signature/);
  });

  it('refuses expired tokens (beyond the clock skew) and tokens without exp', () => {
    const now = Math.floor(Date.now() / 1000);
    refused(signJwt(ec, claims({ exp: now - 31 })), /expired/);
    assert.ok(verifier.verify(signJwt(ec, claims({ exp: now - 5 }))).ok, 'within the 30 s skew');
    const { exp: _exp, ...noExp } = claims();
    refused(signJwt(ec, noExp), /no exp/);
  });

  it('refuses a token not valid yet (nbf)', () => {
    refused(signJwt(rsa, claims({ nbf: Math.floor(Date.now() / 1000) + 120 })), /not valid yet/);
  });

  it('refuses a wrong audience and an untrusted issuer; accepts aud lists', () => {
    refused(signJwt(rsa, claims({ aud: 'someone-else' })), /audience/);
    refused(signJwt(rsa, claims({ iss: 'https://evil.example' })), /issuer/);
    assert.ok(verifier.verify(signJwt(rsa, claims({ aud: ['x', 'aimesh'] }))).ok);
  });

  it('refuses alg none', () => {
    refused(unsignedJwt(claims()), /algorithm "none"/);
  });

  it('refuses HS256 made with the public key as the HMAC secret (algorithm confusion)', () => {
    refused(confusedJwt(rsa, claims()), /algorithm "HS256"/);
  });

  it('takes the algorithm from the key: an RS256 header on an EC key, or a swapped kid, fails', () => {
    // Sign with EC but claim RS256 with the RSA kid: no RSA key verifies an ECDSA signature.
    refused(signJwt(ec, claims(), { alg: 'RS256', kid: rsa.kid }), /signature/);
    refused(signJwt(ed, claims(), { alg: 'ES256', kid: ec.kid }), /signature/);
  });

  it('with no usable keys (a JWKS that failed to load) refuses everything', () => {
    refused(signJwt(rsa, claims()), /signature/, new JwtVerifier([config({ keys: [] })]));
  });

  it('ignores a symmetric key that slipped into the JWKS', () => {
    const v = new JwtVerifier([config({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'h' }] })]);
    refused(signJwt(rsa, claims()), /signature/, v);
  });

  it('tells JWTs from opaque API keys', () => {
    assert.equal(looksLikeJwt(signJwt(rsa, claims())), true);
    assert.equal(looksLikeJwt('sk-proj-abc.def'), false);
    assert.equal(looksLikeJwt('unused'), false);
  });

  it('reads nested and list claims as strings', () => {
    const c = { sub: 'u1', org: { plan: 'pro' }, roles: ['a', 'b'], n: 3 };
    assert.deepEqual(claimStrings(c, 'org.plan'), ['pro']);
    assert.deepEqual(claimStrings(c, 'roles'), ['a', 'b']);
    assert.deepEqual(claimStrings(c, 'n'), ['3']);
    assert.deepEqual(claimStrings(c, 'missing'), []);
  });
});
