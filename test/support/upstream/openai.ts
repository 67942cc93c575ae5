// OpenAI: chat completions, legacy completions, embeddings and models. Azure OpenAI reuses these
// handlers (see azure.ts) and differs in auth, errors, model naming and content-filter fields.
import { type Frames, gate, makeError, sendError, sendResult, writeStream } from './http.ts';
import {
  type Choice,
  countTokens,
  embeddingVector,
  type Finish,
  type Plan,
  plan,
  splitChunks,
  type ToolChoice,
} from './text.ts';
import type { Ctx, Dialect, ErrorKind, UpstreamError } from './types.ts';

// ---- dialect -----------------------------------------------------------------------------------

const ERROR_TYPES: Record<ErrorKind, [type: string, code: string | null]> = {
  bad_request: ['invalid_request_error', null],
  context_length: ['invalid_request_error', 'context_length_exceeded'],
  auth: ['invalid_request_error', 'invalid_api_key'],
  permission: ['invalid_request_error', 'unsupported_country_region_territory'],
  not_found: ['invalid_request_error', 'model_not_found'],
  timeout: ['timeout', null],
  too_large: ['invalid_request_error', null],
  rate_limit: ['requests', 'rate_limit_exceeded'],
  server: ['server_error', null],
  unavailable: ['server_error', null],
  overloaded: ['server_error', null],
};

export function openaiErrorJson(err: UpstreamError): string {
  const [type, code] = ERROR_TYPES[err.kind];
  const param = err.kind === 'context_length' ? 'messages' : null;
  return JSON.stringify({ error: { message: err.message, type, param, code } });
}

export function openaiContextMessage(promptTokens: number, window: number): string {
  return (
    `This model's maximum context length is ${window} tokens. However, your messages resulted in ` +
    `${promptTokens} tokens. Please reduce the length of the messages.`
  );
}

export const openaiDialect: Dialect = {
  name: 'openai',
  requestIdHeader: 'x-request-id',
  authenticate(ctx) {
    const auth = ctx.req.headers.authorization;
    const key = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (!key) {
      return makeError(
        ctx,
        'auth',
        "You didn't provide an API key. You need to provide your API key in an Authorization header " +
          'using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).',
      );
    }
    const allowed = ctx.state.options.apiKeys;
    if (allowed && !allowed.includes(key)) {
      return makeError(ctx, 'auth', `Incorrect API key provided: ${key.slice(0, 3)}...${key.slice(-4)}.`);
    }
    return undefined;
  },
  errorResponse: (err) => ({
    status: err.status,
    headers: { 'content-type': 'application/json' },
    body: openaiErrorJson(err),
  }),
  streamError: (err) => `data: ${openaiErrorJson(err)}\n\n`,
  contextLengthMessage: openaiContextMessage,
};

// ---- chat completions --------------------------------------------------------------------------

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let out = '';
  for (const part of content) {
    if (part && typeof part.text === 'string') out += (out ? ' ' : '') + part.text;
  }
  return out;
}

const FINISH: Record<Finish, string> = {
  stop: 'stop',
  length: 'length',
  tool: 'tool_calls',
  stop_sequence: 'stop',
};

export function usageJson(prompt: number, completion: number) {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

const isAzure = (ctx: Ctx) => ctx.dialect.name === 'azure-openai';

/** Azure's content-filter annotations (part of its real response shape). */
const SAFE = { filtered: false, severity: 'safe' };
const CONTENT_FILTER = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };
const PROMPT_FILTER = [{ prompt_index: 0, content_filter_results: CONTENT_FILTER }];

function badRequest(ctx: Ctx, message: string): void {
  sendError(ctx, makeError(ctx, 'bad_request', message));
}

interface ChatRequest {
  promptTokens: number;
  plan: Plan;
  stream: boolean;
  includeUsage: boolean;
}

