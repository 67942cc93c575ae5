// The admin API (port 15090): liveness, readiness and a redacted view of the config in force.
// createAdminApp returns a plain express app, so /metrics (a later issue) is one more route.
import express from 'express';
import type { SnapshotStore } from '../config/store.ts';
import type { BreakerPool } from '../resilience/circuit-breaker.ts';
import { redact } from '../snapshot/index.ts';

export interface AdminDeps {
  store: SnapshotStore;
  breakers: BreakerPool;
  isDraining(): boolean;
  inflight(): number;
  /** Prometheus text exposition (sidecar/telemetry/metrics.ts). */
  metrics?: { readonly contentType: string; metrics(): Promise<string> };
}

export function createAdminApp(deps: AdminDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('json spaces', 2);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', (_req, res) => {
    const runtime = deps.store.current;
    if (deps.isDraining()) return void res.status(503).json({ status: 'draining' });
    if (!runtime) return void res.status(503).json({ status: 'waiting for a snapshot' });
    res.json({ status: 'ready', version: runtime.version });
  });

  const metrics = deps.metrics;
  if (metrics) {
    app.get('/metrics', (_req, res, next) => {
      metrics.metrics().then((text) => {
        res.setHeader('content-type', metrics.contentType);
        res.end(text);
      }, next);
    });
  }

  app.get('/debug/config', (_req, res) => {
    const runtime = deps.store.current;
    if (!runtime) return void res.status(503).json({ status: 'waiting for a snapshot' });
    const snapshot = redact(runtime.snapshot);
    res.json({
      version: runtime.version,
      loadedAt: runtime.loadedAt.toISOString(),
      workload: snapshot.workload,
      inflight: deps.inflight(),
      models: runtime.models.map((m) => m.id),
      routes: snapshot.routes,
      providers: snapshot.providers.map((p) => ({
        ...p,
        adapter: runtime.providers.get(p.id)?.adapter ? 'available' : 'missing in this build',
      })),
      quotas: snapshot.quotas,
      circuitBreakers: deps.breakers.states(),
    });
  });
  return app;
}
