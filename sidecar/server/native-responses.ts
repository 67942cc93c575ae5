// The Responses API endpoints around a native provider's stored answers (OpenAI, Azure OpenAI
// keep what they make): GET / DELETE /v1/responses/{id} and GET .../input_items of an answer a
// provider made go back to that provider (the response store remembers which, bounded), with its
// credentials; POST /v1/responses/input_tokens goes to the provider the app's model routes to when
// it speaks the Responses API (other providers: the sidecar's own estimate, local-endpoints.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RuntimeProvider, RuntimeSnapshot } from '../config/runtime.ts';
import type { SnapshotStore } from '../config/store.ts';
import { CallError, notFound } from '../pipeline/errors.ts';
import { errorBody } from '../pipeline/respond.ts';
import type { ResponseStore } from '../pipeline/response-store.ts';
import { resolveTarget } from '../pipeline/route.ts';
import type { AdapterCall } from '../providers/adapter.ts';
import { TransportError } from '../upstream/errors.ts';
import { readBody, type Transport } from '../upstream/transport.ts';

export interface NativeResponsesDeps {
  store: SnapshotStore;
  responses: ResponseStore;
  transport: Transport;
  /** Time limit of one upstream exchange. */
  timeoutMs: number;
}

export interface NativeResponses {
  /** A stored answer a provider made: asks that provider; false when this sidecar knows of none. */
  retrieve(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    inputItems: boolean,
    query: string,
  ): boolean;
  /** input_tokens from the routed provider when it speaks the Responses API; false otherwise. */
  countTokens(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<boolean>;
}

/** Largest answer read back (a stored Response with its output, a page of input items). */
const MAX_ANSWER = 32 * 1024 * 1024;

function sendError(res: ServerResponse, err: CallError): void {
  if (res.headersSent) return;
  res.writeHead(err.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(errorBody('openai', err.status, err)));
}

export function createNativeResponses(deps: NativeResponsesDeps): NativeResponses {
  /** One exchange with the provider; its answer (or error, scrubbed of credentials) to the app. */
  async function exchange(
    runtime: RuntimeSnapshot,
    provider: RuntimeProvider,
    call: AdapterCall,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<number> {
    const adapter = provider.adapter!;
    const deadline = Date.now() + (provider.config.requestTimeoutMs ?? deps.timeoutMs);
    try {
      const request = await adapter.request(call, provider.config);
      const upstream = await deps.transport.send(req, res, request, {
        agent: provider.agent,
        deadline,
        connectTimeoutMs: provider.config.connectTimeoutMs,
      });
      const body = await readBody(upstream.body, { deadline, limit: MAX_ANSWER });
      if (upstream.status >= 200 && upstream.status < 300) {
        res.writeHead(upstream.status, {
          'content-type': String(upstream.headers['content-type'] ?? 'application/json'),
          'x-aimesh-provider': provider.id,
        });
        res.end(body);
        return upstream.status;
      }
      const err = adapter.error(upstream.status, body, upstream.headers);
      const auth = upstream.status === 401 || upstream.status === 403;
      sendError(
        res,
        auth
          ? new CallError(
              502,
              `provider ${provider.id} rejected the configured credentials (HTTP ${upstream.status})`,
              'upstream_error',
              'upstream_auth_failed',
            )
          : new CallError(
              err.status,
              runtime.scrub(err.message),
              runtime.scrub(err.type),
              err.code === undefined ? undefined : runtime.scrub(err.code),
            ),
      );
      return upstream.status;
    } catch (e) {
      const timeout = e instanceof TransportError && e.failure === 'timeout';
      sendError(
        res,
        new CallError(
          timeout ? 504 : 502,
          `provider ${provider.id} could not be asked: ${runtime.scrub((e as Error).message)}`,
          timeout ? 'upstream_timeout' : 'upstream_error',
          timeout ? 'upstream_timeout' : 'upstream_unreachable',
        ),
      );
      return 502;
    }
  }

  return {
    retrieve(req, res, id, inputItems, query) {
      const providerId = deps.responses.providerOf(id);
      if (providerId === undefined) return false;
      const runtime = deps.store.current;
      const provider = runtime?.providers.get(providerId);
      if (!runtime || !provider?.adapter?.nativeResponses) {
        sendError(
          res,
          notFound(
            `response ${id} was made by provider ${providerId}, which this sidecar's configuration no longer has`,
            'response_not_found',
          ),
        );
        return true;
      }
      const method = req.method === 'DELETE' ? 'DELETE' : 'GET';
      const call: AdapterCall = {
        operation: 'chat',
        path: `/responses/${encodeURIComponent(id)}${inputItems ? '/input_items' : ''}`,
        method,
        query: query || undefined,
        model: '',
        stream: false,
      };
      exchange(runtime, provider, call, req, res).then((status) => {
        if (method === 'DELETE' && !inputItems && (status === 200 || status === 404))
          deps.responses.forgetNative(id);
      });
      return true;
    },

    async countTokens(req, res, body) {
      const runtime = deps.store.current;
      let parsed: Record<string, any>;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return false;
      }
      if (!runtime || typeof parsed?.model !== 'string' || parsed.model === '') return false;
      const headers = { ...req.headers };
      delete headers.authorization;
      const rule = runtime.rules.find((r) => r.matches({ model: parsed.model, operation: 'chat', headers }));
      if (!rule) return false;
      const target = resolveTarget(rule.backends.pick(), parsed.model);
      if (!target.provider.adapter?.nativeResponses) return false;
      const model = target.upstreamModel ?? parsed.model;
      await exchange(
        runtime,
        target.provider,
        {
          operation: 'chat',
          path: '/responses/input_tokens',
          model,
          body: { ...parsed, model },
          stream: false,
        },
        req,
        res,
      );
      return true;
    },
  };
}
