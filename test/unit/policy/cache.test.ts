// Response cache: hit/miss, TTL expiry, byte bound (LRU), keys per route/rule/model/body, the
// cache-control directives, and the stream replay / assembly round trip.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ChunkAssembler,
  cacheDirectives,
  ResponseCaches,
  replayChunks,
} from '../../../sidecar/cache/index.ts';
import { SizedLru } from '../../../sidecar/cache/lru.ts';
import type { RuleConfig } from '../../../sidecar/snapshot/schema.ts';

const rule = (name: string, ttlMs = 60_000, maxBytes = 1 << 20): RuleConfig => ({
  name,
  matches: [],
  backends: [{ provider: 'ai/openai', weight: 1 }],
  retries: { attempts: 0, backoffMs: 0, on: [] },
  cache: { ttlMs, maxBytes },
});

const completion = (content: string) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-2024-08-06',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
});

describe('SizedLru', () => {
  test('evicts least recently used entries to stay within maxBytes', () => {
    const lru = new SizedLru<string>(100);
    lru.set('a', 'A', 40, 1000);
    lru.set('b', 'B', 40, 1000);
    assert.equal(lru.get('a'), 'A'); // a is now the most recent
    lru.set('c', 'C', 40, 1000); // evicts b
    assert.equal(lru.get('b'), undefined);
    assert.equal(lru.get('a'), 'A');
    assert.equal(lru.get('c'), 'C');
    assert.deepEqual(lru.stats(), { entries: 2, bytes: 80, maxBytes: 100, evictions: 1 });
    assert.equal(lru.set('huge', 'H', 101, 1000), false);
    assert.equal(lru.stats().bytes, 80);
  });
  test('entries expire after their TTL', () => {
    const clock = { t: 0 };
    const lru = new SizedLru<string>(100, () => clock.t);
    lru.set('a', 'A', 10, 500);
    clock.t = 499;
    assert.equal(lru.get('a'), 'A');
    clock.t = 500;
    assert.equal(lru.get('a'), undefined);
    assert.equal(lru.stats().bytes, 0);
  });
  test('replacing a key frees its old size', () => {
    const lru = new SizedLru<string>(100);
    lru.set('a', 'A', 60, 1000);
    lru.set('a', 'A2', 70, 1000);
    assert.equal(lru.stats().bytes, 70);
  });
});

describe('ResponseCaches', () => {
  const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], temperature: 0 };

  test('hit after store; miss for another body; stream flags do not change the key', () => {
    const caches = new ResponseCaches();
    const c = caches.forRule('team-a/chat', rule('r1'))!;
    const key = c.key('gpt-4o', body);
    assert.equal(c.get(key), undefined);
    c.set(key, completion('hello'));
    assert.equal(c.get(key)?.body.choices[0].message.content, 'hello');
    assert.equal(JSON.parse(c.get(key)!.raw.toString()).choices[0].message.content, 'hello');
    assert.equal(c.key('gpt-4o', { ...body, stream: true, stream_options: { include_usage: true } }), key);
    assert.equal(
      c.key('gpt-4o', { temperature: 0, messages: body.messages, model: 'gpt-4o' }),
      key,
      'key order',
    );
    assert.notEqual(c.key('gpt-4o', { ...body, temperature: 1 }), key);
    assert.notEqual(c.key('gpt-4o-mini', body), key);
  });

  test('never shared across routes or rules; a changed rule starts empty', () => {
    const caches = new ResponseCaches();
    const a = caches.forRule('team-a/chat', rule('r1'))!;
    const b = caches.forRule('team-b/chat', rule('r1'))!;
    const c = caches.forRule('team-a/chat', rule('r2'))!;
    assert.notEqual(a.key('m', body), b.key('m', body));
    assert.notEqual(a.key('m', body), c.key('m', body));
    a.set(a.key('m', body), completion('x'));
    assert.equal(caches.forRule('team-a/chat', rule('r1')), a, 'same rule config: same cache');
    assert.notEqual(caches.forRule('team-a/chat', rule('r1', 5_000)), a, 'new ttl: new cache');
    assert.equal(caches.forRule('team-a/chat', { ...rule('r1'), cache: undefined }), undefined);
  });

  test('an answer stored by its bytes is parsed on a hit, and each copy is its own', () => {
    const caches = new ResponseCaches();
    const c = caches.forRule('team-a/chat', rule('r1'))!;
    const key = c.key('gpt-4o', body);
    const raw = Buffer.from(JSON.stringify(completion('mail bob@example.org')));
    assert.equal(c.setBytes(key, raw), true);
    const hit = c.get(key)!;
    assert.equal(hit.raw, raw);
    assert.equal(hit.body.choices[0].message.content, 'mail bob@example.org');
    const mine = hit.copy();
    mine.choices[0].message.content = 'mail [EMAIL]';
    assert.equal(c.get(key)!.body.choices[0].message.content, 'mail bob@example.org');
    assert.equal(c.get(key)!.copy().choices[0].message.content, 'mail bob@example.org');
    assert.notEqual(c.get(key)!.copy(), c.get(key)!.copy());
  });

  test('the byte bound holds', () => {
    const caches = new ResponseCaches();
    const c = caches.forRule('r', rule('small', 60_000, 2_000))!;
    for (let i = 0; i < 50; i++) c.set(c.key('m', { i }), completion('x'.repeat(100)));
    const s = c.stats();
    assert.ok(s.bytes <= 2_000, `bytes ${s.bytes}`);
    assert.ok(s.evictions > 0);
    assert.ok(c.get(c.key('m', { i: 49 })), 'the newest is kept');
    assert.equal(c.get(c.key('m', { i: 0 })), undefined, 'the oldest is gone');
  });

  test('TTL from the rule', () => {
    const clock = { t: 0 };
    const caches = new ResponseCaches(() => clock.t);
    const c = caches.forRule('r', rule('r', 1_000))!;
    const k = c.key('m', body);
    c.set(k, completion('x'));
    clock.t = 999;
    assert.ok(c.get(k));
    clock.t = 1_000;
    assert.equal(c.get(k), undefined);
  });

  test('retain drops caches of rules that are gone', () => {
    const caches = new ResponseCaches();
    caches.forRule('r', rule('a'));
    caches.forRule('r', rule('b'));
    assert.equal(caches.size, 2);
    caches.retain(new Set());
    assert.equal(caches.size, 0);
  });
});

