// Sends one upstream attempt with node:http(s) on the provider's keep-alive agent and hands back
// the response head, so the forward step can decide (retry, fall back, or answer) before anything
// reaches the app. The request body is the buffer the adapter built; the header set is exactly
// the adapter's (the app's own headers, credentials included, never go upstream), plus host and
// content-length.
// The design named http-proxy here; it was replaced by a direct request on the same agent: the
// sidecar never pipes the app's request through (the body is already a buffer) and handles the
// response itself, so http-proxy only added per-attempt option merging, URL joining, a Readable
// for the body and its pass chain (~40 µs of CPU per call, see bench/RESULTS.md).

import type { ClientRequest, IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import type { UpstreamRequest } from '../providers/adapter.ts';
import { ClientGoneError, TransportError } from './errors.ts';

export interface SendOptions {
  agent: http.Agent;
  /** Absolute time (Date.now()) by which the response head must have arrived. */
  deadline: number;
  /** The attempt's whole time budget (the timeout in force when it started), for the error message. */
  budgetMs?: number;
  connectTimeoutMs?: number;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: IncomingMessage;
}

const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
]);

function classify(err: Error & { code?: string }): Error {
  if (err instanceof TransportError || err instanceof ClientGoneError) return err;
  const code = err.code ?? '';
  if (CONNECT_ERRORS.has(code) || /socket hang up/i.test(err.message)) {
    return new TransportError('connect-error', `connection failed (${code || err.message})`);
  }
  return new TransportError('connect-error', err.message);
}

interface Target {
  secure: boolean;
  hostname: string;
  port: number;
  /** host header: hostname[:port] as in the URL (default ports omitted). */
  host: string;
  path: string;
}

/** Parsed request URLs: adapters build the same few URLs over and over. */
const targets = new Map<string, Target>();

function targetOf(raw: string): Target {
  let t = targets.get(raw);
  if (!t) {
    const url = new URL(raw);
    const secure = url.protocol === 'https:';
    t = {
      secure,
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: Number(url.port || (secure ? 443 : 80)),
      host: url.host,
      path: url.pathname + url.search,
    };
    if (targets.size >= 1024) targets.clear();
    targets.set(raw, t);
  }
  return t;
}

export class Transport {
  send(
    _req: IncomingMessage,
    res: ServerResponse,
    request: UpstreamRequest,
    opts: SendOptions,
  ): Promise<UpstreamResponse> {
    return new Promise((resolve, reject) => {
      let proxyReq: ClientRequest | undefined;
      let settled = false;
      let connectTimer: NodeJS.Timeout | undefined;
      const cleanup = () => {
        settled = true;
        clearTimeout(timer);
        clearTimeout(connectTimer);
        res.off('close', onClientGone);
      };
      const fail = (err: Error) => {
        if (settled) return;
        cleanup();
        proxyReq?.destroy();
        reject(err);
      };
      const onClientGone = () => fail(new ClientGoneError());
      res.once('close', onClientGone);
      const waitMs = Math.max(0, opts.deadline - Date.now());
      // The message names the budget the attempt started with (the route's or provider's timeout),
      // not what was left a millisecond later once the request was built.
      const budgetMs = opts.budgetMs ?? waitMs;
      const timer = setTimeout(
        () => fail(new TransportError('timeout', `no response within ${budgetMs} ms`)),
        waitMs,
      );

      const body =
        request.body === undefined
          ? undefined
          : Buffer.isBuffer(request.body)
            ? request.body
            : Buffer.from(request.body);
      const target = targetOf(request.url);
      const headers: Record<string, string> = {};
      for (const name in request.headers) headers[name.toLowerCase()] = request.headers[name];
      headers.host = target.host;
      if (body) headers['content-length'] = String(body.length);

      try {
        proxyReq = (target.secure ? https : http).request({
          hostname: target.hostname,
          port: target.port,
          path: target.path,
          method: request.method,
          headers,
          agent: opts.agent,
        });
      } catch (err) {
        fail(classify(err as Error));
        return;
      }
      proxyReq.once('error', (err) => fail(classify(err)));
      if (opts.connectTimeoutMs) {
        const connectTimeoutMs = opts.connectTimeoutMs;
        proxyReq.once('socket', (socket) => {
          if (!socket.connecting || settled) return;
          connectTimer = setTimeout(
            () => fail(new TransportError('connect-error', `connect timeout after ${connectTimeoutMs} ms`)),
            connectTimeoutMs,
          );
          socket.once('connect', () => clearTimeout(connectTimer));
        });
      }
      proxyReq.once('response', (proxyRes: IncomingMessage) => {
        if (settled) {
          proxyRes.destroy();
          return;
        }
        cleanup();
        resolve({ status: proxyRes.statusCode ?? 502, headers: proxyRes.headers, body: proxyRes });
      });
      proxyReq.end(body);
    });
  }

  close(): void {}
}

/** Reads a whole (non-streamed) upstream body, bounded by the deadline. */
export function readBody(body: IncomingMessage, deadline: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(
      () => body.destroy(new TransportError('timeout', 'response body did not complete in time')),
      Math.max(0, deadline - Date.now()),
    );
    body.on('data', (c: Buffer) => chunks.push(c));
    body.once('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    body.once('error', (err) => {
      clearTimeout(timer);
      reject(
        err instanceof TransportError
          ? err
          : new TransportError('connect-error', `response cut off (${err.message})`),
      );
    });
    body.once('aborted', () => {
      clearTimeout(timer);
      reject(new TransportError('connect-error', 'response cut off'));
    });
  });
}

/**
 * Upstream stream bytes as they arrive. Silence longer than idleMs ends it with a timeout; a
 * reset socket with a connect-error. Breaking out of the loop destroys the upstream response.
 */
export async function* streamBody(body: IncomingMessage, idleMs: number): AsyncGenerator<Buffer> {
  // One timer for the whole stream, checked lazily: a chunk only notes the time (re-arming a
  // timer per chunk cost two timer-list operations per SSE event).
  let last = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    const quiet = performance.now() - last;
    if (quiet >= idleMs) body.destroy(new TransportError('timeout', `upstream stream idle for ${idleMs} ms`));
    else timer = setTimeout(check, idleMs - quiet);
  };
  const arm = () => {
    last = performance.now();
  };
  timer = setTimeout(check, idleMs);
  let aborted = false;
  body.once('aborted', () => {
    aborted = true;
  });
  try {
    for await (const chunk of body) {
      arm();
      yield chunk as Buffer;
    }
    if (aborted || !body.complete) throw new TransportError('connect-error', 'upstream stream cut off');
  } catch (err) {
    if (err instanceof TransportError) throw err;
    throw new TransportError('connect-error', `upstream stream cut off (${(err as Error).message})`);
  } finally {
    clearTimeout(timer);
    if (!body.complete) body.destroy();
  }
}
