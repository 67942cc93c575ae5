// OpenAI Chat Completions <-> Anthropic Messages, both directions, as pure functions.
// Outbound (the anthropic adapter): openAIRequestToAnthropic, anthropicResponseToOpenAI,
// anthropicStreamToOpenAI. Inbound (the sidecar's /anthropic/v1/messages endpoint):
// anthropicRequestToOpenAI, openAIResponseToAnthropic, openAIStreamToAnthropic.
// Stream converters work on parsed objects (one SSE event's JSON / one OpenAI chunk); byte
// framing lives in ../sse.ts. Usage follows the OpenAI convention: input tokens include cached ones.
import { randomUUID } from 'node:crypto';
import type { Usage } from '../adapter.ts';
import type { ObjectStreamConverter } from '../shared/json-events.ts';
import {
  assistantMessage,
  chatCompletion,
  completionChoice,
  completionChunk,
  contentParts,
  DATA_URL,
  now,
  parseToolArguments,
  pushTurn,
  StreamToolCalls,
  textOf,
  toolCall,
  usageChunk,
} from '../shared/openai-shape.ts';
import { typedEventToSSE } from '../sse.ts';

export type { ObjectStreamConverter } from '../shared/json-events.ts';

type Json = Record<string, any>;

/** Anthropic requires max_tokens; OpenAI does not. */
export const DEFAULT_MAX_TOKENS = 4096;

// ---------- shared pieces ----------

const STOP_TO_FINISH: Record<string, string> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

export function stopReasonToFinishReason(stop: string | null | undefined): string | null {
  if (stop == null) return null;
  return STOP_TO_FINISH[stop] ?? 'stop';
}

const FINISH_TO_STOP: Record<string, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  function_call: 'tool_use',
  content_filter: 'refusal',
};

export function finishReasonToStopReason(finish: string | null | undefined): string | null {
  if (finish == null) return null;
  return FINISH_TO_STOP[finish] ?? 'end_turn';
}

/** Anthropic usage -> mesh Usage. Anthropic's input_tokens excludes cache reads and writes. */
export function usageFromAnthropic(u: Json | undefined): Usage {
  const cached = u?.cache_read_input_tokens ?? 0;
  const usage: Usage = {
    inputTokens: (u?.input_tokens ?? 0) + cached + (u?.cache_creation_input_tokens ?? 0),
    outputTokens: u?.output_tokens ?? 0,
  };
  if (cached > 0) usage.cachedInputTokens = cached;
  return usage;
}

/** OpenAI `usage` -> mesh Usage. */
export function usageFromOpenAI(u: Json | undefined): Usage {
  const usage: Usage = { inputTokens: u?.prompt_tokens ?? 0, outputTokens: u?.completion_tokens ?? 0 };
  const cached = u?.prompt_tokens_details?.cached_tokens;
  if (cached) usage.cachedInputTokens = cached;
  return usage;
}

function anthropicUsage(u: Usage): Json {
  const cached = u.cachedInputTokens ?? 0;
  const out: Json = { input_tokens: u.inputTokens - cached, output_tokens: u.outputTokens };
  if (cached) out.cache_read_input_tokens = cached;
  return out;
}

// ---------- OpenAI request -> Anthropic request ----------

function mediaBlock(url: string, kind: 'image' | 'document'): Json {
  const m = DATA_URL.exec(url);
  if (m) return { type: kind, source: { type: 'base64', media_type: m[1], data: m[2] } };
  return { type: kind, source: { type: 'url', url } };
}

const BLOCKS = { text: (text: string): Json => ({ type: 'text', text }), media: mediaBlock };

/** OpenAI content parts -> Anthropic content blocks (empty text dropped: Anthropic rejects it). */
function partsToBlocks(content: unknown): Json[] {
  return contentParts(content, BLOCKS);
}

function toolResultContent(content: unknown): string | Json[] {
  if (typeof content === 'string') return content;
  return partsToBlocks(content);
}

function toolChoiceToAnthropic(choice: unknown, parallel: unknown): Json | undefined {
  let out: Json | undefined;
  if (choice === 'auto') out = { type: 'auto' };
  else if (choice === 'none') out = { type: 'none' };
  else if (choice === 'required') out = { type: 'any' };
  else if (choice && typeof choice === 'object') {
    const name = (choice as Json).function?.name;
    if (name) out = { type: 'tool', name };
  }
  if (parallel === false) {
    out ??= { type: 'auto' };
    if (out.type !== 'none') out.disable_parallel_tool_use = true;
  }
  return out;
}

