// Fault injection: parsed from `x-upstream-*` headers, from a `~key=value` model-name suffix
// (for clients that cannot set headers) and from programmatic/control-endpoint rules.
// Precedence when several apply: rules < model suffix < headers.
import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorKind, Fault, FaultMatcher, RecordedRequest } from './types.ts';

type FieldType = 'int' | 'bool' | 'str' | 'kind';

/** name (header without the `x-upstream-` prefix, and suffix key) -> Fault field. */
const FIELDS: ReadonlyArray<readonly [string, keyof Fault, FieldType]> = [
  ['status', 'status', 'int'],
  ['error', 'error', 'kind'],
  ['retry-after', 'retryAfter', 'str'],
  ['retry-after-ms', 'retryAfterMs', 'str'],
  ['delay-ms', 'delayMs', 'int'],
  ['chunk-delay-ms', 'chunkDelayMs', 'int'],
  ['chunks', 'chunks', 'int'],
  ['words', 'words', 'int'],
  ['reset-after-chunks', 'resetAfterChunks', 'int'],
  ['error-after-chunks', 'errorAfterChunks', 'int'],
  ['malformed', 'malformed', 'bool'],
  ['fail-times', 'failTimes', 'int'],
  ['fault-key', 'faultKey', 'str'],
  ['context-window', 'contextWindow', 'int'],
  ['echo-credentials', 'echoCredentials', 'bool'],
];
const HEADERS = FIELDS.map(([name]) => 'x-upstream-' + name);
const BY_NAME = new Map(FIELDS.map((f) => [f[0], f] as const));
const BY_KEY = new Map(FIELDS.map((f) => [f[1] as string, f] as const));

export const ERROR_KINDS: ReadonlySet<string> = new Set<ErrorKind>([
  'bad_request',
  'context_length',
  'auth',
  'permission',
  'not_found',
  'timeout',
  'too_large',
  'rate_limit',
  'server',
  'unavailable',
  'overloaded',
]);

export class FaultError extends Error {}

function convert(name: string, type: FieldType, raw: unknown): unknown {
  if (type === 'bool') return raw === true || raw === '' || raw === 'true' || raw === '1';
  if (type === 'int') {
    const n = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new FaultError(`fault ${name}: expected a non-negative integer, got ${raw}`);
    return n;
  }
  if (type === 'kind' && !ERROR_KINDS.has(String(raw))) {
    throw new FaultError(`fault ${name}: unknown error kind ${raw} (one of ${[...ERROR_KINDS].join(', ')})`);
  }
  return String(raw);
}

/** Fault from `x-upstream-*` request headers, or undefined when there are none (the hot path). */
export function faultFromHeaders(headers: IncomingHttpHeaders): Fault | undefined {
  let fault: Fault | undefined;
  for (let i = 0; i < HEADERS.length; i++) {
    const v = headers[HEADERS[i]];
    if (v === undefined) continue;
    const [name, key, type] = FIELDS[i];
    fault ??= {};
    (fault as any)[key] = convert(name, type, Array.isArray(v) ? v[0] : v);
  }
  return fault;
}

/** Splits `gpt-4o~status=429~retry-after=1` into the model and its fault. */
export function splitModel(raw: string): { model: string; fault?: Fault } {
  const at = raw.indexOf('~');
  if (at < 0) return { model: raw };
  const fault: Fault = {};
  for (const part of raw.slice(at + 1).split('~')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const field = BY_NAME.get(name);
    if (!field) throw new FaultError(`unknown fault ${name} in model suffix of ${raw}`);
    (fault as any)[field[1]] = convert(name, field[2], eq < 0 ? 'true' : part.slice(eq + 1));
  }
  return { model: raw.slice(0, at), fault };
}

/** Fault from JSON (control endpoint): camelCase field names or the header names. */
export function faultFromJson(json: unknown): Fault {
  if (!json || typeof json !== 'object') throw new FaultError('fault must be an object');
  const fault: Fault = {};
  for (const [k, v] of Object.entries(json)) {
    const field = BY_KEY.get(k) ?? BY_NAME.get(k);
    if (!field) throw new FaultError(`unknown fault field ${k}`);
    (fault as any)[field[1]] = convert(k, field[2], v);
  }
  return fault;
}

/** Does the fault ask for any failure (as opposed to pacing only)? */
export function hasFailure(f: Fault): boolean {
  return (
    f.status !== undefined ||
    f.error !== undefined ||
    f.resetAfterChunks !== undefined ||
    f.errorAfterChunks !== undefined ||
    f.malformed === true
  );
}

function matches(m: FaultMatcher, r: RecordedRequest): boolean {
  if (typeof m === 'function') return m(r);
  const test = (want: string | RegExp | undefined, got: string | undefined) =>
    want === undefined || (typeof want === 'string' ? want === got : got !== undefined && want.test(got));
  if (m.provider !== undefined && m.provider !== r.provider) return false;
  if (m.operation !== undefined && m.operation !== r.operation) return false;
  if (!test(m.path, r.path) || !test(m.model, r.model)) return false;
  for (const [k, v] of Object.entries(m.headers ?? {})) if (r.headers[k] !== v) return false;
  return true;
}

/** A source that sets fail-times without a key counts under a default key of its own. */
function keyed(f: Fault, defaultKey: string): Fault {
  return f.failTimes !== undefined && f.faultKey === undefined ? { ...f, faultKey: defaultKey } : f;
}

interface Rule {
  id: number;
  matcher: FaultMatcher;
  fault: Fault;
}

/** Programmatic rules plus the fail-times counters. */
export class FaultBook {
  rules: Rule[] = [];
  private counters = new Map<string, number>();
  private nextId = 1;

  add(matcher: FaultMatcher, fault: Fault): number {
    const id = this.nextId++;
    // A rule's fail-times counts its own matches unless a key is given.
    this.rules.push({ id, matcher, fault: keyed(fault, `rule:${id}`) });
    return id;
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  /** Removes every rule and forgets every fail-times counter. */
  clear(): void {
    this.rules = [];
    this.counters.clear();
  }

  /** Merges every source that applies to the request; undefined when none does. */
  resolve(r: RecordedRequest, suffix: Fault | undefined, headers: Fault | undefined, rawModel: string) {
    let fault: Fault | undefined;
    for (const rule of this.rules) if (matches(rule.matcher, r)) fault = { ...fault, ...rule.fault };
    if (suffix) fault = { ...fault, ...keyed(suffix, `model:${r.path}:${rawModel}`) };
    if (headers) fault = { ...fault, ...keyed(headers, `header:${r.path}:${rawModel}`) };
    return fault;
  }

  /** Counts the request against fail-times and says whether its failure part applies. */
  failing(f: Fault): boolean {
    if (f.failTimes === undefined) return hasFailure(f);
    const key = f.faultKey ?? '';
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n <= f.failTimes;
  }
}
