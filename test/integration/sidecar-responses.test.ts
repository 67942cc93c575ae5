// An app written against the Responses API (the OpenAI SDK's client.responses) changes only its
// base URL: the sidecar serves /v1/responses from any provider - OpenAI itself or Claude behind
// the translation - with the typed event stream, function tools, structured output, conversation
// state (previous_response_id, retrieve, delete) and token counts. Policy applies as for chat.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const OPENAI_KEY = 'sk-snapshot-openai';
const ANTHROPIC_KEY = 'sk-ant-snapshot';

const weather = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  strict: false,
};

describe('sidecar: Responses API', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let client: OpenAI;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [OPENAI_KEY, ANTHROPIC_KEY] });
    sidecar = await startSidecar({
      snapshot: {
        workload: { namespace: 'team-a' },
        providers: [
          testProvider('ai-platform/openai', 'openai', `${upstream.url}/v1`, OPENAI_KEY, [
            'gpt-4o',
            'gpt-4o-guarded',
            'gpt-4o-limited',
          ]),
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
              testRule('limited', [{ model: 'gpt-4o-limited' }], ['ai-platform/openai']),
              testRule('guarded', [{ model: 'gpt-4o-guarded' }], ['ai-platform/openai'], {
                guards: {
                  pii: { types: ['email'], request: 'mask', response: 'mask' },
                  denyPatterns: ['project\\s+falcon'],
                },
              }),
            ],
          },
        ],
        quotas: [
          {
            id: 'team-a/responses',
            enforcement: 'Enforce',
            failurePolicy: 'FailClosed',
            limits: [
              { name: 'two', dimension: 'requests', amount: 2, window: '1h', models: ['gpt-4o-limited'] },
            ],
          },
        ],
      },
    });
    client = new OpenAI({ baseURL: sidecar.openaiBaseURL, apiKey: 'app-key', maxRetries: 0 });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  for (const model of ['gpt-4o', 'claude-sonnet-4-5']) {
    it(`creates a response from ${model}, instructions and usage included`, async () => {
      upstream.clearRequests();
      const res = await client.responses.create({
        model,
        instructions: 'be brief',
        input: 'hello from the responses api',
      });
      assert.match(res.id, /^resp_/);
      assert.equal(res.object, 'response');
      assert.equal(res.status, 'completed');
      assert.match(res.output_text, /responses api/);
      assert.ok((res.usage?.input_tokens ?? 0) > 0 && (res.usage?.output_tokens ?? 0) > 0);
      const sent = JSON.stringify(upstream.lastRequest()?.body);
      assert.match(sent, /be brief/, 'instructions reach the provider as its system prompt');
    });

    it(`streams the typed event sequence from ${model} through the SDK helper`, async () => {
      const stream = client.responses.stream({ model, input: 'stream me some words please' });
      let text = '';
      const types: string[] = [];
      for await (const event of stream) {
        types.push(event.type);
        if (event.type === 'response.output_text.delta') text += event.delta;
      }
      const final = await stream.finalResponse();
      assert.equal(types[0], 'response.created');
      assert.equal(types.at(-1), 'response.completed');
      for (const t of [
        'response.output_item.added',
        'response.content_part.added',
        'response.output_text.done',
      ])
        assert.ok(types.includes(t), t);
      assert.equal(final.output_text, text);
      assert.ok((final.usage?.output_tokens ?? 0) > 0, 'usage arrives on response.completed');
    });

    it(`calls a function tool and continues with its output from ${model}`, async () => {
      const first = await client.responses.create({
        model,
        tools: [weather],
        input: [{ role: 'user', content: 'use get_weather for Lisbon' }],
      });
      const call = first.output.find((o) => o.type === 'function_call');
      assert.ok(call && call.type === 'function_call', JSON.stringify(first.output));
      assert.equal(call.name, 'get_weather');
      upstream.clearRequests();
      const second = await client.responses.create({
        model,
        previous_response_id: first.id,
        tools: [weather],
        input: [{ type: 'function_call_output', call_id: call.call_id, output: 'sunny, 24C' }],
      });
      assert.equal(second.status, 'completed');
      assert.match(second.output_text, /sunny/);
      const sent = JSON.stringify(upstream.lastRequest()?.body);
      assert.match(sent, /Lisbon/, 'the earlier turn went upstream with the new input');
    });
  }

  it('streams function call arguments as typed events', async () => {
    const stream = client.responses.stream({
      model: 'gpt-4o',
      tools: [weather],
      input: 'use get_weather for Porto',
    });
    const types = new Set<string>();
    for await (const event of stream) types.add(event.type);
    const final = await stream.finalResponse();
    assert.ok(types.has('response.function_call_arguments.delta'));
    assert.ok(types.has('response.function_call_arguments.done'));
    const call = final.output.find((o) => o.type === 'function_call');
    assert.ok(call && call.type === 'function_call');
    assert.match(call.arguments, /Porto/);
  });

  it('asks the provider for structured output', async () => {
    upstream.clearRequests();
    const res = await client.responses.create({
      model: 'gpt-4o',
      input: 'give me a city',
      text: {
        format: {
          type: 'json_schema',
          name: 'city',
          schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
          strict: true,
        },
      },
    });
    assert.equal(res.status, 'completed');
    const sent = upstream.lastRequest()?.body as {
      response_format?: { type: string; json_schema: { name: string } };
    };
    assert.equal(sent.response_format?.type, 'json_schema');
    assert.equal(sent.response_format?.json_schema.name, 'city');
  });

  it('keeps answers for previous_response_id, retrieve and delete; refuses what it does not hold', async () => {
    const first = await client.responses.create({ model: 'gpt-4o', input: 'remember the word pineapple' });
    const got = await client.responses.retrieve(first.id);
    assert.equal(got.id, first.id);
    assert.equal(got.output_text, first.output_text);
    const items = await client.responses.inputItems.list(first.id);
    assert.equal(items.data.length, 1);

    upstream.clearRequests();
    await client.responses.create({ model: 'gpt-4o', previous_response_id: first.id, input: 'what was it?' });
    assert.match(JSON.stringify(upstream.lastRequest()?.body), /pineapple/);

    await client.responses.delete(first.id);
    await assert.rejects(client.responses.retrieve(first.id), (err: unknown) => {
      assert.ok(err instanceof OpenAI.NotFoundError);
      return true;
    });
    await assert.rejects(
      client.responses.create({ model: 'gpt-4o', previous_response_id: first.id, input: 'again?' }),
      (err: unknown) => {
        assert.ok(err instanceof OpenAI.NotFoundError);
        assert.equal((err as InstanceType<typeof OpenAI.NotFoundError>).code, 'previous_response_not_found');
        return true;
      },
    );
    const unstored = await client.responses.create({ model: 'gpt-4o', input: 'forget me', store: false });
    await assert.rejects(client.responses.retrieve(unstored.id));
  });

  it('refuses built-in tools a chat model cannot run, with a 400 that says so', async () => {
    await assert.rejects(
      client.responses.create({ model: 'gpt-4o', input: 'search', tools: [{ type: 'web_search' }] }),
      (err: unknown) => {
        assert.ok(err instanceof OpenAI.BadRequestError);
        assert.match(String((err as Error).message), /tool type "web_search" is not supported/);
        return true;
      },
    );
  });

  it('answers 404 for a model no rule routes, like chat', async () => {
    await assert.rejects(client.responses.create({ model: 'mystery', input: 'hi' }), OpenAI.NotFoundError);
  });

  it('applies guards and quotas as for chat', async () => {
    upstream.clearRequests();
    const masked = await client.responses.create({
      model: 'gpt-4o-guarded',
      input: 'mail me at jane.doe@example.com',
    });
    assert.ok(
      !JSON.stringify(upstream.lastRequest()?.body).includes('jane.doe@example.com'),
      'masked upstream',
    );
    assert.ok(!masked.output_text.includes('jane.doe@example.com'), 'masked in the answer');
    await assert.rejects(
      client.responses.create({ model: 'gpt-4o-guarded', input: 'tell me about project falcon' }),
      (err: unknown) => err instanceof OpenAI.APIError && (err.status ?? 0) >= 400 && (err.status ?? 0) < 500,
    );
    await client.responses.create({ model: 'gpt-4o-limited', input: 'one' });
    await client.responses.create({ model: 'gpt-4o-limited', input: 'two' });
    await assert.rejects(
      client.responses.create({ model: 'gpt-4o-limited', input: 'three' }),
      OpenAI.RateLimitError,
    );
  });

  it('counts input tokens (Responses input_tokens and Anthropic count_tokens)', async () => {
    const short = await client.responses.inputTokens.count({ model: 'gpt-4o', input: 'hi' });
    const long = await client.responses.inputTokens.count({
      model: 'gpt-4o',
      input: 'a much longer input with quite a few more words in it than the other one',
    });
    assert.equal(short.object, 'response.input_tokens');
    assert.ok(short.input_tokens > 0 && long.input_tokens > short.input_tokens);
    const anthropic = new Anthropic({ baseURL: sidecar.anthropicBaseURL, apiKey: 'app-key', maxRetries: 0 });
    const counted = await anthropic.messages.countTokens({
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'user', content: 'count these words for me' }],
    });
    assert.ok(counted.input_tokens > 0);
  });
});
