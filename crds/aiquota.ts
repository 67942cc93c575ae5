// AIQuota: a budget of requests, tokens or USD for the workloads of one namespace, enforced by
// every sidecar from leases the operator grants.
import { z } from 'zod';
import { WINDOW_PATTERN } from '../sidecar/snapshot/limits.ts';
import { ageColumn, described, type KindInfo, labelMap, readyColumn, resourceStatus } from './api.ts';

export const DIMENSIONS = ['requests', 'tokens', 'inputTokens', 'outputTokens', 'costUSD'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Budget alert thresholds: percent of a limit, each crossed at most once per window. */
const alertThresholds = (what: string) =>
  described(
    z.array(z.number().int().min(1).max(1000)).max(8),
    `${what} Percent of the limit (1-1000, e.g. [50, 80, 100]); crossing one records a Warning Event and the BudgetAlert condition, once per window.`,
    [
      {
        cel: 'self.all(t, self.exists_one(o, o == t))',
        message: 'alert thresholds must be unique',
        check: (v) => new Set(v).size === v.length,
      },
    ],
  );

/** Where a partitioned limit reads its key: exactly one source. */
export const PER_SOURCES = ['header', 'body', 'claim'] as const;

const per = described(
  z.object({
    header: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/)
      .optional()
      .describe('A request header the app sets, case-insensitive (x-aimesh-user, or your own).'),
    body: z
      .enum(['user', 'safety_identifier'])
      .optional()
      .describe(
        'A field of the OpenAI request body: user or safety_identifier (Anthropic: metadata.user_id).',
      ),
    claim: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe(
        'A claim of the JWT the sidecar verified (AIRoute authentication.jwt), e.g. sub; a dotted path reaches a nested claim.',
      ),
  }),
  'Counts the limit separately for each value of a request attribute (an end user, an API consumer): every key gets the whole amount per window. Calls without the attribute share the key "-".',
  [
    {
      cel: '[has(self.header), has(self.body), has(self.claim)].filter(x, x).size() == 1',
      message: 'per sets exactly one of header, body or claim',
      check: (v) => PER_SOURCES.filter((k) => v[k] !== undefined).length === 1,
    },
  ],
);

const limit = described(
  z.object({
    name: z
      .string()
      .min(1)
      .max(63)
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
      .describe('Name of the limit, used in status, metrics and the 429 message.'),
    requests: z.number().int().min(0).optional().describe('Maximum number of requests per window.'),
    tokens: z.number().int().min(0).optional().describe('Maximum input + output tokens per window.'),
    inputTokens: z.number().int().min(0).optional().describe('Maximum input (prompt) tokens per window.'),
    outputTokens: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Maximum output (completion) tokens per window.'),
    costUSD: z
      .number()
      .min(0)
      .optional()
      .describe('Maximum spend in USD per window, priced from AIProvider models.'),
    window: z
      .string()
      .max(16)
      .describe('The accounting window: Nm, Nh or Nd (e.g. 1m, 1h, 1d, 7d), or calendarMonth (UTC).'),
    models: z
      .array(z.string().min(1).max(128))
      .max(32)
      .optional()
      .describe(
        'Only calls served by these models count (the model the route resolves to and its upstream name, any case; a trailing * matches a prefix; fallbacks included); empty: every model.',
      ),
    reserveOutputTokens: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        "Output tokens a call that sets no max_tokens reserves against this tokens, outputTokens or costUSD limit (default: the model's maxOutputTokens, else 1024). The call settles to its real usage, so it can exceed the reserve by what it really produced beyond it.",
      ),
    alerts: alertThresholds(
      'Alert thresholds of this limit, replacing spec.alerts; [] turns them off.',
    ).optional(),
    per: per.optional(),
  }),
  'One limit: exactly one of requests, tokens, inputTokens, outputTokens or costUSD, over a window.',
  [
    {
      cel: '[has(self.requests), has(self.tokens), has(self.inputTokens), has(self.outputTokens), has(self.costUSD)].filter(x, x).size() == 1',
      message: 'each limit sets exactly one of requests, tokens, inputTokens, outputTokens or costUSD',
      check: (v) => DIMENSIONS.filter((d) => v[d] !== undefined).length === 1,
    },
    {
      cel: `self.window.matches('${WINDOW_PATTERN}')`,
      message: 'window must be a number with m, h or d (1m, 1h, 1d, 7d) or calendarMonth',
      check: (v) => new RegExp(WINDOW_PATTERN).test(v.window),
      field: '.window',
    },
  ],
);

