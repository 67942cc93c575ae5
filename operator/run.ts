// `aimesh-operator run`: wires the pieces together. Every replica watches, compiles and serves
// push streams and the webhook; the elected leader also writes status and runs leader tasks (the
// quota service: followers relay sidecars' lease calls to it). runOperator reads as the start-up
// order, one named step each: admin port (probes answer at once) -> certificates -> informers ->
// leader election -> push and webhook servers -> first reconcile once every cache is synced
// (never compile a partial picture: a Secret not yet listed would show up as SecretNotFound) ->
// ready.

import { createMetrics, type Metrics } from './admin/metrics.ts';
import { createAdminServer } from './admin/server.ts';
import { Authorizer } from './console/auth.ts';
import { UsageHistory } from './console/history.ts';
import { type ConsoleServer, createConsoleServer } from './console/server.ts';
import { exponentialBackoff, sleep } from './controller/backoff.ts';
import { Debouncer } from './controller/debounce.ts';
import { EventRecorder } from './controller/events.ts';
import { type ClusterWatch, watchCluster } from './controller/informers.ts';
import { kubeLeaseClient, LeaderElector } from './controller/leader.ts';
import { Reconciler } from './controller/reconcile.ts';
import { ReplicaReports } from './controller/replica-report.ts';
import { StatusWriter } from './controller/status-writer.ts';
import { isNotFound, type KubeApi, type KubeObject, RESOURCES, resourcePath } from './kube/api.ts';
import { publishCaBundle } from './kube/ca-publisher.ts';
import type { Logger } from './log.ts';
import type { RunOptions } from './options.ts';
import { Authenticator } from './push/auth.ts';
import { gatewayWorkloadOf } from './push/gateway.ts';
import { Hub, sumRollouts } from './push/hub.ts';
import { createPushServer, type PushServer } from './push/server.ts';
import { type KeyedWorkload, workloadOf } from './push/workload.ts';
import { BudgetAlerts } from './quota/budget-alerts.ts';
import { LEADER_ADDRESS_ANNOTATION, LeaderForwarder, leaderAddress } from './quota/forward.ts';
import { urlFromFile, WebhookNotifier } from './quota/notify.ts';
import { QUOTA_LEASE_PATH, QuotaService } from './quota/service.ts';
import { kubeStatusPersist, tokenReviewAuth } from './quota/wiring.ts';
import { OperatorTracing, spansDroppedCounter, startOperatorTracing } from './telemetry/tracing.ts';
import { subjectAccessReview } from './webhook/access.ts';
import { CertManager, type TlsBundle } from './webhook/certs.ts';
import { INJECTED_LABEL, type InjectionConfig, type Pod, sidecarProblem } from './webhook/inject.ts';
import { createWebhookServer, type WebhookServer } from './webhook/server.ts';

