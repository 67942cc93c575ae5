// identify: what the app asked for. Parses the body once (JSON, or just the model field of a
// multipart upload), checks the fields every provider needs, translates Anthropic requests to
// the internal OpenAI shape, and notes model and stream flags for the steps that follow. A big
// OpenAI body is read at its top level only (json-top.ts): it goes upstream as the app's bytes,
// and is parsed whole only if a step reads call.body (guards, token counts, caching).
import { anthropicRequestToOpenAI } from '../providers/anthropic/translate.ts';
import { multipartBoundary, readMultipartField } from '../providers/multipart.ts';
import { newResponseId, responsesChat } from '../providers/openai/responses.ts';
import type { Call } from './call.ts';
import { badRequest, CallError } from './errors.ts';
import { JsonShapeError, type TopValue, topLevelFields } from './json-top.ts';
import type { Step } from './step.ts';

type Json = Record<string, any>;

/**
 * Deepest nesting of objects and arrays accepted in a body. Real requests nest a dozen levels
 * (tool schemas); everything after identify (guards, token counting, cache keys, translations,
 * re-serialisation) may walk the body recursively, which a 100k-deep body would overflow (a 500).
 */
export const MAX_JSON_DEPTH = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when the JSON text nests deeper than `max`. One pass over the bytes; string contents are
 * skipped with indexOf (native), so a big prompt costs little. A body shorter than 2 * max bytes
 * cannot nest that deep and is not scanned.
 */
export function nestsDeeper(bytes: Buffer, max: number): boolean {
  if (bytes.length <= 2 * max) return false;
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      // To the closing quote: one not preceded by an odd number of backslashes.
      for (;;) {
        i = bytes.indexOf(QUOTE, i + 1);
        if (i < 0) return false;
        let k = i - 1;
        while (bytes[k] === BACKSLASH) k--;
        if ((i - 1 - k) % 2 === 0) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** A body declared as something else (text/plain, form data) is not silently read as JSON. */
function checkContentType(call: Call): void {
  if (call.contentType && !call.contentType.toLowerCase().includes('json'))
    throw new CallError(
      415,
      `unsupported content type "${call.contentType}": send application/json`,
      'invalid_request_error',
      'unsupported_media_type',
    );
}

function parseJson(call: Call): Json {
  checkContentType(call);
  if (call.rawBody.length === 0) throw badRequest('the request needs a JSON body');
  if (nestsDeeper(call.rawBody, MAX_JSON_DEPTH))
    throw badRequest(`the body nests deeper than ${MAX_JSON_DEPTH} levels`, 'invalid_json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.rawBody.toString('utf8'));
  } catch (err) {
    throw badRequest(`the body is not valid JSON: ${(err as Error).message}`, 'invalid_json');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest('the body must be a JSON object', 'invalid_json');
  }
  return parsed as Json;
}

function requireString(body: Json, field: string): void {
  if (typeof body[field] !== 'string' || body[field] === '') {
    throw badRequest(
      `you must provide a ${field} parameter (a non-empty string)`,
      'missing_required_parameter',
    );
  }
}

function requirePresent(body: Json, field: string): void {
  if (body[field] === undefined || body[field] === null) {
    throw badRequest(`you must provide a ${field} parameter`, 'missing_required_parameter');
  }
}

function checkOpenAI(call: Call, body: Json): void {
  const endpoint = call.path;
  if (endpoint === '/images/generations') {
    requireString(body, 'prompt');
    if (body.model !== undefined) requireString(body, 'model');
    return;
  }
  requireString(body, 'model');
  if (endpoint === '/chat/completions') {
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      throw badRequest('messages must be a non-empty array', 'invalid_messages');
    }
  } else if (endpoint === '/completions') requirePresent(body, 'prompt');
  else if (endpoint === '/embeddings') requirePresent(body, 'input');
  else if (endpoint === '/audio/speech') {
    requireString(body, 'input');
    requireString(body, 'voice');
  }
  if (body.stream !== undefined && typeof body.stream !== 'boolean')
    throw badRequest('stream must be a boolean');
}

function checkAnthropic(body: Json): void {
  requireString(body, 'model');
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw badRequest('messages: must be a non-empty array', 'invalid_messages');
  }
  if (typeof body.max_tokens !== 'number' || body.max_tokens < 1) {
    throw badRequest('max_tokens: a positive integer is required', 'missing_required_parameter');
  }
  body.messages.forEach((m: unknown, i: number) => {
    const content = (m as Json | null)?.content;
    if (!m || typeof m !== 'object' || (typeof content !== 'string' && !Array.isArray(content)))
      throw badRequest(`messages.${i}: an object whose content is a string or an array of blocks`);
  });
  if (body.tools !== undefined && !Array.isArray(body.tools)) throw badRequest('tools: must be an array');
}

/** The Anthropic request in the internal OpenAI shape; a shape the translation cannot read is a 400. */
function translateAnthropic(body: Json): Json {
  try {
    return anthropicRequestToOpenAI(body);
  } catch (err) {
    throw badRequest(`the request does not follow the Messages API: ${(err as Error).message}`);
  }
}

