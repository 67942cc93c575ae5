// The web console (express): Catalog, Usage, Fleet and Access as server-rendered HTML, and the
// same data as JSON under /api/. Nothing answers without a Kubernetes identity: the API takes
// `Authorization: Bearer <token>`, the browser a sealed session cookie set by the sign-in form;
// either way a TokenReview checks the token and SubjectAccessReviews scope every view per
// namespace (auth.ts). Pages carry no script; a strict Content Security Policy forbids any.
// Off by default; `kubectl port-forward` to the operator is the documented way in.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { KubeApi } from '../kube/api.ts';
import { closeNow, listen } from '../listen.ts';
import type { Logger } from '../log.ts';
import { accessData, accessPage, decide, parseDecision } from './access.ts';
import type { Authorizer, User } from './auth.ts';
import { catalogData, catalogPage } from './catalog.ts';
import { fleetData, fleetPage } from './fleet.ts';
import type { UsageHistory } from './history.ts';
import { type Html, html } from './html.ts';
import { CSS, notice, type PageContext, page, VIEWS, type View } from './layout.ts';
import { loginPage } from './login.ts';
import { readCookie, SESSION_MS, Sessions, sessionCookie } from './session.ts';
import { usageData, usagePage } from './usage.ts';
import { type ConsoleSources, Forbidden, type ViewContext } from './view.ts';

export interface ConsoleOptions {
  authz: Authorizer;
  sources: ConsoleSources;
  /** A Kubernetes client acting as the user (decisions are written with the user's own token). */
  asUser(token: string): KubeApi;
  history: UsageHistory;
  log: Logger;
  /** Serve HTTPS with this certificate (the session cookie is then Secure). */
  tls?: { cert: string; key: string };
  now?: () => number;
}

export interface ConsoleServer {
  listen(port: number, host?: string): Promise<number>;
  setTls(tls: { cert: string; key: string }): void;
  close(): Promise<void>;
}

const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

interface Who {
  user: User;
  token: string;
  /** The session cookie (browser only). */
  cookie?: string;
}

