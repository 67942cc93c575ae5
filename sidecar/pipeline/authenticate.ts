// authenticate: who the end user is. The body's user / safety_identifier are kept as sent (guards
// may mask them later). When the snapshot's routes declare authentication.jwt, the end user's JWT is
// verified before routing, so rules (matches[].claims) and quota keys (per.claim) can use its
// claims. The token comes from Authorization: Bearer (x-api-key for Anthropic SDKs); both are
// credential headers the sidecar strips, so the token never travels upstream.
//   - a token that verifies             -> call.claims
//   - a JWT that does not verify        -> 401 in the app's dialect (expired, bad signature, ...)
//   - no token, or an opaque API key    -> no claims; a route with required: true answers 401
import { looksLikeJwt } from '../auth/jwt.ts';
import { unauthenticated } from './errors.ts';
import type { Step } from './step.ts';

/** The first credential that looks like a JWT: Authorization: Bearer, then x-api-key. */
function token(headers: { authorization?: string; 'x-api-key'?: string | string[] }): string | undefined {
  const bearer = headers.authorization ? /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization)?.[1] : undefined;
  if (bearer !== undefined && looksLikeJwt(bearer)) return bearer;
  const key = headers['x-api-key'];
  return typeof key === 'string' && looksLikeJwt(key) ? key : undefined;
}

export const authenticate: Step = async (call, next) => {
  if (call.hasBody) {
    const user = call.field('user');
    const safetyIdentifier = call.field('safety_identifier');
    if (user !== undefined || safetyIdentifier !== undefined)
      call.endUser = { user, safety_identifier: safetyIdentifier };
  }
  const verifier = call.runtime.jwt;
  if (!verifier) return next();
  // SDKs insist on some API key ("unused", "sk-..."): only something shaped like a JWT is checked.
  const jwt = token(call.req.headers);
  if (jwt === undefined) return next();
  const result = verifier.verify(jwt);
  if (!result.ok) throw unauthenticated(result.reason);
  call.claims = result.claims;
  return next();
};
