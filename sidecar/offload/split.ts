// One large request's prompt work as two jobs for two idle workers: the injection guard (the
// longest scan) on one, everything else (token count, maxPromptTokens, deny patterns, PII, the
// body's digest) on the other. Exact: the guards that run before injection never rewrite the
// text and PII masks last (guards/index.ts GUARD_ORDER), so each guard reads what it would read
// in one job, and the merge gives the one job's answer: findings in the guards' order, up to the
// first block (a block drops the masks).
import { GUARD_ORDER } from '../guards/index.ts';
import type { GuardsConfig } from '../snapshot/schema.ts';
import type { PromptJob, PromptWorkResult } from './prompt-work.ts';

const ORDER: readonly string[] = GUARD_ORDER;

/** The job as [injection guard, the rest], or undefined when one side would have nothing to do. */
export function splitJob(job: PromptJob): [PromptJob, PromptJob] | undefined {
  const guards = job.guards;
  if (!guards?.promptInjection) return undefined;
  const { promptInjection, ...rest } = guards;
  const restWorks =
    job.tokens ||
    job.digest ||
    rest.maxPromptTokens !== undefined ||
    (rest.denyPatterns?.length ?? 0) > 0 ||
    (rest.pii?.types.length ?? 0) > 0;
  if (!restWorks) return undefined;
  const injection: GuardsConfig = { promptInjection };
  return [
    { ...job, guards: injection, tokens: false, digest: false },
    { ...job, guards: rest as GuardsConfig },
  ];
}

/** The result of the whole job from its two halves' (splitJob's order). */
export function mergeResults(injection: PromptWorkResult, rest: PromptWorkResult): PromptWorkResult {
  const all = [...rest.findings, ...injection.findings];
  const rank = (guard: string) => ORDER.indexOf(guard);
  // Stable: a guard's own findings keep their order.
  all.sort((a, b) => rank(a.guard) - rank(b.guard));
  const block = all.findIndex((f) => f.action === 'block');
  return {
    tokens: rest.tokens,
    findings: block < 0 ? all : all.slice(0, block + 1),
    block: block < 0 ? undefined : block,
    masked: block < 0 ? rest.masked : [],
    digest: rest.digest,
  };
}
