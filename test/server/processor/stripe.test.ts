import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStripeProcessor } from '../../../src/server/processor/stripe';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import type { FakeStripeApi } from '../../helpers/stripeFakeApi';
import { deliverStripeEvent, startStripeProxy, stripeEvent, type StripeProxy } from '../../helpers/stripeProxy';
import { saveSubscription } from '../../../src/server/billing/saveSubscription';

const WEBHOOK_SECRET = 'whsec_billkit_test_secret';

let stripe: StripeProxy;
let fake: FakeStripeApi;
let proxy: TestProxy;
let userCount = 0;
/** Failed processor-job attempts (the plan switch's cancellation of the old Stripe subscription). */
const jobErrors: string[] = [];

beforeAll(async () => {
  // Short retries, so a failed Stripe call is tried again within the test.
  stripe = await startStripeProxy({ webhookSecret: WEBHOOK_SECRET, processorJobs: { retryBaseMs: 50, pollMs: 20, onError: (_id, error) => jobErrors.push(error) } });
  ({ proxy, fake } = stripe);
});
afterAll(() => stripe?.close());

async function call<T = Record<string, unknown>>(token: string, method: string, path: string, body?: unknown) {
  const res = await proxy.fetch(`${proxy.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

const newUser = () => proxy.tokenFor(`user_stripe_${++userCount}`);
const checkoutBody = (extra: Record<string, unknown> = {}) => ({
  price_id: 'price_pro_monthly',
  success_url: 'https://app.example.com/billing/return?session_id={CHECKOUT_SESSION_ID}',
  cancel_url: 'https://app.example.com/pricing',
  ...extra,
});
/** The checkout row id inside a signed session id (`sess_….<exp>.<sig>`). */
const rowIdOf = (sessionId: string) => sessionId.split('.')[0]!;
const lastRequest = (method: string, path: string) => [...fake.requests].reverse().find((r) => r.method === method && r.path === path);

/** POSTs an event to /webhooks/stripe signed with the proxy's webhook secret (or `options.secret`). */
const deliver = (event: unknown, options: { secret?: string; tamper?: boolean; signature?: string | null } = {}) =>
  deliverStripeEvent(proxy, event, { ...options, secret: options.secret ?? WEBHOOK_SECRET });

function stripeSubscription(id: string, checkoutId: string, subject: string, extra: Record<string, unknown> = {}) {
  const start = Math.floor(Date.now() / 1000);
  return {
    id,
    object: 'subscription',
    customer: 'cus_test_1',
    status: 'active',
    cancel_at_period_end: false,
    canceled_at: null,
    trial_end: null,
    metadata: { billkit_checkout: checkoutId, billkit_subject: subject, billkit_price: 'price_pro_monthly' },
    items: {
      object: 'list',
      data: [{ id: 'si_test_1', object: 'subscription_item', quantity: 1, current_period_start: start, current_period_end: start + 30 * 86400 }],
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    ...extra,
  };
}

describe('Stripe processor: POST /checkout', () => {
  it('hosted: creates a Stripe Checkout Session in subscription mode and answers its url', async () => {
    const token = await newUser();
    const { status, json } = await call<{ checkout_url: string; session_id: string }>(
      token,
      'POST',
      '/checkout',
      checkoutBody({ promotion_code: 'SAVE20', trial_days: 14 }),
    );
    expect(status).toBe(200);
    expect(json.checkout_url).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_/);

    const price = lastRequest('POST', '/v1/prices');
    expect(price?.body).toMatchObject({
      lookup_key: 'price_pro_monthly',
      currency: 'usd',
      unit_amount: '2900',
      recurring: { interval: 'month' },
      product_data: { name: 'Pro' },
    });
    expect(lastRequest('POST', '/v1/coupons')?.body).toMatchObject({ id: 'billkit_SAVE20', percent_off: '20', duration: 'forever' });
    const session = lastRequest('POST', '/v1/checkout/sessions')!;
    expect(session.headers['idempotency-key']).toBe(`billkit-checkout-${rowIdOf(json.session_id)}`);
    expect(session.body).toMatchObject({
      mode: 'subscription',
      client_reference_id: rowIdOf(json.session_id),
      line_items: { '0': { quantity: '1' } },
      success_url: `https://app.example.com/billing/return?session_id=${encodeURIComponent(json.session_id)}`,
      cancel_url: 'https://app.example.com/pricing',
      discounts: { '0': { coupon: 'billkit_SAVE20' } },
      subscription_data: { trial_period_days: '14', metadata: { billkit_checkout: rowIdOf(json.session_id) } },
    });
    expect((session.body.line_items as Record<string, Record<string, string>>)['0']!.price).toMatch(/^price_/);
  });

  it('embedded: creates an incomplete subscription and answers its PaymentIntent secret with the publishable key', async () => {
    const { status, json } = await call(await newUser(), 'POST', '/checkout', checkoutBody({ ui_mode: 'embedded' }));
    expect(status).toBe(200);
    expect(json).toMatchObject({ processor: 'stripe', publishable_key: 'pk_test_billkit' });
    expect(json.client_secret).toMatch(/^pi_\w+_secret_\w+$/);
    const created = lastRequest('POST', '/v1/subscriptions')!;
    expect(created.body).toMatchObject({
      payment_behavior: 'default_incomplete',
      payment_settings: { save_default_payment_method: 'on_subscription' },
      expand: { '0': 'latest_invoice.confirmation_secret', '1': 'pending_setup_intent' },
    });
    expect(created.body.customer).toMatch(/^cus_/);
    // One Stripe price per Billkit price: found again by lookup key, not created twice.
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/prices')).toHaveLength(1);
  });

  it('seats: the Stripe subscription item (hosted line item) carries the quantity', async () => {
    const embedded = await call(await newUser(), 'POST', '/checkout', checkoutBody({ ui_mode: 'embedded', price_id: 'price_team_monthly', quantity: 5 }));
    expect(embedded.status).toBe(200);
    expect(lastRequest('POST', '/v1/subscriptions')!.body).toMatchObject({ items: { '0': { quantity: '5' } } });
    expect(lastRequest('POST', '/v1/prices')!.body).toMatchObject({ lookup_key: 'price_team_monthly', unit_amount: '1200' });
    const hosted = await call(await newUser(), 'POST', '/checkout', checkoutBody({ price_id: 'price_team_monthly', quantity: 3 }));
    expect(hosted.status).toBe(200);
    expect(lastRequest('POST', '/v1/checkout/sessions')!.body).toMatchObject({ line_items: { '0': { quantity: '3' } } });
  });

  it('embedded with a trial: answers the SetupIntent secret (nothing to pay today)', async () => {
    const { json } = await call(await newUser(), 'POST', '/checkout', checkoutBody({ ui_mode: 'embedded', trial_days: 7 }));
    expect(json.client_secret).toMatch(/^seti_\w+_secret_\w+$/);
  });

  it('answers 502 processor_error when Stripe refuses, with nothing left open', async () => {
    const broken = await startTestProxy({
      processor: createStripeProcessor({ secretKey: 'rk_wrong', config: { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 } }),
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await broken.fetch(`${broken.baseUrl}/checkout`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await broken.tokenFor('user_free')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(checkoutBody()),
      });
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({ error: { code: 'processor_error', message: 'Stripe refused the checkout: Invalid API Key provided.' } });
      // The operator's log says why, without the key.
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('StripeAuthenticationError (401)'));
      expect(JSON.stringify(logged.mock.calls)).not.toContain('rk_wrong');
    } finally {
      logged.mockRestore();
      await broken.close();
    }
  });
});

