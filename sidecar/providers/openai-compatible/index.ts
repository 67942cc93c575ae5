// Self-hosted or third-party servers that speak the OpenAI API (vLLM, Ollama, LiteLLM, TGI, ...):
// the OpenAI adapter under another type. Credentials are optional for these.
import type { Adapter } from '../adapter.ts';
import { openAIAdapter } from '../openai/index.ts';

export const openaiCompatible: Adapter = openAIAdapter('openai-compatible', 'openai-compatible');
export { openaiCompatible as adapter };