const spec = described(
  z.object({
    selector: z
      .object({
        matchLabels: labelMap('Pod labels that must all match.').optional(),
        serviceAccounts: z
          .array(z.string().min(1).max(253))
          .max(32)
          .optional()
          .describe('Pods running as one of these ServiceAccounts.'),
      })
      .optional()
      .describe('Which workloads share this quota; empty means every pod in the namespace.'),
    limits: z.array(limit).min(1).max(16).describe('Limits that all apply; the first one exhausted denies.'),
    alerts: alertThresholds('Alert thresholds of every limit that sets none of its own.').optional(),
    enforcement: z
      .enum(['Enforce', 'Shadow'])
      .default('Enforce')
      .describe('Enforce (default) denies with 429; Shadow admits and records would-be denials.'),
    failurePolicy: z
      .enum(['FailOpen', 'FailClosed'])
      .default('FailOpen')
      .describe(
        'When the quota service is unreachable and the local lease is spent: FailOpen admits, FailClosed denies.',
      ),
  }),
  'Desired state of the AIQuota.',
  [
    {
      cel: 'self.limits.all(l, self.limits.filter(o, o.name == l.name).size() == 1)',
      message: 'limit names must be unique',
      check: (v) => new Set(v.limits.map((l) => l.name)).size === v.limits.length,
      field: '.limits',
    },
  ],
);

const status = resourceStatus(
  {
    limits: z
      .array(
        z.object({
          name: z.string().describe('The limit name.'),
          used: z
            .number()
            .describe('Spent in the current window (a partitioned limit: the sum over its keys).'),
          limit: z.number().describe('The limit value (a partitioned limit: per key).'),
          resetsAt: z.string().optional().describe('When the current window ends (RFC 3339).'),
          alert: z
            .number()
            .int()
            .optional()
            .describe('The highest alert threshold (percent) crossed in the current window.'),
          keys: z
            .number()
            .int()
            .min(0)
            .optional()
            .describe(
              'A partitioned limit (per): distinct keys that spent in the current window; used is their sum.',
            ),
          top: z
            .array(
              z.object({
                key: z.string().describe('The key (header value, body field or claim).'),
                used: z.number().describe('Spent by this key in the current window.'),
              }),
            )
            .max(10)
            .optional()
            .describe('A partitioned limit: the keys that spent most in the current window, largest first.'),
        }),
      )
      .max(16)
      .optional()
      .describe('Live spend per limit, persisted by the operator.'),
    usage: z
      .string()
      .max(2048)
      .optional()
      .describe(
        'Every limit\'s use in one line, "name=used/limit" in spec order, comma-separated (e.g. "tpm=1200/100000,daily-usd=0.42/50"): the USAGE column. Written with status.limits, zeros included from creation.',
      ),
  },
  'What the operator observed: Accepted and live usage per limit.',
);

export const AIQuotaSpec = spec;
export type AIQuotaSpec = z.output<typeof spec>;

export const aiquota: KindInfo = {
  kind: 'AIQuota',
  plural: 'aiquotas',
  singular: 'aiquota',
  shortNames: ['aiq'],
  description:
    'AIQuota limits the requests, tokens or USD spend of the selected workloads per window, enforced across all their replicas.',
  spec,
  status,
  printerColumns: [
    // A column shows one JSONPath result: every limit's use comes from status.usage, one line.
    { name: 'Usage', type: 'string', jsonPath: '.status.usage' },
    { name: 'Alert', type: 'string', jsonPath: '.status.conditions[?(@.type=="BudgetAlert")].status' },
    { name: 'Keys', type: 'integer', jsonPath: '.status.limits[0].keys' },
    { name: 'Top', type: 'string', jsonPath: '.status.limits[0].top[0].key' },
    { name: 'Top Used', type: 'number', jsonPath: '.status.limits[0].top[0].used', priority: 1 },
    { name: 'Enforcement', type: 'string', jsonPath: '.spec.enforcement', priority: 1 },
    readyColumn('Accepted'),
    ageColumn,
  ],
};
