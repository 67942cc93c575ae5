// A streamed answer on its way to the app. Three ways to consume it, once:
// - pipe(): the upstream's OpenAI SSE written to the app's socket in one pass, each buffer cut,
//   checked, scanned for usage and written in the turn it arrived (passthrough adapters, OpenAI
//   apps, no step wrapping the stream): no generator and no promise per chunk;
// - bytes(): the same bytes as an async iterable, for a step that watches them (the cache);
// - chunks(): chat.completion.chunk objects (translated adapters, Anthropic apps, and any step
//   that inspects or rewrites the stream; wrap the result with chunkStream()), or for a native
//   Responses stream its typed events.
// Usage is captured in every mode. Telemetry watches through observe() instead of wrapping, so
// it adds no layer. A chunk `{error:{...}}` (a typed `error` or `response.failed` event) is an
// in-stream upstream error.
import type { StreamTranslator, Usage } from '../providers/adapter.ts';
import { openAIUsageOf } from '../providers/openai/index.ts';
import { typedEventError, typedEventUsage } from '../providers/openai/responses.ts';
import { EventTooLargeError } from '../providers/sse.ts';
import { UpstreamAnswerError } from '../upstream/errors.ts';

type Json = Record<string, any>;

export interface ResponseStream {
  /** bytes() is available: the upstream bytes are OpenAI SSE and nobody took chunks(). */
  readonly passthrough: boolean;
  /**
   * The upstream's SSE bytes. With dropUsageOnly, the usage-only chunk (choices: []) is cut out
   * (the sidecar asked for usage the app did not); events are then re-framed, content untouched.
   */
  bytes(opts?: { dropUsageOnly?: boolean }): AsyncIterable<Buffer>;
  chunks(): AsyncIterable<Json>;
  /**
   * bytes() written straight to the app in one pass, when the stream comes from the upstream
   * socket unwrapped (no step watches it); undefined otherwise.
   */
  pipe?(sink: ByteSink, opts?: { dropUsageOnly?: boolean }): Promise<void>;
  /** Adds a watcher (telemetry) before the stream is consumed; absent on wrappers. */
  observe?(tap: StreamTap): void;
}

export interface UpstreamStreamOptions {
  /** Turns upstream bytes into OpenAI chunks (the adapter's). */
  translator: StreamTranslator;
  /** The upstream bytes are OpenAI SSE already (Adapter.passthrough). */
  passthrough: boolean;
  onUsage(usage: Usage): void;
  /** Largest event on the passthrough path, in bytes (the translator enforces its own). */
  maxEventBytes?: number;
  /** The stream failed after it was committed (runs before the error reaches the consumer). */
  onError?(err: Error): void;
  /** Removes credentials from in-stream error events (the snapshot's scrubber). */
  scrub(text: string): string;
}

const USAGE_MARK = '"usage":{';
/** Events with an "error" key or value (never content text, where quotes are escaped) are scrubbed of credentials. */
const ERROR_MARK = '"error"';
const LFLF = Buffer.from('\n\n');
const CRLFCRLF = Buffer.from('\r\n\r\n');

/** Where the event containing byte `at` starts (just after the previous blank line). */
function eventStart(data: Buffer, at: number): number {
  const lf = data.lastIndexOf('\n\n', at);
  const crlf = data.lastIndexOf('\r\n\r\n', at);
  return Math.max(0, lf < 0 ? 0 : lf + 2, crlf < 0 ? 0 : crlf + 4);
}

/** Just past the blank line ending the event containing byte `at` (or the end of data). */
function eventEnd(data: Buffer, at: number): number {
  const lf = data.indexOf('\n\n', at);
  const crlf = data.indexOf('\r\n\r\n', at);
  const ends = [lf < 0 ? -1 : lf + 2, crlf < 0 ? -1 : crlf + 4].filter((e) => e >= 0);
  return ends.length > 0 ? Math.min(...ends) : data.length;
}

/** Index just past the last complete SSE event in data, or -1. */
function lastEventEnd(data: Buffer): number {
  const lf = data.lastIndexOf(LFLF);
  const crlf = data.lastIndexOf(CRLFCRLF);
  return Math.max(lf < 0 ? -1 : lf + 2, crlf < 0 ? -1 : crlf + 4);
}

