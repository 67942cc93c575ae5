// Classifier guards compile with their provider's endpoint and key inlined (only into the rules
// that use them); a classifier whose provider cannot be used leaves its rule out, never unguarded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifests } from '../../../../operator/cli/manifests.ts';
import { compile } from '../../../../operator/compile/index.ts';
import { inputsFromManifests } from '../../../../operator/compile/inputs.ts';

const manifests = (providerName: string) =>
  parseManifests(
    `
apiVersion: v1
kind: Secret
metadata: { name: mod-key, namespace: team-a }
stringData: { apiKey: sk-moderation }
---
apiVersion: aimesh.io/v1alpha1
kind: AIProvider
metadata: { name: moderation, namespace: team-a }
spec:
  type: openai
  endpoint: https://moderation.example/v1
  auth: { secretRef: { name: mod-key } }
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
  rules: [{ name: guarded, backends: [{ providerRef: { name: chat } }] }]
  guards:
    classifiers:
      - name: moderation
        type: openai-moderation
        providerRef: { name: ${providerName} }
        categories: [violence]
        timeout: 1500ms
`,
    'inline.yaml',
  ).map((l) => l.manifest);

describe('compile: classifier guards', () => {
  it('inlines the provider endpoint and key, with defaults', () => {
    const { snapshots, problems } = compile(inputsFromManifests(manifests('moderation')));
    assert.deepEqual(problems, []);
    const c = snapshots[0]!.routes[0]!.rules[0]!.guards?.classifiers?.[0];
    assert.deepEqual(c, {
      name: 'moderation',
      type: 'openai-moderation',
      endpoint: 'https://moderation.example/v1',
      apiKey: 'sk-moderation',
      categories: ['violence'],
      threshold: 0.5,
      action: 'block',
      phases: ['request', 'response'],
      timeoutMs: 1500,
      failurePolicy: 'FailOpen',
      cacheTtlMs: 300000,
      streamWindow: 400,
    });
  });

  it('leaves the rule out when the classifier provider is missing', () => {
    const { snapshots, problems } = compile(inputsFromManifests(manifests('nope')));
    assert.ok(problems.some((p) => p.reason === 'ClassifierUnavailable'));
    assert.ok(problems.some((p) => p.path === 'spec.rules[0].guards.classifiers[0].providerRef'));
    assert.equal(snapshots[0]?.routes.length ?? 0, 0);
  });
});