/** Work only the leader does (the quota service registers one). */
export interface LeaderTask {
  name: string;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

export interface RunningOperator {
  ports: { push: number; admin: number; webhook?: number; console?: number };
  metrics: Metrics;
  isLeader(): boolean;
  /** Resolves when stopped: lease released, report removed, servers closed. */
  shutdown(): Promise<void>;
}

const CERT_CHECK_INTERVAL_MS = 10 * 60_000;
/** How often the console samples the quota counters for its spend-over-time lines. */
const CONSOLE_SAMPLE_MS = 10_000;

/** What every wiring step may read: options, clients and the replica's life state. */
interface Base {
  opts: RunOptions;
  kube: KubeApi;
  log: Logger;
  metrics: Metrics;
  /** Names of what still keeps /readyz red. */
  notReady: Set<string>;
  stopping(): boolean;
  isLeader(): boolean;
}

export async function runOperator(
  opts: RunOptions,
  kube: KubeApi,
  log: Logger,
  extra: { leaderTasks?: LeaderTask[]; asUser?: (token: string) => KubeApi } = {},
): Promise<RunningOperator> {
  let stopping = false;
  let elector: LeaderElector | undefined;
  const base: Base = {
    opts,
    kube,
    log,
    metrics: createMetrics(),
    notReady: new Set(['certificates', 'informers', 'first reconcile']),
    stopping: () => stopping,
    isLeader: () => (elector ? elector.isLeader : true) && !stopping,
  };
  const { metrics, notReady, isLeader } = base;
  const tracing = startTracing(base);

  // Late-bound: the hub, the queues and the reconciler call each other.
  let watch: ClusterWatch;
  let reconciler: Reconciler;
  let certs: CertManager | undefined;
  const auth = new Authenticator(kube);
  const alerts = createBudgetAlerts(
    base,
    () => watch.resources.AIQuota.list(),
    () => queues.status.trigger(),
  );
  // The quota service runs on the leader; every replica keeps its config current. It grants a
  // quota only to pods its selector matches (labels from the pod the token is bound to).
  const persistStatus = kubeStatusPersist(kube);
  const quota = new QuotaService({
    authenticate: tokenReviewAuth(
      auth,
      podLookup(kube, () => watch),
    ),
    persist: (id, limits) => persistStatus(id, alerts.budget.decorate(id, limits)),
    objects: () => watch.resources.AIQuota.list(),
    onTick: () => alerts.budget.check(quota.ledger),
    log: log.child({ component: 'quota' }),
  });
  const leaderTasks = [...(extra.leaderTasks ?? []), quota, alerts.budget];
  // Quota leases reaching a follower go on to the leader (its address is on the Lease).
  const forwarder = new LeaderForwarder({
    identity: opts.identity,
    leader: () => {
      const l = elector?.observedLeader;
      return l && { identity: l.identity, address: l.annotations[LEADER_ADDRESS_ANNOTATION] };
    },
    // Followers dial the leader's pod IP but check the Service name the shared certificate covers.
    tls: () =>
      certs?.current && {
        ca: certs.current.caBundle,
        servername: `${opts.serviceName}.${opts.namespace}.svc`,
      },
    log: log.child({ component: 'quota-forward' }),
  });
  const reports = new ReplicaReports(kube, log, {
    namespace: opts.namespace,
    leaseName: opts.leaderElectionId,
    identity: opts.identity,
    heartbeatMs: heartbeatMs(opts),
  });
  const queues = {
    // Never compile a partial picture (the first run is the flush once every cache is synced).
    reconcile: new Debouncer(
      async (batch) => (notReady.has('informers') ? undefined : reconciler.reconcile(batch)),
      {
        quietMs: opts.debounceMs,
        maxMs: opts.debounceMaxMs,
      },
    ),
    rollout: new Debouncer(() => publishRollout(), { quietMs: 250, maxMs: 1000 }),
    // Status has its own queue: writing it (leader only) never delays the next push.
    status: new Debouncer(() => reconciler.syncStatus(), { quietMs: 20, maxMs: 250 }),
  };
  const hub = createHub(base, tracing, {
    onUnknownWorkload: () => queues.reconcile.trigger(),
    onRolloutChange: () => queues.rollout.trigger(),
  });
  async function publishRollout(): Promise<void> {
    if (stopping) return;
    await reports.publish(hub.rollout());
    if (isLeader() && notReady.size === 0) queues.status.trigger();
  }

  const admin = await startAdmin(base, hub, quota, forwarder);
  const tls = await ensureCertificates(base);
  certs = tls.certs;
  watch = watchCluster({
    kube,
    log,
    secretLabelSelector: opts.secretLabelSelector,
    injectedLabel: INJECTED_LABEL,
    reports,
    webhookConfig: opts.webhookConfig || undefined,
    onInformerError: (resource) => metrics.informerRestarts.inc({ resource }),
    onChange: () => queues.reconcile.trigger(),
    onQuotasChanged: (quotas) => {
      quota.sync(quotas);
      alerts.budget.configure(quotas);
    },
    onPodChanged: (pod) => {
      for (const conn of hub.connections()) {
        if (conn.podUid !== pod.metadata.uid) continue;
        // E.g. an ephemeral container that mounts the token: the stream ends and stays refused.
        if (podProblem(opts, pod)) hub.close(conn);
        else hub.rekey(conn, keyedWorkload(opts, pod));
      }
    },
    onReport: () => {
      if (isLeader()) queues.rollout.trigger();
    },
    onWebhookConfigChanged: () =>
      tls.certs
        .syncCaBundle()
        .catch((err) => log.warn({ err: (err as Error).message }, 'caBundle update failed')),
  });
  let retryTimer: NodeJS.Timeout | undefined;
  reconciler = createReconciler(base, watch, hub, tracing, alerts.budget, {
    rollouts: () => sumRollouts([hub.rollout(), ...reports.others()]),
    onCompiled: () => queues.status.trigger(),
    retry: () => {
      if (retryTimer || stopping) return;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        queues.reconcile.trigger();
      }, 5000);
      retryTimer.unref();
    },
  });

  // The leader writes where followers reach its push port (for quota leases) on the Lease.
  let advertised: string | undefined;
  elector = electLeader(
    base,
    leaderTasks,
    () => advertised,
    () => {
      if (notReady.size === 0) queues.reconcile.trigger();
    },
  );
  const push = await startPushServer(
    base,
    hub,
    auth,
    watch,
    tls.bundle,
    () => tls.certs.current?.caBundle,
    (stream, headers) => {
      const leader = quota.running ? undefined : forwarder.target(headers);
      // No leader known (or already relayed once): the local service answers 503 + retry-after.
      return leader ? forwarder.handleStream(stream, headers, leader) : quota.handleStream(stream, headers);
    },
  );
  advertised = leaderAddress(opts.advertiseAddress, push.port);
  const webhook = await startWebhook(base, watch, tls);
  const webConsole = await startConsole(base, watch, hub, tls.bundle, extra.asUser);
  tls.certs.onChange((bundle) => {
    push.server.setTls(bundle);
    webhook?.server.setTls(bundle);
    webConsole?.server.setTls(bundle);
    void publishCaBundle(kube, log, opts.gatewayNamespaces, bundle.caBundle);
  });
  void publishCaBundle(kube, log, opts.gatewayNamespaces, tls.bundle.caBundle);

  // --- go ----------------------------------------------------------------------------------------
  const timers = [
    setInterval(() => {
      tls.certs
        .ensure()
        .catch((err) => log.warn({ err: (err as Error).message }, 'certificate check failed'));
    }, CERT_CHECK_INTERVAL_MS),
    setInterval(() => {
      queues.rollout.trigger();
      if (isLeader()) reports.deleteStale().catch(() => {});
    }, heartbeatMs(opts)),
  ];
  for (const t of timers) t.unref();
  for (const i of watch.all) i.start();
  elector?.start();
  void watch.synced().then(async () => {
    if (stopping) return;
    notReady.delete('informers');
    await queues.reconcile.flush();
    notReady.delete('first reconcile');
    log.info({ leader: isLeader() }, 'caches synced; operator ready');
  });
  log.info(
    {
      push: push.port,
      admin: admin.port,
      webhook: webhook?.port ?? null,
      console: webConsole?.port ?? null,
      namespace: opts.namespace,
      identity: opts.identity,
    },
    'aimesh-operator started',
  );

  return {
    ports: { push: push.port, admin: admin.port, webhook: webhook?.port, console: webConsole?.port },
    metrics,
    isLeader,
    async shutdown() {
      if (stopping) return;
      stopping = true;
      notReady.add('shutting down');
      for (const t of timers) clearInterval(t);
      clearTimeout(retryTimer);
      for (const q of Object.values(queues)) q.stop();
      if (elector) await elector.stop();
      else for (const t of leaderTasks) runLeaderTask(log, t, 'stop');
      await reports.remove();
      forwarder.close();
      alerts.notifier?.close();
      webConsole?.stop();
      await Promise.all([push.server.close(), webhook?.server.close(), webConsole?.server.close()]);
      await Promise.all(watch.all.map((i) => i.stop()));
      await admin.server.close();
      await tracing.shutdown(log);
      log.info('stopped');
    },
  };
}

