// Credential scrubbing for every upstream-derived text that leaves the sidecar (error messages
// relayed to the app, in-stream error events, log lines, span status and attributes): an
// upstream that quotes the request's Authorization or x-api-key header in a 400 must not hand the
// provider key to the app, the audit log or the trace store. Built once per snapshot from its
// providers' credentials (exact values and their URL-encoded, JSON-escaped and base64 forms) plus
// the shapes of common provider keys, whoever they belong to. In snapshot/ so the operator scrubs
// a sidecar's NACK reason the same way before it lands in status and Events.

export type Scrub = (text: string) => string;

export const REDACTED = '[REDACTED]';

interface Credentials {
  apiKey?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
}

/** Shorter values are too likely to be ordinary words; key shapes below still apply. */
const MIN_SECRET_LENGTH = 6;

/**
 * Key shapes, whoever's key it is. Prefix and name groups are kept so a message still says what
 * was wrong ("Bearer [REDACTED]", "x-api-key: [REDACTED]").
 */
const SHAPES: readonly [RegExp, string][] = [
  // OpenAI (sk-..., sk-proj-...), Anthropic (sk-ant-...)
  [/\bsk-[A-Za-z0-9_-]{6,}/g, REDACTED],
  // AWS access key ids (long-term AKIA, temporary ASIA)
  [/\b(?:AKIA|ASIA)[A-Z0-9]{12,}/g, REDACTED],
  // Google API keys
  [/\bAIza[0-9A-Za-z_-]{20,}/g, REDACTED],
  // Bearer / Basic credentials, wherever they are quoted
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  // A credential header quoted by name: "x-api-key: ...", "api-key=...", "x-goog-api-key": "..."
  [
    /\b(authorization|x-api-key|api-key|x-goog-api-key|x-amz-security-token|ocp-apim-subscription-key)("?\s*[:=]\s*"?)(?!Bearer\b|Basic\b)[^\s",;}]+/gi,
    `$1$2${REDACTED}`,
  ],
  // A key in a query string (Gemini ?key=, Azure SAS sig=)
  [/([?&](?:key|api[-_]?key|sig)=)[^&\s"']+/gi, `$1${REDACTED}`],
];

function forms(value: string): string[] {
  const out = new Set([value]);
  out.add(encodeURIComponent(value));
  out.add(JSON.stringify(value).slice(1, -1));
  const b64 = Buffer.from(value).toString('base64');
  out.add(b64);
  out.add(b64.replace(/=+$/, ''));
  out.add(Buffer.from(value).toString('base64url'));
  return [...out].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The scrubber for one snapshot's providers. */
export function credentialScrubber(providers: readonly { credentials?: Credentials }[]): Scrub {
  const secrets = new Set<string>();
  for (const p of providers) {
    for (const value of Object.values(p.credentials ?? {})) {
      if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH)
        for (const f of forms(value)) secrets.add(f);
    }
  }
  // Longest first, so a value is never half-replaced by a shorter one it contains.
  const exact =
    secrets.size > 0
      ? new RegExp(
          [...secrets]
            .sort((a, b) => b.length - a.length)
            .map(escapeRe)
            .join('|'),
          'g',
        )
      : undefined;
  return (text) => {
    if (!text) return text;
    let out = exact ? text.replace(exact, REDACTED) : text;
    for (const [re, replacement] of SHAPES) out = out.replace(re, replacement);
    return out;
  };
}
