// The top level of a JSON request body, read without parsing the rest: routing needs `model`,
// `stream` and a few other top-level fields, not the 200 KB of messages. One pass over the bytes:
// strings are skipped with indexOf (native), containers by their brackets; every top-level value
// of at most SMALL_VALUE bytes is parsed (and so fully validated) on the spot, bigger ones are
// only checked for shape (matching brackets, depth, where strings end) and parsed with the whole
// body by whoever first needs it (guards, token counts, translations; see Call.body).

/** Top-level values up to this many bytes are parsed at once; bigger ones wait for the whole body. */
export const SMALL_VALUE = 1024;
/**
 * Past this many top-level fields, or one string end searched per 64 bytes (strings full of
 * escaped quotes), reading the top level would cost more than JSON.parse: topLevelFields gives
 * up (undefined) and the body is parsed whole, as before. Requests have a dozen or two fields.
 */
const MAX_FIELDS = 64;
const BYTES_PER_SEARCH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** One top-level value: where its bytes are, and the value itself when small enough to parse. */
export interface TopValue {
  start: number;
  end: number;
  /** 'string', 'number', 'boolean', 'null', 'object' or 'array'. */
  type: string;
  /** Parsed (small values only). */
  parsed: boolean;
  value?: unknown;
  /** An array with no element (known without parsing it). */
  empty?: boolean;
}

export class JsonShapeError extends Error {}

/** The reading costs more than a parse would (see MAX_FIELDS): internal, never thrown out. */
class TooCostly extends Error {}

/** Searches for a string's end left before reading gives up. */
let searches = 0;

function fail(message: string, at: number): never {
  throw new JsonShapeError(`${message} at byte ${at}`);
}

function skipSpace(bytes: Buffer, i: number): number {
  while (i < bytes.length && isSpace(bytes[i])) i++;
  return i;
}

/** The index just after the string starting at `from` (a quote): the first unescaped quote. */
function stringEnd(bytes: Buffer, from: number): number {
  let i = from;
  for (;;) {
    if (--searches < 0) throw new TooCostly();
    i = bytes.indexOf(QUOTE, i + 1);
    if (i < 0) fail('unterminated string', from);
    let k = i - 1;
    while (bytes[k] === BACKSLASH) k--;
    if ((i - 1 - k) % 2 === 0) return i + 1;
  }
}

/**
 * The index just after the object or array starting at `from`: brackets must match in kind and
 * nest at most `maxDepth` deep (counting this one); strings are skipped whole.
 */
function containerEnd(bytes: Buffer, from: number, maxDepth: number): number {
  const open = new Uint8Array(maxDepth);
  const n = bytes.length;
  let depth = 0;
  for (let i = from; i < n; i++) {
    const c = bytes[i];
    // Most bytes outside strings are digits, commas and spaces: one comparison says so.
    if (c !== QUOTE && (c & 0xdf) !== 0x5b && (c & 0xdf) !== 0x5d) continue;
    if (c === QUOTE) i = stringEnd(bytes, i) - 1;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === maxDepth) throw new JsonShapeError(`the body nests deeper than ${maxDepth} levels`);
      open[depth++] = c;
    } else {
      if (open[--depth] !== c - 2) fail(`unexpected '${String.fromCharCode(c)}'`, i);
      if (depth === 0) return i + 1;
    }
  }
  return fail('unterminated object or array', from);
}

/** The index just after a number or literal starting at `from`. */
function scalarEnd(bytes: Buffer, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const c = bytes[i];
    if (isSpace(c) || c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY) break;
    i++;
  }
  return i;
}

function parseSlice(bytes: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(bytes.toString('utf8', start, end));
  } catch (err) {
    return fail((err as Error).message, start);
  }
}

function typeOf(c: number): string {
  if (c === QUOTE) return 'string';
  if (c === OPEN_OBJECT) return 'object';
  if (c === OPEN_ARRAY) return 'array';
  if (c === 0x74 || c === 0x66) return 'boolean';
  if (c === 0x6e) return 'null';
  return 'number';
}

/**
 * The top-level fields of a JSON object body, by name (a repeated name: the last, as JSON.parse),
 * or undefined when reading them would cost more than parsing the body (see MAX_FIELDS). Throws
 * JsonShapeError when the bytes are not one JSON object (a top-level or small value that does not
 * parse, brackets that do not match, nesting over `maxDepth`).
 */
export function topLevelFields(bytes: Buffer, maxDepth: number): Map<string, TopValue> | undefined {
  searches = 64 + Math.floor(bytes.length / BYTES_PER_SEARCH);
  try {
    return readFields(bytes, maxDepth);
  } catch (err) {
    if (err instanceof TooCostly) return undefined;
    throw err;
  }
}

function readFields(bytes: Buffer, maxDepth: number): Map<string, TopValue> {
  const fields = new Map<string, TopValue>();
  let i = skipSpace(bytes, 0);
  if (bytes[i] !== OPEN_OBJECT) throw new JsonShapeError('the body must be a JSON object');
  i = skipSpace(bytes, i + 1);
  if (bytes[i] === CLOSE_OBJECT) i++;
  else {
    for (;;) {
      if (bytes[i] !== QUOTE) fail('expected a property name', i);
      const keyEnd = stringEnd(bytes, i);
      const key = parseSlice(bytes, i, keyEnd) as string;
      i = skipSpace(bytes, keyEnd);
      if (bytes[i] !== COLON) fail("expected ':' after a property name", i);
      i = skipSpace(bytes, i + 1);
      if (i >= bytes.length) fail('expected a value', i);
      const start = i;
      const c = bytes[i];
      const type = typeOf(c);
      const end =
        c === QUOTE
          ? stringEnd(bytes, i)
          : c === OPEN_OBJECT || c === OPEN_ARRAY
            ? containerEnd(bytes, i, maxDepth)
            : scalarEnd(bytes, i);
      if (end === start) fail('expected a value', i);
      const field: TopValue = { start, end, type, parsed: false };
      if (end - start <= SMALL_VALUE || (type !== 'string' && type !== 'object' && type !== 'array')) {
        field.value = parseSlice(bytes, start, end);
        field.parsed = true;
      }
      if (type === 'array') field.empty = bytes[skipSpace(bytes, start + 1)] === CLOSE_ARRAY;
      fields.set(key, field);
      if (fields.size > MAX_FIELDS) throw new TooCostly();
      i = skipSpace(bytes, end);
      if (bytes[i] === COMMA) {
        i = skipSpace(bytes, i + 1);
        continue;
      }
      if (bytes[i] !== CLOSE_OBJECT) fail("expected ',' or '}' after a property value", i);
      i++;
      break;
    }
  }
  if (skipSpace(bytes, i) !== bytes.length) fail('unexpected data after the JSON object', i);
  return fields;
}
