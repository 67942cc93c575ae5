// compile resolves an AIRoute's authentication.jwt JWKS from its Secret into the snapshot: only
// public asymmetric keys travel; a missing or unusable JWKS is a problem and refuses every token.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { compile } from '../../../../operator/compile/index.ts';
import { parseJwks } from '../../../../operator/compile/jwt.ts';

const ns = 'team-a';
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateJwk = { ...rsa.privateKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' };

function input(secretData?: Record<string, string>) {
  return {
    resources: [
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIProvider',
        metadata: { name: 'local', namespace: ns },
        spec: { type: 'openai-compatible', endpoint: 'http://127.0.0.1:9/v1', models: [{ name: 'm' }] },
      },
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIRoute',
        metadata: { name: 'chat', namespace: ns },
        spec: {
          authentication: {
            jwt: {
              issuer: 'https://idp',
              audiences: ['aimesh'],
              jwks: { secretRef: { name: 'idp' } },
              clockSkew: '5s',
            },
          },
          rules: [
            {
              matches: [{ claims: [{ name: 'plan', value: 'premium' }] }],
              backends: [{ providerRef: { name: 'local' } }],
            },
            { backends: [{ providerRef: { name: 'local' } }] },
          ],
        },
      },
    ],
    secrets: secretData ? [{ namespace: ns, name: 'idp', data: secretData }] : [],
    namespaces: [],
  } as Parameters<typeof compile>[0];
}

test('the JWKS lands in the snapshot with public members only (a private key put there by mistake stays home)', () => {
  const out = compile(
    input({ 'jwks.json': JSON.stringify({ keys: [privateJwk, { kty: 'oct', k: 'c2VjcmV0' }] }) }),
  );
  assert.deepEqual(out.problems, []);
  const jwt = out.snapshots[0]!.routes[0]!.jwt!;
  assert.equal(jwt.issuer, 'https://idp');
  assert.equal(jwt.clockSkewMs, 5000);
  assert.equal(jwt.required, false);
  assert.equal(jwt.keys.length, 1, 'the symmetric key is dropped');
  assert.deepEqual(Object.keys(jwt.keys[0]!).sort(), ['e', 'kid', 'kty', 'n', 'use']);
  assert.ok(!JSON.stringify(out.snapshots).includes(String(privateJwk.d)));
  assert.deepEqual(out.snapshots[0]!.routes[0]!.rules[0]!.matches, [
    { claims: [{ name: 'plan', value: 'premium', type: 'Exact' }] },
  ]);
});

test('a missing Secret, key or unusable JWKS is a problem; the route keeps a verifier with no keys (fail closed)', () => {
  const missing = compile(input());
  assert.equal(missing.problems[0]?.reason, 'SecretNotFound');
  assert.deepEqual(missing.snapshots[0]!.routes[0]!.jwt!.keys, []);
  assert.equal(compile(input({ other: '{}' })).problems[0]?.reason, 'SecretKeyNotFound');
  const bad = compile(input({ 'jwks.json': '{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}' }));
  assert.equal(bad.problems[0]?.reason, 'InvalidJWKS');
  assert.ok(!bad.problems[0]!.message.includes('c2VjcmV0'), 'no key material in messages');
});

test('parseJwks', () => {
  assert.equal(parseJwks('nope'), 'not valid JSON');
  assert.match(String(parseJwks('{}')), /keys/);
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' });
  assert.match(String(parseJwks(JSON.stringify({ keys: [ec] }))), /no usable public key/);
});
