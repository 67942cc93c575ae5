// Bedrock Runtime Converse API: POST /model/{modelId}/converse (JSON) and
// /model/{modelId}/converse-stream (AWS event-stream binary frames). Requests must be SigV4
// signed; the signature is verified when the upstream is given credentials (options.aws).
import { Sha256 } from '@aws-crypto/sha256-js';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { SignatureV4 } from '@smithy/signature-v4';
import type { MessageHeaders } from '@smithy/types';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { type Frames, gate, makeError, sendError, sendResult, writeStream } from './http.ts';
import {
  type Choice,
  countTokens,
  type Finish,
  plan,
  spacedJson,
  splitChunks,
  type ToolChoice,
} from './text.ts';
import type { Ctx, Dialect, ErrorKind, UpstreamError } from './types.ts';

const EXCEPTIONS: Record<ErrorKind, string> = {
  bad_request: 'ValidationException',
  context_length: 'ValidationException',
  auth: 'UnrecognizedClientException',
  permission: 'AccessDeniedException',
  not_found: 'ResourceNotFoundException',
  timeout: 'ModelTimeoutException',
  too_large: 'ValidationException',
  rate_limit: 'ThrottlingException',
  server: 'InternalServerException',
  unavailable: 'ServiceUnavailableException',
  overloaded: 'ServiceUnavailableException',
};

const MESSAGES: Partial<Record<ErrorKind, string>> = {
  auth: 'The security token included in the request is invalid.',
  rate_limit: 'Too many requests, please wait before trying again.',
  unavailable: 'Bedrock is unable to process your request.',
  overloaded: 'Bedrock is unable to process your request.',
};

const exceptionName = (err: UpstreamError) => err.code ?? EXCEPTIONS[err.kind];
const messageOf = (err: UpstreamError) =>
  err.code || err.kind === 'context_length' || err.kind === 'bad_request' || err.kind === 'not_found'
    ? err.message
    : (MESSAGES[err.kind] ?? err.message);

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function frame(headers: MessageHeaders, payload: unknown): Uint8Array {
  return codec.encode({ headers, body: fromUtf8(JSON.stringify(payload)) });
}

const str = (value: string) => ({ type: 'string' as const, value });

/** One `:message-type: event` frame; `p` is the padding field real Bedrock adds to payloads. */
function eventFrame(type: string, payload: Record<string, unknown>): Uint8Array {
  const headers = {
    ':event-type': str(type),
    ':content-type': str('application/json'),
    ':message-type': str('event'),
  };
  return frame(headers, { ...payload, p: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ' });
}

// ---- auth (SigV4) ------------------------------------------------------------------------------

function authError(ctx: Ctx, code: string, message: string): UpstreamError {
  return { ...makeError(ctx, 'auth', message, 403), code };
}

async function verifySignature(ctx: Ctx, scope: string[], signed: string[], signature: string) {
  const aws = ctx.state.options.aws!;
  const [, , region, service] = scope;
  const headers: Record<string, string> = {};
  for (const h of signed) headers[h] = String(ctx.req.headers[h] ?? '');
  const date = headers['x-amz-date'] ?? '';
  const signingDate = new Date(
    `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
  );
  const [host, port] = (headers.host ?? '').split(':');
  const signer = new SignatureV4({
    credentials: aws,
    region,
    service,
    sha256: Sha256,
    applyChecksum: signed.includes('x-amz-content-sha256'),
  });
  const query = Object.fromEntries(ctx.query);
  const request = {
    method: ctx.req.method ?? 'POST',
    protocol: 'http:',
    hostname: host,
    port: port ? Number(port) : undefined,
    path: ctx.path,
    query,
    headers,
    body: ctx.record.rawBody,
  };
  const out = await signer.sign(request, { signingDate, signableHeaders: new Set(signed) });
  const expected = /Signature=([0-9a-f]+)/.exec(String(out.headers.authorization))?.[1];
  return expected === signature;
}

async function authenticate(ctx: Ctx): Promise<UpstreamError | undefined> {
  const auth = ctx.req.headers.authorization;
  if (!auth) return authError(ctx, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(auth);
  if (!m || !ctx.req.headers['x-amz-date']) {
    return authError(
      ctx,
      'IncompleteSignatureException',
      "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters and an X-Amz-Date header.",
    );
  }
  const scope = m[1].split('/');
  const { aws, apiKeys } = ctx.state.options;
  const known = aws ? scope[0] === aws.accessKeyId : !apiKeys || apiKeys.includes(scope[0]);
  if (!known)
    return authError(
      ctx,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  if (aws && !(await verifySignature(ctx, scope, m[2].split(';'), m[3]))) {
    return authError(
      ctx,
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret ' +
        'Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return undefined;
}

export const bedrockDialect: Dialect = {
  name: 'bedrock',
  requestIdHeader: 'x-amzn-requestid',
  statuses: { auth: 403, timeout: 408 },
  authenticate,
  errorResponse: (err) => ({
    status: err.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': `${exceptionName(err)}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    },
    body: JSON.stringify({ message: messageOf(err) }),
  }),
  streamError: (err) => {
    const name = exceptionName(err);
    const headers = {
      ':exception-type': str(name[0].toLowerCase() + name.slice(1)),
      ':content-type': str('application/json'),
      ':message-type': str('exception'),
    };
    return frame(headers, { message: messageOf(err) });
  },
  contextLengthMessage: () => 'Input is too long for requested model.',
};

