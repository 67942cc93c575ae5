// OpenAI Responses API <-> Chat Completions, as pure functions. OpenAI and Azure OpenAI serve
// /v1/responses natively (the request goes upstream as the app sent it, see responsesEventStream);
// every other provider (Anthropic, Gemini, Bedrock, OpenAI-compatible) serves it through this
// translation, so routing, quotas, guards, cache, fallback and telemetry apply exactly as for chat.
//   responsesRequestToChat   request  (instructions, input items, function tools, text.format)
//   responsesChat            the same for the pipeline: a text view when translation cannot express it
//   chatResponseToResponses  JSON answer
//   chatStreamToResponses    stream: chat chunks -> the typed Responses event sequence
//   chatToResponsesInput     a sidecar-kept conversation as input items (for a native provider)
// What a chat model cannot do (built-in tools such as web_search or file_search, background mode)
// is refused with a 400 that says so, when the call lands on a translated provider.
import { randomBytes } from 'node:crypto';
import type { StreamTranslator, Usage } from '../adapter.ts';
import { usageFromOpenAI } from '../anthropic/translate.ts';
import { createSSEParser } from '../sse.ts';

type Json = Record<string, any>;

/** A request the translation cannot express: the caller turns it into a 400. */
export class UnsupportedResponsesRequest extends Error {}

const newId = (prefix: string): string => `${prefix}_${randomBytes(16).toString('hex')}`;
export const newResponseId = (): string => newId('resp');

// ---------- request ----------

function inputPart(part: Json): Json {
  switch (part?.type) {
    case 'input_text':
    case 'output_text':
    case 'text':
      return { type: 'text', text: String(part.text ?? '') };
    case 'input_image': {
      const url = part.image_url ?? part.file_id;
      if (typeof url !== 'string') throw new UnsupportedResponsesRequest('input_image needs an image_url');
      return { type: 'image_url', image_url: part.detail ? { url, detail: part.detail } : { url } };
    }
    case 'refusal':
      return { type: 'text', text: String(part.refusal ?? '') };
    default:
      throw new UnsupportedResponsesRequest(
        `input content type ${JSON.stringify(part?.type)} is not supported`,
      );
  }
}

function messageContent(content: unknown): string | Json[] {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content))
    throw new UnsupportedResponsesRequest('a message content must be a string or an array');
  const parts = content.map(inputPart);
  return parts.every((p) => p.type === 'text') ? parts.map((p) => p.text).join('') : parts;
}

/** Input items as chat messages (consecutive function calls become one assistant turn). */
export function inputToMessages(input: unknown): Json[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  if (!Array.isArray(input))
    throw new UnsupportedResponsesRequest('input must be a string or an array of items');
  const out: Json[] = [];
  for (const item of input as Json[]) {
    const type = item?.type ?? (item?.role ? 'message' : undefined);
    if (type === 'message') {
      const role = item.role === 'developer' ? 'developer' : item.role;
      if (!['user', 'assistant', 'system', 'developer'].includes(role))
        throw new UnsupportedResponsesRequest(`message role ${JSON.stringify(item.role)} is not supported`);
      out.push({ role, content: messageContent(item.content) });
    } else if (type === 'function_call') {
      const call = {
        id: item.call_id,
        type: 'function',
        function: { name: item.name, arguments: item.arguments ?? '' },
      };
      const last = out.at(-1);
      if (last?.role === 'assistant' && Array.isArray(last.tool_calls)) last.tool_calls.push(call);
      else out.push({ role: 'assistant', content: null, tool_calls: [call] });
    } else if (type === 'function_call_output') {
      const output = typeof item.output === 'string' ? item.output : JSON.stringify(item.output ?? '');
      out.push({ role: 'tool', tool_call_id: item.call_id, content: output });
    } else if (type === 'reasoning') {
      // Reasoning items are the model's own; a chat model takes none back.
    } else throw new UnsupportedResponsesRequest(`input item type ${JSON.stringify(type)} is not supported`);
  }
  return out;
}

