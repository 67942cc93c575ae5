// Endpoints the sidecar answers itself, with no upstream call:
//   GET/DELETE /v1/responses/{id}, GET /v1/responses/{id}/input_items   (the Responses store;
//   an answer a native provider made is asked of that provider: native-responses.ts)
//   POST /v1/responses/input_tokens, POST /anthropic/v1/messages/count_tokens
// Token counts come from the sidecar's tokenizer (o200k, OpenAI's current encoding): exact for
// OpenAI models, an estimate for others (Claude's tokenizer is not public) - the same count
// quotas and maxPromptTokens use, so an app sees what the mesh will charge.
import type { ServerResponse } from 'node:http';
import type { Dialect } from '../pipeline/call.ts';
import { badRequest, CallError, notFound } from '../pipeline/errors.ts';
import type { ResponseStore } from '../pipeline/response-store.ts';
import { anthropicRequestToOpenAI } from '../providers/anthropic/translate.ts';
import { responsesRequestToChat, UnsupportedResponsesRequest } from '../providers/openai/responses.ts';
import { promptTokens } from '../tokens.ts';

type Json = Record<string, any>;
type Send = (res: ServerResponse, dialect: Dialect, err: CallError) => void;

const STORED = /^\/v1\/responses\/(resp_[A-Za-z0-9]+)(\/input_items)?\/?$/;

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * GET / DELETE of a stored Response; false when the path is not one. `elsewhere` serves an id
 * this sidecar did not store itself (a native provider's), or says it cannot (false: a 404).
 */
export function storedResponse(
  store: ResponseStore,
  method: string,
  pathname: string,
  res: ServerResponse,
  sendError: Send,
  elsewhere?: (id: string, inputItems: boolean) => boolean,
): boolean {
  const m = STORED.exec(pathname);
  if (!m || (method !== 'GET' && method !== 'HEAD' && method !== 'DELETE')) return false;
  const id = m[1]!;
  const missing = () =>
    sendError(
      res,
      'openai',
      notFound(
        `no response ${id} is known to this sidecar (it keeps the answers it translated and remembers which provider made a native one, bounded in count and age)`,
        'response_not_found',
      ),
    );
  if (method === 'DELETE') {
    if (!m[2] && store.delete(id)) json(res, { id, object: 'response.deleted', deleted: true });
    else if (!elsewhere?.(id, m[2] !== undefined)) missing();
    return true;
  }
  const stored = store.get(id);
  if (!stored) {
    if (!elsewhere?.(id, m[2] !== undefined)) missing();
    return true;
  }
  if (!m[2]) {
    json(res, stored.response);
    return true;
  }
  const data = stored.input.map((item, i) => ({ id: item.id ?? `item_${id.slice(5)}_${i}`, ...item }));
  json(res, {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: false,
  });
  return true;
}

function parse(body: Buffer): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw badRequest(`the body is not valid JSON: ${(err as Error).message}`, 'invalid_json');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw badRequest('the body must be a JSON object', 'invalid_json');
  return parsed as Json;
}

/** POST /v1/responses/input_tokens and /anthropic/v1/messages/count_tokens. */
export function countTokens(
  dialect: 'openai' | 'anthropic',
  body: Buffer,
  res: ServerResponse,
  sendError: Send,
): void {
  try {
    const req = parse(body);
    if (typeof req.model !== 'string' || req.model === '')
      throw badRequest('you must provide a model parameter', 'missing_required_parameter');
    let chat: Json;
    try {
      chat = dialect === 'anthropic' ? anthropicRequestToOpenAI(req) : responsesRequestToChat(req);
    } catch (err) {
      if (err instanceof UnsupportedResponsesRequest) throw badRequest(err.message, 'unsupported_parameter');
      throw badRequest((err as Error).message);
    }
    const tokens = promptTokens(chat, 'chat');
    json(
      res,
      dialect === 'anthropic'
        ? { input_tokens: tokens }
        : { object: 'response.input_tokens', input_tokens: tokens },
    );
  } catch (err) {
    sendError(res, dialect, err instanceof CallError ? err : badRequest((err as Error).message));
  }
}
