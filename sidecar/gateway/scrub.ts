// The app's sidecar cannot scrub a key it never had: the gateway removes its keys from whatever
// it relays (error bodies, and streams, where a mid-stream error event may quote a header).
// Streams are scrubbed across chunk boundaries by holding back a chunk's end only while it could
// be the start of a key (so an SSE event is never delayed waiting for the next one).
import { Transform } from 'node:stream';

export const SCRUBBED = '[REDACTED]';

/** Values worth scrubbing: long enough not to match ordinary text. */
export function secretsOf(credentials: Record<string, string | undefined> | undefined): string[] {
  return Object.values(credentials ?? {})
    .filter((v): v is string => typeof v === 'string' && v.length >= 8)
    .sort((a, b) => b.length - a.length);
}

export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.replaceAll(s, SCRUBBED);
  return out;
}

/** How many chars at the end of text could begin one of the secrets (at most hold). */
function startOfKey(text: string, secrets: readonly string[], hold: number): number {
  for (let i = Math.max(0, text.length - hold); i < text.length; i++) {
    const rest = text.slice(i);
    if (secrets.some((s) => s.startsWith(rest))) return text.length - i;
  }
  return 0;
}

/** A byte stream with every occurrence of the secrets replaced, whatever the chunking. */
export function scrubStream(secrets: readonly string[]): Transform {
  const hold = Math.max(0, ...secrets.map((s) => Buffer.byteLength(s))) - 1;
  let tail = '';
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      // latin1 maps every byte to one char and back: binary-safe, and keys are ASCII.
      const text = scrubText(tail + chunk.toString('latin1'), secrets);
      const cut = text.length - startOfKey(text, secrets, hold);
      tail = text.slice(cut);
      done(null, cut > 0 ? Buffer.from(text.slice(0, cut), 'latin1') : undefined);
    },
    flush(done) {
      done(null, tail ? Buffer.from(scrubText(tail, secrets), 'latin1') : undefined);
    },
  });
}
