// The admin API (port 15090): liveness, readiness, Prometheus metrics and a redacted view of the
// config in force. The port listens on the pod IP (the kubelet probes it there), so what it tells
// is limited by who asks: /healthz and /readyz answer anyone; /debug/* answers only loopback
// (containers of the same pod, `kubectl port-forward`, `kubectl exec`), never the rest of the
// cluster; /metrics likewise unless metricsAccess is "any" (a Prometheus scraping pod IPs). Four GET routes on node:http: express (and the body parsers, mime tables and
// charset codecs it loads) cost every sidecar ~1 MB of code and several MB of RSS for nothing
// these routes use.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
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
  /** Who may read /metrics: "local" (default, loopback only) or "any". */
  metricsAccess?: 'local' | 'any';
  /** The push connection (push mode only): shown by /readyz, e.g. a CA it cannot verify. */
  operator?: () => { connected: boolean; source: string; lastError?: string; trustError?: string };
}

/** Loopback peers: the pod's own containers, kubectl port-forward and exec. */
export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || /^(::ffff:)?127\./.test(address));
}

type Handler = (res: ServerResponse) => void | Promise<void>;

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value, null, 2));
}

export function createAdminApp(deps: AdminDeps): RequestListener {
  const waiting = { status: 'waiting for a snapshot' };
  const routes = new Map<string, Handler>([
    ['/healthz', (res) => json(res, 200, { status: 'ok' })],
    [
      '/readyz',
      (res) => {
        const runtime = deps.store.current;
        const operator = deps.operator ? { operator: deps.operator() } : {};
        if (deps.isDraining()) return json(res, 503, { status: 'draining', ...operator });
        if (!runtime) return json(res, 503, { ...waiting, ...operator });
        json(res, 200, { status: 'ready', version: runtime.version, ...operator });
      },
    ],
    [
      '/debug/config',
      (res) => {
        const runtime = deps.store.current;
        if (!runtime) return json(res, 503, waiting);
        const snapshot = redact(runtime.snapshot);
        json(res, 200, {
          version: runtime.version,
          loadedAt: runtime.loadedAt.toISOString(),
          workload: snapshot.workload,
          inflight: deps.inflight(),
          models: runtime.discovery.models.map((m) => m.id),
          routes: snapshot.routes,
          providers: snapshot.providers.map((p) => ({
            ...p,
            adapter: runtime.providers.get(p.id)?.adapter ? 'available' : 'missing in this build',
          })),
          quotas: snapshot.quotas,
          circuitBreakers: deps.breakers.states(),
        });
      },
    ],
  ]);
  const metrics = deps.metrics;
  if (metrics) {
    routes.set('/metrics', async (res) => send(res, 200, metrics.contentType, await metrics.metrics()));
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?', 1)[0].replace(/(.)\/$/, '$1');
    const handler = routes.get(path);
    if (!handler) return json(res, 404, { error: `no admin route ${path}`, routes: [...routes.keys()] });
    const localOnly = path.startsWith('/debug/') || (path === '/metrics' && deps.metricsAccess !== 'any');
    if (localOnly && !isLoopback(req.socket.remoteAddress))
      return json(res, 403, {
        error: `${path} answers only on localhost (kubectl port-forward <pod> 15090)`,
      });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return json(res, 405, { error: `${req.method} is not allowed on ${path}` });
    }
    Promise.resolve()
      .then(() => handler(res))
      .catch((err: unknown) => {
        if (res.headersSent) return void res.destroy();
        json(res, 500, { error: (err as Error).message });
      });
  };
}
