// A misbehaving upstream must never freeze, exhaust or mislead the sidecar: answers and stream
// events past the caps are refused while reading (a 502 naming the cap), an app that leaves
// aborts the upstream call in every phase (logged 499, not 504), stalls are timeouts (504),
// broken and malformed streams end with a clean error event and are recorded as failures, and
// an unencodable model name never fails a call. A real sidecar process against the hostile
// upstream (test/support/hostile-upstream.ts), which records when the sidecar gave up on it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type HostileUpstream, startHostileUpstream } from '../support/hostile-upstream.ts';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';

const MiB = 1024 * 1024;
const AWS = { accessKeyId: 'AKIDHOSTILE', secretAccessKey: 'hostile-secret' };

type LogLine = Record<string, any>;

function snapshotFor(up: HostileUpstream) {
  return {
    workload: { namespace: 'team-a' },
    providers: [
      testProvider('hostile/openai', 'openai', `${up.url}/v1`, 'sk-hostile-openai', []),
      testProvider('hostile/anthropic', 'anthropic', up.url, 'sk-ant-hostile', []),
      testProvider('hostile/gemini', 'gemini', `${up.url}/v1beta`, 'gemini-hostile-key', []),
      testProvider('hostile/bedrock', 'bedrock', up.url, undefined, [], {
        region: 'us-east-1',
        credentials: AWS,
      }),
      testProvider('hostile/slow', 'openai', `${up.url}/v1`, 'sk-hostile-openai', [], {
        requestTimeoutMs: 500,
      }),
    ],
    routes: [
      {
        id: 'team-a/hostile',
        rules: [
          testRule('openai', [{ model: 'oa-*' }], ['hostile/openai']),
          testRule('anthropic', [{ model: 'an-*' }], ['hostile/anthropic']),
          testRule('gemini', [{ model: 'ge-*' }], ['hostile/gemini']),
          testRule('bedrock', [{ model: 'br-*' }], ['hostile/bedrock']),
          testRule('slow', [{ model: 'slow-*' }], ['hostile/slow']),
          testRule('retry', [{ model: 'retry-*' }], ['hostile/openai'], {
            retries: { attempts: 2, backoffMs: 10, on: ['5xx'] },
          }),
          testRule('fallback', [{ model: 'fb-*' }], ['hostile/openai'], {
            fallback: {
              backends: [{ provider: 'hostile/anthropic', model: 'an-after-fallback' }],
              on: ['5xx'],
            },
          }),
        ],
      },
    ],
    quotas: [
      {
        id: 'team-a/budget',
        enforcement: 'Enforce' as const,
        failurePolicy: 'FailOpen' as const,
        limits: [
          {
            name: 'tokens-per-hour',
            dimension: 'tokens' as const,
            amount: 1_000_000,
            window: '1h',
            models: ['oa-quota-huge'],
          },
        ],
      },
    ],
  };
}

