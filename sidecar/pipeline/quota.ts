// quota: admits or denies from the local leases before anything is forwarded (no network wait
// once the service has first answered for a limit), then, once the response is complete (streams
// included), settles the reservation to what the call really spent and records its cost.
//   requests      1 per call that got past the guards (cache hits count; blocked prompts do not)
//   tokens        estimate = prompt tokens (real tokenizer) + max_tokens; settles to the upstream's usage
//   costUSD       the same tokens priced with the serving model's pricing (cached input at cachedInput)
import { costOf } from '../cost.ts';
import type { Measure, QuotaClient } from '../quota/client.ts';
import { keysOf } from '../quota/keys.ts';
import type { Call } from './call.ts';
import { CallError } from './errors.ts';
import { estimateOf, servedTarget, targetPricing } from './rule-state.ts';
import type { Step } from './step.ts';

/** `trace`: log each settlement (debug level: the root logger says so once, not per call). */
export function createQuotaStep(client: QuotaClient, trace = false): Step {
  return async (call, next) => {
    // Cost is recorded whether or not a quota applies (metrics, spans, the audit line).
    call.afterResponse.push(recordCost);
    if (client.limits.length === 0 && !client.partitioned) return next();

    const target = call.targets?.[0];
    const needsTokens = client.needsTokens;
    const estimate: Partial<Measure> = { requests: 1 };
    if (needsTokens) {
      const est = estimateOf(call);
      estimate.inputTokens = est.inputTokens;
      estimate.outputTokens = est.outputTokens;
      estimate.tokens = est.inputTokens + est.outputTokens;
      const pricing = targetPricing(call, target);
      estimate.costUSD = pricing ? costOf(pricing, est) : 0;
    }
    const models = [call.modelRequested, target?.modelName];
    // Only until the service first answers for a limit (start, new quota): no promise otherwise.
    // Partitioned limits (per): the call's key per limit, read from headers, body or verified claims.
    const keyOf = client.partitioned
      ? keysOf({ headers: call.headers, body: call.endUser, claims: call.claims })
      : undefined;
    const ready = client.ready(models, keyOf);
    if (ready) await ready;
    const check = client.check(models, estimate, keyOf);
    call.quotaDecision = check.decision;
    call.quota = {
      decision: check.decision,
      ...(check.denial ? { denial: { quota: check.denial.quota, limit: check.denial.limit } } : {}),
      shadowDenied: check.shadowDenied,
    };
    if (check.decision === 'deny') {
      const d = check.denial!;
      throw new CallError(429, d.message, 'quota_exceeded', d.code, d.retryAfterSeconds * 1000);
    }
    if (check.decision === 'shadow-deny') {
      call.log.info(
        { quota: check.shadowDenied, reason: check.denial?.message },
        'quota would deny (Shadow)',
      );
    }

    call.afterResponse.push((c) => {
      const served = servedTarget(c);
      const actual = spent(c);
      client.settle(check.ticket, actual, [c.modelRequested, served?.modelName ?? target?.modelName]);
      if (trace) c.log.debug({ estimate, settled: actual }, 'quota settled');
    });
    return next();
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

function blockedByGuard(call: Call): boolean {
  return call.guardActions?.some((g) => g.action === 'block' && g.phase === 'request') ?? false;
}

/** What the call really spent. */
function spent(call: Call): Partial<Measure> {
  if (blockedByGuard(call)) return {};
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
