// The test upstream: one local HTTP server that stands in for OpenAI, Azure OpenAI, Anthropic,
// Gemini and Bedrock in every test and benchmark, with deterministic replies, real usage numbers
// and per-request fault injection.
//
//   const up = await startUpstream();            // { port?, words?, apiKeys?, aws?, models?, ... }
//   new OpenAI({ baseURL: `${up.url}/v1`, apiKey: 'k' });  up.requests; up.setFault(...); up.close()
//   node test/support/upstream.ts --port 18080   # by hand: prints http://127.0.0.1:18080
//
// Base URLs: OpenAI `${url}/v1` (any path prefix also works), Anthropic `${url}`, Azure endpoint
// `${url}` (/openai/deployments/{d}/...?api-version=; the Responses API at /openai/v1/responses or
// /openai/responses?api-version=), Gemini `${url}/v1beta`, Bedrock `${url}`
// (/model/{id}/converse[-stream], SigV4; verified when `aws` credentials are given).
// The Responses API (upstream/responses.ts): create (JSON, typed SSE), retrieve, delete,
// input_items, input_tokens, with stored responses for previous_response_id and web_search.
//
// Replies (upstream/text.ts): the words of the last user message repeated to `words` words (16),
// cut by max_tokens (finish "length") or a stop sequence. Tokens = whitespace-separated words:
// prompt = every text the model reads (system + messages + tool results), completion = reply
// words; a tool call costs 1 + the words of its arguments JSON. Tools are called when the last
// user message names one (or tool_choice forces it); after a tool result the reply is text.
//
// Faults (upstream/faults.ts), as `x-upstream-<name>: v` headers, a model suffix
// `gpt-4o~<name>=v~<name>=v` (also in Gemini/Bedrock paths), `up.setFault(matcher, {camelCase})`
// or POST /_upstream/faults. Later sources win: rules < model suffix < headers.
//   status, error (context_length|rate_limit|overloaded|server|...), retry-after, retry-after-ms,
//   delay-ms, chunk-delay-ms, chunks, words, reset-after-chunks, error-after-chunks, malformed,
//   fail-times + fault-key, context-window, echo-credentials (error messages quote the request's
//   credential headers).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import * as anthropic from './upstream/anthropic.ts';
import { azureDialect } from './upstream/azure.ts';
import { bedrockDialect, converse } from './upstream/bedrock.ts';
import { control } from './upstream/control.ts';
import { FaultBook, FaultError, faultFromHeaders, splitModel } from './upstream/faults.ts';
import { files } from './upstream/files.ts';
import { gemini, geminiDialect } from './upstream/gemini.ts';
import { makeError, parseMultipart, readBody, send, sendError, sleep } from './upstream/http.ts';
import { imageGenerations, speech, transcriptions } from './upstream/media.ts';
import * as openai from './upstream/openai.ts';
import { realtimeUpgrade } from './upstream/realtime.ts';
import * as responses from './upstream/responses.ts';
import type {
  Ctx,
  Dialect,
  Fault,
  FaultMatcher,
  Handler,
  RecordedRequest,
  State,
  UpstreamOptions,
} from './upstream/types.ts';

export { countTokens, replyText, splitChunks } from './upstream/text.ts';
export type {
  ErrorKind,
  Fault,
  FaultMatcher,
  ProviderName,
  RecordedRequest,
  UpstreamOptions,
} from './upstream/types.ts';

export interface Upstream {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  /** Requests received so far, oldest first (a live array). */
  requests: RecordedRequest[];
  lastRequest(): RecordedRequest | undefined;
  /** Adds a fault rule; returns a function removing it. Later rules override earlier ones. */
  setFault(matcher: FaultMatcher, fault: Fault): () => void;
  /** Removes every rule and resets every fail-times counter. */
  clearFaults(): void;
  clearRequests(): void;
  close(): Promise<void>;
}

// ---- routing -----------------------------------------------------------------------------------

interface Route {
  dialect: Dialect;
  handler: Handler;
  operation: string;
  params: Record<string, string>;
  /** The requested model as sent (before removing a fault suffix). */
  model(body: any, params: Record<string, string>): string;
}

