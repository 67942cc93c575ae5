// Who the gateway lets in: a TokenReview verdict per pod token, cached within bounds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CallerReviewer, verdictOf } from '../../../../sidecar/gateway/token-review.ts';

const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (expS: number) => `${part({ alg: 'RS256' })}.${part({ exp: expS })}.c2ln`;
const ok = {
  authenticated: true,
  audiences: ['aimesh'],
  user: {
    username: 'system:serviceaccount:team-a:default',
    extra: { 'authentication.kubernetes.io/pod-name': ['chat-1'] },
  },
};

test('a verdict is cached at most maxCacheMs, and never past the token expiry', async () => {
  let now = 1_000_000;
  let reviews = 0;
  const reviewer = new CallerReviewer(
    async () => {
      reviews++;
      return ok;
    },
    { now: () => now, maxCacheMs: 60_000 },
  );
  const long = jwt(now / 1000 + 3600);
  assert.deepEqual(await reviewer.review(long), {
    ok: true,
    caller: { namespace: 'team-a', serviceAccount: 'default', pod: 'chat-1' },
  });
  now += 59_000;
  await reviewer.review(long);
  assert.equal(reviews, 1);
  now += 2_000;
  await reviewer.review(long);
  assert.equal(reviews, 2, 'reviewed again after 60 s: a deleted pod loses access');

  const short = jwt(now / 1000 + 10);
  await reviewer.review(short);
  now += 11_000;
  const expired = await reviewer.review(short);
  assert.deepEqual(expired, { ok: false, status: 401, reason: 'the token has expired' });
  assert.equal(reviews, 3, 'an expired token never reaches the apiserver');
});

test('concurrent first calls with one token share one review; garbage costs none', async () => {
  let reviews = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const reviewer = new CallerReviewer(async () => {
    reviews++;
    await gate;
    return ok;
  });
  const token = jwt(Date.now() / 1000 + 3600);
  const all = Promise.all([reviewer.review(token), reviewer.review(token), reviewer.review(token)]);
  release();
  assert.ok((await all).every((v) => v.ok));
  assert.equal(reviews, 1);
  for (const junk of [undefined, '', 'not-a-jwt', 'a.b.c'])
    assert.equal((await reviewer.review(junk)).ok, false);
  assert.equal(reviews, 1);
});

test('an unreachable apiserver is a 503 (retry), not a 401, and is not cached', async () => {
  let fail = true;
  const reviewer = new CallerReviewer(async () => {
    if (fail) throw new Error('connect ECONNREFUSED');
    return ok;
  });
  const token = jwt(Date.now() / 1000 + 3600);
  const first = await reviewer.review(token);
  assert.equal(first.ok, false);
  assert.equal(!first.ok && first.status, 503);
  fail = false;
  assert.equal((await reviewer.review(token)).ok, true);
});

test('only authenticated, pod-bound ServiceAccount tokens for the audience pass', () => {
  assert.equal(verdictOf({ authenticated: false }, 'aimesh').ok, false);
  assert.equal(verdictOf({ ...ok, audiences: ['other'] }, 'aimesh').ok, false);
  assert.equal(verdictOf({ ...ok, user: { username: 'alice' } }, 'aimesh').ok, false);
  assert.equal(
    verdictOf({ ...ok, user: { username: 'system:serviceaccount:team-a:default' } }, 'aimesh').ok,
    false,
    'not bound to a pod',
  );
  assert.equal(verdictOf(ok, 'aimesh').ok, true);
});

test('aimesh-sidecar --gateway: listens on the pod IP, needs the operator and an API server', async () => {
  const { parseOptions } = await import('../../../../sidecar/options.ts');
  const o = parseOptions(['--gateway', '--operator', 'https://op:15010'], {
    KUBERNETES_SERVICE_HOST: '10.0.0.1',
    KUBERNETES_SERVICE_PORT: '443',
  });
  assert.ok(o !== 'help');
  assert.equal(o.gateway, true);
  assert.equal(o.host, '0.0.0.0');
  assert.equal(o.kube.server, 'https://10.0.0.1:443');
  assert.equal(o.kube.tokenFile, '/var/run/secrets/kubernetes.io/serviceaccount/token');
  const app = parseOptions(['--operator', 'https://op:15010'], { AIMESH_GATEWAY: 'false' });
  assert.ok(app !== 'help');
  assert.equal(app.gateway, false);
  assert.equal(app.host, '127.0.0.1', 'an app sidecar stays on localhost');
  assert.throws(() => parseOptions(['--gateway', '--snapshot', 's.json'], {}), /--gateway needs --operator/);
  assert.throws(() => parseOptions(['--gateway', '--operator', 'https://op'], {}), /--kube-api/);
  assert.throws(() => parseOptions(['--snapshot', 's', '--tls-cert', 'c'], {}), /go together/);
});
