import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdapterCall } from '../../../sidecar/providers/adapter.ts';
import { adapter, DEFAULT_API_VERSION } from '../../../sidecar/providers/azure-openai/index.ts';
import type { ProviderConfig } from '../../../sidecar/snapshot/schema.ts';
import { summarize } from './contract.ts';

const provider: ProviderConfig = {
  id: 'ai/azure',
  type: 'azure-openai',
  endpoint: 'https://contoso.openai.azure.com/',
  credentials: { apiKey: 'azure-key' },
  headers: { 'x-ms-client': 'aimesh' },
  models: [],
};

const call = (extra: Partial<AdapterCall> = {}): AdapterCall => ({
  operation: 'chat',
  path: '/chat/completions',
  model: 'gpt-4o-prod',
  stream: false,
  body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
  ...extra,
});

test('request: deployment URL, default api-version, api-key header', async () => {
  const req = await adapter.request(call(), provider);
  assert.equal(
    req.url,
    `https://contoso.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=${DEFAULT_API_VERSION}`,
  );
  assert.deepEqual(req.headers, {
    'x-ms-client': 'aimesh',
    'api-key': 'azure-key',
    'content-type': 'application/json',
  });
  assert.equal(JSON.parse(String(req.body)).model, 'gpt-4o-prod');
  const pinned = await adapter.request(
    call({ operation: 'embeddings', path: '/embeddings', model: 'ada', body: { input: 'x' } }),
    { ...provider, apiVersion: '2025-04-01-preview' },
  );
  assert.equal(
    pinned.url,
    'https://contoso.openai.azure.com/openai/deployments/ada/embeddings?api-version=2025-04-01-preview',
  );
});

test('request: streams ask for usage; unchanged app bytes are reused when nothing needs adding', async () => {
  const streaming = await adapter.request(
    call({ stream: true, body: { messages: [], stream: true } }),
    provider,
  );
  assert.deepEqual(JSON.parse(String(streaming.body)).stream_options, { include_usage: true });
  const bytes = Buffer.from('{"model":"gpt-4o","messages":[]}');
  const reused = await adapter.request(
    call({ body: { model: 'gpt-4o', messages: [] }, unchangedBody: bytes }),
    provider,
  );
  assert.equal(reused.body, bytes);
  const needsUsage = await adapter.request(
    call({ stream: true, body: { model: 'gpt-4o', messages: [], stream: true }, unchangedBody: bytes }),
    provider,
  );
  assert.notEqual(needsUsage.body, bytes);
});

test('request: multipart uploads are forwarded untouched', async () => {
  const raw = Buffer.from('--b\r\nContent-Disposition: form-data; name="model"\r\n\r\nwhisper\r\n--b--\r\n');
  const req = await adapter.request(
    call({
      operation: 'audio',
      path: '/audio/transcriptions',
      model: 'whisper-prod',
      body: undefined,
      rawBody: raw,
      contentType: 'multipart/form-data; boundary=b',
    }),
    provider,
  );
  assert.match(req.url, /\/openai\/deployments\/whisper-prod\/audio\/transcriptions\?api-version=/);
  assert.equal(req.body, raw);
  assert.equal(req.headers['content-type'], 'multipart/form-data; boundary=b');
});

test('response: JSON usage for chat, embeddings and audio tokens; bytes pass through', () => {
  const json = (o: unknown) => Buffer.from(JSON.stringify(o));
  const chat = adapter.response(
    call(),
    200,
    json({ usage: { prompt_tokens: 10, completion_tokens: 2, prompt_tokens_details: { cached_tokens: 4 } } }),
    'application/json',
  );
  assert.deepEqual(chat.usage, { inputTokens: 10, outputTokens: 2, cachedInputTokens: 4 });
  const emb = adapter.response(
    call(),
    200,
    json({ usage: { prompt_tokens: 3, total_tokens: 3 } }),
    'application/json',
  );
  assert.deepEqual(emb.usage, { inputTokens: 3, outputTokens: 0 });
  const audio = adapter.response(
    call(),
    200,
    json({ text: 'x', usage: { input_tokens: 5, output_tokens: 1 } }),
    'application/json',
  );
  assert.deepEqual(audio.usage, { inputTokens: 5, outputTokens: 1 });
  const mp3 = Buffer.from([0xff, 0xfb, 0x90]);
  const speech = adapter.response(call({ path: '/audio/speech' }), 200, mp3, 'audio/mpeg');
  assert.equal(speech.body, mp3);
  assert.equal(speech.usage, undefined);
  assert.throws(
    () => adapter.response(call(), 200, Buffer.from('{"trunc'), 'application/json'),
    /invalid JSON/,
  );
});

