// A real Kubernetes control plane for integration tests (envtest-style, no kubelet): etcd,
// kube-apiserver and kube-controller-manager as child processes on free loopback ports.
//
//   const cluster = await startCluster({ crds: true });   // or: await sharedCluster()
//   const ns = await cluster.newNamespace('quota');
//   const r = await cluster.kubectl(['apply', '-n', ns, '-f', '-'], { input: yaml });
//   await cluster.stop();
//
// - kube-apiserver: TLS with a per-cluster CA, RBAC, a ServiceAccount token issuer with its own
//   signing key (TokenRequest and TokenReview work), admin access by client cert (group
//   system:masters, in the kubeconfig) or by bearer token (cluster.adminToken).
// - kube-controller-manager (one identity in system:masters for all controllers, which starts
//   faster than per-controller ServiceAccounts): namespace deletion, garbage collection, the
//   default ServiceAccount per namespace, kube-root-ca.crt, CSR signing with the cluster CA, ...
// - Clients: cluster.kubectl(), cluster.request(), or @kubernetes/client-node with
//   `kc.loadFromFile(cluster.kubeconfigPath)`; child processes get cluster.env (KUBECONFIG).
// - CRDs: crds: true installs every crds/*.yaml and waits until discovery and OpenAPI serve them.
// Everything (processes, temp dir with keys and certs) goes away at stop() or when the test
// process exits, however it exits (see procs.ts).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { join, resolve } from 'node:path';
import { dump, loadAll } from 'js-yaml';
import { binaryPath, repoRoot } from './bins.ts';
import { type CertificateAuthority, createCA, type KeyPair } from './certs.ts';
import {
  FatalError,
  freePorts,
  type Proc,
  type RunResult,
  run,
  startProcess,
  tempDir,
  waitFor,
} from './procs.ts';

export interface ClusterOptions {
  /** true: install every crds/*.yaml; a list: those files (absolute or repo-relative). Default false. */
  crds?: boolean | string[];
  /** Start kube-controller-manager (default true). */
  controllerManager?: boolean;
  /** Extra kube-apiserver flags (e.g. ['--feature-gates=...']). */
  apiserverArgs?: string[];
  /** Start-up timeout in ms (default 60 s; the first start on a busy 2-core machine is slow). */
  timeoutMs?: number;
  /**
   * The IP kube-apiserver binds and advertises (default 127.0.0.1). A node's pods need one they
   * can reach (test/support/node.ts passes its bridge address); a non-loopback address also lets
   * the apiserver keep the `kubernetes` Service's endpoints, so in-cluster clients find it.
   */
  address?: string;
  /** Give kube-apiserver a client cert for kubelets (kubectl logs / exec; system:masters). */
  kubeletClient?: boolean;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  text: string;
}

export interface Cluster {
  /** https://127.0.0.1:<port> */
  server: string;
  kubeconfigPath: string;
  /** Env for kubectl / helm / the operator: KUBECONFIG plus hermetic kubectl and helm cache dirs. */
  env: Record<string, string>;
  /** The cluster CA (PEM), also trusted for client certs: issue more with cluster.ca.issue(). */
  ca: CertificateAuthority;
  /** Admin client cert (CN=aimesh-admin, O=system:masters). */
  admin: KeyPair;
  /** Admin bearer token (token-auth file, group system:masters). */
  adminToken: string;
  /** Temp dir holding certs, keys, kubeconfig and logs (removed at stop). */
  dir: string;
  /** Runs kubectl against this cluster. */
  kubectl(args: string[], opts?: { input?: string; timeoutMs?: number }): Promise<RunResult>;
  /**
   * A raw API request; JSON in and out. As admin (client cert) unless headers carry an
   * `authorization` (e.g. `Bearer <ServiceAccount token>`): then no client cert is sent.
   */
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
  /** Creates a fresh namespace (generateName <prefix>-) and waits for its default ServiceAccount. */
  newNamespace(prefix?: string): Promise<string>;
  /** Applies CRD files (server-side) and waits until discovery and OpenAPI serve them. */
  installCRDs(files: string[]): Promise<string[]>;
  /** Name and pid of each component process. */
  processes(): { name: string; pid: number; logPath: string }[];
  /** Tail of each component's log (for failure messages). */
  logs(lines?: number): string;
  stop(): Promise<void>;
}

