// HTTP plumbing shared by every provider: bodies, JSON and error responses, fault gating, and
// the paced/faulty stream writer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx, ErrorKind, Fault, Frame, UpstreamError } from './types.ts';

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Resolves after `ms`, or early when the server closes. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
) {
  if (res.destroyed) return;
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(status, headers);
  res.end(body);
}

function baseHeaders(ctx: Ctx, contentType: string): Record<string, string> {
  return { 'content-type': contentType, [ctx.dialect.requestIdHeader]: ctx.requestId };
}

/** Destroys the connection with a TCP RST, like a crashing upstream or a dropped link. */
export function reset(res: ServerResponse): void {
  const socket = res.socket;
  if (socket && !socket.destroyed) socket.resetAndDestroy();
  else res.destroy();
}

/** A successful JSON (or other) response, unless the fault corrupts or cuts it. */
export function sendResult(
  ctx: Ctx,
  body: string | Buffer | object,
  contentType = 'application/json',
  extra?: Record<string, string>,
) {
  const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const headers = extra ? { ...baseHeaders(ctx, contentType), ...extra } : baseHeaders(ctx, contentType);
  const f = ctx.fault;
  if (ctx.failing && f.resetAfterChunks !== undefined) {
    if (f.resetAfterChunks === 0) return reset(ctx.res);
    // Headers promise the full body, half of it arrives, then the connection dies.
    headers['content-length'] = String(Buffer.byteLength(text));
    ctx.res.writeHead(200, headers);
    ctx.res.write(text.slice(0, text.length >> 1), () => reset(ctx.res));
    return;
  }
  if (ctx.failing && f.malformed) return send(ctx.res, 200, headers, String(text).slice(0, text.length >> 1));
  send(ctx.res, 200, headers, text);
}

// ---- errors ------------------------------------------------------------------------------------

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  context_length: 400,
  auth: 401,
  permission: 403,
  not_found: 404,
  timeout: 408,
  too_large: 413,
  rate_limit: 429,
  server: 500,
  unavailable: 503,
  overloaded: 503,
};

const MESSAGES: Record<ErrorKind, string> = {
  bad_request: 'Invalid request.',
  context_length: 'The prompt is too long for the model context window.',
  auth: 'Invalid API key.',
  permission: 'Permission denied.',
  not_found: 'Not found.',
  timeout: 'Request timed out.',
  too_large: 'Request too large.',
  rate_limit: 'Rate limit exceeded, please retry later.',
  server: 'The server had an error while processing your request.',
  unavailable: 'The service is temporarily unavailable.',
  overloaded: 'Overloaded.',
};

export function kindForStatus(status: number): ErrorKind {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'auth';
    case 403:
      return 'permission';
    case 404:
      return 'not_found';
    case 408:
    case 504:
      return 'timeout';
    case 413:
      return 'too_large';
    case 429:
      return 'rate_limit';
    case 503:
      return 'unavailable';
    case 529:
      return 'overloaded';
    default:
      return status >= 500 ? 'server' : 'bad_request';
  }
}

const CREDENTIAL_HEADERS = [
  'authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'x-amz-security-token',
];

/** " (request had authorization: Bearer sk-..., ...)" for the echo-credentials fault. */
function echoedCredentials(ctx: Ctx): string {
  if (!ctx.fault.echoCredentials) return '';
  const parts = CREDENTIAL_HEADERS.filter((h) => ctx.req.headers[h] !== undefined).map(
    (h) => `${h}: ${ctx.req.headers[h]}`,
  );
  const key = ctx.query.get('key');
  if (key) parts.push(`key=${key}`);
  return ` (request had ${parts.join(', ')})`;
}

export function makeError(ctx: Ctx, kind: ErrorKind, message?: string, status?: number): UpstreamError {
  return {
    kind,
    status: status ?? ctx.dialect.statuses?.[kind] ?? STATUS[kind],
    message: (message ?? MESSAGES[kind]) + echoedCredentials(ctx),
    retryAfter: ctx.fault.retryAfter,
    retryAfterMs: ctx.fault.retryAfterMs,
  };
}

export function sendError(ctx: Ctx, err: UpstreamError): void {
  const { status, headers, body } = ctx.dialect.errorResponse(err, ctx);
  headers[ctx.dialect.requestIdHeader] = ctx.requestId;
  if (err.retryAfter !== undefined) headers['retry-after'] = err.retryAfter;
  if (err.retryAfterMs !== undefined) headers['retry-after-ms'] = err.retryAfterMs;
  send(ctx.res, status, headers, body);
}

/** The error a failing fault asks for (default: a 500 server error). */
export function faultError(ctx: Ctx, promptTokens: number): UpstreamError {
  const f: Fault = ctx.fault;
  const kind = f.error ?? (f.status !== undefined ? kindForStatus(f.status) : 'server');
  if (kind === 'context_length') return contextError(ctx, promptTokens, f.contextWindow, f.status);
  return makeError(ctx, kind, undefined, f.status);
}

function contextError(ctx: Ctx, promptTokens: number, window?: number, status?: number): UpstreamError {
  const w = window ?? ctx.state.options.contextWindow ?? Math.max(0, promptTokens - 1);
  return makeError(ctx, 'context_length', ctx.dialect.contextLengthMessage(promptTokens, w), status);
}