function chatTools(tools: unknown): Json[] | undefined {
  if (tools === undefined) return undefined;
  if (!Array.isArray(tools)) throw new UnsupportedResponsesRequest('tools must be an array');
  return tools.map((t: Json) => {
    if (t?.type !== 'function')
      throw new UnsupportedResponsesRequest(
        `tool type ${JSON.stringify(t?.type)} is not supported through the mesh (function tools are)`,
      );
    const fn: Json = { name: t.name, parameters: t.parameters ?? { type: 'object', properties: {} } };
    if (t.description !== undefined) fn.description = t.description;
    if (t.strict !== undefined) fn.strict = t.strict;
    return { type: 'function', function: fn };
  });
}

function chatToolChoice(choice: unknown): unknown {
  if (choice === undefined || typeof choice === 'string') return choice;
  const c = choice as Json;
  if (c.type === 'function') return { type: 'function', function: { name: c.name } };
  throw new UnsupportedResponsesRequest(`tool_choice ${JSON.stringify(c.type)} is not supported`);
}

function responseFormat(text: Json | undefined): Json | undefined {
  const format = text?.format;
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') return { type: 'json_object' };
  if (format.type === 'json_schema')
    return {
      type: 'json_schema',
      json_schema: {
        name: format.name,
        schema: format.schema,
        strict: format.strict,
        description: format.description,
      },
    };
  throw new UnsupportedResponsesRequest(`text.format ${JSON.stringify(format.type)} is not supported`);
}

/**
 * The chat request for a Responses request. `history` is the earlier turns of the conversation
 * (from previous_response_id), placed after the new instructions and before the new input:
 * instructions are not carried over from earlier responses, as OpenAI does.
 */
export function responsesRequestToChat(req: Json, history: Json[] = []): Json {
  if (req.background === true)
    throw new UnsupportedResponsesRequest('background responses are not supported');
  const messages: Json[] = [];
  if (typeof req.instructions === 'string' && req.instructions !== '')
    messages.push({ role: 'system', content: req.instructions });
  messages.push(...history, ...inputToMessages(req.input ?? []));
  const out: Json = { model: req.model, messages };
  const copy = (from: string, to = from) => {
    if (req[from] !== undefined && req[from] !== null) out[to] = req[from];
  };
  copy('temperature');
  copy('top_p');
  copy('max_output_tokens', 'max_tokens');
  copy('parallel_tool_calls');
  copy('user');
  copy('safety_identifier');
  copy('prompt_cache_key');
  copy('service_tier');
  copy('top_logprobs');
  if (req.reasoning?.effort) out.reasoning_effort = req.reasoning.effort;
  const tools = chatTools(req.tools);
  if (tools && tools.length > 0) out.tools = tools;
  const toolChoice = chatToolChoice(req.tool_choice);
  if (toolChoice !== undefined) out.tool_choice = toolChoice;
  const format = responseFormat(req.text);
  if (format) out.response_format = format;
  if (req.stream === true) out.stream = true;
  return out;
}

/**
 * The chat request the pipeline works on (token estimates, cache keys, the translated providers),
 * and why translation cannot express the request (`unsupported`: a built-in tool, background
 * mode, ...). Then the chat is a text view of it (instructions and input texts), enough for
 * estimates; only a native provider can serve the call.
 */
export function responsesChat(req: Json, history: Json[] = []): { chat: Json; unsupported?: string } {
  let chat: Json;
  let unsupported: string | undefined;
  try {
    chat = responsesRequestToChat(req, history);
  } catch (err) {
    if (!(err instanceof UnsupportedResponsesRequest)) throw err;
    unsupported = err.message;
    const messages: Json[] = [];
    if (typeof req.instructions === 'string' && req.instructions !== '')
      messages.push({ role: 'system', content: req.instructions });
    messages.push(...history, ...textView(req.input));
    chat = { model: req.model, messages };
  }
  if (req.stream === true) {
    chat.stream = true;
    chat.stream_options = { include_usage: true };
  }
  return unsupported === undefined ? { chat } : { chat, unsupported };
}

/** The texts of input items, as user/assistant/tool messages (what estimates read). */
function textView(input: unknown): Json[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  if (!Array.isArray(input)) return [];
  const out: Json[] = [];
  for (const item of input as Json[]) {
    if (typeof item?.content === 'string') out.push({ role: 'user', content: item.content });
    else if (Array.isArray(item?.content))
      for (const part of item.content)
        if (typeof part?.text === 'string') out.push({ role: 'user', content: part.text });
    if (typeof item?.arguments === 'string') out.push({ role: 'user', content: item.arguments });
    if (typeof item?.output === 'string') out.push({ role: 'tool', content: item.output });
  }
  return out;
}

