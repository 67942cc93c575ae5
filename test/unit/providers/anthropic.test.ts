import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdapterCall } from '../../../sidecar/providers/adapter.ts';
import { adapter } from '../../../sidecar/providers/anthropic/index.ts';
import {
  anthropicEventToSSE,
  anthropicMessageId,
  anthropicRequestToOpenAI,
  anthropicResponseToOpenAI,
  anthropicStreamToOpenAI,
  anthropicToolId,
  openAIRequestToAnthropic,
  openAIResponseToAnthropic,
  openAIStreamToAnthropic,
  stopReasonToFinishReason,
} from '../../../sidecar/providers/anthropic/translate.ts';
import type { ProviderConfig } from '../../../sidecar/snapshot/schema.ts';
import { summarize } from './contract.ts';

type Json = Record<string, any>;

const weatherTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: {} } },
};

// ---------- OpenAI -> Anthropic request ----------

test('request: system and developer messages become `system`; max_tokens defaults to 4096', () => {
  const out = openAIRequestToAnthropic({
    model: 'claude-sonnet-4-5',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
      { role: 'user', content: 'Hi' },
    ],
  });
  assert.equal(out.system, 'You are terse.\n\nAnswer in French.');
  assert.equal(out.max_tokens, 4096);
  assert.deepEqual(out.messages, [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
  assert.equal(out.model, 'claude-sonnet-4-5');
  assert.equal(out.stream, undefined);
});

test('request: max_completion_tokens wins, then max_tokens; the default is configurable', () => {
  const messages = [{ role: 'user', content: 'x' }];
  assert.equal(
    openAIRequestToAnthropic({ messages, max_tokens: 10, max_completion_tokens: 20 }).max_tokens,
    20,
  );
  assert.equal(openAIRequestToAnthropic({ messages, max_tokens: 10 }).max_tokens, 10);
  assert.equal(openAIRequestToAnthropic({ messages }, { defaultMaxTokens: 1000 }).max_tokens, 1000);
});

test('request: sampling, stop, user and stream options', () => {
  const out = openAIRequestToAnthropic({
    messages: [{ role: 'user', content: 'x' }],
    temperature: 1.7,
    top_p: 0.9,
    stop: 'END',
    user: 'alice',
    stream: true,
  });
  assert.equal(out.temperature, 1, 'OpenAI allows up to 2, Anthropic up to 1');
  assert.equal(out.top_p, 0.9);
  assert.deepEqual(out.stop_sequences, ['END']);
  assert.deepEqual(out.metadata, { user_id: 'alice' });
  assert.equal(out.stream, true);
});

test('request: multi-turn with parallel tool calls and tool results merged into one user turn', () => {
  const out = openAIRequestToAnthropic({
    messages: [
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
      { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: 'rainy' }] },
      { role: 'user', content: 'Thanks, and tomorrow?' },
      { role: 'assistant', content: '' }, // empty turns are dropped: Anthropic rejects empty content
    ],
    tools: [weatherTool],
  });
  assert.deepEqual(out.messages, [
    { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
    {
      role: 'assistant',
      content: [
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
        { type: 'tool_use', id: 'call_2', name: 'get_weather', input: { city: 'Rome' } },
      ],
    },
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'call_1', content: 'sunny' },
        { type: 'tool_result', tool_use_id: 'call_2', content: [{ type: 'text', text: 'rainy' }] },
        { type: 'text', text: 'Thanks, and tomorrow?' },
      ],
    },
  ]);
  assert.deepEqual(out.tools, [
    { name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: {} } },
  ]);
});

test('request: tool_choice and parallel_tool_calls', () => {
  const base = { messages: [{ role: 'user', content: 'x' }], tools: [weatherTool] };
  const choice = (extra: Json) => openAIRequestToAnthropic({ ...base, ...extra }).tool_choice;
  assert.deepEqual(choice({ tool_choice: 'auto' }), { type: 'auto' });
  assert.deepEqual(choice({ tool_choice: 'none' }), { type: 'none' });
  assert.deepEqual(choice({ tool_choice: 'required' }), { type: 'any' });
  assert.deepEqual(choice({ tool_choice: { type: 'function', function: { name: 'get_weather' } } }), {
    type: 'tool',
    name: 'get_weather',
  });
  assert.deepEqual(choice({ parallel_tool_calls: false }), { type: 'auto', disable_parallel_tool_use: true });
  assert.equal(choice({}), undefined);
  // Without tools there is no tool_choice at all.
  assert.equal(
    openAIRequestToAnthropic({ ...base, tools: [], tool_choice: 'required' }).tool_choice,
    undefined,
  );
});

