// Sidecar injection, as a pure function from a Pod (and its namespace's labels) to the JSONPatch
// the admission webhook returns. The sidecar is a native sidecar (an init container with
// restartPolicy Always): it starts before the app and any other init container, and stops after.
// Idempotent: a pod that already carries the injected annotation or the sidecar never gets a second one.

export const INJECT_LABEL = 'aimesh.io/inject'; // namespace label, value "enabled"
export const INJECT_ANNOTATION = 'aimesh.io/inject'; // pod annotation, "true" / "false"
export const INJECTED_ANNOTATION = 'aimesh.io/injected';
/** Also a label, so the operator can watch only injected pods. */
export const INJECTED_LABEL = 'aimesh.io/injected';
export const SIDECAR_NAME = 'aimesh-sidecar';
export const TOKEN_VOLUME = 'aimesh-token';
export const STATE_VOLUME = 'aimesh-state';
export const TOKEN_DIR = '/var/run/secrets/aimesh';
export const STATE_DIR = '/var/run/aimesh';
export const API_PORT = 15080;
export const ADMIN_PORT = 15090;

export interface InjectionConfig {
  image: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /** The container command; default the image's entrypoint. */
  command?: string[];
  /** Where sidecars reach the operator's push endpoint. */
  operatorUrl: string;
  /** PEM bundle the sidecar trusts for the operator (AIMESH_OPERATOR_CA). */
  operatorCA?: string;
  resources?: Record<string, unknown>;
  tokenAudience?: string;
  tokenExpirationSeconds?: number;
  logLevel?: string;
  /** Extra sidecar env from the chart (tracing endpoint, sampler, ...); never app env. */
  env?: { name: string; value: string }[];
}

export interface Pod {
  metadata?: {
    name?: string;
    generateName?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  };
  spec?: {
    hostNetwork?: boolean;
    containers?: Container[];
    initContainers?: Container[];
    ephemeralContainers?: Container[];
    volumes?: { name: string; [field: string]: unknown }[];
  };
}

interface Container {
  name: string;
  env?: { name: string }[];
  image?: string;
  command?: string[];
  volumeMounts?: { name: string }[];
  [field: string]: unknown;
}

export interface JsonPatchOp {
  op: 'add' | 'replace';
  path: string;
  value: unknown;
}

export type Decision = { inject: true } | { inject: false; reason: string };

/** Whether to inject: the pod's annotation (or label, which webhook objectSelectors can see)
 * decides when present ("false" always wins), else the namespace label. */
export function injectionDecision(pod: Pod, namespaceLabels: Record<string, string> | undefined): Decision {
  const own = [pod.metadata?.annotations?.[INJECT_ANNOTATION], pod.metadata?.labels?.[INJECT_ANNOTATION]];
  if (own.includes('false')) return { inject: false, reason: 'the pod opts out (aimesh.io/inject: "false")' };
  const wanted = own.includes('true') || namespaceLabels?.[INJECT_LABEL] === 'enabled';
  if (!wanted) return { inject: false, reason: 'neither the namespace nor the pod asks for injection' };
  // The sidecar binds fixed ports; on the host network they would collide between pods.
  if (pod.spec?.hostNetwork) return { inject: false, reason: 'hostNetwork pods are not injected' };
  return { inject: true };
}

export function alreadyInjected(pod: Pod): boolean {
  if (pod.metadata?.annotations?.[INJECTED_ANNOTATION]) return true;
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  return all.some((c) => c.name === SIDECAR_NAME);
}

/**
 * Why a pod may not receive a snapshot with credentials, or undefined when it carries the sidecar
 * as injection made it: a container named aimesh-sidecar running the injected image (and command),
 * and the aimesh token volume (a projected token for the aimesh audience) mounted in that
 * container only. An aimesh-audience token bound to any other pod (`kubectl create token
 * --bound-object-kind Pod`, which the built-in edit role allows) must not unlock the credentials:
 * in such a pod the token, and anything fetched with it, is readable by the app containers.
 */