describe('Stripe processor: POST /webhooks/stripe', () => {
  it('checkout.session.completed creates the subscription and its first invoice, once per event id', async () => {
    const token = await newUser();
    const { json } = await call<{ session_id: string }>(token, 'POST', '/checkout', checkoutBody());
    const event = stripeEvent('checkout.session.completed', {
      id: 'cs_test_completed_1',
      object: 'checkout.session',
      mode: 'subscription',
      status: 'complete',
      payment_status: 'paid',
      client_reference_id: rowIdOf(json.session_id),
      subscription: 'sub_test_hosted_1',
      customer: 'cus_test_1',
      amount_total: 2900,
      currency: 'usd',
      metadata: { billkit_checkout: rowIdOf(json.session_id) },
    });
    expect(await deliver(event)).toEqual({ status: 200, json: { received: true, outcome: 'applied' } });
    const sub = await call<{ subscription: { status: string; plan: { id: string } } }>(token, 'GET', '/subscription');
    expect(sub.json.subscription).toMatchObject({ status: 'active', plan: { id: 'plan_pro' } });
    const summary = await call(token, 'GET', `/checkout/${encodeURIComponent(json.session_id)}`);
    expect(summary.json).toMatchObject({ status: 'complete' });
    expect(summary.json.subscription_id).toBeTruthy();

    // Stripe retries deliveries: the same event id changes nothing more.
    expect((await deliver(event)).json).toEqual({ received: true, outcome: 'duplicate' });
    const invoices = await call<{ invoices: { amount_paid: number }[] }>(token, 'GET', '/invoices');
    expect(invoices.json.invoices).toHaveLength(1);
    expect(invoices.json.invoices[0]!.amount_paid).toBe(2900);
  });

  it('customer.subscription.updated / deleted keep cancellation and status in step', async () => {
    const token = await newUser();
    const subject = `user_stripe_${userCount}`;
    const { json } = await call<{ session_id: string }>(token, 'POST', '/checkout', checkoutBody());
    const checkoutId = rowIdOf(json.session_id);
    // The embedded flow: the subscription going active is what completes the checkout.
    expect((await deliver(stripeEvent('customer.subscription.created', stripeSubscription('sub_test_life', checkoutId, subject)))).json.outcome).toBe('applied');
    expect((await call<{ subscription: { status: string } }>(token, 'GET', '/subscription')).json.subscription.status).toBe('active');

    await deliver(stripeEvent('customer.subscription.updated', stripeSubscription('sub_test_life', checkoutId, subject, { cancel_at_period_end: true })));
    expect((await call<{ subscription: { cancel_at_period_end: boolean } }>(token, 'GET', '/subscription')).json.subscription.cancel_at_period_end).toBe(true);

    const ended = Math.floor(Date.now() / 1000);
    await deliver(
      stripeEvent('customer.subscription.deleted', stripeSubscription('sub_test_life', checkoutId, subject, { status: 'canceled', canceled_at: ended })),
    );
    const entitlements = await call<{ plan: string | null; status: string | null }>(token, 'GET', '/entitlements');
    expect(entitlements.json.status === 'canceled' || entitlements.json.plan === null).toBe(true);
  });

  it('invoice.paid: the first invoice fulfils an embedded checkout; a renewal adds a Stripe invoice', async () => {
    const token = await newUser();
    const subject = `user_stripe_${userCount}`;
    const { json } = await call<{ session_id: string }>(token, 'POST', '/checkout', checkoutBody({ ui_mode: 'embedded' }));
    const checkoutId = rowIdOf(json.session_id);
    const now = Math.floor(Date.now() / 1000);
    const invoice = (id: string, reason: string, start: number) => ({
      id,
      object: 'invoice',
      billing_reason: reason,
      status: 'paid',
      amount_due: 2900,
      amount_paid: 2900,
      subtotal: 2900,
      total_discount_amounts: [],
      currency: 'usd',
      created: start,
      period_start: start,
      period_end: start,
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: 'sub_test_embedded', metadata: { billkit_checkout: checkoutId, billkit_subject: subject } },
      },
      lines: {
        object: 'list',
        has_more: false,
        url: `/v1/invoices/${id}/lines`,
        data: [{ id: `il_${id}`, object: 'line_item', amount: 2900, quantity: 1, description: '1 × Pro (at $29.00 / month)', period: { start, end: start + 30 * 86400 } }],
      },
    });
    expect((await deliver(stripeEvent('invoice.paid', invoice('in_test_first', 'subscription_create', now)))).json.outcome).toBe('applied');
    expect((await call(token, 'GET', `/checkout/${encodeURIComponent(json.session_id)}`)).json.status).toBe('complete');

    const renewal = await deliver(stripeEvent('invoice.paid', invoice('in_test_renewal', 'subscription_cycle', now + 30 * 86400)));
    expect(renewal.json.outcome).toBe('applied');
    const invoices = await call<{ invoices: { id: string }[] }>(token, 'GET', '/invoices');
    expect(invoices.json.invoices.map((i) => i.id)).toContain('in_test_renewal');
    expect(invoices.json.invoices).toHaveLength(2);
    const pdf = await proxy.fetch(`${proxy.baseUrl}/invoices/in_test_renewal/pdf`, { headers: { Authorization: `Bearer ${token}` } });
    expect(pdf.status).toBe(200);
  });

  it('refuses a bad, foreign or missing Stripe-Signature with 400 and writes nothing', async () => {
    const token = await newUser();
    const { json } = await call<{ session_id: string }>(token, 'POST', '/checkout', checkoutBody());
    const event = stripeEvent('checkout.session.completed', {
      id: 'cs_test_forged',
      object: 'checkout.session',
      mode: 'subscription',
      payment_status: 'paid',
      client_reference_id: rowIdOf(json.session_id),
      subscription: 'sub_test_forged',
    });
    for (const attempt of [{ tamper: true }, { secret: 'whsec_someone_else' }, { signature: null }, { signature: 't=1,v1=deadbeef' }]) {
      const res = await deliver(event, attempt);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ error: { code: 'signature_invalid', message: 'The Stripe-Signature header does not match the payload.' } });
    }
    expect((await call(token, 'GET', '/subscription')).json).toEqual({ subscription: null });
    expect((await call(token, 'GET', `/checkout/${encodeURIComponent(json.session_id)}`)).json.status).toBe('open');
  });
});