/** OpenAI chat.completions request body -> Anthropic Messages request body. */
export function openAIRequestToAnthropic(req: Json, opts: { defaultMaxTokens?: number } = {}): Json {
  const system: string[] = [];
  const messages: Json[] = [];
  // Anthropic wants alternating roles; consecutive same-role messages (e.g. several tool results)
  // are merged into one message.
  const push = (role: 'user' | 'assistant', blocks: Json[]): void => pushTurn(messages, role, blocks);

  for (const m of req.messages ?? []) {
    switch (m?.role) {
      case 'system':
      case 'developer': {
        const t = textOf(m.content);
        if (t) system.push(t);
        break;
      }
      case 'user':
        push('user', partsToBlocks(m.content));
        break;
      case 'assistant': {
        const blocks = partsToBlocks(typeof m.content === 'string' ? m.content : (m.content ?? []));
        for (const tc of m.tool_calls ?? []) {
          if (tc?.type !== undefined && tc.type !== 'function') continue;
          blocks.push({
            type: 'tool_use',
            id: tc.id,
            name: tc.function?.name,
            input: parseToolArguments(tc.function?.arguments),
          });
        }
        if (m.function_call) {
          blocks.push({
            type: 'tool_use',
            id: `call_${m.function_call.name}`,
            name: m.function_call.name,
            input: parseToolArguments(m.function_call.arguments),
          });
        }
        push('assistant', blocks);
        break;
      }
      case 'tool':
        push('user', [
          { type: 'tool_result', tool_use_id: m.tool_call_id, content: toolResultContent(m.content) },
        ]);
        break;
      case 'function':
        push('user', [{ type: 'tool_result', tool_use_id: `call_${m.name}`, content: textOf(m.content) }]);
        break;
    }
  }

  const out: Json = {
    model: req.model,
    max_tokens: req.max_completion_tokens ?? req.max_tokens ?? opts.defaultMaxTokens ?? DEFAULT_MAX_TOKENS,
    messages,
  };
  if (system.length > 0) out.system = system.join('\n\n');
  // OpenAI allows temperature up to 2, Anthropic up to 1.
  if (typeof req.temperature === 'number') out.temperature = Math.min(req.temperature, 1);
  if (typeof req.top_p === 'number') out.top_p = req.top_p;
  if (req.stop != null) out.stop_sequences = Array.isArray(req.stop) ? req.stop : [req.stop];
  if (req.stream === true) out.stream = true;
  if (typeof req.user === 'string') out.metadata = { user_id: req.user };
  const tools = (req.tools ?? []).filter((t: Json) => t?.type === 'function' && t.function?.name);
  if (tools.length > 0) {
    out.tools = tools.map((t: Json) => {
      const tool: Json = {
        name: t.function.name,
        input_schema: t.function.parameters ?? { type: 'object', properties: {} },
      };
      if (t.function.description) tool.description = t.function.description;
      return tool;
    });
    const choice = toolChoiceToAnthropic(req.tool_choice, req.parallel_tool_calls);
    if (choice) out.tool_choice = choice;
  }
  return out;
}

// ---------- Anthropic response -> OpenAI response ----------

/** Anthropic Messages response body -> OpenAI chat.completion. */
export function anthropicResponseToOpenAI(res: Json): Json {
  let text = '';
  const toolCalls: Json[] = [];
  for (const b of res.content ?? []) {
    if (b?.type === 'text') text += b.text ?? '';
    else if (b?.type === 'tool_use') toolCalls.push(toolCall(b.id, b.name, b.input));
  }
  const message = assistantMessage(text, toolCalls);
  const choice = completionChoice(message, stopReasonToFinishReason(res.stop_reason) ?? 'stop');
  return chatCompletion(res.id, res.model, [choice], usageFromAnthropic(res.usage));
}

// ---------- Anthropic stream events -> OpenAI chunks ----------

/**
 * Anthropic stream events (parsed `data:` JSON, each with `type`) -> chat.completion.chunk objects,
 * closed by a usage chunk (`choices: []`). An `error` event becomes an OpenAI-style
 * `{error: {...}}` object, as OpenAI itself sends mid-stream.
 */