/** Why a pod may not be sent credentials (it does not carry the sidecar as this operator injects it). */
function podProblem(opts: RunOptions, pod: KubeObject): string | undefined {
  // An egress gateway pod is no injected app: it gets only its own namespace's gateway keys
  // (push/gateway.ts), which whoever may run pods as that ServiceAccount can read anyway.
  if (gatewayWorkloadOf(pod, opts.gatewayServiceAccount)) return undefined;
  return sidecarProblem(pod as Pod, { image: opts.sidecarImage });
}

function heartbeatMs(opts: RunOptions): number {
  return Math.max(1000, Math.floor(opts.leaseDurationMs / 3));
}

function startTracing({ opts, log, metrics }: Base): OperatorTracing {
  const dropped = spansDroppedCounter(metrics.registry);
  return opts.tracing
    ? startOperatorTracing(opts.tracing, log, (reason, n) => dropped.labels(reason).inc(n))
    : new OperatorTracing(undefined);
}

/**
 * Budget alerts (leader): thresholds checked after every tick of the quota counters; crossings
 * become Events, the BudgetAlert condition (written by the status writer) and, with
 * --alert-webhook-url-file, a notification.
 */
function createBudgetAlerts(
  { opts, kube, log, metrics }: Base,
  objects: () => KubeObject[],
  onChange: () => void,
): { budget: BudgetAlerts; notifier?: WebhookNotifier } {
  const notifier = opts.alertWebhookUrlFile
    ? new WebhookNotifier({
        url: urlFromFile(opts.alertWebhookUrlFile),
        log: log.child({ component: 'alert-webhook' }),
        onResult: (result) => metrics.alertNotifications.inc({ result }),
      })
    : undefined;
  const events = new EventRecorder(kube, log, opts.identity);
  const budget = new BudgetAlerts({
    metrics,
    objects,
    event: (object, event) => events.record('AIQuota', object, event),
    notify: notifier && ((text) => notifier.notify(text)),
    onChange,
    log: log.child({ component: 'budget-alerts' }),
  });
  return { budget, notifier };
}

