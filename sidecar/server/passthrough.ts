// Provider endpoints proxied as they are, with http-proxy (the one place it fits: no body is
// parsed or rewritten, and WebSocket upgrades are its strength):
//   - pass-through: paths a route opts in to (spec.passthrough: /v1/files, /v1/batches, ...) go to
//     the route's provider with its credentials injected; the app's credentials never leave.
//   - Realtime: GET /v1/realtime?model=... upgrades to a WebSocket to the provider the rules pick
//     for (model, operation realtime), after a quota pre-check; token usage is read off the
//     provider's response.done events (the frames are parsed, never changed) and settled when the
//     session ends. permessage-deflate is not offered upstream, so frames are plain text.
// Each request or session gets an audit line and a CLIENT span.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import httpProxy from 'http-proxy';
import type { RuntimeProvider, RuntimeSnapshot } from '../config/runtime.ts';
import type { SnapshotStore } from '../config/store.ts';
import { costOf } from '../cost.ts';
import type { Logger } from '../log.ts';
import { CallError, notFound } from '../pipeline/errors.ts';
import { errorBody } from '../pipeline/respond.ts';
import { priceBookOf } from '../pipeline/rule-state.ts';
import type { QuotaClient } from '../quota/client.ts';

/** Headers that carry the app's credentials: never sent to a provider. */
const APP_CREDENTIALS = ['authorization', 'x-api-key', 'api-key', 'proxy-authorization', 'cookie'];
/** Realtime messages larger than this are relayed but not read for usage. */
const MAX_READ_MESSAGE = 4 * 1024 * 1024;

export interface PassthroughDeps {
  store: SnapshotStore;
  log: Logger;
  quota?: QuotaClient;
  /** Upstream response timeout for pass-through requests. */
  timeoutMs: number;
}

export interface Passthrough {
  /** Serves the request when a route proxies its path; false otherwise. */
  http(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
  /** The API server's 'upgrade' event: /v1/realtime, or a 404 on the socket. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Ends open Realtime sessions (shutdown). */
  close(): void;
}

interface Usage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

function providerHeaders(provider: RuntimeProvider): Record<string, string> {
  const headers: Record<string, string> = { ...provider.config.headers };
  const key = provider.config.credentials?.apiKey;
  if (key) headers.authorization = `Bearer ${key}`;
  return headers;
}

function stripAppCredentials(req: IncomingMessage): void {
  for (const name of APP_CREDENTIALS) delete req.headers[name];
}

/** The route whose passthrough paths cover this path (whole segments). */
function passthroughFor(runtime: RuntimeSnapshot, pathname: string): RuntimeProvider | undefined {
  for (const route of runtime.snapshot.routes) {
    const p = route.passthrough;
    if (!p) continue;
    if (p.paths.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)))
      return runtime.providers.get(p.provider);
  }
  return undefined;
}

function tracer() {
  return trace.getTracer('aimesh');
}

