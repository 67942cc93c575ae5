// OpenAI's Responses API, as OpenAI serves it at /v1/responses and Azure OpenAI at
// /openai/v1/responses (and /openai/responses?api-version=...): create (JSON, and the typed
// event stream with `event:` lines and sequence numbers), retrieve, delete, input items and input
// token counts. Stored responses (store is not false) live in the upstream's memory, so
// previous_response_id continues a conversation as at OpenAI: its texts count as prompt tokens,
// and a function_call_output must answer a call made in it (or in the same input).
// Built-in tools: web_search (web_search_preview) runs when the prompt mentions "search": a
// web_search_call item, then the answer with a url_citation.
import { randomBytes } from 'node:crypto';
import { azureDialect } from './azure.ts';
import { type Frames, gate, makeError, send, sendResult, writeStream } from './http.ts';
import { openaiDialect } from './openai.ts';
import { countTokens, plan, splitChunks, type ToolChoice } from './text.ts';
import type { Ctx, Dialect, State, UpstreamError } from './types.ts';

type Json = Record<string, any>;

interface Stored {
  response: Json;
  /** This turn's input items, with ids. */
  input: Json[];
  /** Every text the model read or wrote so far (for prompt tokens of a continuation). */
  texts: string[];
  /** Function calls made so far in the conversation. */
  callIds: Set<string>;
}

const stores = new WeakMap<State, Map<string, Stored>>();
const storeOf = (state: State) => {
  const s = stores.get(state) ?? new Map<string, Stored>();
  stores.set(state, s);
  return s;
};

/** A stream error as a typed event (what OpenAI sends mid-stream). */
function typedError(err: UpstreamError, _ctx: Ctx, written: number): string {
  const code = err.kind === 'rate_limit' ? 'rate_limit_exceeded' : 'server_error';
  const ev = { type: 'error', code, message: err.message, param: null, sequence_number: written + 2 };
  return `event: error\ndata: ${JSON.stringify(ev)}\n\n`;
}

export const responsesDialect: Dialect = { ...openaiDialect, streamError: typedError };

/** Azure: api-key; api-version only on the older /openai/responses route. */
export const azureResponsesDialect: Dialect = {
  ...azureDialect,
  authenticate(ctx) {
    if (!ctx.path.includes('/openai/v1/') && !ctx.query.get('api-version'))
      return makeError(ctx, 'not_found', 'Resource not found');
    const key = ctx.req.headers['api-key'];
    const allowed = ctx.state.options.apiKeys;
    if (typeof key !== 'string' || !key || (allowed && !allowed.includes(key)))
      return makeError(ctx, 'auth', 'Access denied due to invalid subscription key or wrong API endpoint.');
    return undefined;
  },
  streamError: typedError,
};

/** OpenAI's invalid_request_error with a param and code (previous_response_not_found, ...). */
function invalid(ctx: Ctx, status: number, message: string, param: string | null, code: string | null) {
  send(
    ctx.res,
    status,
    { 'content-type': 'application/json', [ctx.dialect.requestIdHeader]: ctx.requestId },
    JSON.stringify({ error: { message, type: 'invalid_request_error', param, code } }),
  );
}

const hex = () => randomBytes(16).toString('hex');

function partText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((p: Json) => (typeof p?.text === 'string' ? p.text : ''))
    .filter(Boolean)
    .join(' ');
}

interface Parsed {
  items: Json[];
  /** Texts the model reads in this request (instructions, input). */
  texts: string[];
  prompt: string;
  afterToolResult: boolean;
  callIds: Set<string>;
  outputs: string[];
}

function parseInput(b: Json): Parsed | string {
  const items: Json[] =
    typeof b.input === 'string'
      ? [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: b.input }] }]
      : Array.isArray(b.input)
        ? b.input
        : [];
  if (b.input !== undefined && typeof b.input !== 'string' && !Array.isArray(b.input))
    return "Invalid type for 'input': expected a string or an array.";
  const texts: string[] = typeof b.instructions === 'string' ? [b.instructions] : [];
  let prompt = '';
  let afterToolResult = false;
  const callIds = new Set<string>();
  const outputs: string[] = [];
  for (const item of items) {
    const type = item?.type ?? (item?.role ? 'message' : undefined);
    if (type === 'message') {
      const text = partText(item.content);
      texts.push(text);
      if (item.role === 'user') {
        prompt = text;
        afterToolResult = false;
      }
    } else if (type === 'function_call') {
      callIds.add(item.call_id);
    } else if (type === 'function_call_output') {
      const out = typeof item.output === 'string' ? item.output : JSON.stringify(item.output);
      texts.push(out);
      outputs.push(item.call_id);
      prompt = out;
      afterToolResult = true;
    } else if (type !== 'reasoning' && type !== 'item_reference' && type !== 'web_search_call')
      return `Invalid value: '${type}'. Supported values are: 'message', 'function_call', 'function_call_output', ...`;
  }
  return { items, texts, prompt, afterToolResult, callIds, outputs };
}

