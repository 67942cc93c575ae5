// The only module of aimesh-operator that reads argv and the environment. Every `run` flag has an
// AIMESH_* twin so a Deployment can set it either way; flags win.
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';
import { durationMs } from '../sidecar/snapshot/limits.ts';
import { type TracingOptions, tracingOptionsFromEnv } from '../sidecar/telemetry/tracing.ts';
import { ACCESS_VERBS, type AccessOptions, type AccessVerb } from './cli/access.ts';
import type { StatusOptions } from './cli/status.ts';
import type { UsageOptions } from './cli/usage.ts';

export const DEFAULT_SIDECAR_IMAGE = 'aimesh/aimesh-sidecar:0.1.0';

export const USAGE = `Usage:
  aimesh-operator [run] [options]
      Run the control plane: watch AIProvider/AIRoute/AIQuota (and the Secrets, Namespaces and
      Pods they involve), write their status (leader), push snapshots to sidecars, inject sidecars.
  aimesh-operator compile -f <file|dir>... [-R] [-n <namespace>] [-o <out.json>]
      Validate and compile AIMesh manifests offline (Secrets and Namespaces may be given as
      manifests too). Prints the snapshots as JSON: an array, or one snapshot with -n. Exit 1
      with one line per problem (file, kind namespace/name, field) when the input is invalid.
      The output contains provider credentials from the Secrets: treat it as a secret.
  aimesh-operator status [--operator-admin <url>]... [-o table|json]
      Connected sidecars with their acknowledged snapshot version, whether it is current, and
      the last NACK reason (like istioctl proxy-status), from the admin port's /debug/sidecars.
      Default http://127.0.0.1:15011, e.g. after
      kubectl -n aimesh-system port-forward deploy/aimesh-operator 15011.
      Each replica lists its own connections: repeat --operator-admin for every replica.
                                                                      (AIMESH_OPERATOR_ADMIN)
  aimesh-operator usage [-n <namespace>] [<quota>] [--top <n>] [--operator-admin <url>]... [-o table|json]
      Spend per key (end user, API consumer) of partitioned AIQuota limits (limits[].per),
      largest first (default the top 100 per limit), from the leader's quota service
      (/debug/quotas/usage on the admin port; a follower names the leader).
  aimesh-operator access approve|deny|revoke <namespace>/<name> [-m <message>] [--kubeconfig <file>]
      Decide on an AIAccessRequest as yourself (your kubeconfig, like kubectl): approve or deny a
      Pending request, revoke an Approved one. The admission webhook refuses the requester and
      anyone who may not approve the AIProvider, and records who decided and when.
  aimesh-operator help

Options of run (environment twin in parentheses):
  --kubeconfig <file>          Kubeconfig; default in-cluster config, else $KUBECONFIG / ~/.kube/config
                                                                                  (KUBECONFIG)
  --namespace <ns>             The operator's namespace (Lease, certificate Secret); default the
                               pod's namespace, else aimesh-system          (AIMESH_NAMESPACE, POD_NAMESPACE)
  --identity <name>            This replica's name in leader election; default the pod name / host
                                                                                  (AIMESH_IDENTITY, POD_NAME)
  --bind-address <addr>        Address of every server, default 0.0.0.0            (AIMESH_BIND_ADDRESS)
  --advertise-address <ip>     Where other replicas reach this one's push port (the leader serves
                               quota leases that followers forward); default the pod IP, else the
                               bind address when it is one, else the first non-internal IPv4
                                                                        (AIMESH_ADVERTISE_ADDRESS, POD_IP)
  --push-port <n>              Config push (HTTPS, HTTP/2), default 15010           (AIMESH_PUSH_PORT)
  --admin-port <n>             /healthz /readyz /metrics /debug/sidecars (HTTP), default 15011
                                                                                  (AIMESH_ADMIN_PORT)
  --metrics-access <who>       Who may read /metrics on the admin port: local (default: loopback,
                               kubectl port-forward) or any; /debug/* answers loopback only
                                                                                  (AIMESH_METRICS_ACCESS)
  --console-port <n>           The web console (Catalog, Usage, Fleet, Access and /api/), default 0: off.
                               Users sign in with their Kubernetes token   (AIMESH_CONSOLE_PORT)
  --console-address <addr>     Where the console listens, default 127.0.0.1 (kubectl port-forward
                               reaches it); 0.0.0.0 to expose it through a Service
                                                                                  (AIMESH_CONSOLE_ADDRESS)
  --console-tls <bool>         Serve the console over HTTPS with the operator's certificate (the
                               session cookie is then Secure), default false    (AIMESH_CONSOLE_TLS)
  --webhook-port <n>           Sidecar injection webhook (HTTPS), default 9443; 0 turns it off
                                                                                  (AIMESH_WEBHOOK_PORT)
  --leader-elect <bool>        Elect a leader to write status, default true        (AIMESH_LEADER_ELECT)
  --leader-election-id <name>  Lease name, default aimesh-operator                (AIMESH_LEADER_ELECTION_ID)
  --lease-duration <dur>       How long a silent leader keeps the lease, default 15s (AIMESH_LEASE_DURATION)
  --renew-deadline <dur>       The leader steps down when it cannot renew for this long, default 10s
                                                                                  (AIMESH_RENEW_DEADLINE)
  --retry-period <dur>         Between acquire/renew attempts, default 2s          (AIMESH_RETRY_PERIOD)
  --service-name <name>        The operator's Service (certificate names, sidecar URL), default
                               aimesh-operator                                     (AIMESH_SERVICE_NAME)
  --cert-secret <name>         Secret holding the CA and serving certificate, default
                               aimesh-operator-tls                                 (AIMESH_CERT_SECRET)
  --cert-hosts <h1,h2>         Extra certificate SANs (DNS names or IPs)           (AIMESH_CERT_HOSTS)
  --webhook-config <name>      MutatingWebhookConfiguration whose caBundle is kept current, default
                               aimesh-sidecar-injector; "" for none               (AIMESH_WEBHOOK_CONFIG)
  --operator-url <url>         Push URL given to injected sidecars, default
                               https://<service>.<namespace>.svc:<push-port>       (AIMESH_OPERATOR_URL)
  --sidecar-image <image>      Injected sidecar image, default aimesh/aimesh-sidecar:0.1.0
                                                                                  (AIMESH_SIDECAR_IMAGE)
  --sidecar-image-pull-policy <p>  Always | IfNotPresent | Never (default: unset)  (AIMESH_SIDECAR_IMAGE_PULL_POLICY)
  --sidecar-resources <json>   Injected sidecar resources, default
                               {"requests":{"cpu":"50m","memory":"64Mi"},"limits":{"memory":"256Mi"}}
                                                                                  (AIMESH_SIDECAR_RESOURCES)
  --sidecar-log-level <level>  Injected sidecar log level (default: the sidecar's) (AIMESH_SIDECAR_LOG_LEVEL)
  --sidecar-env <json>         Extra env of injected sidecars, a JSON list of {"name","value"}
                               (tracing: OTEL_EXPORTER_OTLP_ENDPOINT, ...)       (AIMESH_SIDECAR_ENV)
  --secret-label-selector <s>  Use a referenced Secret only when it has these labels (the operator
                               watches only the Secrets AIProviders reference, each by name)
                                                                                  (AIMESH_SECRET_LABEL_SELECTOR)
  --gateway-service-account <name>  Pods running as this ServiceAccount get their namespace's
                               egress gateway snapshot (Gateway-mode provider keys), default
                               aimesh-gateway; "" for none                 (AIMESH_GATEWAY_SERVICE_ACCOUNT)
  --gateway-namespaces <a,b>   Namespaces running an egress gateway: the operator keeps its CA
                               bundle in their ConfigMap aimesh-operator-ca      (AIMESH_GATEWAY_NAMESPACES)
  --gateway-url <template>     Where sidecars reach a namespace's egress gateway, default
                               http://aimesh-gateway.{namespace}.svc:15080        (AIMESH_GATEWAY_URL)
  --debounce <dur>             Quiet time before a reconcile, default 50ms         (AIMESH_DEBOUNCE)
  --debounce-max <dur>         Longest a reconcile waits in a burst, default 500ms (AIMESH_DEBOUNCE_MAX)
  --log-level <level>          debug, info (default), warn, error                  (AIMESH_LOG_LEVEL)
  --alert-webhook-url-file <f> A file holding an incoming-webhook URL (a mounted Secret key): budget
                               alerts are posted to it as {"text": ...} (Slack-compatible); read at
                               each delivery, never logged                (AIMESH_ALERT_WEBHOOK_URL_FILE)
Tracing of reconciles and pushes uses the standard OpenTelemetry environment (OTLP/HTTP), on when
an endpoint is set: OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME (aimesh-operator),
OTEL_TRACES_SAMPLER, OTEL_EXPORTER_OTLP_HEADERS, ... (see aimesh-sidecar --help).`;

