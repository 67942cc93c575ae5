// Reconcile: level-based and idempotent. Every run re-reads the whole picture from the informer
// caches, compiles it (a pure function) for the workloads of the connected sidecars, publishes
// the snapshots to the push hub (which sends only changed versions) and, on the leader, brings
// every resource's status up to date. A bad resource is a problem in status, never an exception;
// anything unexpected is logged and retried, and the previous snapshots keep serving meanwhile.
import { canonicalJson } from '../../sidecar/snapshot/version.ts';
import type { Metrics } from '../admin/metrics.ts';
import {
  type AIMeshKind,
  type CompileInput,
  type CompileOutput,
  compile,
  type Workload,
} from '../compile/index.ts';
import { namespaceInput, secretInput } from '../compile/inputs.ts';
import type { KubeObject } from '../kube/api.ts';
import type { Logger } from '../log.ts';
import type { Hub } from '../push/hub.ts';
import { workloadKey } from '../push/workload.ts';
import type { ReconcileTracer } from '../telemetry/tracing.ts';
import type { Batch } from './debounce.ts';
import type { RouteRollout } from './status.ts';
import type { StatusTarget, SyncResult } from './status-writer.ts';

export const KINDS: AIMeshKind[] = ['AIProvider', 'AIRoute', 'AIQuota', 'AIAccessRequest'];
const API_VERSION = 'aimesh.io/v1alpha1';

interface Lister {
  list(): KubeObject[];
}
interface Getter {
  get(namespace: string, name: string): KubeObject | undefined;
}

export interface Caches {
  resources: Record<AIMeshKind, Lister>;
  secrets: Getter;
  namespaces: Lister;
}

export interface ReconcilerOptions {
  caches: Caches;
  hub: Hub;
  log: Logger;
  isLeader: () => boolean;
  status?: {
    sync(
      targets: StatusTarget[],
      compiled: CompileOutput,
      rollouts: Map<string, RouteRollout>,
    ): Promise<SyncResult>;
  };
  rollouts?: () => Map<string, RouteRollout>;
  metrics?: Metrics;
  /** Something failed (a status write): run again later. */
  retry?: () => void;
  /** A span per reconcile; the pushes of what it published become its children. */
  tracing?: ReconcileTracer;
  /**
   * A new compile is published: status should follow. Given, status is left to the caller (its own
   * queue, so status writes never delay the next push); absent, reconcile writes it inline.
   */
  onCompiled?: () => void;
  /** Where sidecars reach a namespace's egress gateway (CompileInput.gatewayUrl). */
  gatewayUrl?: string;
}

/** Secrets AIProviders (credentials) and AIRoutes (JWKS) reference, as "namespace/name". */
export function referencedSecrets(providers: KubeObject[], routes: KubeObject[] = []): Set<string> {
  const out = new Set<string>();
  for (const p of providers) {
    const ref = (p.spec as { auth?: { secretRef?: { name?: unknown } } } | undefined)?.auth?.secretRef?.name;
    if (typeof ref === 'string') out.add(`${p.metadata.namespace ?? 'default'}/${ref}`);
  }
  for (const r of routes) {
    const ref = (r.spec as { authentication?: { jwt?: { jwks?: { secretRef?: { name?: unknown } } } } })
      ?.authentication?.jwt?.jwks?.secretRef?.name;
    if (typeof ref === 'string') out.add(`${r.metadata.namespace ?? 'default'}/${ref}`);
  }
  return out;
}

/** The compile input from the caches: only referenced Secrets are decoded. */
export function compileInput(caches: Caches, workloads: Workload[]): CompileInput {
  const providers = caches.resources.AIProvider.list();
  const resources = KINDS.flatMap((kind) =>
    caches.resources[kind].list().map((o) => ({ ...o, apiVersion: API_VERSION, kind })),
  );
  const secrets = [...referencedSecrets(providers, caches.resources.AIRoute.list())].flatMap((id) => {
    const [ns, name] = id.split('/') as [string, string];
    const s = caches.secrets.get(ns, name);
    return s ? [secretInput(s as Parameters<typeof secretInput>[0])] : [];
  });
  const namespaces = caches.namespaces
    .list()
    .map((n) => namespaceInput(n as Parameters<typeof namespaceInput>[0]));
  return { resources, secrets, namespaces, workloads };
}

export class Reconciler {
  readonly #o: ReconcilerOptions;
  #last: CompileOutput | undefined;

  constructor(opts: ReconcilerOptions) {
    this.#o = opts;
  }

  get last(): CompileOutput | undefined {
    return this.#last;
  }

  async reconcile(batch?: Batch): Promise<void> {
    const { hub, log, metrics } = this.#o;
    const end = metrics?.reconcileDuration.startTimer();
    const span = this.#o.tracing?.start(batch);
    try {
      const workloads = hub.workloads();
      const compiled = compile({
        ...compileInput(this.#o.caches, workloads),
        gatewayUrl: this.#o.gatewayUrl,
      });
      const snapshots = new Map(workloads.map((w, i) => [workloadKey(w), compiled.snapshots[i]!]));
      span?.published(snapshots, compiled.problems.length);
      hub.publish(snapshots, batch?.firstTriggerAt);
      this.#last = compiled;
      log.debug(
        { workloads: workloads.length, problems: compiled.problems.length, triggers: batch?.triggers },
        'reconciled',
      );
      if (this.#o.onCompiled) this.#o.onCompiled();
      else await this.syncStatus();
      metrics?.reconciles.inc({ result: 'ok' });
    } catch (err) {
      metrics?.reconciles.inc({ result: 'error' });
      span?.end(err);
      log.error({ err: (err as Error).message, stack: (err as Error).stack }, 'reconcile failed; retrying');
      this.#o.retry?.();
    } finally {
      end?.();
      span?.end();
    }
  }

  /** Status only (leader), from the last compile: after acks change rollout counts, or on election. */
  async syncStatus(): Promise<void> {
    if (!this.#o.status || !this.#o.isLeader() || !this.#last) return;
    const targets: StatusTarget[] = KINDS.flatMap((kind) =>
      this.#o.caches.resources[kind].list().map((object) => ({ kind, object })),
    );
    const result = await this.#o.status.sync(targets, this.#last, this.#o.rollouts?.() ?? new Map());
    if (result.failed > 0) this.#o.retry?.();
  }
}

/**
 * Does a cache change affect compile or status? Status-only updates written by the quota service
 * (status.limits) and unreferenced Secrets do not; our own status writes do (one cheap no-op
 * pass that also repairs status someone else edited).
 */
export function changeMatters(
  resource: AIMeshKind | 'Secret' | 'Namespace',
  object: KubeObject,
  previous: KubeObject | undefined,
  referenced: Set<string>,
): boolean {
  if (resource === 'Secret') return referenced.has(`${object.metadata.namespace}/${object.metadata.name}`);
  if (!previous) return true;
  if (resource === 'Namespace')
    return canonicalJson(object.metadata.labels ?? {}) !== canonicalJson(previous.metadata.labels ?? {});
  const view = (o: KubeObject) => {
    const { limits: _limits, ...status } = (o.status ?? {}) as Record<string, unknown>;
    return canonicalJson({
      generation: o.metadata.generation,
      deletion: o.metadata.deletionTimestamp,
      spec: o.spec,
      status,
    });
  };
  return view(object) !== view(previous);
}
