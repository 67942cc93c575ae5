// spec.passthrough compiles into the snapshot with its provider (and only then its credentials);
// a provider whose API is not OpenAI's is refused, naming the field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifests } from '../../../../operator/cli/manifests.ts';
import { compile } from '../../../../operator/compile/index.ts';
import { inputsFromManifests } from '../../../../operator/compile/inputs.ts';

const manifests = (providerType: string) =>
  parseManifests(
    `
apiVersion: v1
kind: Secret
metadata: { name: keys, namespace: team-a }
stringData: { apiKey: sk-files }
---
apiVersion: aimesh.io/v1alpha1
kind: AIProvider
metadata: { name: files, namespace: team-a }
spec:
  type: ${providerType}
  endpoint: https://files.example/v1
  auth: { secretRef: { name: keys } }
---
apiVersion: aimesh.io/v1alpha1
kind: AIProvider
metadata: { name: chat, namespace: team-a }
spec: { type: openai-compatible, endpoint: http://vllm:8000/v1 }
---
apiVersion: aimesh.io/v1alpha1
kind: AIRoute
metadata: { name: r, namespace: team-a }
spec:
  rules: [{ backends: [{ providerRef: { name: chat } }] }]
  passthrough:
    backend: { providerRef: { name: files } }
    paths: [/v1/files, /v1/batches]
`,
    'inline.yaml',
  ).map((l) => l.manifest);

describe('compile: passthrough', () => {
  it('carries the paths and the provider (with its credentials) into the snapshot', () => {
    const { snapshots, problems } = compile(inputsFromManifests(manifests('openai')));
    assert.deepEqual(problems, []);
    const s = snapshots[0]!;
    assert.deepEqual(s.routes[0]!.passthrough, {
      provider: 'team-a/files',
      paths: ['/v1/files', '/v1/batches'],
    });
    assert.equal(s.providers.find((p) => p.id === 'team-a/files')?.credentials?.apiKey, 'sk-files');
  });

  it('refuses a provider that does not speak the OpenAI API, naming the field', () => {
    const { snapshots, problems } = compile(inputsFromManifests(manifests('anthropic')));
    assert.equal(problems[0]?.path, 'spec.passthrough.backend.providerRef');
    assert.equal(problems[0]?.reason, 'PassthroughNotSupported');
    assert.equal(snapshots[0]!.routes[0]!.passthrough, undefined);
    assert.ok(!snapshots[0]!.providers.some((p) => p.id === 'team-a/files'), 'no credentials for nothing');
  });
});
