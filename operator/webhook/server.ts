// The mutating admission webhook (HTTPS, default port 9443). /inject answers every AdmissionReview
// with allowed: true — injection is a convenience, never a gate — plus the JSONPatch when the pod
// should get the sidecar; errors are logged and answered without a patch, the same outcome the
// apiserver gives with failurePolicy Ignore. /access is a gate (access.ts, failurePolicy Fail):
// it records who asked for and who decided on an AIAccessRequest, and refuses what it must.
import { createServer, type Server } from 'node:https';
import { closeNow, listen, type TlsServer } from '../listen.ts';
import type { Logger } from '../log.ts';
import { type AccessAdmission, type Authorize, admitAccessRequest } from './access.ts';
import { buildInjectionPatch, type InjectionConfig, injectionDecision, type Pod } from './inject.ts';

export const INJECT_PATH = '/inject';
export const ACCESS_PATH = '/access';
const MAX_BODY = 8 * 1024 * 1024;

export interface WebhookOptions {
  tls: { cert: string; key: string };
  /** Namespace labels (from the cache, else the API); undefined when unknown. */
  namespaceLabels: (namespace: string) => Promise<Record<string, string> | undefined>;
  /** Read per request: the CA bundle can rotate. */
  config: () => InjectionConfig;
  log: Logger;
  onReview?: (result: 'injected' | 'skipped' | 'error') => void;
  /** SubjectAccessReview for access decisions; absent, /access refuses every decision. */
  authorize?: Authorize;
  now?: () => Date;
}

interface AdmissionRequest {
  uid: string;
  kind?: { kind?: string };
  namespace?: string;
  operation?: string;
  object?: Pod;
  dryRun?: boolean;
}

const refuseAll: Authorize = async () => ({
  allowed: false,
  reason: 'the operator runs without authorization',
});

export type WebhookServer = TlsServer<Server>;

export function createWebhookServer(opts: WebhookOptions): WebhookServer {
  const { log } = opts;
  const server = createServer({ cert: opts.tls.cert, key: opts.tls.key }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    if (req.method !== 'POST' || (path !== INJECT_PATH && path !== ACCESS_PATH)) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', async () => {
      let review: { apiVersion?: string; request?: AdmissionRequest };
      try {
        review = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"not an AdmissionReview"}');
        return;
      }
      const request = review.request;
      if (!request?.uid) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"no request.uid"}');
        return;
      }
      const response = path === ACCESS_PATH ? await admitAccess(request) : await admit(request);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          apiVersion: review.apiVersion ?? 'admission.k8s.io/v1',
          kind: 'AdmissionReview',
          response,
        }),
      );
    });
  });

  async function admit(request: AdmissionRequest): Promise<Record<string, unknown>> {
    const allowed = { uid: request.uid, allowed: true };
    const pod = request.object;
    const where = { namespace: request.namespace, pod: pod?.metadata?.name ?? pod?.metadata?.generateName };
    try {
      if (request.kind?.kind !== 'Pod' || request.operation !== 'CREATE' || !pod) return allowed;
      const labels = request.namespace ? await opts.namespaceLabels(request.namespace) : undefined;
      const decision = injectionDecision(pod, labels);
      if (!decision.inject) {
        opts.onReview?.('skipped');
        log.debug({ ...where, reason: decision.reason }, 'not injecting');
        return allowed;
      }
      const patch = buildInjectionPatch(pod, opts.config());
      if (patch.length === 0) return allowed;
      opts.onReview?.('injected');
      log.info(where, 'injecting the sidecar');
      return {
        ...allowed,
        patchType: 'JSONPatch',
        patch: Buffer.from(JSON.stringify(patch)).toString('base64'),
      };
    } catch (err) {
      opts.onReview?.('error');
      log.error({ ...where, err: (err as Error).message }, 'injection failed; admitting the pod unchanged');
      return allowed;
    }
  }

  async function admitAccess(request: AdmissionRequest): Promise<Record<string, unknown>> {
    const r = request as unknown as AccessAdmission;
    const where = {
      namespace: request.namespace,
      name: r.object?.metadata?.name,
      user: r.userInfo?.username,
      operation: r.operation,
      subResource: r.subResource,
    };
    try {
      const verdict = await admitAccessRequest(r, opts.authorize ?? refuseAll, opts.now);
      if (!verdict.allowed) {
        log.info({ ...where, reason: verdict.message }, 'access request change refused');
        return {
          uid: request.uid,
          allowed: false,
          status: {
            code: verdict.code,
            reason: verdict.code === 403 ? 'Forbidden' : 'Invalid',
            message: verdict.message,
          },
        };
      }
      if (verdict.patch.length === 0) return { uid: request.uid, allowed: true };
      if (r.subResource === 'status')
        log.info(
          { ...where, phase: (r.object?.status as { phase?: string })?.phase },
          'access decision recorded',
        );
      return {
        uid: request.uid,
        allowed: true,
        patchType: 'JSONPatch',
        patch: Buffer.from(JSON.stringify(verdict.patch)).toString('base64'),
      };
    } catch (err) {
      // A gate fails closed: the apiserver refuses the change (failurePolicy Fail does the same).
      log.error({ ...where, err: (err as Error).message }, 'access admission failed; refusing');
      return {
        uid: request.uid,
        allowed: false,
        status: {
          code: 503,
          reason: 'ServiceUnavailable',
          message: `access check failed: ${(err as Error).message}`,
        },
      };
    }
  }

  return {
    server,
    listen: (port, host = '0.0.0.0') => listen(server, port, host),
    setTls: (tls) => server.setSecureContext({ cert: tls.cert, key: tls.key }),
    close: () => closeNow(server),
  };
}
