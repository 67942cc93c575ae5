// Prometheus metrics of the operator (served on the admin port at /metrics).
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Labels of the per-limit quota gauges: bounded by the AIQuota objects (at most 16 limits each). */
export const QUOTA_LIMIT_LABELS = ['namespace', 'quota', 'limit', 'dimension', 'window'] as const;

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'aimesh_operator_' });
  const fast = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  return {
    registry,
    reconciles: new Counter({
      name: 'aimesh_operator_reconcile_total',
      help: 'Reconciles (compile + push + status), by result.',
      labelNames: ['result'],
      registers: [registry],
    }),
    reconcileDuration: new Histogram({
      name: 'aimesh_operator_reconcile_duration_seconds',
      help: 'Time to compile, publish and write status.',
      buckets: fast,
      registers: [registry],
    }),
    connectedSidecars: new Gauge({
      name: 'aimesh_operator_connected_sidecars',
      help: 'Sidecars holding a push stream to this replica.',
      registers: [registry],
    }),
    pushLatency: new Histogram({
      name: 'aimesh_operator_push_latency_seconds',
      help: 'From sending a snapshot to its ACK.',
      buckets: fast,
      registers: [registry],
    }),
    propagation: new Histogram({
      name: 'aimesh_operator_config_propagation_seconds',
      help: 'From the first change event of a batch (or the connect) to the sidecar ACK.',
      buckets: fast,
      registers: [registry],
    }),
    nacks: new Counter({
      name: 'aimesh_operator_push_nacks_total',
      help: 'Snapshots refused by sidecars.',
      registers: [registry],
    }),
    streamsRefused: new Counter({
      name: 'aimesh_operator_push_streams_refused_total',
      help: 'Push streams refused, by HTTP status.',
      labelNames: ['status'],
      registers: [registry],
    }),
    statusWrites: new Counter({
      name: 'aimesh_operator_status_writes_total',
      help: 'Status patches, by kind and result.',
      labelNames: ['kind', 'result'],
      registers: [registry],
    }),
    injections: new Counter({
      name: 'aimesh_operator_webhook_reviews_total',
      help: 'Pod admission reviews, by result (injected, skipped, error).',
      labelNames: ['result'],
      registers: [registry],
    }),
    informerRestarts: new Counter({
      name: 'aimesh_operator_informer_restarts_total',
      help: 'List/watch failures recovered from, by resource.',
      labelNames: ['resource'],
      registers: [registry],
    }),
    leader: new Gauge({
      name: 'aimesh_operator_leader',
      help: '1 while this replica is the leader.',
      registers: [registry],
    }),
    // Quota spend, from the quota service's counters: exported by the leader only (no duplicates
    // across replicas), updated every flush (~2 s). Units are the limit's dimension (USD for costUSD).
    quotaUsed: new Gauge({
      name: 'aimesh_quota_used',
      help: 'Spent in the current window, per AIQuota limit (leader only).',
      labelNames: QUOTA_LIMIT_LABELS,
      registers: [registry],
    }),
    quotaLimit: new Gauge({
      name: 'aimesh_quota_limit',
      help: 'The amount of each AIQuota limit per window (leader only).',
      labelNames: QUOTA_LIMIT_LABELS,
      registers: [registry],
    }),
    quotaAlertThreshold: new Gauge({
      name: 'aimesh_quota_alert_threshold',
      help: 'Highest budget alert threshold (percent) crossed in the current window, 0 for none; limits with alerts only.',
      labelNames: QUOTA_LIMIT_LABELS,
      registers: [registry],
    }),
    quotaAlerts: new Counter({
      name: 'aimesh_quota_alerts_total',
      help: 'Budget alert thresholds crossed (one per limit, threshold and window).',
      labelNames: ['namespace', 'quota', 'limit', 'threshold'],
      registers: [registry],
    }),
    alertNotifications: new Counter({
      name: 'aimesh_operator_alert_notifications_total',
      help: 'Budget alert webhook notifications, by result (sent, failed, dropped).',
      labelNames: ['result'],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
