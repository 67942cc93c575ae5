// Routing strategies and prompt-size matches compile into the snapshot: Weighted (the default)
// stays out of it, LowestLatency carries its exploration as a share, LowestCost is refused with a
// problem naming the unpriced backends, and prompt-size ranges take part in shadowing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../../../crds/validate.ts';
import { parseManifests } from '../../../../operator/cli/manifests.ts';
import { compile } from '../../../../operator/compile/index.ts';
import { inputsFromManifests } from '../../../../operator/compile/inputs.ts';
import { desiredConditions } from '../../../../operator/controller/status.ts';

const PROVIDERS = `
apiVersion: aimesh.io/v1alpha1
kind: AIProvider
metadata: { name: priced, namespace: team-a }
spec:
  type: openai-compatible
  endpoint: http://priced:8000/v1
  models:
    - { name: small, pricing: { input: 0.1, output: 0.4 } }
    - { name: large, pricing: { input: 2, output: 8 } }
---
apiVersion: aimesh.io/v1alpha1
kind: AIProvider
metadata: { name: free, namespace: team-a }
spec:
  type: openai-compatible
  endpoint: http://free:8000/v1
  models:
    - { name: local }
    - { name: local-priced, pricing: { input: 0, output: 0 } }
---
apiVersion: aimesh.io/v1alpha1
kind: AIProvider
metadata: { name: unlisted, namespace: team-a }
spec: { type: openai-compatible, endpoint: http://unlisted:8000/v1 }
`;

function compileRule(rule: string) {
  const text = `${PROVIDERS}
---
apiVersion: aimesh.io/v1alpha1
kind: AIRoute
metadata: { name: r, namespace: team-a }
spec:
  rules:
${rule
  .trim()
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
`;
  const manifests = parseManifests(text, 'inline.yaml').map((l) => l.manifest);
  const result = compile(inputsFromManifests(manifests));
  const route = result.snapshots[0]?.routes.find((r) => r.id === 'team-a/r');
  return { ...result, manifests, rules: route?.rules ?? [] };
}

describe('compile: routing strategies', () => {
  const cases: { name: string; rule: string; strategy: unknown }[] = [
    {
      name: 'no strategy: Weighted, left out of the snapshot',
      rule: '- backends: [{ providerRef: { name: priced }, model: small }]',
      strategy: undefined,
    },
    {
      name: 'Weighted named explicitly: the same snapshot',
      rule: '- strategy: { type: Weighted }\n  backends: [{ providerRef: { name: priced }, model: small }]',
      strategy: undefined,
    },
    {
      name: 'LowestLatency: the default exploration of 10%',
      rule: '- strategy: { type: LowestLatency }\n  backends: [{ providerRef: { name: priced }, model: small }, { providerRef: { name: free }, model: local }]',
      strategy: { type: 'LowestLatency', exploration: 0.1 },
    },
    {
      name: 'LowestLatency: exploration in percent becomes a share',
      rule: '- strategy: { type: LowestLatency, exploration: 25 }\n  backends: [{ providerRef: { name: priced }, model: small }]',
      strategy: { type: 'LowestLatency', exploration: 0.25 },
    },
    {
      name: 'LowestCost: pinned priced models',
      rule: '- strategy: { type: LowestCost }\n  backends: [{ providerRef: { name: priced }, model: large }, { providerRef: { name: free }, model: local-priced }]',
      strategy: { type: 'LowestCost' },
    },
    {
      name: "LowestCost: the app's model on a provider that prices all its models",
      rule: '- strategy: { type: LowestCost }\n  backends: [{ providerRef: { name: priced } }]',
      strategy: { type: 'LowestCost' },
    },
    {
      name: 'LowestCost: an unpriced backend out of rotation (weight 0) does not count',
      rule: '- strategy: { type: LowestCost }\n  backends: [{ providerRef: { name: priced }, model: small }, { providerRef: { name: free }, model: local, weight: 0 }]',
      strategy: { type: 'LowestCost' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { problems, rules } = compileRule(c.rule);
      assert.deepEqual(problems, []);
      assert.equal(rules.length, 1);
      assert.deepEqual(rules[0]!.strategy, c.strategy);
    });
  }

  const refused: { name: string; rule: string; message: RegExp }[] = [
    {
      name: 'a pinned model without pricing',
      rule: '- strategy: { type: LowestCost }\n  backends: [{ providerRef: { name: priced }, model: small }, { providerRef: { name: free }, model: local }]',
      message: /LowestCost but model local of AIProvider team-a\/free has no pricing/,
    },
    {
      name: "the app's model on a provider with an unpriced model",
      rule: '- strategy: { type: LowestCost }\n  backends: [{ providerRef: { name: free } }]',
      message: /AIProvider team-a\/free has no pricing for local \(or set the backend's model\)/,
    },
    {
      name: "the app's model on a provider that lists no models",
      rule: '- strategy: { type: LowestCost }\n  backends: [{ providerRef: { name: unlisted } }]',
      message: /AIProvider team-a\/unlisted lists no models to price/,
    },
  ];
  for (const c of refused) {
    it(`LowestCost refuses ${c.name}, naming the field, and leaves the rule out`, () => {
      const { problems, rules } = compileRule(c.rule);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]!.path, 'spec.rules[0].strategy');
      assert.equal(problems[0]!.reason, 'UnpricedBackend');
      assert.equal(problems[0]!.severity, 'error');
      assert.match(problems[0]!.message, c.message);
      assert.deepEqual(rules, []);
    });
  }

  it('the Programmed condition says which strategy each rule uses', () => {
    const result = compileRule(`
- name: fast
  matches: [{ model: fast }]
  strategy: { type: LowestLatency }
  backends: [{ providerRef: { name: priced }, model: small }]
- name: cheap
  matches: [{ model: cheap }]
  strategy: { type: LowestCost }
  backends: [{ providerRef: { name: priced }, model: small }]
- name: plain
  backends: [{ providerRef: { name: priced }, model: small }]`);
    const object = result.manifests.find((m) => m.kind === 'AIRoute')!;
    const programmed = desiredConditions({
      kind: 'AIRoute',
      object: object as never,
      compiled: result,
    }).find((c) => c.type === 'Programmed');
    assert.equal(
      programmed?.message,
      'All 3 rules are programmed. Strategy: fast LowestLatency, cheap LowestCost (the other rules Weighted).',
    );
  });
});

