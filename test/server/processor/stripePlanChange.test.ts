import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeProcessor } from '../../../src/server/processor/stripe';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { as, errorBody, FIXED_NOW, fixedClock } from '../../helpers/http';
import { startFakeStripeApi, type FakeStripeApi } from '../../helpers/stripeFakeApi';
import { startNextSchedulePhase } from '../../helpers/stripeFakePlanChange';

const WEBHOOK_SECRET = 'whsec_billkit_plan_change';
const stripeHelpers = new Stripe('sk_test_unused');

let fake: FakeStripeApi;
let proxy: TestProxy;

beforeAll(async () => {
  fake = await startFakeStripeApi();
  proxy = await startTestProxy({
    // The fixed clock is the proration date: 2025-04-11T12:00Z, 19.5 of 30 days (0.65) left
    // of the period Apr 1 → May 1 each subscription below is given.
    now: fixedClock,
    lifecycle: { timer: false },
    processor: createStripeProcessor({
      secretKey: 'sk_test_billkit',
      publishableKey: 'pk_test_billkit',
      webhookSecret: WEBHOOK_SECRET,
      config: { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 },
    }),
    // Nobody listens there: Billkit's own events stay in the outbox, where the tests read them.
    webhook: { url: 'http://127.0.0.1:9/hooks', secret: 'billkit_hook_secret', retryBaseMs: 3_600_000, pollMs: 3_600_000, onError: () => {} },
  });
});
afterAll(async () => {
  await proxy?.close();
  await fake?.close();
});

const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
const APR_1 = unix('2025-04-01T00:00:00Z');
const MAY_1 = unix('2025-05-01T00:00:00Z');
const NOW = Math.floor(FIXED_NOW.getTime() / 1000);

