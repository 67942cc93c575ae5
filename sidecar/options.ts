// The only module of aimesh-sidecar that reads argv and the environment. Every flag has an
// AIMESH_* twin so a pod spec can set it either way; flags win.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { type TracingOptions, tracingOptionsFromEnv } from './telemetry/tracing-options.ts';

export const USAGE = `Usage: aimesh-sidecar (--snapshot <file> | --operator <url>) [options]
  --snapshot <file>        Serve this snapshot JSON; reloaded when the file changes  (AIMESH_SNAPSHOT)
  --operator <url>         Receive snapshots from the operator (push)               (AIMESH_OPERATOR)
  --operator-ca <file|PEM> CA bundle to trust for --operator, a file or the PEM itself; default
                           the system CAs                                            (AIMESH_OPERATOR_CA)
  --token-file <file>      Projected ServiceAccount token (audience aimesh) for --operator, default
                           /var/run/secrets/aimesh/token                            (AIMESH_TOKEN_FILE)
  --state-dir <dir>        Where the last-known-good snapshot is kept (a memory-backed emptyDir),
                           default /var/run/aimesh                                  (AIMESH_STATE_DIR)
  --port <n>               App-facing API port, default 15080                        (AIMESH_PORT)
  --host <addr>            App-facing API address, default 127.0.0.1                 (AIMESH_HOST)
  --admin-port <n>         Admin port (/healthz /readyz /debug/config), default 15090 (AIMESH_ADMIN_PORT)
  --admin-host <addr>      Admin address, default 0.0.0.0 (kubelet probes)           (AIMESH_ADMIN_HOST)
  --metrics-access <who>   Who may read /metrics on the admin port: local (default: loopback,
                           kubectl port-forward) or any (Prometheus scraping pod IPs); /debug/*
                           always answers loopback only                             (AIMESH_METRICS_ACCESS)
  --body-limit <size>      Largest request body, e.g. 32mb (default)                 (AIMESH_BODY_LIMIT)
  --request-timeout <ms>   Upstream time limit when neither route nor provider sets one, default 600000
                                                                                     (AIMESH_REQUEST_TIMEOUT_MS)
  --breaker-failures <n>   Consecutive failures that open a backend's circuit, default 5
                                                                                     (AIMESH_BREAKER_FAILURES)
  --breaker-cooldown <ms>  How long an open circuit rejects before a probe, default 30000
                                                                                     (AIMESH_BREAKER_COOLDOWN_MS)
  --max-retry-after <ms>   Longest upstream retry-after honoured before falling back, default 30000
                                                                                     (AIMESH_MAX_RETRY_AFTER_MS)
  --shutdown-grace <ms>    How long SIGTERM waits for in-flight requests, default 30000
                                                                                     (AIMESH_SHUTDOWN_GRACE_MS)
  --gateway-ca <file|PEM>  CA bundle an https egress gateway must chain to (providers in Gateway
                           credential mode), default the --operator-ca bundle        (AIMESH_GATEWAY_CA)
  --max-snapshot-size <size> Largest snapshot accepted from the operator (larger: refused with a
                           NACK, the last good one keeps serving), default 16mb     (AIMESH_MAX_SNAPSHOT_SIZE)
  --log-level <level>      pino level: debug, info (default), warn, error            (AIMESH_LOG_LEVEL)
  --capture-content <bool> Record prompts and completions on trace spans (gen_ai.input.messages /
                           gen_ai.output.messages), default false                   (AIMESH_CAPTURE_CONTENT)
Upstream bounds (what one misbehaving upstream may cost the sidecar):
  --max-response-size <size>      Largest whole (non-streamed) upstream answer, default 32mb; a larger
                                  one is refused while read, a 502 naming the limit (AIMESH_MAX_RESPONSE_SIZE)
  --max-stream-event-size <size>  Largest upstream stream event (SSE event, Bedrock message), default
                                  8mb; a larger one ends the stream with an error   (AIMESH_MAX_STREAM_EVENT_SIZE)
Egress gateway (the same binary as a Deployment in a provider namespace, see docs/egress-gateway.md):
  --gateway                Serve as the namespace's egress gateway: authenticate sidecars by their
                           pod token, inject Gateway-mode provider keys, forward; default false
                                                                                     (AIMESH_GATEWAY)
  --kube-api <url>         API server for TokenReviews, default in-cluster
                           https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT (AIMESH_KUBE_API)
  --kube-token-file <file> The gateway's own token for TokenReviews, default
                           /var/run/secrets/kubernetes.io/serviceaccount/token      (AIMESH_KUBE_TOKEN_FILE)
  --kube-ca <file|PEM>     The API server's CA, default the in-cluster
                           /var/run/secrets/kubernetes.io/serviceaccount/ca.crt     (AIMESH_KUBE_CA)
  --tls-cert <file>        Serve the gateway over TLS with this certificate ...     (AIMESH_TLS_CERT)
  --tls-key <file>         ... and key; default plain HTTP                           (AIMESH_TLS_KEY)
App-port bounds (a client that is slow, idle or greedy cannot hold the sidecar):
  --header-timeout <ms>    Time to send the request headers, default 10000          (AIMESH_HEADER_TIMEOUT_MS)
  --body-timeout <ms>      Time to send the whole request, headers and body, default 60000; a slower
                           upload is cut with 408                                   (AIMESH_BODY_TIMEOUT_MS)
  --idle-timeout <ms>      How long an idle keep-alive connection is kept, default 65000
                                                                                     (AIMESH_IDLE_TIMEOUT_MS)
  --max-connections <n>    Open app connections at most (also the listen backlog); more are closed at once, default 2048
                                                                                     (AIMESH_MAX_CONNECTIONS)
  --offload-threshold <size> Request bodies at least this big have their guard and token work done
                           on worker threads, off the event loop, default 32kb      (AIMESH_OFFLOAD_THRESHOLD)
  --offload-workers <n>    Worker threads for that work, started on first use, default the available
                           cores, at most 2 (two free split one body's work)        (AIMESH_OFFLOAD_WORKERS)
  --offload-queue <n>      Large requests waiting for a worker at most; more answer 503, default 64
                                                                                     (AIMESH_OFFLOAD_QUEUE)
Tracing (OpenTelemetry, OTLP/HTTP) is configured by the standard environment and is on when an
endpoint is set: OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
OTEL_EXPORTER_OTLP_PROTOCOL (http/protobuf | http/json), OTEL_EXPORTER_OTLP_HEADERS,
OTEL_EXPORTER_OTLP_TIMEOUT, OTEL_EXPORTER_OTLP_COMPRESSION, OTEL_SERVICE_NAME (aimesh-sidecar),
OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER (+ _ARG), OTEL_TRACES_EXPORTER (otlp | none),
OTEL_BSP_MAX_QUEUE_SIZE / _SCHEDULE_DELAY / _EXPORT_TIMEOUT / _MAX_EXPORT_BATCH_SIZE (128 here),
OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT, OTEL_SDK_DISABLED.`;

