// How each provider type carries its credential, for the egress gateway: the app's sidecar built
// the request with its adapter (no credential: its snapshot has none), the gateway adds the key
// here exactly where that adapter would have put it, or signs the whole request for Bedrock.
import type { UpstreamRequest } from '../providers/adapter.ts';
import { signBedrockRequest } from '../providers/bedrock/index.ts';
import type { ProviderConfig, ProviderType } from '../snapshot/schema.ts';

/** Header names that carry a credential for some provider type: a caller's copy is never sent. */
export const CREDENTIAL_HEADERS = [
  'authorization',
  'api-key',
  'x-api-key',
  'x-goog-api-key',
  'x-amz-security-token',
  'x-amz-date',
  'x-amz-content-sha256',
] as const;

const KEY_HEADER: Record<Exclude<ProviderType, 'bedrock'>, (key: string) => [string, string]> = {
  openai: (key) => ['authorization', `Bearer ${key}`],
  'openai-compatible': (key) => ['authorization', `Bearer ${key}`],
  'azure-openai': (key) => ['api-key', key],
  anthropic: (key) => ['x-api-key', key],
  gemini: (key) => ['x-goog-api-key', key],
};

export async function injectCredentials(
  provider: ProviderConfig,
  request: UpstreamRequest,
): Promise<UpstreamRequest> {
  if (provider.type === 'bedrock')
    return signBedrockRequest(provider, { ...request, body: request.body ?? '' });
  const key = provider.credentials?.apiKey;
  if (!key) return request; // an openai-compatible server without auth
  const [name, value] = KEY_HEADER[provider.type](key);
  return { ...request, headers: { ...request.headers, [name]: value } };
}
