// `aimesh-operator access approve|deny|revoke <namespace>/<name> [-m <message>]`: decide on an
// AIAccessRequest with your own credentials (your kubeconfig, like kubectl). The decision is a
// write of the request's status; the operator's admission webhook checks that you are not the
// requester and may approve the provider, and records you as decision.by. Refusals come back
// from the apiserver with the webhook's reason.
import { type KubeApi, KubeError, RESOURCES, resourcePath } from '../kube/api.ts';

export const ACCESS_VERBS = { approve: 'Approved', deny: 'Denied', revoke: 'Revoked' } as const;
export type AccessVerb = keyof typeof ACCESS_VERBS;

export interface AccessOptions {
  command: 'access';
  verb: AccessVerb;
  namespace: string;
  name: string;
  message?: string;
  kubeconfig?: string;
}

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

interface AccessRequest {
  spec?: { provider?: { name?: string; namespace?: string }; requester?: string };
  status?: { phase?: string; decision?: { by?: string; at?: string; message?: string } };
}

/** Exit code: 0 decided, 1 refused or failed. */
export async function runAccess(opts: AccessOptions, io: Io, kube: KubeApi): Promise<number> {
  const path = resourcePath(RESOURCES.AIAccessRequest, opts.namespace, opts.name);
  const id = `${opts.namespace}/${opts.name}`;
  const phase = ACCESS_VERBS[opts.verb];
  try {
    // The decision replaces the last one: a message is this decider's, or none (null removes it).
    const decided = await kube.patch<AccessRequest>(
      `${path}/status`,
      { status: { phase, decision: opts.message ? { message: opts.message } : null } },
      'merge',
    );
    const d = decided.status?.decision;
    const provider = decided.spec?.provider;
    io.stdout(
      `aiaccessrequest ${id} ${decided.status?.phase ?? phase}` +
        `${d?.by ? ` by ${d.by}` : ''}${d?.at ? ` at ${d.at}` : ''}` +
        `${provider ? ` (AIProvider ${provider.namespace}/${provider.name}, requested by ${decided.spec?.requester ?? 'unknown'})` : ''}\n`,
    );
    return 0;
  } catch (err) {
    const status = err instanceof KubeError ? err.status : 0;
    const hint =
      status === 404
        ? ` (no AIAccessRequest ${id}: kubectl get aiaccess -A lists them)`
        : status === 403 && /aiaccessrequests\/status|cannot patch/.test((err as Error).message)
          ? ' (deciding needs update on aiaccessrequests/status and approve on the AIProvider: see the chart roles access-decider and access-approver)'
          : '';
    io.stderr(`error: cannot ${opts.verb} ${id}: ${(err as Error).message}${hint}\n`);
    return 1;
  }
}
