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
import { finished } from 'node:stream';
import type { UpstreamRequest } from '../providers/adapter.ts';
import { ClientGoneError, ShutdownError, TransportError, UpstreamAnswerError } from './errors.ts';

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
  if (ours(err)) return err;
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

/** Anything that ends an exchange from our side, passed through to its readers as it is. */
function ours(err: unknown): boolean {
  return (
    err instanceof TransportError ||
    err instanceof ClientGoneError ||
    err instanceof ShutdownError ||
    err instanceof UpstreamAnswerError
  );
}

/**
 * Sends upstream requests and keeps each exchange tied to the app's connection until the
 * upstream's answer is over: an app that leaves in any phase (before the response head, while
 * the body is read, mid-stream) ends the upstream request at once, and whoever reads it sees
 * ClientGoneError. abortAll() does the same for every open exchange at shutdown.
 */
export class Transport {
  readonly #open = new Set<(err: Error) => void>();

  send(
    _req: IncomingMessage,
    res: ServerResponse,
    request: UpstreamRequest,
    opts: SendOptions,
  ): Promise<UpstreamResponse> {
    return new Promise((resolve, reject) => {
      let proxyReq: ClientRequest | undefined;
      let proxyRes: IncomingMessage | undefined;
      let settled = false;
      let connectTimer: NodeJS.Timeout | undefined;
      const open = this.#open;
      const release = () => {
        res.off('close', onClientClose);
        open.delete(abort);
      };
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(connectTimer);
        release();
        proxyReq?.destroy();
        reject(err);
      };
      /** Ends the exchange whatever its phase: before the head it fails send(), after it the body. */
      const abort = (err: Error) => {
        if (!settled) fail(err);
        else if (proxyRes && !proxyRes.destroyed) proxyRes.destroy(err);
        release();
      };
      const onClientClose = () => {
        if (!res.writableFinished) abort(new ClientGoneError());
      };
      if (res.destroyed && !res.writableFinished) {
        reject(new ClientGoneError());
        return;
      }
      res.once('close', onClientClose);
      open.add(abort);
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
      proxyReq.once('response', (response: IncomingMessage) => {
        if (settled) {
          response.destroy();
          return;
        }
        settled = true;
        clearTimeout(timer);
        clearTimeout(connectTimer);
        proxyRes = response;
        // Readers attach their own handlers; this one keeps an abort between them from crashing.
        response.on('error', () => {});
        response.once('close', release);
        resolve({ status: response.statusCode ?? 502, headers: response.headers, body: response });
      });
      proxyReq.end(body);
    });
  }

  /** Ends every exchange still open (shutdown): their readers see `err`. */
  abortAll(err: Error = new ShutdownError()): void {
    for (const abort of [...this.#open]) abort(err);
  }

  /** Exchanges open now (tests, debugging). */
  get openExchanges(): number {
    return this.#open.size;
  }

  close(): void {}
}

export interface ReadOptions {
  /** Absolute time (Date.now()) by which the whole body must have arrived. */
  deadline: number;
  /** Most bytes to read. */
  limit: number;
  /**
   * Past the limit: 'fail' (default) ends the exchange with UpstreamAnswerError; 'truncate'
   * returns the first `limit` bytes (error bodies: their start is all anyone reads).
   */
  overLimit?: 'fail' | 'truncate';
}

const MiB = 1024 * 1024;

/** "limit of 32 MiB (--max-response-size)" */
export function responseTooLarge(limit: number): UpstreamAnswerError {
  const size = limit % MiB === 0 ? `${limit / MiB} MiB` : `${limit} bytes`;
  return new UpstreamAnswerError(
    'upstream_response_too_large',
    `upstream answer is larger than the sidecar's limit of ${size} (--max-response-size)`,
  );
}

/**
 * Reads a whole (non-streamed) upstream body, bounded by the deadline and by `limit` bytes: a
 * body declared or found larger is refused while reading, never buffered past the limit.
 */
export function readBody(body: IncomingMessage, opts: ReadOptions): Promise<Buffer> {
  const { limit } = opts;
  const truncate = opts.overLimit === 'truncate';
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const finish = (err: Error | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      body.off('data', onData);
      if (err) reject(err);
      else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length));
    };
    const timer = setTimeout(
      () => body.destroy(new TransportError('timeout', 'response body did not complete in time')),
      Math.max(0, opts.deadline - Date.now()),
    );
    const onData = (c: Buffer) => {
      if (length + c.length > limit) {
        if (truncate) {
          chunks.push(c.subarray(0, limit - length));
          length = limit;
          finish(undefined);
          body.destroy();
        } else body.destroy(responseTooLarge(limit));
        return;
      }
      chunks.push(c);
      length += c.length;
    };
    if (body.errored) {
      // Ended before anyone read it (the app left in between): the reason stands.
      finish(ours(body.errored) ? body.errored : new TransportError('connect-error', 'response cut off'));
      return;
    }
    const declared = Number(body.headers['content-length']);
    if (!truncate && declared > limit) {
      body.destroy(responseTooLarge(limit));
    }
    body.on('data', onData);
    body.once('end', () => finish(undefined));
    body.once('error', (err) =>
      finish(ours(err) ? err : new TransportError('connect-error', `response cut off (${err.message})`)),
    );
    body.once('close', () => {
      if (!body.complete) finish(new TransportError('connect-error', 'response cut off'));
    });
  });
}

