// The sidecar's end of config push: one long-lived HTTP/2 stream to the operator
// (POST /v1/snapshots/stream, bearer = the pod's projected ServiceAccount token, audience aimesh).
// Each NDJSON message `{version, snapshot}` is applied through the snapshot store and answered on
// the same stream with `{version, ok}` or `{version, ok: false, reason}`. Every applied snapshot
// is saved as the last-known-good (a memory-backed emptyDir) and loaded at start-up when the
// operator cannot be reached, so a restart during an operator outage still serves traffic.
// Reconnects use exponential backoff with full jitter; a stream the operator ends on purpose
// (token expiry, rebalancing) is reopened at once with a freshly read token.
// Trust: the CA given at start (--operator-ca: the PEM injected into the pod spec, or a file,
// re-read on every connection) plus the operator's current bundle, fetched (GET /v1/trust) on every
// connection and kept in the state dir. So when the operator publishes a next CA ahead of a
// rotation, running sidecars learn it before it signs. A certificate the sidecar cannot verify is
// logged as an error on every attempt and shown in status (and /readyz).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type ClientHttp2Session, type ClientHttp2Stream, connect } from 'node:http2';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../log.ts';

/** What the client needs from the snapshot store (sidecar/config/store.ts fits). */
export interface SnapshotSink {
  apply(input: unknown): { ok: true; version: string; changed: boolean } | { ok: false; reason: string };
  readonly current?: { version: string } | undefined;
}

export interface PushClientOptions {
  /** https://aimesh-operator.aimesh-system.svc:15010 */
  operatorUrl: string;
  tokenFile: string;
  /** PEM bundle to trust for the operator, or a file holding it; default the system CAs. */
  ca?: string;
  /** Where the last-known-good snapshot is kept; none: not kept. */
  stateDir?: string;
  store: SnapshotSink;
  log: Logger;
  /** Serve the last-known-good snapshot when nothing came from the operator by then (default 2 s). */
  lastKnownGoodAfterMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  pingIntervalMs?: number;
  /** A larger message is refused (NACK) without being parsed; default 16 MiB. */
  maxSnapshotBytes?: number;
}

export interface PushClientStatus {
  connected: boolean;
  /** Where the snapshot in force came from. */
  source: 'operator' | 'last-known-good' | 'none';
  lastVersion?: string;
  lastError?: string;
  /** Set while the operator's certificate cannot be verified with the CAs this sidecar trusts. */
  trustError?: string;
}

export const STREAM_PATH = '/v1/snapshots/stream';
export const TRUST_PATH = '/v1/trust';
export const STATE_FILE = 'snapshot.json';
const DEFAULT_MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024;

export const TRUST_FILE = 'operator-ca.pem';

