import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSSEParser, formatSSE, type SSEEvent } from '../../../sidecar/providers/sse.ts';

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
