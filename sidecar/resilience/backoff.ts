// Retry timing: exponential backoff with jitter, and the upstream's own retry-after hints.

/**
 * Delay before retry number `retry` (1 = the first retry): base * 2^(retry-1), "equal jitter"
 * (half fixed, half random) so retries from many sidecars spread out without collapsing to 0.
 */
export function backoffDelay(retry: number, baseMs: number, random = Math.random(), maxMs = 10_000): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.min(30, Math.max(0, retry - 1)));
  return Math.round(exp / 2 + (exp / 2) * random);
}

type Headers = Record<string, string | string[] | undefined>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * How long the upstream asked us to wait, in ms: `retry-after-ms` (OpenAI, Azure), else
 * `retry-after` as seconds or an HTTP date. Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = first(headers['retry-after-ms']);
  if (ms !== undefined && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = first(headers['retry-after'])?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
