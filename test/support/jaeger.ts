// A real Jaeger v2 (all-in-one, memory storage) for tests that read traces back:
//
//   const jaeger = await startJaeger();
//   // point an exporter at jaeger.otlpHttpEndpoint (or pass jaeger.env to a child process)
//   const spans = await jaeger.waitForSpans({ service: 'aimesh-sidecar', min: 2 });
//   await jaeger.stop();
//
// Only the OTLP receivers (HTTP and gRPC), the query API and the health check listen, each on a
// free loopback port, from a generated config file. Spans are read through the query HTTP API
// (/api/traces) and flattened to plain objects with their tags as attributes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { binaryPath } from './bins.ts';
import { FatalError, freePorts, type Proc, startProcess, tempDir, waitFor } from './procs.ts';

export interface Span {
  traceId: string;
  spanId: string;
  /** Parent span id within the trace ('' for a root span). */
  parentSpanId: string;
  name: string;
  service: string;
  /** Span kind (client, server, internal, producer, consumer) when set. */
  kind: string | undefined;
  /** Microseconds since the epoch. */
  startTime: number;
  /** Microseconds. */
  duration: number;
  /** Span attributes (Jaeger tags), values typed (string, number, boolean). */
  attributes: Record<string, unknown>;
  /** Resource attributes of the emitting process (service.name excluded). */
  resource: Record<string, unknown>;
  events: { timestamp: number; attributes: Record<string, unknown> }[];
}

export interface SpanQuery {
  service?: string;
  traceId?: string;
  /** Only spans with this name (operation). */
  name?: string;
}

export interface Jaeger {
  /** OTLP/HTTP base URL (traces go to `${otlpHttpEndpoint}/v1/traces`). */
  otlpHttpEndpoint: string;
  /** OTLP/gRPC endpoint (host:port). */
  otlpGrpcEndpoint: string;
  /** Query API / UI base URL. */
  queryUrl: string;
  /** OTEL_* env for a child process that exports over OTLP/HTTP to this Jaeger. */
  env: Record<string, string>;
  /** The spans stored now (no waiting). */
  spans(query: SpanQuery): Promise<Span[]>;
  /** Polls until at least `min` (default 1) spans match, then returns them. */
  waitForSpans(query: SpanQuery & { min?: number; timeoutMs?: number }): Promise<Span[]>;
  logs(lines?: number): string;
  stop(): Promise<void>;
}

export interface JaegerOptions {
  timeoutMs?: number;
  /**
   * Address the OTLP receivers listen on (default 127.0.0.1), e.g. a node's bridge address so
   * that pods can export to it. The query API and the health check stay on loopback.
   */
  otlpHost?: string;
}

