// `aimesh-operator run`: wires the pieces together. Every replica watches, compiles and serves
// push streams and the webhook; the elected leader also writes status and runs leader tasks (the
// quota service: followers relay sidecars' lease calls to it). Start-up order: admin port (probes
// answer at once) -> certificates -> servers -> informers -> first reconcile once every cache is
// synced (never compile a partial picture: a Secret not yet listed would show up as
// SecretNotFound) -> ready.
import { createAdminServer } from './admin.ts';
import { exponentialBackoff, sleep } from './backoff.ts';
import { Debouncer } from './debounce.ts';
import { EventRecorder } from './events.ts';
import { isNotFound, type KubeApi, type KubeObject, RESOURCES, resourcePath } from './kube-api.ts';
import { kubeLeaseClient, LeaderElector } from './leader.ts';
import type { Logger } from './log.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import type { RunOptions } from './options.ts';
import { Authenticator } from './push/auth.ts';
import { Hub, sumRollouts } from './push/hub.ts';
import { createPushServer } from './push/server.ts';
import { workloadOf } from './push/workload.ts';
import { LEADER_ADDRESS_ANNOTATION, LeaderForwarder, leaderAddress } from './quota/forward.ts';
import { QUOTA_LEASE_PATH, QuotaService } from './quota/service.ts';
import { kubeStatusPersist, tokenReviewAuth } from './quota/wiring.ts';
import { type Caches, changeMatters, KINDS, Reconciler, referencedSecrets } from './reconcile.ts';
import { ReplicaReports } from './replica-report.ts';
import { StatusWriter } from './status-writer.ts';
import { OperatorTracing, spansDroppedCounter, startOperatorTracing } from './telemetry/tracing.ts';
import { type ChangeHandler, Informer } from './watch.ts';
import { CertManager } from './webhook/certs.ts';
import { INJECTED_LABEL, type InjectionConfig } from './webhook/inject.ts';
import { createWebhookServer } from './webhook/server.ts';

/** Work only the leader does (the quota service registers one). */
export interface LeaderTask {
  name: string;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

export interface RunningOperator {
  ports: { push: number; admin: number; webhook?: number };
  metrics: Metrics;
  isLeader(): boolean;
  /** Resolves when stopped: lease released, report removed, servers closed. */
  shutdown(): Promise<void>;
}

/** Secret types that never hold provider credentials and can be large or numerous. */
const SKIPPED_SECRET_TYPES = [
  'kubernetes.io/service-account-token',
  'kubernetes.io/dockercfg',
  'kubernetes.io/dockerconfigjson',
  'bootstrap.kubernetes.io/token',
  'kubernetes.io/tls',
  'helm.sh/release.v1',
];

const CERT_CHECK_INTERVAL_MS = 10 * 60_000;

export async function runOperator(
  opts: RunOptions,
  kube: KubeApi,
  log: Logger,
  extra: { leaderTasks?: LeaderTask[] } = {},
): Promise<RunningOperator> {
  const metrics = createMetrics();
  // The quota service runs on the leader; every replica keeps its config current.
  const quota = new QuotaService({
    authenticate: (req) => tokenReviewAuth(auth)(req),
    persist: kubeStatusPersist(kube),
    objects: () => resourceInformers.AIQuota.list(),
    log: log.child({ component: 'quota' }),
  });
  const leaderTasks = [...(extra.leaderTasks ?? []), quota];
  const notReady = new Set(['certificates', 'informers', 'first reconcile']);
  let stopping = false;

  // --- admin first, so probes answer during start-up -------------------------------------------
  let elector: LeaderElector | undefined;
  const isLeader = () => (elector ? elector.isLeader : true) && !stopping;
  // Quota leases reaching a follower go on to the leader (its address is on the Lease).
  const forwarder = new LeaderForwarder({
    identity: opts.identity,
    leader: () => {
      const l = elector?.observedLeader;
      return l && { identity: l.identity, address: l.annotations[LEADER_ADDRESS_ANNOTATION] };
    },
    // Followers dial the leader's pod IP but check the Service name the shared certificate covers.
    tls: () =>
      certs.current && {
        ca: certs.current.caBundle,
        servername: `${opts.serviceName}.${opts.namespace}.svc`,
      },
    log: log.child({ component: 'quota-forward' }),
  });
  const dropped = spansDroppedCounter(metrics.registry);
  const tracing = opts.tracing
    ? startOperatorTracing(opts.tracing, log, (reason, n) => dropped.labels(reason).inc(n))
    : new OperatorTracing(undefined);
  const hub: Hub = new Hub({
    onUnknownWorkload: () => reconcileQueue.trigger(),
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
      rolloutQueue.trigger();
    },
  });
  const admin = createAdminServer({
    registry: metrics.registry,
    notReady: () => [...notReady],
    sidecars: () => hub.rows(),
    info: () => ({ replica: opts.identity, leader: isLeader() }),
    // Lease state lives on the leader only; a follower names the leader to ask instead.
    quotas: () =>
      quota.running
        ? { replica: opts.identity, leader: true, quotas: quota.inspect() }
        : { replica: opts.identity, leader: false, currentLeader: forwarder.leader() ?? null },
  });
  const adminPort = await admin.listen(opts.adminPort, opts.bindAddress);

