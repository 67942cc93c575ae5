// Rollout reports between replicas. Each replica serves its own sidecars, but the leader writes
// AIRoute status.sidecars for all of them: every replica publishes its per-route counts in a small
// Lease of its own (annotation aimesh.io/rollout, renewed as a heartbeat), and the leader sums
// the fresh ones. Freshness is judged on the reader's clock (when it last saw the report change),
// never by comparing another machine's timestamps.
import { createHash } from 'node:crypto';
import {
  isConflict,
  isNotFound,
  type KubeApi,
  type KubeObject,
  microTime,
  RESOURCES,
  resourcePath,
} from '../kube/api.ts';
import type { Logger } from '../log.ts';
import type { RolloutReport } from '../push/hub.ts';

export const REPORT_LABEL = 'aimesh.io/rollout-report';
export const REPORT_ANNOTATION = 'aimesh.io/rollout';

export interface ReplicaReportsOptions {
  namespace: string;
  /** The election's Lease name; reports are named <leaseName>-report-<hash of identity>. */
  leaseName: string;
  identity: string;
  heartbeatMs: number;
  now?: () => number;
}

export class ReplicaReports {
  readonly #kube: KubeApi;
  readonly #log: Logger;
  readonly #opts: ReplicaReportsOptions;
  readonly #now: () => number;
  readonly #name: string;
  readonly #seen = new Map<string, { resourceVersion?: string; at: number; report: RolloutReport }>();
  #last = '';
  #want = '{}';
  #lastWriteAt = Number.NEGATIVE_INFINITY;
  #writing: Promise<void> | undefined;

  constructor(kube: KubeApi, log: Logger, opts: ReplicaReportsOptions) {
    this.#kube = kube;
    this.#log = log.child({ component: 'replica-report' });
    this.#opts = opts;
    this.#now = opts.now ?? (() => performance.now());
    const hash = createHash('sha256').update(opts.identity).digest('hex').slice(0, 10);
    this.#name = `${opts.leaseName}-report-${hash}`;
  }

  /** Informer path and selector for everyone's reports. */
  get watchPath(): string {
    return resourcePath(RESOURCES.Lease, this.#opts.namespace);
  }
  get selector(): string {
    return `${REPORT_LABEL}=${this.#opts.leaseName}`;
  }

  /** Feed from the Lease informer. */
  observe(type: 'ADDED' | 'MODIFIED' | 'DELETED', lease: KubeObject): void {
    const name = lease.metadata.name;
    if (name === this.#name) return;
    if (type === 'DELETED') return void this.#seen.delete(name);
    const prev = this.#seen.get(name);
    if (prev && prev.resourceVersion === lease.metadata.resourceVersion) return;
    let report: RolloutReport = {};
    try {
      report = JSON.parse(lease.metadata.annotations?.[REPORT_ANNOTATION] ?? '{}') as RolloutReport;
    } catch {}
    this.#seen.set(name, { resourceVersion: lease.metadata.resourceVersion, at: this.#now(), report });
  }

  /** The other replicas' reports that are still being renewed. */
  others(): RolloutReport[] {
    const limit = this.#opts.heartbeatMs * 3;
    const now = this.#now();
    return [...this.#seen.values()].filter((s) => now - s.at <= limit).map((s) => s.report);
  }

  /** Names of reports nobody has renewed for long (crashed replicas), for the leader to delete. */
  stale(): string[] {
    const limit = this.#opts.heartbeatMs * 10;
    const now = this.#now();
    return [...this.#seen.entries()].filter(([, s]) => now - s.at > limit).map(([n]) => n);
  }

  /** Writes this replica's report when it changed, or as a heartbeat when due. */
  publish(report: RolloutReport): Promise<void> {
    this.#want = JSON.stringify(report);
    this.#writing ??= this.#drain().finally(() => {
      this.#writing = undefined;
    });
    return this.#writing;
  }

  async #drain(): Promise<void> {
    for (;;) {
      const json = this.#want;
      const due = this.#now() - this.#lastWriteAt >= this.#opts.heartbeatMs;
      if (json === this.#last && !due) return;
      await this.#write(json);
      if (this.#last !== json) return; // failed: the next publish (heartbeat) retries
    }
  }

  async deleteStale(): Promise<void> {
    for (const name of this.stale()) {
      try {
        await this.#kube.delete(resourcePath(RESOURCES.Lease, this.#opts.namespace, name));
        this.#seen.delete(name);
      } catch (err) {
        if (isNotFound(err)) this.#seen.delete(name);
      }
    }
  }

  /** On shutdown: the report goes away with the replica. */
  async remove(): Promise<void> {
    try {
      await this.#kube.delete(resourcePath(RESOURCES.Lease, this.#opts.namespace, this.#name));
    } catch {}
  }

  async #write(json: string): Promise<void> {
    const { namespace, identity, heartbeatMs } = this.#opts;
    const body = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.#name,
        namespace,
        labels: { [REPORT_LABEL]: this.#opts.leaseName },
        annotations: { [REPORT_ANNOTATION]: json },
      },
      spec: {
        holderIdentity: identity,
        leaseDurationSeconds: Math.ceil((heartbeatMs * 3) / 1000),
        renewTime: microTime(new Date()),
      },
    };
    const path = resourcePath(RESOURCES.Lease, namespace, this.#name);
    try {
      try {
        await this.#kube.patch(path, { metadata: body.metadata, spec: body.spec }, 'merge');
      } catch (err) {
        if (!isNotFound(err)) throw err;
        await this.#kube.create(resourcePath(RESOURCES.Lease, namespace), body);
      }
      this.#last = json;
      this.#lastWriteAt = this.#now();
    } catch (err) {
      if (!isConflict(err)) this.#log.warn({ err: (err as Error).message }, 'rollout report not written');
    }
  }
}
