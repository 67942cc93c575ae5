// The floor: the least a Node reverse proxy can do (node:http, keep-alive agent, noDelay, bodies
// piped both ways). Any Node hop costs at least this much.  node bench/floor-proxy.ts <port> <upstream-url>
import http from 'node:http';

const [port, target] = [
  Number(process.argv[2] ?? 8081),
  new URL(process.argv[3] ?? 'http://127.0.0.1:18080'),
];
const agent = new http.Agent({
  keepAlive: true,
  maxSockets: Number.POSITIVE_INFINITY,
  noDelay: true,
} as http.AgentOptions);
http
  .createServer({ noDelay: true, keepAliveTimeout: 65_000 }, (req, res) => {
    const headers = { ...req.headers, host: target.host };
    const up = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    req.pipe(up);
  })
  // The sidecar's backlog (its connection cap): a burst queues in the kernel on both alike.
  .listen({ port, host: '127.0.0.1', backlog: 2048 }, () =>
    console.log(`floor proxy on ${port} -> ${target.origin}`),
  );
// Exit cleanly on SIGTERM so --cpu-prof (bench/attribute.ts) can write its profile.
process.on('SIGTERM', () => process.exit(0));
