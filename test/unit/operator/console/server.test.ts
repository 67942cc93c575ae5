// The console's front door against a stand-in apiserver (TokenReview and SubjectAccessReview
// answered from a table): nothing without a valid token, 401/403 as OpenAI-style JSON for the API
// and a sign-in page for the browser, sessions in a sealed HttpOnly cookie, CSRF-checked forms,
// and every view scoped per namespace by the user's own reviews.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Authorizer } from '../../../../operator/console/auth.ts';
import { UsageHistory } from '../../../../operator/console/history.ts';
import { type ConsoleServer, createConsoleServer } from '../../../../operator/console/server.ts';
import { type KubeApi, KubeError, type KubeObject } from '../../../../operator/kube/api.ts';
import { createLogger } from '../../../../operator/log.ts';

const USERS: Record<string, { username: string; groups: string[] }> = {
  'alice-token': { username: 'alice', groups: ['system:authenticated'] },
  'bob-token': { username: 'bob', groups: ['system:authenticated'] },
  'carol-token': { username: 'carol', groups: ['system:authenticated'] },
};
/** user -> namespaces where it may list anything; "*" everywhere. */
const GRANTS: Record<string, string[]> = { alice: ['team-a'], bob: ['team-b'] };

const reviews: any[] = [];
const fakeKube = (): KubeApi =>
  ({
    async create(path: string, body: any) {
      reviews.push(body);
      if (path.endsWith('/tokenreviews')) {
        const user = USERS[body.spec.token];
        return { status: user ? { authenticated: true, user } : { authenticated: false, error: 'invalid' } };
      }
      if (path.endsWith('/subjectaccessreviews')) {
        const ns = body.spec.resourceAttributes.namespace;
        const allowed = ns !== undefined && (GRANTS[body.spec.user] ?? []).includes(ns);
        return { status: { allowed } };
      }
      throw new KubeError(404, 'NotFound', path);
    },
  }) as unknown as KubeApi;

const quota = (namespace: string, name: string, used: number): KubeObject => ({
  metadata: { namespace, name },
  spec: { limits: [{ name: 'daily', requests: 100, window: '1d' }] },
  status: { limits: [{ name: 'daily', used, limit: 100, resetsAt: '2030-01-01T00:00:00.000Z' }] },
});
const provider: KubeObject = {
  metadata: { namespace: 'team-a', name: '<img src=x onerror=alert(1)>' },
  spec: {
    type: 'openai',
    models: [{ name: 'gpt-"4o"<script>', contextWindow: 128000, pricing: { input: 2.5, output: 10 } }],
    dataResidency: { jurisdiction: 'EU', regions: ['eu-west-1', 'eu-<central>-1'] },
  },
};
const route: KubeObject = {
  metadata: { namespace: 'team-a', name: 'chat' },
  spec: {
    rules: [
      { matches: [{ model: 'gpt-4o*' }], backends: [{ providerRef: { name: provider.metadata.name } }] },
    ],
  },
};
const access: KubeObject = {
  metadata: { namespace: 'team-a', name: 'want-gpt' },
  spec: { provider: { namespace: 'platform', name: 'openai' }, reason: '<b>need</b> it', requester: 'alice' },
  status: { phase: 'Pending' },
};

