import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeApi } from '../../../../operator/kube/api.ts';
import { Authenticator, expiry, identityFrom } from '../../../../operator/push/auth.ts';

const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

const review = (extra: Record<string, string[]> = {}, username = 'system:serviceaccount:team:app') => ({
  authenticated: true,
  audiences: ['aimesh'],
  user: {
    username,
    extra: {
      'authentication.kubernetes.io/pod-name': ['chat-1'],
      'authentication.kubernetes.io/pod-uid': ['uid-1'],
      ...extra,
    },
  },
});

describe('identity from a TokenReview', () => {
  it('names the namespace, service account and bound pod', () => {
    assert.deepEqual(identityFrom(review(), 'aimesh', 123), {
      ok: true,
      identity: {
        namespace: 'team',
        serviceAccount: 'app',
        podName: 'chat-1',
        podUid: 'uid-1',
        expiresAt: 123,
      },
    });
  });

  it('refuses unauthenticated tokens (401) and tokens of users or without a pod (403)', () => {
    assert.deepEqual(identityFrom({ authenticated: false }, 'aimesh'), {
      ok: false,
      status: 401,
      reason: 'the token is not valid for audience aimesh',
    });
    assert.equal(
      (identityFrom({ ...review(), audiences: ['other'] }, 'aimesh') as { status: number }).status,
      401,
    );
    assert.equal((identityFrom(review({}, 'alice'), 'aimesh') as { status: number }).status, 403);
    const unbound = { ...review(), user: { username: 'system:serviceaccount:team:app', extra: {} } };
    assert.deepEqual(identityFrom(unbound, 'aimesh'), {
      ok: false,
      status: 403,
      reason: 'the token is not bound to a pod',
    });
  });

  it('reads the expiry claim', () => {
    assert.equal(expiry(jwt({ exp: 1700000000 })), 1_700_000_000_000);
    assert.equal(expiry('garbage'), undefined);
  });
});

describe('Authenticator', () => {
  it('asks the apiserver once per token (audience aimesh), then uses its cache until the TTL', async () => {
    const bodies: any[] = [];
    let now = 0;
    const kube = {
      create: async (_path: string, body: any) => {
        bodies.push(body);
        return { status: review() };
      },
    } as unknown as KubeApi;
    const auth = new Authenticator(kube, { cacheTtlMs: 1000, now: () => now });
    const token = jwt({ exp: 10 });
    assert.equal((await auth.authenticate(token)).ok, true);
    assert.equal((await auth.authenticate(token)).ok, true);
    assert.equal(bodies.length, 1);
    assert.deepEqual(bodies[0].spec.audiences, ['aimesh']);
    now = 1500;
    await auth.authenticate(token);
    assert.equal(bodies.length, 2);
  });

  it('never caches beyond the token expiry, nor caches refusals', async () => {
    let calls = 0;
    let ok = false;
    const kube = {
      create: async () => {
        calls++;
        return { status: ok ? review() : { authenticated: false } };
      },
    } as unknown as KubeApi;
    let now = 0;
    const auth = new Authenticator(kube, { cacheTtlMs: 60_000, now: () => now });
    assert.equal((await auth.authenticate('t')).ok, false);
    ok = true;
    assert.equal((await auth.authenticate('t')).ok, true, 'a refusal is not remembered');
    const short = jwt({ exp: 1 }); // 1000 ms
    await auth.authenticate(short);
    now = 1001;
    await auth.authenticate(short);
    assert.equal(calls, 4);
  });

  it('refuses without a token, and when the apiserver cannot be asked', async () => {
    const kube = {
      create: async () => {
        throw new Error('connection refused');
      },
    } as unknown as KubeApi;
    const auth = new Authenticator(kube);
    assert.equal(((await auth.authenticate(undefined)) as { status: number }).status, 401);
    assert.equal(((await auth.authenticate('t')) as { status: number }).status, 401);
  });
});
