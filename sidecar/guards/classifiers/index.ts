// Classifier guards, compiled once per snapshot rule: the wire format's Ask wrapped with a
// timeout, a verdict cache (same texts, same verdict, for cacheTtl) and the failure policy.
import { createHash } from 'node:crypto';
import type { ClassifierConfig, ClassifierType } from '../../snapshot/schema.ts';
import { azureContentSafety } from './azure-content-safety.ts';
import type { Ask, Phase, Verdict } from './classifier.ts';
import { llamaGuard } from './llama-guard.ts';
import { openaiModeration } from './openai-moderation.ts';
import { presidio } from './presidio.ts';
import { promptGuard } from './prompt-guard.ts';
import { webhook } from './webhook.ts';

export type { Phase, Verdict } from './classifier.ts';

const FORMATS: Record<ClassifierType, (c: ClassifierConfig) => Ask> = {
  'openai-moderation': openaiModeration,
  'llama-guard': llamaGuard,
  'prompt-guard': promptGuard,
  'azure-content-safety': azureContentSafety,
  presidio,
  webhook,
};

/** Verdicts kept per classifier (least recently used go first). */
const CACHE_ENTRIES = 10_000;

export type Outcome =
  | { verdict: Verdict; cached: boolean }
  /** No verdict (timeout, error, garbage): failurePolicy decides. */
  | { failed: string };

export interface ClassifierGuard {
  readonly config: ClassifierConfig;
  applies(phase: Phase): boolean;
  check(texts: string[], phase: Phase, signal: AbortSignal): Promise<Outcome>;
}

export function compileClassifier(config: ClassifierConfig): ClassifierGuard {
  const ask = FORMATS[config.type](config);
  const cache = new Map<string, { verdict: Verdict; until: number }>();
  return {
    config,
    applies: (phase) => config.phases.includes(phase),
    async check(texts, phase, signal) {
      const key = createHash('sha256').update(phase).update('\0').update(texts.join('\0')).digest('base64');
      const hit = cache.get(key);
      if (hit && hit.until > Date.now()) {
        cache.delete(key);
        cache.set(key, hit);
        return { verdict: hit.verdict, cached: true };
      }
      try {
        const verdict = await ask(
          texts,
          phase,
          AbortSignal.any([signal, AbortSignal.timeout(config.timeoutMs)]),
        );
        if (config.cacheTtlMs > 0) {
          cache.set(key, { verdict, until: Date.now() + config.cacheTtlMs });
          if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
        }
        return { verdict, cached: false };
      } catch (err) {
        const e = err as Error;
        return { failed: e.name === 'TimeoutError' ? `no verdict within ${config.timeoutMs} ms` : e.message };
      }
    },
  };
}
