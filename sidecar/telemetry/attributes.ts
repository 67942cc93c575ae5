// What a call becomes in a trace: span names and attributes following the OpenTelemetry GenAI
// semantic conventions v1.41 (https://opentelemetry.io/docs/specs/semconv/gen-ai/), plus the
// mesh's own aimesh.* attributes. Pure functions (unit-tested). Attributes that depend only on
// the snapshot (route, rule, provider, server address) are built once per snapshot object and
// cached in WeakMaps, so a call only adds what is its own.
import type { Attributes } from '@opentelemetry/api';
import type { RuntimeProvider, RuntimeRule, RuntimeSnapshot } from '../config/runtime.ts';
import type { Attempt, Call } from '../pipeline/call.ts';
import type { Operation } from '../snapshot/index.ts';

type Json = Record<string, any>;

/** gen_ai.operation.name for a sidecar operation (images/audio have no semconv name of their own). */
export function genAiOperation(operation: Operation): string {
  switch (operation) {
    case 'chat':
      return 'chat';
    case 'completions':
      return 'text_completion';
    case 'embeddings':
      return 'embeddings';
    default:
      return 'generate_content';
  }
}

/** `{gen_ai.operation.name} {gen_ai.request.model}`, or the operation alone without a model. */
export function clientSpanName(operation: string, model: string | undefined): string {
  return model ? `${operation} ${model}` : operation;
}

/** gen_ai.provider.name: the adapter's, else the provider type (an unknown adapter). */
export function genAiProviderName(provider: RuntimeProvider): string {
  return provider.adapter?.genAiProvider ?? provider.config.type;
}

const snapshotAttrs = new WeakMap<RuntimeSnapshot, Attributes>();
/** aimesh.snapshot.version, aimesh.namespace, aimesh.workload. */
export function snapshotAttributes(runtime: RuntimeSnapshot): Attributes {
  let attrs = snapshotAttrs.get(runtime);
  if (!attrs) {
    const workload = runtime.snapshot.workload;
    attrs = Object.freeze({
      'aimesh.snapshot.version': runtime.version,
      'aimesh.namespace': workload.namespace,
      ...(workload.name ? { 'aimesh.workload': workload.name } : {}),
    });
    snapshotAttrs.set(runtime, attrs);
  }
  return attrs;
}

const ruleAttrs = new WeakMap<RuntimeRule, Attributes>();
/** aimesh.route, aimesh.rule. */
export function ruleAttributes(rule: RuntimeRule): Attributes {
  let attrs = ruleAttrs.get(rule);
  if (!attrs) {
    attrs = Object.freeze({ 'aimesh.route': rule.routeId, 'aimesh.rule': rule.name });
    ruleAttrs.set(rule, attrs);
  }
  return attrs;
}

/** aimesh.route.strategy, aimesh.route.choice (a bounded word), aimesh.route.choice_reason (with the score). */
export function routeChoiceAttributes(choice: NonNullable<Call['routeChoice']>): Attributes {
  return {
    'aimesh.route.strategy': choice.strategy,
    'aimesh.route.choice': choice.kind,
    'aimesh.route.choice_reason': choice.reason,
  };
}

/** server.address / server.port of an endpoint URL (default ports filled in). */
export function serverAttributes(endpoint: string): Attributes {
  try {
    const url = new URL(endpoint);
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    return { 'server.address': url.hostname, 'server.port': port };
  } catch {
    return {};
  }
}

/**
 * aimesh.data_residency.jurisdiction / .regions: where the provider processes the data (its
 * AIProvider spec.dataResidency), so a trace shows where every call's data went.
 */
export function residencyAttributes(provider: RuntimeProvider): Attributes {
  const d = provider.config.dataResidency;
  if (!d) return {};
  return {
    'aimesh.data_residency.jurisdiction': d.jurisdiction,
    ...(d.regions ? { 'aimesh.data_residency.regions': d.regions } : {}),
  };
}

