// How a rule picks the backend a call goes to first (the fallback chain follows it unchanged).
// Weighted, the default, is the prebuilt table of weighted.ts (one random number, nothing
// learnt). The others implement Strategy, one file each: lowest-latency.ts, lowest-cost.ts.
// A strategy is built once per snapshot rule; what it learns lives in the sidecar's
// RoutingState (BackendStats), which outlives snapshots.
import type { Pricing } from '../cost.ts';
import type { StrategyType } from '../snapshot/index.ts';
import { BackendStats } from './backend-stats.ts';

/** One backend of the rule (weight above 0) as this call would use it. */
export interface Candidate {
  /** provider|upstream model (backendKey): its statistics and its circuit breaker. */
  key: string;
  weight: number;
  /** The model's prices, when the provider declares them. */
  pricing?: Pricing;
}

/** What a strategy may know of the call. */
export interface ChoiceRequest {
  stream: boolean;
  /** Estimated prompt tokens, computed on first use. */
  promptTokens(): number;
  /** The output budget the call set (max_tokens), if any. */
  maxOutputTokens?: number;
}

/** Why a backend was chosen, as a bounded word (a metric label) and a sentence (span, debug log). */
export type ChoiceKind =
  | 'only'
  | 'lowest-latency'
  | 'explore'
  | 'untried'
  | 'cheapest'
  | 'unpriced'
  | 'all-unavailable';

export interface Choice {
  /** Index into the candidates. */
  index: number;
  kind: ChoiceKind;
  /** Why, with the numbers that decided (the chosen backend itself goes unnamed). */
  reason: string;
}

export interface Strategy {
  readonly type: Exclude<StrategyType, 'Weighted'>;
  /** Candidates are the rule's backends with a weight above 0, in order (never empty). */
  choose(candidates: readonly Candidate[], request: ChoiceRequest): Choice;
}

/** The sidecar-wide state strategies share: statistics, circuit breakers, randomness. */
export interface RoutingState {
  stats: BackendStats;
  /** False while the backend's circuit breaker would refuse it: such a backend is never chosen. */
  usable(key: string): boolean;
  /** In [0, 1); injectable for tests. */
  random(): number;
}

export function routingState(options: Partial<RoutingState> = {}): RoutingState {
  return {
    stats: options.stats ?? new BackendStats(),
    usable: options.usable ?? (() => true),
    random: options.random ?? Math.random,
  };
}

/**
 * A weighted random pick among the candidates at `indices` (the strategies' tie-break and
 * exploration); `random` in [0, 1).
 */
export function weightedIndex(
  candidates: readonly Candidate[],
  indices: readonly number[],
  random: number,
): number {
  let total = 0;
  for (const i of indices) total += candidates[i].weight;
  let target = random * total;
  for (const i of indices) {
    target -= candidates[i].weight;
    if (target < 0) return i;
  }
  return indices[indices.length - 1];
}

/**
 * What every strategy decides first: the candidates whose breakers admit calls, or the choice
 * itself when there is nothing to compare (every circuit open: by weight; one usable: that one).
 */
export function usableOrChosen(
  candidates: readonly Candidate[],
  state: RoutingState,
): { indices: number[]; choice?: undefined } | { choice: Choice } {
  const indices: number[] = [];
  for (let i = 0; i < candidates.length; i++) if (state.usable(candidates[i].key)) indices.push(i);
  if (indices.length === 0)
    return {
      choice: {
        index: weightedIndex(
          candidates,
          candidates.map((_, i) => i),
          state.random(),
        ),
        kind: 'all-unavailable',
        reason: 'every backend has an open circuit; picked by weight',
      },
    };
  if (indices.length === 1)
    return { choice: { index: indices[0], kind: 'only', reason: 'the only usable backend' } };
  return { indices };
}
