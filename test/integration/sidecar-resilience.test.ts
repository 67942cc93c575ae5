// When providers misbehave: retries with backoff, retry-after, fallback chains (5xx, timeout,
// connection refused, context length), the circuit breaker, and streams that break before or
// after they started. Faults come from the test upstream; what it recorded is the evidence.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { freePorts } from '../support/procs.ts';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const OPENAI_KEY = 'sk-snapshot-openai';
const ANTHROPIC_KEY = 'sk-ant-snapshot';
const ALL_FAILURES = ['5xx', '429', 'timeout', 'connect-error'] as const;
const toClaude = (on: readonly string[]) => ({
  fallback: {
    backends: [{ provider: 'ai-platform/anthropic', model: 'claude-haiku-4-5' }],
    on: on as ('5xx' | '429' | 'timeout' | 'connect-error' | 'context-length')[],
  },
});

describe('sidecar: resilience', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let client: OpenAI;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [OPENAI_KEY, ANTHROPIC_KEY] });
    const [deadPort] = await freePorts(1); // nothing listens there
    sidecar = await startSidecar({
      args: ['--breaker-failures', '3', '--breaker-cooldown', '400', '--max-retry-after', '2000'],
      snapshot: {
        workload: { namespace: 'team-a' },
        providers: [
          testProvider('ai-platform/openai', 'openai', `${upstream.url}/v1`, OPENAI_KEY, []),
          testProvider('ai-platform/anthropic', 'anthropic', upstream.url, ANTHROPIC_KEY, [
            'claude-haiku-4-5',
          ]),
          testProvider('ai-platform/slow', 'openai', `${upstream.url}/v1`, OPENAI_KEY, ['slow-model'], {
            requestTimeoutMs: 300,
          }),
          testProvider('ai-platform/windowed', 'openai', `${upstream.url}/v1`, OPENAI_KEY, [], {
            models: [{ name: 'tiny-window', contextWindow: 40 }],
          }),
          testProvider(
            'ai-platform/dead',
            'openai',
            `http://127.0.0.1:${deadPort}/v1`,
            OPENAI_KEY,
            ['dead-model'],
            {
              connectTimeoutMs: 500,
            },
          ),
        ],
        routes: [
          {
            id: 'team-a/resilience',
            rules: [
              testRule('retry', [{ model: 'retry-model' }], ['ai-platform/openai'], {
                retries: { attempts: 2, backoffMs: 20, on: ['5xx', '429'] },
              }),
              testRule('retry-after', [{ model: 'ra-model' }], ['ai-platform/openai'], {
                retries: { attempts: 1, backoffMs: 10, on: ['429'] },
              }),
              testRule('fallback', [{ model: 'fb-model' }], ['ai-platform/openai'], toClaude(ALL_FAILURES)),
              testRule('slow', [{ model: 'slow-model' }], ['ai-platform/slow'], toClaude(['timeout'])),
              testRule('slow-alone', [{ model: 'slow-alone' }], ['ai-platform/slow']),
              testRule('dead', [{ model: 'dead-model' }], ['ai-platform/dead'], toClaude(['connect-error'])),
              testRule(
                'context',
                [{ model: 'small-model' }],
                ['ai-platform/openai'],
                toClaude(['context-length']),
              ),
              testRule('doomed', [{ model: 'doomed' }], ['ai-platform/openai'], {
                retries: { attempts: 1, backoffMs: 10, on: ['5xx'] },
                fallback: {
                  backends: [{ provider: 'ai-platform/anthropic', model: 'claude-doomed' }],
                  on: ['5xx'],
                },
              }),
              testRule('breaker', [{ model: 'cb-model' }], ['ai-platform/openai']),
              testRule(
                'cb-timeout-only',
                [{ model: 'cb-timeout-only' }],
                ['ai-platform/openai'],
                toClaude(['timeout']),
              ),
              testRule('cb-5xx', [{ model: 'cb-5xx' }], ['ai-platform/openai'], toClaude(['5xx'])),
              testRule('window-alone', [{ model: 'tiny-window' }], ['ai-platform/windowed']),
              testRule(
                'window-fallback',
                [{ model: 'tiny-window-fb' }],
                ['ai-platform/windowed:tiny-window'],
                toClaude(['context-length']),
              ),
              testRule('no-retry', [{ model: 'no-retry' }], ['ai-platform/openai']),
              testRule('stream', [{ model: 'stream-model' }], ['ai-platform/openai'], {
                retries: { attempts: 2, backoffMs: 10, on: ['5xx', 'connect-error'] },
              }),
            ],
          },
        ],
        quotas: [],
      },
    });
    client = new OpenAI({ baseURL: sidecar.openaiBaseURL, apiKey: 'sk-app', maxRetries: 0 });
  });

  afterEach(() => {
    upstream.clearFaults();
    upstream.clearRequests();
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  const ask = (model: string, content = 'hello resilience') =>
    client.chat.completions.create({ model, messages: [{ role: 'user', content }] }).withResponse();
  const hits = (model: string) => upstream.requests.filter((r) => r.model === model).length;

  it('retries a 5xx on the same backend with backoff, then succeeds', async () => {
    upstream.setFault({ model: 'retry-model' }, { status: 503, failTimes: 2 });
    const { data } = await ask('retry-model');
    assert.equal(data.choices[0].finish_reason, 'stop');
    assert.equal(hits('retry-model'), 3);
  });

  it('gives up after the configured retries with a 502 saying what was tried', async () => {
    upstream.setFault({ model: 'retry-model' }, { status: 500 });
    await assert.rejects(ask('retry-model'), (err: unknown) => {
      assert.ok(err instanceof OpenAI.APIError);
      assert.equal(err.status, 502);
      assert.match(err.message, /ai-platform\/openai retry-model: HTTP 500 \(x3\)/);
      return true;
    });
    assert.equal(hits('retry-model'), 3);
  });

  it('honours retry-after before retrying a 429', async () => {
    upstream.setFault({ model: 'ra-model' }, { status: 429, retryAfter: '1', failTimes: 1 });
    const started = Date.now();
    await ask('ra-model');
    assert.ok(Date.now() - started >= 950, `retried after ${Date.now() - started} ms`);
    assert.equal(hits('ra-model'), 2);
  });

  it('passes a 429 on when its retry-after is longer than it will wait', async () => {
    upstream.setFault({ model: 'ra-model' }, { status: 429, retryAfter: '30' });
    await assert.rejects(ask('ra-model'), (err: unknown) => {
      assert.ok(err instanceof OpenAI.RateLimitError, String(err));
      assert.equal(err.headers.get('retry-after'), '30');
      return true;
    });
    assert.equal(hits('ra-model'), 1);
  });

  it('falls back to the next provider on a 5xx, with that provider’s credentials', async () => {
    upstream.setFault({ model: 'fb-model' }, { status: 500 });
    const { data, response } = await ask('fb-model');
    assert.equal(response.headers.get('x-aimesh-provider'), 'ai-platform/anthropic');
    assert.equal(data.model, 'claude-haiku-4-5');
    const claude = upstream.requests.find((r) => r.model === 'claude-haiku-4-5');
    assert.equal(claude?.headers['x-api-key'], ANTHROPIC_KEY);
    assert.equal(claude?.headers.authorization, undefined);
  });

  it('falls back when the provider is too slow', async () => {
    upstream.setFault({ model: 'slow-model' }, { delayMs: 3000 });
    const started = Date.now();
    const { response } = await ask('slow-model');
    assert.equal(response.headers.get('x-aimesh-provider'), 'ai-platform/anthropic');
    assert.ok(Date.now() - started < 2000, 'the slow upstream was not waited for');
  });

  it('answers 504 when the only provider is too slow', async () => {
    upstream.setFault({ model: 'slow-alone' }, { delayMs: 3000 });
    const started = Date.now();
    await assert.rejects(ask('slow-alone'), (err: unknown) => {
      assert.ok(err instanceof OpenAI.APIError);
      assert.equal(err.status, 504);
      assert.match(
        err.message,
        /upstream timed out: ai-platform\/slow slow-alone: no response within 300 ms/,
      );
      return true;
    });
    assert.ok(Date.now() - started < 2000);
  });

  it('falls back when the provider refuses connections', async () => {
    const { response } = await ask('dead-model');
    assert.equal(response.headers.get('x-aimesh-provider'), 'ai-platform/anthropic');
  });

  it('falls back to a bigger model when the prompt exceeds the context window', async () => {
    upstream.setFault({ model: 'small-model' }, { contextWindow: 5 });
    const { response } = await ask(
      'small-model',
      'this prompt is certainly longer than five tokens in total',
    );
    assert.equal(response.headers.get('x-aimesh-provider'), 'ai-platform/anthropic');
  });

  it('reports every provider and model tried when the whole chain fails', async () => {
    upstream.setFault({ model: 'doomed' }, { status: 500 });
    upstream.setFault({ model: 'claude-doomed' }, { status: 500 });
    await assert.rejects(ask('doomed'), (err: unknown) => {
      assert.ok(err instanceof OpenAI.APIError);
      assert.equal(err.status, 502);
      assert.match(
        err.message,
        /ai-platform\/openai doomed: HTTP 500 \(x2\); ai-platform\/anthropic claude-doomed: HTTP 500/,
      );
      assert.ok(!err.message.includes(OPENAI_KEY) && !err.message.includes(ANTHROPIC_KEY));
      return true;
    });
  });

  it('opens the circuit after consecutive failures and probes after the cool-down', async () => {
    const remove = upstream.setFault({ model: 'cb-model' }, { status: 500 });
    for (let i = 0; i < 3; i++) await assert.rejects(ask('cb-model'), { status: 502 });
    assert.equal(hits('cb-model'), 3);

    await assert.rejects(ask('cb-model'), (err: unknown) => {
      assert.ok(err instanceof OpenAI.APIError);
      assert.equal(err.status, 503);
      assert.equal(err.code, 'circuit_open');
      assert.ok(Number(err.headers.get('retry-after')) >= 1);
      return true;
    });
    assert.equal(hits('cb-model'), 3, 'an open circuit does not reach the upstream');

    remove();
    await new Promise((r) => setTimeout(r, 450));
    await ask('cb-model');
    assert.equal(hits('cb-model'), 4);
    const config = (await (await fetch(`${sidecar.adminUrl}/debug/config`)).json()) as {
      circuitBreakers: Record<string, string>;
    };
    assert.equal(config.circuitBreakers['ai-platform/openai|cb-model'], 'closed');
  });

  it('an open circuit falls back only when the rule triggers include what opened it', async () => {
    upstream.setFault({ model: 'cb-timeout-only' }, { status: 500 });
    upstream.setFault({ model: 'cb-5xx' }, { status: 500 });
    for (let i = 0; i < 3; i++) await assert.rejects(ask('cb-timeout-only'), { status: 502 });
    await assert.rejects(ask('cb-timeout-only'), (err: unknown) => {
      assert.ok(err instanceof OpenAI.APIError);
      assert.equal(err.status, 503, 'opened by 5xx, and 5xx is not a trigger: no fallback');
      assert.equal(err.code, 'circuit_open');
      return true;
    });
    for (let i = 0; i < 3; i++) {
      const { response } = await ask('cb-5xx');
      assert.equal(response.headers.get('x-aimesh-provider'), 'ai-platform/anthropic');
    }
    const { response } = await ask('cb-5xx');
    assert.equal(response.headers.get('x-aimesh-provider'), 'ai-platform/anthropic', '5xx is a trigger');
  });

  it('refuses a request longer than the declared context window before calling, or falls back', async () => {
    const long = 'word '.repeat(60);
    await assert.rejects(ask('tiny-window', long), (err: unknown) => {
      assert.ok(err instanceof OpenAI.BadRequestError);
      assert.equal(err.code, 'context_length_exceeded');
      assert.match(err.message, /more than the context window of tiny-window \(40\)/);
      return true;
    });
    await assert.rejects(
      client.chat.completions.create({
        model: 'tiny-window',
        max_tokens: 100000,
        messages: [{ role: 'user', content: 'hi' }],
      }),
      (err: unknown) => err instanceof OpenAI.BadRequestError && /100000 max_tokens/.test(err.message),
    );
    assert.equal(hits('tiny-window'), 0, 'nothing reached the provider');
    const { response } = await ask('tiny-window-fb', long);
    assert.equal(response.headers.get('x-aimesh-provider'), 'ai-platform/anthropic');
    assert.equal(hits('tiny-window'), 0);
    await ask('tiny-window', 'short');
    assert.equal(hits('tiny-window'), 1, 'a request that fits goes through');
    // Over the window in bytes (the cheap bound), within it in tokens: counted, not refused.
    await ask('tiny-window', 'internationalization '.repeat(3));
    assert.equal(hits('tiny-window'), 2, 'a request that fits in tokens goes through');
  });

  it('tells the app when to retry an upstream 429 that named no time', async () => {
    upstream.setFault({ model: 'no-retry' }, { status: 429 });
    await assert.rejects(ask('no-retry'), (err: unknown) => {
      assert.ok(err instanceof OpenAI.RateLimitError);
      assert.equal(err.headers.get('retry-after'), '1');
      return true;
    });
  });

  it('retries a stream that breaks before its first token', async () => {
    upstream.setFault({ model: 'stream-model' }, { resetAfterChunks: 0, failTimes: 1 });
    const stream = await client.chat.completions.create({
      model: 'stream-model',
      stream: true,
      messages: [{ role: 'user', content: 'stream after a reset' }],
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    assert.match(text, /reset/);
    assert.equal(hits('stream-model'), 2);
  });

  it('retries a stream whose first event is an in-stream error', async () => {
    upstream.setFault({ model: 'stream-model' }, { errorAfterChunks: 0, error: 'server', failTimes: 1 });
    const stream = await client.chat.completions.create({
      model: 'stream-model',
      stream: true,
      messages: [{ role: 'user', content: 'stream after an error' }],
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    assert.match(text, /error/);
    assert.equal(hits('stream-model'), 2);
  });

  it('never retries a stream once the app has received tokens; the break reaches the app', async () => {
    upstream.setFault({ model: 'stream-model' }, { resetAfterChunks: 3, chunkDelayMs: 5 });
    const stream = await client.chat.completions.create({
      model: 'stream-model',
      stream: true,
      messages: [{ role: 'user', content: 'one two three four five six seven eight' }],
    });
    let text = '';
    await assert.rejects(async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    }, /upstream stream failed/);
    assert.ok(text.length > 0, 'tokens arrived before the break');
    assert.equal(hits('stream-model'), 1);
  });
});