/**
 * A conversation the sidecar kept (chat messages of earlier translated turns) as Responses input
 * items, so a native provider can continue it without a provider-side previous_response_id.
 */
export function chatToResponsesInput(messages: Json[]): Json[] {
  const out: Json[] = [];
  for (const m of messages) {
    if (m.role === 'tool') {
      out.push({ type: 'function_call_output', call_id: m.tool_call_id, output: String(m.content ?? '') });
      continue;
    }
    const text =
      typeof m.content === 'string'
        ? m.content
        : Array.isArray(m.content)
          ? m.content.map((p: Json) => (typeof p?.text === 'string' ? p.text : '')).join('')
          : '';
    if (text !== '' || !Array.isArray(m.tool_calls))
      out.push({ type: 'message', role: m.role, content: text });
    for (const tc of m.tool_calls ?? [])
      out.push({
        type: 'function_call',
        call_id: tc.id,
        name: tc.function?.name ?? '',
        arguments: tc.function?.arguments ?? '',
      });
  }
  return out;
}

// ---------- native (OpenAI, Azure OpenAI) ----------

/** Events before the model has said anything: a stream that fails among them may still fall back. */
const PREAMBLE = new Set(['response.created', 'response.in_progress', 'response.queued']);

/** The error a typed event carries (an `error` event, a failed response), if any. */
export function typedEventError(ev: Json): { message: string; code?: string } | undefined {
  if (ev.type === 'error') return { message: String(ev.message ?? 'error'), code: ev.code ?? undefined };
  if (ev.type === 'response.failed')
    return {
      message: String(ev.response?.error?.message ?? 'response failed'),
      code: ev.response?.error?.code,
    };
  return undefined;
}

/** True once a typed event carries part of the answer (text, a tool call, a finish). */
export function typedEventAnswers(ev: Json): boolean {
  return typeof ev.type === 'string' && !PREAMBLE.has(ev.type) && typedEventError(ev) === undefined;
}

/** The usage a typed event reports (the final response's). */
export function typedEventUsage(ev: Json): Json | undefined {
  return ev.type === 'response.completed' || ev.type === 'response.incomplete'
    ? ev.response?.usage
    : undefined;
}

const FINAL_EVENTS = new Set(['response.completed', 'response.incomplete', 'response.failed', 'error']);

/**
 * A native Responses stream (typed SSE events) as event objects. A stream that ends before its
 * final event, or sends an unreadable one, ends with an `error` event.
 */
export function responsesEventStream(maxEventBytes?: number): StreamTranslator {
  const sse = createSSEParser({ maxEventBytes });
  let done = false;
  const handle = (events: { data: string }[]): Json[] => {
    const out: Json[] = [];
    for (const e of events) {
      if (done) break;
      if (e.data === '' || e.data === '[DONE]') continue;
      let ev: Json;
      try {
        ev = JSON.parse(e.data);
      } catch {
        ev = {
          type: 'error',
          code: 'upstream_stream_error',
          message: 'upstream sent invalid JSON in its stream',
        };
      }
      if (ev === null || typeof ev !== 'object') continue;
      out.push(ev);
      if (FINAL_EVENTS.has(ev.type)) done = true;
    }
    return out;
  };
  return {
    push: (bytes) => (done ? [] : handle(sse.push(bytes))),
    end() {
      if (done) return [];
      const out = handle(sse.end());
      if (!done)
        out.push({
          type: 'error',
          code: 'upstream_stream_error',
          message: 'upstream stream ended before response.completed',
          param: null,
        });
      done = true;
      return out;
    },
  };
}

// ---------- answers ----------

/** The request fields a Response echoes back. */
export interface ResponseContext {
  id: string;
  createdAt: number;
  request: Json;
}

function responsesUsage(u: Usage | undefined): Json | null {
  if (!u) return null;
  return {
    input_tokens: u.inputTokens,
    input_tokens_details: { cached_tokens: u.cachedInputTokens ?? 0 },
    output_tokens: u.outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: u.inputTokens + u.outputTokens,
  };
}