export interface CompileOptions {
  command: 'compile';
  files: string[];
  recursive: boolean;
  namespace?: string;
  out?: string;
}

export interface RunOptions {
  command: 'run';
  kubeconfig?: string;
  namespace: string;
  identity: string;
  bindAddress: string;
  /** This replica's address for the other replicas (quota leases are forwarded to the leader). */
  advertiseAddress: string;
  pushPort: number;
  adminPort: number;
  /** Who may read /metrics: loopback only, or anyone reaching the admin port. */
  metricsAccess: 'local' | 'any';
  /** 0: no webhook server. */
  webhookPort: number;
  /** 0: no web console. */
  consolePort: number;
  consoleAddress: string;
  /** HTTPS with the operator's serving certificate. */
  consoleTls: boolean;
  leaderElect: boolean;
  leaderElectionId: string;
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
  serviceName: string;
  certSecret: string;
  certHosts: string[];
  webhookConfig: string;
  operatorUrl: string;
  sidecarImage: string;
  sidecarImagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  sidecarResources: Record<string, unknown>;
  sidecarLogLevel?: string;
  sidecarEnv: { name: string; value: string }[];
  secretLabelSelector?: string;
  /** Pods running as this ServiceAccount are their namespace's egress gateway; "" for none. */
  gatewayServiceAccount: string;
  /** Namespaces running an egress gateway (the operator publishes its CA bundle there). */
  gatewayNamespaces: string[];
  /** "{namespace}" filled in: where sidecars reach a provider namespace's egress gateway. */
  gatewayUrl?: string;
  debounceMs: number;
  debounceMaxMs: number;
  logLevel: string;
  /** Budget alerts are posted to the incoming-webhook URL in this file (a mounted Secret key). */
  alertWebhookUrlFile?: string;
  /** OTEL_* environment (traces of reconciles and pushes). */
  tracing?: TracingOptions;
}

