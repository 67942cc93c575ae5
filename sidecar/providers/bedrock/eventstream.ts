// AWS event-stream framing (application/vnd.amazon.eventstream) for ConverseStream responses.
// Each message starts with its total length (uint32 BE); @smithy/eventstream-codec decodes and
// CRC-checks a complete message, this module only cuts the byte stream into messages, buffering a
// message split across network chunks.
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** Prelude (12) + message CRC (4); the service caps messages far below the upper bound. */
const MIN_MESSAGE = 16;
const MAX_MESSAGE = 16 * 1024 * 1024;

export interface EventMessage {
  /** Header values flattened (`:event-type`, `:message-type`, `:exception-type`, ...). */
  headers: Record<string, unknown>;
  body: Uint8Array;
}

export interface MessageSplitter {
  /** Complete messages in `bytes` (plus what earlier pushes left); throws on a corrupt message. */
  push(bytes: Uint8Array): EventMessage[];
  /** Bytes left over from an incomplete trailing message. */
  pending(): number;
}

export function createMessageSplitter(): MessageSplitter {
  let buf: Buffer = Buffer.alloc(0);
  return {
    push(bytes) {
      buf = buf.length === 0 ? Buffer.from(bytes) : Buffer.concat([buf, bytes]);
      const out: EventMessage[] = [];
      let off = 0;
      while (buf.length - off >= 4) {
        const len = buf.readUInt32BE(off);
        if (len < MIN_MESSAGE || len > MAX_MESSAGE)
          throw new Error(`invalid event-stream message length ${len}`);
        if (buf.length - off < len) break;
        const m = codec.decode(buf.subarray(off, off + len));
        const headers: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(m.headers)) headers[k] = v.value;
        out.push({ headers, body: m.body });
        off += len;
      }
      // Keep only the incomplete tail (copied, so decoded bodies never alias a reused buffer).
      if (off > 0) buf = Buffer.from(buf.subarray(off));
      return out;
    },
    pending: () => buf.length,
  };
}

/** Encodes one event message (test upstreams and unit tests build streams with it). */
export function encodeEvent(headers: Record<string, string>, body: Uint8Array | string): Uint8Array {
  const h: Record<string, { type: 'string'; value: string }> = {};
  for (const [k, v] of Object.entries(headers)) h[k] = { type: 'string', value: v };
  return codec.encode({ headers: h, body: typeof body === 'string' ? fromUtf8(body) : body });
}