/** Every crds/*.yaml in the repo (generated CRDs), sorted; empty when none exist yet. */
export function crdFiles(): string[] {
  const dir = join(repoRoot, 'crds');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const address = options.address ?? '127.0.0.1';
  const loopback = address.startsWith('127.');
  const bins = {
    etcd: binaryPath('etcd'),
    apiserver: binaryPath('kube-apiserver'),
    kcm: options.controllerManager === false ? '' : binaryPath('kube-controller-manager'),
    kubectl: binaryPath('kubectl'),
  };
  const tmp = tempDir('aimesh-cluster');
  const dir = tmp.path;
  const procs: Proc[] = [];
  const agents: Agent[] = [];
  const f = (name: string, content: string) => {
    const p = join(dir, name);
    writeFileSync(p, content, { mode: 0o600 });
    return p;
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const a of agents) a.destroy();
    await Promise.all(procs.map((p) => p.stop(200))); // throwaway state: no graceful shutdown needed
    tmp.remove();
  };
  const logs = (lines = 20) => procs.map((p) => `--- ${p.name} (${p.logPath})\n${p.tail(lines)}`).join('\n');
  const alive = (p: Proc) => {
    if (!p.running()) throw new FatalError(`${p.name} exited during start-up:\n${p.tail(40)}`);
  };

  try {
    // --- credentials -------------------------------------------------------------------------
    const ca = createCA({ commonName: 'aimesh-test-cluster-ca' });
    const serving = ca.issue({
      commonName: 'kube-apiserver',
      hosts: [
        ...new Set(['127.0.0.1', address]),
        'localhost',
        '10.0.0.1',
        'kubernetes',
        'kubernetes.default',
        'kubernetes.default.svc',
      ],
    });
    const admin = ca.issue({
      commonName: 'aimesh-admin',
      organizations: ['system:masters'],
      usage: 'client',
    });
    // One identity for all controllers (no per-controller ServiceAccounts): starts much faster.
    const kcmUser = ca.issue({
      commonName: 'system:kube-controller-manager',
      organizations: ['system:masters'],
      usage: 'client',
    });
    const saKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const adminToken = randomBytes(24).toString('hex');
    const files = {
      ca: f('ca.crt', ca.cert),
      caKey: f('ca.key', ca.key),
      tlsCert: f('apiserver.crt', serving.cert),
      tlsKey: f('apiserver.key', serving.key),
      saKey: f('sa.key', saKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
      saPub: f('sa.pub', saKey.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
      tokens: f('tokens.csv', `${adminToken},aimesh-admin-token,aimesh-admin-token,"system:masters"\n`),
    };
    const kubeletClientArgs: string[] = [];
    if (options.kubeletClient) {
      const client = ca.issue({
        commonName: 'kube-apiserver-kubelet-client',
        organizations: ['system:masters'],
        usage: 'client',
      });
      kubeletClientArgs.push(
        `--kubelet-client-certificate=${f('kubelet-client.crt', client.cert)}`,
        `--kubelet-client-key=${f('kubelet-client.key', client.key)}`,
        '--kubelet-preferred-address-types=InternalIP',
      );
    }

    const [etcdPort, etcdPeerPort, apiPort, kcmPort] = await freePorts(4);
    const server = `https://${address}:${apiPort}`;
    const kubeconfig = (name: string, user: KeyPair) =>
      dump({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'aimesh-test', cluster: { server, 'certificate-authority-data': b64(ca.cert) } }],
        users: [
          { name, user: { 'client-certificate-data': b64(user.cert), 'client-key-data': b64(user.key) } },
        ],
        contexts: [
          { name: 'aimesh-test', context: { cluster: 'aimesh-test', user: name, namespace: 'default' } },
        ],
        'current-context': 'aimesh-test',
      });
    const kubeconfigPath = f('kubeconfig', kubeconfig('aimesh-admin', admin));
    const kcmKubeconfig = f('kcm.kubeconfig', kubeconfig('kube-controller-manager', kcmUser));

    // --- etcd --------------------------------------------------------------------------------
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const peerUrl = `http://127.0.0.1:${etcdPeerPort}`;
    const etcd = startProcess(
      'etcd',
      bins.etcd,
      [
        '--name=default',
        `--data-dir=${join(dir, 'etcd')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=default=${peerUrl}`,
        '--unsafe-no-fsync=true',
        '--log-level=warn',
      ],
      { logDir: dir },
    );
    procs.push(etcd);
    // --- kube-apiserver (started at once: it retries etcd until etcd serves) ----------------
    const issuer = 'https://kubernetes.default.svc.cluster.local';
    const apiserver = startProcess(
      'kube-apiserver',
      bins.apiserver,
      [
        `--etcd-servers=${etcdUrl}`,
        `--bind-address=${address}`,
        `--advertise-address=${address}`,
        // A loopback advertise address is refused by the reconcilers.
        ...(loopback ? ['--endpoint-reconciler-type=none'] : []),
        `--secure-port=${apiPort}`,
        `--cert-dir=${join(dir, 'apiserver-certs')}`,
        `--tls-cert-file=${files.tlsCert}`,
        `--tls-private-key-file=${files.tlsKey}`,
        `--client-ca-file=${files.ca}`,
        `--token-auth-file=${files.tokens}`,
        '--authorization-mode=RBAC',
        '--anonymous-auth=true', // /readyz, /livez, /version for unauthenticated probes (RBAC decides)
        `--service-account-issuer=${issuer}`,
        `--api-audiences=${issuer}`,
        `--service-account-key-file=${files.saPub}`,
        `--service-account-signing-key-file=${files.saKey}`,
        '--service-cluster-ip-range=10.0.0.0/24',
        '--allow-privileged=true',
        '--profiling=false',
        ...kubeletClientArgs,
        ...(options.apiserverArgs ?? []),
      ],
      { logDir: dir },
    );
    procs.push(apiserver);
    const adminAgent = new Agent({ ca: ca.cert, cert: admin.cert, key: admin.key, keepAlive: true });
    const tokenAgent = new Agent({ ca: ca.cert, keepAlive: true });
    agents.push(adminAgent, tokenAgent);
    const request = <T = any>(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const asToken = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
      return apiRequest<T>(asToken ? tokenAgent : adminAgent, server, method, path, body, headers);
    };
    await waitFor(
      'etcd /health',
      async () => {
        alive(etcd);
        const r = await fetch(`${etcdUrl}/health`);
        return r.ok && ((await r.json()) as { health: string }).health === 'true';
      },
      { timeoutMs, intervalMs: 50 },
    );
    await waitFor(
      'kube-apiserver /readyz',
      async () => {
        alive(apiserver);
        return (await request('GET', '/readyz')).status === 200;
      },
      { timeoutMs, intervalMs: 100, onTimeout: () => logs() },
    );

    // --- kube-controller-manager -------------------------------------------------------------
    if (bins.kcm) {
      procs.push(
        startProcess(
          'kube-controller-manager',
          bins.kcm,
          [
            `--kubeconfig=${kcmKubeconfig}`,
            '--bind-address=127.0.0.1',
            `--secure-port=${kcmPort}`,
            `--cert-dir=${join(dir, 'kcm-certs')}`,
            '--leader-elect=false',
            `--service-account-private-key-file=${files.saKey}`,
            `--root-ca-file=${files.ca}`,
            `--cluster-signing-cert-file=${files.ca}`,
            `--cluster-signing-key-file=${files.caKey}`,
            '--service-cluster-ip-range=10.0.0.0/24',
            '--profiling=false',
          ],
          { logDir: dir },
        ),
      );
    }

    const env: Record<string, string> = {
      KUBECONFIG: kubeconfigPath,
      KUBECACHEDIR: join(dir, 'kube-cache'),
      HELM_CACHE_HOME: join(dir, 'helm/cache'),
      HELM_CONFIG_HOME: join(dir, 'helm/config'),
      HELM_DATA_HOME: join(dir, 'helm/data'),
    };
    const kubectl = (args: string[], opts: { input?: string; timeoutMs?: number } = {}) =>
      run(bins.kubectl, args, { env, input: opts.input, timeoutMs: opts.timeoutMs ?? 60_000 });

    const newNamespace = async (prefix = 'test') => {
      const r = await request('POST', '/api/v1/namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { generateName: `${prefix}-` },
      });
      if (r.status !== 201) throw new Error(`create namespace: ${r.status} ${r.text}`);
      const ns: string = r.body.metadata.name;
      if (bins.kcm) {
        await waitFor(
          `default ServiceAccount in ${ns}`,
          async () =>
            (await request('GET', `/api/v1/namespaces/${ns}/serviceaccounts/default`)).status === 200,
          { timeoutMs, intervalMs: 50, onTimeout: () => logs() },
        );
      }
      return ns;
    };

    const installCRDs = async (crdPaths: string[]) => {
      if (crdPaths.length === 0) return [];
      const crds = crdPaths.flatMap((p) =>
        (loadAll(readFileSync(p, 'utf8')) as any[]).filter((d) => d?.kind === 'CustomResourceDefinition'),
      );
      const applied = await kubectl([
        'apply',
        '--server-side',
        '--force-conflicts',
        '--field-manager=aimesh-test',
        ...crdPaths.flatMap((p) => ['-f', p]),
      ]);
      if (applied.code !== 0)
        throw new Error(`kubectl apply CRDs failed:\n${applied.stderr}${applied.stdout}`);
      for (const crd of crds) {
        const { group, names } = crd.spec;
        const served: string[] = crd.spec.versions
          .filter((v: any) => v.served !== false)
          .map((v: any) => v.name);
        await waitFor(
          `CRD ${crd.metadata.name} Established and served`,
          async () => {
            const c = await request(
              'GET',
              `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`,
            );
            const established = c.body?.status?.conditions?.some(
              (x: any) => x.type === 'Established' && x.status === 'True',
            );
            if (!established) return false;
            for (const v of served) {
              const d = await request('GET', `/apis/${group}/${v}`);
              if (!d.body?.resources?.some((r: any) => r.name === names.plural)) return false;
            }
            // kubectl explain reads the OpenAPI v3 document, published a little later.
            const o = await request('GET', '/openapi/v3');
            return served.every((v) => o.body?.paths?.[`apis/${group}/${v}`]);
          },
          { timeoutMs, intervalMs: 100 },
        );
      }
      return crds.map((c) => c.metadata.name as string);
    };

    const cluster: Cluster = {
      server,
      kubeconfigPath,
      env,
      ca,
      admin,
      adminToken,
      dir,
      kubectl,
      request,
      newNamespace,
      installCRDs,
      processes: () => procs.map((p) => ({ name: p.name, pid: p.pid, logPath: p.logPath })),
      logs,
      stop,
    };

    const wanted =
      options.crds === true ? crdFiles() : options.crds ? options.crds.map((p) => resolve(repoRoot, p)) : [];
    await installCRDs(wanted);
    return cluster;
  } catch (e) {
    const msg = e instanceof FatalError ? e.message : `${(e as Error).message}\n${logs()}`;
    await stop();
    throw new Error(`startCluster failed: ${msg}`);
  }
}

let shared: Promise<Cluster> | undefined;

/**
 * One cluster per test process (node --test runs each file in its own process), with every
 * crds/*.yaml installed; isolate tests with cluster.newNamespace(). Torn down at process exit.
 */
export function sharedCluster(): Promise<Cluster> {
  shared ??= startCluster({ crds: true });
  return shared;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

function apiRequest<T>(
  agent: Agent,
  server: string,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<ApiResponse<T>> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      new URL(path, server),
      {
        method,
        agent,
        timeout: 30_000,
        headers: {
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: any = text;
          try {
            parsed = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, body: parsed, text });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}
