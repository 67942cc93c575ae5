// The operator's quota service alone in a process, for bench/scale-keys.ts: the real QuotaService
// (operator/quota/service.ts) on an h2c server like the push port, so its RSS and CPU are measured
// apart from the 1,000 holders that load it. Prints {"port": n} when listening; GET /stats answers
// the limit's used, key count and top keys.
//   node bench/lib/quota-server.ts '<QuotaConfig JSON>'
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { QuotaService } from '../../operator/quota/service.ts';
import type { QuotaConfig } from '../../sidecar/snapshot/index.ts';

const quota = JSON.parse(process.argv[2]!) as QuotaConfig;
const service = new QuotaService({
  // Identity is the push bench's subject (TokenReview): here the token is the namespace.
  authenticate: async (req) => {
    const auth = String(req.headers.authorization ?? '');
    return auth.startsWith('Bearer ') ? { namespace: auth.slice(7) } : undefined;
  },
  persist: async () => {},
  flushMs: 2000,
});
service.start();
service.configure([quota]);
// Status is computed every flush as the operator does (top 10 of every key): keep that cost in.
setInterval(() => service.ledger.status(quota.id), 2000).unref();

const server = http2.createServer();
server.on('stream', (stream, headers) => {
  if (headers[':path'] === '/stats') {
    const [s] = service.ledger.status(quota.id);
    stream.respond({ ':status': 200, 'content-type': 'application/json' });
    const heapMB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    stream.end(JSON.stringify({ used: s?.used, keys: s?.keys, top: s?.top?.slice(0, 3), heapMB }));
    return;
  }
  void service.handleStream(stream, headers);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