export function anthropicStreamToOpenAI(opts: { model?: string } = {}): ObjectStreamConverter {
  let id = '';
  let model = opts.model ?? '';
  const created = now();
  let usage: Json = {};
  let finish: string | null = null;
  let done = false;
  // Anthropic content block index -> OpenAI tool_calls index.
  const tools = new StreamToolCalls();

  const chunk = (delta: Json, finishReason: string | null = null): Json =>
    completionChunk(id, created, model, delta, finishReason);

  return {
    push(ev) {
      if (done) return [];
      switch (ev?.type) {
        case 'message_start': {
          const msg = ev.message ?? {};
          id = msg.id ?? id;
          model = msg.model ?? model;
          usage = { ...usage, ...msg.usage };
          return [chunk({ role: 'assistant', content: '' })];
        }
        case 'content_block_start': {
          const b = ev.content_block;
          if (b?.type === 'tool_use') return [chunk(tools.start(ev.index, b.id, b.name))];
          if (b?.type === 'text' && b.text) return [chunk({ content: b.text })];
          return [];
        }
        case 'content_block_delta': {
          const d = ev.delta;
          if (d?.type === 'text_delta') return d.text ? [chunk({ content: d.text })] : [];
          if (d?.type === 'input_json_delta') {
            const delta = tools.arguments(ev.index, d.partial_json);
            return delta ? [chunk(delta)] : [];
          }
          return []; // thinking / signature deltas have no OpenAI chat equivalent
        }
        case 'message_delta': {
          // Cumulative counts; newer API versions repeat input/cache counts here.
          for (const [k, v] of Object.entries(ev.usage ?? {})) if (typeof v === 'number') usage[k] = v;
          finish = stopReasonToFinishReason(ev.delta?.stop_reason) ?? finish;
          return finish ? [chunk({}, finish)] : [];
        }
        case 'message_stop':
          done = true;
          return [usageChunk(id, created, model, usageFromAnthropic(usage))];
        case 'error': {
          done = true;
          const e = ev.error ?? {};
          return [{ error: { message: e.message ?? 'upstream stream error', type: e.type ?? 'api_error' } }];
        }
        default:
          return []; // ping, content_block_stop, unknown future events
      }
    },
    end() {
      if (done) return [];
      done = true;
      // No message_stop: the upstream cut the stream short.
      return [{ error: { message: 'upstream stream ended before message_stop', type: 'api_error' } }];
    },
  };
}

// ---------- Anthropic request -> OpenAI request (inbound) ----------

function blockToPart(b: Json): Json | undefined {
  if (b?.type === 'text') return { type: 'text', text: b.text ?? '' };
  if (b?.type === 'image' || b?.type === 'document') {
    const s = b.source ?? {};
    const url = s.type === 'base64' ? `data:${s.media_type};base64,${s.data}` : s.url;
    if (!url) return undefined;
    return b.type === 'image'
      ? { type: 'image_url', image_url: { url } }
      : { type: 'file', file: { filename: 'document', file_data: url } };
  }
  return undefined;
}

function blocksToContent(content: unknown): string | Json[] {
  if (typeof content === 'string') return content;
  const parts: Json[] = [];
  for (const b of Array.isArray(content) ? content : []) {
    const p = blockToPart(b);
    if (p) parts.push(p);
  }
  // A lone text part is sent as a plain string: what most OpenAI-compatible servers expect.
  return parts.length === 1 && parts[0].type === 'text' ? parts[0].text : parts;
}

function toolChoiceToOpenAI(choice: Json | undefined): { choice?: unknown; parallel?: boolean } {
  if (!choice) return {};
  const parallel = choice.disable_parallel_tool_use === true ? false : undefined;
  switch (choice.type) {
    case 'auto':
      return { choice: 'auto', parallel };
    case 'any':
      return { choice: 'required', parallel };
    case 'none':
      return { choice: 'none' };
    case 'tool':
      return { choice: { type: 'function', function: { name: choice.name } }, parallel };
    default:
      return {};
  }
}

