// quota: admits or denies from the local leases before anything is forwarded (no network wait
// while the lease covers the call), then, once the response is complete (streams included), settles
// the reservation to what the call really spent and records its cost.
//   requests      1 per call that got past the guards (cache hits count; blocked prompts never get here)
//   tokens        estimate = prompt tokens (real tokenizer) + max_tokens (absent: the limit's
//                 reserveOutputTokens, else the model's maxOutputTokens, else 1024); settles to the
//                 upstream's usage
//   costUSD       the same tokens priced with the serving model's pricing (cached input at cachedInput)
// Limits with a model filter match the model that serves (route model and upstream name, trimmed,
// any case), and a fallback to another model is checked against that model's limits before it runs.
import { costOf } from '../cost.ts';
import type { Estimate, QuotaCheck, QuotaClient, QuotaTicket } from '../quota/client.ts';
import { keysOf } from '../quota/keys.ts';
import type { Call, Target } from './call.ts';
import { CallError } from './errors.ts';
import { estimateOf, servedTarget, targetPricing } from './rule-state.ts';
import type { Step } from './step.ts';

/** The names a target is billed under: its model as the route names it and as sent upstream. */
export function billedModels(target: Target | undefined): (string | undefined)[] {
  return [target?.modelName, target?.upstreamModel];
}

/** `trace`: log each settlement (debug level: the root logger says so once, not per call). */
export function createQuotaStep(client: QuotaClient, trace = false): Step {
  const estimateFor = (call: Call, target: Target | undefined): Estimate => {
    const estimate: Estimate = { requests: 1 };
    if (!client.needsTokens) return estimate;
    const est = estimateOf(call);
    estimate.inputTokens = est.inputTokens;
    estimate.outputTokens = est.outputTokens;
    estimate.tokens = est.inputTokens + est.outputTokens;
    const pricing = targetPricing(call, target);
    estimate.costUSD = pricing ? costOf(pricing, est) : 0;
    if (est.outputDefaulted) {
      estimate.outputDefaulted = true;
      estimate.usdPerOutputToken = pricing ? pricing.output / 1_000_000 : 0;
    }
    return estimate;
  };

  const refusal = (check: QuotaCheck): CallError => {
    const d = check.denial!;
    return d.status === 400
      ? new CallError(400, d.message, 'invalid_request_error', d.code)
      : new CallError(429, d.message, 'quota_exceeded', d.code, (d.retryAfterSeconds ?? 1) * 1000);
  };

  return async (call, next) => {
    // Cost is recorded whether or not a quota applies (metrics, spans, the audit line).
    call.afterResponse.push(recordCost);
    if (client.limits.length === 0 && !client.partitioned) return next();

    const target = call.targets?.[0];
    const estimate = estimateFor(call, target);
    const models = target ? billedModels(target) : [call.modelRequested];
    // Only until the service first answers for a limit (start, new quota): no promise otherwise.
    // Partitioned limits (per): the call's key per limit, read from headers, body or verified claims.
    const keyOf = client.partitioned
      ? keysOf({ headers: call.headers, body: call.endUser, claims: call.claims })
      : undefined;
    const ready = client.ready(models, keyOf);
    if (ready) await ready;
    let check = client.check(models, estimate, keyOf);
    // The lease is short but the budget is not: wait (bounded) for the lease call it started.
    if (check.short) check = await client.waitIfShort(check, () => client.check(models, estimate, keyOf));
    call.quotaDecision = check.decision;
    call.quota = {
      decision: check.decision,
      ...(check.denial ? { denial: { quota: check.denial.quota, limit: check.denial.limit } } : {}),
      shadowDenied: check.shadowDenied,
    };
    if (check.decision === 'deny') throw refusal(check);
    if (check.decision === 'shadow-deny') {
      call.log.info(
        { quota: check.shadowDenied, reason: check.denial?.message },
        'quota would deny (Shadow)',
      );
    }
    const ticket: QuotaTicket = check.ticket;
    call.admitFallback = fallbackAdmission(
      client,
      ticket,
      (fallback) => estimateFor(call, fallback),
      refusal,
    );

    call.afterResponse.push((c) => {
      const served = servedTarget(c) ?? target;
      const actual = spent(c);
      client.settle(ticket, actual, billedModels(served));
      if (trace) c.log.debug({ estimate, settled: actual }, 'quota settled');
    });
    return next();
  };
}

/**
 * call.admitFallback: checks the limits a fallback target brings in. Made here, outside the step's
 * scope: a closure made in the step shares its context (the call, the check, the estimate, next),
 * and measured under load that kept ~7 KB a call alive long enough to be promoted to the old
 * generation (bench/analysis.md, stop 18).
 */
function fallbackAdmission(
  client: QuotaClient,
  ticket: QuotaTicket,
  estimateFor: (target: Target) => Estimate,
  refusal: (check: QuotaCheck) => CallError,
): NonNullable<Call['admitFallback']> {
  return async (fallback) => {
    const more = billedModels(fallback);
    const est = estimateFor(fallback);
    const first = client.extend(ticket, more, est);
    const extended = first.short
      ? await client.waitIfShort(first, () => client.extend(ticket, more, est))
      : first;
    return extended.decision === 'deny' ? refusal(extended) : undefined;
  };
}

/**
 * An upstream answer made it into the call (call.result): one the sidecar refused on the way
 * (larger than --max-response-size, a malformed stream head) failed before the answer and costs
 * no tokens.
 */
function upstreamAnswered(call: Call): boolean {
  return (
    call.result !== undefined &&
    call.attempts.some((a) => a.status !== undefined && a.status >= 200 && a.status < 300)
  );
}

/** What the call really spent. */
function spent(call: Call): Partial<Estimate> {
  const usage = call.usage;
  let input = usage?.inputTokens ?? 0;
  let output = usage?.outputTokens ?? 0;
  if (!usage && call.cache?.status !== 'hit' && upstreamAnswered(call) && call.estimate) {
    // An answer without usage (the app left mid-stream, an upstream that does not report it):
    // the upstream billed it anyway, so the estimate stands.
    input = call.estimate.inputTokens;
    output = call.estimate.outputTokens;
  }
  return {
    requests: 1,
    tokens: input + output,
    inputTokens: input,
    outputTokens: output,
    costUSD: call.costUSD ?? 0,
  };
}

/** call.costUSD from the serving target's pricing (runs first among afterResponse hooks). */
function recordCost(call: Call): void {
  if (!call.usage || call.cache?.status === 'hit') return;
  const pricing = targetPricing(call, servedTarget(call));
  if (pricing) call.costUSD = costOf(pricing, call.usage);
}
