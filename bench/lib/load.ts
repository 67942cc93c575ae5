// The load generator: one node:http client for every arm (keep-alive, noDelay), so the client's
// own cost is the same everywhere and cancels out when direct is subtracted.
// - sequential(): concurrency 1, closed loop (added latency at c=1);
// - openLoop(): requests sent on a fixed schedule whatever the answers do (no coordinated
//   omission: a slow proxy gets more requests in flight, not fewer); latency is measured from the
//   moment a request was written, and the schedule's lag is reported so a saturated client shows;
// - streams are timed to the first content token (TTFC) and between content-bearing chunks.
import http from 'node:http';

export interface Target {
  /** http://127.0.0.1:port */
  origin: string;
  path: string;
  headers: Record<string, string>;
  /** The i-th request body (i is unique within a bench run: cache misses stay misses). */
  body(i: number): string;
  stream: boolean;
}

export interface Sample {
  ok: boolean;
  /** Request written -> last byte (ms). */
  latencyMs: number;
  /** Request written -> first content token (streams). */
  ttfcMs?: number;
  /** Gaps between content-bearing reads (streams). */
  gapsMs?: number[];
  error?: string;
}

const CONTENT = /"(?:content|text)":"[^"]/;
const TIMEOUT_MS = 30_000;

let seq = 0;
/** A body index never used before in this process. */
export const nextIndex = (): number => seq++;

export function newAgent(): http.Agent {
  return new http.Agent({
    keepAlive: true,
    maxSockets: Number.POSITIVE_INFINITY,
    maxFreeSockets: 4096,
    noDelay: true,
  } as http.AgentOptions);
}

export function send(agent: http.Agent, target: Target, i: number): Promise<Sample> {
  return new Promise((resolve) => {
    const payload = Buffer.from(target.body(i));
    const url = new URL(target.path, target.origin);
    let settled = false;
    const done = (s: Sample) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(s);
    };
    const start = performance.now();
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { ...target.headers, 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        const ok = res.statusCode === 200;
        let ttfc: number | undefined;
        let last = 0;
        const gaps: number[] | undefined = target.stream ? [] : undefined;
        let errorText = '';
        res.on('data', (chunk: Buffer) => {
          if (!ok && errorText.length < 300) errorText += chunk.toString('utf8');
          if (!gaps) return;
          const now = performance.now();
          if (!CONTENT.test(chunk.toString('latin1'))) return;
          if (ttfc === undefined) ttfc = now - start;
          else gaps.push(now - last);
          last = now;
        });
        res.once('end', () =>
          done({
            ok,
            latencyMs: performance.now() - start,
            ttfcMs: ttfc,
            gapsMs: gaps,
            error: ok ? undefined : `HTTP ${res.statusCode} ${errorText.slice(0, 200)}`,
          }),
        );
        res.once('error', (err) =>
          done({ ok: false, latencyMs: performance.now() - start, error: err.message }),
        );
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error('timeout'));
    }, TIMEOUT_MS);
    req.once('error', (err) => done({ ok: false, latencyMs: performance.now() - start, error: err.message }));
    req.end(payload);
  });
}

/** n requests one after the other (concurrency 1). */
export async function sequential(agent: http.Agent, target: Target, n: number): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let k = 0; k < n; k++) out.push(await send(agent, target, nextIndex()));
  return out;
}

export interface OpenLoopResult {
  samples: Sample[];
  /** Requests per second actually sent (the schedule may lag behind on a saturated client). */
  sentRate: number;
  /** Completed per second over the step. */
  achievedRate: number;
  /** Requests still unanswered at the end, or refused because too many were in flight. */
  dropped: number;
  /** Worst lag of the schedule (ms). */
  maxLagMs: number;
  durationMs: number;
}

/**
 * rate requests/s for durationMs on a fixed schedule (open loop). At most maxInflight requests are
 * outstanding; a request due beyond that is counted as dropped (an error).
 */
export function openLoop(
  agent: http.Agent,
  target: Target,
  rate: number,
  durationMs: number,
  maxInflight = 4096,
): Promise<OpenLoopResult> {
  return new Promise((resolve) => {
    const total = Math.max(1, Math.round((rate * durationMs) / 1000));
    const interval = 1000 / rate;
    const samples: Sample[] = [];
    let sent = 0;
    let inflight = 0;
    let dropped = 0;
    let maxLagMs = 0;
    const start = performance.now();
    let lastSend = start;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      const durationMs = performance.now() - start;
      resolve({
        samples,
        sentRate: (sent * 1000) / Math.max(1, lastSend - start + interval),
        // Answered OK per second of schedule (a stream's tail after the schedule is not idle time).
        achievedRate: (samples.filter((s) => s.ok).length * rate) / total,
        dropped: dropped + inflight,
        maxLagMs,
        durationMs,
      });
    };
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor((now - start) / interval) + 1);
      while (sent < due) {
        const lag = now - (start + sent * interval);
        if (lag > maxLagMs) maxLagMs = lag;
        sent++;
        lastSend = now;
        if (inflight >= maxInflight) {
          dropped++;
          continue;
        }
        inflight++;
        send(agent, target, nextIndex()).then((s) => {
          inflight--;
          samples.push(s);
          if (sent >= total && inflight === 0) finish();
        });
      }
      if (sent < total)
        setTimeout(tick, Math.max(0, Math.min(1, start + sent * interval - performance.now())));
      else if (inflight === 0) finish();
      else setTimeout(finish, TIMEOUT_MS + 1000).unref();
    };
    tick();
  });
}

/** n streams at once; each sample has its TTFC and content gaps. */
export async function concurrentStreams(agent: http.Agent, target: Target, n: number): Promise<Sample[]> {
  const all: Promise<Sample>[] = [];
  for (let k = 0; k < n; k++) all.push(send(agent, target, nextIndex()));
  return Promise.all(all);
}
