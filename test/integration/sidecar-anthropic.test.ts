// The story of an app written against Anthropic: it sets ANTHROPIC_BASE_URL to the sidecar and
// keeps using @anthropic-ai/sdk, whichever provider the route picks: Claude itself, or an
// OpenAI model behind the translation. Streams arrive as the exact Anthropic event sequence.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const OPENAI_KEY = 'sk-snapshot-openai';
const ANTHROPIC_KEY = 'sk-ant-snapshot';
const APP_KEY = 'sk-ant-app-must-not-leak';

describe('sidecar: Anthropic API', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let client: Anthropic;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [OPENAI_KEY, ANTHROPIC_KEY] });
    sidecar = await startSidecar({
      snapshot: {
        workload: { namespace: 'team-a' },
        providers: [
          testProvider('ai-platform/openai', 'openai', `${upstream.url}/v1`, OPENAI_KEY, ['gpt-4o']),
          testProvider('ai-platform/anthropic', 'anthropic', upstream.url, ANTHROPIC_KEY, [
            'claude-sonnet-4-5',
          ]),
        ],
        routes: [
          {
            id: 'team-a/chat',
            rules: [
              testRule('claude', [{ model: 'claude-*' }], ['ai-platform/anthropic']),
              testRule('gpt', [{ model: 'gpt-4o' }], ['ai-platform/openai']),
            ],
          },
        ],
        quotas: [],
      },
    });
    client = new Anthropic({ baseURL: sidecar.anthropicBaseURL, apiKey: APP_KEY, maxRetries: 0 });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  for (const model of ['claude-sonnet-4-5', 'gpt-4o']) {
    it(`answers a message from ${model}`, async () => {
      upstream.clearRequests();
      const msg = await client.messages.create({
        model,
        max_tokens: 64,
        system: 'be brief',
        messages: [{ role: 'user', content: 'hello from anthropic land' }],
      });
      assert.equal(msg.type, 'message');
      assert.equal(msg.role, 'assistant');
      assert.equal(msg.content[0].type, 'text');
      assert.match(msg.content[0].type === 'text' ? msg.content[0].text : '', /anthropic/);
      assert.equal(msg.stop_reason, 'end_turn');
      assert.ok(msg.usage.input_tokens > 0 && msg.usage.output_tokens > 0);
      const seen = upstream.lastRequest()!;
      const auth = seen.headers['x-api-key'] ?? seen.headers.authorization;
      assert.equal(auth, model === 'gpt-4o' ? `Bearer ${OPENAI_KEY}` : ANTHROPIC_KEY);
      assert.ok(!JSON.stringify(seen.headers).includes(APP_KEY));
    });

    it(`streams the Anthropic event sequence from ${model}`, async () => {
      const res = await fetch(`${sidecar.anthropicBaseURL}/v1/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-api-key': APP_KEY,
          'anthropic-version': '2023-06-01',
        },
        body: JSON.stringify({
          model,
          max_tokens: 64,
          stream: true,
          messages: [{ role: 'user', content: 'stream me some words' }],
        }),
      });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
      const events = (await res.text())
        .split('\n\n')
        .filter((e) => e.trim() !== '')
        .map((e) => {
          const name = /^event: (.+)$/m.exec(e)?.[1];
          const data = JSON.parse(/^data: (.+)$/m.exec(e)?.[1] ?? 'null');
          assert.equal(data.type, name, 'the event name repeats the payload type');
          return data;
        });
      const names = events.map((e) => e.type).filter((t) => t !== 'ping');
      assert.equal(names[0], 'message_start');
      assert.equal(names[1], 'content_block_start');
      assert.deepEqual(names.slice(-3), ['content_block_stop', 'message_delta', 'message_stop']);
      assert.ok(names.slice(2, -3).every((n) => n === 'content_block_delta'));
      const delta = events.find((e) => e.type === 'message_delta');
      assert.equal(delta.delta.stop_reason, 'end_turn');
      assert.ok(delta.usage.output_tokens > 0);
    });

    it(`streams through the SDK helper from ${model}, tools included`, async () => {
      const stream = client.messages.stream({
        model,
        max_tokens: 256,
        tools: [
          {
            name: 'get_weather',
            description: 'Weather for a city',
            input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        ],
        messages: [{ role: 'user', content: 'use get_weather for Lisbon' }],
      });
      const final = await stream.finalMessage();
      assert.equal(final.stop_reason, 'tool_use');
      const tool = final.content.find((b) => b.type === 'tool_use');
      assert.equal(tool?.type === 'tool_use' && tool.name, 'get_weather');
      assert.equal(typeof (tool?.type === 'tool_use' ? tool.input : undefined), 'object');
      assert.ok(final.usage.output_tokens > 0);
    });
  }

  it('shows Anthropic ids and the prompt count at message_start, whichever provider answers', async () => {
    const first = await client.messages.create({
      model: 'gpt-4o',
      max_tokens: 64,
      tools: [
        { name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } },
      ],
      messages: [{ role: 'user', content: 'use get_weather for Lisbon' }],
    });
    assert.match(first.id, /^msg_/);
    const tool = first.content.find((b) => b.type === 'tool_use');
    assert.ok(tool?.type === 'tool_use');
    assert.match(tool.id, /^toolu_/);
    // The app answers with the id it was shown; the OpenAI upstream gets its own call id back.
    upstream.clearRequests();
    const second = await client.messages.create({
      model: 'gpt-4o',
      max_tokens: 64,
      messages: [
        { role: 'user', content: 'use get_weather for Lisbon' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: tool.id, content: 'sunny' }] },
      ],
    });
    assert.equal(second.stop_reason, 'end_turn');
    const sent = upstream.lastRequest()!.body;
    assert.match(sent.messages[1].tool_calls[0].id, /^call_/);
    assert.equal(sent.messages[2].tool_call_id, sent.messages[1].tool_calls[0].id);

    const stream = client.messages.stream({
      model: 'gpt-4o',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'count the prompt for me please' }],
    });
    let startInput = -1;
    for await (const event of stream)
      if (event.type === 'message_start') startInput = event.message.usage.input_tokens;
    const final = await stream.finalMessage();
    assert.ok(startInput > 0, 'message_start carries input tokens');
    assert.ok(final.usage.input_tokens > 0 && final.usage.output_tokens > 0);
    assert.match(final.id, /^msg_/);
  });

  it('continues a tool conversation through an OpenAI model', async () => {
    upstream.clearRequests();
    const msg = await client.messages.create({
      model: 'gpt-4o',
      max_tokens: 64,
      messages: [
        { role: 'user', content: 'use get_weather for Lisbon' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Lisbon' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny, 24C' }] },
      ],
    });
    assert.equal(msg.stop_reason, 'end_turn');
    const sent = upstream.lastRequest()!.body;
    assert.deepEqual(
      sent.messages.map((m: { role: string }) => m.role),
      ['user', 'assistant', 'tool'],
    );
    assert.equal(sent.messages[2].tool_call_id, 'toolu_1');
  });

  it('answers errors in the Anthropic shape', async () => {
    await assert.rejects(
      client.messages.create({
        model: 'mystery-model',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'hi' }],
      }),
      (err: unknown) => {
        assert.ok(err instanceof Anthropic.NotFoundError, String(err));
        assert.equal(err.status, 404);
        assert.deepEqual(Object.keys(err.error as object).sort(), ['error', 'type']);
        const { error } = err.error as { error: { type: string; message: string } };
        assert.equal(error.type, 'not_found_error');
        assert.match(
          error.message,
          /no route for model "mystery-model".*models you can call for chat: claude-sonnet-4-5, gpt-4o/,
        );
        return true;
      },
    );
    const res = await fetch(`${sidecar.anthropicBaseURL}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'no max_tokens' }] }),
    });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), {
      type: 'error',
      error: { type: 'invalid_request_error', message: 'max_tokens: a positive integer is required' },
    });
  });
});
