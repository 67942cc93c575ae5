// The quota service: authoritative counters of every AIQuota limit, leased to sidecars. It runs on
// the elected leader only (a LeaderTask); the ledger arithmetic is sidecar/quota/ledger.ts, the
// same code a standalone sidecar runs in process.
//
// HTTP: POST /v1/quota/lease, bearer = the sidecar's projected ServiceAccount token.
//   body     {"holder": "<pod uid>", "leases": [{quota, limit, want, used, window?, held?, release?,
//                                               need?, reserved?, giveBack?, seq?, incarnation?}]}
//            (a single {quota, limit, want, used, ...} is accepted too)
//   200      {"leases": [{quota, limit, granted, balance, used, amount, unallocated, holders,
//                         resetsAt, expiresAt} | {quota, limit, error, code}]}
//   401      no or bad token; 403 a quota of another namespace; 400 a malformed body;
//   503      no leader right now (retry-after): a follower relays the call to the leader
//            (quota/forward.ts), so a sidecar meets this only while leadership is vacant.
// Persistence: dirty counters are flushed every flushMs (2 s) through persist(), which the operator
// wires to a merge patch of AIQuota.status.limits; restore() continues them after a restart (or a
// new leader), so at most one flush interval of spend is lost.
import type { IncomingHttpHeaders } from 'node:http';
import type { AIQuotaSpec } from '../../crds/aiquota.ts';
import { validate } from '../../crds/validate.ts';
import { Ledger, type LedgerOptions, type StatusLimit } from '../../sidecar/quota/ledger.ts';
import { answerBatch, type LeaseRequest } from '../../sidecar/quota/service.ts';
import type { QuotaConfig } from '../../sidecar/snapshot/schema.ts';
import { compileQuota, type QuotaEntry } from '../compile/quotas.ts';
import type { Logger } from '../log.ts';

export type { StatusLimit } from '../../sidecar/quota/ledger.ts';
export { QUOTA_LEASE_PATH } from '../../sidecar/quota/service.ts';

/**
 * Who called: the namespace its token belongs to, a stable holder id (the pod uid) if known, and
 * what quota selectors match on: the pod's labels and ServiceAccount (from the verified token and
 * the pod it is bound to). Absent labels: the pod could not be looked up.
 */
export interface QuotaCaller {
  namespace: string;
  holder?: string;
  serviceAccount?: string;
  labels?: Record<string, string>;
  pod?: string;
}

export interface QuotaServiceOptions {
  /** Checks the caller's credentials (TokenReview); undefined: not authenticated (401). */
  authenticate(req: { headers: IncomingHttpHeaders }): Promise<QuotaCaller | undefined>;
  /**
   * Writes AIQuota.status.limits of "namespace/name" and status.usage (usageSummary) with them (a
   * merge patch of the status subresource).
   */
  persist(quotaId: string, limits: StatusLimit[]): Promise<void>;
  flushMs?: number;
  log?: Logger;
  ledger?: LedgerOptions;
  /** Largest request body accepted. */
  maxBodyBytes?: number;
  /** The AIQuota objects now (the informer cache): read on start to restore from the latest status. */
  objects?: () => readonly QuotaObject[];
  /** After each tick of the counters, before changed quotas are persisted (budget alerts). */
  onTick?: () => void;
}

/** An AIQuota as the informer holds it. */
export interface QuotaObject {
  metadata: { namespace?: string; name?: string };
  spec?: unknown;
  status?: { limits?: Partial<StatusLimit>[] } | Record<string, unknown>;
}

/** A number as the usage summary shows it: at most 4 decimals (USD), no float noise. */
const shown = (n: number): string => String(Number(n.toFixed(4)));

/**
 * Every limit's use in one line, "tpm=1200/100000,daily-usd=0.42/50": AIQuota status.usage, the
 * USAGE column of `kubectl get aiquota` (a printer column shows one value, not a list; no spaces,
 * like kubectl's own "80/TCP,443/TCP", so the table stays one word per column for scripts).
 */
