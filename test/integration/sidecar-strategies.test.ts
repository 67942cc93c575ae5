// Routing strategies through a real sidecar process: AIRoute manifests compiled by the operator's
// compile step, the snapshot served by aimesh-sidecar, the official OpenAI SDK as the app, the
// test upstream standing in for the models (its per-model delays and failures are the evidence).
//   - LowestLatency moves traffic away from a backend that slows down within a few calls, and
//     comes back once it recovers (exploration finds it again);
//   - LowestCost sends calls to the cheaper model; an open circuit on it moves them to the next;
//   - a prompt-size match sends a short prompt to the small model and a long one to the large;
//   - /metrics counts the choices and why.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { parseManifests } from '../../operator/cli/manifests.ts';
import { compile } from '../../operator/compile/index.ts';
import { inputsFromManifests } from '../../operator/compile/inputs.ts';
import { type RunningSidecar, startSidecar } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';

const KEY = 'sk-strategies';
const manifests = (upstream: string) => `
apiVersion: v1
kind: Secret
metadata: { name: keys, namespace: team-a }
stringData: { apiKey: ${KEY} }
---
apiVersion: aimesh.io/v1alpha1
kind: AIProvider
metadata: { name: models, namespace: team-a }
spec:
  type: openai-compatible
  endpoint: ${upstream}/v1
  auth: { secretRef: { name: keys } }
  models:
    - { name: alpha }
    - { name: beta }
    - { name: premium, pricing: { input: 5, output: 15 } }
    - { name: budget, pricing: { input: 0.1, output: 0.4 } }
    - { name: small-model }
    - { name: large-model }
---
apiVersion: aimesh.io/v1alpha1
kind: AIRoute
metadata: { name: strategies, namespace: team-a }
spec:
  retries: { attempts: 0 }
  rules:
    - name: fast
      matches: [{ model: fast }]
      strategy: { type: LowestLatency, exploration: 10 }
      backends:
        - { providerRef: { name: models }, model: alpha }
        - { providerRef: { name: models }, model: beta }
    - name: cheap
      matches: [{ model: cheap }]
      strategy: { type: LowestCost }
      backends:
        - { providerRef: { name: models }, model: premium }
        - { providerRef: { name: models }, model: budget }
    - name: short
      matches: [{ model: auto, promptTokens: { max: 200 } }]
      backends: [{ providerRef: { name: models }, model: small-model }]
    - name: long
      matches: [{ model: auto }]
      backends: [{ providerRef: { name: models }, model: large-model }]
`;

describe('sidecar: routing strategies', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let client: OpenAI;

  before(async () => {
    upstream = await startUpstream({ apiKeys: [KEY] });
    const result = compile(
      inputsFromManifests(parseManifests(manifests(upstream.url), 'inline.yaml').map((l) => l.manifest)),
    );
    assert.deepEqual(result.problems, []);
    sidecar = await startSidecar({
      snapshot: result.snapshots[0]!,
      args: ['--breaker-failures', '1', '--breaker-cooldown', '600000'],
    });
    client = new OpenAI({ baseURL: sidecar.openaiBaseURL, apiKey: 'app-key', maxRetries: 0 });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
  });

  /** The model that served one call (x-aimesh-model). */
  const call = async (model: string, content = 'hello') => {
    const { response } = await client.chat.completions
      .create({ model, messages: [{ role: 'user', content }] })
      .withResponse();
    return response.headers.get('x-aimesh-model');
  };
  const calls = async (n: number, model: string) => {
    const served: (string | null)[] = [];
    for (let i = 0; i < n; i++) served.push(await call(model));
    return served;
  };
  const count = (served: (string | null)[], model: string) => served.filter((m) => m === model).length;

  it('LowestLatency moves traffic away from a slowed backend and comes back after it recovers', async () => {
    // beta is steady at 150 ms; alpha answers at once.
    upstream.setFault({ model: 'beta' }, { delayMs: 150 });
    const warm = await calls(20, 'fast');
    assert.ok(count(warm, 'alpha') >= 12, `alpha (fast) takes most calls: ${warm.join(',')}`);

    // alpha slows to 1 s: one slow sample puts its average above beta's.
    const slowAlpha = upstream.setFault({ model: 'alpha' }, { delayMs: 1000 });
    const slowed = await calls(30, 'fast');
    const firstAway = slowed.indexOf('beta');
    assert.ok(firstAway >= 0 && firstAway <= 2, `moved to beta within 3 calls: ${slowed.join(',')}`);
    // After that alpha only gets the exploring share (10%).
    assert.ok(count(slowed.slice(3), 'alpha') <= 10, `beta takes most calls: ${slowed.join(',')}`);

    // alpha recovers: exploring calls bring its average back under beta's, and traffic follows.
    slowAlpha();
    const recovered: (string | null)[] = [];
    let back = -1;
    for (let i = 0; i < 300 && back < 0; i++) {
      recovered.push(await call('fast'));
      if (recovered.length >= 10 && recovered.slice(-10).every((m) => m === 'alpha')) back = i;
    }
    assert.ok(back >= 0, `back on alpha within 300 calls: ${recovered.join(',')}`);

    const metrics = await (await fetch(`${sidecar.adminUrl}/metrics`)).text();
    for (const choice of ['lowest-latency', 'explore', 'untried'])
      assert.match(
        metrics,
        new RegExp(
          `aimesh_route_choices_total\\{route="team-a/strategies",rule="fast",strategy="LowestLatency",choice="${choice}",provider="team-a/models",model="(alpha|beta)"\\} [1-9]`,
        ),
      );
  });

  it('LowestCost picks the cheaper model', async () => {
    upstream.clearFaults();
    const served = await calls(10, 'cheap');
    assert.deepEqual(served, Array(10).fill('budget'));
    const metrics = await (await fetch(`${sidecar.adminUrl}/metrics`)).text();
    assert.match(
      metrics,
      /aimesh_route_choices_total\{route="team-a\/strategies",rule="cheap",strategy="LowestCost",choice="cheapest",provider="team-a\/models",model="budget"\} 10/,
    );
  });

  it('a prompt-size match sends a short prompt to the small model and a long one to the large', async () => {
    assert.equal(await call('auto', 'What is the capital of France?'), 'small-model');
    assert.equal(await call('auto', 'Summarise this report. '.repeat(200)), 'large-model');
    const recorded = upstream.requests.slice(-2).map((r) => r.body.model);
    assert.deepEqual(recorded, ['small-model', 'large-model']);
  });

  it('LowestCost never chooses a backend whose circuit is open: the next cheapest serves', async () => {
    upstream.setFault({ model: 'budget' }, { status: 500 });
    const failed = await client.chat.completions
      .create({ model: 'cheap', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    assert.ok(failed instanceof OpenAI.APIError && failed.status === 502, String(failed));
    // One failure opened budget's circuit (--breaker-failures 1): premium takes the calls.
    const before = upstream.requests.filter((r) => r.body?.model === 'budget').length;
    assert.deepEqual(await calls(5, 'cheap'), Array(5).fill('premium'));
    assert.equal(upstream.requests.filter((r) => r.body?.model === 'budget').length, before);
    upstream.clearFaults();
  });
});
