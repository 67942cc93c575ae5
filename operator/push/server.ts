// The config push endpoint (HTTPS, HTTP/2, port 15010). Each sidecar holds one bidirectional
// stream: `POST /v1/snapshots/stream[?namespace=<ns>]` with `authorization: Bearer <token>`;
// the response body is NDJSON `{"version","snapshot"}` messages, the request body NDJSON acks
// `{"version","ok":true}` / `{"version","ok":false,"reason"}`. Acks ride the same stream, so they
// always reach the replica that sent the snapshot, whatever the load balancer does.
// The stream ends when the sidecar's token expires or after maxStreamAge (the sidecar reconnects
// at once, with a fresh token, possibly to another replica, which also rebalances replicas).
import type { IncomingHttpHeaders } from 'node:http2';
import { constants, createSecureServer, type Http2SecureServer, type ServerHttp2Stream } from 'node:http2';
import { createInterface } from 'node:readline';
import type { KubeObject } from '../kube/api.ts';
import { listen, type TlsServer } from '../listen.ts';
import type { Logger } from '../log.ts';
import type { Authenticator } from './auth.ts';
import type { Ack, Hub } from './hub.ts';
import { type KeyedWorkload, workloadOf } from './workload.ts';

export const STREAM_PATH = '/v1/snapshots/stream';
/** The CA bundle sidecars should trust (public, no token): re-read on every connection. */
export const TRUST_PATH = '/v1/trust';