export function usageSummary(limits: readonly StatusLimit[]): string {
  return limits.map((l) => `${l.name}=${shown(l.used)}/${shown(l.limit)}`).join(',');
}

/**
 * Is the stored usage line not what the counters say? A new quota (no status yet), a limit added,
 * renamed or resized, a status from before the line existed: such a quota is written at the next
 * flush, zeros included, so `kubectl get aiquota` shows 0 from creation rather than <none>.
 * Spending marks a quota dirty anyway; only the quota service writes the line.
 */
function usageStale(status: QuotaObject['status'], limits: readonly StatusLimit[]): boolean {
  return (status as { usage?: unknown } | undefined)?.usage !== usageSummary(limits);
}

/** One quota in /debug/quotas. */
export interface QuotaDebug {
  quota: string;
  limits: (StatusLimit & {
    /** Granted to holders and not yet reported spent. */
    outstanding: number;
    /** Leases of holders that vanished or restarted: counted as spent for the window. */
    lost: number;
    unallocated: number;
    holders: { id: string; outstanding: number }[];
  })[];
}

/** One partitioned limit in `aimesh-operator usage`. */
export interface QuotaUsage {
  quota: string;
  limit: string;
  window: string;
  /** Per key. */
  amount: number;
  resetsAt: string;
  /** Sum over keys. */
  used: number;
  keyCount: number;
  keys: { key: string; used: number }[];
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export class QuotaService {
  readonly name = 'quota-service';
  readonly ledger: Ledger;
  readonly #o: QuotaServiceOptions;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #flushing: Promise<void> | undefined;
  /** Quotas restored from status in this term (a new term restores again). */
  readonly #restored = new Set<string>();
  #objects: readonly QuotaObject[] = [];
  /** Each quota's selector: a lease is granted only to pods it selects. */
  #selectors = new Map<string, QuotaEntry['selector']>();

  constructor(opts: QuotaServiceOptions) {
    this.#o = opts;
    this.ledger = new Ledger(opts.ledger);
  }

  get running(): boolean {
    return this.#running;
  }

  /** The quotas in force (every AIQuota of the cluster, compiled). */
  configure(quotas: readonly QuotaConfig[]): void {
    this.ledger.configure(quotas);
  }

  /** Continues a quota's counters from its status (AIQuota.status.limits). */
  restore(quotaId: string, limits: readonly Partial<StatusLimit>[]): void {
    this.ledger.restore(quotaId, limits);
  }

  /**
   * Feeds the service from the AIQuota informer: compiles every valid spec, and restores counters
   * from status for quotas it has not seen in this term. Call on start and on every AIQuota change.
   */
  sync(objects: readonly QuotaObject[]): void {
    this.#objects = objects;
    const configs: QuotaConfig[] = [];
    const selectors = new Map<string, QuotaEntry['selector']>();
    for (const o of objects) {
      const { namespace, name } = o.metadata;
      if (!namespace || !name) continue;
      const v = validate<AIQuotaSpec>({
        apiVersion: 'aimesh.io/v1alpha1',
        kind: 'AIQuota',
        metadata: { name, namespace },
        spec: o.spec,
      });
      if (!v.ok) continue; // the reconciler reports it in status conditions
      const entry = compileQuota(namespace, name, v.spec);
      configs.push(entry.config);
      selectors.set(entry.config.id, entry.selector);
    }
    this.#selectors = selectors;
    this.configure(configs);
    if (!this.#running) return;
    for (const o of objects) {
      const id = `${o.metadata.namespace}/${o.metadata.name}`;
      if (!this.ledger.has(id)) continue;
      if (!this.#restored.has(id)) {
        this.#restored.add(id);
        const limits = (o.status as { limits?: Partial<StatusLimit>[] } | undefined)?.limits;
        if (Array.isArray(limits)) this.restore(id, limits);
      }
      if (usageStale(o.status, this.ledger.status(id))) this.ledger.markDirty([id]);
    }
  }

  /** LeaderTask: begin serving leases and flushing (restores from the last known objects). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#restored.clear();
    // Another replica may have led meanwhile: holders learn of the new term and carry their spend.
    this.ledger.newTerm();
    this.sync(this.#o.objects?.() ?? this.#objects);
    this.#timer = setInterval(() => void this.flush(), this.#o.flushMs ?? 2_000);
    this.#timer.unref();
    this.#o.log?.info('quota service started');
  }

  /** LeaderTask: stop serving; the last counters are flushed. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    clearInterval(this.#timer);
    await this.flush();
    this.#o.log?.info('quota service stopped');
  }

  /** Writes every changed quota's status; a failed write is retried on the next flush. */
  flush(): Promise<void> {
    if (this.#flushing) return this.#flushing;
    this.#flushing = (async () => {
      this.ledger.tick();
      this.#o.onTick?.();
      const ids = this.ledger.takeDirty();
      const failed: string[] = [];
      await Promise.all(
        ids.map(async (id) => {
          try {
            await this.#o.persist(id, this.ledger.status(id));
          } catch (err) {
            failed.push(id);
            this.#o.log?.warn(
              { quota: id, err: (err as Error).message },
              'quota status write failed; retrying',
            );
          }
        }),
      );
      this.ledger.markDirty(failed);
    })().finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  /**
   * Lease state per quota and limit, for /debug/quotas: the counters as AIQuota.status shows them
   * plus what is granted but not yet reported spent, and by whom (holder = namespace/pod uid).
   */
  inspect(): QuotaDebug[] {
    const byQuota = new Map<string, QuotaDebug>();
    for (const row of this.ledger.inspect()) {
      const outstanding = row.holders.reduce((sum, h) => sum + h.outstanding, 0);
      const q = byQuota.get(row.quota) ?? { quota: row.quota, limits: [] };
      byQuota.set(row.quota, q);
      q.limits.push({
        name: row.limit,
        used: row.used,
        limit: row.amount,
        resetsAt: row.resetsAt,
        outstanding,
        lost: row.lost,
        unallocated: Math.max(0, row.amount - row.used - row.lost - outstanding),
        holders: row.holders,
      });
    }
    return [...byQuota.values()].sort((a, b) => a.quota.localeCompare(b.quota));
  }

  /**
   * Spend per key of partitioned limits (`aimesh-operator usage`), largest first, at most `top`
   * keys per limit; `keys` counts them all.
   */
  usage(filter: { namespace?: string; quota?: string; top?: number } = {}): QuotaUsage[] {
    const out: QuotaUsage[] = [];
    for (const id of this.ledger.quotaIds().sort()) {
      const [namespace, name] = id.split('/') as [string, string];
      if (filter.namespace && filter.namespace !== namespace) continue;
      if (filter.quota && filter.quota !== name) continue;
      const counts = new Map(this.ledger.status(id).map((s) => [s.name, s]));
      for (const u of this.ledger.usage(id, filter.top ?? 100)) {
        const s = counts.get(u.limit);
        out.push({ quota: id, ...u, used: s?.used ?? 0, keyCount: s?.keys ?? u.keys.length });
      }
    }
    return out;
  }

  /** The whole exchange, transport aside (HTTP/1.1 handler and HTTP/2 stream handler share it). */
  async answer(method: string | undefined, headers: IncomingHttpHeaders, body: Buffer): Promise<HttpAnswer> {
    if (method !== 'POST') return error(405, 'use POST');
    if (!this.#running)
      return error(503, 'this operator replica does not run the quota service right now', {
        'retry-after': '1',
      });
    const caller = await this.#o.authenticate({ headers });
    if (!caller) return error(401, 'a valid ServiceAccount token (audience aimesh) is required');
    let parsed: any;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return error(400, 'the body is not valid JSON');
    }
    const request = toLeaseRequest(parsed, caller);
    if (typeof request === 'string') return error(400, request);
    for (const item of request.leases) {
      const ns = item.quota.split('/')[0];
      if (ns !== caller.namespace)
        return error(403, `a sidecar of namespace ${caller.namespace} may not lease quota ${item.quota}`);
    }
    // A quota whose selector does not match the calling pod is refused item by item (a NACK with
    // the reason); the others in the batch are answered.
    const refused = new Map<number, string>();
    request.leases.forEach((item, i) => {
      const why = this.#refusal(item.quota, caller);
      if (why) refused.set(i, why);
    });
    if (refused.size === 0) return { status: 200, body: answerBatch(this.ledger, request) };
    const allowed = request.leases.filter((_, i) => !refused.has(i));
    const answers = allowed.length ? answerBatch(this.ledger, { ...request, leases: allowed }).leases : [];
    let next = 0;
    const leases = request.leases.map((item, i) => {
      const why = refused.get(i);
      return why ? { quota: item.quota, limit: item.limit, error: why, code: 'forbidden' } : answers[next++];
    });
    return { status: 200, body: { leases } };
  }

  #refusal(quotaId: string, caller: QuotaCaller): string | undefined {
    if (!this.#selectors.has(quotaId)) return undefined; // unknown quota: the ledger answers not_found
    return selectorRefusal(quotaId, this.#selectors.get(quotaId), caller);
  }

  /** node:http / node:https / http2 compat handler for POST /v1/quota/lease. */
  handle(
    req: { method?: string; headers: IncomingHttpHeaders } & AsyncIterable<Buffer | string>,
    res: { writeHead(status: number, headers: Record<string, string>): unknown; end(body: string): unknown },
  ): Promise<void> {
    return this.#serve(req.method, req.headers, req, (a) => {
      res.writeHead(a.status, answerHeaders(a));
      res.end(JSON.stringify(a.body));
    });
  }

