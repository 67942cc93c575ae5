// Prometheus metrics of the sidecar (admin port, GET /metrics), with prom-client.
// - GenAI semconv v1.41 client metrics, dots as underscores: gen_ai_client_token_usage ({token})
//   and gen_ai_client_operation_duration_seconds, one observation per upstream attempt, with the
//   semconv buckets and attributes (gen_ai.operation.name, gen_ai.provider.name,
//   gen_ai.request.model, gen_ai.response.model, gen_ai.token.type, error.type).
// - Mesh counters: calls by route/rule/status, upstream attempts (retries, fallbacks), quota
//   denials, guard actions, cache lookups, cost; circuit breakers and the snapshot in force as
//   gauges read at scrape time; spans the tracer had to drop.
// Cardinality stays bounded: labels hold config names (routes, rules, providers, quotas) and
// model names capped per label (LabelLimiter); never request ids or user-supplied values.
// Label children are cached per runtime rule / provider object, and the per-call metrics are
// bound-metrics.ts collectors (an inc() is an addition), so the hot path is a Map lookup and an
// addition per metric.
import { type Counter, collectDefaultMetrics, Gauge, Counter as PromCounter, Registry } from 'prom-client';
import type { RuntimeProvider, RuntimeRule, RuntimeSnapshot } from '../config/runtime.ts';
import type { Attempt, Call } from '../pipeline/call.ts';
import type { BreakerState } from '../resilience/circuit-breaker.ts';
import { genAiOperation, genAiProviderName } from './attributes.ts';
import { BoundCounter, BoundHistogram } from './bound-metrics.ts';
import { type CallFacts, callFacts } from './facts.ts';
import type { DropReason } from './tracing-options.ts';

/** semconv gen_ai.client.token.usage buckets. */
export const TOKEN_BUCKETS = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];
/** semconv gen_ai.client.operation.duration buckets (seconds). */
export const DURATION_BUCKETS = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];

/** Caps the distinct values of a label: models come from apps and upstreams, not only config. */
export class LabelLimiter {
  readonly #seen = new Set<string>();
  readonly #max: number;

  constructor(max = 100) {
    this.#max = max;
  }

