// The operator's view of the Kubernetes API: a small JSON REST interface (implemented in client.ts,
// the one module that imports @kubernetes/client-node) plus the object shapes it reads. Every
// other module takes a KubeApi, so tests can hand them a fake or a real cluster alike.

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ObjectList {
  items: KubeObject[];
  metadata: { resourceVersion?: string };
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  /** The object, or a metav1.Status for ERROR events. */
  object: KubeObject & { code?: number; reason?: string; message?: string };
}

export type PatchType = 'merge' | 'json' | 'strategic';

export type Query = Record<string, string | number | boolean | undefined>;

export interface KubeApi {
  get<T = KubeObject>(path: string, query?: Query): Promise<T>;
  list(path: string, query?: Query): Promise<ObjectList>;
  /**
   * Streams watch events until the server ends the watch (resolves) or the request fails
   * (rejects with KubeError, e.g. status 410 when the resourceVersion is too old).
   */
  watch(path: string, query: Query, onEvent: (e: WatchEvent) => void, signal: AbortSignal): Promise<void>;
  create<T = KubeObject>(path: string, body: unknown): Promise<T>;
  replace<T = KubeObject>(path: string, body: unknown): Promise<T>;
  patch<T = KubeObject>(path: string, body: unknown, type: PatchType): Promise<T>;
  delete(path: string): Promise<void>;
}

/** A failed API call: the HTTP status and the apiserver's reason (NotFound, Conflict, ...). */
export class KubeError extends Error {
  readonly status: number;
  readonly reason: string;
  constructor(status: number, reason: string, message: string) {
    super(message);
    this.name = 'KubeError';
    this.status = status;
    this.reason = reason;
  }
}

export const isNotFound = (err: unknown) => err instanceof KubeError && err.status === 404;
export const isConflict = (err: unknown) => err instanceof KubeError && err.status === 409;
export const isGone = (err: unknown) => err instanceof KubeError && err.status === 410;

/** Collection path for a resource: core (/api/v1) or grouped (/apis/<group>/<version>). */
export function resourcePath(
  r: { group?: string; version: string; plural: string },
  namespace?: string,
  name?: string,
): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${r.plural}${name ? `/${encodeURIComponent(name)}` : ''}`;
}

export const RESOURCES = {
  AIProvider: { group: 'aimesh.io', version: 'v1alpha1', plural: 'aiproviders' },
  AIRoute: { group: 'aimesh.io', version: 'v1alpha1', plural: 'airoutes' },
  AIQuota: { group: 'aimesh.io', version: 'v1alpha1', plural: 'aiquotas' },
  AIAccessRequest: { group: 'aimesh.io', version: 'v1alpha1', plural: 'aiaccessrequests' },
  Secret: { version: 'v1', plural: 'secrets' },
  Namespace: { version: 'v1', plural: 'namespaces' },
  Pod: { version: 'v1', plural: 'pods' },
  ConfigMap: { version: 'v1', plural: 'configmaps' },
  Lease: { group: 'coordination.k8s.io', version: 'v1', plural: 'leases' },
  Event: { group: 'events.k8s.io', version: 'v1', plural: 'events' },
  TokenReview: { group: 'authentication.k8s.io', version: 'v1', plural: 'tokenreviews' },
  SubjectAccessReview: { group: 'authorization.k8s.io', version: 'v1', plural: 'subjectaccessreviews' },
  MutatingWebhookConfiguration: {
    group: 'admissionregistration.k8s.io',
    version: 'v1',
    plural: 'mutatingwebhookconfigurations',
  },
} as const;

/** Kubernetes MicroTime (RFC 3339 with exactly six fractional digits), as Leases and Events need. */
export function microTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