/**
 * Just past the last event end in `buf`, given the bytes held before it (an event end may
 * straddle the two), or -1. Only `buf` and three bytes before it are searched: linear overall.
 */
function eventEndIn(held: readonly Buffer[], buf: Buffer): number {
  const end = lastEventEnd(buf);
  if (end >= 0 || held.length === 0) return end;
  const last = held[held.length - 1];
  const before = last.subarray(Math.max(0, last.length - 3));
  const seam = lastEventEnd(Buffer.concat([before, buf.subarray(0, 3)]));
  return seam > before.length ? seam - before.length : -1;
}

const DATA = Buffer.from('data');
const EVENT = Buffer.from('event');
const ID = Buffer.from('id');
const RETRY = Buffer.from('retry');
const DONE = Buffer.from('[DONE]');
const ERROR_OBJECT = Buffer.from('{"error":');

/** buf holds `word` at `at` (compared in place: this runs on every line of every stream). */
const holds = (buf: Buffer, at: number, word: Buffer, end = buf.length): boolean =>
  at + word.length <= end && buf.compare(word, 0, word.length, at, at + word.length) === 0;

/** A line starting with the field `name` (followed by ':' or the line's end). */
const isField = (buf: Buffer, at: number, end: number, name: Buffer): boolean =>
  holds(buf, at, name, end) && (at + name.length === end || buf[at + name.length] === 0x3a);

export interface SSECheck {
  /** Offset of the first event that is not OpenAI SSE, and why. */
  badAt?: number;
  reason?: string;
  /** Where the upstream's in-stream `{"error":...}` event starts and ends, when there is one. */
  errorStart?: number;
  errorEnd?: number;
}

/**
 * Checks complete OpenAI SSE events line by line, without parsing JSON: each line is a comment,
 * an event / id / retry field, or `data:` holding `[DONE]` or a JSON object (`{` ... `}`). A cut
 * or garbled event fails this; a JSON object broken inside its braces does not (parsing every
 * chunk is what the passthrough path avoids). Also finds the upstream's in-stream error event.
 */
export function checkOpenAISSE(buf: Buffer): SSECheck {
  let eventStart = 0;
  let errorStart = -1;
  for (let pos = 0; pos < buf.length; ) {
    let next = buf.indexOf(0x0a, pos);
    if (next < 0) next = buf.length;
    const end = next > pos && buf[next - 1] === 0x0d ? next - 1 : next;
    if (end === pos) {
      // A blank line ends the event.
      if (errorStart >= 0) return { errorStart, errorEnd: next + 1 };
      eventStart = next + 1;
    } else if (isField(buf, pos, end, DATA)) {
      let v = pos + 4;
      if (buf[v] === 0x3a) v++;
      if (buf[v] === 0x20) v++;
      const empty = v >= end;
      const object = !empty && buf[v] === 0x7b && buf[end - 1] === 0x7d;
      const done = end - v === DONE.length && holds(buf, v, DONE, end);
      if (!empty && !object && !done)
        return { badAt: eventStart, reason: 'a data line that is not a JSON object' };
      if (object && holds(buf, v, ERROR_OBJECT, end)) errorStart = eventStart;
    } else if (
      buf[pos] !== 0x3a /* : comment */ &&
      !isField(buf, pos, end, EVENT) &&
      !isField(buf, pos, end, ID) &&
      !isField(buf, pos, end, RETRY)
    ) {
      return { badAt: eventStart, reason: 'a line that is not an SSE field' };
    }
    pos = next + 1;
  }
  return errorStart >= 0 ? { errorStart, errorEnd: buf.length } : {};
}

/** The message of an in-stream `{"error":{...}}` event. */
function errorMessageIn(event: Buffer): string {
  const data = event
    .toString('utf8')
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
    .join('\n');
  try {
    const message = JSON.parse(data).error?.message;
    if (typeof message === 'string') return message;
  } catch {}
  return 'error event';
}

/** Where a passthrough stream's bytes go in one pass (ResponseStream.pipe): the app's socket. */
export interface ByteSink {
  /** Writes bytes; false: full, call `resume` once it drained. Throws when the app is gone. */
  write(buf: Buffer, resume: () => void): boolean;
}

/**
 * Watches a stream go by without wrapping it (no generator layer per watcher): sees what the app
 * is sent, and the end of consumption (completed, failed or abandoned).
 */
