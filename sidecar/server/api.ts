// The app-facing API (port 15080): OpenAI endpoints under /v1 and Anthropic Messages under
// /anthropic/v1. Each endpoint turns the request into a Call and runs the pipeline. Bodies are
// read raw (one buffer, parsed once by identify) with a size limit.
// This port is the hot path, so it is served by a small node:http dispatcher (one Map lookup per
// request, the body read straight off the socket) rather than express: express's router, its
// req/res decoration and body-parser cost ~100 µs of CPU per call for nothing this port uses (see
// bench/RESULTS.md). Routing semantics are express's: paths match case-insensitively, with or
// without a trailing slash, query ignored; GET routes answer HEAD; the body limit answers 413,
// gzip / deflate / br bodies are inflated, other encodings 415. The admin port is node:http too.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { RuntimeSnapshot } from '../config/runtime.ts';
import type { SnapshotStore } from '../config/store.ts';
import type { Logger } from '../log.ts';
import type { Call, Dialect } from '../pipeline/call.ts';
import { badRequest, CallError, draining, noSnapshot, notFound, tooLarge } from '../pipeline/errors.ts';
import type { TopValue } from '../pipeline/json-top.ts';
import { errorBody } from '../pipeline/respond.ts';
import type { ResponseStore } from '../pipeline/response-store.ts';
import { runSteps, type Step } from '../pipeline/step.ts';
import type { Operation } from '../snapshot/index.ts';
import { countTokens, storedResponse } from './local-endpoints.ts';
import type { NativeResponses } from './native-responses.ts';
import type { Passthrough } from './passthrough.ts';

interface Endpoint {
  method: 'post';
  path: string;
  dialect: Dialect;
  operation: Operation;
  /** OpenAI path below /v1, what adapters receive. */
  upstreamPath: string;
}

const openai = (path: string, operation: Operation): Endpoint => ({
  method: 'post',
  path: `/v1${path}`,
  dialect: 'openai',
  operation,
  upstreamPath: path,
});

export const ENDPOINTS: readonly Endpoint[] = [
  openai('/chat/completions', 'chat'),
  openai('/completions', 'completions'),
  openai('/embeddings', 'embeddings'),
  openai('/images/generations', 'images'),
  openai('/images/edits', 'images'),
  openai('/images/variations', 'images'),
  openai('/audio/transcriptions', 'audio'),
  openai('/audio/translations', 'audio'),
  openai('/audio/speech', 'audio'),
  {
    method: 'post',
    path: '/v1/responses',
    dialect: 'responses',
    operation: 'chat',
    upstreamPath: '/chat/completions',
  },
  {
    method: 'post',
    path: '/anthropic/v1/messages',
    dialect: 'anthropic',
    operation: 'chat',
    upstreamPath: '/chat/completions',
  },
];

/** Headers that carry the app's credentials: never used, never forwarded. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'x-api-key',
  'api-key',
  'proxy-authorization',
  'cookie',
]);

/**
 * The headers without the credentials, copied field by field: deleting fields from a copy turns
 * it into a dictionary-mode object, slower for every later read (routing, quota keys, forward).
 */
function appHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const name in headers) if (!CREDENTIAL_HEADERS.has(name)) out[name] = headers[name];
  return out;
}

/** Counts calls in flight so shutdown can wait for them. */
export class Inflight {
  #count = 0;
  #waiters: (() => void)[] = [];

  get count(): number {
    return this.#count;
  }

  enter(): () => void {
    this.#count++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.#count--;
      if (this.#count === 0) for (const w of this.#waiters.splice(0)) w();
    };
  }

