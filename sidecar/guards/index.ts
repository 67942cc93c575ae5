// A rule's guard set, compiled once per snapshot rule: which guards run, in which order (cheap and
// blocking first), and how they meet OpenAI-shaped bodies: prompt texts out of chat messages,
// Responses requests (instructions, input items), completion prompts and embedding inputs;
// completion texts out of responses (chat completions, Response objects) and streams (chat
// chunks, typed Responses events: ./typed-stream.ts).
import type { GuardsConfig, Operation } from '../snapshot/schema.ts';
import { denyPatternsGuard } from './deny-patterns.ts';
import {
  applyMasks,
  type Finding,
  type Guard,
  kindsOf,
  type PromptText,
  type ResponseScanner,
  type Span,
} from './guard.ts';
import { injectionGuard } from './injection.ts';
import { maxPromptTokensGuard } from './max-prompt-tokens.ts';
import { piiGuard } from './pii.ts';
import { type StreamScan, streamScan } from './stream.ts';
import { checkTypedStream, isTypedEvent } from './typed-stream.ts';

export type { Finding, Guard } from './guard.ts';

type Json = Record<string, any>;

export interface RequestVerdict {
  findings: Finding[];
  /** The first blocking finding: the call must be refused with its status and message. */
  block?: Finding;
  /** A guard rewrote the body (mask). */
  changed: boolean;
}

/** A prompt text a guard rewrote: its position among the prompt's texts, and the new text. */
export type MaskedText = [index: number, text: string];

export interface InspectedRequest {
  findings: Finding[];
  block?: Finding;
  masked: MaskedText[];
}

export interface GuardSet {
  readonly guards: readonly Guard[];
  /**
   * Runs the request guards over the body's texts; masks in place. `tokens` counts the prompt
   * tokens; `tokensAtMost`, when given, bounds them cheaply (a guard counts only when it must).
   */
  checkRequest(
    body: Json,
    operation: Operation,
    tokens: () => number,
    tokensAtMost?: () => number,
  ): RequestVerdict;
  /**
   * checkRequest without writing back: the masked texts by their position among the prompt's
   * texts (a worker thread inspects its own copy of the body; see ../offload).
   */
  inspectRequest(
    body: Json,
    operation: Operation,
    tokens: () => number,
    tokensAtMost?: () => number,
  ): InspectedRequest;
  /** Writes texts masked by inspectRequest (on another copy of the same body) into this body. */
  applyMasked(body: Json, operation: Operation, masked: readonly MaskedText[]): boolean;
  /** True when completions must be inspected. */
  readonly inspectsResponses: boolean;
  /** A whole (non-streamed) completion body; masks in place. */
  checkResponse(body: Json): RequestVerdict;
  /** Wraps a stream of chat.completion(.chunk) objects; a block ends it with an error chunk. */
  checkStream(chunks: AsyncIterable<Json>, record: (f: Finding) => void): AsyncGenerator<Json>;
}

interface Slot {
  text: PromptText;
  owner: Json;
  key: string;
}

/**
 * Every text the model reads: each message's content and text parts (one group per message),
 * the arguments of earlier tool calls, the user / safety_identifier fields; completion prompts and
 * embedding inputs.
 */
