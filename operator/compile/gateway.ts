// Gateway credential mode (AIProvider spec.auth.mode: Gateway). The key never enters an app
// workload's snapshot: its provider entry names the egress gateway of the provider's namespace
// instead, and only that gateway's own snapshot carries the credentials, with the namespaces
// (allowedNamespaces, resolved here against namespace labels and approved access requests) whose
// sidecars it may serve.
import type { GatewayGrant, ProviderConfig, Snapshot } from '../../sidecar/snapshot/schema.ts';
import { seal } from '../../sidecar/snapshot/version.ts';
import type { AccessGrants } from './access.ts';
import type { ProviderEntry } from './providers.ts';
import { matchesSelector } from './selectors.ts';
import type { Workload } from './types.ts';

/** The gateway's name: its Deployment, Service and ServiceAccount in the chart. */
export const GATEWAY_NAME = 'aimesh-gateway';

/** The chart's gateway Service in each provider namespace (port 15080 like the sidecar's). */
export const GATEWAY_URL_TEMPLATE = 'http://aimesh-gateway.{namespace}.svc:15080';

export function isGatewayMode(p: ProviderEntry): boolean {
  return p.spec.auth?.mode === 'Gateway';
}

export function gatewayUrl(namespace: string, template = GATEWAY_URL_TEMPLATE): string {
  return template.replaceAll('{namespace}', namespace);
}

/** The provider as an app workload sees it in Gateway mode: no credentials, the gateway's URL. */
export function viaGateway(p: ProviderEntry, template?: string): ProviderConfig {
  const { credentials: _kept, ...rest } = p.config!;
  return { ...rest, gateway: { url: gatewayUrl(p.namespace, template) } };
}

/** The snapshot of a namespace's egress gateway: its Gateway-mode providers, keys included. */
export function gatewaySnapshot(
  w: Workload,
  providers: Map<string, ProviderEntry>,
  namespaceLabels: Map<string, Record<string, string>>,
  access?: AccessGrants,
): Snapshot {
  const served = [...providers.values()]
    .filter((p) => p.namespace === w.namespace && isGatewayMode(p) && p.config)
    .sort((a, b) => a.name.localeCompare(b.name));
  return seal({
    workload: { namespace: w.namespace, ...(w.name ? { name: w.name } : {}) },
    providers: served.map((p) => p.config!),
    routes: [],
    quotas: [],
    gateway: { grants: served.map((p) => grantOf(p, namespaceLabels, access)) },
  });
}

function grantOf(
  p: ProviderEntry,
  namespaceLabels: Map<string, Record<string, string>>,
  access: AccessGrants | undefined,
): GatewayGrant {
  const allowed = p.spec.allowedNamespaces;
  const provider = p.config!.id;
  if (allowed?.from === 'All') return { provider, allNamespaces: true, namespaces: [] };
  const namespaces = new Set([p.namespace]);
  if (allowed?.from === 'Selector') {
    for (const [ns, labels] of namespaceLabels)
      if (matchesSelector(allowed.selector, labels)) namespaces.add(ns);
  }
  if (allowed?.from === 'Approved')
    for (const ns of access?.grants.get(provider)?.keys() ?? []) namespaces.add(ns);
  return { provider, allNamespaces: false, namespaces: [...namespaces].sort() };
}
