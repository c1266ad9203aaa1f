import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { jwtHmacKey } from '../crypto/hmac';
import { unstorableReason } from '../routes/validation';
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
const SUBJECT_ID_MAX = 200;

/** A `sub` / `org_id` claim the store can hold: a non-empty string, at most 200 characters, no controls. */
function isSubjectId(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= SUBJECT_ID_MAX && unstorableReason(value) === null;
}

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
      if (!isSubjectId(payload.sub)) return null;
      const org = payload.org_id;
      // A present but malformed org_id is refused rather than ignored: ignoring it would
      // bill the user for what the identity provider meant for an org.
      if (org !== undefined && !isSubjectId(org)) return null;
      const caller: Caller =
        org !== undefined
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
