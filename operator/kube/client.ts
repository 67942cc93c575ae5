// The one module of the operator that imports @kubernetes/client-node. client-node's KubeConfig
// loads the configuration (in-cluster or a kubeconfig file) and applies its credentials, which
// covers every auth flavour (client certs, token files refreshed by the kubelet, exec plugins).
// Requests themselves are plain JSON over node:https: objects stay exactly as the apiserver sent
// them (no class conversion, unknown fields kept), and patch content types are explicit.
import { Agent, request as httpsRequest, type RequestOptions } from 'node:https';
import { createInterface } from 'node:readline';
import { KubeConfig } from '@kubernetes/client-node';
import {
  type KubeApi,
  KubeError,
  type ObjectList,
  type PatchType,
  type Query,
  type WatchEvent,
} from './api.ts';

const CONTENT_TYPE: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/** In-cluster when running in a pod and no kubeconfig is given, else the kubeconfig file. */
export function loadKubeConfig(kubeconfig?: string): KubeConfig {
  const kc = new KubeConfig();
  if (kubeconfig) kc.loadFromFile(kubeconfig);
  else if (process.env.KUBERNETES_SERVICE_HOST) kc.loadFromCluster();
  else kc.loadFromDefault();
  if (!kc.getCurrentCluster())
    throw new Error('no Kubernetes cluster configured (kubeconfig has no current cluster)');
  return kc;
}

export interface KubeApiOptions {
  requestTimeoutMs?: number;
  /**
   * Call as this bearer token's user instead of the kubeconfig's credentials (the console writes
   * a user's decision with the user's own token, so admission sees the real user).
   */
  bearerToken?: string;
  /** Connection pool (default: a keep-alive pool of this client's own). */
  agent?: Agent;
}

export function createKubeApi(kc: KubeConfig, opts: KubeApiOptions = {}): KubeApi {
  const server = kc.getCurrentCluster()!.server.replace(/\/+$/, '');
  // One keep-alive pool; node keys sockets by the TLS options (ca/cert/key) passed per request.
  const agent = opts.agent ?? new Agent({ keepAlive: true, maxSockets: 32 });
  const timeoutMs = opts.requestTimeoutMs ?? 30_000;

  const options = async (method: string, headers: Record<string, string>): Promise<RequestOptions> => {
    const o: RequestOptions = { method, headers: { accept: 'application/json', ...headers } };
    await kc.applyToHTTPSOptions(o);
    const { ca, cert, key, rejectUnauthorized, servername } = o;
    if (opts.bearerToken !== undefined) {
      // Only the cluster's trust: none of the operator's own credentials travel with the user's.
      const own = { ...headers, accept: 'application/json', authorization: `Bearer ${opts.bearerToken}` };
      return { method, headers: own, ca, rejectUnauthorized, servername, agent };
    }
    return { method, headers: o.headers, auth: o.auth, ca, cert, key, rejectUnauthorized, servername, agent };
  };

  const url = (path: string, query?: Query) => {
    const u = new URL(server + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, String(v));
    return u;
  };

  async function call<T>(method: string, path: string, body?: unknown, contentType?: string, query?: Query) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = payload
      ? {
          'content-type': contentType ?? 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
        }
      : {};
    const o = await options(method, headers);
    return new Promise<T>((resolve, reject) => {
      const req = httpsRequest(url(path, query), o, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            try {
              resolve((text ? JSON.parse(text) : undefined) as T);
            } catch (err) {
              reject(new KubeError(status, 'BadResponse', `${method} ${path}: ${(err as Error).message}`));
            }
          } else reject(toError(status, text, method, path));
        });
      });
      req.setTimeout(timeoutMs, () =>
        req.destroy(new KubeError(0, 'Timeout', `${method} ${path}: timed out`)),
      );
      req.on('error', (err) =>
        reject(
          err instanceof KubeError
            ? err
            : new KubeError(0, 'ConnectionError', `${method} ${path}: ${err.message}`),
        ),
      );
      req.end(payload);
    });
  }

  async function watch(path: string, query: Query, onEvent: (e: WatchEvent) => void, signal: AbortSignal) {
    const o = await options('GET', {});
    // The server ends the watch after timeoutSeconds; a silent connection longer than that is dead.
    const idleMs = (Number(query.timeoutSeconds ?? 300) + 30) * 1000;
    await new Promise<void>((resolve, reject) => {
      if (signal.aborted) return resolve();
      const req = httpsRequest(url(path, { ...query, watch: 'true' }), { ...o, signal }, (res) => {
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => reject(toError(status, Buffer.concat(chunks).toString('utf8'), 'WATCH', path)));
          res.on('error', reject);
          return;
        }
        const lines = createInterface({ input: res, crlfDelay: Number.POSITIVE_INFINITY });
        lines.on('line', (line) => {
          if (!line.trim()) return;
          let event: WatchEvent;
          try {
            event = JSON.parse(line) as WatchEvent;
          } catch {
            return; // a torn line at a dropped connection; the relist/rewatch covers it
          }
          onEvent(event);
        });
        res.on('error', (err) => (signal.aborted ? resolve() : reject(err)));
        res.on('end', () => resolve());
        res.on('close', () => resolve());
      });
      req.setTimeout(idleMs, () =>
        req.destroy(new KubeError(0, 'Timeout', `WATCH ${path}: no data for ${idleMs} ms`)),
      );
      req.on('error', (err) => {
        if (signal.aborted) resolve();
        else
          reject(
            err instanceof KubeError
              ? err
              : new KubeError(0, 'ConnectionError', `WATCH ${path}: ${err.message}`),
          );
      });
      req.end();
    });
  }

  return {
    get: <T>(path: string, query?: Query) => call<T>('GET', path, undefined, undefined, query),
    list: (path, query) => call<ObjectList>('GET', path, undefined, undefined, query),
    watch,
    create: <T>(path: string, body: unknown) => call<T>('POST', path, body),
    replace: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    patch: <T>(path: string, body: unknown, type: PatchType) =>
      call<T>('PATCH', path, body, CONTENT_TYPE[type]),
    delete: async (path) => {
      await call('DELETE', path);
    },
  };
}

/** Clients acting as a user, by their bearer token, on the kubeconfig's cluster (one shared pool). */
export function userKubeApis(kc: KubeConfig): (token: string) => KubeApi {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  return (token) => createKubeApi(kc, { bearerToken: token, agent });
}

function toError(status: number, text: string, method: string, path: string): KubeError {
  let reason = 'Unknown';
  let message = text.slice(0, 500);
  try {
    const s = JSON.parse(text) as { reason?: string; message?: string };
    reason = s.reason ?? reason;
    message = s.message ?? message;
  } catch {}
  return new KubeError(status, reason, `${method} ${path}: ${status} ${message}`);
}
