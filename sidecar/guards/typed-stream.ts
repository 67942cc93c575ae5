// Scanning a native Responses stream (typed events) with a rule's response scanners. The text
// deltas of each output text part and the argument deltas of each function call are scanned like
// chat content (chunk-boundary safe, see stream.ts): held back text is released as one more delta
// before the part's `.done` event. Events that repeat the whole text (`.done`, output_item.done,
// response.completed) are masked whole; findings are recorded once, from the deltas. A block
// ends the stream with an `error` event.
import type { Finding, ResponseScanner, Span } from './guard.ts';
import { type StreamScan, streamScan } from './stream.ts';

type Json = Record<string, any>;

/** A Responses API stream event (not a chat chunk). */
export function isTypedEvent(chunk: Json): boolean {
  return typeof chunk?.type === 'string' && !Array.isArray(chunk.choices);
}

export interface TypedStreamHelpers {
  finding(scanner: ResponseScanner, spans: Span[]): Finding;
  /** Masks the whole texts an event carries, in place (nothing recorded). */
  maskWhole(event: Json): void;
}

const DELTAS = new Set(['response.output_text.delta', 'response.function_call_arguments.delta']);
const DONES = new Set(['response.output_text.done', 'response.function_call_arguments.done']);

/** One scan chain per text part or function call. */
const keyOf = (ev: Json): string => `${ev.item_id ?? ev.output_index}:${ev.content_index ?? ''}`;

export async function* checkTypedStream(
  scanners: readonly ResponseScanner[],
  events: AsyncIterable<Json>,
  record: (f: Finding) => void,
  helpers: TypedStreamHelpers,
): AsyncGenerator<Json> {
  const chains = new Map<string, { scans: StreamScan[]; template: Json }>();
  let blocked: Finding | undefined;
  const chainFor = (ev: Json) => {
    const key = keyOf(ev);
    let chain = chains.get(key);
    if (!chain) {
      const scans = scanners.map((scanner) =>
        streamScan(scanner, {
          onFound: (spans) => {
            if (scanner.action !== 'block') record(helpers.finding(scanner, spans));
          },
          onBlock: (spans) => {
            blocked = helpers.finding(scanner, spans);
            record(blocked);
          },
        }),
      );
      chain = { scans, template: { ...ev } };
      chains.set(key, chain);
    }
    return chain;
  };
  const run = (scans: StreamScan[], text: string, final: boolean): string => {
    let out = text;
    for (const scan of scans) out = final ? scan.push(out) + scan.end() : scan.push(out);
    return out;
  };
  const errorEvent = (f: Finding): Json => ({
    type: 'error',
    code: 'guard_blocked',
    message: f.message ?? 'blocked by a response guard',
    param: null,
    sequence_number: 0,
  });
  /** What a finished part's chain still holds, as one more delta event. */
  const release = (key: string): Json | undefined => {
    const chain = chains.get(key);
    if (!chain) return undefined;
    chains.delete(key);
    const rest = run(chain.scans, '', true);
    return rest === '' ? undefined : { ...chain.template, delta: rest };
  };

  for await (const ev of events) {
    if (DELTAS.has(ev.type) && typeof ev.delta === 'string') {
      const out = run(chainFor(ev).scans, ev.delta, false);
      if (blocked) {
        yield errorEvent(blocked);
        return;
      }
      if (out === '') continue;
      ev.delta = out;
      yield ev;
      continue;
    }
    if (DONES.has(ev.type)) {
      const rest = release(keyOf(ev));
      if (blocked) {
        yield errorEvent(blocked);
        return;
      }
      if (rest) yield rest;
    }
    helpers.maskWhole(ev);
    yield ev;
  }
  // The upstream ended without the parts' done events: release what is held.
  for (const key of [...chains.keys()]) {
    const rest = release(key);
    if (blocked) {
      yield errorEvent(blocked);
      return;
    }
    if (rest) yield rest;
  }
}
