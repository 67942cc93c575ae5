// The Call: one request passing through the sidecar, with everything learnt about it. Steps read
// and fill it in order; later steps (quota, guards, cache, telemetry) find here what they need:
// the route and rule, the provider and models, usage, status, every upstream attempt, timings.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { RuntimeBackend, RuntimeProvider, RuntimeRule, RuntimeSnapshot } from '../config/runtime.ts';
import type { Logger } from '../log.ts';
import type { Usage } from '../providers/adapter.ts';
import type { QuotaDecision } from '../quota/client.ts';
import type { ChoiceKind } from '../routing/strategy.ts';
import type { Failure, Operation, StrategyType } from '../snapshot/index.ts';
import type { TokenEstimate } from '../tokens.ts';
import type { CallError } from './errors.ts';
import type { TopValue } from './json-top.ts';
import type { ResponseStream } from './response-stream.ts';

type Json = Record<string, any>;

/** A /v1/responses call: served natively (OpenAI, Azure OpenAI) or through the chat translation. */
export interface ResponsesState {
  /** The app's request (request guards mask it in place). */
  request: Json;
  /** The answer's id when translated (a native provider names its own). */
  id: string;
  createdAt: number;
  /** The Response as the app received it, once written. */
  final?: Json;
  /** Why the chat translation cannot express the request: only a native provider can serve it. */
  unsupported?: string;
  /**
   * previous_response_id and where its conversation lives: kept by this sidecar (history, chat
   * messages), at the provider that made it natively (provider), or unknown here (neither).
   */
  previous?: { id: string; history?: Json[]; provider?: string };
  /** The serving attempt spoke the Responses API natively: the result is a Response or its events. */
  native?: boolean;
}

/** Which API the app speaks: answers and errors go back in the same dialect. */
export type Dialect = 'openai' | 'anthropic' | 'responses';

/** One backend resolved for this call: provider, model name and the name sent upstream. */
export interface Target extends RuntimeBackend {
  /** The model name the route/provider uses (undefined: the app sent none). */
  modelName?: string;
  /** The name sent upstream (the provider model's upstreamName). */
  upstreamModel?: string;
}

/** One upstream attempt (a retry or a fallback is a new attempt). */
export interface Attempt {
  provider: string;
  providerType: string;
  /** The model as sent upstream (the provider's upstreamName). */
  model: string;
  /** 0 = the chosen backend, 1.. = position in the fallback chain. */
  fallback: number;
  /** 0 = first try on this backend. */
  retry: number;
  /** ms since the call started. */
  startMs: number;
  durationMs?: number;
  /** The upstream's HTTP status, when it answered. */
  status?: number;
  /** Why it failed, when it did: a resilience class, 'circuit-open' or 'error' (not retried). */
  failure?: Failure | 'circuit-open' | 'error';
  /** Short reason for logs and error messages (never credentials or content). */
  error?: string;
}

/** One guard action on a call: which guard, what it did, where, to which kinds of content. */
export interface GuardRecord {
  guard: string;
  action: 'block' | 'mask' | 'log';
  phase: 'request' | 'response';
  kinds: string[];
  count: number;
}

/** What goes back to the app, OpenAI-shaped; respond renders it in the call's dialect. */
export type CallResult =
  | {
      kind: 'json';
      status: number;
      body: Json;
      /** The upstream's bytes, equal to body; sent as-is to OpenAI apps. Clear it when changing body. */
      raw?: Buffer;
    }
  | { kind: 'binary'; status: number; contentType: string; body: Buffer }
  | { kind: 'stream'; status: number; stream: ResponseStream };

/** Milliseconds since the call started (performance.now() based). */
export interface Timings {
  routedMs?: number;
  /** First upstream request sent. */
  upstreamMs?: number;
  /** Response head (or first stream bytes) from the upstream that served. */
  firstByteMs?: number;
  /** Last byte written to the app. */
  doneMs?: number;
}

export interface Call {
  readonly id: string;
  /** The snapshot in force when the call arrived, for the whole call. */
  readonly runtime: RuntimeSnapshot;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly log: Logger;
  /** performance.now() when the call arrived. */
  readonly startedAt: number;
  readonly timings: Timings;
  /** Aborted when the app goes away; pass it to anything that waits. */
  readonly signal: AbortSignal;

