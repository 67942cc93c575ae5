// A hostile upstream: a provider that misbehaves on purpose, for the sidecar's bounds tests. It
// speaks just enough OpenAI, Anthropic, Gemini and Bedrock (chat, whole and streamed) to be
// routed to, and does to each request what the mode registered for its model says:
//   huge-answer    a whole answer of `bytes` bytes (chunked, or with content-length when declared)
//   huge-event     a stream whose first event never ends: `bytes` bytes with no newline, then EOF
//   stall-before-headers / stall-after-headers (+ partial: half a body / one first event)
//   stall-mid-stream  a few content events, then silence with the connection open
//   malformed-sse  `after` good content events, then an event that is not JSON, then the rest
//   drop-mid-stream   `after` content events, then a TCP reset
//   echo-auth      an error (or, inStream, an in-stream error event) quoting the credentials it got
//   unavailable    503 with retry-after
//   ok             a small, correct answer
// Every request is recorded with when its connection closed and whether the answer was complete,
// so a test can prove that the sidecar gave up on it (and when).
//
//   const up = await startHostileUpstream();
//   up.mode('big-model', { kind: 'huge-answer', bytes: 256 * 2 ** 20 });
//   ... call the sidecar with model big-model ...
//   const rec = await up.closed('big-model');   // rec.aborted, rec.bytesSent, rec.closedAt
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeEvent } from '../../sidecar/providers/bedrock/eventstream.ts';

export type HostileMode =
  | { kind: 'ok' }
  | { kind: 'huge-answer'; bytes: number; declareLength?: boolean }
  | { kind: 'huge-event'; bytes: number }
  | { kind: 'stall-before-headers' }
  | { kind: 'stall-after-headers'; partial?: boolean }
  | { kind: 'stall-mid-stream'; after?: number }
  | { kind: 'malformed-sse'; after?: number }
  | { kind: 'drop-mid-stream'; after?: number }
  | { kind: 'echo-auth'; status?: number; inStream?: boolean }
  | { kind: 'unavailable'; retryAfterSeconds?: number };

export type HostileDialect = 'openai' | 'anthropic' | 'gemini' | 'bedrock';

export interface HostileRequest {
  seq: number;
  model: string;
  dialect: HostileDialect;
  stream: boolean;
  mode: HostileMode['kind'];
  headers: IncomingMessage['headers'];
  receivedAt: number;
  /** When the connection (or the finished answer) closed. */
  closedAt?: number;
  /** The connection closed before the answer was complete: the sidecar gave up on it. */
  aborted?: boolean;
  /** Body bytes written (accepted by the socket) so far. */
  bytesSent: number;
}

export interface HostileUpstream {
  url: string;
  requests: HostileRequest[];
  /** What to do with requests for this model (default: ok). */
  mode(model: string, mode: HostileMode): void;
  /** The latest request for the model, once its connection closed. */
  closed(model: string, timeoutMs?: number): Promise<HostileRequest>;
  /** The latest request for the model, once it arrived. */
  received(model: string, timeoutMs?: number): Promise<HostileRequest>;
  close(): Promise<void>;
}

const PIECE = Buffer.alloc(64 * 1024, 'a');

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

/** Writes `bytes` filler bytes with backpressure; false when the peer left first. */
async function filler(res: ServerResponse, bytes: number, rec: HostileRequest): Promise<boolean> {
  for (let left = bytes; left > 0; ) {
    if (res.destroyed) return false;
    const n = Math.min(left, PIECE.length);
    const ok = res.write(n === PIECE.length ? PIECE : PIECE.subarray(0, n));
    rec.bytesSent += n;
    left -= n;
    if (!ok) await drainOrClose(res);
  }
  return !res.destroyed;
}

function write(res: ServerResponse, data: string | Uint8Array, rec: HostileRequest): void {
  if (res.destroyed) return;
  res.write(data);
  rec.bytesSent += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

const usageOpenAI = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };

/** The framing of one dialect: whole answers, stream events, errors. */
interface Framing {
  contentType: string;
  streamType: string;
  /** A whole answer is head + text + tail (text JSON-safe). */
  answer(model: string): [head: string, tail: string];
  /** Stream events before the content. */
  open(model: string): (string | Uint8Array)[];
  content(model: string, text: string): string | Uint8Array;
  close(model: string): (string | Uint8Array)[];
  /** The first bytes of a content event whose text never ends (SSE dialects). */
  endlessEventHead(model: string): string | Uint8Array;
  error(status: number, message: string): string;
  streamError(message: string): string | Uint8Array;
}

const sse = (data: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

const openai: Framing = {
  contentType: 'application/json',
  streamType: 'text/event-stream',
  answer: (model) => [
    `{"id":"chatcmpl-h","object":"chat.completion","created":0,"model":${JSON.stringify(model)},"choices":[{"index":0,"message":{"role":"assistant","content":"`,
    `"},"finish_reason":"stop"}],"usage":${JSON.stringify(usageOpenAI)}}`,
  ],
  open: () => [],
  content: (model, text) =>
    sse({
      id: 'chatcmpl-h',
      object: 'chat.completion.chunk',
      created: 0,
      model,
      choices: [{ index: 0, delta: { content: text }, finish_reason: null }],
    }),
  close: (model) => [
    sse({
      id: 'chatcmpl-h',
      object: 'chat.completion.chunk',
      created: 0,
      model,
      choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
    }),
    sse({
      id: 'chatcmpl-h',
      object: 'chat.completion.chunk',
      created: 0,
      model,
      choices: [],
      usage: usageOpenAI,
    }),
    'data: [DONE]\n\n',
  ],
  endlessEventHead: (model) =>
    `data: {"id":"chatcmpl-h","object":"chat.completion.chunk","created":0,"model":${JSON.stringify(model)},"choices":[{"index":0,"delta":{"content":"`,
  error: (_status, message) =>
    JSON.stringify({
      error: { message, type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
    }),
  streamError: (message) => sse({ error: { message, type: 'server_error', param: null, code: null } }),
};

const anthropic: Framing = {
  contentType: 'application/json',
  streamType: 'text/event-stream',
  answer: (model) => [
    `{"id":"msg_h","type":"message","role":"assistant","model":${JSON.stringify(model)},"content":[{"type":"text","text":"`,
    `"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":2}}`,
  ],
  open: (model) => [
    sse(
      {
        type: 'message_start',
        message: {
          id: 'msg_h',
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          usage: { input_tokens: 3, output_tokens: 0 },
        },
      },
      'message_start',
    ),
    sse(
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      'content_block_start',
    ),
  ],
  content: (_model, text) =>
    sse(
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
      'content_block_delta',
    ),
  close: () => [
    sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
    sse(
      {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: 2 },
      },
      'message_delta',
    ),
    sse({ type: 'message_stop' }, 'message_stop'),
  ],
  endlessEventHead: () =>
    'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"',
  error: (_status, message) =>
    JSON.stringify({ type: 'error', error: { type: 'authentication_error', message } }),
  streamError: (message) => sse({ type: 'error', error: { type: 'api_error', message } }, 'error'),
};

const gemini: Framing = {
  contentType: 'application/json',
  streamType: 'text/event-stream',
  answer: (model) => [
    '{"candidates":[{"content":{"role":"model","parts":[{"text":"',
    `"}]},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":2,"totalTokenCount":5},"modelVersion":${JSON.stringify(model)}}`,
  ],
  open: () => [],
  content: (model, text) =>
    sse({ candidates: [{ content: { role: 'model', parts: [{ text }] }, index: 0 }], modelVersion: model }),
  close: (model) => [
    sse({
      candidates: [{ content: { role: 'model', parts: [{ text: '' }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2, totalTokenCount: 5 },
      modelVersion: model,
    }),
  ],
  endlessEventHead: () => 'data: {"candidates":[{"content":{"role":"model","parts":[{"text":"',
  error: (status, message) =>
    JSON.stringify({ error: { code: status, message, status: 'INVALID_ARGUMENT' } }),
  streamError: (message) => sse({ error: { code: 500, message, status: 'INTERNAL' } }),
};

const bedrockEvent = (type: string, payload: unknown) =>
  encodeEvent(
    { ':event-type': type, ':message-type': 'event', ':content-type': 'application/json' },
    JSON.stringify(payload),
  );

const bedrock: Framing = {
  contentType: 'application/json',
  streamType: 'application/vnd.amazon.eventstream',
  answer: () => [
    '{"output":{"message":{"role":"assistant","content":[{"text":"',
    '"}]}},"stopReason":"end_turn","usage":{"inputTokens":3,"outputTokens":2,"totalTokens":5},"metrics":{"latencyMs":1}}',
  ],
  open: () => [bedrockEvent('messageStart', { role: 'assistant' })],
  content: (_model, text) => bedrockEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }),
  close: () => [
    bedrockEvent('contentBlockStop', { contentBlockIndex: 0 }),
    bedrockEvent('messageStop', { stopReason: 'end_turn' }),
    bedrockEvent('metadata', {
      usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 },
      metrics: { latencyMs: 1 },
    }),
  ],
  // A message prelude announcing 1 GiB: what follows is its (never complete) body.
  endlessEventHead: () => {
    const prelude = Buffer.alloc(12);
    prelude.writeUInt32BE(1024 ** 3, 0);
    return prelude;
  },
  error: (_status, message) => JSON.stringify({ message }),
  streamError: (message) =>
    encodeEvent(
      {
        ':message-type': 'exception',
        ':exception-type': 'internalServerException',
        ':content-type': 'application/json',
      },
      JSON.stringify({ message }),
    ),
};

const FRAMINGS: Record<HostileDialect, Framing> = { openai, anthropic, gemini, bedrock };

const GEMINI = /\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
const BEDROCK = /\/model\/([^/]+)\/(converse|converse-stream)$/;

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return {};
  }
}

