// Status, computed purely from the compile result: which conditions each resource should carry,
// merged with what it carries now (lastTransitionTime only moves when a condition's status does),
// and the Events those changes deserve. No I/O here; status-writer.ts applies the result.
import { accessPhase } from '../compile/access.ts';
import type { AIMeshKind, CompileOutput, Problem } from '../compile/index.ts';
import type { KubeObject } from '../kube/api.ts';

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime: string;
}

export type DesiredCondition = Omit<Condition, 'lastTransitionTime' | 'observedGeneration'>;

/** Rollout of one route among connected sidecars (summed over operator replicas). */
export interface RouteRollout {
  connected: number;
  current: number;
  /** The snapshot version most of its sidecars should run (full sha256). */
  version?: string;
  /** Connected sidecars that refused (NACKed) the version they should run, and one reason. */
  nacked?: number;
  nackReason?: string;
}

/** Programmed=False because sidecars refused the snapshot: the one Programmed state that is news. */
export const SNAPSHOT_REFUSED = 'SnapshotRefused';

export interface StatusInput {
  kind: AIMeshKind;
  object: KubeObject;
  compiled: CompileOutput;
  rollout?: RouteRollout;
  /** Conditions owned elsewhere in the operator (an AIQuota's BudgetAlert, from quota/budget-alerts.ts). */
  extra?: DesiredCondition[];
}

/** The status fields the operator owns; status.limits (AIQuota) belongs to the quota service. */
export interface OwnedStatus {
  observedGeneration?: number;
  conditions: Condition[];
  rules?: number;
  version?: string;
  sidecars?: { connected: number; current: number };
}

export const OWNED_CONDITIONS = ['Accepted', 'ResolvedRefs', 'Programmed', 'Ready', 'BudgetAlert'] as const;
const MAX_MESSAGE = 1024;

/** Desired conditions (without times) of one resource. */
export function desiredConditions(input: StatusInput): DesiredCondition[] {
  const { kind, object, compiled } = input;
  const ns = object.metadata.namespace ?? 'default';
  const name = object.metadata.name;
  const mine = compiled.problems.filter((p) => p.kind === kind && p.namespace === ns && p.name === name);
  const errors = (c: Problem['condition']) => mine.filter((p) => p.condition === c && p.severity === 'error');
  const warnings = mine.filter((p) => p.severity === 'warning');

  const invalid = errors('Accepted');
  const accepted: DesiredCondition =
    invalid.length > 0
      ? { type: 'Accepted', status: 'False', reason: primaryReason(invalid), message: describe(invalid) }
      : {
          type: 'Accepted',
          status: 'True',
          reason: 'Accepted',
          message:
            warnings.length > 0 ? `Accepted with warnings: ${describe(warnings)}` : `The ${kind} is valid.`,
        };

  // Schema-invalid resources are not compiled at all, so their references were never checked.
  const notChecked = invalid.some((p) => p.reason === 'Invalid');
  const unresolved = errors('ResolvedRefs');
  const resolved: DesiredCondition = notChecked
    ? {
        type: 'ResolvedRefs',
        status: 'Unknown',
        reason: 'NotAccepted',
        message: 'References are checked once the resource is valid.',
      }
    : unresolved.length > 0
      ? {
          type: 'ResolvedRefs',
          status: 'False',
          reason: primaryReason(unresolved),
          message: describe(unresolved),
        }
      : {
          type: 'ResolvedRefs',
          status: 'True',
          reason: 'ResolvedRefs',
          message: resolvedMessage(kind, object),
        };

  if (kind === 'AIAccessRequest') return [accepted, resolved, accessReady(object, [accepted, resolved])];
  const programmed = programmedCondition(input, accepted, resolved);
  const out = [accepted, resolved, programmed];
  if (kind === 'AIProvider') {
    const failing = out.find((c) => c.status !== 'True');
    out.push(
      failing
        ? { type: 'Ready', status: 'False', reason: failing.reason, message: failing.message }
        : { type: 'Ready', status: 'True', reason: 'Ready', message: programmed.message },
    );
  }
  out.push(...(input.extra ?? []));
  return out;
}