test('request: images as base64 or URL sources, invalid tool arguments become {}', () => {
  const out = openAIRequestToAnthropic({
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0=' } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
        ],
      },
      {
        role: 'assistant',
        tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{oops' } }],
      },
    ],
  });
  assert.deepEqual(out.messages[0].content.slice(1), [
    { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0=' } },
    { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
  ]);
  assert.deepEqual(out.messages[1].content, [{ type: 'tool_use', id: 'c', name: 'f', input: {} }]);
});

// ---------- Anthropic -> OpenAI response ----------

test('response: text and tool_use blocks, usage with cache reads counted as input', () => {
  const out = anthropicResponseToOpenAI({
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5',
    content: [
      { type: 'thinking', thinking: 'hmm', signature: 's' },
      { type: 'text', text: 'Let me check.' },
      { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
    ],
    stop_reason: 'tool_use',
    usage: {
      input_tokens: 10,
      cache_read_input_tokens: 90,
      cache_creation_input_tokens: 5,
      output_tokens: 7,
    },
  });
  assert.equal(out.id, 'msg_1');
  assert.equal(out.object, 'chat.completion');
  assert.equal(out.model, 'claude-sonnet-4-5');
  assert.deepEqual(out.choices[0].message, {
    role: 'assistant',
    content: 'Let me check.',
    refusal: null,
    tool_calls: [
      { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
    ],
  });
  assert.equal(out.choices[0].finish_reason, 'tool_calls');
  assert.deepEqual(out.usage, {
    prompt_tokens: 105,
    completion_tokens: 7,
    total_tokens: 112,
    prompt_tokens_details: { cached_tokens: 90 },
  });
});

test('response: stop reasons map to finish reasons', () => {
  const table: [string | null, string | null][] = [
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['pause_turn', 'stop'],
    ['some_future_reason', 'stop'],
    [null, null],
  ];
  for (const [stop, finish] of table) assert.equal(stopReasonToFinishReason(stop), finish, String(stop));
  const onlyTool = anthropicResponseToOpenAI({
    content: [{ type: 'tool_use', id: 't', name: 'f', input: {} }],
    stop_reason: 'tool_use',
  });
  assert.equal(onlyTool.choices[0].message.content, null);
});

// ---------- Anthropic stream -> OpenAI chunks ----------

const STREAM_EVENTS: Json[] = [
  {
    type: 'message_start',
    message: {
      id: 'msg_9',
      model: 'claude-haiku-4-5',
      usage: { input_tokens: 12, cache_read_input_tokens: 3, output_tokens: 1 },
    },
  },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'ping' },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ' world' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'content_block_start', index: 1, content_block: { type: 'thinking', thinking: '' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'thinking_delta', thinking: 'hidden' } },
  { type: 'content_block_stop', index: 1 },
  {
    type: 'content_block_start',
    index: 2,
    content_block: { type: 'tool_use', id: 'toolu_a', name: 'f', input: {} },
  },
  { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '' } },
  { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"a": ' } },
  { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '1}' } },
  { type: 'content_block_stop', index: 2 },
  {
    type: 'content_block_start',
    index: 3,
    content_block: { type: 'tool_use', id: 'toolu_b', name: 'g', input: {} },
  },
  { type: 'content_block_delta', index: 3, delta: { type: 'input_json_delta', partial_json: '{}' } },
  { type: 'content_block_stop', index: 3 },
  {
    type: 'message_delta',
    delta: { stop_reason: 'tool_use', stop_sequence: null },
    usage: { output_tokens: 42 },
  },
  { type: 'message_stop' },
];

