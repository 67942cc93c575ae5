// OpenTelemetry tracing setup, shared by both binaries (the operator's setup is a thin wrapper).
// Built from the SDK's parts (TracerProvider + BatchSpanProcessor + OTLP/HTTP exporter) rather
// than NodeSDK: NodeSDK reads the environment on its own and, by default, also starts metric and
// log exporters; here options.ts reads the standard OTEL_* variables and nothing else does.
// No auto-instrumentation and no context manager: spans are created explicitly with an explicit
// parent, so the request path pays only for the spans we want.
// Export never blocks a request: spans queue in a bounded buffer and are exported in batches on a
// timer; when the buffer is full they are dropped and counted (onDropped -> a metric).
import { type Counter, createNoopMeter, type Meter, type MeterProvider, trace } from '@opentelemetry/api';
import { setGlobalErrorHandler, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OTLPJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  type Sampler,
  type SpanExporter,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';

import type { DropReason, SamplerName, Tracing, TracingHooks, TracingOptions } from './tracing-options.ts';

export * from './tracing-options.ts';

export function createSampler(name: SamplerName, ratio: number): Sampler {
  const ratioSampler = () => new TraceIdRatioBasedSampler(ratio);
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratioSampler();
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratioSampler() });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/**
 * The BatchSpanProcessor reports its own outcomes as OTel self-observability metrics
 * (otel.sdk.processor.span.processed with error.type=queue_full for drops). We have no OTel
 * metrics pipeline (metrics are prom-client), so a tiny MeterProvider forwards just that counter.
 */
function processedSpansBridge(onDropped: (reason: DropReason, n: number) => void): MeterProvider {
  const noop = createNoopMeter();
  const meter: Meter = Object.create(noop);
  meter.createCounter = ((name: string, options?: unknown) => {
    if (name !== 'otel.sdk.processor.span.processed') return noop.createCounter(name, options as never);
    const counter: Counter = {
      add(value, attributes) {
        const errorType = attributes?.['error.type'];
        if (errorType === undefined) return;
        onDropped(errorType === 'queue_full' ? 'queue_full' : 'export_failed', value);
      },
    };
    return counter;
  }) as Meter['createCounter'];
  return { getMeter: () => meter };
}

/**
 * The processor exports synchronously from the span.end() that fills a batch, i.e. inside some
 * call's own code path; moving the export (serialization + send) to a later macrotask lets that
 * call finish first.
 */
function deferred(exporter: SpanExporter): SpanExporter {
  return {
    export: (spans, done) => {
      setImmediate(() => exporter.export(spans, done));
    },
    shutdown: () => exporter.shutdown(),
    ...(exporter.forceFlush ? { forceFlush: () => exporter.forceFlush!() } : {}),
  };
}

/** Starts tracing; undefined when disabled (callers then skip every span). */
export function startTracing(opts: TracingOptions, hooks: TracingHooks = {}): Tracing | undefined {
  if (!opts.enabled) return undefined;
  const onDropped = hooks.onDropped ?? (() => {});
  const exporterConfig = {
    url: opts.url,
    headers: opts.headers,
    timeoutMillis: opts.timeoutMs,
    compression: opts.compression as never,
    // The processor exports one batch at a time, except a flush (shutdown) that sends the whole
    // queue at once: allow that many, or the flush fails and its spans are lost.
    concurrencyLimit: Math.ceil(opts.batch.maxQueueSize / opts.batch.maxExportBatchSize) + 1,
  };
  const exporter =
    hooks.exporter ??
    (opts.protocol === 'http/json'
      ? new OTLPJsonExporter(exporterConfig)
      : new OTLPProtoExporter(exporterConfig));
  const processor = new BatchSpanProcessor({
    exporter: deferred(exporter),
    maxQueueSize: opts.batch.maxQueueSize,
    maxExportBatchSize: opts.batch.maxExportBatchSize,
    scheduledDelayMillis: opts.batch.scheduleDelayMs,
    exportTimeoutMillis: opts.batch.exportTimeoutMs,
    selfObsMeterProvider: processedSpansBridge(onDropped),
  });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      ...opts.resourceAttributes,
      'service.name': opts.serviceName,
      ...(hooks.serviceVersion ? { 'service.version': hooks.serviceVersion } : {}),
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.name': 'opentelemetry',
    }),
    sampler: createSampler(opts.sampler, opts.samplerRatio),
    spanProcessors: [processor],
    ...(opts.attributeValueLengthLimit
      ? { spanLimits: { attributeValueLengthLimit: opts.attributeValueLengthLimit } }
      : {}),
  });
  // Export failures arrive here (the processor catches them); they must never reach the app.
  setGlobalErrorHandler((err) => hooks.onError?.(err instanceof Error ? err.message : String(err)));
  trace.setGlobalTracerProvider(provider);
  return {
    tracer: provider.getTracer('aimesh', hooks.serviceVersion),
    propagator: new W3CTraceContextPropagator(),
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