export interface StreamTap {
  /** OpenAI SSE bytes as they go to the app (bytes() and pipe()). */
  bytes?(buf: Buffer): void;
  /** Chunks as they go to the consumer (chunks()). */
  chunk?(chunk: Json): void;
  end?(): void;
}

/** A source that can push its bytes (UpstreamBody): pipe() then needs no promise per chunk. */
interface PushSource extends AsyncIterable<Buffer> {
  pipe(sink: { data(buf: Buffer): boolean; end(err?: Error): void }): void;
  resume(): void;
  close(): void;
}

const canPush = (source: AsyncIterable<Buffer>): source is PushSource =>
  typeof (source as Partial<PushSource>).pipe === 'function';

/** An error carrying the bytes before the bad (or the upstream's own error) event: they still reach the app. */
type WithBefore = Error & { before?: Buffer };

/**
 * The passthrough path's per-stream work, done synchronously on each buffer: bytes go out as they
 * came, cut at event boundaries (a partial event is useless to the app until it completes), after
 * a structural check; only a stretch that mentions usage is parsed, and events naming an error are
 * scrubbed. An unfinished event is held as its pieces, joined once when it ends.
 */
class SSEPass {
  readonly #stream: UpstreamResponseStream;
  readonly #drop: boolean;
  readonly #maxEvent: number;
  #held: Buffer[] = [];
  #heldBytes = 0;

  constructor(stream: UpstreamResponseStream, drop: boolean, maxEvent: number) {
    this.#stream = stream;
    this.#drop = drop;
    this.#maxEvent = maxEvent;
  }