describe('console server', () => {
  let server: ConsoleServer;
  let base: string;
  const patches: { token: string; path: string; body: any }[] = [];

  before(async () => {
    server = createConsoleServer({
      authz: new Authorizer(fakeKube()),
      history: new UsageHistory(),
      log: createLogger('silent'),
      asUser: (token) =>
        ({
          async patch(path: string, body: any) {
            patches.push({ token, path, body });
            if (token === 'alice-token')
              throw new KubeError(
                403,
                'Forbidden',
                `PATCH ${path}: 403 admission webhook "access.aimesh.io" denied the request: alice requested want-gpt and may not decide it`,
              );
            return { metadata: { namespace: 'team-a', name: 'want-gpt' }, status: body.status };
          },
        }) as unknown as KubeApi,
      sources: {
        objects: (kind) =>
          kind === 'AIQuota'
            ? [quota('team-a', 'budget', 7), quota('team-b', 'budget', 3)]
            : kind === 'AIProvider'
              ? [provider]
              : [route],
        namespaces: () => [
          { metadata: { name: 'team-a', labels: { 'aimesh.io/data-residency': 'EU' } } },
          { metadata: { name: 'team-b' } },
        ],
        sidecars: () => [
          {
            namespace: 'team-b',
            pod: 'chat-0',
            connectedAt: '2030-01-01T00:00:00.000Z',
            currentVersion: 'sha256:bbb',
            sentVersion: 'sha256:bbb',
            ackedVersion: 'sha256:aaa',
            synced: false,
            nackVersion: 'sha256:bbb',
            nackReason: 'bad <regex>',
          },
        ],
        accessRequests: () => [access],
      },
    });
    base = `http://127.0.0.1:${await server.listen(0)}`;
  });
  after(() => server.close());

  const api = (path: string, token?: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
    });

  it('API: no token is 401 with OpenAI-style JSON and a Bearer challenge', async () => {
    const r = await api('/api/usage');
    assert.equal(r.status, 401);
    assert.equal(r.headers.get('www-authenticate'), 'Bearer');
    const body = (await r.json()) as any;
    assert.equal(body.error.code, 'unauthenticated');
    assert.match(body.error.message, /bearer token is required/);
  });

  it('API: a token the apiserver rejects is 401', async () => {
    const r = await api('/api/usage', 'forged-token');
    assert.equal(r.status, 401);
    assert.match(((await r.json()) as any).error.message, /not accepted/);
  });

  it('API: a namespace the SubjectAccessReview denies is 403 naming the user and the access', async () => {
    const r = await api('/api/usage?namespace=team-b', 'alice-token');
    assert.equal(r.status, 403);
    const body = (await r.json()) as any;
    assert.equal(body.error.type, 'permission_error');
    assert.equal(body.error.message, 'alice may not list aiquotas.aimesh.io in namespace team-b');
    const sar = reviews.findLast((b) => b.kind === 'SubjectAccessReview');
    assert.deepEqual(sar.spec.resourceAttributes, {
      verb: 'list',
      group: 'aimesh.io',
      resource: 'aiquotas',
      namespace: 'team-b',
    });
    assert.equal(sar.spec.user, 'alice');
  });

  it('API: each user gets only the namespaces their reviews allow', async () => {
    const a = (await (await api('/api/usage', 'alice-token')).json()) as any;
    assert.deepEqual(
      a.quotas.map((q: any) => [q.namespace, q.limits[0].used]),
      [['team-a', 7]],
    );
    const b = (await (await api('/api/usage', 'bob-token')).json()) as any;
    assert.deepEqual(
      b.quotas.map((q: any) => [q.namespace, q.limits[0].used]),
      [['team-b', 3]],
    );
    const fleet = (await (await api('/api/fleet', 'bob-token')).json()) as any;
    assert.deepEqual(
      fleet.sidecars.map((s: any) => [s.pod, s.state]),
      [['chat-0', 'NACK']],
    );
    // alice may list pods in team-a only: bob's sidecar is not hers to see.
    const aliceFleet = (await (await api('/api/fleet', 'alice-token')).json()) as any;
    assert.deepEqual(aliceFleet.sidecars, []);
    assert.deepEqual(
      aliceFleet.routes.map((r: any) => `${r.namespace}/${r.name}`),
      ['team-a/chat'],
    );
    assert.equal((await api('/api/fleet?namespace=team-b', 'alice-token')).status, 403);
    // A user with no rights anywhere sees empty views, nothing of anyone's.
    const carol = (await (await api('/api/usage', 'carol-token')).json()) as any;
    assert.deepEqual(carol, { quotas: [], costByModel: [] });
    const carolAccess = (await (await api('/api/access', 'carol-token')).json()) as any;
    assert.deepEqual(carolAccess.requests, [], JSON.stringify(carolAccess));
  });

  it('browser: no session gets the sign-in page with 401, every page alike', async () => {
    for (const path of ['/', '/catalog', '/usage', '/fleet', '/access', '/nope']) {
      const r = await fetch(`${base}${path}`, { redirect: 'manual' });
      assert.equal(r.status, 401, path);
      const text = await r.text();
      assert.match(text, /<form method="post" action="\/login">/);
      assert.match(text, /<label for="token">Kubernetes bearer token<\/label>/);
      assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    }
  });

  it('browser: a bad token at sign-in is 401 with the reason and sets no cookie', async () => {
    const r = await signIn('nope');
    assert.equal(r.status, 401);
    assert.equal(r.headers.get('set-cookie'), null);
    assert.match(await r.text(), /role="alert">Not signed in: the token was not accepted/);
  });

  it('browser: a cross-site sign-in is refused', async () => {
    const r = await signIn('alice-token', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    assert.equal(r.status, 403);
    assert.equal(r.headers.get('set-cookie'), null);
  });

  it('browser: signing in sets a sealed HttpOnly SameSite=Strict cookie (not the token) and shows only permitted namespaces', async () => {
    const r = await signIn('alice-token');
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/catalog');
    const cookie = r.headers.get('set-cookie')!;
    assert.match(cookie, /^aimesh_console=[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    assert.ok(!cookie.includes('alice-token'));
    const jar = cookie.split(';')[0]!;
    const usage = await fetch(`${base}/usage`, { headers: { cookie: jar } });
    assert.equal(usage.status, 200);
    const text = await usage.text();
    assert.match(text, /team-a\/budget/);
    assert.doesNotMatch(text, /team-b/);
    assert.match(text, /Signed in as <strong>alice<\/strong>/);
    // A cookie sealed by another process (or tampered with) is no session.
    const forged = await fetch(`${base}/usage`, { headers: { cookie: `${jar.slice(0, -4)}AAAA` } });
    assert.equal(forged.status, 401);
    // The browser session is no API credential.
    assert.equal((await fetch(`${base}/api/usage`, { headers: { cookie: jar } })).status, 401);
  });

  it('browser: a namespace the user may not see is a 403 page', async () => {
    const jar = await session('alice-token');
    const r = await fetch(`${base}/usage?namespace=team-b`, { headers: { cookie: jar } });
    assert.equal(r.status, 403);
    assert.match(await r.text(), /Not allowed: alice may not list aiquotas.aimesh.io in namespace team-b/);
  });

  it('catalog: where each provider processes data and where the namespace lets data go', async () => {
    const body = (await (await api('/api/catalog', 'alice-token')).json()) as any;
    const ns = body.namespaces.find((n: any) => n.namespace === 'team-a');
    assert.equal(ns.dataResidency, 'EU');
    assert.deepEqual(ns.providers[0].dataResidency, {
      jurisdiction: 'EU',
      regions: ['eu-west-1', 'eu-<central>-1'],
    });
    const page = await (
      await fetch(`${base}/catalog`, { headers: { cookie: await session('alice-token') } })
    ).text();
    assert.match(page, /Processes data in: <strong>EU<\/strong> \(eu-west-1, eu-&lt;central&gt;-1\)/);
    assert.match(page, /data may go only to <strong>EU<\/strong>/);
  });

  it('escapes every value from the cluster (names, models, reasons, NACK reasons)', async () => {
    const alice = await session('alice-token');
    const catalog = await (await fetch(`${base}/catalog`, { headers: { cookie: alice } })).text();
    assert.ok(!catalog.includes('<img src=x'), 'provider name unescaped');
    assert.ok(!catalog.includes('<script>'), 'model name unescaped');
    assert.match(catalog, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(catalog, /gpt-&quot;4o&quot;&lt;script&gt;/);
    const accessPage = await (await fetch(`${base}/access`, { headers: { cookie: alice } })).text();
    assert.match(accessPage, /&lt;b&gt;need&lt;\/b&gt; it/);
    const bob = await session('bob-token');
    const fleet = await (await fetch(`${base}/fleet`, { headers: { cookie: bob } })).text();
    assert.match(fleet, /bad &lt;regex&gt;/);
  });

  it('a decision without the CSRF token is refused before anything is written', async () => {
    const jar = await session('alice-token');
    const before = patches.length;
    const r = await fetch(`${base}/access/team-a/want-gpt/decision`, {
      method: 'POST',
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'phase=Approved',
    });
    assert.equal(r.status, 403);
    assert.match(await r.text(), /CSRF check failed/);
    assert.equal(patches.length, before);
  });

  it("a decision is written with the user's own token; the webhook's refusal is shown", async () => {
    const jar = await session('alice-token');
    const page = await (await fetch(`${base}/access`, { headers: { cookie: jar } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const r = await fetch(`${base}/access/team-a/want-gpt/decision`, {
      method: 'POST',
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, phase: 'Approved', message: 'ok' }).toString(),
    });
    assert.equal(r.status, 403);
    assert.match(
      await r.text(),
      /role="alert">team-a\/want-gpt was not changed: admission webhook &quot;access.aimesh.io&quot; denied the request: alice requested want-gpt and may not decide it/,
    );
    const last = patches.at(-1)!;
    assert.equal(last.token, 'alice-token');
    assert.equal(last.path, '/apis/aimesh.io/v1alpha1/namespaces/team-a/aiaccessrequests/want-gpt/status');
    assert.equal(last.body.status.phase, 'Approved');
    assert.equal(last.body.status.decision.message, 'ok');
  });

  it('API decisions: bad input is 400 naming the field; success returns the request', async () => {
    const bad = await api('/api/access/team-a/want-gpt/decision', 'bob-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phase: 'Maybe' }),
    });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as any).error.message, /phase must be Approved, Denied or Revoked/);
    const ok = await api('/api/access/team-a/want-gpt/decision', 'bob-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phase: 'Denied', message: 'no' }),
    });
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as any).status.phase, 'Denied');
    assert.equal(patches.at(-1)!.token, 'bob-token');
  });

  async function signIn(token: string, headers: Record<string, string> = {}) {
    return fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ token }).toString(),
    });
  }
  async function session(token: string) {
    return (await signIn(token)).headers.get('set-cookie')!.split(';')[0]!;
  }
});