function usage(input: number, output: number) {
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

function envelope(b: Json, id: string, created: number, model: string, status: string): Json {
  return {
    id,
    object: 'response',
    created_at: created,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: b.instructions ?? null,
    max_output_tokens: b.max_output_tokens ?? null,
    model,
    output: [] as Json[],
    parallel_tool_calls: b.parallel_tool_calls ?? true,
    previous_response_id: b.previous_response_id ?? null,
    reasoning: { effort: b.reasoning?.effort ?? null, summary: null },
    service_tier: 'default',
    store: b.store !== false,
    temperature: b.temperature ?? 1,
    text: b.text ?? { format: { type: 'text' } },
    tool_choice: b.tool_choice ?? 'auto',
    tools: b.tools ?? [],
    top_p: b.top_p ?? 1,
    truncation: b.truncation ?? 'disabled',
    usage: null as Json | null,
    user: b.user ?? null,
    metadata: b.metadata ?? {},
  };
}

const WEB_SEARCH = new Set(['web_search', 'web_search_preview']);

/** POST /v1/responses */
export async function createResponse(ctx: Ctx): Promise<void> {
  const b = ctx.body;
  if (!b || typeof b !== 'object')
    return invalid(ctx, 400, 'We could not parse the JSON body of your request.', null, null);
  if (!ctx.model)
    return invalid(ctx, 400, "Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
  const parsed = parseInput(b);
  if (typeof parsed === 'string') return invalid(ctx, 400, parsed, 'input', 'invalid_value');
  const store = storeOf(ctx.state);
  let previous: Stored | undefined;
  if (b.previous_response_id !== undefined && b.previous_response_id !== null) {
    previous = store.get(b.previous_response_id);
    if (!previous)
      return invalid(
        ctx,
        404,
        `Previous response with id '${b.previous_response_id}' not found.`,
        'previous_response_id',
        'previous_response_not_found',
      );
  }
  for (const callId of parsed.outputs)
    if (!parsed.callIds.has(callId) && !previous?.callIds.has(callId))
      return invalid(
        ctx,
        400,
        `No tool call found for function call output with call_id ${callId}.`,
        'input',
        null,
      );
  const tools: Json[] = Array.isArray(b.tools) ? b.tools : [];
  const functions = tools
    .filter((t) => t?.type === 'function' && t.name)
    .map((t) => ({ name: t.name, parameters: t.parameters }));
  const search = tools.some((t) => WEB_SEARCH.has(t?.type)) && /\bsearch/i.test(parsed.prompt);
  const tc = b.tool_choice;
  const toolChoice: ToolChoice =
    tc === 'none' || tc === 'required' ? tc : tc?.type === 'function' && tc.name ? { name: tc.name } : 'auto';
  const format = b.text?.format;
  const json =
    format?.type === 'json_object'
      ? {}
      : format?.type === 'json_schema'
        ? { schema: format.schema }
        : undefined;
  const promptTokens = [...(previous?.texts ?? []), ...parsed.texts].reduce((n, t) => n + countTokens(t), 0);
  const stream = b.stream === true;
  if (!gate(ctx, promptTokens, stream)) return;

  const f = ctx.fault;
  const p = plan({
    prompt: parsed.prompt,
    afterToolResult: parsed.afterToolResult,
    tools: functions,
    toolChoice,
    parallelTools: b.parallel_tool_calls !== false,
    words: f.words ?? Math.max(ctx.state.options.words, f.chunks ?? 0),
    maxTokens: b.max_output_tokens ?? undefined,
    json,
    idPrefix: 'call_',
    seq: ctx.record.seq,
  });
  const choice = p.choices[0]!;
  const id = `resp_${hex()}`;
  const created = Math.floor(Date.now() / 1000);
  const output: Json[] = [];
  if (search)
    output.push({
      id: `ws_${hex()}`,
      type: 'web_search_call',
      status: 'completed',
      action: { type: 'search', query: parsed.prompt },
    });
  for (const call of choice.toolCalls)
    output.push({
      id: `fc_${hex()}`,
      type: 'function_call',
      status: 'completed',
      arguments: call.argsJson,
      call_id: call.id,
      name: call.name,
    });
  if (choice.toolCalls.length === 0) {
    const annotations = search
      ? [
          {
            type: 'url_citation',
            start_index: 0,
            end_index: choice.text.length,
            url: 'https://example.com/result',
            title: 'Result',
          },
        ]
      : [];
    output.push({
      id: `msg_${hex()}`,
      type: 'message',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: choice.text, annotations, logprobs: [] }],
    });
  }
  const incomplete = choice.finish === 'length';
  const response = envelope(b, id, created, ctx.model, incomplete ? 'incomplete' : 'completed');
  if (incomplete) response.incomplete_details = { reason: 'max_output_tokens' };
  response.output = output;
  response.usage = usage(promptTokens, p.completionTokens);
  if (b.store !== false) {
    const texts = [
      ...(previous?.texts ?? []),
      ...parsed.texts,
      choice.text,
      ...choice.toolCalls.map((c) => c.argsJson),
    ];
    const callIds = new Set([
      ...(previous?.callIds ?? []),
      ...parsed.callIds,
      ...choice.toolCalls.map((c) => c.id),
    ]);
    const input = parsed.items.map((item) => ({ id: item.id ?? `msg_${hex()}`, ...item }));
    store.set(id, { response, input, texts, callIds });
  }
  if (!stream) return sendResult(ctx, response);
  return writeStream(ctx, 'text/event-stream; charset=utf-8', frames(ctx, b, response));
}

