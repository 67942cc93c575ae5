// The adapter contract: one suite every provider adapter must pass, run against the test upstream
// (test/support/upstream.ts) over real HTTP. The app's side is always OpenAI-shaped, so the same
// assertions hold for every provider: content and usage as the upstream reported them, streams
// that add up to the non-streamed answer (however the bytes are cut), tool calls both ways,
// credentials in the provider's header, and errors mapped onto the resilience failure classes.
//
// Usage: adapterContract('anthropic', adapter, (url) => providerConfig) inside a test file.
import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { after, afterEach, before, describe, it } from 'node:test';
import type {
  Adapter,
  AdapterCall,
  TranslatedResponse,
  UpstreamError,
  UpstreamRequest,
} from '../../../sidecar/providers/adapter.ts';
import type { ProviderConfig, ProviderType } from '../../../sidecar/snapshot/schema.ts';
import { countTokens, replyText, startUpstream, type Upstream } from '../../support/upstream.ts';

type Json = Record<string, any>;

export const TEST_API_KEY = 'sk-contract-test-key';
export const TEST_AWS = {
  accessKeyId: 'AKIDCONTRACTTEST',
  secretAccessKey: 'contract/secret+key',
  sessionToken: 'contract-session-token',
};
/** A provider-level extra header: adapters must forward the provider's `headers`. */
export const PROVIDER_HEADER = ['x-mesh-contract', 'yes'] as const;

