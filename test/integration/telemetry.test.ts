// The story of someone reading a call in Jaeger: an app (here: fetch with its own traceparent)
// calls a real sidecar process that exports OTLP/HTTP to a real Jaeger v2; the traces read back
// through Jaeger's query API hang under the app's span, with GenAI semconv names and attributes.
// The same calls move the Prometheus counters on /metrics, write one audit line each, and leave
// no credential or prompt text in any span, metric or log line.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Jaeger, type Span, startJaeger } from '../support/jaeger.ts';
import { waitFor } from '../support/procs.ts';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { startUpstream, type Upstream } from '../support/upstream.ts';
import { type Family, parsePrometheusText, sampleValue } from '../unit/telemetry/prom-text.ts';

const OPENAI_KEY = 'sk-telemetry-openai-provider-key';
const ANTHROPIC_KEY = 'sk-ant-telemetry-provider-key';
const APP_KEY = 'sk-app-key-that-must-never-show';
const MARKER = `prompt-marker-${randomBytes(6).toString('hex')}`;
const SERVICE = `aimesh-sidecar-${randomBytes(3).toString('hex')}`;

const hex = (n: number) => randomBytes(n).toString('hex');

interface Sent {
  traceId: string;
  parentId: string;
  status: number;
  body: any;
  text: string;
}

