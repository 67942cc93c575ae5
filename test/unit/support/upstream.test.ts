// The test upstream must be faithful enough that the official SDKs accept it unchanged: these
// tests point `openai` and `@anthropic-ai/sdk` straight at it, and check Gemini and Bedrock with
// plain fetch (Bedrock requests SigV4-signed, its stream decoded with @smithy/eventstream-codec).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, beforeEach, describe, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { Sha256 } from '@aws-crypto/sha256-js';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { SignatureV4 } from '@smithy/signature-v4';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import OpenAI, { AzureOpenAI, toFile } from 'openai';
import { countTokens, replyText, startUpstream, type Upstream } from '../../support/upstream.ts';

let up: Upstream;
before(async () => {
  up = await startUpstream();
});
after(() => up.close());
beforeEach(() => {
  up.clearRequests();
  up.clearFaults();
});

const openai = (opts: ConstructorParameters<typeof OpenAI>[0] = {}) =>
  new OpenAI({ apiKey: 'sk-test', baseURL: `${up.url}/v1`, maxRetries: 0, ...opts });
const anthropic = (opts: ConstructorParameters<typeof Anthropic>[0] = {}) =>
  new Anthropic({ apiKey: 'sk-ant-test', baseURL: up.url, maxRetries: 0, ...opts });

/** Response bodies in these tests are untyped JSON. */
const jsonOf = (res: Response): Promise<any> => res.json();

const hello = [{ role: 'user' as const, content: 'Hello there, world' }];
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['city'],
    },
  },
};

describe('token rule and reply', () => {
  test('tokens are whitespace-separated words; the reply cycles the prompt words', () => {
    assert.equal(countTokens('  Hello there,\n world '), 3);
    assert.equal(countTokens(''), 0);
    assert.equal(replyText('a b c', 5), 'a b c a b');
  });
});

