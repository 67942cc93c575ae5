// The Snapshot: the compiled, immutable config one sidecar enforces. This file is the contract
// between operator and sidecar: the operator's compile step produces it, the sidecar verifies it
// before use. Everything is resolved (defaults applied, durations in ms, credentials inlined) so
// the sidecar never needs the Kubernetes API. It imports nothing from operator/ or crds/.
import { z } from 'zod';
import { DURATION_LIMITS, durationRangeMessage, isEndpoint, type MsRange, WINDOW_PATTERN } from './limits.ts';

/** Milliseconds within the range a duration field allows (see limits.ts). */
const ms = (range: MsRange) =>
  z.number().int().min(range.min, durationRangeMessage(range)).max(range.max, durationRangeMessage(range));

export const PROVIDER_TYPES = [
  'openai',
  'azure-openai',
  'anthropic',
  'gemini',
  'bedrock',
  'openai-compatible',
] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const OPERATIONS = ['chat', 'completions', 'embeddings', 'images', 'audio', 'realtime'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const FAILURES = ['5xx', '429', 'timeout', 'connect-error', 'context-length'] as const;
export type Failure = (typeof FAILURES)[number];

export const PII_TYPES = ['email', 'phone', 'credit-card', 'iban', 'ssn', 'ip-address', 'secret'] as const;
export type PiiType = (typeof PII_TYPES)[number];

/** How a rule picks its backend (see sidecar/routing/strategy.ts). */
export const STRATEGIES = ['Weighted', 'LowestLatency', 'LowestCost'] as const;
export type StrategyType = (typeof STRATEGIES)[number];

export const DIMENSIONS = ['requests', 'tokens', 'inputTokens', 'outputTokens', 'costUSD'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const Pricing = z.object({
  input: z.number().min(0),
  output: z.number().min(0),
  cachedInput: z.number().min(0).optional(),
});

const Model = z.object({
  name: z.string().min(1),
  upstreamName: z.string().optional(),
  contextWindow: z.number().int().positive().optional(),
  /** The most output tokens the model produces; the quota estimate when a call sets no max_tokens. */
  maxOutputTokens: z.number().int().positive().optional(),
  pricing: Pricing.optional(),
});

/** Credentials as the sidecar injects them. Never logged, never shown by /debug/config. */
const Credentials = z.object({
  apiKey: z.string().optional(),
  accessKeyId: z.string().optional(),
  secretAccessKey: z.string().optional(),
  sessionToken: z.string().optional(),
});

const Provider = z.object({
  /** "namespace/name" of the AIProvider. */
  id: z.string().min(3),
  type: z.enum(PROVIDER_TYPES),
  /** Base URL: ends in /v1 for openai(-compatible); the API root for the other types. */
  endpoint: z.string().refine(isEndpoint, 'must be an http(s) URL'),
  apiVersion: z.string().optional(),
  region: z.string().optional(),
  credentials: Credentials.optional(),
  headers: z.record(z.string(), z.string()),
  models: z.array(Model),
  connectTimeoutMs: ms(DURATION_LIMITS.timeout).optional(),
  requestTimeoutMs: ms(DURATION_LIMITS.timeout).optional(),
  maxConcurrentRequests: z.number().int().positive().optional(),
  /** Where the provider processes data (AIProvider spec.dataResidency), recorded on every call. */
  dataResidency: z
    .object({
      jurisdiction: z.string().min(1).max(32),
      regions: z.array(z.string().max(64)).max(32).optional(),
    })
    .optional(),
  /**
   * Gateway credential mode, in a workload's snapshot: no credentials here; every request goes to
   * this egress gateway (the provider namespace's aimesh-gateway), which authenticates the
   * sidecar by its pod token and injects the key. See sidecar/gateway/.
   */
  gateway: z.object({ url: z.string().url() }).optional(),
});

/** In an egress gateway's snapshot: which namespaces' sidecars may use one of its providers. */
const GatewayGrant = z.object({
  provider: z.string(),
  /** Every namespace may (allowedNamespaces.from: All). */
  allNamespaces: z.boolean(),
  /** Otherwise only these (from: Same, or the namespaces a Selector matched at compile time). */
  namespaces: z.array(z.string()),
});

const BackendRef = z.object({
  /** Provider id ("namespace/name"), present in Snapshot.providers. */
  provider: z.string(),
  /** Model sent upstream; absent: the model the app asked for. */
  model: z.string().optional(),
});

const Match = z.object({
  /** Exact model name, or a prefix when it ends in "*". */
  model: z.string().optional(),
  /** Header names are lower-case. */
  headers: z
    .array(z.object({ name: z.string(), value: z.string(), type: z.enum(['Exact', 'RegularExpression']) }))
    .optional(),
  /** Claims of the verified JWT (dotted names reach nested claims). */
  claims: z
    .array(z.object({ name: z.string(), value: z.string(), type: z.enum(['Exact', 'RegularExpression']) }))
    .optional(),
  operation: z.enum(OPERATIONS).optional(),
  /** Estimated prompt tokens (about 4 UTF-8 bytes a token), inclusive bounds. */
  promptTokens: z
    .object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() })
    .optional(),
});