export function createPassthrough(deps: PassthroughDeps): Passthrough {
  const { log } = deps;
  const sessions = new Set<Duplex>();
  const proxy = httpProxy.createProxyServer({
    changeOrigin: true,
    xfwd: false,
    proxyTimeout: deps.timeoutMs,
    timeout: deps.timeoutMs,
  });
  // A failed upstream answers the app in the OpenAI error shape, never with the proxy's defaults.
  proxy.on('error', (err, _req, res) => {
    if (!('writeHead' in res)) return void res.destroy();
    if (res.headersSent) return void res.destroy();
    const timedOut = /timeout|ETIMEDOUT|socket hang up/i.test(err.message);
    res.writeHead(timedOut ? 504 : 502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        errorBody('openai', 502, {
          message: timedOut ? 'the provider did not answer in time' : 'the provider could not be reached',
          type: 'upstream_error',
          code: timedOut ? 'upstream_timeout' : 'upstream_unreachable',
        }),
      ),
    );
  });

  function http(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    const runtime = deps.store.current;
    const provider = runtime && passthroughFor(runtime, pathname);
    if (!provider) return false;
    const started = performance.now();
    const span = tracer().startSpan(`${req.method} ${pathname}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': req.method ?? 'GET',
        'url.path': pathname,
        'aimesh.passthrough': true,
        'aimesh.provider': provider.id,
        'aimesh.snapshot.version': runtime.version,
      },
    });
    res.once('close', () => {
      const status = res.statusCode;
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      log.info(
        {
          audit: 'passthrough',
          method: req.method,
          path: pathname,
          provider: provider.id,
          status,
          durationMs: Math.round(performance.now() - started),
        },
        'passthrough',
      );
    });
    stripAppCredentials(req);
    // The provider endpoint ends in /v1 like the app's path: join below it.
    req.url = (req.url ?? pathname).replace(/^\/v1/, '');
    proxy.web(req, res, {
      target: provider.config.endpoint,
      agent: provider.agent,
      headers: providerHeaders(provider),
    });
    return true;
  }

  function refuse(socket: Duplex, status: number, err: CallError): void {
    const body = JSON.stringify(errorBody('openai', status, err));
    const retry =
      err.retryAfterMs === undefined
        ? ''
        : `retry-after: ${Math.max(1, Math.ceil(err.retryAfterMs / 1000))}\r\n`;
    socket.end(
      `HTTP/1.1 ${status} ${status === 429 ? 'Too Many Requests' : status === 404 ? 'Not Found' : 'Bad Request'}\r\n` +
        `content-type: application/json\r\n${retry}content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://sidecar');
    const runtime = deps.store.current;
    if (url.pathname.replace(/\/$/, '') !== '/v1/realtime' || !runtime)
      return refuse(socket, 404, notFound(`no WebSocket endpoint at ${url.pathname}`, 'unknown_endpoint'));
    const model = url.searchParams.get('model') ?? undefined;
    const rule = runtime.rules.find((r) => r.matches({ model, operation: 'realtime', headers: req.headers }));
    if (!rule)
      return refuse(socket, 404, notFound(runtime.discovery.noRoute(model, 'realtime'), 'model_not_found'));
    const backend = rule.backends.pick();
    const provider = backend.provider;
    if (provider.config.type !== 'openai' && provider.config.type !== 'openai-compatible')
      return refuse(
        socket,
        400,
        new CallError(
          400,
          `provider ${provider.id} (${provider.config.type}) has no Realtime API`,
          'invalid_request_error',
        ),
      );
    const modelName = backend.model ?? model;
    const upstreamModel = modelName && (provider.upstreamNames.get(modelName) ?? modelName);

    // The quota pre-check: a session counts as a request, and needs some token budget left.
    const quota = deps.quota;
    // Limits match the model that serves (as the route names it and as sent upstream).
    const models = [modelName, upstreamModel];
    let ticket: ReturnType<QuotaClient['check']>['ticket'] | undefined;
    if (quota && quota.limits.length > 0) {
      const ready = quota.ready(models);
      if (ready) await ready;
      const estimate = { requests: 1, tokens: 1, inputTokens: 1, outputTokens: 1 };
      const first = quota.check(models, estimate);
      const check = first.short ? await quota.waitIfShort(first, () => quota.check(models, estimate)) : first;
      if (check.decision === 'deny') {
        const d = check.denial!;
        const err =
          d.status === 400
            ? new CallError(400, d.message, 'invalid_request_error', d.code)
            : new CallError(429, d.message, 'quota_exceeded', d.code, (d.retryAfterSeconds ?? 1) * 1000);
        return refuse(socket, d.status, err);
      }
      ticket = check.ticket;
    }

    const started = performance.now();
    const usage: Usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
    const span: Span = tracer().startSpan(`realtime ${modelName ?? ''}`.trim(), {
      kind: SpanKind.CLIENT,
      attributes: {
        'gen_ai.operation.name': 'realtime',
        'gen_ai.request.model': modelName ?? '',
        'gen_ai.provider.name': 'openai',
        'aimesh.route': rule.routeId,
        'aimesh.provider': provider.id,
        'aimesh.snapshot.version': runtime.version,
      },
    });
    let ended = false;
    const end = (outcome: string) => {
      if (ended) return;
      ended = true;
      sessions.delete(socket);
      const pricing = upstreamModel
        ? priceBookOf(runtime).pricing(provider.id, modelName ?? upstreamModel)
        : undefined;
      const costUSD = pricing ? costOf(pricing, usage) : 0;
      if (quota && ticket)
        quota.settle(
          ticket,
          {
            requests: 1,
            tokens: usage.inputTokens + usage.outputTokens,
            inputTokens: usage.inputTokens,
            outputTokens: usage.outputTokens,
            costUSD,
          },
          models,
        );
      span.setAttributes({
        'gen_ai.usage.input_tokens': usage.inputTokens,
        'gen_ai.usage.output_tokens': usage.outputTokens,
        'aimesh.cost.usd': costUSD,
      });
      if (outcome !== 'closed') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
      span.end();
      log.info(
        {
          audit: 'realtime',
          route: rule.routeId,
          rule: rule.name,
          provider: provider.id,
          model: modelName,
          outcome,
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
          costUSD,
          durationMs: Math.round(performance.now() - started),
        },
        'realtime session',
      );
    };
    sessions.add(socket);
    socket.once('close', () => end('closed'));

    stripAppCredentials(req);
    delete req.headers['sec-websocket-extensions']; // plain frames: usage is read off them
    url.searchParams.set('model', upstreamModel ?? '');
    req.url = `/realtime?${url.searchParams}`;
    const session = httpProxy.createProxyServer({ changeOrigin: true, xfwd: false });
    session.on('open', (upstream: Duplex) => upstream.on('data', readUsage(usage)));
    session.on('error', (err) => {
      end(`upstream error: ${err.message}`);
      socket.destroy();
    });
    session.ws(req, socket, head, {
      target: provider.config.endpoint,
      agent: provider.agent,
      headers: providerHeaders(provider),
    });
  }

  return {
    http,
    upgrade: (req, socket, head) => {
      upgrade(req, socket, head).catch((err) => {
        log.error({ err: (err as Error).message }, 'realtime upgrade failed');
        socket.destroy();
      });
    },
    close() {
      for (const s of sessions) s.destroy();
      proxy.close();
    },
  };
}