test('stream: the full event sequence becomes chunks and one closing usage chunk', () => {
  const conv = anthropicStreamToOpenAI();
  const chunks = STREAM_EVENTS.flatMap((e) => conv.push(e));
  chunks.push(...conv.end());
  const s = summarize(chunks);
  assert.equal(s.content, 'Hello world');
  assert.deepEqual(s.toolCalls, [
    { name: 'f', arguments: '{"a": 1}' },
    { name: 'g', arguments: '{}' },
  ]);
  assert.equal(s.finish, 'tool_calls');
  assert.deepEqual(s.usage, {
    prompt_tokens: 15,
    completion_tokens: 42,
    total_tokens: 57,
    prompt_tokens_details: { cached_tokens: 3 },
  });
  assert.equal(s.afterUsage, 0);
  assert.ok(chunks.every((c) => c.id === 'msg_9' && c.model === 'claude-haiku-4-5'));
  const starts = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []).filter((t: Json) => t.id);
  assert.deepEqual(
    starts.map((t: Json) => [t.index, t.id, t.type]),
    [
      [0, 'toolu_a', 'function'],
      [1, 'toolu_b', 'function'],
    ],
  );
});

test('stream: an error event becomes an OpenAI-style error object and ends the stream', () => {
  const conv = anthropicStreamToOpenAI();
  conv.push(STREAM_EVENTS[0]);
  const out = conv.push({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  assert.deepEqual(out, [{ error: { message: 'Overloaded', type: 'overloaded_error' } }]);
  assert.deepEqual(conv.push(STREAM_EVENTS[3]), []);
  assert.deepEqual(conv.end(), []);
});

test('stream: a stream cut before message_stop ends with an error object, not a usage chunk', () => {
  const conv = anthropicStreamToOpenAI();
  for (const e of STREAM_EVENTS.slice(0, 5)) conv.push(e);
  const out = conv.end();
  assert.equal(out.length, 1);
  assert.match(out[0].error.message, /message_stop/);
});

test('adapter stream: SSE cut at every byte position gives the same chunks', () => {
  const wire = Buffer.from(STREAM_EVENTS.map(anthropicEventToSSE).join(''));
  const call: AdapterCall = {
    operation: 'chat',
    path: '/chat/completions',
    model: 'm',
    stream: true,
    body: {},
  };
  const run = (pieces: Buffer[]) => {
    const t = adapter.stream(call);
    const out = pieces.flatMap((p) => t.push(p));
    return summarize([...out, ...t.end()]);
  };
  const whole = run([wire]);
  assert.equal(whole.content, 'Hello world');
  for (let i = 1; i < wire.length; i += 3)
    assert.deepEqual(run([wire.subarray(0, i), wire.subarray(i)]), whole);
});

// ---------- inbound: Anthropic -> OpenAI request ----------

test('inbound request: system, tool results first, images, tools and stream usage', () => {
  const out = anthropicRequestToOpenAI({
    model: 'claude-sonnet-4-5',
    max_tokens: 300,
    system: [{ type: 'text', text: 'Be brief.' }],
    stop_sequences: ['###'],
    metadata: { user_id: 'u1' },
    stream: true,
    tools: [
      { name: 'get_weather', description: 'Weather', input_schema: { type: 'object' } },
      { type: 'web_search_20250305', name: 'web_search' }, // a server tool: no OpenAI equivalent
    ],
    tool_choice: { type: 'any', disable_parallel_tool_use: true },
    messages: [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: 'sunny' }] },
          { type: 'text', text: 'And this picture?' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
        ],
      },
    ],
  });
  assert.deepEqual(out.messages, [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Weather?' },
    {
      role: 'assistant',
      content: 'Checking.',
      tool_calls: [
        { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'toolu_1', content: 'sunny' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'And this picture?' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
      ],
    },
  ]);
  assert.equal(out.max_tokens, 300);
  assert.deepEqual(out.stop, ['###']);
  assert.equal(out.user, 'u1');
  assert.deepEqual(out.stream_options, { include_usage: true });
  assert.equal(out.tools.length, 1);
  assert.equal(out.tool_choice, 'required');
  assert.equal(out.parallel_tool_calls, false);
});

test('inbound round trip: Anthropic -> OpenAI -> Anthropic keeps the conversation', () => {
  const req = {
    model: 'm',
    max_tokens: 50,
    system: 'S',
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'q' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: { x: 1 } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'r' }] },
    ],
    tools: [{ name: 'f', input_schema: { type: 'object' } }],
    tool_choice: { type: 'tool', name: 'f' },
  };
  const back = openAIRequestToAnthropic(anthropicRequestToOpenAI(req));
  assert.deepEqual(back, { ...req, tool_choice: { type: 'tool', name: 'f' } });
});

