// What the docs tell people to look for in Jaeger (the chart's NOTES, docs/quickstart.md, the
// README's "Traces, metrics and audit logs") is what the sidecar and operator export: the service
// names they default to, the span names, and attribute names that the code really sets.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { parseOptions as operatorOptions, type RunOptions } from '../../../operator/options.ts';
import { type SidecarOptions, parseOptions as sidecarOptions } from '../../../sidecar/options.ts';
import { clientSpanName, genAiOperation } from '../../../sidecar/telemetry/attributes.ts';
import { repoRoot } from '../../support/bins.ts';
import { tempDir } from '../../support/procs.ts';
import { chartDir, helm, KUBE_VERSION } from '../chart/helm.ts';

const telemetryDir = join(repoRoot, 'sidecar/telemetry');
/** Every attribute name the sidecar's telemetry code writes (string literals). */
const codeAttributes = new Set(
  readdirSync(telemetryDir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) =>
      [...readFileSync(join(telemetryDir, f), 'utf8').matchAll(/'((?:aimesh|gen_ai|k8s)\.[a-z_.]+)'/g)].map(
        (m) => m[1] as string,
      ),
    ),
);

/** Attribute names in a text (not label keys such as aimesh.io/inject, nor CRD names such as aiquotas.aimesh.io). */
function attributesIn(text: string): string[] {
  return [
    ...text.matchAll(/(?<![\w.])((?:aimesh|gen_ai|k8s)\.[a-z_]+(?:\.[a-z_]+)*(?:\.\*)?)(?![\w/-])/g),
  ].map((m) => m[1] as string);
}

function assertKnown(where: string, names: string[]): void {
  assert.ok(names.length > 0, `${where} names no attribute`);
  for (const name of names) {
    const known = name.endsWith('.*')
      ? [...codeAttributes].some((a) => a.startsWith(name.slice(0, -1)))
      : codeAttributes.has(name);
    assert.ok(known, `${where} names ${name}, which sidecar/telemetry never sets`);
  }
}

const sidecarService = (sidecarOptions(['--snapshot', 's.json'], {}) as SidecarOptions).tracing.serviceName;
const operatorTracing = (
  operatorOptions([], { POD_NAMESPACE: 'aimesh-system', POD_NAME: 'op-0' }) as RunOptions
).tracing;
assert.ok(operatorTracing, 'the operator run command reads its tracing options');
const operatorService = operatorTracing.serviceName;
const clientSpan = clientSpanName(genAiOperation('chat'), 'gpt-4o');
// The SERVER span is `POST <route>` (step.test.ts asserts it on a real call).
const serverSpan = 'POST /v1/chat/completions';

/**
 * NOTES.txt rendered by helm: helm template leaves NOTES out, so a copy of the chart renders it
 * (with `tpl`, the chart's helpers and values) into a YAML string.
 */
async function renderNotes(values: string[]): Promise<string> {
  const dir = join(tempDir('aimesh-notes').path, 'aimesh');
  cpSync(chartDir, dir, { recursive: true });
  renameSync(join(dir, 'templates/NOTES.txt'), join(dir, 'notes.txt'));
  writeFileSync(join(dir, 'templates/notes.yaml'), 'notes: {{ tpl (.Files.Get "notes.txt") . | toJson }}\n');
  const r = await helm([
    'template',
    'aimesh',
    dir,
    '--kube-version',
    KUBE_VERSION,
    '--show-only',
    'templates/notes.yaml',
    ...values,
  ]);
  assert.equal(r.code, 0, r.stderr);
  return (load(r.stdout) as { notes: string }).notes;
}

test('the sidecar and operator default service names are the ones the docs use', () => {
  assert.equal(sidecarService, 'aimesh-sidecar');
  assert.equal(operatorService, 'aimesh-operator');
  assert.equal(clientSpan, 'chat gpt-4o');
});

test('the chart NOTES name the Jaeger services, spans and attributes as exported', async () => {
  const notes = await renderNotes([
    '--set',
    'tracing.endpoint=http://jaeger-collector.observability.svc:4318',
  ]);
  assert.match(notes, new RegExp(`service ${sidecarService}\\b`));
  assert.match(notes, new RegExp(`service ${operatorService}\\b`));
  assert.ok(notes.includes(`"${serverSpan}"`), notes);
  assert.ok(notes.includes('"chat <model>"'), notes);
  assert.match(notes, /svc\/jaeger-query 16686/, 'the Jaeger Service of the quickstart');
  assertKnown('NOTES.txt', attributesIn(notes));
  for (const a of ['k8s.pod.name', 'k8s.namespace.name', 'aimesh.cost.usd', 'gen_ai.usage.input_tokens'])
    assert.ok(notes.includes(a), `NOTES name ${a}`);
  const off = await renderNotes([]);
  assert.match(off, /--set tracing\.endpoint=http:\/\/jaeger-collector\.observability\.svc:4318/);
});

test('the quickstart names the Jaeger services (its own and the span sources) and attributes as exported', () => {
  const doc = readFileSync(join(repoRoot, 'docs/quickstart.md'), 'utf8');
  // The Jaeger Services the quickstart creates are the ones it then uses.
  assert.match(doc, /expose deployment jaeger --name=jaeger-collector --port=4318/);
  assert.match(doc, /expose deployment jaeger --name=jaeger-query --port=16686/);
  assert.match(doc, /tracing\.endpoint=http:\/\/jaeger-collector\.observability\.svc:4318/);
  assert.match(doc, /port-forward svc\/jaeger-query 16686/);
  const section = doc.slice(doc.indexOf('## 5. See the trace'), doc.indexOf('## Upgrade'));
  assert.ok(section.includes(`\`${sidecarService}\``), section);
  assert.ok(section.includes(`\`${operatorService}\``), section);
  assert.ok(section.includes(`\`${serverSpan}\``), section);
  assert.ok(section.includes(`\`${clientSpan}\``), section);
  assertKnown('docs/quickstart.md', attributesIn(section));
  for (const a of ['k8s.pod.name', 'k8s.namespace.name'])
    assert.ok(section.includes(a), `the quickstart names ${a}`);
});

test("the README's traces paragraph names attributes the sidecar sets", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('- **Traces**');
  const traces = readme.slice(start, readme.indexOf('- **Metrics**', start));
  assert.ok(traces.includes(`\`${sidecarService}\``));
  assert.ok(traces.includes(`\`${serverSpan}\``));
  assert.ok(traces.includes(`\`${clientSpan}\``));
  assertKnown('README.md (Traces)', attributesIn(traces));
});
