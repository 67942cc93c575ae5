// The OpenAI Realtime API over WebSocket (GA event names), enough for the mesh's tests: the
// upgrade is authenticated like any OpenAI call and recorded; the session opens with
// session.created; response.create answers with response.created, output text deltas (the words
// of the last input text) and response.done carrying usage, as OpenAI does.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { countTokens } from './text.ts';
import type { RecordedRequest, State } from './types.ts';

export interface RealtimeHooks {
  record(r: RecordedRequest): void;
  nextSeq(): number;
}

export function realtimeUpgrade(state: State, hooks: RealtimeHooks) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://upstream');
    const model = url.searchParams.get('model') ?? '';
    hooks.record({
      seq: hooks.nextSeq(),
      time: Date.now(),
      method: 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: undefined,
      rawBody: Buffer.alloc(0),
      provider: 'openai',
      operation: 'realtime',
      model,
      stream: true,
    });
    const auth = req.headers.authorization;
    const allowed = state.options.apiKeys;
    const key = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!url.pathname.endsWith('/realtime') || !key || (allowed && !allowed.includes(key))) {
      socket.end('HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => session(ws, model, state.options.words));
  };
}

function session(ws: WebSocket, model: string, words: number): void {
  let seq = 0;
  const send = (event: Record<string, unknown>) =>
    ws.send(JSON.stringify({ event_id: `evt_${++seq}`, ...event }));
  send({ type: 'session.created', session: { id: 'sess_1', object: 'realtime.session', model } });
  let lastText = '';
  let inputTokens = 0;
  ws.on('message', (data) => {
    let event: any;
    try {
      event = JSON.parse(String(data));
    } catch {
      return send({ type: 'error', error: { type: 'invalid_request_error', message: 'invalid JSON' } });
    }
    if (event.type === 'session.update') return send({ type: 'session.updated', session: event.session });
    if (event.type === 'conversation.item.create') {
      const text = (event.item?.content ?? []).map((c: any) => c?.text ?? '').join(' ');
      lastText = text;
      inputTokens += countTokens(text);
      return send({ type: 'conversation.item.created', item: { id: `item_${seq}`, ...event.item } });
    }
    if (event.type === 'response.create') {
      const id = `resp_${seq}`;
      send({
        type: 'response.created',
        response: { id, object: 'realtime.response', status: 'in_progress' },
      });
      const reply = (lastText || 'hello from realtime').split(/\s+/).slice(0, words);
      for (const w of reply)
        send({ type: 'response.output_text.delta', response_id: id, item_id: `msg_${id}`, delta: `${w} ` });
      const output = reply.length;
      send({
        type: 'response.done',
        response: {
          id,
          object: 'realtime.response',
          status: 'completed',
          usage: {
            total_tokens: inputTokens + output,
            input_tokens: inputTokens,
            output_tokens: output,
            input_token_details: { cached_tokens: 0, text_tokens: inputTokens, audio_tokens: 0 },
            output_token_details: { text_tokens: output, audio_tokens: 0 },
          },
        },
      });
    }
  });
}