describe('telemetry: traces in Jaeger, /metrics, audit lines', () => {
  let jaeger: Jaeger;
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let version: string;

  before(async () => {
    [jaeger, upstream] = await Promise.all([
      startJaeger(),
      startUpstream({ apiKeys: [OPENAI_KEY, ANTHROPIC_KEY] }),
    ]);
    const pricing = { input: 2.5, output: 10 };
    sidecar = await startSidecar({
      env: { ...jaeger.env, OTEL_SERVICE_NAME: SERVICE, OTEL_BSP_SCHEDULE_DELAY: '100' },
      snapshot: {
        workload: { namespace: 'team-a', name: 'chat-app' },
        providers: [
          {
            ...testProvider('ai-platform/openai', 'openai', `${upstream.url}/v1`, OPENAI_KEY, []),
            models: [
              { name: 'gpt-4o', pricing },
              { name: 'gpt-4o-mini', pricing },
              { name: 'limited-model', pricing },
            ],
            dataResidency: { jurisdiction: 'EU', regions: ['eu-west-1', 'eu-central-1'] },
          },
          testProvider('ai-platform/anthropic', 'anthropic', upstream.url, ANTHROPIC_KEY, [
            'claude-haiku-4-5',
          ]),
        ],
        routes: [
          {
            id: 'team-a/chat',
            rules: [
              testRule('gpt', [{ model: 'gpt-4o' }], ['ai-platform/openai']),
              testRule('flaky', [{ model: 'flaky' }], ['ai-platform/openai:gpt-4o-mini'], {
                fallback: {
                  backends: [{ provider: 'ai-platform/anthropic', model: 'claude-haiku-4-5' }],
                  on: ['5xx'],
                },
              }),
              testRule('guarded', [{ model: 'guarded' }], ['ai-platform/openai:gpt-4o'], {
                guards: { denyPatterns: ['forbidden-topic'] },
              }),
              testRule('limited', [{ model: 'limited-model' }], ['ai-platform/openai']),
            ],
          },
        ],
        quotas: [
          {
            id: 'team-a/budget',
            enforcement: 'Enforce',
            failurePolicy: 'FailClosed',
            limits: [
              {
                name: 'limited-requests',
                dimension: 'requests',
                // One call a window: the first is served, the rest are denied (a limit of 0 is a
                // request that can never fit, a 400, not a denial).
                amount: 1,
                window: '1h',
                models: ['limited-model'],
              },
            ],
          },
        ],
      },
    });
    version = (await sidecar.version())!;
    // The flaky rule's first backend always fails: its calls fall back.
    upstream.setFault({ model: 'gpt-4o-mini' }, { status: 503 });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
    await jaeger?.stop();
  });

  /** A call as an instrumented app makes it: inside its own span, so with a traceparent. */
  async function chat(body: Record<string, unknown>): Promise<Sent> {
    const traceId = hex(16);
    const parentId = hex(8);
    const res = await fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${APP_KEY}`,
        traceparent: `00-${traceId}-${parentId}-01`,
      },
      body: JSON.stringify({ messages: [{ role: 'user', content: `hello ${MARKER}` }], ...body }),
    });
    const text = await res.text();
    let parsed: any;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { traceId, parentId, status: res.status, body: parsed, text };
  }

  async function trace(sent: Sent, min: number): Promise<{ server: Span; clients: Span[] }> {
    const spans = await jaeger.waitForSpans({ traceId: sent.traceId, min });
    const servers = spans.filter((s) => s.kind === 'server');
    assert.equal(servers.length, 1, `one SERVER span: ${spans.map((s) => s.name)}`);
    const server = servers[0];
    assert.equal(server.service, SERVICE);
    assert.equal(server.name, 'POST /v1/chat/completions');
    assert.equal(server.parentSpanId, sent.parentId, 'the SERVER span continues the app’s span');
    const clients = spans.filter((s) => s.kind === 'client').sort((a, b) => a.startTime - b.startTime);
    for (const c of clients)
      assert.equal(c.parentSpanId, server.spanId, `${c.name} is a child of the SERVER span`);
    return { server, clients };
  }

  async function metrics(): Promise<Map<string, Family>> {
    const res = await fetch(`${sidecar.adminUrl}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await res.text());
  }

  const auditLines = () =>
    sidecar
      .logs()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === 'call');

  it('a plain call: SERVER span under the app’s span, one CLIENT span "chat gpt-4o" with GenAI attributes', async () => {
    const sent = await chat({ model: 'gpt-4o', max_tokens: 40, temperature: 0.2, top_p: 0.9 });
    assert.equal(sent.status, 200);
    const { server, clients } = await trace(sent, 2);
    assert.equal(clients.length, 1);
    const [client] = clients;
    assert.equal(client.name, 'chat gpt-4o');
    const a = client.attributes;
    assert.equal(a['gen_ai.operation.name'], 'chat');
    assert.equal(a['gen_ai.provider.name'], 'openai');
    assert.equal(a['gen_ai.request.model'], 'gpt-4o');
    assert.equal(a['gen_ai.response.model'], sent.body.model);
    assert.equal(a['gen_ai.response.id'], sent.body.id);
    // Jaeger's v1 JSON renders string arrays as JSON text.
    assert.deepEqual(JSON.parse(String(a['gen_ai.response.finish_reasons'])), [
      sent.body.choices[0].finish_reason,
    ]);
    assert.equal(a['gen_ai.usage.input_tokens'], sent.body.usage.prompt_tokens);
    assert.equal(a['gen_ai.usage.output_tokens'], sent.body.usage.completion_tokens);
    assert.equal(a['gen_ai.request.max_tokens'], 40);
    assert.equal(a['gen_ai.request.temperature'], 0.2);
    assert.equal(a['gen_ai.request.top_p'], 0.9);
    assert.equal(a['server.address'], '127.0.0.1');
    assert.equal(a['server.port'], upstream.port);
    assert.equal(a['aimesh.fallback.attempt'], 0);
    assert.equal(a['aimesh.route'], 'team-a/chat');
    assert.equal(a['error.type'], undefined);
    // Where the data went: the provider's declared residency, on the attempt and on the call.
    assert.equal(a['aimesh.data_residency.jurisdiction'], 'EU');
    assert.deepEqual(JSON.parse(String(a['aimesh.data_residency.regions'])), ['eu-west-1', 'eu-central-1']);
    assert.equal(server.attributes['aimesh.data_residency.jurisdiction'], 'EU');

    const s = server.attributes;
    assert.equal(s['http.response.status_code'], 200);
    assert.equal(s['aimesh.route'], 'team-a/chat');
    assert.equal(s['aimesh.rule'], 'gpt');
    assert.equal(s['aimesh.snapshot.version'], version);
    assert.equal(s['aimesh.namespace'], 'team-a');
    assert.equal(s['aimesh.workload'], 'chat-app');
    assert.ok(typeof s['aimesh.cost.usd'] === 'number' && s['aimesh.cost.usd'] > 0, 'cost from pricing');
    assert.equal(server.resource['service.version'], '0.1.0');

    // The provider got the CLIENT span as its parent.
    const seen = upstream.requests.find((r) => r.headers.traceparent?.includes(sent.traceId));
    assert.equal(seen?.headers.traceparent, `00-${sent.traceId}-${client.spanId}-01`);
  });

  it('a streamed call: the CLIENT span lasts until the last chunk and carries the stream’s usage', async () => {
    const traceId = hex(16);
    const parentId = hex(8);
    const res = await fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${parentId}-01` },
      body: JSON.stringify({
        model: 'gpt-4o',
        stream: true,
        messages: [{ role: 'user', content: `stream ${MARKER}` }],
      }),
    });
    const text = await res.text();
    assert.equal(res.status, 200);
    assert.match(text, /data: \[DONE\]/);
    const { clients } = await trace({ traceId, parentId, status: 200, body: undefined, text }, 2);
    assert.equal(clients.length, 1);
    const [client] = clients;
    assert.equal(client.name, 'chat gpt-4o');
    assert.ok((client.attributes['gen_ai.usage.output_tokens'] as number) > 0, 'usage from the stream');
    assert.ok((client.attributes['gen_ai.usage.input_tokens'] as number) > 0);
    assert.deepEqual(JSON.parse(String(client.attributes['gen_ai.response.finish_reasons'])), ['stop']);
    assert.match(String(client.attributes['gen_ai.response.id']), /^chatcmpl-/);
    assert.equal(client.attributes['gen_ai.response.model'], 'gpt-4o');
  });

  it('a Responses call served natively: the same GenAI attributes as chat, from the Response and its events', async () => {
    for (const stream of [false, true]) {
      const traceId = hex(16);
      const parentId = hex(8);
      const res = await fetch(`${sidecar.openaiBaseURL}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${parentId}-01` },
        body: JSON.stringify({ model: 'gpt-4o', input: `responses ${MARKER}`, stream }),
      });
      const text = await res.text();
      assert.equal(res.status, 200);
      assert.equal(upstream.lastRequest()?.operation, 'responses', 'served natively');
      const final = stream
        ? text
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => JSON.parse(l.slice(6)))
            .find((e) => e.type === 'response.completed')?.response
        : JSON.parse(text);
      assert.ok(final?.usage, text);
      const spans = await jaeger.waitForSpans({ traceId, min: 2 });
      const server = spans.find((s) => s.kind === 'server');
      const clients = spans.filter((s) => s.kind === 'client');
      assert.equal(server?.name, 'POST /v1/responses');
      assert.equal(server?.parentSpanId, parentId);
      assert.equal(clients.length, 1);
      const a = clients[0]!.attributes;
      assert.equal(clients[0]!.name, 'chat gpt-4o');
      assert.equal(a['gen_ai.provider.name'], 'openai');
      assert.equal(a['gen_ai.request.model'], 'gpt-4o');
      assert.equal(a['gen_ai.response.id'], final.id);
      assert.match(String(a['gen_ai.response.id']), /^resp_/);
      assert.equal(a['gen_ai.response.model'], final.model);
      assert.deepEqual(JSON.parse(String(a['gen_ai.response.finish_reasons'])), ['completed']);
      assert.equal(a['gen_ai.usage.input_tokens'], final.usage.input_tokens);
      assert.equal(a['gen_ai.usage.output_tokens'], final.usage.output_tokens);
      assert.equal(server?.attributes['aimesh.rule'], 'gpt');
      assert.ok((server?.attributes['aimesh.cost.usd'] as number) > 0, 'cost from pricing');
    }
  });

  it('a stream with slow chunks: the CLIENT span covers the whole stream, not just its head', async () => {
    const traceId = hex(16);
    const remove = upstream.setFault((r) => r.body?.messages?.[0]?.content === 'slow stream', {
      chunkDelayMs: 40,
      chunks: 6,
    });
    try {
      const res = await fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${hex(8)}-01` },
        body: JSON.stringify({
          model: 'gpt-4o',
          stream: true,
          messages: [{ role: 'user', content: 'slow stream' }],
        }),
      });
      await res.text();
    } finally {
      remove();
    }
    const spans = await jaeger.waitForSpans({ traceId, min: 2 });
    const client = spans.find((s) => s.kind === 'client')!;
    // 6 chunks 40 ms apart: well over 150 ms from the first byte to the last.
    assert.ok(client.duration >= 150_000, `client span lasted ${client.duration} µs`);
  });

  it('a call that falls back: a failed CLIENT span (error.type 503) then the fallback’s, both under the call', async () => {
    const sent = await chat({ model: 'flaky' });
    assert.equal(sent.status, 200);
    const { server, clients } = await trace(sent, 3);
    assert.equal(clients.length, 2);
    const [failed, served] = clients;
    assert.equal(failed.name, 'chat gpt-4o-mini');
    assert.equal(failed.attributes['error.type'], '503');
    assert.equal(failed.attributes['otel.status_code'], 'ERROR');
    assert.equal(failed.attributes['aimesh.fallback.attempt'], 0);
    assert.equal(served.name, 'chat claude-haiku-4-5');
    assert.equal(served.attributes['gen_ai.provider.name'], 'anthropic');
    assert.equal(served.attributes['aimesh.fallback.attempt'], 1);
    assert.equal(served.attributes['gen_ai.response.model'], 'claude-haiku-4-5');
    assert.ok((served.attributes['gen_ai.usage.output_tokens'] as number) > 0);
    assert.ok(
      served.startTime >= failed.startTime + failed.duration,
      'the fallback starts after the failure',
    );
    assert.equal(server.attributes['aimesh.rule'], 'flaky');
    assert.equal(server.attributes['aimesh.attempts'], 2);
    assert.equal(server.attributes['http.response.status_code'], 200);
  });

  it('a call the quota denies: a SERVER span (429, aimesh.quota.decision=deny) and no CLIENT span', async () => {
    assert.equal((await chat({ model: 'limited-model' })).status, 200, 'the window admits one call');
    const sent = await chat({ model: 'limited-model' });
    assert.equal(sent.status, 429);
    const { server, clients } = await trace(sent, 1);
    assert.equal(clients.length, 0);
    assert.equal(server.attributes['http.response.status_code'], 429);
    assert.equal(server.attributes['aimesh.quota.decision'], 'deny');
    assert.equal(server.attributes['error.type'], sent.body.error.code);
  });

  it('a call a guard blocks: aimesh.guard.action on the SERVER span, nothing sent upstream', async () => {
    const before = upstream.requests.length;
    const sent = await chat({
      model: 'guarded',
      messages: [{ role: 'user', content: `tell me about the forbidden-topic ${MARKER}` }],
    });
    assert.ok(sent.status >= 400 && sent.status < 500, `status ${sent.status}`);
    assert.equal(upstream.requests.length, before);
    const { server, clients } = await trace(sent, 1);
    assert.equal(clients.length, 0);
    assert.match(String(server.attributes['aimesh.guard.action']), /denyPatterns:block/);
  });

  it('a call no route matches: a SERVER span with 404 and error.type model_not_found', async () => {
    const sent = await chat({ model: 'no-such-model' });
    assert.equal(sent.status, 404);
    const { server, clients } = await trace(sent, 1);
    assert.equal(clients.length, 0);
    assert.equal(server.attributes['error.type'], 'model_not_found');
    assert.equal(server.attributes['aimesh.route'], undefined);
  });

  it('/metrics parses as Prometheus text and its counters move as the calls dictate', async () => {
    const m0 = await metrics();
    const ok = (rule: string) =>
      sampleValue(m0, 'aimesh_requests_total', {
        route: 'team-a/chat',
        rule,
        operation: 'chat',
        status: '200',
      });
    const tokens0 = sampleValue(m0, 'gen_ai_client_token_usage_count', {
      gen_ai_provider_name: 'openai',
      gen_ai_request_model: 'gpt-4o',
      gen_ai_token_type: 'output',
    });
    const fallbacks0 = sampleValue(m0, 'aimesh_upstream_attempts_total', {
      provider: 'ai-platform/anthropic',
      kind: 'fallback',
      outcome: 'ok',
    });
    const denials0 = sampleValue(m0, 'aimesh_quota_denials_total', {
      quota: 'team-a/budget',
      mode: 'enforce',
    });
    const gpt0 = ok('gpt');

    assert.equal((await chat({ model: 'gpt-4o' })).status, 200);
    assert.equal((await chat({ model: 'gpt-4o' })).status, 200);
    assert.equal((await chat({ model: 'flaky' })).status, 200);
    assert.equal((await chat({ model: 'limited-model' })).status, 429);
    assert.equal((await chat({ model: 'nope' })).status, 404);

    const m1 = await metrics();
    const ok1 = (rule: string) =>
      sampleValue(m1, 'aimesh_requests_total', {
        route: 'team-a/chat',
        rule,
        operation: 'chat',
        status: '200',
      });
    assert.equal(ok1('gpt') - gpt0, 2);
    assert.equal(
      sampleValue(m1, 'gen_ai_client_token_usage_count', {
        gen_ai_provider_name: 'openai',
        gen_ai_request_model: 'gpt-4o',
        gen_ai_token_type: 'output',
      }) - tokens0,
      2,
    );
    assert.equal(
      sampleValue(m1, 'aimesh_upstream_attempts_total', {
        provider: 'ai-platform/anthropic',
        kind: 'fallback',
        outcome: 'ok',
      }) - fallbacks0,
      1,
    );
    assert.ok(
      sampleValue(m1, 'gen_ai_client_operation_duration_seconds_count', {
        gen_ai_request_model: 'gpt-4o-mini',
        error_type: '503',
      }) >= 1,
    );
    assert.equal(
      sampleValue(m1, 'aimesh_quota_denials_total', { quota: 'team-a/budget', mode: 'enforce' }) - denials0,
      1,
    );
    assert.ok(sampleValue(m1, 'aimesh_requests_total', { route: '', status: '404' }) >= 1);
    assert.ok(
      sampleValue(m1, 'aimesh_cost_usd_total', { route: 'team-a/chat', provider: 'ai-platform/openai' }) > 0,
    );
    assert.equal(
      sampleValue(m1, 'aimesh_snapshot_info', { version, namespace: 'team-a', workload: 'chat-app' }),
      1,
    );
    assert.equal(
      sampleValue(m1, 'aimesh_circuit_breaker_state', {
        backend: 'ai-platform/openai|gpt-4o',
        state: 'closed',
      }),
      1,
    );
    assert.equal(sampleValue(m1, 'aimesh_tracing_spans_dropped_total'), 0);
  });

  it('writes one audit line per call, naming its trace', async () => {
    const sent = await chat({ model: 'gpt-4o' });
    // The line is written once the response is out: give it a moment to reach the log.
    const lines = await waitFor('the audit line', () => {
      const found = auditLines().filter((l) => l.traceId === sent.traceId);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(lines.length, 1);
    const [line] = lines;
    assert.equal(line.namespace, 'team-a');
    assert.equal(line.workload, 'chat-app');
    assert.equal(line.route, 'team-a/chat');
    assert.equal(line.rule, 'gpt');
    assert.equal(line.provider, 'ai-platform/openai');
    assert.equal(line.modelRequested, 'gpt-4o');
    assert.equal(line.modelServed, 'gpt-4o');
    assert.equal(line.tokensIn, sent.body.usage.prompt_tokens);
    assert.equal(line.tokensOut, sent.body.usage.completion_tokens);
    assert.ok(line.costUSD > 0);
    assert.equal(line.status, 200);
    assert.equal(typeof line.latencyMs, 'number');
    assert.equal(typeof line.time, 'string');
    // Every call of this run has exactly one line.
    const calls = new Map<string, number>();
    for (const l of auditLines()) calls.set(l.call, (calls.get(l.call) ?? 0) + 1);
    assert.ok([...calls.values()].every((n) => n === 1));
  });

  it('no credential or prompt text in any span, metric or log line', async () => {
    const spans = await jaeger.spans({ service: SERVICE });
    assert.ok(spans.length >= 10);
    const haystacks = {
      spans: JSON.stringify(spans),
      metrics: await (await fetch(`${sidecar.adminUrl}/metrics`)).text(),
      logs: sidecar.logs(),
    };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of [OPENAI_KEY, ANTHROPIC_KEY, APP_KEY, MARKER, 'forbidden-topic'])
        assert.ok(!text.includes(secret), `${secret} found in ${where}`);
    }
  });
});