export const CLASSIFIER_TYPES = [
  'openai-moderation',
  'llama-guard',
  'prompt-guard',
  'azure-content-safety',
  'presidio',
  'webhook',
] as const;
export type ClassifierType = (typeof CLASSIFIER_TYPES)[number];

/** A guard that asks a model or service for its verdict (the provider's endpoint and key inlined). */
const Classifier = z.object({
  name: z.string(),
  type: z.enum(CLASSIFIER_TYPES),
  endpoint: z.string(),
  apiKey: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  model: z.string().optional(),
  /** Categories that count (the backend's names); absent: any. */
  categories: z.array(z.string()).optional(),
  /** Score (0..1) at or above which a category counts. */
  threshold: z.number().min(0).max(1),
  action: z.enum(['block', 'log']),
  phases: z.array(z.enum(['request', 'response'])).min(1),
  timeoutMs: ms(DURATION_LIMITS.timeout),
  failurePolicy: z.enum(['FailOpen', 'FailClosed']),
  cacheTtlMs: ms(DURATION_LIMITS.verdictTtl),
  /** Characters of a streamed answer held back per verdict. */
  streamWindow: z.number().int().positive(),
});

const Guards = z.object({
  promptInjection: z
    .object({ action: z.enum(['block', 'log']), threshold: z.number().min(0).max(1).optional() })
    .optional(),
  pii: z
    .object({
      types: z.array(z.enum(PII_TYPES)),
      request: z.enum(['mask', 'block', 'log']),
      response: z.enum(['mask', 'block', 'log']),
    })
    .optional(),
  denyPatterns: z.array(z.string()).optional(),
  maxPromptTokens: z.number().int().positive().optional(),
  classifiers: z.array(Classifier).optional(),
});

const Rule = z.object({
  /** Unique within the route: the rule's own name or "rule-<index>". */
  name: z.string(),
  /** Any one must hold; empty: every request. */
  matches: z.array(Match),
  backends: z.array(BackendRef.extend({ weight: z.number().int().min(0) })).min(1),
  timeoutMs: ms(DURATION_LIMITS.timeout).optional(),
  retries: z.object({
    attempts: z.number().int().min(0),
    backoffMs: ms(DURATION_LIMITS.backoff),
    on: z.array(z.enum(FAILURES)),
  }),
  fallback: z.object({ backends: z.array(BackendRef).min(1), on: z.array(z.enum(FAILURES)) }).optional(),
  cache: z.object({ ttlMs: ms(DURATION_LIMITS.ttl), maxBytes: z.number().int().positive() }).optional(),
  guards: Guards.optional(),
  prompt: z.object({ name: z.string(), version: z.string(), system: z.string() }).optional(),
  /** Absent: Weighted (a weighted random pick). */
  strategy: z
    .object({
      type: z.enum(STRATEGIES),
      /** LowestLatency: share of calls (0..1) sent to another backend to keep its numbers fresh. */
      exploration: z.number().min(0).max(1).optional(),
    })
    .optional(),
});

