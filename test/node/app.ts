// The app of the node tests, as a team would write it: the official OpenAI and Anthropic SDKs,
// configured only by the environment the webhook injects (OPENAI_BASE_URL, ANTHROPIC_BASE_URL),
// no API key of its own. It serves the test on its pod IP, port 8080:
//   GET  /env                  the injected base URLs
//   POST /openai {model, content, stream?}      -> chat.completions.create
//   POST /anthropic {model, content, stream?}   -> messages.create
// An SDK error answers 502 with {status, message}, so the test sees what the app saw.
// On SIGTERM it makes a last call and finishes the calls in flight before it exits (see the end).
import { createServer } from 'node:http';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

// The key is a placeholder the SDKs insist on; the sidecar holds the platform's credentials.
const openai = new OpenAI({ apiKey: 'unused', maxRetries: 0, timeout: 30_000 });
const anthropic = new Anthropic({ apiKey: 'unused', maxRetries: 0, timeout: 30_000 });

async function call(path: string, body: any): Promise<unknown> {
  if (path === '/openai') {
    if (body.stream) {
      const stream = await openai.chat.completions.create({
        model: body.model,
        messages: [{ role: 'user', content: body.content }],
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      return { text };
    }
    const r = await openai.chat.completions.create({
      model: body.model,
      messages: [{ role: 'user', content: body.content }],
    });
    return { text: r.choices[0]?.message?.content, model: r.model, usage: r.usage };
  }
  if (path === '/anthropic') {
    if (body.stream) {
      const stream = await anthropic.messages.create({
        model: body.model,
        max_tokens: 64,
        messages: [{ role: 'user', content: body.content }],
        stream: true,
      });
      let text = '';
      for await (const event of stream)
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta')
          text += event.delta.text;
      return { text };
    }
    const r = await anthropic.messages.create({
      model: body.model,
      max_tokens: 64,
      messages: [{ role: 'user', content: body.content }],
    });
    const text = r.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    return { text, model: r.model, usage: r.usage };
  }
  throw Object.assign(new Error(`no route ${path}`), { status: 404 });
}

let inflight = 0;
const server = createServer(async (req, res) => {
  const send = (status: number, v: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(v));
  };
  if (req.method === 'GET' && req.url === '/env')
    return send(200, {
      OPENAI_BASE_URL: process.env.OPENAI_BASE_URL ?? null,
      ANTHROPIC_BASE_URL: process.env.ANTHROPIC_BASE_URL ?? null,
    });
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  inflight++;
  try {
    send(200, await call(req.url ?? '', JSON.parse(Buffer.concat(chunks).toString() || '{}')));
  } catch (e) {
    const err = e as { status?: number; message?: string };
    send(err.status === 404 ? 404 : 502, { status: err.status ?? null, message: err.message ?? String(e) });
  } finally {
    inflight--;
  }
});
server.listen(8080, () => console.log('app: listening on :8080'));
// On SIGTERM the app stops accepting connections, makes one last call and lets the calls in
// flight (streams too) finish, as a well-behaved app drains: all of it goes through only if the
// sidecar (a native sidecar) is still serving, i.e. stops after the app.
process.on('SIGTERM', async () => {
  console.log(`app: SIGTERM with ${inflight} call(s) in flight`);
  server.close();
  await call('/openai', { model: 'gpt-4o', content: 'goodbye' }).catch((e) =>
    console.log(`app: last call failed: ${(e as Error).message}`),
  );
  while (inflight > 0) await new Promise((r) => setTimeout(r, 100));
  process.exit(0);
});
