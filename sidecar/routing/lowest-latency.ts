// LowestLatency: the backend with the lowest moving average wins: time to first token for a
// streamed call, total latency otherwise (BackendStats; a failure counts as a slow sample).
// Exploration keeps the numbers of the others fresh, so a backend that recovers is found again:
// a backend without recent numbers is tried first, and a share of calls (`exploration`) goes to
// one of the others, picked by weight. A backend whose circuit is open is never chosen.
import type { LatencyAverages } from './backend-stats.ts';
import { type Choice, type RoutingState, type Strategy, usableOrChosen, weightedIndex } from './strategy.ts';

/** The default share of exploring calls. */
export const DEFAULT_EXPLORATION = 0.1;

export function lowestLatency(state: RoutingState, exploration: number): Strategy {
  return {
    type: 'LowestLatency',
    choose(candidates, request): Choice {
      const usable = usableOrChosen(candidates, state);
      if (usable.choice) return usable.choice;
      const { indices } = usable;

      const metric = request.stream ? 'ttftMs' : 'totalMs';
      const what = request.stream ? 'time to first token' : 'latency';
      const untried: number[] = [];
      let best = -1;
      let bestScore = Number.POSITIVE_INFINITY;
      const averages = new Map<number, LatencyAverages>();
      for (const i of indices) {
        const avg = state.stats.latency(candidates[i].key);
        if (!avg) untried.push(i);
        else {
          averages.set(i, avg);
          if (avg[metric] < bestScore) {
            bestScore = avg[metric];
            best = i;
          }
        }
      }
      if (untried.length > 0) {
        const index = weightedIndex(candidates, untried, state.random());
        return { index, kind: 'untried', reason: `no recent ${what} numbers: trying it` };
      }
      const others = indices.filter((i) => i !== best);
      if (exploration > 0 && state.random() < exploration) {
        const index = weightedIndex(candidates, others, state.random());
        return {
          index,
          kind: 'explore',
          reason: `exploring (${what} ${ms(averages.get(index)![metric])}; best ${candidates[best].key} ${ms(bestScore)})`,
        };
      }
      const runnerUp = others.reduce((a, i) => (averages.get(i)![metric] < averages.get(a)![metric] ? i : a));
      return {
        index: best,
        kind: 'lowest-latency',
        reason: `lowest ${what}: ${ms(bestScore)} over ${averages.get(best)!.samples} samples (next ${candidates[runnerUp].key} ${ms(averages.get(runnerUp)![metric])})`,
      };
    },
  };
}

function ms(v: number): string {
  return `${Math.round(v)}ms`;
}