/** Anthropic Messages request body -> OpenAI chat.completions request body. */
export function anthropicRequestToOpenAI(req: Json): Json {
  const messages: Json[] = [];
  const system = textOf(req.system);
  if (system) messages.push({ role: 'system', content: system });

  for (const m of req.messages ?? []) {
    if (m?.role === 'user') {
      if (typeof m.content === 'string') {
        messages.push({ role: 'user', content: m.content });
        continue;
      }
      // tool_result blocks become tool messages, which must directly follow the assistant turn.
      const rest: Json[] = [];
      for (const b of m.content ?? []) {
        if (b?.type === 'tool_result') {
          const c = blocksToContent(b.content ?? '');
          const text = typeof c === 'string' ? c : textOf(c);
          messages.push({
            role: 'tool',
            tool_call_id: providerToolId(b.tool_use_id),
            content: b.is_error ? `Error: ${text}` : text,
          });
        } else rest.push(b);
      }
      if (rest.length > 0) messages.push({ role: 'user', content: blocksToContent(rest) });
    } else if (m?.role === 'assistant') {
      if (typeof m.content === 'string') {
        messages.push({ role: 'assistant', content: m.content });
        continue;
      }
      let text = '';
      const toolCalls: Json[] = [];
      for (const b of m.content ?? []) {
        if (b?.type === 'text') text += b.text ?? '';
        else if (b?.type === 'tool_use') toolCalls.push(toolCall(providerToolId(b.id), b.name, b.input));
      }
      const msg: Json = { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text };
      if (toolCalls.length > 0) msg.tool_calls = toolCalls;
      messages.push(msg);
    }
  }

  const out: Json = { model: req.model, messages };
  if (typeof req.max_tokens === 'number') out.max_tokens = req.max_tokens;
  if (typeof req.temperature === 'number') out.temperature = req.temperature;
  if (typeof req.top_p === 'number') out.top_p = req.top_p;
  if (Array.isArray(req.stop_sequences) && req.stop_sequences.length > 0) out.stop = req.stop_sequences;
  if (typeof req.metadata?.user_id === 'string') out.user = req.metadata.user_id;
  if (req.stream === true) {
    out.stream = true;
    out.stream_options = { include_usage: true };
  }
  // Only client tools (with an input_schema) translate; server tools (web search, ...) do not.
  const tools = (req.tools ?? []).filter((t: Json) => t?.name && t.input_schema);
  if (tools.length > 0) {
    out.tools = tools.map((t: Json) => {
      const fn: Json = { name: t.name, parameters: t.input_schema };
      if (t.description) fn.description = t.description;
      return { type: 'function', function: fn };
    });
    const { choice, parallel } = toolChoiceToOpenAI(req.tool_choice);
    if (choice !== undefined) out.tool_choice = choice;
    if (parallel !== undefined) out.parallel_tool_calls = parallel;
  }
  return out;
}

// ---------- ids the Anthropic dialect shows (inbound) ----------
// Anthropic apps expect msg_... and toolu_... ids. A tool id from another provider is wrapped
// reversibly (toolu_aimesh_<original>) so the app's tool_result finds the original call upstream.

const WRAPPED_TOOL_ID = 'toolu_aimesh_';

/** A message id in Anthropic's form (msg_...), kept when it already is one. */
export function anthropicMessageId(id: unknown): string {
  if (typeof id === 'string' && id.startsWith('msg_')) return id;
  const tail = typeof id === 'string' ? id.replace(/^chatcmpl-/, '').replace(/[^A-Za-z0-9]/g, '') : '';
  return `msg_${tail || randomUUID().replace(/-/g, '')}`;
}

/** A tool-use id in Anthropic's form (toolu_...), kept when it already is one. */
export function anthropicToolId(id: unknown): string {
  const s = typeof id === 'string' ? id : '';
  if (s.startsWith('toolu_')) return s;
  return `${WRAPPED_TOOL_ID}${s || randomUUID().replace(/-/g, '')}`;
}

/** The provider's own id back from what anthropicToolId showed the app. */
export function providerToolId(id: unknown): unknown {
  return typeof id === 'string' && id.startsWith(WRAPPED_TOOL_ID) ? id.slice(WRAPPED_TOOL_ID.length) : id;
}

// ---------- OpenAI response -> Anthropic response (inbound) ----------

