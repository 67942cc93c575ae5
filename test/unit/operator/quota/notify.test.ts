// Budget alert notifications against a real local HTTP receiver: Slack-compatible JSON, retries
// on transient failures only, a bounded time per attempt, a bounded queue, the URL re-read from
// its file (Secret rotation) and never written to the logs.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, beforeEach, describe, it } from 'node:test';
import { pino } from 'pino';
import { type NotifyResult, urlFromFile, WebhookNotifier } from '../../../../operator/quota/notify.ts';
import { freePorts, tempDir } from '../../../support/procs.ts';

const TOKEN = 'T000/B000/XXXXsecretXXXX';

interface Received {
  path: string;
  contentType: string | undefined;
  body: any;
}

describe('incoming-webhook notifications', () => {
  let server: Server;
  let base: string;
  let received: Received[];
  /** How the receiver answers the next requests (default 200). */
  let answers: ((res: ServerResponse) => void)[];
  let logs: string;
  let results: NotifyResult[];
  const dir = tempDir('aimesh-notify');

  const logger = () =>
    pino(
      { level: 'debug' },
      new Writable({
        write(chunk, _enc, cb) {
          logs += chunk.toString();
          cb();
        },
      }),
    );
  const notifier = (url: string | (() => string | undefined), extra: Record<string, number> = {}) =>
    new WebhookNotifier({
      url: typeof url === 'string' ? () => url : url,
      log: logger(),
      onResult: (r) => results.push(r),
      backoffMs: 10,
      timeoutMs: 1_000,
      ...extra,
    });

  before(async () => {
    server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
      let text = '';
      for await (const chunk of req) text += chunk;
      received.push({
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        body: JSON.parse(text),
      });
      const answer = answers.shift();
      if (answer) answer(res);
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    dir.remove();
  });
  beforeEach(() => {
    received = [];
    answers = [];
    logs = '';
    results = [];
  });

  it('posts {"text": ...} as JSON to the URL', async () => {
    const n = notifier(`${base}/services/${TOKEN}`);
    n.notify('AIQuota team-a/budget: limit tokens crossed its 80% alert threshold');
    await n.idle();
    assert.deepEqual(received, [
      {
        path: `/services/${TOKEN}`,
        contentType: 'application/json',
        body: { text: 'AIQuota team-a/budget: limit tokens crossed its 80% alert threshold' },
      },
    ]);
    assert.deepEqual(results, ['sent']);
  });

  it('retries 5xx and 429 with backoff, then delivers once; the logs name the cause, never the URL', async () => {
    answers = [(res) => res.writeHead(503).end(), (res) => res.writeHead(429).end()];
    const n = notifier(`${base}/services/${TOKEN}`);
    n.notify('hello');
    await n.idle();
    assert.equal(received.length, 3);
    assert.deepEqual(results, ['sent']);
    assert.match(logs, /HTTP 503/);
    assert.match(logs, /HTTP 429/);
    assert.ok(!logs.includes(TOKEN) && !logs.includes(base), logs);
  });

  it('a 4xx other than 429 is not retried', async () => {
    answers = [(res) => res.writeHead(404).end('no_service')];
    const n = notifier(`${base}/services/${TOKEN}`);
    n.notify('hello');
    await n.idle();
    assert.equal(received.length, 1);
    assert.deepEqual(results, ['failed']);
    assert.match(logs, /HTTP 404.*giving up|giving up.*HTTP 404/);
  });

  it('a receiver that never answers costs at most attempts x timeout', async () => {
    answers = [() => {}, () => {}];
    const n = notifier(`${base}/services/${TOKEN}`, { attempts: 2, timeoutMs: 200 });
    const started = Date.now();
    n.notify('hello');
    await n.idle();
    assert.deepEqual(results, ['failed']);
    assert.equal(received.length, 2);
    assert.ok(Date.now() - started < 5_000, 'bounded');
    assert.match(logs, /"cause":"timeout"/);
    assert.ok(!logs.includes(TOKEN), logs);
  });

  it('an unreachable receiver fails by error code, without the URL in the logs', async () => {
    const [port] = await freePorts(1);
    const n = notifier(`http://127.0.0.1:${port}/services/${TOKEN}`, { attempts: 2 });
    n.notify('hello');
    await n.idle();
    assert.deepEqual(results, ['failed']);
    assert.match(logs, /ECONNREFUSED/);
    assert.ok(!logs.includes(TOKEN) && !logs.includes(String(port)), logs);
  });

  it('the URL is read from its file at each delivery (a rotated Secret needs no restart)', async () => {
    const file = join(dir.path, 'url');
    writeFileSync(file, `${base}/services/old-${TOKEN}\n`);
    const n = notifier(urlFromFile(file));
    n.notify('one');
    await n.idle();
    writeFileSync(file, `${base}/services/new-${TOKEN}`);
    n.notify('two');
    await n.idle();
    assert.deepEqual(
      received.map((r) => [r.path, r.body.text]),
      [
        [`/services/old-${TOKEN}`, 'one'],
        [`/services/new-${TOKEN}`, 'two'],
      ],
    );
    writeFileSync(file, 'not a url');
    n.notify('three');
    await n.idle();
    assert.equal(received.length, 2);
    assert.deepEqual(results, ['sent', 'sent', 'failed']);
    assert.ok(!logs.includes('not a url'));
  });

  it('the queue is bounded: while the receiver is slow, the oldest messages are dropped', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    answers = [(res) => void gate.then(() => res.writeHead(200).end())];
    const n = notifier(`${base}/services/${TOKEN}`, { maxQueue: 2 });
    for (const text of ['a', 'b', 'c', 'd', 'e']) n.notify(text);
    await new Promise((r) => setTimeout(r, 50));
    release();
    await n.idle();
    // "a" was in flight; of b..e only the newest two waited.
    assert.deepEqual(
      received.map((r) => r.body.text),
      ['a', 'd', 'e'],
    );
    assert.deepEqual(results.filter((r) => r === 'dropped').length, 2);
  });
});
