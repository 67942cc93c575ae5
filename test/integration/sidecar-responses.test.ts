// An app written against the Responses API (the OpenAI SDK's client.responses) changes only its
// base URL. OpenAI and Azure OpenAI backends serve /v1/responses natively (the upstream gets a
// Responses request, built-in tools and provider-side state included); Claude and
// OpenAI-compatible backends serve it through the chat translation (the upstream gets chat), with
// the sidecar keeping the conversation. Both give the typed event stream, function tools,
// structured output, previous_response_id, retrieve, delete and token counts; policy (routing,
// guards, quotas, fallback) applies as for chat.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const OPENAI_KEY = 'sk-snapshot-openai';
const ANTHROPIC_KEY = 'sk-ant-snapshot';
const AZURE_KEY = 'azure-snapshot-key';

const weather = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  strict: false,
};

/** Each backend kind: how it serves /v1/responses and what the upstream receives. */
const BACKENDS = [
  { model: 'gpt-4o', native: true, operation: 'responses', upstreamModel: 'gpt-4o' },
  { model: 'gpt-4o-azure', native: true, operation: 'responses', upstreamModel: 'prod-gpt4o' },
  { model: 'claude-sonnet-4-5', native: false, operation: 'messages', upstreamModel: 'claude-sonnet-4-5' },
  { model: 'llama-3', native: false, operation: 'chat', upstreamModel: 'llama-3' },
] as const;

