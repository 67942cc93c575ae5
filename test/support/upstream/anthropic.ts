// Anthropic Messages API: POST /v1/messages (JSON and SSE), /v1/messages/count_tokens and
// GET /v1/models (when the request carries Anthropic headers).
import { type Frames, gate, makeError, sendError, sendResult, writeStream } from './http.ts';
import { type Choice, countTokens, type Finish, plan, splitChunks, type ToolChoice } from './text.ts';
import type { Ctx, Dialect, ErrorKind, UpstreamError } from './types.ts';

const ERROR_TYPES: Record<ErrorKind, string> = {
  bad_request: 'invalid_request_error',
  context_length: 'invalid_request_error',
  auth: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  timeout: 'timeout_error',
  too_large: 'request_too_large',
  rate_limit: 'rate_limit_error',
  server: 'api_error',
  unavailable: 'overloaded_error',
  overloaded: 'overloaded_error',
};

function errorJson(err: UpstreamError, requestId?: string): string {
  const body: Record<string, unknown> = {
    type: 'error',
    error: { type: ERROR_TYPES[err.kind], message: err.message },
  };
  if (requestId) body.request_id = requestId;
  return JSON.stringify(body);
}

export const anthropicDialect: Dialect = {
  name: 'anthropic',
  requestIdHeader: 'request-id',
  statuses: { overloaded: 529, unavailable: 529, timeout: 504 },
  authenticate(ctx) {
    // x-api-key is the documented header; the SDK (1.x) sends the key as a Bearer token instead.
    const bearer = ctx.req.headers.authorization;
    const header = ctx.req.headers['x-api-key'];
    const key =
      typeof header === 'string' && header
        ? header
        : bearer?.startsWith('Bearer ')
          ? bearer.slice(7).trim()
          : '';
    if (!key) return makeError(ctx, 'auth', 'x-api-key header is required');
    const allowed = ctx.state.options.apiKeys;
    if (allowed && !allowed.includes(key)) return makeError(ctx, 'auth', 'invalid x-api-key');
    if (!ctx.req.headers['anthropic-version']) {
      return makeError(ctx, 'bad_request', 'anthropic-version: header is required');
    }
    return undefined;
  },
  errorResponse: (err, ctx) => ({
    status: err.status,
    headers: { 'content-type': 'application/json' },
    body: errorJson(err, ctx.requestId),
  }),
  streamError: (err) => `event: error\ndata: ${errorJson(err)}\n\n`,
  contextLengthMessage: (p, w) => `prompt is too long: ${p} tokens > ${w} maximum`,
};

// ---- request -----------------------------------------------------------------------------------

