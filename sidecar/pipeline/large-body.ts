// large-body: the prompt work of a request body of at least offload.threshold bytes, done on the
// worker pool (../offload) rather than the event loop. Runs before the quota step; whatever the
// rule needs is done in one job:
//   - the prompt token count, when a token quota needs it or a declared context window the body's
//     UTF-8 size does not already fit (and for maxPromptTokens): call.estimate is made here, so
//     the quota step and forward find it;
//   - the rule's request guards: the guards step applies the findings and masks (offloadedVerdict);
//   - the sha256 of the body, when the rule caches: the cache step keys an unchanged body by it
//     (bodyDigest) instead of hashing its canonical JSON on the event loop.
// Smaller bodies pass straight through: their work stays synchronous (no worker hop).
import type { GuardSet, RequestVerdict } from '../guards/index.ts';
import { isQueueFull, type PromptOffload, type PromptWorkResult } from '../offload/index.ts';
import type { QuotaClient } from '../quota/client.ts';
import type { Call, Target } from './call.ts';
import { CallError } from './errors.ts';
import {
  addedTokens,
  contextWindowOf,
  estimateOf,
  fitsByBytes,
  maxOutputOf,
  rawPromptBound,
  rulePolicy,
} from './rule-state.ts';
import type { Step } from './step.ts';

/** Guard results made on a worker for a call, until its guards step applies them. */
const verdicts = new WeakMap<Call, PromptWorkResult>();
/** sha256 (hex) of a large call's raw body. */
const digests = new WeakMap<Call, string>();

/** The request verdict a worker made for this call (masks written into call.body), once. */
export function offloadedVerdict(set: GuardSet, call: Call): RequestVerdict | undefined {
  const done = verdicts.get(call);
  if (!done) return undefined;
  verdicts.delete(call);
  const block = done.block === undefined ? undefined : done.findings[done.block];
  if (block) return { findings: done.findings, block, changed: false };
  if (done.masked.length === 0) return { findings: done.findings, changed: false };
  return { findings: done.findings, changed: set.applyMasked(call.body!, call.operation, done.masked) };
}

/** sha256 of the raw body when a worker computed it (large bodies on caching rules). */
export function bodyDigest(call: Call): string | undefined {
  return digests.get(call);
}

/**
 * Whether forward's context-window check may need the exact prompt tokens of this call: a target
 * declares a window the prompt's UTF-8 size (an upper bound of its tokens) does not already fit.
 * An Anthropic request's translated stream reports the count: counted here whenever a window is
 * declared, as before.
 */
function mayExceedWindow(call: Call, t: Target): boolean {
  const window = contextWindowOf(t);
  if (window === undefined) return false;
  if (call.dialect === 'anthropic') return true;
  // The bound read off the bytes: parsing the body here to know would cost what counting saves.
  const raw = rawPromptBound(call);
  return raw === undefined ? !fitsByBytes(call, window) : raw + (maxOutputOf(call) ?? 0) > window;
}

export function createLargeBodyStep(offload: PromptOffload, quota: QuotaClient): Step {
  return async (call, next) => {
    if (call.rawBody.length < offload.threshold || !call.hasBody || !call.rule) return next();
    // A Responses request's body gains earlier turns after identify: not what the raw bytes say.
    if (call.dialect === 'responses') return next();
    const rule = call.rule;
    const set = rulePolicy(rule).guards;
    const guards = set?.guards.some((g) => g.request) ? rule.config.guards : undefined;
    // Tokens: for a token quota, and for a declared context window (forward checks it).
    const tokens =
      (quota.limits.length > 0 && quota.needsTokens) ||
      (call.operation === 'chat' && (call.targets ?? []).some((t) => mayExceedWindow(call, t)));
    const digest = rule.config.cache !== undefined;
    if (!guards && !tokens && !digest) return next();
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
        digest,
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
      // A body read at its top level only may be broken deeper down: that is the app's 400, which
      // parsing it here says (and throws); anything else is ours.
      void call.body;
      call.log.error({ err: (err as Error).message }, 'prompt work on a worker failed');
      throw new CallError(500, 'internal sidecar error', 'internal_error', 'internal_error');
    }
    if (done.tokens !== undefined) estimateOf(call, done.tokens - added);
    if (guards) verdicts.set(call, done);
    if (done.digest) digests.set(call, done.digest);
    return next();
  };
}