describe('OpenAI', () => {
  test('chat JSON and SSE streaming agree on content and usage', async () => {
    const client = openai();
    const json = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: hello });
    assert.equal(json.object, 'chat.completion');
    assert.equal(json.model, 'gpt-4o-mini');
    assert.equal(json.choices[0].message.content, replyText('Hello there, world', 16));
    assert.equal(json.choices[0].finish_reason, 'stop');
    assert.deepEqual(
      [json.usage?.prompt_tokens, json.usage?.completion_tokens, json.usage?.total_tokens],
      [3, 16, 19],
    );

    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: hello,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    let contentChunks = 0;
    const finishes: string[] = [];
    for await (const chunk of stream) {
      assert.equal(chunk.object, 'chat.completion.chunk');
      if (chunk.choices.length === 0) usage = chunk.usage;
      const choice = chunk.choices[0];
      if (choice?.delta.content) {
        text += choice.delta.content;
        contentChunks++;
      }
      if (choice?.finish_reason) finishes.push(choice.finish_reason);
    }
    assert.equal(text, json.choices[0].message.content);
    assert.equal(contentChunks, 16);
    assert.deepEqual(finishes, ['stop']);
    assert.deepEqual(usage, json.usage);
  });

  test('the SDK stream helper assembles the same completion; max_tokens truncates with finish length', async () => {
    const client = openai();
    const stream = client.chat.completions.stream({
      model: 'gpt-4o',
      messages: hello,
      max_tokens: 5,
      stream_options: { include_usage: true },
    });
    const final = await stream.finalChatCompletion();
    assert.equal(final.choices[0].message.content, 'Hello there, world Hello there,');
    assert.equal(final.choices[0].finish_reason, 'length');
    assert.equal(final.usage?.completion_tokens, 5);
  });

  test('records what it received: credentials and body', async () => {
    await openai().chat.completions.create(
      { model: 'gpt-4o', messages: hello },
      { headers: { 'x-tenant': 'a' } },
    );
    const r = up.lastRequest();
    assert.ok(r);
    assert.equal(r.provider, 'openai');
    assert.equal(r.operation, 'chat');
    assert.equal(r.headers.authorization, 'Bearer sk-test');
    assert.equal(r.headers['x-tenant'], 'a');
    assert.deepEqual(r.body.messages, hello);
  });

  test('tool calls, JSON and streamed, when the prompt names a tool', async () => {
    const client = openai();
    const messages = [{ role: 'user' as const, content: 'Use get_weather for Paris' }];
    const json = await client.chat.completions.create({ model: 'gpt-4o', messages, tools: [weatherTool] });
    const call = json.choices[0].message.tool_calls?.[0];
    assert.equal(json.choices[0].finish_reason, 'tool_calls');
    assert.equal(json.choices[0].message.content, null);
    assert.ok(call && call.type === 'function');
    assert.equal(call.function.name, 'get_weather');
    assert.deepEqual(JSON.parse(call.function.arguments), {
      city: 'Use get_weather for Paris',
      unit: 'celsius',
    });
    assert.equal(json.usage?.completion_tokens, 1 + countTokens(call.function.arguments));

    const final = await client.chat.completions
      .stream({ model: 'gpt-4o', messages, tools: [weatherTool], stream_options: { include_usage: true } })
      .finalChatCompletion();
    const streamed = final.choices[0].message.tool_calls?.[0];
    assert.ok(streamed && streamed.type === 'function');
    assert.equal(streamed.function.arguments, call.function.arguments);
    assert.equal(final.choices[0].finish_reason, 'tool_calls');
    assert.deepEqual(final.usage, json.usage);

    // The tool result comes back: the model answers in text, echoing it.
    const answer = await client.chat.completions.create({
      model: 'gpt-4o',
      tools: [weatherTool],
      messages: [
        ...messages,
        json.choices[0].message,
        { role: 'tool', tool_call_id: call.id, content: 'sunny 21C' },
      ],
    });
    assert.equal(answer.choices[0].finish_reason, 'stop');
    assert.ok(answer.choices[0].message.content?.startsWith('sunny 21C sunny'));
  });

  test('n choices and response_format json_object', async () => {
    const r = await openai().chat.completions.create({
      model: 'gpt-4o',
      messages: hello,
      n: 2,
      response_format: { type: 'json_object' },
    });
    assert.equal(r.choices.length, 2);
    assert.deepEqual(
      r.choices.map((c) => c.index),
      [0, 1],
    );
    const parsed = JSON.parse(r.choices[0].message.content ?? '');
    assert.equal(typeof parsed.reply, 'string');
    assert.notEqual(r.choices[0].message.content, r.choices[1].message.content);
  });

  test('embeddings: base64 by default (decoded by the SDK), floats, dimensions', async () => {
    const client = openai();
    const b64 = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['one two', 'three'],
    });
    assert.equal(b64.data.length, 2);
    assert.equal(b64.data[0].embedding.length, 1536);
    assert.deepEqual(b64.usage, { prompt_tokens: 3, total_tokens: 3 });
    assert.equal(up.lastRequest()?.body.encoding_format, 'base64');
    const floats = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'one two',
      encoding_format: 'float',
    });
    assert.deepEqual(Array.from(floats.data[0].embedding), Array.from(b64.data[0].embedding));
    const norm = Math.hypot(...floats.data[0].embedding);
    assert.ok(Math.abs(norm - 1) < 1e-3);
    const small = await client.embeddings.create({
      model: 'text-embedding-3-large',
      input: 'x',
      dimensions: 256,
    });
    assert.equal(small.data[0].embedding.length, 256);
  });

  test('legacy completions, models, images, speech and transcription', async () => {
    const client = openai();
    const c = await client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'say this',
      max_tokens: 3,
    });
    assert.equal(c.choices[0].text, 'say this say');
    assert.equal(c.choices[0].finish_reason, 'length');
    assert.deepEqual(c.usage, { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });

    const models = await client.models.list();
    assert.ok(models.data.some((m) => m.id === 'gpt-4o'));

    const img = await client.images.generate({ model: 'gpt-image-1', prompt: 'a red cat', n: 2 });
    assert.equal(img.data?.length, 2);
    assert.equal(
      Buffer.from(img.data?.[0].b64_json ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
      'PNG',
    );
    const dalle = await client.images.generate({ model: 'dall-e-3', prompt: 'a red cat' });
    const png = await fetch(dalle.data?.[0].url ?? '');
    assert.equal(png.headers.get('content-type'), 'image/png');

    const speech = await client.audio.speech.create({
      model: 'tts-1',
      voice: 'alloy',
      input: 'one two',
      response_format: 'wav',
    });
    const audio = Buffer.from(await speech.arrayBuffer());
    assert.equal(audio.subarray(0, 4).toString(), 'RIFF');

    const file = await toFile(Buffer.alloc(3200), 'talk.mp3', { type: 'audio/mpeg' });
    const t = await client.audio.transcriptions.create({ model: 'whisper-1', file });
    assert.match(t.text, /talk\.mp3 \(3200 bytes\)/);
    assert.equal(up.lastRequest()?.body.files.file.size, 3200);
  });

  test('errors surface as the SDK typed errors, chosen by header or model suffix', async () => {
    const client = openai();
    await assert.rejects(
      client.chat.completions.create(
        { model: 'gpt-4o', messages: hello },
        { headers: { 'x-upstream-status': '429', 'x-upstream-retry-after': '7' } },
      ),
      (e: unknown) => {
        assert.ok(e instanceof OpenAI.RateLimitError);
        assert.equal(e.status, 429);
        assert.equal(e.code, 'rate_limit_exceeded');
        assert.equal(e.headers?.get('retry-after'), '7');
        return true;
      },
    );
    await assert.rejects(
      client.chat.completions.create({ model: 'gpt-4o~error=context_length', messages: hello }),
      (e: unknown) => e instanceof OpenAI.BadRequestError && e.code === 'context_length_exceeded',
    );
    assert.equal(up.lastRequest()?.model, 'gpt-4o');
    await assert.rejects(
      client.chat.completions.create(
        { model: 'gpt-4o', messages: hello },
        { headers: { 'x-upstream-context-window': '2' } },
      ),
      (e: unknown) => e instanceof OpenAI.BadRequestError && /resulted in 3 tokens/.test(e.message),
    );
    const keyless = await fetch(`${up.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'gpt-4o', messages: hello }),
    });
    assert.equal(keyless.status, 401);
    assert.equal((await jsonOf(keyless)).error.type, 'invalid_request_error');
    await assert.rejects(
      client.chat.completions.create({ model: 'gpt-4o~status=503', messages: hello }),
      (e: unknown) =>
        e instanceof OpenAI.InternalServerError && e.status === 503 && e.type === 'server_error',
    );
  });

  test('fail-times then success: the SDK retries through it', async () => {
    const client = openai({ maxRetries: 3 });
    const headers = {
      'x-upstream-fail-times': '2',
      'x-upstream-fault-key': 'retry-1',
      'x-upstream-retry-after-ms': '1',
    };
    const r = await client.chat.completions.create({ model: 'gpt-4o', messages: hello }, { headers });
    assert.equal(r.choices[0].finish_reason, 'stop');
    assert.equal(up.requests.length, 3);
    // The key's budget is spent: the next request succeeds at once.
    await client.chat.completions.create({ model: 'gpt-4o', messages: hello }, { headers });
    assert.equal(up.requests.length, 4);
  });

  test('a mid-stream reset cuts the stream after N content chunks', async () => {
    const stream = await openai().chat.completions.create(
      { model: 'gpt-4o', messages: hello, stream: true },
      { headers: { 'x-upstream-reset-after-chunks': '3' } },
    );
    const pieces: string[] = [];
    await assert.rejects(async () => {
      for await (const chunk of stream)
        if (chunk.choices[0]?.delta.content) pieces.push(chunk.choices[0].delta.content);
    });
    assert.deepEqual(pieces, ['Hello', ' there,', ' world']);
  });

  test('in-stream error event and malformed bodies', async () => {
    const client = openai();
    const stream = await client.chat.completions.create(
      { model: 'gpt-4o', messages: hello, stream: true },
      { headers: { 'x-upstream-error-after-chunks': '2', 'x-upstream-status': '500' } },
    );
    await assert.rejects(async () => {
      for await (const _ of stream);
    }, OpenAI.APIError);
    await assert.rejects(
      client.chat.completions.create({ model: 'gpt-4o~malformed', messages: hello }),
      SyntaxError,
    );
    const broken = await client.chat.completions.create({
      model: 'gpt-4o~malformed',
      messages: hello,
      stream: true,
    });
    await assert.rejects(async () => {
      for await (const _ of broken);
    }, SyntaxError);
  });

  test('pacing: delay before the response and between chunks, chunk count', async () => {
    const start = performance.now();
    const stream = await openai().chat.completions.create(
      { model: 'gpt-4o', messages: hello, stream: true },
      {
        headers: {
          'x-upstream-delay-ms': '100',
          'x-upstream-chunk-delay-ms': '10',
          'x-upstream-chunks': '8',
        },
      },
    );
    let n = 0;
    for await (const chunk of stream) if (chunk.choices[0]?.delta.content) n++;
    assert.equal(n, 8);
    assert.ok(performance.now() - start >= 170, 'delay + 8 x chunk delay');
  });

  test('programmatic and control-endpoint fault rules', async () => {
    const client = openai();
    const remove = up.setFault({ model: 'gpt-4o', provider: 'openai' }, { status: 500, failTimes: 1 });
    await assert.rejects(
      client.chat.completions.create({ model: 'gpt-4o', messages: hello }),
      OpenAI.InternalServerError,
    );
    await client.chat.completions.create({ model: 'gpt-4o', messages: hello });
    remove();

    const res = await fetch(`${up.url}/_upstream/faults`, {
      method: 'POST',
      body: JSON.stringify({ match: { modelRegex: '^gpt-' }, fault: { status: 429, retryAfter: '3' } }),
    });
    assert.equal(res.status, 201);
    await assert.rejects(
      client.chat.completions.create({ model: 'gpt-4o', messages: hello }),
      OpenAI.RateLimitError,
    );
    await client.embeddings.create({ model: 'text-embedding-3-small', input: 'unaffected' });
    const recorded = await jsonOf(await fetch(`${up.url}/_upstream/requests`));
    assert.equal(recorded.at(-1).operation, 'embeddings');
    await fetch(`${up.url}/_upstream/faults`, { method: 'DELETE' });
    await client.chat.completions.create({ model: 'gpt-4o', messages: hello });
  });
});

describe('Azure OpenAI', () => {
  test('deployment routes with api-key and api-version; the model names the deployment', async () => {
    const client = new AzureOpenAI({
      endpoint: up.url,
      apiKey: 'azure-key',
      apiVersion: '2024-10-21',
      deployment: 'my-gpt4o',
      maxRetries: 0,
    });
    const r = await client.chat.completions.create({ model: 'ignored', messages: hello });
    assert.equal(r.model, 'my-gpt4o');
    const req = up.lastRequest();
    assert.equal(req?.provider, 'azure-openai');
    assert.equal(req?.path, '/openai/deployments/my-gpt4o/chat/completions');
    assert.equal(req?.query['api-version'], '2024-10-21');
    assert.equal(req?.headers['api-key'], 'azure-key');
    const e = await client.embeddings.create({ model: 'ignored', input: 'hi' });
    assert.equal(e.data[0].embedding.length, 1536);

    let text = '';
    const stream = await client.chat.completions.create({ model: 'x', messages: hello, stream: true });
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    assert.equal(text, r.choices[0].message.content);

    const denied = await fetch(`${up.url}/openai/deployments/d/chat/completions?api-version=1`, {
      method: 'POST',
      body: JSON.stringify({ messages: hello }),
    });
    assert.equal(denied.status, 401);
    assert.equal((await jsonOf(denied)).error.code, '401');
  });
});

describe('OpenAI Responses API', () => {
  const weather = {
    type: 'function' as const,
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    strict: false,
  };

  test('create: a Response with output items and usage (words in, words out)', async () => {
    const r = await openai().responses.create({
      model: 'gpt-4o',
      instructions: 'be brief',
      input: 'hello there world',
    });
    assert.match(r.id, /^resp_/);
    assert.equal(r.object, 'response');
    assert.equal(r.status, 'completed');
    assert.equal(r.output_text, replyText('hello there world', 16));
    assert.deepEqual([r.usage?.input_tokens, r.usage?.output_tokens, r.usage?.total_tokens], [5, 16, 21]);
    assert.equal(up.lastRequest()?.operation, 'responses');
  });

  test('stream: the typed event sequence the SDK helper accepts, with sequence numbers', async () => {
    const stream = openai().responses.stream({
      model: 'gpt-4o',
      input: 'stream these words',
      tools: [weather],
    });
    const types: string[] = [];
    const seq: number[] = [];
    for await (const e of stream) {
      types.push(e.type);
      seq.push(e.sequence_number);
    }
    const final = await stream.finalResponse();
    assert.deepEqual(types.slice(0, 4), [
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
    ]);
    assert.equal(types.at(-1), 'response.completed');
    assert.deepEqual(
      seq,
      seq.map((_, i) => i),
    );
    assert.equal(final.output_text, replyText('stream these words', 16));
    assert.equal(final.usage?.output_tokens, 16);
  });

  test('previous_response_id: state at the upstream; a function output must answer a call made there', async () => {
    const client = openai();
    const first = await client.responses.create({
      model: 'gpt-4o',
      tools: [weather],
      input: 'use get_weather for Oslo',
    });
    const call = first.output.find((o) => o.type === 'function_call');
    assert.ok(call?.type === 'function_call');
    const second = await client.responses.create({
      model: 'gpt-4o',
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: 'cold' }],
    });
    assert.match(second.output_text, /cold/);
    assert.ok((second.usage?.input_tokens ?? 0) > 1, 'the earlier turn counts as input');
    await assert.rejects(
      client.responses.create({
        model: 'gpt-4o',
        input: [{ type: 'function_call_output', call_id: call.call_id, output: 'cold' }],
      }),
      /No tool call found for function call output/,
    );
    await assert.rejects(
      client.responses.create({ model: 'gpt-4o', previous_response_id: 'resp_nope', input: 'hi' }),
      (err: unknown) => err instanceof OpenAI.NotFoundError && err.code === 'previous_response_not_found',
    );
  });

  test('retrieve, input items, delete, input token counts', async () => {
    const client = openai();
    const r = await client.responses.create({ model: 'gpt-4o', input: 'keep me around' });
    assert.equal((await client.responses.retrieve(r.id)).output_text, r.output_text);
    const items = await client.responses.inputItems.list(r.id);
    assert.equal(items.data.length, 1);
    await client.responses.delete(r.id);
    await assert.rejects(client.responses.retrieve(r.id), OpenAI.NotFoundError);
    const counted = await client.responses.inputTokens.count({ model: 'gpt-4o', input: 'one two three' });
    assert.deepEqual(counted, { object: 'response.input_tokens', input_tokens: 3 });
  });

  test('web_search runs when asked to search: a web_search_call, then the cited answer', async () => {
    const r = await openai().responses.create({
      model: 'gpt-4o',
      input: 'search for lisbon',
      tools: [{ type: 'web_search' }],
    });
    assert.deepEqual(
      r.output.map((o) => o.type),
      ['web_search_call', 'message'],
    );
    const message = r.output[1];
    assert.ok(message?.type === 'message' && message.content[0]?.type === 'output_text');
    assert.equal(message.content[0].annotations[0]?.type, 'url_citation');
  });

  test('errors mid-stream arrive as a typed error event', async () => {
    up.setFault({ operation: 'responses' }, { errorAfterChunks: 2, error: 'server' });
    const stream = openai().responses.stream({ model: 'gpt-4o', input: 'a b c d e f' });
    await assert.rejects(
      (async () => {
        for await (const _ of stream);
      })(),
      /server had an error/,
    );
  });

  test('Azure: the v1 route (api-key, no api-version) and the dated route the SDK client uses', async () => {
    const v1 = new OpenAI({
      baseURL: `${up.url}/openai/v1`,
      apiKey: 'unused',
      defaultHeaders: { 'api-key': 'azure-key' },
      maxRetries: 0,
    });
    const r = await v1.responses.create({ model: 'my-deployment', input: 'hello azure' });
    assert.equal(r.model, 'my-deployment');
    assert.equal(up.lastRequest()?.provider, 'azure-openai');
    assert.equal(up.lastRequest()?.path, '/openai/v1/responses');
    assert.equal((await v1.responses.retrieve(r.id)).id, r.id);
    const dated = new AzureOpenAI({
      endpoint: up.url,
      apiKey: 'azure-key',
      apiVersion: '2025-03-01-preview',
      maxRetries: 0,
    });
    const d = await dated.responses.create({ model: 'my-deployment', input: 'hello again' });
    assert.equal(d.status, 'completed');
    assert.equal(up.lastRequest()?.path, '/openai/responses');
    assert.equal(up.lastRequest()?.query['api-version'], '2025-03-01-preview');
  });
});

describe('Anthropic', () => {
  const messages = [{ role: 'user' as const, content: 'Hello there, world' }];

  test('messages JSON and streaming agree; the system prompt counts as input', async () => {
    const client = anthropic();
    const json = await client.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      system: 'Be brief.',
      messages,
    });
    assert.equal(json.type, 'message');
    assert.equal(json.stop_reason, 'end_turn');
    assert.deepEqual(json.content, [{ type: 'text', text: replyText('Hello there, world', 16) }]);
    assert.equal(json.usage.input_tokens, 5);
    assert.equal(json.usage.output_tokens, 16);
    const req = up.lastRequest();
    assert.equal(req?.headers.authorization ?? req?.headers['x-api-key'], 'Bearer sk-ant-test');
    assert.ok(req?.headers['anthropic-version']);

    const stream = client.messages.stream({
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      system: 'Be brief.',
      messages,
    });
    let text = '';
    stream.on('text', (t) => {
      text += t;
    });
    const final = await stream.finalMessage();
    assert.equal(text, (json.content[0] as Anthropic.TextBlock).text);
    assert.deepEqual(final.content, json.content);
    assert.equal(final.stop_reason, 'end_turn');
    assert.equal(final.usage.input_tokens, json.usage.input_tokens);
    assert.equal(final.usage.output_tokens, json.usage.output_tokens);
  });

  test('the raw event sequence', async () => {
    const stream = await anthropic().messages.create({
      model: 'claude-x',
      max_tokens: 2,
      messages,
      stream: true,
    });
    const types: string[] = [];
    for await (const ev of stream) types.push(ev.type);
    assert.deepEqual(types, [
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  test('tool_use blocks, JSON and streamed (input_json_delta)', async () => {
    const client = anthropic();
    const params = {
      model: 'claude-sonnet-4-5',
      max_tokens: 200,
      messages: [{ role: 'user' as const, content: 'What is the weather? call get_weather' }],
      tools: [
        { name: 'get_weather', input_schema: weatherTool.function.parameters as Anthropic.Tool.InputSchema },
      ],
    };
    const json = await client.messages.create(params);
    assert.equal(json.stop_reason, 'tool_use');
    const block = json.content[0];
    assert.equal(block.type, 'tool_use');
    assert.equal(block.name, 'get_weather');
    assert.deepEqual(block.input, { city: 'What is the weather? call get_weather', unit: 'celsius' });
    const final = await client.messages.stream(params).finalMessage();
    const withoutId = (blocks: Anthropic.ContentBlock[]) => blocks.map((b) => ({ ...b, id: undefined }));
    assert.deepEqual(withoutId(final.content), withoutId(json.content));
    assert.equal(final.stop_reason, 'tool_use');
    assert.equal(final.usage.output_tokens, json.usage.output_tokens);
  });

  test('errors: typed, with Anthropic error bodies; header checks', async () => {
    const client = anthropic();
    await assert.rejects(
      client.messages.create({ model: 'claude-x~status=429~retry-after=1', max_tokens: 10, messages }),
      (e: unknown) => {
        assert.ok(e instanceof Anthropic.RateLimitError);
        assert.deepEqual((e.error as any).error.type, 'rate_limit_error');
        return true;
      },
    );
    await assert.rejects(
      client.messages.create({ model: 'claude-x~error=overloaded', max_tokens: 10, messages }),
      (e: unknown) => e instanceof Anthropic.APIError && e.status === 529,
    );
    await assert.rejects(
      client.messages.create({ model: 'claude-x~context-window=1', max_tokens: 10, messages }),
      (e: unknown) =>
        e instanceof Anthropic.BadRequestError && /prompt is too long: 3 tokens > 1/.test(e.message),
    );
    const res = await fetch(`${up.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'k' },
      body: JSON.stringify({ model: 'claude-x', max_tokens: 5, messages }),
    });
    assert.equal(res.status, 400);
    assert.deepEqual((await jsonOf(res)).error, {
      type: 'invalid_request_error',
      message: 'anthropic-version: header is required',
    });
  });

  test('an in-stream overloaded error and retries through fail-times', async () => {
    const client = anthropic();
    const stream = client.messages.stream(
      { model: 'claude-x', max_tokens: 10, messages },
      { headers: { 'x-upstream-error-after-chunks': '1' } },
    );
    await assert.rejects(stream.finalMessage(), (e: unknown) => e instanceof Anthropic.APIError);

    const retrying = anthropic({ maxRetries: 2 });
    const r = await retrying.messages.create({
      model: 'claude-x~fail-times=2~fault-key=anth-retry~status=529~retry-after-ms=1',
      max_tokens: 100,
      messages,
    });
    assert.equal(r.stop_reason, 'end_turn');
    assert.equal(up.requests.length, 4);
  });
});

