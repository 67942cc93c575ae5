// Counters and histograms whose label children are bound once. prom-client's own children (v15)
// validate and hash their label set on every inc() / observe(), even through labels(): the
// sidecar paid that five times per call. These are prom-client collectors (registered with its
// Registry and rendered by it, so the exposition is the same), whose children are plain objects:
// inc() is an addition, observe() a bucket search and three additions. The children live as long
// as the metric (label values are bounded: config names and capped model names).
import type { Registry } from 'prom-client';

type Labels = Record<string, string>;

interface MetricConfig<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  registers: Registry[];
}

/** One line of a metric as prom-client's Registry renders it. */
interface MetricValue {
  labels: Labels;
  value: number;
  metricName?: string;
  /** Rendered after `labels` (prom-client puts a histogram's `le` first). */
  sharedLabels?: Labels;
  exemplar?: null;
}

abstract class BoundMetric<L extends string, C extends { readonly labels: Labels }> {
  readonly name: string;
  readonly help: string;
  abstract readonly type: 'counter' | 'histogram';
  readonly aggregator = 'sum';
  protected readonly children = new Map<string, C>();
  readonly #labelNames: readonly L[];

  constructor(cfg: MetricConfig<L>) {
    this.name = cfg.name;
    this.help = cfg.help;
    this.#labelNames = cfg.labelNames;
    for (const r of cfg.registers) r.registerMetric(this as never);
  }

  /** The child for a label set; every label must be given (prom-client's rule too). */
  labels(labels: Record<L, string>): C {
    let key = '';
    for (const n of this.#labelNames) key += `${labels[n]}\u0000`;
    let child = this.children.get(key);
    if (!child) {
      for (const n of this.#labelNames)
        if (typeof labels[n] !== 'string') throw new Error(`metric ${this.name}: label ${n} has no value`);
      const own: Labels = { ...labels }; // the caller's order, as prom-client renders them
      child = this.make(own);
      this.children.set(key, child);
    }
    return child;
  }

  protected abstract make(labels: Labels): C;
  protected abstract values(split: boolean): MetricValue[];

  /** The Registry's text rendering. */
  getForPromString() {
    return Promise.resolve(this.#data(true));
  }

  /** The Registry's JSON rendering. */
  get() {
    return Promise.resolve(this.#data(false));
  }

  #data(split: boolean) {
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      values: this.values(split),
      aggregator: this.aggregator,
    };
  }

  /** Zeroes every child in place (children already handed out stay live). */
  abstract reset(): void;
}

export class CounterChild {
  readonly labels: Labels;
  value = 0;

  constructor(labels: Labels) {
    this.labels = labels;
  }

  inc(n = 1): void {
    if (!(n >= 0) || n === Number.POSITIVE_INFINITY)
      throw new Error('a counter only goes up (a finite amount)');
    this.value += n;
  }
}

export class BoundCounter<L extends string> extends BoundMetric<L, CounterChild> {
  readonly type = 'counter';

  protected make(labels: Labels): CounterChild {
    return new CounterChild(labels);
  }

  protected values(): MetricValue[] {
    const out: MetricValue[] = [];
    for (const c of this.children.values()) out.push({ labels: c.labels, value: c.value });
    return out;
  }

  reset(): void {
    for (const c of this.children.values()) c.value = 0;
  }
}

export class HistogramChild {
  readonly labels: Labels;
  readonly #bounds: readonly number[];
  /** Observations per bucket (not cumulative); past the last bound they count only in count. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(labels: Labels, bounds: readonly number[]) {
    this.labels = labels;
    this.#bounds = bounds;
    this.counts = new Float64Array(bounds.length);
  }

  observe(v: number): void {
    if (!Number.isFinite(v)) throw new TypeError(`Value is not a valid number: ${v}`);
    const bounds = this.#bounds;
    for (let i = 0; i < bounds.length; i++) {
      if (v <= bounds[i]) {
        this.counts[i]++;
        break;
      }
    }
    this.sum += v;
    this.count++;
  }
}

export class BoundHistogram<L extends string> extends BoundMetric<L, HistogramChild> {
  readonly type = 'histogram';
  readonly #bounds: readonly number[];

  constructor(cfg: MetricConfig<L> & { buckets: readonly number[] }) {
    super(cfg);
    this.#bounds = [...cfg.buckets].sort((a, b) => a - b);
  }

  protected make(labels: Labels): HistogramChild {
    return new HistogramChild(labels, this.#bounds);
  }

  /** As prom-client renders a histogram: cumulative buckets with `le` first, +Inf, _sum, _count. */
  protected values(split: boolean): MetricValue[] {
    const out: MetricValue[] = [];
    const bucket = `${this.name}_bucket`;
    // prom-client's lines carry an exemplar: null on buckets, undefined on _sum and _count.
    const line = (labels: Labels, own: Labels, value: number, metricName: string): MetricValue => {
      const exemplar = metricName === bucket ? null : undefined;
      return split
        ? { labels, sharedLabels: own, value, metricName, exemplar }
        : { labels: { ...labels, ...own }, value, metricName, exemplar };
    };
    for (const c of this.children.values()) {
      let acc = 0;
      for (let i = 0; i < this.#bounds.length; i++) {
        acc += c.counts[i];
        out.push(line({ le: this.#bounds[i] as unknown as string }, c.labels, acc, bucket));
      }
      out.push(line({ le: '+Inf' }, c.labels, c.count, bucket));
      out.push(line({}, c.labels, c.sum, `${this.name}_sum`));
      out.push(line({}, c.labels, c.count, `${this.name}_count`));
    }
    return out;
  }

  reset(): void {
    for (const c of this.children.values()) {
      c.counts.fill(0);
      c.sum = 0;
      c.count = 0;
    }
  }
}
