import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createSSEParser,
  EventTooLargeError,
  formatSSE,
  type SSEEvent,
} from '../../../sidecar/providers/sse.ts';

function parseIn(pieces: (string | Uint8Array)[]): SSEEvent[] {
  const p = createSSEParser();
  const out: SSEEvent[] = [];
  for (const piece of pieces) out.push(...p.push(piece));
  out.push(...p.end());
  return out;
}

/** Every way of cutting `bytes` in two. */
function everySplit(bytes: Buffer): Buffer[][] {
  const out: Buffer[][] = [];
  for (let i = 0; i <= bytes.length; i++) out.push([bytes.subarray(0, i), bytes.subarray(i)]);
  return out;
}

const WIRE =
  ': keep-alive comment\n' +
  'event: message_start\n' +
  'data: {"a":1}\n\n' +
  'id: 7\r\n' +
  'data: line one\r\n' +
  'data:line two\r\n\r\n' +
  'event: ping\rdata: {}\r\r' +
  'data: [DONE]\n\n';

const EXPECTED: SSEEvent[] = [
  { event: 'message_start', data: '{"a":1}' },
  { id: '7', data: 'line one\nline two' },
  { event: 'ping', id: '7', data: '{}' },
  { id: '7', data: '[DONE]' }, // the last event id persists, as the spec says
];

test('sse: fields, comments, multi-line data and all three line endings', () => {
  assert.deepEqual(parseIn([WIRE]), EXPECTED);
});

test('sse: the same events however the bytes are cut (inside lines, CRLF pairs, UTF-8)', () => {
  const bytes = Buffer.from(WIRE + 'data: grüße 🌍\n\n');
  const expected = [...EXPECTED, { id: '7', data: 'grüße 🌍' }];
  for (const pieces of everySplit(bytes)) assert.deepEqual(parseIn(pieces), expected);
  // ... and byte by byte.
  assert.deepEqual(parseIn([...bytes].map((b) => Uint8Array.of(b))), expected);
});

test('sse: a trailing event without its blank line is still delivered by end()', () => {
  assert.deepEqual(parseIn(['data: {"last":true}']), [{ data: '{"last":true}' }]);
  assert.deepEqual(parseIn(['data: x\r']), [{ data: 'x' }]);
});

test('sse: events without data are not dispatched; a lone "data" field is an empty line', () => {
  assert.deepEqual(parseIn(['event: nothing\n\n', 'data\n\n']), [{ data: '' }]);
});

test('sse: formatSSE writes what the parser reads', () => {
  const wire = formatSSE('{"x":1}', 'content_block_delta') + formatSSE('[DONE]');
  assert.equal(wire, 'event: content_block_delta\ndata: {"x":1}\n\ndata: [DONE]\n\n');
  assert.deepEqual(parseIn([wire]), [{ event: 'content_block_delta', data: '{"x":1}' }, { data: '[DONE]' }]);
});

/** One `data:` event of `size` bytes with no line end, in 64 KiB network-sized pieces. */
function* hugeEvent(size: number): Generator<Buffer> {
  const piece = Buffer.alloc(64 * 1024, 'a');
  yield Buffer.from('data: {"x":"');
  for (let sent = 0; sent < size; sent += piece.length) yield piece;
}

test('sse: a 32 MiB event in 64 KiB pieces parses in linear time (the quadratic parser took ~9 CPU-s)', () => {
  const p = createSSEParser();
  const before = process.cpuUsage();
  let events: SSEEvent[] = [];
  for (const piece of hugeEvent(32 * 1024 * 1024)) events.push(...p.push(piece));
  events.push(...p.push('"}\n\n'));
  const used = process.cpuUsage(before);
  assert.equal(events.length, 1);
  assert.equal(events[0].data.length, 32 * 1024 * 1024 + 8);
  events = [];
  // A generous bound (CPU time, not wall): linear parsing takes ~0.1 s here.
  const cpuSeconds = (used.user + used.system) / 1e6;
  assert.ok(cpuSeconds < 3, `parsing took ${cpuSeconds.toFixed(2)} CPU-s`);
});

test('sse: an event past maxEventBytes throws as soon as the limit is crossed, holding no more', () => {
  const limit = 1024 * 1024;
  const p = createSSEParser({ maxEventBytes: limit });
  // Small events under the limit pass, and the count starts again with each event.
  for (let i = 0; i < 4; i++) assert.equal(p.push(`data: ${'b'.repeat(limit / 2)}\n\n`).length, 1);
  let pushed = 0;
  assert.throws(
    () => {
      for (const piece of hugeEvent(8 * limit)) {
        pushed += piece.length;
        p.push(piece);
      }
    },
    (err: unknown) => {
      assert.ok(err instanceof EventTooLargeError);
      assert.equal(err.limit, limit);
      assert.equal(
        err.message,
        "upstream sent a stream event larger than the sidecar's limit of 1 MiB (--max-stream-event-size)",
      );
      return true;
    },
  );
  assert.ok(pushed > limit && pushed <= limit + 64 * 1024 + 12, `threw after ${pushed} bytes`);
  // Many lines without the blank line that ends an event count too.
  const q = createSSEParser({ maxEventBytes: 100 });
  assert.throws(() => {
    for (let i = 0; i < 20; i++) q.push('data: 0123456789\n');
  }, EventTooLargeError);
});

test('sse: a leading byte order mark is ignored', () => {
  assert.deepEqual(
    parseIn([
      Buffer.from([0xef, 0xbb]),
      Buffer.from([0xbf, 0x64, 0x61, 0x74, 0x61, 0x3a, 0x20, 0x31, 0x0a, 0x0a]),
    ]),
    [{ data: '1' }],
  );
});
