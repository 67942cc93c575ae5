// Gemini API: POST /v1beta/models/{model}:{method} for generateContent, streamGenerateContent
// (SSE with ?alt=sse, otherwise a streamed JSON array), countTokens, embedContent and
// batchEmbedContents. The key comes in `x-goog-api-key` or the `key` query parameter.
import { type Frames, gate, makeError, sendError, sendResult, writeStream } from './http.ts';
import {
  type Choice,
  countTokens,
  embeddingVector,
  type Finish,
  plan,
  spacedJson,
  splitChunks,
  type ToolChoice,
} from './text.ts';
import type { Ctx, Dialect, UpstreamError } from './types.ts';

/** Google's canonical status names, chosen by HTTP status like the real API. */
function statusName(err: UpstreamError): string {
  switch (err.status) {
    case 400:
      return 'INVALID_ARGUMENT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'PERMISSION_DENIED';
    case 404:
      return 'NOT_FOUND';
    case 408:
    case 504:
      return 'DEADLINE_EXCEEDED';
    case 429:
      return 'RESOURCE_EXHAUSTED';
    case 503:
      return 'UNAVAILABLE';
    default:
      return err.status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION';
  }
}

const MESSAGES: Partial<Record<UpstreamError['kind'], string>> = {
  rate_limit: 'Resource has been exhausted (e.g. check quota).',
  overloaded: 'The model is overloaded. Please try again later.',
  unavailable: 'The service is currently unavailable.',
  server:
    'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
};

function errorJson(err: UpstreamError): string {
  const message = err.kind === 'context_length' ? err.message : (MESSAGES[err.kind] ?? err.message);
  return JSON.stringify({ error: { code: err.status, message, status: statusName(err) } });
}

const isSse = (ctx: Ctx) => ctx.query.get('alt') === 'sse';

export const geminiDialect: Dialect = {
  name: 'gemini',
  requestIdHeader: 'x-request-id',
  authenticate(ctx) {
    const header = ctx.req.headers['x-goog-api-key'];
    const key = (typeof header === 'string' ? header : '') || ctx.query.get('key') || '';
    if (!key) {
      return makeError(
        ctx,
        'permission',
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key " +
          'or other form of API consumer identity to call this API.',
      );
    }
    const allowed = ctx.state.options.apiKeys;
    if (allowed && !allowed.includes(key)) {
      return makeError(ctx, 'auth', 'API key not valid. Please pass a valid API key.', 400);
    }
    return undefined;
  },
  errorResponse: (err) => ({
    status: err.status,
    headers: { 'content-type': 'application/json' },
    body: errorJson(err),
  }),
  streamError: (err, ctx, written) => {
    if (isSse(ctx)) return `data: ${errorJson(err)}\r\n\r\n`;
    return `${written > 0 ? ',\r\n' : ''}${errorJson(err)}]`;
  },
  contextLengthMessage: (p, w) =>
    `The input token count (${p}) exceeds the maximum number of tokens allowed (${w}).`,
};

// ---- request -----------------------------------------------------------------------------------

/** Text of parts: text parts and function responses (as spaced JSON). */
function textOf(parts: unknown): string {
  if (!Array.isArray(parts)) return '';
  const out: string[] = [];
  for (const p of parts) {
    if (typeof p?.text === 'string') out.push(p.text);
    else if (p?.functionResponse) out.push(spacedJson(p.functionResponse.response ?? {}));
  }
  return out.join(' ');
}

function promptTokensOf(b: any): number {
  const system = b.systemInstruction ?? b.system_instruction;
  let n = countTokens(textOf(system?.parts));
  for (const c of b.contents ?? []) n += countTokens(textOf(c?.parts));
  return n;
}

const FINISH: Record<Finish, string> = {
  stop: 'STOP',
  length: 'MAX_TOKENS',
  tool: 'STOP',
  stop_sequence: 'STOP',
};

function toolChoiceOf(b: any): ToolChoice {
  const cfg = (b.toolConfig ?? b.tool_config)?.functionCallingConfig;
  const mode = String(cfg?.mode ?? 'AUTO').toUpperCase();
  if (mode === 'NONE') return 'none';
  if (mode !== 'ANY') return 'auto';
  const names = cfg.allowedFunctionNames;
  return Array.isArray(names) && names.length === 1 ? { name: names[0] } : 'required';
}

interface GenerateRequest {
  promptTokens: number;
  choices: Choice[];
}