describe('compile: prompt-size matches', () => {
  it('carries the bounds into the snapshot', () => {
    const { problems, rules } = compileRule(`
- name: short
  matches: [{ model: auto, promptTokens: { max: 1000 } }]
  backends: [{ providerRef: { name: priced }, model: small }]
- name: long
  matches: [{ model: auto, promptTokens: { min: 1001 } }]
  backends: [{ providerRef: { name: priced }, model: large }]`);
    assert.deepEqual(problems, []);
    assert.deepEqual(rules[0]!.matches, [{ model: 'auto', promptTokens: { max: 1000 } }]);
    assert.deepEqual(rules[1]!.matches, [{ model: 'auto', promptTokens: { min: 1001 } }]);
  });

  it('a rule for any size after one for short prompts is not shadowed; one inside the range is', () => {
    const { problems } = compileRule(`
- name: short
  matches: [{ model: auto, promptTokens: { max: 1000 } }]
  backends: [{ providerRef: { name: priced }, model: small }]
- name: tiny
  matches: [{ model: auto, promptTokens: { min: 10, max: 100 } }]
  backends: [{ providerRef: { name: priced }, model: small }]
- name: rest
  matches: [{ model: auto }]
  backends: [{ providerRef: { name: priced }, model: large }]`);
    assert.deepEqual(
      problems.map((p) => [p.reason, p.path]),
      [['ShadowedRule', 'spec.rules[1]']],
    );
  });

  it('refuses an empty or inverted range, and exploration outside LowestLatency (API validation)', () => {
    const route = (rule: object) => ({
      apiVersion: 'aimesh.io/v1alpha1',
      kind: 'AIRoute',
      metadata: { name: 'r', namespace: 'team-a' },
      spec: { rules: [{ backends: [{ providerRef: { name: 'priced' } }], ...rule }] },
    });
    const errors = (rule: object) => {
      const v = validate(route(rule));
      return v.ok ? [] : v.errors.map((e) => `${e.path}: ${e.message}`);
    };
    assert.deepEqual(errors({ matches: [{ promptTokens: { max: 10 } }] }), []);
    assert.match(errors({ matches: [{ promptTokens: {} }] }).join(), /promptTokens: set min, max or both/);
    assert.match(
      errors({ matches: [{ promptTokens: { min: 10, max: 5 } }] }).join(),
      /promptTokens: min must not be above max/,
    );
    assert.match(
      errors({ strategy: { type: 'LowestCost', exploration: 5 } }).join(),
      /strategy\.exploration: exploration applies to LowestLatency only/,
    );
    assert.match(errors({ strategy: { type: 'Fastest' } }).join(), /strategy\.type/);
  });
});
