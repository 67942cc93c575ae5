// guards: the rule's guard set on the prompt before it goes upstream (block, or mask in place), and
// on the completion on its way back: whole bodies, and streams chunk by chunk with a small
// holdback so a value split across chunks is still caught, never buffering the stream.
// Blocks: 400 for maxPromptTokens (the request is too big), 403 for content policy; the message
// names the guard and the kind of content, never the matched text.
import type { Finding, GuardSet, RequestVerdict } from '../guards/index.ts';
import { isQueueFull, type PromptOffload, type PromptWorkResult } from '../offload/index.ts';
import type { QuotaClient } from '../quota/client.ts';
import type { Call, GuardRecord } from './call.ts';
import { CallError } from './errors.ts';
import { chunkStream } from './response-stream.ts';
import { addedTokens, estimateOf, promptTokensOf, rulePolicy } from './rule-state.ts';
import type { Step } from './step.ts';

function record(call: Call, f: Finding): void {
  const r: GuardRecord = {
    guard: f.guard,
    action: f.action,
    phase: f.direction,
    kinds: f.kinds,
    count: f.count,
  };
  call.guardActions ??= [];
  call.guardActions.push(r);
  if (f.action !== 'mask')
    call.log.info(
      { guard: f.guard, action: f.action, phase: f.direction, kinds: f.kinds, count: f.count },
      'guard',
    );
}

function blocked(f: Finding): CallError {
  const status = f.status ?? 403;
  const type = status === 400 ? 'invalid_request_error' : 'policy_violation';
  const code = status === 400 ? 'prompt_too_long' : 'guard_blocked';
  return new CallError(status, f.message ?? `blocked by guard ${f.guard}`, type, code);
}

export function createGuardsStep(): Step {
  return async (call, next) => {
    const set = call.rule ? rulePolicy(call.rule).guards : undefined;
    if (!set || !call.body) return next();

    const done = offloaded.get(call);
    const verdict = done
      ? offloadedVerdict(set, call, done)
      : set.checkRequest(call.body, call.operation, () => promptTokensOf(call));
    for (const f of verdict.findings) record(call, f);
    if (verdict.block) throw blocked(verdict.block);
    if (verdict.changed) call.unchangedBody = undefined;

    await next();

    const result = call.result;
    if (!set.inspectsResponses || !result || result.status >= 300) return;
    if (result.kind === 'json') {
      const v = set.checkResponse(result.body);
      for (const f of v.findings) record(call, f);
      if (v.block) throw blocked(v.block);
      if (v.changed) result.raw = undefined;
    } else if (result.kind === 'stream') {
      const source = result.stream.chunks();
      call.result = { ...result, stream: chunkStream(set.checkStream(source, (f) => record(call, f))) };
    }
  };
}

// ---- large prompts: the same work on a worker thread ---------------------------------------------

/** Prompt work done on a worker for a call, until its guards step applies it. */
const offloaded = new WeakMap<Call, PromptWorkResult>();

function offloadedVerdict(set: GuardSet, call: Call, done: PromptWorkResult): RequestVerdict {
  offloaded.delete(call);
  const block = done.block === undefined ? undefined : done.findings[done.block];
  if (block) return { findings: done.findings, block, changed: false };
  return { findings: done.findings, changed: set.applyMasked(call.body!, call.operation, done.masked) };
}

/**
 * Runs before the quota step: for a body of at least offload.threshold bytes, the prompt token
 * count (when a quota or maxPromptTokens needs it) and the rule's request guards run on the
 * worker pool; the quota step then finds call.estimate made, and the guards step applies the
 * findings and masks. Smaller bodies pass straight through (their work stays synchronous).
 */
export function createLargePromptStep(offload: PromptOffload, quota: QuotaClient): Step {
  return async (call, next) => {
    if (call.rawBody.length < offload.threshold || !call.body || !call.rule) return next();
    // A Responses request's body gains earlier turns after identify: not what the raw bytes say.
    if (call.dialect === 'responses') return next();
    const set = rulePolicy(call.rule).guards;
    const guards = set?.guards.some((g) => g.request) ? call.rule.config.guards : undefined;
    const tokens = quota.limits.length > 0 && quota.needsTokens;
    if (!guards && !tokens) return next();
    const added = addedTokens(call);
    let done: PromptWorkResult;
    try {
      done = await offload.run({
        raw: call.rawBody,
        dialect: call.dialect,
        operation: call.operation,
        guards,
        tokens,
        addedTokens: added,
      });
    } catch (err) {
      if (isQueueFull(err))
        throw new CallError(
          503,
          'the sidecar is busy with other large requests; retry later',
          'service_unavailable',
          'overloaded',
          1000,
        );
      call.log.error({ err: (err as Error).message }, 'prompt work on a worker failed');
      throw new CallError(500, 'internal sidecar error', 'internal_error', 'internal_error');
    }
    if (done.tokens !== undefined) estimateOf(call, done.tokens - added);
    if (guards) offloaded.set(call, done);
    return next();
  };
}
