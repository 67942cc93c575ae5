// Sends one upstream attempt through http-proxy on a keep-alive agent and hands back the
// response head, so the forward step can decide (retry, fall back, or answer) before anything
// reaches the app. The request body is the buffer the adapter built; the header set is exactly
// the adapter's (the app's own headers, credentials included, never go upstream).

import type http from 'node:http';
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import httpProxy from 'http-proxy';
import type { UpstreamRequest } from '../providers/adapter.ts';
import { ClientGoneError, TransportError } from './errors.ts';

export interface SendOptions {
  agent: http.Agent;
  /** Absolute time (Date.now()) by which the response head must have arrived. */
  deadline: number;
  connectTimeoutMs?: number;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: IncomingMessage;
}

interface AttemptOptions extends httpProxy.ServerOptions {
  onProxyReq?: (proxyReq: ClientRequest) => void;
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

/** WHATWG URL -> the pre-parsed target http-proxy accepts (avoids its url.parse). */
function targetOf(url: URL): httpProxy.ServerOptions['target'] {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    protocol: url.protocol,
    hostname,
    host: hostname,
    port: url.port || (url.protocol === 'https:' ? '443' : '80'),
    path: url.pathname + url.search,
  } as unknown as httpProxy.ServerOptions['target'];
}

export class Transport {
  readonly #proxy = httpProxy.createProxyServer({});

  constructor() {
    // http-proxy announces each outgoing request once it has a socket; the per-attempt options
    // carry the hook that adopts it (timeouts, response).
    this.#proxy.on('proxyReq', (proxyReq, _req, _res, options) => {
      (options as AttemptOptions).onProxyReq?.(proxyReq);
    });
    this.#proxy.on('error', () => {}); // every call passes its own error callback
  }

  send(
    req: IncomingMessage,
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
      const timer = setTimeout(
        () => fail(new TransportError('timeout', `no response within ${waitMs} ms`)),
        waitMs,
      );

      const body =
        request.body === undefined
          ? undefined
          : Buffer.isBuffer(request.body)
            ? request.body
            : Buffer.from(request.body);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
      if (body) headers['content-length'] = String(body.length);

      const options: AttemptOptions = {
        target: targetOf(new URL(request.url)),
        agent: opts.agent,
        method: request.method,
        ignorePath: true,
        toProxy: true,
        changeOrigin: true,
        selfHandleResponse: true,
        buffer: Readable.from(body ? [body] : []) as unknown as httpProxy.ServerOptions['buffer'],
        onProxyReq: (pr) => {
          proxyReq = pr;
          if (settled) {
            pr.destroy();
            return;
          }
          const socket = pr.socket;
          if (opts.connectTimeoutMs && socket?.connecting) {
            connectTimer = setTimeout(
              () =>
                fail(
                  new TransportError('connect-error', `connect timeout after ${opts.connectTimeoutMs} ms`),
                ),
              opts.connectTimeoutMs,
            );
            socket.once('connect', () => clearTimeout(connectTimer));
          }
          pr.once('response', (proxyRes: IncomingMessage) => {
            if (settled) {
              proxyRes.destroy();
              return;
            }
            cleanup();
            resolve({ status: proxyRes.statusCode ?? 502, headers: proxyRes.headers, body: proxyRes });
          });
        },
      };
      // http-proxy copies req.headers into the upstream request, synchronously inside web(): for
      // that moment they are exactly the adapter's set, then the app's again (so nothing that
      // reads req.headers later sees the provider's credentials).
      const appHeaders = req.headers;
      req.headers = headers;
      try {
        this.#proxy.web(req, res, options, (err: Error) => fail(classify(err)));
      } finally {
        req.headers = appHeaders;
      }
    });
  }

  close(): void {
    this.#proxy.close();
  }
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
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () => body.destroy(new TransportError('timeout', `upstream stream idle for ${idleMs} ms`)),
      idleMs,
    );
  };
  let aborted = false;
  body.once('aborted', () => {
    aborted = true;
  });
  arm();
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
