// Telemetry of the sidecar, wired once at start-up: metrics (always), tracing (when OTEL_* asks
// for it), the telemetry Step and forward's AttemptObserver. main.ts only plugs the pieces in.
import pkg from '../../package.json' with { type: 'json' };
import type { RuntimeSnapshot } from '../config/runtime.ts';
import type { Logger } from '../log.ts';
import type { BreakerState } from '../resilience/circuit-breaker.ts';
import { SidecarMetrics } from './metrics.ts';
import { createTelemetry, type Telemetry } from './step.ts';
import { describeTracing, type TracingOptions } from './tracing-options.ts';

const SHUTDOWN_FLUSH_MS = 2000;

export interface SidecarTelemetry extends Telemetry {
  metrics: SidecarMetrics;
  /** For the start-up log line. */
  describe(): Record<string, unknown>;
  /** Exports the spans still queued; call once, after the last call finished. */
  shutdown(): Promise<void>;
}

/** Async: the OpenTelemetry SDK is imported only when tracing is on (most of the sidecar's code size). */
export async function setupTelemetry(
  opts: { tracing: TracingOptions; captureContent: boolean },
  sources: {
    snapshot(): RuntimeSnapshot | undefined;
    breakers(): Record<string, BreakerState>;
    inflight(): number;
  },
  log: Logger,
): Promise<SidecarTelemetry> {
  const metrics = new SidecarMetrics(sources);
  // A collector that is down fails every batch: say so, but at most once a minute.
  let lastWarn = 0;
  const tracing = opts.tracing.enabled
    ? (await import('./tracing.ts')).startTracing(opts.tracing, {
        serviceVersion: pkg.version,
        onDropped: (reason, n) => metrics.spansDropped(reason, n),
        onError: (message) => {
          const now = Date.now();
          if (now - lastWarn < 60_000) return;
          lastWarn = now;
          log.warn(
            { err: message, url: opts.tracing.url },
            'trace export failed (spans are dropped and counted)',
          );
        },
      })
    : undefined;
  const telemetry = createTelemetry({ tracing, metrics, captureContent: opts.captureContent, log });
  return {
    ...telemetry,
    metrics,
    describe: () => ({ ...describeTracing(opts.tracing), captureContent: opts.captureContent }),
    shutdown: async () => {
      if (!tracing) return;
      // A collector that hangs must not hold the pod's exit for the export timeout.
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(resolve, SHUTDOWN_FLUSH_MS, 'timeout');
      });
      try {
        const outcome = await Promise.race([tracing.shutdown(), limit]);
        if (outcome === 'timeout')
          log.warn({ waitedMs: SHUTDOWN_FLUSH_MS }, 'gave up flushing the last spans');
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'could not flush the last spans');
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
