// The egress gateway's request handler (aimesh-sidecar --gateway, port 15080 on the pod IP): a
// thin, authenticated, credential-injecting forwarder. Per request: who is calling (the pod token,
// TokenReview) -> which provider (x-aimesh-provider, one of this namespace's Gateway-mode
// providers) -> may the caller's namespace use it (the compiled grant) -> read the body (capped)
// -> add the key -> send it to the provider's own endpoint (never a host the caller names) ->
// stream the answer back with the keys scrubbed. The caller's policy (routes, quotas, guards) ran
// in its own sidecar and is not repeated here.
import http, {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream';
import type { RuntimeProvider, RuntimeSnapshot } from '../config/runtime.ts';
import type { Logger } from '../log.ts';
import type { GatewayGrant } from '../snapshot/schema.ts';
import { CREDENTIAL_HEADERS, injectCredentials } from './credentials.ts';
import { GATEWAY_ERROR_HEADER, PROVIDER_HEADER, TOKEN_HEADER } from './protocol.ts';
import { scrubStream, scrubText, secretsOf } from './scrub.ts';
import type { Caller, CallerReviewer } from './token-review.ts';

export interface GatewayDeps {
  current(): RuntimeSnapshot | undefined;
  reviewer: Pick<CallerReviewer, 'review'>;
  log: Logger;
  /** Largest request body, bytes. */
  bodyLimit: number;
  /** Time for the provider's response head, and longest silence in its body, unless the provider sets one. */
  requestTimeoutMs: number;
  /** Each forwarded call, for drain on shutdown. */
  enter?: () => () => void;
}

interface Served {
  provider: RuntimeProvider;
  grant: GatewayGrant;
  secrets: string[];
}

/** Hop-by-hop headers (RFC 9110 7.6.1) and what the gateway sets itself. */
const DROP_REQUEST = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
  // The answer must come uncompressed, or the keys in it could not be scrubbed.
  'accept-encoding',
  PROVIDER_HEADER,
  ...CREDENTIAL_HEADERS,
]);
const DROP_RESPONSE = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  // Scrubbing may change the length.
  'content-length',
]);

