// Responses API <-> Chat Completions translation, and the bounded store behind previous_response_id.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseStore } from '../../../sidecar/pipeline/response-store.ts';
import { responsesUrl } from '../../../sidecar/providers/azure-openai/index.ts';
import {
  chatResponseToResponses,
  chatStreamToResponses,
  chatToResponsesInput,
  conversationAfter,
  inputToMessages,
  responsesChat,
  responsesEventStream,
  responsesRequestToChat,
  typedEventAnswers,
  typedEventError,
  typedEventUsage,
  UnsupportedResponsesRequest,
} from '../../../sidecar/providers/openai/responses.ts';

const ctx = { id: 'resp_1', createdAt: 1, request: { model: 'm' } };

describe('Responses request -> chat', () => {
  it('maps instructions, every input item kind, tools, tool_choice, format and limits', () => {
    const chat = responsesRequestToChat({
      model: 'm',
      instructions: 'sys',
      input: [
        { role: 'developer', content: 'dev' },
        {
          type: 'message',
          role: 'user',
          content: [
            { type: 'input_text', text: 'look: ' },
            { type: 'input_image', image_url: 'data:image/png;base64,AA' },
          ],
        },
        { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{"a":1}' },
        { type: 'function_call', call_id: 'c2', name: 'g', arguments: '{}' },
        { type: 'function_call_output', call_id: 'c1', output: 'r1' },
        { type: 'reasoning', summary: [] },
      ],
      tools: [{ type: 'function', name: 'f', parameters: { type: 'object' }, strict: true }],
      tool_choice: { type: 'function', name: 'f' },
      text: { format: { type: 'json_schema', name: 'x', schema: { type: 'object' }, strict: true } },
      max_output_tokens: 50,
      temperature: 0.2,
      reasoning: { effort: 'low' },
      stream: true,
    });
    assert.deepEqual(chat.messages, [
      { role: 'system', content: 'sys' },
      { role: 'developer', content: 'dev' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'look: ' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AA' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
          { id: 'c2', type: 'function', function: { name: 'g', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'r1' },
    ]);
    assert.deepEqual(chat.tools, [
      { type: 'function', function: { name: 'f', parameters: { type: 'object' }, strict: true } },
    ]);
    assert.deepEqual(chat.tool_choice, { type: 'function', function: { name: 'f' } });
    assert.equal(chat.response_format.type, 'json_schema');
    assert.equal(chat.max_tokens, 50);
    assert.equal(chat.temperature, 0.2);
    assert.equal(chat.reasoning_effort, 'low');
    assert.equal(chat.stream, true);
  });

  it('puts earlier turns after the new instructions and before the new input', () => {
    const chat = responsesRequestToChat({ model: 'm', instructions: 'new', input: 'q2' }, [
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
    ]);
    assert.deepEqual(
      chat.messages.map((m: { content: string }) => m.content),
      ['new', 'q1', 'a1', 'q2'],
    );
  });

  for (const [what, req] of [
    ['a built-in tool', { model: 'm', input: 'x', tools: [{ type: 'file_search' }] }],
    ['an unknown item', { model: 'm', input: [{ type: 'computer_call' }] }],
    ['background mode', { model: 'm', input: 'x', background: true }],
    ['an unknown role', { model: 'm', input: [{ role: 'robot', content: 'x' }] }],
  ] as const)
    it(`refuses ${what} with a reason`, () => {
      assert.throws(() => responsesRequestToChat(req as never), UnsupportedResponsesRequest);
    });
});

describe('chat -> Responses', () => {
  it('turns a completion with text and tool calls into output items with usage', () => {
    const r = chatResponseToResponses(
      {
        model: 'm-2024',
        choices: [
          {
            finish_reason: 'tool_calls',
            message: {
              content: 'thinking',
              tool_calls: [{ id: 'c1', function: { name: 'f', arguments: '{}' } }],
            },
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 4 } },
      },
      ctx,
    );
    assert.equal(r.status, 'completed');
    assert.equal(r.model, 'm-2024');
    assert.deepEqual(
      r.output.map((o: { type: string }) => o.type),
      ['message', 'function_call'],
    );
    assert.equal(r.output[1].call_id, 'c1');
    assert.deepEqual(r.usage.input_tokens_details, { cached_tokens: 4 });
    assert.equal(r.usage.total_tokens, 15);
  });

  it('reports a length stop as incomplete (max_output_tokens)', () => {
    const r = chatResponseToResponses(
      { choices: [{ finish_reason: 'length', message: { content: 'cut' } }] },
      ctx,
    );
    assert.equal(r.status, 'incomplete');
    assert.deepEqual(r.incomplete_details, { reason: 'max_output_tokens' });
  });

  it('streams a well-formed event sequence with increasing sequence numbers', () => {
    const conv = chatStreamToResponses(ctx);
    const events = [
      ...conv.push({ model: 'm', choices: [{ delta: { role: 'assistant', content: 'Hel' } }] }),
      ...conv.push({ choices: [{ delta: { content: 'lo' } }] }),
      ...conv.push({
        choices: [
          { delta: { tool_calls: [{ index: 0, id: 'c1', function: { name: 'f', arguments: '{"a"' } }] } },
        ],
      }),
      ...conv.push({
        choices: [
          {
            delta: { tool_calls: [{ index: 0, function: { arguments: ':1}' } }] },
            finish_reason: 'tool_calls',
          },
        ],
      }),
      ...conv.push({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 2 } }),
      ...conv.end(),
    ];
    assert.deepEqual(
      events.map((e) => e.type),
      [
        'response.created',
        'response.in_progress',
        'response.output_item.added',
        'response.content_part.added',
        'response.output_text.delta',
        'response.output_text.delta',
        'response.output_text.done',
        'response.content_part.done',
        'response.output_item.done',
        'response.output_item.added',
        'response.function_call_arguments.delta',
        'response.function_call_arguments.delta',
        'response.function_call_arguments.done',
        'response.output_item.done',
        'response.completed',
      ],
    );
    assert.deepEqual(
      events.map((e) => e.sequence_number),
      events.map((_, i) => i),
    );
    const done = events.at(-1)!.response;
    assert.equal(done.output[0].content[0].text, 'Hello');
    assert.equal(done.output[1].arguments, '{"a":1}');
    assert.equal(done.usage.output_tokens, 2);
    assert.equal(conv.final, done);
    assert.deepEqual(
      conversationAfter(
        [
          { role: 'system', content: 's' },
          { role: 'user', content: 'q' },
        ],
        done,
      ),
      [
        { role: 'user', content: 'q' },
        {
          role: 'assistant',
          content: 'Hello',
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
        },
      ],
    );
  });

  it('ends a broken stream with error and response.failed', () => {
    const conv = chatStreamToResponses(ctx);
    const events = [
      ...conv.push({ choices: [{ delta: { content: 'x' } }] }),
      ...conv.push({ error: { message: 'boom' } }),
      ...conv.end(),
    ];
    assert.deepEqual(
      events.slice(-2).map((e) => e.type),
      ['error', 'response.failed'],
    );
  });
});

describe('ResponseStore', () => {
  const entry = (n: number) => ({
    response: { id: `r${n}`, pad: 'x'.repeat(n) },
    conversation: [],
    input: [],
  });

  it('evicts the least recently used past its entry bound', () => {
    const store = new ResponseStore({ maxEntries: 2 });
    store.put('a', entry(1));
    store.put('b', entry(1));
    store.get('a');
    store.put('c', entry(1));
    assert.ok(store.get('a') && store.get('c'));
    assert.equal(store.get('b'), undefined);
  });

  it('stays within its byte bound and refuses an answer larger than it', () => {
    const store = new ResponseStore({ maxBytes: 500 });
    for (let i = 0; i < 20; i++) store.put(`r${i}`, entry(100));
    assert.ok(store.bytes <= 500, String(store.bytes));
    assert.ok(store.get('r19'));
    assert.equal(store.put('huge', entry(1000)), false);
  });

  it('forgets answers past their age', () => {
    let now = 0;
    const store = new ResponseStore({ ttlMs: 1000 }, () => now);
    store.put('a', entry(1));
    now = 999;
    assert.ok(store.get('a'));
    now = 2000;
    assert.equal(store.get('a'), undefined);
    assert.equal(store.size, 0);
  });
});

describe('Responses served natively (OpenAI, Azure OpenAI)', () => {
  it('gives the pipeline a chat view, and says why translation cannot serve a built-in tool', () => {
    const plain = responsesChat({ model: 'm', instructions: 'sys', input: 'hi', stream: true });
    assert.equal(plain.unsupported, undefined);
    assert.equal(plain.chat.stream, true);
    assert.deepEqual(plain.chat.stream_options, { include_usage: true });
    const builtIn = responsesChat({
      model: 'm',
      instructions: 'sys',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'search lisbon' }] }],
      tools: [{ type: 'web_search' }],
    });
    assert.match(builtIn.unsupported ?? '', /tool type "web_search" is not supported/);
    assert.deepEqual(
      builtIn.chat.messages.map((m: { content: string }) => m.content),
      ['sys', 'search lisbon'],
      'the texts, for estimates',
    );
  });

  it('turns a sidecar-kept conversation into input items that mean the same turns', () => {
    const chat = [
      { role: 'user', content: 'weather in Lisbon?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'w', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'sunny' },
      { role: 'assistant', content: 'It is sunny.' },
    ];
    const items = chatToResponsesInput(chat);
    assert.deepEqual(
      items.map((i) => i.type),
      ['message', 'function_call', 'function_call_output', 'message'],
    );
    assert.deepEqual(inputToMessages(items), chat);
  });

  const sse = (...events: object[]) =>
    Buffer.from(
      events.map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`).join(''),
    );

  it('reads a typed event stream; usage from response.completed; errors and the preamble known', () => {
    const t = responsesEventStream();
    const usage = { input_tokens: 3, output_tokens: 5, total_tokens: 8 };
    const events = [
      ...t.push(
        sse({ type: 'response.created', response: {} }, { type: 'response.output_text.delta', delta: 'hi' }),
      ),
      ...t.push(sse({ type: 'response.completed', response: { usage } })),
      ...t.end(),
    ];
    assert.deepEqual(
      events.map((e) => e.type),
      ['response.created', 'response.output_text.delta', 'response.completed'],
    );
    assert.equal(typedEventAnswers(events[0]!), false);
    assert.equal(typedEventAnswers(events[1]!), true);
    assert.deepEqual(typedEventUsage(events[2]!), usage);
    assert.deepEqual(typedEventError({ type: 'error', message: 'boom', code: 'server_error' }), {
      message: 'boom',
      code: 'server_error',
    });
    assert.equal(
      typedEventError({ type: 'response.failed', response: { error: { message: 'x' } } })?.message,
      'x',
    );
  });

  it('ends a stream cut before its final event with an error event', () => {
    const t = responsesEventStream();
    t.push(sse({ type: 'response.created', response: {} }));
    const end = t.end();
    assert.equal(end.at(-1)?.type, 'error');
    assert.match(end.at(-1)?.message, /ended before response.completed/);
  });

  it('finds the Azure Responses API: the v1 route by default, preview, or a dated api-version', () => {
    assert.equal(
      responsesUrl('https://r.openai.azure.com', undefined, '/responses'),
      'https://r.openai.azure.com/openai/v1/responses',
    );
    assert.equal(
      responsesUrl('https://r', '2024-10-21', '/responses/resp_1'),
      'https://r/openai/v1/responses/resp_1',
    );
    assert.equal(
      responsesUrl('https://r', 'preview', '/responses'),
      'https://r/openai/v1/responses?api-version=preview',
    );
    assert.equal(
      responsesUrl('https://r', '2025-04-01-preview', '/responses'),
      'https://r/openai/responses?api-version=2025-04-01-preview',
    );
  });

  it('remembers which provider made a native answer, bounded in count and age', () => {
    let now = 0;
    const store = new ResponseStore({ maxNative: 2, nativeTtlMs: 100 }, () => now);
    store.madeBy('a', 'p/openai');
    store.madeBy('b', 'p/azure');
    store.madeBy('c', 'p/openai');
    assert.equal(store.providerOf('a'), undefined, 'the oldest went first');
    assert.equal(store.providerOf('b'), 'p/azure');
    store.forgetNative('b');
    assert.equal(store.providerOf('b'), undefined);
    now = 100;
    assert.equal(store.providerOf('c'), undefined, 'expired');
  });
});