describe('sidecar: bounds against a hostile upstream', () => {
  let up: HostileUpstream;
  let sidecar: RunningSidecar;
  let n = 0;

  before(async () => {
    up = await startHostileUpstream();
    sidecar = await startSidecar({
      snapshot: snapshotFor(up),
      args: ['--max-response-size', '1mb', '--max-stream-event-size', '256kb', '--request-timeout', '60000'],
    });
  });

  after(async () => {
    await sidecar?.stop();
    await up?.close();
  });

  const lines = (s: RunningSidecar): LogLine[] =>
    s
      .logs()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => {
        try {
          return JSON.parse(l);
        } catch {
          return {};
        }
      });

  /** The call's log line with this message, once written. */
  const logLine = async (id: string, msg: string, s = sidecar): Promise<LogLine> => {
    for (let i = 0; i < 150; i++) {
      const hit = lines(s).find((l) => l.msg === msg && l.call === id);
      if (hit) return hit;
      await sleep(20);
    }
    throw new Error(`no "${msg}" line for ${id}`);
  };
  /** The call's audit line ("msg":"call"). */
  const audit = (id: string) => logLine(id, 'call');

  /** POSTs a chat call (OpenAI dialect unless anthropic) and returns the response with its id. */
  const post = async (
    model: string,
    opts: { stream?: boolean; anthropic?: boolean; signal?: AbortSignal; s?: RunningSidecar } = {},
  ) => {
    const id = `bounds-${++n}`;
    const s = opts.s ?? sidecar;
    const res = await fetch(
      opts.anthropic ? `${s.anthropicBaseURL}/v1/messages` : `${s.openaiBaseURL}/chat/completions`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
        body: JSON.stringify({
          model,
          max_tokens: 50,
          stream: opts.stream === true,
          messages: [{ role: 'user', content: 'hello hostile' }],
        }),
        signal: opts.signal,
      },
    );
    return { id, res };
  };

  /** The last 4 KiB of a body (an assertion message must not carry 64 MiB). */
  const tail = async (res: Response): Promise<string> => {
    let last = Buffer.alloc(0);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      last = Buffer.concat([last, chunk]);
      if (last.length > 4096) last = last.subarray(last.length - 4096);
    }
    return last.toString('utf8');
  };

  describe('answer and event size caps', () => {
    it('refuses a huge answer while reading it: 502 naming the cap, the upstream cut off early', async () => {
      up.mode('oa-huge', { kind: 'huge-answer', bytes: 64 * MiB });
      const { id, res } = await post('oa-huge');
      assert.equal(res.status, 502);
      const body = (await res.json()) as any;
      assert.equal(body.error.code, 'upstream_response_too_large');
      assert.match(body.error.message, /larger than the sidecar's limit of 1 MiB \(--max-response-size\)/);
      const rec = await up.closed('oa-huge');
      assert.equal(rec.aborted, true);
      assert.ok(
        rec.bytesSent < 16 * MiB,
        `the upstream wrote ${rec.bytesSent} bytes before the sidecar left`,
      );
      const line = await audit(id);
      assert.equal(line.status, 502);
      assert.equal(line.error, 'upstream_response_too_large');
    });

    it('spends no quota on an answer it refused', async () => {
      up.mode('oa-quota-huge', { kind: 'huge-answer', bytes: 4 * MiB });
      const { id, res } = await post('oa-quota-huge');
      assert.equal(res.status, 502);
      await res.text();
      const settled = await logLine(id, 'quota settled');
      assert.equal(settled.settled.tokens, 0);
    });

    it('refuses an answer whose declared length is past the cap without reading it', async () => {
      up.mode('oa-declared', { kind: 'huge-answer', bytes: 64 * MiB, declareLength: true });
      const { res } = await post('oa-declared');
      assert.equal(res.status, 502);
      assert.equal(((await res.json()) as any).error.code, 'upstream_response_too_large');
      const rec = await up.closed('oa-declared');
      assert.ok(rec.bytesSent < 16 * MiB, `the upstream wrote ${rec.bytesSent} bytes`);
    });

    for (const [prefix, name] of [
      ['an', 'Anthropic'],
      ['ge', 'Gemini'],
      ['br', 'Bedrock'],
    ] as const) {
      it(`refuses a huge answer on the translated ${name} path, in the app's dialect`, async () => {
        const model = `${prefix}-huge`;
        up.mode(model, { kind: 'huge-answer', bytes: 64 * MiB });
        const { res } = await post(model, { anthropic: true });
        assert.equal(res.status, 502);
        const body = (await res.json()) as any;
        assert.equal(body.type, 'error');
        assert.equal(body.error.type, 'api_error');
        assert.match(body.error.message, /limit of 1 MiB/);
        const rec = await up.closed(model);
        assert.ok(rec.bytesSent < 16 * MiB, `the upstream wrote ${rec.bytesSent} bytes`);
      });
    }

    for (const [prefix, name] of [
      ['oa', 'OpenAI (passthrough)'],
      ['an', 'Anthropic'],
      ['ge', 'Gemini'],
      ['br', 'Bedrock'],
    ] as const) {
      it(`ends a stream whose event never ends at the event cap: ${name}`, async () => {
        const model = `${prefix}-endless-event`;
        up.mode(model, { kind: 'huge-event', bytes: 64 * MiB });
        const { id, res } = await post(model, { stream: true });
        const text = await tail(res);
        if (res.status === 200) {
          // Already committed: the app learns it in-band, in its dialect.
          assert.match(text, /data: \{"error":\{"message":"[^"]*limit of 256 KiB/);
        } else {
          assert.equal(res.status, 502);
          assert.match(text, /limit of 256 KiB/);
        }
        const rec = await up.closed(model);
        assert.equal(rec.aborted, true);
        assert.ok(rec.bytesSent < 16 * MiB, `the upstream wrote ${rec.bytesSent} bytes`);
        const line = await audit(id);
        assert.equal(line.status, 502);
        assert.equal(line.error, 'upstream_event_too_large');
      });
    }
  });

  describe('abort propagation: the app leaves, the upstream call ends at once', () => {
    const leaveDuring = async (
      model: string,
      opts: { stream?: boolean; anthropic?: boolean; readFirst?: boolean },
    ) => {
      const abort = new AbortController();
      const call = post(model, { ...opts, signal: abort.signal });
      let id = '';
      if (opts.readFirst) {
        // Wait for the first bytes of the answer to reach the app.
        const { id: callId, res } = await call;
        id = callId;
        const reader = res.body!.getReader();
        await reader.read();
      } else {
        await up.received(model);
        await sleep(150); // let the sidecar settle into waiting
        id = `bounds-${n}`;
      }
      const leftAt = Date.now();
      abort.abort();
      await call.catch(() => {});
      const rec = await up.closed(model, 5000);
      assert.equal(rec.aborted, true);
      assert.ok(
        rec.closedAt! - leftAt < 2000,
        `the upstream call ended ${rec.closedAt! - leftAt} ms after the app left`,
      );
      const line = await audit(id);
      assert.equal(line.status, 499, JSON.stringify(line));
      assert.equal(line.error, 'client_closed');
      return line;
    };

    it('before the upstream sent its headers', async () => {
      up.mode('oa-stall-before', { kind: 'stall-before-headers' });
      await leaveDuring('oa-stall-before', {});
    });

    it('after the headers, while the body is read', async () => {
      up.mode('oa-stall-body', { kind: 'stall-after-headers', partial: true });
      await leaveDuring('oa-stall-body', {});
    });

    it('after the headers of a stream, before it commits', async () => {
      up.mode('oa-stall-head', { kind: 'stall-after-headers' });
      await leaveDuring('oa-stall-head', { stream: true });
    });

    it('in a committed stream that went quiet (passthrough and translated)', async () => {
      up.mode('oa-stall-mid', { kind: 'stall-mid-stream' });
      await leaveDuring('oa-stall-mid', { stream: true, readFirst: true });
      up.mode('an-stall-mid', { kind: 'stall-mid-stream' });
      await leaveDuring('an-stall-mid', { stream: true, readFirst: true, anthropic: true });
    });

    it('while waiting to retry: no attempt is made after the app left', async () => {
      up.mode('retry-later', { kind: 'unavailable', retryAfterSeconds: 10 });
      const abort = new AbortController();
      const call = post('retry-later', { signal: abort.signal });
      await up.closed('retry-later');
      await sleep(150);
      abort.abort();
      await call.catch(() => {});
      const line = await audit(`bounds-${n}`);
      assert.equal(line.status, 499);
      await sleep(300);
      assert.equal(up.requests.filter((r) => r.model === 'retry-later').length, 1);
    });
  });

  describe('honest outcomes', () => {
    it('an answer that stalls after its headers is a timeout (504), not a 502', async () => {
      up.mode('slow-body', { kind: 'stall-after-headers', partial: true });
      const { id, res } = await post('slow-body');
      assert.equal(res.status, 504);
      assert.equal(((await res.json()) as any).error.code, 'upstream_timeout');
      assert.equal((await audit(id)).status, 504);
    });

    it('a stream that stalls after it started ends with a timeout error event, recorded as 504', async () => {
      up.mode('slow-stream', { kind: 'stall-mid-stream' });
      const { id, res } = await post('slow-stream', { stream: true });
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.match(text, /"code":"upstream_timeout"/);
      const line = await audit(id);
      assert.equal(line.status, 504);
    });

    it('a stream the upstream drops mid-way is recorded as a failure (audit, metrics)', async () => {
      up.mode('oa-drop', { kind: 'drop-mid-stream' });
      const { id, res } = await post('oa-drop', { stream: true });
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.match(text, /word0/);
      assert.match(text, /"code":"upstream_stream_error"/);
      const line = await audit(id);
      assert.equal(line.status, 502);
      assert.equal(line.error, 'upstream_stream_error');
      const metrics = await (await fetch(`${sidecar.adminUrl}/metrics`)).text();
      assert.match(
        metrics,
        /aimesh_requests_total\{route="team-a\/hostile",rule="openai",operation="chat",status="502"\} [1-9]/,
      );
      assert.match(
        metrics,
        /aimesh_upstream_attempts_total\{provider="hostile\/openai",kind="first",outcome="connect_error"\} [1-9]/,
      );
    });

    it('an in-stream error event from the upstream is recorded as a failure', async () => {
      up.mode('oa-stream-error', { kind: 'echo-auth', inStream: true });
      const { id, res } = await post('oa-stream-error', { stream: true });
      assert.equal(res.status, 200);
      await res.text();
      const line = await audit(id);
      assert.equal(line.status, 502);
    });

    it('malformed SSE on the OpenAI path becomes a clean error event, never relayed', async () => {
      up.mode('oa-malformed', { kind: 'malformed-sse', after: 2 });
      const { id, res } = await post('oa-malformed', { stream: true });
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.match(text, /word1/);
      assert.doesNotMatch(text, /cut in ha|<html>/);
      const events = text.split('\n\n').filter(Boolean);
      const last = JSON.parse(events.at(-1)!.replace(/^data: /, ''));
      assert.equal(last.error.code, 'upstream_stream_error');
      assert.match(last.error.message, /malformed/);
      assert.equal((await audit(id)).status, 502);
    });

    it('malformed SSE before the stream commits is a failed attempt: 502, never relayed', async () => {
      up.mode('oa-malformed-first', { kind: 'malformed-sse', after: 0 });
      const { res } = await post('oa-malformed-first', { stream: true });
      assert.equal(res.status, 502);
      const text = await res.text();
      assert.doesNotMatch(text, /cut in ha|<html>/);
      assert.match(text, /malformed/);
    });

    it('a model name with characters a header cannot hold never fails the call', async () => {
      const model = 'oa-modèle-✓';
      up.mode(model, { kind: 'ok' });
      const { id, res } = await post(model);
      assert.equal(res.status, 200);
      assert.equal(decodeURIComponent(res.headers.get('x-aimesh-model') ?? ''), model);
      const body = (await res.json()) as any;
      assert.equal(body.choices[0].message.content, 'hostile upstream says hi');
      assert.equal((await audit(id)).status, 200);
      const stream = await post(model, { stream: true });
      assert.equal(stream.res.status, 200);
      assert.match(await stream.res.text(), /\[DONE\]/);
    });
  });

  describe('shutdown', () => {
    it('streams still open when the grace period ends get a final error event in their dialect', async () => {
      const s = await startSidecar({ snapshot: snapshotFor(up), args: ['--shutdown-grace', '300'] });
      try {
        up.mode('oa-forever', { kind: 'stall-mid-stream' });
        up.mode('an-forever', { kind: 'stall-mid-stream' });
        up.mode('oa-no-head', { kind: 'stall-before-headers' });
        const openai = await post('oa-forever', { stream: true, s });
        const anthropic = await post('an-forever', { stream: true, anthropic: true, s });
        const texts = [openai.res.text(), anthropic.res.text()];
        const waiting = post('oa-no-head', { s });
        await up.received('oa-no-head');
        await sleep(100);
        const stopped = s.stop(10_000);
        const [openaiText, anthropicText] = await Promise.all(texts);
        // A call still waiting for its upstream gets a 503 it can retry elsewhere.
        const { res } = await waiting;
        assert.equal(res.status, 503);
        assert.equal(((await res.json()) as any).error.code, 'draining');
        await stopped;
        assert.match(openaiText, /word1/);
        assert.match(
          openaiText,
          /data: \{"error":\{"message":"the sidecar is shutting down[^"]*","type":"service_unavailable","param":null,"code":"draining"\}\}\n\n$/,
        );
        assert.match(
          anthropicText,
          /event: error\ndata: \{"type":"error","error":\{"type":"overloaded_error","message":"the sidecar is shutting down/,
        );
      } finally {
        await s.stop();
      }
    });
  });
});