export function createConsoleServer(o: ConsoleOptions): ConsoleServer {
  const sessions = new Sessions(o.now);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    res.set({
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      // Not no-referrer: Chrome then sends `Origin: null` on the console's own form posts.
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
      ...(req.secure ? { 'strict-transport-security': 'max-age=31536000' } : {}),
    });
    next();
  });
  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 });
  const json = express.json({ limit: '16kb' });

  // --- public: the stylesheet and signing in -----------------------------------------------------
  app.get('/console.css', (_req, res) => {
    res.type('text/css').send(CSS);
  });
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.get('/login', (_req, res) => sendHtml(res, 200, loginPage()));
  app.post('/login', form, async (req, res) => {
    if (crossSite(req)) return sendHtml(res, 403, loginPage('Sign-in must come from this console.'));
    const token = typeof req.body?.token === 'string' ? req.body.token.trim() : '';
    const result = await o.authz.authenticate(token || undefined);
    if (!result.ok) return sendHtml(res, 401, loginPage(`Not signed in: ${result.reason}.`));
    const now = (o.now ?? Date.now)();
    const until = Math.min(now + SESSION_MS, result.user.expiresAt ?? Number.POSITIVE_INFINITY);
    res.set('set-cookie', sessionCookie(sessions.seal(token, until), req.secure, until - now));
    o.log.info({ user: result.user.username }, 'console sign-in');
    res.redirect(303, '/catalog');
  });

  // --- everything else needs an identity ----------------------------------------------------------
  app.use(async (req, res, next) => {
    const api = req.path.startsWith('/api/');
    const cookie = api ? undefined : readCookie(req.headers.cookie);
    const token = api ? bearer(req.headers.authorization) : sessions.open(cookie);
    const result = await o.authz.authenticate(token);
    if (!result.ok) {
      if (api) {
        res.set('www-authenticate', 'Bearer');
        return sendError(res, 401, 'unauthenticated', result.reason);
      }
      if (cookie) res.set('set-cookie', sessionCookie('', req.secure));
      return sendHtml(res, 401, loginPage(cookie ? 'Your session has ended: sign in again.' : undefined));
    }
    res.locals.who = { user: result.user, token: token!, cookie } satisfies Who;
    // A browser's state-changing request must carry the session's CSRF token and come from here.
    if (!api && req.method !== 'GET' && req.method !== 'HEAD') {
      form(req, res, (err?: unknown) => {
        if (err) return next(err);
        if (crossSite(req) || !sessions.checkCsrf(cookie!, req.body?._csrf))
          return sendHtml(
            res,
            403,
            page({
              title: 'Refused',
              body: htmlText(
                'The form was not sent from this console session (CSRF check failed). Reload the page and try again.',
              ),
            }),
          );
        next();
      });
      return;
    }
    next();
  });

  const who = (res: Response) => res.locals.who as Who;
  const ctxOf = (res: Response, namespace?: string): ViewContext => ({
    user: who(res).user,
    authz: o.authz,
    sources: o.sources,
    ...(namespace ? { namespace } : {}),
  });
  const pageCtx = (res: Response): PageContext => ({
    username: who(res).user.username,
    csrf: sessions.csrf(who(res).cookie ?? ''),
  });

  app.get('/', (_req, res) => res.redirect(303, '/catalog'));
  app.get('/api/whoami', (_req, res) => {
    const { username, groups } = who(res).user;
    res.json({ username, groups });
  });

  // One JSON API and one page per view, from the same data.
  const views: Record<
    View,
    {
      load(ctx: ViewContext): Promise<unknown>;
      namespaces(data: any): string[];
      render(data: any, all: string[], selected: string | undefined, res: Response): Html;
    }
  > = {
    catalog: {
      load: catalogData,
      namespaces: (d: Awaited<ReturnType<typeof catalogData>>) => d.namespaces.map((n) => n.namespace),
      render: (d, all, sel) => catalogPage(d, all, sel),
    },
    usage: {
      load: (ctx) => usageData(ctx, o.history),
      namespaces: (d: Awaited<ReturnType<typeof usageData>>) => d.quotas.map((q) => q.namespace),
      render: (d, all, sel) => usagePage(d, all, sel),
    },
    fleet: {
      load: fleetData,
      namespaces: (d: Awaited<ReturnType<typeof fleetData>>) => [
        ...d.sidecars.map((s) => s.namespace),
        ...d.routes.map((r) => r.namespace),
      ],
      render: (d, all, sel) => fleetPage(d, all, sel),
    },
    access: {
      load: accessData,
      namespaces: (d: Awaited<ReturnType<typeof accessData>>) =>
        d.requests.flatMap((r) => [r.namespace, r.provider.namespace]),
      render: (d, all, sel, res) => accessPage(d, pageCtx(res).csrf, all, sel),
    },
  };

  for (const { view, title } of VIEWS) {
    const v = views[view];
    app.get(`/api/${view}`, async (req, res) => {
      const ns = namespaceParam(req);
      if (ns === null) return sendError(res, 400, 'invalid_request', 'namespace must be a namespace name');
      try {
        res.json(await v.load(ctxOf(res, ns)));
      } catch (err) {
        if (err instanceof Forbidden) return sendError(res, 403, 'forbidden', err.message);
        throw err;
      }
    });
    app.get(`/${view}`, async (req, res) => {
      const ns = namespaceParam(req);
      const shell = (status: number, body: Html) =>
        sendHtml(res, status, page({ title, view, ctx: pageCtx(res), body }));
      if (ns === null) return shell(400, htmlText('The namespace parameter is not a namespace name.'));
      try {
        const all = v.load(ctxOf(res)).then((d) => [...new Set(v.namespaces(d))].sort());
        const data = await v.load(ctxOf(res, ns));
        shell(200, v.render(data, await all, ns, res));
      } catch (err) {
        if (err instanceof Forbidden) return shell(403, htmlText(`Not allowed: ${err.message}.`, true));
        throw err;
      }
    });
  }

  // Decisions on access requests, written with the user's own token.
  const decision = async (req: Request, res: Response) => {
    const { namespace, name } = req.params as { namespace: string; name: string };
    if (!NAMESPACE.test(namespace) || !/^[a-z0-9]([-.a-z0-9]{0,251}[a-z0-9])?$/.test(name))
      return { status: 400, message: 'not an access request name' };
    const parsed = parseDecision(req.body);
    if (typeof parsed === 'string') return { status: 400, message: parsed };
    const { user, token } = who(res);
    const result = await decide(o.asUser(token), user, namespace, name, parsed);
    o.log.info(
      { user: user.username, request: `${namespace}/${name}`, phase: parsed.phase, ok: result.ok },
      'console access decision',
    );
    return result.ok
      ? { status: 200, message: `${namespace}/${name}: ${parsed.phase}.`, request: result.request }
      : { status: result.status, message: `${namespace}/${name} was not changed: ${result.message}` };
  };
  app.post('/api/access/:namespace/:name/decision', json, async (req, res) => {
    const r = await decision(req, res);
    if (r.status === 200) return res.json(r.request);
    sendError(res, r.status, r.status === 403 ? 'forbidden' : 'invalid_request', r.message);
  });
  app.post('/access/:namespace/:name/decision', async (req, res) => {
    const r = await decision(req, res);
    const shell = (status: number, body: Html) =>
      sendHtml(res, status, page({ title: 'Access', view: 'access', ctx: pageCtx(res), body }));
    try {
      const data = await accessData(ctxOf(res));
      const all = [...new Set(views.access.namespaces(data))].sort();
      shell(
        r.status,
        accessPage(data, pageCtx(res).csrf, all, undefined, {
          kind: r.status === 200 ? 'ok' : 'error',
          text: r.message,
        }),
      );
    } catch (err) {
      if (err instanceof Forbidden)
        return shell(r.status === 200 ? 403 : r.status, htmlText(r.message, true));
      throw err;
    }
  });

  app.post('/logout', (req, res) => {
    res.set('set-cookie', sessionCookie('', req.secure));
    res.redirect(303, '/login');
  });

  app.use((req, res) => {
    if (req.path.startsWith('/api/'))
      return sendError(res, 404, 'not_found', `no such API path: ${req.path}`);
    sendHtml(
      res,
      404,
      page({ title: 'Not found', ctx: pageCtx(res), body: htmlText('There is no such page.') }),
    );
  });
  app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
    o.log.error({ err: err.message, path: req.path }, 'console request failed');
    if (res.headersSent) return void res.end();
    if (req.path.startsWith('/api/'))
      return sendError(res, 500, 'internal_error', 'the console failed; see the operator log');
    sendHtml(
      res,
      500,
      page({ title: 'Error', body: htmlText('The console failed; see the operator log.', true) }),
    );
  });

  const server: Server | HttpsServer = o.tls ? createHttpsServer({ ...o.tls }, app) : createHttpServer(app);
  return {
    listen: (port, host = '127.0.0.1') => listen(server, port, host),
    setTls: (tls) => {
      if ('setSecureContext' in server) server.setSecureContext({ ...tls });
    },
    close: () => closeNow(server as Server),
  };
}

const htmlText = (text: string, alert = false): Html =>
  alert ? notice('error', text) : html`<p>${text}</p>`;

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}

/** A request another site caused (a form posted from elsewhere). */
function crossSite(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** ?namespace=: undefined when absent, null when it is no namespace name. */
function namespaceParam(req: Request): string | undefined | null {
  const ns = req.query.namespace;
  if (ns === undefined || ns === '') return undefined;
  return typeof ns === 'string' && NAMESPACE.test(ns) ? ns : null;
}

function sendHtml(res: Response, status: number, body: Html): void {
  res.status(status).type('text/html; charset=utf-8').send(body.value);
}

/** OpenAI-style error JSON, like every other AIMesh API. */
function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({
    error: {
      message,
      type: status === 401 || status === 403 ? 'permission_error' : 'invalid_request_error',
      code,
    },
  });
}