  // ---- identify ----
  readonly dialect: Dialect;
  readonly operation: Operation;
  /** OpenAI path below /v1, e.g. "/chat/completions" (also for the Anthropic endpoint). */
  readonly path: string;
  /** The app's headers, credentials (authorization, x-api-key, api-key) already removed. */
  headers: IncomingHttpHeaders;
  /** The request body exactly as received. */
  readonly rawBody: Buffer;
  readonly contentType?: string;
  /**
   * The OpenAI-shaped request (translated for Anthropic apps); undefined for multipart uploads.
   * A deferred body (deferBody) is parsed on first read: reading it may throw a 400 CallError
   * when its bytes are not valid JSON after all. Prefer hasBody and field() where they suffice.
   */
  body?: Json;
  /** The call has a JSON body (deferred or parsed): body is defined. Parses nothing. */
  readonly hasBody: boolean;
  /**
   * A top-level field of the body as it now stands; a deferred body's small fields are read
   * without parsing the rest (see json-top.ts). Do not change what it returns.
   */
  field(name: string): unknown;
  /** identify: the body is these bytes, read at the top level only; parsed when body is first read. */
  deferBody(bytes: Buffer, fields: ReadonlyMap<string, TopValue>): void;
  /**
   * rawBody while it still equals body (OpenAI apps, nothing rewritten): lets the forward step
   * skip re-serializing. Any step that changes body must clear it.
   */
  unchangedBody?: Buffer;
  stream: boolean;
  /** The sidecar asked the upstream for stream usage the app did not ask for: hide that chunk. */
  usageInjected: boolean;
  /** The model the app asked for (Anthropic apps included). */
  modelRequested?: string;
  /** Responses API calls: the app's request and what is known of its conversation (pipeline/responses.ts). */
  responses?: ResponsesState;

  // ---- authenticate ----
  /** Claims of the end user's JWT, verified by the sidecar (routes with authentication.jwt). */
  claims?: Record<string, unknown>;
  /**
   * The body's end-user fields (user, safety_identifier) as the app sent them, read before any
   * guard could mask them: quota keys (per.body) must not collapse to "[EMAIL]".
   */
  endUser?: { user?: unknown; safety_identifier?: unknown };

  // ---- route ----
  rule?: RuntimeRule;
  /** The AIRoute ("namespace/name") and rule name that matched. */
  routeId?: string;
  ruleName?: string;
  /** The chosen backend followed by the fallback chain, in the order they will be tried. */
  targets?: Target[];
  /** Absolute Date.now() deadline for the whole call (rule timeout), when there is one. */
  deadline?: number;
  /** How a LowestLatency / LowestCost rule chose the first backend, and why (spans, metrics). */
  routeChoice?: { strategy: Exclude<StrategyType, 'Weighted'>; kind: ChoiceKind; reason: string };

  // ---- forward ----
  /** The provider that served (or last tried). */
  provider?: RuntimeProvider;
  /** The model name sent upstream, and the one the upstream said it used. */
  modelServed?: string;
  modelResponse?: string;
  attempts: Attempt[];
  usage?: Usage;
  result?: CallResult;

  // ---- policy: quota, guards, prompt, cache, cost (steps in quota.ts, guards.ts, prompt.ts, cache.ts) ----
  /** Pre-check estimate; prompt tokens are counted at most once per call (quota and guards share it). */
  estimate?: TokenEstimate;
  /** The quota step's decision: admit, deny, shadow-deny or fail-open. */
  quotaDecision?: QuotaDecision;
  /**
   * Set by the quota step: checks the quota limits a fallback target brings in (another model)
   * before it is tried; an error refuses that target (forward moves on down the chain).
   */
  admitFallback?: (target: Target) => Promise<CallError | undefined>;
  /** The same with the limits involved, for telemetry. */
  quota?: {
    decision: QuotaDecision;
    denial?: { quota: string; limit: string };
    shadowDenied: { quota: string; limit: string }[];
  };
  /** What the guards did; never the matched text. */
  guardActions?: GuardRecord[];
  /** Response cache outcome (undefined: the rule does not cache). */
  cache?: { status: 'hit' | 'miss' | 'bypass'; hit: boolean };
  /** The managed prompt prepended to the messages. */
  prompt?: { name: string; version: string };
  /** USD, from the serving provider model's pricing; undefined when unpriced or nothing was spent. */
  costUSD?: number;

  // ---- respond ----
  /** HTTP status sent to the app. */
  status?: number;
  /** Error type/code sent to the app, when the call failed. */
  errorType?: string;
  /**
   * Run by respond after the last byte went to the app (streams included), on success and
   * failure; for steps that settle after the response (quota record, cache store).
   */
  readonly afterResponse: ((call: Call) => void | Promise<void>)[];
}
