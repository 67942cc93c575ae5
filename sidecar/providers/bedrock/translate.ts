// OpenAI Chat Completions <-> Amazon Bedrock Converse / ConverseStream, as pure functions.
// Usage follows the OpenAI convention: input tokens include cache reads and writes.
import type { Usage } from '../adapter.ts';
import {
  assistantMessage,
  chatCompletion,
  completionChoice,
  completionChunk,
  contentParts,
  DATA_URL,
  newCompletionId,
  now,
  parseToolArguments,
  pushTurn,
  StreamToolCalls,
  textOf,
  toolCall,
  usageChunk,
} from '../shared/openai-shape.ts';

type Json = Record<string, any>;

const IMAGE_FORMATS = new Set(['png', 'jpeg', 'gif', 'webp']);

function badRequest(message: string): Error {
  return Object.assign(new Error(message), { status: 400, type: 'invalid_request_error' });
}

/** Converse takes media as bytes only (base64 in JSON); remote URLs would need a fetch. */
function mediaBlock(url: string, kind: 'image' | 'document'): Json {
  const m = DATA_URL.exec(url);
  if (!m) throw badRequest(`Bedrock accepts ${kind}s as data URLs only`);
  const sub = m[1].split('/')[1]?.toLowerCase() ?? '';
  if (kind === 'document')
    return { document: { format: sub || 'pdf', name: 'document', source: { bytes: m[2] } } };
  const format = sub === 'jpg' ? 'jpeg' : sub;
  if (!IMAGE_FORMATS.has(format)) throw badRequest(`Bedrock does not accept image type ${m[1]}`);
  return { image: { format, source: { bytes: m[2] } } };
}

const BLOCKS = { text: (text: string): Json => ({ text }), media: mediaBlock };

function blocksOf(content: unknown): Json[] {
  return contentParts(content, BLOCKS);
}

function toolChoice(choice: unknown): Json | undefined {
  if (choice === 'required') return { any: {} };
  if (choice === 'auto') return { auto: {} };
  const name = (choice as Json | undefined)?.function?.name;
  return name ? { tool: { name } } : undefined;
}

/** OpenAI chat.completions request body -> Converse body (the model id goes in the URL). */
export function openAIRequestToConverse(req: Json): Json {
  const system: Json[] = [];
  const messages: Json[] = [];
  let usesTools = false;
  // Converse wants alternating roles: merge consecutive same-role messages (e.g. tool results).
  const push = (role: 'user' | 'assistant', content: Json[]): void => pushTurn(messages, role, content);

  for (const m of req.messages ?? []) {
    switch (m?.role) {
      case 'system':
      case 'developer': {
        const t = textOf(m.content);
        if (t) system.push({ text: t });
        break;
      }
      case 'user':
        push('user', blocksOf(m.content));
        break;
      case 'assistant': {
        const content = blocksOf(m.content);
        for (const tc of m.tool_calls ?? []) {
          if (!tc?.function?.name) continue;
          usesTools = true;
          content.push({
            toolUse: {
              toolUseId: tc.id,
              name: tc.function.name,
              input: parseToolArguments(tc.function.arguments),
            },
          });
        }
        push('assistant', content);
        break;
      }
      case 'tool': {
        usesTools = true;
        const text = textOf(m.content);
        push('user', [{ toolResult: { toolUseId: m.tool_call_id, content: [{ text: text || ' ' }] } }]);
        break;
      }
    }
  }

  const out: Json = { messages };
  if (system.length > 0) out.system = system;
  const inf: Json = {};
  const max = req.max_completion_tokens ?? req.max_tokens;
  if (typeof max === 'number') inf.maxTokens = max;
  if (typeof req.temperature === 'number') inf.temperature = req.temperature;
  if (typeof req.top_p === 'number') inf.topP = req.top_p;
  if (req.stop != null) inf.stopSequences = Array.isArray(req.stop) ? req.stop : [req.stop];
  if (Object.keys(inf).length > 0) out.inferenceConfig = inf;

  const tools = (req.tools ?? []).filter((t: Json) => t?.type === 'function' && t.function?.name);
  // Converse has no "none" choice; tools are still declared when the history holds tool blocks,
  // which Converse requires.
  if (tools.length > 0 && (req.tool_choice !== 'none' || usesTools)) {
    const cfg: Json = {
      tools: tools.map((t: Json) => {
        const spec: Json = {
          name: t.function.name,
          inputSchema: { json: t.function.parameters ?? { type: 'object', properties: {} } },
        };
        if (t.function.description) spec.description = t.function.description;
        return { toolSpec: spec };
      }),
    };
    const choice = req.tool_choice === 'none' ? undefined : toolChoice(req.tool_choice);
    if (choice) cfg.toolChoice = choice;
    out.toolConfig = cfg;
  }
  return out;
}

