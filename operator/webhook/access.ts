// Admission of AIAccessRequests (path /access, failurePolicy Fail): who asked and who decided are
// facts the apiserver authenticated, never what a client wrote.
//  - create / update: spec.requester is the creating user (kept from the stored object on update);
//  - status update: a phase change is a decision. It must be an allowed transition, made by
//    someone other than the requester, who may `approve` the AIProvider (a SubjectAccessReview,
//    like CertificateSigningRequest approval); status.decision records who and when. A status
//    write that keeps the phase (the operator's conditions) keeps the recorded decision too.
import { ACCESS_PHASES, ACCESS_TRANSITIONS, type AccessPhase } from '../../crds/aiaccessrequest.ts';
import { GROUP } from '../../crds/api.ts';
import { type KubeApi, RESOURCES, resourcePath } from '../kube/api.ts';

export interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

export interface AccessAdmission {
  operation?: string;
  subResource?: string;
  namespace?: string;
  userInfo?: UserInfo;
  object?: AccessRequestObject;
  oldObject?: AccessRequestObject;
}

interface AccessRequestObject {
  metadata?: { name?: string; namespace?: string };
  spec?: { provider?: { name?: string; namespace?: string }; requester?: string };
  status?: { phase?: string; decision?: { by?: string; at?: string; message?: string } };
}

/** The authorization question a decision needs answered (SubjectAccessReview). */
export interface ApproveCheck {
  user: UserInfo;
  verb: 'approve';
  group: string;
  resource: 'aiproviders';
  namespace: string;
  name: string;
}

export type Authorize = (check: ApproveCheck) => Promise<{ allowed: boolean; reason?: string }>;

export type PatchOp =
  | { op: 'add' | 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

export type AccessVerdict =
  | { allowed: true; patch: PatchOp[] }
  | { allowed: false; code: number; message: string };

const allow = (patch: PatchOp[] = []): AccessVerdict => ({ allowed: true, patch });
const deny = (code: number, message: string): AccessVerdict => ({ allowed: false, code, message });

const phaseOf = (o: AccessRequestObject | undefined): AccessPhase => {
  const p = o?.status?.phase;
  return (ACCESS_PHASES as readonly string[]).includes(p ?? '') ? (p as AccessPhase) : 'Pending';
};

/** RFC 3339 in whole seconds, as Kubernetes writes times. */
const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function admitAccessRequest(
  req: AccessAdmission,
  authorize: Authorize,
  now: () => Date = () => new Date(),
): Promise<AccessVerdict> {
  const user = req.userInfo ?? {};
  const object = req.object;
  if (!object) return allow();
  if (req.subResource === 'status') {
    if (req.operation !== 'UPDATE') return allow();
    return decide(req, user, object, authorize, now);
  }
  if (req.operation === 'CREATE') {
    if (!user.username) return deny(403, 'an AIAccessRequest needs an authenticated requester');
    return allow([setField('/spec/requester', object.spec?.requester, user.username)]);
  }
  if (req.operation === 'UPDATE') {
    const kept = req.oldObject?.spec?.requester;
    const current = object.spec?.requester;
    if (kept === current) return allow();
    if (kept === undefined) return allow([{ op: 'remove', path: '/spec/requester' }]);
    return allow([setField('/spec/requester', current, kept)]);
  }
  return allow();
}

async function decide(
  req: AccessAdmission,
  user: UserInfo,
  object: AccessRequestObject,
  authorize: Authorize,
  now: () => Date,
): Promise<AccessVerdict> {
  const from = phaseOf(req.oldObject);
  const to = phaseOf(object);
  const oldDecision = req.oldObject?.status?.decision;
  const hasStatus = object.status !== undefined;
  if (from === to) {
    // Not a decision (the operator's conditions, or a no-op): the recorded one stays as it was.
    const current = object.status?.decision;
    if (JSON.stringify(current) === JSON.stringify(oldDecision)) return allow();
    if (oldDecision === undefined) return allow([{ op: 'remove', path: '/status/decision' }]);
    return allow([
      hasStatus
        ? setField('/status/decision', current, oldDecision)
        : { op: 'add', path: '/status', value: { phase: to, decision: oldDecision } },
    ]);
  }
  const id = `${req.namespace ?? object.metadata?.namespace}/${object.metadata?.name}`;
  if (!ACCESS_TRANSITIONS[from].includes(to)) {
    const next = ACCESS_TRANSITIONS[from];
    return deny(
      422,
      `AIAccessRequest ${id} is ${from}: it cannot become ${to} (${next.length > 0 ? `only ${next.join(' or ')}` : 'a final decision'}; to ask again, create a new request)`,
    );
  }
  const username = user.username;
  if (!username) return deny(403, 'a decision needs an authenticated user');
  const requester = req.oldObject?.spec?.requester ?? object.spec?.requester;
  if (requester !== undefined && requester === username) {
    return deny(
      403,
      `${username} asked for this access (spec.requester of AIAccessRequest ${id}) and cannot decide on it: someone else who may approve the provider must`,
    );
  }
  const provider = req.oldObject?.spec?.provider ?? object.spec?.provider;
  if (!provider?.name || !provider.namespace) return deny(422, `AIAccessRequest ${id} names no provider`);
  const verdict = await authorize({
    user,
    verb: 'approve',
    group: GROUP,
    resource: 'aiproviders',
    namespace: provider.namespace,
    name: provider.name,
  });
  if (!verdict.allowed) {
    return deny(
      403,
      `${username} may not decide on AIAccessRequest ${id}: deciding needs the verb approve on aiproviders.${GROUP} ${provider.name} in namespace ${provider.namespace}${verdict.reason ? ` (${verdict.reason})` : ''}`,
    );
  }
  // The decider's note, when this write brings one (a merge patch of the phase alone keeps the
  // old decision in the object: its note belongs to that decision, not to this one).
  const message = object.status?.decision?.message;
  const fresh = message !== undefined && message !== oldDecision?.message ? message : undefined;
  const decision = { by: username, at: rfc3339(now()), ...(fresh ? { message: fresh } : {}) };
  return allow([
    hasStatus
      ? setField('/status/decision', object.status?.decision, decision)
      : { op: 'add', path: '/status', value: { phase: to, decision } },
  ]);
}

function setField(path: string, current: unknown, value: unknown): PatchOp {
  return { op: current === undefined ? 'add' : 'replace', path, value };
}

/** Authorize by SubjectAccessReview: the apiserver answers with the user's RBAC (or any authorizer). */
export function subjectAccessReview(kube: KubeApi): Authorize {
  return async (c) => {
    const review = await kube.create<{ status?: { allowed?: boolean; denied?: boolean; reason?: string } }>(
      resourcePath(RESOURCES.SubjectAccessReview),
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: {
          user: c.user.username,
          ...(c.user.uid ? { uid: c.user.uid } : {}),
          groups: c.user.groups ?? [],
          ...(c.user.extra ? { extra: c.user.extra } : {}),
          resourceAttributes: {
            namespace: c.namespace,
            verb: c.verb,
            group: c.group,
            resource: c.resource,
            name: c.name,
          },
        },
      },
    );
    const allowed = review.status?.allowed === true && review.status?.denied !== true;
    return { allowed, ...(review.status?.reason ? { reason: review.status.reason } : {}) };
  };
}