function programmedCondition(
  { kind, object, compiled, rollout }: StatusInput,
  accepted: DesiredCondition,
  resolved: DesiredCondition,
): DesiredCondition {
  const ns = object.metadata.namespace ?? 'default';
  const id = `${ns}/${object.metadata.name}`;
  if (kind === 'AIRoute' && rollout?.nacked) {
    // Compiled fine, yet the sidecars keep their last good snapshot: config is frozen, say so.
    const version = rollout.version ? ` ${rollout.version.slice(0, 12)}` : '';
    return {
      type: 'Programmed',
      status: 'False',
      reason: SNAPSHOT_REFUSED,
      message:
        `${rollout.nacked} of ${rollout.connected} connected sidecars refused snapshot${version} and keep serving their last good one: ${rollout.nackReason ?? 'no reason given'}`.slice(
          0,
          MAX_MESSAGE,
        ),
    };
  }
  if (kind === 'AIRoute') {
    const entry = compiled.routes.find((r) => r.namespace === ns && r.name === object.metadata.name);
    const total = Array.isArray((object.spec as { rules?: unknown[] })?.rules)
      ? (object.spec as { rules: unknown[] }).rules.length
      : 0;
    if (!entry?.config) {
      return accepted.status === 'False' && !entry
        ? { type: 'Programmed', status: 'False', reason: accepted.reason, message: 'The route is not valid.' }
        : {
            type: 'Programmed',
            status: 'False',
            reason: 'NoRulesProgrammed',
            message:
              'No rule has a usable backend, so the route is left out of every snapshot (see ResolvedRefs).',
          };
    }
    const n = entry.config.rules.length;
    // The strategy in effect, for rules that do not split by weight (the default).
    const chosen = entry.config.rules.filter((r) => r.strategy);
    const strategies = chosen.map((r) => `${r.name} ${r.strategy!.type}`).join(', ');
    const rest = chosen.length < n ? ' (the other rules Weighted)' : '';
    return {
      type: 'Programmed',
      status: 'True',
      reason: 'Programmed',
      message:
        (n === total
          ? `All ${n} rules are programmed.`
          : `${n} of ${total} rules are programmed; the others are left out (see the other conditions).`) +
        (strategies ? ` Strategy: ${strategies}${rest}.` : ''),
    };
  }
  const failing = [accepted, resolved].find((c) => c.status !== 'True');
  if (failing)
    return { type: 'Programmed', status: 'False', reason: failing.reason, message: failing.message };
  if (kind === 'AIProvider') {
    const users = new Set(
      compiled.routes
        .filter((r) =>
          r.config?.rules.some((rule) =>
            [...rule.backends, ...(rule.fallback?.backends ?? [])].some((b) => b.provider === id),
          ),
        )
        .map((r) => `${r.namespace}/${r.name}`),
    );
    const list = [...users].sort();
    return {
      type: 'Programmed',
      status: 'True',
      reason: 'Programmed',
      message:
        list.length === 0
          ? 'The provider is available to routes; no route uses it yet.'
          : `Used by ${list.length === 1 ? 'route' : `${list.length} routes:`} ${truncateList(list)}.`,
    };
  }
  const enforcement = (object.spec as { enforcement?: string })?.enforcement;
  return {
    type: 'Programmed',
    status: 'True',
    reason: 'Programmed',
    message:
      enforcement === 'Shadow'
        ? `Sent to the sidecars of namespace ${ns} in Shadow mode (reported, not enforced).`
        : `Sent to the sidecars of namespace ${ns}.`,
  };
}