/** The push hub: connected sidecars, what each was sent and acked, with metrics and traces. */
function createHub(
  { log, metrics }: Base,
  tracing: OperatorTracing,
  on: { onUnknownWorkload: () => void; onRolloutChange: () => void },
): Hub {
  const hub: Hub = new Hub({
    onUnknownWorkload: on.onUnknownWorkload,
    onAck: (conn, t) => {
      if (conn.ackedVersion) tracing.pushed(conn, conn.ackedVersion, t.sentAt, t.now);
      metrics.pushLatency.observe((t.now - t.sentAt) / 1000);
      if (t.changeAt !== undefined) metrics.propagation.observe((t.now - t.changeAt) / 1000);
    },
    onNack: (conn, reason) => {
      const version = conn.nack?.version ?? conn.sentVersion;
      if (version) tracing.pushed(conn, version, conn.sentAt ?? Date.now(), Date.now(), reason);
      metrics.nacks.inc();
      log.warn(
        { namespace: conn.namespace, pod: conn.pod, version: conn.sentVersion, reason },
        'sidecar refused a snapshot',
      );
    },
    onRolloutChange: () => {
      metrics.connectedSidecars.set(hub.size);
      on.onRolloutChange();
    },
  });
  return hub;
}

/** Probes, metrics and debug views; first, so probes answer during start-up. */
async function startAdmin(
  { opts, metrics, notReady, isLeader }: Base,
  hub: Hub,
  quota: QuotaService,
  forwarder: LeaderForwarder,
) {
  const server = createAdminServer({
    registry: metrics.registry,
    metricsAccess: opts.metricsAccess,
    notReady: () => [...notReady],
    sidecars: () => hub.rows(),
    info: () => ({ replica: opts.identity, leader: isLeader() }),
    // Lease state lives on the leader only; a follower names the leader to ask instead.
    quotas: () =>
      quota.running
        ? { replica: opts.identity, leader: true, quotas: quota.inspect() }
        : { replica: opts.identity, leader: false, currentLeader: forwarder.leader() ?? null },
    usage: (filter) =>
      quota.running
        ? { replica: opts.identity, leader: true, usage: quota.usage(filter) }
        : { replica: opts.identity, leader: false, currentLeader: forwarder.leader() ?? null },
  });
  return { server, port: await server.listen(opts.adminPort, opts.bindAddress) };
}

