// `aimesh-operator usage [-n <namespace>] [<quota>]`: spend per key (end user, API consumer) of
// partitioned AIQuota limits (limits[].per), largest first, from the quota service's counters on
// the leader (GET /debug/quotas/usage on the admin port). Give every replica's admin URL, or
// port-forward to the leader; a follower answers with the leader's name.
//   kubectl -n aimesh-system port-forward deploy/aimesh-operator 15011 &
//   aimesh-operator usage -n team-a per-user
import { table } from './status.ts';

export interface UsageOptions {
  command: 'usage';
  urls: string[];
  namespace?: string;
  quota?: string;
  /** Keys shown per limit. */
  top: number;
  output: 'table' | 'json';
  timeoutMs: number;
}

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface LimitUsage {
  quota: string;
  limit: string;
  window: string;
  amount: number;
  resetsAt: string;
  used: number;
  keyCount: number;
  keys: { key: string; used: number }[];
}

interface Answer {
  replica?: string;
  leader?: boolean;
  currentLeader?: { identity?: string } | null;
  usage?: LimitUsage[];
}

const number = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(4));

export function renderUsage(limits: LimitUsage[]): string {
  if (limits.length === 0) return 'No partitioned limits (AIQuota limits[].per) match.\n';
  const rows: string[][] = [];
  for (const l of limits) {
    const [ns, name] = l.quota.split('/') as [string, string];
    const share = (used: number) => `${Math.round((100 * used) / Math.max(l.amount, Number.MIN_VALUE))}%`;
    for (const k of l.keys)
      rows.push([ns, name, l.limit, k.key, number(k.used), `${number(l.amount)}/${l.window}`, share(k.used)]);
    if (l.keys.length === 0)
      rows.push([ns, name, l.limit, '(none yet)', '0', `${number(l.amount)}/${l.window}`, '0%']);
  }
  const head = ['NAMESPACE', 'QUOTA', 'LIMIT', 'KEY', 'USED', 'LIMIT PER KEY', 'OF LIMIT'];
  const totals = limits
    .map(
      (l) =>
        `${l.quota} ${l.limit}: ${l.keyCount} key(s), ${number(l.used)} used in total, resets ${l.resetsAt}`,
    )
    .join('\n');
  return `${table(head, rows)}\n\n${totals}\n`;
}

async function fetchUsage(base: string, opts: UsageOptions, fetchImpl: typeof fetch): Promise<Answer> {
  const q = new URLSearchParams({ top: String(opts.top) });
  if (opts.namespace) q.set('namespace', opts.namespace);
  if (opts.quota) q.set('quota', opts.quota);
  const url = `${base.replace(/\/+$/, '')}/debug/quotas/usage?${q}`;
  let res: Response;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new Error(
      `cannot reach the operator admin port at ${base} (${cause}); port-forward it: ` +
        'kubectl -n aimesh-system port-forward deploy/aimesh-operator 15011, or pass --operator-admin <url>',
    );
  }
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as Answer;
}

/** Exit code: 0 ok, 1 no replica that leads could be read. */
export async function runUsage(opts: UsageOptions, io: Io, fetchImpl: typeof fetch = fetch): Promise<number> {
  const results = await Promise.allSettled(opts.urls.map((u) => fetchUsage(u, opts, fetchImpl)));
  const answers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const leader = answers.find((a) => a.leader && Array.isArray(a.usage));
  if (!leader) {
    for (const r of results)
      if (r.status === 'rejected') io.stderr(`error: ${(r.reason as Error).message}\n`);
    const named = answers.find((a) => a.currentLeader?.identity)?.currentLeader?.identity;
    if (answers.length > 0)
      io.stderr(
        `error: the replica(s) asked do not run the quota service${named ? `; the leader is ${named}: port-forward to that pod` : ''}\n`,
      );
    return 1;
  }
  if (opts.output === 'json') io.stdout(`${JSON.stringify({ usage: leader.usage }, null, 2)}\n`);
  else io.stdout(renderUsage(leader.usage!));
  return 0;
}
