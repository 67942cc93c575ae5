// AIRoute -> the snapshot's route: references resolved (and checked against the provider's
// allowedNamespaces, the approved access requests and the data residency), route defaults merged
// into each rule, durations in ms, shadowed rules found.
import { type AIRouteSpec, type Backend, POLICY_FIELDS, type RouteRule } from '../../crds/airoute.ts';
import { durationMs } from '../../sidecar/snapshot/limits.ts';
import {
  type BackendConfig,
  type ClassifierConfig,
  FAILURES,
  type MatchConfig,
  type RouteConfig,
  type RuleConfig,
} from '../../sidecar/snapshot/schema.ts';
import { type AccessGrants, grantFor, whyNotGranted } from './access.ts';
import { compileJwt } from './jwt.ts';
import type { ProviderEntry } from './providers.ts';
import { outsideResidency, residencyRules } from './residency.ts';
import { matchesSelector } from './selectors.ts';
import type { Problem, SecretInput } from './types.ts';

export interface RouteEntry {
  namespace: string;
  name: string;
  creationTimestamp: string;
  workloadLabels?: Record<string, string>;
  /** Undefined when no rule survived. */
  config?: RouteConfig;
}

export interface RouteContext {
  providers: Map<string, ProviderEntry>;
  namespaceLabels: Map<string, Record<string, string>>;
  problems: Problem[];
  /** Secrets by "namespace/name" (JWKS of authentication.jwt). */
  secrets?: Map<string, SecretInput>;
  /** Approved access requests (providers with allowedNamespaces.from: Approved). */
  access?: AccessGrants;
}

/** What passthrough sends upstream: no model compile can check (a model-limited grant never covers it). */
const PASSTHROUGH = Symbol('passthrough');
const DEFAULT_RETRY_ON: RuleConfig['retries']['on'] = ['5xx', '429', 'connect-error'];
const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
const DEFAULT_EXPLORATION_PERCENT = 10;

