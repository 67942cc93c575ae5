// Results of a pure function of a long text, kept for the last few texts. A conversation's history
// is sent again with every turn, and a long text costs milliseconds to tokenize or scan where a
// Map finds it in microseconds (V8 keys a long string by its length, then compares characters).
// Bounded by count and by characters held; the oldest go first. Short texts are not kept.

export interface TextMemoOptions {
  /** Texts shorter than this are computed every time (default 4096 characters). */
  minLength?: number;
  /** Texts kept at most (default 16). */
  texts?: number;
  /** Characters kept at most, all texts together (default 2 Mi). */
  chars?: number;
}

/**
 * fn with the results of long texts kept. The results are shared between calls with the same
 * text: copy (or do not mutate) a mutable result.
 */
export function memoLongTexts<T>(fn: (text: string) => T, opts: TextMemoOptions = {}): (text: string) => T {
  const minLength = opts.minLength ?? 4096;
  const maxTexts = opts.texts ?? 16;
  const maxChars = opts.chars ?? 2 << 20;
  const kept = new Map<string, T>();
  let chars = 0;
  return (text) => {
    if (text.length < minLength) return fn(text);
    if (kept.has(text)) return kept.get(text) as T;
    const result = fn(text);
    if (text.length > maxChars) return result;
    kept.set(text, result);
    chars += text.length;
    for (const [t] of kept) {
      if (chars <= maxChars && kept.size <= maxTexts) break;
      kept.delete(t);
      chars -= t.length;
    }
    return result;
  };
}