describe('Gemini', () => {
  const body = {
    systemInstruction: { parts: [{ text: 'Be brief.' }] },
    contents: [{ role: 'user', parts: [{ text: 'Hello there, world' }] }],
  };
  const post = (path: string, b: unknown, headers: Record<string, string> = { 'x-goog-api-key': 'g-key' }) =>
    fetch(`${up.url}/v1beta/models/${path}`, { method: 'POST', headers, body: JSON.stringify(b) });

  test('generateContent and streamGenerateContent (SSE) agree; key by header or query', async () => {
    const json = await jsonOf(await post('gemini-2.0-flash:generateContent', body));
    assert.equal(json.candidates[0].content.role, 'model');
    assert.equal(json.candidates[0].finishReason, 'STOP');
    const text = json.candidates[0].content.parts[0].text;
    assert.equal(text, replyText('Hello there, world', 16));
    assert.deepEqual(
      [
        json.usageMetadata.promptTokenCount,
        json.usageMetadata.candidatesTokenCount,
        json.usageMetadata.totalTokenCount,
      ],
      [5, 16, 21],
    );

    const res = await post('gemini-2.0-flash:streamGenerateContent?alt=sse&key=g-key', body, {});
    assert.equal(res.headers.get('content-type'), 'text/event-stream');
    const events = (await res.text())
      .split('\r\n\r\n')
      .filter(Boolean)
      .map((e) => JSON.parse(e.replace(/^data: /, '')));
    const streamed = events.map((e) => e.candidates[0].content.parts[0].text).join('');
    assert.equal(streamed, text);
    assert.deepEqual(events.at(-1).usageMetadata, json.usageMetadata);
    assert.equal(events.at(-1).candidates[0].finishReason, 'STOP');
    assert.equal(up.lastRequest()?.model, 'gemini-2.0-flash');
  });

  test('function calls and Google-shaped errors', async () => {
    const withTools = {
      contents: [{ role: 'user', parts: [{ text: 'please lookup the time' }] }],
      tools: [
        {
          functionDeclarations: [
            { name: 'lookup', parameters: { type: 'OBJECT', properties: { q: { type: 'STRING' } } } },
          ],
        },
      ],
    };
    const json = await jsonOf(await post('gemini-2.0-flash:generateContent', withTools));
    assert.deepEqual(json.candidates[0].content.parts, [
      { functionCall: { name: 'lookup', args: { q: 'please lookup the time' } } },
    ]);

    const missing = await post('gemini-2.0-flash:generateContent', body, {});
    assert.equal(missing.status, 403);
    assert.equal((await jsonOf(missing)).error.status, 'PERMISSION_DENIED');
    const limited = await post('gemini-2.0-flash~status=429:generateContent', body);
    assert.equal(limited.status, 429);
    assert.deepEqual((await jsonOf(limited)).error.status, 'RESOURCE_EXHAUSTED');
  });
});

