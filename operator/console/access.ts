// Access: AIAccessRequests (a namespace asks to use a provider) and their decisions. A user sees
// the requests of namespaces where they may list them, and the requests for providers they may
// approve (verb "approve" on aiproviders in the provider's namespace). A decision is a write of
// the request's status subresource made WITH THE USER'S OWN TOKEN, so the admission webhook judges
// the real user (never the requester; needs approve on the provider) and records who and when;
// its refusal is shown as the apiserver returned it.
import { type KubeApi, KubeError, type KubeObject, RESOURCES, resourcePath } from '../kube/api.ts';
import type { User } from './auth.ts';
import { type Html, html } from './html.ts';
import { namespacePicker, notice, table, when } from './layout.ts';
import { aimesh, Forbidden, idOf, namespaceOf, type ViewContext } from './view.ts';

export const PHASES = ['Pending', 'Approved', 'Denied', 'Revoked'] as const;
export type Phase = (typeof PHASES)[number];
/** The decisions each phase may move to (the CRD's CEL and the webhook enforce the same). */
export const NEXT: Record<Phase, readonly Phase[]> = {
  Pending: ['Approved', 'Denied'],
  Approved: ['Revoked'],
  Denied: [],
  Revoked: [],
};
const VERB: Record<Phase, string> = { Pending: '', Approved: 'Approve', Denied: 'Deny', Revoked: 'Revoke' };
const MAX_MESSAGE = 1024;

export interface AccessRow {
  namespace: string;
  name: string;
  provider: { namespace: string; name: string };
  models?: string[];
  reason: string;
  requester?: string;
  phase: Phase;
  decision?: { by?: string; at?: string; message?: string };
  createdAt?: string;
  /** Whether this user may write the decision (the webhook still judges it). */
  canDecide: boolean;
}

export interface AccessData {
  requests: AccessRow[];
}

export async function accessData(ctx: ViewContext): Promise<AccessData> {
  const all = ctx.sources.accessRequests();
  const listable = new Set(
    await ctx.authz.namespaces(ctx.user, aimesh('aiaccessrequests'), all.map(namespaceOf)),
  );
  const providerNs = all.map((r) => providerOf(r).namespace);
  const approvable = new Set(
    await ctx.authz.namespaces(ctx.user, aimesh('aiproviders', 'approve'), providerNs),
  );
  const writable = new Set(
    await ctx.authz.namespaces(
      ctx.user,
      { ...aimesh('aiaccessrequests', 'patch'), subresource: 'status' },
      all.map(namespaceOf),
    ),
  );
  if (ctx.namespace && !listable.has(ctx.namespace) && !approvable.has(ctx.namespace)) {
    const may = await ctx.authz.can(ctx.user, { ...aimesh('aiaccessrequests'), namespace: ctx.namespace });
    if (!may)
      throw new Forbidden(
        `${ctx.user.username} may not list aiaccessrequests.aimesh.io in namespace ${ctx.namespace}`,
      );
  }
  const rows = all
    .filter((r) => listable.has(namespaceOf(r)) || approvable.has(providerOf(r).namespace))
    .filter(
      (r) => !ctx.namespace || namespaceOf(r) === ctx.namespace || providerOf(r).namespace === ctx.namespace,
    )
    .map((r): AccessRow => {
      const spec = (r.spec ?? {}) as { models?: string[]; reason?: string; requester?: string };
      const status = (r.status ?? {}) as { phase?: Phase; decision?: AccessRow['decision'] };
      const phase = PHASES.includes(status.phase as Phase) ? (status.phase as Phase) : 'Pending';
      return {
        namespace: namespaceOf(r),
        name: r.metadata.name,
        provider: providerOf(r),
        ...(spec.models ? { models: spec.models } : {}),
        reason: spec.reason ?? '',
        ...(spec.requester ? { requester: spec.requester } : {}),
        phase,
        ...(status.decision ? { decision: status.decision } : {}),
        ...(r.metadata.creationTimestamp ? { createdAt: r.metadata.creationTimestamp } : {}),
        canDecide: writable.has(namespaceOf(r)) && NEXT[phase].length > 0,
      };
    });
  // Pending first (what needs a decision), then newest.
  rows.sort(
    (a, b) =>
      Number(b.phase === 'Pending') - Number(a.phase === 'Pending') ||
      (b.createdAt ?? '').localeCompare(a.createdAt ?? '') ||
      a.name.localeCompare(b.name),
  );
  return { requests: rows };
}

