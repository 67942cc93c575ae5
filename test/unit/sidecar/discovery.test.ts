// Model discovery tells the truth: every listed (model, operation) routes for a plain request,
// nothing reachable only through a header-gated rule is listed, chat models come first, and the
// 404 explains header-gated rules. Checked on crds/examples as a user meets them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadManifests } from '../../../operator/cli/manifests.ts';
import { compile } from '../../../operator/compile/index.ts';
import { inputsFromManifests } from '../../../operator/compile/inputs.ts';
import { buildRuntime } from '../../../sidecar/config/runtime.ts';
import { adapterFor } from '../../../sidecar/providers/index.ts';
import { AgentPool } from '../../../sidecar/upstream/agents.ts';

const examples = join(import.meta.dirname, '../../../crds/examples');

function teamA() {
  const result = compile(inputsFromManifests(loadManifests([examples]).map((l) => l.manifest)));
  const snapshot = result.snapshots.find((s) => s.workload.namespace === 'team-a');
  assert.ok(snapshot, 'team-a has a snapshot');
  return buildRuntime(snapshot, { adapterFor, agents: new AgentPool() });
}

describe('model discovery on crds/examples', () => {
  const runtime = teamA();
  const { models } = runtime.discovery;

  it('lists models, every one routable for each operation it names with no special header', () => {
    assert.ok(models.length > 0);
    for (const m of models)
      for (const operation of m.operations) {
        const rule = runtime.rules.find((r) => r.matches({ model: m.id, operation, headers: {} }));
        assert.ok(rule, `${m.id} listed for ${operation} but no rule takes it`);
      }
  });

  it('lists a model only for the operations its rules serve', () => {
    const ops = (id: string) => models.find((m) => m.id === id)?.operations;
    assert.deepEqual(ops('text-embedding-3-small'), ['embeddings']);
    assert.deepEqual(ops('claude-haiku-4-5'), ['chat']);
    assert.deepEqual(ops('gpt-4o-mini')?.includes('chat'), true);
    // Every (model, operation) a plain request can route to a rule advertising it is listed.
    const plain = runtime.rules.find((r) =>
      r.matches({ model: 'text-embedding-3-small', operation: 'chat', headers: {} }),
    );
    assert.equal(
      plain,
      undefined,
      'chat with the embedding model has no route, so it is not listed for chat',
    );
  });

  it('puts chat models first, so a client taking the first listed model can chat', () => {
    const firstNonChat = models.findIndex((m) => !m.operations.includes('chat'));
    assert.ok(firstNonChat === -1 || models.slice(firstNonChat).every((m) => !m.operations.includes('chat')));
    assert.ok(models[0]?.operations.includes('chat'));
  });

  it('routes Claude models by name (the README Anthropic example)', () => {
    const anthropic = JSON.parse(runtime.discovery.anthropicJson.toString());
    const ids = anthropic.data.map((m: { id: string }) => m.id);
    assert.ok(ids.includes('claude-haiku-4-5'));
    assert.ok(!ids.includes('text-embedding-3-small'), 'the Anthropic list has chat models only');
    assert.equal(anthropic.has_more, false);
  });

  it('explains a header-gated rule in the 404', () => {
    const text = runtime.discovery.noRoute('gpt-5', 'chat');
    assert.match(text, /^no route for model "gpt-5" \(operation chat\); models you can call for chat: /);
    assert.match(text, /rule premium of route team-a\/chat takes it only with header x-user-tier: premium/);
    assert.ok(!/text-embedding-3-small/.test(text));
  });
});
