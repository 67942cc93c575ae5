// The connected sidecars of this replica and what each has been sent and has acknowledged. The
// reconciler publishes one snapshot per workload; the hub sends each connection its workload's
// snapshot when the version differs from what it last sent. A slow connection never queues old
// versions: while its buffer is full only the newest snapshot waits, and is sent on drain.
import type { Snapshot } from '../../sidecar/snapshot/schema.ts';
import { credentialScrubber } from '../../sidecar/snapshot/scrub.ts';
import type { Workload } from '../compile/index.ts';
import type { RouteRollout } from '../controller/status.ts';
import type { KeyedWorkload } from './workload.ts';

/** The transport side of one stream (an HTTP/2 response in production, an array in tests). */
export interface StreamSink {
  /** Returns false when the buffer is full; onDrain fires when it empties. */
  write(line: string): boolean;
  onDrain(cb: () => void): void;
  close(): void;
}

export interface Ack {
  version: string;
  ok: boolean;
  reason?: string;
}

export interface Connection extends KeyedWorkload {
  id: number;
  namespace: string;
  pod: string;
  podUid: string;
  connectedAt: number;
  sentVersion?: string;
  sentAt?: number;
  ackedVersion?: string;
  ackedAt?: number;
  nack?: { version: string; reason: string };
  /** When the change that produced the version in flight was first seen (for propagation latency). */
  changeAt?: number;
}

export interface SidecarRow {
  namespace: string;
  pod: string;
  workload?: string;
  connectedAt: string;
  /** The version this sidecar should run. */
  currentVersion: string | null;
  sentVersion: string | null;
  ackedVersion: string | null;
  synced: boolean;
  nackVersion?: string;
  nackReason?: string;
}

export interface HubHooks {
  /** A connection whose workload has no compiled snapshot yet: a compile is needed. */
  onUnknownWorkload?: () => void;
  /** An ACK of the version last sent. */
  onAck?: (conn: Connection, timing: { sentAt: number; changeAt?: number; now: number }) => void;
  onNack?: (conn: Connection, reason: string) => void;
  /** Connected, disconnected or acknowledged: the rollout counts may have changed. */
  onRolloutChange?: () => void;
}

interface Entry {
  snapshot: Snapshot;
  /** The serialized message, built once per version and shared by every connection. */
  line: string;
}

const MAX_REASON = 1024;
/** Reasons travel in the replicas' rollout reports (Lease annotations): kept short. */
const MAX_REPORTED_REASON = 512;

export class Hub {
  readonly #conns = new Map<number, { conn: Connection; sink: StreamSink; blocked: boolean }>();
  #snapshots = new Map<string, Entry>();
  #changeAt: number | undefined;
  #nextId = 1;
  readonly #hooks: HubHooks;
  readonly #now: () => number;

  constructor(hooks: HubHooks = {}, now: () => number = Date.now) {
    this.#hooks = hooks;
    this.#now = now;
  }

  get size(): number {
    return this.#conns.size;
  }

