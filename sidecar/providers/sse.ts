// Server-sent events (WHATWG "text/event-stream"): a tiny incremental parser and a formatter.
// Bytes arrive in arbitrary pieces, so the parser keeps the partial line (and a partial UTF-8
// sequence, via TextDecoder's stream mode) until the rest arrives.

export interface SSEEvent {
  /** The `event:` field; absent means the default "message". */
  event?: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  id?: string;
}

export interface SSEParser {
  push(chunk: Uint8Array | string): SSEEvent[];
  /** Flushes what is left; a final event without its blank line is still delivered (lenient). */
  end(): SSEEvent[];
}

const EOL = /\r\n|\r|\n/g;

export function createSSEParser(): SSEParser {
  const decoder = new TextDecoder();
  let buf = '';
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
  };

  const line = (l: string, out: SSEEvent[]): void => {
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

  const drain = (out: SSEEvent[], final: boolean): void => {
    EOL.lastIndex = 0;
    let start = 0;
    for (let m = EOL.exec(buf); m !== null; m = EOL.exec(buf)) {
      // A lone trailing "\r" may be the first half of "\r\n": wait for the next piece.
      if (!final && m[0] === '\r' && m.index === buf.length - 1) break;
      line(buf.slice(start, m.index), out);
      start = EOL.lastIndex;
    }
    buf = start === 0 ? buf : buf.slice(start);
  };

  return {
    push(chunk) {
      buf += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      const out: SSEEvent[] = [];
      drain(out, false);
      return out;
    },
    end() {
      buf += decoder.decode();
      const out: SSEEvent[] = [];
      drain(out, true);
      if (buf !== '') line(buf, out);
      buf = '';
      dispatch(out);
      return out;
    },
  };
}

/** One event on the wire; `data` must not contain newlines (JSON.stringify output never does). */
export function formatSSE(data: string, event?: string): string {
  return event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`;
}
