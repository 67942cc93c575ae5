// The operator's informers: the AIMesh resources, the Secrets providers and routes (JWKS) reference (each by name,
// see secrets.ts), namespaces, injected pods, the replicas' rollout reports and (when the chart
// names it) the webhook configuration. Each calls back into the controller on the changes that matter.
import type { KubeApi, KubeObject } from '../kube/api.ts';
import { RESOURCES, resourcePath } from '../kube/api.ts';
import type { Logger } from '../log.ts';
import { changeMatters, KINDS, referencedSecrets } from './reconcile.ts';
import type { ReplicaReports } from './replica-report.ts';
import { ReferencedSecrets } from './secrets.ts';
import { type ChangeHandler, Informer } from './watch.ts';

export type ResourceInformers = Record<(typeof KINDS)[number], Informer>;

export interface ClusterWatchOptions {
  kube: KubeApi;
  log: Logger;
  /** Referenced Secrets count only when they carry these labels. */
  secretLabelSelector?: string;
  /** Label every injected pod carries. */
  injectedLabel: string;
  reports: ReplicaReports;
  webhookConfig?: string;
  onInformerError: (resource: string) => void;
  /** Something the snapshots depend on changed. */
  onChange: () => void;
  /** The quotas' specs changed (not their status). */
  onQuotasChanged: (quotas: KubeObject[]) => void;
  onPodChanged: (pod: KubeObject) => void;
  onReport: () => void;
  onWebhookConfigChanged: () => void;
}

/** What the operator starts, stops and waits for. */
export type Watcher = Pick<Informer, 'start' | 'stop' | 'waitSynced'>;

export interface ClusterWatch {
  resources: ResourceInformers;
  secrets: ReferencedSecrets;
  namespaces: Informer;
  pods: Informer;
  all: Watcher[];
  /** Secrets the providers reference (kept current as AIProviders change). */
  referenced(): Set<string>;
  /** Resolves once every cache holds a full list (never compile a partial picture). */
  synced(): Promise<void>;
}

export function watchCluster(opts: ClusterWatchOptions): ClusterWatch {
  const { kube, log } = opts;
  const informer = (name: string, path: string, query?: Record<string, string>, onChange?: ChangeHandler) =>
    new Informer(kube, log, { name, path, query, onChange, onError: () => opts.onInformerError(name) });

  let referenced = new Set<string>();
  let providersSynced = false;
  const secrets = new ReferencedSecrets({
    kube,
    log,
    labelSelector: opts.secretLabelSelector,
    onChange: (_type, o, prev) => {
      if (changeMatters('Secret', o, prev, referenced)) opts.onChange();
    },
    onError: () => opts.onInformerError('Secret'),
  });
  const resources = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      informer(kind, resourcePath(RESOURCES[kind]), undefined, (type, o, prev) => {
        // Spec changes only: status.limits updates are the quota service's own writes.
        if (kind === 'AIQuota' && (type === 'DELETED' || o.metadata.generation !== prev?.metadata.generation))
          opts.onQuotasChanged(resources.AIQuota.list());
        // A deletion always matters (its last state equals the cached one, so a diff sees nothing).
        const matters = type === 'DELETED' || changeMatters(kind, o, prev, referenced);
        if ((kind === 'AIProvider' || kind === 'AIRoute') && providersSynced) {
          // A newly referenced Secret is loaded first: never compile it as missing for a moment.
          referenced = referencedSecrets(resources.AIProvider.list(), resources.AIRoute.list());
          const loaded = secrets.track(referenced);
          if (matters) void loaded.then(opts.onChange);
        } else if (matters) opts.onChange();
      }),
    ]),
  ) as ResourceInformers;
  const namespaces = informer('Namespace', resourcePath(RESOURCES.Namespace), undefined, (_type, o, prev) => {
    if (changeMatters('Namespace', o, prev, referenced)) opts.onChange();
  });
  const pods = informer(
    'Pod',
    resourcePath(RESOURCES.Pod),
    { labelSelector: `${opts.injectedLabel}=true` },
    (type, o) => {
      if (type !== 'DELETED') opts.onPodChanged(o);
    },
  );
  const reports = informer(
    'RolloutReport',
    opts.reports.watchPath,
    { labelSelector: opts.reports.selector },
    (type, o) => {
      opts.reports.observe(type, o);
      opts.onReport();
    },
  );
  // A re-applied webhook configuration (helm upgrade) loses its caBundle: the owner puts it back.
  const webhookConfigs = opts.webhookConfig
    ? [
        informer(
          'MutatingWebhookConfiguration',
          resourcePath(RESOURCES.MutatingWebhookConfiguration),
          { fieldSelector: `metadata.name=${opts.webhookConfig}` },
          (type) => {
            if (type !== 'DELETED') opts.onWebhookConfigChanged();
          },
        ),
      ]
    : [];
  return {
    resources,
    secrets,
    namespaces,
    pods,
    all: [...Object.values(resources), secrets, namespaces, pods, reports, ...webhookConfigs],
    referenced: () => referenced,
    async synced() {
      await Promise.all(this.all.map((i) => i.waitSynced()));
      referenced = referencedSecrets(resources.AIProvider.list(), resources.AIRoute.list());
      providersSynced = true;
      await secrets.track(referenced);
    },
  };
}
