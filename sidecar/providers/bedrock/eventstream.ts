// AWS event-stream framing (application/vnd.amazon.eventstream) for ConverseStream responses.
// Each message starts with its total length (uint32 BE); @smithy/eventstream-codec decodes and
// CRC-checks a complete message, this module only cuts the byte stream into messages, buffering a
// message split across network chunks.
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { EventTooLargeError } from '../sse.ts';

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
  /**
   * Complete messages in `bytes` (plus what earlier pushes left); throws on a corrupt message,
   * and EventTooLargeError as soon as a message announces more than the limit.
   */
  push(bytes: Uint8Array): EventMessage[];
  /** Bytes left over from an incomplete trailing message. */
  pending(): number;
}

/**
 * Pieces of an incomplete message are kept as they came and joined once the whole message is
 * there (joining on every piece was quadratic in the message size).
 */
export function createMessageSplitter(opts: { maxMessageBytes?: number } = {}): MessageSplitter {
  const max = Math.min(opts.maxMessageBytes ?? MAX_MESSAGE, MAX_MESSAGE);
  let pieces: Buffer[] = [];
  let held = 0;
  /** Length of the incomplete message held, once its first 4 bytes are in (0: not known yet). */
  let want = 0;
  return {
    push(bytes) {
      pieces.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      held += bytes.byteLength;
      const out: EventMessage[] = [];
      if (held < 4 || held < want) return out;
      const buf = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces, held);
      let off = 0;
      want = 0;
      while (buf.length - off >= 4) {
        const len = buf.readUInt32BE(off);
        if (len < MIN_MESSAGE) throw new Error(`invalid event-stream message length ${len}`);
        if (len > max) throw new EventTooLargeError(max);
        if (buf.length - off < len) {
          want = len;
          break;
        }
        const m = codec.decode(buf.subarray(off, off + len));
        const headers: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(m.headers)) headers[k] = v.value;
        out.push({ headers, body: m.body });
        off += len;
      }
      // Keep only the incomplete tail (copied, so decoded bodies never alias a reused buffer).
      held = buf.length - off;
      pieces = held === 0 ? [] : [off === 0 ? buf : Buffer.from(buf.subarray(off))];
      return out;
    },
    pending: () => held,
  };
}

/** Encodes one event message (test upstreams and unit tests build streams with it). */
export function encodeEvent(headers: Record<string, string>, body: Uint8Array | string): Uint8Array {
  const h: Record<string, { type: 'string'; value: string }> = {};
  for (const [k, v] of Object.entries(headers)) h[k] = { type: 'string', value: v };
  return codec.encode({ headers: h, body: typeof body === 'string' ? fromUtf8(body) : body });
}
