// A real Kubernetes node joined to the test control plane (test/support/cluster.ts), for tests
// where pods must run: containerd + runc + a CNI bridge (Debian packages, scripts/ci-node.sh),
// kubelet, kube-proxy (iptables mode), kube-scheduler and CoreDNS (scripts/test-bins.sh --node).
//
//   const skip = nodeSkipReason();                 // a clear reason, or undefined
//   const node = await startNode();                // control plane + node, Node Ready
//   await node.importImage(tarPath);               // an image made offline (test/support/images.ts)
//   await node.cluster.kubectl(['apply', '-f', ...]);
//   await node.stop();                             // strict teardown (scripts/node-teardown.sh)
//
// Layout on the host (one node per machine at a time, guarded by a lock):
// - kube-apiserver binds the bridge address (pods reach it through the `kubernetes` Service);
// - pods live on the bridge aimesh0 (10.88.0.0/24, gateway 10.88.0.1 = the node's InternalIP);
//   host services listening on 10.88.0.1 are reachable from pods (the test upstream);
// - CoreDNS serves cluster.local on 10.88.0.1:53 (the kubelet's clusterDNS);
// - containerd has its own socket, state and root (a Docker engine on the machine is untouched);
// - the kubelet's cgroups live under /aimesh-node in each cgroup v1 controller.
// - pod traffic crossing the bridge is accepted by a FORWARD rule of ours (a Docker engine on the
//   machine sets FORWARD's policy to DROP, which br_netfilter applies to bridged packets too).
// Teardown removes the processes, containers, mounts, iptables chains, the bridge, the cgroups
// and the CNI state, and restores every sysctl the node changed; it also runs before a start
// (leftovers of a killed run) and from a watchdog when the test process dies without stopping.
// stop() then checks that nothing of the node is left (leftovers()) and throws naming what is.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dump } from 'js-yaml';
import { repoRoot } from './bins.ts';
import { type Cluster, startCluster } from './cluster.ts';
import { FatalError, freePorts, type Proc, run, startProcess, waitFor } from './procs.ts';

export const NODE_NAME = 'aimesh-node';
/** The bridge's address: the node's InternalIP, the apiserver's and CoreDNS's address. */
export const HOST_IP = '10.88.0.1';
export const POD_CIDR = '10.88.0.0/24';
const ROOT = '/var/lib/aimesh-node';
const RUN = '/run/aimesh-node';
const LOCK = '/run/aimesh-node.lock';
const BRIDGE = 'aimesh0';
const CGROUP = 'aimesh-node';
const CNI_NETWORK = 'aimesh-node';
/** Our filter chain accepting what crosses the bridge (FORWARD's policy may be DROP: dockerd sets it). */
const FORWARD_CHAIN = 'AIMESH-NODE-FORWARD';
const SOCKET = `${RUN}/containerd.sock`;
const PAUSE_IMAGE = 'docker.io/aimesh/pause:test';
const TEARDOWN = join(repoRoot, 'scripts/node-teardown.sh');
const LOG_DIR = '/var/log/aimesh-node';

/** Sysctls the node (kubelet, CNI) may change: saved before, restored by the teardown. */
const SYSCTLS = [
  'net/ipv4/ip_forward',
  'net/bridge/bridge-nf-call-iptables',
  'net/bridge/bridge-nf-call-ip6tables',
  'net/ipv4/conf/all/route_localnet',
  'vm/overcommit_memory',
  'vm/panic_on_oom',
  'kernel/panic',
  'kernel/panic_on_oops',
  'kernel/keys/root_maxkeys',
  'kernel/keys/root_maxbytes',
];

