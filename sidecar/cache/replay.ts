// Cached answers are stored as one completion object; a streaming request gets it back as the
// OpenAI chunk sequence (role, content, finish, usage), and a streamed answer is assembled into a
// completion before it is stored. Chat and legacy completions both.

type Json = Record<string, any>;

/** Splits text into chunks of about this many characters, at word boundaries when possible. */
const PIECE = 64;

function pieces(text: string): string[] {
  if (text.length <= PIECE) return [text];
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + PIECE);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > at) end = space + 1;
    }
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

/** chat.completion -> chat.completion.chunk sequence; text_completion -> its stream form. */
export function* replayChunks(completion: Json): Generator<Json> {
  const chat = completion.object !== 'text_completion';
  const base = {
    id: completion.id,
    object: chat ? 'chat.completion.chunk' : 'text_completion',
    created: completion.created,
    model: completion.model,
    ...(completion.system_fingerprint ? { system_fingerprint: completion.system_fingerprint } : {}),
  };
  for (const choice of Array.isArray(completion.choices) ? completion.choices : []) {
    const index = choice.index ?? 0;
    if (chat) {
      const msg = choice.message ?? {};
      yield {
        ...base,
        choices: [{ index, delta: { role: msg.role ?? 'assistant', content: '' }, finish_reason: null }],
      };
      if (typeof msg.content === 'string' && msg.content !== '')
        for (const p of pieces(msg.content))
          yield { ...base, choices: [{ index, delta: { content: p }, finish_reason: null }] };
      if (Array.isArray(msg.tool_calls)) {
        const tool_calls = msg.tool_calls.map((tc: Json, i: number) => ({ index: i, ...tc }));
        yield { ...base, choices: [{ index, delta: { tool_calls }, finish_reason: null }] };
      }
      yield { ...base, choices: [{ index, delta: {}, finish_reason: choice.finish_reason ?? 'stop' }] };
    } else {
      const text = typeof choice.text === 'string' ? choice.text : '';
      for (const p of pieces(text)) yield { ...base, choices: [{ index, text: p, finish_reason: null }] };
      yield { ...base, choices: [{ index, text: '', finish_reason: choice.finish_reason ?? 'stop' }] };
    }
  }
  if (completion.usage) yield { ...base, choices: [], usage: completion.usage };
}

/** Folds stream chunks back into one completion (content, tool calls, finish reasons, usage). */
export class ChunkAssembler {
  #base: Json | undefined;
  readonly #choices = new Map<number, Json>();
  #usage: Json | undefined;
  #failed = false;

  push(chunk: Json): void {
    if (chunk.error) {
      this.#failed = true;
      return;
    }
    this.#base ??= chunk;
    if (chunk.usage) this.#usage = chunk.usage;
    const chat = chunk.object !== 'text_completion';
    for (const c of Array.isArray(chunk.choices) ? chunk.choices : []) {
      const index = c.index ?? 0;
      let acc = this.#choices.get(index);
      if (!acc) {
        acc = chat
          ? { index, message: { role: 'assistant', content: '' }, finish_reason: null }
          : { index, text: '', finish_reason: null };
        this.#choices.set(index, acc);
      }
      if (c.finish_reason != null) acc.finish_reason = c.finish_reason;
      if (!chat) {
        if (typeof c.text === 'string') acc.text += c.text;
        continue;
      }
      const d = c.delta ?? {};
      if (typeof d.role === 'string') acc.message.role = d.role;
      if (typeof d.content === 'string') acc.message.content += d.content;
      if (typeof d.refusal === 'string') acc.message.refusal = (acc.message.refusal ?? '') + d.refusal;
      for (const tc of Array.isArray(d.tool_calls) ? d.tool_calls : []) {
        acc.message.tool_calls ??= [];
        const i = tc.index ?? 0;
        acc.message.tool_calls[i] ??= {
          id: tc.id,
          type: tc.type ?? 'function',
          function: { name: '', arguments: '' },
        };
        const into = acc.message.tool_calls[i];
        if (tc.id) into.id = tc.id;
        if (tc.function?.name) into.function.name += tc.function.name;
        if (tc.function?.arguments) into.function.arguments += tc.function.arguments;
      }
    }
  }

  /** The completion, or undefined when the stream failed or never finished. */
  result(): Json | undefined {
    if (this.#failed || !this.#base || this.#choices.size === 0) return undefined;
    const choices = [...this.#choices.values()].sort((a, b) => a.index - b.index);
    if (choices.some((c) => c.finish_reason == null)) return undefined;
    const chat = this.#base.object !== 'text_completion';
    return {
      id: this.#base.id,
      object: chat ? 'chat.completion' : 'text_completion',
      created: this.#base.created,
      model: this.#base.model,
      ...(this.#base.system_fingerprint ? { system_fingerprint: this.#base.system_fingerprint } : {}),
      choices,
      ...(this.#usage ? { usage: this.#usage } : {}),
    };
  }
}
