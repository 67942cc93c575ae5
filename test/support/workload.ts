// The story steps the operator integration tests share: kubectl apply, an OpenAI-type AIProvider
// (and its key Secret) on the test upstream, a chat AIRoute to it, a pod whose pod-bound token
// connects a push-mode sidecar to the operator, and a chat call through that sidecar.
//
//   const { cluster, system, ns, upstream } = await operatorStage(apiKey);
//   await kubectlApply(cluster, [...openAIProvider({ namespace: ns, endpoint: `${upstream.url}/v1`, apiKey }),
//     chatRoute(ns, { attempts: 1 })]);
//   const { pod, sidecar } = await startPodSidecar(cluster, ns, 'chat-1', { operatorUrl: op.pushUrl, ca });
//   const res = await chatVia(sidecar, 'gpt-4o-mini', 'hello');
import assert from 'node:assert/strict';
import { type Cluster, sharedCluster } from './cluster.ts';
import {
  createPod,
  mintToken,
  type PushSidecar,
  type RunningOperator,
  startPushSidecar,
} from './operator.ts';
import { waitFor } from './procs.ts';
import { startUpstream, type Upstream } from './upstream.ts';

/**
 * The stage of an operator test: the shared cluster, fresh namespaces for the operator
 * (aimesh-system-…) and for the workloads (team-…), and a test upstream that takes `apiKey`.
 */
export async function operatorStage(
  apiKey: string,
): Promise<{ cluster: Cluster; system: string; ns: string; upstream: Upstream }> {
  const cluster = await sharedCluster();
  const system = await cluster.newNamespace('aimesh-system');
  const ns = await cluster.newNamespace('team');
  const upstream = await startUpstream({ apiKeys: [apiKey] });
  return { cluster, system, ns, upstream };
}

/** kubectl apply of the objects as one List; fails the test when kubectl does. */
export async function kubectlApply(cluster: Cluster, objects: unknown[]): Promise<void> {
  const r = await cluster.kubectl(['apply', '-f', '-'], {
    input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }),
  });
  assert.equal(r.code, 0, r.stderr);
}

/** A Secret holding `apiKey` and the AIProvider (type openai) that uses it against `endpoint`. */
export function openAIProvider(o: {
  namespace: string;
  endpoint: string;
  apiKey: string;
  /** AIProvider name (default "local"). */
  name?: string;
  /** Secret name (default "<name>-key"). */
  secret?: string;
  /** Model names (default: an empty list). */
  models?: string[];
  /** More spec fields, e.g. allowedNamespaces. */
  spec?: Record<string, unknown>;
}): unknown[] {
  const name = o.name ?? 'local';
  const secret = o.secret ?? `${name}-key`;
  return [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: secret, namespace: o.namespace },
      stringData: { apiKey: o.apiKey },
    },
    {
      apiVersion: 'aimesh.io/v1alpha1',
      kind: 'AIProvider',
      metadata: { name, namespace: o.namespace },
      spec: {
        type: 'openai',
        endpoint: o.endpoint,
        auth: { secretRef: { name: secret } },
        models: (o.models ?? []).map((m) => ({ name: m })),
        ...o.spec,
      },
    },
  ];
}

/** The AIRoute "chat": every request to the provider "local". */
export function chatRoute(
  namespace: string,
  o: {
    /** retries.attempts, when given. */
    attempts?: number;
    /** Only for pods labelled app=<app>; all pods when absent. */
    app?: string;
    /** The rule's name, when given. */
    rule?: string;
  } = {},
) {
  return {
    apiVersion: 'aimesh.io/v1alpha1',
    kind: 'AIRoute',
    metadata: { name: 'chat', namespace },
    spec: {
      ...(o.app === undefined ? {} : { workloadSelector: { matchLabels: { app: o.app } } }),
      ...(o.attempts === undefined ? {} : { retries: { attempts: o.attempts } }),
      rules: [
        { ...(o.rule === undefined ? {} : { name: o.rule }), backends: [{ providerRef: { name: 'local' } }] },
      ],
    },
  };
}

/** A Pod, a token bound to it (TokenRequest) and a push-mode sidecar that connects with that token. */
export async function startPodSidecar(
  cluster: Cluster,
  namespace: string,
  name: string,
  o: { operatorUrl: string; ca: string; labels?: Record<string, string>; args?: string[] },
): Promise<{ pod: { name: string; uid: string }; sidecar: PushSidecar }> {
  const pod = await createPod(cluster, namespace, name, { labels: o.labels, sidecar: true });
  const sidecar = await startPushSidecar({
    operatorUrl: o.operatorUrl,
    ca: o.ca,
    token: await mintToken(cluster, namespace, { pod }),
    args: o.args,
  });
  return { pod, sidecar };
}

/** Waits until the sidecar serves a snapshot (30 s; the logs of both sides when it does not). */
export async function sidecarReady(sidecar: PushSidecar, operator: RunningOperator): Promise<void> {
  await waitFor('sidecar ready', async () => (await sidecar.version()) !== undefined, {
    timeoutMs: 30_000,
    onTimeout: () => `${sidecar.logs(30)}\n--- operator\n${operator.logs(30)}`,
  });
}

/** One chat completion through the sidecar, one user message: status, retry-after and JSON body. */
export async function chatVia(
  sidecar: { url: string },
  model: string,
  content: string,
  maxTokens?: number,
): Promise<{ status: number; retryAfter: string | null; body: any }> {
  const res = await fetch(`${sidecar.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model,
      messages: [{ role: 'user', content }],
      ...(maxTokens === undefined ? {} : { max_tokens: maxTokens }),
    }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}
