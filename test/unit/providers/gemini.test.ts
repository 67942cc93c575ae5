import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdapterCall } from '../../../sidecar/providers/adapter.ts';
import { adapter } from '../../../sidecar/providers/gemini/index.ts';
import {
  finishReasonFromGemini,
  geminiEmbeddingsToOpenAI,
  geminiResponseToOpenAI,
  geminiStreamToOpenAI,
  openAIEmbeddingsToGemini,
  openAIRequestToGemini,
} from '../../../sidecar/providers/gemini/translate.ts';
import type { ProviderConfig } from '../../../sidecar/snapshot/schema.ts';
import { summarize } from './contract.ts';

type Json = Record<string, any>;

test('request: system prompt, multi-turn, tool calls and results with the function name resolved', () => {
  const out = openAIRequestToGemini({
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp": 21}' },
      { role: 'tool', tool_call_id: 'call_2', content: 'noon' },
      { role: 'assistant', content: 'Sunny, at noon.' },
      { role: 'user', content: 'Thanks' },
    ],
  });
  assert.deepEqual(out.systemInstruction, { parts: [{ text: 'Be brief.' }] });
  assert.deepEqual(out.contents, [
    { role: 'user', parts: [{ text: 'Weather in Paris and Rome?' }] },
    {
      role: 'model',
      parts: [
        { functionCall: { name: 'get_weather', args: { city: 'Paris' } } },
        { functionCall: { name: 'get_time', args: {} } },
      ],
    },
    {
      role: 'user',
      parts: [
        { functionResponse: { name: 'get_weather', response: { temp: 21 } } },
        { functionResponse: { name: 'get_time', response: { result: 'noon' } } },
      ],
    },
    { role: 'model', parts: [{ text: 'Sunny, at noon.' }] },
    { role: 'user', parts: [{ text: 'Thanks' }] },
  ]);
  assert.equal(out.generationConfig, undefined);
});

test('request: generationConfig, tools, tool_choice and JSON output', () => {
  const out = openAIRequestToGemini({
    messages: [{ role: 'user', content: 'x' }],
    max_tokens: 100,
    temperature: 0.2,
    top_p: 0.5,
    n: 2,
    stop: ['END'],
    seed: 7,
    response_format: { type: 'json_schema', json_schema: { name: 'r', schema: { type: 'object' } } },
    tools: [
      {
        type: 'function',
        function: {
          name: 'f',
          description: 'F',
          parameters: { type: 'object', additionalProperties: false },
        },
      },
    ],
    tool_choice: { type: 'function', function: { name: 'f' } },
  });
  assert.deepEqual(out.generationConfig, {
    maxOutputTokens: 100,
    temperature: 0.2,
    topP: 0.5,
    candidateCount: 2,
    stopSequences: ['END'],
    seed: 7,
    responseMimeType: 'application/json',
    responseJsonSchema: { type: 'object' },
  });
  assert.deepEqual(out.tools, [
    {
      functionDeclarations: [
        {
          name: 'f',
          description: 'F',
          parametersJsonSchema: { type: 'object', additionalProperties: false },
        },
      ],
    },
  ]);
  assert.deepEqual(out.toolConfig, { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['f'] } });
  const mode = (tool_choice: unknown) =>
    openAIRequestToGemini({
      messages: [],
      tools: [{ type: 'function', function: { name: 'f' } }],
      tool_choice,
    }).toolConfig?.functionCallingConfig.mode;
  assert.equal(mode('auto'), 'AUTO');
  assert.equal(mode('none'), 'NONE');
  assert.equal(mode('required'), 'ANY');
});