export function compileRoute(
  namespace: string,
  name: string,
  creationTimestamp: string,
  spec: AIRouteSpec,
  ctx: RouteContext,
): RouteEntry {
  const problem = (
    path: string,
    reason: string,
    message: string,
    severity: Problem['severity'] = 'error',
    condition: Problem['condition'] = 'ResolvedRefs',
  ) => ctx.problems.push({ kind: 'AIRoute', namespace, name, path, reason, message, condition, severity });

  const residency = residencyRules(spec, ctx.namespaceLabels.get(namespace));
  if (residency.labelProblem) problem('metadata.namespace', 'InvalidDataResidency', residency.labelProblem);

  /**
   * The provider a reference names, if this namespace may use it. `model` is what the call sends
   * upstream as far as compile knows (a classifier's model; a backend's model, or undefined when
   * it passes on the app's); a grant limited to models needs one of them.
   */
  const resolve = (
    b: Omit<Backend, 'weight'>,
    path: string,
    model: string | undefined | typeof PASSTHROUGH = b.model,
  ): Omit<BackendConfig, 'weight'> | undefined => {
    const pns = b.providerRef.namespace ?? namespace;
    const id = `${pns}/${b.providerRef.name}`;
    const p = ctx.providers.get(id);
    const at = `${path}.providerRef`;
    if (!p) return void problem(at, 'ProviderNotFound', `AIProvider ${id} does not exist`);
    const from = p.spec.allowedNamespaces?.from ?? 'Same';
    if (from === 'Approved' && p.namespace !== namespace) {
      const grant = grantFor(ctx.access, id, namespace);
      if (!grant) return void problem(at, 'NotApproved', whyNotGranted(ctx.access, id, namespace));
      if (grant.models && (typeof model !== 'string' || !grant.models.has(model))) {
        const only = `namespace ${namespace} is approved for AIProvider ${id} models ${[...grant.models].sort().join(', ')} only (${grant.requests.join(', ')})`;
        return void problem(
          typeof model === 'string' ? `${path}.model` : at,
          'ModelNotApproved',
          model === PASSTHROUGH
            ? `${only}: passthrough carries any model, so it needs a grant for every model`
            : model === undefined
              ? `${only}: name one in model`
              : `${only}, not ${model}`,
        );
      }
    } else if (!allows(p, namespace, ctx.namespaceLabels)) {
      return void problem(
        at,
        'NotAllowedByProvider',
        `AIProvider ${id} does not allow routes from namespace ${namespace} (allowedNamespaces.from: ${from})`,
      );
    }
    const outside = outsideResidency(id, p.spec, residency.rules);
    if (outside) return void problem(at, 'OutsideDataResidency', outside);
    if (!p.config)
      return void problem(at, 'ProviderNotReady', `AIProvider ${id} is not ready (see its status)`);
    if (b.model && p.spec.models.length > 0 && !p.spec.models.some((m) => m.name === b.model)) {
      const known = p.spec.models.map((m) => m.name).join(', ');
      return void problem(
        `${path}.model`,
        'UnknownModel',
        `AIProvider ${id} has no model ${b.model} (it has: ${known})`,
      );
    }
    return { provider: id, ...(b.model ? { model: b.model } : {}) };
  };

  const rules: RuleConfig[] = [];
  const sourceIndex: number[] = [];
  spec.rules.forEach((raw, i) => {
    const path = `spec.rules[${i}]`;
    const rule = { ...pick(spec), ...definedOnly(raw) } as RouteRule;
    const backends = rule.backends.flatMap((b, j) => {
      const ref = resolve(b, `${path}.backends[${j}]`);
      return ref ? [{ ...ref, weight: b.weight }] : [];
    });
    const fallbackBackends = (rule.fallback?.backends ?? []).flatMap((b, j) => {
      const ref = resolve(b, `${path}.fallback.backends[${j}]`);
      return ref ? [ref] : [];
    });
    const ruleName = rule.name ?? `rule-${i}`;
    // A classifier guard whose provider cannot be used leaves the rule out: unguarded it must not run.
    const classifiers = (rule.guards?.classifiers ?? []).map((c, k) => {
      const at = `${path}.guards.classifiers[${k}]`;
      const ref = resolve({ providerRef: c.providerRef }, at, c.model);
      const provider = ref && ctx.providers.get(ref.provider)?.config;
      return provider && classifierConfig(c, provider);
    });
    if (classifiers.some((c) => !c)) {
      problem(
        `${path}.guards.classifiers`,
        'ClassifierUnavailable',
        `rule "${ruleName}" has a classifier guard whose provider cannot be used; it is left out`,
      );
      return;
    }
    const unpriced = rule.strategy?.type === 'LowestCost' ? unpricedBackends(backends, ctx) : [];
    if (unpriced.length > 0) {
      problem(
        `${path}.strategy`,
        'UnpricedBackend',
        `rule "${ruleName}" uses LowestCost but ${unpriced.join('; ')}: add pricing to the provider's models (or pin a priced model on the backend); the rule is left out`,
      );
      return;
    }
    if (!backends.some((b) => b.weight > 0)) {
      problem(
        `${path}.backends`,
        'NoUsableBackends',
        `rule "${ruleName}" has no usable backend; it is left out`,
      );
      return;
    }
    sourceIndex.push(i);
    rules.push(
      definedOnly({
        name: ruleName,
        matches: (rule.matches ?? []).map(compileMatch),
        backends,
        timeoutMs: rule.timeout ? durationMs(rule.timeout) : undefined,
        retries: {
          attempts: rule.retries?.attempts ?? 2,
          backoffMs: rule.retries?.backoff ? durationMs(rule.retries.backoff) : 100,
          on: rule.retries?.triggers ?? DEFAULT_RETRY_ON,
        },
        fallback:
          fallbackBackends.length > 0
            ? { backends: fallbackBackends, on: rule.fallback?.triggers ?? [...FAILURES] }
            : undefined,
        cache: rule.cache
          ? { ttlMs: durationMs(rule.cache.ttl), maxBytes: rule.cache.maxBytes ?? DEFAULT_CACHE_BYTES }
          : undefined,
        guards: rule.guards
          ? definedOnly({
              ...rule.guards,
              classifiers: classifiers.length > 0 ? (classifiers as ClassifierConfig[]) : undefined,
            })
          : undefined,
        prompt: rule.prompt,
        strategy: strategyConfig(rule.strategy),
      }) as RuleConfig,
    );
  });

  for (const [j, i] of shadowedRules(rules)) {
    problem(
      `spec.rules[${sourceIndex[j]}]`,
      'ShadowedRule',
      `rule "${rules[j]!.name}" can never match: rule "${rules[i]!.name}" before it matches every request it would`,
      'warning',
      'Accepted',
    );
  }

  let passthrough: RouteConfig['passthrough'];
  if (spec.passthrough) {
    const ref = resolve(spec.passthrough.backend, 'spec.passthrough.backend', PASSTHROUGH);
    const type = ref && ctx.providers.get(ref.provider)?.config?.type;
    if (ref && type !== 'openai' && type !== 'openai-compatible')
      problem(
        'spec.passthrough.backend.providerRef',
        'PassthroughNotSupported',
        `AIProvider ${ref.provider} is of type ${type}: passthrough proxies the OpenAI API (types openai and openai-compatible)`,
        'error',
        'Accepted',
      );
    else if (ref) passthrough = { provider: ref.provider, paths: spec.passthrough.paths };
  }

  const jwtProblems: { path: string; reason: string; message: string }[] = [];
  const jwt = spec.authentication?.jwt
    ? compileJwt(namespace, spec.authentication.jwt, ctx.secrets ?? new Map(), jwtProblems)
    : undefined;
  for (const p of jwtProblems) problem(p.path, p.reason, p.message);
  return {
    namespace,
    name,
    creationTimestamp,
    workloadLabels: spec.workloadSelector?.matchLabels,
    config:
      rules.length > 0 ? definedOnly({ id: `${namespace}/${name}`, rules, passthrough, jwt }) : undefined,
  };
}

