// Cost of a call in USD from the provider model's pricing (USD per 1M tokens). Prices are looked up
// once per snapshot into a map keyed by provider and model (its mesh name and its upstream name),
// so the hot path is two Map lookups and a few multiplications.
import type { Usage } from './providers/adapter.ts';
import type { Snapshot } from './snapshot/schema.ts';

export interface Pricing {
  /** USD per 1M input tokens. */
  input: number;
  /** USD per 1M output tokens. */
  output: number;
  /** USD per 1M cached input tokens; absent: cached tokens cost the input price. */
  cachedInput?: number;
}

/** Usage follows the OpenAI convention: inputTokens includes cachedInputTokens. */
export function costOf(pricing: Pricing, usage: Usage): number {
  const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
  const fresh = usage.inputTokens - cached;
  const usd =
    fresh * pricing.input +
    cached * (pricing.cachedInput ?? pricing.input) +
    usage.outputTokens * pricing.output;
  return usd / 1_000_000;
}

export interface PriceBook {
  /** Pricing of a provider's model (mesh name or upstream name); undefined when unpriced. */
  pricing(providerId: string, model: string): Pricing | undefined;
  /** USD for this usage, or undefined when the model has no pricing. */
  cost(providerId: string, model: string, usage: Usage): number | undefined;
}

/** Built once per snapshot. */
export function priceBook(snapshot: Pick<Snapshot, 'providers'>): PriceBook {
  const byProvider = new Map<string, Map<string, Pricing>>();
  for (const p of snapshot.providers) {
    const models = new Map<string, Pricing>();
    for (const m of p.models) {
      if (!m.pricing) continue;
      models.set(m.name, m.pricing);
      // The upstream may answer with its own name (and dated variants, handled below).
      if (m.upstreamName && !models.has(m.upstreamName)) models.set(m.upstreamName, m.pricing);
    }
    byProvider.set(p.id, models);
  }
  const pricing = (providerId: string, model: string): Pricing | undefined => {
    const models = byProvider.get(providerId);
    if (!models) return undefined;
    return models.get(model) ?? models.get(undated(model));
  };
  return {
    pricing,
    cost(providerId, model, usage) {
      const p = pricing(providerId, model);
      return p ? costOf(p, usage) : undefined;
    },
  };
}

/** "gpt-4o-2024-08-06" -> "gpt-4o", "claude-sonnet-4-5-20250929" -> "claude-sonnet-4-5": responses name snapshots. */
function undated(model: string): string {
  return model.replace(/-(\d{4}-\d{2}-\d{2}|\d{8})$/, '');
}