const providerAttrs = new WeakMap<RuntimeProvider, Attributes>();
/** gen_ai.provider.name, server.address/port, aimesh.provider (the AIProvider id), data residency. */
export function providerAttributes(provider: RuntimeProvider): Attributes {
  let attrs = providerAttrs.get(provider);
  if (!attrs) {
    attrs = Object.freeze({
      'gen_ai.provider.name': genAiProviderName(provider),
      'aimesh.provider': provider.id,
      ...serverAttributes(provider.config.endpoint),
      ...residencyAttributes(provider),
    });
    providerAttrs.set(provider, attrs);
  }
  return attrs;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * gen_ai.request.max_tokens|temperature|top_p from the OpenAI-shaped request body's top-level
 * fields (a big body read at its top level only is not parsed for them).
 */
export function requestAttributes(field: (name: string) => unknown): Attributes {
  const out: Attributes = {};
  const maxTokens = field('max_completion_tokens') ?? field('max_tokens');
  if (num(maxTokens)) out['gen_ai.request.max_tokens'] = maxTokens;
  const temperature = field('temperature');
  if (num(temperature)) out['gen_ai.request.temperature'] = temperature;
  const topP = field('top_p');
  if (num(topP)) out['gen_ai.request.top_p'] = topP;
  return out;
}

/** What the answer says about itself (OpenAI-shaped completion or chunk). */
export interface ResponseFacts {
  id?: string;
  model?: string;
  /** One per choice, in choice order. */
  finishReasons: string[];
}

/** Reads id, model and finish reasons from an OpenAI-shaped response body (or a Response). */
export function responseFacts(body: Json | undefined): ResponseFacts {
  const facts: ResponseFacts = { finishReasons: [] };
  if (!body) return facts;
  if (typeof body.id === 'string') facts.id = body.id;
  if (typeof body.model === 'string') facts.model = body.model;
  if (Array.isArray(body.choices))
    for (const c of body.choices)
      if (typeof c?.finish_reason === 'string') facts.finishReasons.push(c.finish_reason);
  // A Response (the Responses API, served natively) says how it ended in its status.
  if (body.object === 'response' && typeof body.status === 'string') facts.finishReasons.push(body.status);
  return facts;
}

/** gen_ai.response.* attributes from the facts (absent ones left out). */
export function responseAttributes(facts: ResponseFacts): Attributes {
  const out: Attributes = {};
  if (facts.id) out['gen_ai.response.id'] = facts.id;
  if (facts.model) out['gen_ai.response.model'] = facts.model;
  if (facts.finishReasons.length > 0) out['gen_ai.response.finish_reasons'] = facts.finishReasons;
  return out;
}

/**
 * error.type of a failed attempt: the upstream's HTTP status when it answered (semconv's choice
 * for HTTP clients), else the failure class ('timeout', 'connect_error', 'circuit_open', ...).
 */
export function attemptErrorType(attempt: Attempt): string | undefined {
  if (!attempt.failure) return undefined;
  if (attempt.status !== undefined && attempt.status >= 400) return String(attempt.status);
  return attempt.failure.replaceAll('-', '_');
}

/** Attributes of one upstream attempt known when it starts. */
export function attemptStartAttributes(attempt: Attempt, operation: string): Attributes {
  return {
    'gen_ai.operation.name': operation,
    ...(attempt.model ? { 'gen_ai.request.model': attempt.model } : {}),
    'aimesh.fallback.attempt': attempt.fallback,
    'aimesh.retry.attempt': attempt.retry,
  };
}

// ---- content (opt-in: AIMESH_CAPTURE_CONTENT=true) --------------------------------------------

type Part = Json;

function textParts(content: unknown): Part[] {
  if (typeof content === 'string') return [{ type: 'text', content }];
  if (!Array.isArray(content)) return [];
  const parts: Part[] = [];
  for (const p of content) {
    if (p?.type === 'text' && typeof p.text === 'string') parts.push({ type: 'text', content: p.text });
    else if (p?.type) parts.push({ type: String(p.type) }); // images, audio: the kind, not the bytes
  }
  return parts;
}

function toolCallParts(calls: unknown): Part[] {
  if (!Array.isArray(calls)) return [];
  return calls.map((c) => ({
    type: 'tool_call',
    id: c?.id,
    name: c?.function?.name,
    arguments: c?.function?.arguments,
  }));
}

/** gen_ai.input.messages (semconv JSON shape) from an OpenAI-shaped request body. */
export function inputMessages(body: Json | undefined): string | undefined {
  if (!body) return undefined;
  let messages: Json[];
  if (Array.isArray(body.messages)) {
    messages = body.messages.map((m: Json) =>
      m?.role === 'tool'
        ? { role: 'tool', parts: [{ type: 'tool_call_response', id: m.tool_call_id, response: m.content }] }
        : {
            role: String(m?.role ?? 'user'),
            parts: [...textParts(m?.content), ...toolCallParts(m?.tool_calls)],
          },
    );
  } else if (body.prompt !== undefined || body.input !== undefined) {
    const value = body.prompt ?? body.input;
    const texts = Array.isArray(value) ? value : [value];
    messages = [
      {
        role: 'user',
        parts: texts.map((t) => ({ type: 'text', content: typeof t === 'string' ? t : JSON.stringify(t) })),
      },
    ];
  } else return undefined;
  return JSON.stringify(messages);
}

/** gen_ai.output.messages from an OpenAI-shaped completion (chat or text). */
export function outputMessages(body: Json | undefined): string | undefined {
  if (!body || !Array.isArray(body.choices)) return undefined;
  return JSON.stringify(
    body.choices.map((c: Json) => ({
      role: c?.message?.role ?? 'assistant',
      parts:
        c?.message !== undefined
          ? [...textParts(c.message.content), ...toolCallParts(c.message.tool_calls)]
          : textParts(c?.text),
      finish_reason: c?.finish_reason ?? undefined,
    })),
  );
}

/** Accumulates streamed deltas into gen_ai.output.messages (only when content is captured). */
export class StreamedOutput {
  readonly #choices = new Map<number, { text: string; finish?: string; tools: Map<number, Json> }>();

  push(chunk: Json): void {
    if (!Array.isArray(chunk.choices)) return;
    for (const c of chunk.choices) {
      const index = typeof c?.index === 'number' ? c.index : 0;
      let slot = this.#choices.get(index);
      if (!slot) {
        slot = { text: '', tools: new Map() };
        this.#choices.set(index, slot);
      }
      const delta = c?.delta ?? {};
      if (typeof delta.content === 'string') slot.text += delta.content;
      if (typeof c?.text === 'string') slot.text += c.text;
      if (Array.isArray(delta.tool_calls)) {
        for (const t of delta.tool_calls) {
          const i = typeof t?.index === 'number' ? t.index : 0;
          const tool = slot.tools.get(i) ?? { type: 'tool_call', arguments: '' };
          if (t?.id) tool.id = t.id;
          if (t?.function?.name) tool.name = t.function.name;
          if (typeof t?.function?.arguments === 'string') tool.arguments += t.function.arguments;
          slot.tools.set(i, tool);
        }
      }
      if (typeof c?.finish_reason === 'string') slot.finish = c.finish_reason;
    }
  }

  toJSON(): string {
    return JSON.stringify(
      [...this.#choices.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, s]) => ({
          role: 'assistant',
          parts: [...(s.text ? [{ type: 'text', content: s.text }] : []), ...s.tools.values()],
          finish_reason: s.finish,
        })),
    );
  }
}

