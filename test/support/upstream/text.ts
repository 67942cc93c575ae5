// Deterministic "model": token counting, reply generation, tool calls and embeddings.
//
// The token rule (documented so tests can predict usage): a token is a maximal run of
// non-whitespace characters. Prompt tokens are the words of every text the model reads (system
// prompt, message text, tool results); images, tool definitions and earlier tool-call arguments
// count 0. Completion tokens are the words of the reply; a tool call costs 1 + the words of its
// arguments JSON (written with a space after ':' and ',').

/** Number of whitespace-separated words in `s`. */
export function countTokens(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

const FILLER = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit'];

function words(s: string): string[] {
  const w = s.split(/\s+/).filter(Boolean);
  return w.length > 0 ? w : FILLER;
}

/**
 * The reply to `prompt`: its words repeated cyclically until there are `n` of them, starting at
 * word `offset` (choice i of n>1 uses offset i). An empty prompt echoes lorem-ipsum filler.
 */
export function replyText(prompt: string, n: number, offset = 0): string {
  const w = words(prompt);
  const out = new Array<string>(Math.max(0, n));
  for (let i = 0; i < out.length; i++) out[i] = w[(i + offset) % w.length];
  return out.join(' ');
}

/**
 * Splits `text` into `k` pieces at word boundaries (each piece but the first starts with its
 * space), so the pieces concatenate back to `text`. k defaults to one piece per word.
 */
export function splitChunks(text: string, k?: number): string[] {
  const pieces = text.match(/\s*\S+/g) ?? [];
  if (pieces.length === 0) return text ? [text] : [];
  if (k === undefined || k >= pieces.length || k < 1) {
    // Trailing whitespace (rare) rides on the last piece so nothing is lost.
    const rest = text.length - pieces.join('').length;
    if (rest > 0) pieces[pieces.length - 1] += text.slice(text.length - rest);
    return pieces;
  }
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < k; i++) {
    const end = Math.round(((i + 1) * pieces.length) / k);
    out.push(pieces.slice(start, end).join(''));
    start = end;
  }
  out[out.length - 1] += text.slice(out.join('').length);
  return out;
}

// ---- tool calls and JSON output ----------------------------------------------------------------

export interface ToolDef {
  name: string;
  parameters?: any;
}

export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

export interface ToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
  /** Arguments as JSON text, e.g. `{"city": "Paris"}`. */
  argsJson: string;
}

/** JSON with a space after ':' and ',' (like Anthropic's partial_json), so words are countable. */
export function spacedJson(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(spacedJson).join(', ') + ']';
  if (v !== null && typeof v === 'object') {
    const parts = Object.entries(v).map(([k, x]) => JSON.stringify(k) + ': ' + spacedJson(x));
    return '{' + parts.join(', ') + '}';
  }
  return JSON.stringify(v) ?? 'null';
}

/** A value valid for a JSON schema: enum[0]/const/default, strings echo the prompt, numbers 1. */
export function valueFor(schema: any, prompt: string, depth = 0): unknown {
  if (!schema || typeof schema !== 'object' || depth > 8) return prompt;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('default' in schema) return schema.default;
  const any = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(any) && any.length > 0) return valueFor(any[0], prompt, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (String(type).toLowerCase()) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) out[k] = valueFor(s, prompt, depth + 1);
      return out;
    }
    case 'array':
      return [valueFor(schema.items, prompt, depth + 1)];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return prompt;
  }
}

function pickTools(prompt: string, tools: ToolDef[], choice: ToolChoice, parallel: boolean): ToolDef[] {
  if (tools.length === 0 || choice === 'none') return [];
  if (typeof choice === 'object') return tools.filter((t) => t.name === choice.name).slice(0, 1);
  const lower = prompt.toLowerCase();
  let picked = tools.filter((t) => lower.includes(t.name.toLowerCase()));
  if (picked.length === 0 && choice === 'required') picked = [tools[0]];
  return parallel ? picked : picked.slice(0, 1);
}

