import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Authorizer } from '../../../../operator/console/auth.ts';
import { type KubeApi, KubeError } from '../../../../operator/kube/api.ts';

const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

function kube(o: { clusterWide?: boolean; namespaces?: string[]; fail?: boolean } = {}) {
  const calls: any[] = [];
  const api = {
    async create(path: string, body: any) {
      calls.push(body);
      if (o.fail) throw new KubeError(0, 'ConnectionError', 'POST: connection refused');
      if (path.endsWith('/tokenreviews'))
        return body.spec.token.startsWith('h.')
          ? { status: { authenticated: true, user: { username: 'dev', uid: 'u1', groups: ['team'] } } }
          : { status: { authenticated: false } };
      const ns = body.spec.resourceAttributes.namespace;
      return { status: { allowed: ns === undefined ? !!o.clusterWide : (o.namespaces ?? []).includes(ns) } };
    },
  } as unknown as KubeApi;
  return { api, calls };
}

describe('console authorizer', () => {
  it('reviews the token with the apiserver audience (no audiences: what kubectl tokens carry)', async () => {
    const { api, calls } = kube();
    const token = jwt({ exp: 2_000_000_000 });
    const r = await new Authorizer(api).authenticate(token);
    assert.deepEqual(r, {
      ok: true,
      user: { username: 'dev', uid: 'u1', groups: ['team'], expiresAt: 2_000_000_000_000 },
    });
    assert.deepEqual(calls[0].spec, { token });
  });

  it('refuses no token, a rejected token and an unreachable apiserver', async () => {
    assert.equal((await new Authorizer(kube().api).authenticate(undefined)).ok, false);
    assert.equal((await new Authorizer(kube().api).authenticate('garbage')).ok, false);
    const down = await new Authorizer(kube({ fail: true }).api).authenticate(jwt({}));
    assert.match((down as { reason: string }).reason, /could not be reviewed/);
  });

  it('caches a review briefly and never past the token', async () => {
    let now = 0;
    const { api, calls } = kube();
    const authz = new Authorizer(api, { cacheTtlMs: 10_000, now: () => now });
    const token = jwt({ exp: 5 }); // expires at 5000 ms
    await authz.authenticate(token);
    await authz.authenticate(token);
    assert.equal(calls.length, 1);
    now = 6000;
    await authz.authenticate(token);
    assert.equal(calls.length, 2);
  });

  it('one cluster-wide review covers every namespace; otherwise one per namespace, as the user', async () => {
    const user = { username: 'dev', uid: 'u1', groups: ['team'] };
    const access = { verb: 'list', group: 'aimesh.io', resource: 'aiquotas' };
    const wide = kube({ clusterWide: true });
    assert.deepEqual(await new Authorizer(wide.api).namespaces(user, access, ['b', 'a', 'b']), ['a', 'b']);
    assert.equal(wide.calls.length, 1);
    const narrow = kube({ namespaces: ['b'] });
    assert.deepEqual(await new Authorizer(narrow.api).namespaces(user, access, ['a', 'b', 'c']), ['b']);
    assert.equal(narrow.calls.length, 4);
    assert.deepEqual(narrow.calls[1].spec, {
      user: 'dev',
      uid: 'u1',
      groups: ['team'],
      resourceAttributes: { verb: 'list', group: 'aimesh.io', resource: 'aiquotas', namespace: 'a' },
    });
  });

  it('a failed review denies (and is asked again next time)', async () => {
    const { api, calls } = kube({ fail: true });
    const authz = new Authorizer(api);
    const user = { username: 'dev', groups: [] };
    const access = { verb: 'list', group: '', resource: 'pods', namespace: 'a' };
    assert.equal(await authz.can(user, access), false);
    assert.equal(await authz.can(user, access), false);
    assert.equal(calls.length, 2);
  });
});
