// The web console in a real headless Chromium against the real control plane: a kube-apiserver
// with RBAC, the operator (least-privilege ServiceAccount plus the console's rules) serving the
// console, a real sidecar spending an AIQuota, and users who are ServiceAccounts with different
// RoleBindings signing in with their own tokens. Each page is saved as a screenshot under
// test-results/console/ (gitignored) to look at.
// Skips, saying so, only when no chromium can be started (scripts/ci-chromium.sh installs it).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { accessWebhook } from '../../operator/webhook/config.ts';
import { ACCESS_PATH } from '../../operator/webhook/server.ts';
import { repoRoot } from '../support/bins.ts';
import { type Browser, launchBrowser, type Page } from '../support/browser.ts';
import type { Cluster } from '../support/cluster.ts';
import { operatorCA, type PushSidecar, type RunningOperator, startOperator } from '../support/operator.ts';
import { waitFor } from '../support/procs.ts';
import type { Upstream } from '../support/upstream.ts';
import { kubectlApply, operatorStage, sidecarReady, startPodSidecar } from '../support/workload.ts';

const API_KEY = 'sk-console-0123456789';
const SHOTS = join(repoRoot, 'test-results', 'console');
const launched = await launchBrowser();
const skip = 'skip' in launched ? launched.skip : false;
if (skip) console.log(`# console.test.ts skipped: ${skip}`);

/** What a team member may read in their namespace (a Role), and ask for access. */
const teamRole = (namespace: string) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'ai-dev', namespace },
  rules: [
    {
      apiGroups: ['aimesh.io'],
      resources: ['aiproviders', 'airoutes', 'aiquotas', 'aiaccessrequests'],
      verbs: ['get', 'list', 'watch'],
    },
    { apiGroups: ['aimesh.io'], resources: ['aiaccessrequests'], verbs: ['create'] },
    // Even with the right to write status, the webhook refuses the requester's own decision.
    { apiGroups: ['aimesh.io'], resources: ['aiaccessrequests/status'], verbs: ['patch', 'update'] },
    { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
  ],
});
const bind = (namespace: string, role: string, sa: { name: string; namespace: string }, cluster = false) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding',
  metadata: { name: `${role}-${sa.name}`, ...(cluster ? {} : { namespace }) },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: cluster ? 'ClusterRole' : 'Role', name: role },
  subjects: [{ kind: 'ServiceAccount', ...sa }],
});

