// OpenAI Chat Completions / Embeddings <-> Gemini generateContent / batchEmbedContents, as pure
// functions. Usage follows the OpenAI convention: input tokens include cached ones, output tokens
// include thinking tokens (as OpenAI's completion_tokens include reasoning tokens).
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
  newCompletionId,
  now,
  parseToolArguments,
  pushTurn,
  textOf,
  toolCall,
  usageChunk,
} from '../shared/openai-shape.ts';

export type { ObjectStreamConverter } from '../shared/json-events.ts';

type Json = Record<string, any>;

// Gemini 3 requires the thought signature of a function call to come back with it. OpenAI tool
// calls have nowhere to keep it but the id, which apps echo verbatim, so it rides there.
const SIGNATURE_SEP = '__thought__';

const MIME_BY_EXT: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  pdf: 'application/pdf',
};

function mediaPart(url: string): Json {
  const m = DATA_URL.exec(url);
  if (m) return { inlineData: { mimeType: m[1], data: m[2] } };
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return { fileData: { mimeType: MIME_BY_EXT[ext] ?? 'image/jpeg', fileUri: url } };
}

const PARTS = {
  text: (text: string): Json => ({ text }),
  media: mediaPart,
  audio: (audio: Json): Json => ({
    inlineData: { mimeType: `audio/${audio.format ?? 'wav'}`, data: audio.data },
  }),
};

function partsOf(content: unknown): Json[] {
  return contentParts(content, PARTS);
}

