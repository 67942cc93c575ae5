// A streamed answer on its way to the app. Two ways to consume it, once:
// - bytes(): the upstream's OpenAI SSE as it arrives (passthrough adapters, OpenAI apps), so
//   the hot path neither parses nor re-serializes content chunks;
// - chunks(): chat.completion.chunk objects (translated adapters, Anthropic apps, and any step
//   that inspects or rewrites the stream; wrap the result with chunkStream()), or for a native
//   Responses stream its typed events.
// Usage is captured in both modes. A chunk `{error:{...}}` (a typed `error` or
// `response.failed` event) is an in-stream upstream error.
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

export function upstreamStream(source: AsyncIterable<Buffer>, opts: UpstreamStreamOptions): ResponseStream {
  let taken = false;
  const take = () => {
    if (taken) throw new Error('a response stream can be consumed only once');
    taken = true;
  };
  /**
   * Records usage from the complete events that mention it; with drop, cuts out the usage-only
   * chunk. Only those events are decoded: the rest of the bytes are passed on as slices.
   */
  const settleUsage = (events: Buffer, drop: boolean): Buffer => {
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
      const chunk = noteUsage(data);
      if (drop && chunk && Array.isArray(chunk.choices) && chunk.choices.length === 0) {
        parts.push(events.subarray(kept, start));
        kept = end;
      }
      from = end;
    }
    if (parts.length === 0) return events;
    parts.push(events.subarray(kept));
    return Buffer.concat(parts);
  };

  const noteUsage = (data: string): Json | undefined => {
    if (!data.includes(USAGE_MARK)) return undefined;
    try {
      const chunk = JSON.parse(data);
      const usage = openAIUsageOf(chunk.usage);
      if (usage) opts.onUsage(usage);
      return chunk;
    } catch {
      return undefined;
    }
  };

  const scrubErrors = (events: Buffer): Buffer => {
    if (events.indexOf(ERROR_MARK) < 0) return events;
    const text = events.toString('utf8');
    const clean = opts.scrub(text);
    return clean === text ? events : Buffer.from(clean);
  };

  const scrubChunk = (chunk: Json): Json => {
    const err = chunk.error ?? (chunk.type === 'error' ? chunk : chunk.response?.error);
    if (!err || typeof err !== 'object') return chunk;
    for (const k of ['message', 'type', 'code'] as const) {
      if (typeof err[k] === 'string') err[k] = opts.scrub(err[k]);
    }
    return chunk;
  };

  /** Notes a chunk's usage, scrubs and reports its error. */
  const settle = (chunk: Json): Json => {
    const usage = openAIUsageOf(chunk.usage ?? typedEventUsage(chunk));
    if (usage) opts.onUsage(usage);
    const clean = scrubChunk(chunk);
    const error = clean.error ?? typedEventError(clean);
    if (error) opts.onError?.(inStreamError(error));
    return clean;
  };

  return {
    get passthrough() {
      return opts.passthrough && !taken;
    },

    async *bytes({ dropUsageOnly = false } = {}) {
      if (!opts.passthrough) throw new Error('this stream needs translation: use chunks()');
      take();
      const maxEvent = opts.maxEventBytes ?? Number.POSITIVE_INFINITY;
      // Bytes go out as they came, cut at event boundaries (a partial event is useless to the
      // app until it completes), after a structural check. Only a stretch that mentions usage is
      // parsed. An unfinished event is held as its pieces, joined once when it ends.
      const emit = (complete: Buffer): Buffer => {
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
        return complete.indexOf(USAGE_MARK) < 0 ? complete : settleUsage(complete, dropUsageOnly);
      };
      let held: Buffer[] = [];
      let heldBytes = 0;
      try {
        for await (const buf of source) {
          const end = eventEndIn(held, buf);
          if (end < 0) {
            heldBytes += buf.length;
            if (heldBytes > maxEvent) throw new EventTooLargeError(maxEvent);
            held.push(buf);
            continue;
          }
          const complete =
            held.length === 0 ? buf.subarray(0, end) : Buffer.concat([...held, buf.subarray(0, end)]);
          held = end < buf.length ? [buf.subarray(end)] : [];
          heldBytes = buf.length - end;
          if (heldBytes > maxEvent) throw new EventTooLargeError(maxEvent);
          const out = emit(complete);
          if (out.length > 0) yield scrubErrors(out);
        }
        if (heldBytes > 0) {
          const out = emit(held.length === 1 ? held[0] : Buffer.concat(held, heldBytes));
          if (out.length > 0) yield scrubErrors(out);
        }
      } catch (err) {
        // What came before a bad event (or the upstream's own error event) still reaches the app.
        const before = (err as { before?: Buffer }).before;
        opts.onError?.(err as Error);
        if (before && before.length > 0)
          yield scrubErrors(before.indexOf(USAGE_MARK) < 0 ? before : settleUsage(before, dropUsageOnly));
        throw err;
      }
    },

    async *chunks() {
      take();
      try {
        for await (const buf of source) {
          for (const chunk of opts.translator.push(buf)) yield settle(chunk);
        }
        for (const chunk of opts.translator.end()) yield settle(chunk);
      } catch (err) {
        opts.onError?.(err as Error);
        throw err;
      }
    },
  };
}

function inStreamError(error: Json): UpstreamAnswerError {
  const message = String(error.message ?? error.type ?? 'error');
  return new UpstreamAnswerError('upstream_stream_error', `upstream stream error: ${message}`, true);
}

/** A stream of chunks produced by a step (a guard rewriting, a cache replaying). */
export function chunkStream(source: AsyncIterable<Json>): ResponseStream {
  let taken = false;
  return {
    passthrough: false,
    bytes() {
      throw new Error('chunkStream has no upstream bytes: use chunks()');
    },
    async *chunks() {
      if (taken) throw new Error('a response stream can be consumed only once');
      taken = true;
      yield* source;
    },
  };
}

/** Replays bytes already read (the stream's head, read before committing), then the rest. */
export async function* prepend(head: readonly Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* head;
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await rest.return?.();
  }
}
