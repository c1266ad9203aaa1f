import { hmacSha256Hex, randomId, timingSafeEqual } from '../crypto/hmac';

/** How long a checkout session (and its signed id) stays valid. */
export const CHECKOUT_SESSION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Signs a checkout session id. The result, `sess_<random>.<expUnix>.<hex HMAC>`, is the
 * `session_id` handed to the browser: the HMAC-SHA256 covers the id, the expiry and the
 * subject, so a session id is only valid for the subject it was made for and only until
 * it expires, and it cannot be forged without the signing secret.
 */
export async function signCheckoutSession(input: {
  secret: string;
  subject: string;
  expiresAt: Date;
  /** The unsigned id (`sess_…`); a new random one when omitted. */
  id?: string;
}): Promise<string> {
  const id = input.id ?? randomId('sess', 24);
  const exp = Math.floor(input.expiresAt.getTime() / 1000);
  const sig = await hmacSha256Hex(input.secret, `${id}.${exp}.${input.subject}`);
  return `${id}.${exp}.${sig}`;
}

/** The parts of a signed session id, before any check. `null` when it is not shaped like one. */
export function parseCheckoutSessionId(sessionId: string): { id: string; exp: number; sig: string } | null {
  const match = /^(sess_[A-Za-z0-9]{8,64})\.(\d{1,12})\.([0-9a-f]{64})$/.exec(sessionId);
  if (!match) return null;
  return { id: match[1]!, exp: Number(match[2]), sig: match[3]! };
}

/** Why a signed session id was refused. */
export type CheckoutSessionRejection = 'malformed' | 'bad_signature' | 'expired';

/**
 * Verifies a signed session id for `subject`: shape, signature (constant time) and
 * expiry. Returns the unsigned id and expiry, or the reason it was refused.
 */
export async function verifyCheckoutSession(
  sessionId: string,
  options: { secret: string; subject: string; now?: Date },
): Promise<{ ok: true; id: string; expiresAt: Date } | { ok: false; reason: CheckoutSessionRejection }> {
  const parts = parseCheckoutSessionId(sessionId);
  if (!parts) return { ok: false, reason: 'malformed' };
  const expected = await hmacSha256Hex(options.secret, `${parts.id}.${parts.exp}.${options.subject}`);
  if (!timingSafeEqual(expected, parts.sig)) return { ok: false, reason: 'bad_signature' };
  const expiresAt = new Date(parts.exp * 1000);
  if ((options.now ?? new Date()).getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, id: parts.id, expiresAt };
}
