// The audit line: exactly one structured log line per call ("msg":"call"), written when the call
// is over (streams included). It says who called what, where it went, what it cost and what
// policy decided; it never holds prompt or completion text, headers or credentials: every field
// is picked here from names, numbers and decisions.
// The line goes through its own child logger whose redact list holds top-level paths only: pino's
// wildcard paths (the main logger's defence in depth, sidecar/log.ts) cost ~7 µs each per line,
// ~70 µs a call with that list, while this flat record needs no wildcard to be covered.
import type { Logger } from '../log.ts';
import type { Call } from '../pipeline/call.ts';
import type { CallFacts } from './facts.ts';

export interface AuditRecord {
  namespace: string;
  workload?: string;
  route?: string;
  rule?: string;
  operation: string;
  dialect: string;
  stream: boolean;
  provider?: string;
  /** Where the serving provider processes data (AIProvider spec.dataResidency): "EU" or "EU:eu-west-1,eu-central-1". */
  dataResidency?: string;
  modelRequested?: string;
  modelServed?: string;
  modelResponse?: string;
  tokensIn?: number;
  tokensOut?: number;
  costUSD?: number;
  quota?: string;
  /** e.g. ["pii:mask", "promptInjection:log"] */
  guards?: string[];
  /** hit | miss | bypass */
  cache?: string;
  /** The managed prompt applied: "name@version". */
  prompt?: string;
  status: number;
  error?: string;
  latencyMs: number;
  ttfbMs?: number;
  /** Count, or the list (provider, model, outcome) when the call failed or took more than one. */
  attempts:
    | number
    | {
        provider: string;
        model: string;
        fallback: number;
        retry: number;
        status?: number;
        failure?: string;
        error?: string;
        ms?: number;
      }[];
  traceId?: string;
  snapshot: string;
}

function residencyOf(call: Call): string | undefined {
  const d = call.provider?.config.dataResidency;
  return d && (d.regions ? `${d.jurisdiction}:${d.regions.join(',')}` : d.jurisdiction);
}

const round = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : Math.round(ms));

export function auditRecord(call: Call, facts: CallFacts, traceId?: string): AuditRecord {
  const status = call.status ?? 500;
  const failed = status >= 400;
  const workload = call.runtime.snapshot.workload;
  return {
    namespace: workload.namespace,
    workload: workload.name,
    route: call.routeId,
    rule: call.ruleName,
    operation: call.operation,
    dialect: call.dialect,
    stream: call.stream,
    provider: call.provider?.id,
    dataResidency: residencyOf(call),
    modelRequested: call.modelRequested,
    modelServed: call.modelServed,
    modelResponse: facts.responseModel,
    tokensIn: call.usage?.inputTokens,
    tokensOut: call.usage?.outputTokens,
    costUSD: facts.costUSD,
    quota: facts.quota?.decision,
    guards: facts.guards.length > 0 ? facts.guards.map((g) => `${g.guard}:${g.action}`) : undefined,
    cache: facts.cache,
    prompt: facts.prompt ? `${facts.prompt.name}@${facts.prompt.version}` : undefined,
    status,
    error: failed ? call.errorType : undefined,
    latencyMs: round(call.timings.doneMs) ?? 0,
    ttfbMs: round(call.timings.firstByteMs),
    attempts:
      call.attempts.length > 1 || (failed && call.attempts.length > 0)
        ? call.attempts.map((a) => ({
            provider: a.provider,
            model: a.model,
            fallback: a.fallback,
            retry: a.retry,
            status: a.status,
            failure: a.failure,
            error: a.error,
            ms: round(a.durationMs),
          }))
        : call.attempts.length,
    traceId,
    snapshot: call.runtime.version.slice(0, 12),
  };
}

/** Top-level keys that would carry a secret if a field were ever added carelessly. */
export const AUDIT_REDACT_PATHS = ['headers', 'authorization', 'credentials', 'apiKey', 'body', 'messages'];

/** The audit logger: a child of the process logger with the cheap, top-level redact list. */
export function createAuditLogger(log: Logger): Logger {
  return log.child({}, { redact: { paths: AUDIT_REDACT_PATHS, censor: '<redacted>' } });
}

/** Writes the call's audit line: info, or warn when the call failed. */
export function writeAudit(log: Logger, call: Call, facts: CallFacts, traceId?: string): void {
  const record = { call: call.id, ...auditRecord(call, facts, traceId) };
  if (record.status >= 400) log.warn(record, 'call');
  else log.info(record, 'call');
}