/** A functionResponse.response must be a JSON object. */
function responseObject(content: unknown): Json {
  const text = textOf(content);
  try {
    const v = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {}
  return { result: text };
}

function functionCallingConfig(choice: unknown): Json | undefined {
  if (choice === 'auto') return { mode: 'AUTO' };
  if (choice === 'none') return { mode: 'NONE' };
  if (choice === 'required') return { mode: 'ANY' };
  const name = (choice as Json | undefined)?.function?.name;
  return name ? { mode: 'ANY', allowedFunctionNames: [name] } : undefined;
}

function generationConfig(req: Json): Json | undefined {
  const g: Json = {};
  const max = req.max_completion_tokens ?? req.max_tokens;
  if (typeof max === 'number') g.maxOutputTokens = max;
  if (typeof req.temperature === 'number') g.temperature = req.temperature;
  if (typeof req.top_p === 'number') g.topP = req.top_p;
  if (typeof req.n === 'number' && req.n > 1) g.candidateCount = req.n;
  if (req.stop != null) g.stopSequences = Array.isArray(req.stop) ? req.stop : [req.stop];
  if (typeof req.presence_penalty === 'number') g.presencePenalty = req.presence_penalty;
  if (typeof req.frequency_penalty === 'number') g.frequencyPenalty = req.frequency_penalty;
  if (typeof req.seed === 'number') g.seed = req.seed;
  const rf = req.response_format;
  if (rf?.type === 'json_object') g.responseMimeType = 'application/json';
  else if (rf?.type === 'json_schema' && rf.json_schema?.schema) {
    g.responseMimeType = 'application/json';
    g.responseJsonSchema = rf.json_schema.schema;
  }
  return Object.keys(g).length > 0 ? g : undefined;
}

/** OpenAI chat.completions request body -> Gemini generateContent body (model goes in the URL). */
export function openAIRequestToGemini(req: Json): Json {
  const system: string[] = [];
  const contents: Json[] = [];
  // Gemini's functionResponse names the function; OpenAI's tool message only has the call id.
  const toolNames = new Map<string, string>();
  const push = (role: 'user' | 'model', parts: Json[]): void => pushTurn(contents, role, parts, 'parts');

  for (const m of req.messages ?? []) {
    switch (m?.role) {
      case 'system':
      case 'developer': {
        const t = textOf(m.content);
        if (t) system.push(t);
        break;
      }
      case 'user':
        push('user', partsOf(m.content));
        break;
      case 'assistant': {
        const parts = partsOf(m.content);
        for (const tc of m.tool_calls ?? []) {
          const name = tc?.function?.name;
          if (!name) continue;
          const id = String(tc.id ?? '');
          toolNames.set(id, name);
          const part: Json = { functionCall: { name, args: parseToolArguments(tc.function.arguments) } };
          const sep = id.indexOf(SIGNATURE_SEP);
          if (sep >= 0) part.thoughtSignature = id.slice(sep + SIGNATURE_SEP.length);
          parts.push(part);
        }
        push('model', parts);
        break;
      }
      case 'tool':
        push('user', [
          {
            functionResponse: {
              name: toolNames.get(String(m.tool_call_id)) ?? String(m.tool_call_id),
              response: responseObject(m.content),
            },
          },
        ]);
        break;
    }
  }

  const out: Json = { contents };
  if (system.length > 0) out.systemInstruction = { parts: [{ text: system.join('\n\n') }] };
  const g = generationConfig(req);
  if (g) out.generationConfig = g;
  const tools = (req.tools ?? []).filter((t: Json) => t?.type === 'function' && t.function?.name);
  if (tools.length > 0) {
    out.tools = [
      {
        functionDeclarations: tools.map((t: Json) => {
          const fn: Json = { name: t.function.name };
          if (t.function.description) fn.description = t.function.description;
          // parametersJsonSchema takes full JSON Schema (parameters only an OpenAPI subset).
          if (t.function.parameters) fn.parametersJsonSchema = t.function.parameters;
          return fn;
        }),
      },
    ];
    const fcc = functionCallingConfig(req.tool_choice);
    if (fcc) out.toolConfig = { functionCallingConfig: fcc };
  }
  return out;
}

// ---------- responses ----------

const FILTERED = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

export function finishReasonFromGemini(reason: string | undefined, hasToolCalls: boolean): string | null {
  if (!reason || reason === 'FINISH_REASON_UNSPECIFIED') return null;
  if (reason === 'MAX_TOKENS') return 'length';
  if (FILTERED.has(reason)) return 'content_filter';
  return hasToolCalls ? 'tool_calls' : 'stop';
}

export function usageFromGemini(m: Json | undefined): Usage {
  const cached = m?.cachedContentTokenCount ?? 0;
  const usage: Usage = {
    inputTokens: (m?.promptTokenCount ?? 0) + (m?.toolUsePromptTokenCount ?? 0),
    outputTokens: (m?.candidatesTokenCount ?? 0) + (m?.thoughtsTokenCount ?? 0),
  };
  if (cached > 0) usage.cachedInputTokens = cached;
  return usage;
}

function toolCallId(part: Json): string {
  const id = part.functionCall?.id ?? `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  return part.thoughtSignature ? `${id}${SIGNATURE_SEP}${part.thoughtSignature}` : id;
}

function toolCallOf(part: Json): Json {
  return toolCall(toolCallId(part), part.functionCall.name, part.functionCall.args);
}

/** Visible text of a candidate's parts (thought summaries are not part of the answer). */
function visibleText(parts: Json[]): string {
  let s = '';
  for (const p of parts) if (typeof p?.text === 'string' && !p.thought) s += p.text;
  return s;
}

/** Gemini GenerateContentResponse -> OpenAI chat.completion (one choice per candidate). */
export function geminiResponseToOpenAI(res: Json, model: string): Json {
  const candidates: Json[] = res.candidates ?? [];
  const choices = candidates.map((c, i) => {
    const parts: Json[] = c.content?.parts ?? [];
    const toolCalls = parts.filter((p) => p?.functionCall).map(toolCallOf);
    const message = assistantMessage(visibleText(parts), toolCalls);
    const finish = finishReasonFromGemini(c.finishReason, toolCalls.length > 0) ?? 'stop';
    return completionChoice(message, finish, c.index ?? i);
  });
  if (choices.length === 0) {
    // The prompt itself was blocked (promptFeedback.blockReason): no candidates at all.
    choices.push(completionChoice({ role: 'assistant', content: null, refusal: null }, 'content_filter'));
  }
  const usage = usageFromGemini(res.usageMetadata);
  return chatCompletion(res.responseId ?? newCompletionId(), res.modelVersion ?? model, choices, usage);
}

// ---------- stream ----------

/**
 * Gemini stream responses (each `data:` of :streamGenerateContent?alt=sse, a partial
 * GenerateContentResponse) -> chat.completion.chunk objects. usageMetadata is cumulative and has
 * no terminal event, so the usage chunk is emitted by end().
 */
export function geminiStreamToOpenAI(opts: { model: string }): ObjectStreamConverter {
  let id = '';
  let model = opts.model;
  const created = now();
  let usage: Json | undefined;
  let done = false;
  let finished = false;
  const started = new Set<number>();
  const toolCount = new Map<number, number>();

  const chunk = (index: number, delta: Json, finish: string | null = null): Json =>
    completionChunk(id, created, model, delta, finish, index);

  return {
    push(res) {
      if (done) return [];
      if (res?.error) {
        done = true;
        const e = res.error;
        return [
          {
            error: {
              message: e.message ?? 'upstream stream error',
              type: e.status ?? 'api_error',
              code: e.code,
            },
          },
        ];
      }
      id ||= res.responseId ?? newCompletionId();
      model = res.modelVersion ?? model;
      if (res.usageMetadata) usage = res.usageMetadata;
      const out: Json[] = [];
      for (const [i, c] of (res.candidates ?? []).entries()) {
        const index: number = c.index ?? i;
        const delta: Json = {};
        if (!started.has(index)) {
          started.add(index);
          delta.role = 'assistant';
        }
        const parts: Json[] = c.content?.parts ?? [];
        const text = visibleText(parts);
        if (text !== '' || delta.role) delta.content = text;
        const calls: Json[] = [];
        for (const p of parts) {
          if (!p?.functionCall) continue;
          const n = toolCount.get(index) ?? 0;
          toolCount.set(index, n + 1);
          calls.push({ index: n, ...toolCallOf(p) });
        }
        if (calls.length > 0) delta.tool_calls = calls;
        if (Object.keys(delta).length > 0) out.push(chunk(index, delta));
        const finish = finishReasonFromGemini(c.finishReason, (toolCount.get(index) ?? 0) > 0);
        if (finish) {
          finished = true;
          out.push(chunk(index, {}, finish));
        }
      }
      return out;
    },
    end() {
      if (done) return [];
      done = true;
      if (!finished)
        return [{ error: { message: 'upstream stream ended before a finishReason', type: 'api_error' } }];
      return [usageChunk(id, created, model, usageFromGemini(usage))];
    },
  };
}

// ---------- embeddings ----------

/** OpenAI embeddings input -> list of texts (token-id arrays have no Gemini equivalent). */
export function embeddingInputs(input: unknown): string[] {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.every((s) => typeof s === 'string')) return input;
  throw Object.assign(new Error('Gemini embeddings accept only string inputs, not token arrays'), {
    status: 400,
    type: 'invalid_request_error',
  });
}

/** OpenAI embeddings request -> Gemini batchEmbedContents body. */
export function openAIEmbeddingsToGemini(req: Json, model: string): Json {
  return {
    requests: embeddingInputs(req.input).map((text) => {
      const r: Json = { model: `models/${model}`, content: { parts: [{ text }] } };
      if (typeof req.dimensions === 'number') r.outputDimensionality = req.dimensions;
      return r;
    }),
  };
}

/** float32 little-endian bytes in base64: OpenAI's `encoding_format: "base64"`. */
export function floatsToBase64(values: number[]): string {
  const f = new Float32Array(values);
  return Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString('base64');
}

/** Gemini batchEmbedContents (or embedContent) response -> OpenAI embeddings list. */
export function geminiEmbeddingsToOpenAI(res: Json, model: string, encoding?: string): Json {
  const list: Json[] = res.embeddings ?? (res.embedding ? [res.embedding] : []);
  const promptTokens = res.usageMetadata?.promptTokenCount ?? 0;
  return {
    object: 'list',
    data: list.map((e, index) => ({
      object: 'embedding',
      index,
      embedding: encoding === 'base64' ? floatsToBase64(e.values ?? []) : (e.values ?? []),
    })),
    model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