  // --- certificates ------------------------------------------------------------------------------
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
  const tls = await retryUntil(
    'certificates',
    () => certs.ensure(),
    log,
    () => stopping,
  );
  notReady.delete('certificates');

  // --- caches ------------------------------------------------------------------------------------
  const reconcileQueue: Debouncer = new Debouncer((batch) => reconciler.reconcile(batch), {
    quietMs: opts.debounceMs,
    maxMs: opts.debounceMaxMs,
  });
  const rolloutQueue: Debouncer = new Debouncer(() => publishRollout(), { quietMs: 250, maxMs: 1000 });
  // Status has its own queue: writing it (leader only) never delays the next push.
  const statusQueue: Debouncer = new Debouncer(() => reconciler.syncStatus(), { quietMs: 20, maxMs: 250 });
  const informer = (
    name: string,
    path: string,
    query: Record<string, string> | undefined,
    onChange?: ChangeHandler,
  ) =>
    new Informer(kube, log, {
      name,
      path,
      query,
      onChange,
      onError: () => metrics.informerRestarts.inc({ resource: name }),
    });

  let referenced = new Set<string>();
  const resourceInformers = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      informer(kind, resourcePath(RESOURCES[kind]), undefined, (type, o, prev) => {
        if (kind === 'AIProvider') referenced = referencedSecrets(resourceInformers.AIProvider.list());
        // Spec changes only: status.limits updates are the quota service's own writes.
        if (kind === 'AIQuota' && (type === 'DELETED' || o.metadata.generation !== prev?.metadata.generation))
          quota.sync(resourceInformers.AIQuota.list());
        if (changeMatters(kind, o, prev, referenced)) reconcileQueue.trigger();
      }),
    ]),
  ) as Record<(typeof KINDS)[number], Informer>;
  const secrets = informer(
    'Secret',
    resourcePath(RESOURCES.Secret),
    opts.secretLabelSelector
      ? { labelSelector: opts.secretLabelSelector }
      : { fieldSelector: SKIPPED_SECRET_TYPES.map((t) => `type!=${t}`).join(',') },
    (_type, o, prev) => {
      if (changeMatters('Secret', o, prev, referenced)) reconcileQueue.trigger();
    },
  );
  const namespaces = informer('Namespace', resourcePath(RESOURCES.Namespace), undefined, (_type, o, prev) => {
    if (changeMatters('Namespace', o, prev, referenced)) reconcileQueue.trigger();
  });
  const pods = informer(
    'Pod',
    resourcePath(RESOURCES.Pod),
    { labelSelector: `${INJECTED_LABEL}=true` },
    (type, o) => {
      if (type === 'DELETED') return;
      for (const conn of hub.connections())
        if (conn.podUid === o.metadata.uid) hub.rekey(conn, workloadOf(o));
    },
  );
  const heartbeatMs = Math.max(1000, Math.floor(opts.leaseDurationMs / 3));
  const reports = new ReplicaReports(kube, log, {
    namespace: ns,
    leaseName: opts.leaderElectionId,
    identity: opts.identity,
    heartbeatMs,
  });
  const reportInformer = informer(
    'RolloutReport',
    reports.watchPath,
    { labelSelector: reports.selector },
    (type, o) => {
      reports.observe(type, o);
      if (isLeader()) rolloutQueue.trigger();
    },
  );
  // A re-applied webhook configuration (helm upgrade) loses its caBundle: put it back at once.
  const webhookConfigs = opts.webhookConfig
    ? [
        informer(
          'MutatingWebhookConfiguration',
          resourcePath(RESOURCES.MutatingWebhookConfiguration),
          { fieldSelector: `metadata.name=${opts.webhookConfig}` },
          (type) => {
            if (type !== 'DELETED')
              certs
                .syncCaBundle()
                .catch((err) => log.warn({ err: (err as Error).message }, 'caBundle update failed'));
          },
        ),
      ]
    : [];
  const allInformers = [
    ...Object.values(resourceInformers),
    secrets,
    namespaces,
    pods,
    reportInformer,
    ...webhookConfigs,
  ];

  const caches: Caches = {
    resources: resourceInformers,
    secrets: { get: (namespace, name) => secrets.get(namespace, name) },
    namespaces,
  };
  const statusWriter = new StatusWriter(kube, log, new EventRecorder(kube, log, opts.identity));
  statusWriter.onWrite = (kind, ok) => metrics.statusWrites.inc({ kind, result: ok ? 'ok' : 'error' });
  const rollouts = () => sumRollouts([hub.rollout(), ...reports.others()]);
  let retryTimer: NodeJS.Timeout | undefined;
  const reconciler: Reconciler = new Reconciler({
    caches,
    hub,
    log,
    isLeader,
    status: statusWriter,
    rollouts,
    metrics,
    tracing,
    onCompiled: () => statusQueue.trigger(),
    retry: () => {
      if (retryTimer || stopping) return;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        reconcileQueue.trigger();
      }, 5000);
      retryTimer.unref();
    },
  });

  async function publishRollout(): Promise<void> {
    if (stopping) return;
    await reports.publish(hub.rollout());
    if (isLeader() && notReady.size === 0) statusQueue.trigger();
  }

  // --- leader election ---------------------------------------------------------------------------
  // The leader writes where followers reach its push port (for quota leases) on the Lease.
  let advertised: string | undefined;
  if (opts.leaderElect) {
    elector = new LeaderElector(kubeLeaseClient(kube, ns, opts.leaderElectionId), {
      identity: opts.identity,
      annotations: (): Record<string, string> =>
        advertised ? { [LEADER_ADDRESS_ANNOTATION]: advertised } : {},
      timing: {
        leaseDurationMs: opts.leaseDurationMs,
        renewDeadlineMs: opts.renewDeadlineMs,
        retryPeriodMs: opts.retryPeriodMs,
      },
      log,
      onStartedLeading: () => {
        metrics.leader.set(1);
        if (notReady.size === 0) reconcileQueue.trigger();
        for (const t of leaderTasks) runTask(t, 'start');
      },
      onStoppedLeading: () => {
        metrics.leader.set(0);
        for (const t of leaderTasks) runTask(t, 'stop');
      },
    });
  } else {
    metrics.leader.set(1);
    for (const t of leaderTasks) runTask(t, 'start');
  }
  function runTask(t: LeaderTask, what: 'start' | 'stop') {
    Promise.resolve()
      .then(() => t[what]())
      .catch((err) => log.error({ task: t.name, err: (err as Error).message }, `leader task ${what} failed`));
  }

  // --- servers -----------------------------------------------------------------------------------
  const auth = new Authenticator(kube);
  const push = createPushServer({
    hub,
    auth,
    tls,
    log,
    lookupPod: async (namespace, name) => {
      const cached = pods.get(namespace, name);
      if (cached) return cached;
      try {
        return await kube.get<KubeObject>(resourcePath(RESOURCES.Pod, namespace, name));
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    onRejected: (status) => metrics.streamsRefused.inc({ status: String(status) }),
    routes: {
      [QUOTA_LEASE_PATH]: (stream, headers) => {
        const leader = quota.running ? undefined : forwarder.target(headers);
        // No leader known (or already relayed once): the local service answers 503 + retry-after.
        return leader ? forwarder.handleStream(stream, headers, leader) : quota.handleStream(stream, headers);
      },
    },
  });
  const pushPort = await push.listen(opts.pushPort, opts.bindAddress);
  advertised = leaderAddress(opts.advertiseAddress, pushPort);

  const injection = (): InjectionConfig => ({
    image: opts.sidecarImage,
    imagePullPolicy: opts.sidecarImagePullPolicy,
    operatorUrl: opts.operatorUrl,
    operatorCA: certs.current?.caBundle,
    resources: opts.sidecarResources,
    logLevel: opts.sidecarLogLevel,
    env: opts.sidecarEnv,
  });
  const webhook =
    opts.webhookPort > 0
      ? createWebhookServer({
          tls,
          log,
          config: injection,
          namespaceLabels: async (name) => {
            const cached = namespaces.get(undefined, name);
            if (cached) return cached.metadata.labels ?? {};
            try {
              return (
                (await kube.get<KubeObject>(resourcePath(RESOURCES.Namespace, undefined, name))).metadata
                  .labels ?? {}
              );
            } catch {
              return undefined;
            }
          },
          onReview: (result) => metrics.injections.inc({ result }),
        })
      : undefined;
  const webhookPort = webhook ? await webhook.listen(opts.webhookPort, opts.bindAddress) : undefined;

  certs.onChange((b) => {
    push.setTls(b);
    webhook?.setTls(b);
  });
  const certTimer = setInterval(() => {
    certs.ensure().catch((err) => log.warn({ err: (err as Error).message }, 'certificate check failed'));
  }, CERT_CHECK_INTERVAL_MS);
  certTimer.unref();

  // --- go ----------------------------------------------------------------------------------------
  for (const i of allInformers) i.start();
  elector?.start();
  const heartbeat = setInterval(() => {
    rolloutQueue.trigger();
    if (isLeader()) reports.deleteStale().catch(() => {});
  }, heartbeatMs);
  heartbeat.unref();

  void Promise.all(allInformers.map((i) => i.waitSynced())).then(async () => {
    if (stopping) return;
    notReady.delete('informers');
    referenced = referencedSecrets(resourceInformers.AIProvider.list());
    await reconcileQueue.flush();
    notReady.delete('first reconcile');
    log.info({ leader: isLeader() }, 'caches synced; operator ready');
  });

  log.info(
    {
      push: pushPort,
      admin: adminPort,
      webhook: webhookPort ?? null,
      namespace: ns,
      identity: opts.identity,
    },
    'aimesh-operator started',
  );

  return {
    ports: { push: pushPort, admin: adminPort, webhook: webhookPort },
    metrics,
    isLeader,
    async shutdown() {
      if (stopping) return;
      stopping = true;
      notReady.add('shutting down');
      clearInterval(heartbeat);
      clearInterval(certTimer);
      clearTimeout(retryTimer);
      reconcileQueue.stop();
      rolloutQueue.stop();
      statusQueue.stop();
      if (elector) await elector.stop();
      else for (const t of leaderTasks) runTask(t, 'stop');
      await reports.remove();
      forwarder.close();
      await Promise.all([push.close(), webhook?.close()]);
      await Promise.all(allInformers.map((i) => i.stop()));
      await admin.close();
      await tracing.shutdown(log);
      log.info('stopped');
    },
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