export function createGatewayApp(deps: GatewayDeps): RequestListener {
  const views = new WeakMap<RuntimeSnapshot, Map<string, Served>>();
  const viewOf = (runtime: RuntimeSnapshot) => {
    let view = views.get(runtime);
    if (!view) {
      view = new Map();
      for (const grant of runtime.snapshot.gateway?.grants ?? []) {
        const provider = runtime.providers.get(grant.provider);
        if (provider)
          view.set(grant.provider, { provider, grant, secrets: secretsOf(provider.config.credentials) });
      }
      views.set(runtime, view);
    }
    return view;
  };

  return (req, res) => {
    const leave = deps.enter?.();
    res.once('close', () => leave?.());
    handle(req, res).catch((err) => {
      deps.log.error({ err: (err as Error).message }, 'gateway call failed');
      refuse(res, 500, 'internal', 'the gateway failed');
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const runtime = deps.current();
    if (!runtime) return refuse(res, 503, 'not_ready', 'the gateway has no snapshot yet');
    const token = /^Bearer\s+(.+)$/i.exec(String(req.headers[TOKEN_HEADER] ?? ''))?.[1]?.trim();
    const verdict = await deps.reviewer.review(token);
    if (!verdict.ok) {
      deps.log.warn({ status: verdict.status, reason: verdict.reason }, 'gateway call refused');
      return refuse(
        res,
        verdict.status,
        verdict.status === 401 ? 'unauthenticated' : 'unavailable',
        verdict.reason,
      );
    }
    const caller = verdict.caller;
    const id = String(req.headers[PROVIDER_HEADER] ?? '');
    const served = viewOf(runtime).get(id);
    if (!served)
      return refuse(res, 404, 'unknown_provider', `provider ${id || '(none)'} is not served by this gateway`);
    if (!served.grant.allNamespaces && !served.grant.namespaces.includes(caller.namespace)) {
      deps.log.warn({ caller, provider: id }, 'gateway call refused: namespace not allowed');
      return refuse(res, 403, 'forbidden', `namespace ${caller.namespace} may not use provider ${id}`);
    }
    const config = served.provider.config;
    const target = targetUrl(config.endpoint, req.url ?? '/');
    if (!target) return refuse(res, 400, 'bad_path', 'the request path is not below the provider endpoint');
    if (req.method !== 'POST' && req.method !== 'GET')
      return refuse(res, 405, 'bad_method', 'only GET and POST are forwarded');

    const body = await readRequestBody(req, deps.bodyLimit);
    if (body === 'too-large') {
      res.setHeader('connection', 'close');
      return refuse(res, 413, 'body_too_large', `the request body is over ${deps.bodyLimit} bytes`);
    }
    if (body === 'aborted') return;
    const request = await injectCredentials(config, {
      url: target.toString(),
      method: req.method,
      headers: forwardedHeaders(req.headers),
      body: req.method === 'POST' ? body : undefined,
    });
    // The caller may have left while its token was reviewed or its body read.
    if (res.destroyed || req.socket.destroyed) return;
    forward(res, served, request, caller, started);
  }

  function forward(
    res: ServerResponse,
    served: Served,
    request: Awaited<ReturnType<typeof injectCredentials>>,
    caller: Caller,
    started: number,
  ): void {
    const config = served.provider.config;
    const timeoutMs = config.requestTimeoutMs ?? deps.requestTimeoutMs;
    const url = new URL(request.url);
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const headers: Record<string, string> = {
      ...request.headers,
      host: url.host,
      'accept-encoding': 'identity',
    };
    if (body) headers['content-length'] = String(body.length);
    const upstream = (url.protocol === 'https:' ? https : http).request(url, {
      method: request.method,
      headers,
      agent: served.provider.agent,
    });
    let answered = false;
    const done = (status: number, outcome: string) =>
      deps.log.info(
        {
          caller: caller.namespace,
          pod: caller.pod,
          provider: config.id,
          status,
          outcome,
          ms: Math.round(performance.now() - started),
        },
        'gateway call',
      );
    const fail = (status: number, code: string, message: string) => {
      clearTimeout(headTimer);
      clearTimeout(connectTimer);
      upstream.destroy();
      if (answered) return void res.destroy();
      answered = true;
      done(status, code);
      refuse(res, status, code, message);
    };
    const headTimer = setTimeout(
      () => fail(504, 'upstream_timeout', `provider ${config.id} did not answer within ${timeoutMs} ms`),
      timeoutMs,
    );
    let connectTimer: NodeJS.Timeout | undefined;
    if (config.connectTimeoutMs) {
      const ms = config.connectTimeoutMs;
      upstream.once('socket', (socket) => {
        if (!socket.connecting) return;
        connectTimer = setTimeout(
          () => fail(502, 'upstream_unreachable', `connect timeout after ${ms} ms`),
          ms,
        );
        socket.once('connect', () => clearTimeout(connectTimer));
      });
    }
    // The caller left (or its sidecar gave up): stop the provider call too.
    res.once('close', () => {
      if (!res.writableFinished) {
        clearTimeout(headTimer);
        upstream.destroy();
      }
    });
    upstream.once('error', (err: Error & { code?: string }) =>
      fail(
        502,
        'upstream_unreachable',
        `provider ${config.id} unreachable (${err.code ?? 'connection failed'})`,
      ),
    );
    upstream.once('response', (answer) => {
      clearTimeout(headTimer);
      if (answered || res.destroyed) return void answer.destroy();
      answered = true;
      // Silence in a long stream is bounded too.
      upstream.setTimeout(timeoutMs, () => answer.destroy(new Error('provider went silent')));
      const status = answer.statusCode ?? 502;
      res.writeHead(status, responseHeaders(answer.headers, served.secrets));
      pipeline(answer, scrubStream(served.secrets), res, (err) => {
        done(status, err ? 'cut' : 'ok');
        if (err && !res.destroyed) res.destroy();
      });
    });
    upstream.end(body);
  }
}

/** The provider endpoint plus the caller's path and query, or undefined when it would leave it. */
export function targetUrl(endpoint: string, path: string): URL | undefined {
  if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  const base = new URL(endpoint.replace(/\/+$/, ''));
  let url: URL;
  try {
    url = new URL(base.toString().replace(/\/+$/, '') + path);
  } catch {
    return undefined;
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  if (url.origin !== base.origin) return undefined;
  if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return undefined;
  return url;
}

function forwardedHeaders(incoming: IncomingHttpHeaders): Record<string, string> {
  const named = new Set(
    String(incoming.connection ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase()),
  );
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || DROP_REQUEST.has(name) || named.has(name) || name.startsWith('x-aimesh-'))
      continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function responseHeaders(
  incoming: IncomingHttpHeaders,
  secrets: readonly string[],
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || DROP_RESPONSE.has(name)) continue;
    out[name] = Array.isArray(value) ? value.map((v) => scrubText(v, secrets)) : scrubText(value, secrets);
  }
  return out;
}

function readRequestBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
      } else chunks.push(c);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', () => resolve('aborted'));
    req.once('aborted', () => resolve('aborted'));
  });
}

/** The gateway's own refusal: OpenAI-shaped, marked so the caller's sidecar knows who refused. */
function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify({ error: { message, type: 'gateway_error', code } });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    [GATEWAY_ERROR_HEADER]: code,
  });
  res.end(body);
}