/**
 * Reads server frames (unmasked, RFC 6455) as they pass and adds the usage of each response.done
 * event. Linear: each byte is looked at once; fragmented messages are joined up to a bound.
 */
export function readUsage(usage: Usage): (chunk: Buffer) => void {
  // Bytes wait in `chunks` until a whole header or frame is there, then are joined once.
  let chunks: Buffer[] = [];
  let have = 0;
  let need = 2;
  let message: Buffer[] = [];
  let messageBytes = 0;
  let skipping = false;
  /** Bytes of an oversized frame still to pass by unread (never buffered). */
  let discard = 0;
  return (chunk) => {
    if (discard > 0) {
      const n = Math.min(discard, chunk.length);
      discard -= n;
      chunk = chunk.subarray(n);
      if (chunk.length === 0) return;
    }
    chunks.push(chunk);
    have += chunk.length;
    while (have >= need) {
      const buf = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, have);
      chunks = [buf];
      const fin = (buf[0]! & 0x80) !== 0;
      const opcode = buf[0]! & 0x0f;
      const masked = (buf[1]! & 0x80) !== 0;
      const short = buf[1]! & 0x7f;
      const header = (short === 126 ? 4 : short === 127 ? 10 : 2) + (masked ? 4 : 0);
      if (buf.length < header) {
        need = header;
        continue;
      }
      const len =
        short === 126 ? buf.readUInt16BE(2) : short === 127 ? Number(buf.readBigUInt64BE(2)) : short;
      if (len > MAX_READ_MESSAGE) {
        // Too big to read for usage: it passes unread (never buffered), and so does its message.
        skipping = true;
        const rest = buf.subarray(Math.min(buf.length, header + len));
        discard = Math.max(0, header + len - buf.length);
        chunks = rest.length > 0 ? [rest] : [];
        have = rest.length;
        need = 2;
        if (fin) {
          message = [];
          messageBytes = 0;
        }
        continue;
      }
      if (buf.length < header + len) {
        need = header + len;
        continue;
      }
      const payload = buf.subarray(header, header + len);
      const rest = buf.subarray(header + len);
      chunks = rest.length > 0 ? [rest] : [];
      have = rest.length;
      need = 2;
      if (opcode >= 0x8) continue; // control frames
      if (opcode !== 0) {
        message = [];
        messageBytes = 0;
        skipping = opcode !== 0x1;
      }
      if (!skipping) {
        messageBytes += payload.length;
        if (messageBytes > MAX_READ_MESSAGE) skipping = true;
        else message.push(payload);
      }
      if (fin && !skipping) addUsage(usage, Buffer.concat(message));
      if (fin) {
        message = [];
        messageBytes = 0;
      }
    }
  };
}

function addUsage(usage: Usage, text: Buffer): void {
  if (text.indexOf('response.done') < 0) return;
  try {
    const event = JSON.parse(text.toString('utf8'));
    const u = event?.type === 'response.done' ? event.response?.usage : undefined;
    if (!u) return;
    usage.inputTokens += u.input_tokens ?? 0;
    usage.outputTokens += u.output_tokens ?? 0;
    usage.cachedInputTokens += u.input_token_details?.cached_tokens ?? 0;
  } catch {
    // Not JSON: the app gets it as it is; there is nothing to count.
  }
}
