// AIAccessRequest -> grants: which namespaces hold an approved request for which provider (and
// which of its models). Providers with allowedNamespaces.from: Approved admit only those
// namespaces; the phase and decision are trusted as stored (the admission webhook records them).
import type { AccessPhase, AIAccessRequestSpec } from '../../crds/aiaccessrequest.ts';
import type { ProviderEntry } from './providers.ts';
import type { Problem } from './types.ts';

export interface AccessRequestEntry {
  namespace: string;
  name: string;
  spec: AIAccessRequestSpec;
  phase: AccessPhase;
  decidedBy?: string;
}

/** What a namespace may use of one provider: every model (models undefined) or only these. */
export interface Grant {
  /** "namespace/name" of the approved requests, sorted. */
  requests: string[];
  models?: Set<string>;
}

export interface AccessGrants {
  /** provider id -> namespace -> grant (Approved requests only). */
  grants: Map<string, Map<string, Grant>>;
  /** provider id -> namespace -> the newest word on requests that grant nothing (for messages). */
  others: Map<string, Map<string, AccessRequestEntry[]>>;
}

const PHASES: readonly string[] = ['Pending', 'Approved', 'Denied', 'Revoked'];

/** The phase as stored; an Approved without a recorded decision grants nothing. */
export function accessPhase(status: unknown): { phase: AccessPhase; decidedBy?: string } {
  const s = (status ?? {}) as { phase?: unknown; decision?: { by?: unknown } };
  const phase =
    typeof s.phase === 'string' && PHASES.includes(s.phase) ? (s.phase as AccessPhase) : 'Pending';
  const decidedBy = typeof s.decision?.by === 'string' && s.decision.by ? s.decision.by : undefined;
  if (phase === 'Approved' && !decidedBy) return { phase: 'Pending' };
  return decidedBy ? { phase, decidedBy } : { phase };
}

export function compileAccess(
  requests: AccessRequestEntry[],
  providers: Map<string, ProviderEntry>,
  problems: Problem[],
): AccessGrants {
  const out: AccessGrants = { grants: new Map(), others: new Map() };
  for (const r of requests) {
    const id = `${r.spec.provider.namespace}/${r.spec.provider.name}`;
    const p = providers.get(id);
    const problem = (
      path: string,
      reason: string,
      message: string,
      severity: Problem['severity'] = 'error',
    ) =>
      problems.push({
        kind: 'AIAccessRequest',
        namespace: r.namespace,
        name: r.name,
        path,
        reason,
        message,
        condition: severity === 'error' ? 'ResolvedRefs' : 'Accepted',
        severity,
      });
    if (!p) {
      problem('spec.provider', 'ProviderNotFound', `AIProvider ${id} does not exist`);
      continue;
    }
    const unknown = (r.spec.models ?? []).filter(
      (m) => p.spec.models.length > 0 && !p.spec.models.some((pm) => pm.name === m),
    );
    if (unknown.length > 0) {
      problem(
        'spec.models',
        'UnknownModel',
        `AIProvider ${id} has no model ${unknown.join(', ')} (it has: ${p.spec.models.map((m) => m.name).join(', ')})`,
      );
    }
    const from = p.spec.allowedNamespaces?.from ?? 'Same';
    if (from !== 'Approved') {
      problem(
        'spec.provider',
        'ApprovalNotRequired',
        `AIProvider ${id} admits namespaces by allowedNamespaces.from: ${from}, not by approval: this request changes nothing while it does`,
        'warning',
      );
    }
    const key = `${r.namespace}/${r.name}`;
    if (r.phase !== 'Approved') {
      listFor(out.others, id, r.namespace).push(r);
      continue;
    }
    const byNs = out.grants.get(id) ?? new Map<string, Grant>();
    out.grants.set(id, byNs);
    const have = byNs.get(r.namespace);
    const models = r.spec.models ? new Set(r.spec.models) : undefined;
    if (!have) byNs.set(r.namespace, { requests: [key], ...(models ? { models } : {}) });
    else {
      have.requests = [...have.requests, key].sort();
      // Several approved requests add up; one without models grants every model.
      if (!models || !have.models) delete have.models;
      else for (const m of models) have.models.add(m);
    }
  }
  return out;
}

function listFor<T>(m: Map<string, Map<string, T[]>>, a: string, b: string): T[] {
  const inner = m.get(a) ?? new Map<string, T[]>();
  m.set(a, inner);
  const list = inner.get(b) ?? [];
  inner.set(b, list);
  return list;
}

/** The grant a namespace holds for a provider, if any. */
export function grantFor(access: AccessGrants | undefined, provider: string, namespace: string) {
  return access?.grants.get(provider)?.get(namespace);
}

/** Why a namespace has no grant, for the route's ResolvedRefs message. */
export function whyNotGranted(access: AccessGrants | undefined, provider: string, namespace: string): string {
  const requests = access?.others.get(provider)?.get(namespace) ?? [];
  const base = `AIProvider ${provider} admits only approved namespaces (allowedNamespaces.from: Approved) and namespace ${namespace} holds no Approved AIAccessRequest for it`;
  if (requests.length === 0)
    return `${base}: create one (kubectl create -f, or the console) and ask an approver`;
  const states = requests.map(
    (r) => `${r.namespace}/${r.name} is ${r.phase}${r.decidedBy ? ` (by ${r.decidedBy})` : ''}`,
  );
  return `${base}: ${states.join(', ')}`;
}