  /** For an HTTP/2 server's 'stream' event (the operator's push server on port 15010). */
  handleStream(
    stream: AsyncIterable<Buffer | string> & {
      respond(headers: Record<string, string | number>): void;
      end(body: string): void;
      destroyed: boolean;
    },
    headers: IncomingHttpHeaders & { ':method'?: string },
  ): Promise<void> {
    return this.#serve(headers[':method'], headers, stream, (a) => {
      if (stream.destroyed) return;
      stream.respond({ ':status': a.status, ...answerHeaders(a) });
      stream.end(JSON.stringify(a.body));
    });
  }

  async #serve(
    method: string | undefined,
    headers: IncomingHttpHeaders,
    body: AsyncIterable<Buffer | string>,
    send: (a: HttpAnswer) => void,
  ): Promise<void> {
    let a: HttpAnswer;
    try {
      const bytes = await readBody(body, this.#o.maxBodyBytes ?? 4 << 20);
      a =
        bytes === undefined ? error(413, 'the body is too large') : await this.answer(method, headers, bytes);
    } catch (err) {
      this.#o.log?.error({ err: (err as Error).message }, 'quota lease failed');
      a = error(500, 'internal error');
    }
    send(a);
  }
}

/** Why the caller may not lease this quota, or undefined when its selector matches the pod. */
function selectorRefusal(
  quotaId: string,
  sel: QuotaEntry['selector'],
  caller: QuotaCaller,
): string | undefined {
  const labels = Object.entries(sel?.matchLabels ?? {});
  const accounts = sel?.serviceAccounts;
  if (labels.length === 0 && !accounts?.length) return undefined;
  const who = caller.pod ? `pod ${caller.namespace}/${caller.pod}` : 'the calling pod';
  if (accounts?.length && !accounts.includes(caller.serviceAccount ?? '')) {
    return `quota ${quotaId} selects ServiceAccounts ${accounts.join(', ')}; ${who} runs as ${caller.serviceAccount ?? 'an unknown ServiceAccount'}`;
  }
  if (labels.length === 0) return undefined;
  if (!caller.labels) return `quota ${quotaId} selects pods by label and the labels of ${who} are unknown`;
  const missing = labels.filter(([k, v]) => caller.labels![k] !== v).map(([k, v]) => `${k}=${v}`);
  return missing.length
    ? `quota ${quotaId} selects pods labelled ${missing.join(', ')}; ${who} is not`
    : undefined;
}