test("inbound ids: Anthropic-shaped for the app, and the provider's own back on the next turn", () => {
  assert.equal(anthropicMessageId('chatcmpl-AbC-9'), 'msg_AbC9');
  assert.equal(anthropicMessageId('msg_keep'), 'msg_keep');
  assert.match(anthropicMessageId(undefined), /^msg_[0-9a-f]{32}$/);
  assert.equal(anthropicToolId('toolu_01'), 'toolu_01');
  const shown = anthropicToolId('call_xyz');
  assert.match(shown, /^toolu_/);
  // The app sends the shown id back in tool_use / tool_result; the provider gets its own.
  const req = anthropicRequestToOpenAI({
    model: 'm',
    max_tokens: 10,
    messages: [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: [{ type: 'tool_use', id: shown, name: 'f', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: shown, content: 'r' }] },
    ],
  });
  assert.equal(req.messages[1].tool_calls[0].id, 'call_xyz');
  assert.equal(req.messages[2].tool_call_id, 'call_xyz');
});

test('inbound stream: message_start carries the known prompt count, ids are Anthropic-shaped', () => {
  const conv = openAIStreamToAnthropic({ model: 'm', inputTokens: 42 });
  const events = [
    ...conv.push({
      id: 'chatcmpl-7',
      choices: [
        { delta: { tool_calls: [{ index: 0, id: 'call_1', function: { name: 'f', arguments: '{}' } }] } },
      ],
    }),
    ...conv.end(),
  ];
  assert.equal(events[0].message.id, 'msg_7');
  assert.equal(events[0].message.usage.input_tokens, 42);
  assert.equal(events[1].content_block.id, 'toolu_aimesh_call_1');
});

test('inbound response: OpenAI chat.completion -> Anthropic message', () => {
  const out = openAIResponseToAnthropic({
    id: 'chatcmpl-1',
    model: 'gpt-4o',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: 'Sure.',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
        },
        finish_reason: 'tool_calls',
      },
    ],
    usage: {
      prompt_tokens: 100,
      completion_tokens: 5,
      total_tokens: 105,
      prompt_tokens_details: { cached_tokens: 60 },
    },
  });
  assert.deepEqual(out, {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'gpt-4o',
    content: [
      { type: 'text', text: 'Sure.' },
      { type: 'tool_use', id: 'toolu_aimesh_call_1', name: 'f', input: { a: 1 } },
    ],
    stop_reason: 'tool_use',
    stop_sequence: null,
    usage: { input_tokens: 40, output_tokens: 5, cache_read_input_tokens: 60 },
  });
  const len = openAIResponseToAnthropic({
    choices: [{ message: { content: 'x' }, finish_reason: 'length' }],
  });
  assert.equal(len.stop_reason, 'max_tokens');
});

test('inbound stream: OpenAI chunks -> Anthropic events, and back to the same chunks', () => {
  const chunk = (delta: Json, finish: string | null = null) => ({
    id: 'chatcmpl-7',
    object: 'chat.completion.chunk',
    model: 'gpt-4o',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const openai: Json[] = [
    chunk({ role: 'assistant', content: '' }),
    chunk({ content: 'Hel' }),
    chunk({ content: 'lo' }),
    chunk({
      tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'f', arguments: '' } }],
    }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '{"a":' } }] }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }),
    chunk({
      tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'g', arguments: '{}' } }],
    }),
    chunk({}, 'tool_calls'),
    {
      id: 'chatcmpl-7',
      object: 'chat.completion.chunk',
      model: 'gpt-4o',
      choices: [],
      usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 },
    },
  ];
  const conv = openAIStreamToAnthropic();
  const events = [...openai.flatMap((c) => conv.push(c)), ...conv.end()];
  assert.deepEqual(
    events.map((e) => (e.index === undefined ? e.type : `${e.type}:${e.index}`)),
    [
      'message_start',
      'content_block_start:0',
      'content_block_delta:0',
      'content_block_delta:0',
      'content_block_stop:0',
      'content_block_start:1',
      'content_block_delta:1',
      'content_block_delta:1',
      'content_block_stop:1',
      'content_block_start:2',
      'content_block_delta:2',
      'content_block_stop:2',
      'message_delta',
      'message_stop',
    ],
  );
  assert.deepEqual(events.at(-2), {
    type: 'message_delta',
    delta: { stop_reason: 'tool_use', stop_sequence: null },
    usage: { input_tokens: 9, output_tokens: 4 },
  });
  // The outbound converter reads those events back into equivalent OpenAI chunks.
  const back = anthropicStreamToOpenAI();
  const again = summarize([...events.flatMap((e) => back.push(e)), ...back.end()]);
  const original = summarize(openai);
  assert.equal(again.content, original.content);
  assert.deepEqual(again.toolCalls, original.toolCalls);
  assert.equal(again.finish, original.finish);
  assert.deepEqual(again.usage, original.usage);
});