describe('cache-control', () => {
  test('no-cache and no-store', () => {
    assert.deepEqual(cacheDirectives(undefined), { noCache: false, noStore: false });
    assert.deepEqual(cacheDirectives('no-cache'), { noCache: true, noStore: false });
    assert.deepEqual(cacheDirectives('No-Store, max-age=0'), { noCache: false, noStore: true });
    assert.deepEqual(cacheDirectives('no-cache, no-store'), { noCache: true, noStore: true });
  });
});

describe('stream replay', () => {
  test('a completion replays as chunks and assembles back to itself', () => {
    const original = completion('The quick brown fox jumps over the lazy dog. '.repeat(5).trim());
    const chunks = [...replayChunks(original)];
    assert.equal(chunks[0].choices[0].delta.role, 'assistant');
    assert.ok(chunks.length > 3, 'long content comes in several chunks');
    assert.equal(chunks.at(-2)!.choices[0].finish_reason, 'stop');
    assert.deepEqual(chunks.at(-1)!.choices, []);
    assert.equal(chunks.at(-1)!.usage.total_tokens, 8);
    const asm = new ChunkAssembler();
    for (const c of chunks) asm.push(c);
    assert.deepEqual(asm.result(), original);
  });
  test('tool calls and legacy completions', () => {
    const tools = {
      ...completion(''),
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: '',
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
          },
          finish_reason: 'tool_calls',
        },
      ],
    };
    const asm = new ChunkAssembler();
    for (const c of replayChunks(tools)) asm.push(c);
    assert.deepEqual(asm.result()!.choices[0].message.tool_calls, tools.choices[0].message.tool_calls);
    const legacy = {
      id: 'c',
      object: 'text_completion',
      created: 1,
      model: 'm',
      choices: [{ index: 0, text: 'abc', finish_reason: 'stop' }],
    };
    const asm2 = new ChunkAssembler();
    for (const c of replayChunks(legacy)) asm2.push(c);
    assert.deepEqual(asm2.result(), legacy);
  });
  test('an unfinished or failed stream assembles to nothing', () => {
    const asm = new ChunkAssembler();
    asm.push({
      id: 'x',
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta: { content: 'a' }, finish_reason: null }],
    });
    assert.equal(asm.result(), undefined);
    asm.push({ error: { message: 'boom' } });
    asm.push({
      id: 'x',
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
    });
    assert.equal(asm.result(), undefined);
  });
});
