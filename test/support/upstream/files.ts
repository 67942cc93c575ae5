// The OpenAI Files API, enough for pass-through tests: upload (multipart), list, retrieve. Files
// live in the upstream's memory.
import { makeError, sendError, sendResult } from './http.ts';
import type { Ctx, State } from './types.ts';

interface StoredFile {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status: 'processed';
}

const stores = new WeakMap<State, Map<string, StoredFile>>();
const filesOf = (state: State) => {
  const files = stores.get(state) ?? new Map<string, StoredFile>();
  stores.set(state, files);
  return files;
};

export function files(ctx: Ctx) {
  const store = filesOf(ctx.state);
  if (ctx.req.method === 'POST') {
    const form = ctx.body as {
      fields?: Record<string, string>;
      files?: Record<string, { filename?: string; size: number }>;
    };
    const upload = form?.files?.file;
    if (!upload) return sendError(ctx, makeError(ctx, 'bad_request', "Missing required parameter: 'file'."));
    const file: StoredFile = {
      id: `file-${ctx.record.seq}`,
      object: 'file',
      bytes: upload.size,
      created_at: Math.floor(Date.now() / 1000),
      filename: upload.filename ?? 'upload',
      purpose: form.fields?.purpose ?? 'assistants',
      status: 'processed',
    };
    store.set(file.id, file);
    return sendResult(ctx, file);
  }
  if (ctx.params.id) {
    const file = store.get(ctx.params.id);
    if (!file) return sendError(ctx, makeError(ctx, 'not_found', `No such File object: ${ctx.params.id}`));
    return sendResult(ctx, file);
  }
  sendResult(ctx, { object: 'list', data: [...store.values()], has_more: false });
}