function parse(ctx: Ctx): GenerateRequest | string {
  const b = ctx.body;
  if (!b || typeof b !== 'object') return 'Invalid JSON payload received.';
  if (!Array.isArray(b.contents) || b.contents.length === 0)
    return '* GenerateContentRequest.contents: contents is not specified';
  const lastUser = b.contents.findLast((c: any) => (c?.role ?? 'user') === 'user');
  const last = b.contents.at(-1);
  const tools = (b.tools ?? []).flatMap(
    (t: any) => t?.functionDeclarations ?? t?.function_declarations ?? [],
  );
  const gc = b.generationConfig ?? b.generation_config ?? {};
  const f = ctx.fault;
  const p = plan({
    prompt: textOf(lastUser?.parts),
    afterToolResult: Array.isArray(last?.parts) && last.parts.some((x: any) => x?.functionResponse),
    tools: tools.map((t: any) => ({ name: t.name, parameters: t.parameters ?? t.parametersJsonSchema })),
    toolChoice: toolChoiceOf(b),
    words: f.words ?? Math.max(ctx.state.options.words, f.chunks ?? 0),
    maxTokens: gc.maxOutputTokens,
    stop: gc.stopSequences,
    n: Number.isInteger(gc.candidateCount) && gc.candidateCount > 0 ? gc.candidateCount : 1,
    json:
      gc.responseMimeType === 'application/json'
        ? { schema: gc.responseSchema ?? gc.responseJsonSchema }
        : undefined,
  });
  return { promptTokens: promptTokensOf(b), choices: p.choices };
}

function parts(c: Choice, text = c.text) {
  if (c.toolCalls.length === 0) return [{ text }];
  return c.toolCalls.map((t) => ({ functionCall: { name: t.name, args: t.args } }));
}

function usage(prompt: number, candidates: number) {
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: candidates,
    totalTokenCount: prompt + candidates,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
  };
}

// ---- handlers ----------------------------------------------------------------------------------

function generateContent(ctx: Ctx, stream: boolean): void | Promise<void> {
  const r = parse(ctx);
  if (typeof r === 'string') return sendError(ctx, makeError(ctx, 'bad_request', r));
  if (!gate(ctx, r.promptTokens, stream)) return;
  const common = { modelVersion: ctx.model, responseId: `resp-${ctx.record.seq}` };
  const total = r.choices.reduce((s, c) => s + c.tokens, 0);
  if (!stream) {
    const candidates = r.choices.map((c) => ({
      content: { parts: parts(c), role: 'model' },
      finishReason: FINISH[c.finish],
      index: c.index,
    }));
    return sendResult(ctx, { candidates, usageMetadata: usage(r.promptTokens, total), ...common });
  }
  // Every chunk carries usageMetadata with the running candidate count: read the last one.
  const chunks: string[] = [];
  let emitted = 0;
  for (const c of r.choices) {
    const pieces = c.toolCalls.length > 0 ? [''] : splitChunks(c.text, ctx.fault.chunks);
    pieces.forEach((piece, i) => {
      const lastPiece = i === pieces.length - 1;
      emitted += c.toolCalls.length > 0 ? c.tokens : countTokens(piece);
      const candidate: Record<string, unknown> = {
        content: { parts: parts(c, piece), role: 'model' },
        index: c.index,
      };
      if (lastPiece) candidate.finishReason = FINISH[c.finish];
      chunks.push(
        JSON.stringify({ candidates: [candidate], usageMetadata: usage(r.promptTokens, emitted), ...common }),
      );
    });
  }
  const frames: Frames = isSse(ctx)
    ? { head: [], content: chunks.map((c) => `data: ${c}\r\n\r\n`), tail: [] }
    : { head: ['['], content: chunks.map((c, i) => (i === 0 ? c : `,\r\n${c}`)), tail: [']'] };
  return writeStream(ctx, isSse(ctx) ? 'text/event-stream' : 'application/json; charset=UTF-8', frames);
}

function embedDims(ctx: Ctx, requested: unknown): number {
  if (Number.isInteger(requested) && (requested as number) > 0) return requested as number;
  return ctx.model.startsWith('gemini-embedding') ? 3072 : 768;
}

function embedOne(ctx: Ctx, req: any): { values: number[] } {
  return {
    values: Array.from(
      embeddingVector(textOf(req?.content?.parts), embedDims(ctx, req?.outputDimensionality)),
    ),
  };
}

export function gemini(ctx: Ctx): void | Promise<void> {
  const b = ctx.body ?? {};
  switch (ctx.params.method) {
    case 'generateContent':
      return generateContent(ctx, false);
    case 'streamGenerateContent':
      return generateContent(ctx, true);
    case 'countTokens': {
      if (!gate(ctx, 0, false)) return;
      const tokens = promptTokensOf(b.generateContentRequest ?? b);
      return sendResult(ctx, {
        totalTokens: tokens,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: tokens }],
      });
    }
    case 'embedContent':
      if (!gate(ctx, countTokens(textOf(b.content?.parts)), false)) return;
      return sendResult(ctx, { embedding: embedOne(ctx, b) });
    case 'batchEmbedContents': {
      const requests = Array.isArray(b.requests) ? b.requests : [];
      const tokens = requests.reduce((s: number, q: any) => s + countTokens(textOf(q?.content?.parts)), 0);
      if (!gate(ctx, tokens, false)) return;
      return sendResult(ctx, { embeddings: requests.map((q: any) => embedOne(ctx, q)) });
    }
    default:
      return sendError(ctx, makeError(ctx, 'not_found', `Method ${ctx.params.method} not found.`));
  }
}