// ---- converse ----------------------------------------------------------------------------------

/** Text of content blocks: text blocks and tool results (text, or JSON as spaced JSON). */
function textOf(content: unknown): string {
  if (!Array.isArray(content)) return '';
  const out: string[] = [];
  for (const block of content) {
    if (typeof block?.text === 'string') out.push(block.text);
    else if (typeof block?.json === 'object') out.push(spacedJson(block.json));
    else if (block?.toolResult) out.push(textOf(block.toolResult.content));
  }
  return out.join(' ');
}

const STOP: Record<Finish, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool: 'tool_use',
  stop_sequence: 'stop_sequence',
};

function toolChoiceOf(tc: any): ToolChoice {
  if (tc?.tool?.name) return { name: tc.tool.name };
  return tc?.any ? 'required' : 'auto';
}

interface ConverseRequest {
  promptTokens: number;
  choice: Choice;
}

function parse(ctx: Ctx): ConverseRequest | string {
  const b = ctx.body;
  if (!b || typeof b !== 'object')
    return 'Malformed input request, please reformat your input and try again.';
  if (!Array.isArray(b.messages) || b.messages.length === 0) {
    return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  }
  let promptTokens = countTokens(textOf(b.system));
  for (const m of b.messages) promptTokens += countTokens(textOf(m?.content));
  const lastUser = b.messages.findLast((m: any) => m?.role === 'user');
  const last = b.messages.at(-1);
  const tools = (b.toolConfig?.tools ?? []).map((t: any) => t?.toolSpec).filter((t: any) => t?.name);
  const f = ctx.fault;
  const p = plan({
    prompt: textOf(lastUser?.content),
    afterToolResult: Array.isArray(last?.content) && last.content.some((c: any) => c?.toolResult),
    tools: tools.map((t: any) => ({ name: t.name, parameters: t.inputSchema?.json })),
    toolChoice: toolChoiceOf(b.toolConfig?.toolChoice),
    words: f.words ?? Math.max(ctx.state.options.words, f.chunks ?? 0),
    maxTokens: b.inferenceConfig?.maxTokens,
    stop: b.inferenceConfig?.stopSequences,
    idPrefix: 'tooluse_',
    seq: ctx.record.seq,
  });
  return { promptTokens, choice: p.choices[0] };
}

function usage(input: number, output: number) {
  return { inputTokens: input, outputTokens: output, totalTokens: input + output };
}

export function converse(ctx: Ctx): void | Promise<void> {
  const stream = ctx.params.action === 'converse-stream';
  const r = parse(ctx);
  if (typeof r === 'string') return sendError(ctx, makeError(ctx, 'bad_request', r));
  if (!gate(ctx, r.promptTokens, stream)) return;
  const c = r.choice;
  if (!stream) {
    const content =
      c.toolCalls.length === 0
        ? [{ text: c.text }]
        : c.toolCalls.map((t) => ({ toolUse: { toolUseId: t.id, name: t.name, input: t.args } }));
    return sendResult(ctx, {
      output: { message: { role: 'assistant', content } },
      stopReason: STOP[c.finish],
      usage: usage(r.promptTokens, c.tokens),
      metrics: { latencyMs: 1 },
    });
  }
  return writeStream(ctx, 'application/vnd.amazon.eventstream', streamFrames(ctx, r));
}

/**
 * messageStart, then per block: (contentBlockStart for tool use), contentBlockDelta...,
 * contentBlockStop; then messageStop and metadata with usage. Text blocks have no start event.
 */
function streamFrames(ctx: Ctx, r: ConverseRequest): Frames {
  const c = r.choice;
  const out: Frames = { head: [eventFrame('messageStart', { role: 'assistant' })], content: [], tail: [] };
  const k = ctx.fault.chunks;
  const blocks =
    c.toolCalls.length === 0
      ? [{ start: undefined, deltas: splitChunks(c.text, k).map((text) => ({ text })) }]
      : c.toolCalls.map((t) => ({
          start: { toolUse: { toolUseId: t.id, name: t.name } },
          deltas: splitChunks(t.argsJson, k).map((input) => ({ toolUse: { input } })),
        }));
  blocks.forEach((b, contentBlockIndex) => {
    const before: Uint8Array[] = [];
    if (contentBlockIndex > 0)
      before.push(eventFrame('contentBlockStop', { contentBlockIndex: contentBlockIndex - 1 }));
    if (b.start) before.push(eventFrame('contentBlockStart', { start: b.start, contentBlockIndex }));
    if (contentBlockIndex === 0) out.head.push(...before);
    b.deltas.forEach((delta, i) => {
      const ev = eventFrame('contentBlockDelta', { delta, contentBlockIndex });
      // Structural events ride on the next delta so only deltas count as content chunks.
      out.content.push(i === 0 && contentBlockIndex > 0 ? Buffer.concat([...before, ev]) : ev);
    });
  });
  out.tail.push(
    eventFrame('contentBlockStop', { contentBlockIndex: blocks.length - 1 }),
    eventFrame('messageStop', { stopReason: STOP[c.finish] }),
    eventFrame('metadata', { usage: usage(r.promptTokens, c.tokens), metrics: { latencyMs: 1 } }),
  );
  return out;
}
