// The runtime form of a snapshot: everything the hot path needs, built once at swap time
// (compiled matchers, weighted pick tables, adapters, agents, model lists, the /v1/models body).
// A request reads it and never rebuilds any of it.
import type http from 'node:http';
import { JwtVerifier } from '../auth/jwt.ts';
import { throughGateway } from '../gateway/client.ts';
import type { Adapter } from '../providers/adapter.ts';
import { type Discovery, discover } from '../routing/discovery.ts';
import { lowestCost } from '../routing/lowest-cost.ts';
import { DEFAULT_EXPLORATION, lowestLatency } from '../routing/lowest-latency.ts';
import { compileMatches, type Predicate } from '../routing/match.ts';
import { type RoutingState, routingState, type Strategy } from '../routing/strategy.ts';
import { type WeightedTable, weightedTable } from '../routing/weighted.ts';
import type { Failure, ProviderConfig, RuleConfig, Snapshot, StrategyConfig } from '../snapshot/index.ts';
import { credentialScrubber, type Scrub } from '../snapshot/scrub.ts';
import type { AgentPool } from '../upstream/agents.ts';

export interface RuntimeProvider {
  id: string;
  config: ProviderConfig;
  /** Undefined when this build has no adapter for the provider's type (calls fail with 502). */
  adapter: Adapter | undefined;
  agent: http.Agent;
  /** Model name -> the name the provider knows it by. */
  upstreamNames: ReadonlyMap<string, string>;
}

/** One backend of a rule: a provider and, optionally, the model to use instead of the app's. */
export interface RuntimeBackend {
  provider: RuntimeProvider;
  model?: string;
}

export interface RuntimeRule {
  routeId: string;
  name: string;
  config: RuleConfig;
  matches: Predicate;
  backends: WeightedTable<RuntimeBackend>;
  /** The backends with a weight above 0, in order (what a strategy chooses among). */
  live: readonly { backend: RuntimeBackend; weight: number }[];
  /** LowestLatency or LowestCost; undefined: Weighted (backends.pick()). */
  strategy?: Strategy;
  fallback: readonly RuntimeBackend[];
  fallbackOn: ReadonlySet<Failure>;
  retryOn: ReadonlySet<Failure>;
  retries: number;
  backoffMs: number;
  timeoutMs?: number;
  /** The route requires a verified JWT (authentication.jwt.required). */
  jwtRequired: boolean;
}

export interface RuntimeSnapshot {
  version: string;
  snapshot: Snapshot;
  providers: ReadonlyMap<string, RuntimeProvider>;
  /** Every rule of every route, in precedence order. */
  rules: readonly RuntimeRule[];
  /** The models apps can call, per operation (GET /v1/models, 404 messages). */
  discovery: Discovery;
  /** End users' JWTs, when some route declares authentication.jwt. */
  jwt?: JwtVerifier;
  loadedAt: Date;
  /** Removes this snapshot's credentials (and common key shapes) from upstream-derived text. */
  scrub: Scrub;
  /** What the routing strategies learn and consult (the sidecar's, shared by every snapshot). */
  routing: RoutingState;
}

export interface RuntimeDeps {
  adapterFor(type: ProviderConfig['type']): Adapter | undefined;
  agents: AgentPool;
  /** This pod's token, presented to egress gateways (providers in Gateway credential mode). */
  gatewayToken?: () => string | undefined;
  /** The sidecar's routing state (statistics, breakers); default: a fresh one for this snapshot. */
  routing?: RoutingState;
}

const noToken = () => undefined;

function strategyOf(config: StrategyConfig | undefined, routing: RoutingState): Strategy | undefined {
  if (config?.type === 'LowestLatency')
    return lowestLatency(routing, config.exploration ?? DEFAULT_EXPLORATION);
  if (config?.type === 'LowestCost') return lowestCost(routing);
  return undefined;
}

/** Builds the runtime form; throws with a reason when the snapshot cannot be served. */
export function buildRuntime(snapshot: Snapshot, deps: RuntimeDeps): RuntimeSnapshot {
  const providers = new Map<string, RuntimeProvider>();
  for (const p of snapshot.providers) {
    const adapter = deps.adapterFor(p.type);
    providers.set(p.id, {
      id: p.id,
      config: p,
      adapter: adapter && p.gateway ? throughGateway(adapter, deps.gatewayToken ?? noToken) : adapter,
      agent: deps.agents.get(p),
      upstreamNames: new Map(p.models.map((m) => [m.name, m.upstreamName ?? m.name])),
    });
  }
  const backendOf = (ref: { provider: string; model?: string }): RuntimeBackend => {
    const provider = providers.get(ref.provider);
    if (!provider) throw new Error(`unknown provider ${ref.provider}`);
    return ref.model === undefined ? { provider } : { provider, model: ref.model };
  };

  const routing = deps.routing ?? routingState();
  const rules: RuntimeRule[] = [];
  for (const route of snapshot.routes) {
    for (const rule of route.rules) {
      const where = `route ${route.id} rule ${rule.name}`;
      try {
        const all = rule.backends.map((b) => ({ backend: backendOf(b), weight: b.weight }));
        const live = all.filter((b) => b.weight > 0);
        rules.push({
          routeId: route.id,
          name: rule.name,
          config: rule,
          matches: compileMatches(rule.matches),
          backends: weightedTable(all.map((b) => ({ value: b.backend, weight: b.weight }))),
          live,
          strategy: strategyOf(rule.strategy, routing),
          fallback: (rule.fallback?.backends ?? []).map(backendOf),
          fallbackOn: new Set(rule.fallback?.on ?? []),
          retryOn: new Set(rule.retries.on),
          retries: rule.retries.attempts,
          backoffMs: rule.retries.backoffMs,
          timeoutMs: rule.timeoutMs,
          jwtRequired: route.jwt?.required ?? false,
        });
      } catch (err) {
        throw new Error(`${where}: ${(err as Error).message}`);
      }
    }
  }

  const discovery = discover(rules, (id) => providers.get(id)?.config.models.map((m) => m.name) ?? []);
  const jwtConfigs = snapshot.routes.flatMap((r) => (r.jwt ? [r.jwt] : []));
  const jwt = jwtConfigs.length > 0 ? new JwtVerifier(jwtConfigs) : undefined;
  return {
    version: snapshot.version,
    snapshot,
    providers,
    rules,
    discovery,
    ...(jwt ? { jwt } : {}),
    loadedAt: new Date(),
    scrub: credentialScrubber(snapshot.providers),
    routing,
  };
}