  value(v: string | undefined): string {
    if (v === undefined || v === '') return '';
    if (this.#seen.has(v)) return v;
    if (this.#seen.size >= this.#max) return '_other';
    this.#seen.add(v);
    return v;
  }
}

export interface MetricsSources {
  snapshot(): RuntimeSnapshot | undefined;
  breakers(): Record<string, BreakerState>;
  inflight(): number;
}

type GenAiLabels =
  | 'gen_ai_operation_name'
  | 'gen_ai_provider_name'
  | 'gen_ai_request_model'
  | 'gen_ai_response_model';

const BREAKER_STATES: readonly BreakerState[] = ['closed', 'open', 'half-open'];

/** "failure class" of an attempt for the attempts counter. */
function attemptOutcome(a: Attempt): string {
  return a.failure ? a.failure.replaceAll('-', '_') : 'ok';
}

function attemptKind(a: Attempt): string {
  if (a.retry > 0) return 'retry';
  return a.fallback > 0 ? 'fallback' : 'first';
}

export class SidecarMetrics {
  readonly registry = new Registry();
  readonly #models = new LabelLimiter(100);
  readonly #responseModels = new LabelLimiter(100);

  readonly #tokenUsage: BoundHistogram<GenAiLabels | 'gen_ai_token_type'>;
  readonly #operationDuration: BoundHistogram<GenAiLabels | 'error_type'>;
  readonly #requests: BoundCounter<'route' | 'rule' | 'operation' | 'status'>;
  readonly #requestDuration: BoundHistogram<'route' | 'rule' | 'operation'>;
  readonly #attempts: BoundCounter<'provider' | 'kind' | 'outcome'>;
  readonly #quotaDenials: BoundCounter<'quota' | 'limit' | 'mode'>;
  readonly #guardActions: BoundCounter<'route' | 'guard' | 'action' | 'phase'>;
  readonly #cache: BoundCounter<'route' | 'result'>;
  readonly #cost: BoundCounter<'route' | 'provider' | 'model'>;
  readonly #choices: BoundCounter<'route' | 'rule' | 'strategy' | 'choice' | 'provider' | 'model'>;
  readonly #dropped: Counter<'reason'>;

  /** Label children per rule: status -> [requests child, duration child]. */
  readonly #ruleChildren = new WeakMap<RuntimeRule, Map<string, RuleChildren>>();
  readonly #unroutedChildren = new Map<string, RuleChildren>();
  /** Per provider: "op|requested|responded|error" -> children. */
  readonly #providerChildren = new WeakMap<RuntimeProvider, Map<string, ProviderChildren>>();

  constructor(sources: MetricsSources, opts: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (opts.defaultMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: 'aimesh_sidecar_' });
    const genAi: GenAiLabels[] = [
      'gen_ai_operation_name',
      'gen_ai_provider_name',
      'gen_ai_request_model',
      'gen_ai_response_model',
    ];
    this.#tokenUsage = new BoundHistogram({
      name: 'gen_ai_client_token_usage',
      help: 'Tokens used per upstream operation (GenAI semconv gen_ai.client.token.usage, unit {token}).',
      labelNames: [...genAi, 'gen_ai_token_type'],
      buckets: TOKEN_BUCKETS,
      registers,
    });
    this.#operationDuration = new BoundHistogram({
      name: 'gen_ai_client_operation_duration_seconds',
      help: 'Duration of each upstream GenAI operation, streams until their last chunk (GenAI semconv gen_ai.client.operation.duration).',
      labelNames: [...genAi, 'error_type'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.#requests = new BoundCounter({
      name: 'aimesh_requests_total',
      help: 'Calls answered by the sidecar, by route, rule, operation and HTTP status (route "" = no route matched).',
      labelNames: ['route', 'rule', 'operation', 'status'],
      registers,
    });
    this.#requestDuration = new BoundHistogram({
      name: 'aimesh_request_duration_seconds',
      help: 'Call duration as the app sees it, until the last byte (streams included).',
      labelNames: ['route', 'rule', 'operation'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    });
    this.#attempts = new BoundCounter({
      name: 'aimesh_upstream_attempts_total',
      help: 'Upstream attempts by provider, kind (first, retry, fallback) and outcome (ok or the failure class).',
      labelNames: ['provider', 'kind', 'outcome'],
      registers,
    });
    this.#quotaDenials = new BoundCounter({
      name: 'aimesh_quota_denials_total',
      help: 'Calls a quota limit denied (mode enforce) or would have denied (mode shadow).',
      labelNames: ['quota', 'limit', 'mode'],
      registers,
    });
    this.#guardActions = new BoundCounter({
      name: 'aimesh_guard_actions_total',
      help: 'Guard actions (block, mask, log) by route, guard and phase (request, response).',
      labelNames: ['route', 'guard', 'action', 'phase'],
      registers,
    });
    this.#cache = new BoundCounter({
      name: 'aimesh_cache_lookups_total',
      help: 'Calls on caching routes by result: hit, miss, or bypass (not cacheable, e.g. a stream).',
      labelNames: ['route', 'result'],
      registers,
    });
    this.#cost = new BoundCounter({
      name: 'aimesh_cost_usd_total',
      help: 'Spend in USD from provider pricing, by route, provider and model served.',
      labelNames: ['route', 'provider', 'model'],
      registers,
    });
    this.#choices = new BoundCounter({
      name: 'aimesh_route_choices_total',
      help: 'Backends chosen by LowestLatency and LowestCost rules, by choice (lowest-latency, explore, untried, cheapest, unpriced, only, all-unavailable) and the backend chosen.',
      labelNames: ['route', 'rule', 'strategy', 'choice', 'provider', 'model'],
      registers,
    });
    this.#dropped = new PromCounter({
      name: 'aimesh_tracing_spans_dropped_total',
      help: 'Spans not exported: the export queue was full (queue_full) or the collector failed (export_failed).',
      labelNames: ['reason'],
      registers,
    });
    for (const reason of ['queue_full', 'export_failed']) this.#dropped.labels(reason).inc(0);

    new Gauge({
      name: 'aimesh_circuit_breaker_state',
      help: 'Circuit breaker of each backend (provider|model): 1 for its current state.',
      labelNames: ['backend', 'state'],
      registers,
      collect() {
        this.reset();
        for (const [backend, state] of Object.entries(sources.breakers()))
          for (const s of BREAKER_STATES) this.labels(backend, s).set(s === state ? 1 : 0);
      },
    });
    new Gauge({
      name: 'aimesh_snapshot_info',
      help: 'The snapshot in force (value 1), with its version and workload.',
      labelNames: ['version', 'namespace', 'workload'],
      registers,
      collect() {
        this.reset();
        const runtime = sources.snapshot();
        if (runtime)
          this.labels(
            runtime.version,
            runtime.snapshot.workload.namespace,
            runtime.snapshot.workload.name ?? '',
          ).set(1);
      },
    });
    new Gauge({
      name: 'aimesh_snapshot_loaded_timestamp_seconds',
      help: 'When the snapshot in force was swapped in (unix seconds).',
      registers,
      collect() {
        const runtime = sources.snapshot();
        if (runtime) this.set(runtime.loadedAt.getTime() / 1000);
      },
    });
    new Gauge({
      name: 'aimesh_requests_in_flight',
      help: 'Calls being served now.',
      registers,
      collect() {
        this.set(sources.inflight());
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  spansDropped(reason: DropReason, count: number): void {
    this.#dropped.labels(reason).inc(count);
  }

  /** Records a finished call (after its last byte). */
  observeCall(call: Call, facts: CallFacts = callFacts(call)): void {
    const status = String(call.status ?? 500);
    const rule = call.rule;
    const children = this.#ruleChildrenFor(rule, call, status);
    children.requests.inc();
    if (call.timings.doneMs !== undefined) children.duration.observe(call.timings.doneMs / 1000);

    const operation = genAiOperation(call.operation);
    const route = call.routeId ?? '';
    const last = call.attempts.length - 1;
    for (let i = 0; i <= last; i++) {
      const a = call.attempts[i];
      const provider = rule ? this.#providerOf(call, a.provider) : undefined;
      this.#attempts.labels({ provider: a.provider, kind: attemptKind(a), outcome: attemptOutcome(a) }).inc();
      if (!provider || a.failure === 'circuit-open' || (a.durationMs === 0 && a.failure)) continue;
      const served = i === last && !a.failure;
      const responseModel = served ? (call.modelResponse ?? facts.responseModel) : undefined;
      const errorType = a.failure
        ? a.status !== undefined && a.status >= 400
          ? String(a.status)
          : a.failure
        : '';
      const pc = this.#providerChildrenFor(provider, operation, a.model, responseModel, errorType);
      // A stream's operation lasts until its last chunk, not until its first bytes.
      const durationMs =
        served && call.stream && call.timings.doneMs !== undefined
          ? call.timings.doneMs - a.startMs
          : (a.durationMs ?? 0);
      pc.duration.observe(durationMs / 1000);
      if (served && call.usage) {
        pc.input.observe(call.usage.inputTokens);
        pc.output.observe(call.usage.outputTokens);
      }
    }

    if (facts.quota) {
      for (const d of facts.quota.denied)
        this.#quotaDenials.labels({ quota: d.quota, limit: d.limit, mode: 'enforce' }).inc();
      for (const d of facts.quota.shadowDenied)
        this.#quotaDenials.labels({ quota: d.quota, limit: d.limit, mode: 'shadow' }).inc();
    }
    for (const g of facts.guards)
      this.#guardActions.labels({ route, guard: g.guard, action: g.action, phase: g.phase }).inc();
    if (facts.cache !== undefined) this.#cache.labels({ route, result: facts.cache }).inc();
    const chosen = call.targets?.[0];
    if (call.routeChoice && chosen) {
      const { strategy, kind } = call.routeChoice;
      this.#choices
        .labels({
          route,
          rule: rule?.name ?? '',
          strategy,
          choice: kind,
          provider: chosen.provider.id,
          model: this.#models.value(chosen.upstreamModel),
        })
        .inc();
    }
    if (facts.costUSD !== undefined && facts.costUSD > 0 && call.provider) {
      this.#cost
        .labels({ route, provider: call.provider.id, model: this.#models.value(call.modelServed) })
        .inc(facts.costUSD);
    }
  }

  #ruleChildrenFor(rule: RuntimeRule | undefined, call: Call, status: string): RuleChildren {
    let byStatus: Map<string, RuleChildren>;
    let key = status;
    if (rule) {
      let m = this.#ruleChildren.get(rule);
      if (!m) {
        m = new Map();
        this.#ruleChildren.set(rule, m);
      }
      byStatus = m;
      // A rule can match several operations (a catch-all rule).
      key = `${call.operation}|${status}`;
    } else {
      byStatus = this.#unroutedChildren;
      key = `${call.operation}|${status}`;
    }
    let c = byStatus.get(key);
    if (!c) {
      const labels: Record<'route' | 'rule' | 'operation', string> = {
        route: rule?.routeId ?? '',
        rule: rule?.name ?? '',
        operation: call.operation,
      };
      c = {
        requests: this.#requests.labels({ ...labels, status }),
        duration: this.#requestDuration.labels(labels),
      };
      byStatus.set(key, c);
    }
    return c;
  }

  #providerOf(call: Call, id: string): RuntimeProvider | undefined {
    return call.runtime.providers.get(id);
  }

  #providerChildrenFor(
    provider: RuntimeProvider,
    operation: string,
    requestModel: string,
    responseModel: string | undefined,
    errorType: string,
  ): ProviderChildren {
    let m = this.#providerChildren.get(provider);
    if (!m) {
      m = new Map();
      this.#providerChildren.set(provider, m);
    }
    const requested = this.#models.value(requestModel);
    const responded = this.#responseModels.value(responseModel);
    const key = `${operation}|${requested}|${responded}|${errorType}`;
    let c = m.get(key);
    if (!c) {
      const labels = {
        gen_ai_operation_name: operation,
        gen_ai_provider_name: genAiProviderName(provider),
        gen_ai_request_model: requested,
        gen_ai_response_model: responded,
      };
      c = {
        duration: this.#operationDuration.labels({ ...labels, error_type: errorType.replaceAll('-', '_') }),
        input: this.#tokenUsage.labels({ ...labels, gen_ai_token_type: 'input' }),
        output: this.#tokenUsage.labels({ ...labels, gen_ai_token_type: 'output' }),
      };
      m.set(key, c);
    }
    return c;
  }
}

interface RuleChildren {
  requests: { inc(n?: number): void };
  duration: { observe(v: number): void };
}

interface ProviderChildren {
  duration: { observe(v: number): void };
  input: { observe(v: number): void };
  output: { observe(v: number): void };
}