test('request: images inline or by URL, audio inline', () => {
  const out = openAIRequestToGemini({
    messages: [
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: 'data:image/webp;base64,UklG' } },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png?x=1' } },
          { type: 'input_audio', input_audio: { data: 'AAA', format: 'mp3' } },
        ],
      },
    ],
  });
  assert.deepEqual(out.contents[0].parts, [
    { inlineData: { mimeType: 'image/webp', data: 'UklG' } },
    { fileData: { mimeType: 'image/png', fileUri: 'https://example.com/a.png?x=1' } },
    { inlineData: { mimeType: 'audio/mp3', data: 'AAA' } },
  ]);
});

test('response: candidates, thoughts hidden, usage with cache and thinking tokens', () => {
  const out = geminiResponseToOpenAI(
    {
      responseId: 'r1',
      modelVersion: 'gemini-2.5-pro-001',
      candidates: [
        {
          index: 0,
          content: {
            role: 'model',
            parts: [{ text: 'thinking...', thought: true }, { text: 'Hello' }, { text: '!' }],
          },
          finishReason: 'STOP',
        },
        { index: 1, content: { role: 'model', parts: [{ text: 'Hi' }] }, finishReason: 'MAX_TOKENS' },
      ],
      usageMetadata: {
        promptTokenCount: 100,
        cachedContentTokenCount: 40,
        candidatesTokenCount: 5,
        thoughtsTokenCount: 20,
        totalTokenCount: 125,
      },
    },
    'gemini-2.5-pro',
  );
  assert.equal(out.id, 'r1');
  assert.equal(out.model, 'gemini-2.5-pro-001');
  assert.deepEqual(
    out.choices.map((c: Json) => [c.index, c.message.content, c.finish_reason]),
    [
      [0, 'Hello!', 'stop'],
      [1, 'Hi', 'length'],
    ],
  );
  assert.deepEqual(out.usage, {
    prompt_tokens: 100,
    completion_tokens: 25,
    total_tokens: 125,
    prompt_tokens_details: { cached_tokens: 40 },
  });
});

test('response: function calls become tool calls; thought signatures ride in the id and come back', () => {
  const out = geminiResponseToOpenAI(
    {
      candidates: [
        {
          content: {
            role: 'model',
            parts: [
              {
                functionCall: { name: 'get_weather', args: { city: 'Paris' } },
                thoughtSignature: 'c2lnbmF0dXJl',
              },
            ],
          },
          finishReason: 'STOP',
        },
      ],
    },
    'gemini-3-pro',
  );
  const msg = out.choices[0].message;
  assert.equal(out.choices[0].finish_reason, 'tool_calls');
  assert.equal(msg.content, null);
  assert.equal(msg.tool_calls[0].function.name, 'get_weather');
  assert.equal(msg.tool_calls[0].function.arguments, '{"city":"Paris"}');
  assert.match(msg.tool_calls[0].id, /^call_[0-9a-f]{24}__thought__c2lnbmF0dXJl$/);
  const next = openAIRequestToGemini({
    messages: [
      { role: 'user', content: 'Weather?' },
      msg,
      { role: 'tool', tool_call_id: msg.tool_calls[0].id, content: 'sunny' },
    ],
  });
  assert.deepEqual(next.contents[1].parts[0], {
    functionCall: { name: 'get_weather', args: { city: 'Paris' } },
    thoughtSignature: 'c2lnbmF0dXJl',
  });
  assert.equal(next.contents[2].parts[0].functionResponse.name, 'get_weather');
});

test('response: finish reasons, and a blocked prompt with no candidates', () => {
  assert.equal(finishReasonFromGemini('STOP', false), 'stop');
  assert.equal(finishReasonFromGemini('STOP', true), 'tool_calls');
  assert.equal(finishReasonFromGemini('MAX_TOKENS', false), 'length');
  for (const r of ['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII'])
    assert.equal(finishReasonFromGemini(r, false), 'content_filter');
  assert.equal(finishReasonFromGemini('MALFORMED_FUNCTION_CALL', false), 'stop');
  assert.equal(finishReasonFromGemini(undefined, false), null);
  const blocked = geminiResponseToOpenAI(
    { promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 8 } },
    'g',
  );
  assert.equal(blocked.choices[0].finish_reason, 'content_filter');
  assert.equal(blocked.choices[0].message.content, null);
  assert.equal(blocked.usage.prompt_tokens, 8);
});

