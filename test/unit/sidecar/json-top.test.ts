// The top-level reader of big request bodies (sidecar/pipeline/json-top.ts): it must agree with
// JSON.parse on every field it parses, refuse every body whose shape is wrong, and let through
// only bodies whose error lies inside a value too big to have been parsed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonShapeError, SMALL_VALUE, topLevelFields } from '../../../sidecar/pipeline/json-top.ts';
import { rng } from '../../support/rng.ts';

const read = (text: string, depth = 256) => {
  const fields = topLevelFields(Buffer.from(text), depth);
  assert.ok(fields, 'read, not given up');
  return fields;
};

/** A random JSON value: nested objects and arrays, escapes, non-ASCII, long strings now and then. */
function value(random: () => number, depth: number): unknown {
  const r = random();
  if (depth > 3 || r < 0.35) {
    const pick = Math.floor(random() * 7);
    if (pick === 0) return Math.floor(random() * 1e6) / (random() < 0.5 ? 1 : 7);
    if (pick === 1) return random() < 0.5;
    if (pick === 2) return null;
    // Mostly letters, as text is; a quote now and then (a string of quotes is parsed whole instead).
    const chars = [
      ...'abcdefghijklmnopqrstuvwxyz    ',
      '"',
      '\\',
      '\n',
      'é',
      '😀',
      '}',
      ']',
      ',',
      ':',
      '{',
      '\u0001',
      '/',
    ];
    let s = '';
    const n = random() < 0.1 ? SMALL_VALUE + Math.floor(random() * 3000) : Math.floor(random() * 40);
    for (let i = 0; i < n; i++) s += chars[Math.floor(random() * chars.length)];
    return s;
  }
  if (r < 0.7) return Array.from({ length: Math.floor(random() * 5) }, () => value(random, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0, n = Math.floor(random() * 5); i < n; i++)
    o[random() < 0.1 ? `k${i}"\\${i}` : `k${i}`] = value(random, depth + 1);
  return o;
}

/** JSON text of `o` with random whitespace between tokens (outside strings). */
function spaced(o: Record<string, unknown>, random: () => number): string {
  const ws = () => [' ', '\n', '\t', '', '', ''][Math.floor(random() * 6)];
  const entries = Object.entries(o).map(
    ([k, v]) => `${ws()}${JSON.stringify(k)}${ws()}:${ws()}${JSON.stringify(v)}${ws()}`,
  );
  return `${ws()}{${entries.join(',')}}${ws()}`;
}

describe('json-top: a body read at its top level', () => {
  it('reads what JSON.parse reads, for every field it parses', () => {
    const random = rng(31);
    let gaveUp = 0;
    for (let n = 0; n < 2000; n++) {
      const o: Record<string, unknown> = {};
      for (let i = 0, k = Math.floor(random() * 8); i < k; i++) o[`f${i}`] = value(random, 0);
      const text = spaced(o, random);
      const fields = topLevelFields(Buffer.from(text), 256);
      if (!fields) {
        gaveUp++;
        continue;
      }
      assert.deepEqual([...fields.keys()], Object.keys(o));
      for (const [name, f] of fields) {
        const bytes = Buffer.from(text).subarray(f.start, f.end);
        assert.deepEqual(JSON.parse(bytes.toString()), o[name], `${name} in ${text.slice(0, 80)}`);
        if (f.parsed) assert.deepEqual(f.value, o[name]);
        else assert.ok(f.end - f.start > SMALL_VALUE, 'only big values wait');
        const type = Array.isArray(o[name]) ? 'array' : o[name] === null ? 'null' : typeof o[name];
        assert.equal(f.type, type);
        if (type === 'array') assert.equal(f.empty, (o[name] as unknown[]).length === 0);
      }
    }
    assert.ok(gaveUp < 500, `gave up on ${gaveUp} of 2000`);
  });

  it('takes the last of a repeated name, as JSON.parse does', () => {
    const fields = read('{"model":"a","stream":false,"model":"b"}');
    assert.equal(fields.get('model')?.value, 'b');
  });

  it('refuses bodies that are not one JSON object', () => {
    const bad = [
      '',
      '   ',
      '[1,2]',
      '"text"',
      '{',
      '{"a":1,}',
      '{"a" 1}',
      '{"a":}',
      '{a:1}',
      '{"a":1 "b":2}',
      '{"a":[1,2}',
      '{"a":{"b":[}]}',
      '{"a":1} trailing',
      '{"a":1}}',
      '{"a":tru}',
      '{"a":01}',
      '{"a":"unterminated}',
      '{"a":"bad \\x escape"}',
      `{"a":${'['.repeat(300)}${']'.repeat(300)}}`,
    ];
    for (const text of bad) assert.throws(() => read(text), JsonShapeError, text.slice(0, 40));
  });

  it('gives up where reading would cost more than parsing: many fields, strings of escaped quotes', () => {
    const many = `{"model":"m",${Array.from({ length: 65 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    assert.equal(topLevelFields(Buffer.from(many), 256), undefined);
    const quotes = `{"model":"m","messages":[{"content":"${'\\"'.repeat(20_000)}"}]}`;
    assert.equal(topLevelFields(Buffer.from(quotes), 256), undefined);
    // Ordinary prose with a quote now and then is read.
    const prose = `{"model":"m","messages":[{"content":"${'she said \\"yes\\" and then walked out of the room without another word, leaving the door open behind her; nobody in the hall looked up from their papers. '.repeat(200)}"}]}`;
    assert.ok(topLevelFields(Buffer.from(prose), 256));
  });

  it('says when the body nests deeper than allowed', () => {
    assert.throws(() => read(`{"a":${'['.repeat(11)}${']'.repeat(11)}}`, 10), /nests deeper than 10 levels/);
    assert.doesNotThrow(() => read(`{"a":${'['.repeat(10)}${']'.repeat(10)}}`, 10));
  });

  it('lets a damaged body through only when the damage lies inside a value it did not parse', () => {
    const random = rng(77);
    let caughtHere = 0;
    let leftForLater = 0;
    for (let n = 0; n < 3000; n++) {
      const o: Record<string, unknown> = {};
      for (let i = 0, k = 1 + Math.floor(random() * 6); i < k; i++) o[`f${i}`] = value(random, 0);
      const bytes = Buffer.from(spaced(o, random));
      const at = Math.floor(random() * bytes.length);
      bytes[at] = '{}[]",:\\ x0\u0001'.charCodeAt(Math.floor(random() * 13));
      let wholeOk = true;
      try {
        JSON.parse(bytes.toString());
      } catch {
        wholeOk = false;
      }
      let fields: ReturnType<typeof topLevelFields>;
      try {
        fields = topLevelFields(bytes, 256);
      } catch (err) {
        assert.ok(err instanceof JsonShapeError);
        caughtHere++;
        continue;
      }
      if (wholeOk || fields === undefined) continue;
      // Accepted but not valid JSON: the damaged byte is inside a field that waits for the whole parse.
      const holder = [...fields.values()].find((f) => at >= f.start && at < f.end);
      assert.ok(holder && !holder.parsed, `damage at ${at} accepted outside a big value`);
      leftForLater++;
    }
    assert.ok(caughtHere > 1000 && leftForLater > 10, `${caughtHere} caught, ${leftForLater} left`);
  });
});
