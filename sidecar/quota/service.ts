// How a sidecar reaches the quota service: one batched lease call. Two implementations, same
// client code: HTTP to the operator (in a cluster) and the ledger in process (standalone).
import { type ClientHttp2Session, connect } from 'node:http2';
import type { QuotaConfig } from '../snapshot/schema.ts';
import { type LeaseAnswer, type LeaseItem, Ledger, LedgerError, type LedgerOptions } from './ledger.ts';

export const QUOTA_LEASE_PATH = '/v1/quota/lease';

export type LeaseResult = LeaseAnswer | { quota: string; limit: string; error: string; code?: string };

/** Body of POST /v1/quota/lease. */
export interface LeaseRequest {
  /** Who holds the leases: stable for the life of one sidecar process. */
  holder: string;
  /** The service term the holder last heard from; an older one makes each item's acked its carry. */
  term?: string;
  leases: LeaseItem[];
}

export interface LeaseResponse {
  leases: LeaseResult[];
}

export interface QuotaService {
  /** Rejects when the service cannot be reached (the client then applies failurePolicy). */
  lease(request: LeaseRequest): Promise<LeaseResponse>;
  /** Only the in-process service needs the config; the operator learns it from the API. */
  configure?(quotas: readonly QuotaConfig[]): void;
}

/** Answers one batch from a ledger; shared by the in-process service and the operator's handler. */
export function answerBatch(ledger: Ledger, request: LeaseRequest): LeaseResponse {
  // The holder has not heard of this term (leader change): what it reported before is carried now,
  // in the same call as its first report, before anything is granted on a counter that lacks it.
  const stale = request.term !== undefined && request.term !== ledger.term;
  return {
    leases: request.leases.map((item) => {
      try {
        if (stale && (item.acked ?? 0) > 0) item = { ...item, carry: Math.max(item.carry ?? 0, item.acked!) };
        return ledger.lease(request.holder, item);
      } catch (err) {
        if (!(err instanceof LedgerError)) throw err;
        return { quota: item.quota, limit: item.limit, error: err.message, code: err.code };
      }
    }),
  };
}

/** Standalone mode: the quota service runs inside the sidecar (no HTTP, no persistence). */
export function localQuotaService(opts: LedgerOptions = {}): QuotaService & { ledger: Ledger } {
  const ledger = new Ledger(opts);
  return {
    ledger,
    configure: (quotas) => ledger.configure(quotas),
    lease: async (request) => answerBatch(ledger, request),
  };
}

export interface OperatorQuotaServiceOptions {
  /** The operator's push URL (the quota service shares its HTTP/2 port), e.g. https://aimesh-operator.aimesh-system.svc:15010 */
  url: string;
  /** The bearer token, read for every call (projected tokens rotate). */
  token?: () => string;
  /** PEM bundle to trust for the operator; default the system CAs. */
  ca?: string;
  timeoutMs?: number;
}

/**
 * In a cluster: POST {url}/v1/quota/lease over one reused HTTP/2 session (the operator serves
 * HTTP/2 only). Any failure drops the session, so the next call reconnects. Any replica answers
 * (followers relay to the leader); a 503 means no replica leads right now, and is retried at once
 * on a new connection a few times before failurePolicy applies.
 */
export function operatorQuotaService(opts: OperatorQuotaServiceOptions): QuotaService & { close(): void } {
  const origin = new URL(opts.url).origin;
  let session: ClientHttp2Session | undefined;
  const drop = () => {
    session?.destroy();
    session = undefined;
  };
  const connected = (): ClientHttp2Session => {
    if (session && !session.closed && !session.destroyed) return session;
    const s = connect(origin, opts.ca ? { ca: opts.ca } : {});
    s.on('error', () => {}); // surfaced through the request
    s.on('close', () => {
      if (session === s) session = undefined;
    });
    s.unref();
    session = s;
    return s;
  };

  const once = (body: Buffer): Promise<LeaseResponse> =>
    new Promise<LeaseResponse>((resolve, reject) => {
      let s: ClientHttp2Session;
      try {
        s = connected();
      } catch (err) {
        return reject(err);
      }
      const headers: Record<string, string | number> = {
        ':method': 'POST',
        ':path': QUOTA_LEASE_PATH,
        'content-type': 'application/json',
        'content-length': body.length,
      };
      const token = opts.token?.();
      if (token) headers.authorization = `Bearer ${token}`;
      const req = s.request(headers);
      const fail = (err: Error) => {
        drop();
        reject(err);
      };
      req.setTimeout(opts.timeoutMs ?? 2_000, () => {
        req.close();
        fail(new Error('quota service did not answer in time'));
      });
      let status = 0;
      const parts: Buffer[] = [];
      req.on('response', (h) => {
        status = Number(h[':status']);
      });
      req.on('data', (d: Buffer) => parts.push(d));
      req.on('error', fail);
      req.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        if (status === 503)
          return fail(new NotLeader(`quota service answered HTTP 503: ${text.slice(0, 200)}`));
        if (status !== 200)
          return fail(new Error(`quota service answered HTTP ${status}: ${text.slice(0, 200)}`));
        try {
          resolve(JSON.parse(text) as LeaseResponse);
        } catch {
          fail(new Error('quota service answered invalid JSON'));
        }
      });
      req.end(body);
    });

  return {
    close: drop,
    async lease(request) {
      const body = Buffer.from(JSON.stringify(request));
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(body);
        } catch (err) {
          if (!(err instanceof NotLeader) || attempt >= 4) throw err;
        }
      }
    },
  };
}

class NotLeader extends Error {}