export async function startHostileUpstream(): Promise<HostileUpstream> {
  const modes = new Map<string, HostileMode>();
  const requests: HostileRequest[] = [];
  const open = new Set<ServerResponse>();
  let seq = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const body = await readJson(req);
    let dialect: HostileDialect;
    let model: string;
    let stream: boolean;
    const g = GEMINI.exec(path);
    const b = BEDROCK.exec(path);
    if (g) [dialect, model, stream] = ['gemini', decodeURIComponent(g[1]), g[2] === 'streamGenerateContent'];
    else if (b) [dialect, model, stream] = ['bedrock', decodeURIComponent(b[1]), b[2] === 'converse-stream'];
    else {
      dialect = path.endsWith('/messages') ? 'anthropic' : 'openai';
      model = String(body.model ?? '');
      stream = body.stream === true;
    }
    const mode = modes.get(model) ?? { kind: 'ok' };
    const rec: HostileRequest = {
      seq: ++seq,
      model,
      dialect,
      stream,
      mode: mode.kind,
      headers: req.headers,
      receivedAt: Date.now(),
      bytesSent: 0,
    };
    requests.push(rec);
    open.add(res);
    res.once('close', () => {
      open.delete(res);
      rec.closedAt = Date.now();
      rec.aborted = !res.writableFinished;
    });
    const f = FRAMINGS[dialect];
    const text = 'hostile upstream says hi';

    const okStream = async (contentEvents: number) => {
      for (const e of f.open(model)) write(res, e, rec);
      for (let i = 0; i < contentEvents; i++) write(res, f.content(model, `word${i} `), rec);
    };
    const head = (status: number, type: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...extra });
      res.flushHeaders();
    };

    switch (mode.kind) {
      case 'ok': {
        if (stream) {
          head(200, f.streamType);
          await okStream(2);
          for (const e of f.close(model)) write(res, e, rec);
          res.end();
        } else {
          const [h, t] = f.answer(model);
          head(200, f.contentType);
          write(res, h + text + t, rec);
          res.end();
        }
        return;
      }
      case 'huge-answer': {
        const [h, t] = f.answer(model);
        const length = Buffer.byteLength(h) + mode.bytes + Buffer.byteLength(t);
        head(200, f.contentType, mode.declareLength ? { 'content-length': String(length) } : {});
        write(res, h, rec);
        if (await filler(res, mode.bytes, rec)) {
          write(res, t, rec);
          res.end();
        }
        return;
      }
      case 'huge-event': {
        head(200, f.streamType);
        for (const e of f.open(model)) write(res, e, rec);
        write(res, f.endlessEventHead(model), rec);
        if (await filler(res, mode.bytes, rec)) res.end();
        return;
      }
      case 'stall-before-headers':
        return; // the connection stays open, silent, until the peer leaves
      case 'stall-after-headers': {
        head(200, stream ? f.streamType : f.contentType);
        if (mode.partial) {
          if (stream) await okStream(1);
          else write(res, f.answer(model)[0], rec);
        }
        return;
      }
      case 'stall-mid-stream': {
        head(200, f.streamType);
        await okStream(mode.after ?? 2);
        return;
      }
      case 'malformed-sse': {
        head(200, f.streamType);
        await okStream(mode.after ?? 0);
        if (mode.after) await sleep(50); // the good events reach the app first
        write(res, 'data: {"choices":[{"delta":{"content":"cut in ha\n\n', rec);
        write(res, 'data: <html>502 Bad Gateway</html>\n\n', rec);
        for (const e of f.close(model)) write(res, e, rec);
        res.end();
        return;
      }
      case 'drop-mid-stream': {
        head(200, f.streamType);
        await okStream(mode.after ?? 2);
        await sleep(20);
        res.socket?.resetAndDestroy();
        return;
      }
      case 'echo-auth': {
        const credentials = ['authorization', 'x-api-key', 'x-goog-api-key', 'api-key']
          .map((h) => req.headers[h])
          .filter((v) => typeof v === 'string')
          .join(' ');
        const message = `Incorrect API key provided: ${credentials}`;
        if (mode.inStream && stream) {
          head(200, f.streamType);
          await okStream(1);
          await sleep(50); // the stream has started (committed) before the error
          write(res, f.streamError(message), rec);
          res.end();
          return;
        }
        const status = mode.status ?? 400;
        head(status, 'application/json');
        write(res, f.error(status, message), rec);
        res.end();
        return;
      }
      case 'unavailable': {
        head(503, 'application/json', { 'retry-after': String(mode.retryAfterSeconds ?? 1) });
        write(res, f.error(503, 'The service is temporarily unavailable.'), rec);
        res.end();
        return;
      }
    }
  }

  const server = createServer({ keepAlive: true, requestTimeout: 0 }, (req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500).end(String(err));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const latest = (model: string) => requests.findLast((r) => r.model === model);
  const until = async (what: string, ok: () => HostileRequest | undefined, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = ok();
      if (r) return r;
      if (Date.now() > deadline) throw new Error(`hostile upstream: ${what} within ${timeoutMs} ms`);
      await sleep(10);
    }
  };

  return {
    url,
    requests,
    mode: (model, mode) => void modes.set(model, mode),
    received: (model, timeoutMs = 10_000) => until(`no request for ${model}`, () => latest(model), timeoutMs),
    closed: (model, timeoutMs = 10_000) =>
      until(
        `the request for ${model} still open`,
        () => {
          const r = latest(model);
          return r?.closedAt !== undefined ? r : undefined;
        },
        timeoutMs,
      ),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