/** Billkit's outbox events about one subscription, oldest first. */
async function outboxFor(subscriptionId: string) {
  const events = await proxy.store.dueWebhookEvents(new Date(Date.now() + 365 * 86_400_000), 10_000);
  return events
    .map((e) => JSON.parse(e.payload) as { type: string; data: { object: { id?: string; cancel_at_period_end?: boolean; status?: string } } })
    .filter((e) => e.data.object.id === subscriptionId);
}

type WireSub = { id: string; status: string; cancel_at_period_end: boolean };

/** A subject whose live subscription Stripe created (embedded flow: the subscription went active). */
async function subscribedOnStripe(name: string) {
  const token = await newUser();
  const subject = `user_stripe_${userCount}`;
  const { json } = await call<{ session_id: string }>(token, 'POST', '/checkout', checkoutBody({ ui_mode: 'embedded' }));
  const stripeId = `sub_test_${name}_${userCount}`;
  const object: Record<string, unknown> = stripeSubscription(stripeId, rowIdOf(json.session_id), subject);
  fake.objects.set(stripeId, object);
  expect((await deliver(stripeEvent('customer.subscription.created', object))).json.outcome).toBe('applied');
  const current = (await call<{ subscription: WireSub }>(token, 'GET', '/subscription')).json.subscription;
  expect(current.status).toBe('active');
  // Creation may also write a subscription.updated (Stripe's exact period); count from here.
  const baseline = (await outboxFor(current.id)).length;
  const newEvents = async () => (await outboxFor(current.id)).slice(baseline).map((e) => e.type);
  return { token, stripeId, object, id: current.id, newEvents };
}

