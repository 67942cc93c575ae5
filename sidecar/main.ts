#!/usr/bin/env node
import http from 'node:http';
import { watchSnapshotFile } from './config/file-source.ts';
import { buildRuntime } from './config/runtime.ts';
import { SnapshotStore } from './config/store.ts';
import { fileToken } from './gateway/client.ts';
import { startGateway } from './gateway/run.ts';
import { createLogger, type Logger } from './log.ts';
import { parseOptions, type SidecarOptions, USAGE, UsageError } from './options.ts';
import { createPipeline } from './pipeline/index.ts';
import { policyFromOptions } from './pipeline/policy.ts';
import { ResponseStore } from './pipeline/response-store.ts';
import { adapterFor, adapterTypes } from './providers/index.ts';
import { BreakerPool } from './resilience/circuit-breaker.ts';
import { routingState } from './routing/strategy.ts';
import { createAdminApp } from './server/admin.ts';
import { createApiApp, Inflight } from './server/api.ts';
import { listen, pemOf } from './server/listen.ts';
import { createNativeResponses } from './server/native-responses.ts';
import { createPassthrough } from './server/passthrough.ts';
import { PushClient } from './snapshot/client.ts';
import { setupTelemetry } from './telemetry/index.ts';
import { AgentPool } from './upstream/agents.ts';
import { Transport } from './upstream/transport.ts';