  connect(
    info: { namespace: string; pod: string; podUid: string } & KeyedWorkload,
    sink: StreamSink,
  ): Connection {
    const conn: Connection = { ...info, id: this.#nextId++, connectedAt: this.#now() };
    this.#conns.set(conn.id, { conn, sink, blocked: false });
    if (this.#snapshots.has(conn.key)) {
      conn.changeAt = this.#now();
      this.#send(conn.id);
    } else this.#hooks.onUnknownWorkload?.();
    this.#hooks.onRolloutChange?.();
    return conn;
  }

  disconnect(conn: Connection): void {
    if (this.#conns.delete(conn.id)) this.#hooks.onRolloutChange?.();
  }

  /** Ends one sidecar's stream (e.g. its pod no longer carries the injected sidecar). */
  close(conn: Connection): void {
    this.#conns.get(conn.id)?.sink.close();
    this.disconnect(conn);
  }

  /** The pod's labels changed: it may now be a different workload. */
  rekey(conn: Connection, next: KeyedWorkload): void {
    if (conn.key === next.key || !this.#conns.has(conn.id)) return;
    conn.key = next.key;
    conn.workload = next.workload;
    if (this.#snapshots.has(conn.key)) this.#send(conn.id);
    else this.#hooks.onUnknownWorkload?.();
  }

  /** Distinct workloads of the connected sidecars: what the next compile must build. */
  workloads(): Workload[] {
    const byKey = new Map<string, Workload>();
    for (const { conn } of this.#conns.values()) byKey.set(conn.key, conn.workload);
    return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, w]) => w);
  }

  connections(): Connection[] {
    return [...this.#conns.values()].map((c) => c.conn);
  }

  /** The snapshot for a workload key, from the last publish. */
  snapshotFor(key: string): Snapshot | undefined {
    return this.#snapshots.get(key)?.snapshot;
  }

  /**
   * Installs the newest snapshot of every workload and sends the ones that changed. Keys missing
   * from the map keep their previous snapshot (a connection that arrived during the compile).
   */
  publish(snapshots: Map<string, Snapshot>, changeAt?: number): void {
    const next = new Map(this.#snapshots);
    for (const [key, snapshot] of snapshots) {
      const old = next.get(key);
      if (old?.snapshot.version === snapshot.version) continue;
      next.set(key, { snapshot, line: `${JSON.stringify({ version: snapshot.version, snapshot })}\n` });
    }
    // Forget workloads nobody is connected as any more.
    const live = new Set([...this.#conns.values()].map((c) => c.conn.key));
    for (const key of next.keys()) if (!live.has(key) && !snapshots.has(key)) next.delete(key);
    this.#snapshots = next;
    this.#changeAt = changeAt;
    for (const [id, { conn }] of this.#conns) {
      const want = next.get(conn.key);
      if (!want) this.#hooks.onUnknownWorkload?.();
      else if (want.snapshot.version !== conn.sentVersion) {
        conn.changeAt = changeAt ?? this.#now();
        this.#send(id);
      }
    }
  }

  ack(conn: Connection, ack: Ack): void {
    if (!this.#conns.has(conn.id)) return;
    const now = this.#now();
    if (ack.ok) {
      conn.ackedVersion = ack.version;
      conn.ackedAt = now;
      if (conn.nack?.version === ack.version) conn.nack = undefined;
      if (ack.version === conn.sentVersion && conn.sentAt !== undefined)
        this.#hooks.onAck?.(conn, { sentAt: conn.sentAt, changeAt: conn.changeAt, now });
    } else {
      // The reason goes to logs, spans, /debug/sidecars and status: never with a credential of
      // the snapshot the sidecar refused.
      const refused = this.#snapshots.get(conn.key)?.snapshot;
      const scrub = credentialScrubber(refused?.version === ack.version ? refused.providers : []);
      const reason = scrub(ack.reason || 'no reason given').slice(0, MAX_REASON);
      conn.nack = { version: ack.version, reason };
      this.#hooks.onNack?.(conn, reason);
    }
    this.#hooks.onRolloutChange?.();
  }

  /** For /debug/sidecars. */
  rows(): SidecarRow[] {
    return this.connections()
      .map((c): SidecarRow => {
        const current = this.#snapshots.get(c.key)?.snapshot.version ?? null;
        return {
          namespace: c.namespace,
          pod: c.pod,
          ...(c.workload.name ? { workload: c.workload.name } : {}),
          connectedAt: new Date(c.connectedAt).toISOString(),
          currentVersion: current,
          sentVersion: c.sentVersion ?? null,
          ackedVersion: c.ackedVersion ?? null,
          synced: current !== null && c.ackedVersion === current,
          ...(c.nack ? { nackVersion: c.nack.version, nackReason: c.nack.reason } : {}),
        };
      })
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.pod.localeCompare(b.pod));
  }

  /**
   * Per route id: how many connected sidecars it applies to, how many run the current version,
   * and how many refused it (with one of their reasons).
   */
  rollout(): RolloutReport {
    const out: RolloutReport = {};
    for (const { conn } of this.#conns.values()) {
      const entry = this.#snapshots.get(conn.key);
      if (!entry) continue;
      const current = conn.ackedVersion === entry.snapshot.version;
      const refused =
        conn.nack?.version === entry.snapshot.version
          ? conn.nack.reason.slice(0, MAX_REPORTED_REASON)
          : undefined;
      for (const route of entry.snapshot.routes) {
        const r = out[route.id] ?? { connected: 0, current: 0, versions: {} };
        out[route.id] = r;
        r.connected++;
        if (current) r.current++;
        r.versions[entry.snapshot.version] = (r.versions[entry.snapshot.version] ?? 0) + 1;
        if (refused !== undefined) {
          r.nacked = (r.nacked ?? 0) + 1;
          // The smallest reason: the same one whichever replica or order reports it.
          if (r.nackReason === undefined || refused < r.nackReason) r.nackReason = refused;
        }
      }
    }
    return out;
  }

  closeAll(): void {
    for (const { sink } of this.#conns.values()) sink.close();
    this.#conns.clear();
  }

  #send(id: number): void {
    const slot = this.#conns.get(id);
    if (!slot || slot.blocked) return;
    const { conn, sink } = slot;
    const want = this.#snapshots.get(conn.key);
    if (!want || want.snapshot.version === conn.sentVersion) return;
    conn.sentVersion = want.snapshot.version;
    conn.sentAt = this.#now();
    conn.changeAt ??= this.#changeAt ?? conn.sentAt;
    if (!sink.write(want.line)) {
      slot.blocked = true;
      sink.onDrain(() => {
        slot.blocked = false;
        this.#send(id);
      });
    }
  }
}

/** Route id -> counts (and how many sidecars should run each snapshot version). */
export type RolloutReport = Record<
  string,
  {
    connected: number;
    current: number;
    versions: Record<string, number>;
    /** Sidecars that refused (NACKed) the version they should run, and one of their reasons. */
    nacked?: number;
    nackReason?: string;
  }
>;

/** Sums reports (this replica's and the others') into one rollout per route. */
export function sumRollouts(reports: RolloutReport[]): Map<string, RouteRollout> {
  type Sum = {
    connected: number;
    current: number;
    versions: Map<string, number>;
    nacked: number;
    reason?: string;
  };
  const sum = new Map<string, Sum>();
  for (const report of reports) {
    for (const [id, r] of Object.entries(report)) {
      const s: Sum = sum.get(id) ?? { connected: 0, current: 0, versions: new Map(), nacked: 0 };
      s.connected += r.connected;
      s.current += r.current;
      for (const [v, n] of Object.entries(r.versions)) s.versions.set(v, (s.versions.get(v) ?? 0) + n);
      s.nacked += r.nacked ?? 0;
      if (r.nackReason !== undefined && (s.reason === undefined || r.nackReason < s.reason))
        s.reason = r.nackReason;
      sum.set(id, s);
    }
  }
  const out = new Map<string, RouteRollout>();
  for (const [id, s] of sum) {
    const top = [...s.versions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    out.set(id, {
      connected: s.connected,
      current: s.current,
      ...(top ? { version: top[0] } : {}),
      ...(s.nacked > 0 ? { nacked: s.nacked, nackReason: s.reason ?? 'no reason given' } : {}),
    });
  }
  return out;
}