async function deliver(type: string, object: unknown) {
  const payload = JSON.stringify({
    id: `evt_test_${Math.random().toString(36).slice(2, 14)}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: NOW,
    type,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  });
  const header = stripeHelpers.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  const res = await proxy.fetch('/webhooks/stripe', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
    body: payload,
  });
  return ((await res.json()) as { outcome: string }).outcome;
}

/** Billkit's outbox events about `subject`'s subscription and invoices, oldest first. */
async function eventsOf(subject: string) {
  const client = as(proxy, subject);
  const ids = new Set<string>([
    (await client.get('/subscription')).body.subscription.id,
    ...(await client.get('/invoices?limit=100')).body.invoices.map((i: { id: string }) => i.id),
  ]);
  const events = await proxy.store.dueWebhookEvents(new Date(Date.now() + 3650 * 86_400_000), 10_000);
  return events
    .map((e) => JSON.parse(e.payload) as { type: string; data: { object: Record<string, any> } })
    .filter((e) => ids.has(e.data.object.id))
    .map((e) => ({ type: e.type, object: e.data.object }));
}

/**
 * A subject with an active Stripe subscription to `priceId`, made through an embedded
 * checkout and Stripe's `customer.subscription.created`; its period is Apr 1 → May 1 and
 * its customer's default payment method `pm`.
 */
async function stripeSubscriber(subject: string, priceId: string, pm = 'pm_card_visa') {
  const client = as(proxy, subject);
  const { body: session } = await client.post('/checkout', {
    price_id: priceId,
    success_url: 'https://app.example.com/ok',
    cancel_url: 'https://app.example.com/no',
    ui_mode: 'embedded',
  });
  const created = [...fake.requests].reverse().find((r) => r.method === 'POST' && r.path === '/v1/subscriptions')!;
  expect(created.body.metadata).toMatchObject({ billkit_checkout: session.session_id.split('.')[0] });
  const stripeSub = [...fake.objects.values()].filter((o) => o.object === 'subscription').at(-1) as Record<string, any>;
  stripeSub.status = 'active';
  stripeSub.default_payment_method = pm;
  Object.assign(stripeSub.items.data[0], { current_period_start: APR_1, current_period_end: MAY_1 });
  expect(await deliver('customer.subscription.created', stripeSub)).toBe('applied');
  const sub = (await client.get('/subscription')).body.subscription;
  expect(sub).toMatchObject({ status: 'active', price: { id: priceId }, current_period_end: '2025-05-01T00:00:00Z' });
  return { client, stripeSub };
}

const stripePriceOf = (billkitPrice: string) =>
  [...fake.objects.values()].find((o) => o.object === 'price' && o.lookup_key === billkitPrice)?.id as string | undefined;
const requestsSince = (n: number, path: string | RegExp) =>
  fake.requests.slice(n).filter((r) => (typeof path === 'string' ? r.path === path : path.test(r.path)));
const change = (client: ReturnType<typeof as>, price_id: string, key = `k-${Math.random()}`) =>
  client.post('/subscription/change', { price_id }, { 'Idempotency-Key': key });

describe('POST /subscription/preview with Stripe', () => {
  it('mid-period upgrade (Starter → Pro monthly, 0.65 left): Stripe prorates 585 credit, 1885 charge, 1300 due', async () => {
    const { client, stripeSub } = await stripeSubscriber('user_sp_preview_up', 'price_starter_monthly');
    const before = fake.requests.length;
    const res = await client.post('/subscription/preview', { price_id: 'price_pro_monthly' });
    expect(res.status).toBe(200);
    expect(res.body.preview).toEqual({
      price: { id: 'price_pro_monthly', amount: 2900, interval: 'month', currency: 'usd' },
      plan: { id: 'plan_pro', name: 'Pro' },
      effective: 'now',
      quantity: 1,
      lines: [
        { description: 'Unused time on Starter after 11 Apr 2025', amount: -585, period_start: '2025-04-11T12:00:00Z', period_end: '2025-05-01T00:00:00Z', proration: true },
        { description: 'Remaining time on Pro after 11 Apr 2025', amount: 1885, period_start: '2025-04-11T12:00:00Z', period_end: '2025-05-01T00:00:00Z', proration: true },
      ],
      amount_due_today: 1300,
      currency: 'usd',
      next_invoice: { amount: 2900, date: '2025-05-01T00:00:00Z' },
      proration_date: '2025-04-11T12:00:00Z',
    });
    const [previewCall] = requestsSince(before, '/v1/invoices/create_preview');
    expect(previewCall!.body).toEqual({
      subscription: stripeSub.id,
      subscription_details: {
        items: { '0': { id: stripeSub.items.data[0].id, price: stripePriceOf('price_pro_monthly'), quantity: '1' } },
        proration_behavior: 'always_invoice',
        proration_date: String(NOW),
      },
    });
    // A preview changes nothing, there or here.
    expect(stripeSub.items.data[0].price.lookup_key).toBe('price_starter_monthly');
    expect((await client.get('/subscription')).body.subscription.price.id).toBe('price_starter_monthly');
  });

  it('monthly → yearly starts a new yearly period now: 1885 credit, 27840 charged whole, 25955 due', async () => {
    const { client } = await stripeSubscriber('user_sp_preview_year', 'price_pro_monthly');
    const before = fake.requests.length;
    const { body } = await client.post('/subscription/preview', { price_id: 'price_pro_annual' });
    expect(body.preview).toMatchObject({
      effective: 'now',
      lines: [
        { amount: -1885, proration: true, period_end: '2025-05-01T00:00:00Z' },
        { amount: 27840, proration: false, period_start: '2025-04-11T12:00:00Z', period_end: '2026-04-11T12:00:00Z' },
      ],
      amount_due_today: 25955,
      next_invoice: { amount: 27840, date: '2026-04-11T12:00:00Z' },
    });
    expect(requestsSince(before, '/v1/invoices/create_preview')[0]!.body.subscription_details).toMatchObject({ billing_cycle_anchor: { type: 'now' } });
  });

  it('a downgrade waits for the period end and asks Stripe nothing: nothing due, 900 on May 1', async () => {
    const { client } = await stripeSubscriber('user_sp_preview_down', 'price_pro_monthly');
    const before = fake.requests.length;
    const { body } = await client.post('/subscription/preview', { price_id: 'price_starter_monthly' });
    expect(body.preview).toMatchObject({
      effective: 'period_end',
      lines: [{ amount: 900, proration: false, period_start: '2025-05-01T00:00:00Z' }],
      amount_due_today: 0,
      next_invoice: { amount: 900, date: '2025-05-01T00:00:00Z' },
    });
    expect(fake.requests.length).toBe(before);
  });
});

describe('POST /subscription/change with Stripe', () => {
  it("passes the preview's proration_date to subscriptions.update, so Stripe charges what the preview showed", async () => {
    const { client, stripeSub } = await stripeSubscriber('user_sp_change_instant', 'price_starter_monthly');
    const before = fake.requests.length;
    const res = await client.post(
      '/subscription/change',
      { price_id: 'price_pro_monthly', proration_date: '2025-04-11T11:40:00Z' },
      { 'Idempotency-Key': 'instant-1' },
    );
    expect(res.status).toBe(200);
    const [update] = requestsSince(before, `/v1/subscriptions/${stripeSub.id}`).filter((r) => r.method === 'POST');
    expect(update!.body).toMatchObject({ proration_behavior: 'always_invoice', proration_date: String(NOW - 20 * 60) });
  });

  it('an upgrade is subscriptions.update with always_invoice; the store records Stripe’s answer, its webhooks add nothing but the invoice', async () => {
    const subject = 'user_sp_change_up';
    const { client, stripeSub } = await stripeSubscriber(subject, 'price_starter_monthly');
    const before = fake.requests.length;
    const eventsBefore = (await eventsOf(subject)).length;
    const res = await change(client, 'price_pro_monthly', 'upgrade-1');
    expect(res.status).toBe(200);
    expect(res.body.subscription).toMatchObject({
      status: 'active',
      plan: { id: 'plan_pro' },
      price: { id: 'price_pro_monthly' },
      current_period_start: '2025-04-01T00:00:00Z',
      current_period_end: '2025-05-01T00:00:00Z',
      pending_change: null,
    });
    const [update] = requestsSince(before, `/v1/subscriptions/${stripeSub.id}`).filter((r) => r.method === 'POST');
    expect(update!.body).toEqual({
      items: { '0': { id: stripeSub.items.data[0].id, price: stripePriceOf('price_pro_monthly'), quantity: '1' } },
      proration_behavior: 'always_invoice',
      proration_date: String(NOW),
      payment_behavior: 'error_if_incomplete',
    });
    expect(update!.headers['idempotency-key']).toContain('upgrade-1');
    // Stripe charged the proration invoice once, 1300.
    const invoice = fake.objects.get(stripeSub.latest_invoice) as Record<string, any>;
    expect(invoice).toMatchObject({ status: 'paid', amount_paid: 1300, billing_reason: 'subscription_update' });
    expect([...fake.objects.values()].filter((o) => o.object === 'charge' && o.invoice === invoice.id)).toHaveLength(1);

    const added = (await eventsOf(subject)).slice(eventsBefore);
    expect(added.map((e) => e.type)).toEqual(['subscription.updated']);
    expect(added[0]!.object).toMatchObject({ plan: { id: 'plan_pro' }, price: { id: 'price_pro_monthly' } });
    // Stripe's webhooks: the subscription's new state is nothing new; the proration invoice is recorded.
    expect(await deliver('customer.subscription.updated', stripeSub)).toBe('applied');
    expect(await deliver('invoice.paid', invoice)).toBe('applied');
    expect((await eventsOf(subject)).slice(eventsBefore).map((e) => e.type)).toEqual(['subscription.updated', 'invoice.paid']);
    const invoices = (await client.get('/invoices')).body.invoices;
    expect(invoices[0]).toMatchObject({ id: invoice.id, status: 'paid', amount_due: 1300, amount_paid: 1300 });
  });

  it('monthly → yearly sends billing_cycle_anchor now and records the new yearly period', async () => {
    const { client, stripeSub } = await stripeSubscriber('user_sp_change_year', 'price_pro_monthly');
    const before = fake.requests.length;
    const res = await change(client, 'price_pro_annual');
    expect(res.body.subscription).toMatchObject({
      price: { id: 'price_pro_annual', interval: 'year' },
      current_period_start: '2025-04-11T12:00:00Z',
      current_period_end: '2026-04-11T12:00:00Z',
    });
    expect(requestsSince(before, `/v1/subscriptions/${stripeSub.id}`).find((r) => r.method === 'POST')!.body).toMatchObject({ billing_cycle_anchor: { type: 'now' } });
    expect(fake.objects.get(stripeSub.latest_invoice)).toMatchObject({ amount_paid: 25955 });
  });

  it('a declined proration charge is a 402 with Stripe’s decline code, and nothing changed there or here', async () => {
    const subject = 'user_sp_change_declined';
    const { client, stripeSub } = await stripeSubscriber(subject, 'price_starter_monthly', 'pm_card_chargeDeclinedInsufficientFunds');
    const eventsBefore = (await eventsOf(subject)).length;
    const res = await change(client, 'price_pro_monthly');
    expect(res).toMatchObject({ status: 402, body: errorBody('insufficient_funds') });
    expect(stripeSub.items.data[0]).toMatchObject({ price: { lookup_key: 'price_starter_monthly' }, current_period_start: APR_1 });
    expect((await client.get('/subscription')).body.subscription).toMatchObject({ price: { id: 'price_starter_monthly' }, pending_change: null });
    expect((await eventsOf(subject)).length).toBe(eventsBefore);
    // A generic decline answers Stripe's code.
    stripeSub.default_payment_method = 'pm_card_chargeDeclined';
    expect(await change(client, 'price_pro_monthly')).toMatchObject({ status: 402, body: errorBody('card_declined') });
  });

  it('replays a repeated Idempotency-Key without a second Stripe update', async () => {
    const { client, stripeSub } = await stripeSubscriber('user_sp_change_idem', 'price_starter_monthly');
    const before = fake.requests.length;
    const first = await change(client, 'price_pro_monthly', 'same-key');
    const again = await change(client, 'price_pro_monthly', 'same-key');
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect(requestsSince(before, `/v1/subscriptions/${stripeSub.id}`).filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(await change(client, 'price_pro_annual', 'same-key')).toMatchObject({ status: 400 });
  });

  it('a downgrade is a subscription schedule; changing back releases it; Stripe applying the phase clears pending_change', async () => {
    const subject = 'user_sp_change_down';
    const { client, stripeSub } = await stripeSubscriber(subject, 'price_pro_monthly');
    const before = fake.requests.length;
    const res = await change(client, 'price_starter_monthly');
    expect(res.body.subscription).toMatchObject({
      price: { id: 'price_pro_monthly' },
      pending_change: { price: { id: 'price_starter_monthly' }, plan: { id: 'plan_starter' }, effective_at: '2025-05-01T00:00:00Z' },
    });
    const created = requestsSince(before, '/v1/subscription_schedules');
    expect(created.map((r) => r.body)).toEqual([{ from_subscription: stripeSub.id }]);
    const schedule = fake.objects.get(stripeSub.schedule) as Record<string, any>;
    expect(schedule).toMatchObject({
      status: 'active',
      end_behavior: 'release',
      phases: [
        { start_date: APR_1, end_date: MAY_1, items: [{ price: stripePriceOf('price_pro_monthly') }] },
        { start_date: MAY_1, end_date: unix('2025-06-01T00:00:00Z'), items: [{ price: stripePriceOf('price_starter_monthly') }] },
      ],
    });
    // Stripe's echo of the schedule being attached changes nothing.
    expect(await deliver('customer.subscription.updated', stripeSub)).toBe('applied');
    expect((await client.get('/subscription')).body.subscription.pending_change).not.toBeNull();

    // Keep Pro: the schedule is released and the pending change is gone.
    const kept = await change(client, 'price_pro_monthly');
    expect(kept.body.subscription).toMatchObject({ price: { id: 'price_pro_monthly' }, pending_change: null });
    expect(schedule.status).toBe('released');
    expect(stripeSub.schedule).toBeNull();
    expect(await change(client, 'price_pro_monthly')).toMatchObject({ status: 400, body: errorBody('same_price', 'price_id') });

    // Downgrade again, then Stripe starts the schedule's second phase at the period end.
    expect((await change(client, 'price_starter_monthly')).body.subscription.pending_change.price.id).toBe('price_starter_monthly');
    const eventsBefore = (await eventsOf(subject)).length;
    startNextSchedulePhase(fake.objects, stripeSub.id);
    expect(await deliver('customer.subscription.updated', stripeSub)).toBe('applied');
    const applied = (await client.get('/subscription')).body.subscription;
    expect(applied).toMatchObject({
      plan: { id: 'plan_starter' },
      price: { id: 'price_starter_monthly' },
      current_period_start: '2025-05-01T00:00:00Z',
      current_period_end: '2025-06-01T00:00:00Z',
      pending_change: null,
    });
    const added = (await eventsOf(subject)).slice(eventsBefore);
    expect(added).toEqual([{ type: 'subscription.updated', object: expect.objectContaining({ plan: { id: 'plan_starter', name: 'Starter' }, pending_change: null }) }]);
  });

  it('an upgrade while a downgrade is pending: a decline keeps both as they were; paid, the schedule is released', async () => {
    const { client, stripeSub } = await stripeSubscriber('user_sp_up_pending', 'price_pro_monthly', 'pm_card_chargeDeclined');
    await change(client, 'price_starter_monthly');
    const scheduleId = stripeSub.schedule;
    expect(await change(client, 'price_pro_annual')).toMatchObject({ status: 402, body: errorBody('card_declined') });
    expect((await client.get('/subscription')).body.subscription).toMatchObject({ price: { id: 'price_pro_monthly' }, pending_change: { price: { id: 'price_starter_monthly' } } });
    expect(fake.objects.get(scheduleId)).toMatchObject({ status: 'active' });
    stripeSub.default_payment_method = 'pm_card_visa';
    const res = await change(client, 'price_pro_annual');
    expect(res.body.subscription).toMatchObject({ price: { id: 'price_pro_annual' }, pending_change: null, current_period_end: '2026-04-11T12:00:00Z' });
    expect(fake.objects.get(scheduleId)).toMatchObject({ status: 'released' });
    expect(stripeSub.schedule).toBeNull();
  });

  it('cancel at period end while a schedule is attached releases it first (Stripe refuses otherwise)', async () => {
    const { client, stripeSub } = await stripeSubscriber('user_sp_cancel_sched', 'price_pro_monthly');
    await change(client, 'price_starter_monthly');
    const scheduleId = stripeSub.schedule;
    expect(scheduleId).toBeTruthy();
    const res = await client.post('/subscription/cancel', { at_period_end: true });
    expect(res.status).toBe(200);
    expect(res.body.subscription).toMatchObject({ cancel_at_period_end: true, pending_change: null, price: { id: 'price_pro_monthly' } });
    expect(fake.objects.get(scheduleId)).toMatchObject({ status: 'released' });
    expect(stripeSub).toMatchObject({ cancel_at_period_end: true, schedule: null });
  });

  it('a trialing subscription changes price with no proration and keeps its trial end', async () => {
    const { client, stripeSub } = await stripeSubscriber('user_sp_trial', 'price_starter_monthly');
    stripeSub.status = 'trialing';
    stripeSub.trial_end = MAY_1;
    expect(await deliver('customer.subscription.updated', stripeSub)).toBe('applied');
    const before = fake.requests.length;
    const preview = (await client.post('/subscription/preview', { price_id: 'price_pro_monthly' })).body.preview;
    expect(preview).toMatchObject({ effective: 'now', lines: [], amount_due_today: 0, next_invoice: { amount: 2900, date: '2025-05-01T00:00:00Z' } });
    expect(requestsSince(before, '/v1/invoices/create_preview')).toHaveLength(0);
    const res = await change(client, 'price_pro_monthly');
    expect(res.body.subscription).toMatchObject({ status: 'trialing', price: { id: 'price_pro_monthly' }, trial_end: '2025-05-01T00:00:00Z' });
    expect(requestsSince(before, `/v1/subscriptions/${stripeSub.id}`).find((r) => r.method === 'POST')!.body).toMatchObject({ proration_behavior: 'none' });
    // No proration invoice: the latest is still the checkout's.
    expect(fake.objects.get(stripeSub.latest_invoice as string)?.billing_reason).not.toBe('subscription_update');
  });
});

describe('POST /invoices/:id/pay with Stripe', () => {
  /** A renewal Stripe failed to charge: in the fake (to pay) and mirrored in the store through its webhooks. */
  async function openRenewal(subject: string, stripeSub: Record<string, any>) {
    const id = `in_test_open_${subject}`;
    const invoice = {
      id,
      object: 'invoice',
      customer: stripeSub.customer,
      billing_reason: 'subscription_cycle',
      status: 'open',
      amount_due: 2900,
      amount_paid: 0,
      subtotal: 2900,
      total: 2900,
      total_discount_amounts: [],
      currency: 'usd',
      created: MAY_1,
      period_start: MAY_1,
      period_end: MAY_1,
      attempt_count: 1,
      next_payment_attempt: MAY_1 + 3 * 86400,
      parent: { type: 'subscription_details', subscription_details: { subscription: stripeSub.id, metadata: {} } },
      lines: {
        object: 'list',
        has_more: false,
        url: `/v1/invoices/${id}/lines`,
        data: [{ id: `il_${id}`, object: 'line_item', amount: 2900, quantity: 1, description: 'Pro', period: { start: MAY_1, end: unix('2025-06-01T00:00:00Z') } }],
      },
    };
    fake.objects.set(id, invoice);
    expect(await deliver('invoice.payment_failed', invoice)).toBe('applied');
    stripeSub.status = 'past_due';
    expect(await deliver('customer.subscription.updated', stripeSub)).toBe('applied');
    return invoice;
  }

  it('a pay whose outcome was lost (the proxy died, or the call broke) is settled from Stripe’s invoice, and its retry answers 200', async () => {
    const subject = 'user_sp_lost';
    const { client, stripeSub } = await stripeSubscriber(subject, 'price_pro_monthly');
    const invoice = await openRenewal(subject, stripeSub);
    // The payment was written and Stripe paid the invoice, but the answer never came back.
    const lost = await proxy.store.beginPayment(
      { subject: `user:${subject}`, object_kind: 'invoice', object_id: invoice.id, subscription_id: null, purpose: 'invoice_pay', amount: 2900, currency: 'usd', request_key: 'pay-lost', plan: null },
      new Date(),
    );
    await proxy.store.markPaymentUnknown(lost.id, 'socket hang up');
    Object.assign(invoice, { status: 'paid', amount_paid: 2900, amount_remaining: 0 });
    const before = fake.requests.length;
    const retry = await client.post(`/invoices/${invoice.id}/pay`, undefined, { 'Idempotency-Key': 'pay-lost' });
    expect(retry).toMatchObject({ status: 200, body: { invoice: { id: invoice.id, status: 'paid', amount_paid: 2900 } } });
    // Asked Stripe about the invoice; paid it no second time.
    expect(requestsSince(before, `/v1/invoices/${invoice.id}/pay`)).toHaveLength(0);
    expect((await proxy.store.getPayment(lost.id))?.status).toBe('succeeded');
  });

  it('declined: 402 with the code, nothing changes; then paid with invoices.pay: paid, active, and Stripe’s invoice.paid adds nothing', async () => {
    const subject = 'user_sp_pay';
    const { client, stripeSub } = await stripeSubscriber(subject, 'price_pro_monthly');
    const invoice = await openRenewal(subject, stripeSub);
    expect((await client.get('/subscription')).body.subscription.status).toBe('past_due');

    stripeSub.default_payment_method = 'pm_card_chargeCustomerFail';
    const before = fake.requests.length;
    const eventsBefore = (await eventsOf(subject)).length;
    expect(await client.post(`/invoices/${invoice.id}/pay`, undefined, { 'Idempotency-Key': 'pay-1' })).toMatchObject({ status: 402, body: errorBody('card_declined') });
    expect(requestsSince(before, `/v1/invoices/${invoice.id}/pay`)).toHaveLength(1);
    expect((await client.get('/invoices')).body.invoices[0]).toMatchObject({ id: invoice.id, status: 'open' });
    expect((await client.get('/subscription')).body.subscription.status).toBe('past_due');
    expect((await eventsOf(subject)).length).toBe(eventsBefore);

    stripeSub.default_payment_method = 'pm_card_visa';
    const paid = await client.post(`/invoices/${invoice.id}/pay`, undefined, { 'Idempotency-Key': 'pay-2' });
    expect(paid).toMatchObject({ status: 200, body: { invoice: { id: invoice.id, status: 'paid', amount_paid: 2900 } } });
    expect(invoice.status).toBe('paid');
    const pays = requestsSince(before, `/v1/invoices/${invoice.id}/pay`);
    expect(pays).toHaveLength(2);
    // Each attempt has its own key, made from the payment the proxy wrote before calling Stripe.
    expect(pays.map((p) => p.headers['idempotency-key'])).toEqual([`billkit-${invoice.id}:1`, `billkit-${invoice.id}:2`]);
    expect((await client.get('/subscription')).body.subscription.status).toBe('active');
    expect((await eventsOf(subject)).slice(eventsBefore).map((e) => e.type)).toEqual(['invoice.paid', 'subscription.updated']);

    // The same key replays without paying again; Stripe's own news of it changes nothing.
    expect(await client.post(`/invoices/${invoice.id}/pay`, undefined, { 'Idempotency-Key': 'pay-2' })).toMatchObject({ status: 200, body: paid.body });
    expect(requestsSince(before, `/v1/invoices/${invoice.id}/pay`)).toHaveLength(2);
    expect(await deliver('invoice.paid', invoice)).toBe('applied');
    stripeSub.status = 'active';
    expect(await deliver('customer.subscription.updated', stripeSub)).toBe('applied');
    expect((await eventsOf(subject)).slice(eventsBefore).map((e) => e.type)).toEqual(['invoice.paid', 'subscription.updated']);
    expect([...fake.objects.values()].filter((o) => o.object === 'charge' && o.invoice === invoice.id)).toHaveLength(1);

    // Paid now: not open.
    expect(await client.post(`/invoices/${invoice.id}/pay`)).toMatchObject({ status: 400, body: errorBody('invoice_not_open') });
  });

  it("another subject's invoice is a 404 and Stripe is not asked", async () => {
    const { stripeSub } = await stripeSubscriber('user_sp_pay_owner', 'price_pro_monthly');
    const invoice = await openRenewal('user_sp_pay_owner', stripeSub);
    const before = fake.requests.length;
    expect(await as(proxy, 'user_sp_pay_other').post(`/invoices/${invoice.id}/pay`)).toMatchObject({ status: 404, body: errorBody('resource_missing') });
    expect(fake.requests.length).toBe(before);
  });
});