/** The serving certificate (push, webhook), created or loaded, retried until it works. */
async function ensureCertificates({ opts, kube, log, notReady, stopping }: Base) {
  const svc = opts.serviceName;
  const ns = opts.namespace;
  const certs = new CertManager(kube, log, {
    namespace: ns,
    secretName: opts.certSecret,
    hosts: [svc, `${svc}.${ns}`, `${svc}.${ns}.svc`, `${svc}.${ns}.svc.cluster.local`, ...opts.certHosts],
    webhookConfigName: opts.webhookConfig || undefined,
    // The chart's leader Lease: `helm uninstall` deletes it, and the collector this Secret.
    owner: {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      name: opts.leaderElectionId,
      path: resourcePath(RESOURCES.Lease, ns, opts.leaderElectionId),
    },
  });
  const bundle = await retryUntil('certificates', () => certs.ensure(), log, stopping);
  notReady.delete('certificates');
  return { certs, bundle };
}

function createReconciler(
  { kube, log, metrics, isLeader, opts }: Base,
  watch: ClusterWatch,
  hub: Hub,
  tracing: OperatorTracing,
  alerts: BudgetAlerts,
  on: Pick<ConstructorParameters<typeof Reconciler>[0], 'rollouts' | 'onCompiled' | 'retry'>,
): Reconciler {
  const status = new StatusWriter(kube, log, new EventRecorder(kube, log, opts.identity));
  status.onWrite = (kind, ok) => metrics.statusWrites.inc({ kind, result: ok ? 'ok' : 'error' });
  status.extraConditions = (kind, object) => alerts.conditions(kind, object);
  return new Reconciler({
    caches: {
      resources: watch.resources,
      secrets: { get: (namespace, name) => watch.secrets.get(namespace, name) },
      namespaces: watch.namespaces,
    },
    hub,
    log,
    isLeader,
    status,
    metrics,
    tracing,
    gatewayUrl: opts.gatewayUrl,
    ...on,
  });
}

/** Leader election on the chart's Lease (or, without it, this replica leads alone). */
function electLeader(
  { opts, kube, log, metrics }: Base,
  tasks: LeaderTask[],
  advertised: () => string | undefined,
  onStartedLeading: () => void,
): LeaderElector | undefined {
  if (!opts.leaderElect) {
    metrics.leader.set(1);
    for (const t of tasks) runLeaderTask(log, t, 'start');
    return undefined;
  }
  return new LeaderElector(kubeLeaseClient(kube, opts.namespace, opts.leaderElectionId), {
    identity: opts.identity,
    annotations: (): Record<string, string> => {
      const address = advertised();
      return address ? { [LEADER_ADDRESS_ANNOTATION]: address } : {};
    },
    timing: {
      leaseDurationMs: opts.leaseDurationMs,
      renewDeadlineMs: opts.renewDeadlineMs,
      retryPeriodMs: opts.retryPeriodMs,
    },
    log,
    onStartedLeading: () => {
      metrics.leader.set(1);
      onStartedLeading();
      for (const t of tasks) runLeaderTask(log, t, 'start');
    },
    onStoppedLeading: () => {
      metrics.leader.set(0);
      for (const t of tasks) runLeaderTask(log, t, 'stop');
    },
  });
}

function runLeaderTask(log: Logger, t: LeaderTask, what: 'start' | 'stop') {
  Promise.resolve()
    .then(() => t[what]())
    .catch((err) => log.error({ task: t.name, err: (err as Error).message }, `leader task ${what} failed`));
}

/** Sidecars' snapshot streams, and quota leases on the same HTTP/2 port. */
async function startPushServer(
  { opts, kube, log, metrics }: Base,
  hub: Hub,
  auth: Authenticator,
  watch: ClusterWatch,
  tls: TlsBundle,
  trust: () => string | undefined,
  quotaLease: NonNullable<Parameters<typeof createPushServer>[0]['routes']>[string],
): Promise<{ server: PushServer; port: number }> {
  const server = createPushServer({
    hub,
    auth,
    tls,
    log,
    lookupPod: podLookup(kube, () => watch),
    podProblem: (pod) => podProblem(opts, pod),
    trust: () => trust(),
    onRejected: (status) => metrics.streamsRefused.inc({ status: String(status) }),
    gatewayWorkload: (pod) => gatewayWorkloadOf(pod, opts.gatewayServiceAccount),
    routes: { [QUOTA_LEASE_PATH]: quotaLease },
  });
  return { server, port: await server.listen(opts.pushPort, opts.bindAddress) };
}

