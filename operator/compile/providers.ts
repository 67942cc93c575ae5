// AIProvider -> the snapshot's provider entry: endpoint defaults, credentials from the Secret.
import type { AIProviderSpec } from '../../crds/aiprovider.ts';
import { durationMs } from '../../sidecar/snapshot/limits.ts';
import type { ProviderConfig } from '../../sidecar/snapshot/schema.ts';
import type { Problem, SecretInput } from './types.ts';

export interface ProviderEntry {
  namespace: string;
  name: string;
  spec: AIProviderSpec;
  /** Undefined when the provider cannot be used (its Secret is missing). */
  config?: ProviderConfig;
}

const DEFAULT_ENDPOINT: Record<string, (spec: AIProviderSpec) => string> = {
  openai: () => 'https://api.openai.com/v1',
  anthropic: () => 'https://api.anthropic.com',
  gemini: () => 'https://generativelanguage.googleapis.com',
  bedrock: (spec) => `https://bedrock-runtime.${spec.region}.amazonaws.com`,
};

const DEFAULT_API_VERSION: Record<string, string> = {
  'azure-openai': '2024-10-21',
  anthropic: '2023-06-01',
};

const BEDROCK_KEYS = ['accessKeyId', 'secretAccessKey'] as const;

export function compileProvider(
  namespace: string,
  name: string,
  spec: AIProviderSpec,
  secrets: Map<string, SecretInput>,
  problems: Problem[],
): ProviderEntry {
  const entry: ProviderEntry = { namespace, name, spec };
  const problem = (path: string, reason: string, message: string) =>
    problems.push({
      kind: 'AIProvider',
      namespace,
      name,
      path,
      reason,
      message,
      condition: 'ResolvedRefs',
      severity: 'error',
    });

  let credentials: ProviderConfig['credentials'];
  const ref = spec.auth?.secretRef;
  if (ref) {
    const secret = secrets.get(`${namespace}/${ref.name}`);
    if (!secret) {
      problem('spec.auth.secretRef.name', 'SecretNotFound', `Secret ${namespace}/${ref.name} does not exist`);
      return entry;
    }
    if (spec.type === 'bedrock') {
      const missing = BEDROCK_KEYS.filter((k) => !secret.data[k]);
      if (missing.length > 0) {
        problem(
          'spec.auth.secretRef',
          'SecretKeyNotFound',
          `Secret ${namespace}/${ref.name} has no key ${missing.join(', ')}`,
        );
        return entry;
      }
      credentials = {
        accessKeyId: secret.data.accessKeyId,
        secretAccessKey: secret.data.secretAccessKey,
        sessionToken: secret.data.sessionToken,
      };
    } else {
      const value = secret.data[ref.key];
      if (!value) {
        problem(
          'spec.auth.secretRef.key',
          'SecretKeyNotFound',
          `Secret ${namespace}/${ref.name} has no key ${ref.key}`,
        );
        return entry;
      }
      credentials = { apiKey: value.trim() };
    }
  }

  entry.config = {
    id: `${namespace}/${name}`,
    type: spec.type,
    endpoint: (spec.endpoint ?? DEFAULT_ENDPOINT[spec.type]!(spec)).replace(/\/+$/, ''),
    apiVersion: spec.apiVersion ?? DEFAULT_API_VERSION[spec.type],
    region: spec.region,
    credentials,
    headers: spec.headers ?? {},
    models: spec.models.map((m) => ({
      name: m.name,
      upstreamName: m.upstreamName,
      contextWindow: m.contextWindow,
      ...(m.maxOutputTokens ? { maxOutputTokens: m.maxOutputTokens } : {}),
      pricing: m.pricing,
    })),
    connectTimeoutMs: spec.timeouts?.connect ? durationMs(spec.timeouts.connect) : undefined,
    requestTimeoutMs: spec.timeouts?.request ? durationMs(spec.timeouts.request) : undefined,
    maxConcurrentRequests: spec.limits?.maxConcurrentRequests,
    ...(spec.dataResidency ? { dataResidency: spec.dataResidency } : {}),
  };
  return entry;
}
