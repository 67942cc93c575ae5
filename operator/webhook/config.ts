// The MutatingWebhookConfiguration the injector expects (the Helm chart renders the same; tests
// create it with a url). Three webhooks narrow the blast radius with selectors:
//  - namespaces labelled aimesh.io/inject=enabled: every pod (the pod may still opt out);
//  - other namespaces (minus kube-system, kube-public and the operator's own): pods labelled
//    aimesh.io/inject=true;
//  - the same namespaces, every other pod: the opt-in may be a pod annotation, which selectors
//    cannot see; the webhook decides.
// failurePolicy (default Ignore) applies to the first two, the pods that opted in: with Fail, such
// a pod is not created while the injector is down. The third always ignores failures: it sees
// every pod of the cluster, and an injector outage must not stop pods that never asked.
// reinvocationPolicy IfNeeded: other webhooks that add containers later still get our env.
// A fourth webhook, access.aimesh.io, sees only AIAccessRequests (and their status) and fails
// closed: without it a client could write its own decision.
import { GROUP, VERSION } from '../../crds/api.ts';
import { INJECT_LABEL } from './inject.ts';
import { ACCESS_PATH, INJECT_PATH } from './server.ts';

export interface WebhookConfigOptions {
  name: string;
  operatorNamespace: string;
  /** In-cluster: the operator's Service; tests and out-of-cluster runs: a URL. */
  service?: { name: string; namespace: string; port: number };
  url?: string;
  caBundle?: string;
  timeoutSeconds?: number;
  /** For pods that opted in by namespace or pod label; default Ignore. */
  failurePolicy?: 'Ignore' | 'Fail';
  /** Include access.aimesh.io (AIAccessRequest admission); default true. */
  access?: boolean;
}

/** The access webhook: AIAccessRequest create/update and status updates, failurePolicy Fail. */
export function accessWebhook(
  clientConfig: Record<string, unknown>,
  timeoutSeconds = 5,
): Record<string, unknown> {
  return {
    name: 'access.aimesh.io',
    clientConfig,
    rules: [
      {
        operations: ['CREATE', 'UPDATE'],
        apiGroups: [GROUP],
        apiVersions: [VERSION],
        resources: ['aiaccessrequests', 'aiaccessrequests/status'],
        scope: 'Namespaced',
      },
    ],
    admissionReviewVersions: ['v1'],
    sideEffects: 'None',
    failurePolicy: 'Fail',
    reinvocationPolicy: 'Never',
    timeoutSeconds,
    matchPolicy: 'Equivalent',
  };
}

export function mutatingWebhookConfiguration(o: WebhookConfigOptions): Record<string, unknown> {
  const clientConfigFor = (path: string) => ({
    ...(o.url ? { url: `${o.url.replace(/\/+$/, '')}${path}` } : { service: { ...o.service!, path } }),
    ...(o.caBundle ? { caBundle: Buffer.from(o.caBundle).toString('base64') } : {}),
  });
  const clientConfig = clientConfigFor(INJECT_PATH);
  const common = {
    clientConfig,
    rules: [
      {
        operations: ['CREATE'],
        apiGroups: [''],
        apiVersions: ['v1'],
        resources: ['pods'],
        scope: 'Namespaced',
      },
    ],
    admissionReviewVersions: ['v1'],
    sideEffects: 'None',
    failurePolicy: o.failurePolicy ?? 'Ignore',
    reinvocationPolicy: 'IfNeeded',
    timeoutSeconds: o.timeoutSeconds ?? 5,
    matchPolicy: 'Equivalent',
  };
  const excluded = ['kube-system', 'kube-public', o.operatorNamespace];
  const elsewhere = {
    matchExpressions: [
      { key: INJECT_LABEL, operator: 'NotIn', values: ['enabled'] },
      { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: excluded },
    ],
  };
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { name: o.name },
    webhooks: [
      {
        name: 'namespace.inject.aimesh.io',
        ...common,
        namespaceSelector: { matchLabels: { [INJECT_LABEL]: 'enabled' } },
      },
      {
        name: 'pod.inject.aimesh.io',
        ...common,
        namespaceSelector: elsewhere,
        objectSelector: { matchExpressions: [{ key: INJECT_LABEL, operator: 'In', values: ['true'] }] },
      },
      {
        name: 'annotation.inject.aimesh.io',
        ...common,
        failurePolicy: 'Ignore',
        namespaceSelector: elsewhere,
        objectSelector: {
          matchExpressions: [{ key: INJECT_LABEL, operator: 'NotIn', values: ['true', 'false'] }],
        },
      },
      ...(o.access === false ? [] : [accessWebhook(clientConfigFor(ACCESS_PATH), o.timeoutSeconds)]),
    ],
  };
}
