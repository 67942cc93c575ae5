// The policy steps (quota -> guards -> prompt -> cache, between route and forward) and what they
// share: long-lived services (the quota lease client, the response caches) and per-snapshot
// compiled state (each rule's guard set, cache and managed-prompt token count; each snapshot's
// price book), built once on first use and kept in WeakMaps keyed by the runtime objects, so the
// hot path only looks them up.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ResponseCaches, type RuleCache, ruleFingerprint } from '../cache/index.ts';
import type { RuntimeRule, RuntimeSnapshot } from '../config/runtime.ts';
import { type PriceBook, type Pricing, priceBook } from '../cost.ts';
import { compileGuards, type GuardSet } from '../guards/index.ts';
import type { Logger } from '../log.ts';
import { QuotaClient } from '../quota/client.ts';
import { localQuotaService, operatorQuotaService, type QuotaService } from '../quota/service.ts';
import { countTokens, estimateTokens, promptTokens, warmTokenizer } from '../tokens.ts';
import { createCacheStep } from './cache.ts';
import type { Call, Target } from './call.ts';
import { CallError } from './errors.ts';
import { createGuardsStep } from './guards.ts';
import { promptStep } from './prompt.ts';
import { createQuotaStep } from './quota.ts';
import type { Step } from './step.ts';

export interface Policy {
  quota: QuotaClient;
  log?: Logger;
  caches: ResponseCaches;
  /** Compiles a new snapshot's policy and starts its leases (store.subscribe). */
  onSnapshot(runtime: RuntimeSnapshot): void;
  /** Gives leases back (shutdown). */
  close(): Promise<void>;
}

export interface PolicyOptions {
  /** The operator's quota service (HTTP); absent: an in-process one (standalone mode). */
  quotaService?: QuotaService;
  holder?: string;
  log?: Logger;
}

export function createPolicy(opts: PolicyOptions = {}): Policy {
  const quota = new QuotaClient(opts.quotaService ?? localQuotaService(), {
    holder: opts.holder ?? randomUUID(),
    onError: (err) =>
      opts.log?.warn(
        { err: (err as Error).message },
        'quota service call failed; spending local leases, failurePolicy applies once they run out',
      ),
  });
  const caches = new ResponseCaches();
  const policy: Policy = {
    quota,
    caches,
    log: opts.log,
    onSnapshot(runtime) {
      configured.add(runtime);
      // The tokenizer (~100 ms, ~5 MB) is loaded only for a snapshot that counts tokens, and
      // then right away, so its first call does not pay for it.
      if (countsTokens(runtime.snapshot)) warmTokenizer();
      quota.configure(runtime.snapshot.quotas);
      const keep = new Set<string>();
      for (const rule of runtime.rules) {
        try {
          rulePolicy(rule);
          ruleCacheOf(rule, caches);
        } catch (err) {
          opts.log?.error(
            { route: rule.routeId, rule: rule.name, err: (err as Error).message },
            'rule policy invalid',
          );
        }
        if (rule.config.cache) keep.add(ruleFingerprint(rule.routeId, rule.config));
      }
      caches.retain(keep);
    },
    close: () => quota.close(),
  };
  return policy;
}

/**
 * The sidecar's policy from its options: with --operator, leases come from the operator's quota
 * service (same HTTP/2 endpoint as config push, the pod's token); with --snapshot, from an
 * in-process one. The tokenizer is loaded by onSnapshot when a snapshot needs it.
 */
export function policyFromOptions(
  options: { operatorUrl?: string; tokenFile: string; operatorCA?: string },
  log: Logger,
): Policy {
  if (!options.operatorUrl) return createPolicy({ log, holder: 'standalone' });
  const ca = options.operatorCA?.includes('-----BEGIN')
    ? options.operatorCA
    : options.operatorCA
      ? readFileSync(options.operatorCA, 'utf8')
      : undefined;
  const tokenFile = options.tokenFile;
  const quotaService = operatorQuotaService({
    url: options.operatorUrl,
    ca,
    token: () => {
      try {
        return readFileSync(tokenFile, 'utf8').trim();
      } catch {
        return '';
      }
    },
  });
  return createPolicy({ log, quotaService, holder: process.env.HOSTNAME || undefined });
}

/** Token limits, costs, maxPromptTokens or a managed prompt: the snapshot needs the tokenizer. */
function countsTokens(snapshot: RuntimeSnapshot['snapshot']): boolean {
  return (
    snapshot.quotas.some((q) => q.limits.some((l) => l.dimension !== 'requests')) ||
    snapshot.routes.some((r) => r.rules.some((rule) => rule.prompt || rule.guards?.maxPromptTokens))
  );
}

/** Snapshots whose quotas the client already has. */
const configured = new WeakSet<RuntimeSnapshot>();

/** The policy steps in pipeline order. */
export function createPolicySteps(policy: Policy): Step[] {
  // A snapshot that arrived without onSnapshot (tests, a missed subscription) is configured on first use.
  const ensure: Step = (call, next) => {
    if (!configured.has(call.runtime)) policy.onSnapshot(call.runtime);
    return next();
  };
  const trace = policy.log?.isLevelEnabled('debug') ?? false;
  return [
    ensure,
    createQuotaStep(policy.quota, trace),
    createGuardsStep(),
    promptStep,
    createCacheStep(policy.caches),
  ];
}

// ---- per-rule compiled policy ------------------------------------------------------------------

export interface RulePolicy {
  guards?: GuardSet;
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
function addedTokens(call: Call): number {
  return call.rule && call.operation === 'chat' ? rulePolicy(call.rule).promptTokens : 0;
}

/**
 * Prompt tokens (as sent upstream, managed prompt included) + output budget, counted once per
 * call: the quota pre-check and maxPromptTokens share it.
 */
export function estimateOf(call: Call): NonNullable<Call['estimate']> {
  if (!call.estimate) {
    const target = call.targets?.[0];
    const model = target?.provider.config.models.find((m) => m.name === target.modelName);
    call.estimate = call.body
      ? estimateTokens(call.body, call.operation, {
          extraInputTokens: addedTokens(call),
          contextWindow: model?.contextWindow,
        })
      : { inputTokens: 0, outputTokens: 0 };
  }
  return call.estimate;
}

/** The prompt tokens alone (reuses the estimate when the quota step made one). */
export function promptTokensOf(call: Call): number {
  if (call.estimate) return call.estimate.inputTokens;
  return call.body ? promptTokens(call.body, call.operation) + addedTokens(call) : 0;
}
