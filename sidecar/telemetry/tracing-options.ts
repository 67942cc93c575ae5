// Tracing configuration from the standard OTEL_* environment, and the Tracing interface.
// Pure and free of the OpenTelemetry SDK: the sidecar loads the SDK (tracing.ts) only when
// tracing is on, which keeps ~2 MB of code and several MB of RSS out of every other pod.
import type { Tracer } from '@opentelemetry/api';
import type { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { SpanExporter } from '@opentelemetry/sdk-trace';

export type SamplerName =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

/** Tracing configuration, from the standard OTEL_* environment (see tracingOptionsFromEnv). */
export interface TracingOptions {
  /** False: no provider, no spans (OTEL_SDK_DISABLED, OTEL_TRACES_EXPORTER=none, or no endpoint). */
  enabled: boolean;
  serviceName: string;
  /** OTEL_RESOURCE_ATTRIBUTES. */
  resourceAttributes: Record<string, string>;
  /** Full traces URL, e.g. http://collector:4318/v1/traces. */
  url: string;
  protocol: 'http/protobuf' | 'http/json';
  /** OTEL_EXPORTER_OTLP_(TRACES_)HEADERS: may hold collector credentials; never logged. */
  headers: Record<string, string>;
  timeoutMs: number;
  compression: 'gzip' | 'none';
  sampler: SamplerName;
  /** OTEL_TRACES_SAMPLER_ARG for the ratio samplers. */
  samplerRatio: number;
  /** OTEL_BSP_*. */
  batch: {
    scheduleDelayMs: number;
    exportTimeoutMs: number;
    maxQueueSize: number;
    maxExportBatchSize: number;
  };
  /** OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT (captured content can be long). */
  attributeValueLengthLimit?: number;
}

type Env = Record<string, string | undefined>;

const DEFAULT_BATCH = 128;

const SAMPLERS: readonly SamplerName[] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];

/** "k=v,k2=v2" (W3C baggage-like, values percent-encoded) -> record. */
export function parseKeyValues(text: string | undefined, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`${what}: expected key=value pairs separated by commas`);
    try {
      out[decodeURIComponent(part.slice(0, eq).trim())] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      throw new Error(`${what}: invalid percent-encoding`);
    }
  }
  return out;
}

/**
 * Reads the standard OTEL_* variables (https://opentelemetry.io/docs/specs/otel/configuration/
 * sdk-environment-variables/). Pure: options.ts passes the environment in. Tracing is on when an
 * OTLP endpoint is configured (or OTEL_TRACES_EXPORTER=otlp asks for the default localhost:4318),
 * so a pod without a collector does not retry exports to nowhere. Throws naming the variable.
 */