  /** Resolves when nothing is in flight. */
  idle(): Promise<void> {
    if (this.#count === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
}

/**
 * A call as the pipeline sees it. The logger child and the abort signal are made on first use
 * (most calls need neither), behind getters on the prototype: an object literal with getters
 * closing over per-call state got a hidden class of its own per call, which V8 allocates in the
 * old generation (~6 KB of old-space garbage a call, and the major GCs that came with it).
 */
class InboundCall implements Call {
  readonly id: string;
  readonly runtime: RuntimeSnapshot;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly rawBody: Buffer;
  readonly startedAt = performance.now();
  readonly timings: Call['timings'] = {};
  readonly dialect: Dialect;
  readonly operation: Endpoint['operation'];
  readonly path: string;
  headers: IncomingHttpHeaders;
  readonly contentType: string | undefined;
  stream = false;
  usageInjected = false;
  attempts: Call['attempts'] = [];
  readonly afterResponse: Call['afterResponse'] = [];
  // What the steps learn, declared here so every call has one shape from the start: fields added
  // one by one as steps run move the object through a chain of hidden classes, and reads of them
  // in later steps go megamorphic.
  unchangedBody: Call['unchangedBody'];
  modelRequested: Call['modelRequested'];
  responses: Call['responses'];
  claims: Call['claims'];
  endUser: Call['endUser'];
  rule: Call['rule'];
  routeId: Call['routeId'];
  ruleName: Call['ruleName'];
  targets: Call['targets'];
  deadline: Call['deadline'];
  routeChoice: Call['routeChoice'];
  provider: Call['provider'];
  modelServed: Call['modelServed'];
  modelResponse: Call['modelResponse'];
  usage: Call['usage'];
  result: Call['result'];
  estimate: Call['estimate'];
  quotaDecision: Call['quotaDecision'];
  admitFallback: Call['admitFallback'];
  quota: Call['quota'];
  guardActions: Call['guardActions'];
  cache: Call['cache'];
  prompt: Call['prompt'];
  costUSD: Call['costUSD'];
  status: Call['status'];
  errorType: Call['errorType'];
  #baseLog: Logger;
  #log: Logger | undefined;
  #abort: AbortController | undefined;
  #body: Call['body'];
  #deferred: { bytes: Buffer; fields: ReadonlyMap<string, TopValue> } | undefined;

  constructor(
    id: string,
    runtime: RuntimeSnapshot,
    req: IncomingMessage,
    res: ServerResponse,
    endpoint: Endpoint,
    rawBody: Buffer,
    log: Logger,
  ) {
    this.id = id;
    this.runtime = runtime;
    this.req = req;
    this.res = res;
    this.rawBody = rawBody;
    this.dialect = endpoint.dialect;
    this.operation = endpoint.operation;
    this.path = endpoint.upstreamPath;
    this.headers = appHeaders(req.headers);
    this.contentType = req.headers['content-type'];
    this.#baseLog = log;
  }

  get body(): Call['body'] {
    if (this.#deferred) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(this.#deferred.bytes.toString('utf8'));
      } catch (err) {
        throw badRequest(`the body is not valid JSON: ${(err as Error).message}`, 'invalid_json');
      }
      this.#body = parsed as Call['body'];
      this.#deferred = undefined;
    }
    return this.#body;
  }

  set body(value: Call['body']) {
    this.#deferred = undefined;
    this.#body = value;
  }

  get hasBody(): boolean {
    return this.#deferred !== undefined || this.#body !== undefined;
  }

  field(name: string): unknown {
    const top = this.#deferred?.fields.get(name);
    if (top?.parsed) return top.value;
    if (this.#deferred && !top) return undefined;
    return this.body?.[name];
  }

  deferBody(bytes: Buffer, fields: ReadonlyMap<string, TopValue>): void {
    this.#body = undefined;
    this.#deferred = { bytes, fields };
  }

  get log(): Logger {
    this.#log ??= this.#baseLog.child({ call: this.id });
    return this.#log;
  }

  get signal(): AbortSignal {
    this.#abort ??= new AbortController();
    if (this.res.destroyed && !this.res.writableFinished) this.#abort.abort();
    return this.#abort.signal;
  }

  /** The app went away before the answer was complete. */
  clientGone(): void {
    this.#abort?.abort();
  }
}

export interface ApiDeps {
  store: SnapshotStore;
  /** Stored Responses API answers (GET/DELETE /v1/responses/{id}); the pipeline's store. */
  responses?: ResponseStore;
  /** Stored answers and token counts of providers that speak the Responses API. */
  native?: NativeResponses;
  /** Provider endpoints routes proxy as they are (files, batches, ...). */
  passthrough?: Pick<Passthrough, 'http'>;
  steps: readonly Step[];
  log: Logger;
  bodyLimit: number;
  /** Bodies at least this big are read into shared memory (worker threads read them without a copy). */
  shareAbove?: number;
  /** Calls in flight: counted once the body is in (a slow upload is not a call yet). */
  inflight: Inflight;
  /** True once SIGTERM arrived: new calls are refused. */
  isDraining(): boolean;
}

function sendError(res: ServerResponse, dialect: Dialect, err: CallError): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (err.retryAfterMs !== undefined) headers['retry-after'] = String(Math.ceil(err.retryAfterMs / 1000));
  res.writeHead(err.status, headers);
  res.end(JSON.stringify(errorBody(dialect, err.status, err)));
}

const dialectOf = (path: string): Dialect => (path.startsWith('/anthropic/') ? 'anthropic' : 'openai');

/** POST endpoints the sidecar answers itself (token counts). */
const COUNTS = new Map<string, 'openai' | 'anthropic'>([
  ['POST /v1/responses/input_tokens', 'openai'],
  ['POST /anthropic/v1/messages/count_tokens', 'anthropic'],
]);

/** A request body that cannot be read: answered with this status (body-parser's cases). */
class BodyError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const EMPTY = Buffer.alloc(0);

/**
 * A buffer of `size` bytes: shared memory (SharedArrayBuffer) when at least `shareAbove`, so a
 * worker thread can read it without a copy (see ../offload).
 */
function allocate(size: number, shareAbove: number): Buffer {
  return size >= shareAbove ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
}

/**
 * The whole request body, inflated when encoded, at most `limit` bytes. With a content-length
 * the bytes are copied into one buffer of that size as they arrive (no list of chunks joined at
 * the end: one copy of the body in memory, not two).
 */
function readBody(req: IncomingMessage, limit: number, shareAbove: number): Promise<Buffer> {
  const headers = req.headers;
  // No body at all (neither length nor chunked): nothing to read.
  if (headers['transfer-encoding'] === undefined && headers['content-length'] === undefined)
    return Promise.resolve(EMPTY);
  const encoding = (headers['content-encoding'] ?? 'identity').toLowerCase();
  const declared = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
  let source: Readable;
  let into: Buffer | undefined;
  if (encoding === 'identity') {
    if (declared !== undefined && declared > limit) {
      req.resume();
      return Promise.reject(new BodyError(413, 'request entity too large'));
    }
    source = req;
    // Bigger than a chunk: one buffer of the declared size, filled as data arrives.
    if (declared !== undefined && declared > 16 * 1024) into = allocate(declared, shareAbove);
  } else {
    const inflate =
      encoding === 'gzip' || encoding === 'x-gzip'
        ? zlib.createGunzip()
        : encoding === 'deflate'
          ? zlib.createInflate()
          : encoding === 'br'
            ? zlib.createBrotliDecompress()
            : undefined;
    if (!inflate) {
      req.resume();
      return Promise.reject(new BodyError(415, `unsupported content encoding "${encoding}"`));
    }
    source = req.pipe(inflate);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const fail = (err: BodyError) => {
      if (done) return;
      done = true;
      into = undefined;
      chunks.length = 0;
      if (source !== req) source.destroy();
      req.unpipe();
      req.resume(); // drain what is left so the connection stays usable
      reject(err);
    };
    source.on('data', (chunk: Buffer) => {
      if (done) return;
      if (into) {
        if (length + chunk.length > into.length)
          return fail(new BodyError(400, 'request size did not match content length'));
        chunk.copy(into, length);
        length += chunk.length;
        return;
      }
      length += chunk.length;
      if (length > limit) return fail(new BodyError(413, 'request entity too large'));
      chunks.push(chunk);
    });
    source.once('end', () => {
      if (done) return;
      if (source === req && declared !== undefined && length !== declared)
        return fail(new BodyError(400, 'request size did not match content length'));
      done = true;
      if (into) return resolve(into);
      if (chunks.length === 1 && length < shareAbove) return resolve(chunks[0]);
      const body = allocate(length, shareAbove);
      let at = 0;
      for (const c of chunks) at += c.copy(body, at);
      resolve(body);
    });
    source.once('error', (err) => fail(new BodyError(400, err.message)));
    req.once('aborted', () => fail(new BodyError(400, 'request aborted')));
  });
}

