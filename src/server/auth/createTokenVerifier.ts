import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { jwtHmacKey } from '../crypto/hmac';
import { unstorableReason } from '../routes/validation';
import type { SubjectKind } from '../store/records';
import { subjectKey } from '../subjectKey';

/** Who a verified session token bills. */
export interface Caller {
  /**
   * The billed subject as the store names it ({@link subjectKey}): `org:<org_id>` when
   * the claim is present, else `user:<sub>`.
   */
  subject: string;
  kind: SubjectKind;
  /** The billed subject's plain id, as the token names it (`org_id` or `sub`). */
  id: string;
  /** The user (`sub`) who made the request. */
  user: string;
  /**
   * Set for a token with the claim `billkit_dev: "operator"` signed with the proxy's own dev
   * key (`billkit-proxy clock` mints it with the data folder's key; `POST /api/dev/token`
   * never does): the dev clock's advance then lists every subject's events. The claim counts
   * only on the dev routes, and only from a verifier made with `{ operator: true }` over the
   * dev key: an identity provider's token carrying it is an ordinary subject's token.
   */
  operator?: true;
}

/**
 * How session tokens are checked: a shared HS256 secret, or a JWKS URL (RS256 / ES256).
 * A token must carry `exp`; `maxTokenAge` (seconds) also accepts one without `exp` but
 * with an `iat` at most that old. Without it (the default) such tokens are refused, since
 * they would otherwise be valid forever.
 */
export type AuthOptions = ({ secret: string } | { jwksUrl: string }) & { maxTokenAge?: number };

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
export function createTokenVerifier(
  auth: AuthOptions,
  clock: () => Date,
  options: {
    /**
     * Operator tokens only: a token without the claim `billkit_dev: "operator"` is refused,
     * one with it is a {@link Caller.operator}. Without this the claim is ignored.
     */
    operator?: boolean;
  } = {},
): (token: string) => Promise<Caller | null> {
  // WebCrypto refuses a zero-length HMAC key asynchronously, which would surface as an
  // unhandled rejection at start-up rather than as an error of this call.
  if ('secret' in auth && (typeof auth.secret !== 'string' || auth.secret === '')) {
    throw new TypeError('auth.secret must be a non-empty string (the HS256 secret session tokens are signed with).');
  }
  const key: Promise<CryptoKey> | JWTVerifyGetKey =
    'secret' in auth ? jwtHmacKey(auth.secret) : createRemoteJWKSet(new URL(auth.jwksUrl));
  const algorithms = 'secret' in auth ? ['HS256'] : ['RS256', 'ES256'];
  const cache = new Map<string, { caller: Caller; until: number }>();
  const maxAgeMs = auth.maxTokenAge !== undefined ? auth.maxTokenAge * 1000 : null;
  if (maxAgeMs !== null && !(Number.isFinite(maxAgeMs) && maxAgeMs > 0)) {
    throw new TypeError('auth.maxTokenAge must be a positive number of seconds.');
  }

  /** Until when a verified token is good: its `exp`, or `iat` + the max age; null = refused. */
  const validUntil = (payload: { exp?: unknown; iat?: unknown }, nowMs: number): number | null => {
    if (typeof payload.exp === 'number') return payload.exp * 1000;
    if (maxAgeMs === null || typeof payload.iat !== 'number') return null;
    const until = payload.iat * 1000 + maxAgeMs;
    // An iat in the future (beyond a minute of clock skew) is as suspect as no iat.
    return until > nowMs && payload.iat * 1000 <= nowMs + 60_000 ? until : null;
  };

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
          ? { subject: subjectKey('org', org), kind: 'org', id: org, user: payload.sub }
          : { subject: subjectKey('user', payload.sub), kind: 'user', id: payload.sub, user: payload.sub };
      if (options.operator) {
        if (payload.billkit_dev !== 'operator') return null;
        caller.operator = true;
      }
      const exp = validUntil(payload, nowMs);
      if (exp === null) return null;
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(token, { caller, until: Math.min(exp, nowMs + 60_000) });
      return caller;
    } catch {
      return null;
    }
  };
}
