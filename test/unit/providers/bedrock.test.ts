import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AdapterCall } from '../../../sidecar/providers/adapter.ts';
import { createMessageSplitter, encodeEvent } from '../../../sidecar/providers/bedrock/eventstream.ts';
import { adapter } from '../../../sidecar/providers/bedrock/index.ts';
import {
  converseResponseToOpenAI,
  converseStreamToOpenAI,
  finishReasonFromConverse,
  openAIRequestToConverse,
} from '../../../sidecar/providers/bedrock/translate.ts';
import { EventTooLargeError } from '../../../sidecar/providers/sse.ts';
import type { ProviderConfig } from '../../../sidecar/snapshot/schema.ts';
import { summarize } from './contract.ts';

type Json = Record<string, any>;

const weatherTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: {} } },
};

test('request: system blocks, inferenceConfig, tool use and merged tool results', () => {
  const out = openAIRequestToConverse({
    model: 'ignored',
    max_tokens: 200,
    temperature: 0.3,
    top_p: 0.8,
    stop: ['END'],
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'developer', content: 'Use metric units.' },
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'tooluse_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          {
            id: 'tooluse_2',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Rome"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'tooluse_1', content: 'sunny' },
      { role: 'tool', tool_call_id: 'tooluse_2', content: '' },
    ],
    tools: [weatherTool],
    tool_choice: 'required',
  });
  assert.deepEqual(out.system, [{ text: 'Be brief.' }, { text: 'Use metric units.' }]);
  assert.deepEqual(out.inferenceConfig, {
    maxTokens: 200,
    temperature: 0.3,
    topP: 0.8,
    stopSequences: ['END'],
  });
  assert.deepEqual(out.messages, [
    { role: 'user', content: [{ text: 'Weather in Paris and Rome?' }] },
    {
      role: 'assistant',
      content: [
        { toolUse: { toolUseId: 'tooluse_1', name: 'get_weather', input: { city: 'Paris' } } },
        { toolUse: { toolUseId: 'tooluse_2', name: 'get_weather', input: { city: 'Rome' } } },
      ],
    },
    {
      role: 'user',
      content: [
        { toolResult: { toolUseId: 'tooluse_1', content: [{ text: 'sunny' }] } },
        // Converse rejects empty text blocks.
        { toolResult: { toolUseId: 'tooluse_2', content: [{ text: ' ' }] } },
      ],
    },
  ]);
  assert.deepEqual(out.toolConfig, {
    tools: [
      {
        toolSpec: {
          name: 'get_weather',
          description: 'Weather',
          inputSchema: { json: { type: 'object', properties: {} } },
        },
      },
    ],
    toolChoice: { any: {} },
  });
  assert.equal(out.model, undefined, 'the model id goes in the URL');
});

