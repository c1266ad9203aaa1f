/** The proxy's hosted checkout page as a browser without JavaScript uses it: a plain form POST. */
import type { TestProxy } from './proxy';
import { as } from './http';

/** A form POST of `fields` to the hosted page, not following its 303. */
export const hostedForm = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
  redirect: 'manual' as const,
});

/** The card fields of the hosted page for `number` (expiry 12 / 34, CVC 123). */
export const hostedCard = (number: string) => ({ card_number: number, card_exp: '12 / 34', card_cvc: '123', postal_code: '94105' });

/**
 * `user` (of `org`) opens a hosted checkout of Pro monthly (`body` adds to or replaces the
 * request) and pays it with 4242 on the hosted page. Answers the page's response (a 303
 * to the success URL when paid).
 */
export async function payHostedCheckout(proxy: TestProxy, user: string, org?: string, body: Record<string, unknown> = {}): Promise<Response> {
  const { body: session } = await as(proxy, user, org).post('/checkout', {
    price_id: 'price_pro_monthly',
    success_url: 'https://app.example.com/billing/success?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://app.example.com/pricing',
    ...body,
  });
  return proxy.fetch(session.checkout_url, hostedForm(hostedCard('4242 4242 4242 4242')));
}
