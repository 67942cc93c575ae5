// A Step is one policy stage of the request pipeline. Steps nest like middleware: work before
// `await next()` sees the request, work after it sees the result (or the error thrown inside).
import type { Call } from './call.ts';

export type Step = (call: Call, next: () => Promise<void>) => Promise<void>;

/** Runs the steps in order; each one decides whether and when the rest runs. */
export function runSteps(steps: readonly Step[], call: Call): Promise<void> {
  const at = (i: number): Promise<void> =>
    i < steps.length ? steps[i](call, () => at(i + 1)) : Promise.resolve();
  return at(0);
}