// ---- streams without parsing ------------------------------------------------------------------

const FINISH = '"finish_reason":"';
const ID_RE = /"id":\s*"([^"\\]{1,256})"/;
const MODEL_RE = /"model":\s*"([^"\\]{1,256})"/;

/**
 * Reads response facts from raw OpenAI SSE bytes without JSON-parsing every chunk: id and model
 * from the first chunk, finish reasons by a native byte search (a quote inside a JSON string is
 * escaped, so the pattern only matches the real key).
 */
export class SSEFactsScanner {
  readonly facts: ResponseFacts = { finishReasons: [] };
  #seenFirst = false;

  push(buf: Buffer): void {
    if (!this.#seenFirst) {
      this.#seenFirst = true;
      const head = buf.toString('utf8', 0, Math.min(buf.length, 4096));
      this.facts.id = ID_RE.exec(head)?.[1];
      this.facts.model = MODEL_RE.exec(head)?.[1];
    }
    for (let at = buf.indexOf(FINISH); at !== -1; at = buf.indexOf(FINISH, at + FINISH.length)) {
      const start = at + FINISH.length;
      const end = buf.indexOf(0x22, start);
      if (end === -1 || end - start > 64) continue;
      this.facts.finishReasons.push(buf.toString('utf8', start, end));
    }
  }
}
