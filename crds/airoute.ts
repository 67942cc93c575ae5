// AIRoute: how a workload's requests reach providers (match -> backends, with resilience,
// guards, cache and a managed prompt).
import { z } from 'zod';
import { DURATION_LIMITS } from '../sidecar/snapshot/limits.ts';
import {
  ageColumn,
  DATA_RESIDENCY_LABEL,
  described,
  duration,
  jurisdiction,
  type KindInfo,
  labelMap,
  namespaceName,
  re2Rule,
  readyColumn,
  residencyRegion,
  resourceStatus,
} from './api.ts';

export const OPERATIONS = ['chat', 'completions', 'embeddings', 'images', 'audio', 'realtime'] as const;
export const FAILURES = ['5xx', '429', 'timeout', 'connect-error', 'context-length'] as const;
export const STRATEGIES = ['Weighted', 'LowestLatency', 'LowestCost'] as const;
export const PII_TYPES = ['email', 'phone', 'credit-card', 'iban', 'ssn', 'ip-address', 'secret'] as const;

const providerRef = described(
  z.object({
    name: z.string().min(1).max(253).describe('Name of the AIProvider.'),
    namespace: namespaceName(
      'Namespace of the AIProvider when it lives elsewhere (for example a platform namespace); the provider must allow this namespace.',
    ).optional(),
  }),
  'The AIProvider to send requests to.',
  [
    {
      cel: "!self.name.contains('/')",
      message:
        "name is the AIProvider's name alone: put a cross-namespace provider's namespace in providerRef.namespace",
      check: (v) => !v.name.includes('/'),
      field: '.name',
    },
  ],
);

const backend = z
  .object({
    providerRef,
    model: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .describe('The provider model to call; defaults to the model the app asked for.'),
    weight: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(1)
      .describe('Share of traffic for weighted splits (A/B, canaries); 0 takes the backend out of rotation.'),
  })
  .describe('A provider and model that can serve the rule.');

const headerMatch = described(
  z.object({
    name: z.string().min(1).max(256).describe('Header name, case-insensitive, e.g. x-user-tier.'),
    value: z.string().max(4096).describe('The value to compare with.'),
    type: z
      .enum(['Exact', 'RegularExpression'])
      .default('Exact')
      .describe('Exact (default) or RegularExpression (RE2 syntax, unanchored: anchor with ^ and $).'),
  }),
  'A request header condition.',
  [
    re2Rule(
      "self.type == 'RegularExpression' ? self.value : ''",
      (v) => (v.type === 'RegularExpression' ? v.value : undefined),
      '.value',
    ),
  ],
);

const claimMatch = described(
  z.object({
    name: z
      .string()
      .min(1)
      .max(256)
      .describe('Claim name; a dotted path reaches a nested claim (realm_access.roles).'),
    value: z
      .string()
      .max(4096)
      .describe('The value to compare with; a list claim matches when one item does.'),
    type: z
      .enum(['Exact', 'RegularExpression'])
      .default('Exact')
      .describe('Exact (default) or RegularExpression (RE2 syntax, unanchored: anchor with ^ and $).'),
  }),
  'A condition on a claim of the verified JWT (see authentication.jwt).',
  [
    re2Rule(
      "self.type == 'RegularExpression' ? self.value : ''",
      (v) => (v.type === 'RegularExpression' ? v.value : undefined),
      '.value',
    ),
  ],
);

const promptTokens = described(
  z.object({
    min: z.number().int().min(0).max(10_000_000).optional().describe('Prompts at least this long.'),
    max: z.number().int().min(0).max(10_000_000).optional().describe('Prompts at most this long.'),
  }),
  'The size of the prompt in estimated tokens (about 4 UTF-8 bytes a token, counted cheaply before routing; not exact: guards.maxPromptTokens is), bounds inclusive: send short prompts to a small model.',
  [
    {
      cel: 'has(self.min) || has(self.max)',
      message: 'set min, max or both',
      check: (v) => v.min !== undefined || v.max !== undefined,
    },
    {
      cel: '!has(self.min) || !has(self.max) || self.min <= self.max',
      message: 'min must not be above max',
      check: (v) => v.min === undefined || v.max === undefined || v.min <= v.max,
    },
  ],
);

const match = z
  .object({
    model: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .describe('The model the app asks for; a trailing * matches a prefix (gpt-4o*). Aliases are fine.'),
    headers: z.array(headerMatch).max(8).optional().describe('Headers that must all match.'),
    claims: z
      .array(claimMatch)
      .max(8)
      .optional()
      .describe(
        'Claims of the verified JWT that must all match; a call without a verified JWT never matches.',
      ),
    operation: z
      .enum(OPERATIONS)
      .optional()
      .describe(`The API operation: ${OPERATIONS.join(', ')}.`),
    promptTokens: promptTokens.optional(),
  })
  .describe('Conditions that must all hold for the rule to apply.');