/** The snapshot a connected pod gets: its namespace's egress gateway's, or its workload's. */
function keyedWorkload(opts: RunOptions, pod: KubeObject): KeyedWorkload {
  return gatewayWorkloadOf(pod, opts.gatewayServiceAccount) ?? workloadOf(pod);
}

/** The injection webhook (when its port is set). */
async function startWebhook(
  { opts, kube, log, metrics }: Base,
  watch: ClusterWatch,
  { certs, bundle }: { certs: CertManager; bundle: TlsBundle },
): Promise<{ server: WebhookServer; port: number } | undefined> {
  if (opts.webhookPort <= 0) return undefined;
  const config = (): InjectionConfig => ({
    image: opts.sidecarImage,
    imagePullPolicy: opts.sidecarImagePullPolicy,
    operatorUrl: opts.operatorUrl,
    operatorCA: certs.current?.caBundle,
    resources: opts.sidecarResources,
    logLevel: opts.sidecarLogLevel,
    env: opts.sidecarEnv,
  });
  const server = createWebhookServer({
    tls: bundle,
    log,
    config,
    namespaceLabels: async (name) => {
      const cached = watch.namespaces.get(undefined, name);
      if (cached) return cached.metadata.labels ?? {};
      try {
        return (
          (await kube.get<KubeObject>(resourcePath(RESOURCES.Namespace, undefined, name))).metadata.labels ??
          {}
        );
      } catch {
        return undefined;
      }
    },
    onReview: (result) => metrics.injections.inc({ result }),
    authorize: subjectAccessReview(kube),
  });
  return { server, port: await server.listen(opts.webhookPort, opts.bindAddress) };
}

/** The web console (when its port is set): the caches, this replica's sidecars, users' own tokens. */
async function startConsole(
  { opts, kube, log }: Base,
  watch: ClusterWatch,
  hub: Hub,
  tls: TlsBundle,
  asUser: ((token: string) => KubeApi) | undefined,
): Promise<{ server: ConsoleServer; port: number; stop(): void } | undefined> {
  if (opts.consolePort <= 0) return undefined;
  if (!asUser) throw new Error('the console needs a client acting as the user');
  const history = new UsageHistory(360); // an hour of samples
  const sample = () => history.record(watch.resources.AIQuota.list(), Date.now());
  const timer = setInterval(sample, CONSOLE_SAMPLE_MS);
  timer.unref();
  const server = createConsoleServer({
    authz: new Authorizer(kube),
    asUser,
    history,
    log: log.child({ component: 'console' }),
    ...(opts.consoleTls ? { tls: { cert: tls.cert, key: tls.key } } : {}),
    sources: {
      objects: (kind) => watch.resources[kind].list(),
      namespaces: () => watch.namespaces.list(),
      sidecars: () => hub.rows(),
      accessRequests: () => watch.resources.AIAccessRequest.list(),
    },
  });
  return {
    server,
    port: await server.listen(opts.consolePort, opts.consoleAddress),
    stop: () => clearInterval(timer),
  };
}

async function retryUntil<T>(
  what: string,
  fn: () => Promise<T>,
  log: Logger,
  stopped: () => boolean,
): Promise<T> {
  const backoff = exponentialBackoff({ initialMs: 500, maxMs: 15_000 });
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (stopped()) throw err;
      const delay = backoff.next();
      log.warn({ err: (err as Error).message, retryInMs: delay }, `${what} failed; retrying`);
      await sleep(delay);
    }
  }
}

/** The pod a sidecar's token is bound to: from the informer cache, else the apiserver. */
function podLookup(kube: KubeApi, watch: () => ClusterWatch) {
  return async (namespace: string, name: string): Promise<KubeObject | undefined> => {
    const cached = watch().pods.get(namespace, name);
    if (cached) return cached;
    try {
      return await kube.get<KubeObject>(resourcePath(RESOURCES.Pod, namespace, name));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  };
}