/** An access request is Ready when approved (and valid): its namespace holds the grant. */
function accessReady(object: KubeObject, checks: DesiredCondition[]): DesiredCondition {
  const failing = checks.find((c) => c.status !== 'True');
  if (failing) return { type: 'Ready', status: 'False', reason: failing.reason, message: failing.message };
  const spec = object.spec as { provider: { name: string; namespace: string }; models?: string[] };
  const provider = `${spec.provider.namespace}/${spec.provider.name}`;
  const { phase, decidedBy } = accessPhase(object.status);
  const decision = (object.status as { decision?: { at?: string; message?: string } } | undefined)?.decision;
  const note = decision?.message ? `: ${decision.message}` : '';
  const when = decision?.at ? ` at ${decision.at}` : '';
  const what = `AIProvider ${provider}${spec.models ? ` (models ${spec.models.join(', ')})` : ''}`;
  const ns = object.metadata.namespace ?? 'default';
  switch (phase) {
    case 'Approved':
      return {
        type: 'Ready',
        status: 'True',
        reason: 'Approved',
        message: `Approved by ${decidedBy}${when}${note}: namespace ${ns} may use ${what}.`.slice(
          0,
          MAX_MESSAGE,
        ),
      };
    case 'Pending':
      return {
        type: 'Ready',
        status: 'False',
        reason: 'Pending',
        message: `Waiting for a decision by a user who may approve aiproviders/${spec.provider.name} in namespace ${spec.provider.namespace}.`,
      };
    default:
      return {
        type: 'Ready',
        status: 'False',
        reason: phase,
        message:
          `${phase} by ${decidedBy}${when}${note}: namespace ${ns} may not use ${what} through this request.`.slice(
            0,
            MAX_MESSAGE,
          ),
      };
  }
}

function resolvedMessage(kind: AIMeshKind, object: KubeObject): string {
  if (kind === 'AIProvider') {
    const ref = (object.spec as { auth?: { secretRef?: { name?: string } } })?.auth?.secretRef?.name;
    return ref
      ? `Credentials found in Secret ${object.metadata.namespace}/${ref}.`
      : 'No credentials to resolve.';
  }
  if (kind === 'AIRoute')
    return 'Every backend references a provider that exists, allows this namespace and is ready.';
  if (kind === 'AIAccessRequest') return 'The provider and the models asked for exist.';
  return 'The quota references nothing to resolve.';
}

/** Reasons that only follow from another problem (a rule without backends because they failed). */
const CONSEQUENCES = new Set(['NoUsableBackends']);

/** The reason a condition shows: the first cause, not a consequence of it. */
export function primaryReason(problems: Problem[]): string {
  return (problems.find((p) => !CONSEQUENCES.has(p.reason)) ?? problems[0]!).reason;
}

/** "message (path); message (path)" — problems already name references, never secret values. */
export function describe(problems: Problem[]): string {
  const causesFirst = [...problems].sort(
    (a, b) => Number(CONSEQUENCES.has(a.reason)) - Number(CONSEQUENCES.has(b.reason)),
  );
  const parts = causesFirst.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const next = out ? `${out}; ${parts[i]}` : parts[i]!;
    if (next.length > MAX_MESSAGE - 24) return `${out}; and ${parts.length - i} more`;
    out = next;
  }
  return out;
}

function truncateList(items: string[], max = 10): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/**
 * Merges desired conditions into the current ones: lastTransitionTime is kept while the status
 * stays the same; condition types the operator does not own (another controller's) are kept.
 */
export function mergeConditions(
  current: Condition[] | undefined,
  desired: DesiredCondition[],
  generation: number | undefined,
  now: string,
): Condition[] {
  const byType = new Map((current ?? []).map((c) => [c.type, c]));
  const owned = new Set(desired.map((d) => d.type));
  const merged = desired.map((d): Condition => {
    const old = byType.get(d.type);
    return {
      type: d.type,
      status: d.status,
      reason: d.reason,
      message: d.message,
      ...(generation !== undefined ? { observedGeneration: generation } : {}),
      lastTransitionTime: old && old.status === d.status ? old.lastTransitionTime : now,
    };
  });
  const foreign = (current ?? []).filter(
    (c) => !owned.has(c.type) && !(OWNED_CONDITIONS as readonly string[]).includes(c.type),
  );
  return [...merged, ...foreign];
}

/** The owned status a resource should have, given what it has now. */
export function desiredStatus(input: StatusInput, now: string): OwnedStatus {
  const current = (input.object.status ?? {}) as Partial<OwnedStatus>;
  const generation = input.object.metadata.generation;
  const status: OwnedStatus = {
    ...(generation !== undefined ? { observedGeneration: generation } : {}),
    conditions: mergeConditions(current.conditions, desiredConditions(input), generation, now),
  };
  if (input.kind === 'AIRoute') {
    const ns = input.object.metadata.namespace;
    const entry = input.compiled.routes.find(
      (r) => r.namespace === ns && r.name === input.object.metadata.name,
    );
    status.rules = entry?.config?.rules.length ?? 0;
    const rollout = input.rollout ?? { connected: 0, current: 0 };
    if (rollout.version) status.version = rollout.version.slice(0, 12);
    status.sidecars = { connected: rollout.connected, current: rollout.current };
  }
  return status;
}

