// A hostile app for tests: what a buggy or malicious client does to the sidecar's app port, on
// raw sockets so nothing (an HTTP client's own timeouts, retries, framing) gets in the way.
//
//   const sockets = await slowHeaders(url, 200);     // 200 sockets that never finish their headers
//   await sockets.allClosed(5000);                   // ... until the sidecar cuts them
//   const upload = slowBody(url, { declared: 1e6, send: 1000 }); await upload.closed;
//   const idle = await openSockets(url, 50);          // connections that send nothing at all
//   deepJson(100_000)                                  // {"model":"m","messages":[[[[...]]]]}
//   chatBody(10 << 20)                                 // a valid chat body with a 10 MB prompt
import http from 'node:http';
import net from 'node:net';

function hostPort(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port) };
}

/** What became of one raw socket: the first bytes the server answered and when it closed. */
export interface RawSocket {
  socket: net.Socket;
  /** Everything the server sent. */
  received(): string;
  /** HTTP status of the first response, once its status line arrived. */
  status(): number | undefined;
  /** Resolves with ms since connect when the server (or we) closed the socket. */
  closed: Promise<number>;
  destroy(): void;
}

function connect(url: string): Promise<RawSocket> {
  const { host, port } = hostPort(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const started = performance.now();
    let data = '';
    socket.on('data', (d) => {
      if (data.length < 64 * 1024) data += d.toString('latin1');
    });
    socket.on('error', () => {});
    const closed = new Promise<number>((r) => socket.once('close', () => r(performance.now() - started)));
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => data,
        status: () => {
          const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
          return m ? Number(m[1]) : undefined;
        },
        closed,
        destroy: () => socket.destroy(),
      }),
    );
    socket.once('error', reject);
  });
}

export interface SocketGroup {
  sockets: RawSocket[];
  /** Sockets the server has not closed yet. */
  open(): number;
  /** Waits until every socket is closed; rejects after timeoutMs with how many are still open. */
  allClosed(timeoutMs: number): Promise<void>;
  destroy(): void;
}

function group(sockets: RawSocket[], timers: NodeJS.Timeout[] = []): SocketGroup {
  let closed = 0;
  for (const s of sockets) s.closed.then(() => closed++);
  return {
    sockets,
    open: () => sockets.length - closed,
    async allClosed(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${sockets.length - closed} of ${sockets.length} sockets still open`)),
          timeoutMs,
        );
      });
      try {
        await Promise.race([Promise.all(sockets.map((s) => s.closed)), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    destroy() {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
    },
  };
}

/** `n` connections that send nothing. */
export async function openSockets(url: string, n: number): Promise<SocketGroup> {
  const out: RawSocket[] = [];
  for (let i = 0; i < n; i++) {
    try {
      out.push(await connect(url));
    } catch {
      // refused: the server is at its cap (counted as closed by the caller's own checks)
    }
  }
  return group(out);
}

/**
 * `n` connections that start a request and then send one more header byte every `dripMs`
 * (slowloris): the headers never complete.
 */
export async function slowHeaders(url: string, n: number, dripMs = 500): Promise<SocketGroup> {
  const sockets = await openSockets(url, n);
  for (const s of sockets.sockets)
    s.socket.write('POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a');
  const timer = setInterval(() => {
    for (const s of sockets.sockets) if (!s.socket.destroyed) s.socket.write('a');
  }, dripMs);
  timer.unref();
  return group(sockets.sockets, [timer]);
}

/**
 * A request whose headers announce `declared` bytes of body, of which `send` are sent at once and
 * then one byte every `dripMs` (a slow upload).
 */
export async function slowBody(
  url: string,
  opts: { declared: number; send: number; dripMs?: number; path?: string },
): Promise<RawSocket> {
  const s = await connect(url);
  const path = opts.path ?? '/v1/chat/completions';
  s.socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${opts.declared}\r\n\r\n`,
  );
  s.socket.write(Buffer.alloc(opts.send, 0x20));
  const timer = setInterval(() => {
    if (s.socket.destroyed) return clearInterval(timer);
    s.socket.write(' ');
  }, opts.dripMs ?? 500);
  timer.unref();
  s.closed.then(() => clearInterval(timer));
  return s;
}

/** A chat body nested `depth` levels deep inside messages (valid JSON). */
export function deepJson(depth: number, model = 'gpt-4o'): string {
  return `{"model":${JSON.stringify(model)},"messages":[{"role":"user","content":"hi","x":${'['.repeat(depth)}${']'.repeat(depth)}}]}`;
}

const WORDS =
  'the quick brown fox jumps over a lazy dog while seven wizards quietly brew strong coffee for every ' +
  'sleepy traveller who walks along the river at dawn and sings about mountains forests and oceans ';

/** Plain prose of `bytes` bytes (nothing a PII or injection guard acts on). */
export function prose(bytes: number): string {
  return WORDS.repeat(Math.ceil(bytes / WORDS.length)).slice(0, bytes);
}

/** A valid OpenAI chat body whose one user message is `bytes` of prose. */
export function chatBody(bytes: number, model = 'gpt-4o'): string {
  return JSON.stringify({ model, messages: [{ role: 'user', content: prose(bytes) }] });
}

/** A valid Anthropic messages body whose one user message is `bytes` of prose. */
export function anthropicBody(bytes: number, model = 'claude-sonnet-4-5'): string {
  return JSON.stringify({ model, max_tokens: 16, messages: [{ role: 'user', content: prose(bytes) }] });
}

/**
 * POSTs `body` and resolves once it is all handed to the kernel; `answered` then resolves with
 * the status (the body read and dropped).
 */
export function sendRaw(
  url: string,
  path: string,
  body: Buffer,
  headers: Record<string, string> = {},
): Promise<{ answered: Promise<{ status: number }> }> {
  const u = new URL(path, url);
  return new Promise((resolveSent, reject) => {
    let answer: (v: { status: number }) => void = () => {};
    let fail: (err: Error) => void = () => {};
    const answered = new Promise<{ status: number }>((res, rej) => {
      answer = res;
      fail = rej;
    });
    answered.catch(() => {});
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length, ...headers },
      },
      (res) => {
        res.resume();
        res.once('end', () => answer({ status: res.statusCode ?? 0 }));
        res.once('error', fail);
      },
    );
    req.once('error', (err) => {
      fail(err);
      reject(err);
    });
    req.end(body, () => resolveSent({ answered }));
  });
}