export async function startSidecar(options: SidecarOptions, log: Logger) {
  const agents = new AgentPool({ gatewayCA: options.gatewayCA && pemOf(options.gatewayCA) });
  const breakers = new BreakerPool({
    failureThreshold: options.breakerFailures,
    cooldownMs: options.breakerCooldownMs,
  });
  // Routing strategies learn per sidecar, across snapshots, and never choose an open circuit.
  const routing = routingState({ usable: (key) => breakers.admits(key) });
  const transport = new Transport();
  const gatewayToken = fileToken(options.tokenFile);
  const store = new SnapshotStore((snapshot) =>
    buildRuntime(snapshot, { adapterFor, agents, gatewayToken, routing }),
  );
  store.subscribe((runtime) => {
    for (const p of runtime.providers.values()) {
      if (!p.adapter)
        log.warn(
          { provider: p.id, type: p.config.type },
          'no adapter for this provider type; its calls fail',
        );
    }
  });

  const inflight = new Inflight();
  let draining = false;
  const telemetry = await setupTelemetry(
    options,
    { snapshot: () => store.current, breakers: () => breakers.states(), inflight: () => inflight.count },
    log,
  );
  const policy = policyFromOptions(options, log);
  store.subscribe((runtime) => policy.onSnapshot(runtime));
  const responses = new ResponseStore();
  const steps = createPipeline({
    responses,
    transport,
    breakers,
    requestTimeoutMs: options.requestTimeoutMs,
    maxRetryAfterMs: options.maxRetryAfterMs,
    maxResponseBytes: options.maxResponseBytes,
    maxStreamEventBytes: options.maxStreamEventBytes,
    telemetry: telemetry.step,
    observer: telemetry.observer,
    policy,
  });
  const passthrough = createPassthrough({
    store,
    log,
    quota: policy.quota,
    timeoutMs: options.requestTimeoutMs,
  });
  const api = createApiApp({
    store,
    responses,
    native: createNativeResponses({ store, responses, transport, timeoutMs: options.requestTimeoutMs }),
    passthrough,
    steps,
    log,
    bodyLimit: options.bodyLimit,
    shareAbove: options.appBounds.offloadThreshold,
    inflight,
    isDraining: () => draining,
  });
  const admin = createAdminApp({
    store,
    breakers,
    isDraining: () => draining,
    inflight: () => inflight.count,
    metrics: telemetry.metrics,
    metricsAccess: options.metricsAccess,
    operator: options.operatorUrl ? () => push?.status ?? { connected: false, source: 'none' } : undefined,
  });

  // Bounds on what a client may hold: the time to send headers, and headers + body (both counted
  // until the request is in; a long answer is not cut), idle keep-alive, and a connection cap
  // (connections over it are closed at once). Expired requests are looked for every second (Node
  // checks every 30 s by default: a slow-header socket would live up to 30 s past its timeout).
  const bounds = options.appBounds;
  const apiServer = http.createServer(
    {
      noDelay: true,
      headersTimeout: bounds.headerTimeoutMs,
      requestTimeout: bounds.bodyTimeoutMs,
      keepAliveTimeout: bounds.idleTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, bounds.headerTimeoutMs),
    },
    api,
  );
  apiServer.maxConnections = bounds.maxConnections;
  const adminServer = http.createServer({ noDelay: true }, admin);
  apiServer.on('upgrade', passthrough.upgrade);

  const source = options.snapshotFile ? watchSnapshotFile(options.snapshotFile, store, log) : undefined;
  const push = options.operatorUrl
    ? new PushClient({
        operatorUrl: options.operatorUrl,
        tokenFile: options.tokenFile,
        ca: options.operatorCA,
        stateDir: options.stateDir,
        store,
        log,
        maxSnapshotBytes: options.maxSnapshotSize,
      })
    : undefined;
  push?.start();

  const port = await listen(apiServer, options.port, options.host, Math.max(511, bounds.maxConnections));
  const adminPort = await listen(adminServer, options.adminPort, options.adminHost);
  log.info(
    {
      port,
      adminPort,
      host: options.host,
      adapters: adapterTypes(),
      version: store.current?.version ?? null,
      tracing: telemetry.describe(),
    },
    'aimesh-sidecar listening',
  );

  async function shutdown(signal: string): Promise<void> {
    if (draining) return;
    draining = true;
    log.info({ signal, inflight: inflight.count, graceMs: options.shutdownGraceMs }, 'draining');
    source?.close();
    await push?.stop();
    apiServer.close();
    apiServer.closeIdleConnections();
    passthrough.close();
    const grace = new Promise<'timeout'>((resolve) =>
      setTimeout(resolve, options.shutdownGraceMs, 'timeout').unref(),
    );
    const outcome = await Promise.race([inflight.idle().then(() => 'drained' as const), grace]);
    if (outcome === 'timeout') {
      log.warn({ inflight: inflight.count }, 'grace period over; closing what is left');
      // Upstream calls still open end now: a stream's app gets a final error event, a waiting
      // call a 503, before the connections close (a moment for those last writes).
      transport.abortAll();
      await Promise.race([inflight.idle(), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    }
    apiServer.closeAllConnections();
    adminServer.close();
    adminServer.closeAllConnections();
    transport.close();
    agents.destroy();
    await policy.close(); // report the last spend, give leases back
    await telemetry.shutdown();
    log.info({ outcome }, 'stopped');
  }

  return { port, adminPort, store, shutdown };
}

async function main(): Promise<void> {
  let options: SidecarOptions | 'help';
  try {
    options = parseOptions();
  } catch (err) {
    process.stderr.write(`aimesh-sidecar: ${(err as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const log = createLogger(options.logLevel);
  // Node warnings become structured log lines instead of bare stderr text.
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error & { code?: string }) => {
    log.warn({ warning: warning.name, code: warning.code, message: warning.message }, 'node warning');
  });
  let sidecar: { shutdown(signal: string): Promise<void> };
  try {
    sidecar = options.gateway ? await startGateway(options, log) : await startSidecar(options, log);
  } catch (err) {
    log.fatal({ err: (err as Error).message }, 'cannot start');
    // Exit now: what started before the failure (the push client, a port already bound) would
    // keep a half-started sidecar alive and never ready (lines are flushed at exit).
    process.exit(err instanceof UsageError ? 2 : 1);
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      sidecar.shutdown(signal).then(
        () => process.exit(0),
        (err) => {
          log.error({ err: (err as Error).message }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

if (import.meta.main) await main();
