// The sidecar's bounds on what an upstream may send: the size options, whole answers read with
// a limit (against a real socket), exchanges that end with the app or at shutdown, and the
// passthrough stream's event limit and structural check.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parseOptions } from '../../../sidecar/options.ts';
import { checkOpenAISSE, upstreamStream } from '../../../sidecar/pipeline/response-stream.ts';
import { openai } from '../../../sidecar/providers/openai/index.ts';
import { EventTooLargeError } from '../../../sidecar/providers/sse.ts';
import { ClientGoneError, ShutdownError, UpstreamAnswerError } from '../../../sidecar/upstream/errors.ts';
import { readBody, Transport } from '../../../sidecar/upstream/transport.ts';

describe('upstream bounds: options', () => {
  it('default to 32 MiB answers and 8 MiB events; flags and AIMESH_* env take sizes', () => {
    const defaults = parseOptions(['--snapshot', 's.json'], {});
    assert.ok(defaults !== 'help');
    assert.equal(defaults.maxResponseBytes, 32 * 1024 * 1024);
    assert.equal(defaults.maxStreamEventBytes, 8 * 1024 * 1024);
    const set = parseOptions(['--snapshot', 's.json', '--max-response-size', '2mb'], {
      AIMESH_MAX_STREAM_EVENT_SIZE: '64kb',
    });
    assert.ok(set !== 'help');
    assert.equal(set.maxResponseBytes, 2 * 1024 * 1024);
    assert.equal(set.maxStreamEventBytes, 64 * 1024);
    assert.throws(
      () => parseOptions(['--snapshot', 's.json', '--max-response-size', 'lots'], {}),
      /--max-response-size: cannot read size "lots"/,
    );
    assert.throws(
      () => parseOptions(['--snapshot', 's.json', '--max-stream-event-size', '0'], {}),
      /at least 1 byte/,
    );
  });
});

