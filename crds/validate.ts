// Reads manifests the way the apiserver would: schema and CEL-equivalent rules from the zod
// schemas, unknown fields refused (kubectl's default --validate=strict), and messages in the
// apiserver's words ("spec.limits[0].window: Invalid value: ...") so CI and cluster agree.
import type { z } from 'zod';
import { API_VERSION } from './api.ts';
import { crdFor } from './generate.ts';
import { KINDS } from './index.ts';

export interface Manifest {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; generation?: number };
  [key: string]: unknown;
}

export interface FieldError {
  path: string;
  message: string;
}

const KIND_BY_NAME = new Map(KINDS.map((k) => [k.kind, k]));
const specSchema = new Map(KINDS.map((k) => [k.kind, k.spec]));
const openapi = new Map(
  KINDS.map((k) => [k.kind, (crdFor(k) as any).spec.versions[0].schema.openAPIV3Schema.properties.spec]),
);

export const isAIMeshKind = (kind: unknown): boolean => typeof kind === 'string' && KIND_BY_NAME.has(kind);

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

const show = (v: unknown) => JSON.stringify(v) ?? String(v);

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined
        ? 'Required value'
        : `Invalid value: ${show(input)}: must be of type ${issue.expected}`;
    case 'invalid_value':
      return `Unsupported value: ${show(input)}: supported values: ${issue.values.map(show).join(', ')}`;
    case 'invalid_format':
      return `Invalid value: ${show(input)}: should match '${(issue as { pattern?: string }).pattern ?? issue.format}'`;
    case 'too_small':
      return issue.origin === 'array'
        ? `Required value: must have at least ${issue.minimum} item(s)`
        : `Invalid value: ${show(input)}: should be at least ${issue.minimum}`;
    case 'too_big':
      return `Too long: may not be more than ${issue.maximum}`;
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: any = root;
  for (const p of path) cur = cur?.[p as any];
  return cur;
}

/** Fields the CRD schema does not know, as kubectl --validate=strict reports them. */
function unknownFields(value: unknown, schema: any, path: PropertyKey[], out: FieldError[]): void {
  if (value === null || typeof value !== 'object' || !schema) return;
  // One path array for the whole walk (push/pop): validation runs for every resource on every
  // reconcile, and copying the path at each level was its main cost (bench/scale.ts).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      unknownFields(value[i], schema.items, path, out);
      path.pop();
    }
    return;
  }
  const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const child = schema.properties?.[key] ?? extra;
    path.push(key);
    if (!child) out.push({ path: formatPath(path), message: 'unknown field' });
    else unknownFields((value as Record<string, unknown>)[key], child, path, out);
    path.pop();
  }
}

export type Validated<T> = { ok: true; spec: T } | { ok: false; errors: FieldError[] };

/** Validates one AIMesh manifest; returns the defaulted spec or field-level errors. */
export function validate<T = unknown>(m: Manifest): Validated<T> {
  const errors: FieldError[] = [];
  if (m.apiVersion !== API_VERSION) {
    errors.push({
      path: 'apiVersion',
      message: `Unsupported value: ${show(m.apiVersion)}: supported values: "${API_VERSION}"`,
    });
  }
  if (!m.metadata?.name) errors.push({ path: 'metadata.name', message: 'Required value' });
  const kind = String(m.kind);
  const schema = specSchema.get(kind);
  if (!schema)
    return { ok: false, errors: [{ path: 'kind', message: `Unsupported value: ${show(m.kind)}` }] };
  unknownFields(m.spec, openapi.get(kind), ['spec'], errors);
  const parsed = schema.safeParse(m.spec);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = ['spec', ...issue.path];
      errors.push({ path: formatPath(path), message: describeIssue(issue, valueAt({ spec: m.spec }, path)) });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, spec: parsed.data as T };
}
