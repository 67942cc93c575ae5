// The gateway's keys never leave in what it relays, however the bytes are chunked.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { test } from 'node:test';
import { SCRUBBED, scrubStream, secretsOf } from '../../../../sidecar/gateway/scrub.ts';

const KEY = 'sk-live-0123456789abcdef0123456789';

test('a key split across every possible chunk boundary is still replaced', async () => {
  const body = `data: {"error":{"message":"bad header Authorization: Bearer ${KEY}"}}\n\n`;
  for (let cut = 1; cut < body.length; cut++) {
    const out = await text(
      Readable.from([Buffer.from(body.slice(0, cut)), Buffer.from(body.slice(cut))]).pipe(scrubStream([KEY])),
    );
    assert.equal(out, body.replace(KEY, SCRUBBED), `cut at ${cut}`);
  }
});

test('a chunk is only held back while its end could start a key (SSE events are not delayed)', async () => {
  const stream = scrubStream([KEY]);
  const seen: string[] = [];
  stream.on('data', (c: Buffer) => seen.push(c.toString()));
  stream.write(Buffer.from('data: {"delta":"hi"}\n\n'));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(seen, ['data: {"delta":"hi"}\n\n']);
  stream.write(Buffer.from('data: sk-li'));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(seen, ['data: {"delta":"hi"}\n\n', 'data: ']);
  stream.end(Buffer.from('ve-0123456789abcdef0123456789 done'));
  await new Promise((r) => stream.once('end', r).resume());
  assert.equal(seen.join(''), `data: {"delta":"hi"}\n\ndata: ${SCRUBBED} done`);
});

test('short values (a region, an empty token) are not scrubbed as secrets', () => {
  assert.deepEqual(secretsOf({ apiKey: KEY, sessionToken: '', accessKeyId: 'AKIA1' }), [KEY]);
});