export interface SidecarOptions {
  snapshotFile?: string;
  operatorUrl?: string;
  /** File path or PEM text. */
  operatorCA?: string;
  tokenFile: string;
  stateDir: string;
  port: number;
  host: string;
  adminPort: number;
  adminHost: string;
  metricsAccess: 'local' | 'any';
  /** Bytes. */
  bodyLimit: number;
  requestTimeoutMs: number;
  breakerFailures: number;
  breakerCooldownMs: number;
  maxRetryAfterMs: number;
  shutdownGraceMs: number;
  logLevel: string;
  /** OTEL_* environment. */
  tracing: TracingOptions;
  /** Prompt and completion text on spans (opt-in). */
  captureContent: boolean;

  // Upstream bounds.
  /** Largest whole upstream answer read, bytes. */
  maxResponseBytes: number;
  /** Largest upstream stream event, bytes. */
  maxStreamEventBytes: number;
  /** File path or PEM text: what an https egress gateway's certificate must chain to. */
  gatewayCA?: string;
  /** Run as the egress gateway (sidecar/gateway/). */
  gateway: boolean;
  /** The API server, the gateway's own token and the API server's CA (file or PEM), for TokenReviews. */
  kube: { server?: string; tokenFile: string; ca?: string };
  /** Gateway over TLS (both files), else plain HTTP. */
  tls?: { certFile: string; keyFile: string };
  /** Bytes: a larger pushed snapshot is refused (NACK). */
  maxSnapshotSize: number;

  /** App-port bounds: timeouts, connection cap, off-event-loop work for large bodies. */
  appBounds: AppBounds;
}

export interface AppBounds {
  headerTimeoutMs: number;
  /** Headers and body together (node:http requestTimeout). */
  bodyTimeoutMs: number;
  idleTimeoutMs: number;
  maxConnections: number;
  /** Bytes: bodies at least this big get their guard/token work done on worker threads. */
  offloadThreshold: number;
  offloadWorkers: number;
  offloadQueue: number;
}