function providerOf(r: KubeObject): { namespace: string; name: string } {
  const p = (r.spec as { provider?: { namespace?: string; name?: string } } | undefined)?.provider;
  return { namespace: p?.namespace ?? namespaceOf(r), name: p?.name ?? '' };
}

export type DecisionResult =
  | { ok: true; request: KubeObject }
  | { ok: false; status: number; message: string };

/** Validates a decision from a form or the JSON API; a message naming the field when it is bad. */
export function parseDecision(body: unknown): { phase: Phase; message?: string } | string {
  const b = (body ?? {}) as { phase?: unknown; message?: unknown };
  if (typeof b.phase !== 'string' || !['Approved', 'Denied', 'Revoked'].includes(b.phase))
    return 'phase must be Approved, Denied or Revoked';
  if (b.message !== undefined && typeof b.message !== 'string') return 'message must be a string';
  const message = typeof b.message === 'string' ? b.message.trim() : '';
  if (message.length > MAX_MESSAGE) return `message must be at most ${MAX_MESSAGE} characters`;
  return { phase: b.phase as Phase, ...(message ? { message } : {}) };
}

/**
 * Writes the decision as the user: a merge patch of the status subresource with their token. The
 * webhook replaces decision.by/at with what the apiserver authenticated; what is sent is the
 * user's own account of it.
 */
export async function decide(
  asUser: KubeApi,
  user: User,
  namespace: string,
  name: string,
  d: { phase: Phase; message?: string },
  now = new Date(),
): Promise<DecisionResult> {
  const path = `${resourcePath(RESOURCES.AIAccessRequest, namespace, name)}/status`;
  try {
    const request = await asUser.patch<KubeObject>(
      path,
      {
        status: {
          phase: d.phase,
          decision: {
            by: user.username,
            at: now.toISOString(),
            ...(d.message ? { message: d.message } : {}),
          },
        },
      },
      'merge',
    );
    return { ok: true, request };
  } catch (err) {
    if (!(err instanceof KubeError)) throw err;
    return { ok: false, status: err.status >= 400 ? err.status : 502, message: apiMessage(err) };
  }
}

/** The apiserver's own words (the webhook's refusal), without our request line in front. */
export function apiMessage(err: KubeError): string {
  return err.message.replace(/^[A-Z]+ \S+: \d+ /, '');
}

export function accessPage(
  data: AccessData,
  csrf: string,
  all: string[],
  selected?: string,
  flash?: { kind: 'ok' | 'error'; text: string },
): Html {
  return html`<p class="muted">Requests to use a provider, and who decided them. A decision is made with your own Kubernetes identity; the admission webhook refuses self-approval and decisions without the <code>approve</code> right on the provider.</p>
${flash ? notice(flash.kind, flash.text) : ''}
${namespacePicker('access', all, selected)}
${table(
  'Access requests',
  ['Request', 'Provider / models', 'Reason', 'Requested by', 'Phase', 'Decision', 'Decide'],
  data.requests.map((r) => [
    html`${r.namespace}/${r.name}${r.createdAt ? html`<br><span class="muted">${when(r.createdAt)}</span>` : ''}`,
    html`${r.provider.namespace}/${r.provider.name}<br><span class="muted">${r.models?.join(', ') ?? 'every model'}</span>`,
    html`${r.reason}`,
    html`${r.requester ?? '\u2014'}`,
    html`<span class="badge ${r.phase}">${r.phase}</span>`,
    html`${r.decision ? html`${r.decision.by ?? '?'}<br><span class="muted">${when(r.decision.at)}</span>${r.decision.message ? html`<br>${r.decision.message}` : ''}` : '\u2014'}`,
    r.canDecide ? decisionForm(r, csrf) : html`<span class="muted">&mdash;</span>`,
  ]),
)}`;
}

function decisionForm(r: AccessRow, csrf: string): Html {
  const id = `${r.namespace}-${r.name}`;
  return html`<form class="decide" method="post" action="/access/${encodeURIComponent(r.namespace)}/${encodeURIComponent(r.name)}/decision">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label for="msg-${id}">Note</label>
  <input type="text" id="msg-${id}" name="message" maxlength="${MAX_MESSAGE}" autocomplete="off">
  ${NEXT[r.phase].map(
    (p) =>
      html`<button type="submit" name="phase" value="${p}"${p === 'Approved' ? '' : html` class="secondary"`} aria-label="${VERB[p]} ${idOf({ metadata: { name: r.name, namespace: r.namespace } })}">${VERB[p]}</button>`,
  )}
</form>`;
}
