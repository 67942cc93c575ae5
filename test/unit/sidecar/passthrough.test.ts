// Realtime usage is read off server frames as they pass: whole, split anywhere, fragmented, among
// control frames, and past the read bound (relayed, never buffered, not counted).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readUsage } from '../../../sidecar/server/passthrough.ts';

/** A server frame (unmasked), RFC 6455. */
function frame(payload: Buffer | string, opcode = 1, fin = true): Buffer {
  const data = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
  const first = (fin ? 0x80 : 0) | opcode;
  if (data.length < 126) return Buffer.concat([Buffer.from([first, data.length]), data]);
  if (data.length < 65536) {
    const h = Buffer.alloc(4);
    h[0] = first;
    h[1] = 126;
    h.writeUInt16BE(data.length, 2);
    return Buffer.concat([h, data]);
  }
  const h = Buffer.alloc(10);
  h[0] = first;
  h[1] = 127;
  h.writeBigUInt64BE(BigInt(data.length), 2);
  return Buffer.concat([h, data]);
}

const done = (input: number, output: number) =>
  JSON.stringify({
    type: 'response.done',
    response: { usage: { input_tokens: input, output_tokens: output } },
  });

const fresh = () => ({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 });

describe('readUsage', () => {
  it('adds the usage of every response.done, ignoring other events and control frames', () => {
    const usage = fresh();
    const read = readUsage(usage);
    read(
      Buffer.concat([
        frame('{"type":"session.created"}'),
        frame(done(3, 4)),
        frame('', 0x9),
        frame(done(1, 2)),
      ]),
    );
    assert.deepEqual(usage, { inputTokens: 4, outputTokens: 6, cachedInputTokens: 0 });
  });

  it('reads the same whatever way the bytes are split', () => {
    const bytes = Buffer.concat([frame(done(5, 7)), frame('x'.repeat(70_000)), frame(done(1, 1))]);
    for (const step of [1, 2, 3, 7, 125, 4096]) {
      const usage = fresh();
      const read = readUsage(usage);
      for (let i = 0; i < bytes.length; i += step) read(bytes.subarray(i, i + step));
      assert.deepEqual(usage, { inputTokens: 6, outputTokens: 8, cachedInputTokens: 0 }, `step ${step}`);
    }
  });

  it('joins a fragmented message', () => {
    const usage = fresh();
    const text = done(9, 1);
    readUsage(usage)(Buffer.concat([frame(text.slice(0, 10), 1, false), frame(text.slice(10), 0, true)]));
    assert.equal(usage.inputTokens, 9);
  });

  it('lets a frame above the read bound pass unread, and keeps reading after it', () => {
    const usage = fresh();
    const read = readUsage(usage);
    const huge = frame(`{"type":"response.done","pad":"${'x'.repeat(5 * 1024 * 1024)}"}`);
    for (let i = 0; i < huge.length; i += 65536) read(huge.subarray(i, i + 65536));
    read(frame(done(2, 3)));
    assert.deepEqual(usage, { inputTokens: 2, outputTokens: 3, cachedInputTokens: 0 });
  });
});
