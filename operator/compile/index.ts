// compile: a pure function from the cluster's AIMesh resources (plus referenced Secrets and
// namespace labels) to one Snapshot per workload and the list of problems found. No I/O, clock or
// environment; output order depends only on input content, so equal inputs give equal versions.
import type { AIAccessRequestSpec } from '../../crds/aiaccessrequest.ts';
import type { AIProviderSpec } from '../../crds/aiprovider.ts';
import type { AIQuotaSpec } from '../../crds/aiquota.ts';
import type { AIRouteSpec } from '../../crds/airoute.ts';
import { type Manifest, validate } from '../../crds/validate.ts';
import type { Snapshot } from '../../sidecar/snapshot/schema.ts';
import { seal } from '../../sidecar/snapshot/version.ts';
import { type AccessGrants, accessPhase, compileAccess } from './access.ts';
import { GATEWAY_NAME, gatewaySnapshot, isGatewayMode, viaGateway } from './gateway.ts';
import { compileProvider, type ProviderEntry } from './providers.ts';
import { compileQuota, type QuotaEntry, quotaApplies } from './quotas.ts';
import { compileRoute, type RouteEntry } from './routes.ts';
import type { AIMeshKind, CompileInput, Problem, Workload } from './types.ts';

export type * from './types.ts';

export interface CompileOutput {
  snapshots: Snapshot[];
  problems: Problem[];
  /** Routes that made it into at least one snapshot-able form, for status (rule counts). */
  routes: RouteEntry[];
  /** The approved access requests, per provider and namespace (status, the console). */
  access: AccessGrants;
}

const KIND_ORDER: AIMeshKind[] = ['AIProvider', 'AIRoute', 'AIQuota', 'AIAccessRequest'];

export function compile(input: CompileInput): CompileOutput {
  const problems: Problem[] = [];
  const valid = validated(input.resources, problems);

  const secrets = new Map(input.secrets.map((s) => [`${s.namespace}/${s.name}`, s]));
  const providers = new Map<string, ProviderEntry>();
  for (const r of valid.AIProvider) {
    providers.set(
      `${r.namespace}/${r.name}`,
      compileProvider(r.namespace, r.name, r.spec as AIProviderSpec, secrets, problems),
    );
  }
  const access = compileAccess(
    valid.AIAccessRequest.map((r) => ({
      namespace: r.namespace,
      name: r.name,
      spec: r.spec as AIAccessRequestSpec,
      ...accessPhase(r.status),
    })),
    providers,
    problems,
  );
  const namespaceLabels = new Map(input.namespaces.map((n) => [n.name, n.labels]));
  const routes = valid.AIRoute.map((r) =>
    compileRoute(r.namespace, r.name, r.creationTimestamp, r.spec as AIRouteSpec, {
      providers,
      namespaceLabels,
      problems,
      secrets,
      access,
    }),
  );
  const quotas = valid.AIQuota.map((r) => compileQuota(r.namespace, r.name, r.spec as AIQuotaSpec));

  const workloads = input.workloads ?? [...namespaceWide(routes, quotas), ...gatewayWorkloads(providers)];
  // Each workload only looks at its own namespace's routes and quotas (snapshotFor filters by
  // namespace anyway): grouping once keeps 1,000 namespaces x 10,000 routes linear.
  const routesByNs = groupBy(routes, (r) => r.namespace);
  const quotasByNs = groupBy(quotas, (q) => q.namespace);
  const snapshots = workloads.map((w) =>
    w.role === 'gateway'
      ? gatewaySnapshot(w, providers, namespaceLabels, access)
      : snapshotFor(
          w,
          routesByNs.get(w.namespace) ?? [],
          quotasByNs.get(w.namespace) ?? [],
          providers,
          input.gatewayUrl,
        ),
  );
  return { snapshots, problems: problems.sort(byResource), routes, access };
}

interface ValidResource {
  namespace: string;
  name: string;
  creationTimestamp: string;
  spec: unknown;
  /** As stored: only an AIAccessRequest's (its decision) is read. */
  status?: unknown;
}

