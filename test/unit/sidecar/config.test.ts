// Snapshot store (verify -> build -> atomic swap), the runtime form's model list, options,
// multipart field access and the passthrough stream's usage handling.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRuntime } from '../../../sidecar/config/runtime.ts';
import { SnapshotStore } from '../../../sidecar/config/store.ts';
import { parseOptions, parseSize } from '../../../sidecar/options.ts';
import { upstreamStream } from '../../../sidecar/pipeline/response-stream.ts';
import {
  multipartBoundary,
  readMultipartField,
  replaceMultipartField,
} from '../../../sidecar/providers/multipart.ts';
import { openai } from '../../../sidecar/providers/openai/index.ts';
import { type SnapshotContent, seal } from '../../../sidecar/snapshot/index.ts';
import { AgentPool } from '../../../sidecar/upstream/agents.ts';

const retries = { attempts: 0, backoffMs: 0, on: [] };
const content: SnapshotContent = {
  workload: { namespace: 'team-a' },
  providers: [
    {
      id: 'p/a',
      type: 'openai',
      endpoint: 'http://127.0.0.1:9/v1',
      headers: {},
      models: [{ name: 'gpt-4o' }, { name: 'gpt-4o-mini' }, { name: 'o3' }],
    },
    {
      id: 'p/b',
      type: 'anthropic',
      endpoint: 'http://127.0.0.1:9',
      headers: {},
      models: [{ name: 'claude-haiku-4-5' }],
    },
  ],
  routes: [
    {
      id: 'team-a/chat',
      rules: [
        {
          name: 'alias',
          matches: [{ model: 'fast' }],
          backends: [{ provider: 'p/a', model: 'gpt-4o-mini', weight: 1 }],
          retries,
        },
        { name: 'gpt', matches: [{ model: 'gpt-4o*' }], backends: [{ provider: 'p/a', weight: 1 }], retries },
        {
          name: 'rest',
          matches: [{ operation: 'chat' }],
          backends: [{ provider: 'p/b', weight: 1 }],
          retries,
        },
      ],
    },
  ],
  quotas: [],
};
const deps = { adapterFor: () => openai, agents: new AgentPool() };

describe('runtime form', () => {
  it('lists exact names, prefix matches among provider models, and catch-all providers’ models', () => {
    const runtime = buildRuntime(seal(content), deps);
    assert.deepEqual(
      runtime.discovery.models.map((m) => m.id),
      ['fast', 'gpt-4o', 'gpt-4o-mini', 'claude-haiku-4-5'],
    );
    const body = JSON.parse(runtime.discovery.openaiJson.toString());
    assert.equal(body.object, 'list');
    assert.deepEqual(body.data[1], {
      id: 'gpt-4o',
      object: 'model',
      created: 0,
      owned_by: 'p/a',
      aimesh: { operations: ['chat', 'completions', 'embeddings', 'images', 'audio', 'realtime'] },
    });
  });
});

describe('snapshot store', () => {
  it('swaps in a verified snapshot, ignores the same version, refuses bad input', () => {
    const store = new SnapshotStore((s) => buildRuntime(s, deps));
    const seen: string[] = [];
    store.subscribe((rt) => seen.push(rt.version));
    const first = seal(content);
    assert.deepEqual(store.apply(JSON.stringify(first)), { ok: true, version: first.version, changed: true });
    assert.deepEqual(store.apply(first), { ok: true, version: first.version, changed: false });

    const broken = store.apply('{"workload": ');
    assert.equal(broken.ok, false);
    assert.match((broken as { reason: string }).reason, /not JSON/);
    const tampered = store.apply({ ...first, workload: { namespace: 'other' } });
    assert.equal(tampered.ok, false);
    assert.match((tampered as { reason: string }).reason, /version does not match/);
    const badRegex = seal({
      ...content,
      routes: [
        {
          id: 'x/y',
          rules: [
            {
              name: 'r',
              matches: [{ headers: [{ name: 'h', value: '[', type: 'RegularExpression' }] }],
              backends: [{ provider: 'p/a', weight: 1 }],
              retries,
            },
          ],
        },
      ],
    });
    const refused = store.apply(badRegex);
    assert.equal(refused.ok, false);
    assert.match(
      (refused as { reason: string }).reason,
      /route x\/y rule r: header h: invalid regular expression/,
    );

    assert.equal(store.current?.version, first.version, 'the last good snapshot keeps serving');
    assert.deepEqual(seen, [first.version]);
  });
});

describe('options', () => {
  it('reads flags, then AIMESH_* env, then defaults', () => {
    const o = parseOptions(['--snapshot', 's.json', '--port', '0'], {
      AIMESH_PORT: '1',
      AIMESH_ADMIN_PORT: '2',
      AIMESH_BODY_LIMIT: '1kb',
    });
    assert.ok(o !== 'help');
    assert.equal(o.snapshotFile, 's.json');
    assert.equal(o.port, 0);
    assert.equal(o.adminPort, 2);
    assert.equal(o.bodyLimit, 1024);
    assert.equal(o.host, '127.0.0.1');
    assert.throws(() => parseOptions([], {}), /one of --snapshot or --operator/);
    assert.throws(() => parseOptions(['--snapshot', 'x', '--port', 'abc'], {}), /--port must be an integer/);
    assert.equal(parseSize('32mb'), 32 * 1024 * 1024);
  });
});

describe('multipart', () => {
  const boundary = 'XyZ';
  const body = Buffer.from(
    `--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\nRIFF....model....\r\n` +
      `--XyZ\r\nContent-Disposition: form-data; name="model"\r\n\r\nwhisper-1\r\n--XyZ--\r\n`,
  );
  it('reads and replaces one text field without touching the file part', () => {
    assert.equal(multipartBoundary('multipart/form-data; boundary=XyZ'), 'XyZ');
    assert.equal(multipartBoundary('application/json'), undefined);
    assert.equal(readMultipartField(body, boundary, 'model'), 'whisper-1');
    assert.equal(readMultipartField(body, boundary, 'language'), undefined);
    const replaced = replaceMultipartField(body, boundary, 'model', 'whisper-large');
    assert.equal(readMultipartField(replaced, boundary, 'model'), 'whisper-large');
    assert.ok(replaced.includes('RIFF....model....'));
  });
});

describe('passthrough stream', () => {
  async function* source(parts: string[]) {
    for (const p of parts) yield Buffer.from(p);
  }
  const sse = [
    'data: {"choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n',
    'data: {"choices":[],"usage":{"prompt_tok',
    'ens":3,"completion_tokens":1}}\n\ndata: [DONE]\n\n',
  ];
  it('forwards the bytes untouched and still captures usage split across chunks', async () => {
    let usage: unknown;
    const s = upstreamStream(source(sse), {
      translator: openai.stream({} as never),
      passthrough: true,
      onUsage: (u) => (usage = u),
      scrub: (t) => t,
    });
    let out = '';
    for await (const b of s.bytes()) out += b.toString();
    assert.equal(out, sse.join(''));
    assert.deepEqual(usage, { inputTokens: 3, outputTokens: 1 });
  });
  it('cuts the usage-only chunk the app did not ask for', async () => {
    let usage: unknown;
    const s = upstreamStream(source(sse), {
      translator: openai.stream({} as never),
      passthrough: true,
      onUsage: (u) => (usage = u),
      scrub: (t) => t,
    });
    let out = '';
    for await (const b of s.bytes({ dropUsageOnly: true })) out += b.toString();
    assert.equal(out, `${sse[0]}data: [DONE]\n\n`);
    assert.deepEqual(usage, { inputTokens: 3, outputTokens: 1 });
  });
});
