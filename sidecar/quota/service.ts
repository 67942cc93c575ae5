// How a sidecar reaches the quota service: one batched lease call. Two implementations, same
// client code: HTTP to the operator (in a cluster) and the ledger in process (standalone).
import type { QuotaConfig } from '../snapshot/schema.ts';
import { type LeaseAnswer, type LeaseItem, Ledger, LedgerError, type LedgerOptions } from './ledger.ts';

export type LeaseResult = LeaseAnswer | { quota: string; limit: string; error: string; code?: string };

/** Body of POST /v1/quota/lease. */
export interface LeaseRequest {
  /** Who holds the leases: stable for the life of one sidecar process. */
  holder: string;
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
  return {
    leases: request.leases.map((item) => {
      try {
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

export interface HttpQuotaServiceOptions {
  /** The operator's base URL, e.g. https://aimesh-operator.aimesh-system.svc:15443 */
  url: string;
  /** Headers for each call (the projected ServiceAccount token as a bearer). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Defaults to global fetch; inject one with the operator's CA (undici dispatcher) in a cluster. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** In a cluster: POST {url}/v1/quota/lease. */
export function httpQuotaService(opts: HttpQuotaServiceOptions): QuotaService {
  const doFetch = opts.fetch ?? fetch;
  const endpoint = new URL('/v1/quota/lease', opts.url).toString();
  return {
    async lease(request) {
      const headers = { 'content-type': 'application/json', ...((await opts.headers?.()) ?? {}) };
      const res = await doFetch(endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 2_000),
      });
      if (!res.ok) {
        const text = await res.text().catch(() => '');
        throw new Error(`quota service answered HTTP ${res.status}: ${text.slice(0, 200)}`);
      }
      return (await res.json()) as LeaseResponse;
    },
  };
}
