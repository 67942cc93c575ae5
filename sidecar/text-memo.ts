// Results of pure functions of long texts, kept for the last few texts. A conversation's history
// is sent again with every turn, and a long text costs milliseconds to tokenize or scan where a
// Map finds it in microseconds (V8 keys a long string by its length, then compares characters).
// One store per thread for every such function (the token count, each guard's scan): bounded by
// texts and by characters held, whatever the number of rules and guards; the least recently
// used text goes first. Short texts are not kept.

/** Texts shorter than this are computed every time. */
export const MEMO_MIN_LENGTH = 4096;
/** Texts kept at most. */
export const MEMO_TEXTS = 16;
/** Characters kept at most, all texts together (a longer text is not kept). */
export const MEMO_CHARS = 2 << 20;

/** Per text, the results of each function (by id). */
const kept = new Map<string, Map<number, unknown>>();
let keptChars = 0;
let ids = 0;

/**
 * fn with the results of long texts kept. The results are shared between calls with the same
 * text: copy (or do not mutate) a mutable result.
 */
export function memoLongTexts<T>(fn: (text: string) => T): (text: string) => T {
  const id = ids++;
  return (text) => {
    if (text.length < MEMO_MIN_LENGTH || text.length > MEMO_CHARS) return fn(text);
    let results = kept.get(text);
    if (results) {
      // Most recently used last.
      kept.delete(text);
      kept.set(text, results);
      if (results.has(id)) return results.get(id) as T;
    }
    const result = fn(text);
    if (!results) {
      results = new Map();
      kept.set(text, results);
      keptChars += text.length;
      for (const [t] of kept) {
        if (keptChars <= MEMO_CHARS && kept.size <= MEMO_TEXTS) break;
        kept.delete(t);
        keptChars -= t.length;
      }
    }
    results.set(id, result);
    return result;
  };
}
