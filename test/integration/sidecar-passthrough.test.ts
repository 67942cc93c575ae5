// Provider endpoints the mesh does not model, proxied as they are: a route opts in to /v1/files and
// the official SDK uploads, lists and retrieves through the sidecar with the provider's key
// injected; the Realtime API over WebSocket reaches the routed provider after a quota pre-check,
// and the tokens its response.done events report are settled against the namespace's quota.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import OpenAI, { toFile } from 'openai';
import WebSocket from 'ws';
import { waitFor } from '../support/procs.ts';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const KEY = 'sk-provider-passthrough';
const APP_KEY = 'sk-app-must-not-leak';

describe('sidecar: pass-through endpoints and Realtime', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let client: OpenAI;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [KEY] });
    sidecar = await startSidecar({
      snapshot: {
        workload: { namespace: 'team-a' },
        providers: [
          testProvider('ai-platform/openai', 'openai', `${upstream.url}/v1`, KEY, [], {
            models: [
              { name: 'gpt-realtime', pricing: { input: 4, output: 16 } },
              { name: 'gpt-realtime-once' },
              { name: 'gpt-realtime-small' },
            ],
          }),
        ],
        routes: [
          {
            id: 'team-a/chat',
            rules: [testRule('realtime', [{ model: 'gpt-realtime*' }], ['ai-platform/openai'])],
            passthrough: { provider: 'ai-platform/openai', paths: ['/v1/files'] },
          },
        ],
        quotas: [
          {
            id: 'team-a/realtime',
            enforcement: 'Enforce',
            failurePolicy: 'FailClosed',
            limits: [
              { name: 'once', dimension: 'requests', amount: 1, window: '1h', models: ['gpt-realtime-once'] },
              { name: 'small', dimension: 'tokens', amount: 5, window: '1h', models: ['gpt-realtime-small'] },
            ],
          },
        ],
      },
    });
    client = new OpenAI({ baseURL: sidecar.openaiBaseURL, apiKey: APP_KEY, maxRetries: 0 });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  const noAppKey = () => {
    for (const r of upstream.requests) {
      assert.ok(!JSON.stringify(r.headers).includes(APP_KEY), `${r.path} carried the app's key`);
    }
  };

  it('proxies the Files API a route opts in to, with the provider key injected', async () => {
    upstream.clearRequests();
    const created = await client.files.create({
      file: await toFile(Buffer.from('{"a":1}\n'), 'batch.jsonl'),
      purpose: 'batch',
    });
    assert.match(created.id, /^file-/);
    assert.equal(created.filename, 'batch.jsonl');
    const listed = await client.files.list();
    assert.ok(listed.data.some((f) => f.id === created.id));
    const got = await client.files.retrieve(created.id);
    assert.equal(got.bytes, 8);
    assert.equal(upstream.requests.length, 3);
    for (const r of upstream.requests) assert.equal(r.headers.authorization, `Bearer ${KEY}`);
    noAppKey();
    // Log lines leave in batches (up to 50 ms): wait for the audit line rather than race it.
    await waitFor(
      'the passthrough audit line',
      async () => /"audit":"passthrough".*"path":"\/v1\/files"/.test(sidecar.logs()),
      {
        timeoutMs: 5000,
      },
    );
  });

  it('keeps paths no route opts in to closed', async () => {
    const res = await fetch(`${sidecar.openaiBaseURL}/batches`, {
      headers: { authorization: `Bearer ${APP_KEY}` },
    });
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unknown_endpoint');
  });

  const realtimeURL = (model: string) =>
    `${sidecar.openaiBaseURL.replace(/^http/, 'ws')}/realtime?model=${model}`;

  /** One Realtime turn: the session opens, a text item and response.create, then response.done. */
  async function turn(model: string, text: string): Promise<{ deltas: string; done: any }> {
    const ws = new WebSocket(realtimeURL(model), { headers: { authorization: `Bearer ${APP_KEY}` } });
    const events: any[] = [];
    ws.on('message', (m) => events.push(JSON.parse(String(m))));
    await once(ws, 'open');
    ws.send(
      JSON.stringify({
        type: 'conversation.item.create',
        item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
      }),
    );
    ws.send(JSON.stringify({ type: 'response.create' }));
    while (!events.some((e) => e.type === 'response.done')) await once(ws, 'message');
    ws.close();
    await once(ws, 'close');
    return {
      deltas: events
        .filter((e) => e.type === 'response.output_text.delta')
        .map((e) => e.delta)
        .join(''),
      done: events.find((e) => e.type === 'response.done'),
    };
  }

  /** The HTTP status a refused WebSocket handshake answered. */
  async function refused(model: string): Promise<{ status: number; body: string; retryAfter?: string }> {
    const ws = new WebSocket(realtimeURL(model));
    const [, res] = (await once(ws, 'unexpected-response')) as [unknown, import('node:http').IncomingMessage];
    let body = '';
    for await (const c of res) body += c;
    return {
      status: res.statusCode ?? 0,
      body,
      retryAfter: res.headers['retry-after'] as string | undefined,
    };
  }

  it('opens a Realtime session to the routed provider and reads usage off response.done', async () => {
    upstream.clearRequests();
    const { deltas, done } = await turn('gpt-realtime', 'hello realtime mesh');
    assert.match(deltas, /realtime mesh/);
    assert.ok(done.response.usage.input_tokens > 0);
    const seen = upstream.requests.find((r) => r.operation === 'realtime');
    assert.equal(seen?.headers.authorization, `Bearer ${KEY}`);
    assert.equal(seen?.model, 'gpt-realtime');
    noAppKey();
    await waitFor('the realtime audit line', async () => sidecar.logs().includes('"audit":"realtime"'), {
      timeoutMs: 5000,
    });
    const audit = sidecar
      .logs()
      .split('\n')
      .filter((l) => l.includes('"audit":"realtime"'))
      .map((l) => JSON.parse(l));
    assert.equal(audit.at(-1)?.inputTokens, done.response.usage.input_tokens);
    assert.equal(audit.at(-1)?.outputTokens, done.response.usage.output_tokens);
    assert.ok(audit.at(-1)?.costUSD > 0, 'priced from the provider model');
  });

  it('refuses a session the quota does not cover, and settles the tokens a session spent', async () => {
    await turn('gpt-realtime-once', 'one session only');
    const second = await refused('gpt-realtime-once');
    assert.equal(second.status, 429);
    assert.match(second.body, /quota/i);
    assert.ok(Number(second.retryAfter) >= 1);

    // 5 tokens an hour: the first session spends more than that (read from response.done)...
    const { done } = await turn('gpt-realtime-small', 'these words cost more than five tokens in total');
    assert.ok(done.response.usage.input_tokens + done.response.usage.output_tokens > 5);
    await new Promise((r) => setTimeout(r, 100));
    // ...so the next one is refused.
    assert.equal((await refused('gpt-realtime-small')).status, 429);
  });

  it('answers 404 on the handshake for a model no rule routes for realtime', async () => {
    const r = await refused('not-a-realtime-model');
    assert.equal(r.status, 404);
    assert.match(r.body, /model_not_found/);
  });
});
