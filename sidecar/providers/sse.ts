// Server-sent events (WHATWG "text/event-stream"): an incremental parser and a formatter.
// Bytes arrive in arbitrary pieces. The parser looks at every byte once: it searches each new
// piece for line ends only (never what it searched before) and keeps the unfinished line as a list
// of pieces, joined and decoded once when the line completes (so a UTF-8 sequence split across
// pieces decodes whole). Time is linear in the bytes, whatever the event size; an earlier version
// re-scanned its whole buffer on every piece, quadratic in the event size (a 32 MiB event cost
// 9 CPU-s).
// maxEventBytes bounds what one event may hold (from the end of the previous event): past it
// push() throws EventTooLargeError before buffering more, so a hostile upstream that never ends
// an event costs at most that much memory.

export interface SSEEvent {
  /** The `event:` field; absent means the default "message". */
  event?: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  id?: string;
}

export interface SSEParser {
  /** Complete events in this piece (and what earlier pieces left); throws EventTooLargeError. */
  push(chunk: Uint8Array | string): SSEEvent[];
  /** Flushes what is left; a final event without its blank line is still delivered (lenient). */
  end(): SSEEvent[];
}

export interface SSEParserOptions {
  /** Largest event in bytes, from the end of the previous one (default: unbounded). */
  maxEventBytes?: number;
}

/** An upstream stream event larger than the sidecar accepts. */
export class EventTooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(
      `upstream sent a stream event larger than the sidecar's limit of ${formatBytes(limit)} (--max-stream-event-size)`,
    );
    this.name = 'EventTooLargeError';
    this.limit = limit;
  }
}

/** 8388608 -> "8 MiB", 1536 -> "1.5 KiB", 100 -> "100 bytes". */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

const LF = 0x0a;
const CR = 0x0d;
const BOM = '\ufeff';

export function createSSEParser(options: SSEParserOptions = {}): SSEParser {
  const maxEventBytes = options.maxEventBytes ?? Number.POSITIVE_INFINITY;
  /** Pieces of the line not finished yet. */
  let partial: Buffer[] = [];
  let partialBytes = 0;
  /** Bytes of the current event so far (finished lines), for the size limit. */
  let eventBytes = 0;
  /** The last piece ended with CR: a LF starting the next one belongs to it. */
  let afterCR = false;
  let first = true;
  let event: string | undefined;
  let id: string | undefined;
  let data: string[] = [];

  const dispatch = (out: SSEEvent[]): void => {
    if (data.length > 0) {
      const ev: SSEEvent = { data: data.join('\n') };
      if (event !== undefined) ev.event = event;
      if (id !== undefined) ev.id = id;
      out.push(ev);
    }
    event = undefined;
    data = [];
    eventBytes = 0;
  };

  const line = (l: string, out: SSEEvent[]): void => {
    if (first) {
      first = false;
      if (l.startsWith(BOM)) l = l.slice(1);
    }
    if (l === '') {
      dispatch(out);
      return;
    }
    if (l.charCodeAt(0) === 58 /* ':' comment */) return;
    const colon = l.indexOf(':');
    const field = colon < 0 ? l : l.slice(0, colon);
    let value = colon < 0 ? '' : l.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  };

  /** The unfinished line plus bytes[from, to), decoded, as one line. */
  const finishLine = (bytes: Buffer, from: number, to: number, out: SSEEvent[]): void => {
    let text: string;
    if (partialBytes === 0) text = bytes.toString('utf8', from, to);
    else {
      partial.push(bytes.subarray(from, to));
      text = Buffer.concat(partial, partialBytes + to - from).toString('utf8');
      partial = [];
      partialBytes = 0;
    }
    eventBytes += to - from;
    line(text, out);
  };

  const checkSize = (pending: number): void => {
    if (eventBytes + pending > maxEventBytes) throw new EventTooLargeError(maxEventBytes);
  };

  return {
    push(chunk) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk)
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const out: SSEEvent[] = [];
      let pos = 0;
      if (afterCR && bytes.length > 0) {
        afterCR = false;
        if (bytes[0] === LF) pos = 1;
      }
      // Next CR and LF at or after pos, each searched for again only once passed: one scan.
      let nextLF = bytes.indexOf(LF, pos);
      let nextCR = bytes.indexOf(CR, pos);
      while (nextLF >= 0 || nextCR >= 0) {
        const end = nextCR < 0 || (nextLF >= 0 && nextLF < nextCR) ? nextLF : nextCR;
        checkSize(partialBytes + end - pos);
        finishLine(bytes, pos, end, out);
        if (bytes[end] !== CR) pos = end + 1;
        else if (end + 1 === bytes.length) {
          afterCR = true; // maybe the first half of a CRLF cut in two
          pos = end + 1;
        } else pos = bytes[end + 1] === LF ? end + 2 : end + 1;
        if (nextLF >= 0 && nextLF < pos) nextLF = bytes.indexOf(LF, pos);
        if (nextCR >= 0 && nextCR < pos) nextCR = bytes.indexOf(CR, pos);
      }
      if (pos < bytes.length) {
        checkSize(partialBytes + bytes.length - pos);
        // Copy: the caller may reuse its buffer, and a slice would pin a large one.
        partial.push(Buffer.from(bytes.subarray(pos)));
        partialBytes += bytes.length - pos;
      }
      return out;
    },
    end() {
      const out: SSEEvent[] = [];
      if (partialBytes > 0) finishLine(Buffer.alloc(0), 0, 0, out);
      afterCR = false;
      dispatch(out);
      return out;
    },
  };
}

/** One event on the wire; `data` must not contain newlines (JSON.stringify output never does). */
/** One typed event (Anthropic, Responses API) in SSE wire form: `event:` repeats its type. */
export function typedEventToSSE(ev: Record<string, any>): string {
  return formatSSE(JSON.stringify(ev), ev.type);
}

export function formatSSE(data: string, event?: string): string {
  return event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`;
}
