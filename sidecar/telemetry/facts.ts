// What the policy steps (quota, guards, cache, cost) learnt about a call, read in one place for
// spans, metrics and the audit line. The steps own these Call fields; this module only reads
// them, tolerating steps that are absent from a build (the fields are then undefined).
import type { Call } from '../pipeline/call.ts';

export interface QuotaFacts {
  /** admit | deny | shadow-deny | fail-open | fail-closed ... as the quota step decided. */
  decision: string;
  /** Limits that denied the call (Enforce). */
  denied: { quota: string; limit: string }[];
  /** Limits that would have denied it (Shadow). */
  shadowDenied: { quota: string; limit: string }[];
}

export interface GuardFact {
  /** promptInjection, pii, denyPatterns, maxPromptTokens ... */
  guard: string;
  /** block | mask | log */
  action: string;
  /** request | response */
  phase: string;
}

export interface CallFacts {
  quota?: QuotaFacts;
  guards: GuardFact[];
  /** undefined: no cache on this route (or the call never reached it). */
  cacheHit?: boolean;
  costUSD?: number;
  /** The model the upstream said it used (streams: read from the chunks by telemetry). */
  responseModel?: string;
}

type Loose = Record<string, any>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function quotaFacts(c: Loose): QuotaFacts | undefined {
  const q = c.quota;
  if (!q || typeof q !== 'object') return undefined;
  const decision = str(q.decision);
  if (!decision) return undefined;
  const pair = (x: Loose | undefined) =>
    x && str(x.quota) && str(x.limit) ? [{ quota: x.quota as string, limit: x.limit as string }] : [];
  return {
    decision,
    denied: decision === 'deny' ? pair(q.denial) : [],
    shadowDenied: Array.isArray(q.shadowDenied) ? q.shadowDenied.flatMap(pair) : [],
  };
}

function guardFacts(c: Loose): GuardFact[] {
  const list = c.guardActions ?? c.guards;
  if (!Array.isArray(list)) return [];
  const out: GuardFact[] = [];
  for (const g of list) {
    const guard = str(g?.guard) ?? str(g?.name) ?? str(g?.type);
    const action = str(g?.action);
    if (guard && action) out.push({ guard, action, phase: str(g?.phase) ?? 'request' });
  }
  return out;
}

function cacheHit(c: Loose): boolean | undefined {
  if (typeof c.cacheHit === 'boolean') return c.cacheHit;
  const cache = c.cache;
  if (cache && typeof cache === 'object') {
    if (typeof cache.hit === 'boolean') return cache.hit;
    if (cache.status === 'hit' || cache.result === 'hit') return true;
    if (cache.status === 'miss' || cache.result === 'miss') return false;
  }
  return undefined;
}

function cost(c: Loose): number | undefined {
  const v = c.costUSD ?? c.costUsd ?? c.cost;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function callFacts(call: Call, responseModel?: string): CallFacts {
  const c = call as unknown as Loose;
  return {
    quota: quotaFacts(c),
    guards: guardFacts(c),
    cacheHit: cacheHit(c),
    costUSD: cost(c),
    responseModel: call.modelResponse ?? responseModel,
  };
}

/** The guard actions as one span attribute value: "pii:mask,promptInjection:block". */
export function guardActionsValue(guards: readonly GuardFact[]): string | undefined {
  if (guards.length === 0) return undefined;
  return guards.map((g) => `${g.guard}:${g.action}`).join(',');
}