/** OpenAI chat.completion -> Anthropic Messages response body (first choice). */
export function openAIResponseToAnthropic(res: Json): Json {
  const choice = res.choices?.[0] ?? {};
  const msg = choice.message ?? {};
  const content: Json[] = [];
  const text = textOf(msg.content) || (typeof msg.refusal === 'string' ? msg.refusal : '');
  if (text) content.push({ type: 'text', text });
  for (const tc of msg.tool_calls ?? []) {
    content.push({
      type: 'tool_use',
      id: anthropicToolId(tc.id),
      name: tc.function?.name,
      input: parseToolArguments(tc.function?.arguments),
    });
  }
  return {
    id: anthropicMessageId(res.id),
    type: 'message',
    role: 'assistant',
    model: res.model,
    content,
    stop_reason: finishReasonToStopReason(choice.finish_reason) ?? 'end_turn',
    stop_sequence: null,
    usage: anthropicUsage(usageFromOpenAI(res.usage)),
  };
}

// ---------- OpenAI chunks -> Anthropic stream events (inbound) ----------

/**
 * chat.completion.chunk objects -> Anthropic stream events (objects with `type`; serialize with
 * anthropicEventToSSE). An OpenAI-shaped stream reports usage only at its end, so message_start
 * carries the sidecar's count of the prompt (`inputTokens`, the same count quotas use) and the
 * final message_delta the upstream's exact input and output counts, which the SDK keeps.
 */
export function openAIStreamToAnthropic(
  opts: { model?: string; id?: string; inputTokens?: number } = {},
): ObjectStreamConverter {
  let started = false;
  let done = false;
  let blockIndex = -1;
  let open: 'text' | 'tool' | undefined;
  let openTool = -1;
  let finish: string | null = null;
  let usage: Usage | undefined;

  const start = (c: Json, out: Json[]): void => {
    if (started) return;
    started = true;
    out.push({
      type: 'message_start',
      message: {
        id: anthropicMessageId(opts.id ?? c.id),
        type: 'message',
        role: 'assistant',
        model: c.model ?? opts.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: opts.inputTokens ?? 0, output_tokens: 0 },
      },
    });
  };
  const close = (out: Json[]): void => {
    if (open === undefined) return;
    out.push({ type: 'content_block_stop', index: blockIndex });
    open = undefined;
  };

  return {
    push(c) {
      if (done) return [];
      const out: Json[] = [];
      if (c?.error) {
        done = true;
        start(c, out);
        close(out);
        out.push({
          type: 'error',
          error: { type: c.error.type ?? 'api_error', message: c.error.message ?? '' },
        });
        return out;
      }
      start(c, out);
      if (c.usage) usage = usageFromOpenAI(c.usage);
      const choice = c.choices?.[0];
      if (!choice) return out;
      const d = choice.delta ?? {};
      if (typeof d.content === 'string' && d.content !== '') {
        if (open !== 'text') {
          close(out);
          blockIndex++;
          open = 'text';
          out.push({
            type: 'content_block_start',
            index: blockIndex,
            content_block: { type: 'text', text: '' },
          });
        }
        out.push({
          type: 'content_block_delta',
          index: blockIndex,
          delta: { type: 'text_delta', text: d.content },
        });
      }
      for (const tc of d.tool_calls ?? []) {
        const i = tc.index ?? 0;
        if (open !== 'tool' || openTool !== i) {
          close(out);
          blockIndex++;
          open = 'tool';
          openTool = i;
          out.push({
            type: 'content_block_start',
            index: blockIndex,
            content_block: {
              type: 'tool_use',
              id: anthropicToolId(tc.id),
              name: tc.function?.name,
              input: {},
            },
          });
        }
        const args = tc.function?.arguments;
        if (args) {
          out.push({
            type: 'content_block_delta',
            index: blockIndex,
            delta: { type: 'input_json_delta', partial_json: args },
          });
        }
      }
      if (choice.finish_reason) finish = choice.finish_reason;
      return out;
    },
    end() {
      if (done) return [];
      done = true;
      const out: Json[] = [];
      start({}, out);
      close(out);
      const u = usage ? anthropicUsage(usage) : { output_tokens: 0 };
      out.push({
        type: 'message_delta',
        delta: { stop_reason: finishReasonToStopReason(finish) ?? 'end_turn', stop_sequence: null },
        usage: u,
      });
      out.push({ type: 'message_stop' });
      return out;
    },
  };
}

/** One Anthropic stream event in SSE wire form (`event:` names the type, as Anthropic does). */
export const anthropicEventToSSE = typedEventToSSE;
