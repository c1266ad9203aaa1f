import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { jwtHmacKey } from '../crypto/hmac';
import type { SubjectKind } from '../store/records';

/** Who a verified session token bills. */
export interface Caller {
  /** The billed subject: the `org_id` claim when present, else `sub`. */
  subject: string;
  kind: SubjectKind;
  /** The user (`sub`) who made the request. */
  user: string;
}

/** How session tokens are checked: a shared HS256 secret, or a JWKS URL (RS256 / ES256). */
export type AuthOptions = { secret: string } | { jwksUrl: string };

const CACHE_MAX = 10_000;

/**
 * Builds the session-token check. Verified tokens are remembered for up to 60 s (never
 * past their `exp`), so a hot path such as `GET /subscription` does not re-verify the
 * same signature thousands of times a second.
 */
export function createTokenVerifier(auth: AuthOptions, clock: () => Date): (token: string) => Promise<Caller | null> {
  // WebCrypto refuses a zero-length HMAC key asynchronously, which would surface as an
  // unhandled rejection at start-up rather than as an error of this call.
  if ('secret' in auth && (typeof auth.secret !== 'string' || auth.secret === '')) {
    throw new TypeError('auth.secret must be a non-empty string (the HS256 secret session tokens are signed with).');
  }
  const key: Promise<CryptoKey> | JWTVerifyGetKey =
    'secret' in auth ? jwtHmacKey(auth.secret) : createRemoteJWKSet(new URL(auth.jwksUrl));
  const algorithms = 'secret' in auth ? ['HS256'] : ['RS256', 'ES256'];
  const cache = new Map<string, { caller: Caller; until: number }>();

  return async (token) => {
    const nowMs = clock().getTime();
    const hit = cache.get(token);
    if (hit) {
      if (hit.until > nowMs) return hit.caller;
      cache.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, (key instanceof Promise ? await key : key) as CryptoKey, {
        algorithms,
        currentDate: new Date(nowMs),
      });
      if (typeof payload.sub !== 'string' || payload.sub === '') return null;
      const org = payload.org_id;
      const caller: Caller =
        typeof org === 'string' && org !== ''
          ? { subject: org, kind: 'org', user: payload.sub }
          : { subject: payload.sub, kind: 'user', user: payload.sub };
      const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : Infinity;
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(token, { caller, until: Math.min(exp, nowMs + 60_000) });
      return caller;
    } catch {
      return null;
    }
  };
}
