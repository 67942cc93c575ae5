// The OpenAI side of every translating adapter (anthropic, gemini, bedrock): reading OpenAI chat
// requests (content parts, tool-call arguments) and building OpenAI chat answers (chat.completion,
// chat.completion.chunk, usage). The provider side of each translation stays in its own folder.
import { randomUUID } from 'node:crypto';
import type { Usage } from '../adapter.ts';

type Json = Record<string, any>;

/** `data:<media type>[;params];base64,<data>`: m[1] is the media type, m[2] the base64 data. */
export const DATA_URL = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s;

/** Unix seconds, for `created`. */
export const now = (): number => Math.floor(Date.now() / 1000);

/** A fresh chat.completion id, for upstreams whose answers carry none. */
export const newCompletionId = (): string => `chatcmpl-${randomUUID().replace(/-/g, '')}`;

/** The text of OpenAI message content: a string, or the text parts of a part list joined. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let s = '';
  for (const p of content) if (p?.type === 'text' && typeof p.text === 'string') s += p.text;
  return s;
}

/** A tool call's `arguments` JSON text -> an object (a non-object value is wrapped; bad JSON is {}). */
export function parseToolArguments(s: unknown): Json {
  if (typeof s !== 'string' || s === '') return {};
  try {
    const v = JSON.parse(s);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : { value: v };
  } catch {
    return {};
  }
}

/** How one provider writes the OpenAI content parts it understands. */
export interface ContentPartWriter {
  text(text: any): Json;
  /** An image_url part's URL (kind "image") or a file part's file_data (kind "document"). */
  media(url: string, kind: 'image' | 'document'): Json;
  /** input_audio parts; without it they are dropped. */
  audio?(audio: Json): Json;
}

/** OpenAI message content (a string or a part list) -> provider blocks; empty text is dropped. */
export function contentParts(content: unknown, write: ContentPartWriter): Json[] {
  if (typeof content === 'string') return content ? [write.text(content)] : [];
  if (!Array.isArray(content)) return [];
  const out: Json[] = [];
  for (const p of content) {
    if (p?.type === 'text') {
      if (p.text) out.push(write.text(p.text));
    } else if (p?.type === 'image_url') {
      const url = typeof p.image_url === 'string' ? p.image_url : p.image_url?.url;
      if (url) out.push(write.media(url, 'image'));
    } else if (p?.type === 'input_audio' && write.audio && p.input_audio?.data) {
      out.push(write.audio(p.input_audio));
    } else if (p?.type === 'file' && typeof p.file?.file_data === 'string') {
      out.push(write.media(p.file.file_data, 'document'));
    }
  }
  return out;
}

/**
 * Appends one turn for an API that wants alternating roles: a turn with the same role as the last
 * one (e.g. several tool results) is merged into it; an empty one is dropped.
 */
export function pushTurn(
  turns: Json[],
  role: string,
  items: Json[],
  key: 'content' | 'parts' = 'content',
): void {
  if (items.length === 0) return;
  const last = turns[turns.length - 1];
  if (last?.role === role) last[key].push(...items);
  else turns.push({ role, [key]: items });
}

/** Mesh Usage -> OpenAI `usage` object. */
export function openAIUsage(u: Usage): Json {
  const out: Json = {
    prompt_tokens: u.inputTokens,
    completion_tokens: u.outputTokens,
    total_tokens: u.inputTokens + u.outputTokens,
  };
  if (u.cachedInputTokens) out.prompt_tokens_details = { cached_tokens: u.cachedInputTokens };
  return out;
}

/** An OpenAI tool call whose arguments are `input` as JSON text. */
export function toolCall(id: unknown, name: unknown, input: unknown): Json {
  return { id, type: 'function', function: { name, arguments: JSON.stringify(input ?? {}) } };
}

/** The assistant message of a chat.completion choice (content null when there are only tool calls). */
export function assistantMessage(text: string, toolCalls: Json[]): Json {
  const message: Json = {
    role: 'assistant',
    content: text === '' && toolCalls.length > 0 ? null : text,
    refusal: null,
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return message;
}

/** One choice of a chat.completion. */
export function completionChoice(message: Json, finishReason: string, index = 0): Json {
  return { index, message, finish_reason: finishReason, logprobs: null };
}

/** A chat.completion (`created` is now). */
export function chatCompletion(id: unknown, model: unknown, choices: Json[], usage: Usage): Json {
  return { id, object: 'chat.completion', created: now(), model, choices, usage: openAIUsage(usage) };
}

/** A chat.completion.chunk with one choice. */
export function completionChunk(
  id: unknown,
  created: number,
  model: unknown,
  delta: Json,
  finishReason: string | null = null,
  index = 0,
): Json {
  return {
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index, delta, finish_reason: finishReason, logprobs: null }],
  };
}

/** The chunk that closes a stream: usage and no choices. */
export function usageChunk(id: unknown, created: number, model: unknown, usage: Usage): Json {
  return { id, object: 'chat.completion.chunk', created, model, choices: [], usage: openAIUsage(usage) };
}

/**
 * A stream's tool calls, numbered in the order they open: the upstream's content block index ->
 * the OpenAI tool_calls index. Both methods return the chunk `delta`.
 */
export class StreamToolCalls {
  readonly #index = new Map<unknown, number>();

  /** The delta that opens the tool call of upstream block `block`. */
  start(block: unknown, id: unknown, name: unknown): Json {
    const i = this.#index.size;
    this.#index.set(block, i);
    return { tool_calls: [{ index: i, id, type: 'function', function: { name, arguments: '' } }] };
  }

  /** The delta with more arguments JSON for block `block`; undefined when it opened no tool call or the text is empty. */
  arguments(block: unknown, json: unknown): Json | undefined {
    const i = this.#index.get(block);
    if (i === undefined || !json) return undefined;
    return { tool_calls: [{ index: i, function: { arguments: json } }] };
  }
}