function collect(body: Json, operation: Operation): Slot[] {
  const slots: Slot[] = [];
  const add = (owner: Json, key: string, role: string, group?: number) => {
    if (typeof owner[key] === 'string')
      slots.push({
        text: group === undefined ? { role, text: owner[key] } : { role, text: owner[key], group },
        owner,
        key,
      });
  };
  if (
    operation === 'chat' &&
    !Array.isArray(body.messages) &&
    (body.input !== undefined || 'instructions' in body)
  ) {
    // A Responses request: instructions, then each input item's texts (one group per item).
    add(body, 'instructions', 'system');
    if (typeof body.input === 'string') add(body, 'input', 'user');
    else if (Array.isArray(body.input))
      body.input.forEach((item: Json, i: number) => {
        if (!item || typeof item !== 'object') return;
        const role = typeof item.role === 'string' ? item.role : 'user';
        if (typeof item.content === 'string') add(item, 'content', role);
        else if (Array.isArray(item.content))
          for (const part of item.content) if (part && typeof part === 'object') add(part, 'text', role, i);
        add(item, 'arguments', 'tool_call');
        add(item, 'output', 'tool');
      });
    add(body, 'user', 'user_field');
    add(body, 'safety_identifier', 'user_field');
  } else if (operation === 'chat' && Array.isArray(body.messages)) {
    body.messages.forEach((m: Json, i: number) => {
      if (!m || typeof m !== 'object') return;
      const role = typeof m.role === 'string' ? m.role : 'user';
      if (typeof m.content === 'string') add(m, 'content', role);
      else if (Array.isArray(m.content))
        for (const part of m.content) if (part && typeof part === 'object') add(part, 'text', role, i);
      if (Array.isArray(m.tool_calls))
        for (const tc of m.tool_calls)
          if (tc?.function && typeof tc.function === 'object') add(tc.function, 'arguments', 'tool_call');
    });
    add(body, 'user', 'user_field');
    add(body, 'safety_identifier', 'user_field');
  } else if (operation === 'completions' || operation === 'embeddings') {
    const key = operation === 'completions' ? 'prompt' : 'input';
    const role = key;
    if (typeof body[key] === 'string') add(body, key, role);
    else if (Array.isArray(body[key])) {
      const arr = body[key] as unknown[];
      for (let i = 0; i < arr.length; i++)
        if (typeof arr[i] === 'string') add(arr as unknown as Json, String(i), role);
    }
  }
  return slots;
}

/** The texts of a request the model reads (what classifier guards are asked about). */
export function promptTexts(body: Json, operation: Operation): string[] {
  return collect(body, operation).map((s) => s.text.text);
}

/** The texts of a completion (message content, tool-call arguments, completion text). */
export function completionTexts(body: Json): string[] {
  return responseSlots(body).map((s) => s.text.text);
}

/** Completion texts of a chat.completion / text_completion body, or of a Response's output items. */
function responseSlots(body: Json): Slot[] {
  const slots: Slot[] = [];
  if (Array.isArray(body.output)) {
    for (const item of body.output) outputItemSlots(item, slots);
    return slots;
  }
  for (const c of Array.isArray(body.choices) ? body.choices : []) {
    if (!c || typeof c !== 'object') continue;
    const msg = c.message;
    if (msg && typeof msg.content === 'string')
      slots.push({ text: { role: 'assistant', text: msg.content }, owner: msg, key: 'content' });
    for (const tc of Array.isArray(msg?.tool_calls) ? msg.tool_calls : [])
      if (typeof tc?.function?.arguments === 'string')
        slots.push({
          text: { role: 'tool_call', text: tc.function.arguments },
          owner: tc.function,
          key: 'arguments',
        });
    if (typeof c.text === 'string')
      slots.push({ text: { role: 'assistant', text: c.text }, owner: c, key: 'text' });
  }
  return slots;
}

/** The texts of one Response output item: message text parts, function call arguments. */
function outputItemSlots(item: Json, slots: Slot[] = []): Slot[] {
  if (!item || typeof item !== 'object') return slots;
  if (Array.isArray(item.content))
    for (const part of item.content)
      if (typeof part?.text === 'string')
        slots.push({ text: { role: 'assistant', text: part.text }, owner: part, key: 'text' });
  if (typeof item.arguments === 'string')
    slots.push({ text: { role: 'tool_call', text: item.arguments }, owner: item, key: 'arguments' });
  return slots;
}

function responseFinding(scanner: ResponseScanner, spans: Span[]): Finding {
  const kinds = kindsOf(spans);
  const f: Finding = {
    guard: 'pii',
    direction: 'response',
    action: scanner.action,
    kinds,
    count: spans.length,
  };
  if (scanner.action === 'block') {
    f.status = 403;
    f.message = `response blocked by guard pii: the completion contains ${kinds.join(', ')}`;
  }
  return f;
}

/**
 * The request guards in the order they run (a guard's name, its findings' `guard`): cheapest and
 * most decisive first; masking last so blocks never pay for it and nothing before it rewrites text.
 */
export const GUARD_ORDER = ['maxPromptTokens', 'denyPatterns', 'promptInjection', 'pii'] as const;

