// The shape of a bench run's results: what bench/run.ts writes, bench/lib/report.ts renders and
// test/integration/bench.test.ts checks.
import type { ArmName } from './arms.ts';
import type { Percentiles } from './stats.ts';
import type { WorkloadName } from './workloads.ts';

export interface LatencyResult {
  total: Percentiles;
  /** Arm percentile minus direct's, per percentile (ms). */
  added: { p50: number; p99: number; p999: number };
  /** The same per interleaved round: goals report the spread of per-round ratios. */
  rounds?: { p50: number; p99: number }[];
  errors: number;
}

export interface StreamLatencyResult {
  ttfc: Percentiles;
  gap: Percentiles;
  added: { ttfcP50: number; ttfcP99: number; gapP99: number; gapMax: number };
  /** Added TTFC (arm minus direct) per interleaved round. */
  rounds?: { ttfcP50: number; ttfcP99: number }[];
  errors: number;
}

export interface FrontierStep {
  rate: number;
  achieved: number;
  p50: number;
  p99: number;
  p999: number;
  errors: number;
  maxLagMs: number;
  cpuUsPerRequest?: number;
  rssMB?: number;
  /** Streams: TTFC and content gaps. */
  ttfcP99?: number;
  gapMax?: number;
  stalls?: number;
  /** Every trial at this rate (the step reports the best one). */
  trials?: { p99: number; errors: number; cpuUsPerRequest?: number }[];
}

export interface FrontierResult {
  steps: FrontierStep[];
  /** Highest rate with p99 (TTFC p99 for streams) under the bound and no errors; 0 when none. */
  max: { '1ms': number; '5ms': number; '10ms': number; '50ms': number };
}

export interface ConcurrentStreamsResult {
  /** Streams opened at once (per round). */
  streams: number;
  /** Summed over the rounds. */
  errors: number;
  /** Streams with a content gap over STALL_MS, summed over the rounds. */
  stalls: number;
  /** Over every round's streams. */
  ttfc: Percentiles;
  gap: Percentiles;
  /** Each interleaved round (every arm opens its streams once per round, in a rotating order). */
  rounds?: { errors: number; stalls: number; ttfcP99: number }[];
  /** The errors by kind (status and message, digits dropped), summed over the rounds. */
  errorKinds?: Record<string, number>;
}

export interface WorkloadResult {
  name: WorkloadName;
  label: string;
  latency?: Partial<Record<ArmName, LatencyResult>>;
  streamLatency?: Partial<Record<ArmName, StreamLatencyResult>>;
  frontier: Partial<Record<ArmName, FrontierResult>>;
  concurrentStreams?: Partial<Record<ArmName, ConcurrentStreamsResult>>;
  /** CPU time of the arm's process tree per request, at the load step nearest LOAD_RATE. */
  cpuUsPerRequest: Partial<Record<ArmName, number>>;
  /** Arms that could not serve this workload (probe failed), with the error; they are skipped. */
  failing?: Partial<Record<ArmName, string>>;
  loadavg: { before: number[]; after: number[] };
}

export interface BenchResults {
  schema: 1;
  date: string;
  quick: boolean;
  git?: string;
  machine: Record<string, unknown>;
  pinning: { proxyCpu: string; clientCpu: string } | null;
  config: Record<string, unknown>;
  arms: { name: ArmName; label: string; available: boolean; reason?: string; version?: string }[];
  /** RSS (MB) of each arm's tree: idle after warm-up, and under LOAD_RATE on chat-small. */
  rss: Partial<Record<ArmName, { idleMB: number; loadMB?: number; loadRate?: number }>>;
  workloads: WorkloadResult[];
  durationS: number;
}