function parseChat(ctx: Ctx): ChatRequest | string {
  const b = ctx.body;
  if (!b || typeof b !== 'object') return 'We could not parse the JSON body of your request.';
  if (!ctx.model) return 'you must provide a model parameter';
  const messages = b.messages;
  if (!Array.isArray(messages) || messages.length === 0) return "[] is too short - 'messages'";
  // Azure api-versions before 2024-12-01-preview have no developer role (their schema refuses it).
  const version = isAzure(ctx) ? (ctx.query.get('api-version') ?? '') : '';
  if (version && version.slice(0, 10) < '2024-12-01' && messages.some((m: any) => m?.role === 'developer'))
    return "Invalid value: 'developer'. Supported values are: 'system', 'assistant', 'user', 'function', and 'tool'.";
  let promptTokens = 0;
  let prompt = '';
  for (const m of messages) {
    const text = textOf(m?.content);
    promptTokens += countTokens(text);
    if (m?.role === 'user' || m?.role === 'tool' || m?.role === 'function') prompt = text;
  }
  const last = messages.at(-1)?.role;
  const tools = Array.isArray(b.tools)
    ? b.tools.filter((t: any) => t?.function?.name).map((t: any) => t.function)
    : [];
  const tc = b.tool_choice;
  const toolChoice: ToolChoice =
    tc === 'none' || tc === 'required' ? tc : tc?.function?.name ? { name: tc.function.name } : 'auto';
  const rf = b.response_format;
  const json =
    rf?.type === 'json_object'
      ? {}
      : rf?.type === 'json_schema'
        ? { schema: rf.json_schema?.schema }
        : undefined;
  const f = ctx.fault;
  const p = plan({
    prompt,
    afterToolResult: last === 'tool' || last === 'function',
    tools,
    toolChoice,
    parallelTools: b.parallel_tool_calls !== false,
    words: f.words ?? Math.max(ctx.state.options.words, f.chunks ?? 0),
    maxTokens: b.max_completion_tokens ?? b.max_tokens ?? undefined,
    stop: typeof b.stop === 'string' ? [b.stop] : Array.isArray(b.stop) ? b.stop : undefined,
    n: Number.isInteger(b.n) && b.n > 0 ? b.n : 1,
    json,
    idPrefix: 'call_',
    seq: ctx.record.seq,
  });
  return {
    promptTokens,
    plan: p,
    stream: b.stream === true,
    includeUsage: b.stream_options?.include_usage === true,
  };
}

function chatMessage(c: Choice) {
  if (c.toolCalls.length === 0) return { role: 'assistant', content: c.text, refusal: null, annotations: [] };
  return {
    role: 'assistant',
    content: null,
    tool_calls: c.toolCalls.map((t) => ({
      id: t.id,
      type: 'function',
      function: { name: t.name, arguments: t.argsJson },
    })),
    refusal: null,
    annotations: [],
  };
}

export async function chatCompletions(ctx: Ctx): Promise<void> {
  const r = parseChat(ctx);
  if (typeof r === 'string') return badRequest(ctx, r);
  if (!gate(ctx, r.promptTokens, r.stream)) return;
  const id = `chatcmpl-${ctx.record.seq}`;
  const created = Math.floor(Date.now() / 1000);
  if (r.stream) return writeStream(ctx, 'text/event-stream; charset=utf-8', chatFrames(ctx, r, id, created));
  const azure = isAzure(ctx);
  const choices = r.plan.choices.map((c) => {
    const out: Record<string, unknown> = {
      index: c.index,
      message: chatMessage(c),
      logprobs: null,
      finish_reason: FINISH[c.finish],
    };
    if (azure) out.content_filter_results = CONTENT_FILTER;
    return out;
  });
  const body: Record<string, unknown> = {
    id,
    object: 'chat.completion',
    created,
    model: ctx.model,
    choices,
    usage: usageJson(r.promptTokens, r.plan.completionTokens),
    service_tier: 'default',
    system_fingerprint: 'fp_upstream',
  };
  if (azure) body.prompt_filter_results = PROMPT_FILTER;
  sendResult(ctx, body);
}

