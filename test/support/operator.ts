// Runs aimesh-operator (and sidecars in push mode) as real child processes against the test
// control plane, plus the Kubernetes chores the operator tests share: pods without a kubelet,
// tokens minted with the TokenRequest API, the operator's CA from its Secret.
//
//   const op = await startOperator(cluster, { namespace: ns });
//   const pod = await createPod(cluster, 'team-a', 'app-1');
//   const sidecar = await startPushSidecar({ operatorUrl: op.pushUrl, ca: await operatorCA(cluster, ns),
//     token: await mintToken(cluster, 'team-a', { pod }) });
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dump } from 'js-yaml';
import { operatorRbac } from '../../operator/kube/rbac.ts';
import { DEFAULT_SIDECAR_IMAGE } from '../../operator/options.ts';
import { applyPatch, buildInjectionPatch, type Pod } from '../../operator/webhook/inject.ts';
import type { Cluster } from './cluster.ts';
import { freePorts, type Proc, startProcess, tempDir, waitFor } from './procs.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface OperatorOptions {
  /** The operator's namespace (Lease, certificate Secret). */
  namespace: string;
  identity?: string;
  /** Serve the injection webhook (on a free port). */
  webhook?: boolean;
  /** MutatingWebhookConfiguration kept current ("" for none). */
  webhookConfig?: string;
  /** Extra flags, e.g. ['--lease-duration', '3s']. */
  args?: string[];
  /** Reuse these ports (to restart "the same" operator). */
  ports?: { push: number; admin: number; webhook: number };
  /** Wait for /readyz (default true). */
  waitReady?: boolean;
  /** Run as cluster admin instead of a ServiceAccount holding only operator/kube/rbac.ts's rules. */
  admin?: boolean;
  /** rbac.ts's providerNamespaces: Secrets readable only there (default: everywhere). */
  providerNamespaces?: string[];
  /** Serve the web console on a free loopback port. */
  console?: boolean;
}

export interface SidecarRow {
  namespace: string;
  pod: string;
  currentVersion: string | null;
  ackedVersion: string | null;
  synced: boolean;
  nackReason?: string;
}

export interface RunningOperator {
  proc: Proc;
  identity: string;
  ports: { push: number; admin: number; webhook: number };
  pushUrl: string;
  adminUrl: string;
  webhookUrl: string;
  /** http://127.0.0.1:<port> of the web console (with console: true). */
  consoleUrl?: string;
  sidecars(): Promise<{ replica: string; leader: boolean; sidecars: SidecarRow[] }>;
  /** One metric's value (summed over label sets), 0 when absent. */
  metric(name: string, labels?: Record<string, string>): Promise<number>;
  waitReady(timeoutMs?: number): Promise<void>;
  logs(lines?: number): string;
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: no lease release, no goodbye. */
  kill(): Promise<void>;
}

let counter = 0;

