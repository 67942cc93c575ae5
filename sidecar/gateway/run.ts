// aimesh-sidecar --gateway: the egress gateway of a provider namespace. It receives its snapshot
// (the namespace's Gateway-mode providers with their keys, and who may use them) over the same
// push stream as every sidecar, and serves other pods' sidecars on 15080 (server.ts); the admin
// port is the sidecar's (/healthz, /readyz, /debug/config with credentials redacted).
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { buildRuntime } from '../config/runtime.ts';
import { SnapshotStore } from '../config/store.ts';
import type { Logger } from '../log.ts';
import type { SidecarOptions } from '../options.ts';
import { adapterFor } from '../providers/index.ts';
import { BreakerPool } from '../resilience/circuit-breaker.ts';
import { createAdminApp } from '../server/admin.ts';
import { Inflight } from '../server/api.ts';
import { listen, pemOf } from '../server/listen.ts';
import { PushClient } from '../snapshot/client.ts';
import { AgentPool } from '../upstream/agents.ts';
import { createGatewayApp } from './server.ts';
import { CallerReviewer, kubeTokenReview } from './token-review.ts';

const IN_CLUSTER_CA = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';

export async function startGateway(options: SidecarOptions, log: Logger) {
  const agents = new AgentPool();
  const store = new SnapshotStore((snapshot) => buildRuntime(snapshot, { adapterFor, agents }));
  store.subscribe((runtime) =>
    log.info(
      {
        version: runtime.version,
        providers: (runtime.snapshot.gateway?.grants ?? []).map((g) => g.provider),
      },
      'gateway snapshot applied',
    ),
  );
  const reviewer = new CallerReviewer(
    kubeTokenReview({
      server: options.kube.server!,
      tokenFile: options.kube.tokenFile,
      ca: options.kube.ca
        ? pemOf(options.kube.ca)
        : existsSync(IN_CLUSTER_CA)
          ? pemOf(IN_CLUSTER_CA)
          : undefined,
    }),
  );
  const inflight = new Inflight();
  let draining = false;
  const app = createGatewayApp({
    current: () => store.current,
    reviewer,
    log,
    bodyLimit: options.bodyLimit,
    requestTimeoutMs: options.requestTimeoutMs,
    enter: () => inflight.enter(),
  });
  // Bounds for callers from the network: headers within 10 s, a whole request body within 2 min.
  const serverOptions = {
    noDelay: true,
    headersTimeout: 10_000,
    requestTimeout: 120_000,
    keepAliveTimeout: 65_000,
  };
  const server: http.Server = options.tls
    ? https.createServer(
        {
          ...serverOptions,
          cert: readFileSync(options.tls.certFile),
          key: readFileSync(options.tls.keyFile),
        },
        app,
      )
    : http.createServer(serverOptions, app);
  const maxConnections = 4096;
  server.maxConnections = maxConnections;
  const admin = http.createServer(
    { noDelay: true },
    createAdminApp({
      store,
      breakers: new BreakerPool({
        failureThreshold: options.breakerFailures,
        cooldownMs: options.breakerCooldownMs,
      }),
      isDraining: () => draining,
      inflight: () => inflight.count,
    }),
  );
  const port = await listen(server, options.port, options.host, maxConnections);
  const adminPort = await listen(admin, options.adminPort, options.adminHost);
  log.info(
    { port, adminPort, host: options.host, tls: Boolean(options.tls) },
    'aimesh egress gateway listening',
  );
  let push: PushClient | undefined;
  // In a pod the CA comes from a ConfigMap the operator fills in after install: wait for it
  // (probes answer, /readyz stays red) rather than crash-loop. In the background: start-up returns.
  const connect = async () => {
    const caFile = options.operatorCA?.includes('-----BEGIN') ? undefined : options.operatorCA;
    while (caFile && !existsSync(caFile) && !draining) {
      log.warn({ file: caFile }, 'waiting for the operator CA bundle (ConfigMap aimesh-operator-ca)');
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
    if (draining) return;
    push = new PushClient({
      operatorUrl: options.operatorUrl!,
      tokenFile: options.tokenFile,
      ca: options.operatorCA,
      stateDir: options.stateDir,
      store,
      log,
    });
    push.start();
  };
  void connect();

  async function shutdown(signal: string): Promise<void> {
    if (draining) return;
    draining = true;
    log.info({ signal, inflight: inflight.count }, 'draining');
    await push?.stop();
    server.close();
    server.closeIdleConnections();
    await Promise.race([
      inflight.idle(),
      new Promise((resolve) => setTimeout(resolve, options.shutdownGraceMs).unref()),
    ]);
    server.closeAllConnections();
    admin.close();
    admin.closeAllConnections();
    agents.destroy();
    log.info('stopped');
  }

  return { port, adminPort, store, shutdown };
}
