// Quotas as an app meets them through the standalone sidecar (a real sidecar process, the test
// upstream, the official openai SDK): the defects seen on the gateway, end to end.
//   - a limit scoped to a model holds when that model is reached through fallback, or spelt
//     differently ('X ', upper case);
//   - a request that can never fit gets 400 quota_request_too_large (the SDK does not retry it);
//   - maxPromptTokens answers prompt_too_long before quota looks at the request;
//   - reserveOutputTokens makes a small budget usable for calls without max_tokens.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import type { SnapshotContent } from '../../sidecar/snapshot/index.ts';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const KEY = 'sk-quota-exact';
const PRICING = { input: 2.5, output: 10 };

function snapshot(upstream: Upstream): SnapshotContent {
  const openai = testProvider('ai-platform/openai', 'openai', `${upstream.url}/v1`, KEY, [], {
    models: [
      { name: 'gpt-4o', pricing: PRICING },
      { name: 'gpt-4o-mini', pricing: PRICING },
      { name: 'gpt-4o-small-budget', pricing: PRICING },
    ],
  });
  return {
    workload: { namespace: 'team-a' },
    providers: [openai],
    routes: [
      {
        id: 'team-a/chat',
        rules: [
          // The primary always fails (500); the fallback is the limited model.
          testRule('fallback', [{ model: 'primary' }], ['ai-platform/openai:gpt-4o~status=500'], {
            fallback: { backends: [{ provider: 'ai-platform/openai', model: 'gpt-4o-mini' }], on: ['5xx'] },
          }),
          testRule('guarded', [{ model: 'guarded' }], ['ai-platform/openai:gpt-4o'], {
            guards: { maxPromptTokens: 200 },
          }),
          testRule('small', [{ model: 'gpt-4o-small-budget' }], ['ai-platform/openai']),
          // Any other name goes upstream as the app spelt it.
          testRule('passthrough', [], ['ai-platform/openai']),
        ],
      },
    ],
    quotas: [
      {
        id: 'team-a/mini',
        enforcement: 'Enforce',
        failurePolicy: 'FailClosed',
        limits: [
          { name: 'mini-requests', dimension: 'requests', amount: 5, window: '1h', models: ['gpt-4o-mini'] },
        ],
      },
      {
        id: 'team-a/guarded',
        enforcement: 'Enforce',
        failurePolicy: 'FailClosed',
        limits: [
          { name: 'gpt-4o-tokens', dimension: 'tokens', amount: 100, window: '1h', models: ['gpt-4o'] },
        ],
      },
      {
        id: 'team-a/small',
        enforcement: 'Enforce',
        failurePolicy: 'FailClosed',
        limits: [
          {
            name: 'small-tokens',
            dimension: 'tokens',
            amount: 200,
            window: '1h',
            models: ['gpt-4o-small-budget'],
            reserveOutputTokens: 8,
          },
        ],
      },
    ],
  };
}

describe('quotas, exactly (standalone sidecar, openai SDK)', { timeout: 120_000 }, () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let client: OpenAI;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [KEY], words: 4 });
    sidecar = await startSidecar({ snapshot: snapshot(upstream) });
    // The SDK's own retries stay on: a refusal it would retry shows up as more upstream calls.
    client = new OpenAI({ baseURL: `${sidecar.url}/v1`, apiKey: 'unused', maxRetries: 2 });
  });
  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  it('a models limit holds when its model is reached through fallback, or spelt differently', async () => {
    let served = 0;
    let refused: unknown;
    for (let i = 0; i < 15; i++) {
      try {
        const r = await client.chat.completions
          .create({ model: 'primary', messages: [{ role: 'user', content: 'hi' }] }, { maxRetries: 0 })
          .withResponse();
        assert.equal(r.response.headers.get('x-aimesh-model'), 'gpt-4o-mini');
        served++;
      } catch (err) {
        refused = err;
      }
    }
    assert.equal(served, 5, 'observed: 15 of 15 served with a limit of 5');
    assert.ok(refused instanceof OpenAI.RateLimitError, String(refused));
    assert.match(
      (refused as Error).message,
      /quota team-a\/mini limit mini-requests exhausted \(5 requests per 1h\)/,
    );
    // Spelling variants of the limited model reach the same limit.
    for (const model of ['gpt-4o-mini ', 'GPT-4o-Mini']) {
      await assert.rejects(
        client.chat.completions.create(
          { model, messages: [{ role: 'user', content: 'hi' }] },
          { maxRetries: 0 },
        ),
        (err: unknown) => err instanceof OpenAI.RateLimitError,
        model,
      );
    }
  });

  it('a prompt over maxPromptTokens gets prompt_too_long, not a quota refusal', async () => {
    upstream.clearRequests();
    const long = 'word '.repeat(300);
    const err = await client.chat.completions
      .create({ model: 'guarded', messages: [{ role: 'user', content: long }], max_tokens: 10 })
      .catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.BadRequestError, String(err));
    assert.equal((err as InstanceType<typeof OpenAI.BadRequestError>).code, 'prompt_too_long');
    assert.equal(upstream.requests.length, 0);
  });

  it('a request whose estimate alone exceeds the limit gets 400 quota_request_too_large, tried once', async () => {
    upstream.clearRequests();
    const res = await fetch(`${sidecar.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'guarded',
        messages: [{ role: 'user', content: 'hello' }],
        max_tokens: 500,
      }),
    });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('retry-after'), null);
    const body = (await res.json()) as { error: { code: string; type: string; message: string } };
    assert.equal(body.error.code, 'quota_request_too_large');
    assert.equal(body.error.type, 'invalid_request_error');
    assert.match(body.error.message, /needs \d+ tokens, more than the limit of 100 tokens per 1h/);
    // The SDK does not retry it (a 429 with retry-after would be retried).
    const err = await client.chat.completions
      .create({ model: 'guarded', messages: [{ role: 'user', content: 'hello' }], max_tokens: 500 })
      .catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.BadRequestError, String(err));
    assert.equal(upstream.requests.length, 0);
  });

  it('reserveOutputTokens: a 200-token budget admits calls without max_tokens until it is spent', async () => {
    let admitted = 0;
    let spent = 0;
    let refused: unknown;
    for (let i = 0; i < 40; i++) {
      try {
        const r = await client.chat.completions.create(
          { model: 'gpt-4o-small-budget', messages: [{ role: 'user', content: 'one two' }] },
          { maxRetries: 0 },
        );
        admitted++;
        spent += r.usage?.total_tokens ?? 0;
      } catch (err) {
        refused = err;
      }
    }
    // Each call spends 6 tokens upstream (2 words in, 4 back) and reserves its prompt as the
    // sidecar counts it (message overhead included, under 10) + 8: the last call that fits leaves
    // less than one estimate.
    assert.ok(refused instanceof OpenAI.RateLimitError, String(refused));
    assert.ok(spent <= 200, `spent ${spent} of 200`);
    assert.ok(spent > 200 - 18, `the budget was used (${spent}), not refused for a 1024-token default`);
    assert.ok(admitted >= 30, `${admitted} of 40 admitted`);
  });
});
