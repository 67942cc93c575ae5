// The one-pass stream path: an upstream response read by UpstreamBody (its head pulled first,
// then pushed back) and piped to a sink, against a real socket: bytes untouched, usage captured,
// the usage-only chunk cut, backpressure pausing the upstream, a bad event ending the pipe after
// the good bytes before it, watchers seeing what the app was sent, and the idle limit.
import assert from 'node:assert/strict';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type ByteSink, upstreamStream } from '../../../sidecar/pipeline/response-stream.ts';
import type { Usage } from '../../../sidecar/providers/adapter.ts';
import { openai } from '../../../sidecar/providers/openai/index.ts';
import { TransportError, UpstreamAnswerError } from '../../../sidecar/upstream/errors.ts';
import { UpstreamBody } from '../../../sidecar/upstream/transport.ts';

const CONTENT = (i: number) =>
  `data: {"choices":[{"index":0,"delta":{"content":"w${i} "}}],"usage":null}\n\n`;
const USAGE = 'data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":64}}\n\n';

describe('one-pass stream (UpstreamBody + pipe)', () => {
  let server: http.Server;
  let origin = '';
  /** path -> the parts the upstream writes, 2 ms apart (undefined: go silent). */
  const scripts = new Map<string, (string | undefined)[]>();
  before(async () => {
    server = http.createServer(async (req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const part of scripts.get(req.url ?? '') ?? []) {
        if (part === undefined) return; // silent from here on
        res.write(part);
        await new Promise((r) => setTimeout(r, 2));
      }
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const get = (path: string, parts: (string | undefined)[]): Promise<IncomingMessage> => {
    scripts.set(path, parts);
    return new Promise((resolve, reject) => http.get(`${origin}${path}`, resolve).once('error', reject));
  };

  /** A sink that takes `capacity` writes, then says full until a timer drains it. */
  function slowSink(capacity: number) {
    const out: Buffer[] = [];
    let fullTimes = 0;
    const sink: ByteSink = {
      write(buf, resume) {
        out.push(buf);
        if (out.length % capacity !== 0) return true;
        fullTimes++;
        setTimeout(resume, 5);
        return false;
      },
    };
    return { sink, text: () => Buffer.concat(out).toString(), fullTimes: () => fullTimes };
  }

  function stream(body: UpstreamBody, usage: Usage[], errors: Error[] = []) {
    return upstreamStream(body, {
      translator: openai.stream({} as never),
      passthrough: true,
      onUsage: (u) => usage.push(u),
      onError: (e) => errors.push(e),
      scrub: (t) => t.replaceAll('sk-secret', '[REDACTED]'),
    });
  }

  it('pipes the bytes untouched after the head, with backpressure, and captures usage', async () => {
    const parts = [...Array.from({ length: 40 }, (_, i) => CONTENT(i)), USAGE, 'data: [DONE]\n\n'];
    // Events split across reads too: the pipe cuts at event ends.
    const split = parts.flatMap((p) => [p.slice(0, 7), p.slice(7)]);
    const body = new UpstreamBody(await get('/ok', split), 5000);
    const head = await body.next();
    assert.equal(head.done, false);
    body.unshift([head.value as Buffer]);
    const usage: Usage[] = [];
    const s = stream(body, usage);
    const seen: string[] = [];
    let ended = 0;
    s.observe?.({ bytes: (b) => seen.push(b.toString()), end: () => ended++ });
    const sink = slowSink(3);
    await s.pipe!(sink.sink);
    assert.equal(sink.text(), parts.join(''));
    assert.equal(seen.join(''), parts.join(''));
    assert.equal(ended, 1);
    assert.ok(sink.fullTimes() > 0, 'the sink said full at least once');
    assert.deepEqual(usage, [{ inputTokens: 3, outputTokens: 64 }]);
  });

  it('cuts the usage-only chunk the app did not ask for', async () => {
    const parts = [CONTENT(0), USAGE, 'data: [DONE]\n\n'];
    const usage: Usage[] = [];
    const s = stream(new UpstreamBody(await get('/drop', parts), 5000), usage);
    const sink = slowSink(100);
    await s.pipe!(sink.sink, { dropUsageOnly: true });
    assert.equal(sink.text(), `${CONTENT(0)}data: [DONE]\n\n`);
    assert.deepEqual(usage, [{ inputTokens: 3, outputTokens: 64 }]);
  });

  it('ends at a malformed event: the events before it still go out, scrubbed', async () => {
    const good = 'data: {"choices":[],"note":"error","key":"sk-secret"}\n\n';
    const parts = [CONTENT(0), good, 'garbage line\n\n', CONTENT(1)];
    const errors: Error[] = [];
    const s = stream(new UpstreamBody(await get('/bad', parts), 5000), [], errors);
    const sink = slowSink(100);
    await assert.rejects(s.pipe!(sink.sink), UpstreamAnswerError);
    assert.equal(sink.text(), CONTENT(0) + good.replace('sk-secret', '[REDACTED]'));
    assert.equal(errors.length, 1);
  });

  it('a silent upstream ends the pipe with the idle timeout', async () => {
    const errors: Error[] = [];
    const s = stream(new UpstreamBody(await get('/silent', [CONTENT(0), undefined]), 100), [], errors);
    const sink = slowSink(100);
    const err = await s.pipe!(sink.sink).then(
      () => undefined,
      (e: Error) => e,
    );
    assert.ok(err instanceof TransportError && err.failure === 'timeout', String(err));
    assert.equal(sink.text(), CONTENT(0));
  });

  it('pulled (a step takes chunks): every chunk arrives in order, a slow reader included', async () => {
    const parts = [...Array.from({ length: 30 }, (_, i) => CONTENT(i)), USAGE, 'data: [DONE]\n\n'];
    const usage: Usage[] = [];
    const s = stream(new UpstreamBody(await get('/pull', parts), 5000), usage);
    const seen: string[] = [];
    s.observe?.({ chunk: (c) => seen.push(c.choices?.[0]?.delta?.content ?? '') });
    const contents: string[] = [];
    for await (const chunk of s.chunks()) {
      if (chunk.choices?.[0]) contents.push(chunk.choices[0].delta.content);
      await new Promise((r) => setTimeout(r, 3)); // slower than the upstream
    }
    assert.deepEqual(
      contents,
      Array.from({ length: 30 }, (_, i) => `w${i} `),
    );
    assert.equal(seen.length, 31);
    assert.deepEqual(usage, [{ inputTokens: 3, outputTokens: 64 }]);
  });

  it('an app that is gone stops the upstream read', async () => {
    const parts = Array.from({ length: 50 }, (_, i) => CONTENT(i));
    const res = await get('/gone', parts);
    const s = stream(new UpstreamBody(res, 5000), []);
    let writes = 0;
    const gone = new Error('app gone');
    await assert.rejects(
      s.pipe!({
        write() {
          if (++writes === 2) throw gone;
          return true;
        },
      }),
      (e) => e === gone,
    );
    assert.equal(res.destroyed, true);
  });
});