export async function startOperator(cluster: Cluster, o: OperatorOptions): Promise<RunningOperator> {
  const dir = tempDir('aimesh-operator');
  const [push, admin, webhook] = o.ports
    ? [o.ports.push, o.ports.admin, o.ports.webhook]
    : await freePorts(3);
  const identity = o.identity ?? `operator-${process.pid}-${++counter}`;
  const consolePort = o.console ? (await freePorts(1))[0]! : 0;
  const kubeconfig = o.admin ? cluster.kubeconfigPath : await leastPrivilegeKubeconfig(cluster, o, dir.path);
  const proc = startProcess(
    `operator-${identity}`,
    process.execPath,
    [
      join(ROOT, 'operator/main.ts'),
      'run',
      '--namespace',
      o.namespace,
      '--identity',
      identity,
      '--bind-address',
      '127.0.0.1',
      '--push-port',
      String(push),
      '--admin-port',
      String(admin),
      '--webhook-port',
      o.webhook ? String(webhook) : '0',
      '--cert-hosts',
      '127.0.0.1,localhost',
      '--webhook-config',
      o.webhookConfig ?? '',
      '--operator-url',
      `https://127.0.0.1:${push}`,
      '--log-level',
      'debug',
      ...(o.console ? ['--console-port', String(consolePort)] : []),
      ...(o.args ?? []),
    ],
    {
      logDir: dir.path,
      cwd: ROOT,
      env: { ...cluster.env, KUBECONFIG: kubeconfig, AIMESH_LOG_LEVEL: undefined },
    },
  );
  const adminUrl = `http://127.0.0.1:${admin}`;
  const op: RunningOperator = {
    proc,
    identity,
    ports: { push, admin, webhook },
    pushUrl: `https://127.0.0.1:${push}`,
    adminUrl,
    webhookUrl: `https://127.0.0.1:${webhook}`,
    ...(o.console ? { consoleUrl: `http://127.0.0.1:${consolePort}` } : {}),
    async sidecars() {
      return (await (await fetch(`${adminUrl}/debug/sidecars`)).json()) as Awaited<
        ReturnType<RunningOperator['sidecars']>
      >;
    },
    async metric(name, labels = {}) {
      const text = await (await fetch(`${adminUrl}/metrics`)).text();
      let sum = 0;
      for (const line of text.split('\n')) {
        const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)$/.exec(line);
        if (!m || m[1] !== name) continue;
        if (Object.entries(labels).every(([k, v]) => (m[2] ?? '').includes(`${k}="${v}"`)))
          sum += Number(m[3]);
      }
      return sum;
    },
    async waitReady(timeoutMs = 60_000) {
      await waitFor(
        `operator ${identity} ready`,
        async () => {
          if (!proc.running()) throw new Error(`operator exited:\n${proc.tail(40)}`);
          return (await fetch(`${adminUrl}/readyz`).catch(() => undefined))?.ok;
        },
        { timeoutMs, intervalMs: 100, onTimeout: () => proc.tail(40) },
      );
    },
    logs: (lines = 200) => proc.tail(lines),
    async stop(graceMs = 10_000) {
      await proc.stop(graceMs);
    },
    async kill() {
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {}
      await proc.exited;
    },
  };
  if (o.waitReady !== false) await op.waitReady();
  return op;
}

/**
 * A kubeconfig for the ServiceAccount aimesh-operator of the operator's namespace, bound to exactly
 * the roles of operator/kube/rbac.ts: the tests prove the chart's RBAC is enough.
 */
async function leastPrivilegeKubeconfig(cluster: Cluster, o: OperatorOptions, dir: string): Promise<string> {
  const sa = 'aimesh-operator';
  const objects = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: o.namespace } },
    ...operatorRbac({
      name: `aimesh-operator-${o.namespace}`,
      namespace: o.namespace,
      serviceAccount: sa,
      webhookConfig: o.webhookConfig || 'aimesh-sidecar-injector',
      providerNamespaces: o.providerNamespaces,
    }),
  ];
  const applied = await cluster.kubectl(['apply', '-f', '-'], {
    input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }),
  });
  if (applied.code !== 0) throw new Error(`operator RBAC: ${applied.stderr}`);
  const r = await cluster.request('POST', `/api/v1/namespaces/${o.namespace}/serviceaccounts/${sa}/token`, {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: { expirationSeconds: 86_400 },
  });
  if (r.status !== 201) throw new Error(`operator token: ${r.status} ${r.text}`);
  const path = join(dir, 'kubeconfig');
  writeFileSync(
    path,
    dump({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'test',
          cluster: {
            server: cluster.server,
            'certificate-authority-data': Buffer.from(cluster.ca.cert).toString('base64'),
          },
        },
      ],
      users: [{ name: sa, user: { token: r.body.status.token } }],
      contexts: [{ name: 'test', context: { cluster: 'test', user: sa, namespace: o.namespace } }],
      'current-context': 'test',
    }),
    { mode: 0o600 },
  );
  return path;
}

/** The CA bundle sidecars trust, from the operator's CA Secret (<certificate Secret>-ca). */
export async function operatorCA(
  cluster: Cluster,
  namespace: string,
  certSecret = 'aimesh-operator-tls',
): Promise<string> {
  const secret = `${certSecret}-ca`;
  return waitFor(`Secret ${namespace}/${secret}`, async () => {
    const r = await cluster.request('GET', `/api/v1/namespaces/${namespace}/secrets/${secret}`);
    const data = r.body?.data?.['ca-bundle.crt'];
    return r.status === 200 && data ? Buffer.from(data, 'base64').toString('utf8') : undefined;
  });
}

/**
 * A Pod as stored (no kubelet runs it); returns its name and uid. `sidecar: true` stores it as the
 * injector makes it (the operator only sends snapshots to pods that carry its sidecar).
 */
