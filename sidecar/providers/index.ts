// The adapter registry: provider type -> Adapter. One import per implementation.
import type { ProviderType } from '../snapshot/index.ts';
import type { Adapter } from './adapter.ts';
import { adapter as anthropic } from './anthropic/index.ts';
import { adapter as azureOpenAI } from './azure-openai/index.ts';
import { adapter as bedrock } from './bedrock/index.ts';
import { adapter as gemini } from './gemini/index.ts';
import { adapter as openai } from './openai/index.ts';
import { adapter as openaiCompatible } from './openai-compatible/index.ts';

const ADAPTERS: ReadonlyMap<ProviderType, Adapter> = new Map(
  [openai, openaiCompatible, azureOpenAI, anthropic, gemini, bedrock].map((a) => [a.type, a]),
);

/** The adapter for a provider type; undefined when this build has none. */
export function adapterFor(type: ProviderType): Adapter | undefined {
  return ADAPTERS.get(type);
}

export function adapterTypes(): ProviderType[] {
  return [...ADAPTERS.keys()];
}