const COMMANDS = [
  'containerd',
  'containerd-shim-runc-v2',
  'runc',
  'ctr',
  'iptables',
  'ip6tables',
  'conntrack',
  'ip',
];

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    const p = join(dir, cmd);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** The node binaries' dir ($AIMESH_NODE_BINS or scripts/test-bins.sh --node; built when missing). */
export function nodeBinsDirectory(): string {
  const script = join(repoRoot, 'scripts/test-bins.sh');
  return execFileSync(script, ['--node'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' }).trim();
}

/**
 * Why this machine cannot run a node, or undefined when it can. Installs the Debian packages
 * (scripts/ci-node.sh) when root and they are missing. Never builds the node binaries (startNode
 * does, which may take minutes).
 */
export function nodeSkipReason(): string | undefined {
  if (process.platform !== 'linux') return `a node needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0)
    return 'a node needs root (containerd, runc, iptables, mounts): run `make test-node` as root';
  if (process.env.AIMESH_NO_NODE === '1') return 'AIMESH_NO_NODE=1';
  if (!existsSync('/sys/fs/cgroup/memory') && !existsSync('/sys/fs/cgroup/cgroup.controllers'))
    return 'no cgroup filesystem at /sys/fs/cgroup';
  if (!existsSync('/proc/sys/net/bridge'))
    return 'the br_netfilter module is not loaded (/proc/sys/net/bridge is missing): modprobe br_netfilter';
  const missing = () => [
    ...COMMANDS.filter((c) => !which(c)),
    ...(existsSync('/usr/lib/cni/bridge') ? [] : ['/usr/lib/cni/bridge']),
  ];
  if (missing().length) {
    try {
      execFileSync(join(repoRoot, 'scripts/ci-node.sh'), [], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch (e) {
      return `scripts/ci-node.sh failed (${(e as Error).message}); missing: ${missing().join(', ')}`;
    }
    if (missing().length) return `missing after scripts/ci-node.sh: ${missing().join(', ')}`;
  }
  return undefined;
}

export interface TestNode {
  cluster: Cluster;
  name: string;
  /** The host's address on the pod bridge: host services for pods listen here. */
  hostIP: string;
  /** Imports a docker-archive / OCI tar into containerd's k8s.io namespace (what the CRI sees). */
  importImage(tarPath: string): Promise<void>;
  /** ctr against the node's containerd (namespace k8s.io). */
  ctr(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  processes(): Proc[];
  /** Tail of each node component's log (control plane included), for failure messages. */
  logs(lines?: number): string;
  stop(): Promise<void>;
}

export interface NodeOptions {
  /** Start-up timeout (default 120 s). */
  timeoutMs?: number;
  /** How long to wait for another test node on this machine to finish (default 10 min). */
  lockTimeoutMs?: number;
}

export async function startNode(options: NodeOptions = {}): Promise<TestNode> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const reason = nodeSkipReason();
  if (reason) throw new Error(`cannot start a node: ${reason}`);
  const binsDir = nodeBinsDirectory();
  const bin = (name: string) => join(binsDir, name);
  const teardownEnv = {
    ...process.env,
    AIMESH_NODE_ROOT: ROOT,
    AIMESH_NODE_RUN: RUN,
    AIMESH_NODE_BRIDGE: BRIDGE,
    AIMESH_NODE_CGROUP: CGROUP,
    AIMESH_NODE_CNI_NETWORK: CNI_NETWORK,
    AIMESH_NODE_POD_CIDR: POD_CIDR,
    AIMESH_NODE_KUBE_PROXY: bin('kube-proxy'),
  };
  const teardownSync = () => {
    execFileSync(TEARDOWN, [], {
      env: teardownEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 120_000,
    });
  };

  await acquireLock(options.lockTimeoutMs ?? 600_000);
  const releaseLock = () => rmSync(LOCK, { recursive: true, force: true });
  // A detached watchdog tears the node down if this process dies without stop() (SIGKILL, a
  // signal): it polls our pid, then, if the lock is still ours, runs the teardown and releases it.
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; [ "$(cat "$3/pid" 2>/dev/null)" = ${process.pid} ] || exit 0; "$1" >>"$2" 2>&1; rm -rf "$3"`,
      'node-watchdog',
      TEARDOWN,
      `${LOG_DIR}-teardown.log`,
      LOCK,
    ],
    { detached: true, stdio: 'ignore', env: teardownEnv },
  );
  watchdog.unref();

  const procs: Proc[] = [];
  let cluster: Cluster | undefined;
  // The machine as we found it: the teardown must bring these back.
  const sysctlsBefore = readSysctls();
  let stopped = false;
  const onExit = () => {
    if (stopped) return;
    stopped = true;
    for (const p of procs) {
      try {
        if (p.pid > 0 && p.running()) process.kill(-p.pid, 'SIGKILL');
      } catch {}
    }
    try {
      teardownSync();
    } finally {
      releaseLock();
    }
  };
  process.on('exit', onExit);
  const stop = async () => {
    if (stopped) return;
    // The containers outlive the kubelet: the teardown kills them (by cgroup) and their shims.
    await Promise.all(procs.map((p) => p.stop(3_000)));
    await cluster?.stop();
    onExit();
    process.removeListener('exit', onExit);
    try {
      if (watchdog.pid) process.kill(watchdog.pid, 'SIGKILL');
    } catch {}
    const left = leftovers(binsDir, sysctlsBefore);
    if (left.length) throw new Error(`the node's teardown left traces on the machine:\n${left.join('\n')}`);
  };
  const logs = (lines = 20) =>
    [cluster?.logs(lines) ?? '', ...procs.map((p) => `--- ${p.name} (${p.logPath})\n${p.tail(lines)}`)].join(
      '\n',
    );

  try {
    teardownSync(); // leftovers of a run that could not clean up
    mkdirSync(`${RUN}/pids`, { recursive: true });
    mkdirSync(`${ROOT}/cni/net.d`, { recursive: true });
    // Logs outlive the node (the teardown removes ROOT), for a look after a failed run.
    const logDir = LOG_DIR;
    rmSync(logDir, { recursive: true, force: true });
    mkdirSync(logDir, { recursive: true });
    const saved = [...sysctlsBefore].map(([k, v]) => `${k} ${v}`);
    writeFileSync(`${RUN}/sysctls`, `${saved.join('\n')}\n`);
    writeFileSync('/proc/sys/net/ipv4/ip_forward', '1');
    writeFileSync('/proc/sys/net/bridge/bridge-nf-call-iptables', '1');

    // The kubelet's cgroupRoot must exist in every controller; cpuset children start empty.
    for (const ctl of readdirSync('/sys/fs/cgroup')) {
      const parent = join('/sys/fs/cgroup', ctl);
      if (!existsSync(join(parent, 'cgroup.procs'))) continue;
      mkdirSync(join(parent, CGROUP), { recursive: true });
      for (const file of ['cpuset.cpus', 'cpuset.mems'])
        if (existsSync(join(parent, file)))
          writeFileSync(join(parent, CGROUP, file), readFileSync(join(parent, file), 'utf8').trim() || '\n');
    }

    // The bridge exists before the apiserver binds its address; the CNI bridge plugin adopts it.
    const ip = (args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    ip(['link', 'add', BRIDGE, 'type', 'bridge']);
    ip(['addr', 'add', `${HOST_IP}/24`, 'dev', BRIDGE]);
    ip(['link', 'set', BRIDGE, 'up']);
    const iptables = (args: string[]) =>
      execFileSync('iptables', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    iptables(['-N', FORWARD_CHAIN]);
    iptables(['-A', FORWARD_CHAIN, '-i', BRIDGE, '-j', 'ACCEPT']);
    iptables(['-A', FORWARD_CHAIN, '-o', BRIDGE, '-j', 'ACCEPT']);
    iptables(['-I', 'FORWARD', '1', '-j', FORWARD_CHAIN]);

    cluster = await startCluster({ crds: true, address: HOST_IP, kubeletClient: true });
    const c = cluster;
    const f = (name: string, content: string) => {
      const p = join(ROOT, name);
      writeFileSync(p, content, { mode: 0o600 });
      return p;
    };
    const kubeconfig = (file: string, commonName: string, organizations: string[] = []) => {
      const kp = c.ca.issue({ commonName, organizations, usage: 'client' });
      const b64 = (s: string) => Buffer.from(s).toString('base64');
      return f(
        file,
        dump({
          apiVersion: 'v1',
          kind: 'Config',
          clusters: [
            { name: 'test', cluster: { server: c.server, 'certificate-authority-data': b64(c.ca.cert) } },
          ],
          users: [
            {
              name: commonName,
              user: { 'client-certificate-data': b64(kp.cert), 'client-key-data': b64(kp.key) },
            },
          ],
          contexts: [{ name: 'test', context: { cluster: 'test', user: commonName } }],
          'current-context': 'test',
        }),
      );
    };
    const start = (name: string, path: string, args: string[], env: Record<string, string> = {}) => {
      const p = startProcess(name, path, args, {
        logDir,
        env: { PATH: `${process.env.PATH}:/usr/local/sbin:/usr/sbin:/sbin`, ...env },
      });
      procs.push(p);
      writeFileSync(`${RUN}/pids/${name}`, `${p.pid}\n`);
      return p;
    };
    const alive = () => {
      for (const p of procs) if (!p.running()) throw new FatalError(`${p.name} exited:\n${p.tail(40)}`);
    };

    // --- containerd -----------------------------------------------------------------------------
    const cniConf = {
      cniVersion: '1.0.0',
      name: CNI_NETWORK,
      plugins: [
        {
          type: 'bridge',
          bridge: BRIDGE,
          isGateway: true,
          ipMasq: false,
          hairpinMode: true,
          ipam: {
            type: 'host-local',
            dataDir: `${ROOT}/cni/ipam`,
            ranges: [[{ subnet: POD_CIDR, gateway: HOST_IP, rangeStart: '10.88.0.10' }]],
            routes: [{ dst: '0.0.0.0/0' }],
          },
        },
      ],
    };
    writeFileSync(`${ROOT}/cni/net.d/10-aimesh.conflist`, JSON.stringify(cniConf, null, 2));
    const containerdConfig = `version = 2
root = "${ROOT}/containerd"
state = "${RUN}/containerd"
[grpc]
  address = "${SOCKET}"
[ttrpc]
  address = "${RUN}/containerd.sock.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "${PAUSE_IMAGE}"
  # This VM refuses a negative oom_score_adj, which runc then fails on ("can't get final
  # child's PID from pipe").
  restrict_oom_score_adj = true
  disable_apparmor = true
  stream_server_address = "127.0.0.1"
  # Pod network namespaces under the state dir: the teardown finds every mount there.
  netns_mounts_under_state_dir = true
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "${ROOT}/cni/net.d"
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        Root = "${RUN}/runc"
`;
    const containerd = start('containerd', which('containerd')!, [
      '--config',
      f('containerd.toml', containerdConfig),
    ]);
    const ctr = (args: string[]) =>
      run(which('ctr')!, ['--address', SOCKET, '--namespace', 'k8s.io', ...args], {
        timeoutMs: 300_000,
      });
    await waitFor(
      'containerd',
      async () => {
        if (!containerd.running()) throw new FatalError(`containerd exited:\n${containerd.tail(40)}`);
        return (await ctr(['version'])).code === 0;
      },
      { timeoutMs, intervalMs: 200 },
    );

    // --- identities -------------------------------------------------------------------------------
    // The kubelet as system:node:<name> with the system:node role (no Node authorizer here).
    const rbac = await c.kubectl(['apply', '-f', '-'], {
      input: dump({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'aimesh-test-node' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:node' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: `system:node:${NODE_NAME}` }],
      }),
    });
    if (rbac.code !== 0) throw new Error(`node RBAC: ${rbac.stderr}`);
    const [kubeletPort, healthzPort, proxyMetrics, proxyHealthz, schedulerPort, dnsHealth, dnsReady] =
      await freePorts(7);

    // --- kube-scheduler, CoreDNS, kube-proxy ----------------------------------------------------------
    start('kube-scheduler', bin('kube-scheduler'), [
      `--kubeconfig=${kubeconfig('scheduler.kubeconfig', 'system:kube-scheduler')}`,
      '--leader-elect=false',
      '--bind-address=127.0.0.1',
      `--secure-port=${schedulerPort}`,
      '--profiling=false',
    ]);
    const corefile = `.:53 {
    bind ${HOST_IP}
    errors
    health 127.0.0.1:${dnsHealth}
    ready 127.0.0.1:${dnsReady}
    kubernetes cluster.local in-addr.arpa ip6.arpa {
        kubeconfig ${c.kubeconfigPath} aimesh-test
        pods insecure
        fallthrough in-addr.arpa ip6.arpa
    }
}
`;
    start('coredns', bin('coredns'), ['-conf', f('Corefile', corefile)]);
    const proxyConfig = {
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      clientConnection: { kubeconfig: kubeconfig('proxy.kubeconfig', 'system:kube-proxy') },
      hostnameOverride: NODE_NAME,
      bindAddress: HOST_IP,
      clusterCIDR: POD_CIDR,
      mode: 'iptables',
      metricsBindAddress: `127.0.0.1:${proxyMetrics}`,
      healthzBindAddress: `127.0.0.1:${proxyHealthz}`,
      nodePortAddresses: [`${HOST_IP}/32`],
      // Leave the machine's conntrack sysctls and route_localnet alone.
      conntrack: { maxPerCore: 0, min: 0, tcpEstablishedTimeout: '0s', tcpCloseWaitTimeout: '0s' },
      iptables: { localhostNodePorts: false },
    };
    start('kube-proxy', bin('kube-proxy'), [`--config=${f('kube-proxy.yaml', dump(proxyConfig))}`]);

    // --- kubelet ------------------------------------------------------------------------------------
    const kubeletConfig = {
      apiVersion: 'kubelet.config.k8s.io/v1beta1',
      kind: 'KubeletConfiguration',
      address: HOST_IP,
      port: kubeletPort,
      readOnlyPort: 0,
      healthzBindAddress: '127.0.0.1',
      healthzPort,
      containerRuntimeEndpoint: `unix://${SOCKET}`,
      // Only clients with a cert from the cluster CA (the apiserver: logs, exec) may call it.
      authentication: {
        anonymous: { enabled: false },
        webhook: { enabled: false },
        x509: { clientCAFile: f('ca.crt', c.ca.cert) },
      },
      authorization: { mode: 'AlwaysAllow' },
      clusterDNS: [HOST_IP],
      clusterDomain: 'cluster.local',
      resolvConf: f('resolv.conf', ''),
      cgroupDriver: 'cgroupfs',
      cgroupRoot: `/${CGROUP}`,
      failCgroupV1: false,
      failSwapOn: false,
      protectKernelDefaults: false,
      // Nothing is evicted or garbage-collected for disk space during a test.
      evictionHard: { 'memory.available': '1Mi', 'nodefs.available': '1%', 'imagefs.available': '1%' },
      imageGCHighThresholdPercent: 100,
      imageGCLowThresholdPercent: 99,
      serializeImagePulls: false,
      registerNode: true,
      maxPods: 30,
      podPidsLimit: 4096,
      shutdownGracePeriod: '0s',
    };
    const kubelet = start('kubelet', bin('kubelet'), [
      `--config=${f('kubelet.yaml', dump(kubeletConfig))}`,
      `--kubeconfig=${kubeconfig('kubelet.kubeconfig', `system:node:${NODE_NAME}`, ['system:nodes'])}`,
      `--hostname-override=${NODE_NAME}`,
      `--node-ip=${HOST_IP}`,
      `--root-dir=${ROOT}/kubelet`,
      `--cert-dir=${ROOT}/kubelet-pki`,
    ]);
    await waitFor(
      `Node ${NODE_NAME} Ready`,
      async () => {
        alive();
        const n = await c.request('GET', `/api/v1/nodes/${NODE_NAME}`);
        return n.body?.status?.conditions?.some((x: any) => x.type === 'Ready' && x.status === 'True');
      },
      { timeoutMs, intervalMs: 250, onTimeout: () => kubelet.tail(40) },
    );
    await waitFor(
      'CoreDNS ready',
      async () => {
        alive();
        return (await fetch(`http://127.0.0.1:${dnsReady}/ready`)).ok;
      },
      { timeoutMs, intervalMs: 250 },
    );

    return {
      cluster: c,
      name: NODE_NAME,
      hostIP: HOST_IP,
      async importImage(tarPath) {
        const r = await ctr(['images', 'import', '--no-unpack=false', tarPath]);
        if (r.code !== 0) throw new Error(`ctr images import ${tarPath}: ${r.stderr}`);
      },
      ctr,
      processes: () => [...procs],
      logs,
      stop,
    };
  } catch (e) {
    const msg = e instanceof FatalError ? e.message : `${(e as Error).stack}\n${logs(30)}`;
    await stop().catch(() => {});
    throw new Error(`startNode failed: ${msg}`);
  }
}

/** One node per machine: a lock dir holding the owner's pid (a dead owner's lock is taken over). */
async function acquireLock(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), `${process.pid}\n`);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = 0;
    try {
      owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    } catch {}
    let ownerAlive = false;
    try {
      if (owner) process.kill(owner, 0);
      ownerAlive = owner > 0;
    } catch {}
    if (!ownerAlive && owner) rmSync(LOCK, { recursive: true, force: true });
    else if (Date.now() > deadline)
      throw new Error(`another test node runs on this machine (pid ${owner}, lock ${LOCK})`);
    else await sleep(1000);
  }
}

