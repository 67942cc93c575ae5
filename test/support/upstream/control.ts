// The control endpoint under /_upstream/ for processes that cannot call the programmatic API
// (the CLI upstream driven from a shell script or another process):
//   GET    /_upstream/healthz
//   GET    /_upstream/requests          recorded requests (without raw bodies)
//   DELETE /_upstream/requests
//   GET    /_upstream/faults            active fault rules
//   POST   /_upstream/faults            {"match": {provider?, path?, pathRegex?, model?, modelRegex?,
//                                        operation?, headers?}, "fault": {status: 429, ...}} -> {"id"}
//   DELETE /_upstream/faults[/{id}]     one rule, or all rules and fail-times counters
//   GET    /_upstream/files/*.png       the images that image URLs point to
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FaultBook, FaultError, faultFromJson } from './faults.ts';
import { readBody, send } from './http.ts';
import { PNG } from './media.ts';
import type { FaultMatcher, State } from './types.ts';

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, { 'content-type': 'application/json' }, JSON.stringify(body));
}

function matcherFromJson(m: any): FaultMatcher {
  if (m === undefined || m === null) return {};
  if (typeof m !== 'object') throw new FaultError('match must be an object');
  return {
    provider: m.provider,
    path: m.pathRegex ? new RegExp(m.pathRegex) : m.path,
    model: m.modelRegex ? new RegExp(m.modelRegex) : m.model,
    operation: m.operation,
    headers: m.headers,
  };
}

export async function control(
  state: State,
  book: FaultBook,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  const body = await readBody(req);
  if (path === '/_upstream/healthz') return json(res, 200, { ok: true });
  if (path.startsWith('/_upstream/files/')) return send(res, 200, { 'content-type': 'image/png' }, PNG);
  if (path === '/_upstream/requests') {
    if (method === 'DELETE') {
      state.requests.length = 0;
      return json(res, 200, { ok: true });
    }
    return json(
      res,
      200,
      state.requests.map(({ rawBody, ...r }) => ({ ...r, rawBodyLength: rawBody.length })),
    );
  }
  if (path === '/_upstream/faults') {
    if (method === 'DELETE') {
      book.clear();
      return json(res, 200, { ok: true });
    }
    if (method === 'POST') {
      try {
        const spec = JSON.parse(body.toString('utf8') || '{}');
        const id = book.add(matcherFromJson(spec.match), faultFromJson(spec.fault));
        return json(res, 201, { id });
      } catch (e) {
        return json(res, 400, { error: { message: (e as Error).message, type: 'upstream_harness_error' } });
      }
    }
    return json(
      res,
      200,
      book.rules.map((r) => ({
        id: r.id,
        match: typeof r.matcher === 'function' ? 'function' : r.matcher,
        fault: r.fault,
      })),
    );
  }
  const m = /^\/_upstream\/faults\/(\d+)$/.exec(path);
  if (m && method === 'DELETE') return json(res, book.remove(Number(m[1])) ? 200 : 404, { ok: true });
  json(res, 404, {
    error: { message: `unknown control path ${method} ${path}`, type: 'upstream_harness_error' },
  });
}
