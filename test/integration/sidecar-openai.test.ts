// The story of an app that speaks OpenAI: it points the official SDK at the sidecar, keeps its
// own (fake) key, and reaches every operation of the providers the snapshot routes to. The
// upstream sees the snapshot's key, never the app's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI, { toFile } from 'openai';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const SNAPSHOT_KEY = 'sk-snapshot-openai';
const VLLM_KEY = 'sk-snapshot-vllm';
const APP_KEY = 'sk-app-must-not-leak';

describe('sidecar: OpenAI API', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let client: OpenAI;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [SNAPSHOT_KEY, VLLM_KEY] });
    sidecar = await startSidecar({
      args: ['--body-limit', '64kb'],
      snapshot: {
        workload: { namespace: 'team-a' },
        providers: [
          testProvider('ai-platform/openai', 'openai', `${upstream.url}/v1`, SNAPSHOT_KEY, [
            'gpt-4o',
            'gpt-4o-mini',
            'text-embedding-3-small',
            'gpt-3.5-turbo-instruct',
            'dall-e-3',
            'whisper-1',
            'tts-1',
          ]),
          testProvider('ai-platform/vllm', 'openai-compatible', `${upstream.url}/v1`, VLLM_KEY, [
            'llama=meta-llama/Llama-3.1-8B-Instruct',
          ]),
        ],
        routes: [
          {
            id: 'team-a/chat',
            rules: [
              testRule('alias', [{ model: 'fast' }], ['ai-platform/openai:gpt-4o-mini']),
              testRule('llama', [{ model: 'llama' }], ['ai-platform/vllm']),
              testRule('gpt', [{ model: 'gpt-*' }], ['ai-platform/openai']),
              testRule(
                'embeddings',
                [{ operation: 'embeddings' }],
                ['ai-platform/openai:text-embedding-3-small'],
              ),
              testRule('media', [{ operation: 'images' }, { operation: 'audio' }], ['ai-platform/openai']),
            ],
          },
        ],
        quotas: [],
      },
    });
    client = new OpenAI({ baseURL: sidecar.openaiBaseURL, apiKey: APP_KEY, maxRetries: 0 });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  it('answers a chat completion, injecting the snapshot key instead of the app key', async () => {
    upstream.clearRequests();
    const res = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'say hello to the mesh' }],
    });
    assert.equal(res.object, 'chat.completion');
    assert.match(res.choices[0].message.content ?? '', /hello/);
    assert.ok(res.usage && res.usage.completion_tokens > 0);
    const seen = upstream.lastRequest()!;
    assert.equal(seen.path, '/v1/chat/completions');
    assert.equal(seen.headers.authorization, `Bearer ${SNAPSHOT_KEY}`);
    for (const r of upstream.requests)
      assert.ok(!JSON.stringify(r.headers).includes(APP_KEY), 'app key leaked upstream');
  });

  it('forwards the app body untouched when nothing changes (n, response_format, tools)', async () => {
    upstream.clearRequests();
    const res = await client.chat.completions.create({
      model: 'gpt-4o',
      n: 2,
      response_format: { type: 'json_object' },
      messages: [{ role: 'user', content: 'return json' }],
    });
    assert.equal(res.choices.length, 2);
    const body = upstream.lastRequest()!.body;
    assert.equal(body.n, 2);
    assert.deepEqual(body.response_format, { type: 'json_object' });
  });

  it('sends the app’s bytes upstream as they are when the route changes nothing', async () => {
    upstream.clearRequests();
    const body =
      '{ "model" : "gpt-4o",\n  "messages": [ {"role":"user","content":"spaces stay"} ], "temperature": 0.5 }';
    const res = await fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${APP_KEY}` },
      body,
    });
    assert.equal(res.status, 200);
    assert.equal(upstream.lastRequest()!.rawBody.toString(), body);
    assert.equal(res.headers.get('x-aimesh-route'), 'team-a/chat/gpt');
    assert.equal(res.headers.get('x-aimesh-provider'), 'ai-platform/openai');
  });

  it('streams chat chunks and hides the usage chunk the app did not ask for', async () => {
    upstream.clearRequests();
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      stream: true,
      messages: [{ role: 'user', content: 'count the stream chunks' }],
    });
    let text = '';
    let chunks = 0;
    for await (const chunk of stream) {
      assert.ok(chunk.choices.length > 0, 'an app that did not ask for usage gets no usage-only chunk');
      text += chunk.choices[0].delta.content ?? '';
      chunks++;
    }
    assert.ok(chunks > 3);
    assert.match(text, /stream/);
    assert.equal(
      upstream.lastRequest()!.body.stream_options.include_usage,
      true,
      'usage is requested upstream',
    );
  });

  it('sends a big body upstream as the app’s bytes, stream usage spliced in, not re-serialized', async () => {
    // Bodies over a few KB are read at their top level only (model, stream, the checks): the
    // rest travels as sent, spacing and escapes included.
    // JSON text as an app may write it: escapes the sidecar would write otherwise.
    const long =
      String.raw`a long prompt \u00e9 with a few \"quoted words\" among many ordinary ones, the kind of text people paste into a chat window when they want a summary of it,\nlines \/ and slashes `.repeat(
        60,
      );
    for (const options of [undefined, '{ "include_usage" : false }']) {
      upstream.clearRequests();
      const sent = `{ "model": "gpt-4o", "stream": true,${options ? ` "stream_options": ${options},` : ''}
  "messages": [ {"role": "user", "content": "${long}"} ] }`;
      assert.ok(sent.length > 8000);
      const res = await fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${APP_KEY}` },
        body: sent,
      });
      assert.equal(res.status, 200);
      const events = (await res.text()).split('\n\n').filter((e) => e.startsWith('data: {'));
      assert.ok(events.length > 3);
      for (const e of events)
        assert.ok(
          JSON.parse(e.slice(6)).choices.length > 0,
          'no usage-only chunk for an app that did not ask',
        );
      const seen = upstream.lastRequest()!;
      assert.deepEqual(seen.body, {
        ...JSON.parse(sent),
        stream_options: { include_usage: true },
      });
      // Only stream_options changed; every other byte is the app's.
      const expected = options
        ? sent.replace(options, '{"include_usage":true}')
        : sent.replace('{', '{"stream_options":{"include_usage":true},');
      assert.equal(seen.rawBody.toString(), expected);
    }
  });

  it('sends a big body the sidecar parses whole (dense quotes: cheaper to parse) as sent too', async () => {
    upstream.clearRequests();
    const quoted = String.raw`{\"a\":\"b\"} `.repeat(800);
    const sent = `{"model": "gpt-4o", "messages": [{"role": "user", "content": "${quoted}"}]}`;
    const res = await fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${APP_KEY}` },
      body: sent,
    });
    assert.equal(res.status, 200);
    await res.json();
    assert.equal(upstream.lastRequest()!.rawBody.toString(), sent);
  });

  it('refuses a big body whose top level is wrong, forwarding nothing', async () => {
    const long = 'x'.repeat(6000);
    const before = upstream.requests.length;
    for (const [body, pattern] of [
      [`{"model": "gpt-4o", "messages": [{"role": "user", "content": "${long}"}]`, /not valid JSON/],
      [`{"model": "gpt-4o", "messages": [{"role": "user", "content": "${long}"}]]}`, /not valid JSON/],
      [`{"model": "gpt-4o", "messages": [], "user": "${long}"}`, /messages must be a non-empty array/],
      [`{"messages": [{"role": "user", "content": "${long}"}]}`, /model/],
      [
        `{"model": "gpt-4o", "stream": "yes", "messages": [{"role": "user", "content": "${long}"}]}`,
        /stream must be a boolean/,
      ],
      [
        `{"model": "gpt-4o", "messages": [{"role": "user", "content": "${long}", "x": ${'['.repeat(300)}${']'.repeat(300)}}]}`,
        /nests deeper than 256/,
      ],
    ] as const) {
      const res = await fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${APP_KEY}` },
        body,
      });
      const answer = (await res.json()) as { error: { message: string; type: string } };
      assert.equal(res.status, 400, body.slice(0, 60));
      assert.equal(answer.error.type, 'invalid_request_error');
      assert.match(answer.error.message, pattern);
    }
    assert.equal(upstream.requests.length, before, 'nothing forwarded');
  });

  it('streams usage when the app asks for it', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'usage please' }],
    });
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) if (chunk.usage) usage = chunk.usage;
    assert.ok(usage && usage.prompt_tokens > 0 && usage.completion_tokens > 0);
  });

  it('passes tool calls through, streaming and not', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Weather for a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      },
    ];
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: 'user', content: 'call get_weather for Paris' },
    ];
    const res = await client.chat.completions.create({ model: 'gpt-4o', messages, tools });
    const call = res.choices[0].message.tool_calls?.[0];
    assert.equal(res.choices[0].finish_reason, 'tool_calls');
    assert.equal(call?.type === 'function' && call.function.name, 'get_weather');

    const stream = client.chat.completions.stream({ model: 'gpt-4o', messages, tools });
    const final = await stream.finalChatCompletion();
    const streamed = final.choices[0].message.tool_calls?.[0];
    assert.equal(streamed?.type === 'function' && streamed.function.name, 'get_weather');
    assert.doesNotThrow(() => JSON.parse(streamed?.type === 'function' ? streamed.function.arguments : ''));
  });

  it('rewrites the model for aliases and maps it to the provider’s upstream name', async () => {
    upstream.clearRequests();
    const res = await client.chat.completions.create({
      model: 'fast',
      messages: [{ role: 'user', content: 'hi' }],
    });
    assert.equal(upstream.lastRequest()!.body.model, 'gpt-4o-mini');
    assert.equal(res.model, 'gpt-4o-mini');

    await client.chat.completions.create({ model: 'llama', messages: [{ role: 'user', content: 'hi' }] });
    const seen = upstream.lastRequest()!;
    assert.equal(seen.body.model, 'meta-llama/Llama-3.1-8B-Instruct');
    assert.equal(seen.headers.authorization, `Bearer ${VLLM_KEY}`);
  });

  it('serves embeddings, completions and image generation', async () => {
    const emb = await client.embeddings.create({ model: 'anything', input: ['a', 'b'] });
    assert.equal(emb.data.length, 2);
    assert.equal(upstream.lastRequest()!.body.model, 'text-embedding-3-small');

    const completion = await client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'once upon a time',
    });
    assert.ok(completion.choices[0].text.length > 0);

    const image = await client.images.generate({ model: 'dall-e-3', prompt: 'a mesh of stars' });
    assert.ok(image.data && image.data.length > 0);
  });

  it('forwards a multipart audio upload untouched and returns speech as bytes', async () => {
    upstream.clearRequests();
    const file = await toFile(Buffer.alloc(3200, 1), 'meeting.mp3', { type: 'audio/mpeg' });
    const transcript = await client.audio.transcriptions.create({ file, model: 'whisper-1' });
    assert.match(transcript.text, /meeting\.mp3 \(3200 bytes\) with whisper-1/);
    const seen = upstream.lastRequest()!;
    assert.equal(seen.headers.authorization, `Bearer ${SNAPSHOT_KEY}`);
    assert.match(String(seen.headers['content-type']), /^multipart\/form-data; boundary=/);
    assert.equal(seen.body.fields.model, 'whisper-1');
    assert.equal(seen.body.files.file.size, 3200);

    const speech = await client.audio.speech.create({
      model: 'tts-1',
      voice: 'alloy',
      input: 'hello there mesh',
    });
    assert.match(speech.headers.get('content-type') ?? '', /audio\/mpeg/);
    const bytes = Buffer.from(await speech.arrayBuffer());
    assert.ok(bytes.length > 0);
  });

  it('lists the models its routes accept', async () => {
    const ids = (await client.models.list()).data.map((m) => m.id);
    assert.deepEqual(ids.slice(0, 2), ['fast', 'llama']);
    for (const m of ['gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small', 'whisper-1'])
      assert.ok(ids.includes(m), m);
    assert.ok(!ids.includes('claude-sonnet-4-5'));
  });

  it('answers 404 for a model without a route, naming the models that have one', async () => {
    await assert.rejects(
      client.chat.completions.create({
        model: 'claude-sonnet-4-5',
        messages: [{ role: 'user', content: 'hi' }],
      }),
      (err: unknown) => {
        assert.ok(err instanceof OpenAI.NotFoundError, String(err));
        assert.equal(err.status, 404);
        assert.equal(err.code, 'model_not_found');
        assert.match(
          err.message,
          /no route for model "claude-sonnet-4-5".*models you can call for chat: fast, llama/,
        );
        return true;
      },
    );
  });

  it('answers 400 for invalid JSON and missing fields', async () => {
    const res = await fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${APP_KEY}` },
      body: '{"model": "gpt-4o", "messages": [',
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { message: string; type: string; code: string } };
    assert.equal(body.error.type, 'invalid_request_error');
    assert.equal(body.error.code, 'invalid_json');

    await assert.rejects(
      client.chat.completions.create({ model: 'gpt-4o', messages: [] }),
      (err: unknown) => err instanceof OpenAI.BadRequestError && /messages/.test(err.message),
    );
  });

  it('answers 415 for a body that is not declared as JSON, and forwards nothing', async () => {
    const before = upstream.requests.length;
    const res = await fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    });
    assert.equal(res.status, 415);
    const body = (await res.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'unsupported_media_type');
    assert.equal(upstream.requests.length, before);
  });

  it('answers 413 for a body above the limit', async () => {
    await assert.rejects(
      client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'x'.repeat(100_000) }],
      }),
      (err: unknown) => {
        assert.ok(err instanceof OpenAI.APIError, String(err));
        assert.equal(err.status, 413);
        assert.equal(err.code, 'request_too_large');
        return true;
      },
    );
  });

  it('passes the upstream’s own request errors through', async () => {
    const remove = upstream.setFault({ model: 'gpt-4o' }, { error: 'bad_request', failTimes: 1 });
    try {
      await assert.rejects(
        client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
        (err: unknown) => err instanceof OpenAI.BadRequestError && err.status === 400,
      );
    } finally {
      remove();
    }
  });

  it('shows the config with credentials redacted', async () => {
    const res = await fetch(`${sidecar.adminUrl}/debug/config`);
    const text = await res.text();
    assert.equal(res.status, 200);
    assert.ok(!text.includes(SNAPSHOT_KEY) && !text.includes(VLLM_KEY), 'a credential is visible');
    const config = JSON.parse(text);
    assert.match(config.version, /^[0-9a-f]{64}$/);
    assert.equal(config.routes[0].id, 'team-a/chat');
    assert.equal(config.providers[0].credentials.apiKey, '<redacted>');
  });

  it('never logs credentials', () => {
    const logs = sidecar.logs();
    assert.ok(logs.includes('"msg":"call"'), 'calls are logged');
    for (const secret of [SNAPSHOT_KEY, VLLM_KEY, APP_KEY])
      assert.ok(!logs.includes(secret), `${secret} in logs`);
  });
});