  /** What to send for this buffer (undefined: nothing yet). Throws on a bad or error event. */
  push(buf: Buffer): Buffer | undefined {
    const held = this.#held;
    const end = eventEndIn(held, buf);
    if (end < 0) {
      this.#heldBytes += buf.length;
      if (this.#heldBytes > this.#maxEvent) throw new EventTooLargeError(this.#maxEvent);
      held.push(buf);
      return undefined;
    }
    const complete =
      held.length === 0 ? buf.subarray(0, end) : Buffer.concat([...held, buf.subarray(0, end)]);
    this.#held = end < buf.length ? [buf.subarray(end)] : [];
    this.#heldBytes = buf.length - end;
    if (this.#heldBytes > this.#maxEvent) throw new EventTooLargeError(this.#maxEvent);
    return this.#emit(complete);
  }

  /** The rest, once the upstream ended. */
  end(): Buffer | undefined {
    if (this.#heldBytes === 0) return undefined;
    const held = this.#held;
    this.#held = [];
    const rest = held.length === 1 ? held[0] : Buffer.concat(held, this.#heldBytes);
    this.#heldBytes = 0;
    return this.#emit(rest);
  }

  /** What still goes to the app after `err` (the events before a bad one), undefined if nothing. */
  before(err: WithBefore): Buffer | undefined {
    const before = err.before;
    if (!before || before.length === 0) return undefined;
    return this.#stream.scrubErrors(
      before.indexOf(USAGE_MARK) < 0 ? before : this.#stream.settleUsage(before, this.#drop),
    );
  }

  #emit(complete: Buffer): Buffer | undefined {
    const check = checkOpenAISSE(complete);
    if (check.badAt !== undefined) {
      throw Object.assign(
        new UpstreamAnswerError('upstream_stream_error', `upstream sent malformed SSE (${check.reason})`),
        { before: complete.subarray(0, check.badAt) },
      );
    }
    if (check.errorEnd !== undefined) {
      const upto = complete.subarray(0, check.errorEnd);
      throw Object.assign(
        new UpstreamAnswerError(
          'upstream_stream_error',
          `upstream stream error: ${errorMessageIn(upto.subarray(check.errorStart))}`,
          true,
        ),
        { before: upto },
      );
    }
    const out = complete.indexOf(USAGE_MARK) < 0 ? complete : this.#stream.settleUsage(complete, this.#drop);
    return out.length > 0 ? this.#stream.scrubErrors(out) : undefined;
  }
}

/**
 * A committed upstream stream. A class (per-stream state in fields, methods on the prototype)
 * rather than an object literal of closures and getters: V8 gives each such literal a hidden class
 * of its own, allocated in the old generation.
 */
class UpstreamResponseStream implements ResponseStream {
  readonly #source: AsyncIterable<Buffer>;
  readonly #opts: UpstreamStreamOptions;
  #taps: StreamTap[] = [];
  #taken = false;

  constructor(source: AsyncIterable<Buffer>, opts: UpstreamStreamOptions) {
    this.#source = source;
    this.#opts = opts;
  }

  get passthrough(): boolean {
    return this.#opts.passthrough && !this.#taken;
  }

  observe(tap: StreamTap): void {
    if (this.#taken) throw new Error('a response stream is observed before it is consumed');
    this.#taps.push(tap);
  }

  #take(): void {
    if (this.#taken) throw new Error('a response stream can be consumed only once');
    this.#taken = true;
  }

  #tapBytes(buf: Buffer): void {
    for (const tap of this.#taps) tap.bytes?.(buf);
  }

  #tapEnd(): void {
    for (const tap of this.#taps) tap.end?.();
  }

  /**
   * Records usage from the complete events that mention it; with drop, cuts out the usage-only
   * chunk. Only those events are decoded: the rest of the bytes are passed on as slices.
   */
  settleUsage(events: Buffer, drop: boolean): Buffer {
    const parts: Buffer[] = [];
    let kept = 0; // bytes before this are decided
    let from = 0; // where to look for the next mention
    for (let at = events.indexOf(USAGE_MARK); at >= 0; at = events.indexOf(USAGE_MARK, from)) {
      const start = eventStart(events, at);
      const end = eventEnd(events, at);
      const data = events
        .toString('utf8', start, end)
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
        .join('\n');
      const chunk = this.#noteUsage(data);
      if (drop && chunk && Array.isArray(chunk.choices) && chunk.choices.length === 0) {
        parts.push(events.subarray(kept, start));
        kept = end;
      }
      from = end;
    }
    if (parts.length === 0) return events;
    parts.push(events.subarray(kept));
    return Buffer.concat(parts);
  }

  #noteUsage(data: string): Json | undefined {
    if (!data.includes(USAGE_MARK)) return undefined;
    try {
      const chunk = JSON.parse(data);
      const usage = openAIUsageOf(chunk.usage);
      if (usage) this.#opts.onUsage(usage);
      return chunk;
    } catch {
      return undefined;
    }
  }

  scrubErrors(events: Buffer): Buffer {
    if (events.indexOf(ERROR_MARK) < 0) return events;
    const text = events.toString('utf8');
    const clean = this.#opts.scrub(text);
    return clean === text ? events : Buffer.from(clean);
  }

  #scrubChunk(chunk: Json): Json {
    const err = chunk.error ?? (chunk.type === 'error' ? chunk : chunk.response?.error);
    if (!err || typeof err !== 'object') return chunk;
    for (const k of ['message', 'type', 'code'] as const) {
      if (typeof err[k] === 'string') err[k] = this.#opts.scrub(err[k]);
    }
    return chunk;
  }

  async *bytes({ dropUsageOnly = false } = {}): AsyncGenerator<Buffer> {
    if (!this.#opts.passthrough) throw new Error('this stream needs translation: use chunks()');
    this.#take();
    const pass = new SSEPass(this, dropUsageOnly, this.#opts.maxEventBytes ?? Number.POSITIVE_INFINITY);
    try {
      for await (const buf of this.#source) {
        const out = pass.push(buf);
        if (out) {
          this.#tapBytes(out);
          yield out;
        }
      }
      const out = pass.end();
      if (out) {
        this.#tapBytes(out);
        yield out;
      }
    } catch (err) {
      // What came before a bad event (or the upstream's own error event) still reaches the app.
      this.#opts.onError?.(err as Error);
      const before = pass.before(err as WithBefore);
      if (before) {
        this.#tapBytes(before);
        yield before;
      }
      throw err;
    } finally {
      this.#tapEnd();
    }
  }

  /**
   * bytes() in one pass: each buffer the upstream socket delivers is cut, checked and written to
   * the sink in the same turn, with backpressure (no generator, no promise per chunk).
   */
  pipe(sink: ByteSink, opts: { dropUsageOnly?: boolean } = {}): Promise<void> {
    const source = this.#source;
    if (!canPush(source)) return this.#pipeBytes(sink, opts);
    if (!this.#opts.passthrough) throw new Error('this stream needs translation: use chunks()');
    this.#take();
    const dropUsageOnly = opts.dropUsageOnly ?? false;
    const pass = new SSEPass(this, dropUsageOnly, this.#opts.maxEventBytes ?? Number.POSITIVE_INFINITY);
    const resume = () => source.resume();
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (err?: Error) => {
        if (settled) return;
        settled = true;
        try {
          this.#tapEnd();
        } catch {} // runs in a socket event: a watcher's failure must not take the process down
        if (err) reject(err);
        else resolve();
      };
      /** Ends the pipe on a failure of the stream (not of the app's side). */
      const fail = (err: Error) => {
        source.close();
        this.#opts.onError?.(err);
        try {
          const before = pass.before(err as WithBefore);
          if (before) {
            this.#tapBytes(before);
            sink.write(before, () => {});
          }
        } catch {}
        settle(err);
      };
      const send = (out: Buffer): boolean => {
        this.#tapBytes(out);
        return sink.write(out, resume);
      };
      source.pipe({
        data: (buf) => {
          if (settled) return true;
          let out: Buffer | undefined;
          try {
            out = pass.push(buf);
          } catch (err) {
            fail(err as Error);
            return true;
          }
          if (!out) return true;
          try {
            return send(out);
          } catch (err) {
            // The app is gone: stop reading, nothing more to tell it.
            source.close();
            settle(err as Error);
            return true;
          }
        },
        end: (err) => {
          if (settled) return;
          if (err) return fail(err);
          let out: Buffer | undefined;
          try {
            out = pass.end();
          } catch (e) {
            return fail(e as Error);
          }
          try {
            if (out) send(out);
          } catch (e) {
            return settle(e as Error);
          }
          settle();
        },
      });
    });
  }

  /** pipe() for a source that can only be pulled (tests feed generators). */
  async #pipeBytes(sink: ByteSink, opts: { dropUsageOnly?: boolean }): Promise<void> {
    for await (const buf of this.bytes(opts)) {
      let resume: () => void = () => {};
      const drained = new Promise<void>((r) => {
        resume = r;
      });
      if (!sink.write(buf, resume)) await drained;
    }
  }

  async *chunks(): AsyncGenerator<Json> {
    this.#take();
    const { translator, onUsage, onError } = this.#opts;
    const taps = this.#taps;
    const deliver = (chunk: Json): Json => {
      const usage = openAIUsageOf(chunk.usage ?? typedEventUsage(chunk));
      if (usage) onUsage(usage);
      const clean = this.#scrubChunk(chunk);
      const error = clean.error ?? typedEventError(clean);
      if (error) onError?.(inStreamError(error));
      for (const tap of taps) tap.chunk?.(clean);
      return clean;
    };
    try {
      for await (const buf of this.#source) {
        for (const chunk of translator.push(buf)) yield deliver(chunk);
      }
      for (const chunk of translator.end()) yield deliver(chunk);
    } catch (err) {
      onError?.(err as Error);
      throw err;
    } finally {
      this.#tapEnd();
    }
  }
}

export function upstreamStream(source: AsyncIterable<Buffer>, opts: UpstreamStreamOptions): ResponseStream {
  return new UpstreamResponseStream(source, opts);
}

function inStreamError(error: Json): UpstreamAnswerError {
  const message = String(error.message ?? error.type ?? 'error');
  return new UpstreamAnswerError('upstream_stream_error', `upstream stream error: ${message}`, true);
}

/** A stream of chunks produced by a step (a guard rewriting, a cache replaying). */
class ChunkStream implements ResponseStream {
  readonly passthrough = false;
  readonly #source: AsyncIterable<Json>;
  #taken = false;

  constructor(source: AsyncIterable<Json>) {
    this.#source = source;
  }

  bytes(): AsyncIterable<Buffer> {
    throw new Error('chunkStream has no upstream bytes: use chunks()');
  }

  /** The step's own iterable, not a generator around it: no extra layer per chunk. */
  chunks(): AsyncIterable<Json> {
    if (this.#taken) throw new Error('a response stream can be consumed only once');
    this.#taken = true;
    return this.#source;
  }
}

export function chunkStream(source: AsyncIterable<Json>): ResponseStream {
  return new ChunkStream(source);
}