/** Where each provider type carries its credentials (checked on the upstream's recorded request). */
const CREDENTIALS: Record<ProviderType, (h: IncomingHttpHeaders, p: ProviderConfig) => void> = {
  openai: (h) => assert.equal(h.authorization, `Bearer ${TEST_API_KEY}`),
  'openai-compatible': (h) => assert.equal(h.authorization, `Bearer ${TEST_API_KEY}`),
  'azure-openai': (h) => assert.equal(h['api-key'], TEST_API_KEY),
  anthropic: (h) => {
    assert.equal(h['x-api-key'], TEST_API_KEY);
    assert.match(String(h['anthropic-version']), /^\d{4}-\d{2}-\d{2}$/);
  },
  gemini: (h) => assert.equal(h['x-goog-api-key'], TEST_API_KEY),
  bedrock: (h, p) => {
    const scope = `${TEST_AWS.accessKeyId}/\\d{8}/${p.region}/bedrock/aws4_request`;
    assert.match(
      String(h.authorization),
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$`,
      ),
    );
    assert.equal(h['x-amz-security-token'], TEST_AWS.sessionToken);
  },
};

const SYSTEM = 'You are terse.';
const PROMPT = 'Say hello to the mesh';
const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

/** What a chunk stream adds up to, ids and timestamps aside. */
export interface StreamSummary {
  content: string;
  toolCalls: { name: string; arguments: string }[];
  finish: string | null;
  usage?: Json;
  errors: Json[];
  /** Objects seen after the usage chunk (must be none). */
  afterUsage: number;
  roles: string[];
}

export function summarize(chunks: Json[]): StreamSummary {
  const s: StreamSummary = { content: '', toolCalls: [], finish: null, errors: [], afterUsage: 0, roles: [] };
  for (const c of chunks) {
    if (s.usage) s.afterUsage++;
    if (c.error) {
      s.errors.push(c.error);
      continue;
    }
    assert.equal(c.object, 'chat.completion.chunk', `not a chunk: ${JSON.stringify(c)}`);
    assert.ok(Array.isArray(c.choices), 'chunk without choices');
    if (c.usage) s.usage = c.usage;
    for (const ch of c.choices) {
      if (ch.index !== 0) continue;
      const d = ch.delta ?? {};
      if (d.role) s.roles.push(d.role);
      if (typeof d.content === 'string') s.content += d.content;
      for (const tc of d.tool_calls ?? []) {
        s.toolCalls[tc.index] ??= { name: '', arguments: '' };
        if (tc.function?.name) s.toolCalls[tc.index].name += tc.function.name;
        if (tc.function?.arguments) s.toolCalls[tc.index].arguments += tc.function.arguments;
      }
      if (ch.finish_reason) s.finish = ch.finish_reason;
    }
  }
  return s;
}

/** Feeds `raw` to a fresh translator in pieces of `size` bytes (boundary safety). */
function replay(adapter: Adapter, call: AdapterCall, raw: Buffer, size: number): Json[] {
  const t = adapter.stream(call);
  const out: Json[] = [];
  for (let i = 0; i < raw.length; i += size) out.push(...t.push(raw.subarray(i, i + size)));
  out.push(...t.end());
  return out;
}

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

export function adapterContract(
  name: string,
  adapter: Adapter,
  providerConfigFor: (upstreamUrl: string) => ProviderConfig,
): void {
  describe(`adapter contract: ${name}`, () => {
    let up: Upstream;
    let provider: ProviderConfig;
    let model: string;

    before(async () => {
      up = await startUpstream({ port: 0, apiKeys: [TEST_API_KEY], aws: TEST_AWS });
      provider = providerConfigFor(up.url);
      model = provider.models[0]?.upstreamName ?? provider.models[0]?.name ?? 'test-model';
    });
    after(() => up.close());
    afterEach(() => {
      up.clearFaults();
      up.clearRequests();
    });

    const call = (body: Json, stream = false, operation: AdapterCall['operation'] = 'chat'): AdapterCall => ({
      operation,
      path: operation === 'embeddings' ? '/embeddings' : '/chat/completions',
      model,
      // Streams ask for usage, as the sidecar does for every OpenAI-style stream (DESIGN: quotas).
      body: {
        model: 'app-model',
        ...body,
        ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
      },
      stream,
    });

    async function send(c: AdapterCall, p = provider): Promise<{ req: UpstreamRequest; res: Response }> {
      const req = await adapter.request(c, p);
      const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body as any });
      return { req, res };
    }

    /** Non-streaming round trip: the translated response, or the mapped error. */
    async function roundTrip(c: AdapterCall, p = provider): Promise<TranslatedResponse | UpstreamError> {
      const { res } = await send(c, p);
      const body = Buffer.from(await res.arrayBuffer());
      if (!res.ok) return adapter.error(res.status, body, headersOf(res));
      return adapter.response(c, res.status, body, res.headers.get('content-type') ?? undefined);
    }

    async function ok(c: AdapterCall): Promise<TranslatedResponse & { body: Json }> {
      const r = await roundTrip(c);
      assert.ok('body' in r, `expected a response, got error ${JSON.stringify(r)}`);
      assert.ok(!Buffer.isBuffer(r.body));
      return r as TranslatedResponse & { body: Json };
    }

    async function failed(c: AdapterCall): Promise<UpstreamError> {
      const r = await roundTrip(c);
      assert.ok(!('body' in r), `expected an error, got ${JSON.stringify(r)}`);
      return r as UpstreamError;
    }

    /** Streaming round trip: the chunk objects (natural network chunking) and the raw bytes. */
    async function streamed(c: AdapterCall): Promise<{ chunks: Json[]; raw: Buffer; threw?: Error }> {
      const { res } = await send(c);
      assert.equal(res.status, 200, `stream answered ${res.status}`);
      const t = adapter.stream(c);
      const chunks: Json[] = [];
      const parts: Buffer[] = [];
      let threw: Error | undefined;
      for await (const piece of res.body as unknown as AsyncIterable<Uint8Array>) {
        parts.push(Buffer.from(piece));
        try {
          if (!threw) chunks.push(...t.push(piece));
        } catch (e) {
          threw = e as Error;
        }
      }
      try {
        if (!threw) chunks.push(...t.end());
      } catch (e) {
        threw = e as Error;
      }
      return { chunks, raw: Buffer.concat(parts), threw };
    }

    const simple = {
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: PROMPT },
      ],
    };
    const promptTokens = countTokens(SYSTEM) + countTokens(PROMPT);

    it('supports chat', () => {
      assert.equal(adapter.supports('chat'), true);
      assert.equal(typeof adapter.genAiProvider, 'string');
      assert.ok(adapter.genAiProvider.length > 0);
    });

    it('non-streaming chat: a chat.completion with the upstream content and usage', async () => {
      const r = await ok(call(simple));
      const b = r.body;
      assert.equal(b.object, 'chat.completion');
      assert.equal(typeof b.id, 'string');
      assert.equal(typeof b.created, 'number');
      assert.equal(b.choices.length, 1);
      const choice = b.choices[0];
      assert.equal(choice.index, 0);
      assert.equal(choice.message.role, 'assistant');
      assert.equal(choice.message.content, replyText(PROMPT, 16));
      assert.equal(choice.finish_reason, 'stop');
      const completion = countTokens(choice.message.content);
      assert.deepEqual(
        { p: b.usage.prompt_tokens, c: b.usage.completion_tokens, t: b.usage.total_tokens },
        { p: promptTokens, c: completion, t: promptTokens + completion },
      );
      assert.equal(r.usage?.inputTokens, promptTokens);
      assert.equal(r.usage?.outputTokens, completion);
      assert.equal(up.lastRequest()?.model, model, 'the provider model goes upstream');
    });

    it('injects the credentials (and provider headers) the provider expects', async () => {
      await ok(call(simple));
      const h = up.lastRequest()!.headers;
      CREDENTIALS[adapter.type](h, provider);
      assert.equal(h[PROVIDER_HEADER[0]], PROVIDER_HEADER[1]);
    });

    it('wrong credentials: the upstream refuses, and that is not a retryable failure', async () => {
      const creds: Json = {};
      for (const [k, v] of Object.entries(provider.credentials ?? {}))
        creds[k] = k === 'accessKeyId' ? v : 'wrong';
      const r = await roundTrip(call(simple), { ...provider, credentials: creds });
      assert.ok(!('body' in r), 'wrong credentials must fail');
      assert.ok([400, 401, 403].includes(r.status), `status ${r.status}`);
      assert.equal(r.failure, undefined);
      assert.ok(r.message.length > 0);
    });

    it('streaming chat: chunks add up to the non-streamed content, closed by a usage chunk', async () => {
      const whole = await ok(call(simple));
      const { chunks, raw } = await streamed(call(simple, true));
      const s = summarize(chunks);
      assert.deepEqual(s.errors, []);
      assert.equal(s.content, whole.body.choices[0].message.content);
      assert.equal(s.finish, 'stop');
      assert.deepEqual(s.roles, ['assistant']);
      assert.ok(s.usage, 'a final usage chunk');
      assert.equal(s.afterUsage, 0, 'the usage chunk is the last object');
      const last = chunks.at(-1)!;
      assert.deepEqual(last.choices, []);
      assert.deepEqual(
        { p: s.usage.prompt_tokens, c: s.usage.completion_tokens, t: s.usage.total_tokens },
        {
          p: whole.body.usage.prompt_tokens,
          c: whole.body.usage.completion_tokens,
          t: whole.body.usage.total_tokens,
        },
      );
      assert.equal(up.lastRequest()?.stream, true);
      // However the network cuts the bytes (inside an SSE line, a UTF-8 sequence or a binary
      // frame), the translation is the same.
      for (const size of [1, 7, 64]) {
        const again = summarize(replay(adapter, call(simple, true), raw, size));
        assert.deepEqual(again, s, `pieces of ${size} bytes`);
      }
    });

    it('streaming: non-ASCII text split across network chunks survives', async () => {
      const text = 'Grüße aus Zürich — 你好 🌍 naïve café';
      const c = call({ messages: [{ role: 'user', content: text }] }, true);
      const { chunks, raw } = await streamed(c);
      const s = summarize(chunks);
      assert.equal(s.content, replyText(text, 16));
      assert.deepEqual(summarize(replay(adapter, c, raw, 1)), s);
    });

    const toolAsk = {
      messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
      tools: [WEATHER_TOOL],
    };

    it('tool calls: a tool_use comes back as OpenAI tool_calls', async () => {
      const r = await ok(call(toolAsk));
      const choice = r.body.choices[0];
      assert.equal(choice.finish_reason, 'tool_calls');
      assert.ok(!choice.message.content, 'no text next to the tool call');
      assert.equal(choice.message.tool_calls.length, 1);
      const tc = choice.message.tool_calls[0];
      assert.equal(tc.type, 'function');
      assert.equal(typeof tc.id, 'string');
      assert.ok(tc.id.length > 0);
      assert.equal(tc.function.name, 'get_weather');
      assert.deepEqual(JSON.parse(tc.function.arguments), { city: 'Use get_weather for Paris' });
      assert.ok((r.usage?.outputTokens ?? 0) > 0);
    });

    it('tool calls: tool_choice "required" forces a call', async () => {
      const r = await ok(
        call({
          messages: [{ role: 'user', content: 'anything' }],
          tools: [WEATHER_TOOL],
          tool_choice: 'required',
        }),
      );
      assert.equal(r.body.choices[0].message.tool_calls?.[0]?.function.name, 'get_weather');
    });

    it('tool calls: streamed tool calls assemble to the same call', async () => {
      const whole = await ok(call(toolAsk));
      const { chunks, raw } = await streamed(call(toolAsk, true));
      const s = summarize(chunks);
      assert.deepEqual(s.errors, []);
      assert.equal(s.finish, 'tool_calls');
      const tc = whole.body.choices[0].message.tool_calls[0];
      assert.equal(s.toolCalls.length, 1);
      assert.equal(s.toolCalls[0].name, tc.function.name);
      assert.deepEqual(JSON.parse(s.toolCalls[0].arguments), JSON.parse(tc.function.arguments));
      assert.ok(s.usage && s.usage.completion_tokens > 0);
      assert.deepEqual(summarize(replay(adapter, call(toolAsk, true), raw, 3)), s);
    });

    it('tool calls: the tool result goes back and the model answers from it', async () => {
      const first = await ok(call(toolAsk));
      const assistant = first.body.choices[0].message;
      const tc = assistant.tool_calls[0];
      const messages = [
        { role: 'system', content: SYSTEM },
        ...toolAsk.messages,
        { role: 'assistant', content: null, tool_calls: assistant.tool_calls },
        { role: 'tool', tool_call_id: tc.id, content: 'sunny and 21 degrees' },
      ];
      const r = await ok(call({ messages, tools: [WEATHER_TOOL] }));
      const choice = r.body.choices[0];
      assert.equal(choice.finish_reason, 'stop');
      assert.match(choice.message.content, /sunny/);
      assert.equal(choice.message.tool_calls, undefined);
      assert.ok((r.usage?.inputTokens ?? 0) > countTokens('sunny and 21 degrees'));
    });

    it('errors: 429 with retry-after -> failure "429" and retryAfterMs', async () => {
      up.setFault({}, { status: 429, retryAfter: '2' });
      const e = await failed(call(simple));
      assert.equal(e.status, 429);
      assert.equal(e.failure, '429');
      assert.equal(e.retryAfterMs, 2000);
      assert.ok(e.message.length > 0);
    });

    it('errors: 500 and 503 -> failure "5xx"', async () => {
      up.setFault({}, { status: 500 });
      const e = await failed(call(simple));
      assert.equal(e.failure, '5xx');
      assert.ok(e.status >= 500);
      up.clearFaults();
      up.setFault({}, { error: 'overloaded' });
      assert.equal((await failed(call(simple))).failure, '5xx');
    });

    it('errors: the provider timeout error -> failure "timeout"', async () => {
      up.setFault({}, { error: 'timeout' });
      assert.equal((await failed(call(simple))).failure, 'timeout');
    });

    it('errors: the provider\'s context-length error -> failure "context-length"', async () => {
      up.setFault({}, { contextWindow: 2 });
      const e = await failed(call(simple));
      assert.equal(e.failure, 'context-length');
      assert.ok(e.status >= 400 && e.status < 500);
    });

    it('errors: a plain bad request is no failure class', async () => {
      up.setFault({}, { error: 'bad_request' });
      const e = await failed(call(simple));
      assert.equal(e.status, 400);
      assert.equal(e.failure, undefined);
    });

    it('errors: an error event mid-stream ends the stream with an {error} object and no usage', async () => {
      up.setFault({}, { errorAfterChunks: 2 });
      const { chunks, threw } = await streamed(call(simple, true));
      assert.equal(threw, undefined);
      const s = summarize(chunks);
      assert.equal(s.errors.length, 1, JSON.stringify(chunks.at(-1)));
      assert.ok(chunks.at(-1)!.error, 'the error is the last object');
      assert.equal(s.usage, undefined);
      assert.ok(s.content.length > 0, 'content before the error still arrives');
    });

    it('errors: a corrupt stream event is reported (error object or throw), never silently dropped', async () => {
      up.setFault({}, { malformed: true });
      const { chunks, threw } = await streamed(call(simple, true));
      const s = summarize(chunks);
      assert.ok(threw || s.errors.length > 0, 'corruption must surface');
    });

    it('errors: a corrupt JSON body throws from response()', async () => {
      up.setFault({}, { malformed: true });
      const { res } = await send(call(simple));
      const body = Buffer.from(await res.arrayBuffer());
      assert.equal(res.status, 200);
      assert.throws(() =>
        adapter.response(call(simple), 200, body, res.headers.get('content-type') ?? undefined),
      );
    });

    it('embeddings (when supported): an OpenAI embeddings list', async (t) => {
      if (!adapter.supports('embeddings')) return t.skip(`${name} has no embeddings`);
      const input = ['alpha beta', 'gamma'];
      const r = await ok(call({ input }, false, 'embeddings'));
      assert.equal(r.body.object, 'list');
      assert.equal(r.body.data.length, 2);
      for (const [i, d] of r.body.data.entries()) {
        assert.equal(d.object, 'embedding');
        assert.equal(d.index, i);
        assert.ok(Array.isArray(d.embedding) && d.embedding.length > 0);
        assert.ok(d.embedding.every((x: unknown) => typeof x === 'number'));
      }
      if (r.usage) assert.equal(r.usage.inputTokens, 3);
      const b64 = await ok(call({ input: 'alpha', encoding_format: 'base64' }, false, 'embeddings'));
      assert.equal(typeof b64.body.data[0].embedding, 'string');
    });
  });
}