describe('sidecar: Responses API', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let client: OpenAI;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [OPENAI_KEY, ANTHROPIC_KEY, AZURE_KEY] });
    sidecar = await startSidecar({
      snapshot: {
        workload: { namespace: 'team-a' },
        providers: [
          testProvider('ai-platform/openai', 'openai', `${upstream.url}/v1`, OPENAI_KEY, [
            'gpt-4o',
            'gpt-4o-guarded',
            'gpt-4o-outguard',
            'gpt-4o-limited',
            'gpt-4o-fallback',
            'gpt-4o-cached',
            'gpt-4o-prompted',
          ]),
          // 40 words (= 40 output tokens) per answer: the upstream's model-suffix fault.
          testProvider('ai-platform/openai-long', 'openai', `${upstream.url}/v1`, OPENAI_KEY, [], {
            models: ['gpt-4o-tokens', 'gpt-4o-tokens-stream'].map((name) => ({
              name,
              upstreamName: 'gpt-4o~words=40',
            })),
          }),
          testProvider('ai-platform/azure', 'azure-openai', upstream.url, AZURE_KEY, [
            'gpt-4o-azure=prod-gpt4o',
          ]),
          testProvider('ai-platform/anthropic', 'anthropic', upstream.url, ANTHROPIC_KEY, [
            'claude-sonnet-4-5',
          ]),
          testProvider('ai-platform/compat', 'openai-compatible', `${upstream.url}/compat/v1`, OPENAI_KEY, [
            'llama-3',
          ]),
        ],
        routes: [
          {
            id: 'team-a/chat',
            rules: [
              testRule('claude', [{ model: 'claude-*' }], ['ai-platform/anthropic']),
              testRule('gpt', [{ model: 'gpt-4o' }], ['ai-platform/openai']),
              testRule('azure', [{ model: 'gpt-4o-azure' }], ['ai-platform/azure']),
              testRule('compat', [{ model: 'llama-3' }], ['ai-platform/compat']),
              testRule('limited', [{ model: 'gpt-4o-limited' }], ['ai-platform/openai']),
              testRule('tokens', [{ model: 'gpt-4o-tokens*' }], ['ai-platform/openai-long']),
              testRule('guarded', [{ model: 'gpt-4o-guarded' }], ['ai-platform/openai'], {
                guards: {
                  pii: { types: ['email'], request: 'mask', response: 'mask' },
                  denyPatterns: ['project\\s+falcon'],
                },
              }),
              testRule('outguard', [{ model: 'gpt-4o-outguard' }], ['ai-platform/openai'], {
                guards: { pii: { types: ['email'], request: 'log', response: 'mask' } },
              }),
              testRule('prompted', [{ model: 'gpt-4o-prompted' }], ['ai-platform/openai'], {
                prompt: { name: 'support', version: 'v2', system: 'You are the support desk.' },
              }),
              testRule('cached', [{ model: 'gpt-4o-cached' }], ['ai-platform/openai'], {
                cache: { ttlMs: 60_000, maxBytes: 1 << 20 },
              }),
              testRule('fallback', [{ model: 'gpt-4o-fallback' }], ['ai-platform/openai'], {
                fallback: {
                  backends: [{ provider: 'ai-platform/anthropic', model: 'claude-sonnet-4-5' }],
                  on: ['5xx'],
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
              ...['gpt-4o-tokens', 'gpt-4o-tokens-stream'].map((model) => ({
                name: model,
                dimension: 'tokens' as const,
                amount: 90,
                window: '1h',
                models: [model],
                reserveOutputTokens: 1,
              })),
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

  for (const { model, native, operation, upstreamModel } of BACKENDS) {
    const how = native ? 'natively' : 'through the chat translation';
    it(`creates a response from ${model} ${how}, instructions and usage included`, async () => {
      upstream.clearRequests();
      const asked = {
        model,
        instructions: 'be brief',
        input: 'hello from the responses api',
        ...(native ? { reasoning: { effort: 'low' as const }, store: true, metadata: { app: 'test' } } : {}),
      };
      const res = await client.responses.create(asked);
      assert.match(res.id, /^resp_/);
      assert.equal(res.object, 'response');
      assert.equal(res.status, 'completed');
      assert.match(res.output_text, /responses api/);
      assert.ok((res.usage?.input_tokens ?? 0) > 0 && (res.usage?.output_tokens ?? 0) > 0);
      const sent = upstream.lastRequest();
      assert.equal(sent?.operation, operation, `the upstream got ${sent?.method} ${sent?.path}`);
      assert.equal(sent?.model, upstreamModel);
      assert.match(JSON.stringify(sent?.body), /be brief/, 'instructions reach the provider');
      if (native)
        assert.deepEqual(sent?.body, { ...asked, model: upstreamModel }, 'as the app sent it, but the model');
    });

    it(`streams the typed event sequence from ${model} ${how} through the SDK helper`, async () => {
      upstream.clearRequests();
      const stream = client.responses.stream({ model, input: 'stream me some words please' });
      let text = '';
      const types: string[] = [];
      const sequence: number[] = [];
      for await (const event of stream) {
        types.push(event.type);
        sequence.push(event.sequence_number);
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
      assert.deepEqual(
        sequence,
        sequence.map((_, i) => i),
        'sequence numbers count up from 0',
      );
      assert.equal(final.output_text, text);
      assert.ok((final.usage?.output_tokens ?? 0) > 0, 'usage arrives on response.completed');
      assert.equal(upstream.lastRequest()?.operation, operation);
    });

    it(`calls a function tool and continues with its output from ${model} ${how}`, async () => {
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
      const sent = upstream.lastRequest()?.body;
      if (native) {
        // The conversation lives at the provider: it gets the id (and checks the call_id in it).
        assert.equal(sent.previous_response_id, first.id);
        assert.doesNotMatch(JSON.stringify(sent), /Lisbon/);
      } else
        assert.match(JSON.stringify(sent), /Lisbon/, 'the earlier turn went upstream with the new input');
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

  it('asks a translated provider for structured output as response_format, a native one as text.format', async () => {
    const format = {
      type: 'json_schema' as const,
      name: 'city',
      schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      strict: true,
    };
    upstream.clearRequests();
    const translated = await client.responses.create({
      model: 'llama-3',
      input: 'give me a city',
      text: { format },
    });
    assert.equal(translated.status, 'completed');
    const chat = upstream.lastRequest()?.body as {
      response_format?: { type: string; json_schema: { name: string } };
    };
    assert.equal(chat.response_format?.type, 'json_schema');
    assert.equal(chat.response_format?.json_schema.name, 'city');

    const native = await client.responses.create({
      model: 'gpt-4o',
      input: 'give me a city',
      text: { format },
    });
    assert.deepEqual(upstream.lastRequest()?.body.text, { format });
    assert.equal(typeof JSON.parse(native.output_text).name, 'string');
  });

  it('keeps translated answers in the sidecar for previous_response_id, retrieve and delete', async () => {
    const first = await client.responses.create({
      model: 'claude-sonnet-4-5',
      input: 'remember the word pineapple',
    });
    upstream.clearRequests();
    const got = await client.responses.retrieve(first.id);
    assert.equal(got.id, first.id);
    assert.equal(got.output_text, first.output_text);
    const items = await client.responses.inputItems.list(first.id);
    assert.equal(items.data.length, 1);
    assert.equal(upstream.requests.length, 0, 'answered by the sidecar');

    await client.responses.create({
      model: 'claude-sonnet-4-5',
      previous_response_id: first.id,
      input: 'what was it?',
    });
    assert.match(JSON.stringify(upstream.lastRequest()?.body), /pineapple/);

    await client.responses.delete(first.id);
    await assert.rejects(client.responses.retrieve(first.id), OpenAI.NotFoundError);
    await assert.rejects(
      client.responses.create({
        model: 'claude-sonnet-4-5',
        previous_response_id: first.id,
        input: 'again?',
      }),
      (err: unknown) => {
        assert.ok(err instanceof OpenAI.NotFoundError);
        assert.equal((err as InstanceType<typeof OpenAI.NotFoundError>).code, 'previous_response_not_found');
        return true;
      },
    );
    const unstored = await client.responses.create({
      model: 'claude-sonnet-4-5',
      input: 'forget me',
      store: false,
    });
    await assert.rejects(client.responses.retrieve(unstored.id), OpenAI.NotFoundError);
  });

  for (const model of ['gpt-4o', 'gpt-4o-azure']) {
    it(`asks the provider that made a native answer (${model}) for it: retrieve, input items, delete`, async () => {
      const first = await client.responses.create({ model, input: 'remember the word pineapple' });
      upstream.clearRequests();
      const got = await client.responses.retrieve(first.id);
      assert.equal(got.id, first.id);
      assert.equal(got.output_text, first.output_text);
      const asked = upstream.lastRequest();
      assert.equal(asked?.method, 'GET');
      assert.match(asked?.path ?? '', new RegExp(`/responses/${first.id}$`));
      const items = await client.responses.inputItems.list(first.id);
      assert.equal(items.data.length, 1);
      assert.match(upstream.lastRequest()?.path ?? '', /\/input_items$/);

      await client.responses.delete(first.id);
      assert.equal(upstream.lastRequest()?.method, 'DELETE');
      await assert.rejects(client.responses.retrieve(first.id), OpenAI.NotFoundError);
      // The provider no longer holds it: its own 404 reaches the app.
      await assert.rejects(
        client.responses.create({ model, previous_response_id: first.id, input: 'again?' }),
        (err: unknown) => {
          assert.ok(err instanceof OpenAI.NotFoundError, String(err));
          assert.equal(
            (err as InstanceType<typeof OpenAI.NotFoundError>).code,
            'previous_response_not_found',
          );
          return true;
        },
      );
    });
  }

  it('answers a clear 404 for an id nobody made', async () => {
    await assert.rejects(client.responses.retrieve('resp_0123456789abcdef'), (err: unknown) => {
      assert.ok(err instanceof OpenAI.NotFoundError);
      assert.match((err as Error).message, /no response resp_0123456789abcdef is known to this sidecar/);
      return true;
    });
  });

  it('continues a translated conversation on a native backend by sending its turns as input items', async () => {
    const first = await client.responses.create({
      model: 'claude-sonnet-4-5',
      input: 'remember the word mango',
    });
    upstream.clearRequests();
    const second = await client.responses.create({
      model: 'gpt-4o',
      previous_response_id: first.id,
      input: 'what was it?',
    });
    assert.equal(second.status, 'completed');
    const sent = upstream.lastRequest();
    assert.equal(sent?.operation, 'responses');
    assert.equal(sent?.body.previous_response_id, undefined, 'the provider never saw that id');
    assert.match(JSON.stringify(sent?.body.input), /mango/);
  });

  it('passes built-in tools to a native backend; refuses them on a translated one with a 400 that says so', async () => {
    upstream.clearRequests();
    const res = await client.responses.create({
      model: 'gpt-4o',
      input: 'search the web for lisbon weather',
      tools: [{ type: 'web_search' }],
    });
    assert.deepEqual(upstream.lastRequest()?.body.tools, [{ type: 'web_search' }]);
    assert.ok(
      res.output.some((o) => o.type === 'web_search_call'),
      JSON.stringify(res.output),
    );
    assert.match(res.output_text, /lisbon/);

    upstream.clearRequests();
    await assert.rejects(
      client.responses.create({
        model: 'claude-sonnet-4-5',
        input: 'search the web',
        tools: [{ type: 'web_search' }],
      }),
      (err: unknown) => {
        assert.ok(err instanceof OpenAI.BadRequestError);
        assert.equal((err as InstanceType<typeof OpenAI.BadRequestError>).code, 'unsupported_parameter');
        assert.match(String((err as Error).message), /tool type "web_search" is not supported/);
        assert.match(
          String((err as Error).message),
          /only openai and azure-openai providers serve it natively/,
        );
        return true;
      },
    );
    assert.equal(upstream.requests.length, 0, 'nothing went upstream');
  });

  it('falls back from a native backend to a translated one: plain requests translate, native-only ones get a clear 400', async () => {
    const remove = upstream.setFault({ path: '/v1/responses' }, { status: 503 });
    try {
      upstream.clearRequests();
      const { data, response } = await client.responses
        .create({ model: 'gpt-4o-fallback', input: 'hello after a fallback' })
        .withResponse();
      assert.equal(response.headers.get('x-aimesh-provider'), 'ai-platform/anthropic');
      assert.match(data.output_text, /fallback/);
      assert.deepEqual(
        upstream.requests.map((r) => r.operation),
        ['responses', 'messages'],
      );

      await assert.rejects(
        client.responses.create({
          model: 'gpt-4o-fallback',
          input: 'search the web',
          tools: [{ type: 'web_search' }],
        }),
        (err: unknown) => {
          assert.ok(err instanceof OpenAI.BadRequestError, String(err));
          assert.match(String((err as Error).message), /web_search/);
          assert.match(String((err as Error).message), /ai-platform\/anthropic/);
          return true;
        },
      );
    } finally {
      remove();
    }
    // A conversation the native provider holds cannot move to the translated fallback.
    const first = await client.responses.create({ model: 'gpt-4o-fallback', input: 'remember kiwi' });
    const again = upstream.setFault({ path: '/v1/responses' }, { status: 503 });
    try {
      await assert.rejects(
        client.responses.create({ model: 'gpt-4o-fallback', previous_response_id: first.id, input: 'and?' }),
        (err: unknown) => {
          assert.ok(err instanceof OpenAI.BadRequestError, String(err));
          assert.equal(
            (err as InstanceType<typeof OpenAI.BadRequestError>).code,
            'previous_response_not_found',
          );
          assert.match(String((err as Error).message), /made natively by provider ai-platform\/openai/);
          return true;
        },
      );
    } finally {
      again();
    }
  });

  it('caches native answers by the whole Responses request', async () => {
    upstream.clearRequests();
    const ask = (tools?: OpenAI.Responses.Tool[]) =>
      client.responses
        .create({ model: 'gpt-4o-cached', input: 'search cache me please', tools })
        .withResponse();
    const first = await ask();
    const second = await ask();
    assert.equal(first.response.headers.get('x-aimesh-cache'), 'miss');
    assert.equal(second.response.headers.get('x-aimesh-cache'), 'hit');
    assert.deepEqual(second.data.output, first.data.output);
    assert.equal(upstream.requests.length, 1);
    // The same question streamed: a stored Response is no event stream, so the provider is asked.
    const stream = client.responses.stream({ model: 'gpt-4o-cached', input: 'search cache me please' });
    for await (const _ of stream);
    assert.equal((await stream.finalResponse()).output_text, first.data.output_text);
    assert.equal(upstream.requests.length, 2);
    // A built-in tool is part of the question (the chat view cannot show it): another answer.
    const searched = await ask([{ type: 'web_search' }]);
    assert.equal(searched.response.headers.get('x-aimesh-cache'), 'miss');
    assert.ok(searched.data.output.some((o) => o.type === 'web_search_call'));
    assert.equal(upstream.requests.length, 3);
  });

  it('puts a managed prompt before the instructions of a native request', async () => {
    upstream.clearRequests();
    await client.responses.create({ model: 'gpt-4o-prompted', instructions: 'be brief', input: 'hi' });
    assert.equal(upstream.lastRequest()?.body.instructions, 'You are the support desk.\n\nbe brief');
    await client.responses.create({ model: 'gpt-4o-prompted', input: 'hi' });
    assert.equal(upstream.lastRequest()?.body.instructions, 'You are the support desk.');
  });

  it('answers 404 for a model no rule routes, like chat', async () => {
    await assert.rejects(client.responses.create({ model: 'mystery', input: 'hi' }), OpenAI.NotFoundError);
  });

  it('applies request guards to the Responses request a native backend receives', async () => {
    upstream.clearRequests();
    const masked = await client.responses.create({
      model: 'gpt-4o-guarded',
      instructions: 'reply to ops@example.org',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'mail me at jane.doe@example.com' }] }],
    });
    const sent = JSON.stringify(upstream.lastRequest()?.body);
    assert.equal(upstream.lastRequest()?.operation, 'responses');
    assert.ok(!sent.includes('jane.doe@example.com') && !sent.includes('ops@example.org'), sent);
    assert.ok(!masked.output_text.includes('jane.doe@example.com'), 'masked in the answer');
    upstream.clearRequests();
    await assert.rejects(
      client.responses.create({ model: 'gpt-4o-guarded', input: 'tell me about project falcon' }),
      (err: unknown) => err instanceof OpenAI.APIError && err.status === 403,
    );
    assert.equal(upstream.requests.length, 0);
  });

  it('masks what a native backend answers, whole and streamed (deltas and the events repeating the text)', async () => {
    const input = 'please write to jane.doe@example.com today';
    const whole = await client.responses.create({ model: 'gpt-4o-outguard', input });
    assert.match(upstream.lastRequest()?.body.input, /jane\.doe@example\.com/, 'the request guard only logs');
    assert.ok(!whole.output_text.includes('jane.doe@example.com'), whole.output_text);
    assert.match(whole.output_text, /\[EMAIL/);

    const stream = client.responses.stream({ model: 'gpt-4o-outguard', input });
    let deltas = '';
    const repeated: string[] = [];
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') deltas += event.delta;
      if (event.type === 'response.output_text.done') repeated.push(event.text);
      if (event.type === 'response.output_item.done') repeated.push(JSON.stringify(event.item));
    }
    const final = await stream.finalResponse();
    for (const text of [deltas, final.output_text, ...repeated]) {
      assert.ok(!text.includes('jane.doe@example.com'), text);
      assert.match(text, /\[EMAIL/);
    }
    assert.equal(final.output_text, deltas);
  });

  it('counts requests and settles tokens from the usage of native answers and streams', async () => {
    await client.responses.create({ model: 'gpt-4o-limited', input: 'one' });
    await client.responses.create({ model: 'gpt-4o-limited', input: 'two' });
    await assert.rejects(
      client.responses.create({ model: 'gpt-4o-limited', input: 'three' }),
      OpenAI.RateLimitError,
    );
    // 90 tokens; an answer spends 43 (3 in, 40 out). The pre-check reserves the input and one
    // output token; an answer without usage would be charged its estimate (1024 output tokens).
    // So the second call passes only if the first was settled from its usage, and the third is
    // refused only if both were.
    for (const model of ['gpt-4o-tokens', 'gpt-4o-tokens-stream']) {
      const ask = async () => {
        if (model === 'gpt-4o-tokens')
          return (await client.responses.create({ model, input: 'one two three' })).usage;
        const stream = client.responses.stream({ model, input: 'one two three' });
        for await (const _ of stream);
        return (await stream.finalResponse()).usage;
      };
      assert.equal((await ask())?.total_tokens, 43, model);
      assert.equal((await ask())?.total_tokens, 43, model);
      await assert.rejects(ask(), OpenAI.RateLimitError, model);
    }
  });

  it('counts input tokens: asks a native provider, estimates for others (and Anthropic count_tokens)', async () => {
    upstream.clearRequests();
    const words = 'a much longer input with quite a few more words in it than the other one';
    const native = await client.responses.inputTokens.count({ model: 'gpt-4o', input: words });
    assert.equal(native.object, 'response.input_tokens');
    assert.equal(native.input_tokens, 16, 'the provider counted (its count: one token per word)');
    assert.equal(upstream.lastRequest()?.operation, 'input_tokens');

    upstream.clearRequests();
    const short = await client.responses.inputTokens.count({ model: 'claude-sonnet-4-5', input: 'hi' });
    const long = await client.responses.inputTokens.count({ model: 'claude-sonnet-4-5', input: words });
    assert.equal(short.object, 'response.input_tokens');
    assert.ok(short.input_tokens > 0 && long.input_tokens > short.input_tokens);
    assert.equal(upstream.requests.length, 0, 'estimated by the sidecar');
    const anthropic = new Anthropic({ baseURL: sidecar.anthropicBaseURL, apiKey: 'app-key', maxRetries: 0 });
    const counted = await anthropic.messages.countTokens({
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'user', content: 'count these words for me' }],
    });
    assert.ok(counted.input_tokens > 0);
  });
});