export function tracingOptionsFromEnv(env: Env, defaultServiceName: string): TracingOptions {
  const get = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === '' ? undefined : v;
  };
  const int = (name: string, fallback: number, min = 0): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
    return n;
  };

  const exporter = (get('OTEL_TRACES_EXPORTER') ?? '').toLowerCase();
  if (exporter !== '' && exporter !== 'otlp' && exporter !== 'none') {
    throw new Error(`OTEL_TRACES_EXPORTER: only "otlp" and "none" are supported, got "${exporter}"`);
  }
  const tracesEndpoint = get('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const baseEndpoint = get('OTEL_EXPORTER_OTLP_ENDPOINT');
  // The signal-specific endpoint is used as is; the base one gets the signal path appended.
  const url = tracesEndpoint ?? `${(baseEndpoint ?? 'http://localhost:4318').replace(/\/+$/, '')}/v1/traces`;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new Error(`OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT: not an http(s) URL: "${url}"`);
  }
  const protocol = (
    get('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ??
    get('OTEL_EXPORTER_OTLP_PROTOCOL') ??
    'http/protobuf'
  ).toLowerCase();
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new Error(
      `OTEL_EXPORTER_OTLP_PROTOCOL: "${protocol}" is not supported; use http/protobuf (default) or http/json`,
    );
  }
  const compression = (
    get('OTEL_EXPORTER_OTLP_TRACES_COMPRESSION') ??
    get('OTEL_EXPORTER_OTLP_COMPRESSION') ??
    'none'
  ).toLowerCase();
  if (compression !== 'gzip' && compression !== 'none') {
    throw new Error(`OTEL_EXPORTER_OTLP_COMPRESSION must be gzip or none, got "${compression}"`);
  }
  const sampler = (get('OTEL_TRACES_SAMPLER') ?? 'parentbased_always_on').toLowerCase() as SamplerName;
  if (!SAMPLERS.includes(sampler)) {
    throw new Error(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')}, got "${sampler}"`);
  }
  const ratioRaw = get('OTEL_TRACES_SAMPLER_ARG');
  const samplerRatio = ratioRaw === undefined ? 1 : Number(ratioRaw);
  if (!(samplerRatio >= 0 && samplerRatio <= 1)) {
    throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a number in [0, 1], got "${ratioRaw}"`);
  }
  const maxQueueSize = int('OTEL_BSP_MAX_QUEUE_SIZE', 2048, 1);
  const disabled = (get('OTEL_SDK_DISABLED') ?? '').toLowerCase() === 'true';
  const lengthLimit = get('OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT');
  return {
    enabled:
      !disabled &&
      exporter !== 'none' &&
      (exporter === 'otlp' || tracesEndpoint !== undefined || baseEndpoint !== undefined),
    serviceName: get('OTEL_SERVICE_NAME') ?? defaultServiceName,
    // The pod and namespace the injection passes by the downward API (POD_NAME, POD_NAMESPACE)
    // name every span's source, as the k8s semantic conventions do; OTEL_RESOURCE_ATTRIBUTES wins.
    resourceAttributes: {
      ...(get('POD_NAME') ? { 'k8s.pod.name': get('POD_NAME')! } : {}),
      ...(get('POD_NAMESPACE') ? { 'k8s.namespace.name': get('POD_NAMESPACE')! } : {}),
      ...parseKeyValues(get('OTEL_RESOURCE_ATTRIBUTES'), 'OTEL_RESOURCE_ATTRIBUTES'),
    },
    url,
    protocol,
    headers: {
      ...parseKeyValues(get('OTEL_EXPORTER_OTLP_HEADERS'), 'OTEL_EXPORTER_OTLP_HEADERS'),
      ...parseKeyValues(get('OTEL_EXPORTER_OTLP_TRACES_HEADERS'), 'OTEL_EXPORTER_OTLP_TRACES_HEADERS'),
    },
    timeoutMs: int('OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', int('OTEL_EXPORTER_OTLP_TIMEOUT', 10_000, 1), 1),
    compression,
    sampler,
    samplerRatio,
    batch: {
      scheduleDelayMs: int('OTEL_BSP_SCHEDULE_DELAY', 5000, 1),
      exportTimeoutMs: int('OTEL_BSP_EXPORT_TIMEOUT', 30_000, 1),
      maxQueueSize,
      // 128, not the SDK's 512: serializing a batch blocks the event loop (~10 µs a span), and
      // smaller batches keep each pause short (~1 ms) for the calls in flight.
      maxExportBatchSize: Math.min(int('OTEL_BSP_MAX_EXPORT_BATCH_SIZE', DEFAULT_BATCH, 1), maxQueueSize),
    },
    attributeValueLengthLimit:
      lengthLimit === undefined ? undefined : int('OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT', 0, 1),
  };
}

/** A one-line description for the start-up log (no headers: they may carry credentials). */
export function describeTracing(opts: TracingOptions): Record<string, unknown> {
  if (!opts.enabled) return { enabled: false };
  return {
    enabled: true,
    serviceName: opts.serviceName,
    url: opts.url,
    protocol: opts.protocol,
    sampler: opts.sampler.endsWith('traceidratio') ? `${opts.sampler}(${opts.samplerRatio})` : opts.sampler,
    maxQueueSize: opts.batch.maxQueueSize,
  };
}

export type DropReason = 'queue_full' | 'export_failed';

export interface TracingHooks {
  /** Spans lost: the queue was full, or their batch could not be exported. */
  onDropped?(reason: DropReason, count: number): void;
  /** An export error (already rate-limited by the caller if it logs). */
  onError?(message: string): void;
  /** Resource service.version. */
  serviceVersion?: string;
  /** Replaces the OTLP exporter (tests). */
  exporter?: SpanExporter;
}

export interface Tracing {
  readonly tracer: Tracer;
  readonly propagator: W3CTraceContextPropagator;
  /** Exports what is queued (bounded by the export timeout). */
  forceFlush(): Promise<void>;
  /** Flushes and stops; call once at shutdown. */
  shutdown(): Promise<void>;
}
