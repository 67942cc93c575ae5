// The Classifier: a guard that asks a model or service for its verdict on some texts. One file
// per wire format; this file holds what they share.
import type { ClassifierConfig } from '../../snapshot/schema.ts';

export type Phase = 'request' | 'response';

export interface Verdict {
  flagged: boolean;
  /** The categories that counted (backend names), for the audit line and the error message. */
  categories: string[];
}

/**
 * Asks the backend about texts: a prompt's texts, or for a completion [the prompt it answers, the
 * completion (or a stream window)]. Only Llama Guard judges the answer in its context; the other
 * formats look at the completion alone (subject()).
 */
export type Ask = (texts: string[], phase: Phase, signal: AbortSignal) => Promise<Verdict>;

type Json = Record<string, any>;

/** The backend answered something the format does not allow. */
export class ClassifierError extends Error {}

/** The base URL with `path` joined below it (a trailing /v1 kept or dropped as `keepV1` says). */
export function urlFor(config: ClassifierConfig, path: string, keepV1 = true): string {
  let base = config.endpoint.replace(/\/+$/, '');
  if (!keepV1) base = base.replace(/\/v1$/, '');
  return `${base}${path}`;
}

export async function postJson(
  config: ClassifierConfig,
  url: string,
  body: unknown,
  signal: AbortSignal,
  auth: Record<string, string> = config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {},
): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...config.headers, ...auth },
    body: JSON.stringify(body),
    signal,
  });
  const text = await res.text();
  if (!res.ok) throw new ClassifierError(`HTTP ${res.status}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ClassifierError('the answer is not JSON');
  }
}

/** Which of the scored categories count: over the threshold and, when configured, listed. */
export function counted(config: ClassifierConfig, scores: Record<string, number>): string[] {
  const wanted = config.categories?.map((c) => c.toLowerCase());
  return Object.entries(scores)
    .filter(([name, score]) => score >= config.threshold && (!wanted || wanted.includes(name.toLowerCase())))
    .map(([name]) => name);
}

/** What a format that reads texts alone is asked about. */
export const subject = (texts: string[], phase: Phase): string[] =>
  phase === 'response' ? texts.slice(-1) : texts;

export const verdict = (categories: string[]): Verdict => ({ flagged: categories.length > 0, categories });

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