/** Provider endpoints proxied as they are (files, batches, ...): credentials injected, nothing rewritten. */
const Passthrough = z.object({
  provider: z.string(),
  /** Path prefixes below /v1 (whole segments), e.g. "/v1/files". */
  paths: z.array(z.string().regex(/^\/v1\/[A-Za-z0-9_.\-/]+$/)).min(1),
});

/** How the sidecar verifies end users' JWTs (the JWKS resolved by the operator). */
const Jwt = z.object({
  issuer: z.string().min(1),
  audiences: z.array(z.string()).min(1),
  /** The JWKS "keys" array: public JWKs (kty RSA, EC P-256, OKP Ed25519). */
  keys: z.array(z.record(z.string(), z.unknown())),
  /** Calls this route serves must carry a valid JWT. */
  required: z.boolean(),
  clockSkewMs: z.number().int().min(0),
});

const Route = z.object({
  /** "namespace/name" of the AIRoute. */
  id: z.string(),
  rules: z.array(Rule).min(1),
  passthrough: Passthrough.optional(),
  jwt: Jwt.optional(),
});

const Limit = z.object({
  name: z.string(),
  dimension: z.enum(DIMENSIONS),
  amount: z.number().min(0),
  /** "1m", "1h", "1d", "7d" (any N of m/h/d) or "calendarMonth". */
  window: z.string().regex(new RegExp(WINDOW_PATTERN)),
  /** Only these models count (prefix when ending in "*"); absent: every model. */
  models: z.array(z.string()).optional(),
  /** Output tokens a call without max_tokens reserves against this limit (tokens, outputTokens, costUSD). */
  reserveOutputTokens: z.number().int().min(0).optional(),
  /** Counted per key: a header (lower-case name), a body field, or a verified JWT claim. */
  per: z.object({ source: z.enum(['header', 'body', 'claim']), name: z.string().min(1) }).optional(),
});

const Quota = z.object({
  /** "namespace/name" of the AIQuota. */
  id: z.string(),
  enforcement: z.enum(['Enforce', 'Shadow']),
  failurePolicy: z.enum(['FailOpen', 'FailClosed']),
  limits: z.array(Limit).min(1),
});

export const SnapshotContent = z.object({
  /** Who the snapshot is for: the namespace and, when known, the workload (pod owner) name. */
  workload: z.object({ namespace: z.string(), name: z.string().optional() }),
  providers: z.array(Provider),
  /** In precedence order: the first rule of the first route that matches wins. */
  routes: z.array(Route),
  quotas: z.array(Quota),
  /** Present only in an egress gateway's snapshot (aimesh-sidecar --gateway). */
  gateway: z.object({ grants: z.array(GatewayGrant) }).optional(),
});

export const Snapshot = SnapshotContent.extend({
  /** sha256 (hex) of the canonical JSON of everything else. */
  version: z.string().regex(/^[0-9a-f]{64}$/),
});

export type SnapshotContent = z.output<typeof SnapshotContent>;
export type Snapshot = z.output<typeof Snapshot>;
export type ProviderConfig = Snapshot['providers'][number];
export type RouteConfig = Snapshot['routes'][number];
export type RuleConfig = RouteConfig['rules'][number];
export type BackendConfig = RuleConfig['backends'][number];
export type MatchConfig = RuleConfig['matches'][number];
export type StrategyConfig = NonNullable<RuleConfig['strategy']>;
export type GuardsConfig = NonNullable<RuleConfig['guards']>;
export type ClassifierConfig = NonNullable<GuardsConfig['classifiers']>[number];
export type QuotaConfig = Snapshot['quotas'][number];
export type LimitConfig = QuotaConfig['limits'][number];
export type GatewayGrant = NonNullable<Snapshot['gateway']>['grants'][number];
export type JwtConfig = NonNullable<RouteConfig['jwt']>;
export type PartitionConfig = NonNullable<LimitConfig['per']>;
