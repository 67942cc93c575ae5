// The upstream transport's response-head timeout, against a real socket that never answers.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { TransportError } from '../../../sidecar/upstream/errors.ts';
import { Transport } from '../../../sidecar/upstream/transport.ts';

describe('transport timeout', () => {
  let server: http.Server;
  let url = '';
  before(async () => {
    server = http.createServer(() => {}); // reads the request, never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fails at the deadline and names the budget the attempt started with', async () => {
    const agent = new http.Agent({ keepAlive: true });
    const app = new EventEmitter() as unknown as ServerResponse; // the app's response: stays open
    const started = Date.now();
    // The deadline was set a few ms before the request went out (the adapter built it meanwhile).
    const deadline = started + 80;
    await new Promise((r) => setTimeout(r, 5));
    await assert.rejects(
      new Transport().send(
        {} as IncomingMessage,
        app,
        { url, method: 'POST', headers: {}, body: '{}' },
        {
          agent,
          deadline,
          budgetMs: 80,
        },
      ),
      (err: unknown) => {
        assert.ok(err instanceof TransportError);
        assert.equal(err.failure, 'timeout');
        assert.equal(err.message, 'no response within 80 ms');
        return true;
      },
    );
    assert.ok(Date.now() - started >= 75, `waited until the deadline (${Date.now() - started} ms)`);
    agent.destroy();
  });
});