export type Options =
  | CompileOptions
  | RunOptions
  | StatusOptions
  | UsageOptions
  | AccessOptions
  | { command: 'help' };

const RUN_FLAGS = {
  kubeconfig: 'KUBECONFIG',
  namespace: 'AIMESH_NAMESPACE',
  identity: 'AIMESH_IDENTITY',
  'bind-address': 'AIMESH_BIND_ADDRESS',
  'advertise-address': 'AIMESH_ADVERTISE_ADDRESS',
  'push-port': 'AIMESH_PUSH_PORT',
  'admin-port': 'AIMESH_ADMIN_PORT',
  'metrics-access': 'AIMESH_METRICS_ACCESS',
  'webhook-port': 'AIMESH_WEBHOOK_PORT',
  'console-port': 'AIMESH_CONSOLE_PORT',
  'console-address': 'AIMESH_CONSOLE_ADDRESS',
  'console-tls': 'AIMESH_CONSOLE_TLS',
  'leader-elect': 'AIMESH_LEADER_ELECT',
  'leader-election-id': 'AIMESH_LEADER_ELECTION_ID',
  'lease-duration': 'AIMESH_LEASE_DURATION',
  'renew-deadline': 'AIMESH_RENEW_DEADLINE',
  'retry-period': 'AIMESH_RETRY_PERIOD',
  'service-name': 'AIMESH_SERVICE_NAME',
  'cert-secret': 'AIMESH_CERT_SECRET',
  'cert-hosts': 'AIMESH_CERT_HOSTS',
  'webhook-config': 'AIMESH_WEBHOOK_CONFIG',
  'operator-url': 'AIMESH_OPERATOR_URL',
  'sidecar-image': 'AIMESH_SIDECAR_IMAGE',
  'sidecar-image-pull-policy': 'AIMESH_SIDECAR_IMAGE_PULL_POLICY',
  'sidecar-resources': 'AIMESH_SIDECAR_RESOURCES',
  'sidecar-log-level': 'AIMESH_SIDECAR_LOG_LEVEL',
  'sidecar-env': 'AIMESH_SIDECAR_ENV',
  'secret-label-selector': 'AIMESH_SECRET_LABEL_SELECTOR',
  'gateway-service-account': 'AIMESH_GATEWAY_SERVICE_ACCOUNT',
  'gateway-url': 'AIMESH_GATEWAY_URL',
  'gateway-namespaces': 'AIMESH_GATEWAY_NAMESPACES',
  debounce: 'AIMESH_DEBOUNCE',
  'debounce-max': 'AIMESH_DEBOUNCE_MAX',
  'log-level': 'AIMESH_LOG_LEVEL',
  'alert-webhook-url-file': 'AIMESH_ALERT_WEBHOOK_URL_FILE',
} as const;
type RunFlag = keyof typeof RUN_FLAGS;

