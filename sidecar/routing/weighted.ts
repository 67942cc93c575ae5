// Weighted pick for traffic splits (A/B, canaries): a cumulative table built once per snapshot,
// one random number and a short scan per request.

export interface WeightedTable<T> {
  readonly items: readonly T[];
  /** `random` in [0, 1); injectable for tests. */
  pick(random?: number): T;
}

/** Items with weight 0 never win; at least one weight must be above 0. */
export function weightedTable<T>(entries: readonly { value: T; weight: number }[]): WeightedTable<T> {
  const live = entries.filter((e) => e.weight > 0);
  if (live.length === 0) throw new Error('weighted split needs at least one weight above 0');
  const items = live.map((e) => e.value);
  if (live.length === 1) {
    const only = items[0];
    return { items, pick: () => only };
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const e of live) {
    total += e.weight;
    cumulative.push(total);
  }
  return {
    items,
    pick(random = Math.random()) {
      const target = random * total;
      for (let i = 0; i < cumulative.length; i++) if (target < cumulative[i]) return items[i];
      return items[items.length - 1];
    },
  };
}
