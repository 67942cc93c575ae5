// GenAI semconv v1.41 attribute mapping: names, operation values, request/response attributes,
// error.type, opt-in content, and the stream scanners.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRuntime } from '../../../sidecar/config/runtime.ts';
import type { Attempt } from '../../../sidecar/pipeline/call.ts';
import { adapterFor } from '../../../sidecar/providers/index.ts';
import { seal } from '../../../sidecar/snapshot/index.ts';
import {
  attemptErrorType,
  attemptStartAttributes,
  clientSpanName,
  genAiOperation,
  inputMessages,
  outputMessages,
  providerAttributes,
  requestAttributes,
  responseAttributes,
  responseFacts,
  ruleAttributes,
  SSEFactsScanner,
  StreamedOutput,
  serverAttributes,
  snapshotAttributes,
} from '../../../sidecar/telemetry/attributes.ts';
import { AgentPool } from '../../../sidecar/upstream/agents.ts';

const runtime = () =>
  buildRuntime(
    seal({
      workload: { namespace: 'team-a', name: 'chat-app' },
      providers: [
        {
          id: 'ai-platform/openai',
          type: 'openai',
          endpoint: 'https://api.openai.com/v1',
          headers: {},
          credentials: { apiKey: 'sk-secret' },
          models: [{ name: 'gpt-4o' }],
        },
        {
          id: 'ai-platform/claude',
          type: 'anthropic',
          endpoint: 'http://10.0.0.7:8080',
          headers: {},
          models: [{ name: 'claude-sonnet-4-5' }],
          dataResidency: { jurisdiction: 'EU', regions: ['eu-west-1', 'eu-central-1'] },
        },
        {
          id: 'ai-platform/bedrock',
          type: 'bedrock',
          endpoint: 'https://bedrock-runtime.us-east-1.amazonaws.com',
          region: 'us-east-1',
          headers: {},
          models: [{ name: 'claude' }],
        },
      ],
      routes: [
        {
          id: 'team-a/chat',
          rules: [
            {
              name: 'default',
              matches: [],
              backends: [{ provider: 'ai-platform/openai', weight: 1 }],
              retries: { attempts: 0, backoffMs: 0, on: [] },
              prompt: { name: 'support', version: 'v3', system: 'You are a SECRET system prompt' },
            },
          ],
        },
      ],
      quotas: [],
    }),
    { adapterFor, agents: new AgentPool() },
  );

const attempt = (over: Partial<Attempt> = {}): Attempt => ({
  provider: 'ai-platform/openai',
  providerType: 'openai',
  model: 'gpt-4o',
  fallback: 0,
  retry: 0,
  startMs: 1,
  ...over,
});

