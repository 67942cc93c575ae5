// Every text the model reads is guarded, both ways: text parts read joined, earlier tool-call
// arguments, the user field; tool-call arguments in answers, whole and streamed (split anywhere).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileGuards } from '../../../sidecar/guards/index.ts';

const guards = compileGuards({ pii: { types: ['email', 'secret'], request: 'mask', response: 'mask' } })!;
const tokens = () => 0;

describe('guards see every text of a request', () => {
  it('a value split across two text parts of one message', () => {
    const body = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'write to jane.doe@' },
            { type: 'text', text: 'example.com today' },
          ],
        },
      ],
    };
    const v = guards.checkRequest(body, 'chat', tokens);
    assert.equal(v.changed, true);
    const parts = body.messages[0]!.content;
    assert.equal(parts.map((p) => p.text).join(''), 'write to [EMAIL] today');
  });

  it('the arguments of earlier tool calls and the user field', () => {
    const body = {
      user: 'jane.doe@example.com',
      messages: [
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 'mail', arguments: '{"to":"bob@example.org"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'sent' },
      ],
    };
    guards.checkRequest(body, 'chat', tokens);
    assert.equal(body.user, '[EMAIL]');
    assert.equal(body.messages[0]!.tool_calls![0]!.function.arguments, '{"to":"[EMAIL]"}');
    assert.doesNotThrow(() => JSON.parse(body.messages[0]!.tool_calls![0]!.function.arguments));
  });
});

describe('guards see tool-call arguments in answers', () => {
  it('a whole answer', () => {
    const body = {
      choices: [
        {
          message: {
            content: null,
            tool_calls: [{ function: { name: 'login', arguments: '{"password": "correct horse battery"}' } }],
          },
        },
      ],
    };
    guards.checkResponse(body);
    const args = body.choices[0]!.message.tool_calls[0]!.function.arguments;
    assert.equal(args, '{"password": "[SECRET]"}');
    assert.doesNotThrow(() => JSON.parse(args), 'still JSON');
  });

  async function streamed(pieces: string[]): Promise<string> {
    async function* chunks() {
      yield {
        choices: [
          {
            index: 0,
            delta: {
              role: 'assistant',
              tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '' } }],
            },
          },
        ],
      };
      for (const p of pieces)
        yield { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: p } }] } }] };
      yield { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] };
    }
    let args = '';
    for await (const c of guards.checkStream(chunks(), () => {}))
      for (const tc of c.choices?.[0]?.delta?.tool_calls ?? []) args += tc.function?.arguments ?? '';
    return args;
  }

  it('a streamed answer, split at every point', async () => {
    const text = '{"to": "bob@example.org", "key": "sk-abcdefghijklmnopqrstuvwxyz12"}';
    const whole = await streamed([text]);
    assert.equal(whole, '{"to": "[EMAIL]", "key": "[SECRET]"}');
    for (let i = 1; i < text.length; i++)
      assert.equal(await streamed([text.slice(0, i), text.slice(i)]), whole, `split at ${i}`);
  });
});
