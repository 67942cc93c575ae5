// What compile accepts, a sidecar accepts: every snapshot compiled from crds/examples and the
// golden inputs is applied by the sidecar's own store (schema + runtime build), and a table of
// edge values shows compile and the sidecar drawing the line at the same place (observed before:
// `timeout: 0s` or `0.4ms` compiled cleanly, then every sidecar NACKed the namespace's snapshot).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Manifest } from '../../../crds/validate.ts';
import { loadManifests } from '../../../operator/cli/manifests.ts';
import { compile } from '../../../operator/compile/index.ts';
import { inputsFromManifests } from '../../../operator/compile/inputs.ts';
import { buildRuntime } from '../../../sidecar/config/runtime.ts';
import { SnapshotStore } from '../../../sidecar/config/store.ts';
import { openai } from '../../../sidecar/providers/openai/index.ts';
import type { Snapshot } from '../../../sidecar/snapshot/index.ts';
import { AgentPool } from '../../../sidecar/upstream/agents.ts';

const root = join(import.meta.dirname, '../../..');
const examples = join(root, 'crds/examples');
const golden = join(root, 'test/unit/operator/compile/golden');

const agents = new AgentPool();
/** The sidecar's verdict on a snapshot: what it would ACK or NACK. */
function sidecarApplies(snapshot: Snapshot) {
  return new SnapshotStore((s) => buildRuntime(s, { adapterFor: () => openai, agents })).apply(
    JSON.stringify(snapshot),
  );
}

describe('compile output is accepted by the sidecar', () => {
  const inputs = [
    examples,
    ...readdirSync(golden, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(golden, d.name, 'input.yaml')),
  ];
  for (const input of inputs) {
    it(`every snapshot of ${input.slice(root.length + 1)}`, () => {
      const manifests = loadManifests([input]).map((l) => l.manifest);
      const { snapshots } = compile(inputsFromManifests(manifests));
      for (const s of snapshots)
        assert.deepEqual(sidecarApplies(s), { ok: true, version: s.version, changed: true });
    });
  }
});

const base = (): Manifest[] => [
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'key', namespace: 'team-a' },
    stringData: { apiKey: 'sk-test' },
  },
  {
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIProvider',
    metadata: { name: 'openai', namespace: 'team-a' },
    spec: { type: 'openai', auth: { secretRef: { name: 'key' } }, models: [{ name: 'gpt-4o' }] },
  },
  {
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIRoute',
    metadata: { name: 'chat', namespace: 'team-a' },
    spec: { rules: [{ backends: [{ providerRef: { name: 'openai' } }] }] },
  },
];

/** Where each duration field lives, and the value set into a fresh copy of the base manifests. */
const FIELDS: Record<string, { path: string; set: (m: Manifest[], v: string) => void }> = {
  'AIRoute timeout': { path: 'spec.rules[0].timeout', set: (m, v) => ((rule(m) as any).timeout = v) },
  'AIRoute route-level timeout': { path: 'spec.timeout', set: (m, v) => ((m[2]!.spec as any).timeout = v) },
  'AIRoute retries.backoff': {
    path: 'spec.rules[0].retries.backoff',
    set: (m, v) => ((rule(m) as any).retries = { backoff: v }),
  },
  'AIRoute cache.ttl': {
    path: 'spec.rules[0].cache.ttl',
    set: (m, v) => ((rule(m) as any).cache = { ttl: v }),
  },
  'AIRoute guard classifier timeout': {
    path: 'spec.rules[0].guards.classifiers[0].timeout',
    set: (m, v) => ((rule(m) as any).guards = { classifiers: [classifier({ timeout: v })] }),
  },
  'AIRoute guard classifier cacheTtl': {
    path: 'spec.rules[0].guards.classifiers[0].cacheTtl',
    set: (m, v) => ((rule(m) as any).guards = { classifiers: [classifier({ cacheTtl: v })] }),
  },
  'AIProvider timeouts.connect': {
    path: 'spec.timeouts.connect',
    set: (m, v) => ((m[1]!.spec as any).timeouts = { connect: v }),
  },
  'AIProvider timeouts.request': {
    path: 'spec.timeouts.request',
    set: (m, v) => ((m[1]!.spec as any).timeouts = { request: v }),
  },
};
const rule = (m: Manifest[]) => (m[2]!.spec as any).rules[0];
const classifier = (extra: Record<string, string>) => ({
  name: 'moderation',
  type: 'openai-moderation',
  providerRef: { name: 'openai' },
  ...extra,
});

