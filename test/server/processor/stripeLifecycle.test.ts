import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestProxy } from '../../helpers/proxy';
import { as } from '../../helpers/http';
import { advance, days } from '../../helpers/lifecycle';
import type { FakeStripeApi } from '../../helpers/stripeFakeApi';
import { deliverStripeEvent, startStripeProxy, stripeEvent, type StripeProxy } from '../../helpers/stripeProxy';

const WEBHOOK_SECRET = 'whsec_billkit_lifecycle';
const SUBJECT = 'user_stripe_dunning';

let stripe: StripeProxy;
let fake: FakeStripeApi;
let proxy: TestProxy;

beforeAll(async () => {
  stripe = await startStripeProxy({ webhookSecret: WEBHOOK_SECRET });
  ({ proxy, fake } = stripe);
});
afterAll(() => stripe?.close());

async function deliver(event: unknown) {
  return (await deliverStripeEvent(proxy, event, { secret: WEBHOOK_SECRET })).json as { outcome: string };
}

const start = Math.floor(Date.now() / 1000);
function stripeSubscription(checkoutId: string, extra: Record<string, unknown> = {}) {
  return {
    id: 'sub_test_dunning',
    object: 'subscription',
    customer: 'cus_test_dunning',
    status: 'active',
    cancel_at_period_end: false,
    canceled_at: null,
    trial_end: null,
    metadata: { billkit_checkout: checkoutId, billkit_subject: SUBJECT, billkit_price: 'price_pro_monthly' },
    items: {
      object: 'list',
      data: [{ id: 'si_test_d', object: 'subscription_item', quantity: 1, current_period_start: start, current_period_end: start + 30 * 86400 }],
      has_more: false,
      url: '/v1/subscription_items?subscription=sub_test_dunning',
    },
    ...extra,
  };
}

function renewalInvoice(id: string, extra: Record<string, unknown>, periodStart = start + 30 * 86400) {
  return {
    id,
    object: 'invoice',
    billing_reason: 'subscription_cycle',
    status: 'open',
    amount_due: 2900,
    amount_paid: 0,
    subtotal: 2900,
    total_discount_amounts: [],
    currency: 'usd',
    created: periodStart,
    period_start: periodStart,
    period_end: periodStart,
    attempt_count: 1,
    next_payment_attempt: periodStart + 3 * 86400,
    parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_test_dunning', metadata: {} } },
    lines: {
      object: 'list',
      has_more: false,
      url: `/v1/invoices/${id}/lines`,
      data: [{ id: `il_${id}`, object: 'line_item', amount: 2900, quantity: 1, description: 'Pro', period: { start: periodStart, end: periodStart + 30 * 86400 } }],
    },
    ...extra,
  };
}

/** Billkit's outbox events (type and object id), oldest first. */
async function outbox() {
  const events = await proxy.store.dueWebhookEvents(new Date(Date.now() + 365 * 86_400_000), 10_000);
  return events.map((e) => JSON.parse(e.payload) as { type: string; data: { object: { id: string; status: string } } });
}

describe('Stripe processor: Stripe runs renewals and dunning, the proxy mirrors them', () => {
  it('charges nothing itself; mirrors invoice.payment_failed, past_due, the paying retry and uncollectible', async () => {
    const client = as(proxy, SUBJECT);
    const { body: session } = await client.post('/checkout', {
      price_id: 'price_pro_monthly',
      success_url: 'https://app.example.com/ok',
      cancel_url: 'https://app.example.com/no',
      ui_mode: 'embedded',
    });
    const checkoutId = session.session_id.split('.')[0];
    expect((await deliver(stripeEvent('customer.subscription.created', stripeSubscription(checkoutId)))).outcome).toBe('applied');
    const sub = (await client.get('/subscription')).body.subscription;
    expect(sub.status).toBe('active');

    // The dev clock passes the period end: Stripe's subscription is not the scheduler's to renew.
    const requestsBefore = fake.requests.length;
    const advanced = await advance(proxy, days(40), SUBJECT);
    expect(advanced.body.events.filter((e: { subject: string }) => e.subject === SUBJECT)).toEqual([]);
    expect(fake.requests.length).toBe(requestsBefore);
    expect((await client.get('/invoices')).body.invoices).toHaveLength(1);

    const seen = (await outbox()).length;
    expect((await deliver(stripeEvent('invoice.payment_failed', renewalInvoice('in_test_failed', {})))).outcome).toBe('applied');
    await deliver(stripeEvent('customer.subscription.updated', stripeSubscription(checkoutId, { status: 'past_due' })));
    expect((await client.get('/subscription')).body.subscription.status).toBe('past_due');
    const invoices = (await client.get('/invoices')).body.invoices;
    expect(invoices[0]).toMatchObject({ id: 'in_test_failed', status: 'open', amount_due: 2900, amount_paid: 0 });

    // Stripe's retry pays it.
    await deliver(stripeEvent('invoice.paid', renewalInvoice('in_test_failed', { status: 'paid', amount_paid: 2900, attempt_count: 2 })));
    await deliver(stripeEvent('customer.subscription.updated', stripeSubscription(checkoutId, { status: 'active' })));
    expect((await client.get('/invoices')).body.invoices[0]).toMatchObject({ id: 'in_test_failed', status: 'paid', amount_paid: 2900 });
    expect((await client.get('/subscription')).body.subscription.status).toBe('active');

    // Another renewal fails until Stripe gives up and marks it uncollectible.
    await deliver(stripeEvent('invoice.payment_failed', renewalInvoice('in_test_lost', {}, start + 60 * 86400)));
    await deliver(stripeEvent('invoice.marked_uncollectible', renewalInvoice('in_test_lost', { status: 'uncollectible', next_payment_attempt: null }, start + 60 * 86400)));
    expect((await client.get('/invoices')).body.invoices.find((i: { id: string }) => i.id === 'in_test_lost')).toMatchObject({ status: 'uncollectible' });

    const mirrored = (await outbox()).slice(seen).map((e) => [e.type, e.data.object.id, e.data.object.status]);
    expect(mirrored).toEqual([
      ['invoice.payment_failed', 'in_test_failed', 'open'],
      ['subscription.updated', sub.id, 'past_due'],
      ['invoice.paid', 'in_test_failed', 'paid'],
      ['subscription.updated', sub.id, 'active'],
      ['invoice.payment_failed', 'in_test_lost', 'open'],
      ['invoice.marked_uncollectible', 'in_test_lost', 'uncollectible'],
    ]);
  });
});
