// Upstream streams that are SSE with one JSON object a `data:` line (Anthropic, Gemini), run
// through a converter of parsed events into OpenAI chunks.
import type { StreamTranslator } from '../adapter.ts';
import { createSSEParser } from '../sse.ts';

type Json = Record<string, any>;

/** Parsed stream events in, OpenAI chunk objects out. */
export interface ObjectStreamConverter {
  push(event: Json): Json[];
  end(): Json[];
}

/**
 * SSE bytes -> `conv`. Data that is not JSON ends the stream with an OpenAI-style `{error}` object
 * and nothing more (the converter's end() then never runs).
 */
export function sseJsonStream(conv: ObjectStreamConverter, maxEventBytes?: number): StreamTranslator {
  const sse = createSSEParser({ maxEventBytes });
  let failed = false;
  const handle = (events: { data: string }[]): Json[] => {
    const out: Json[] = [];
    for (const ev of events) {
      if (failed) break;
      let data: Json;
      try {
        data = JSON.parse(ev.data);
      } catch {
        failed = true;
        out.push({ error: { message: 'upstream sent invalid JSON in its stream', type: 'upstream_error' } });
        break;
      }
      for (const c of conv.push(data)) out.push(c);
    }
    return out;
  };
  return {
    push: (bytes) => (failed ? [] : handle(sse.push(bytes))),
    end() {
      if (failed) return [];
      const out = handle(sse.end());
      if (!failed) for (const c of conv.end()) out.push(c);
      return out;
    },
  };
}