function envelope(ctx: ResponseContext, model: unknown, status: string): Json {
  const r = ctx.request;
  return {
    id: ctx.id,
    object: 'response',
    created_at: ctx.createdAt,
    status,
    error: null,
    incomplete_details: null,
    instructions: r.instructions ?? null,
    max_output_tokens: r.max_output_tokens ?? null,
    model: model ?? r.model,
    output: [] as Json[],
    parallel_tool_calls: r.parallel_tool_calls ?? true,
    previous_response_id: r.previous_response_id ?? null,
    reasoning: { effort: r.reasoning?.effort ?? null, summary: null },
    store: r.store !== false,
    temperature: r.temperature ?? 1,
    text: r.text ?? { format: { type: 'text' } },
    tool_choice: r.tool_choice ?? 'auto',
    tools: r.tools ?? [],
    top_p: r.top_p ?? 1,
    truncation: r.truncation ?? 'disabled',
    usage: null as Json | null,
    user: r.user ?? null,
    metadata: r.metadata ?? {},
  };
}

const messageItem = (id: string, text: string, status: string): Json => ({
  id,
  type: 'message',
  status,
  role: 'assistant',
  content: status === 'in_progress' ? [] : [{ type: 'output_text', text, annotations: [], logprobs: [] }],
});

const functionCallItem = (id: string, callId: string, name: string, args: string, status: string): Json => ({
  id,
  type: 'function_call',
  status,
  call_id: callId,
  name,
  arguments: args,
});

/** finish_reason length -> incomplete (max_output_tokens), content_filter -> incomplete too. */
function finalStatus(finish: string | null | undefined): { status: string; incomplete: Json | null } {
  if (finish === 'length') return { status: 'incomplete', incomplete: { reason: 'max_output_tokens' } };
  if (finish === 'content_filter') return { status: 'incomplete', incomplete: { reason: 'content_filter' } };
  return { status: 'completed', incomplete: null };
}

export function chatResponseToResponses(chat: Json, ctx: ResponseContext): Json {
  const choice = chat.choices?.[0] ?? {};
  const message = choice.message ?? {};
  const { status, incomplete } = finalStatus(choice.finish_reason);
  const res = envelope(ctx, chat.model, status);
  res.incomplete_details = incomplete;
  const text = typeof message.content === 'string' ? message.content : '';
  if (text !== '' || !message.tool_calls?.length)
    res.output.push(messageItem(newId('msg'), text, 'completed'));
  for (const tc of message.tool_calls ?? [])
    res.output.push(
      functionCallItem(
        newId('fc'),
        tc.id,
        tc.function?.name ?? '',
        tc.function?.arguments ?? '',
        'completed',
      ),
    );
  res.usage = responsesUsage(chat.usage ? usageFromOpenAI(chat.usage) : undefined);
  return res;
}

/** Chat chunks in, Responses events out; end() finishes the sequence with response.completed. */
export interface ResponsesStreamConverter {
  push(chunk: Json): Json[];
  end(): Json[];
  /** The final Response, once end() ran (what previous_response_id stores). */
  readonly final: Json | undefined;
}

