import type { Manifest } from '../../crds/validate.ts';

export type AIMeshKind = 'AIProvider' | 'AIRoute' | 'AIQuota' | 'AIAccessRequest';

export interface ResourceRef {
  kind: AIMeshKind;
  namespace: string;
  name: string;
}

/** Something wrong with one resource. Messages name fields and references, never secret values. */
export interface Problem extends ResourceRef {
  /** Field path in the resource, e.g. spec.rules[1].backends[0].providerRef. */
  path: string;
  /** CamelCase, as in status conditions: Invalid, SecretNotFound, NotAllowedByProvider, ... */
  reason: string;
  message: string;
  /** The status condition this problem turns False. */
  condition: 'Accepted' | 'ResolvedRefs';
  /** Warnings (e.g. a shadowed rule) leave the resource working. */
  severity: 'error' | 'warning';
}

/** A Secret, decoded to strings. */
export interface SecretInput {
  namespace: string;
  name: string;
  data: Record<string, string>;
}

export interface NamespaceInput {
  name: string;
  labels: Record<string, string>;
}

/** Who a snapshot is for. Without labels every route and quota of the namespace applies. */
export interface Workload {
  namespace: string;
  name?: string;
  labels?: Record<string, string>;
  serviceAccount?: string;
  /** "gateway": the egress gateway of this namespace (compile/gateway.ts), not an app workload. */
  role?: 'gateway';
}

export interface CompileInput {
  /** AIProvider, AIRoute, AIQuota and AIAccessRequest manifests as stored (other kinds are ignored). */
  resources: Manifest[];
  secrets: SecretInput[];
  namespaces: NamespaceInput[];
  /** Snapshots to build; default: one namespace-wide snapshot per namespace with routes or quotas. */
  workloads?: Workload[];
  /**
   * Where sidecars reach the egress gateway of a namespace, "{namespace}" filled in; default
   * GATEWAY_URL_TEMPLATE (compile/gateway.ts).
   */
  gatewayUrl?: string;
}