// ---------- responses ----------

const STOP_TO_FINISH: Record<string, string> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  guardrail_intervened: 'content_filter',
  content_filtered: 'content_filter',
};

export function finishReasonFromConverse(stop: string | undefined): string | null {
  if (!stop) return null;
  return STOP_TO_FINISH[stop] ?? 'stop';
}

/** Converse usage -> mesh Usage; inputTokens excludes cache reads and writes. */
export function usageFromConverse(u: Json | undefined): Usage {
  const cached = u?.cacheReadInputTokens ?? 0;
  const usage: Usage = {
    inputTokens: (u?.inputTokens ?? 0) + cached + (u?.cacheWriteInputTokens ?? 0),
    outputTokens: u?.outputTokens ?? 0,
  };
  if (cached > 0) usage.cachedInputTokens = cached;
  return usage;
}

// Converse answers carry no id (only the x-amzn-requestid header, which the adapter never sees):
// the OpenAI ids are newCompletionId()s.

/** Converse response body -> OpenAI chat.completion. */
export function converseResponseToOpenAI(res: Json, model: string): Json {
  let text = '';
  const toolCalls: Json[] = [];
  for (const b of res.output?.message?.content ?? []) {
    if (typeof b?.text === 'string') text += b.text;
    else if (b?.toolUse) toolCalls.push(toolCall(b.toolUse.toolUseId, b.toolUse.name, b.toolUse.input));
  }
  const message = assistantMessage(text, toolCalls);
  const choice = completionChoice(message, finishReasonFromConverse(res.stopReason) ?? 'stop');
  return chatCompletion(newCompletionId(), model, [choice], usageFromConverse(res.usage));
}

// ---------- stream ----------

export interface ConverseStreamConverter {
  /** One decoded event: its `:event-type` header and JSON payload. */
  push(eventType: string, payload: Json): Json[];
  /** An exception message (`:message-type: exception`). */
  exception(exceptionType: string, message: string): Json[];
  end(): Json[];
}

/**
 * ConverseStream events -> chat.completion.chunk objects. The stream ends with messageStop
 * (stop reason) and then metadata (usage), which becomes the closing usage chunk.
 */
export function converseStreamToOpenAI(opts: { model: string }): ConverseStreamConverter {
  const id = newCompletionId();
  const created = now();
  const model = opts.model;
  let done = false;
  let finish: string | null = null;
  // Converse content block index -> OpenAI tool_calls index.
  const tools = new StreamToolCalls();

  const chunk = (delta: Json, finishReason: string | null = null): Json =>
    completionChunk(id, created, model, delta, finishReason);

  return {
    push(type, ev) {
      if (done) return [];
      switch (type) {
        case 'messageStart':
          return [chunk({ role: 'assistant', content: '' })];
        case 'contentBlockStart': {
          const tu = ev.start?.toolUse;
          if (!tu) return [];
          return [chunk(tools.start(ev.contentBlockIndex, tu.toolUseId, tu.name))];
        }
        case 'contentBlockDelta': {
          const d = ev.delta ?? {};
          if (typeof d.text === 'string') return d.text ? [chunk({ content: d.text })] : [];
          if (d.toolUse) {
            const delta = tools.arguments(ev.contentBlockIndex, d.toolUse.input);
            return delta ? [chunk(delta)] : [];
          }
          return []; // reasoningContent has no OpenAI chat equivalent
        }
        case 'messageStop':
          finish = finishReasonFromConverse(ev.stopReason) ?? 'stop';
          return [chunk({}, finish)];
        case 'metadata':
          done = true;
          return [usageChunk(id, created, model, usageFromConverse(ev.usage))];
        default:
          return []; // contentBlockStop and future events
      }
    },
    exception(exceptionType, message) {
      if (done) return [];
      done = true;
      return [{ error: { message: message || exceptionType, type: exceptionType, code: exceptionType } }];
    },
    end() {
      if (done) return [];
      done = true;
      return [{ error: { message: 'upstream stream ended before its metadata event', type: 'api_error' } }];
    },
  };
}