export function sidecarProblem(
  pod: Pod,
  expected: Pick<InjectionConfig, 'image' | 'command' | 'tokenAudience'>,
): string | undefined {
  const spec = pod.spec ?? {};
  const all = [
    ...(spec.initContainers ?? []),
    ...(spec.containers ?? []),
    ...(spec.ephemeralContainers ?? []),
  ];
  const sidecar = all.find((c) => c.name === SIDECAR_NAME);
  if (!sidecar) return `the pod has no ${SIDECAR_NAME} container (it was not injected)`;
  // Same repository, any tag or digest: pods injected before an upgrade of the sidecar image stay served.
  if (!sidecar.image || imageRepository(sidecar.image) !== imageRepository(expected.image))
    return `the ${SIDECAR_NAME} container does not run the injected image ${imageRepository(expected.image)}`;
  if (JSON.stringify(sidecar.command ?? null) !== JSON.stringify(expected.command ?? null))
    return `the ${SIDECAR_NAME} container's command differs from the injected one`;
  const volume = spec.volumes?.find((v) => v.name === TOKEN_VOLUME) as
    | { projected?: { sources?: { serviceAccountToken?: { audience?: string } }[] } }
    | undefined;
  const audience = expected.tokenAudience ?? 'aimesh';
  if (!volume?.projected?.sources?.some((s) => s.serviceAccountToken?.audience === audience))
    return `the pod has no ${TOKEN_VOLUME} volume with a token for audience ${audience}`;
  const mountedBy = all
    .filter((c) => c.volumeMounts?.some((m) => m.name === TOKEN_VOLUME))
    .map((c) => c.name);
  if (mountedBy.some((name) => name !== SIDECAR_NAME))
    return `the ${TOKEN_VOLUME} volume is mounted in other containers too (${mountedBy.filter((n) => n !== SIDECAR_NAME).join(', ')})`;
  if (!mountedBy.includes(SIDECAR_NAME))
    return `the ${SIDECAR_NAME} container does not mount ${TOKEN_VOLUME}`;
  return undefined;
}

/** "registry:5000/aimesh/sidecar:0.2@sha256:..." -> "registry:5000/aimesh/sidecar". */
export function imageRepository(image: string): string {
  const name = image.split('@', 1)[0]!;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}

export const APP_ENV = [
  { name: 'OPENAI_BASE_URL', value: `http://127.0.0.1:${API_PORT}/v1` },
  { name: 'ANTHROPIC_BASE_URL', value: `http://127.0.0.1:${API_PORT}/anthropic` },
];

/** The sidecar container (a native sidecar: restartPolicy Always inside initContainers). */
export function sidecarContainer(config: InjectionConfig): Record<string, unknown> {
  const probe = (path: string, extra: Record<string, number>) => ({
    httpGet: { path, port: ADMIN_PORT },
    ...extra,
  });
  return {
    name: SIDECAR_NAME,
    image: config.image,
    ...(config.imagePullPolicy ? { imagePullPolicy: config.imagePullPolicy } : {}),
    ...(config.command ? { command: config.command } : {}),
    restartPolicy: 'Always',
    args: [
      '--operator',
      config.operatorUrl,
      '--token-file',
      `${TOKEN_DIR}/token`,
      '--state-dir',
      STATE_DIR,
      ...(config.logLevel ? ['--log-level', config.logLevel] : []),
    ],
    env: [
      ...(config.operatorCA ? [{ name: 'AIMESH_OPERATOR_CA', value: config.operatorCA }] : []),
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      ...(config.env ?? []),
    ],
    ports: [
      { name: 'aimesh-api', containerPort: API_PORT, protocol: 'TCP' },
      { name: 'aimesh-admin', containerPort: ADMIN_PORT, protocol: 'TCP' },
    ],
    // The app starts once the sidecar listens; /readyz (a snapshot is loaded) gates readiness only,
    // so an unreachable operator never blocks a pod from starting.
    startupProbe: probe('/healthz', { periodSeconds: 1, failureThreshold: 60 }),
    readinessProbe: probe('/readyz', { periodSeconds: 2, failureThreshold: 3 }),
    livenessProbe: probe('/healthz', { periodSeconds: 10, failureThreshold: 3 }),
    ...(config.resources ? { resources: config.resources } : {}),
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 65532,
      runAsGroup: 65532,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumeMounts: [
      { name: TOKEN_VOLUME, mountPath: TOKEN_DIR, readOnly: true },
      { name: STATE_VOLUME, mountPath: STATE_DIR },
    ],
  };
}