/** TLS verification failures (node / OpenSSL codes): a CA problem, not a network one. */
const CERT_ERRORS = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export class PushClient {
  readonly #o: PushClientOptions;
  readonly #log: Logger;
  #stopped = false;
  #attempt = 0;
  #session: ClientHttp2Session | undefined;
  #loop: Promise<void> | undefined;
  #lkgTimer: NodeJS.Timeout | undefined;
  #wake: (() => void) | undefined;
  #status: PushClientStatus = { connected: false, source: 'none' };

  constructor(opts: PushClientOptions) {
    this.#o = opts;
    this.#log = opts.log.child({ component: 'push-client' });
    this.#trust(); // a --operator-ca file that cannot be read fails at start
  }

  /** The CAs to trust now: the configured ones plus the bundle last fetched; undefined: system CAs. */
  #trust(): string | undefined {
    const ca = this.#o.ca;
    const configured = ca ? (ca.includes('-----BEGIN') ? ca : readFileSync(ca, 'utf8')) : '';
    let fetched = '';
    try {
      if (this.#o.stateDir) fetched = readFileSync(join(this.#o.stateDir, TRUST_FILE), 'utf8');
    } catch {}
    const pems = `${configured}\n${fetched}`.match(
      /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
    );
    return pems ? `${[...new Set(pems)].join('\n')}\n` : undefined;
  }

  /** Keeps the operator's current CA bundle for the next connections (best effort). */
  #refreshTrust(session: ClientHttp2Session): void {
    if (!this.#o.stateDir) return;
    const req = session.request({ ':method': 'GET', ':path': TRUST_PATH });
    const chunks: Buffer[] = [];
    let status = 0;
    req.on('response', (h) => {
      status = Number(h[':status']);
    });
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => {});
    req.on('end', () => {
      const pem = Buffer.concat(chunks).toString('utf8');
      if (status !== 200 || !pem.includes('-----BEGIN CERTIFICATE-----')) return;
      const file = join(this.#o.stateDir!, TRUST_FILE);
      try {
        if (readFileSync(file, 'utf8') === pem) return;
      } catch {}
      try {
        mkdirSync(this.#o.stateDir!, { recursive: true, mode: 0o700 });
        writeFileSync(`${file}.tmp`, pem, { mode: 0o600 });
        renameSync(`${file}.tmp`, file);
        const cas = pem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
        this.#log.info({ cas }, "saved the operator's CA bundle for the next connections");
      } catch (err) {
        this.#log.warn({ err: (err as Error).message }, "could not save the operator's CA bundle");
      }
    });
    req.end();
  }

  get status(): PushClientStatus {
    return { ...this.#status };
  }

  start(): void {
    if (this.#loop) return;
    this.#lkgTimer = setTimeout(
      () => this.#loadLastKnownGood('no snapshot from the operator yet'),
      this.#o.lastKnownGoodAfterMs ?? 2000,
    );
    this.#lkgTimer.unref();
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#lkgTimer);
    this.#wake?.();
    this.#session?.destroy();
    await this.#loop;
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      let healthy = false;
      try {
        healthy = await this.#stream();
      } catch (err) {
        // An HTTP/2 request canceled by a failed handshake carries the TLS error as its cause.
        const e = err as { code?: string; cause?: { code?: string } };
        const code = CERT_ERRORS.has(e.code ?? '') ? e.code! : (e.cause?.code ?? e.code ?? '');
        this.#status.lastError = (err as Error).message;
        if (CERT_ERRORS.has(code)) {
          this.#status.trustError = `cannot verify the operator's certificate (${code}) with the CAs this sidecar trusts; no config updates until the operator's CA is trusted again (restore its CA Secret, or recreate the pod)`;
          this.#log.error(
            { err: (err as Error).message, code, operator: this.#o.operatorUrl },
            this.#status.trustError,
          );
        } else this.#log.warn({ err: (err as Error).message }, 'operator stream failed');
        this.#loadLastKnownGood('the operator is unreachable');
      }
      this.#status.connected = false;
      if (this.#stopped) break;
      if (healthy) {
        this.#attempt = 0;
        continue; // ended on purpose (token expiry, rebalancing): reconnect at once
      }
      const { initialMs, maxMs } = this.#o.backoff ?? { initialMs: 250, maxMs: 30_000 };
      const ceiling = Math.min(maxMs, initialMs * 2 ** this.#attempt);
      this.#attempt = Math.min(this.#attempt + 1, 20);
      const delay = Math.round(ceiling * (0.1 + 0.9 * Math.random()));
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, delay);
        this.#wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  /** One connection; resolves true when it delivered snapshots and ended cleanly. */
  #stream(): Promise<boolean> {
    const token = readFileSync(this.#o.tokenFile, 'utf8').trim();
    const namespace = tokenNamespace(token);
    const path = namespace ? `${STREAM_PATH}?namespace=${encodeURIComponent(namespace)}` : STREAM_PATH;
    return new Promise<boolean>((resolve, reject) => {
      let settled = false;
      let received = 0;
      const finish = (err?: Error) => {
        if (settled) return;
        settled = true;
        clearInterval(ping);
        session.destroy();
        if (err) reject(err);
        else resolve(received > 0);
      };
      const ca = this.#trust();
      const session = connect(this.#o.operatorUrl, ca ? { ca } : {});
      this.#session = session;
      session.on('error', (err) => finish(err));
      session.on('close', () => finish());
      // A half-dead connection (no RST, no FIN) is found by unanswered pings.
      let waiting = false;
      const ping = setInterval(() => {
        if (waiting) return finish(new Error('operator stopped answering pings'));
        waiting = true;
        try {
          session.ping(() => {
            waiting = false;
          });
        } catch {}
      }, this.#o.pingIntervalMs ?? 10_000);
      ping.unref();

      const req: ClientHttp2Stream = session.request(
        {
          ':method': 'POST',
          ':path': path,
          authorization: `Bearer ${token}`,
          'content-type': 'application/x-ndjson',
        },
        { endStream: false },
      );
      req.on('error', (err) => finish(err));
      req.on('response', (headers) => {
        const status = Number(headers[':status']);
        if (status !== 200) {
          const chunks: Buffer[] = [];
          req.on('data', (c: Buffer) => chunks.push(c));
          req.on('end', () =>
            finish(new Error(`operator refused the stream: ${status} ${errorMessage(chunks)}`)),
          );
          return;
        }
        this.#status.connected = true;
        this.#status.lastError = undefined;
        this.#status.trustError = undefined;
        this.#log.info({ operator: this.#o.operatorUrl }, 'connected to the operator');
        this.#refreshTrust(session);
        const lines = createInterface({ input: req, crlfDelay: Number.POSITIVE_INFINITY });
        lines.on('line', (line) => {
          if (!line.trim()) return;
          received++;
          const reply = this.#handle(line);
          if (!req.destroyed) req.write(`${JSON.stringify(reply)}\n`);
        });
        req.on('end', () => finish());
      });
      req.on('close', () => finish());
    });
  }

  /** Applies one message; returns the ACK or NACK to send. */
  #handle(line: string): { version: string; ok: boolean; reason?: string } {
    const max = this.#o.maxSnapshotBytes ?? DEFAULT_MAX_SNAPSHOT_BYTES;
    const size = Buffer.byteLength(line);
    if (size > max) {
      // The operator writes the version first: NACK it without parsing the rest.
      const version = /^\{"version":"([0-9a-f]{64})"/.exec(line)?.[1] ?? '';
      const reason = `snapshot is ${size} bytes, above this sidecar's --max-snapshot-size of ${max} bytes`;
      this.#log.error({ version, reason }, 'snapshot refused; the last good snapshot keeps serving');
      return { version, ok: false, reason };
    }
    let msg: { version?: unknown; snapshot?: unknown };
    try {
      msg = JSON.parse(line);
    } catch (err) {
      return { version: '', ok: false, reason: `message is not JSON: ${(err as Error).message}` };
    }
    const version = typeof msg.version === 'string' ? msg.version : '';
    const inner = (msg.snapshot as { version?: unknown } | undefined)?.version;
    if (inner !== version)
      return { version, ok: false, reason: 'message version differs from the snapshot version' };
    clearTimeout(this.#lkgTimer);
    const result = this.#o.store.apply(msg.snapshot);
    if (!result.ok) {
      this.#log.error(
        { version, reason: result.reason },
        'snapshot refused; the last good snapshot keeps serving',
      );
      return { version, ok: false, reason: result.reason };
    }
    this.#status.source = 'operator';
    this.#status.lastVersion = result.version;
    if (result.changed) {
      this.#log.info({ version: result.version }, 'snapshot applied');
      this.#save(msg.snapshot);
    }
    return { version, ok: true };
  }

  #save(snapshot: unknown): void {
    if (!this.#o.stateDir) return;
    try {
      mkdirSync(this.#o.stateDir, { recursive: true, mode: 0o700 });
      const file = join(this.#o.stateDir, STATE_FILE);
      // Write then rename: a crash mid-write never leaves a torn last-known-good file.
      writeFileSync(`${file}.tmp`, JSON.stringify(snapshot), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    } catch (err) {
      this.#log.warn({ err: (err as Error).message }, 'could not save the last-known-good snapshot');
    }
  }

  #loadLastKnownGood(why: string): void {
    if (!this.#o.stateDir || this.#o.store.current || this.#status.source !== 'none') return;
    let text: string;
    try {
      text = readFileSync(join(this.#o.stateDir, STATE_FILE), 'utf8');
    } catch {
      return; // none saved yet: nothing to serve until the operator answers
    }
    const result = this.#o.store.apply(text);
    if (result.ok) {
      this.#status.source = 'last-known-good';
      this.#status.lastVersion = result.version;
      this.#log.warn({ version: result.version, why }, 'serving the last-known-good snapshot');
    } else this.#log.error({ reason: result.reason }, 'the last-known-good snapshot is unusable');
  }
}

/** The namespace claim of a ServiceAccount JWT (not verified here: the operator verifies). */
export function tokenNamespace(token: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      'kubernetes.io'?: { namespace?: string };
    };
    return claims['kubernetes.io']?.namespace;
  } catch {
    return undefined;
  }
}

function errorMessage(chunks: Buffer[]): string {
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
  } catch {
    return text.slice(0, 200);
  }
}