function checkResponses(body: Json): void {
  requireString(body, 'model');
  if (body.input === undefined && body.previous_response_id === undefined)
    throw badRequest('you must provide an input parameter', 'missing_required_parameter');
  if (body.stream !== undefined && typeof body.stream !== 'boolean')
    throw badRequest('stream must be a boolean');
}

/**
 * A Responses request: kept as the app sent it (native providers get it so), with its chat
 * translation as the body the policy steps read; the responses step adds earlier turns.
 */
function fromResponses(call: Call, parsed: Json): void {
  checkResponses(parsed);
  const { chat, unsupported } = responsesChat(parsed);
  call.body = chat;
  call.responses = { request: parsed, id: newResponseId(), createdAt: Math.floor(Date.now() / 1000) };
  if (unsupported !== undefined) call.responses.unsupported = unsupported;
  call.unchangedBody = undefined;
  call.stream = parsed.stream === true;
  if (call.stream) call.usageInjected = true;
}

/** OpenAI bodies at least this big are not parsed whole up front (see json-top.ts). */
export const DEFER_PARSE_ABOVE = 4096;

/**
 * checkOpenAI on a body read only at its top level: the same rules, read off the fields (a
 * value too big to have been parsed is a string, an array or an object, as its first byte says).
 */
function checkOpenAIFields(call: Call, fields: Map<string, TopValue>): void {
  const view: Json = {};
  for (const [name, f] of fields)
    view[name] = f.parsed
      ? f.value
      : f.type === 'string'
        ? 'x'
        : f.type === 'array'
          ? f.empty
            ? []
            : [0]
          : {};
  checkOpenAI(call, view);
}

/** The body with stream_options.include_usage set, spliced into the bytes (the rest untouched). */
function withStreamUsage(bytes: Buffer, fields: Map<string, TopValue>): Buffer {
  const current = fields.get('stream_options');
  if (!current) {
    const open = bytes.indexOf(0x7b);
    return Buffer.concat([bytes.subarray(0, open + 1), STREAM_USAGE, bytes.subarray(open + 1)]);
  }
  const value = current.value;
  const merged = JSON.stringify({
    ...(value && typeof value === 'object' ? value : {}),
    include_usage: true,
  });
  return Buffer.concat([bytes.subarray(0, current.start), Buffer.from(merged), bytes.subarray(current.end)]);
}
const STREAM_USAGE = Buffer.from('"stream_options":{"include_usage":true},');

/**
 * A big OpenAI body: its top level read (model, stream, the checks), the rest parsed only when a
 * step reads call.body. Streams get stream_options spliced into the bytes, not re-serialized.
 * False when reading the top level would cost more than parsing (the caller parses it whole).
 */
function deferOpenAI(call: Call): boolean {
  let fields: Map<string, TopValue> | undefined;
  try {
    fields = topLevelFields(call.rawBody, MAX_JSON_DEPTH);
  } catch (err) {
    if (!(err instanceof JsonShapeError)) throw err;
    const message = err.message;
    throw badRequest(
      message.startsWith('the body') ? message : `the body is not valid JSON: ${message}`,
      'invalid_json',
    );
  }
  if (!fields) return false;
  checkOpenAIFields(call, fields);
  let bytes = call.rawBody;
  const stream = fields.get('stream')?.value === true;
  call.stream = stream && (call.operation === 'chat' || call.operation === 'completions');
  const options = fields.get('stream_options')?.value as Json | undefined;
  if (call.stream && options?.include_usage !== true) {
    bytes = withStreamUsage(bytes, fields);
    fields = topLevelFields(bytes, MAX_JSON_DEPTH);
    if (!fields) return false;
    call.usageInjected = true;
  }
  call.deferBody(bytes, fields);
  call.unchangedBody = bytes;
  const model = fields.get('model')?.value;
  call.modelRequested = typeof model === 'string' ? model : undefined;
  return true;
}

export const identify: Step = async (call, next) => {
  const boundary = multipartBoundary(call.contentType);
  if (boundary) {
    // Uploads go upstream untouched; reading the model is a couple of indexOf scans.
    call.modelRequested = readMultipartField(call.rawBody, boundary, 'model');
    call.stream = readMultipartField(call.rawBody, boundary, 'stream') === 'true';
    return next();
  }
  if (call.dialect === 'openai' && call.rawBody.length >= DEFER_PARSE_ABOVE) {
    checkContentType(call);
    if (deferOpenAI(call)) return next();
  }

  const parsed = parseJson(call);
  if (call.dialect === 'responses') fromResponses(call, parsed);
  else if (call.dialect === 'anthropic') {
    checkAnthropic(parsed);
    call.body = translateAnthropic(parsed);
    call.unchangedBody = undefined;
    call.stream = parsed.stream === true;
  } else {
    checkOpenAI(call, parsed);
    call.body = parsed;
    call.unchangedBody = call.rawBody;
    call.stream = parsed.stream === true && (call.operation === 'chat' || call.operation === 'completions');
    if (call.stream && parsed.stream_options?.include_usage !== true) {
      // Usage settles quotas and costs: ask for it, and hide that extra chunk from the app.
      call.body = { ...parsed, stream_options: { ...parsed.stream_options, include_usage: true } };
      call.unchangedBody = undefined;
      call.usageInjected = true;
    }
  }
  call.modelRequested = typeof call.body?.model === 'string' ? call.body.model : undefined;
  return next();
};
