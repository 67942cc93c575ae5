// What every view reads and how it is scoped: the operator's informer caches (no extra load on
// the apiserver), this replica's sidecar streams and, per user, the namespaces a
// SubjectAccessReview allows for the view's resource.
import type { KubeObject } from '../kube/api.ts';
import type { SidecarRow } from '../push/hub.ts';
import type { Access, Authorizer, User } from './auth.ts';

export interface ConsoleSources {
  /** The informer caches of the AIMesh resources. */
  objects(kind: 'AIProvider' | 'AIRoute' | 'AIQuota'): readonly KubeObject[];
  namespaces(): readonly KubeObject[];
  /** The sidecars connected to this replica. */
  sidecars(): SidecarRow[];
  /** Every AIAccessRequest (the informer cache). */
  accessRequests(): readonly KubeObject[];
}

export interface ViewContext {
  user: User;
  authz: Authorizer;
  sources: ConsoleSources;
  /** ?namespace=: one namespace only. */
  namespace?: string;
}

/** The user may see nothing of this view (or not the namespace asked for): 403. */
export class Forbidden extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Forbidden';
  }
}

export const aimesh = (resource: string, verb = 'list'): Omit<Access, 'namespace'> => ({
  verb,
  group: 'aimesh.io',
  resource,
});

/**
 * The namespaces of `candidates` the user may see with `access`; with ctx.namespace, that one
 * namespace or Forbidden (403).
 */
export async function permitted(
  ctx: ViewContext,
  access: Omit<Access, 'namespace'>,
  candidates: Iterable<string>,
): Promise<string[]> {
  if (ctx.namespace) {
    if (await ctx.authz.can(ctx.user, { ...access, namespace: ctx.namespace })) return [ctx.namespace];
    const what = `${access.verb} ${access.resource}${access.group ? `.${access.group}` : ''}`;
    throw new Forbidden(`${ctx.user.username} may not ${what} in namespace ${ctx.namespace}`);
  }
  // None permitted is an empty view, not a 403: the user may hold rights where there is no data.
  return ctx.authz.namespaces(ctx.user, access, candidates);
}

export const namespaceOf = (o: KubeObject) => o.metadata.namespace ?? '';
export const idOf = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;

/** A condition's status of an object (Ready, Accepted, ...), if it has one. */
export function condition(
  o: KubeObject,
  type: string,
): { status: string; reason?: string; message?: string } | undefined {
  const list = (
    o.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] }
  )?.conditions;
  return list?.find((c) => c.type === type);
}

/** A short version for tables (the full sha256 stays in the JSON API and the title attribute). */
export const shortVersion = (v: string | null | undefined) =>
  v ? v.replace(/^sha256:/, '').slice(0, 12) : '\u2014';
