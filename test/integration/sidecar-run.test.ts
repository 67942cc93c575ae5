// `make run` for a new user: no cluster, no keys. The examples compile, the local test upstream
// stands in for every provider, and the official SDKs get answers on the gateway port.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { freePorts, type Proc, startProcess, tempDir, waitFor } from '../support/procs.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('make run: the standalone gateway from crds/examples', () => {
  let proc: Proc;
  let dir: ReturnType<typeof tempDir>;
  let port: number;

  before(async () => {
    dir = tempDir('aimesh-run-test');
    const [apiPort, adminPort] = await freePorts(2);
    port = apiPort;
    proc = startProcess(
      'run',
      process.execPath,
      [resolve(ROOT, 'scripts/run.ts'), '--port', String(apiPort), '--admin-port', String(adminPort)],
      {
        logDir: dir.path,
        cwd: ROOT,
        env: {
          OPENAI_API_KEY: undefined,
          ANTHROPIC_API_KEY: undefined,
          AZURE_OPENAI_API_KEY: undefined,
          GEMINI_API_KEY: undefined,
        },
      },
    );
    await waitFor(
      'gateway ready',
      async () => {
        if (!proc.running()) throw new Error(`run exited:\n${proc.tail(30)}`);
        return (await fetch(`http://127.0.0.1:${adminPort}/readyz`).catch(() => undefined))?.ok;
      },
      { timeoutMs: 30_000, onTimeout: () => proc.tail(30) },
    );
  });

  after(async () => {
    await proc?.stop();
    dir?.remove();
  });

  it('tells the user which providers are stand-ins and how to connect', () => {
    const log = proc.tail(200);
    assert.match(log, /provider ai-platform\/openai: local test upstream \(no \$OPENAI_API_KEY\)/);
    assert.match(log, /export OPENAI_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/v1/);
  });

  it('serves the example routes to the OpenAI and Anthropic SDKs', async () => {
    const openai = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'anything' });
    const chat = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hello gateway' }],
    });
    assert.match(chat.choices[0].message.content ?? '', /gateway/);

    const premium = await openai.chat.completions
      .create(
        { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
        { headers: { 'x-user-tier': 'premium' } },
      )
      .withResponse();
    assert.equal(premium.response.headers.get('x-aimesh-provider'), 'ai-platform/anthropic');

    const anthropic = new Anthropic({ baseURL: `http://127.0.0.1:${port}/anthropic`, apiKey: 'anything' });
    const msg = await anthropic.messages.create({
      model: 'gpt-4o-mini',
      max_tokens: 32,
      messages: [{ role: 'user', content: 'hello split' }],
    });
    assert.equal(msg.type, 'message');
  });

  it("a 140k-token prompt gets the guard's prompt_too_long, not the 100k-token quota's refusal", async () => {
    // Observed: 429 quota_exceeded with retry-after (the quota step ran before the guards).
    const openai = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'anything', maxRetries: 0 });
    const err = await openai.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'tok '.repeat(140_000) }] })
      .catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.BadRequestError, String(err));
    assert.equal((err as InstanceType<typeof OpenAI.BadRequestError>).code, 'prompt_too_long');
  });

  it('runs the README examples as written, and every listed model answers', async () => {
    const anthropic = new Anthropic({ baseURL: `http://127.0.0.1:${port}/anthropic`, apiKey: 'unused' });
    const message = await anthropic.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 256,
      messages: [{ role: 'user', content: 'Hello!' }],
    });
    assert.equal(message.type, 'message');
    const claudes = [];
    for await (const m of anthropic.models.list()) claudes.push(m.id);
    assert.ok(claudes.includes('claude-haiku-4-5'), claudes.join());

    // A client that picks any listed chat model (the first one, say) gets an answer.
    const openai = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'unused' });
    const listed = [];
    for await (const m of openai.models.list())
      listed.push(m as typeof m & { aimesh: { operations: string[] } });
    assert.ok(listed[0]?.aimesh.operations.includes('chat'));
    for (const m of listed.filter((x) => x.aimesh.operations.includes('chat'))) {
      const reply = await openai.chat.completions.create({
        model: m.id,
        messages: [{ role: 'user', content: 'hi' }],
      });
      assert.ok(reply.choices.length > 0, m.id);
    }
  });
});
