// What the policy steps (quota, guards, prompt, cache, cost) learnt about a call, read in one
// place for spans, metrics and the audit line. The steps own these Call fields; this module only
// reads them (a step absent from a build leaves its fields undefined).
import type { Call } from '../pipeline/call.ts';

export interface QuotaFacts {
  /** admit | deny | shadow-deny | fail-open, as the quota step decided. */
  decision: string;
  /** Limits that denied the call (Enforce). */
  denied: { quota: string; limit: string }[];
  /** Limits that would have denied it (Shadow). */
  shadowDenied: { quota: string; limit: string }[];
}

export interface GuardFact {
  /** pii, promptInjection, denyPatterns, maxPromptTokens ... */
  guard: string;
  /** block | mask | log */
  action: string;
  /** request | response */
  phase: string;
}

export interface CallFacts {
  quota?: QuotaFacts;
  guards: GuardFact[];
  /** hit | miss | bypass; undefined: the rule does not cache (or the call never got there). */
  cache?: string;
  /** undefined unless the cache was looked up. */
  cacheHit?: boolean;
  costUSD?: number;
  /** The managed prompt applied, when the rule has one. */
  prompt?: { name: string; version: string };
  /** The model the upstream said it used (streams: read from the chunks by telemetry). */
  responseModel?: string;
}

export function callFacts(call: Call, responseModel?: string): CallFacts {
  const q = call.quota;
  const decision = q?.decision ?? call.quotaDecision;
  return {
    quota: decision
      ? {
          decision,
          denied: decision === 'deny' && q?.denial ? [q.denial] : [],
          shadowDenied: q?.shadowDenied ?? [],
        }
      : undefined,
    guards: call.guardActions ?? [],
    cache: call.cache?.status,
    cacheHit: call.cache && call.cache.status !== 'bypass' ? call.cache.hit : undefined,
    costUSD: call.costUSD,
    prompt: call.prompt,
    responseModel: call.modelResponse ?? responseModel,
  };
}

/** The guard actions as one span attribute value: "pii:mask,promptInjection:block". */
export function guardActionsValue(guards: readonly GuardFact[]): string | undefined {
  if (guards.length === 0) return undefined;
  return guards.map((g) => `${g.guard}:${g.action}`).join(',');
}
