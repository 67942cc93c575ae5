// cache: exact-match response cache of the rule (see ../cache). A hit answers at once, as JSON or,
// for a streaming request, as the OpenAI chunk sequence; a miss forwards and stores a successful
// answer (a streamed one assembled from its chunks, once it completed). `cache-control: no-cache`
// skips the lookup, `no-store` the storing. Response header x-aimesh-cache: hit | miss | bypass.
// A Responses call is keyed by the app's request (built-in tools and previous_response_id are
// part of the question; its chat translation may not show them); a native provider's stream
// (typed events) is not stored.

import type { ResponseCaches } from '../cache/index.ts';
import { ChunkAssembler, cacheDirectives, type RuleCache, replayChunks } from '../cache/index.ts';
import type { Operation } from '../snapshot/schema.ts';
import type { Call } from './call.ts';
import { bodyDigest } from './large-body.ts';
import { chunkStream, type ResponseStream } from './response-stream.ts';
import { ruleCacheOf, rulePolicy } from './rule-state.ts';
import type { Step } from './step.ts';

type Json = Record<string, any>;

const CACHEABLE: ReadonlySet<Operation> = new Set(['chat', 'completions', 'embeddings']);

export function createCacheStep(caches: ResponseCaches): Step {
  return async (call, next) => {
    const cache = call.rule ? ruleCacheOf(call.rule, caches) : undefined;
    if (!cache || !call.hasBody || !CACHEABLE.has(call.operation)) return next();

    const { noCache, noStore } = cacheDirectives(call.headers['cache-control']);
    const mutable = rulePolicy(call.rule!).guards?.inspectsResponses === true;
    // A large body sent on as the app's bytes (stream usage spliced in at most) was hashed on a
    // worker (large-body.ts): key it by its bytes.
    const digest = call.unchangedBody !== undefined ? bodyDigest(call) : undefined;
    const key = digest
      ? cache.keyOfBytes(call.modelRequested, digest)
      : cache.key(call.modelRequested, call.responses?.request ?? call.body!);
    if (!noCache) {
      const hit = cache.get(key);
      // A native Response (not chat) cannot be replayed as a stream: that asks the provider again.
      if (hit && !(call.stream && hit.body.object === 'response')) {
        mark(call, 'hit');
        call.modelResponse = typeof hit.body.model === 'string' ? hit.body.model : undefined;
        // Replayed chunks are new objects; a JSON body is shared unless response guards may rewrite
        // it (then the hit parses its own copy from the stored bytes).
        call.result = call.stream
          ? { kind: 'stream', status: 200, stream: chunkStream(replay(hit.body)) }
          : { kind: 'json', status: 200, body: mutable ? hit.copy() : hit.body, raw: hit.raw };
        return;
      }
    }
    mark(call, noCache ? 'bypass' : 'miss');
    await next();

    const result = call.result;
    if (noStore || !result || result.status !== 200) return;
    if (result.kind === 'json') {
      // When steps outside this one (response guards) may rewrite the body on its way out, only its
      // bytes are stored (the upstream's, or serialized now): the stored answer is those bytes,
      // parsed on a hit, so no deep copy of the object is needed.
      if (!result.body.error) {
        if (!mutable) cache.set(key, result.body, result.raw);
        else cache.setBytes(key, result.raw ?? Buffer.from(JSON.stringify(result.body)));
      }
    } else if (result.kind === 'stream' && !call.responses?.native) {
      call.result = { ...result, stream: tap(result.stream, call, cache, key) };
    }
  };
}

async function* replay(completion: Json): AsyncGenerator<Json> {
  yield* replayChunks(completion);
}

function mark(call: Call, status: 'hit' | 'miss' | 'bypass'): void {
  call.cache = { status, hit: status === 'hit' };
  if (!call.res.headersSent) call.res.setHeader('x-aimesh-cache', status);
}

/** Watches a stream go by (bytes or chunks, whichever the app side takes) and stores it once complete. */
function tap(stream: ResponseStream, call: Call, cache: RuleCache, key: string): ResponseStream {
  const asm = new ChunkAssembler();
  call.afterResponse.push((c) => {
    if (c.status !== 200 || c.errorType) return;
    const completion = asm.result();
    if (!completion) return;
    // The usage chunk may have been cut from the bytes the app saw; the call knows it anyway.
    if (!completion.usage && c.usage)
      completion.usage = {
        prompt_tokens: c.usage.inputTokens,
        completion_tokens: c.usage.outputTokens,
        total_tokens: c.usage.inputTokens + c.usage.outputTokens,
      };
    cache.set(key, completion);
  });
  return new TappedStream(stream, asm);
}

/**
 * The stream with the assembler watching. A class, not an object literal with a getter: V8 gives
 * each such literal a hidden class of its own (allocated in the old generation) per stream.
 */
class TappedStream implements ResponseStream {
  readonly #stream: ResponseStream;
  readonly #asm: ChunkAssembler;

  constructor(stream: ResponseStream, asm: ChunkAssembler) {
    this.#stream = stream;
    this.#asm = asm;
  }

  get passthrough(): boolean {
    return this.#stream.passthrough;
  }

  async *bytes(opts?: { dropUsageOnly?: boolean }): AsyncGenerator<Buffer> {
    const decoder = new TextDecoder();
    let pending = '';
    for await (const buf of this.#stream.bytes(opts)) {
      pending += decoder.decode(buf, { stream: true });
      let end = pending.indexOf('\n\n');
      while (end >= 0) {
        feed(this.#asm, pending.slice(0, end));
        pending = pending.slice(end + 2);
        end = pending.indexOf('\n\n');
      }
      yield buf;
    }
    if (pending) feed(this.#asm, pending);
  }

  async *chunks(): AsyncGenerator<Json> {
    for await (const chunk of this.#stream.chunks()) {
      this.#asm.push(chunk);
      yield chunk;
    }
  }
}

/** One SSE event's data lines into the assembler. */
function feed(asm: ChunkAssembler, event: string): void {
  const data = event
    .split(/\r?\n/)
    .filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(5).trimStart())
    .join('\n');
  if (data === '' || data === '[DONE]') return;
  try {
    asm.push(JSON.parse(data) as Json);
  } catch {
    asm.push({ error: { message: 'unparsable chunk' } });
  }
}
