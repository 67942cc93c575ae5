// Stand-ins for the classifier backends a guard may call, each speaking its documented wire format:
// OpenAI moderation, Llama Guard (an OpenAI-compatible chat model), vLLM /classify (Prompt Guard),
// Azure AI Content Safety, Presidio Analyzer and the generic webhook. Verdicts follow trigger words
// so tests know the right answer; a mode makes them slow, fail or answer garbage.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Mode = 'ok' | 'slow' | 'error' | 'garbage';

export interface ClassifierStandIn {
  url: string;
  requests: { path: string; headers: IncomingHttpHeaders; body: any }[];
  setMode(mode: Mode): void;
  close(): Promise<void>;
}

const has = (texts: string[], word: string) => texts.some((t) => t.toLowerCase().includes(word));

function answer(path: string, body: any): unknown {
  if (path.endsWith('/moderations')) {
    const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
    return {
      id: 'modr-1',
      model: body.model,
      results: inputs.map((t) => ({
        flagged: has([t], 'kill') || has([t], 'hate'),
        categories: { violence: has([t], 'kill'), hate: has([t], 'hate') },
        category_scores: { violence: has([t], 'kill') ? 0.93 : 0.01, hate: has([t], 'hate') ? 0.81 : 0.02 },
      })),
    };
  }
  if (path.endsWith('/chat/completions')) {
    const texts = (body.messages ?? []).map((m: any) => String(m.content));
    const unsafe = has(texts, 'bomb') ? 'unsafe\nS9' : has(texts, 'weapon') ? 'unsafe\nS2' : 'safe';
    return {
      id: 'chatcmpl-g',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: unsafe }, finish_reason: 'stop' }],
    };
  }
  if (path === '/classify') {
    const inputs: string[] = body.input;
    return {
      object: 'list',
      data: inputs.map((t, index) => {
        const bad = has([t], 'ignore previous');
        return {
          index,
          label: bad ? 'MALICIOUS' : 'BENIGN',
          probs: bad ? [0.03, 0.97] : [0.96, 0.04],
          num_classes: 2,
        };
      }),
    };
  }
  if (path.startsWith('/contentsafety/text:analyze')) {
    const t = [String(body.text)];
    return {
      blocklistsMatch: [],
      categoriesAnalysis: [
        { category: 'Hate', severity: has(t, 'hate') ? 4 : 0 },
        { category: 'Violence', severity: has(t, 'kill') ? 6 : 0 },
        { category: 'Sexual', severity: 0 },
        { category: 'SelfHarm', severity: 0 },
      ],
    };
  }
  if (path === '/analyze') {
    const text = String(body.text);
    const at = text.indexOf('John Smith');
    return at < 0 ? [] : [{ entity_type: 'PERSON', start: at, end: at + 10, score: 0.85 }];
  }
  if (path === '/webhook') {
    const flagged = has(body.texts ?? [], 'forbidden');
    return { flagged, categories: flagged ? ['policy'] : [] };
  }
  return undefined;
}

export async function startClassifiers(): Promise<ClassifierStandIn> {
  let mode: Mode = 'ok';
  const requests: ClassifierStandIn['requests'] = [];
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const c of req) raw += c;
    const path = (req.url ?? '/').replace(/\?.*$/, '');
    const body = raw ? JSON.parse(raw) : {};
    requests.push({ path, headers: req.headers, body });
    if (mode === 'slow') await new Promise((r) => setTimeout(r, 3000));
    if (mode === 'error') {
      res.writeHead(500, { 'content-type': 'application/json' });
      return void res.end('{"error":"boom"}');
    }
    if (mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"unexpected": true}');
    }
    const out = answer(path, body);
    res.writeHead(out === undefined ? 404 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(out ?? { error: 'no such endpoint' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    setMode: (m) => {
      mode = m;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
