// The app side of Gateway credential mode: a provider whose snapshot entry names a gateway keeps
// its adapter (translation, usage, errors all stay in this sidecar, policy included) but each
// request goes to the gateway, with this pod's token, instead of to the provider.
import { readFileSync, statSync } from 'node:fs';
import type { Adapter, UpstreamError } from '../providers/adapter.ts';
import type { ProviderConfig } from '../snapshot/schema.ts';
import { TransportError } from '../upstream/errors.ts';
import { GATEWAY_ERROR_HEADER, PROVIDER_HEADER, TOKEN_HEADER } from './protocol.ts';

/** The adapter, sending through provider.gateway. */
export function throughGateway(adapter: Adapter, token: () => string | undefined): Adapter {
  return {
    ...adapter,
    async request(call, provider) {
      const request = await adapter.request(call, provider);
      const bearer = token();
      if (!bearer)
        throw new TransportError(
          'connect-error',
          `no pod token to present to the egress gateway of ${provider.id}`,
        );
      return {
        ...request,
        url: gatewayUrl(provider, request.url),
        headers: { ...request.headers, [PROVIDER_HEADER]: provider.id, [TOKEN_HEADER]: `Bearer ${bearer}` },
      };
    },
    error(status, body, headers): UpstreamError {
      const refused = headers[GATEWAY_ERROR_HEADER];
      if (refused === undefined) return adapter.error(status, body, headers);
      // The gateway's own refusal (401, 403, 404, 413 ...): a platform problem, not the app's
      // request, and not the provider rejecting a key.
      return {
        status: status === 413 ? 413 : 502,
        failure: status >= 500 ? '5xx' : undefined,
        message: `egress gateway refused the call: ${gatewayMessage(body, status)}`,
        type: status === 413 ? 'invalid_request_error' : 'upstream_error',
        code: `gateway_${String(refused)}`,
      };
    },
  };
}

/** The adapter's provider URL moved onto the gateway: same path (and query) below the endpoint. */
export function gatewayUrl(provider: ProviderConfig, url: string): string {
  const base = provider.endpoint.replace(/\/+$/, '');
  if (!provider.gateway || !url.startsWith(base))
    throw new Error(`provider ${provider.id}: request URL is not below its endpoint`);
  return provider.gateway.url.replace(/\/+$/, '') + (url.slice(base.length) || '/');
}

function gatewayMessage(body: Buffer, status: number): string {
  try {
    const message = (JSON.parse(body.toString('utf8')) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return message.slice(0, 500);
  } catch {}
  return `HTTP ${status}`;
}

/**
 * The pod's projected token, re-read when the file changes (the kubelet rotates it), at most
 * once per checkMs. Undefined while the file is missing.
 */
export function fileToken(path: string, checkMs = 10_000): () => string | undefined {
  let value: string | undefined;
  let mtime = -1;
  let checkedAt = Number.NEGATIVE_INFINITY;
  return () => {
    const now = performance.now();
    if (now - checkedAt < checkMs && value !== undefined) return value;
    checkedAt = now;
    try {
      const m = statSync(path).mtimeMs;
      if (m !== mtime || value === undefined) {
        value = readFileSync(path, 'utf8').trim() || undefined;
        mtime = m;
      }
    } catch {
      value = undefined;
    }
    return value;
  };
}
