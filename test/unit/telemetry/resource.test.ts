// Sidecar spans name their pod and namespace (OTel k8s resource semantic conventions:
// k8s.pod.name, k8s.namespace.name), from injection to export: the webhook gives the sidecar
// container POD_NAME / POD_NAMESPACE through the downward API, the kubelet resolves them, the
// sidecar's options read them, and every exported span's resource carries them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { applyPatch, buildInjectionPatch, type Pod } from '../../../operator/webhook/inject.ts';
import { parseOptions, type SidecarOptions } from '../../../sidecar/options.ts';
import { startTracing } from '../../../sidecar/telemetry/tracing.ts';

type EnvVar = { name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath: string } } };

const NAMESPACE = 'team-a';
const pod: Pod = {
  metadata: { name: 'chat-7d9f8-x2k4l' },
  spec: { containers: [{ name: 'app', image: 'app:1' }] },
};

/** The injected sidecar container's env, resolved as the kubelet does (downward API fieldRefs). */
function sidecarEnv(extra: { name: string; value: string }[] = []): Record<string, string> {
  const out = applyPatch(
    pod,
    buildInjectionPatch(pod, {
      image: 'aimesh/aimesh-sidecar:test',
      operatorUrl: 'https://aimesh-operator.aimesh-system.svc:15010',
      env: extra,
    }),
  );
  const sidecar = (out.spec?.initContainers ?? []).find((c) => c.name === 'aimesh-sidecar') as
    | { env?: EnvVar[] }
    | undefined;
  assert.ok(sidecar, 'the sidecar is injected');
  const fields: Record<string, string> = {
    'metadata.name': pod.metadata!.name!,
    'metadata.namespace': NAMESPACE,
  };
  const env: Record<string, string> = {};
  for (const e of sidecar.env ?? []) {
    const path = e.valueFrom?.fieldRef?.fieldPath;
    if (e.value !== undefined) env[e.name] = e.value;
    else if (path) {
      assert.ok(path in fields, `unexpected fieldRef ${path}`);
      env[e.name] = fields[path]!;
    }
  }
  return env;
}

test('the injected sidecar gets its pod name and namespace from the downward API', () => {
  const out = applyPatch(
    pod,
    buildInjectionPatch(pod, { image: 'i', operatorUrl: 'https://op:15010', env: [] }),
  );
  const env = (out.spec?.initContainers ?? []).find((c) => c.name === 'aimesh-sidecar')?.env as EnvVar[];
  assert.deepEqual(
    env.filter((e) => e.name.startsWith('POD_')),
    [
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
    ],
  );
});

test('spans of an injected sidecar carry k8s.pod.name and k8s.namespace.name as resource attributes', async () => {
  const env = sidecarEnv([{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://jaeger-collector:4318' }]);
  const options = parseOptions(['--snapshot', 's.json'], env) as SidecarOptions;
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing(options.tracing, { exporter });
  assert.ok(tracing, 'tracing is on with an endpoint');
  tracing.tracer.startSpan('chat gpt-4o').end();
  await tracing.forceFlush();
  const [span] = exporter.getFinishedSpans();
  assert.ok(span, 'the span was exported');
  const resource = span.resource.attributes;
  assert.equal(resource['k8s.pod.name'], 'chat-7d9f8-x2k4l');
  assert.equal(resource['k8s.namespace.name'], NAMESPACE);
  assert.equal(resource['service.name'], 'aimesh-sidecar');
  await tracing.shutdown();
});

test('the chart tracing.resourceAttributes (OTEL_RESOURCE_ATTRIBUTES) add to them and win on a clash', async () => {
  const env = sidecarEnv([
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://jaeger-collector:4318' },
    { name: 'OTEL_RESOURCE_ATTRIBUTES', value: 'deployment.environment=prod,k8s.namespace.name=renamed' },
  ]);
  const options = parseOptions(['--snapshot', 's.json'], env) as SidecarOptions;
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing(options.tracing, { exporter })!;
  tracing.tracer.startSpan('x').end();
  await tracing.forceFlush();
  const resource = exporter.getFinishedSpans()[0]!.resource.attributes;
  assert.equal(resource['k8s.pod.name'], 'chat-7d9f8-x2k4l');
  assert.equal(resource['k8s.namespace.name'], 'renamed');
  assert.equal(resource['deployment.environment'], 'prod');
  await tracing.shutdown();
});
