/**
 * The placeholder a success URL may carry, replaced by the checkout's session id when the
 * customer is sent back (as Stripe does): `https://app.example/done?session_id={CHECKOUT_SESSION_ID}`.
 */
export const CHECKOUT_SESSION_ID = '{CHECKOUT_SESSION_ID}';

/** `url` with every {@link CHECKOUT_SESSION_ID} replaced by the URL-encoded `sessionId`. */
export function withCheckoutSessionId(url: string, sessionId: string): string {
  return url.split(CHECKOUT_SESSION_ID).join(encodeURIComponent(sessionId));
}
