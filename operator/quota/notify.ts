// Budget alert notifications to an incoming-webhook URL (Slack, Mattermost, Teams workflows, ...):
// POST {"text": "..."} as JSON. The URL is a credential (the token is in its path): it is read
// from a file (a mounted Secret) at each delivery, so a rotated Secret needs no restart, and it
// never appears in logs, metrics or errors; failures are logged by cause (HTTP status, error code).
// Deliveries run one at a time off the leader's flush; each attempt has a timeout, transient
// failures (network, timeout, 429, 5xx) are retried with backoff, and a bounded queue drops the
// oldest message when the receiver is down for long.
import { readFileSync } from 'node:fs';
import type { Logger } from '../log.ts';

export type NotifyResult = 'sent' | 'failed' | 'dropped';

export interface WebhookNotifierOptions {
  /** The webhook URL now; undefined: none configured (nothing is sent). */
  url: () => string | undefined;
  /** Per attempt (default 5 s). */
  timeoutMs?: number;
  /** Attempts per message (default 3). */
  attempts?: number;
  /** First retry delay, doubled each retry (default 1 s). */
  backoffMs?: number;
  /** Messages waiting at most (default 100); beyond, the oldest is dropped. */
  maxQueue?: number;
  log?: Logger;
  onResult?: (result: NotifyResult) => void;
}

export class WebhookNotifier {
  readonly #o: Required<Omit<WebhookNotifierOptions, 'log' | 'onResult'>> &
    Pick<WebhookNotifierOptions, 'log' | 'onResult'>;
  readonly #queue: string[] = [];
  #draining: Promise<void> | undefined;
  #closed = false;
  readonly #abort = new AbortController();

  constructor(opts: WebhookNotifierOptions) {
    this.#o = { timeoutMs: 5_000, attempts: 3, backoffMs: 1_000, maxQueue: 100, ...opts };
  }

  /** Queues one message; returns at once. */
  notify(text: string): void {
    if (this.#closed) return;
    this.#queue.push(text);
    while (this.#queue.length > this.#o.maxQueue) {
      this.#queue.shift();
      this.#o.onResult?.('dropped');
      this.#o.log?.warn('alert notification dropped: the queue is full');
    }
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = undefined;
    });
  }

  /** Resolves when every queued message was delivered or given up (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  /** Stops: queued messages are dropped, a delivery in flight is aborted. */
  close(): void {
    this.#closed = true;
    this.#queue.length = 0;
    this.#abort.abort();
  }

  async #drain(): Promise<void> {
    for (let text = this.#queue.shift(); text !== undefined && !this.#closed; text = this.#queue.shift()) {
      const result = await this.#deliver(text);
      this.#o.onResult?.(result);
    }
  }

  async #deliver(text: string): Promise<NotifyResult> {
    let delay = this.#o.backoffMs;
    for (let attempt = 1; attempt <= this.#o.attempts; attempt++) {
      const url = this.#o.url();
      if (!url) {
        this.#o.log?.warn('alert notification not sent: the webhook URL is missing or empty');
        return 'failed';
      }
      if (!/^https?:\/\//i.test(url)) {
        this.#o.log?.warn('alert notification not sent: the webhook URL is not an http(s) URL');
        return 'failed';
      }
      const outcome = await post(url, text, this.#o.timeoutMs, this.#abort.signal);
      if (outcome.ok) return 'sent';
      const final = !outcome.retry || attempt === this.#o.attempts || this.#closed;
      this.#o.log?.warn(
        { cause: outcome.cause, attempt, of: this.#o.attempts },
        final ? 'alert notification failed; giving up' : 'alert notification failed; retrying',
      );
      if (final) return 'failed';
      await sleep(delay, this.#abort.signal);
      delay *= 2;
    }
    return 'failed';
  }
}

interface Outcome {
  ok: boolean;
  /** Worth another attempt (network, timeout, 429, 5xx). */
  retry: boolean;
  /** "HTTP 503", "timeout", "ECONNREFUSED": never the URL. */
  cause: string;
}

async function post(url: string, text: string, timeoutMs: number, stop: AbortSignal): Promise<Outcome> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      redirect: 'error',
      signal: AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]),
    });
    await res.body?.cancel().catch(() => {});
    if (res.ok) return { ok: true, retry: false, cause: `HTTP ${res.status}` };
    return { ok: false, retry: res.status === 429 || res.status >= 500, cause: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const cause = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.name);
    return { ok: false, retry: e.name !== 'AbortError', cause };
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The URL from a file (a Secret key mounted as a volume), read at each call; undefined when absent or empty. */
export function urlFromFile(path: string): () => string | undefined {
  return () => {
    try {
      return readFileSync(path, 'utf8').trim() || undefined;
    } catch {
      return undefined;
    }
  };
}
