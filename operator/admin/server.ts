// The admin port (plain HTTP, default 15011): /healthz (the process answers), /readyz (caches
// synced, certificates loaded, servers listening), /metrics, /debug/sidecars — like
// `istioctl proxy-status`: each connected sidecar with its acked and current versions — and
// /debug/quotas: the quota service's counters and leases per limit (on the leader), and
// /debug/quotas/usage: spend per key of partitioned limits (`aimesh-operator usage`).
// The port listens on the pod IP for the kubelet's probes; /healthz and /readyz answer anyone,
// /debug/* only loopback (`kubectl port-forward`, `aimesh-operator status`), /metrics too unless
// metricsAccess is "any".
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { closeNow, listen } from '../listen.ts';
import type { SidecarRow } from '../push/hub.ts';

export interface AdminOptions {
  registry: Registry;
  /** Names of what is not ready yet; empty when ready. */
  notReady: () => string[];
  sidecars: () => SidecarRow[];
  info: () => Record<string, unknown>;
  /** Lease state of the quota service (the leader's), or who the leader is. */
  quotas?: () => unknown;
  /** Who may read /metrics: "local" (default, loopback only) or "any". */
  metricsAccess?: 'local' | 'any';
  /** Spend per key of partitioned limits (the leader's), or who the leader is. */
  usage?: (filter: { namespace?: string; quota?: string; top?: number }) => unknown;
}

const isLoopback = (address: string | undefined) =>
  !!address && (address === '::1' || /^(::ffff:)?127\./.test(address));

export interface AdminServer {
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export function createAdminServer(opts: AdminOptions): AdminServer {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(`${JSON.stringify(body, null, 2)}\n`);
    };
    if (req.method !== 'GET') return json(405, { error: 'use GET' });
    const localOnly = path.startsWith('/debug/') || (path === '/metrics' && opts.metricsAccess !== 'any');
    if (localOnly && !isLoopback(req.socket.remoteAddress))
      return json(403, { error: `${path} answers only on localhost (kubectl port-forward)` });
    switch (path) {
      case '/healthz':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
        return;
      case '/readyz': {
        const missing = opts.notReady();
        res.writeHead(missing.length === 0 ? 200 : 503, { 'content-type': 'text/plain' });
        res.end(missing.length === 0 ? 'ok\n' : `waiting for: ${missing.join(', ')}\n`);
        return;
      }
      case '/metrics':
        res.writeHead(200, { 'content-type': opts.registry.contentType });
        res.end(await opts.registry.metrics());
        return;
      case '/debug/sidecars':
        return json(200, { ...opts.info(), sidecars: opts.sidecars() });
      case '/debug/quotas':
        if (opts.quotas) return json(200, opts.quotas());
        break;
      case '/debug/quotas/usage': {
        if (!opts.usage) break;
        const q = url.searchParams;
        const top = Number(q.get('top') ?? 100);
        return json(
          200,
          opts.usage({
            namespace: q.get('namespace') || undefined,
            quota: q.get('quota') || undefined,
            top: Number.isInteger(top) && top > 0 ? Math.min(top, 100_000) : 100,
          }),
        );
      }
    }
    return json(404, {
      error: 'not found',
      paths: [
        '/healthz',
        '/readyz',
        '/metrics',
        '/debug/sidecars',
        ...(opts.quotas ? ['/debug/quotas'] : []),
        ...(opts.usage ? ['/debug/quotas/usage?namespace=&quota=&top='] : []),
      ],
    });
  });
  return {
    listen: (port, host = '0.0.0.0') => listen(server, port, host),
    close: () => closeNow(server),
  };
}