export interface PushServerOptions {
  hub: Hub;
  auth: Pick<Authenticator, 'authenticate'>;
  /** The pod from the cache, else from the API; undefined when it does not exist. */
  lookupPod: (namespace: string, name: string) => Promise<KubeObject | undefined>;
  /** Why this pod may not be sent its snapshot (it does not carry the injected sidecar), or undefined. */
  podProblem?: (pod: KubeObject) => string | undefined;
  tls: { cert: string; key: string };
  log: Logger;
  /** Ends streams after this long (+ up to 10% jitter); default 30 min. */
  maxStreamAgeMs?: number;
  pingIntervalMs?: number;
  onRejected?: (status: number) => void;
  /** An egress gateway's pod (push/gateway.ts) is keyed as its namespace's gateway, not as an app. */
  gatewayWorkload?: (pod: KubeObject) => KeyedWorkload | undefined;
  /** The current CA bundle (PEM), served at TRUST_PATH. */
  trust?: () => string | undefined;
  /** More endpoints on the same HTTP/2 port, by path (the quota service's /v1/quota/lease). */
  routes?: Record<string, (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => Promise<void>>;
}

export type PushServer = TlsServer<Http2SecureServer>;

export function createPushServer(opts: PushServerOptions): PushServer {
  const { hub, log } = opts;
  const server = createSecureServer({ cert: opts.tls.cert, key: opts.tls.key, allowHTTP1: false });
  const maxAge = opts.maxStreamAgeMs ?? 30 * 60_000;
  const pingMs = opts.pingIntervalMs ?? 15_000;

  // Dead peers (a node gone, a partition) never send a FIN: ping and drop sessions that stop answering.
  server.on('session', (session) => {
    let waiting = false;
    const timer = setInterval(() => {
      if (waiting) return void session.destroy(new Error('ping timeout'));
      waiting = true;
      try {
        session.ping(() => {
          waiting = false;
        });
      } catch {
        session.destroy();
      }
    }, pingMs);
    timer.unref();
    session.on('close', () => clearInterval(timer));
    session.on('error', (err) => log.debug({ err: err.message }, 'push session error'));
  });

  server.on('stream', (stream, headers) => {
    stream.on('error', (err) => log.debug({ err: err.message }, 'push stream error'));
    const url = new URL(String(headers[':path'] ?? '/'), 'https://operator');
    const route = opts.routes?.[url.pathname];
    if (route) {
      route(stream, headers).catch((err) => {
        log.error({ err: (err as Error).message, path: url.pathname }, 'request failed');
        if (!stream.headersSent && !stream.destroyed) reply(stream, 500, 'internal error');
      });
      return;
    }
    if (url.pathname === TRUST_PATH && opts.trust) {
      const pem = opts.trust();
      if (!pem) return reply(stream, 503, 'no CA bundle yet');
      stream.respond({
        ':status': 200,
        'content-type': 'application/x-pem-file',
        'cache-control': 'no-store',
      });
      return void stream.end(pem);
    }
    if (url.pathname !== STREAM_PATH) return reply(stream, 404, 'not found');
    if (headers[':method'] !== 'POST') return reply(stream, 405, 'use POST');
    handleStream(stream, String(headers.authorization ?? ''), url.searchParams.get('namespace')).catch(
      (err) => {
        log.error({ err: (err as Error).message }, 'push stream failed');
        if (!stream.headersSent && !stream.destroyed) reply(stream, 500, 'internal error');
      },
    );
  });

  async function handleStream(stream: ServerHttp2Stream, authorization: string, namespace: string | null) {
    const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim();
    const auth = await opts.auth.authenticate(token);
    if (!auth.ok) return refuse(stream, auth.status, auth.reason);
    const id = auth.identity;
    if (namespace && namespace !== id.namespace)
      return refuse(stream, 403, `the token belongs to namespace ${id.namespace}, not ${namespace}`);
    const pod = await opts.lookupPod(id.namespace, id.podName);
    if (!pod || pod.metadata.uid !== id.podUid)
      return refuse(stream, 403, `pod ${id.namespace}/${id.podName} the token is bound to does not exist`);
    const problem = opts.podProblem?.(pod);
    if (problem)
      return refuse(stream, 403, `pod ${id.namespace}/${id.podName} may not receive a snapshot: ${problem}`);
    if (stream.destroyed) return;

    stream.respond({ ':status': 200, 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
    const conn = hub.connect(
      {
        namespace: id.namespace,
        pod: id.podName,
        podUid: id.podUid,
        ...(opts.gatewayWorkload?.(pod) ?? workloadOf(pod)),
      },
      {
        write: (line) => !stream.destroyed && stream.write(line),
        onDrain: (cb) => stream.once('drain', cb),
        close: () => endStream(stream),
      },
    );
    log.info({ namespace: id.namespace, pod: id.podName }, 'sidecar connected');

    const age = maxAge + Math.floor(Math.random() * maxAge * 0.1);
    const until = Math.min(Date.now() + age, id.expiresAt ?? Number.POSITIVE_INFINITY);
    const expire = setTimeout(() => endStream(stream), Math.max(1000, until - Date.now()));
    expire.unref();

    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    lines.on('line', (line) => {
      const ack = parseAck(line);
      if (ack) hub.ack(conn, ack);
    });
    lines.on('error', () => {});
    stream.on('close', () => {
      clearTimeout(expire);
      hub.disconnect(conn);
      log.info({ namespace: id.namespace, pod: id.podName }, 'sidecar disconnected');
    });
  }

  function refuse(stream: ServerHttp2Stream, status: number, reason: string) {
    opts.onRejected?.(status);
    log.warn({ status, reason }, 'push stream refused');
    reply(stream, status, reason);
  }

  return {
    server,
    listen: (port, host = '0.0.0.0') => listen(server, port, host),
    setTls: (tls) => server.setSecureContext({ cert: tls.cert, key: tls.key }),
    close: () =>
      new Promise((resolve) => {
        hub.closeAll();
        server.close(() => resolve());
        // close() waits for sessions; streams were ended above, sessions close right after.
        setTimeout(resolve, 2000).unref();
      }),
  };
}

function reply(stream: ServerHttp2Stream, status: number, message: string) {
  if (stream.destroyed || stream.headersSent) return;
  stream.respond({ ':status': status, 'content-type': 'application/json' });
  stream.end(JSON.stringify({ error: { message, code: status } }));
}

function endStream(stream: ServerHttp2Stream) {
  if (stream.destroyed) return;
  if (!stream.writableEnded) stream.end();
  // The peer may keep its half open; close ours after a grace period.
  setTimeout(() => stream.destroyed || stream.close(constants.NGHTTP2_NO_ERROR), 1000).unref();
}

export function parseAck(line: string): Ack | undefined {
  if (!line.trim()) return undefined;
  try {
    const m = JSON.parse(line) as Partial<Ack>;
    if (typeof m.version !== 'string' || typeof m.ok !== 'boolean') return undefined;
    return { version: m.version, ok: m.ok, ...(typeof m.reason === 'string' ? { reason: m.reason } : {}) };
  } catch {
    return undefined;
  }
}
