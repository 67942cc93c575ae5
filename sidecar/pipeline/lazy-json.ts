// Passthrough JSON answers without parsing them on the hot path. An OpenAI-compatible upstream's
// success body goes back to OpenAI apps byte for byte, so the sidecar only needs its usage (quota,
// cost, telemetry) and model: both are read off the raw bytes (the usage object is parsed alone),
// and the full body is parsed only if a step asks for it (guards, cache, spans). For embeddings
// that skips parsing thousands of floats per call.

import type { Usage } from '../providers/adapter.ts';
import { openAIUsageOf } from '../providers/openai/index.ts';
import type { CallResult } from './call.ts';

type Json = Record<string, any>;

const USAGE = Buffer.from('"usage":{');
const MODEL = Buffer.from('"model":"');
const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The object starting at `from` ('{'), up to its matching '}', or -1 (strings are skipped). */
function objectEnd(bytes: Buffer, from: number): number {
  let depth = 0;
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      for (i++; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
    } else if (c === OPEN) depth++;
    else if (c === CLOSE && --depth === 0) return i + 1;
  }
  return -1;
}

export interface PassthroughJson {
  usage?: Usage;
  model?: string;
  result: Extract<CallResult, { kind: 'json' }>;
}

/**
 * A passthrough answer whose body is parsed on first read. A class rather than an object literal
 * with get/set: V8 gives each literal with its own accessor closures a hidden class of its own,
 * allocated in the old generation (old-space garbage on every call).
 */
class LazyJsonResult {
  readonly kind = 'json' as const;
  readonly status: number;
  raw: Buffer | undefined;
  readonly #bytes: Buffer;
  #parsed: Json | undefined;

  constructor(bytes: Buffer, status: number) {
    this.status = status;
    this.raw = bytes;
    this.#bytes = bytes;
  }

  get body(): Json {
    this.#parsed ??= JSON.parse(this.#bytes.toString('utf8')) as Json;
    return this.#parsed;
  }

  set body(value: Json) {
    this.#parsed = value;
  }
}

/**
 * undefined when the bytes do not look like one complete JSON object with readable usage and
 * model (then the adapter parses them as before, and a truncated body still fails as invalid).
 */
export function passthroughJson(
  bytes: Buffer,
  contentType: string | undefined,
  status: number,
): PassthroughJson | undefined {
  if (!contentType || !/json/i.test(contentType)) return undefined;
  let first = 0;
  while (first < bytes.length && isSpace(bytes[first])) first++;
  let last = bytes.length - 1;
  while (last > first && isSpace(bytes[last])) last--;
  if (bytes[first] !== OPEN || bytes[last] !== CLOSE) return undefined;

  let usage: Usage | undefined;
  const u = bytes.lastIndexOf(USAGE);
  if (u >= 0) {
    const start = u + USAGE.length - 1;
    const end = objectEnd(bytes, start);
    if (end < 0) return undefined;
    try {
      usage = openAIUsageOf(JSON.parse(bytes.toString('utf8', start, end)));
    } catch {
      return undefined;
    }
  }
  let model: string | undefined;
  const m = bytes.indexOf(MODEL);
  if (m >= 0) {
    const start = m + MODEL.length;
    const end = bytes.indexOf(QUOTE, start);
    if (end < 0 || bytes.subarray(start, end).includes(BACKSLASH)) return undefined;
    model = bytes.toString('utf8', start, end);
  }

  const result = new LazyJsonResult(bytes, status);
  return { usage, model, result };
}