function readSysctls(): Map<string, string> {
  return new Map(
    SYSCTLS.filter((k) => existsSync(`/proc/sys/${k}`)).map((k) => [
      k,
      readFileSync(`/proc/sys/${k}`, 'utf8').trim(),
    ]),
  );
}

/**
 * What of a node is still on the machine after its teardown, one line each (empty: nothing):
 * its processes, mounts, iptables rules and chains, bridge, cgroups, files, and sysctls that
 * differ from before its start.
 */
export function leftovers(binsDir: string, sysctlsBefore: Map<string, string>): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    } catch {}
    if (cmd.startsWith(binsDir) || cmd.includes(`-address ${SOCKET}`) || cmd.includes(`${ROOT}/`))
      out.push(`process ${pid}: ${cmd}`);
  }
  for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const mount = line.split(' ')[4] ?? '';
    if (mount.startsWith(`${ROOT}/`) || mount.startsWith(`${RUN}/`)) out.push(`mount ${mount}`);
  }
  for (const table of ['filter', 'nat', 'mangle', 'raw']) {
    let rules = '';
    try {
      rules = execFileSync('iptables-save', ['-t', table], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {}
    for (const rule of rules.split('\n'))
      if (/(KUBE-|CNI-|AIMESH-NODE-)|aimesh0|10\.88\.0\./.test(rule))
        out.push(`iptables -t ${table}: ${rule}`);
  }
  if (existsSync(`/sys/class/net/${BRIDGE}`)) out.push(`network interface ${BRIDGE}`);
  for (const ctl of readdirSync('/sys/fs/cgroup'))
    if (existsSync(join('/sys/fs/cgroup', ctl, CGROUP))) out.push(`cgroup /sys/fs/cgroup/${ctl}/${CGROUP}`);
  for (const path of [ROOT, RUN]) if (existsSync(path)) out.push(`file ${path}`);
  for (const [k, v] of readSysctls())
    if (sysctlsBefore.has(k) && sysctlsBefore.get(k) !== v)
      out.push(`sysctl ${k} = ${v} (was ${sysctlsBefore.get(k)})`);
  return out;
}
