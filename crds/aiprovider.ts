// AIProvider: one upstream AI account (an endpoint, its credentials and the models it serves).
import { z } from 'zod';
import { DURATION_LIMITS, ENDPOINT_PATTERN, isEndpoint, REGION_PATTERN } from '../sidecar/snapshot/limits.ts';
import {
  ageColumn,
  DATA_RESIDENCY_LABEL,
  described,
  duration,
  jurisdiction,
  type KindInfo,
  labelSelector,
  name,
  readyColumn,
  residencyRegion,
  resourceStatus,
} from './api.ts';

export const PROVIDER_TYPES = [
  'openai',
  'azure-openai',
  'anthropic',
  'gemini',
  'bedrock',
  'openai-compatible',
] as const;

const pricing = z
  .object({
    input: z.number().min(0).describe('USD per 1M input (prompt) tokens.'),
    output: z.number().min(0).describe('USD per 1M output (completion) tokens.'),
    cachedInput: z
      .number()
      .min(0)
      .optional()
      .describe('USD per 1M cached input tokens; defaults to the input price.'),
  })
  .describe('Prices in USD per one million tokens, used for cost tracking and costUSD quotas.');

const model = z
  .object({
    name: z
      .string()
      .min(1)
      .max(128)
      .describe('The model name apps and routes use, e.g. gpt-4o or claude-sonnet-4-5.'),
    upstreamName: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe(
        'The name the provider knows the model by when it differs: the Azure deployment, the Bedrock model ID, or a self-hosted model path.',
      ),
    contextWindow: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Maximum prompt + completion tokens; longer requests fail fast or fall back.'),
    maxOutputTokens: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        'The most output tokens the model produces: what a token or cost quota reserves for a call that sets no max_tokens (default 1024).',
      ),
    pricing: pricing.optional(),
  })
  .describe('A model this provider serves.');

const secretKeyRef = z
  .object({
    name: name('Name of a Secret in the provider namespace.'),
    key: z
      .string()
      .min(1)
      .max(253)
      .default('apiKey')
      .describe('Key in the Secret holding the API key (default apiKey).'),
  })
  .describe('The Secret holding the provider credential. Apps never see it.');

export const CREDENTIAL_MODES = ['Sidecar', 'Gateway'] as const;

const auth = z
  .object({
    secretRef: secretKeyRef,
    mode: z
      .enum(CREDENTIAL_MODES)
      .default('Sidecar')
      .describe(
        'Who holds the key. Sidecar (default): every sidecar whose routes use this provider receives it and injects it. Gateway: the key stays in this namespace; sidecars forward to the egress gateway here (the aimesh-gateway Service), which checks their pod token and injects it. See docs/egress-gateway.md.',
      ),
  })
  .describe(
    'Credentials injected by the sidecar (or the egress gateway). For bedrock the Secret holds accessKeyId, secretAccessKey and optionally sessionToken.',
  );

export const ALLOWED_FROM = ['Same', 'All', 'Selector', 'Approved'] as const;

const allowedNamespaces = described(
  z.object({
    from: z
      .enum(ALLOWED_FROM)
      .default('Same')
      .describe(
        'Which namespaces may route to this provider: Same (default), All, Selector, or Approved (only namespaces holding an Approved AIAccessRequest for it, and only the models the request names). The provider namespace itself always may.',
      ),
    selector: labelSelector(
      'Namespaces whose labels match may use the provider (from: Selector).',
    ).optional(),
  }),
  'Which namespaces may reference this provider from their AIRoutes.',
  [
    {
      cel: "self.from != 'Selector' || has(self.selector)",
      message: 'selector is required when from is Selector',
      check: (v) => v.from !== 'Selector' || v.selector !== undefined,
      field: '.selector',
    },
  ],
);

const dataResidency = z
  .object({
    jurisdiction: jurisdiction(
      'The legal area the data is processed under, as an upper-case code: EU, US, UK, CH, APAC, ... Routes and namespaces name it in their policies.',
    ),
    regions: z
      .array(residencyRegion('A cloud region or site, e.g. eu-west-1, westeurope, europe-west4.'))
      .min(1)
      .max(32)
      .optional()
      .describe(
        "Every region the provider may process the data in (the contract's list, not only the endpoint's). A route policy with regions admits the provider only if all of them are allowed.",
      ),
  })
  .describe(
    `Where this provider processes the data sent to it, as the provider contract states it. Routes restricting residency (AIRoute spec.dataResidency, or the namespace label ${DATA_RESIDENCY_LABEL}) only use providers declared inside their policy; a provider without this field is outside every policy. Sidecars record it on every call (span, audit line).`,
  );