/**
 * Applies what must happen before any output: the fault's up-front error and the context
 * window. Returns false when it already answered.
 */
export function gate(ctx: Ctx, promptTokens: number, stream: boolean): boolean {
  const f = ctx.fault;
  if (ctx.failing) {
    const midStream = stream && f.errorAfterChunks !== undefined;
    const cutOrBroken = f.resetAfterChunks !== undefined || f.malformed === true;
    if (!midStream && (f.status !== undefined || f.error !== undefined || !cutOrBroken)) {
      sendError(ctx, faultError(ctx, promptTokens));
      return false;
    }
  }
  const window = f.contextWindow ?? ctx.state.options.contextWindow;
  if (window !== undefined && promptTokens > window) {
    sendError(ctx, contextError(ctx, promptTokens, window));
    return false;
  }
  return true;
}

// ---- streams -----------------------------------------------------------------------------------

export interface Frames {
  /** Events before the first content chunk (message_start, role chunk, ...). */
  head: Frame[];
  /** One event per content chunk: what pacing, resets and in-stream errors count. */
  content: Frame[];
  /** Events after the content (finish, usage, [DONE], ...). */
  tail: Frame[];
}

function concat(frames: Frame[]): string | Buffer {
  if (frames.length > 0 && typeof frames[0] !== 'string') return Buffer.concat(frames as Uint8Array[]);
  return (frames as string[]).join('');
}

/** Breaks a frame's JSON in half (SSE) or its CRC (binary event stream). */
function corrupt(frame: Frame): Frame {
  if (typeof frame !== 'string') {
    const copy = Uint8Array.from(frame);
    copy[copy.length - 1] ^= 0xff;
    return copy;
  }
  const start = frame.indexOf('{');
  const body = frame.trimEnd();
  return body.slice(0, start + ((body.length - start) >> 1)) + frame.slice(body.length);
}

function write(res: ServerResponse, frame: Frame): Promise<void> {
  return new Promise((resolve) => res.write(frame, () => resolve()));
}

/** Writes a stream, applying pacing, resets, in-stream errors and corruption from the fault. */
export async function writeStream(ctx: Ctx, contentType: string, frames: Frames): Promise<void> {
  const { res, fault: f } = ctx;
  if (res.destroyed) return;
  const headers = baseHeaders(ctx, contentType);
  headers['cache-control'] = 'no-cache';
  res.writeHead(200, headers);
  const resetAt = ctx.failing ? f.resetAfterChunks : undefined;
  const errorAt = ctx.failing ? f.errorAfterChunks : undefined;
  const malformed = ctx.failing && f.malformed === true;
  const delay = f.chunkDelayMs ?? 0;
  if (!delay && resetAt === undefined && errorAt === undefined && !malformed) {
    // Hot path: one write. The head was sent with writeHead, so this still goes out chunked.
    res.end(concat([...frames.head, ...frames.content, ...frames.tail]));
    return;
  }
  let last = frames.head.length > 0 ? write(res, concat(frames.head)) : Promise.resolve();
  const { content } = frames;
  // A fault count beyond the content still strikes, just before the tail.
  const resetIndex = resetAt === undefined ? -1 : Math.min(resetAt, content.length);
  const errorIndex = errorAt === undefined ? -1 : Math.min(errorAt, content.length);
  for (let i = 0; i <= content.length; i++) {
    if (i === resetIndex) {
      await last;
      return reset(res);
    }
    if (i === errorIndex) {
      const kind = f.error ?? (f.status !== undefined ? kindForStatus(f.status) : 'overloaded');
      res.end(ctx.dialect.streamError(makeError(ctx, kind, undefined, f.status), ctx, i));
      return;
    }
    if (i === content.length) break;
    if (delay) await sleep(delay, ctx.state.signal);
    if (res.destroyed) return;
    last = write(res, malformed && i === 0 ? corrupt(content[i]) : content[i]);
  }
  res.end(concat(frames.tail));
}

// ---- multipart (audio uploads) -----------------------------------------------------------------

export interface Multipart {
  fields: Record<string, string>;
  files: Record<string, { filename: string; contentType: string; size: number }>;
}

/** Just enough multipart/form-data to read the fields and the uploaded file's name and size. */
export function parseMultipart(raw: Buffer, contentType: string): Multipart {
  const out: Multipart = { fields: {}, files: {} };
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) return out;
  const delimiter = Buffer.from('--' + (m[1] ?? m[2]).trim());
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length + 2; // skip the CRLF after the delimiter
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    const headerEnd = raw.indexOf('\r\n\r\n', start);
    if (headerEnd > 0 && headerEnd < next) {
      const head = raw.subarray(start, headerEnd).toString('utf8');
      const data = raw.subarray(headerEnd + 4, next - 2); // drop the CRLF before the delimiter
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      if (filename !== undefined) {
        const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream';
        out.files[name] = { filename, contentType: type.trim(), size: data.length };
      } else {
        out.fields[name] = data.toString('utf8');
      }
    }
    at = next;
  }
  return out;
}
