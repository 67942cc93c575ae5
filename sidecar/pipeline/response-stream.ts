// A streamed answer on its way to the app. Two ways to consume it, once:
// - bytes(): the upstream's OpenAI SSE as it arrives (passthrough adapters, OpenAI apps), so
//   the hot path neither parses nor re-serializes content chunks;
// - chunks(): chat.completion.chunk objects (translated adapters, Anthropic apps, and any step
//   that inspects or rewrites the stream; wrap the result with chunkStream()).
// Usage is captured in both modes. A chunk `{error:{...}}` is an in-stream upstream error.
import type { StreamTranslator, Usage } from '../providers/adapter.ts';
import { openAIUsageOf } from '../providers/openai/index.ts';
import { createSSEParser } from '../providers/sse.ts';

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

export function upstreamStream(source: AsyncIterable<Buffer>, opts: UpstreamStreamOptions): ResponseStream {
  let taken = false;
  const take = () => {
    if (taken) throw new Error('a response stream can be consumed only once');
    taken = true;
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
      const parser = createSSEParser();
      for await (const buf of source) {
        if (!dropUsageOnly) {
          yield buf;
          for (const e of parser.push(buf)) noteUsage(e.data);
          continue;
        }
        let out = '';
        for (const e of parser.push(buf)) {
          const chunk = noteUsage(e.data);
          if (chunk && Array.isArray(chunk.choices) && chunk.choices.length === 0) continue;
          out += `data: ${e.data}\n\n`;
        }
        if (out !== '') yield Buffer.from(out);
      }
      for (const e of parser.end()) {
        if (!dropUsageOnly) noteUsage(e.data);
        else yield Buffer.from(`data: ${e.data}\n\n`);
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