describe('Bedrock', () => {
  const creds = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' };
  let bedrock: Upstream;
  before(async () => {
    bedrock = await startUpstream({ aws: creds });
  });
  after(() => bedrock.close());

  const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
  const body = {
    system: [{ text: 'Be brief.' }],
    messages: [{ role: 'user', content: [{ text: 'Hello there, world' }] }],
    inferenceConfig: { maxTokens: 100 },
  };

  async function call(
    action: string,
    b: unknown,
    secretAccessKey = creds.secretAccessKey,
  ): Promise<Response> {
    const url = new URL(`${bedrock.url}/model/${encodeURIComponent(modelId)}/${action}`);
    const signer = new SignatureV4({
      credentials: { ...creds, secretAccessKey },
      region: 'us-east-1',
      service: 'bedrock',
      sha256: Sha256,
    });
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: {},
      headers: { host: url.host, 'content-type': 'application/json' },
      body: JSON.stringify(b),
    });
    const { host: _, ...headers } = signed.headers;
    return fetch(url, { method: 'POST', headers, body: JSON.stringify(b) });
  }

  function decode(bytes: Uint8Array) {
    const codec = new EventStreamCodec(toUtf8, fromUtf8);
    const out: { type: string; messageType: string; body: any }[] = [];
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at < bytes.length; ) {
      const len = view.getUint32(at);
      const msg = codec.decode(bytes.subarray(at, at + len));
      const type = msg.headers[':event-type'] ?? msg.headers[':exception-type'];
      out.push({
        type: String(type?.value),
        messageType: String(msg.headers[':message-type']?.value),
        body: JSON.parse(toUtf8(msg.body)),
      });
      at += len;
    }
    return out;
  }

  test('converse JSON and converse-stream agree on text and usage', async () => {
    const res = await call('converse', body);
    assert.equal(res.status, 200);
    const json = await jsonOf(res);
    const text = json.output.message.content[0].text;
    assert.equal(text, replyText('Hello there, world', 16));
    assert.equal(json.stopReason, 'end_turn');
    assert.deepEqual(json.usage, { inputTokens: 5, outputTokens: 16, totalTokens: 21 });
    assert.equal(bedrock.lastRequest()?.model, modelId);

    const stream = await call('converse-stream', body);
    assert.equal(stream.headers.get('content-type'), 'application/vnd.amazon.eventstream');
    const events = decode(new Uint8Array(await stream.arrayBuffer()));
    assert.deepEqual(
      [...new Set(events.map((e) => e.type))],
      ['messageStart', 'contentBlockDelta', 'contentBlockStop', 'messageStop', 'metadata'],
    );
    const streamed = events
      .filter((e) => e.type === 'contentBlockDelta')
      .map((e) => e.body.delta.text)
      .join('');
    assert.equal(streamed, text);
    assert.equal(events.find((e) => e.type === 'messageStop')?.body.stopReason, 'end_turn');
    assert.deepEqual(events.at(-1)?.body.usage, json.usage);
  });

  test('tool use streamed as contentBlockStart + toolUse input deltas', async () => {
    const withTools = {
      messages: [{ role: 'user', content: [{ text: 'call get_weather now' }] }],
      toolConfig: {
        tools: [
          { toolSpec: { name: 'get_weather', inputSchema: { json: weatherTool.function.parameters } } },
        ],
      },
    };
    const json = await jsonOf(await call('converse', withTools));
    assert.equal(json.stopReason, 'tool_use');
    const events = decode(new Uint8Array(await (await call('converse-stream', withTools)).arrayBuffer()));
    const start = events.find((e) => e.type === 'contentBlockStart');
    assert.equal(start?.body.start.toolUse.name, 'get_weather');
    const input = events
      .filter((e) => e.type === 'contentBlockDelta')
      .map((e) => e.body.delta.toolUse.input)
      .join('');
    assert.deepEqual(JSON.parse(input), json.output.message.content[0].toolUse.input);
  });

  test('SigV4 is required and verified; errors are AWS-shaped', async () => {
    const bad = await call('converse', body, 'wrong-secret');
    assert.equal(bad.status, 403);
    assert.match(bad.headers.get('x-amzn-errortype') ?? '', /^InvalidSignatureException/);
    const unsigned = await fetch(`${bedrock.url}/model/m/converse`, { method: 'POST', body: '{}' });
    assert.equal(unsigned.status, 403);
    assert.match(unsigned.headers.get('x-amzn-errortype') ?? '', /^MissingAuthenticationTokenException/);

    bedrock.setFault({ provider: 'bedrock' }, { errorAfterChunks: 2, error: 'rate_limit' });
    const events = decode(new Uint8Array(await (await call('converse-stream', body)).arrayBuffer()));
    assert.deepEqual(events.at(-1), {
      type: 'throttlingException',
      messageType: 'exception',
      body: { message: 'Too many requests, please wait before trying again.' },
    });
    assert.equal(events.filter((e) => e.type === 'contentBlockDelta').length, 2);
    bedrock.clearFaults();
  });
});

describe('options and CLI', () => {
  test('apiKeys and models restrict what is accepted', async () => {
    const strict = await startUpstream({ apiKeys: ['good'], models: ['gpt-4o'] });
    try {
      const client = (apiKey: string) => new OpenAI({ apiKey, baseURL: `${strict.url}/v1`, maxRetries: 0 });
      await assert.rejects(
        client('bad').chat.completions.create({ model: 'gpt-4o', messages: hello }),
        (e: unknown) => e instanceof OpenAI.AuthenticationError && e.code === 'invalid_api_key',
      );
      await assert.rejects(
        client('good').chat.completions.create({ model: 'gpt-5', messages: hello }),
        (e: unknown) => e instanceof OpenAI.NotFoundError && e.code === 'model_not_found',
      );
      await client('good').chat.completions.create({ model: 'gpt-4o', messages: hello });
    } finally {
      await strict.close();
    }
  });

  test('runnable by hand: prints its URL and serves', async () => {
    const script = new URL('../../support/upstream.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, [script, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [line] = await once(child.stdout, 'data');
      const url = String(line).trim();
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual(await jsonOf(await fetch(`${url}/_upstream/healthz`)), { ok: true });
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