describe('telemetry: content capture is opt-in', () => {
  let jaeger: Jaeger;
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  const service = `aimesh-capture-${randomBytes(3).toString('hex')}`;

  before(async () => {
    [jaeger, upstream] = await Promise.all([startJaeger(), startUpstream({ apiKeys: [OPENAI_KEY] })]);
    sidecar = await startSidecar({
      env: {
        ...jaeger.env,
        OTEL_SERVICE_NAME: service,
        OTEL_BSP_SCHEDULE_DELAY: '100',
        AIMESH_CAPTURE_CONTENT: 'true',
      },
      snapshot: {
        workload: { namespace: 'team-a' },
        providers: [
          testProvider('ai-platform/openai', 'openai', `${upstream.url}/v1`, OPENAI_KEY, ['gpt-4o']),
        ],
        routes: [
          { id: 'team-a/chat', rules: [testRule('gpt', [{ model: 'gpt-4o' }], ['ai-platform/openai'])] },
        ],
        quotas: [],
      },
    });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
    await jaeger?.stop();
  });

  it('with AIMESH_CAPTURE_CONTENT=true the CLIENT span holds the messages, streams included; logs still do not', async () => {
    for (const stream of [false, true]) {
      const traceId = hex(16);
      const res = await fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${hex(8)}-01` },
        body: JSON.stringify({
          model: 'gpt-4o',
          stream,
          messages: [{ role: 'user', content: `echo ${MARKER}` }],
        }),
      });
      await res.text();
      const client = (await jaeger.waitForSpans({ traceId, min: 2 })).find((s) => s.kind === 'client')!;
      const input = JSON.parse(String(client.attributes['gen_ai.input.messages']));
      assert.deepEqual(input, [{ role: 'user', parts: [{ type: 'text', content: `echo ${MARKER}` }] }]);
      const output = JSON.parse(String(client.attributes['gen_ai.output.messages']));
      assert.equal(output[0].role, 'assistant');
      assert.match(output[0].parts[0].content, new RegExp(MARKER));
      assert.equal(output[0].finish_reason, 'stop');
    }
    assert.ok(!sidecar.logs().includes(MARKER));
  });
});
