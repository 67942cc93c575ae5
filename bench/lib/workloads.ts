// The workloads: what the app sends. Every body is unique (the `user` field carries the request's
// index), so a response cache never hits and every arm does the same work for every request.
import type { RunningArm } from './arms.ts';
import type { Target } from './load.ts';

export const WORKLOAD_NAMES = ['chat-small', 'chat-8k', 'chat-200k', 'chat-stream', 'embeddings'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

export interface Workload {
  name: WorkloadName;
  label: string;
  path: string;
  stream: boolean;
  /** Measured at concurrency 1 only (no throughput ladder): a goal needs its added latency alone. */
  latencyOnly?: boolean;
  model: string;
  /** The body up to the model, and after it up to the request index. */
  parts(model: string): [head: string, tail: string];
}

const WORDS =
  'the quick brown fox jumps over a lazy dog while seven wizards quietly brew strong coffee for every ' +
  'sleepy traveller who walks along the river at dawn and sings about mountains forests and oceans ';

/** ~bytes of plain prose (no digits: the PII guard must find nothing to mask). */
function prose(bytes: number): string {
  let out = '';
  while (out.length < bytes) out += WORDS;
  return out.slice(0, bytes).trimEnd();
}

const chat =
  (content: string, stream: boolean) =>
  (model: string): [string, string] => [
    `{"model":${JSON.stringify(model)},${stream ? '"stream":true,' : ''}"messages":[{"role":"user","content":${JSON.stringify(content)}}],"user":"bench-`,
    '"}',
  ];

export const WORKLOADS: Record<WorkloadName, Workload> = {
  'chat-small': {
    name: 'chat-small',
    label: 'chat, non-streaming, small prompt (16-word reply)',
    path: '/v1/chat/completions',
    stream: false,
    model: 'gpt-4o-mini',
    parts: chat('Write a short friendly greeting for the team please', false),
  },
  'chat-8k': {
    name: 'chat-8k',
    label: 'chat, non-streaming, 8 KB prompt',
    path: '/v1/chat/completions',
    stream: false,
    model: 'gpt-4o-mini',
    parts: chat(prose(8192), false),
  },
  'chat-200k': {
    name: 'chat-200k',
    label: 'chat, non-streaming, 200 KB prompt (latency at c=1 only)',
    path: '/v1/chat/completions',
    stream: false,
    latencyOnly: true,
    model: 'gpt-4o-mini',
    parts: chat(prose(200 * 1024), false),
  },
  'chat-stream': {
    name: 'chat-stream',
    label: 'chat, streaming, 64 chunks paced at 20 ms',
    path: '/v1/chat/completions',
    stream: true,
    model: 'gpt-4o-mini',
    parts: chat('Tell a long story about the sea and the ships that sail on it', true),
  },
  embeddings: {
    name: 'embeddings',
    label: 'embeddings, 1536 floats',
    path: '/v1/embeddings',
    stream: false,
    model: 'text-embedding-3-small',
    parts: (model) => [
      `{"model":${JSON.stringify(model)},"input":"The food was delicious and the waiter was friendly.","user":"bench-`,
      '"}',
    ],
  },
};

export function targetFor(workload: Workload, arm: RunningArm, runId: string): Target {
  const [head, tail] = workload.parts(arm.model(workload.model));
  const prefix = `${head}${runId}-`;
  return {
    origin: arm.origin,
    path: workload.path,
    headers: arm.headers,
    stream: workload.stream,
    body: (i) => prefix + i + tail,
  };
}