export class UsageError extends Error {}

const FLAGS = {
  snapshot: 'AIMESH_SNAPSHOT',
  operator: 'AIMESH_OPERATOR',
  'operator-ca': 'AIMESH_OPERATOR_CA',
  'token-file': 'AIMESH_TOKEN_FILE',
  'state-dir': 'AIMESH_STATE_DIR',
  port: 'AIMESH_PORT',
  host: 'AIMESH_HOST',
  'admin-port': 'AIMESH_ADMIN_PORT',
  'admin-host': 'AIMESH_ADMIN_HOST',
  'metrics-access': 'AIMESH_METRICS_ACCESS',
  'body-limit': 'AIMESH_BODY_LIMIT',
  'request-timeout': 'AIMESH_REQUEST_TIMEOUT_MS',
  'breaker-failures': 'AIMESH_BREAKER_FAILURES',
  'breaker-cooldown': 'AIMESH_BREAKER_COOLDOWN_MS',
  'max-retry-after': 'AIMESH_MAX_RETRY_AFTER_MS',
  'shutdown-grace': 'AIMESH_SHUTDOWN_GRACE_MS',
  'log-level': 'AIMESH_LOG_LEVEL',
  'capture-content': 'AIMESH_CAPTURE_CONTENT',
  // Upstream bounds.
  'max-response-size': 'AIMESH_MAX_RESPONSE_SIZE',
  'max-stream-event-size': 'AIMESH_MAX_STREAM_EVENT_SIZE',
  'gateway-ca': 'AIMESH_GATEWAY_CA',
  gateway: 'AIMESH_GATEWAY',
  'kube-api': 'AIMESH_KUBE_API',
  'kube-token-file': 'AIMESH_KUBE_TOKEN_FILE',
  'kube-ca': 'AIMESH_KUBE_CA',
  'tls-cert': 'AIMESH_TLS_CERT',
  'tls-key': 'AIMESH_TLS_KEY',
  // App-port bounds.
  'header-timeout': 'AIMESH_HEADER_TIMEOUT_MS',
  'body-timeout': 'AIMESH_BODY_TIMEOUT_MS',
  'idle-timeout': 'AIMESH_IDLE_TIMEOUT_MS',
  'max-connections': 'AIMESH_MAX_CONNECTIONS',
  'offload-threshold': 'AIMESH_OFFLOAD_THRESHOLD',
  'offload-workers': 'AIMESH_OFFLOAD_WORKERS',
  'offload-queue': 'AIMESH_OFFLOAD_QUEUE',
  'max-snapshot-size': 'AIMESH_MAX_SNAPSHOT_SIZE',
} as const;
type Flag = keyof typeof FLAGS;

