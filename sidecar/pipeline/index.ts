// The request pipeline, declared in one place. Steps nest (see step.ts): respond is outermost so
// it writes whatever the inner steps produced or threw; forward is innermost.
// Later issues slot in here: telemetry before respond (it wraps the whole call); quota (check,
// then record via call.afterResponse), guards (request before next(), response by wrapping
// call.result) and cache (short-circuit on a hit) between route and forward.
import { createForward, type ForwardServices } from './forward.ts';
import { identify } from './identify.ts';
import { createPolicy, createPolicySteps, type Policy } from './policy.ts';
import { respond } from './respond.ts';
import { route } from './route.ts';
import type { Step } from './step.ts';

export interface PipelineServices extends ForwardServices {
  /** Outermost step (spans, metrics, the audit line); its observer goes in ForwardServices. */
  telemetry?: Step;
  /** Quota leases, guards, managed prompts and the response cache; default: standalone (in-process quota service). */
  policy?: Policy;
}

export function createPipeline(services: PipelineServices): Step[] {
  const outer = services.telemetry ? [services.telemetry] : [];
  const policy = createPolicySteps(services.policy ?? createPolicy());
  return [...outer, respond, identify, route, ...policy, createForward(services)];
}

export type { Call, CallResult } from './call.ts';
export { runSteps, type Step } from './step.ts';
