// LowestCost: the backend whose model would charge least for this call, priced from the
// provider's model prices (USD per 1M tokens): the estimated prompt tokens at the input price,
// plus the expected output at the output price. Expected output: the backend's moving average
// of output tokens (else the other backends' average), capped by the call's max_tokens; with no
// average at all, max_tokens, else DEFAULT_OUTPUT_TOKENS. Ties are split by weight; a backend whose circuit
// is open is never chosen; unpriced backends only when no backend is priced (compile refuses
// such rules, so that is a model the app named and the provider does not price).
import type { Pricing } from '../cost.ts';
import {
  type Candidate,
  type Choice,
  type RoutingState,
  type Strategy,
  usableOrChosen,
  weightedIndex,
} from './strategy.ts';

/** Output tokens assumed when nothing better is known (a short chat answer). */
export const DEFAULT_OUTPUT_TOKENS = 256;

export function lowestCost(state: RoutingState): Strategy {
  return {
    type: 'LowestCost',
    choose(candidates, request): Choice {
      const usable = usableOrChosen(candidates, state);
      if (usable.choice) return usable.choice;
      const { indices } = usable;
      const priced = indices.filter((i) => candidates[i].pricing !== undefined);
      if (priced.length === 0)
        return {
          index: weightedIndex(candidates, indices, state.random()),
          kind: 'unpriced',
          reason: 'no usable backend has prices for this model; picked by weight',
        };

      const input = request.promptTokens();
      const outputs = expectedOutputs(candidates, priced, state, request.maxOutputTokens);
      const costs = priced.map((i, k) => usd(candidates[i].pricing!, input, outputs[k]));
      const lowest = Math.min(...costs);
      // Equal prices (the same model at two providers): split by weight, not always the first.
      const ties = priced.filter((_, k) => costs[k] <= lowest * (1 + 1e-9));
      const index = ties.length === 1 ? ties[0] : weightedIndex(candidates, ties, state.random());
      const k = priced.indexOf(index);
      const next = priced
        .map((i, j) => ({ i, cost: costs[j] }))
        .filter((c) => c.i !== index)
        .sort((a, b) => a.cost - b.cost)[0];
      return {
        index,
        kind: 'cheapest',
        reason:
          `cheapest: $${fmt(costs[k])} for ~${input} input + ~${Math.round(outputs[k])} output tokens` +
          (next ? ` (next ${candidates[next.i].key} $${fmt(next.cost)})` : ''),
      };
    },
  };
}

function expectedOutputs(
  candidates: readonly Candidate[],
  priced: readonly number[],
  state: RoutingState,
  maxTokens: number | undefined,
): number[] {
  const averages = priced.map((i) => state.stats.outputTokens(candidates[i].key));
  const known = averages.filter((a) => a !== undefined);
  const others = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : undefined;
  return averages.map((avg) => {
    const seen = avg ?? others;
    if (seen === undefined) return maxTokens ?? DEFAULT_OUTPUT_TOKENS;
    return maxTokens === undefined ? seen : Math.min(seen, maxTokens);
  });
}

function usd(pricing: Pricing, input: number, output: number): number {
  return (input * pricing.input + output * pricing.output) / 1_000_000;
}

/** Six significant digits: sub-cent prices stay readable. */
function fmt(v: number): string {
  return Number(v.toPrecision(6)).toString();
}