describe('upstream bounds: transport', () => {
  let server: http.Server;
  let base = '';
  const agent = new http.Agent({ keepAlive: true });
  before(async () => {
    server = http.createServer((req, res) => {
      const size = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('size'));
      const declare = req.url?.includes('declare');
      if (req.url?.startsWith('/stall')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"partial":');
        return; // never ends
      }
      res.writeHead(200, declare ? { 'content-length': String(size) } : {});
      res.end(Buffer.alloc(size, 'x'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    agent.destroy();
    server.closeAllConnections();
    server.close();
  });

  /** The app's side of a call: an open response, closable like a socket going away. */
  const appResponse = () => {
    const res = new EventEmitter() as EventEmitter & { destroyed: boolean; writableFinished: boolean };
    res.destroyed = false;
    res.writableFinished = false;
    return res as unknown as ServerResponse & EventEmitter;
  };
  const send = (t: Transport, path: string, app = appResponse()) =>
    t.send(
      {} as IncomingMessage,
      app,
      { url: `${base}${path}`, method: 'GET', headers: {} },
      {
        agent,
        deadline: Date.now() + 5000,
      },
    );

  it('reads an answer up to the limit, refuses one past it, and releases every exchange', async () => {
    const t = new Transport();
    const ok = await send(t, '/?size=1000');
    assert.equal((await readBody(ok.body, { deadline: Date.now() + 5000, limit: 1000 })).length, 1000);
    for (const path of ['/?size=5000', '/?size=5000&declare']) {
      const big = await send(t, path);
      await assert.rejects(
        readBody(big.body, { deadline: Date.now() + 5000, limit: 1000 }),
        (err: unknown) => {
          assert.ok(err instanceof UpstreamAnswerError);
          assert.equal(err.code, 'upstream_response_too_large');
          return true;
        },
      );
    }
    const error = await send(t, '/?size=5000');
    const start = await readBody(error.body, {
      deadline: Date.now() + 5000,
      limit: 100,
      overLimit: 'truncate',
    });
    assert.equal(start.length, 100);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(t.openExchanges, 0);
  });

  it('ends the upstream exchange when the app leaves after the response head', async () => {
    const t = new Transport();
    const app = appResponse();
    const stalled = await send(t, '/stall', app);
    const reading = readBody(stalled.body, { deadline: Date.now() + 60_000, limit: 1000 });
    app.emit('close'); // the app's socket went away
    await assert.rejects(reading, ClientGoneError);
    assert.equal(t.openExchanges, 0);
  });

  it('abortAll ends every exchange still open with ShutdownError', async () => {
    const t = new Transport();
    const stalled = await send(t, '/stall');
    const reading = readBody(stalled.body, { deadline: Date.now() + 60_000, limit: 1000 });
    t.abortAll();
    await assert.rejects(reading, ShutdownError);
  });
});

describe('upstream bounds: passthrough stream', () => {
  async function* source(parts: (string | Buffer)[]) {
    for (const p of parts) yield Buffer.isBuffer(p) ? p : Buffer.from(p);
  }
  const stream = (parts: (string | Buffer)[], maxEventBytes?: number, errors: Error[] = []) =>
    upstreamStream(source(parts), {
      translator: openai.stream({} as never),
      passthrough: true,
      maxEventBytes,
      onUsage: () => {},
      onError: (err) => errors.push(err),
      scrub: (t) => t,
    });
  const read = async (s: ReturnType<typeof stream>) => {
    let out = '';
    try {
      for await (const b of s.bytes()) out += b.toString();
    } catch (err) {
      return { out, err: err as Error };
    }
    return { out, err: undefined };
  };
  const event = (text: string) => `data: {"choices":[{"index":0,"delta":{"content":"${text}"}}]}\n\n`;

  it('finds event ends split across pieces, and forwards whole events only', async () => {
    const wire = event('a') + event('b');
    const cut = wire.indexOf('\n\n') + 1; // between the two newlines
    const { out, err } = await read(
      stream([wire.slice(0, cut), wire.slice(cut, cut + 5), wire.slice(cut + 5)]),
    );
    assert.equal(err, undefined);
    assert.equal(out, wire);
  });

  it('ends the stream at an event past the limit, holding no more than the limit', async () => {
    const errors: Error[] = [];
    const piece = Buffer.alloc(1024, 'a');
    const parts = [event('ok'), 'data: {"choices":[{"delta":{"content":"', ...Array(100).fill(piece)];
    const { out, err } = await read(stream(parts, 8 * 1024, errors));
    assert.equal(out, event('ok'));
    assert.ok(err instanceof EventTooLargeError);
    assert.equal(errors[0], err, 'the attempt learns it before the app');
  });

  it('stops at malformed SSE: what came before goes out, the rest never does', async () => {
    const { out, err } = await read(
      stream([event('a'), 'data: <html>502 Bad Gateway</html>\n\n', event('b')]),
    );
    assert.equal(out, event('a'));
    assert.ok(err instanceof UpstreamAnswerError);
    assert.match(err.message, /malformed SSE \(a data line that is not a JSON object\)/);
    assert.equal(err.relayed, false);
  });

  it("relays the upstream's in-stream error event and reports the stream failed", async () => {
    const failure = 'data: {"error":{"message":"overloaded","type":"server_error"}}\n\n';
    const { out, err } = await read(stream([event('a') + failure + event('never')]));
    assert.equal(out, event('a') + failure);
    assert.ok(err instanceof UpstreamAnswerError);
    assert.equal(err.relayed, true);
    assert.equal(err.message, 'upstream stream error: overloaded');
  });

  it('checkOpenAISSE accepts comments, fields, [DONE] and CRLF; rejects cut JSON and stray lines', () => {
    const ok = ': ping\nevent: x\nid: 1\nretry: 10\ndata: {"a":1}\r\n\r\ndata: [DONE]\n\n';
    assert.deepEqual(checkOpenAISSE(Buffer.from(ok)), {});
    assert.equal(
      checkOpenAISSE(Buffer.from(`${event('a')}data: {"cut":"in ha\n\n`)).badAt,
      event('a').length,
    );
    assert.ok(checkOpenAISSE(Buffer.from('garbage\n\n')).reason);
  });
});
