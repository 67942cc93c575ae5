// Writes status (leader only): for every AIMesh resource, the owned status computed in status.ts,
// patched onto the status subresource with a JSON merge patch only when it differs from what the
// resource carries, plus an Event per condition change. Level-based: what is compared is the
// object as the informer last saw it, so a new leader or a restart writes only real differences.
import type { AIMeshKind, CompileOutput } from '../compile/index.ts';
import { isNotFound, type KubeApi, type KubeObject, RESOURCES, resourcePath } from '../kube/api.ts';
import type { Logger } from '../log.ts';
import type { EventRecorder } from './events.ts';
import {
  type Condition,
  type DesiredCondition,
  desiredStatus,
  type RouteRollout,
  type StatusEvent,
  statusEvents,
  statusPatch,
  statusUpToDate,
} from './status.ts';

export interface StatusTarget {
  kind: AIMeshKind;
  object: KubeObject;
}

export interface SyncResult {
  written: number;
  failed: number;
}

const PARALLEL = 8;

export class StatusWriter {
  readonly #kube: KubeApi;
  readonly #log: Logger;
  readonly #events: EventRecorder;
  readonly #now: () => Date;
  /** uid -> what we last wrote and on top of which resourceVersion (the cache may lag our write). */
  readonly #written = new Map<string, { json: string; basis: string | undefined; conditions: Condition[] }>();
  onWrite?: (kind: AIMeshKind, ok: boolean) => void;
  /** Conditions computed outside the compile (an AIQuota's BudgetAlert). */
  extraConditions?: (kind: AIMeshKind, object: KubeObject) => DesiredCondition[];

  constructor(kube: KubeApi, log: Logger, events: EventRecorder, now: () => Date = () => new Date()) {
    this.#kube = kube;
    this.#log = log;
    this.#events = events;
    this.#now = now;
  }

  async sync(
    targets: StatusTarget[],
    compiled: CompileOutput,
    rollouts: Map<string, RouteRollout>,
  ): Promise<SyncResult> {
    const now = this.#now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const live = new Set<string>();
    const work: (() => Promise<boolean>)[] = [];
    for (const { kind, object } of targets) {
      if (object.metadata.deletionTimestamp) continue;
      const uid = object.metadata.uid ?? `${kind}/${object.metadata.namespace}/${object.metadata.name}`;
      live.add(uid);
      const id = `${object.metadata.namespace}/${object.metadata.name}`;
      const extra = this.extraConditions?.(kind, object);
      const want = desiredStatus({ kind, object, compiled, rollout: rollouts.get(id), extra }, now);
      if (statusUpToDate(object, want)) {
        this.#written.delete(uid);
        continue;
      }
      const json = JSON.stringify(want);
      const last = this.#written.get(uid);
      if (last && last.json === json && last.basis === object.metadata.resourceVersion) continue;
      // Until the cache shows our last write, that write is the previous state (for Events).
      const previous =
        last && last.basis === object.metadata.resourceVersion
          ? last.conditions
          : (object.status as { conditions?: Condition[] } | undefined)?.conditions;
      const provider = kind === 'AIAccessRequest' ? providerOf(object, targets) : undefined;
      work.push(() => this.#write(kind, object, want, { uid, json, previous, provider }));
    }
    for (const uid of this.#written.keys()) if (!live.has(uid)) this.#written.delete(uid);

    let written = 0;
    let failed = 0;
    for (let i = 0; i < work.length; i += PARALLEL) {
      const results = await Promise.all(work.slice(i, i + PARALLEL).map((w) => w()));
      for (const ok of results) ok ? written++ : failed++;
    }
    return { written, failed };
  }

  async #write(
    kind: AIMeshKind,
    object: KubeObject,
    want: ReturnType<typeof desiredStatus>,
    w: { uid: string; json: string; previous: Condition[] | undefined; provider?: KubeObject },
  ): Promise<boolean> {
    const { namespace, name } = object.metadata;
    const path = `${resourcePath(RESOURCES[kind], namespace, name)}/status`;
    try {
      await this.#kube.patch(path, statusPatch(object, want), 'merge');
    } catch (err) {
      if (isNotFound(err)) return true; // deleted meanwhile; its informer event follows
      this.onWrite?.(kind, false);
      this.#log.warn({ kind, namespace, name, err: (err as Error).message }, 'status write failed');
      return false;
    }
    this.#written.set(w.uid, {
      json: w.json,
      basis: object.metadata.resourceVersion,
      conditions: want.conditions,
    });
    this.onWrite?.(kind, true);
    for (const event of statusEvents(w.previous, want.conditions, kind)) {
      await this.#events.record(kind, object, event);
      // The provider's side: its owners see who asks, and who was granted or lost access.
      if (w.provider) await this.#events.record('AIProvider', w.provider, providerSide(object, event));
    }
    return true;
  }
}

/** The AIProvider an access request names, among the status targets. */
function providerOf(request: KubeObject, targets: StatusTarget[]): KubeObject | undefined {
  const ref = (request.spec as { provider?: { name?: string; namespace?: string } } | undefined)?.provider;
  return targets.find(
    (t) =>
      t.kind === 'AIProvider' &&
      t.object.metadata.name === ref?.name &&
      t.object.metadata.namespace === ref?.namespace,
  )?.object;
}

const PROVIDER_SIDE: Record<string, string> = {
  Pending: 'AccessRequested',
  Approved: 'AccessGranted',
  Denied: 'AccessDenied',
  Revoked: 'AccessRevoked',
};

function providerSide(request: KubeObject, event: StatusEvent): StatusEvent {
  const id = `${request.metadata.namespace}/${request.metadata.name}`;
  const spec = request.spec as { reason?: string; requester?: string };
  const note =
    event.reason === 'Pending'
      ? `AIAccessRequest ${id} by ${spec.requester ?? 'unknown'} asks for this provider: ${spec.reason ?? ''}`
      : `AIAccessRequest ${id}: ${event.note}`;
  return { type: event.type, reason: PROVIDER_SIDE[event.reason] ?? event.reason, note };
}