test('request: tool_choice mapping; "none" drops tools unless the history needs them', () => {
  const ask = { messages: [{ role: 'user', content: 'x' }], tools: [weatherTool] };
  assert.deepEqual(openAIRequestToConverse({ ...ask, tool_choice: 'auto' }).toolConfig.toolChoice, {
    auto: {},
  });
  assert.deepEqual(
    openAIRequestToConverse({ ...ask, tool_choice: { type: 'function', function: { name: 'get_weather' } } })
      .toolConfig.toolChoice,
    { tool: { name: 'get_weather' } },
  );
  assert.equal(openAIRequestToConverse({ ...ask, tool_choice: 'none' }).toolConfig, undefined);
  const withHistory = openAIRequestToConverse({
    messages: [
      ...ask.messages,
      {
        role: 'assistant',
        tool_calls: [{ id: 't', type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 't', content: 'ok' },
    ],
    tools: [weatherTool],
    tool_choice: 'none',
  });
  assert.ok(withHistory.toolConfig.tools.length === 1);
  assert.equal(withHistory.toolConfig.toolChoice, undefined);
});

test('request: images must be data URLs (Converse takes bytes)', () => {
  const out = openAIRequestToConverse({
    messages: [
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/jpg;base64,/9j/' } }] },
    ],
  });
  assert.deepEqual(out.messages[0].content, [{ image: { format: 'jpeg', source: { bytes: '/9j/' } } }]);
  assert.throws(
    () =>
      openAIRequestToConverse({
        messages: [
          { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/cat.png' } }] },
        ],
      }),
    (e: any) => e.status === 400 && /data URLs/.test(e.message),
  );
});

test('response: text and tool use, stop reasons, usage with cache reads and writes', () => {
  const out = converseResponseToOpenAI(
    {
      output: {
        message: {
          role: 'assistant',
          content: [
            { reasoningContent: { reasoningText: { text: 'hidden' } } },
            { text: 'Checking.' },
            { toolUse: { toolUseId: 'tooluse_x', name: 'get_weather', input: { city: 'Paris' } } },
          ],
        },
      },
      stopReason: 'tool_use',
      usage: {
        inputTokens: 10,
        outputTokens: 4,
        cacheReadInputTokens: 50,
        cacheWriteInputTokens: 2,
        totalTokens: 66,
      },
    },
    'anthropic.claude-3-5-haiku-20241022-v1:0',
  );
  assert.equal(out.model, 'anthropic.claude-3-5-haiku-20241022-v1:0');
  assert.match(out.id, /^chatcmpl-/);
  assert.equal(out.choices[0].message.content, 'Checking.');
  assert.deepEqual(out.choices[0].message.tool_calls, [
    { id: 'tooluse_x', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
  ]);
  assert.equal(out.choices[0].finish_reason, 'tool_calls');
  assert.deepEqual(out.usage, {
    prompt_tokens: 62,
    completion_tokens: 4,
    total_tokens: 66,
    prompt_tokens_details: { cached_tokens: 50 },
  });
  const table: [string, string][] = [
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['guardrail_intervened', 'content_filter'],
    ['content_filtered', 'content_filter'],
  ];
  for (const [stop, finish] of table) assert.equal(finishReasonFromConverse(stop), finish);
});

// ---------- ConverseStream: event-stream framing ----------

const event = (type: string, payload: Json) =>
  encodeEvent(
    { ':event-type': type, ':content-type': 'application/json', ':message-type': 'event' },
    JSON.stringify({ ...payload, p: 'abcdefgh' }),
  );

const STREAM = Buffer.concat([
  event('messageStart', { role: 'assistant' }),
  event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Grüße ' } }),
  event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'aus 🌍' } }),
  event('contentBlockStop', { contentBlockIndex: 0 }),
  event('contentBlockStart', {
    contentBlockIndex: 1,
    start: { toolUse: { toolUseId: 'tooluse_9', name: 'f' } },
  }),
  event('contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '{"a": ' } } }),
  event('contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '1}' } } }),
  event('contentBlockStop', { contentBlockIndex: 1 }),
  event('messageStop', { stopReason: 'tool_use' }),
  event('metadata', {
    usage: { inputTokens: 5, outputTokens: 7, totalTokens: 12 },
    metrics: { latencyMs: 3 },
  }),
]);

const streamCall: AdapterCall = {
  operation: 'chat',
  path: '/chat/completions',
  model: 'anthropic.claude-3-5-haiku-20241022-v1:0',
  stream: true,
  body: {},
};

function runStream(pieces: Uint8Array[]) {
  const t = adapter.stream(streamCall);
  const out = pieces.flatMap((p) => t.push(p));
  return [...out, ...t.end()];
}

test('stream: event-stream frames -> chunks with tool calls and a closing usage chunk', () => {
  const chunks = runStream([STREAM]);
  const s = summarize(chunks);
  assert.equal(s.content, 'Grüße aus 🌍');
  assert.deepEqual(s.toolCalls, [{ name: 'f', arguments: '{"a": 1}' }]);
  assert.equal(s.finish, 'tool_calls');
  assert.deepEqual(s.usage, { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 });
  assert.equal(s.afterUsage, 0);
  assert.deepEqual(s.errors, []);
});

test('stream: a frame cut anywhere (prelude, headers, payload, CRC) decodes the same', () => {
  const whole = summarize(runStream([STREAM]));
  for (let i = 1; i < STREAM.length; i++) {
    assert.deepEqual(summarize(runStream([STREAM.subarray(0, i), STREAM.subarray(i)])), whole, `cut at ${i}`);
  }
  assert.deepEqual(summarize(runStream([...STREAM].map((b) => Uint8Array.of(b)))), whole);
});

test('stream: the splitter keeps an incomplete frame and rejects a nonsense length', () => {
  const splitter = createMessageSplitter();
  const first = event('messageStart', { role: 'assistant' });
  assert.equal(splitter.push(first.subarray(0, 10)).length, 0);
  assert.equal(splitter.pending(), 10);
  const [m] = splitter.push(first.subarray(10));
  assert.equal(m.headers[':event-type'], 'messageStart');
  assert.equal(splitter.pending(), 0);
  assert.throws(() => createMessageSplitter().push(Uint8Array.of(0, 0, 0, 3, 0, 0, 0, 0)), /length/);
});

test('stream: exceptions, corrupt frames and early ends become error objects', () => {
  const exception = encodeEvent(
    {
      ':exception-type': 'throttlingException',
      ':content-type': 'application/json',
      ':message-type': 'exception',
    },
    JSON.stringify({ message: 'Too many requests' }),
  );
  const head = Buffer.concat([
    event('messageStart', { role: 'assistant' }),
    event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Hi' } }),
  ]);
  const thrown = runStream([head, exception]);
  assert.equal(summarize(thrown.slice(0, -1)).content, 'Hi');
  assert.deepEqual(thrown.at(-1), {
    error: { message: 'Too many requests', type: 'throttlingException', code: 'throttlingException' },
  });
  const corrupt = Buffer.from(STREAM);
  corrupt[corrupt.length - 1] ^= 0xff;
  assert.match(runStream([corrupt]).at(-1)!.error.message, /corrupt/);
  const early = runStream([event('messageStart', { role: 'assistant' })]);
  assert.match(early.at(-1)!.error.message, /metadata/);
  // The raw converter, for completeness: metadata closes the stream.
  const conv = converseStreamToOpenAI({ model: 'm' });
  assert.equal(
    conv.push('metadata', { usage: { inputTokens: 1, outputTokens: 1 } })[0].usage.total_tokens,
    2,
  );
  assert.deepEqual(conv.end(), []);
});

// ---------- adapter: signing and errors ----------

const provider: ProviderConfig = {
  id: 'ai/bedrock',
  type: 'bedrock',
  endpoint: 'https://bedrock-runtime.eu-west-1.amazonaws.com',
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  headers: {},
  models: [],
};

test('adapter request: escaped model id, SigV4 headers that verify with the same credentials', async () => {
  const call: AdapterCall = {
    ...streamCall,
    stream: false,
    body: { messages: [{ role: 'user', content: 'hi' }] },
  };
  const req = await adapter.request(call, provider);
  assert.equal(
    req.url,
    'https://bedrock-runtime.eu-west-1.amazonaws.com/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse',
  );
  assert.equal(req.headers.host, undefined, 'host is signed but left to the HTTP client');
  assert.match(req.headers['x-amz-date'], /^\d{8}T\d{6}Z$/);
  const auth =
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/(\d{8})\/eu-west-1\/bedrock\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      req.headers.authorization,
    );
  assert.ok(auth, req.headers.authorization);
  // Recompute the signature the way the service does.
  const signed = auth[2].split(';');
  const url = new URL(req.url);
  const headers: Record<string, string> = { host: url.host };
  for (const h of signed) if (h !== 'host') headers[h] = req.headers[h];
  const d = req.headers['x-amz-date'];
  const signingDate = new Date(
    `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`,
  );
  const verifier = new SignatureV4({
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: provider.credentials!.secretAccessKey! },
    region: 'eu-west-1',
    service: 'bedrock',
    sha256: Sha256,
  });
  const again = await verifier.sign(
    {
      method: 'POST',
      protocol: 'https:',
      hostname: url.hostname,
      path: url.pathname,
      query: {},
      headers,
      body: req.body,
    },
    { signingDate, signableHeaders: new Set(signed) },
  );
  assert.equal(/Signature=([0-9a-f]+)/.exec(again.headers.authorization)?.[1], auth[3]);
  assert.equal(JSON.parse(String(req.body)).messages[0].content[0].text, 'hi');
  const s = await adapter.request({ ...call, stream: true }, provider);
  assert.ok(s.url.endsWith('/converse-stream'));
  assert.equal(s.headers.accept, 'application/vnd.amazon.eventstream');
});

test('adapter request: region from the endpoint when unset; missing keys are a config error', async () => {
  const call: AdapterCall = {
    ...streamCall,
    stream: false,
    body: { messages: [{ role: 'user', content: 'hi' }] },
  };
  const req = await adapter.request(call, { ...provider, region: undefined });
  assert.match(req.headers.authorization, /\/eu-west-1\/bedrock\//);
  await assert.rejects(
    async () => adapter.request(call, { ...provider, credentials: {} }),
    /accessKeyId and secretAccessKey/,
  );
});

test('adapter errors: exception types and statuses map onto failure classes', () => {
  const err = (status: number, type: string, message: string) =>
    adapter.error(status, Buffer.from(JSON.stringify({ message })), {
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    });
  const throttled = err(429, 'ThrottlingException', 'Too many requests, please wait before trying again.');
  assert.deepEqual(
    [throttled.failure, throttled.code, throttled.status],
    ['429', 'ThrottlingException', 429],
  );
  assert.equal(err(400, 'ServiceQuotaExceededException', 'quota').failure, '429');
  assert.equal(
    err(400, 'ValidationException', 'Input is too long for requested model.').failure,
    'context-length',
  );
  assert.equal(err(400, 'ValidationException', 'messages: bad').failure, undefined);
  assert.equal(err(408, 'ModelTimeoutException', 'timed out').failure, 'timeout');
  const modelError = err(424, 'ModelErrorException', 'the model failed');
  assert.deepEqual([modelError.status, modelError.failure], [502, '5xx']);
  assert.equal(err(503, 'ServiceUnavailableException', 'unavailable').failure, '5xx');
  assert.equal(err(403, 'AccessDeniedException', 'denied').failure, undefined);
});

test('stream: the splitter refuses a message announcing more than its limit before buffering it', () => {
  const splitter = createMessageSplitter({ maxMessageBytes: 1024 * 1024 });
  const announce = Buffer.alloc(8);
  announce.writeUInt32BE(2 * 1024 * 1024, 0);
  assert.throws(() => splitter.push(announce), EventTooLargeError);
  // A message cut into many small pieces is joined once, whole.
  const frame = encodeEvent(
    { ':event-type': 'messageStop', ':message-type': 'event' },
    '{"stopReason":"end_turn"}',
  );
  const pieces = createMessageSplitter();
  const got = [];
  for (const b of frame) got.push(...pieces.push(Uint8Array.of(b)));
  assert.equal(got.length, 1);
  assert.equal(Buffer.from(got[0].body).toString(), '{"stopReason":"end_turn"}');
});
