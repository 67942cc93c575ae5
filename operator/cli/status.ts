// `aimesh-operator status`: which sidecars are connected and whether they run the current config,
// like `istioctl proxy-status`. Reads GET /debug/sidecars on the operator's admin port (15011).
// Each replica serves its own connections: give one --operator-admin per replica to see them
// all, or port-forward to one:
//   kubectl -n aimesh-system port-forward deploy/aimesh-operator 15011 &
//   aimesh-operator status                      # http://127.0.0.1:15011
import type { SidecarRow } from '../push/hub.ts';

export interface StatusOptions {
  command: 'status';
  /** Admin base URLs, one per replica. */
  urls: string[];
  output: 'table' | 'json';
  timeoutMs: number;
}

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

interface Report {
  replica?: string;
  leader?: boolean;
  sidecars: SidecarRow[];
}

export type SyncState = 'SYNCED' | 'NACKED' | 'SENT' | 'STALE' | 'NO SNAPSHOT';

/** SYNCED: runs the current version; NACKED: refused it; SENT: no answer yet; STALE: older. */
export function syncState(row: SidecarRow): SyncState {
  if (row.currentVersion === null) return 'NO SNAPSHOT';
  if (row.synced || row.ackedVersion === row.currentVersion) return 'SYNCED';
  if (row.nackVersion === row.currentVersion) return 'NACKED';
  if (row.sentVersion === row.currentVersion) return 'SENT';
  return 'STALE';
}

const short = (v: string | null | undefined): string => (v ? v.slice(0, 12) : '-');

/** "42s", "5m", "3h", "2d" since an ISO time. */
export function age(since: string, now: number): string {
  const s = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  if (!Number.isFinite(s)) return '-';
  if (s < 120) return `${s}s`;
  if (s < 2 * 3600) return `${Math.floor(s / 60)}m`;
  if (s < 2 * 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** A fixed-width table, the last column left unpadded. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('   ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function renderStatus(reports: Report[], now: number = Date.now()): string {
  const rows = reports
    .flatMap((r) => r.sidecars.map((s) => ({ s, replica: r.replica ?? '-' })))
    .sort((a, b) => a.s.namespace.localeCompare(b.s.namespace) || a.s.pod.localeCompare(b.s.pod));
  const header = [
    'NAMESPACE',
    'POD',
    'WORKLOAD',
    'VERSION',
    'STATUS',
    'CURRENT',
    'REPLICA',
    'AGE',
    'LAST NACK',
  ];
  const body = rows.map(({ s, replica }) => {
    const state = syncState(s);
    const nack = s.nackReason
      ? `${short(s.nackVersion)}: ${s.nackReason.replace(/\s+/g, ' ').slice(0, 120)}`
      : '';
    return [
      s.namespace,
      s.pod,
      s.workload ?? '-',
      short(s.ackedVersion),
      state,
      state === 'SYNCED' ? '' : short(s.currentVersion),
      replica,
      age(s.connectedAt, now),
      nack,
    ];
  });
  const synced = rows.filter(({ s }) => syncState(s) === 'SYNCED').length;
  const replicas = reports.map((r) => `${r.replica ?? '?'}${r.leader ? ' (leader)' : ''}`).join(', ');
  const summary = `${rows.length} sidecar(s) connected to ${replicas}; ${synced} synced`;
  return rows.length === 0
    ? `No sidecars connected to ${replicas}.\n`
    : `${table(header, body)}\n\n${summary}\n`;
}

async function fetchReport(base: string, timeoutMs: number, fetchImpl: typeof fetch): Promise<Report> {
  const url = `${base.replace(/\/+$/, '')}/debug/sidecars`;
  let res: Response;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new Error(
      `cannot reach the operator admin port at ${url} (${cause}); port-forward it: ` +
        'kubectl -n aimesh-system port-forward deploy/aimesh-operator 15011, or pass --operator-admin <url>',
    );
  }
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  const body = (await res.json()) as Partial<Report> | SidecarRow[];
  // Accept a bare list too (an older operator).
  if (Array.isArray(body)) return { sidecars: body };
  if (!Array.isArray(body.sidecars)) throw new Error(`GET ${url}: no "sidecars" list in the answer`);
  return { replica: body.replica, leader: body.leader, sidecars: body.sidecars };
}

/** Runs the command; returns the exit code (0 ok, 1 an operator could not be read). */
export async function runStatus(
  opts: StatusOptions,
  io: Io,
  fetchImpl: typeof fetch = fetch,
): Promise<number> {
  const results = await Promise.allSettled(opts.urls.map((u) => fetchReport(u, opts.timeoutMs, fetchImpl)));
  const reports: Report[] = [];
  let failed = false;
  for (const r of results) {
    if (r.status === 'fulfilled') reports.push(r.value);
    else {
      failed = true;
      io.stderr(`error: ${(r.reason as Error).message}\n`);
    }
  }
  if (reports.length === 0) return 1;
  if (opts.output === 'json') {
    const sidecars = reports.flatMap((r) =>
      r.sidecars.map((s) => ({ ...s, replica: r.replica, state: syncState(s) })),
    );
    io.stdout(`${JSON.stringify({ sidecars }, null, 2)}\n`);
  } else io.stdout(renderStatus(reports));
  return failed ? 1 : 0;
}