/** A classifier guard with its provider's endpoint and credentials inlined. */
function classifierConfig(
  c: NonNullable<NonNullable<RouteRule['guards']>['classifiers']>[number],
  provider: NonNullable<ProviderEntry['config']>,
): ClassifierConfig {
  return definedOnly({
    name: c.name,
    type: c.type,
    endpoint: provider.endpoint,
    apiKey: provider.credentials?.apiKey,
    headers: Object.keys(provider.headers).length > 0 ? provider.headers : undefined,
    model: c.model,
    categories: c.categories,
    threshold: c.threshold,
    action: c.action,
    phases: c.phases,
    timeoutMs: c.timeout ? durationMs(c.timeout) : 2000,
    failurePolicy: c.failurePolicy,
    cacheTtlMs: c.cacheTtl ? durationMs(c.cacheTtl) : 300_000,
    streamWindow: c.streamWindow,
  });
}

/** Weighted (the default) stays out of the snapshot; exploration goes from percent to a share. */
function strategyConfig(s: RouteRule['strategy']): RuleConfig['strategy'] {
  if (!s || s.type === 'Weighted') return undefined;
  if (s.type === 'LowestCost') return { type: 'LowestCost' };
  return { type: 'LowestLatency', exploration: (s.exploration ?? DEFAULT_EXPLORATION_PERCENT) / 100 };
}

/**
 * LowestCost compares model prices: each backend in rotation must name a priced model, or (taking
 * the app's model) belong to a provider that lists models, all of them priced. Says which are not.
 */