const SA_NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';
const DEFAULT_RESOURCES = { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } };

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): Options {
  const [command, ...rest] = argv;
  if (command === 'compile') return parseCompile(rest);
  if (command === 'status') return parseStatus(rest, env);
  if (command === 'usage') return parseUsage(rest, env);
  if (command === 'access') return parseAccess(rest);
  if (command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === undefined || command === 'run') return parseRun(rest, env);
  if (command.startsWith('--')) return parseRun(argv, env);
  throw new UsageError(`unknown command "${command}"`);
}

function parseCompile(rest: string[]): CompileOptions {
  const { values } = parseArgs({
    args: rest,
    options: {
      filename: { type: 'string', short: 'f', multiple: true },
      recursive: { type: 'boolean', short: 'R', default: false },
      namespace: { type: 'string', short: 'n' },
      output: { type: 'string', short: 'o' },
    },
    allowPositionals: false,
  });
  if (!values.filename?.length) throw new UsageError('compile needs at least one -f <file|dir>');
  return {
    command: 'compile',
    files: values.filename,
    recursive: values.recursive ?? false,
    namespace: values.namespace,
    out: values.output,
  };
}

function parseRun(args: string[], env: NodeJS.ProcessEnv): RunOptions {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(Object.keys(RUN_FLAGS).map((f) => [f, { type: 'string' }])) as Record<
      RunFlag,
      { type: 'string' }
    >,
    allowPositionals: false,
    strict: true,
  });
  const get = (flag: RunFlag): string | undefined => {
    const v = (values as Record<string, string | undefined>)[flag] ?? env[RUN_FLAGS[flag]];
    return v === '' ? undefined : v;
  };
  const port = (flag: RunFlag, fallback: number) => {
    const raw = get(flag);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535)
      throw new UsageError(`--${flag} must be a port number, got "${raw}"`);
    return n;
  };
  const duration = (flag: RunFlag, fallback: string) => {
    const raw = get(flag) ?? fallback;
    if (!/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/.test(raw))
      throw new UsageError(`--${flag} must be a duration such as 500ms or 15s, got "${raw}"`);
    return durationMs(raw);
  };
  const bool = (flag: RunFlag, fallback: boolean) => {
    const raw = get(flag);
    if (raw === undefined) return fallback;
    if (!/^(true|false)$/i.test(raw)) throw new UsageError(`--${flag} must be true or false, got "${raw}"`);
    return raw.toLowerCase() === 'true';
  };

  const namespace = get('namespace') ?? env.POD_NAMESPACE ?? readNamespaceFile() ?? 'aimesh-system';
  const serviceName = get('service-name') ?? 'aimesh-operator';
  const pushPort = port('push-port', 15010);
  const resources = get('sidecar-resources');
  let sidecarResources: Record<string, unknown> = DEFAULT_RESOURCES;
  if (resources !== undefined) {
    try {
      sidecarResources = JSON.parse(resources) as Record<string, unknown>;
    } catch {
      throw new UsageError(`--sidecar-resources must be JSON, e.g. ${JSON.stringify(DEFAULT_RESOURCES)}`);
    }
  }
  const sidecarEnv = parseSidecarEnv(get('sidecar-env'));
  const pullPolicy = get('sidecar-image-pull-policy');
  if (pullPolicy !== undefined && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy))
    throw new UsageError(
      `--sidecar-image-pull-policy must be Always, IfNotPresent or Never, got "${pullPolicy}"`,
    );
  const bindAddress = get('bind-address') ?? '0.0.0.0';
  const metricsAccess = get('metrics-access') ?? 'local';
  if (metricsAccess !== 'local' && metricsAccess !== 'any')
    throw new UsageError(`--metrics-access must be local or any, got "${metricsAccess}"`);
  const webhookConfig =
    (values as Record<string, string | undefined>)['webhook-config'] ?? env.AIMESH_WEBHOOK_CONFIG;

  const opts: RunOptions = {
    command: 'run',
    kubeconfig: get('kubeconfig'),
    namespace,
    identity: get('identity') ?? env.POD_NAME ?? hostname(),
    bindAddress,
    advertiseAddress:
      get('advertise-address') ??
      (env.POD_IP || undefined) ??
      (isIP(bindAddress) && !['0.0.0.0', '::'].includes(bindAddress) ? bindAddress : firstExternalIPv4()),
    pushPort,
    adminPort: port('admin-port', 15011),
    metricsAccess,
    webhookPort: port('webhook-port', 9443),
    consolePort: port('console-port', 0),
    consoleAddress: get('console-address') ?? '127.0.0.1',
    consoleTls: bool('console-tls', false),
    leaderElect: bool('leader-elect', true),
    leaderElectionId: get('leader-election-id') ?? 'aimesh-operator',
    leaseDurationMs: duration('lease-duration', '15s'),
    renewDeadlineMs: duration('renew-deadline', '10s'),
    retryPeriodMs: duration('retry-period', '2s'),
    serviceName,
    certSecret: get('cert-secret') ?? 'aimesh-operator-tls',
    certHosts: (get('cert-hosts') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    webhookConfig: webhookConfig ?? 'aimesh-sidecar-injector',
    operatorUrl: get('operator-url') ?? `https://${serviceName}.${namespace}.svc:${pushPort}`,
    sidecarImage: get('sidecar-image') ?? DEFAULT_SIDECAR_IMAGE,
    sidecarImagePullPolicy: pullPolicy as RunOptions['sidecarImagePullPolicy'],
    sidecarResources,
    sidecarLogLevel: get('sidecar-log-level'),
    sidecarEnv,
    secretLabelSelector: get('secret-label-selector'),
    gatewayServiceAccount:
      (values as Record<string, string | undefined>)['gateway-service-account'] ??
      env.AIMESH_GATEWAY_SERVICE_ACCOUNT ??
      'aimesh-gateway',
    gatewayUrl: get('gateway-url'),
    gatewayNamespaces: (get('gateway-namespaces') ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
    debounceMs: duration('debounce', '50ms'),
    debounceMaxMs: duration('debounce-max', '500ms'),
    logLevel: get('log-level') ?? 'info',
    alertWebhookUrlFile: get('alert-webhook-url-file'),
    tracing: tracingFromEnv(env),
  };
  if (!(opts.leaseDurationMs > opts.renewDeadlineMs && opts.renewDeadlineMs > opts.retryPeriodMs))
    throw new UsageError('need --lease-duration > --renew-deadline > --retry-period');
  return opts;
}

function tracingFromEnv(env: NodeJS.ProcessEnv): TracingOptions {
  try {
    return tracingOptionsFromEnv(env, 'aimesh-operator');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function parseStatus(rest: string[], env: NodeJS.ProcessEnv): StatusOptions {
  const { values } = parseArgs({
    args: rest,
    options: {
      'operator-admin': { type: 'string', multiple: true },
      output: { type: 'string', short: 'o' },
      timeout: { type: 'string' },
    },
    allowPositionals: false,
  });
  const urls = values['operator-admin']?.length
    ? values['operator-admin']
    : (env.AIMESH_OPERATOR_ADMIN || 'http://127.0.0.1:15011').split(',').map((u) => u.trim());
  for (const u of urls) {
    if (!/^https?:\/\//.test(u)) throw new UsageError(`--operator-admin must be an http(s) URL, got "${u}"`);
  }
  const output = values.output ?? 'table';
  if (output !== 'table' && output !== 'json')
    throw new UsageError(`-o must be table or json, got "${output}"`);
  const timeout = values.timeout === undefined ? 5000 : durationMs(values.timeout);
  return { command: 'status', urls, output, timeoutMs: timeout };
}

function parseUsage(rest: string[], env: NodeJS.ProcessEnv): UsageOptions {
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      'operator-admin': { type: 'string', multiple: true },
      namespace: { type: 'string', short: 'n' },
      top: { type: 'string' },
      output: { type: 'string', short: 'o' },
      timeout: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (positionals.length > 1) throw new UsageError('usage takes at most one quota name');
  const { urls, output, timeoutMs } = parseStatus(
    [
      ...(values['operator-admin'] ?? []).flatMap((u) => ['--operator-admin', u]),
      ...(values.output ? ['-o', values.output] : []),
      ...(values.timeout ? ['--timeout', values.timeout] : []),
    ],
    env,
  );
  const top = values.top === undefined ? 100 : Number(values.top);
  if (!Number.isInteger(top) || top < 1)
    throw new UsageError(`--top must be a positive integer, got "${values.top}"`);
  return {
    command: 'usage',
    urls,
    output,
    timeoutMs,
    top,
    ...(values.namespace ? { namespace: values.namespace } : {}),
    ...(positionals[0] ? { quota: positionals[0] } : {}),
  };
}

function parseAccess(rest: string[]): AccessOptions {
  const { values, positionals } = parseArgs({
    args: rest,
    options: { message: { type: 'string', short: 'm' }, kubeconfig: { type: 'string' } },
    allowPositionals: true,
  });
  const [verb, target, ...extra] = positionals;
  if (!verb || !Object.hasOwn(ACCESS_VERBS, verb))
    throw new UsageError(`access needs a verb: ${Object.keys(ACCESS_VERBS).join(', ')}`);
  const parts = target?.split('/') ?? [];
  if (parts.length !== 2 || !parts[0] || !parts[1] || extra.length > 0)
    throw new UsageError(`access ${verb} takes one AIAccessRequest as <namespace>/<name>`);
  if (values.message !== undefined && values.message.length > 1024)
    throw new UsageError('--message is at most 1024 characters');
  return {
    command: 'access',
    verb: verb as AccessVerb,
    namespace: parts[0],
    name: parts[1],
    ...(values.message ? { message: values.message } : {}),
    ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}),
  };
}

/** Outside a pod (no POD_IP): the first address other machines could use. */
function firstExternalIPv4(): string {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}

function readNamespaceFile(): string | undefined {
  try {
    return existsSync(SA_NAMESPACE_FILE)
      ? readFileSync(SA_NAMESPACE_FILE, 'utf8').trim() || undefined
      : undefined;
  } catch {
    return undefined;
  }
}

export class UsageError extends Error {}

/** --sidecar-env: the env the chart wants in every injected sidecar (tracing, log level). */
function parseSidecarEnv(raw: string | undefined): { name: string; value: string }[] {
  if (raw === undefined || raw.trim() === '') return [];
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    list = undefined;
  }
  const valid =
    Array.isArray(list) &&
    list.every(
      (e) =>
        e &&
        typeof e === 'object' &&
        typeof e.name === 'string' &&
        e.name !== '' &&
        typeof e.value === 'string',
    );
  if (!valid)
    throw new UsageError(
      '--sidecar-env must be a JSON list of {"name": ..., "value": ...} with string values',
    );
  return list as { name: string; value: string }[];
}
