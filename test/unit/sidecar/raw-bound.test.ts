// The prompt-token bound read off a body's bytes (pipeline/rule-state.ts rawPromptBound) decides
// that a big body fits a context window without parsing it: it must never be below the bound the
// parsed body gives (tokens.ts promptTokensAtMost), whatever the body holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Call } from '../../../sidecar/pipeline/call.ts';
import { rawPromptBound } from '../../../sidecar/pipeline/rule-state.ts';
import { promptTokensAtMost } from '../../../sidecar/tokens.ts';
import { rng } from '../../support/rng.ts';

const callWith = (bytes: Buffer) =>
  ({ unchangedBody: bytes, dialect: 'openai', operation: 'chat' }) as unknown as Call;

/** Text with escapes, non-ASCII, astral characters and numbers that re-serialise longer. */
function text(random: () => number): string {
  const pieces = ['a', ' ', 'é', '😀', '"', '\\', '\n', '\u0001', '/', '漢'];
  let s = '';
  for (let i = 0, n = Math.floor(random() * 30); i < n; i++)
    s += pieces[Math.floor(random() * pieces.length)];
  return s;
}

function body(random: () => number): string {
  const messages = [];
  for (let i = 0, n = Math.floor(random() * 6); i < n; i++) {
    const kind = Math.floor(random() * 4);
    if (kind === 0) messages.push({ role: 'user', content: text(random) });
    else if (kind === 1)
      // The smallest image parts: 765 tokens each for a few bytes.
      messages.push({ role: 'user', content: [{ type: 'image_url' }, { type: 'text', text: text(random) }] });
    else if (kind === 2) messages.push({});
    else
      messages.push({
        role: 'assistant',
        name: text(random),
        tool_calls: [{ function: { name: 'f', arguments: text(random) } }],
      });
  }
  const out: Record<string, unknown> = { model: 'm', messages };
  // Numbers JSON.stringify writes longer than an app may ("1e20" -> 21 digits).
  if (random() < 0.5) out.tools = [{ type: 'function', function: { name: 'g', parameters: { max: 0 } } }];
  let json = JSON.stringify(out);
  if (out.tools) json = json.replace('"max":0', `"max":[${Array(20).fill('1e20').join(',')}]`);
  return json;
}

describe('the prompt bound read off the bytes', () => {
  it('is never below the bound of the parsed body', () => {
    const random = rng(11);
    for (let n = 0; n < 3000; n++) {
      let bytes = Buffer.from(body(random));
      // Invalid UTF-8 inside a string decodes to U+FFFD, three bytes for one.
      if (random() < 0.3) {
        const at = bytes.indexOf('"content":"');
        if (at >= 0)
          bytes = Buffer.concat([
            bytes.subarray(0, at + 11),
            Buffer.from([0xff, 0xfe, 0xff]),
            bytes.subarray(at + 11),
          ]);
      }
      const parsed = JSON.parse(bytes.toString('utf8'));
      const exact = promptTokensAtMost(parsed, 'chat');
      const raw = rawPromptBound(callWith(bytes));
      assert.ok(raw !== undefined && raw >= exact, `${raw} < ${exact} for ${bytes.toString().slice(0, 120)}`);
    }
  });

  it('counts image parts however small their bytes', () => {
    const parts = Array.from({ length: 50 }, () => ({ type: 'image_url' }));
    const bytes = Buffer.from(JSON.stringify({ model: 'm', messages: [{ role: 'user', content: parts }] }));
    assert.ok(rawPromptBound(callWith(bytes))! >= promptTokensAtMost(JSON.parse(bytes.toString()), 'chat'));
    assert.ok(promptTokensAtMost(JSON.parse(bytes.toString()), 'chat') > 6 * bytes.length, 'images dominate');
  });

  it('has no bound for a body that was rewritten', () => {
    assert.equal(rawPromptBound({ dialect: 'openai', operation: 'chat' } as unknown as Call), undefined);
  });
});
