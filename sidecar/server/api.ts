// The app-facing API (port 15080): OpenAI endpoints under /v1 and Anthropic Messages under
// /anthropic/v1. Each endpoint turns the request into a Call and runs the pipeline. Bodies are
// read raw (one buffer, parsed once by identify) with a size limit.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { SnapshotStore } from '../config/store.ts';
import type { Logger } from '../log.ts';
import type { Call, Dialect } from '../pipeline/call.ts';
import { CallError, draining, noSnapshot, notFound, tooLarge } from '../pipeline/errors.ts';
import { errorBody } from '../pipeline/respond.ts';
import { runSteps, type Step } from '../pipeline/step.ts';
import type { Operation } from '../snapshot/index.ts';

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
    path: '/anthropic/v1/messages',
    dialect: 'anthropic',
    operation: 'chat',
    upstreamPath: '/chat/completions',
  },
];

/** Headers that carry the app's credentials: never used, never forwarded. */
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'api-key', 'proxy-authorization', 'cookie'];

function appHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = { ...headers };
  for (const name of CREDENTIAL_HEADERS) delete out[name];
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

export interface ApiDeps {
  store: SnapshotStore;
  steps: readonly Step[];
  log: Logger;
  bodyLimit: number;
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

export function createApiApp(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', false);

  // Admission: refuse while draining or before the first snapshot, and count what we accept.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (deps.isDraining()) {
      res.setHeader('connection', 'close');
      return sendError(res, dialectOf(req.path), draining());
    }
    const leave = deps.inflight.enter();
    res.once('close', leave);
    next();
  });

  app.get('/v1/models', (_req, res) => {
    const runtime = deps.store.current;
    if (!runtime) return sendError(res, 'openai', noSnapshot());
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(runtime.modelsJson);
  });
  app.get('/v1/models/:model', (req, res) => {
    const runtime = deps.store.current;
    if (!runtime) return sendError(res, 'openai', noSnapshot());
    const model = runtime.models.find((m) => m.id === req.params.model);
    if (!model)
      return sendError(
        res,
        'openai',
        notFound(`model "${req.params.model}" is not routed`, 'model_not_found'),
      );
    res.json({ id: model.id, object: 'model', created: 0, owned_by: model.ownedBy });
  });

  const raw = express.raw({ type: () => true, limit: deps.bodyLimit });
  for (const endpoint of ENDPOINTS) {
    app[endpoint.method](endpoint.path, raw, (req: Request, res: Response) => {
      const runtime = deps.store.current;
      if (!runtime) return sendError(res, endpoint.dialect, noSnapshot());
      const id = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : randomUUID();
      // The logger child and the abort signal are made on first use: most calls need neither.
      let log: Logger | undefined;
      let abort: AbortController | undefined;
      const gone = () => res.destroyed && !res.writableFinished;
      res.once('close', () => {
        if (!res.writableFinished) abort?.abort();
      });
      req.setMaxListeners(0); // every upstream attempt listens on the inbound request
      const call: Call = {
        id,
        runtime,
        req: req as IncomingMessage,
        res: res as ServerResponse,
        get log() {
          log ??= deps.log.child({ call: id });
          return log;
        },
        startedAt: performance.now(),
        timings: {},
        get signal() {
          abort ??= new AbortController();
          if (gone()) abort.abort();
          return abort.signal;
        },
        dialect: endpoint.dialect,
        operation: endpoint.operation,
        path: endpoint.upstreamPath,
        headers: appHeaders(req.headers),
        rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        contentType: req.headers['content-type'],
        stream: false,
        usageInjected: false,
        attempts: [],
        afterResponse: [],
      };
      runSteps(deps.steps, call).catch((err) => {
        call.log.error({ err: (err as Error).message }, 'pipeline crashed');
        if (!res.headersSent)
          sendError(res, endpoint.dialect, new CallError(500, 'internal sidecar error', 'internal_error'));
        else res.destroy();
      });
    });
  }

  app.use((req: Request, res: Response) => {
    sendError(
      res,
      dialectOf(req.path),
      notFound(`unknown endpoint ${req.method} ${req.path}`, 'unknown_endpoint'),
    );
  });

  // Body errors from express.raw: too large (413), unreadable (400).
  app.use(
    (err: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
      const dialect = dialectOf(req.path);
      if (err.type === 'entity.too.large') return sendError(res, dialect, tooLarge(deps.bodyLimit));
      const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
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
  return app;
}
