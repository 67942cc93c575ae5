// The route step's backend choice: a Weighted rule (the default) picks from its prebuilt table;
// a LowestLatency / LowestCost rule asks its strategy (sidecar/routing/) with this call's
// candidates, records the choice and its reason on the call (spans, metrics), and, once the
// response is out, feeds what the attempts showed back into the sidecar's BackendStats:
// latency of the served attempt, output tokens, and each failed attempt as a slow sample.
import type { RuntimeBackend, RuntimeRule } from '../config/runtime.ts';
import { backendKey } from '../routing/backend-stats.ts';
import type { Candidate } from '../routing/strategy.ts';
import type { Failure } from '../snapshot/index.ts';
import { approxPromptTokens } from '../tokens.ts';
import type { Call } from './call.ts';
import { maxOutputOf, targetPricing } from './rule-state.ts';

/** The call's estimated prompt tokens (bytes / 4, see approxPromptTokens), counted on first use. */
export function promptSize(call: Call): () => number {
  let n: number | undefined;
  return () => {
    n ??= approxPromptTokens(call.body, call.operation);
    return n;
  };
}

export function chooseBackend(call: Call, rule: RuntimeRule, promptTokens: () => number): RuntimeBackend {
  const strategy = rule.strategy;
  if (!strategy) return rule.backends.pick();
  const candidates: Candidate[] = rule.live.map(({ backend, weight }) => {
    const modelName = backend.model ?? call.modelRequested;
    const upstreamModel = modelName && (backend.provider.upstreamNames.get(modelName) ?? modelName);
    return {
      key: backendKey(backend.provider.id, upstreamModel),
      weight,
      pricing: targetPricing(call, { ...backend, modelName, upstreamModel }),
    };
  });
  const choice = strategy.choose(candidates, {
    stream: call.stream,
    promptTokens,
    maxOutputTokens: maxOutputOf(call),
  });
  call.routeChoice = {
    strategy: strategy.type,
    kind: choice.kind,
    reason: `${candidates[choice.index].key}: ${choice.reason}`,
  };
  call.afterResponse.push(learn);
  return rule.live[choice.index].backend;
}

/** Failures that say the backend is slow or struggling (not the request's fault). */
const SLOW: ReadonlySet<string> = new Set<Failure>(['5xx', '429', 'timeout', 'connect-error']);

/** What the call's attempts showed about their backends (after the last byte went out). */
function learn(call: Call): void {
  const stats = call.runtime.routing.stats;
  const last = call.attempts.length - 1;
  for (let i = 0; i <= last; i++) {
    const a = call.attempts[i];
    const key = backendKey(a.provider, a.model);
    if (a.failure !== undefined) {
      if (SLOW.has(a.failure)) stats.recordFailure(key, a.durationMs ?? 0);
      continue;
    }
    // The attempt that served; an answer the app did not take in full (it left) says nothing.
    const firstByte = call.timings.firstByteMs;
    if (i !== last || firstByte === undefined || (call.status ?? 500) >= 400) continue;
    const end = call.stream ? call.timings.doneMs : a.startMs + (a.durationMs ?? 0);
    stats.recordSuccess(key, firstByte - a.startMs, (end ?? firstByte) - a.startMs);
    if (call.usage) stats.recordOutput(key, call.usage.outputTokens);
  }
}
