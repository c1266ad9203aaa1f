/** The lifecycle tests' vocabulary: subscribe through the embedded checkout, move the dev clock, read what came of it. */
import type { TestProxy } from './proxy';
import { as } from './http';

/** Stripe's test cards the lifecycle tests pay with. */
export const CARDS = {
  visa: '4242424242424242',
  /** Attaches, but every charge on it is declined. */
  chargeFails: '4000000000000341',
} as const;

/** Subscribes `user` (or, with `org`, that org) through an embedded checkout paid with `card`; returns the confirm answer. */
export async function subscribe(
  proxy: TestProxy,
  user: string,
  options: { price_id?: string; card?: string; trial_days?: number; promotion_code?: string; org?: string } = {},
) {
  const client = as(proxy, user, options.org);
  const { body: session, status } = await client.post('/checkout', {
    price_id: options.price_id ?? 'price_starter_monthly',
    success_url: 'https://app.example.com/ok',
    cancel_url: 'https://app.example.com/no',
    ui_mode: 'embedded',
    ...(options.trial_days ? { trial_days: options.trial_days } : {}),
    ...(options.promotion_code ? { promotion_code: options.promotion_code } : {}),
  });
  if (status !== 200) throw new Error(`checkout failed: ${JSON.stringify(session)}`);
  return client.post(`/checkout/${session.session_id}/confirm`, {
    client_secret: session.client_secret,
    card: { number: options.card ?? CARDS.visa, exp_month: 12, exp_year: 2099, cvc: '123' },
  });
}

/**
 * `POST /api/dev/clock/advance` with an operator token, as `billkit-proxy clock` sends it:
 * the answer lists every subject's events. With `user`, as that subject (its own events only).
 */
export function advance(proxy: TestProxy, body: { seconds: number } | { to: string }, user?: string) {
  const caller = user ? as(proxy, user) : as({ ...proxy, tokenFor: (id) => proxy.tokenFor(id, undefined, true) }, 'billkit_operator');
  return caller.post('/api/dev/clock/advance', body);
}

/** Days as seconds, for `advance`. */
export const days = (n: number) => ({ seconds: n * 86_400 });

/** The caller's subscription (`GET /subscription`). */
export async function subscriptionOf(proxy: TestProxy, user: string) {
  return (await as(proxy, user).get('/subscription')).body.subscription;
}

/** All the caller's invoices, oldest first. */
export async function invoicesOf(proxy: TestProxy, user: string) {
  return ((await as(proxy, user).get('/invoices?limit=100')).body.invoices as any[]).slice().reverse();
}
