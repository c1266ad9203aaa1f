import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStripeProcessor } from '../../src/server/processor/stripe';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { startFakeStripeApi, type FakeStripeApi } from './stripeFakeApi';

const WEBHOOK_SECRET = 'whsec_billkit_test_secret';
const stripeHelpers = new Stripe('sk_test_unused');

let fake: FakeStripeApi;
let proxy: TestProxy;
let userCount = 0;

beforeAll(async () => {
  fake = await startFakeStripeApi();
  proxy = await startTestProxy({
    processor: createStripeProcessor({
      secretKey: 'sk_test_billkit',
      publishableKey: 'pk_test_billkit',
      webhookSecret: WEBHOOK_SECRET,
      config: { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 },
    }),
  });
});
afterAll(async () => {
  await proxy?.close();
  await fake?.close();
});

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

/** An event envelope as Stripe documents it (`object: "event"`), for `data.object`. */
function stripeEvent(type: string, object: Record<string, unknown>) {
  return {
    id: `evt_test_${Math.random().toString(36).slice(2, 14)}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  };
}

/** POSTs an event to /webhooks/stripe signed like Stripe does (`t=…,v1=…` over "t.payload"). */
async function deliver(event: unknown, options: { secret?: string; tamper?: boolean; signature?: string | null } = {}) {
  const payload = JSON.stringify(event);
  const header =
    options.signature !== undefined
      ? options.signature
      : stripeHelpers.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET });
  const res = await proxy.fetch('/webhooks/stripe', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(header === null ? {} : { 'Stripe-Signature': header }) },
    body: options.tamper ? payload.replace('"livemode":false', '"livemode":true') : payload,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

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
