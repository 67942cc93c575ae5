// Building blocks shared by the three AIMesh resources. Each zod schema here is the single source
// of truth for both the offline validator (zod parse) and the generated CRD (openAPIV3Schema with
// CEL rules): a cross-field rule is written once as CEL for the apiserver and once as a predicate
// for `aimesh-operator compile`, side by side, with the same message.
import { z } from 'zod';
import {
  DURATION_PATTERN,
  durationCel,
  durationInRange,
  durationRangeMessage,
  JURISDICTION_PATTERN,
  type MsRange,
  RESIDENCY_REGION_PATTERN,
} from '../sidecar/snapshot/limits.ts';
import { regexProblem } from '../sidecar/snapshot/regex.ts';

export const GROUP = 'aimesh.io';
export const VERSION = 'v1alpha1';
export const API_VERSION = `${GROUP}/${VERSION}`;

/** A cross-field rule: CEL for the apiserver, the same check in TypeScript for offline compile. */
export interface Rule<T> {
  cel: string;
  message: string;
  check: (value: T) => boolean;
  /** Relative path the error points at, in CEL form (".selector") — the apiserver's fieldPath. */
  field?: string;
  /** Why check failed, appended to the message offline (the apiserver adds its own words). */
  detail?: (value: T) => string | undefined;
}

/** Attaches a description and cross-field rules to a schema (the only way rules are declared). */
export function described<S extends z.ZodType>(
  schema: S,
  description: string,
  rules: Rule<z.output<S>>[] = [],
): S {
  let out: z.ZodType = schema;
  for (const r of rules) {
    const path = r.field ? r.field.slice(1).split('.') : [];
    out = out.superRefine((v, ctx) => {
      if (r.check(v as z.output<S>)) return;
      const detail = r.detail?.(v as z.output<S>);
      ctx.addIssue({
        code: 'custom',
        message: detail ? `${r.message}: ${detail}` : r.message,
        path,
        input: v,
      });
    });
  }
  const meta: Record<string, unknown> = { description };
  if (rules.length > 0) {
    meta['x-kubernetes-validations'] = rules.map((r) => ({
      rule: r.cel,
      message: r.message,
      ...(r.field ? { fieldPath: r.field } : {}),
    }));
  }
  return out.meta(meta) as unknown as S;
}

export const name = (what: string) =>
  z
    .string()
    .min(1)
    .max(253)
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/)
    .describe(what);

export const namespaceName = (what: string) =>
  z
    .string()
    .min(1)
    .max(63)
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
    .describe(what);

/**
 * Go-style durations, as in every Kubernetes API ("500ms", "30s", "1m30s"), within the range the
 * sidecar accepts for the field (sidecar/snapshot/limits.ts: one check for all three).
 */
export const duration = (what: string, range: MsRange) =>
  described(
    z.string().max(32).regex(new RegExp(DURATION_PATTERN)),
    `${what} A duration such as 500ms, 30s or 2m.`,
    [
      {
        cel: durationCel('self', range),
        message: durationRangeMessage(range),
        check: (v) => durationInRange(v, range),
      },
    ],
  );

/**
 * A regular expression in RE2 syntax, checked by the same engine the sidecar runs. The apiserver
 * has no RE2 check of its own, but CEL's matches() compiles its argument with RE2 and a parse
 * failure is an evaluation error that rejects the object ("error parsing regexp: ..."); the
 * type() test is always true and only exists to surface that error (one matches() call: cost).
 */
export const re2Rule = <T>(cel: string, source: (v: T) => string | undefined, field?: string): Rule<T> => ({
  cel: `type(''.matches(${cel})) == bool`,
  message: 'must be a regular expression in RE2 syntax (no lookarounds or backreferences)',
  check: (v) => {
    const s = source(v);
    return s === undefined || regexProblem(s) === undefined;
  },
  detail: (v) => {
    const s = source(v);
    return s === undefined ? undefined : regexProblem(s);
  },
  ...(field ? { field } : {}),
});

/** A jurisdiction code for data residency (EU, US, UK, CH, ...). */
export const jurisdiction = (what: string) =>
  z.string().min(1).max(32).regex(new RegExp(JURISDICTION_PATTERN)).describe(what);

/** A region or site where data is processed (eu-west-1, westeurope, europe-west4, on-prem-fra). */
export const residencyRegion = (what: string) =>
  z.string().min(1).max(64).regex(new RegExp(RESIDENCY_REGION_PATTERN)).describe(what);

/**
 * The namespace label that restricts where the data of every route in the namespace may go: one
 * jurisdiction, or several joined by dots (EU.CH). Routes can only narrow it (spec.dataResidency).
 */
export const DATA_RESIDENCY_LABEL = 'aimesh.io/data-residency';

export const labelMap = (what: string) => z.record(z.string().max(317), z.string().max(63)).describe(what);

export const labelSelector = (what: string) =>
  described(
    z.object({
      matchLabels: labelMap('Labels that must all be present with these values.').optional(),
      matchExpressions: z
        .array(
          z.object({
            key: z.string().min(1).max(317).describe('The label key the requirement applies to.'),
            operator: z
              .enum(['In', 'NotIn', 'Exists', 'DoesNotExist'])
              .describe('How the key relates to the values: In, NotIn, Exists or DoesNotExist.'),
            values: z
              .array(z.string().max(63))
              .max(64)
              .optional()
              .describe('Values for In and NotIn; empty for Exists and DoesNotExist.'),
          }),
        )
        .max(16)
        .optional()
        .describe('Set-based requirements, all of which must hold.'),
    }),
    what,
  );

export const condition = z
  .object({
    type: z
      .string()
      .max(316)
      .describe(
        'Condition type: Accepted, ResolvedRefs, Programmed, Ready (AIProvider, AIAccessRequest) or BudgetAlert (AIQuota).',
      ),
    status: z.enum(['True', 'False', 'Unknown']).describe('True, False or Unknown.'),
    observedGeneration: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('The .metadata.generation the condition was computed from.'),
    lastTransitionTime: z.string().describe('When the status last changed (RFC 3339).'),
    reason: z.string().max(1024).describe('A CamelCase machine-readable reason.'),
    message: z.string().max(32768).describe('What a person should know about the condition.'),
  })
  .describe('A standard Kubernetes condition.');

export const conditions = z
  .array(condition)
  .max(8)
  .optional()
  .describe('The latest observations of the resource, one per condition type.');

export const observedGeneration = z
  .number()
  .int()
  .min(0)
  .optional()
  .describe('The .metadata.generation the operator last acted on.');

/** A kind's status: the operator's observedGeneration and conditions, then the kind's own fields. */
export function resourceStatus<F extends z.ZodRawShape>(fields: F, description: string) {
  return z.object({ observedGeneration, conditions, ...fields }).describe(description);
}

export interface PrinterColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  jsonPath: string;
  description?: string;
  priority?: number;
}

/** What the CRD generator needs to know about a kind beyond its schema. */
export interface KindInfo {
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  description: string;
  spec: z.ZodType;
  status: z.ZodType;
  printerColumns: PrinterColumn[];
  /** List the status fields in the README reference too (status a user writes or reads for decisions). */
  referenceStatus?: boolean;
}

export const readyColumn = (type: string): PrinterColumn => ({
  name: type === 'Ready' ? 'Ready' : type,
  type: 'string',
  jsonPath: `.status.conditions[?(@.type=="${type}")].status`,
});

export const ageColumn: PrinterColumn = {
  name: 'Age',
  type: 'date',
  jsonPath: '.metadata.creationTimestamp',
};