function validated(resources: Manifest[], problems: Problem[]): Record<AIMeshKind, ValidResource[]> {
  const out: Record<AIMeshKind, ValidResource[]> = {
    AIProvider: [],
    AIRoute: [],
    AIQuota: [],
    AIAccessRequest: [],
  };
  for (const m of resources) {
    const kind = m.kind as AIMeshKind;
    if (!KIND_ORDER.includes(kind)) continue;
    const namespace = m.metadata?.namespace ?? 'default';
    const name = m.metadata?.name ?? '';
    const result = validate(m);
    if (!result.ok) {
      for (const e of result.errors) {
        problems.push({
          kind,
          namespace,
          name,
          path: e.path,
          reason: 'Invalid',
          message: e.message,
          condition: 'Accepted',
          severity: 'error',
        });
      }
      continue;
    }
    const creationTimestamp = String((m.metadata as { creationTimestamp?: string })?.creationTimestamp ?? '');
    out[kind].push({ namespace, name, creationTimestamp, spec: result.spec, status: m.status });
  }
  for (const list of Object.values(out)) list.sort((a, b) => key(a).localeCompare(key(b)));
  return out;
}

const key = (r: { namespace: string; name: string }) => `${r.namespace}/${r.name}`;

function groupBy<T>(items: readonly T[], by: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = by(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function byResource(a: Problem, b: Problem): number {
  return (
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    key(a).localeCompare(key(b)) ||
    a.path.localeCompare(b.path, 'en', { numeric: true })
  );
}

function namespaceWide(routes: RouteEntry[], quotas: QuotaEntry[]): Workload[] {
  const namespaces = new Set([...routes.filter((r) => r.config), ...quotas].map((r) => r.namespace));
  return [...namespaces].sort().map((namespace) => ({ namespace }));
}

/** Offline (no connected sidecars): one egress gateway per namespace with Gateway-mode providers. */
function gatewayWorkloads(providers: Map<string, ProviderEntry>): Workload[] {
  const namespaces = new Set([...providers.values()].filter(isGatewayMode).map((p) => p.namespace));
  return [...namespaces].sort().map((namespace) => ({ namespace, name: GATEWAY_NAME, role: 'gateway' }));
}

/** Routes with a workload selector come first (more specific), then the oldest, then by name. */
function precedence(a: RouteEntry, b: RouteEntry): number {
  const specific = Number(b.workloadLabels !== undefined) - Number(a.workloadLabels !== undefined);
  return specific || a.creationTimestamp.localeCompare(b.creationTimestamp) || a.name.localeCompare(b.name);
}

function routeApplies(r: RouteEntry, w: Workload): boolean {
  if (r.namespace !== w.namespace || !r.config) return false;
  if (!w.labels) return true;
  return Object.entries(r.workloadLabels ?? {}).every(([k, v]) => w.labels![k] === v);
}

export function snapshotFor(
  w: Workload,
  routes: RouteEntry[],
  quotas: QuotaEntry[],
  providers: Map<string, ProviderEntry>,
  gatewayUrl?: string,
): Snapshot {
  const chosen = routes.filter((r) => routeApplies(r, w)).sort(precedence);
  const used = new Set(
    chosen.flatMap((r) => [
      ...r.config!.rules.flatMap((rule) =>
        [...rule.backends, ...(rule.fallback?.backends ?? [])].map((b) => b.provider),
      ),
      ...(r.config!.passthrough ? [r.config!.passthrough.provider] : []),
    ]),
  );
  return seal({
    workload: w.name ? { namespace: w.namespace, name: w.name } : { namespace: w.namespace },
    providers: [...used].sort().map((id) => {
      const p = providers.get(id)!;
      return isGatewayMode(p) ? viaGateway(p, gatewayUrl) : p.config!;
    }),
    routes: chosen.map((r) => r.config!),
    quotas: quotas.filter((q) => quotaApplies(q, w)).map((q) => q.config),
  });
}
