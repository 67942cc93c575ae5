// The egress gateway for bench/gateway-hop.ts, in its own process: the real request path
// (sidecar/gateway/server.ts: verdict cache, grant check, key injection, forwarding, scrubbing)
// serving a gateway snapshot file. TokenReview is answered from the one known token: with a real
// apiserver it is one review per caller token per minute (cached), so it does not show in a hop's
// latency; the integration test covers the real review.
//   node bench/gateway-server.ts <port> <snapshot.json> <token>   prints the URL when ready
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { buildRuntime } from '../sidecar/config/runtime.ts';
import { SnapshotStore } from '../sidecar/config/store.ts';
import { createGatewayApp } from '../sidecar/gateway/server.ts';
import { CallerReviewer } from '../sidecar/gateway/token-review.ts';
import { adapterFor } from '../sidecar/providers/index.ts';
import { AgentPool } from '../sidecar/upstream/agents.ts';

const [port, snapshotFile, token] = process.argv.slice(2);
const store = new SnapshotStore((s) => buildRuntime(s, { adapterFor, agents: new AgentPool() }));
const applied = store.apply(readFileSync(snapshotFile!, 'utf8'));
if (!applied.ok) throw new Error(applied.reason);
const reviewer = new CallerReviewer(async (t) =>
  t === token
    ? {
        authenticated: true,
        user: {
          username: 'system:serviceaccount:team-a:default',
          extra: { 'authentication.kubernetes.io/pod-name': ['bench'] },
        },
      }
    : { authenticated: false },
);
const server = http.createServer(
  { noDelay: true, keepAliveTimeout: 65_000 },
  createGatewayApp({
    current: () => store.current,
    reviewer,
    // The gateway logs one info line per call in production; kept here so its cost is measured.
    log: pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false })),
    bodyLimit: 32 * 1024 * 1024,
    requestTimeoutMs: 600_000,
  }),
);
server.listen(Number(port ?? 0), '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => process.exit(0));
