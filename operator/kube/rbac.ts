// The operator's RBAC, least privilege, as Kubernetes objects. The Helm chart renders the same
// rules; the integration tests run the operator with exactly these permissions.
//
// Why each rule: AIMesh resources are read cluster-wide and only their status is written; Secrets
// are listed and watched cluster-wide (provider credentials may live in any namespace; the
// informer skips service-account, docker, TLS, bootstrap and Helm release types); Pods and
// Namespaces are read for injection decisions and sidecar identity; TokenReviews authenticate
// sidecars; Events report problems; the webhook configuration's caBundle is kept current. In its
// own namespace the operator keeps Leases (election and rollout reports) and its TLS Secret.

export interface RbacOptions {
  /** Name of the roles and bindings. */
  name?: string;
  namespace: string;
  serviceAccount: string;
  webhookConfig?: string;
  certSecret?: string;
}

export function clusterRules(webhookConfig = 'aimesh-sidecar-injector') {
  return [
    {
      apiGroups: ['aimesh.io'],
      resources: ['aiproviders', 'airoutes', 'aiquotas'],
      verbs: ['get', 'list', 'watch'],
    },
    {
      apiGroups: ['aimesh.io'],
      resources: ['aiproviders/status', 'airoutes/status', 'aiquotas/status'],
      verbs: ['get', 'patch'],
    },
    { apiGroups: [''], resources: ['secrets', 'namespaces', 'pods'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: ['create'] },
    { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
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
    { apiGroups: [''], resources: ['secrets'], resourceNames: [certSecret], verbs: ['get', 'update'] },
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
      rules: clusterRules(o.webhookConfig),
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
  ];
}
