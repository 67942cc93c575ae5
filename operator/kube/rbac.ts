// The operator's RBAC, least privilege, as Kubernetes objects. The Helm chart renders the same
// rules; the integration tests run the operator with exactly these permissions.
//
// Why each rule: AIMesh resources are read cluster-wide and only their status is written; Secrets
// are read where provider credentials live: in the provider namespaces when they are named (a Role
// in each), else cluster-wide; either way the operator watches only the Secrets AIProviders
// reference, each by name (controller/secrets.ts), and caches nothing else; Pods and
// Namespaces are read for injection decisions and sidecar identity; TokenReviews authenticate
// sidecars (and web console users); SubjectAccessReviews check who may decide on an
// AIAccessRequest (the operator writes only the conditions of its status, never a decision) and
// what a console user may see; Events report problems; the webhook configuration's caBundle is
// kept current. In its
// own namespace the operator keeps Leases (election and rollout reports) and its TLS Secrets
// (serving certificate; CA key and trust bundle).

export interface RbacOptions {
  /** Name of the roles and bindings. */
  name?: string;
  namespace: string;
  serviceAccount: string;
  webhookConfig?: string;
  certSecret?: string;
  /** Namespaces whose Secrets AIProviders may reference; unset: any namespace (a ClusterRole). */
  providerNamespaces?: string[];
}

/** Reading provider credentials (only referenced Secrets are ever watched, each by name). */
export const secretReadRules = () => [
  { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
];

export function clusterRules(webhookConfig = 'aimesh-sidecar-injector', providerNamespaces?: string[]) {
  return [
    {
      apiGroups: ['aimesh.io'],
      resources: ['aiproviders', 'airoutes', 'aiquotas', 'aiaccessrequests'],
      verbs: ['get', 'list', 'watch'],
    },
    {
      apiGroups: ['aimesh.io'],
      resources: ['aiproviders/status', 'airoutes/status', 'aiquotas/status', 'aiaccessrequests/status'],
      verbs: ['get', 'patch'],
    },
    { apiGroups: [''], resources: ['namespaces', 'pods'], verbs: ['get', 'list', 'watch'] },
    ...(providerNamespaces ? [] : secretReadRules()),
    { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: ['create'] },
    { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
    { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
    {
      apiGroups: ['admissionregistration.k8s.io'],
      resources: ['mutatingwebhookconfigurations'],
      resourceNames: [webhookConfig],
      verbs: ['get', 'list', 'watch', 'patch'],
    },
  ];
}

export function namespaceRules(certSecret = 'aimesh-operator-tls') {
  return [
    {
      apiGroups: ['coordination.k8s.io'],
      resources: ['leases'],
      verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
    },
    // create cannot be limited by name; get/update can.
    { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
    // The serving Secret and the CA Secret (CA key and trust bundle: nobody else reads it).
    {
      apiGroups: [''],
      resources: ['secrets'],
      resourceNames: [certSecret, `${certSecret}-ca`],
      verbs: ['get', 'update'],
    },
  ];
}

/** ClusterRole, ClusterRoleBinding, Role and RoleBinding for the operator's ServiceAccount. */
export function operatorRbac(o: RbacOptions): Record<string, unknown>[] {
  const name = o.name ?? 'aimesh-operator';
  const subject = { kind: 'ServiceAccount', name: o.serviceAccount, namespace: o.namespace };
  const rbac = 'rbac.authorization.k8s.io';
  return [
    {
      apiVersion: `${rbac}/v1`,
      kind: 'ClusterRole',
      metadata: { name },
      rules: clusterRules(o.webhookConfig, o.providerNamespaces),
    },
    {
      apiVersion: `${rbac}/v1`,
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: { apiGroup: rbac, kind: 'ClusterRole', name },
      subjects: [subject],
    },
    {
      apiVersion: `${rbac}/v1`,
      kind: 'Role',
      metadata: { name, namespace: o.namespace },
      rules: namespaceRules(o.certSecret),
    },
    {
      apiVersion: `${rbac}/v1`,
      kind: 'RoleBinding',
      metadata: { name, namespace: o.namespace },
      roleRef: { apiGroup: rbac, kind: 'Role', name },
      subjects: [subject],
    },
    ...(o.providerNamespaces ?? []).flatMap((namespace) => [
      {
        apiVersion: `${rbac}/v1`,
        kind: 'Role',
        metadata: { name: `${name}-secrets`, namespace },
        rules: secretReadRules(),
      },
      {
        apiVersion: `${rbac}/v1`,
        kind: 'RoleBinding',
        metadata: { name: `${name}-secrets`, namespace },
        roleRef: { apiGroup: rbac, kind: 'Role', name: `${name}-secrets` },
        subjects: [subject],
      },
    ]),
  ];
}
