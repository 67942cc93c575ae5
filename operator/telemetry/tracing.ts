// Traces of the operator: one span per reconcile (compile + publish + status) and one per snapshot
// push, from the moment a version is sent to a sidecar until its ACK or NACK, as a child of the
// reconcile that produced the version. Push spans are created when the ACK arrives, with the
// send time as their start: nothing is held per connection in between.
// The SDK setup (OTEL_* env, bounded batch export, drop counting) is the sidecar's, shared: it is
// generic OpenTelemetry code with nothing sidecar-specific in it.
import { type Context, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Counter, type Registry } from 'prom-client';
import pkg from '../../package.json' with { type: 'json' };
import type { Snapshot } from '../../sidecar/snapshot/schema.ts';
import {
  type DropReason,
  startTracing,
  type Tracing,
  type TracingOptions,
} from '../../sidecar/telemetry/tracing.ts';
import type { Batch } from '../controller/debounce.ts';
import type { Logger } from '../log.ts';
import type { Connection } from '../push/hub.ts';

export interface ReconcileSpan {
  /** The snapshots just published: their pushes become children of this reconcile. */
  published(snapshots: ReadonlyMap<string, Snapshot>, problems: number): void;
  /** Idempotent; with an error the span is marked failed. */
  end(err?: unknown): void;
}

export interface ReconcileTracer {
  start(batch?: Batch): ReconcileSpan;
}

const NOOP_SPAN: ReconcileSpan = { published() {}, end() {} };
/** Versions remembered for parenting push spans (a sidecar ACKs within seconds). */
const MAX_VERSIONS = 1000;

export class OperatorTracing implements ReconcileTracer {
  readonly #tracing: Tracing | undefined;
  /** Snapshot version -> the reconcile span that published it. */
  readonly #origins = new Map<string, Context>();

  constructor(tracing: Tracing | undefined) {
    this.#tracing = tracing;
  }

  get enabled(): boolean {
    return this.#tracing !== undefined;
  }

  start(batch?: Batch): ReconcileSpan {
    const tracing = this.#tracing;
    if (!tracing) return NOOP_SPAN;
    const now = Date.now();
    const span = tracing.tracer.startSpan('reconcile', {
      kind: SpanKind.INTERNAL,
      attributes: batch
        ? {
            'aimesh.reconcile.triggers': batch.triggers,
            'aimesh.reconcile.debounce_ms': now - batch.firstTriggerAt,
          }
        : {},
    });
    let ended = false;
    return {
      published: (snapshots, problems) => {
        const versions = new Set([...snapshots.values()].map((s) => s.version));
        span.setAttributes({
          'aimesh.reconcile.workloads': snapshots.size,
          'aimesh.reconcile.versions': versions.size,
          'aimesh.reconcile.problems': problems,
        });
        const ctx = trace.setSpan(ROOT_CONTEXT, span);
        for (const v of versions) {
          this.#origins.delete(v); // re-insert: newest last
          this.#origins.set(v, ctx);
        }
        while (this.#origins.size > MAX_VERSIONS) this.#origins.delete(this.#origins.keys().next().value!);
      },
      end: (err) => {
        if (ended) return;
        ended = true;
        if (err !== undefined) {
          span.setAttribute('error.type', err instanceof Error ? err.name : 'error');
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: err instanceof Error ? err.message : String(err),
          });
        }
        span.end();
      },
    };
  }

  /** A sidecar answered the version last sent to it: the push span, from send to answer. */
  pushed(conn: Connection, version: string, sentAt: number, now: number, nackReason?: string): void {
    const tracing = this.#tracing;
    if (!tracing) return;
    const span: Span = tracing.tracer.startSpan(
      'push snapshot',
      {
        kind: SpanKind.PRODUCER,
        startTime: sentAt,
        attributes: {
          'aimesh.snapshot.version': version,
          'aimesh.namespace': conn.namespace,
          'k8s.namespace.name': conn.namespace,
          'k8s.pod.name': conn.pod,
          ...(conn.workload.name ? { 'aimesh.workload': conn.workload.name } : {}),
          'aimesh.push.result': nackReason === undefined ? 'ack' : 'nack',
        },
      },
      this.#origins.get(version) ?? ROOT_CONTEXT,
    );
    if (nackReason !== undefined) {
      span.setAttribute('error.type', 'nack');
      span.setStatus({ code: SpanStatusCode.ERROR, message: nackReason.slice(0, 200) });
    }
    span.end(now);
  }

  async shutdown(log: Logger): Promise<void> {
    if (!this.#tracing) return;
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(resolve, 2000, 'timeout');
    });
    try {
      if ((await Promise.race([this.#tracing.shutdown(), limit])) === 'timeout')
        log.warn('gave up flushing the last spans');
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'could not flush the last spans');
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Starts the operator's tracing from its OTEL_* options; drops counted through onDropped. */
export function startOperatorTracing(
  opts: TracingOptions,
  log: Logger,
  onDropped: (reason: DropReason, n: number) => void,
): OperatorTracing {
  let lastWarn = 0;
  return new OperatorTracing(
    startTracing(opts, {
      serviceVersion: pkg.version,
      onDropped,
      onError: (message) => {
        if (Date.now() - lastWarn < 60_000) return;
        lastWarn = Date.now();
        log.warn({ err: message, url: opts.url }, 'trace export failed (spans are dropped and counted)');
      },
    }),
  );
}

/** aimesh_operator_tracing_spans_dropped_total{reason}, in the operator's registry. */
export function spansDroppedCounter(registry: Registry): Counter<'reason'> {
  const counter = new Counter({
    name: 'aimesh_operator_tracing_spans_dropped_total',
    help: 'Spans not exported: the export queue was full (queue_full) or the collector failed (export_failed).',
    labelNames: ['reason'],
    registers: [registry],
  });
  for (const reason of ['queue_full', 'export_failed']) counter.labels(reason).inc(0);
  return counter;
}
