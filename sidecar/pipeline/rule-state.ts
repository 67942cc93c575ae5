// Per-snapshot compiled policy state shared by the policy steps: each rule's guard set, cache
// and managed-prompt token count, each snapshot's price book, and each call's token estimate.
// Built once on first use and kept in WeakMaps keyed by the runtime objects, so the hot path only
// looks them up. (policy.ts builds the steps; the steps read this module.)
import type { ResponseCaches, RuleCache } from '../cache/index.ts';
import type { RuntimeRule, RuntimeSnapshot } from '../config/runtime.ts';
import { type PriceBook, type Pricing, priceBook } from '../cost.ts';
import { type ClassifierGuard, compileClassifier } from '../guards/classifiers/index.ts';
import { compileGuards, type GuardSet } from '../guards/index.ts';
import {
  countTokens,
  estimateTokens,
  maxOutputTokens,
  promptTokens,
  promptTokensAtMost as promptTokensBound,
} from '../tokens.ts';
import type { Call, Target } from './call.ts';
import { CallError } from './errors.ts';

export interface RulePolicy {
  guards?: GuardSet;
  /** Guards backed by a model or service (moderation, Llama Guard, ...). */
  classifiers: ClassifierGuard[];
  /** Tokens the managed prompt adds to each chat request. */
  promptTokens: number;
}

const byRule = new WeakMap<RuntimeRule, RulePolicy | Error>();

/** Built on first use per snapshot rule; an invalid rule (a bad deny pattern) fails its calls. */
export function rulePolicy(rule: RuntimeRule): RulePolicy {
  let p = byRule.get(rule);
  if (!p) {
    try {
      const prompt = rule.config.prompt;
      p = {
        guards: compileGuards(rule.config.guards),
        classifiers: (rule.config.guards?.classifiers ?? []).map(compileClassifier),
        promptTokens: prompt ? countTokens(prompt.system) + 3 : 0,
      };
    } catch (err) {
      p = err as Error;
    }
    byRule.set(rule, p);
  }
  if (p instanceof Error)
    throw new CallError(
      500,
      `route ${rule.routeId} rule ${rule.name}: ${p.message}`,
      'internal_error',
      'invalid_policy',
    );
  return p;
}

const cacheByRule = new WeakMap<RuntimeRule, RuleCache | null>();

/** The rule's response cache (shared with earlier snapshots when the rule did not change). */
export function ruleCacheOf(rule: RuntimeRule, caches: ResponseCaches): RuleCache | undefined {
  let c = cacheByRule.get(rule);
  if (c === undefined) {
    c = caches.forRule(rule.routeId, rule.config) ?? null;
    cacheByRule.set(rule, c);
  }
  return c ?? undefined;
}

const books = new WeakMap<RuntimeSnapshot, PriceBook>();

export function priceBookOf(runtime: RuntimeSnapshot): PriceBook {
  let b = books.get(runtime);
  if (!b) {
    b = priceBook(runtime.snapshot);
    books.set(runtime, b);
  }
  return b;
}

/** Pricing of the model a target would call. */
export function targetPricing(call: Call, target: Target | undefined): Pricing | undefined {
  if (!target) return undefined;
  const book = priceBookOf(call.runtime);
  return (
    (target.modelName && book.pricing(target.provider.id, target.modelName)) ||
    (target.upstreamModel && book.pricing(target.provider.id, target.upstreamModel)) ||
    undefined
  );
}

/** The target that served the call (the provider and upstream model forward ended with). */
export function servedTarget(call: Call): Target | undefined {
  if (!call.provider || !call.targets) return undefined;
  return (
    call.targets.find((t) => t.provider.id === call.provider!.id && t.upstreamModel === call.modelServed) ??
    call.targets.find((t) => t.provider.id === call.provider!.id)
  );
}

/** What the sidecar adds to the prompt (the managed system prompt). */
export function addedTokens(call: Call): number {
  return call.rule && call.operation === 'chat' ? rulePolicy(call.rule).promptTokens : 0;
}