/** Text of a content value: a string, text blocks and tool results' text. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const parts: string[] = [];
  for (const block of content) {
    if (block?.type === 'text' && typeof block.text === 'string') parts.push(block.text);
    else if (block?.type === 'tool_result') parts.push(textOf(block.content));
  }
  return parts.join(' ');
}

const STOP: Record<Finish, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool: 'tool_use',
  stop_sequence: 'stop_sequence',
};

interface MessagesRequest {
  promptTokens: number;
  choice: Choice;
  stream: boolean;
}

function promptTokensOf(b: any): number {
  let n = countTokens(textOf(b.system));
  for (const m of b.messages) n += countTokens(textOf(m?.content));
  return n;
}

function parse(ctx: Ctx): MessagesRequest | string {
  const b = ctx.body;
  if (!b || typeof b !== 'object') return 'Request body is not valid JSON.';
  if (!ctx.model) return 'model: Field required';
  if (!Number.isInteger(b.max_tokens)) return 'max_tokens: Field required';
  if (!Array.isArray(b.messages) || b.messages.length === 0)
    return 'messages: at least one message is required';
  const lastUser = b.messages.findLast((m: any) => m?.role === 'user');
  const last = b.messages.at(-1);
  const tc = b.tool_choice;
  const toolChoice: ToolChoice =
    tc?.type === 'tool'
      ? { name: tc.name }
      : tc?.type === 'any'
        ? 'required'
        : tc?.type === 'none'
          ? 'none'
          : 'auto';
  const f = ctx.fault;
  const p = plan({
    prompt: textOf(lastUser?.content),
    afterToolResult:
      last?.role === 'user' &&
      Array.isArray(last.content) &&
      last.content.some((c: any) => c?.type === 'tool_result'),
    tools: Array.isArray(b.tools)
      ? b.tools.map((t: any) => ({ name: t.name, parameters: t.input_schema }))
      : [],
    toolChoice,
    parallelTools: tc?.disable_parallel_tool_use !== true,
    words: f.words ?? Math.max(ctx.state.options.words, f.chunks ?? 0),
    maxTokens: b.max_tokens,
    stop: Array.isArray(b.stop_sequences) ? b.stop_sequences : undefined,
    idPrefix: 'toolu_',
    seq: ctx.record.seq,
  });
  return { promptTokens: promptTokensOf(b), choice: p.choices[0], stream: b.stream === true };
}

function usageJson(input: number, output: number) {
  return {
    input_tokens: input,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: output,
    service_tier: 'standard',
  };
}

function contentJson(c: Choice) {
  if (c.toolCalls.length === 0) return [{ type: 'text', text: c.text }];
  return c.toolCalls.map((t) => ({ type: 'tool_use', id: t.id, name: t.name, input: t.args }));
}

// ---- handlers ----------------------------------------------------------------------------------

export async function messages(ctx: Ctx): Promise<void> {
  const r = parse(ctx);
  if (typeof r === 'string') return sendError(ctx, makeError(ctx, 'bad_request', r));
  if (!gate(ctx, r.promptTokens, r.stream)) return;
  const message = {
    id: `msg_${ctx.record.seq}`,
    type: 'message',
    role: 'assistant',
    model: ctx.model,
    content: contentJson(r.choice),
    stop_reason: STOP[r.choice.finish],
    stop_sequence: r.choice.stopSequence ?? null,
    usage: usageJson(r.promptTokens, r.choice.tokens),
  };
  if (!r.stream) return sendResult(ctx, message);
  return writeStream(ctx, 'text/event-stream; charset=utf-8', frames(ctx, r, message));
}

const event = (data: Record<string, unknown>) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * message_start, content_block_start, ping, content_block_delta..., content_block_stop,
 * message_delta (stop_reason, cumulative output_tokens), message_stop. A block's stop and the
 * next block's start ride on the next block's first delta so only deltas count as chunks.
 */
function frames(ctx: Ctx, r: MessagesRequest, message: Record<string, unknown>): Frames {
  const start = {
    ...message,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: usageJson(r.promptTokens, 1),
  };
  const out: Frames = { head: [event({ type: 'message_start', message: start })], content: [], tail: [] };
  const k = ctx.fault.chunks;
  const blocks =
    r.choice.toolCalls.length === 0
      ? [
          {
            start: { type: 'text', text: '' },
            deltas: splitChunks(r.choice.text, k).map((text) => ({ type: 'text_delta', text })),
          },
        ]
      : r.choice.toolCalls.map((t) => ({
          start: { type: 'tool_use', id: t.id, name: t.name, input: {} },
          deltas: ['', ...splitChunks(t.argsJson, k)].map((partial_json) => ({
            type: 'input_json_delta',
            partial_json,
          })),
        }));
  let pending = '';
  blocks.forEach((b, index) => {
    pending += event({ type: 'content_block_start', index, content_block: b.start });
    if (index === 0) {
      pending += event({ type: 'ping' });
      out.head.push(pending);
      pending = '';
    }
    for (const delta of b.deltas) {
      out.content.push(pending + event({ type: 'content_block_delta', index, delta }));
      pending = '';
    }
    pending = event({ type: 'content_block_stop', index });
  });
  out.tail.push(
    pending +
      event({
        type: 'message_delta',
        delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence },
        usage: { output_tokens: r.choice.tokens },
      }) +
      event({ type: 'message_stop' }),
  );
  return out;
}

export function countTokensHandler(ctx: Ctx) {
  const b = ctx.body;
  if (!Array.isArray(b?.messages))
    return sendError(ctx, makeError(ctx, 'bad_request', 'messages: Field required'));
  if (!gate(ctx, 0, false)) return;
  sendResult(ctx, { input_tokens: promptTokensOf(b) });
}

const MODELS = ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1', 'claude-3-5-haiku-latest'];

export function models(ctx: Ctx) {
  if (!gate(ctx, 0, false)) return;
  const model = (id: string) => ({ type: 'model', id, display_name: id, created_at: '2025-01-01T00:00:00Z' });
  if (ctx.params.id) return sendResult(ctx, model(ctx.params.id));
  const ids = ctx.state.options.models ?? MODELS;
  sendResult(ctx, {
    data: ids.map(model),
    has_more: false,
    first_id: ids[0] ?? null,
    last_id: ids.at(-1) ?? null,
  });
}
