// The values a sidecar accepts, in one place: the snapshot schema checks them, and the CRD
// schema (crds/) and compile (operator/) are built from them, so a resource the apiserver and
// compile accept never compiles into a snapshot every sidecar refuses (observed before:
// `timeout: 0s` or `0.4ms` passed both, then each sidecar NACKed the namespace's snapshot).
// Part of the operator-sidecar contract; imports nothing from operator/ or crds/.

/** Go-style durations, as in every Kubernetes API ("500ms", "30s", "1m30s"). */
export const DURATION_PATTERN = '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$';
const DURATION_RE = new RegExp(DURATION_PATTERN);
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The longest delay Node's timers keep (2^31-1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Inclusive bounds in milliseconds. */
export interface MsRange {
  min: number;
  max: number;
}

/** What each duration field of the snapshot accepts. */
export const DURATION_LIMITS = {
  /** A time limit (route timeout, provider connect/request timeouts): 0 would fail every call. */
  timeout: { min: 1, max: MAX_TIMER_MS },
  /** Retry backoff: 0 retries at once. */
  backoff: { min: 0, max: MAX_TIMER_MS },
  /** Cache TTL: 0 would cache nothing. */
  ttl: { min: 1, max: MAX_TIMER_MS },
  /** How long a guard classifier's verdict is reused: 0 never reuses one. */
  verdictTtl: { min: 0, max: MAX_TIMER_MS },
  /** Leeway for a JWT's exp and nbf: an hour at most (beyond, expiry means little). */
  clockSkew: { min: 0, max: 3_600_000 },
} as const satisfies Record<string, MsRange>;

/** Exact (unrounded) milliseconds of a duration in DURATION_PATTERN form; NaN when not in it. */
export function exactMs(text: string): number {
  if (!DURATION_RE.test(text)) return Number.NaN;
  let total = 0;
  for (const [, n, unit] of text.matchAll(/([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/g)) {
    total += Number(n) * UNIT_MS[unit as string]!;
  }
  return total;
}

/** A duration to whole milliseconds, as it goes into a snapshot. */
export function durationMs(text: string): number {
  return Math.round(exactMs(text));
}

/** Is a duration in DURATION_PATTERN form within the range? (Form errors are reported apart.) */
export function durationInRange(text: string, range: MsRange): boolean {
  const ms = exactMs(text);
  return Number.isNaN(ms) || (ms >= range.min && ms <= range.max);
}

/** What the apiserver, compile and the sidecar say about a duration out of range. */
export function durationRangeMessage(range: MsRange): string {
  return `must be at least ${formatMs(range.min)} and at most ${formatMs(range.max)}`;
}

/**
 * The same check as CEL for the apiserver: CEL's duration() parses Go durations exactly (no
 * rounding), as exactMs does; a value too large for it is an evaluation error, also a rejection.
 */
export function durationCel(self: string, range: MsRange): string {
  return `duration(${self}) >= duration('${range.min}ms') && duration(${self}) <= duration('${range.max}ms')`;
}

function formatMs(ms: number): string {
  if (ms === 0) return '0s';
  if (ms === MAX_TIMER_MS) return `${MAX_TIMER_MS}ms (about 24.8 days)`;
  return `${ms}ms`;
}

/** Quota windows: Nm, Nh, Nd (N from 1 to 9999), or calendarMonth. */
export const WINDOW_PATTERN = '^([1-9][0-9]{0,3}(m|h|d)|calendarMonth)$';

/** Provider endpoints: an absolute http(s) URL the WHATWG parser (the sidecar's fetch) accepts. */
export const ENDPOINT_PATTERN = '^https?://[^\\s]+$';
const ENDPOINT_RE = new RegExp(ENDPOINT_PATTERN);

export function isEndpoint(text: string): boolean {
  return ENDPOINT_RE.test(text) && URL.canParse(text);
}

/** AWS regions (they become part of the default Bedrock endpoint's host name). */
export const REGION_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

/**
 * Data residency: a jurisdiction is an upper-case code (EU, US, UK, CH, APAC, ...), a region a
 * lower-case cloud region or site name (eu-west-1, westeurope, europe-west4, on-prem-fra).
 */
export const JURISDICTION_PATTERN = '^[A-Z][A-Z0-9-]{0,31}$';
export const RESIDENCY_REGION_PATTERN = '^[a-z0-9]([-a-z0-9]{0,62}[a-z0-9])?$';
