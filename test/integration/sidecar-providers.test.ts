// One app, every provider type: the same OpenAI SDK calls reach OpenAI, Azure OpenAI, Anthropic,
// Gemini, Bedrock and a self-hosted server through one sidecar, streamed and not, with each
// provider's own credentials injected and the usage the provider reported.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const AWS = { accessKeyId: 'AKIDEXAMPLEBEDROCK', secretAccessKey: 'bedrock-secret-key-value' };
const KEYS = {
  openai: 'sk-openai-key',
  azure: 'azure-key',
  anthropic: 'sk-ant-key',
  gemini: 'gemini-key',
  vllm: 'vllm-key',
};

const cases = [
  { model: 'gpt-4o', provider: 'openai', header: 'authorization', value: `Bearer ${KEYS.openai}` },
  { model: 'azure-gpt-4o', provider: 'azure', header: 'api-key', value: KEYS.azure },
  { model: 'claude-haiku-4-5', provider: 'anthropic', header: 'x-api-key', value: KEYS.anthropic },
  { model: 'gemini-2.5-flash', provider: 'gemini', header: 'x-goog-api-key', value: KEYS.gemini },
  {
    model: 'nova-lite',
    provider: 'bedrock',
    header: 'authorization',
    value: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLEBEDROCK/',
  },
  { model: 'llama', provider: 'vllm', header: 'authorization', value: `Bearer ${KEYS.vllm}` },
] as const;

describe('sidecar: every provider type behind one OpenAI endpoint', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let client: OpenAI;

  before(async () => {
    upstream = await startUpstream({ apiKeys: Object.values(KEYS), aws: AWS });
    const p = (id: string) => `ai-platform/${id}`;
    sidecar = await startSidecar({
      snapshot: {
        workload: { namespace: 'team-a' },
        providers: [
          testProvider(p('openai'), 'openai', `${upstream.url}/v1`, KEYS.openai, ['gpt-4o']),
          testProvider(
            p('azure'),
            'azure-openai',
            upstream.url,
            KEYS.azure,
            ['azure-gpt-4o=my-gpt4o-deployment'],
            {
              apiVersion: '2024-10-21',
            },
          ),
          testProvider(p('anthropic'), 'anthropic', upstream.url, KEYS.anthropic, ['claude-haiku-4-5'], {
            apiVersion: '2023-06-01',
          }),
          testProvider(p('gemini'), 'gemini', upstream.url, KEYS.gemini, ['gemini-2.5-flash']),
          testProvider(
            p('bedrock'),
            'bedrock',
            upstream.url,
            undefined,
            ['nova-lite=amazon.nova-lite-v1:0'],
            {
              region: 'us-east-1',
              credentials: AWS,
            },
          ),
          testProvider(p('vllm'), 'openai-compatible', `${upstream.url}/v1`, KEYS.vllm, ['llama']),
        ],
        routes: [
          {
            id: 'team-a/chat',
            rules: cases.map((c) => testRule(c.provider, [{ model: c.model }], [p(c.provider)])),
          },
        ],
        quotas: [],
      },
    });
    client = new OpenAI({ baseURL: sidecar.openaiBaseURL, apiKey: 'app-key', maxRetries: 0 });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  for (const c of cases) {
    it(`${c.provider}: chat, streamed and not, same text and usage, provider credentials`, async () => {
      const messages = [
        { role: 'system' as const, content: 'Be brief.' },
        { role: 'user' as const, content: `Say hello from ${c.provider} please` },
      ];
      upstream.clearRequests();
      const plain = await client.chat.completions.create({ model: c.model, messages });
      const text = plain.choices[0]!.message.content;
      assert.ok(text && text.length > 0);
      assert.ok(plain.usage!.prompt_tokens > 0 && plain.usage!.completion_tokens > 0);

      const stream = await client.chat.completions.create({
        model: c.model,
        messages,
        stream: true,
        stream_options: { include_usage: true },
      });
      let streamed = '';
      let usage: OpenAI.CompletionUsage | undefined | null;
      for await (const chunk of stream) {
        streamed += chunk.choices[0]?.delta.content ?? '';
        if (chunk.usage) usage = chunk.usage;
      }
      assert.equal(streamed, text);
      assert.equal(usage?.prompt_tokens, plain.usage!.prompt_tokens);
      assert.equal(usage?.completion_tokens, plain.usage!.completion_tokens);

      assert.equal(upstream.requests.length, 2);
      for (const r of upstream.requests) {
        const got = String(r.headers[c.header] ?? '');
        assert.ok(got.startsWith(c.value), `${c.header}: ${got}`);
        assert.ok(!JSON.stringify(r.headers).includes('app-key'), 'the app key never reaches the provider');
      }
    });
  }

  for (const c of cases) {
    it(`${c.provider}: the usual stream loop (choices[0].delta) and the developer role work`, async () => {
      const stream = await client.chat.completions.create({
        model: c.model,
        messages: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: `stream hello from ${c.provider}` },
        ],
        stream: true,
      });
      let text = '';
      // Throws on a chunk without choices (Azure's prompt-filter chunk must not reach the app).
      for await (const chunk of stream) text += chunk.choices[0]!.delta.content ?? '';
      assert.match(text, new RegExp(c.provider));
    });
  }

  // The Responses API contract, for every adapter: text, the typed stream, a function tool.
  for (const c of cases) {
    it(`${c.provider}: the Responses API - create, stream and a function call`, async () => {
      const res = await client.responses.create({
        model: c.model,
        instructions: 'Be brief.',
        input: `hi ${c.provider}`,
      });
      assert.equal(res.status, 'completed');
      assert.match(res.output_text, new RegExp(c.provider));
      assert.ok((res.usage?.input_tokens ?? 0) > 0 && (res.usage?.output_tokens ?? 0) > 0);

      const stream = client.responses.stream({ model: c.model, input: `stream ${c.provider}` });
      let text = '';
      for await (const e of stream) if (e.type === 'response.output_text.delta') text += e.delta;
      assert.equal((await stream.finalResponse()).output_text, text);

      const tool = await client.responses.create({
        model: c.model,
        tools: [
          {
            type: 'function',
            name: 'get_weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } } },
            strict: false,
          },
        ],
        input: 'use get_weather for Oslo',
      });
      const call = tool.output.find((o) => o.type === 'function_call');
      assert.ok(call?.type === 'function_call' && call.name === 'get_weather', JSON.stringify(tool.output));
    });
  }

  it('a request the provider cannot express is the app’s error (400), not a failover', async () => {
    await assert.rejects(
      client.chat.completions.create({
        model: 'nova-lite',
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }],
          },
        ],
      }),
      (err: InstanceType<typeof OpenAI.APIError>) => err.status === 400,
    );
  });
});
