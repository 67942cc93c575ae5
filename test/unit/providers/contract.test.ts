// Runs the adapter contract (contract.ts) for every provider adapter present in the tree, so an
// adapter added later (e.g. openai, openai-compatible) is held to the same suite.
import { existsSync } from 'node:fs';
import type { Adapter } from '../../../sidecar/providers/adapter.ts';
import type { ProviderConfig, ProviderType } from '../../../sidecar/snapshot/schema.ts';
import { adapterContract, PROVIDER_HEADER, TEST_API_KEY, TEST_AWS } from './contract.ts';

const headers = { [PROVIDER_HEADER[0]]: PROVIDER_HEADER[1] };

function config(
  type: ProviderType,
  endpoint: string,
  upstreamName: string,
  extra: Partial<ProviderConfig> = {},
) {
  return (): ProviderConfig => ({
    id: `ai-platform/${type}`,
    type,
    endpoint,
    headers,
    credentials: { apiKey: TEST_API_KEY },
    models: [{ name: 'chat', upstreamName }],
    ...extra,
  });
}

const ADAPTERS: { folder: string; provider: (url: string) => ProviderConfig }[] = [
  { folder: 'openai', provider: (url) => config('openai', `${url}/v1`, 'gpt-4o-mini')() },
  {
    folder: 'openai-compatible',
    provider: (url) => config('openai-compatible', `${url}/v1`, 'llama-3.1-8b')(),
  },
  {
    folder: 'azure-openai',
    provider: (url) => config('azure-openai', url, 'gpt-4o-prod', { apiVersion: '2024-10-21' })(),
  },
  { folder: 'anthropic', provider: (url) => config('anthropic', url, 'claude-sonnet-4-5')() },
  { folder: 'gemini', provider: (url) => config('gemini', url, 'gemini-2.5-flash')() },
  {
    folder: 'bedrock',
    // A real-looking model id: its ':' must be escaped in the path and in the SigV4 canonical URI.
    provider: (url) =>
      config('bedrock', url, 'anthropic.claude-3-5-haiku-20241022-v1:0', {
        region: 'eu-central-1',
        credentials: { ...TEST_AWS },
      })(),
  },
];

for (const { folder, provider } of ADAPTERS) {
  const file = new URL(`../../../sidecar/providers/${folder}/index.ts`, import.meta.url);
  if (!existsSync(file)) continue;
  const mod = (await import(file.href)) as { adapter?: Adapter };
  if (!mod.adapter) throw new Error(`sidecar/providers/${folder}/index.ts must export \`adapter\``);
  adapterContract(folder, mod.adapter, provider);
}
