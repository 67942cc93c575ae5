// The policy steps (guards -> classify -> quota -> prompt -> cache, between route and forward) and the
// long-lived services they share (the quota lease client, the response caches). The per-snapshot
// compiled state the steps read lives in rule-state.ts.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ResponseCaches, ruleFingerprint } from '../cache/index.ts';
import type { RuntimeSnapshot } from '../config/runtime.ts';
import type { Logger } from '../log.ts';
import { type PromptOffload, promptOffload } from '../offload/index.ts';
import type { AppBounds } from '../options.ts';
import { QuotaClient } from '../quota/client.ts';
import { LeaseJournal } from '../quota/journal.ts';
import { localQuotaService, operatorQuotaService, type QuotaService } from '../quota/service.ts';
import { warmTokenizer } from '../tokens.ts';
import { createCacheStep } from './cache.ts';
import { createClassifyStep } from './classify.ts';
import { createGuardsStep } from './guards.ts';
import { createLargeBodyStep } from './large-body.ts';
import { promptStep } from './prompt.ts';
import { createQuotaStep } from './quota.ts';
import { ruleCacheOf, rulePolicy } from './rule-state.ts';
import type { Step } from './step.ts';

export interface Policy {
  quota: QuotaClient;
  log?: Logger;
  caches: ResponseCaches;
  /** Guard and token work on large bodies off the event loop (absent: all on the event loop). */
  offload?: PromptOffload;
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
  offload?: PromptOffload;
  /** Leases kept across a crash of the sidecar (the pod's state volume). */
  journal?: LeaseJournal;
}

export function createPolicy(opts: PolicyOptions = {}): Policy {
  const quota = new QuotaClient(opts.quotaService ?? localQuotaService(), {
    holder: opts.holder ?? randomUUID(),
    journal: opts.journal,
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
    offload: opts.offload,
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
    close: async () => {
      await quota.close();
      await opts.offload?.close();
    },
  };
  return policy;
}

/**
 * The sidecar's policy from its options: with --operator, leases come from the operator's quota
 * service (same HTTP/2 endpoint as config push, the pod's token); with --snapshot, from an
 * in-process one. The tokenizer is loaded by onSnapshot when a snapshot needs it.
 */
export function policyFromOptions(
  options: {
    operatorUrl?: string;
    tokenFile: string;
    operatorCA?: string;
    appBounds?: AppBounds;
    stateDir?: string;
  },
  log: Logger,
): Policy {
  const b = options.appBounds;
  const offload = b
    ? promptOffload({ threshold: b.offloadThreshold, workers: b.offloadWorkers, queue: b.offloadQueue })
    : undefined;
  if (!options.operatorUrl) return createPolicy({ log, holder: 'standalone', offload });
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
  const holder = process.env.HOSTNAME || undefined;
  // The state volume outlives a crashed container: the restarted sidecar keeps its leases.
  const journal = options.stateDir
    ? new LeaseJournal({
        dir: options.stateDir,
        holder: holder ?? 'sidecar',
        onError: (err) =>
          log.warn(
            { err: (err as Error).message },
            'quota lease journal off: a restart of this sidecar will count its leases as spent until their windows end',
          ),
      })
    : undefined;
  return createPolicy({ log, quotaService, holder, offload, journal });
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
  // Guards and classifiers first: a request they refuse (maxPromptTokens, a blocked prompt)
  // learns the real reason, not a quota denial, and spends nothing.
  return [
    ensure,
    ...(policy.offload ? [createLargeBodyStep(policy.offload, policy.quota)] : []),
    createGuardsStep(),
    createClassifyStep(),
    createQuotaStep(policy.quota, trace),
    promptStep,
    createCacheStep(policy.caches),
  ];
}
