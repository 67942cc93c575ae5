// The sidecar's life: it starts before its config exists (not ready, 503), picks up a snapshot
// file and every change to it, refuses a broken one while the last good one keeps serving,
// and on SIGTERM lets a running stream finish before it exits.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { type SnapshotContent, seal } from '../../sidecar/snapshot/index.ts';
import { waitFor } from '../support/procs.ts';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const KEY = 'sk-snapshot';

function content(upstream: Upstream, alias: string): SnapshotContent {
  return {
    workload: { namespace: 'team-a' },
    providers: [testProvider('ai-platform/openai', 'openai', `${upstream.url}/v1`, KEY, ['gpt-4o'])],
    routes: [
      {
        id: 'team-a/chat',
        rules: [
          testRule('alias', [{ model: alias }], ['ai-platform/openai:gpt-4o']),
          testRule('slow', [{ model: 'slow-stream' }], ['ai-platform/openai']),
        ],
      },
    ],
    quotas: [],
  };
}

describe('sidecar: snapshot file', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let client: OpenAI;
  const chat = (model: string) =>
    client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });

  before(async () => {
    upstream = await startUpstream({ apiKeys: [KEY] });
    sidecar = await startSidecar(); // no snapshot file yet
    client = new OpenAI({ baseURL: sidecar.openaiBaseURL, apiKey: 'sk-app', maxRetries: 0 });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  it('is alive but not ready, and answers 503, until a snapshot arrives', async () => {
    assert.equal((await fetch(`${sidecar.adminUrl}/healthz`)).status, 200);
    const ready = await fetch(`${sidecar.adminUrl}/readyz`);
    assert.equal(ready.status, 503);
    await assert.rejects(chat('v1'), (err: unknown) => {
      assert.ok(err instanceof OpenAI.APIError);
      assert.equal(err.status, 503);
      assert.equal(err.code, 'no_snapshot');
      return true;
    });
  });

  it('loads the snapshot once the file appears', async () => {
    const first = seal(content(upstream, 'v1'));
    sidecar.writeSnapshot(first);
    await sidecar.waitForVersion(first.version);
    assert.equal((await chat('v1')).model, 'gpt-4o');
  });

  it('serves a new version when the file is replaced (atomic rename)', async () => {
    const second = seal(content(upstream, 'v2'));
    sidecar.writeSnapshot(second);
    await sidecar.waitForVersion(second.version);
    await chat('v2');
    await assert.rejects(chat('v1'), { status: 404 });
  });

  it('serves a new version when the file is rewritten in place', async () => {
    const third = seal(content(upstream, 'v3'));
    writeFileSync(sidecar.snapshotFile, JSON.stringify(third));
    await sidecar.waitForVersion(third.version);
    await chat('v3');
  });

  it('refuses a broken file and keeps serving the last good snapshot', async () => {
    const good = await sidecar.version();
    const refusals = () => sidecar.logs().match(/"reason":"not JSON[^\n]*snapshot refused/g)?.length ?? 0;
    const before = refusals();
    sidecar.writeSnapshot('{"workload": {"namespace": "team-a"}, "providers": [');
    await waitFor('refusal in the log', () => refusals() > before, { timeoutMs: 5000 });
    assert.equal(await sidecar.version(), good);
    await chat('v3');

    // Valid JSON whose version does not match its content is refused too.
    const tampered = { ...seal(content(upstream, 'v4')), workload: { namespace: 'someone-else' } };
    sidecar.writeSnapshot(JSON.stringify(tampered));
    await waitFor('second refusal', () => /version does not match content/.test(sidecar.logs()), {
      timeoutMs: 5000,
    });
    assert.equal(await sidecar.version(), good);
    await chat('v3');
  });
});

describe('sidecar: a failed start', () => {
  it('exits when a port it needs is taken, instead of living on half started', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    // The app port binds first; the admin port is the one taken. Before, the half-started process
    // lived on (never healthy): the harness timed out instead of seeing it exit.
    try {
      await assert.rejects(
        startSidecar({ args: ['--admin-port', String(port)], waitReady: false }),
        (err: Error) => /sidecar exited/.test(err.message) && /EADDRINUSE.*cannot start/.test(err.message),
      );
    } finally {
      taken.close();
    }
  });
});

describe('sidecar: graceful shutdown', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [KEY] });
    sidecar = await startSidecar({ snapshot: content(upstream, 'v1') });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  it('finishes a running stream after SIGTERM, refuses new work, then exits 0', async () => {
    upstream.setFault({ model: 'slow-stream' }, { chunkDelayMs: 60, chunks: 12, words: 12 });
    const client = new OpenAI({ baseURL: sidecar.openaiBaseURL, apiKey: 'sk-app', maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'slow-stream',
      stream: true,
      messages: [{ role: 'user', content: 'one two three four five six seven eight nine ten eleven twelve' }],
    });
    const pieces: string[] = [];
    let signalled = false;
    for await (const chunk of stream) {
      const piece = chunk.choices[0]?.delta?.content;
      if (piece) pieces.push(piece);
      if (piece && !signalled) {
        signalled = true;
        process.kill(sidecar.proc.pid, 'SIGTERM');
        await waitFor('draining', async () => (await fetch(`${sidecar.adminUrl}/readyz`)).status === 503, {
          timeoutMs: 2000,
          intervalMs: 20,
        });
        const late = await fetch(`${sidecar.url}/v1/models`).then(
          (res) => res.status,
          () => 'refused',
        );
        assert.ok(late === 503 || late === 'refused', `a new request during the drain got ${late}`);
      }
    }
    assert.equal(pieces.length, 12, 'every chunk arrived');
    assert.equal(pieces.join('').trim().split(/\s+/).length, 12);
    assert.equal(await sidecar.proc.exited, 0);
    assert.match(sidecar.logs(), /"msg":"draining"/);
    await assert.rejects(fetch(`${sidecar.url}/v1/models`), 'the port is closed after exit');
  });
});
