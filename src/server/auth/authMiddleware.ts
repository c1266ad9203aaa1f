import type { MiddlewareHandler } from 'hono';
import { ProxyError } from '../errors';
import { timingSafeEqual } from '../crypto/hmac';
import type { Caller } from './createTokenVerifier';

/** What the auth middleware puts on the context. */
export type AuthVariables = { caller: Caller | null; apiKey: boolean };

const unauthorized = () =>
  new ProxyError(401, 'unauthorized', 'A valid session token is required (Authorization: Bearer <token>).');

/** The bearer token of a request, or null. */
function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/**
 * Requires a valid session token or the server API key on every request it guards;
 * anything else is a 401 `unauthorized`. Routes that need a subject read it with
 * {@link callerOf}, which refuses the API key.
 */
export function authMiddleware(options: {
  verify: (token: string) => Promise<Caller | null>;
  apiKey?: string;
}): MiddlewareHandler<{ Variables: AuthVariables }> {
  return bearerAuth(options.apiKey, (token) => options.verify(token));
}

/**
 * The Bearer check both guards share: preflights pass, no token is a 401, the API key is a
 * caller-less request, and any other token must name a caller through `identify` (null: 401).
 */
function bearerAuth(
  apiKey: string | undefined,
  identify: (token: string, c: { req: { method: string; path: string } }) => Promise<Caller | null>,
): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw unauthorized();
    if (apiKey && timingSafeEqual(token, apiKey)) {
      c.set('caller', null);
      c.set('apiKey', true);
      return next();
    }
    const caller = await identify(token, c);
    if (!caller) throw unauthorized();
    c.set('caller', caller);
    c.set('apiKey', false);
    return next();
  };
}

/** The user-token caller of a request; the API key alone does not name a subject, so it is a 401 here. */
export function callerOf(c: { get(key: 'caller'): Caller | null }): Caller {
  const caller = c.get('caller');
  if (!caller) throw new ProxyError(401, 'unauthorized', 'This endpoint takes a user session token, not the API key.');
  return caller;
}

const noDevRoute = (c: { req: { method: string; path: string } }) =>
  new ProxyError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`);

/**
 * Guards `/api/dev/*`. The server API key and operator tokens (`verifyOperator`: the claim
 * `billkit_dev: "operator"` signed with the proxy's own dev key, as `billkit-proxy clock`
 * sends it) always pass. Subject tokens pass only with `subjects` (full dev mode, the dev
 * keys): otherwise, with a real identity provider, a customer's token gets the same 404 as
 * a proxy without dev routes, so it can neither move the clock nor tell that there is one.
 * No token, or (in dev mode) an invalid one, is a 401.
 */
export function devAuthMiddleware(options: {
  verify: (token: string) => Promise<Caller | null>;
  verifyOperator: ((token: string) => Promise<Caller | null>) | null;
  subjects: boolean;
  apiKey?: string;
}): MiddlewareHandler<{ Variables: AuthVariables }> {
  return bearerAuth(options.apiKey, async (token, c) => {
    const operator = options.verifyOperator ? await options.verifyOperator(token) : null;
    if (!operator && !options.subjects) throw noDevRoute(c);
    return operator ?? (await options.verify(token));
  });
}