/** Each guard from its part of the rule's config, when configured. */
const BUILDERS: Record<(typeof GUARD_ORDER)[number], (config: GuardsConfig) => Guard | undefined> = {
  maxPromptTokens: (c) =>
    c.maxPromptTokens !== undefined ? maxPromptTokensGuard(c.maxPromptTokens) : undefined,
  denyPatterns: (c) =>
    c.denyPatterns && c.denyPatterns.length > 0 ? denyPatternsGuard(c.denyPatterns) : undefined,
  promptInjection: (c) => (c.promptInjection ? injectionGuard(c.promptInjection) : undefined),
  pii: (c) => (c.pii && c.pii.types.length > 0 ? piiGuard(c.pii) : undefined),
};

/** undefined when the rule has no guards. Throws on an invalid deny pattern. */
export function compileGuards(config: GuardsConfig | undefined): GuardSet | undefined {
  if (!config) return undefined;
  const guards = GUARD_ORDER.flatMap((name) => BUILDERS[name](config) ?? []);
  if (guards.length === 0) return undefined;
  const scanners = guards.flatMap((g) => (g.response ? [g.response] : []));
  const masking = scanners.filter((s) => s.action === 'mask');
  /** Masks the whole texts a typed event repeats (text .done events, items, the final response). */
  const maskWhole = (ev: Json): void => {
    if (masking.length === 0) return;
    const slots: Slot[] = [];
    if (typeof ev.text === 'string')
      slots.push({ text: { role: 'assistant', text: ev.text }, owner: ev, key: 'text' });
    if (typeof ev.arguments === 'string')
      slots.push({ text: { role: 'tool_call', text: ev.arguments }, owner: ev, key: 'arguments' });
    if (typeof ev.part?.text === 'string')
      slots.push({ text: { role: 'assistant', text: ev.part.text }, owner: ev.part, key: 'text' });
    outputItemSlots(ev.item, slots);
    for (const item of Array.isArray(ev.response?.output) ? ev.response.output : [])
      outputItemSlots(item, slots);
    for (const scanner of masking)
      for (const s of slots) {
        const text = s.owner[s.key] as string;
        const spans = scanner.find(text);
        if (spans.length > 0) s.owner[s.key] = applyMasks(text, spans, (k) => scanner.label(k));
      }
  };

  return {
    guards,
    inspectsResponses: scanners.length > 0,

    inspectRequest(body, operation, tokens, tokensAtMost) {
      const slots = collect(body, operation);
      const prompt = { texts: slots.map((s) => s.text), tokens, tokensAtMost };
      const findings: Finding[] = [];
      for (const g of guards) {
        const f = g.request?.(prompt);
        if (!f) continue;
        findings.push(f);
        if (f.action === 'block') return { findings, block: f, masked: [] };
      }
      const masked: MaskedText[] = [];
      for (let i = 0; i < slots.length; i++)
        if (slots[i].owner[slots[i].key] !== slots[i].text.text) masked.push([i, slots[i].text.text]);
      return { findings, masked };
    },

    applyMasked(body, operation, masked) {
      if (masked.length === 0) return false;
      const slots = collect(body, operation);
      for (const [i, text] of masked) if (slots[i]) slots[i].owner[slots[i].key] = text;
      return true;
    },

    checkRequest(body, operation, tokens, tokensAtMost) {
      const { findings, block, masked } = this.inspectRequest(body, operation, tokens, tokensAtMost);
      if (block) return { findings, block, changed: false };
      return { findings, changed: this.applyMasked(body, operation, masked) };
    },

    checkResponse(body) {
      const findings: Finding[] = [];
      let changed = false;
      for (const scanner of scanners) {
        const all: Span[] = [];
        for (const s of responseSlots(body)) {
          const spans = scanner.find(s.text.text);
          if (spans.length === 0) continue;
          all.push(...spans);
          if (scanner.action === 'mask') {
            s.owner[s.key] = applyMasks(s.text.text, spans, (k) => scanner.label(k));
            changed = true;
          }
        }
        if (all.length === 0) continue;
        const f = responseFinding(scanner, all);
        findings.push(f);
        if (f.action === 'block') return { findings, block: f, changed };
      }
      return { findings, changed };
    },

    async *checkStream(source, record): AsyncGenerator<Json> {
      // A native Responses stream is typed events: its own scan (typed-stream.ts).
      const it = source[Symbol.asyncIterator]();
      const first = await it.next();
      if (first.done) return;
      const chunks = (async function* () {
        try {
          yield first.value;
          for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
        } finally {
          await it.return?.();
        }
      })();
      if (isTypedEvent(first.value)) {
        yield* checkTypedStream(scanners, chunks, record, { finding: responseFinding, maskWhole });
        return;
      }
      // One chain of scans per choice index (n > 1 streams interleave choices) and one per tool
      // call of a choice ("<choice>:<tool index>"): arguments are scanned like content.
      const perChoice = new Map<string, StreamScan[]>();
      let blocked: Finding | undefined;
      let last: Json | undefined;
      const scansFor = (index: string): StreamScan[] => {
        let chain = perChoice.get(index);
        if (!chain) {
          chain = scanners.map((scanner) =>
            streamScan(scanner, {
              onFound: (spans) => {
                if (scanner.action !== 'block') record(responseFinding(scanner, spans));
              },
              onBlock: (spans) => {
                blocked = responseFinding(scanner, spans);
                record(blocked);
              },
            }),
          );
          perChoice.set(index, chain);
        }
        return chain;
      };
      const run = (chain: StreamScan[], text: string, final: boolean): string => {
        let out = text;
        for (const scan of chain) out = final ? scan.push(out) + scan.end() : scan.push(out);
        return out;
      };
      const errorChunk = (f: Finding): Json => ({
        error: { message: f.message, type: 'policy_violation', code: 'guard_blocked' },
      });

      // A choice that finished: what its tool-call scans still hold, as tool_calls deltas.
      const releaseToolCalls = (index: number): Json[] => {
        const out: Json[] = [];
        for (const [key, chain] of perChoice) {
          const [choice, tool] = key.split(':');
          if (tool === undefined || Number(choice) !== index) continue;
          perChoice.delete(key);
          const rest = run(chain, '', true);
          if (rest !== '') out.push({ index: Number(tool), function: { arguments: rest } });
        }
        return out;
      };

      for await (const chunk of chunks) {
        if (chunk.error || !Array.isArray(chunk.choices) || chunk.choices.length === 0) {
          yield chunk;
          continue;
        }
        last = chunk;
        for (const choice of chunk.choices) {
          const index = typeof choice.index === 'number' ? choice.index : 0;
          const final = choice.finish_reason != null;
          const holder: Json | undefined =
            choice.delta ?? (typeof choice.text === 'string' ? choice : undefined);
          const key = choice.delta ? 'content' : 'text';
          const text = holder && typeof holder[key] === 'string' ? (holder[key] as string) : '';
          const toolCalls: Json[] = Array.isArray(choice.delta?.tool_calls) ? choice.delta.tool_calls : [];
          for (const tc of toolCalls) {
            const args = tc?.function?.arguments;
            if (typeof args !== 'string' || args === '') continue;
            tc.function.arguments = run(scansFor(`${index}:${tc.index ?? 0}`), args, false);
          }
          if (text === '' && !final) {
            if (blocked) {
              yield errorChunk(blocked);
              return;
            }
            continue;
          }
          const out = run(scansFor(String(index)), text, final);
          const held = final ? releaseToolCalls(index) : [];
          if (blocked) {
            yield errorChunk(blocked);
            return;
          }
          if (holder && (typeof holder[key] === 'string' || out !== '')) holder[key] = out;
          else if (out !== '') choice.delta = { ...(choice.delta ?? {}), content: out };
          if (held.length > 0)
            choice.delta = { ...(choice.delta ?? {}), tool_calls: [...toolCalls, ...held] };
          if (final) perChoice.delete(String(index));
        }
        yield chunk;
      }
      // The upstream ended without finish_reason: release what is held.
      for (const [key, chain] of perChoice) {
        const [choice, tool] = key.split(':');
        const index = Number(choice);
        const out = run(chain, '', true);
        if (blocked) {
          yield errorChunk(blocked);
          return;
        }
        if (out === '') continue;
        if (tool !== undefined) {
          yield {
            id: last?.id,
            object: 'chat.completion.chunk',
            created: last?.created,
            model: last?.model,
            choices: [
              {
                index,
                delta: { tool_calls: [{ index: Number(tool), function: { arguments: out } }] },
                finish_reason: null,
              },
            ],
          };
          continue;
        }
        const isChat = last?.object !== 'text_completion';
        yield {
          id: last?.id,
          object: last?.object ?? 'chat.completion.chunk',
          created: last?.created,
          model: last?.model,
          choices: [
            isChat
              ? { index, delta: { content: out }, finish_reason: null }
              : { index, text: out, finish_reason: null },
          ],
        };
      }
    },
  };
}
