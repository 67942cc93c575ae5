// Token estimates (the BPE counter agrees with js-tiktoken's encoder) and cost from pricing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { costOf, priceBook } from '../../../sidecar/cost.ts';
import {
  countTokens,
  DEFAULT_MAX_OUTPUT_TOKENS,
  estimateTokens,
  maxOutputTokens,
  promptTokens,
} from '../../../sidecar/tokens.ts';
import { rng } from '../../support/rng.ts';

describe('token counting', () => {
  const reference = new Tiktoken(o200k);
  const SAMPLES = [
    'Hello world',
    'Ünïcödé 日本語のテキスト 🎉🎉 emoji',
    'function foo(a, b) {\n  return a + b; // sum\n}\n\n\n',
    '   spaces   and\ttabs\r\n',
    "I'm sure you're right, they'll've done it",
    '1234567890 3.14159 0xDEADBEEF',
    'Привет, как дела? مرحبا كيف حالك',
    'https://example.com/path?x=1&y=2#frag',
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(40),
  ];
  for (const s of SAMPLES) {
    test(`same count as js-tiktoken: ${JSON.stringify(s.slice(0, 30))}`, () => {
      assert.equal(countTokens(s), reference.encode(s).length);
    });
  }

  // The counter splits ASCII stretches by hand and looks whole-token pieces up by position: random
  // texts built from the pieces the split pattern treats specially (case runs, contractions, digit
  // runs, runs of spaces and line breaks, punctuation and slashes) next to non-ASCII letters,
  // digits, marks, spaces and surrogates must count exactly as js-tiktoken's encoder does.
  test('same count as js-tiktoken on random mixed texts', () => {
    const FRAGMENTS = [
      'a',
      'word',
      'Word',
      'WORD',
      'HTTPServer',
      'x',
      'Z',
      'iOS',
      '0',
      '12',
      '123',
      '4567',
      ' ',
      '  ',
      '   ',
      '\t',
      '\v',
      '\f',
      '\r',
      '\n',
      '\r\n',
      '\n\n',
      ' \n ',
      "'",
      "'s",
      "'S",
      "'t",
      "'re",
      "'rE",
      "'ve",
      "'VE",
      "'m",
      "'ll",
      "'lL",
      "'d",
      "'r",
      "'l",
      "'v",
      "n't",
      "'x",
      '/',
      '//',
      '://',
      '.',
      ',',
      '!?',
      '...',
      '(',
      ')',
      '-',
      '_',
      '@',
      '`',
      '~',
      '\x00',
      '\x1f',
      '\x7f',
      'é',
      'É',
      'café',
      '日本',
      '١٢',
      '²',
      '\u0301',
      '\u00a0',
      '\u2028',
      '\u3000',
      '\ufeff',
      '🎉',
      '\ud800',
      '\udc00',
      'ǅ',
      'ʰ',
      '—',
      '«',
      'ß',
    ];
    const random = rng(7);
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const n = Math.floor(random() * 40);
      for (let j = 0; j < n; j++) s += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
      assert.equal(countTokens(s), reference.encode(s).length, JSON.stringify(s));
    }
  });

  test('long texts: a count kept for a text is never given to another of the same length', () => {
    const base = 'The quick brown fox jumps over the lazy dog. '.repeat(200);
    const texts = [
      base,
      `${base.slice(0, -2)}!?`,
      `${base.slice(0, 100)}  ${base.slice(102)}`,
      base.toUpperCase(),
    ];
    for (let round = 0; round < 2; round++)
      for (const t of texts) assert.equal(countTokens(t), reference.encode(t).length);
  });

  test('chat prompt tokens include message framing', () => {
    const body = { messages: [{ role: 'user', content: 'Hello world' }] };
    // 3 per message + 2 content tokens + 3 reply primer
    assert.equal(promptTokens(body, 'chat'), 3 + 2 + 3);
    const parts = { messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello world' }] }] };
    assert.equal(promptTokens(parts, 'chat'), 8);
  });

  test('completions and embeddings inputs', () => {
    assert.equal(promptTokens({ prompt: 'Hello world' }, 'completions'), 2);
    assert.equal(promptTokens({ input: ['Hello world', 'Hello'] }, 'embeddings'), 3);
    assert.equal(promptTokens({ input: [[1, 2, 3]] }, 'embeddings'), 3);
  });

  test('estimate = prompt + max_tokens (or max_completion_tokens, or a default), times n', () => {
    const messages = [{ role: 'user', content: 'Hello world' }];
    assert.deepEqual(estimateTokens({ messages, max_tokens: 100 }, 'chat'), {
      inputTokens: 8,
      outputTokens: 100,
    });
    assert.deepEqual(estimateTokens({ messages, max_completion_tokens: 50 }, 'chat'), {
      inputTokens: 8,
      outputTokens: 50,
    });
    // No max_tokens: a default the quota limits may replace (reserveOutputTokens), said so.
    assert.deepEqual(estimateTokens({ messages }, 'chat'), {
      inputTokens: 8,
      outputTokens: DEFAULT_MAX_OUTPUT_TOKENS,
      outputDefaulted: true,
    });
    assert.deepEqual(estimateTokens({ messages }, 'chat', { defaultMaxTokens: 16_384 }), {
      inputTokens: 8,
      outputTokens: 16_384,
      outputDefaulted: true,
    });
    assert.deepEqual(estimateTokens({ messages, max_tokens: 10, n: 3 }, 'chat'), {
      inputTokens: 8,
      outputTokens: 30,
    });
    assert.deepEqual(estimateTokens({ messages }, 'chat', { contextWindow: 100 }), {
      inputTokens: 8,
      outputTokens: 92,
      outputDefaulted: true,
    });
    assert.deepEqual(estimateTokens({ messages }, 'chat', { extraInputTokens: 5 }).inputTokens, 13);
    assert.deepEqual(estimateTokens({ input: 'Hello world' }, 'embeddings'), {
      inputTokens: 2,
      outputTokens: 0,
    });
    assert.equal(maxOutputTokens({}), undefined);
  });
});