export function chatStreamToResponses(ctx: ResponseContext): ResponsesStreamConverter {
  let seq = 0;
  let started = false;
  let done = false;
  let model: unknown;
  let finish: string | null = null;
  let usage: Usage | undefined;
  let final: Json | undefined;
  const items: Json[] = [];
  let text: { index: number; item: Json; text: string } | undefined;
  const calls = new Map<number, { index: number; item: Json }>();

  const ev = (type: string, fields: Json): Json => ({ type, sequence_number: seq++, ...fields });
  const start = (out: Json[]) => {
    if (started) return;
    started = true;
    const r = envelope(ctx, model, 'in_progress');
    out.push(ev('response.created', { response: r }), ev('response.in_progress', { response: r }));
  };
  const openText = (out: Json[]) => {
    if (text) return text;
    const item = messageItem(newId('msg'), '', 'in_progress');
    text = { index: items.length, item, text: '' };
    items.push(item);
    out.push(ev('response.output_item.added', { output_index: text.index, item: { ...item, content: [] } }));
    out.push(
      ev('response.content_part.added', {
        item_id: item.id,
        output_index: text.index,
        content_index: 0,
        part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
      }),
    );
    return text;
  };
  const closeText = (out: Json[]) => {
    if (!text || text.item.status === 'completed') return;
    const { index, item } = text;
    const part = { type: 'output_text', text: text.text, annotations: [], logprobs: [] };
    out.push(
      ev('response.output_text.done', {
        item_id: item.id,
        output_index: index,
        content_index: 0,
        text: text.text,
        logprobs: [],
      }),
      ev('response.content_part.done', { item_id: item.id, output_index: index, content_index: 0, part }),
    );
    Object.assign(item, messageItem(item.id, text.text, 'completed'));
    out.push(ev('response.output_item.done', { output_index: index, item }));
  };
  const closeCalls = (out: Json[]) => {
    for (const { index, item } of calls.values()) {
      if (item.status === 'completed') continue;
      out.push(
        ev('response.function_call_arguments.done', {
          item_id: item.id,
          output_index: index,
          name: item.name,
          arguments: item.arguments,
        }),
      );
      item.status = 'completed';
      out.push(ev('response.output_item.done', { output_index: index, item }));
    }
  };

  return {
    get final() {
      return final;
    },
    push(c) {
      if (done) return [];
      const out: Json[] = [];
      model ??= c.model;
      if (c?.error) {
        done = true;
        start(out);
        out.push(ev('error', { code: c.error.code ?? null, message: c.error.message ?? '', param: null }));
        const failed = envelope(ctx, model, 'failed');
        failed.output = items;
        failed.error = { code: 'server_error', message: c.error.message ?? 'upstream failed' };
        out.push(ev('response.failed', { response: failed }));
        return out;
      }
      start(out);
      if (c.usage) usage = usageFromOpenAI(c.usage);
      const choice = c.choices?.[0];
      if (!choice) return out;
      const d = choice.delta ?? {};
      if (typeof d.content === 'string' && d.content !== '') {
        const t = openText(out);
        t.text += d.content;
        out.push(
          ev('response.output_text.delta', {
            item_id: t.item.id,
            output_index: t.index,
            content_index: 0,
            delta: d.content,
            logprobs: [],
          }),
        );
      }
      for (const tc of d.tool_calls ?? []) {
        const key = tc.index ?? 0;
        let call = calls.get(key);
        if (!call) {
          closeText(out);
          const item = functionCallItem(
            newId('fc'),
            tc.id ?? newId('call'),
            tc.function?.name ?? '',
            '',
            'in_progress',
          );
          call = { index: items.length, item };
          items.push(item);
          calls.set(key, call);
          out.push(ev('response.output_item.added', { output_index: call.index, item: { ...item } }));
        }
        const args = tc.function?.arguments;
        if (args) {
          call.item.arguments += args;
          out.push(
            ev('response.function_call_arguments.delta', {
              item_id: call.item.id,
              output_index: call.index,
              delta: args,
            }),
          );
        }
      }
      if (choice.finish_reason) finish = choice.finish_reason;
      return out;
    },
    end() {
      if (done) return [];
      done = true;
      const out: Json[] = [];
      start(out);
      if (items.length === 0) openText(out);
      closeText(out);
      closeCalls(out);
      const { status, incomplete } = finalStatus(finish);
      const r = envelope(ctx, model, status);
      r.incomplete_details = incomplete;
      r.output = items;
      r.usage = responsesUsage(usage);
      final = r;
      out.push(ev(status === 'completed' ? 'response.completed' : 'response.incomplete', { response: r }));
      return out;
    },
  };
}

/** The conversation a stored Response continues: its chat input plus the answer as assistant turns. */
export function conversationAfter(chatMessages: Json[], response: Json): Json[] {
  const turns = chatMessages.filter((m) => m.role !== 'system');
  const toolCalls: Json[] = [];
  let text = '';
  for (const item of response.output ?? []) {
    if (item.type === 'message')
      for (const part of item.content ?? []) if (part.type === 'output_text') text += part.text;
    if (item.type === 'function_call')
      toolCalls.push({
        id: item.call_id,
        type: 'function',
        function: { name: item.name, arguments: item.arguments },
      });
  }
  const answer: Json = { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text };
  if (toolCalls.length > 0) answer.tool_calls = toolCalls;
  return [...turns, answer];
}