const retries = z
  .object({
    attempts: z
      .number()
      .int()
      .min(0)
      .max(10)
      .default(2)
      .describe('Retries after the first attempt on the same backend (default 2).'),
    backoff: duration(
      'Base delay, doubled each retry with jitter; default 100ms.',
      DURATION_LIMITS.backoff,
    ).optional(),
    triggers: z
      .array(z.enum(FAILURES))
      .max(5)
      .optional()
      .describe(`Failures that are retried: ${FAILURES.join(', ')}. Default: 5xx, 429, connect-error.`),
  })
  .describe('Retries on one backend. A streamed response is never retried once it has started.');

const fallback = z
  .object({
    backends: z
      .array(backend.omit({ weight: true }))
      .min(1)
      .max(8)
      .describe('Backends tried in order when the primary fails.'),
    triggers: z
      .array(z.enum(FAILURES))
      .max(5)
      .optional()
      .describe(`Failures that trigger fallback: ${FAILURES.join(', ')}. Default: all of them.`),
  })
  .describe('An ordered chain of backends to try when the chosen backend fails.');

const strategy = described(
  z.object({
    type: z
      .enum(STRATEGIES)
      .default('Weighted')
      .describe(
        'Weighted (default): a random pick by weight. LowestLatency: the backend with the lowest moving average of time to first token (streams) or latency, as this sidecar measured it; failures count as slow. LowestCost: the backend whose model prices make this call cheapest (estimated prompt tokens, expected output); every backend model needs pricing.',
      ),
    exploration: z
      .number()
      .int()
      .min(0)
      .max(100)
      .optional()
      .describe(
        'LowestLatency: percent of calls sent to another backend (by weight) to keep its numbers fresh, so a backend that recovers is found again (default 10). Numbers older than 5 minutes are forgotten either way.',
      ),
  }),
  'How the rule picks the backend a call goes to first; the fallback chain and the circuit breakers apply as always, and a backend whose circuit is open is never chosen by LowestLatency or LowestCost. Weights of 0 keep a backend out under every strategy.',
  [
    {
      cel: "!has(self.exploration) || self.type == 'LowestLatency'",
      message: 'exploration applies to LowestLatency only',
      check: (v) => v.exploration === undefined || v.type === 'LowestLatency',
      field: '.exploration',
    },
  ],
);

const piiAction = z.enum(['mask', 'block', 'log']);
export const CLASSIFIER_TYPES = [
  'openai-moderation',
  'llama-guard',
  'prompt-guard',
  'azure-content-safety',
  'presidio',
  'webhook',
] as const;

const classifier = z
  .object({
    name: z
      .string()
      .min(1)
      .max(63)
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
      .describe('Name of this guard in audit lines, traces and errors.'),
    type: z
      .enum(CLASSIFIER_TYPES)
      .describe(
        'The wire format: openai-moderation (/v1/moderations), llama-guard (chat model answering safe/unsafe), prompt-guard (a classification model served by vLLM /classify), azure-content-safety (text:analyze), presidio (Presidio Analyzer /analyze), webhook (the documented generic JSON).',
      ),
    providerRef: providerRef.describe('The AIProvider whose endpoint and credentials the classifier uses.'),
    model: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .describe('Model to ask (moderation, Llama Guard, Prompt Guard).'),
    categories: z
      .array(z.string().min(1).max(64))
      .max(32)
      .optional()
      .describe(
        "Categories that count, in the backend's names (e.g. hate, violence, S1, PERSON); empty: any.",
      ),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe(
        'Score from 0 to 1 at or above which a category counts (Azure severities 0/2/4/6 read as 0, 0.33, 0.67, 1).',
      ),
    action: z.enum(['block', 'log']).default('block').describe('block (default) or log.'),
    phases: z
      .array(z.enum(['request', 'response']))
      .min(1)
      .max(2)
      .default(['request', 'response'])
      .describe('Check prompts, completions (streams included), or both.'),
    timeout: duration('Time limit for one verdict; default 2s.', DURATION_LIMITS.timeout).optional(),
    failurePolicy: z
      .enum(['FailOpen', 'FailClosed'])
      .default('FailOpen')
      .describe(
        'When the classifier fails or times out: let the text through (FailOpen) or refuse it (FailClosed).',
      ),
    cacheTtl: duration(
      'How long a verdict for the same text is reused; default 5m, 0s to never reuse.',
      DURATION_LIMITS.verdictTtl,
    ).optional(),
    streamWindow: z
      .number()
      .int()
      .min(50)
      .max(16384)
      .default(400)
      .describe('Characters of a streamed completion held back for each verdict (the latency cost).'),
  })
  .describe(
    'A guard that asks a model or service (moderation, Llama Guard, Prompt Guard, Azure AI Content Safety, Presidio, a webhook).',
  );