/** Does the resource already carry this owned status (so no write is needed)? */
export function statusUpToDate(object: KubeObject, want: OwnedStatus): boolean {
  const have = (object.status ?? {}) as Partial<OwnedStatus>;
  return (
    have.observedGeneration === want.observedGeneration &&
    sameConditions(have.conditions ?? [], want.conditions) &&
    have.rules === want.rules &&
    have.version === want.version &&
    have.sidecars?.connected === want.sidecars?.connected &&
    have.sidecars?.current === want.sidecars?.current
  );
}

function sameConditions(a: Condition[], b: Condition[]): boolean {
  if (a.length !== b.length) return false;
  const key = (c: Condition) =>
    [c.type, c.status, c.reason, c.message, c.observedGeneration ?? '', c.lastTransitionTime].join('\u0000');
  return a.every((c, i) => key(c) === key(b[i]!));
}

/**
 * The merge patch that writes exactly the owned fields: status.conditions is replaced as a whole,
 * status.limits (the quota service's) is left alone; fields that went away are removed (null).
 */
export function statusPatch(object: KubeObject, want: OwnedStatus): { status: Record<string, unknown> } {
  const have = (object.status ?? {}) as Record<string, unknown>;
  const status: Record<string, unknown> = { ...want };
  for (const f of ['observedGeneration', 'rules', 'version', 'sidecars'] as const) {
    if (want[f] === undefined && have[f] !== undefined) status[f] = null;
  }
  return { status };
}

export interface StatusEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  note: string;
}

/**
 * Events for what changed: a condition turning False (or Unknown) or its reason/message changing
 * while not True, warnings newly accepted, and recoveries. Computed from the stored status, so a
 * restarted or new leader does not repeat them.
 */
export function statusEvents(
  previous: Condition[] | undefined,
  next: Condition[],
  kind?: AIMeshKind,
): StatusEvent[] {
  const before = new Map((previous ?? []).map((c) => [c.type, c]));
  const events: StatusEvent[] = [];
  for (const c of next) {
    if (c.type === 'Ready' && kind === 'AIAccessRequest') {
      const event = decisionEvent(before.get(c.type), c);
      if (event) events.push(event);
      continue;
    }
    if (c.type === 'Ready') continue; // it echoes the others
    // Programmed echoes Accepted/ResolvedRefs, except when sidecars refused the snapshot.
    if (
      c.type === 'Programmed' &&
      c.reason !== SNAPSHOT_REFUSED &&
      before.get(c.type)?.reason !== SNAPSHOT_REFUSED
    )
      continue;
    if (c.type === 'BudgetAlert') continue; // budget alerts record their own Event per crossing
    if (!(OWNED_CONDITIONS as readonly string[]).includes(c.type)) continue;
    const old = before.get(c.type);
    const same = old && old.status === c.status && old.reason === c.reason && old.message === c.message;
    if (same) continue;
    if (c.status !== 'True') {
      if (c.status === 'Unknown') continue;
      events.push({ type: 'Warning', reason: c.reason, note: c.message });
    } else if (old && old.status !== 'True') {
      events.push({ type: 'Normal', reason: c.reason, note: `${c.type}: ${c.message}` });
    } else if (c.message.startsWith('Accepted with warnings')) {
      events.push({ type: 'Warning', reason: 'AcceptedWithWarnings', note: c.message });
    }
  }
  return events;
}

/** The phases an access request's Ready condition reports (other reasons echo Accepted/ResolvedRefs). */
const DECISIONS = new Set(['Pending', 'Approved', 'Denied', 'Revoked']);

/** An access request's new phase, as an Event: the requester's side of the story. */
export function decisionEvent(old: Condition | undefined, c: Condition): StatusEvent | undefined {
  if (!DECISIONS.has(c.reason) || old?.reason === c.reason) return undefined;
  return {
    type: c.reason === 'Denied' || c.reason === 'Revoked' ? 'Warning' : 'Normal',
    reason: c.reason,
    note: c.message,
  };
}