describe('GenAI semconv names', () => {
  it('maps operations to gen_ai.operation.name well-known values', () => {
    assert.equal(genAiOperation('chat'), 'chat');
    assert.equal(genAiOperation('completions'), 'text_completion');
    assert.equal(genAiOperation('embeddings'), 'embeddings');
    assert.equal(genAiOperation('images'), 'generate_content');
    assert.equal(genAiOperation('audio'), 'generate_content');
  });

  it('names CLIENT spans "{operation} {model}", the operation alone without a model', () => {
    assert.equal(clientSpanName('chat', 'gpt-4o'), 'chat gpt-4o');
    assert.equal(clientSpanName('embeddings', 'text-embedding-3-small'), 'embeddings text-embedding-3-small');
    assert.equal(clientSpanName('generate_content', undefined), 'generate_content');
  });

  it('uses the adapters’ gen_ai.provider.name and the endpoint as server.address/port', () => {
    const rt = runtime();
    assert.deepEqual(providerAttributes(rt.providers.get('ai-platform/openai')!), {
      'gen_ai.provider.name': 'openai',
      'aimesh.provider': 'ai-platform/openai',
      'server.address': 'api.openai.com',
      'server.port': 443,
    });
    assert.deepEqual(providerAttributes(rt.providers.get('ai-platform/claude')!), {
      'gen_ai.provider.name': 'anthropic',
      'aimesh.provider': 'ai-platform/claude',
      'server.address': '10.0.0.7',
      'server.port': 8080,
      'aimesh.data_residency.jurisdiction': 'EU',
      'aimesh.data_residency.regions': ['eu-west-1', 'eu-central-1'],
    });
    assert.equal(
      providerAttributes(rt.providers.get('ai-platform/bedrock')!)['gen_ai.provider.name'],
      'aws.bedrock',
    );
    assert.deepEqual(serverAttributes('http://localhost/v1'), {
      'server.address': 'localhost',
      'server.port': 80,
    });
    assert.deepEqual(serverAttributes('not a url'), {});
  });

  it('builds the snapshot, rule and provider attributes once per runtime object', () => {
    const rt = runtime();
    const p = rt.providers.get('ai-platform/openai')!;
    assert.equal(providerAttributes(p), providerAttributes(p));
    assert.equal(ruleAttributes(rt.rules[0]), ruleAttributes(rt.rules[0]));
    assert.equal(snapshotAttributes(rt), snapshotAttributes(rt));
    assert.deepEqual(snapshotAttributes(rt), {
      'aimesh.snapshot.version': rt.version,
      'aimesh.namespace': 'team-a',
      'aimesh.workload': 'chat-app',
    });
    assert.deepEqual(ruleAttributes(rt.rules[0]), {
      'aimesh.route': 'team-a/chat',
      'aimesh.rule': 'default',
    });
    // Nothing built from config carries the managed prompt's text or a credential.
    const all = JSON.stringify([providerAttributes(p), ruleAttributes(rt.rules[0]), snapshotAttributes(rt)]);
    assert.ok(!all.includes('SECRET') && !all.includes('sk-secret'));
  });
});

/** A body's top-level fields as Call.field reads them. */
const fields = (body: Record<string, unknown>) => (name: string) => body[name];

describe('request and response attributes', () => {
  it('reads max_tokens (or max_completion_tokens), temperature and top_p', () => {
    assert.deepEqual(
      requestAttributes(fields({ model: 'm', max_tokens: 100, temperature: 0.2, top_p: 0.9 })),
      {
        'gen_ai.request.max_tokens': 100,
        'gen_ai.request.temperature': 0.2,
        'gen_ai.request.top_p': 0.9,
      },
    );
    assert.deepEqual(requestAttributes(fields({ max_completion_tokens: 64, temperature: 0 })), {
      'gen_ai.request.max_tokens': 64,
      'gen_ai.request.temperature': 0,
    });
    assert.deepEqual(requestAttributes(fields({ temperature: '0.5', top_p: null })), {});
    assert.deepEqual(requestAttributes(fields({})), {});
  });

  it('reads response id, model and one finish reason per choice', () => {
    const facts = responseFacts({
      id: 'chatcmpl-1',
      model: 'gpt-4o-2024-08-06',
      choices: [{ finish_reason: 'stop' }, { finish_reason: 'length' }],
    });
    assert.deepEqual(facts, {
      id: 'chatcmpl-1',
      model: 'gpt-4o-2024-08-06',
      finishReasons: ['stop', 'length'],
    });
    assert.deepEqual(responseAttributes(facts), {
      'gen_ai.response.id': 'chatcmpl-1',
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.response.finish_reasons': ['stop', 'length'],
    });
    assert.deepEqual(responseAttributes(responseFacts({ data: [] })), {});
  });

  it('reads a Response (the Responses API served natively): its id, model and status', () => {
    assert.deepEqual(
      responseFacts({ id: 'resp_1', object: 'response', model: 'gpt-4o', status: 'incomplete' }),
      {
        id: 'resp_1',
        model: 'gpt-4o',
        finishReasons: ['incomplete'],
      },
    );
  });

  it('sets error.type to the upstream status, else the failure class', () => {
    assert.equal(attemptErrorType(attempt()), undefined);
    assert.equal(attemptErrorType(attempt({ failure: '5xx', status: 503 })), '503');
    assert.equal(attemptErrorType(attempt({ failure: '429', status: 429 })), '429');
    assert.equal(attemptErrorType(attempt({ failure: 'timeout' })), 'timeout');
    assert.equal(attemptErrorType(attempt({ failure: 'connect-error' })), 'connect_error');
    assert.equal(attemptErrorType(attempt({ failure: 'circuit-open' })), 'circuit_open');
  });

  it('marks the attempt with its fallback and retry position', () => {
    assert.deepEqual(attemptStartAttributes(attempt({ fallback: 1, retry: 2 }), 'chat'), {
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-4o',
      'aimesh.fallback.attempt': 1,
      'aimesh.retry.attempt': 2,
    });
    assert.equal(attemptStartAttributes(attempt({ model: '' }), 'chat')['gen_ai.request.model'], undefined);
  });
});