export async function createPod(
  cluster: Cluster,
  namespace: string,
  name: string,
  opts: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    serviceAccount?: string;
    sidecar?: boolean;
  } = {},
): Promise<{ name: string; uid: string; body: any }> {
  const plain: Pod = {
    metadata: { name, labels: opts.labels, annotations: opts.annotations },
    spec: { containers: [{ name: 'app', image: 'example.com/app:1' }] },
  };
  const pod = opts.sidecar
    ? applyPatch(
        plain,
        buildInjectionPatch(plain, {
          image: DEFAULT_SIDECAR_IMAGE,
          operatorUrl: 'https://aimesh-operator:15010',
        }),
      )
    : plain;
  const r = await cluster.request('POST', `/api/v1/namespaces/${namespace}/pods`, {
    apiVersion: 'v1',
    kind: 'Pod',
    ...pod,
    spec: { serviceAccountName: opts.serviceAccount ?? 'default', ...pod.spec },
  });
  if (r.status !== 201) throw new Error(`create pod ${namespace}/${name}: ${r.status} ${r.text}`);
  return { name, uid: r.body.metadata.uid, body: r.body };
}

/** A ServiceAccount token from the TokenRequest API, bound to a pod when given (audience aimesh). */
export async function mintToken(
  cluster: Cluster,
  namespace: string,
  opts: { pod?: { name: string; uid: string }; serviceAccount?: string; audience?: string } = {},
): Promise<string> {
  const sa = opts.serviceAccount ?? 'default';
  const r = await cluster.request('POST', `/api/v1/namespaces/${namespace}/serviceaccounts/${sa}/token`, {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: {
      audiences: [opts.audience ?? 'aimesh'],
      expirationSeconds: 3600,
      ...(opts.pod
        ? { boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: opts.pod.name, uid: opts.pod.uid } }
        : {}),
    },
  });
  if (r.status !== 201) throw new Error(`token request: ${r.status} ${r.text}`);
  return r.body.status.token as string;
}

export interface PushSidecar {
  url: string;
  adminUrl: string;
  stateDir: string;
  proc: Proc;
  /** The version /readyz reports, undefined while not ready. */
  version(): Promise<string | undefined>;
  waitForVersion(version: string, timeoutMs?: number): Promise<void>;
  /** Stops the process; the state dir (last-known-good) stays for a restart. */
  stop(graceMs?: number): Promise<void>;
  /** A new process with the same ports, token and state dir. */
  restart(): Promise<PushSidecar>;
  logs(lines?: number): string;
}

/** aimesh-sidecar in push mode (--operator), as the injected container runs it. */
export async function startPushSidecar(o: {
  operatorUrl: string;
  ca: string;
  token: string;
  stateDir?: string;
  ports?: [number, number];
  /** Extra sidecar flags. */
  args?: string[];
}): Promise<PushSidecar> {
  const dir = tempDir('aimesh-push-sidecar');
  const stateDir = o.stateDir ?? join(dir.path, 'state');
  writeFileSync(join(dir.path, 'token'), o.token, { mode: 0o600 });
  writeFileSync(join(dir.path, 'ca.crt'), o.ca);
  const [port, adminPort] = o.ports ?? (await freePorts(2));
  const proc = startProcess(
    'sidecar',
    process.execPath,
    [
      join(ROOT, 'sidecar/main.ts'),
      '--operator',
      o.operatorUrl,
      '--operator-ca',
      join(dir.path, 'ca.crt'),
      '--token-file',
      join(dir.path, 'token'),
      '--state-dir',
      stateDir,
      '--port',
      String(port),
      '--admin-port',
      String(adminPort),
      '--admin-host',
      '127.0.0.1',
      '--log-level',
      'debug',
      ...(o.args ?? []),
    ],
    { logDir: dir.path, cwd: ROOT },
  );
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const version = async () => {
    try {
      const res = await fetch(`${adminUrl}/readyz`);
      return res.ok ? ((await res.json()) as { version?: string }).version : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    url: `http://127.0.0.1:${port}`,
    adminUrl,
    stateDir,
    proc,
    version,
    async waitForVersion(want, timeoutMs = 10_000) {
      await waitFor(
        `sidecar at ${want.slice(0, 12)}`,
        async () => {
          if (!proc.running()) throw new Error(`sidecar exited:\n${proc.tail(40)}`);
          return (await version()) === want;
        },
        { timeoutMs, intervalMs: 25, onTimeout: () => proc.tail(30) },
      );
    },
    stop: (graceMs = 5000) => proc.stop(graceMs),
    restart: () => startPushSidecar({ ...o, stateDir, ports: [port, adminPort] }),
    logs: (lines = 100) => proc.tail(lines),
  };
}
