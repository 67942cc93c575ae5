// route: the first rule (in snapshot order) whose matches hold; its strategy's pick among its
// backends (choose.ts); then the fallback chain. Each target gets its model: the backend's
// override or the app's, mapped to the provider's upstream name.
import type { RuntimeBackend } from '../config/runtime.ts';
import type { RequestFacts } from '../routing/match.ts';
import type { Call, Target } from './call.ts';
import { chooseBackend, promptSize } from './choose.ts';
import { notFound, unauthenticated } from './errors.ts';
import type { Step } from './step.ts';

export function resolveTarget(backend: RuntimeBackend, requested: string | undefined): Target {
  const modelName = backend.model ?? requested;
  const upstreamModel =
    modelName === undefined ? undefined : (backend.provider.upstreamNames.get(modelName) ?? modelName);
  return { ...backend, modelName, upstreamModel };
}

function noRoute(call: Call): Error {
  return notFound(call.runtime.discovery.noRoute(call.modelRequested, call.operation), 'model_not_found');
}

export const route: Step = async (call, next) => {
  const promptTokens = promptSize(call);
  const facts: RequestFacts = {
    model: call.modelRequested,
    operation: call.operation,
    headers: call.headers,
    claims: call.claims,
    promptTokens,
  };
  const rule = call.runtime.rules.find((r) => r.matches(facts));
  if (!rule) throw noRoute(call);
  if (rule.jwtRequired && !call.claims)
    throw unauthenticated('this route requires a valid JWT (Authorization: Bearer)');
  call.rule = rule;
  call.routeId = rule.routeId;
  call.ruleName = rule.name;
  const chosen = chooseBackend(call, rule, promptTokens);
  call.targets = [chosen, ...rule.fallback].map((b) => resolveTarget(b, call.modelRequested));
  if (rule.timeoutMs !== undefined) call.deadline = Date.now() + rule.timeoutMs;
  call.timings.routedMs = performance.now() - call.startedAt;
  return next();
};