describe('the web console in a real browser', { skip, timeout: 600_000 }, () => {
  let cluster: Cluster;
  let system: string;
  let teamA: string;
  let teamB: string;
  let platform: string;
  let upstream: Upstream;
  let op: RunningOperator;
  let sidecar: PushSidecar;
  let browser: Browser;
  const tokens: Record<'devA' | 'devB' | 'admin', string> = { devA: '', devB: '', admin: '' };
  const url = (path: string) => `${op.consoleUrl}${path}`;

  /** A ServiceAccount's token for the apiserver's own audience (what a user's kubeconfig holds). */
  const userToken = async (namespace: string, name: string) => {
    await kubectlApply(cluster, [
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } },
    ]);
    const r = await cluster.request('POST', `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`, {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { expirationSeconds: 3600 },
    });
    assert.equal(r.status, 201, r.text);
    return r.body.status.token as string;
  };

  before(async () => {
    if (skip) return;
    browser = (launched as { browser: Browser }).browser;
    mkdirSync(SHOTS, { recursive: true });
    ({ cluster, system, ns: teamA, upstream } = await operatorStage(API_KEY));
    teamB = await cluster.newNamespace('other');
    platform = await cluster.newNamespace('platform');
    const provider = (namespace: string, name: string, from: 'Same' | 'All') => [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: `${name}-key`, namespace },
        stringData: { apiKey: API_KEY },
      },
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIProvider',
        metadata: { name, namespace },
        spec: {
          type: 'openai',
          endpoint: `${upstream.url}/v1`,
          auth: { secretRef: { name: `${name}-key` } },
          allowedNamespaces: { from },
          models: [
            {
              name: 'gpt-4o-mini',
              contextWindow: 128000,
              maxOutputTokens: 16384,
              pricing: { input: 0.15, output: 0.6 },
            },
            { name: 'gpt-4o', contextWindow: 128000, pricing: { input: 2.5, output: 10, cachedInput: 1.25 } },
          ],
        },
      },
    ];
    const route = (namespace: string, providerRef: { name: string; namespace?: string }) => ({
      apiVersion: 'aimesh.io/v1alpha1',
      kind: 'AIRoute',
      metadata: { name: 'chat', namespace },
      spec: {
        rules: [
          {
            matches: [{ model: 'gpt-4o-mini' }, { model: 'fast' }],
            backends: [{ providerRef, model: 'gpt-4o-mini' }],
          },
          { backends: [{ providerRef }] },
        ],
      },
    });
    const quota = (namespace: string) => ({
      apiVersion: 'aimesh.io/v1alpha1',
      kind: 'AIQuota',
      metadata: { name: 'budget', namespace },
      spec: {
        alerts: [80],
        limits: [
          { name: 'requests-per-day', requests: 1000, window: '1d' },
          { name: 'spend-per-day', costUSD: 5, window: '1d', models: ['gpt-4o-mini'] },
          { name: 'per-user', requests: 100, window: '1d', per: { header: 'x-aimesh-user' } },
        ],
      },
    });
    await kubectlApply(cluster, [
      ...provider(platform, 'shared-openai', 'All'),
      ...provider(teamB, 'team-b-only', 'Same'),
      route(teamA, { name: 'shared-openai', namespace: platform }),
      route(teamB, { name: 'team-b-only' }),
      quota(teamA),
      quota(teamB),
      teamRole(teamA),
      teamRole(teamB),
    ]);
    tokens.devA = await userToken(teamA, 'dev-a');
    tokens.devB = await userToken(teamB, 'dev-b');
    tokens.admin = await userToken(platform, 'platform-admin');
    await kubectlApply(cluster, [
      bind(teamA, 'ai-dev', { name: 'dev-a', namespace: teamA }),
      bind(teamB, 'ai-dev', { name: 'dev-b', namespace: teamB }),
      // The platform admin: the built-in view role everywhere, plus approve on its providers.
      bind('', 'view', { name: 'platform-admin', namespace: platform }, true),
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: `aimesh-approver-${platform}` },
        rules: [
          {
            apiGroups: ['aimesh.io'],
            resources: ['aiproviders', 'airoutes', 'aiquotas', 'aiaccessrequests'],
            verbs: ['get', 'list', 'watch'],
          },
          { apiGroups: ['aimesh.io'], resources: ['aiaccessrequests/status'], verbs: ['patch', 'update'] },
        ],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: `aimesh-approver-${platform}` },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: `aimesh-approver-${platform}`,
        },
        subjects: [{ kind: 'ServiceAccount', name: 'platform-admin', namespace: platform }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'approve-providers', namespace: platform },
        rules: [{ apiGroups: ['aimesh.io'], resources: ['aiproviders'], verbs: ['approve'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'approve-providers', namespace: platform },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'approve-providers' },
        subjects: [{ kind: 'ServiceAccount', name: 'platform-admin', namespace: platform }],
      },
    ]);
    op = await startOperator(cluster, { namespace: system, console: true, webhook: true });
    // Only the access webhook (pods here are stored as injected already): it records requesters
    // and judges decisions.
    await kubectlApply(cluster, [
      {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'MutatingWebhookConfiguration',
        metadata: { name: `aimesh-access-${system}` },
        webhooks: [
          accessWebhook({
            url: `${op.webhookUrl}${ACCESS_PATH}`,
            caBundle: Buffer.from(await operatorCA(cluster, system)).toString('base64'),
          }),
        ],
      },
    ]);
    ({ sidecar } = await startPodSidecar(cluster, teamA, 'chat-0', {
      operatorUrl: op.pushUrl,
      ca: await operatorCA(cluster, system),
      labels: { app: 'chat' },
    }));
    await sidecarReady(sidecar, op);
  });

  after(async () => {
    await browser?.close();
    await sidecar?.stop();
    await op?.stop();
    await upstream?.close();
  });

  /** A fresh browser profile (its own cookies) at a laptop or phone size. */
  const newPage = async (size: 'laptop' | 'phone' = 'laptop'): Promise<Page> => {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setViewport(
      size === 'laptop'
        ? { width: 1280, height: 900 }
        : { width: 390, height: 844, isMobile: true, deviceScaleFactor: 2 },
    );
    return page;
  };
  const signIn = async (page: Page, token: string) => {
    await page.goto(url('/login'));
    await page.type('#token', token);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const texts = (page: Page, selector: string) =>
    page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));

  it('nothing without signing in: every page is the sign-in form; a bad token is refused', async () => {
    const page = await newPage();
    const r = await page.goto(url('/usage'));
    assert.equal(r?.status(), 401);
    assert.deepEqual(await texts(page, 'h1'), ['Sign in']);
    assert.equal(await page.$eval('label[for=token]', (l) => l.textContent), 'Kubernetes bearer token');
    const api = await fetch(url('/api/usage'));
    assert.equal(api.status, 401);
    await signIn(page, 'not-a-token');
    assert.match((await texts(page, '[role=alert]'))[0]!, /Not signed in: the token was not accepted/);
    await shot(page, 'login');
    // The session cookie is HttpOnly: page script cannot read it.
    await signIn(page, tokens.devA);
    assert.equal(await page.evaluate('document.cookie'), '');
    const [cookie] = await page.browserContext().cookies();
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Strict');
  });

  it('each user sees only the namespaces their RoleBindings allow', async () => {
    const a = await newPage();
    await signIn(a, tokens.devA);
    assert.equal(new URL(a.url()).pathname, '/catalog');
    assert.deepEqual(await texts(a, 'main h2'), [`Namespace ${teamA}`]);
    // The platform provider admits every namespace; team B's own provider does not show.
    const headings = await texts(a, 'main h3');
    assert.ok(
      headings.some((h) => h.startsWith(`Provider ${platform}/shared-openai`)),
      headings.join('|'),
    );
    assert.ok(!headings.some((h) => h.includes('team-b-only')));
    const models = await texts(a, 'main table code');
    for (const m of ['gpt-4o-mini', 'fast', 'gpt-4o']) assert.ok(models.includes(m), `${m} in ${models}`);
    assert.match((await texts(a, 'main pre'))[0]!, /model="gpt-4o-mini"/);
    await shot(a, 'catalog');

    await a.goto(url('/usage'));
    const limits = await a.$$eval('[data-limit]', (els) => els.map((e) => e.getAttribute('data-limit')));
    assert.deepEqual(limits, [
      `${teamA}/budget/requests-per-day`,
      `${teamA}/budget/spend-per-day`,
      `${teamA}/budget/per-user`,
    ]);
    const forbidden = await a.goto(url(`/usage?namespace=${teamB}`));
    assert.equal(forbidden?.status(), 403);
    assert.match(
      (await texts(a, '[role=alert]'))[0]!,
      new RegExp(`may not list aiquotas.aimesh.io in namespace ${teamB}`),
    );

    const b = await newPage();
    await signIn(b, tokens.devB);
    assert.deepEqual(await texts(b, 'main h2'), [`Namespace ${teamB}`]);
    await b.goto(url('/usage'));
    const bLimits = await b.$$eval('[data-limit]', (els) => els.map((e) => e.getAttribute('data-limit')));
    assert.ok(bLimits.every((l) => l?.startsWith(`${teamB}/`)) && bLimits.length === 3, bLimits.join());
    // The same through the API with the bearer token.
    const api = (await (
      await fetch(url('/api/usage'), { headers: { authorization: `Bearer ${tokens.devB}` } })
    ).json()) as any;
    assert.deepEqual([...new Set(api.quotas.map((q: any) => q.namespace))], [teamB]);
  });

  it('a spend number moves after calls through the sidecar', async () => {
    const page = await newPage();
    await signIn(page, tokens.devA);
    await page.goto(url('/usage'));
    const read = async (limit: string) =>
      Number(
        (await page.$eval(`[data-limit="${teamA}/budget/${limit}"]`, (e) => e.textContent ?? '')).replace(
          /[$,]/g,
          '',
        ),
      );
    const before = await read('requests-per-day');
    for (const user of ['ada', 'ada', 'grace']) {
      const res = await fetch(`${sidecar.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-aimesh-user': user },
        body: JSON.stringify({
          model: 'fast',
          messages: [{ role: 'user', content: 'count me' }],
          max_tokens: 8,
        }),
      });
      assert.equal(res.status, 200, await res.text());
    }
    await waitFor(
      'the console shows the new spend',
      async () => {
        await page.reload();
        return (await read('requests-per-day')) === before + 3;
      },
      { timeoutMs: 30_000, intervalMs: 1000, onTimeout: () => op.logs(30) },
    );
    assert.ok((await read('spend-per-day')) > 0, 'gpt-4o-mini calls cost something');
    // Top consumers per key of the partitioned limit.
    const caption = `${teamA}/budget per-user: top keys`;
    const rows = await page.$$eval(
      'table',
      (tables, caption) =>
        tables
          .filter((t) => t.caption?.textContent?.startsWith(caption as string))
          .flatMap((t) =>
            [...t.querySelectorAll('tbody tr')].map((r) =>
              [...r.querySelectorAll('td')].map((c) => c.textContent?.trim()),
            ),
          ),
      caption,
    );
    assert.deepEqual(rows, [
      ['ada', '2'],
      ['grace', '1'],
    ]);
    // The operator samples its counters (every 10 s): a trend line appears once it has two.
    await waitFor(
      'a spend-over-time line',
      async () => {
        await page.reload();
        return (await page.$$('svg.spark polyline')).length === 3;
      },
      { timeoutMs: 45_000, intervalMs: 2000 },
    );
    await shot(page, 'usage');
    const phone = await newPage('phone');
    await signIn(phone, tokens.devA);
    await phone.goto(url('/usage'));
    // On a phone the page does not scroll sideways; only the tables' own boxes do.
    assert.ok(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1'));
    await shot(phone, 'usage-phone');
  });

  it('fleet: the sidecar of the permitted namespace, SYNCED on the current snapshot', async () => {
    const page = await newPage();
    await signIn(page, tokens.devA);
    await page.goto(url('/fleet'));
    const rows = await page.$$eval('table', (tables) =>
      tables
        .filter((t) => t.caption?.textContent === 'Sidecars')
        .flatMap((t) =>
          [...t.querySelectorAll('tbody tr')].map((r) =>
            [...r.querySelectorAll('td')].map((c) => c.textContent?.trim()),
          ),
        ),
    );
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.deepEqual(rows[0]!.slice(0, 4), [teamA, 'chat-0', 'chat', 'SYNCED']);
    assert.equal(rows[0]![4], rows[0]![5], 'acknowledged the version it should run');
    await shot(page, 'fleet');
    const b = await newPage();
    await signIn(b, tokens.devB);
    await b.goto(url('/fleet'));
    assert.ok(!(await texts(b, 'main td')).includes('chat-0'), "team B does not see team A's sidecar");
  });

  it('access requests: the requester cannot approve its own; the platform admin can', async () => {
    // dev-a asks, with its own token (the webhook records it as the requester).
    const created = await cluster.request(
      'POST',
      `/apis/aimesh.io/v1alpha1/namespaces/${teamA}/aiaccessrequests`,
      {
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIAccessRequest',
        metadata: { name: 'want-gpt-4o' },
        spec: {
          provider: { name: 'shared-openai', namespace: platform },
          models: ['gpt-4o'],
          reason: 'evals for <the> launch',
        },
      },
      { authorization: `Bearer ${tokens.devA}` },
    );
    assert.equal(created.status, 201, created.text);
    const requester = await newPage();
    await signIn(requester, tokens.devA);
    await requester.goto(url('/access'));
    assert.ok((await texts(requester, 'main td')).some((t) => t.includes('evals for <the> launch')));
    await Promise.all([requester.waitForNavigation(), requester.click('button[value=Approved]')]);
    const refusal = (await texts(requester, '[role=alert]'))[0] ?? '';
    assert.match(refusal, new RegExp(`${teamA}/want-gpt-4o was not changed: .*denied`), refusal);
    const still = await cluster.request(
      'GET',
      `/apis/aimesh.io/v1alpha1/namespaces/${teamA}/aiaccessrequests/want-gpt-4o`,
    );
    assert.equal(still.body.status?.phase ?? 'Pending', 'Pending');
    await shot(requester, 'access-refused');

    const admin = await newPage();
    await signIn(admin, tokens.admin);
    await admin.goto(url('/access'));
    await admin.type(`#msg-${teamA}-want-gpt-4o`, 'ok for the launch');
    await Promise.all([admin.waitForNavigation(), admin.click('button[value=Approved]')]);
    assert.match(
      (await texts(admin, '[role=status]'))[0] ?? '',
      new RegExp(`${teamA}/want-gpt-4o: Approved`),
    );
    const approved = await cluster.request(
      'GET',
      `/apis/aimesh.io/v1alpha1/namespaces/${teamA}/aiaccessrequests/want-gpt-4o`,
    );
    assert.equal(approved.body.status.phase, 'Approved');
    assert.equal(approved.body.status.decision.by, `system:serviceaccount:${platform}:platform-admin`);
    assert.equal(approved.body.status.decision.message, 'ok for the launch');
    await shot(admin, 'access');
  });
});