describe('cost', () => {
  const book = priceBook({
    providers: [
      {
        id: 'ai/openai',
        type: 'openai',
        endpoint: 'https://api.openai.com/v1',
        headers: {},
        models: [
          { name: 'gpt-4o', pricing: { input: 2.5, output: 10, cachedInput: 1.25 } },
          {
            name: 'llama',
            upstreamName: 'meta-llama/Llama-3.1-8B-Instruct',
            pricing: { input: 0.1, output: 0.2 },
          },
          { name: 'free' },
        ],
      },
    ],
  });

  test('USD per 1M tokens; cached input at the cached price', () => {
    assert.equal(costOf({ input: 2.5, output: 10 }, { inputTokens: 1_000_000, outputTokens: 0 }), 2.5);
    const usd = book.cost('ai/openai', 'gpt-4o', {
      inputTokens: 1000,
      outputTokens: 500,
      cachedInputTokens: 400,
    })!;
    // 600 * 2.5 + 400 * 1.25 + 500 * 10 = 1500 + 500 + 5000 = 7000 µ$·1e-6
    assert.ok(Math.abs(usd - 0.007) < 1e-12, String(usd));
  });

  test('cached tokens cost the input price when no cached price is set', () => {
    assert.equal(
      costOf({ input: 1, output: 0 }, { inputTokens: 10, outputTokens: 0, cachedInputTokens: 10 }),
      0.00001,
    );
  });

  test('lookups by mesh name, upstream name and dated snapshot names', () => {
    assert.ok(book.pricing('ai/openai', 'gpt-4o'));
    assert.ok(book.pricing('ai/openai', 'gpt-4o-2024-08-06'));
    assert.ok(book.pricing('ai/openai', 'meta-llama/Llama-3.1-8B-Instruct'));
    assert.equal(book.pricing('ai/openai', 'free'), undefined);
    assert.equal(book.cost('ai/other', 'gpt-4o', { inputTokens: 1, outputTokens: 1 }), undefined);
  });
});