// value -> accepted by timeouts and TTLs / accepted where 0 means something (backoff, verdict reuse).
const EDGES: [string, boolean, boolean][] = [
  ['0s', false, true],
  ['0ms', false, true],
  ['0.4ms', false, true],
  ['0.5ms', false, true],
  ['1ms', true, true],
  ['1.4ms', true, true],
  ['30s', true, true],
  ['1m30s', true, true],
  ['596h', true, true],
  ['2147483647ms', true, true],
  ['2147483648ms', false, false], // Node would fire such a timer at once
  ['597h', false, false],
  ['99999999999999h', false, false],
];

describe('duration edge values: compile and the sidecar agree', () => {
  for (const [field, { path, set }] of Object.entries(FIELDS)) {
    for (const [value, timeoutOk, backoffOk] of EDGES) {
      // Zero is a value for the backoff (retry at once) and the verdict cache (never reuse).
      const expected = field.endsWith('backoff') || field.endsWith('cacheTtl') ? backoffOk : timeoutOk;
      it(`${field}: ${value} is ${expected ? 'accepted' : 'refused'}`, () => {
        const manifests = base();
        set(manifests, value);
        const { snapshots, problems } = compile(inputsFromManifests(manifests));
        const errors = problems.filter((p) => p.severity === 'error');
        if (expected) {
          assert.deepEqual(errors, []);
          assert.equal(snapshots.length, 1);
          assert.equal(sidecarApplies(snapshots[0]!).ok, true);
        } else {
          const refusal = errors.find((p) => p.path === path);
          assert.ok(refusal, JSON.stringify(problems));
          assert.equal(refusal.condition, 'Accepted');
          assert.match(refusal.message, /must be at least .* and at most 2147483647ms/);
          for (const s of snapshots)
            assert.equal(sidecarApplies(s).ok, true, 'what compile does emit is accepted');
        }
      });
    }
  }
});

// [field value, accepted]: endpoints the WHATWG parser refuses would make every sidecar NACK.
const ENDPOINTS: [Record<string, unknown>, boolean][] = [
  [{ endpoint: 'http://localhost:8000/v1' }, true],
  [{ endpoint: 'https://api.example.com/v1/' }, true],
  [{ endpoint: 'http://[::1]:8000/v1' }, true],
  [{ endpoint: 'http://[::1/v1' }, false],
  [{ endpoint: 'http://vllm:99999/v1' }, false],
  [{ endpoint: 'http://%/v1' }, false],
  [{ type: 'bedrock', region: 'us-east-1' }, true],
  [{ type: 'bedrock', region: 'us east 1' }, false],
  [{ type: 'bedrock', region: 'us-east-1/../x' }, false],
];

describe('provider endpoint edge values: compile and the sidecar agree', () => {
  for (const [fields, expected] of ENDPOINTS) {
    it(`${JSON.stringify(fields)} is ${expected ? 'accepted' : 'refused'}`, () => {
      const manifests = base();
      Object.assign(manifests[1]!.spec as object, fields);
      if (fields.type === 'bedrock')
        manifests[0]!.stringData = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
      const { snapshots, problems } = compile(inputsFromManifests(manifests));
      const errors = problems.filter((p) => p.severity === 'error');
      if (expected) {
        assert.deepEqual(errors, []);
        assert.equal(sidecarApplies(snapshots[0]!).ok, true);
      } else {
        const refusal = errors.find((p) => p.kind === 'AIProvider' && p.condition === 'Accepted');
        assert.ok(refusal, JSON.stringify(problems));
        assert.match(refusal.path, /^spec\.(endpoint|region)$/);
        for (const s of snapshots)
          assert.equal(sidecarApplies(s).ok, true, 'what compile does emit is accepted');
      }
    });
  }
});