function unpricedBackends(backends: BackendConfig[], ctx: RouteContext): string[] {
  const out: string[] = [];
  for (const b of backends) {
    if (b.weight === 0) continue;
    const models = ctx.providers.get(b.provider)?.config?.models ?? [];
    if (b.model !== undefined) {
      if (!models.find((m) => m.name === b.model)?.pricing)
        out.push(`model ${b.model} of AIProvider ${b.provider} has no pricing`);
    } else if (models.length === 0) {
      out.push(`AIProvider ${b.provider} lists no models to price (set the backend's model)`);
    } else {
      const missing = models.filter((m) => !m.pricing).map((m) => m.name);
      if (missing.length > 0)
        out.push(
          `AIProvider ${b.provider} has no pricing for ${missing.join(', ')} (or set the backend's model)`,
        );
    }
  }
  return out;
}

/** allowedNamespaces Same, All and Selector (Approved is checked against the grants). */
function allows(p: ProviderEntry, namespace: string, labels: Map<string, Record<string, string>>): boolean {
  if (p.namespace === namespace) return true;
  const allowed = p.spec.allowedNamespaces;
  if (allowed?.from === 'All') return true;
  if (allowed?.from === 'Selector') return matchesSelector(allowed.selector, labels.get(namespace) ?? {});
  return false;
}

function pick(spec: AIRouteSpec): Partial<RouteRule> {
  const out: Record<string, unknown> = {};
  for (const f of POLICY_FIELDS) if (spec[f] !== undefined) out[f] = spec[f];
  return out;
}

function definedOnly<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out as T;
}

function compileMatch(m: NonNullable<RouteRule['matches']>[number]): MatchConfig {
  return definedOnly({
    model: m.model,
    operation: m.operation,
    headers: m.headers?.map((h) => ({ name: h.name.toLowerCase(), value: h.value, type: h.type })),
    claims: m.claims?.map((c) => ({ name: c.name, value: c.value, type: c.type })),
    promptTokens: m.promptTokens && definedOnly({ min: m.promptTokens.min, max: m.promptTokens.max }),
  });
}

/** Does match a accept every request match b accepts? */
function covers(a: MatchConfig, b: MatchConfig): boolean {
  if (a.model !== undefined) {
    if (b.model === undefined) return false;
    if (a.model.endsWith('*')) {
      if (!b.model.replace(/\*$/, '').startsWith(a.model.slice(0, -1))) return false;
    } else if (a.model !== b.model) return false;
  }
  if (a.operation !== undefined && a.operation !== b.operation) return false;
  if (a.promptTokens !== undefined) {
    const [amin, amax] = [a.promptTokens.min ?? 0, a.promptTokens.max ?? Number.POSITIVE_INFINITY];
    const [bmin, bmax] = [b.promptTokens?.min ?? 0, b.promptTokens?.max ?? Number.POSITIVE_INFINITY];
    if (bmin < amin || bmax > amax) return false;
  }
  const same = (x: { name: string; value: string; type: string }, y: typeof x) =>
    x.name === y.name && x.value === y.value && x.type === y.type;
  return (
    (a.headers ?? []).every((h) => (b.headers ?? []).some((o) => same(h, o))) &&
    (a.claims ?? []).every((c) => (b.claims ?? []).some((o) => same(c, o)))
  );
}

/** [shadowed index, shadowing index] pairs: every match of the later rule is covered by one earlier rule. */
export function shadowedRules(rules: RuleConfig[]): [number, number][] {
  const matchesOf = (r: RuleConfig) => (r.matches.length > 0 ? r.matches : [{}]);
  const out: [number, number][] = [];
  rules.forEach((later, j) => {
    const i = rules.findIndex(
      (earlier, k) => k < j && matchesOf(later).every((b) => matchesOf(earlier).some((a) => covers(a, b))),
    );
    if (i >= 0) out.push([j, i]);
  });
  return out;
}