export async function startJaeger(options: JaegerOptions = {}): Promise<Jaeger> {
  const bin = binaryPath('jaeger');
  const tmp = tempDir('aimesh-jaeger');
  const [httpPort, grpcPort, queryPort, queryGrpcPort, healthPort] = await freePorts(5);
  const host = '127.0.0.1';
  const otlpHost = options.otlpHost ?? host;
  const config = {
    service: {
      extensions: ['jaeger_storage', 'jaeger_query', 'healthcheckv2'],
      pipelines: { traces: { receivers: ['otlp'], processors: [], exporters: ['jaeger_storage_exporter'] } },
      telemetry: {
        resource: { 'service.name': 'jaeger' },
        metrics: { level: 'none' },
        logs: { level: 'info' },
      },
    },
    extensions: {
      jaeger_storage: { backends: { memstore: { memory: { max_traces: 100000 } } } },
      jaeger_query: {
        storage: { traces: 'memstore' },
        http: { endpoint: `${host}:${queryPort}` },
        grpc: { endpoint: `${host}:${queryGrpcPort}` },
      },
      healthcheckv2: { use_v2: true, http: { endpoint: `${host}:${healthPort}` } },
    },
    receivers: {
      otlp: {
        protocols: {
          grpc: { endpoint: `${otlpHost}:${grpcPort}` },
          http: { endpoint: `${otlpHost}:${httpPort}` },
        },
      },
    },
    exporters: { jaeger_storage_exporter: { trace_storage: 'memstore' } },
  };
  const configPath = join(tmp.path, 'jaeger.yaml');
  writeFileSync(configPath, dump(config));
  let proc: Proc | undefined;
  const stop = async () => {
    await proc?.stop(3000);
    tmp.remove();
  };
  const queryUrl = `http://${host}:${queryPort}`;
  try {
    const p = startProcess('jaeger', bin, [`--config=${configPath}`], { logDir: tmp.path });
    proc = p;
    await waitFor(
      'jaeger health check and query API',
      async () => {
        if (!p.running()) throw new FatalError(`jaeger exited during start-up:\n${p.tail(40)}`);
        const h = await fetch(`http://${host}:${healthPort}/status`);
        if (!h.ok) return false;
        return (await fetch(`${queryUrl}/api/services`)).ok;
      },
      { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: 100, onTimeout: () => p.tail(40) },
    );
  } catch (e) {
    await stop();
    throw e;
  }

  const spans = async (q: SpanQuery): Promise<Span[]> => {
    let url: string;
    if (q.traceId) url = `${queryUrl}/api/traces/${q.traceId}`;
    else if (q.service)
      url = `${queryUrl}/api/traces?service=${encodeURIComponent(q.service)}&limit=1000&lookback=1h`;
    else throw new Error('spans(): give a service or a traceId');
    const r = await fetch(url);
    if (r.status === 404) return [];
    if (!r.ok) throw new Error(`GET ${url}: ${r.status} ${await r.text()}`);
    const body = (await r.json()) as { data: JaegerTrace[] | null };
    return (body.data ?? [])
      .flatMap(flatten)
      .filter((s) => (!q.service || s.service === q.service) && (!q.name || s.name === q.name))
      .sort(
        (a, b) => a.startTime - b.startTime || (a.parentSpanId === '' ? -1 : b.parentSpanId === '' ? 1 : 0),
      );
  };

  return {
    otlpHttpEndpoint: `http://${otlpHost}:${httpPort}`,
    otlpGrpcEndpoint: `${otlpHost}:${grpcPort}`,
    queryUrl,
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://${otlpHost}:${httpPort}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_TRACES_EXPORTER: 'otlp',
    },
    spans,
    waitForSpans: (q) =>
      waitFor(
        `${q.min ?? 1} span(s) in Jaeger for ${JSON.stringify({ service: q.service, traceId: q.traceId, name: q.name })}`,
        async () => {
          const found = await spans(q);
          return found.length >= (q.min ?? 1) ? found : undefined;
        },
        { timeoutMs: q.timeoutMs ?? 15_000, intervalMs: 200 },
      ),
    logs: (lines = 30) => proc?.tail(lines) ?? '',
    stop,
  };
}

// ---- Jaeger query API (v1 JSON model) -> Span ---------------------------------------------------

interface JaegerTag {
  key: string;
  type: string;
  value: unknown;
}
interface JaegerTrace {
  traceID: string;
  spans: {
    traceID: string;
    spanID: string;
    operationName: string;
    references?: { refType: string; traceID: string; spanID: string }[];
    startTime: number;
    duration: number;
    tags?: JaegerTag[];
    logs?: { timestamp: number; fields: JaegerTag[] }[];
    processID: string;
  }[];
  processes: Record<string, { serviceName: string; tags?: JaegerTag[] }>;
}

const tagsToObject = (tags: JaegerTag[] = []) => Object.fromEntries(tags.map((t) => [t.key, t.value]));

function flatten(trace: JaegerTrace): Span[] {
  return trace.spans.map((s) => {
    const process = trace.processes[s.processID] ?? { serviceName: '' };
    const attributes = tagsToObject(s.tags);
    const parent = s.references?.find((r) => r.refType === 'CHILD_OF');
    return {
      traceId: s.traceID.padStart(32, '0'),
      spanId: s.spanID.padStart(16, '0'),
      parentSpanId: parent ? parent.spanID.padStart(16, '0') : '',
      name: s.operationName,
      service: process.serviceName,
      kind: typeof attributes['span.kind'] === 'string' ? (attributes['span.kind'] as string) : undefined,
      startTime: s.startTime,
      duration: s.duration,
      attributes,
      resource: tagsToObject(process.tags),
      events: (s.logs ?? []).map((l) => ({ timestamp: l.timestamp, attributes: tagsToObject(l.fields) })),
    };
  });
}