test('stream: partial responses -> chunks; cumulative usage read from the last one', () => {
  const conv = geminiStreamToOpenAI({ model: 'gemini-2.5-flash' });
  const usage = (c: number) => ({ promptTokenCount: 6, candidatesTokenCount: c, totalTokenCount: 6 + c });
  const events = [
    {
      responseId: 'r',
      candidates: [{ content: { role: 'model', parts: [{ text: 'Hel' }] } }],
      usageMetadata: usage(1),
    },
    {
      responseId: 'r',
      candidates: [{ content: { role: 'model', parts: [{ text: 'lo' }] } }],
      usageMetadata: usage(2),
    },
    {
      responseId: 'r',
      candidates: [{ content: { role: 'model', parts: [{ text: '!' }] }, finishReason: 'STOP' }],
      usageMetadata: usage(3),
    },
  ];
  const chunks = [...events.flatMap((e) => conv.push(e)), ...conv.end()];
  const s = summarize(chunks);
  assert.equal(s.content, 'Hello!');
  assert.deepEqual(s.roles, ['assistant']);
  assert.equal(s.finish, 'stop');
  assert.deepEqual(s.usage, { prompt_tokens: 6, completion_tokens: 3, total_tokens: 9 });
  assert.equal(s.afterUsage, 0);
  assert.ok(chunks.every((c) => c.id === 'r'));
});

test('stream: function calls arrive whole; an error object or a missing finishReason ends it', () => {
  const conv = geminiStreamToOpenAI({ model: 'g' });
  const chunks = conv.push({
    candidates: [
      {
        content: {
          parts: [{ functionCall: { name: 'f', args: { a: 1 } } }, { functionCall: { name: 'g', args: {} } }],
        },
        finishReason: 'STOP',
      },
    ],
  });
  const s = summarize([...chunks, ...conv.end()]);
  assert.deepEqual(s.toolCalls, [
    { name: 'f', arguments: '{"a":1}' },
    { name: 'g', arguments: '{}' },
  ]);
  assert.equal(s.finish, 'tool_calls');

  const failing = geminiStreamToOpenAI({ model: 'g' });
  failing.push({ candidates: [{ content: { parts: [{ text: 'a' }] } }] });
  assert.deepEqual(failing.push({ error: { code: 503, message: 'overloaded', status: 'UNAVAILABLE' } }), [
    { error: { message: 'overloaded', type: 'UNAVAILABLE', code: 503 } },
  ]);
  assert.deepEqual(failing.end(), []);

  const cut = geminiStreamToOpenAI({ model: 'g' });
  cut.push({ candidates: [{ content: { parts: [{ text: 'a' }] } }] });
  assert.match(cut.end()[0].error.message, /finishReason/);
});

test('adapter stream: CRLF-framed SSE cut at every byte position', () => {
  const wire = Buffer.from(
    [
      { candidates: [{ content: { parts: [{ text: 'Grüße ' }] } }] },
      {
        candidates: [{ content: { parts: [{ text: 'aus 🌍' }] }, finishReason: 'STOP' }],
        usageMetadata: { promptTokenCount: 2, candidatesTokenCount: 3 },
      },
    ]
      .map((e) => `data: ${JSON.stringify(e)}\r\n\r\n`)
      .join(''),
  );
  const call: AdapterCall = {
    operation: 'chat',
    path: '/chat/completions',
    model: 'g',
    stream: true,
    body: {},
  };
  const run = (pieces: Buffer[]) => {
    const t = adapter.stream(call);
    return summarize([...pieces.flatMap((p) => t.push(p)), ...t.end()]);
  };
  const whole = run([wire]);
  assert.equal(whole.content, 'Grüße aus 🌍');
  assert.equal(whole.usage?.total_tokens, 5);
  for (let i = 1; i < wire.length; i++) assert.deepEqual(run([wire.subarray(0, i), wire.subarray(i)]), whole);
});

