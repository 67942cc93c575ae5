// A streamed answer on its way to the app. Two ways to consume it, once:
// - bytes(): the upstream's OpenAI SSE as it arrives (passthrough adapters, OpenAI apps), so
//   the hot path neither parses nor re-serializes content chunks;
// - chunks(): chat.completion.chunk objects (translated adapters, Anthropic apps, and any step
//   that inspects or rewrites the stream; wrap the result with chunkStream()).
// Usage is captured in both modes. A chunk `{error:{...}}` is an in-stream upstream error.
import type { StreamTranslator, Usage } from '../providers/adapter.ts';
import { openAIUsageOf } from '../providers/openai/index.ts';

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
}

const USAGE_MARK = '"usage":{';
/** An upstream that never ends an event is forwarded anyway past this many bytes. */
const MAX_HELD = 1024 * 1024;

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
  const lf = data.lastIndexOf('\n\n');
  const crlf = data.lastIndexOf('\r\n\r\n');
  return Math.max(lf < 0 ? -1 : lf + 2, crlf < 0 ? -1 : crlf + 4);
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

  return {
    get passthrough() {
      return opts.passthrough && !taken;
    },

    async *bytes({ dropUsageOnly = false } = {}) {
      if (!opts.passthrough) throw new Error('this stream needs translation: use chunks()');
      take();
      // Bytes go out as they came, cut at event boundaries (a partial event is useless to the
      // app until it completes). Only a stretch that mentions usage is parsed.
      let held: Buffer | undefined;
      for await (const buf of source) {
        const data = held ? Buffer.concat([held, buf]) : buf;
        const end = lastEventEnd(data);
        if (end < 0 && data.length < MAX_HELD) {
          held = data;
          continue;
        }
        const complete = end < 0 ? data : data.subarray(0, end);
        held = end < 0 || end === data.length ? undefined : data.subarray(end);
        const out = complete.indexOf(USAGE_MARK) < 0 ? complete : settleUsage(complete, dropUsageOnly);
        if (out.length > 0) yield out;
      }
      if (held) {
        const out = held.indexOf(USAGE_MARK) < 0 ? held : settleUsage(held, dropUsageOnly);
        if (out.length > 0) yield out;
      }
    },

    async *chunks() {
      take();
      for await (const buf of source) {
        for (const chunk of opts.translator.push(buf)) {
          const usage = openAIUsageOf(chunk.usage);
          if (usage) opts.onUsage(usage);
          yield chunk;
        }
      }
      for (const chunk of opts.translator.end()) {
        const usage = openAIUsageOf(chunk.usage);
        if (usage) opts.onUsage(usage);
        yield chunk;
      }
    },
  };
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
