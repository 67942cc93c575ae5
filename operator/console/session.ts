// The browser's session: the user's token sealed (AES-256-GCM, a key made at start-up and never
// stored) in an HttpOnly, SameSite=Strict cookie, Secure when the console is served over TLS.
// The token never reaches page script and the cookie means nothing to another process; a restart
// signs everyone out. Forms that change something carry a CSRF token derived from the cookie
// (HMAC), so a cross-site form cannot forge one even where SameSite is not honoured.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const COOKIE = 'aimesh_console';
/** Longest a browser session lasts (a shorter-lived token ends it sooner). */
export const SESSION_MS = 8 * 3600_000;
const MAX_COOKIE = 8192;

export class Sessions {
  readonly #key = randomBytes(32);
  readonly #csrfKey = randomBytes(32);
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The cookie value for a token, valid until `until` (ms) at the latest. */
  seal(token: string, until = this.#now() + SESSION_MS): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([
      cipher.update(JSON.stringify({ t: token, e: until }), 'utf8'),
      cipher.final(),
    ]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The token in a cookie value, or undefined when it was not sealed here or has expired. */
  open(value: string | undefined): string | undefined {
    if (!value || value.length > MAX_COOKIE) return undefined;
    try {
      const raw = Buffer.from(value, 'base64url');
      if (raw.length < 29) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const { t, e } = JSON.parse(text) as { t?: unknown; e?: unknown };
      if (typeof t !== 'string' || typeof e !== 'number' || e <= this.#now()) return undefined;
      return t;
    } catch {
      return undefined;
    }
  }

  /** The CSRF token forms of this session carry. */
  csrf(cookie: string): string {
    return createHmac('sha256', this.#csrfKey).update(cookie).digest('base64url');
  }

  checkCsrf(cookie: string, sent: unknown): boolean {
    if (typeof sent !== 'string') return false;
    const want = Buffer.from(this.csrf(cookie));
    const got = Buffer.from(sent);
    return got.length === want.length && timingSafeEqual(got, want);
  }
}

/** Set-Cookie for a session (or, with value "", one that ends it). */
export function sessionCookie(value: string, secure: boolean, maxAgeMs = SESSION_MS): string {
  const attrs = [
    `${COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${value ? Math.max(0, Math.floor(maxAgeMs / 1000)) : 0}`,
  ];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | undefined, name = COOKIE): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