const bodyModel = (body: any) => (typeof body?.model === 'string' ? body.model : (body?.fields?.model ?? ''));
const paramModel = (_: unknown, params: Record<string, string>) => params.model;

type RouteSpec = Omit<Route, 'params' | 'model'> & { model?: Route['model'] };

const OPENAI_OPS: Record<string, [operation: string, handler: Handler]> = {
  'chat/completions': ['chat', openai.chatCompletions],
  completions: ['completions', openai.completions],
  embeddings: ['embeddings', openai.embeddings],
  'images/generations': ['images', imageGenerations],
  'audio/speech': ['speech', speech],
  'audio/transcriptions': ['transcriptions', transcriptions],
  'audio/translations': ['translations', transcriptions],
};

/** Exact "METHOD /path" routes: the hot path is one Map lookup. */
const EXACT = new Map<string, RouteSpec>([
  ...Object.entries(OPENAI_OPS).map(
    ([path, [operation, handler]]) =>
      [`POST /v1/${path}`, { dialect: openai.openaiDialect, operation, handler }] as const,
  ),
  ['GET /v1/models', { dialect: openai.openaiDialect, operation: 'models', handler: openai.models }],
  ['GET /v1/files', { dialect: openai.openaiDialect, operation: 'files', handler: files }],
  ['POST /v1/files', { dialect: openai.openaiDialect, operation: 'files', handler: files }],
  [
    'POST /v1/responses',
    { dialect: responses.responsesDialect, operation: 'responses', handler: responses.createResponse },
  ],
  [
    'POST /v1/responses/input_tokens',
    { dialect: responses.responsesDialect, operation: 'input_tokens', handler: responses.inputTokens },
  ],
  [
    'POST /v1/messages',
    { dialect: anthropic.anthropicDialect, operation: 'messages', handler: anthropic.messages },
  ],
  [
    'POST /v1/messages/count_tokens',
    { dialect: anthropic.anthropicDialect, operation: 'count_tokens', handler: anthropic.countTokensHandler },
  ],
]);
const EXACT_KEYS = [...EXACT.keys()].map((k) => k.split(' ') as [method: string, path: string]);

const AZURE = /\/openai\/deployments\/([^/]+)\/(.+)$/;
const GEMINI = /\/(?:v1beta|v1|v1alpha)\/(?:models|tunedModels)\/([^/:]+):([A-Za-z]+)$/;
const BEDROCK = /\/model\/([^/]+)\/(converse|converse-stream)$/;
const MODEL_BY_ID = /\/v1\/models\/([^/]+)$/;
const RESPONSE_BY_ID = /\/responses\/(resp_[^/]+)(\/input_items)?$/;
/** Azure's Responses API: the v1 route, or the older one with a dated api-version. */
const AZURE_RESPONSES = /^\/openai(?:\/v1)?\/responses(?:\/(input_tokens|resp_[^/]+)(\/input_items)?)?$/;
const FILE_BY_ID = /\/v1\/files\/([^/]+)$/;

const isAnthropic = (req: IncomingMessage) =>
  req.headers['anthropic-version'] !== undefined || req.headers['x-api-key'] !== undefined;

/** POST routes with parameters in the path: Azure deployments, Gemini models, Bedrock models. */
function paramRoute(path: string): Route | undefined {
  const azure = AZURE.exec(path);
  if (azure && OPENAI_OPS[azure[2]]) {
    const [operation, handler] = OPENAI_OPS[azure[2]];
    const params = { deployment: decodeURIComponent(azure[1]) };
    return { dialect: azureDialect, handler, operation, params, model: () => params.deployment };
  }
  const gem = GEMINI.exec(path);
  if (gem) {
    const params = { model: decodeURIComponent(gem[1]), method: gem[2] };
    return { dialect: geminiDialect, handler: gemini, operation: gem[2], params, model: paramModel };
  }
  const bed = BEDROCK.exec(path);
  if (bed) {
    const params = { model: decodeURIComponent(bed[1]), action: bed[2] };
    return { dialect: bedrockDialect, handler: converse, operation: bed[2], params, model: paramModel };
  }
  return undefined;
}

