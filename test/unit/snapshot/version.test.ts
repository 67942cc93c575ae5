import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SnapshotContent } from '../../../sidecar/snapshot/schema.ts';
import { canonicalJson, parseSnapshot, redact, seal, verify } from '../../../sidecar/snapshot/version.ts';

const content: SnapshotContent = {
  workload: { namespace: 'team-a' },
  providers: [
    {
      id: 'ai-platform/openai',
      type: 'openai',
      endpoint: 'https://api.openai.com/v1',
      credentials: { apiKey: 'sk-test-secret' },
      headers: { 'OpenAI-Organization': 'org-secret' },
      models: [{ name: 'gpt-4o', pricing: { input: 2.5, output: 10 } }],
    },
  ],
  routes: [
    {
      id: 'team-a/chat',
      rules: [
        {
          name: 'rule-0',
          matches: [],
          backends: [{ provider: 'ai-platform/openai', weight: 1 }],
          retries: { attempts: 2, backoffMs: 100, on: ['5xx'] },
        },
      ],
    },
  ],
  quotas: [],
};

test('canonical JSON sorts keys at every level and drops undefined', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } }),
    '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
  );
});

test('the version is the sha256 of the content, independent of key order', () => {
  const a = seal(content);
  const reordered = JSON.parse(
    JSON.stringify({
      quotas: [],
      routes: content.routes,
      providers: content.providers,
      workload: content.workload,
    }),
  );
  assert.match(a.version, /^[0-9a-f]{64}$/);
  assert.equal(seal(reordered).version, a.version);
  assert.notEqual(seal({ ...content, workload: { namespace: 'team-b' } }).version, a.version);
});

test('verify accepts a sealed snapshot and refuses tampering', () => {
  const s = seal(content);
  assert.equal(verify(s).ok, true);
  const tampered = structuredClone(s);
  tampered.providers[0]!.endpoint = 'https://evil.example/v1';
  assert.deepEqual(verify(tampered), { ok: false, reason: 'version does not match content (sha256)' });
});

test('verify refuses a rule that names a provider the snapshot does not carry', () => {
  const s = seal({ ...content, providers: [] });
  const r = verify(s);
  assert.equal(r.ok, false);
  assert.match((r as { reason: string }).reason, /unknown provider ai-platform\/openai/);
});

test('parseSnapshot explains what is wrong', () => {
  assert.match((parseSnapshot('{nope') as { reason: string }).reason, /^not JSON/);
  assert.match((parseSnapshot('{}') as { reason: string }).reason, /^invalid snapshot at /);
  assert.equal(parseSnapshot(JSON.stringify(seal(content))).ok, true);
});

test('redact hides credentials and header values but keeps their names', () => {
  const text = JSON.stringify(redact(seal(content)));
  assert.ok(!text.includes('sk-test-secret'));
  assert.ok(!text.includes('org-secret'));
  assert.ok(text.includes('"apiKey":"<redacted>"'));
});
