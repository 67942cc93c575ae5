// The request pipeline, declared in one place. Steps nest (see step.ts): respond is outermost so
// it writes whatever the inner steps produced or threw; forward is innermost.
// telemetry wraps the whole call; respond writes what the inner steps produced or threw; identify
// reads the request (translating Anthropic and Responses requests to chat); authenticate verifies
// an end user's JWT (routes and quota keys read its claims); responses finds where a Responses
// conversation lives (earlier turns kept here, or the provider that holds it); the policy steps (quota, guards, prompt, cache) sit between route and
// forward.
import { authenticate } from './authenticate.ts';
import { createForward, type ForwardServices } from './forward.ts';
import { identify } from './identify.ts';
import { createPolicy, createPolicySteps, type Policy } from './policy.ts';
import { respond } from './respond.ts';
import { ResponseStore } from './response-store.ts';
import { createResponsesStep } from './responses.ts';
import { route } from './route.ts';
import type { Step } from './step.ts';

export interface PipelineServices extends ForwardServices {
  /** Outermost step (spans, metrics, the audit line); its observer goes in ForwardServices. */
  telemetry?: Step;
  /** Quota leases, guards, managed prompts and the response cache; default: standalone (in-process quota service). */
  policy?: Policy;
  /** Stored Responses API answers (previous_response_id); default: a store with default bounds. */
  responses?: ResponseStore;
}

export function createPipeline(services: PipelineServices): Step[] {
  const outer = services.telemetry ? [services.telemetry] : [];
  const policy = createPolicySteps(services.policy ?? createPolicy());
  const responses = createResponsesStep(services.responses ?? new ResponseStore());
  return [...outer, respond, identify, authenticate, responses, route, ...policy, createForward(services)];
}

export type { Call, CallResult } from './call.ts';
export { runSteps, type Step } from './step.ts';