export function sidecarVolumes(config: InjectionConfig): { name: string; [field: string]: unknown }[] {
  return [
    {
      name: TOKEN_VOLUME,
      projected: {
        sources: [
          {
            serviceAccountToken: {
              audience: config.tokenAudience ?? 'aimesh',
              expirationSeconds: config.tokenExpirationSeconds ?? 3600,
              path: 'token',
            },
          },
        ],
      },
    },
    // Last-known-good snapshot (holds credentials): memory only, never on the node's disk.
    { name: STATE_VOLUME, emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
  ];
}

const pointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * The JSONPatch that injects the sidecar; empty when there is nothing to do. On an injected pod
 * (a reinvocation after another webhook added containers) only missing app env is added.
 */
export function buildInjectionPatch(pod: Pod, config: InjectionConfig): JsonPatchOp[] {
  const ops: JsonPatchOp[] = [];
  const spec = pod.spec ?? {};
  if (!alreadyInjected(pod)) ops.push(...sidecarOps(pod, config));
  (spec.containers ?? []).forEach((c, i) => {
    // Only what the app leaves unset: its own env always wins.
    const missing = APP_ENV.filter((e) => !(c.env ?? []).some((x) => x.name === e.name));
    if (missing.length === 0) return;
    if (!c.env) ops.push({ op: 'add', path: `/spec/containers/${i}/env`, value: missing });
    else for (const e of missing) ops.push({ op: 'add', path: `/spec/containers/${i}/env/-`, value: e });
  });
  return ops;
}

function sidecarOps(pod: Pod, config: InjectionConfig): JsonPatchOp[] {
  const ops: JsonPatchOp[] = [];
  const spec = pod.spec ?? {};

  if (!pod.metadata?.annotations) ops.push({ op: 'add', path: '/metadata/annotations', value: {} });
  ops.push({ op: 'add', path: `/metadata/annotations/${pointer(INJECTED_ANNOTATION)}`, value: 'true' });
  if (!pod.metadata?.labels) ops.push({ op: 'add', path: '/metadata/labels', value: {} });
  ops.push({ op: 'add', path: `/metadata/labels/${pointer(INJECTED_LABEL)}`, value: 'true' });

  const sidecar = sidecarContainer(config);
  if (!spec.initContainers) ops.push({ op: 'add', path: '/spec/initContainers', value: [sidecar] });
  else ops.push({ op: 'add', path: '/spec/initContainers/0', value: sidecar });

  const existing = new Set((spec.volumes ?? []).map((v) => v.name));
  const volumes = sidecarVolumes(config).filter((v) => !existing.has(v.name));
  if (!spec.volumes) ops.push({ op: 'add', path: '/spec/volumes', value: volumes });
  else for (const v of volumes) ops.push({ op: 'add', path: '/spec/volumes/-', value: v });
  return ops;
}

/** Applies a JSONPatch made of the ops above (add/replace on objects and arrays); for tests and dry runs. */
export function applyPatch<T>(doc: T, ops: JsonPatchOp[]): T {
  const root = structuredClone(doc) as unknown;
  for (const op of ops) {
    const parts = op.path
      .split('/')
      .slice(1)
      .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
    const last = parts.pop()!;
    let target = root as Record<string, unknown> | unknown[];
    for (const p of parts) target = (target as Record<string, unknown>)[p] as Record<string, unknown>;
    const value = structuredClone(op.value);
    if (Array.isArray(target)) {
      if (last === '-') target.push(value);
      else if (op.op === 'add') target.splice(Number(last), 0, value);
      else target[Number(last)] = value;
    } else {
      if (target === undefined || target === null) throw new Error(`path ${op.path} does not exist`);
      target[last] = value;
    }
  }
  return root as T;
}