test('inbound stream: an OpenAI error object becomes an Anthropic error event', () => {
  const conv = openAIStreamToAnthropic({ model: 'm', id: 'msg_x' });
  const events = conv.push({ error: { message: 'boom', type: 'server_error' } });
  assert.deepEqual(
    events.map((e) => e.type),
    ['message_start', 'error'],
  );
  assert.deepEqual(events[1].error, { type: 'server_error', message: 'boom' });
  assert.deepEqual(conv.end(), []);
  assert.equal(anthropicEventToSSE(events[1]), `event: error\ndata: ${JSON.stringify(events[1])}\n\n`);
});

// ---------- adapter: request and errors ----------

const provider: ProviderConfig = {
  id: 'ai/anthropic',
  type: 'anthropic',
  endpoint: 'https://api.anthropic.com/',
  credentials: { apiKey: 'sk-ant-1' },
  headers: { 'anthropic-beta': 'prompt-caching-2024-07-31' },
  models: [],
};

test('adapter request: URL, headers and the translated body', async () => {
  const call: AdapterCall = {
    operation: 'chat',
    path: '/chat/completions',
    model: 'claude-sonnet-4-5',
    stream: true,
    body: { model: 'smart', messages: [{ role: 'user', content: 'hi' }] },
  };
  const req = await adapter.request(call, provider);
  assert.equal(req.url, 'https://api.anthropic.com/v1/messages');
  assert.equal(req.method, 'POST');
  assert.deepEqual(req.headers, {
    'anthropic-beta': 'prompt-caching-2024-07-31',
    'content-type': 'application/json',
    'anthropic-version': '2023-06-01',
    'x-api-key': 'sk-ant-1',
  });
  const body = JSON.parse(String(req.body));
  assert.equal(body.model, 'claude-sonnet-4-5');
  assert.equal(body.stream, true);
  const v1 = await adapter.request(call, {
    ...provider,
    endpoint: 'https://proxy.example/anthropic/v1',
    apiVersion: '2024-01-01',
  });
  assert.equal(v1.url, 'https://proxy.example/anthropic/v1/messages');
  assert.equal(v1.headers['anthropic-version'], '2024-01-01');
});

test('adapter errors: context-length wordings, 529, retry-after as a date', () => {
  const err = (status: number, message: string, type = 'invalid_request_error', headers = {}) =>
    adapter.error(status, Buffer.from(JSON.stringify({ type: 'error', error: { type, message } })), headers);
  assert.equal(err(400, 'prompt is too long: 208310 tokens > 200000 maximum').failure, 'context-length');
  assert.equal(
    err(400, 'input length and `max_tokens` exceed context limit: 198000 + 4096 > 200000').failure,
    'context-length',
  );
  assert.equal(err(400, 'messages: at least one message is required').failure, undefined);
  const overloaded = err(529, 'Overloaded', 'overloaded_error');
  assert.deepEqual(
    [overloaded.status, overloaded.failure, overloaded.type],
    [529, '5xx', 'overloaded_error'],
  );
  const later = new Date(Date.now() + 30_000).toUTCString();
  const limited = err(429, 'Rate limited', 'rate_limit_error', { 'retry-after': later });
  assert.equal(limited.failure, '429');
  assert.ok(limited.retryAfterMs! > 25_000 && limited.retryAfterMs! <= 30_000);
  const garbage = adapter.error(502, Buffer.from('<html>bad gateway</html>'), {});
  assert.deepEqual([garbage.status, garbage.failure], [502, '5xx']);
});