function answerHeaders(a: HttpAnswer): Record<string, string> {
  return { 'content-type': 'application/json', 'cache-control': 'no-store', ...a.headers };
}

function error(status: number, message: string, headers?: Record<string, string>): HttpAnswer {
  return { status, body: { error: { message, code: status } }, headers };
}

async function readBody(req: AsyncIterable<Buffer | string>, max: number): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > max) return undefined;
    parts.push(b);
  }
  return Buffer.concat(parts);
}

/** Items per lease call: a sidecar batches many keys (partitioned limits) into one round trip. */
export const MAX_ITEMS = 4096;

const isCount = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** Validates the body; a string is the reason it is refused. */
export function toLeaseRequest(body: any, caller: QuotaCaller): LeaseRequest | string {
  if (!body || typeof body !== 'object') return 'the body must be a JSON object';
  const rawItems: any[] = Array.isArray(body.leases) ? body.leases : [body];
  if (rawItems.length === 0 || rawItems.length > MAX_ITEMS) return `leases must hold 1 to ${MAX_ITEMS} items`;
  const holder = caller.holder ?? body.holder;
  if (typeof holder !== 'string' || holder === '' || holder.length > 256) return 'holder is required';
  const leases = [];
  for (const it of rawItems) {
    if (!it || typeof it.quota !== 'string' || !it.quota.includes('/') || typeof it.limit !== 'string')
      return 'each lease needs quota ("namespace/name") and limit';
    const want = it.want ?? 0;
    const used = it.used ?? 0;
    if (!isCount(want) || !isCount(used)) return 'want and used must be numbers >= 0';
    if (it.held !== undefined && !isCount(it.held)) return 'held must be a number >= 0';
    if (it.window !== undefined && !isCount(it.window)) return 'window must be a time in ms';
    if (it.need !== undefined && !isCount(it.need)) return 'need must be a number >= 0';
    if (it.reserved !== undefined && !isCount(it.reserved)) return 'reserved must be a number >= 0';
    if (it.giveBack !== undefined && !isCount(it.giveBack)) return 'giveBack must be a number >= 0';
    if (it.carry !== undefined && !isCount(it.carry)) return 'carry must be a number >= 0';
    if (it.acked !== undefined && !isCount(it.acked)) return 'acked must be a number >= 0';
    if (it.key !== undefined && (typeof it.key !== 'string' || it.key === '' || it.key.length > 256))
      return 'key must be a string of 1 to 256 characters';
    if (it.seq !== undefined && !isCount(it.seq)) return 'seq must be a number >= 0';
    if (it.incarnation !== undefined && (typeof it.incarnation !== 'string' || it.incarnation.length > 64))
      return 'incarnation must be a string of at most 64 characters';
    leases.push({
      quota: it.quota,
      limit: it.limit,
      want,
      used,
      ...(it.window !== undefined ? { window: it.window } : {}),
      ...(it.held !== undefined ? { held: it.held } : {}),
      ...(it.release === true ? { release: true } : {}),
      ...(it.need !== undefined ? { need: it.need } : {}),
      ...(it.reserved !== undefined ? { reserved: it.reserved } : {}),
      ...(it.giveBack !== undefined ? { giveBack: it.giveBack } : {}),
      ...(it.key !== undefined ? { key: it.key } : {}),
      ...(it.carry !== undefined ? { carry: it.carry } : {}),
      ...(it.acked !== undefined ? { acked: it.acked } : {}),
      ...(it.seq !== undefined ? { seq: it.seq } : {}),
      ...(it.incarnation !== undefined ? { incarnation: it.incarnation } : {}),
    });
  }
  // Holders are per namespace: two namespaces can never collide on an id.
  const term = typeof body.term === 'string' && body.term.length <= 64 ? body.term : undefined;
  return { holder: `${caller.namespace}/${holder}`, ...(term ? { term } : {}), leases };
}