const guards = z
  .object({
    promptInjection: z
      .object({
        action: z.enum(['block', 'log']).default('block').describe('block (default) or log.'),
        threshold: z
          .number()
          .min(0)
          .max(1)
          .optional()
          .describe(
            'Score from 0 to 1 a prompt must reach to count as an attack (default 0.5: any one clear signal). Signals weigh 0.6 (indirect; the learned scorer) to 0.9 (override); several combine. Above 0.6, an indirect signal or the scorer alone no longer counts: fewer false positives, less recall.',
          ),
      })
      .optional()
      .describe('Detects prompt-injection phrasings in the prompt.'),
    pii: z
      .object({
        types: z
          .array(z.enum(PII_TYPES))
          .min(1)
          .max(7)
          .describe(`PII kinds to detect: ${PII_TYPES.join(', ')}.`),
        request: piiAction.default('mask').describe('What to do with PII in prompts: mask, block or log.'),
        response: piiAction
          .default('mask')
          .describe('What to do with PII in completions: mask, block or log.'),
      })
      .optional()
      .describe('Detects personal data and secrets in prompts and completions (streams included).'),
    denyPatterns: z
      .array(
        described(z.string().min(1).max(1024), 'A regular expression (RE2 syntax).', [
          re2Rule('self', (v) => v),
        ]),
      )
      .max(32)
      .optional()
      .describe(
        'Regular expressions (RE2 syntax, matched in linear time, case-insensitive) that block a prompt when found anywhere in it.',
      ),
    maxPromptTokens: z.number().int().min(1).optional().describe('Prompts longer than this are refused.'),
    classifiers: z.array(classifier).max(8).optional().describe('Guards backed by a model or service.'),
  })
  .describe('Content checks on prompts and completions.');

const cache = z
  .object({
    ttl: duration('How long a cached response is served.', DURATION_LIMITS.ttl),
    maxBytes: z
      .number()
      .int()
      .min(1024)
      .optional()
      .describe('Upper bound of the cache in each sidecar, in bytes (default 64 MiB).'),
  })
  .describe('Exact-match response cache in each sidecar; apps bypass it with cache-control: no-cache.');

const prompt = z
  .object({
    name: z.string().min(1).max(128).describe('Name of the managed prompt, recorded on each call.'),
    version: z.string().min(1).max(64).describe('Version of the managed prompt, recorded on each call.'),
    system: z.string().min(1).max(32768).describe('System prompt prepended to every chat request.'),
  })
  .describe('A managed, versioned system prompt.');

/** Policy fields a rule may set itself or inherit from the route. */
const policy = {
  timeout: duration(
    'Time limit for the whole request, fallbacks included.',
    DURATION_LIMITS.timeout,
  ).optional(),
  retries: retries.optional(),
  fallback: fallback.optional(),
  cache: cache.optional(),
  guards: guards.optional(),
  prompt: prompt.optional(),
};
export const POLICY_FIELDS = Object.keys(policy) as (keyof typeof policy)[];

const rule = described(
  z.object({
    name: z
      .string()
      .min(1)
      .max(63)
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
      .optional()
      .describe('Name of the rule, shown in metrics, traces and status.'),
    matches: z.array(match).max(8).optional().describe('Any one of these must hold (empty: every request).'),
    backends: z
      .array(backend)
      .min(1)
      .max(16)
      .describe('Where matching requests go: split by weight, or chosen by the strategy.'),
    strategy: strategy.optional(),
    ...policy,
  }),
  'A routing rule; the first rule that matches a request wins. Policy fields override the route defaults.',
  [
    {
      cel: 'self.backends.exists(b, !has(b.weight) || b.weight > 0)',
      message: 'at least one backend must have a weight above 0',
      check: (v) => v.backends.some((b) => b.weight > 0),
      field: '.backends',
    },
  ],
);

const passthrough = z
  .object({
    backend: z
      .object({ providerRef })
      .describe('The provider (openai or openai-compatible) that serves these paths.'),
    paths: z
      .array(
        z
          .string()
          .max(128)
          .regex(/^\/v1\/[A-Za-z0-9_.\-/]+$/)
          .describe('A path prefix below /v1 (whole segments), e.g. /v1/files.'),
      )
      .min(1)
      .max(16)
      .describe('Path prefixes proxied as they are, e.g. /v1/files, /v1/batches, /v1/vector_stores.'),
  })
  .describe(
    'Provider endpoints the mesh does not model (files, batches, vector stores, ...), proxied as they are with the provider credentials injected, an audit line and a trace; bodies are not rewritten and no model routing, quota or guard applies.',
  );