/**
 * Prompt tokens (as sent upstream, managed prompt included) + output budget, counted once per
 * call: the quota pre-check and maxPromptTokens share it. `counted`: the body's prompt tokens
 * when a worker already counted them (managed prompt excluded).
 */
export function estimateOf(call: Call, counted?: number): NonNullable<Call['estimate']> {
  if (!call.estimate) {
    const target = call.targets?.[0];
    const model = target?.provider.config.models.find((m) => m.name === target.modelName);
    // Tokens counted on a worker: the estimate needs only the output fields, not the whole body.
    const body = counted === undefined ? call.body : call.hasBody ? outputFields(call) : undefined;
    call.estimate = body
      ? estimateTokens(body, call.operation, {
          extraInputTokens: addedTokens(call),
          contextWindow: model?.contextWindow,
          promptTokens: counted,
          defaultMaxTokens: model?.maxOutputTokens,
        })
      : { inputTokens: 0, outputTokens: 0 };
  }
  return call.estimate;
}

/** The fields estimateTokens reads besides the prompt: a deferred body stays unparsed. */
function outputFields(call: Call): Record<string, unknown> {
  return {
    max_completion_tokens: call.field('max_completion_tokens'),
    max_tokens: call.field('max_tokens'),
    n: call.field('n'),
  };
}

/** The output budget the app asked for (max_completion_tokens or max_tokens), if any. */
export function maxOutputOf(call: Call): number | undefined {
  return call.hasBody ? maxOutputTokens(outputFields(call)) : undefined;
}

/** Tokens an image part counts for in promptTokens, whatever its bytes. */
const IMAGE_PART_TOKENS = 765;
// Found by its rare '_' (a search that starts at a letter of prose is ~30x slower), then checked.
const URL_SUFFIX = Buffer.from('_url');
const IMAGE = Buffer.from('image');
/**
 * The text a JSON body carries is at most this many times its bytes: an invalid UTF-8 byte
 * decodes to three, a number re-serialised (tool schemas are counted as JSON) grows at most 5.25x
 * ("1e20").
 */
const TEXT_PER_BYTE = 6;

/**
 * An upper bound of the prompt's tokens read off the bytes sent upstream, without parsing them:
 * undefined when the body was rewritten (no such bytes). Coarse (6 per byte), so it decides
 * only bodies far below a window; the exact bound parses the body.
 */
export function rawPromptBound(call: Call): number | undefined {
  const bytes = call.unchangedBody;
  if (!bytes || call.dialect !== 'openai') return undefined;
  let images = 0;
  for (let i = bytes.indexOf(URL_SUFFIX); i >= 0; i = bytes.indexOf(URL_SUFFIX, i + 1))
    if (i >= IMAGE.length && bytes.compare(IMAGE, 0, IMAGE.length, i - IMAGE.length, i) === 0) images++;
  return TEXT_PER_BYTE * bytes.length + IMAGE_PART_TOKENS * images + addedTokens(call);
}

/** An upper bound of promptTokensOf without the tokenizer (the count itself when already made). */
export function promptTokensAtMost(call: Call): number {
  if (call.estimate) return call.estimate.inputTokens;
  return call.hasBody ? promptTokensBound(call.body, call.operation) + addedTokens(call) : 0;
}

/** The context window the target's model declares, if any. */
export function contextWindowOf(t: Target): number | undefined {
  return t.provider.config.models.find((m) => m.name === t.modelName)?.contextWindow;
}

/**
 * Whether prompt + max_tokens fits `window` by the prompt's UTF-8 size alone (a token is at least a
 * byte): then no token count is needed to know it fits.
 */
export function fitsByBytes(call: Call, window: number): boolean {
  const output = maxOutputOf(call) ?? 0;
  const raw = call.estimate ? undefined : rawPromptBound(call);
  if (raw !== undefined && raw + output <= window) return true;
  return promptTokensAtMost(call) + output <= window;
}

/** The prompt tokens alone (reuses the estimate when the quota step made one). */
export function promptTokensOf(call: Call): number {
  if (call.estimate) return call.estimate.inputTokens;
  return call.hasBody ? promptTokens(call.body, call.operation) + addedTokens(call) : 0;
}