// ---- the plan: what every provider renders -----------------------------------------------------

export interface PlanInput {
  /** Text the reply echoes: the last user message (or tool result). */
  prompt: string;
  /** The last message carried a tool result: answer in text, never call a tool again. */
  afterToolResult?: boolean;
  tools?: ToolDef[];
  toolChoice?: ToolChoice;
  parallelTools?: boolean;
  words: number;
  maxTokens?: number;
  stop?: string[];
  n?: number;
  /** JSON output mode: an object built from `schema`, or `{"reply": text}` without one. */
  json?: { schema?: any };
  /** Prefix for tool-call ids (call_, toolu_, tooluse_). */
  idPrefix?: string;
  seq?: number;
}

export type Finish = 'stop' | 'length' | 'tool' | 'stop_sequence';

export interface Choice {
  index: number;
  text: string;
  toolCalls: ToolCall[];
  finish: Finish;
  stopSequence?: string;
  tokens: number;
}

export interface Plan {
  choices: Choice[];
  completionTokens: number;
}

function textChoice(input: PlanInput, index: number): Choice {
  let n = input.words;
  let finish: Finish = 'stop';
  if (input.maxTokens !== undefined && input.maxTokens < n) {
    n = Math.max(0, input.maxTokens);
    finish = 'length';
  }
  let text = replyText(input.prompt, n, index);
  if (input.json) {
    const value = input.json.schema ? valueFor(input.json.schema, text) : { reply: text };
    text = spacedJson(value);
  }
  let stopSequence: string | undefined;
  for (const s of input.stop ?? []) {
    const at = s ? text.indexOf(s) : -1;
    if (at >= 0 && (stopSequence === undefined || at < text.indexOf(stopSequence))) stopSequence = s;
  }
  if (stopSequence !== undefined) {
    text = text.slice(0, text.indexOf(stopSequence)).trimEnd();
    finish = 'stop_sequence';
  }
  return { index, text, toolCalls: [], finish, stopSequence, tokens: countTokens(text) };
}

/** Decides the reply: tool calls when asked for (see pickTools), otherwise echo text. */
export function plan(input: PlanInput): Plan {
  const choices: Choice[] = [];
  const tools = input.afterToolResult
    ? []
    : pickTools(input.prompt, input.tools ?? [], input.toolChoice ?? 'auto', input.parallelTools ?? true);
  for (let i = 0; i < (input.n ?? 1); i++) {
    if (tools.length === 0) {
      choices.push(textChoice(input, i));
      continue;
    }
    const calls = tools.map((t, j) => {
      const args = valueFor(t.parameters ?? { type: 'object' }, input.prompt) as Record<string, unknown>;
      const id = `${input.idPrefix ?? 'call_'}${input.seq ?? 0}x${i}x${j}`;
      return { id, name: t.name, args, argsJson: spacedJson(args) };
    });
    const tokens = calls.reduce((sum, c) => sum + 1 + countTokens(c.argsJson), 0);
    choices.push({ index: i, text: '', toolCalls: calls, finish: 'tool', tokens });
  }
  return { choices, completionTokens: choices.reduce((s, c) => s + c.tokens, 0) };
}

// ---- embeddings --------------------------------------------------------------------------------

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A unit-length vector that depends only on (text, dims). */
export function embeddingVector(text: string, dims: number): Float32Array {
  let seed = fnv1a(text) || 1;
  const v = new Float32Array(dims);
  let norm = 0;
  for (let i = 0; i < dims; i++) {
    // mulberry32: tiny, fast and good enough for distinct-looking vectors.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const x = ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
    v[i] = x;
    norm += x * x;
  }
  const scale = 1 / Math.sqrt(norm || 1);
  for (let i = 0; i < dims; i++) v[i] *= scale;
  return v;
}
