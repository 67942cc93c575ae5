// The request pipeline, declared in one place. Steps nest (see step.ts): respond is outermost so
// it writes whatever the inner steps produced or threw; forward is innermost.
// Later issues slot in here: telemetry before respond (it wraps the whole call); quota (check,
// then record via call.afterResponse), guards (request before next(), response by wrapping
// call.result) and cache (short-circuit on a hit) between route and forward.
import { createForward, type ForwardServices } from './forward.ts';
import { identify } from './identify.ts';
import { respond } from './respond.ts';
import { route } from './route.ts';
import type { Step } from './step.ts';

export interface PipelineServices extends ForwardServices {
  /** Outermost step (spans, metrics, the audit line); its observer goes in ForwardServices. */
  telemetry?: Step;
}

export function createPipeline(services: PipelineServices): Step[] {
  const outer = services.telemetry ? [services.telemetry] : [];
  return [...outer, respond, identify, route, createForward(services)];
}

export type { Call, CallResult } from './call.ts';
export { runSteps, type Step } from './step.ts';