const jwks = z
  .object({
    secretRef: z
      .object({
        name: z.string().min(1).max(253).describe("Name of the Secret, in the route's namespace."),
        key: z
          .string()
          .min(1)
          .max(253)
          .default('jwks.json')
          .describe('Key holding the JWKS JSON (default jwks.json).'),
      })
      .describe('A Secret holding the JWKS.'),
  })
  .describe(
    'The issuer\'s public keys as a JWKS ({"keys":[...]}), resolved by the operator into the snapshot (the sidecar fetches nothing).',
  );

const authentication = z
  .object({
    jwt: z
      .object({
        issuer: z.string().min(1).max(1024).describe('The iss every token must carry.'),
        audiences: z
          .array(z.string().min(1).max(1024))
          .min(1)
          .max(16)
          .describe('Accepted aud values; a token must name one of them.'),
        jwks,
        required: z
          .boolean()
          .default(false)
          .describe('Calls this route serves must carry a valid JWT (401 otherwise); default false.'),
        clockSkew: duration('Leeway for exp and nbf; default 30s.', DURATION_LIMITS.clockSkew).optional(),
      })
      .describe(
        "End users' JWTs, carried in Authorization: Bearer (or x-api-key), verified by the sidecar (RS256, ES256, EdDSA) and never forwarded. Invalid or expired tokens get 401.",
      ),
  })
  .describe(
    'Who the caller is: quota keys (AIQuota per.claim) and rule matches (matches[].claims) read its claims.',
  );

const dataResidency = described(
  z.object({
    jurisdictions: z
      .array(jurisdiction('A jurisdiction code, e.g. EU.'))
      .min(1)
      .max(16)
      .optional()
      .describe(
        'Providers must declare one of these jurisdictions (AIProvider spec.dataResidency.jurisdiction).',
      ),
    regions: z
      .array(residencyRegion('A region or site, e.g. eu-west-1.'))
      .min(1)
      .max(64)
      .optional()
      .describe('Providers must declare regions, all of them in this list.'),
  }),
  `Where the data of this route may be processed. Every provider the route uses (backends, fallbacks, classifier guards, passthrough) must be declared inside it, or it is left out with a ResolvedRefs problem; the namespace label ${DATA_RESIDENCY_LABEL} applies on top (a route can only narrow it).`,
  [
    {
      cel: 'has(self.jurisdictions) || has(self.regions)',
      message: 'dataResidency names jurisdictions, regions or both',
      check: (v) => v.jurisdictions !== undefined || v.regions !== undefined,
    },
  ],
);

const spec = described(
  z.object({
    workloadSelector: z
      .object({ matchLabels: labelMap('Pod labels that must all match.').optional() })
      .optional()
      .describe('Pods whose sidecars get this route; empty means every pod in the namespace.'),
    rules: z.array(rule).min(1).max(32).describe('Ordered rules; the first match wins.'),
    passthrough: passthrough.optional(),
    authentication: authentication.optional(),
    dataResidency: dataResidency.optional(),
    ...policy,
  }),
  'Desired state of the AIRoute. timeout, retries, fallback, cache, guards and prompt here are defaults for every rule.',
  [
    {
      cel: 'self.rules.all(r, !has(r.name) || self.rules.filter(o, has(o.name) && o.name == r.name).size() == 1)',
      message: 'rule names must be unique',
      check: (v) => {
        const names = v.rules.flatMap((r) => (r.name ? [r.name] : []));
        return new Set(names).size === names.length;
      },
      field: '.rules',
    },
  ],
);

const status = resourceStatus(
  {
    rules: z.number().int().min(0).optional().describe('How many rules the route has.'),
    version: z.string().optional().describe('Snapshot version that carries this route (sha256 prefix).'),
    sidecars: z
      .object({
        connected: z.number().int().min(0).describe('Connected sidecars this route applies to.'),
        current: z.number().int().min(0).describe('Of those, how many run the current version.'),
      })
      .optional()
      .describe('Sidecars selected by this route.'),
  },
  'What the operator observed: Accepted, ResolvedRefs, Programmed, and sidecar rollout.',
);

export const AIRouteSpec = spec;
export type AIRouteSpec = z.output<typeof spec>;
export type RouteRule = z.output<typeof rule>;
export type Backend = z.output<typeof backend>;

export const airoute: KindInfo = {
  kind: 'AIRoute',
  plural: 'airoutes',
  singular: 'airoute',
  shortNames: ['air'],
  description:
    'AIRoute routes the AI requests of the selected workloads to providers, with weighted splits, latency- and cost-aware strategies, fallback, retries, guards, caching and managed prompts.',
  spec,
  status,
  printerColumns: [
    { name: 'Rules', type: 'integer', jsonPath: '.status.rules' },
    readyColumn('Programmed'),
    { name: 'Sidecars', type: 'integer', jsonPath: '.status.sidecars.current' },
    ageColumn,
  ],
};