test('stream: the prompt-filter-only chunk is dropped, [DONE] ends it, cut anywhere', () => {
  const chunk = (o: unknown) => `data: ${JSON.stringify(o)}\n\n`;
  const wire = Buffer.from(
    chunk({ choices: [], prompt_filter_results: [{ prompt_index: 0 }] }) +
      chunk({
        object: 'chat.completion.chunk',
        choices: [{ index: 0, delta: { role: 'assistant', content: 'Hé' } }],
      }) +
      chunk({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }) +
      chunk({
        object: 'chat.completion.chunk',
        choices: [],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }) +
      'data: [DONE]\n\n',
  );
  const run = (pieces: Buffer[]) => {
    const t = adapter.stream(call({ stream: true }));
    return [...pieces.flatMap((p) => t.push(p)), ...t.end()];
  };
  const whole = run([wire]);
  assert.equal(whole.length, 3);
  const s = summarize(whole);
  assert.deepEqual([s.content, s.finish, s.usage?.total_tokens], ['Hé', 'stop', 2]);
  for (let i = 1; i < wire.length; i++) assert.deepEqual(run([wire.subarray(0, i), wire.subarray(i)]), whole);
  // Cut between events: the missing [DONE] is reported; cut inside an event: the broken JSON is.
  const cut = run([wire.subarray(0, wire.indexOf('\n\n', wire.indexOf('Hé')) + 2)]);
  assert.equal(summarize(cut.slice(0, -1)).content, 'Hé');
  assert.match(cut.at(-1)!.error.message, /\[DONE\]/);
  assert.match(run([wire.subarray(0, 150)]).at(-1)!.error.message, /invalid JSON/);
});

test('errors: retry-after-ms wins, context_length_exceeded code, timeouts', () => {
  const body = (error: unknown) => Buffer.from(JSON.stringify({ error }));
  const limited = adapter.error(429, body({ code: '429', message: 'Rate limit' }), {
    'retry-after': '10',
    'retry-after-ms': '1500',
  });
  assert.deepEqual([limited.failure, limited.retryAfterMs], ['429', 1500]);
  const long = adapter.error(
    400,
    body({
      code: 'context_length_exceeded',
      message: "This model's maximum context length is 128000 tokens.",
    }),
    {},
  );
  assert.deepEqual([long.failure, long.code], ['context-length', 'context_length_exceeded']);
  assert.equal(adapter.error(408, body({ message: 'timeout', type: 'timeout' }), {}).failure, 'timeout');
  assert.equal(
    adapter.error(404, body({ code: 'DeploymentNotFound', message: 'no' }), {}).failure,
    undefined,
  );
  assert.equal(adapter.error(500, Buffer.from('oops'), {}).message, 'upstream answered 500');
});

test('request: the developer role becomes system for api-versions that lack it, stays for newer ones', async () => {
  const body = {
    model: 'gpt-4o',
    messages: [
      { role: 'developer', content: 'be brief' },
      { role: 'user', content: 'hi' },
    ],
  };
  const raw = Buffer.from(JSON.stringify(body));
  const roles = async (apiVersion: string) => {
    const req = await adapter.request(call({ body, unchangedBody: raw }), { ...provider, apiVersion });
    return JSON.parse(String(req.body)).messages.map((m: { role: string }) => m.role);
  };
  assert.deepEqual(await roles('2024-10-21'), ['system', 'user']);
  assert.deepEqual(await roles('2024-12-01-preview'), ['developer', 'user']);
  assert.deepEqual(await roles('2025-04-01-preview'), ['developer', 'user']);
});
