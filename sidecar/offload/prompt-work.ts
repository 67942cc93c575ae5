// The prompt work of one large request, as a worker thread does it: parse the body (its own copy
// of the parse; the bytes are shared, not copied), translate an Anthropic request to the internal
// OpenAI shape, count the prompt tokens, run the rule's request guards. Only small results go
// back: the token count, the findings, the texts a masking guard rewrote (by position), and
// the body's sha256 for the response cache.
// Pure, and the same code the event loop runs for small requests (guards/, tokens.ts).
import { createHash } from 'node:crypto';
import { compileGuards, type Finding, type GuardSet, type MaskedText } from '../guards/index.ts';
import { anthropicRequestToOpenAI } from '../providers/anthropic/translate.ts';
import type { GuardsConfig, Operation } from '../snapshot/schema.ts';
import { promptTokens, promptTokensAtMost } from '../tokens.ts';

type Json = Record<string, any>;

export interface PromptJob {
  /** The request body as received (shared memory for large bodies). */
  raw: Uint8Array;
  dialect: 'openai' | 'anthropic';
  operation: Operation;
  /** The rule's guards: run its request guards. */
  guards?: GuardsConfig;
  /** Count the prompt tokens even if no guard asks (the quota pre-check needs them). */
  tokens: boolean;
  /** Tokens the sidecar adds (the managed prompt), part of every count. */
  addedTokens: number;
  /** Hash the raw body (sha256, hex): the response cache keys large bodies by it. */
  digest?: boolean;
}

export interface PromptWorkResult {
  /** Prompt tokens incl. addedTokens, when counted. */
  tokens?: number;
  findings: Finding[];
  /** Index in findings of the blocking one. */
  block?: number;
  masked: MaskedText[];
  digest?: string;
}

/** Compiled guard sets by config (a worker keeps them across calls, as rulePolicy does per rule). */
const compiled = new Map<string, GuardSet | undefined>();

function guardSet(config: GuardsConfig): GuardSet | undefined {
  const key = JSON.stringify(config);
  if (compiled.has(key)) return compiled.get(key);
  if (compiled.size >= 64) compiled.clear();
  const set = compileGuards(config);
  compiled.set(key, set);
  return set;
}

export function promptWork(job: PromptJob): PromptWorkResult {
  const digest = job.digest ? createHash('sha256').update(job.raw).digest('hex') : undefined;
  if (!job.guards && !job.tokens) return { findings: [], masked: [], digest };
  const text = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength).toString('utf8');
  let body = JSON.parse(text) as Json;
  if (job.dialect === 'anthropic') body = anthropicRequestToOpenAI(body);
  let tokens: number | undefined;
  const count = () => {
    tokens ??= promptTokens(body, job.operation) + job.addedTokens;
    return tokens;
  };
  if (job.tokens) count();
  const set = job.guards ? guardSet(job.guards) : undefined;
  if (!set) return { tokens, findings: [], masked: [], digest };
  const v = set.inspectRequest(
    body,
    job.operation,
    count,
    () => tokens ?? promptTokensAtMost(body, job.operation) + job.addedTokens,
  );
  return {
    tokens,
    findings: v.findings,
    block: v.block ? v.findings.indexOf(v.block) : undefined,
    masked: v.masked,
    digest,
  };
}