/** The proxy's Stripe requests about one subscription, skipping the checkout's own. */
const requestsFor = (stripeId: string) => fake.requests.filter((r) => r.path.startsWith(`/v1/subscriptions/${stripeId}`));

describe('Stripe processor: cancel / resume change the Stripe subscription first', () => {
  it('cancel at period end sets cancel_at_period_end in Stripe, then records it; Stripe’s echo adds no event', async () => {
    const { token, stripeId, object, id, newEvents } = await subscribedOnStripe('period_end');
    const res = await call<{ subscription: WireSub }>(token, 'POST', '/subscription/cancel', { at_period_end: true });
    expect(res.status).toBe(200);
    expect(res.json.subscription).toMatchObject({ id, status: 'active', cancel_at_period_end: true });
    const sent = requestsFor(stripeId);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1/subscriptions/${stripeId}`]);
    expect(sent[0]!.body).toEqual({ cancel_at_period_end: 'true' });
    expect((await call<{ subscription: WireSub }>(token, 'GET', '/subscription')).json.subscription.cancel_at_period_end).toBe(true);

    // Stripe's customer.subscription.updated for the same change: applied, nothing new written.
    const echo = await deliver(stripeEvent('customer.subscription.updated', object));
    expect(echo.json.outcome).toBe('applied');
    expect(await newEvents()).toEqual(['subscription.canceled']);

    // Asking again changes nothing and does not bother Stripe.
    expect((await call<{ subscription: WireSub }>(token, 'POST', '/subscription/cancel', { at_period_end: true })).json.subscription.cancel_at_period_end).toBe(true);
    expect(requestsFor(stripeId)).toHaveLength(1);
  });

  it('resume of a pending cancellation sends cancel_at_period_end=false', async () => {
    const { token, stripeId, object, id, newEvents } = await subscribedOnStripe('resume');
    await call(token, 'POST', '/subscription/cancel', { at_period_end: true });
    const res = await call<{ subscription: WireSub }>(token, 'POST', '/subscription/resume', {});
    expect(res.status).toBe(200);
    expect(res.json.subscription).toMatchObject({ id, status: 'active', cancel_at_period_end: false });
    expect(requestsFor(stripeId).map((r) => r.body)).toEqual([{ cancel_at_period_end: 'true' }, { cancel_at_period_end: 'false' }]);
    await deliver(stripeEvent('customer.subscription.updated', object));
    expect(await newEvents()).toEqual(['subscription.canceled', 'subscription.updated']);
  });

  it('cancel now deletes the Stripe subscription; the subscription shows canceled', async () => {
    const { token, stripeId, object, id, newEvents } = await subscribedOnStripe('now');
    const res = await call<{ subscription: WireSub }>(token, 'POST', '/subscription/cancel', { at_period_end: false });
    expect(res.status).toBe(200);
    expect(res.json.subscription).toMatchObject({ id, status: 'canceled', cancel_at_period_end: false });
    expect(requestsFor(stripeId).map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /v1/subscriptions/${stripeId}`]);
    expect((await call<{ subscription: WireSub | null }>(token, 'GET', '/subscription')).json.subscription?.status ?? 'canceled').toBe('canceled');
    expect((await call(token, 'GET', '/entitlements')).json).toMatchObject({ plan: null });
    // customer.subscription.deleted follows: no second subscription.canceled.
    expect((await deliver(stripeEvent('customer.subscription.deleted', object))).json.outcome).toBe('applied');
    expect(await newEvents()).toEqual(['subscription.canceled']);
  });

  it('resume of a paused subscription calls POST /v1/subscriptions/:id/resume', async () => {
    const { token, stripeId, object, id } = await subscribedOnStripe('paused');
    object.status = 'paused';
    await deliver(stripeEvent('customer.subscription.updated', object));
    expect((await call<{ subscription: WireSub }>(token, 'GET', '/subscription')).json.subscription.status).toBe('paused');
    const res = await call<{ subscription: WireSub }>(token, 'POST', '/subscription/resume', {});
    expect(res.json.subscription).toMatchObject({ id, status: 'active' });
    expect(requestsFor(stripeId).map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1/subscriptions/${stripeId}/resume`]);
  });

  for (const [status, error, expected] of [
    [500, { type: 'api_error', message: 'Something went wrong on Stripe’s end.' }, 'Stripe refused to cancel the subscription: Something went wrong on Stripe’s end.'],
    [402, { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' }, 'Stripe refused to cancel the subscription: Your card was declined.'],
  ] as const) {
    it(`Stripe answering ${status}: 502 processor_error, nothing written`, async () => {
      const { token, id } = await subscribedOnStripe(`fail${status}`);
      const before = (await call(token, 'GET', '/subscription')).json;
      const outboxBefore = await outboxFor(id);
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        for (const body of [{ at_period_end: true }, { at_period_end: false }]) {
          fake.failNext(status, error);
          const res = await call(token, 'POST', '/subscription/cancel', body);
          expect(res).toEqual({ status: 502, json: { error: { code: 'processor_error', message: expected } } });
        }
      } finally {
        logged.mockRestore();
      }
      expect((await call(token, 'GET', '/subscription')).json).toEqual(before);
      expect(await outboxFor(id)).toEqual(outboxBefore);
    });
  }

  it('a refused resume is a 502 too and leaves the pending cancellation', async () => {
    const { token } = await subscribedOnStripe('resume_fail');
    await call(token, 'POST', '/subscription/cancel', { at_period_end: true });
    fake.failNext(500, { type: 'api_error', message: 'Something went wrong.' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await call(token, 'POST', '/subscription/resume', {});
      expect(res).toEqual({ status: 502, json: { error: { code: 'processor_error', message: 'Stripe refused to resume the subscription: Something went wrong.' } } });
    } finally {
      logged.mockRestore();
    }
    expect((await call<{ subscription: WireSub }>(token, 'GET', '/subscription')).json.subscription.cancel_at_period_end).toBe(true);
  });

  it('Stripe unreachable: 502 processor_error saying so', async () => {
    const unreachable = await startTestProxy({
      processor: createStripeProcessor({ secretKey: 'sk_test_billkit', config: { host: '127.0.0.1', port: 9, protocol: 'http', maxNetworkRetries: 0 } }),
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // A Stripe id recorded directly: no Stripe is reachable to create one.
      const current = await unreachable.store.findCurrentSubscription('user:user_pro', new Date());
      await saveSubscription(unreachable.store, current!, { processor_ref: 'sub_test_unreachable' });
      const token = await unreachable.tokenFor('user_pro');
      const res = await unreachable.fetch(`${unreachable.baseUrl}/subscription/cancel`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ at_period_end: true }),
      });
      expect(res.status).toBe(502);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('processor_error');
      expect(body.error.message).toMatch(/^Stripe could not be reached to cancel the subscription/);
      const after = await unreachable.store.findCurrentSubscription('user:user_pro', new Date());
      expect(after).toMatchObject({ status: 'active', cancel_at_period_end: false });
    } finally {
      logged.mockRestore();
      await unreachable.close();
    }
  });

  it('a subscription without a Stripe id (seeded, test-era) changes in the store only', async () => {
    const token = await proxy.tokenFor('user_pro');
    const sent = fake.requests.length;
    const res = await call<{ subscription: WireSub }>(token, 'POST', '/subscription/cancel', { at_period_end: true });
    expect(res.json.subscription.cancel_at_period_end).toBe(true);
    expect((await call<{ subscription: WireSub }>(token, 'POST', '/subscription/resume', {})).json.subscription.cancel_at_period_end).toBe(false);
    expect(fake.requests.length).toBe(sent);
  });
});

describe('Stripe processor: a plan switch cancels the old Stripe subscription', () => {
  /** A second checkout for the same subject, fulfilled by Stripe's webhook (the new subscription went active). */
  async function switchPlans(token: string, name: string) {
    const { json } = await call<{ session_id: string }>(token, 'POST', '/checkout', checkoutBody({ ui_mode: 'embedded', price_id: 'price_pro_annual' }));
    const subject = `user_stripe_${userCount}`;
    const stripeId = `sub_test_${name}_new_${userCount}`;
    const object: Record<string, unknown> = stripeSubscription(stripeId, rowIdOf(json.session_id), subject);
    fake.objects.set(stripeId, object);
    return { stripeId, object, fulfil: () => deliver(stripeEvent('customer.subscription.created', object)) };
  }
  const pendingJobs = async () => proxy.store.dueProcessorJobs(new Date(Date.now() + 365 * 86_400_000), 1000);
  const deletes = (stripeId: string) => requestsFor(stripeId).filter((r) => r.method === 'DELETE');

  it('DELETEs the old Stripe subscription after the switch; Stripe’s deleted webhook adds nothing and leaves the new one', async () => {
    const old = await subscribedOnStripe('switch');
    const next = await switchPlans(old.token, 'switch');
    expect((await next.fulfil()).json.outcome).toBe('applied');

    const current = (await call<{ subscription: WireSub & { plan: { id: string }; interval?: string } }>(old.token, 'GET', '/subscription')).json.subscription;
    expect(current.id).not.toBe(old.id);
    expect(current.status).toBe('active');
    await vi.waitFor(() => expect(deletes(old.stripeId)).toHaveLength(1), { timeout: 3000, interval: 20 });
    await vi.waitFor(async () => expect(await pendingJobs()).toEqual([]), { timeout: 3000, interval: 20 });
    // Only the old subscription was touched in Stripe.
    expect(requestsFor(next.stripeId)).toEqual([]);
    expect(old.object.status).toBe('canceled');
    expect(await old.newEvents()).toEqual(['subscription.canceled']);
    const newEventsBefore = (await outboxFor(current.id)).map((e) => e.type);

    // A late `updated` from before the cancellation (still active) must not revive the old one.
    const stale = { ...old.object, status: 'active', canceled_at: null };
    expect((await deliver(stripeEvent('customer.subscription.updated', stale))).json.outcome).toBe('ignored');
    // Stripe's customer.subscription.deleted for the old one: recorded, no second event.
    expect((await deliver(stripeEvent('customer.subscription.deleted', old.object))).json.outcome).toBe('applied');
    expect(await old.newEvents()).toEqual(['subscription.canceled']);
    expect((await outboxFor(current.id)).map((e) => e.type)).toEqual(newEventsBefore);
    expect((await call<{ subscription: WireSub }>(old.token, 'GET', '/subscription')).json.subscription).toMatchObject({ id: current.id, status: 'active' });
    expect((await proxy.store.getSubscription(old.id))?.status).toBe('canceled');
    expect(deletes(old.stripeId)).toHaveLength(1);
  });

  it('Stripe failing the first DELETE: the job is retried until Stripe cancels it', async () => {
    const old = await subscribedOnStripe('switch_retry');
    const next = await switchPlans(old.token, 'switch_retry');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const errorsBefore = jobErrors.length;
    try {
      // Fulfilment itself calls no Stripe API: the next request is the job's DELETE.
      fake.failNext(500, { type: 'api_error', message: 'Something went wrong on Stripe’s end.' });
      expect((await next.fulfil()).json.outcome).toBe('applied');
      // The switch is not held up by Stripe: the new subscription is live at once.
      expect((await call<{ subscription: WireSub }>(old.token, 'GET', '/subscription')).json.subscription.id).not.toBe(old.id);
      await vi.waitFor(() => expect(deletes(old.stripeId).length).toBeGreaterThanOrEqual(2), { timeout: 3000, interval: 20 });
      await vi.waitFor(async () => expect(await pendingJobs()).toEqual([]), { timeout: 3000, interval: 20 });
    } finally {
      logged.mockRestore();
    }
    expect(jobErrors.slice(errorsBefore)).toEqual(['Stripe refused to cancel the subscription: Something went wrong on Stripe’s end.']);
    expect(deletes(old.stripeId)).toHaveLength(2);
    expect(old.object.status).toBe('canceled');
    expect(await old.newEvents()).toEqual(['subscription.canceled']);
  });

  it('an old subscription Stripe already ended counts as canceled (no endless retries)', async () => {
    const old = await subscribedOnStripe('switch_ended');
    // Canceled in Stripe's Dashboard; its webhook has not reached the proxy.
    Object.assign(old.object, { status: 'canceled', canceled_at: Math.floor(Date.now() / 1000) });
    const next = await switchPlans(old.token, 'switch_ended');
    const errorsBefore = jobErrors.length;
    expect((await next.fulfil()).json.outcome).toBe('applied');
    await vi.waitFor(async () => expect(await pendingJobs()).toEqual([]), { timeout: 3000, interval: 20 });
    expect(requestsFor(old.stripeId).map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /v1/subscriptions/${old.stripeId}`,
      `GET /v1/subscriptions/${old.stripeId}`,
    ]);
    expect(jobErrors.slice(errorsBefore)).toEqual([]);
  });
});

