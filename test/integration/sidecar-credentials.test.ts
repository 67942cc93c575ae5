// Provider keys never leave the sidecar through upstream words: an upstream that quotes the
// request's Authorization / x-api-key / api-key / x-goog-api-key / AWS headers in its error
// messages (up front, at the head of a stream, or mid-stream) reaches the app, the audit log and
// the exported spans with the credentials scrubbed, for every provider type and both dialects.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { freePorts, waitFor } from '../support/procs.ts';
import { type RunningSidecar, startSidecar, testProvider, testRule } from '../support/sidecar.ts';
import { type Fault, startUpstream, type Upstream } from '../support/upstream.ts';

// Values with no well-known key shape, so only the snapshot-specific scrubbing can catch them.
const AWS = {
  accessKeyId: 'AKIDCREDSTESTBEDROCK',
  secretAccessKey: 'bedrock-secret-key-value',
  sessionToken: 'bedrock-session-token-value',
};
const KEYS = {
  openai: 'sk-openai-creds-test-0123456789',
  azure: 'azurekeycredstest0123456789abcd',
  anthropic: 'sk-ant-creds-test-0123456789',
  gemini: 'gemini-creds-test-key-value',
};
const SECRETS = [...Object.values(KEYS), AWS.accessKeyId, AWS.secretAccessKey, AWS.sessionToken];

const cases = [
  { model: 'gpt-4o', provider: 'openai' },
  { model: 'azure-gpt-4o', provider: 'azure' },
  { model: 'claude-haiku-4-5', provider: 'anthropic' },
  { model: 'gemini-2.5-flash', provider: 'gemini' },
  { model: 'nova-lite', provider: 'bedrock' },
] as const;

/** An up-front 400 quoting the credentials. */
const REFUSED: Fault = { echoCredentials: true, status: 400 };
/** An in-stream error before any content (the head: still retried/fallen back, then an HTTP error). */
const HEAD_ERROR: Fault = { echoCredentials: true, errorAfterChunks: 0, error: 'bad_request' };
/** An in-stream error after content: relayed to the app as an error event. */
const MID_STREAM: Fault = {
  echoCredentials: true,
  errorAfterChunks: 2,
  chunkDelayMs: 30,
  error: 'bad_request',
};

function assertClean(where: string, text: string): void {
  for (const s of SECRETS) assert.ok(!text.includes(s), `${where} leaks ${s}:\n${text.slice(0, 2000)}`);
}

describe('sidecar: credentials quoted by an upstream never leave the sidecar', () => {
  let upstream: Upstream;
  let sidecar: RunningSidecar;
  let collector: Server;
  const exported: string[] = [];

  before(async () => {
    upstream = await startUpstream({ apiKeys: Object.values(KEYS), aws: AWS });
    const [port] = await freePorts(1);
    collector = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (b: Buffer) => parts.push(b));
      req.on('end', () => {
        exported.push(Buffer.concat(parts).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(port, '127.0.0.1', resolve));
    const p = (id: string) => `ai-platform/${id}`;
    sidecar = await startSidecar({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '50',
      },
      snapshot: {
        workload: { namespace: 'team-a' },
        providers: [
          testProvider(p('openai'), 'openai', `${upstream.url}/v1`, KEYS.openai, ['gpt-4o']),
          testProvider(p('azure'), 'azure-openai', upstream.url, KEYS.azure, ['azure-gpt-4o=my-deployment'], {
            apiVersion: '2024-10-21',
          }),
          testProvider(p('anthropic'), 'anthropic', upstream.url, KEYS.anthropic, ['claude-haiku-4-5'], {
            apiVersion: '2023-06-01',
          }),
          testProvider(p('gemini'), 'gemini', upstream.url, KEYS.gemini, ['gemini-2.5-flash']),
          testProvider(
            p('bedrock'),
            'bedrock',
            upstream.url,
            undefined,
            ['nova-lite=amazon.nova-lite-v1:0'],
            {
              region: 'us-east-1',
              credentials: AWS,
            },
          ),
        ],
        routes: [
          {
            id: 'team-a/chat',
            rules: cases.map((c) => testRule(c.provider, [{ model: c.model }], [p(c.provider)])),
          },
        ],
        quotas: [],
      },
    });
  });

  after(async () => {
    await sidecar?.stop();
    await upstream?.close();
    collector?.close();
  });

  /** Every upstream request fails as the fault says, for this one call. */
  async function faulty<T>(fault: Fault, call: () => Promise<T>): Promise<T> {
    const remove = upstream.setFault(() => true, fault);
    try {
      return await call();
    } finally {
      remove();
    }
  }

  async function openai(model: string, fault: Fault, stream: boolean) {
    const res = await faulty(fault, () =>
      fetch(`${sidecar.openaiBaseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model,
          stream,
          messages: [{ role: 'user', content: 'tell me a long story' }],
        }),
      }),
    );
    return { status: res.status, text: await res.text() };
  }

  async function anthropic(fault: Fault, stream: boolean) {
    const res = await faulty(fault, () =>
      fetch(`${sidecar.anthropicBaseURL}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({
          model: 'claude-haiku-4-5',
          max_tokens: 100,
          stream,
          messages: [{ role: 'user', content: 'tell me a long story' }],
        }),
      }),
    );
    return { status: res.status, text: await res.text() };
  }

  for (const c of cases) {
    it(`${c.provider}: an error body quoting the key reaches the app scrubbed`, async () => {
      const { status, text } = await openai(c.model, REFUSED, false);
      assert.equal(status, 400, text);
      assertClean('the app response', text);
      assert.match(text, /\[REDACTED\]/, 'the upstream did quote something: the test can fail');
    });

    it(`${c.provider}: an in-stream error at the head of a stream reaches the app scrubbed`, async () => {
      const { status, text } = await openai(c.model, HEAD_ERROR, true);
      assert.notEqual(status, 200, text);
      assertClean('the app response', text);
    });

    it(`${c.provider}: a mid-stream error event reaches the app scrubbed`, async () => {
      const { status, text } = await openai(c.model, MID_STREAM, true);
      assert.equal(status, 200);
      assert.match(text, /error/, text);
      assertClean('the app stream', text);
    });
  }

  it('anthropic dialect: error bodies and stream error events are scrubbed', async () => {
    for (const [fault, stream] of [
      [REFUSED, false],
      [HEAD_ERROR, true],
      [MID_STREAM, true],
    ] as const) {
      const { text } = await anthropic(fault, stream);
      assert.match(text, /error/, text);
      assertClean('the anthropic app response', text);
    }
  });

  it('the audit log and the exported spans carry no credential', async () => {
    // Every case above failed an attempt: the spans with an error status have been exported.
    const spans = await waitFor('error spans exported', () => {
      const all = exported.join('\n');
      return (all.match(/"code":2/g) ?? []).length >= cases.length * 3 ? all : undefined;
    });
    assertClean('the exported spans', spans);
    assert.match(spans, /REDACTED/, 'span status messages carry the scrubbed upstream words');
    const logs = sidecar.logs();
    assert.match(logs, /"status":400/, 'the audit log recorded the calls');
    assertClean('the sidecar log', logs);
  });
});