describe('content (opt-in)', () => {
  it('renders input messages in the semconv parts shape', () => {
    const json = inputMessages({
      messages: [
        { role: 'system', content: 'be brief' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'hi' },
            { type: 'image_url', image_url: { url: 'data:...' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'sunny' },
      ],
    });
    assert.deepEqual(JSON.parse(json!), [
      { role: 'system', parts: [{ type: 'text', content: 'be brief' }] },
      { role: 'user', parts: [{ type: 'text', content: 'hi' }, { type: 'image_url' }] },
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'c1', name: 'weather', arguments: '{"city":"Paris"}' }],
      },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'c1', response: 'sunny' }] },
    ]);
    assert.deepEqual(JSON.parse(inputMessages({ input: ['a', 'b'] })!), [
      {
        role: 'user',
        parts: [
          { type: 'text', content: 'a' },
          { type: 'text', content: 'b' },
        ],
      },
    ]);
    assert.equal(inputMessages({}), undefined);
  });

  it('renders output messages from a completion and from streamed deltas alike', () => {
    const whole = outputMessages({
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there' }, finish_reason: 'stop' }],
    });
    const streamed = new StreamedOutput();
    streamed.push({ choices: [{ index: 0, delta: { role: 'assistant', content: 'Hello' } }] });
    streamed.push({ choices: [{ index: 0, delta: { content: ' there' } }] });
    streamed.push({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    streamed.push({ choices: [], usage: { prompt_tokens: 1 } });
    assert.deepEqual(JSON.parse(whole!), JSON.parse(streamed.toJSON()));
    assert.deepEqual(JSON.parse(whole!), [
      { role: 'assistant', parts: [{ type: 'text', content: 'Hello there' }], finish_reason: 'stop' },
    ]);
  });

  it('assembles streamed tool calls', () => {
    const s = new StreamedOutput();
    s.push({
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id: 't1', function: { name: 'f', arguments: '{"a"' } }] },
        },
      ],
    });
    s.push({
      choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: ':1}' } }] } }],
    });
    s.push({ choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
    assert.deepEqual(JSON.parse(s.toJSON()), [
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', arguments: '{"a":1}', id: 't1', name: 'f' }],
        finish_reason: 'tool_calls',
      },
    ]);
  });
});

describe('SSEFactsScanner', () => {
  it('reads id and model from the first chunk and finish reasons by byte search', () => {
    const s = new SSEFactsScanner();
    const ev = (o: unknown) => Buffer.from(`data: ${JSON.stringify(o)}\n\n`);
    s.push(
      ev({
        id: 'chatcmpl-9',
        model: 'gpt-4o-mini',
        choices: [{ index: 0, delta: { content: '"finish_reason":"x"' } }],
      }),
    );
    s.push(
      Buffer.concat([
        ev({ id: 'chatcmpl-9', choices: [{ index: 0, delta: {}, finish_reason: 'length' }] }),
        ev({ choices: [], usage: {} }),
      ]),
    );
    s.push(Buffer.from('data: [DONE]\n\n'));
    // The quoted key inside content is escaped in JSON, so only the real finish_reason counts.
    assert.deepEqual(s.facts, { id: 'chatcmpl-9', model: 'gpt-4o-mini', finishReasons: ['length'] });
  });
});