describe('Stripe processor: the proxy’s hosted page for a Stripe session', () => {
  it('an embedded session’s checkout_url says to finish paying in the app, with no card form, and refuses a card POST', async () => {
    const token = await newUser();
    const { json } = await call<{ checkout_url: string; session_id: string }>(token, 'POST', '/checkout', checkoutBody({ ui_mode: 'embedded' }));
    const page = await proxy.fetch(json.checkout_url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-state="elsewhere"');
    expect(html).toContain('Finish paying in the app');
    expect(html).toContain('completed in the secure payment form inside the app');
    expect(html).toContain('href="https://app.example.com/pricing"');
    // Neither the test cards nor card fields: they could never pay a Stripe session.
    expect(html).not.toContain('4242 4242 4242 4242');
    expect(html).not.toContain('name="card_number"');

    const sent = fake.requests.length;
    const posted = await proxy.fetch(json.checkout_url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ card_number: '4242424242424242', card_exp: '12 / 40', card_cvc: '123' }).toString(),
    });
    expect(posted.status).toBe(409);
    expect(await posted.text()).toContain('data-state="elsewhere"');
    expect(fake.requests.length).toBe(sent);
    expect((await call(token, 'GET', `/checkout/${encodeURIComponent(json.session_id)}`)).json.status).toBe('open');
  });
});
