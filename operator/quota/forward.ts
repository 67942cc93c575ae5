// Quota leases on a follower. Sidecars keep one HTTP/2 connection to whichever operator replica
// the Service picked, usually a follower, but only the leader runs the quota service: a follower
// relays POST /v1/quota/lease to the leader and hands the leader's answer back unchanged. The
// sidecar's bearer token travels with the request, so the leader authenticates the sidecar itself
// (a follower never vouches for a sidecar). The leader advertises its push address on its Lease;
// followers keep one HTTP/2 session to it (trusting the operator CA, checking the Service name the
// serving certificate covers) and start a new one when the leader or the CA changes.
import {
  type ClientHttp2Session,
  connect,
  type IncomingHttpHeaders,
  type ServerHttp2Stream,
} from 'node:http2';
import type { Logger } from '../log.ts';

/** Annotation on the leader Lease: host:port of the leader's push server. */
export const LEADER_ADDRESS_ANNOTATION = 'aimesh.io/push-address';
/** Set on relayed requests: a replica never relays one again (no loops while leadership moves). */
export const FORWARDED_HEADER = 'aimesh-forwarded-by';

/** What the request carries on to the leader; everything else (cookies, hop headers) stays. */
const REQUEST_HEADERS = ['content-type', 'authorization', 'traceparent', 'tracestate'];
/** What the leader's answer carries back. */
const ANSWER_HEADERS = ['content-type', 'cache-control', 'retry-after'];

export interface LeaderTarget {
  identity: string;
  /** host:port ([v6]:port); undefined when the leader did not advertise one. */
  address?: string;
}

export interface ForwarderOptions {
  /** This replica (goes into the forwarded-by header). */
  identity: string;
  /** The leader as this replica last saw it; undefined while nobody leads. */
  leader(): LeaderTarget | undefined;
  /** The operator CA bundle (PEM) and the name the serving certificate is checked against. */
  tls(): { ca: string; servername: string } | undefined;
  log: Logger;
  /** Whole exchange with the leader; below the sidecar's own 2 s timeout. */
  timeoutMs?: number;
  maxBodyBytes?: number;
}

export function leaderAddress(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

type Answer = { status: number; headers: Record<string, string>; body: Buffer };

export class LeaderForwarder {
  readonly #o: ForwarderOptions;
  #session: { key: string; session: ClientHttp2Session } | undefined;

  constructor(opts: ForwarderOptions) {
    this.#o = opts;
  }

  /** The leader as last seen (for /debug/quotas on a follower). */
  leader(): LeaderTarget | undefined {
    return this.#o.leader();
  }

  /** Whether a request should be relayed: a leader other than us is known, and nobody relayed it yet. */
  target(headers: IncomingHttpHeaders): LeaderTarget | undefined {
    if (headers[FORWARDED_HEADER] !== undefined) return undefined;
    const leader = this.#o.leader();
    return leader && leader.identity !== this.#o.identity ? leader : undefined;
  }

  /** Relays one lease request to the leader and answers the stream with the leader's answer. */
  async handleStream(stream: ServerHttp2Stream, headers: IncomingHttpHeaders, leader: LeaderTarget) {
    const body = await readBody(stream, this.#o.maxBodyBytes ?? 4 << 20);
    let a: Answer;
    if (body === undefined) a = json(413, 'the body is too large');
    else if (!leader.address)
      a = json(503, `the leader ${leader.identity} advertises no address yet`, { 'retry-after': '1' });
    else {
      try {
        a = await this.#relay(leader.address, headers, body);
      } catch (err) {
        // The leader is known but did not answer (gone, partitioned): a gateway error, not "no leader".
        this.#o.log.warn(
          { leader: leader.identity, address: leader.address, err: (err as Error).message },
          'quota lease not relayed to the leader',
        );
        a = json(502, `the quota service on the leader ${leader.identity} did not answer`);
      }
    }
    if (stream.destroyed) return;
    stream.respond({ ':status': a.status, ...a.headers });
    stream.end(a.body);
  }

  close(): void {
    this.#session?.session.destroy();
    this.#session = undefined;
  }

  #connect(address: string): ClientHttp2Session {
    const tls = this.#o.tls();
    if (!tls) throw new Error('no operator CA loaded yet');
    // A new leader or a new CA: the old session is of no use any more.
    const key = `${address}\u0000${tls.servername}\u0000${tls.ca}`;
    const current = this.#session;
    if (current?.key === key && !current.session.closed && !current.session.destroyed) return current.session;
    current?.session.destroy();
    const session = connect(`https://${address}`, { ca: tls.ca, servername: tls.servername });
    session.on('error', (err) => this.#o.log.debug({ err: err.message, address }, 'leader session error'));
    session.on('close', () => {
      if (this.#session?.session === session) this.#session = undefined;
    });
    session.unref();
    this.#session = { key, session };
    return session;
  }

  #relay(address: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const session = this.#connect(address);
      const out: Record<string, string | number> = {
        ':method': 'POST',
        ':path': String(headers[':path'] ?? '/'),
        'content-length': body.length,
        [FORWARDED_HEADER]: this.#o.identity,
      };
      for (const h of REQUEST_HEADERS) {
        const v = headers[h];
        if (typeof v === 'string') out[h] = v;
      }
      const req = session.request(out);
      const fail = (err: Error) => {
        // The session may be the broken part: the next request connects anew.
        if (this.#session?.session === session) this.close();
        reject(err);
      };
      req.setTimeout(this.#o.timeoutMs ?? 1_500, () => {
        req.close();
        fail(new Error('timed out'));
      });
      let status = 0;
      const answer: Record<string, string> = {};
      const parts: Buffer[] = [];
      req.on('response', (h) => {
        status = Number(h[':status']);
        for (const name of ANSWER_HEADERS) if (typeof h[name] === 'string') answer[name] = h[name];
      });
      req.on('data', (d: Buffer) => parts.push(d));
      req.on('error', fail);
      req.on('end', () => resolve({ status, headers: answer, body: Buffer.concat(parts) }));
      req.end(body);
    });
  }
}

function json(status: number, message: string, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    body: Buffer.from(JSON.stringify({ error: { message, code: status } })),
  };
}

async function readBody(stream: AsyncIterable<Buffer | string>, max: number): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > max) return undefined;
    parts.push(b);
  }
  return Buffer.concat(parts);
}