/** SSE frames built by string concatenation around a precomputed prefix: the benchmark hot path. */
function chatFrames(ctx: Ctx, r: ChatRequest, id: string, created: number): Frames {
  const pre =
    `data: {"id":"${id}","object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(ctx.model)},` +
    '"service_tier":"default","system_fingerprint":"fp_upstream","choices":[';
  const post = r.includeUsage ? '],"usage":null}\n\n' : ']}\n\n';
  const frame = (choice: number, delta: string, finish = 'null') =>
    `${pre}{"index":${choice},"delta":${delta},"logprobs":null,"finish_reason":${finish}}${post}`;
  const frames: Frames = { head: [], content: [], tail: [] };
  if (isAzure(ctx)) {
    frames.head.push(
      `data: ${JSON.stringify({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: PROMPT_FILTER })}\n\n`,
    );
  }
  const k = ctx.fault.chunks;
  for (const c of r.plan.choices) {
    if (c.toolCalls.length === 0) {
      frames.head.push(frame(c.index, '{"role":"assistant","content":"","refusal":null}'));
      for (const piece of splitChunks(c.text, k))
        frames.content.push(frame(c.index, `{"content":${JSON.stringify(piece)}}`));
    } else {
      c.toolCalls.forEach((t, j) => {
        const start = `{"index":${j},"id":"${t.id}","type":"function","function":{"name":${JSON.stringify(t.name)},"arguments":""}}`;
        const startFrame = frame(
          c.index,
          `{"role":"assistant","content":null,"tool_calls":[${start}],"refusal":null}`,
        );
        (j === 0 ? frames.head : frames.content).push(startFrame);
        for (const piece of splitChunks(t.argsJson, k)) {
          frames.content.push(
            frame(
              c.index,
              `{"tool_calls":[{"index":${j},"function":{"arguments":${JSON.stringify(piece)}}}]}`,
            ),
          );
        }
      });
    }
    frames.tail.push(frame(c.index, '{}', `"${FINISH[c.finish]}"`));
  }
  if (r.includeUsage) {
    const usage = JSON.stringify(usageJson(r.promptTokens, r.plan.completionTokens));
    frames.tail.push(`${pre}],"usage":${usage}}\n\n`);
  }
  frames.tail.push('data: [DONE]\n\n');
  return frames;
}

// ---- legacy completions ------------------------------------------------------------------------

export async function completions(ctx: Ctx): Promise<void> {
  const b = ctx.body;
  if (!ctx.model) return badRequest(ctx, 'you must provide a model parameter');
  const prompts: string[] =
    typeof b?.prompt === 'string' ? [b.prompt] : Array.isArray(b?.prompt) ? b.prompt.map(String) : [''];
  const n = Number.isInteger(b.n) && b.n > 0 ? b.n : 1;
  const f = ctx.fault;
  const promptTokens = prompts.reduce((s, p) => s + countTokens(p), 0);
  const stream = b.stream === true;
  if (!gate(ctx, promptTokens, stream)) return;
  const choices: Choice[] = [];
  let completionTokens = 0;
  prompts.forEach((prompt, p) => {
    const out = plan({
      prompt,
      words: f.words ?? Math.max(ctx.state.options.words, f.chunks ?? 0),
      maxTokens: b.max_tokens ?? 16, // the legacy API's own default
      stop: typeof b.stop === 'string' ? [b.stop] : Array.isArray(b.stop) ? b.stop : undefined,
      n,
    });
    for (const c of out.choices) {
      choices.push({ ...c, index: p * n + c.index, text: b.echo ? `${prompt} ${c.text}` : c.text });
    }
    completionTokens += out.completionTokens;
  });
  const id = `cmpl-${ctx.record.seq}`;
  const created = Math.floor(Date.now() / 1000);
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
  const head = {
    id,
    object: 'text_completion',
    created,
    model: ctx.model,
    system_fingerprint: 'fp_upstream',
  };
  const choiceJson = (c: Choice, text: string, finish: string | null) => ({
    text,
    index: c.index,
    logprobs: null,
    finish_reason: finish,
  });
  if (!stream) {
    const list = choices.map((c) => choiceJson(c, c.text, FINISH[c.finish]));
    return sendResult(ctx, { ...head, choices: list, usage });
  }
  const includeUsage = b.stream_options?.include_usage === true;
  const event = (choices: unknown[], u?: unknown) =>
    `data: ${JSON.stringify(includeUsage ? { ...head, choices, usage: u ?? null } : { ...head, choices })}\n\n`;
  const frames: Frames = { head: [], content: [], tail: [] };
  for (const c of choices) {
    for (const piece of splitChunks(c.text, f.chunks))
      frames.content.push(event([choiceJson(c, piece, null)]));
    frames.tail.push(event([choiceJson(c, '', FINISH[c.finish])]));
  }
  if (includeUsage) frames.tail.push(event([], usage));
  frames.tail.push('data: [DONE]\n\n');
  return writeStream(ctx, 'text/event-stream; charset=utf-8', frames);
}