function findRoute(req: IncomingMessage, method: string, path: string): Route | undefined {
  const azure = req.headers['api-key'] !== undefined ? AZURE_RESPONSES.exec(path) : null;
  if (azure) {
    const dialect = responses.azureResponsesDialect;
    if (azure[1] === undefined && method === 'POST')
      return {
        dialect,
        operation: 'responses',
        handler: responses.createResponse,
        params: {},
        model: bodyModel,
      };
    if (azure[1] === 'input_tokens' && method === 'POST')
      return {
        dialect,
        operation: 'input_tokens',
        handler: responses.inputTokens,
        params: {},
        model: bodyModel,
      };
    if (azure[1] !== undefined && (method === 'GET' || method === 'DELETE')) {
      const params: Record<string, string> = { id: azure[1] };
      if (azure[2]) params.items = 'true';
      return { dialect, operation: 'response', handler: responses.storedResponse, params, model: () => '' };
    }
  }
  const key = `${method} ${path}`;
  // Also accept any path prefix (e.g. an OpenAI-compatible base URL like /openai/v1).
  let spec = EXACT.get(key);
  if (!spec) {
    const k = EXACT_KEYS.find(([m, p]) => m === method && path.endsWith(p));
    if (k) spec = EXACT.get(`${k[0]} ${k[1]}`);
  }
  if (spec) {
    if (spec.operation === 'models' && isAnthropic(req)) {
      return {
        dialect: anthropic.anthropicDialect,
        handler: anthropic.models,
        operation: 'models',
        params: {},
        model: () => '',
      };
    }
    return { ...spec, params: {}, model: spec.model ?? bodyModel };
  }
  if (method === 'POST') return paramRoute(path);
  const stored = method === 'GET' || method === 'DELETE' ? RESPONSE_BY_ID.exec(path) : null;
  if (stored) {
    const params: Record<string, string> = { id: decodeURIComponent(stored[1]) };
    if (stored[2]) params.items = 'true';
    const handler = responses.storedResponse;
    return { dialect: responses.responsesDialect, handler, operation: 'response', params, model: () => '' };
  }
  const file = method === 'GET' ? FILE_BY_ID.exec(path) : null;
  if (file) {
    const params = { id: decodeURIComponent(file[1]) };
    return { dialect: openai.openaiDialect, handler: files, operation: 'files', params, model: () => '' };
  }
  const m = method === 'GET' ? MODEL_BY_ID.exec(path) : null;
  if (m) {
    const params = { id: decodeURIComponent(m[1]) };
    const dialect = isAnthropic(req) ? anthropic.anthropicDialect : openai.openaiDialect;
    const handler = isAnthropic(req) ? anthropic.models : openai.models;
    return { dialect, handler, operation: 'models', params, model: () => '' };
  }
  return undefined;
}

// ---- request handling --------------------------------------------------------------------------

const NO_FAULT: Fault = Object.freeze({});

function harnessError(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({
    error: { message, type: 'upstream_harness_error', param: null, code: null },
  });
  send(res, status, { 'content-type': 'application/json' }, body);
}

function parseBody(raw: Buffer, contentType: string | undefined): { body: any; invalid: boolean } {
  if (raw.length === 0) return { body: undefined, invalid: false };
  if (contentType?.startsWith('multipart/form-data'))
    return { body: parseMultipart(raw, contentType), invalid: false };
  try {
    return { body: JSON.parse(raw.toString('utf8')), invalid: false };
  } catch {
    return { body: undefined, invalid: true };
  }
}

function record(state: State, r: RecordedRequest): void {
  if (state.recordLimit <= 0) return;
  // Drop the oldest half at once so recording stays O(1) amortised under benchmark load.
  if (state.requests.length >= state.recordLimit) state.requests.splice(0, state.recordLimit >> 1 || 1);
  state.requests.push(r);
}