export function parseOptions(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): SidecarOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...(Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: 'string' }])) as Record<
        Flag,
        { type: 'string' }
      >),
      // A switch: `--gateway` alone (AIMESH_GATEWAY=true in a pod spec).
      gateway: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) return 'help';
  const get = (flag: Flag): string | undefined => {
    const v = (values as Record<string, string | undefined>)[flag] ?? env[FLAGS[flag]];
    return v === '' ? undefined : v;
  };
  const int = (flag: Flag, fallback: number, min = 0): number => {
    const raw = get(flag);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`--${flag} must be an integer >= ${min}, got "${raw}"`);
    return n;
  };
  const bool = (flag: Flag, fallback: boolean): boolean => {
    const raw = get(flag)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false')
      throw new UsageError(`--${flag} must be true or false, got "${raw}"`);
    return raw === 'true';
  };
  const size = (flag: Flag, fallback: string): number => {
    const n = parseSize(get(flag) ?? fallback, flag);
    if (n < 1) throw new UsageError(`--${flag} must be at least 1 byte`);
    return n;
  };
  const gateway = (values as { gateway?: boolean }).gateway === true || bool('gateway', false);
  const serviceHost = env.KUBERNETES_SERVICE_HOST;
  const inCluster = serviceHost
    ? `https://${serviceHost.includes(':') ? `[${serviceHost}]` : serviceHost}:${env.KUBERNETES_SERVICE_PORT ?? '443'}`
    : undefined;
  const certFile = get('tls-cert');
  const keyFile = get('tls-key');
  if ((certFile === undefined) !== (keyFile === undefined))
    throw new UsageError('--tls-cert and --tls-key go together');
  const options: SidecarOptions = {
    snapshotFile: get('snapshot'),
    operatorUrl: get('operator'),
    operatorCA: get('operator-ca'),
    tokenFile: get('token-file') ?? '/var/run/secrets/aimesh/token',
    stateDir: get('state-dir') ?? '/var/run/aimesh',
    port: int('port', 15080),
    // The gateway serves other pods: it listens on the pod IP.
    host: get('host') ?? (gateway ? '0.0.0.0' : '127.0.0.1'),
    adminPort: int('admin-port', 15090),
    adminHost: get('admin-host') ?? '0.0.0.0',
    metricsAccess: access(get('metrics-access')),
    bodyLimit: parseSize(get('body-limit') ?? '32mb'),
    requestTimeoutMs: int('request-timeout', 600_000, 1),
    breakerFailures: int('breaker-failures', 5, 1),
    breakerCooldownMs: int('breaker-cooldown', 30_000, 1),
    maxRetryAfterMs: int('max-retry-after', 30_000),
    shutdownGraceMs: int('shutdown-grace', 30_000),
    logLevel: get('log-level') ?? 'info',
    tracing: tracing(env),
    captureContent: bool('capture-content', false),
    // Upstream bounds. 32 MiB: the request body limit's size, above any chat answer and an
    // embeddings batch in base64 (the SDKs' default encoding); the chart's 256Mi memory limit
    // holds a few in flight. 8 MiB: streamed chunks are tokens, tool-call pieces or a partial
    // image (a few MB of base64); holding one such event costs 8 MiB, not the stream's size.
    maxResponseBytes: size('max-response-size', '32mb'),
    maxStreamEventBytes: size('max-stream-event-size', '8mb'),
    gatewayCA: get('gateway-ca') ?? get('operator-ca'),
    gateway,
    kube: {
      server: get('kube-api') ?? inCluster,
      tokenFile: get('kube-token-file') ?? '/var/run/secrets/kubernetes.io/serviceaccount/token',
      // Absent: the in-cluster CA file when there is one (gateway/run.ts), else the system CAs.
      ca: get('kube-ca'),
    },
    tls: certFile && keyFile ? { certFile, keyFile } : undefined,
    appBounds: appBounds(int, (flag) => get(flag)),
    maxSnapshotSize: size('max-snapshot-size', '16mb'),
  };
  if (gateway && !options.operatorUrl)
    throw new UsageError('--gateway needs --operator (its keys come from the operator)');
  if (gateway && !options.kube.server)
    throw new UsageError('--gateway needs --kube-api outside a cluster (for TokenReviews)');
  if (!options.snapshotFile && !options.operatorUrl)
    throw new UsageError('one of --snapshot or --operator is required');
  if (options.snapshotFile && options.operatorUrl)
    throw new UsageError('--snapshot and --operator exclude each other');
  return options;
}

/** The app-port bounds block (defaults documented in USAGE). */
function appBounds(
  int: (flag: Flag, fallback: number, min?: number) => number,
  get: (flag: Flag) => string | undefined,
): AppBounds {
  const headerTimeoutMs = int('header-timeout', 10_000, 1);
  const bodyTimeoutMs = int('body-timeout', 60_000, 1);
  if (bodyTimeoutMs < headerTimeoutMs)
    throw new UsageError('--body-timeout must not be shorter than --header-timeout');
  const threshold = get('offload-threshold');
  return {
    headerTimeoutMs,
    bodyTimeoutMs,
    idleTimeoutMs: int('idle-timeout', 65_000, 1),
    maxConnections: int('max-connections', 2048, 1),
    offloadThreshold: threshold === undefined ? 32 * 1024 : parseSize(threshold, 'offload-threshold'),
    offloadWorkers: int('offload-workers', Math.min(2, availableParallelism()), 1),
    offloadQueue: int('offload-queue', 64, 0),
  };
}

function access(raw: string | undefined): 'local' | 'any' {
  if (raw === undefined) return 'local';
  if (raw !== 'local' && raw !== 'any')
    throw new UsageError(`--metrics-access must be local or any, got "${raw}"`);
  return raw;
}

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** "32mb", "512kb", "1048576" -> bytes. */
export function parseSize(text: string, flag = 'body-limit'): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!m) throw new UsageError(`--${flag}: cannot read size "${text}" (try 32mb)`);
  return Math.floor(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]);
}

function tracing(env: NodeJS.ProcessEnv): TracingOptions {
  try {
    return tracingOptionsFromEnv(env, 'aimesh-sidecar');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
