// Fleet: the sidecars connected to this operator replica, per namespace, with the snapshot version
// each should run and has acknowledged: SYNCED (acked the current version), NACK (refused it; the
// sidecar's reason, already scrubbed of credentials by the hub) or STALE (still on an older one),
// plus each route's rollout over every replica (AIRoute status.sidecars). Sidecars are pods: a
// user sees the namespaces where they may list pods.
import type { SidecarRow } from '../push/hub.ts';
import { type Html, html } from './html.ts';
import { namespacePicker, table, when } from './layout.ts';
import { aimesh, namespaceOf, permitted, shortVersion, type ViewContext } from './view.ts';

export type SidecarState = 'SYNCED' | 'STALE' | 'NACK';

export interface FleetSidecar extends SidecarRow {
  state: SidecarState;
}

export interface FleetRoute {
  namespace: string;
  name: string;
  connected: number;
  current: number;
  version?: string;
  nacked?: number;
  nackReason?: string;
}

export interface FleetData {
  sidecars: FleetSidecar[];
  routes: FleetRoute[];
}

export function sidecarState(row: SidecarRow): SidecarState {
  if (row.synced) return 'SYNCED';
  if (row.nackVersion !== undefined && row.nackVersion === row.currentVersion) return 'NACK';
  return 'STALE';
}

export async function fleetData(ctx: ViewContext): Promise<FleetData> {
  const rows = ctx.sources.sidecars();
  const routes = ctx.sources.objects('AIRoute');
  const candidates = [...rows.map((r) => r.namespace), ...routes.map(namespaceOf)];
  const pods = new Set(await permitted(ctx, { verb: 'list', group: '', resource: 'pods' }, candidates));
  const readable = new Set(await ctx.authz.namespaces(ctx.user, aimesh('airoutes'), pods));
  return {
    sidecars: rows.filter((r) => pods.has(r.namespace)).map((r) => ({ ...r, state: sidecarState(r) })),
    routes: routes
      .filter((r) => readable.has(namespaceOf(r)))
      .map((r): FleetRoute => {
        const s = (r.status as { sidecars?: Omit<FleetRoute, 'namespace' | 'name'> } | undefined)?.sidecars;
        return {
          namespace: namespaceOf(r),
          name: r.metadata.name,
          connected: s?.connected ?? 0,
          current: s?.current ?? 0,
          ...(s?.version ? { version: s.version } : {}),
          ...(s?.nacked ? { nacked: s.nacked, nackReason: s.nackReason } : {}),
        };
      })
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name)),
  };
}

export function fleetPage(data: FleetData, all: string[], selected?: string): Html {
  return html`<p class="muted">Sidecars connected to this operator replica (each replica serves its own streams; the route table sums every replica).</p>
${namespacePicker('fleet', all, selected)}
${table(
  'Sidecars',
  ['Namespace', 'Pod', 'Workload', 'State', 'Should run', 'Acknowledged', 'Last error', 'Connected since'],
  data.sidecars.map((s) => [
    html`${s.namespace}`,
    html`${s.pod}`,
    html`${s.workload ?? '\u2014'}`,
    html`<span class="badge ${s.state}">${s.state}</span>`,
    html`<code title="${s.currentVersion ?? ''}">${shortVersion(s.currentVersion)}</code>`,
    html`<code title="${s.ackedVersion ?? ''}">${shortVersion(s.ackedVersion)}</code>`,
    html`${s.nackReason ? html`<span class="NACK">${s.nackReason}</span>` : '\u2014'}`,
    html`${when(s.connectedAt)}`,
  ]),
)}
${table(
  'Route rollout (all replicas)',
  ['Namespace', 'Route', 'Current / connected', 'Version', 'Refused'],
  data.routes.map((r) => [
    html`${r.namespace}`,
    html`${r.name}`,
    html`<span class="num">${r.current} / ${r.connected}</span>`,
    html`<code title="${r.version ?? ''}">${shortVersion(r.version)}</code>`,
    html`${r.nacked ? html`<span class="NACK">${r.nacked}: ${r.nackReason ?? ''}</span>` : '\u2014'}`,
  ]),
)}`;
}