const spec = described(
  z.object({
    type: z.enum(PROVIDER_TYPES).describe(`The provider API: ${PROVIDER_TYPES.join(', ')}.`),
    endpoint: described(
      z.string().max(2048).regex(new RegExp(ENDPOINT_PATTERN)),
      'Base URL of the API. openai and openai-compatible include the /v1 (http://vllm:8000/v1); the other types give the API root (https://my-resource.openai.azure.com). Defaults per type; required for azure-openai and openai-compatible.',
      [
        {
          // The apiserver parses with Go's net/url, compile and the sidecar with WHATWG URL: Go
          // lets a few through (a port above 65535) that compile then refuses (Accepted=False).
          cel: 'isURL(self)',
          message: 'must be an http(s) URL',
          check: isEndpoint,
        },
      ],
    ).optional(),
    apiVersion: z
      .string()
      .max(64)
      .optional()
      .describe(
        'API version: the api-version query for azure-openai, the anthropic-version header for anthropic.',
      ),
    region: z
      .string()
      .max(64)
      .regex(new RegExp(REGION_PATTERN))
      .optional()
      .describe('AWS region for bedrock, e.g. us-east-1.'),
    auth: auth.optional(),
    models: z.array(model).max(128).default([]).describe('Models this provider serves, with their pricing.'),
    allowedNamespaces: allowedNamespaces.optional(),
    dataResidency: dataResidency.optional(),
    timeouts: z
      .object({
        connect: duration('How long to wait for a TCP/TLS connection.', DURATION_LIMITS.timeout).optional(),
        request: duration(
          'Default time limit for a whole request when the route sets none.',
          DURATION_LIMITS.timeout,
        ).optional(),
      })
      .optional()
      .describe('Network time limits toward this provider.'),
    limits: z
      .object({
        maxConcurrentRequests: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('Requests one sidecar keeps in flight to this provider at most; more wait their turn.'),
      })
      .optional()
      .describe('Limits protecting the provider account, applied in each sidecar.'),
    headers: z
      .record(z.string().max(256), z.string().max(4096))
      .optional()
      .describe('Extra headers sent with every request, e.g. OpenAI-Organization.'),
  }),
  'Desired state of the AIProvider.',
  [
    {
      cel: "!(self.type in ['azure-openai', 'openai-compatible']) || has(self.endpoint)",
      message: 'endpoint is required for azure-openai and openai-compatible providers',
      check: (v) => !['azure-openai', 'openai-compatible'].includes(v.type) || v.endpoint !== undefined,
      field: '.endpoint',
    },
    {
      cel: "self.type != 'bedrock' || has(self.region)",
      message: 'region is required for bedrock providers',
      check: (v) => v.type !== 'bedrock' || v.region !== undefined,
      field: '.region',
    },
    {
      cel: "self.type == 'openai-compatible' || has(self.auth)",
      message: 'auth.secretRef is required for this provider type',
      check: (v) => v.type === 'openai-compatible' || v.auth !== undefined,
      field: '.auth',
    },
    {
      cel: 'self.models.all(m, self.models.filter(n, n.name == m.name).size() == 1)',
      message: 'model names must be unique',
      check: (v) => new Set(v.models.map((m) => m.name)).size === v.models.length,
      field: '.models',
    },
  ],
);

const status = resourceStatus(
  {},
  'What the operator observed: Accepted, ResolvedRefs (the Secret exists) and Ready.',
);

export const AIProviderSpec = spec;
export type AIProviderSpec = z.output<typeof spec>;

export const aiprovider: KindInfo = {
  kind: 'AIProvider',
  plural: 'aiproviders',
  singular: 'aiprovider',
  shortNames: ['aip'],
  description:
    'AIProvider declares an AI provider account: its API type, endpoint, credentials (from a Secret) and the models it serves with their prices.',
  spec,
  status,
  printerColumns: [
    { name: 'Type', type: 'string', jsonPath: '.spec.type' },
    { name: 'Endpoint', type: 'string', jsonPath: '.spec.endpoint', priority: 1 },
    readyColumn('Ready'),
    ageColumn,
  ],
};
