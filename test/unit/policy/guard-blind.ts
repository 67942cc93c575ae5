// Measures the guards on the blind corpora (pii-corpus-blind.ts, injection-corpus-blind.ts, and
// any other injection corpus given, e.g. injection-corpus-wave12.ts): the figures bench/guards.ts
// reports and the blind tests hold at the goal levels.
import { compileGuards } from '../../../sidecar/guards/index.ts';
import { piiFinder } from '../../../sidecar/guards/pii.ts';
import { PII_TYPES } from '../../../sidecar/snapshot/schema.ts';
import { BLIND_ATTACKS, BLIND_BENIGN, BLIND_SPLIT_ATTACKS } from './injection-corpus-blind.ts';
import { BLIND_PII_NEGATIVES, BLIND_PII_POSITIVES, type BlindPositive } from './pii-corpus-blind.ts';

type Json = Record<string, any>;

/** A positive's text with its value in place, and where the value is. */
export function placed([, template, value]: BlindPositive): { text: string; start: number; end: number } {
  const start = template.indexOf('{}');
  return {
    text: template.slice(0, start) + value + template.slice(start + 2),
    start,
    end: start + value.length,
  };
}

export interface PiiFigures {
  /** Positives whose value a span of its type covers whole (see pii-corpus-blind.ts). */
  found: number;
  positives: number;
  /** Spans over a positive's value or on a negative's text, in all. */
  spans: number;
  /** Spans that cover no value: on a negative, or beside a positive's value. */
  falseSpans: number;
  /** Negatives with any span. */
  negativesFlagged: number;
  negatives: number;
  byKind: Record<string, { found: number; total: number }>;
  missed: string[];
  falseHits: string[];
}

/** The PII finder on the blind corpus (all waves, or the positives and negatives given). */
export function measurePii(
  find = piiFinder(PII_TYPES),
  positives: readonly BlindPositive[] = BLIND_PII_POSITIVES,
  negatives: readonly string[] = BLIND_PII_NEGATIVES,
): PiiFigures {
  const f: PiiFigures = {
    found: 0,
    positives: positives.length,
    spans: 0,
    falseSpans: 0,
    negativesFlagged: 0,
    negatives: negatives.length,
    byKind: {},
    missed: [],
    falseHits: [],
  };
  for (const p of positives) {
    const [kind, , value, others = []] = p;
    const { text, start, end } = placed(p);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const nl = text.indexOf('\n', end);
    const lineEnd = nl < 0 ? text.length : nl;
    const spans = find(text);
    const whole = spans.some(
      (s) =>
        s.kind === kind &&
        (kind === 'secret'
          ? s.start <= start && s.end >= end && s.start >= lineStart && s.end <= lineEnd
          : s.start === start && s.end === end),
    );
    f.byKind[kind] ??= { found: 0, total: 0 };
    const k = f.byKind[kind];
    k.total++;
    if (whole) {
      k.found++;
      f.found++;
    } else f.missed.push(`${kind}: ${value} in ${JSON.stringify(text)} -> ${show(text, spans)}`);
    for (const s of spans) {
      f.spans++;
      if ((s.end <= start || s.start >= end) && !others.includes(text.slice(s.start, s.end))) {
        f.falseSpans++;
        f.falseHits.push(
          `${s.kind} ${JSON.stringify(text.slice(s.start, s.end))} beside ${kind} in ${JSON.stringify(text)}`,
        );
      }
    }
  }
  for (const text of negatives) {
    const spans = find(text);
    f.spans += spans.length;
    f.falseSpans += spans.length;
    if (spans.length > 0) {
      f.negativesFlagged++;
      f.falseHits.push(`${show(text, spans)} in ${JSON.stringify(text)}`);
    }
  }
  return f;
}

const show = (text: string, spans: { start: number; end: number; kind: string }[]) =>
  JSON.stringify(spans.map((s) => `${s.kind}:${text.slice(s.start, s.end)}`));

export interface InjectionFigures {
  caught: number;
  attacks: number;
  byCategory: Record<string, { caught: number; total: number }>;
  flagged: number;
  benign: number;
  /** Split attacks caught both as two text parts of one message and as two user messages. */
  splitCaught: number;
  splits: number;
  /** Split attacks caught joined but missed when split (a bypass). */
  splitBypasses: string[];
  missed: string[];
  falsePositives: string[];
}

const guards = compileGuards({ promptInjection: { action: 'block' } })!;
const blocked = (messages: Json[]) =>
  guards.checkRequest({ model: 'm', messages }, 'chat', () => 0).block !== undefined;
const user = (content: unknown) => ({ role: 'user', content });

/** A wave written as [category, language, text] entries: its figures by category and by language. */
export function measureWave(
  attacks: readonly (readonly [category: string, language: string, text: string])[],
  benign: readonly (readonly [category: string, language: string, text: string])[],
  splits: readonly (readonly [category: string, first: string, second: string])[],
): { byCategory: InjectionFigures; byLanguage: InjectionFigures } {
  return {
    byCategory: measureInjection(
      attacks.map(([category, , text]) => [category, text] as const),
      benign.map(([category, , text]) => [category, text] as const),
      splits,
    ),
    byLanguage: measureInjection(
      attacks.map(([, language, text]) => [language, text] as const),
      [],
      [],
    ),
  };
}

/** The injection guard on whole requests (one user message per text, as the sidecar sees them). */
export function measureInjection(
  attacks: readonly (readonly [category: string, text: string])[] = BLIND_ATTACKS,
  benign: readonly (readonly [category: string, text: string])[] = BLIND_BENIGN,
  splits: readonly (readonly [category: string, first: string, second: string])[] = BLIND_SPLIT_ATTACKS,
): InjectionFigures {
  const f: InjectionFigures = {
    caught: 0,
    attacks: attacks.length,
    byCategory: {},
    flagged: 0,
    benign: benign.length,
    splitCaught: 0,
    splits: splits.length,
    splitBypasses: [],
    missed: [],
    falsePositives: [],
  };
  for (const [category, text] of attacks) {
    f.byCategory[category] ??= { caught: 0, total: 0 };
    const c = f.byCategory[category];
    c.total++;
    if (blocked([user(text)])) {
      c.caught++;
      f.caught++;
    } else f.missed.push(`${category}: ${JSON.stringify(text)}`);
  }
  for (const [category, text] of benign)
    if (blocked([user(text)])) {
      f.flagged++;
      f.falsePositives.push(`${category}: ${JSON.stringify(text)}`);
    }
  for (const [, a, b] of splits) {
    const parts = blocked([
      user([
        { type: 'text', text: a },
        { type: 'text', text: b },
      ]),
    ]);
    const messages = blocked([user(a), user(b)]);
    if (parts && messages) f.splitCaught++;
    else if (blocked([user(`${a} ${b}`)]))
      f.splitBypasses.push(`${JSON.stringify([a, b])}: parts ${parts}, messages ${messages}`);
    else f.missed.push(`split: ${JSON.stringify([a, b])}`);
  }
  return f;
}