// ---- embeddings --------------------------------------------------------------------------------

/** Serialised vectors by (format, dims, input): benchmarks repeat the same inputs. */
const vectorCache = new Map<string, string>();

function vectorJson(text: string, dims: number, base64: boolean): string {
  const key = `${base64 ? 'b' : 'f'}${dims}:${text}`;
  let out = vectorCache.get(key);
  if (out === undefined) {
    const v = embeddingVector(text, dims);
    out = base64 ? `"${Buffer.from(v.buffer).toString('base64')}"` : `[${Array.from(v).join(',')}]`;
    if (vectorCache.size >= 512) vectorCache.clear();
    vectorCache.set(key, out);
  }
  return out;
}

function embeddingInputs(input: unknown): { texts: string[]; tokens: number } | undefined {
  const one = (x: unknown): [string, number] | undefined => {
    if (typeof x === 'string') return [x, countTokens(x)];
    if (Array.isArray(x) && x.every((t) => typeof t === 'number')) return [JSON.stringify(x), x.length];
    return undefined;
  };
  const list = Array.isArray(input) && input.some((x) => typeof x !== 'number') ? input : [input];
  const texts: string[] = [];
  let tokens = 0;
  for (const x of list) {
    const r = one(x);
    if (!r) return undefined;
    texts.push(r[0]);
    tokens += r[1];
  }
  return texts.length > 0 ? { texts, tokens } : undefined;
}

export function embeddings(ctx: Ctx) {
  const b = ctx.body;
  if (!ctx.model) return badRequest(ctx, 'you must provide a model parameter');
  const inputs = embeddingInputs(b?.input);
  if (!inputs) return badRequest(ctx, "'$.input' is invalid. Please check the API reference.");
  if (b.dimensions !== undefined && ctx.model.includes('ada-002')) {
    return badRequest(ctx, 'This model does not support specifying dimensions.');
  }
  if (!gate(ctx, inputs.tokens, false)) return;
  const dims =
    Number.isInteger(b.dimensions) && b.dimensions > 0
      ? b.dimensions
      : ctx.model.includes('3-large')
        ? 3072
        : 1536;
  const base64 = b.encoding_format === 'base64';
  const data = inputs.texts.map(
    (t, i) => `{"object":"embedding","index":${i},"embedding":${vectorJson(t, dims, base64)}}`,
  );
  const usage = `{"prompt_tokens":${inputs.tokens},"total_tokens":${inputs.tokens}}`;
  sendResult(
    ctx,
    `{"object":"list","data":[${data.join(',')}],"model":${JSON.stringify(ctx.model)},"usage":${usage}}`,
  );
}

// ---- models ------------------------------------------------------------------------------------

const MODELS = [
  'gpt-4o',
  'gpt-4o-mini',
  'gpt-4.1',
  'gpt-4.1-mini',
  'o4-mini',
  'text-embedding-3-small',
  'text-embedding-3-large',
  'text-embedding-ada-002',
  'gpt-image-1',
  'dall-e-3',
  'whisper-1',
  'gpt-4o-mini-transcribe',
  'tts-1',
  'gpt-4o-mini-tts',
];

const modelJson = (id: string) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'system' });

export function models(ctx: Ctx) {
  if (!gate(ctx, 0, false)) return;
  if (ctx.params.id) return sendResult(ctx, modelJson(ctx.params.id));
  sendResult(ctx, { object: 'list', data: (ctx.state.options.models ?? MODELS).map(modelJson) });
}