/** Express's matching: case-insensitive, one trailing slash optional, no query. */
function routeKey(method: string, pathname: string): string {
  const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  return `${method} ${trimmed.toLowerCase()}`;
}

const MODEL_BY_ID = /^\/(v1|anthropic\/v1)\/models\/([^/]+)\/?$/i;

export function createApiApp(deps: ApiDeps): RequestListener {
  const posts = new Map<string, Endpoint>(ENDPOINTS.map((e) => [routeKey('POST', e.path), e]));

  /** GET /v1/models and GET /anthropic/v1/models: what an app can call without special headers. */
  function models(res: ServerResponse, dialect: Dialect): void {
    const runtime = deps.store.current;
    if (!runtime) {
      sendError(res, dialect, noSnapshot());
      return;
    }
    const { discovery } = runtime;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(dialect === 'anthropic' ? discovery.anthropicJson : discovery.openaiJson);
  }

  function model(res: ServerResponse, dialect: Dialect, raw: string): void {
    const runtime = deps.store.current;
    if (!runtime) {
      sendError(res, dialect, noSnapshot());
      return;
    }
    let id = raw;
    try {
      id = decodeURIComponent(raw);
    } catch {}
    const found = runtime.discovery.models.find(
      (m) => m.id === id && (dialect === 'openai' || m.operations.includes('chat')),
    );
    if (!found) {
      sendError(res, dialect, notFound(`model "${id}" is not routed`, 'model_not_found'));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(
      JSON.stringify(
        dialect === 'anthropic'
          ? { type: 'model', id: found.id, display_name: found.id, created_at: '1970-01-01T00:00:00Z' }
          : {
              id: found.id,
              object: 'model',
              created: 0,
              owned_by: found.ownedBy,
              aimesh: { operations: found.operations },
            },
      ),
    );
  }

  function call(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    // Admission, now that the body is in: an upload still arriving when SIGTERM came is refused
    // here, and never held the drain.
    if (deps.isDraining()) {
      res.setHeader('connection', 'close');
      sendError(res, endpoint.dialect, draining());
      return;
    }
    const leave = deps.inflight.enter();
    res.once('close', leave);
    const runtime = deps.store.current;
    if (!runtime) {
      sendError(res, endpoint.dialect, noSnapshot());

      return;
    }
    const id = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : randomUUID();
    const c = new InboundCall(id, runtime, req, res, endpoint, body, deps.log);
    res.once('close', () => {
      if (!res.writableFinished) c.clientGone();
    });
    req.setMaxListeners(0); // every upstream attempt may listen on the inbound request
    runSteps(deps.steps, c).catch((err) => {
      c.log.error({ err: (err as Error).message }, 'pipeline crashed');
      if (!res.headersSent)
        sendError(res, endpoint.dialect, new CallError(500, 'internal sidecar error', 'internal_error'));
      else res.destroy();
    });
  }

  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    // Refuse while draining; calls are counted in flight once their body is in (see call).
    if (deps.isDraining()) {
      res.setHeader('connection', 'close');
      return sendError(res, dialectOf(pathname), draining());
    }

    const method = req.method ?? 'GET';
    const counts = method === 'POST' ? COUNTS.get(routeKey('POST', pathname)) : undefined;
    if (counts) {
      const native = counts === 'openai' ? deps.native : undefined;
      readBody(req, deps.bodyLimit, Number.POSITIVE_INFINITY).then(
        async (body) => {
          if (!(await native?.countTokens(req, res, body))) countTokens(counts, body, res, sendError);
        },
        (err: BodyError) =>
          sendError(res, counts, new CallError(err.status, err.message, 'invalid_request_error')),
      );
      return;
    }
    const native = deps.native;
    const query = q < 0 ? '' : url.slice(q + 1);
    if (
      deps.responses &&
      storedResponse(
        deps.responses,
        method,
        pathname,
        res,
        sendError,
        native && ((id, items) => native.retrieve(req, res, id, items, query)),
      )
    )
      return;
    const endpoint = method === 'POST' ? posts.get(routeKey('POST', pathname)) : undefined;
    if (endpoint) {
      readBody(req, deps.bodyLimit, deps.shareAbove ?? Number.POSITIVE_INFINITY).then(
        (body) => call(endpoint, req, res, body),
        (err: BodyError) => {
          const dialect = dialectOf(pathname);
          if (err.status === 413) return sendError(res, dialect, tooLarge(deps.bodyLimit));
          const status = err.status >= 400 && err.status < 500 ? err.status : 500;
          sendError(
            res,
            dialect,
            new CallError(
              status,
              status === 500 ? 'internal sidecar error' : err.message,
              'invalid_request_error',
            ),
          );
        },
      );
      return;
    }
    if (method === 'GET' || method === 'HEAD') {
      const key = routeKey('GET', pathname);
      if (key === 'GET /v1/models') return models(res, 'openai');
      if (key === 'GET /anthropic/v1/models') return models(res, 'anthropic');
      const m = MODEL_BY_ID.exec(pathname);
      if (m) return model(res, m[1]!.toLowerCase() === 'v1' ? 'openai' : 'anthropic', m[2]!);
    }
    if (deps.passthrough) {
      // A pass-through streams its body through to the provider: in flight from the start.
      const leave = deps.inflight.enter();
      if (deps.passthrough.http(req, res, pathname)) {
        res.once('close', leave);
        return;
      }
      leave();
    }
    sendError(
      res,
      dialectOf(pathname),
      notFound(`unknown endpoint ${method} ${pathname}`, 'unknown_endpoint'),
    );
  };
}
