import { parseCheckoutSessionId, verifyCheckoutSession } from '../checkout/checkoutSessionSignature';
import { Conflict, Forbidden } from '../domainErrors';
import type { BillingContext } from './BillingContext';
import { fulfilCheckout } from './fulfilCheckout';

const forbidden = () =>
  new Forbidden('forbidden', 'The checkout session signature is invalid or expired, or the session is not yours.');

/**
 * `POST /api/v1/billing/activate`: verifies the signed session id (HMAC-SHA256 and
 * expiry) and puts its subject on the paid plan. `subject` is the caller's when a user
 * token was sent, `null` for the server API key (the subject then comes from the
 * session). A forged, expired, unknown or foreign session is `Forbidden` and changes
 * nothing; a session not paid yet is a `Conflict` `checkout_not_paid`. Safe to repeat: the
 * checkout is fulfilled at most once.
 */
export async function activateCheckout(ctx: BillingContext, sessionId: string, subject: string | null): Promise<{ success: true }> {
  const parts = parseCheckoutSessionId(sessionId);
  if (!parts) throw forbidden();
  const row = await ctx.store.getCheckoutSession(parts.id);
  if (!row) throw forbidden();
  const verdict = await verifyCheckoutSession(sessionId, { secret: ctx.signingSecret, subject: row.subject, now: ctx.now() });
  if (!verdict.ok) throw forbidden();
  if (subject !== null && row.subject !== subject) throw forbidden();
  if (!row.paid_at) throw new Conflict('checkout_not_paid', 'This checkout session has not been paid yet.');
  if (!row.fulfilled_at) await fulfilCheckout(ctx, row.id, row.payment_id);
  if (!row.activated_at) await ctx.store.updateCheckoutSession(row.id, { activated_at: ctx.now() });
  return { success: true };
}
