// The audit line: its fields, and that neither it nor anything else logged by mistake carries
// credentials (the logger's redact paths) or content.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { buildRuntime } from '../../../sidecar/config/runtime.ts';
import { createLogger } from '../../../sidecar/log.ts';
import type { Call } from '../../../sidecar/pipeline/call.ts';
import { adapterFor } from '../../../sidecar/providers/index.ts';
import { seal } from '../../../sidecar/snapshot/index.ts';
import { auditRecord, createAuditLogger, writeAudit } from '../../../sidecar/telemetry/audit.ts';
import { callFacts } from '../../../sidecar/telemetry/facts.ts';
import { AgentPool } from '../../../sidecar/upstream/agents.ts';

const runtime = buildRuntime(
  seal({
    workload: { namespace: 'team-a', name: 'chat-app' },
    providers: [
      {
        id: 'ai/openai',
        type: 'openai',
        endpoint: 'http://127.0.0.1:1/v1',
        headers: {},
        credentials: { apiKey: 'sk-provider-secret' },
        models: [{ name: 'gpt-4o' }],
        dataResidency: { jurisdiction: 'EU', regions: ['eu-west-1'] },
      },
    ],
    routes: [],
    quotas: [],
  }),
  { adapterFor, agents: new AgentPool() },
);

function capture() {
  const lines: string[] = [];
  const log = createLogger(
    'debug',
    new Writable({
      write(chunk, _e, cb) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        cb();
      },
    }),
  );
  return { log, lines };
}

const call = (over: Partial<Call>): Call =>
  ({
    id: 'r1',
    runtime,
    operation: 'chat',
    dialect: 'openai',
    stream: false,
    attempts: [],
    timings: { doneMs: 12.6, firstByteMs: 10.2 },
    body: { messages: [{ role: 'user', content: 'PROMPT-MARKER' }] },
    ...over,
  }) as Call;

describe('audit line', () => {
  it('says who, where, what it cost and what policy decided, in one line', () => {
    const c = call({
      routeId: 'team-a/chat',
      ruleName: 'gpt',
      provider: runtime.providers.get('ai/openai'),
      modelRequested: 'fast',
      modelServed: 'gpt-4o-mini',
      modelResponse: 'gpt-4o-mini-2024-07-18',
      usage: { inputTokens: 20, outputTokens: 5 },
      costUSD: 0.000006,
      quotaDecision: 'admit',
      quota: { decision: 'admit', shadowDenied: [] },
      guardActions: [{ guard: 'pii', action: 'mask', phase: 'response', kinds: ['email'], count: 2 }],
      cache: { status: 'miss', hit: false },
      status: 200,
      attempts: [
        {
          provider: 'ai/openai',
          providerType: 'openai',
          model: 'gpt-4o-mini',
          fallback: 0,
          retry: 0,
          startMs: 1,
          durationMs: 9,
          status: 200,
        },
      ],
    });
    assert.deepEqual(auditRecord(c, callFacts(c), 'abc'), {
      namespace: 'team-a',
      workload: 'chat-app',
      route: 'team-a/chat',
      rule: 'gpt',
      operation: 'chat',
      dialect: 'openai',
      stream: false,
      provider: 'ai/openai',
      dataResidency: 'EU:eu-west-1',
      modelRequested: 'fast',
      modelServed: 'gpt-4o-mini',
      modelResponse: 'gpt-4o-mini-2024-07-18',
      tokensIn: 20,
      tokensOut: 5,
      costUSD: 0.000006,
      quota: 'admit',
      guards: ['pii:mask'],
      cache: 'miss',
      prompt: undefined,
      status: 200,
      error: undefined,
      latencyMs: 13,
      ttfbMs: 10,
      attempts: 1,
      traceId: 'abc',
      snapshot: runtime.version.slice(0, 12),
    });
  });

  it('lists the attempts of a failed call (without content) and logs it at warn', () => {
    const { log, lines } = capture();
    const c = call({
      log,
      status: 502,
      errorType: 'upstream_failed',
      attempts: [
        {
          provider: 'ai/openai',
          providerType: 'openai',
          model: 'gpt-4o',
          fallback: 0,
          retry: 0,
          startMs: 1,
          durationMs: 2,
          status: 503,
          failure: '5xx',
          error: 'overloaded',
        },
      ],
    });
    writeAudit(createAuditLogger(log), c, callFacts(c));
    assert.equal(lines.length, 1);
    const line = JSON.parse(lines[0]);
    assert.equal(line.msg, 'call');
    assert.equal(line.call, 'r1');
    assert.equal(line.level, 40);
    assert.equal(line.attempts[0].failure, '5xx');
    assert.ok(!lines[0].includes('PROMPT-MARKER'));
  });
});

describe('logger redaction (defence in depth)', () => {
  it('the audit logger censors secret-bearing top-level keys, should one ever be added to the record', () => {
    const { log, lines } = capture();
    createAuditLogger(log).info(
      {
        headers: { authorization: 'Bearer sk-app-1' },
        apiKey: 'sk-provider-1',
        body: { messages: ['PROMPT-MARKER'] },
      },
      'call',
    );
    for (const secret of ['sk-app-1', 'sk-provider-1', 'PROMPT-MARKER'])
      assert.ok(!lines[0].includes(secret), secret);
  });

  it('censors credential headers and provider credentials wherever a log call passes them', () => {
    const { log, lines } = capture();
    log.info(
      {
        headers: {
          authorization: 'Bearer sk-app-1',
          'x-api-key': 'sk-app-2',
          'api-key': 'sk-app-3',
          'proxy-authorization': 'Basic c2VjcmV0',
          cookie: 'session=sk-app-4',
          'content-type': 'application/json',
        },
        req: { headers: { authorization: 'Bearer sk-app-5', 'x-api-key': 'sk-app-6' } },
        provider: { id: 'ai/openai', credentials: { apiKey: 'sk-provider-1' } },
        snapshot: { providers: { credentials: { secretAccessKey: 'aws-secret-1' } } },
        credentials: { sessionToken: 'aws-token-1' },
        apiKey: 'sk-provider-2',
      },
      'oops',
    );
    const text = lines.join('\n');
    for (const secret of ['sk-app-', 'sk-provider-', 'c2VjcmV0', 'aws-secret-1', 'aws-token-1'])
      assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    const line = JSON.parse(lines[0]);
    assert.equal(line.headers.authorization, '<redacted>');
    assert.equal(line.headers['content-type'], 'application/json', 'harmless headers stay');
    assert.equal(line.provider.id, 'ai/openai');
  });
});