/** The typed event sequence of a response; content frames are the text and argument deltas. */
function frames(ctx: Ctx, b: Json, response: Json): Frames {
  let seq = 0;
  const out: { sse: string; content: boolean }[] = [];
  const ev = (type: string, fields: Json, content = false) => {
    const data = JSON.stringify({ type, sequence_number: seq++, ...fields });
    out.push({ sse: `event: ${type}\ndata: ${data}\n\n`, content });
  };
  const start = { ...envelope(b, response.id, response.created_at, response.model, 'in_progress') };
  ev('response.created', { response: start });
  ev('response.in_progress', { response: start });
  response.output.forEach((item: Json, i: number) => {
    if (item.type === 'web_search_call') {
      ev('response.output_item.added', { output_index: i, item: { ...item, status: 'in_progress' } });
      for (const phase of ['in_progress', 'searching', 'completed'])
        ev(`response.web_search_call.${phase}`, { item_id: item.id, output_index: i });
      ev('response.output_item.done', { output_index: i, item });
    } else if (item.type === 'function_call') {
      ev('response.output_item.added', {
        output_index: i,
        item: { ...item, status: 'in_progress', arguments: '' },
      });
      for (const piece of splitChunks(item.arguments, ctx.fault.chunks))
        ev(
          'response.function_call_arguments.delta',
          { item_id: item.id, output_index: i, delta: piece },
          true,
        );
      ev('response.function_call_arguments.done', {
        item_id: item.id,
        output_index: i,
        arguments: item.arguments,
      });
      ev('response.output_item.done', { output_index: i, item });
    } else {
      const part = item.content[0];
      ev('response.output_item.added', {
        output_index: i,
        item: { ...item, status: 'in_progress', content: [] },
      });
      const base = { item_id: item.id, output_index: i, content_index: 0 };
      ev('response.content_part.added', {
        ...base,
        part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
      });
      for (const piece of splitChunks(part.text, ctx.fault.chunks))
        ev('response.output_text.delta', { ...base, delta: piece, logprobs: [] }, true);
      ev('response.output_text.done', { ...base, text: part.text, logprobs: [] });
      ev('response.content_part.done', { ...base, part });
      ev('response.output_item.done', { output_index: i, item });
    }
  });
  ev(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response });
  // Events between content deltas ride with the next delta; those after the last one are the tail.
  const result: Frames = { head: [], content: [], tail: [] };
  let pending = '';
  for (const e of out) {
    if (!e.content) {
      pending += e.sse;
      continue;
    }
    if (result.content.length === 0) {
      if (pending) result.head.push(pending);
      result.content.push(e.sse);
    } else result.content.push(pending + e.sse);
    pending = '';
  }
  if (result.content.length === 0) result.head.push(pending);
  else result.tail.push(pending);
  return result;
}

/** GET / DELETE /v1/responses/{id}, GET /v1/responses/{id}/input_items */
export function storedResponse(ctx: Ctx) {
  const id = ctx.params.id!;
  const store = storeOf(ctx.state);
  const stored = store.get(id);
  if (!stored) return invalid(ctx, 404, `Response with id '${id}' not found.`, null, null);
  if (ctx.req.method === 'DELETE') {
    store.delete(id);
    return sendResult(ctx, { id, object: 'response', deleted: true });
  }
  if (!ctx.params.items) return sendResult(ctx, stored.response);
  const data = ctx.query.get('order') === 'asc' ? stored.input : [...stored.input].reverse();
  sendResult(ctx, {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: false,
  });
}

/** POST /v1/responses/input_tokens */
export function inputTokens(ctx: Ctx) {
  const b = ctx.body;
  if (!b || typeof b !== 'object')
    return invalid(ctx, 400, 'We could not parse the JSON body of your request.', null, null);
  const parsed = parseInput(b);
  if (typeof parsed === 'string') return invalid(ctx, 400, parsed, 'input', 'invalid_value');
  let texts = parsed.texts;
  if (typeof b.previous_response_id === 'string') {
    const previous = storeOf(ctx.state).get(b.previous_response_id);
    if (!previous)
      return invalid(
        ctx,
        404,
        `Previous response with id '${b.previous_response_id}' not found.`,
        'previous_response_id',
        'previous_response_not_found',
      );
    texts = [...previous.texts, ...texts];
  }
  if (!gate(ctx, 0, false)) return;
  sendResult(ctx, {
    object: 'response.input_tokens',
    input_tokens: texts.reduce((n, t) => n + countTokens(t), 0),
  });
}
