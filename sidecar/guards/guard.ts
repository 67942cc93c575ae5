// The Guard: one content check on prompts and/or completions. A guard is compiled once per
// snapshot rule (regexes built, tables prepared) and then only runs over text.
//   request(prompt)  inspects the prompt before it goes upstream; a masking guard rewrites the
//                    prompt's texts in place; returns a Finding when it saw something.
//   response         a scanner for completion text: find() returns the spans to act on. The
//                    caller applies it to whole bodies and, chunk-boundary safe, to streams.
// Findings never carry the matched text: only the guard, the kinds and a count.

export type Direction = 'request' | 'response';
export type GuardAction = 'block' | 'mask' | 'log';

/** A piece of text a guard matched: [start, end) and what it is (e.g. "email"). */
export interface Span {
  start: number;
  end: number;
  kind: string;
}

/** One text of the prompt (a message's content or part, a completion prompt, an embedding input). */
export interface PromptText {
  /**
   * system, developer, user, assistant, tool; "tool_call" for the arguments of an earlier tool
   * call; "user_field" for the request's user / safety_identifier; "prompt" / "input" for
   * completions and embeddings.
   */
  role: string;
  text: string;
  /** Text parts of one message share a group: the model reads them joined, so guards do too. */
  group?: number;
}

export interface Prompt {
  readonly texts: PromptText[];
  /** Prompt tokens, counted at most once per call and shared by every guard (and the quota step). */
  tokens(): number;
  /** A cheap upper bound of tokens() (no tokenizer), when the caller has one. */
  tokensAtMost?(): number;
}

/** What a guard did: recorded on the call, in spans and metrics. */
export interface Finding {
  guard: string;
  direction: Direction;
  action: GuardAction;
  /** What was found, e.g. ["email", "credit-card"] or ["override-instructions"]. */
  kinds: string[];
  count: number;
  /** Set when action is block: the status for the app (400 size limits, 403 content policy). */
  status?: number;
  /** For blocks: a message naming the guard and the kind, never the matched text. */
  message?: string;
}

export interface ResponseScanner {
  readonly action: GuardAction;
  find(text: string): Span[];
  /** The replacement for a masked span, e.g. "[EMAIL]". */
  label(kind: string): string;
}

export interface Guard {
  readonly name: string;
  request?(prompt: Prompt): Finding | undefined;
  readonly response?: ResponseScanner;
}

/** Replaces the spans (sorted, non-overlapping) by their labels. */
export function applyMasks(text: string, spans: readonly Span[], label: (kind: string) => string): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + label(s.kind);
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * applyMasks over texts the model reads joined (the text parts of one message): spans found in
 * the joined text are masked in the parts they cover, the label written once, where the value
 * starts.
 */
export function applyMasksAcross(
  parts: readonly string[],
  spans: readonly Span[],
  label: (kind: string) => string,
): string[] {
  const out: string[] = [];
  let base = 0;
  for (const part of parts) {
    const end = base + part.length;
    let text = '';
    let at = base;
    for (const s of spans) {
      if (s.end <= base || s.start >= end) continue;
      const from = Math.max(s.start, base);
      text += part.slice(at - base, from - base) + (s.start >= base ? label(s.kind) : '');
      at = Math.min(s.end, end);
    }
    out.push(text + part.slice(at - base));
    base = end;
  }
  return out;
}

/** Sorts spans by start and drops any that overlap an earlier (or longer, same start) one. */
export function resolveOverlaps(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  let end = -1;
  for (const s of spans) {
    if (s.start < end) continue;
    out.push(s);
    end = s.end;
  }
  return out;
}

export function kindsOf(spans: readonly Span[]): string[] {
  return [...new Set(spans.map((s) => s.kind))];
}