test('embeddings: batch request, float and base64 responses', () => {
  assert.deepEqual(openAIEmbeddingsToGemini({ input: ['a', 'b'], dimensions: 256 }, 'text-embedding-004'), {
    requests: [
      { model: 'models/text-embedding-004', content: { parts: [{ text: 'a' }] }, outputDimensionality: 256 },
      { model: 'models/text-embedding-004', content: { parts: [{ text: 'b' }] }, outputDimensionality: 256 },
    ],
  });
  assert.throws(() => openAIEmbeddingsToGemini({ input: [1, 2, 3] }, 'm'), /string inputs/);
  const res = { embeddings: [{ values: [0.5, -1] }, { values: [0.25, 2] }] };
  const floats = geminiEmbeddingsToOpenAI(res, 'm');
  assert.deepEqual(floats.data[1], { object: 'embedding', index: 1, embedding: [0.25, 2] });
  const b64 = geminiEmbeddingsToOpenAI(res, 'm', 'base64');
  const bytes = Buffer.from(b64.data[0].embedding, 'base64');
  assert.deepEqual(Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, 2)), [0.5, -1]);
});

const provider: ProviderConfig = {
  id: 'ai/gemini',
  type: 'gemini',
  endpoint: 'https://generativelanguage.googleapis.com',
  credentials: { apiKey: 'AIza-test' },
  headers: {},
  models: [],
};

test('adapter request: URLs for generate, stream (alt=sse) and embeddings; key header', async () => {
  const call = (operation: AdapterCall['operation'], stream: boolean): AdapterCall => ({
    operation,
    path: operation === 'chat' ? '/chat/completions' : '/embeddings',
    model: 'models/gemini-2.5-flash',
    stream,
    body: operation === 'chat' ? { messages: [{ role: 'user', content: 'x' }] } : { input: 'x' },
  });
  const base = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash';
  const chat = await adapter.request(call('chat', false), provider);
  assert.equal(chat.url, `${base}:generateContent`);
  assert.equal(chat.headers['x-goog-api-key'], 'AIza-test');
  assert.equal(
    (await adapter.request(call('chat', true), provider)).url,
    `${base}:streamGenerateContent?alt=sse`,
  );
  assert.equal(
    (await adapter.request(call('embeddings', false), provider)).url,
    `${base}:batchEmbedContents`,
  );
  const v1beta = await adapter.request(call('chat', false), {
    ...provider,
    endpoint: 'https://proxy.example/v1beta/',
  });
  assert.equal(v1beta.url, 'https://proxy.example/v1beta/models/gemini-2.5-flash:generateContent');
  assert.equal(adapter.supports('images'), false);
});

test('adapter errors: RetryInfo delay, context length, deadline', () => {
  const err = (status: number, error: Json, headers = {}) =>
    adapter.error(status, Buffer.from(JSON.stringify({ error })), headers);
  const limited = err(429, {
    code: 429,
    message: 'Resource has been exhausted',
    status: 'RESOURCE_EXHAUSTED',
    details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '17s' }],
  });
  assert.deepEqual(
    [limited.failure, limited.retryAfterMs, limited.code],
    ['429', 17_000, 'RESOURCE_EXHAUSTED'],
  );
  const long = err(400, {
    code: 400,
    message: 'The input token count (1234567) exceeds the maximum number of tokens allowed (1048576).',
    status: 'INVALID_ARGUMENT',
  });
  assert.equal(long.failure, 'context-length');
  assert.equal(err(504, { code: 504, message: 'Deadline', status: 'DEADLINE_EXCEEDED' }).failure, 'timeout');
  assert.equal(
    err(400, { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT' }).failure,
    undefined,
  );
});
