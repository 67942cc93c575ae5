// Canonical JSON and the sha256 version: the same content always gets the same version, whatever
// order the operator built it in, so sidecars and the operator can compare versions cheaply.
import { createHash } from 'node:crypto';
import { Snapshot, type SnapshotContent } from './schema.ts';

/** JSON with object keys sorted at every level and no whitespace; undefined fields dropped. */
export function canonicalJson(value: unknown): string {
  // Written directly rather than JSON.stringify(sortKeys(value)): no sorted copy of every object
  // (the operator seals a snapshot per workload on every reconcile). Same bytes as that form.
  return value !== null && typeof value === 'object' ? (write(value) as string) : JSON.stringify(value);
}

/** JSON.stringify's text for a value inside an array or object; undefined when it is omitted. */
function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(sortKeys(value));
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + (write(value[i]) ?? 'null');
    return `${out}]`;
  }
  const keys = Object.keys(value);
  if (keys.length > 1) keys.sort();
  let out = '{';
  for (const key of keys) {
    const v = write((value as Record<string, unknown>)[key]);
    if (v === undefined) continue;
    let k = quoted.get(key);
    if (k === undefined) {
      k = `${JSON.stringify(key)}:`;
      if (quoted.size < 10_000) quoted.set(key, k);
    }
    out += out.length > 1 ? `,${k}${v}` : k + v;
  }
  return `${out}}`;
}

/** Object keys repeat across every snapshot: their quoted form is made once. */
const quoted = new Map<string, string>();

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

export function versionOf(content: SnapshotContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Stamps content with its version. */
export function seal(content: SnapshotContent): Snapshot {
  const { version: _ignored, ...rest } = content as SnapshotContent & { version?: string };
  return { ...rest, version: versionOf(rest) };
}

export type Verified = { ok: true; snapshot: Snapshot } | { ok: false; reason: string };

/** Checks shape, version and references; a snapshot that fails is refused (NACK) and never served. */
export function verify(input: unknown): Verified {
  const parsed = Snapshot.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      reason: `invalid snapshot at ${first?.path.join('.') || '(root)'}: ${first?.message}`,
    };
  }
  const snapshot = parsed.data;
  const { version, ...content } = snapshot;
  if (versionOf(content) !== version) return { ok: false, reason: 'version does not match content (sha256)' };
  const providers = new Set(snapshot.providers.map((p) => p.id));
  for (const route of snapshot.routes) {
    for (const rule of route.rules) {
      for (const b of [...rule.backends, ...(rule.fallback?.backends ?? [])]) {
        if (!providers.has(b.provider)) {
          return {
            ok: false,
            reason: `route ${route.id} rule ${rule.name} names unknown provider ${b.provider}`,
          };
        }
      }
    }
  }
  for (const grant of snapshot.gateway?.grants ?? []) {
    if (!providers.has(grant.provider))
      return { ok: false, reason: `gateway grant names unknown provider ${grant.provider}` };
  }
  return { ok: true, snapshot };
}

/** Parses snapshot JSON text (a file or a pushed message) and verifies it. */
export function parseSnapshot(text: string): Verified {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
  return verify(data);
}

/** The snapshot with every credential replaced, for /debug/config and logs. */
export function redact(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    providers: snapshot.providers.map((p) => ({
      ...p,
      credentials: p.credentials
        ? Object.fromEntries(Object.keys(p.credentials).map((k) => [k, '<redacted>']))
        : undefined,
      headers: Object.fromEntries(Object.keys(p.headers).map((k) => [k, '<redacted>'])),
    })),
  };
}