/** How far a pulled stream reads ahead of its reader before pausing the upstream socket. */
const PULL_AHEAD_BYTES = 64 * 1024;

/** Where an upstream stream's bytes go in push mode (UpstreamBody.pipe). */
export interface BodySink {
  /** One chunk; false: the sink is full, reading pauses until resume(). */
  data(buf: Buffer): boolean;
  /** The upstream ended: cleanly (undefined) or with the error that ended it. */
  end(err?: Error): void;
}

/**
 * An upstream stream's bytes as they arrive, read either way: pulled a chunk at a time (the
 * stream's head before committing, translated streams: it is an async iterator) or pushed to a
 * sink (pipe(): the passthrough path, socket to socket in one pass with no promise per chunk).
 * Silence longer than idleMs ends it with a timeout; a reset socket with a connect-error; an
 * exchange ended on our side (the app left, shutdown) with that error. close() (or return())
 * before the end destroys the upstream response.
 */
export class UpstreamBody implements AsyncIterableIterator<Buffer> {
  readonly #body: IncomingMessage;
  readonly #idleMs: number;
  /** Chunks read and not yet taken (pull mode, or pushed back with unshift), and their bytes. */
  #queue: Buffer[] = [];
  #queued = 0;
  #ended = false;
  #error: Error | undefined;
  #wake: (() => void) | undefined;
  #sink: BodySink | undefined;
  // One timer for the whole stream, checked lazily: a chunk only notes the time (re-arming a
  // timer per chunk cost two timer-list operations per SSE event).
  #last = performance.now();
  #timer: NodeJS.Timeout | undefined;

  constructor(body: IncomingMessage, idleMs: number) {
    this.#body = body;
    this.#idleMs = idleMs;
    this.#timer = setTimeout(this.#check, idleMs);
    body.on('data', this.#onData);
    finished(body, this.#onFinished);
  }

  #check = (): void => {
    const quiet = performance.now() - this.#last;
    if (quiet >= this.#idleMs)
      this.#body.destroy(new TransportError('timeout', `upstream stream idle for ${this.#idleMs} ms`));
    else this.#timer = setTimeout(this.#check, this.#idleMs - quiet);
  };

  #onData = (chunk: Buffer): void => {
    this.#last = performance.now();
    const sink = this.#sink;
    if (sink) {
      if (!sink.data(chunk)) this.#body.pause();
      return;
    }
    this.#queue.push(chunk);
    this.#queued += chunk.length;
    // Flowing while the reader keeps up (no pause/resume per chunk); paused once it falls behind.
    if (this.#queued > PULL_AHEAD_BYTES) this.#body.pause();
    this.#wakeUp();
  };

  #onFinished = (err?: Error | null): void => {
    clearTimeout(this.#timer);
    this.#ended = true;
    if (err) {
      this.#error = ours(err)
        ? err
        : new TransportError('connect-error', `upstream stream cut off (${err.message})`);
    } else if (!this.#body.complete)
      this.#error = new TransportError('connect-error', 'upstream stream cut off');
    if (this.#sink) this.#sink.end(this.#error);
    else this.#wakeUp();
  };

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  async next(): Promise<IteratorResult<Buffer>> {
    for (;;) {
      const chunk = this.#queue.shift();
      if (chunk) {
        this.#queued -= chunk.length;
        if (this.#queued <= PULL_AHEAD_BYTES && this.#body.isPaused() && !this.#ended) this.#body.resume();
        return { done: false, value: chunk };
      }
      if (this.#ended) {
        if (this.#error) throw this.#error;
        return { done: true, value: undefined };
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  async return(): Promise<IteratorResult<Buffer>> {
    this.close();
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Chunks already taken go back to the front (the head, read before committing). */
  unshift(chunks: readonly Buffer[]): void {
    this.#queue.unshift(...chunks);
    for (const c of chunks) this.#queued += c.length;
  }

  /** From now on chunks are pushed to `sink` as they arrive, held ones first. */
  pipe(sink: BodySink): void {
    this.#sink = sink;
    let full = false;
    this.#queued = 0;
    for (const chunk of this.#queue.splice(0)) full = !sink.data(chunk) || full;
    if (this.#ended) sink.end(this.#error);
    else if (full) this.#body.pause();
    else this.#body.resume();
  }

  /** Reading goes on after the sink said it was full. */
  resume(): void {
    if (!this.#ended) this.#body.resume();
  }

  /** Stops reading; an upstream response not yet complete is destroyed. */
  close(): void {
    clearTimeout(this.#timer);
    this.#queue.length = 0;
    this.#queued = 0;
    if (!this.#body.complete) this.#body.destroy();
  }
}