async function handle(
  state: State,
  book: FaultBook,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (path.startsWith('/_upstream/')) return control(state, book, req, res, path);
  const method = req.method ?? 'GET';
  const route = findRoute(req, method, path);
  const raw = await readBody(req);
  const { body, invalid } = parseBody(raw, req.headers['content-type']);
  const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  const rawModel = route ? String(route.model(body, route.params) ?? '') : '';
  let split: ReturnType<typeof splitModel>;
  let headerFault: Fault | undefined;
  try {
    split = splitModel(rawModel);
    headerFault = faultFromHeaders(req.headers);
  } catch (e) {
    if (e instanceof FaultError) return harnessError(res, 400, e.message);
    throw e;
  }
  const rec: RecordedRequest = {
    seq: ++state.seq,
    time: Date.now(),
    method,
    path,
    query: q < 0 ? {} : Object.fromEntries(query),
    headers: req.headers,
    body,
    rawBody: raw,
    provider: route?.dialect.name,
    operation: route?.operation,
    model: route ? split.model : undefined,
    stream:
      body?.stream === true ||
      route?.operation === 'streamGenerateContent' ||
      route?.operation === 'converse-stream',
  };
  record(state, rec);
  if (!route) {
    return send(
      res,
      404,
      { 'content-type': 'application/json' },
      JSON.stringify({
        error: {
          message: `Invalid URL (${method} ${path})`,
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      }),
    );
  }
  const fault = book.resolve(rec, split.fault, headerFault, rawModel) ?? NO_FAULT;
  const ctx: Ctx = {
    req,
    res,
    state,
    dialect: route.dialect,
    path,
    query,
    params: route.params,
    body,
    record: rec,
    model: split.model,
    fault,
    failing: false,
    requestId: `req_${rec.seq}`,
  };
  if (fault.delayMs) await sleep(fault.delayMs, state.signal);
  if (res.destroyed) return;
  const denied = await route.dialect.authenticate(ctx);
  if (denied) return sendError(ctx, denied);
  if (invalid)
    return sendError(ctx, makeError(ctx, 'bad_request', 'We could not parse the JSON body of your request.'));
  const known = state.options.models;
  if (known && ctx.model && !known.includes(ctx.model)) {
    const message = `The model \`${ctx.model}\` does not exist or you do not have access to it.`;
    return sendError(ctx, makeError(ctx, 'not_found', message));
  }
  ctx.failing = fault === NO_FAULT ? false : book.failing(fault);
  await route.handler(ctx);
}

/** Starts the upstream on 127.0.0.1 (port 0 = any free port). */
export async function startUpstream(options: UpstreamOptions = {}): Promise<Upstream> {
  const abort = new AbortController();
  const limit =
    options.record === false
      ? 0
      : options.record === true || options.record === undefined
        ? 10_000
        : options.record;
  const state: State = {
    options: { ...options, words: options.words ?? 16 },
    requests: [],
    recordLimit: limit,
    seq: 0,
    signal: abort.signal,
  };
  const book = new FaultBook();
  const server = createServer(
    { keepAlive: true, noDelay: true, requestTimeout: 0, keepAliveTimeout: 65_000 },
    (req, res) => {
      handle(state, book, req, res).catch((e) => {
        console.error('upstream: handler failed', e);
        if (!res.headersSent) harnessError(res, 500, `upstream bug: ${(e as Error).message}`);
        else res.destroy();
      });
    },
  );
  server.maxRequestsPerSocket = 0;
  server.on(
    'upgrade',
    realtimeUpgrade(state, { record: (r) => record(state, r), nextSeq: () => ++state.seq }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A provider's front ends take a burst of connections (the bench opens 512 at once).
    server.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1', backlog: 4096 }, () =>
      resolve(),
    );
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    requests: state.requests,
    lastRequest: () => state.requests.at(-1),
    setFault(matcher, fault) {
      const id = book.add(matcher, fault);
      return () => void book.remove(id);
    },
    clearFaults: () => book.clear(),
    clearRequests: () => {
      state.requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        abort.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---- CLI ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '18080' },
      host: { type: 'string', default: '127.0.0.1' },
      words: { type: 'string' },
      record: { type: 'string' },
      'no-record': { type: 'boolean' },
      'api-key': { type: 'string', multiple: true },
      'context-window': { type: 'string' },
      models: { type: 'string' },
    },
  });
  const up = await startUpstream({
    port: Number(values.port),
    host: values.host,
    words: values.words ? Number(values.words) : undefined,
    record: values['no-record'] ? false : values.record ? Number(values.record) : 1000,
    apiKeys: values['api-key'],
    contextWindow: values['context-window'] ? Number(values['context-window']) : undefined,
    models: values.models?.split(','),
  });
  console.log(up.url);
  const stop = () => void up.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.main) await main();
