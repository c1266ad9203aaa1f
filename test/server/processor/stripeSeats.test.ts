import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeProcessor } from '../../../src/server/processor/stripe';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { as, FIXED_NOW, fixedClock } from '../../helpers/http';
import { startFakeStripeApi, type FakeStripeApi } from '../../helpers/stripeFakeApi';
import { startNextSchedulePhase } from '../../helpers/stripeFakePlanChange';

// Seat changes of Stripe-held subscriptions (Team: 1200 per seat per month), against the
// Stripe fake. The fixed clock is the proration date: 2025-04-11T12:00Z, 0.65 of the
// period Apr 1 → May 1 left.

const WEBHOOK_SECRET = 'whsec_billkit_seats';
const stripeHelpers = new Stripe('sk_test_unused');

let fake: FakeStripeApi;
let proxy: TestProxy;

beforeAll(async () => {
  fake = await startFakeStripeApi();
  proxy = await startTestProxy({
    now: fixedClock,
    lifecycle: { timer: false },
    processor: createStripeProcessor({
      secretKey: 'sk_test_billkit',
      publishableKey: 'pk_test_billkit',
      webhookSecret: WEBHOOK_SECRET,
      config: { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 },
    }),
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
  const res = await proxy.fetch('/webhooks/stripe', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header }, body: payload });
  return ((await res.json()) as { outcome: string }).outcome;
}

/** A subject with an active Stripe subscription to Team monthly at `seats`, period Apr 1 → May 1. */
async function teamSubscriber(subject: string, seats: number) {
  const client = as(proxy, subject);
  const res = await client.post('/checkout', {
    price_id: 'price_team_monthly',
    quantity: seats,
    success_url: 'https://app.example.com/ok',
    cancel_url: 'https://app.example.com/no',
    ui_mode: 'embedded',
  });
  expect(res.status).toBe(200);
  const stripeSub = [...fake.objects.values()].filter((o) => o.object === 'subscription').at(-1) as Record<string, any>;
  expect(stripeSub.items.data[0].quantity).toBe(seats);
  stripeSub.status = 'active';
  stripeSub.default_payment_method = 'pm_card_visa';
  Object.assign(stripeSub.items.data[0], { current_period_start: APR_1, current_period_end: MAY_1 });
  expect(await deliver('customer.subscription.created', stripeSub)).toBe('applied');
  expect((await client.get('/subscription')).body.subscription).toMatchObject({ status: 'active', price: { id: 'price_team_monthly' }, quantity: seats });
  return { client, stripeSub };
}

const stripePriceOf = (billkitPrice: string) =>
  [...fake.objects.values()].find((o) => o.object === 'price' && o.lookup_key === billkitPrice)?.id as string | undefined;
const updatesOf = (n: number, stripeSub: Record<string, any>) =>
  fake.requests.slice(n).filter((r) => r.method === 'POST' && r.path === `/v1/subscriptions/${stripeSub.id}`);
const seats = (client: ReturnType<typeof as>, quantity: number, key = `k-${Math.random()}`) =>
  client.post('/subscription/change', { quantity }, { 'Idempotency-Key': key });

describe('seat changes of a Stripe subscription', () => {
  it('preview of 5 → 7 seats is Stripe’s proration of the item at quantity 7: 3900 credit, 5460 charge, 1560 due', async () => {
    const { client, stripeSub } = await teamSubscriber('user_ss_preview', 5);
    const before = fake.requests.length;
    const res = await client.post('/subscription/preview', { quantity: 7 });
    expect(res.status).toBe(200);
    expect(res.body.preview).toMatchObject({
      effective: 'now',
      quantity: 7,
      lines: [
        { description: 'Unused time on 5 × Team after 11 Apr 2025', amount: -3900, proration: true },
        { description: 'Remaining time on 7 × Team after 11 Apr 2025', amount: 5460, proration: true },
      ],
      amount_due_today: 1560,
      next_invoice: { amount: 8400, date: '2025-05-01T00:00:00Z' },
    });
    const previewCall = fake.requests.slice(before).find((r) => r.path === '/v1/invoices/create_preview')!;
    expect(previewCall.body.subscription_details).toMatchObject({ items: { '0': { id: stripeSub.items.data[0].id, price: stripePriceOf('price_team_monthly'), quantity: '7' } } });
    expect(stripeSub.items.data[0].quantity).toBe(5);
  });

  it('more seats: the item’s quantity is updated with the proration invoiced and paid now; the invoice’s lines keep their quantities', async () => {
    const { client, stripeSub } = await teamSubscriber('user_ss_up', 5);
    const before = fake.requests.length;
    const res = await seats(client, 7, 'seats-up');
    expect(res.status).toBe(200);
    expect(res.body.subscription).toMatchObject({ quantity: 7, price: { id: 'price_team_monthly' }, pending_change: null, current_period_end: '2025-05-01T00:00:00Z' });
    const [update] = updatesOf(before, stripeSub);
    expect(update!.body).toEqual({
      items: { '0': { id: stripeSub.items.data[0].id, price: stripePriceOf('price_team_monthly'), quantity: '7' } },
      proration_behavior: 'always_invoice',
      proration_date: String(NOW),
      payment_behavior: 'error_if_incomplete',
    });
    expect(stripeSub.items.data[0].quantity).toBe(7);
    const invoice = fake.objects.get(stripeSub.latest_invoice) as Record<string, any>;
    expect(invoice).toMatchObject({ status: 'paid', amount_paid: 1560 });

    // Stripe's webhooks: the item's quantity is what the store has; the invoice's lines keep Stripe's quantities.
    expect(await deliver('customer.subscription.updated', stripeSub)).toBe('applied');
    expect(await deliver('invoice.paid', invoice)).toBe('applied');
    const [recorded] = (await client.get('/invoices')).body.invoices;
    expect(recorded).toMatchObject({ id: invoice.id, amount_due: 1560 });
    expect(recorded.lines).toEqual([
      expect.objectContaining({ kind: 'proration', quantity: 5, unit_amount: -780, amount: -3900 }),
      expect.objectContaining({ kind: 'proration', quantity: 7, unit_amount: 780, amount: 5460 }),
    ]);
    expect((await client.get('/subscription')).body.subscription.quantity).toBe(7);
  });

  it('fewer seats wait for the period end: a schedule whose next phase has the new quantity; Stripe starting it sets the quantity and clears pending_change', async () => {
    const { client, stripeSub } = await teamSubscriber('user_ss_down', 5);
    const before = fake.requests.length;
    const res = await seats(client, 3);
    expect(res.status).toBe(200);
    expect(res.body.subscription).toMatchObject({
      quantity: 5,
      pending_change: { price: { id: 'price_team_monthly' }, quantity: 3, effective_at: '2025-05-01T00:00:00Z' },
    });
    // Nothing changes now at Stripe: no subscription update, no charge.
    expect(updatesOf(before, stripeSub)).toHaveLength(0);
    const team = stripePriceOf('price_team_monthly');
    expect(fake.objects.get(stripeSub.schedule)).toMatchObject({
      phases: [
        { start_date: APR_1, end_date: MAY_1, items: [{ price: team, quantity: 5 }] },
        { start_date: MAY_1, items: [{ price: team, quantity: 3 }] },
      ],
    });
    // Stripe's echo of the schedule being attached changes nothing.
    expect(await deliver('customer.subscription.updated', stripeSub)).toBe('applied');
    expect((await client.get('/subscription')).body.subscription).toMatchObject({ quantity: 5, pending_change: { quantity: 3 } });

    startNextSchedulePhase(fake.objects, stripeSub.id);
    expect(await deliver('customer.subscription.updated', stripeSub)).toBe('applied');
    expect((await client.get('/subscription')).body.subscription).toMatchObject({
      quantity: 3,
      pending_change: null,
      current_period_start: '2025-05-01T00:00:00Z',
    });
  });

  it('undoing a pending seat decrease (the current quantity again) releases the schedule', async () => {
    const { client, stripeSub } = await teamSubscriber('user_ss_undo', 5);
    await seats(client, 2);
    const scheduleId = stripeSub.schedule;
    const res = await seats(client, 5);
    expect(res.body.subscription).toMatchObject({ quantity: 5, pending_change: null });
    expect(fake.objects.get(scheduleId)).toMatchObject({ status: 'released' });
    expect(stripeSub.schedule).toBeNull();
  });

  it('a quantity changed in Stripe’s Dashboard reaches subscription.quantity through the webhook, and a renewal’s line is kinded seats', async () => {
    const { client, stripeSub } = await teamSubscriber('user_ss_dashboard', 5);
    stripeSub.items.data[0].quantity = 8;
    expect(await deliver('customer.subscription.updated', stripeSub)).toBe('applied');
    expect((await client.get('/subscription')).body.subscription).toMatchObject({ quantity: 8, pending_change: null });

    const id = 'in_ss_renewal';
    const renewal = {
      id,
      object: 'invoice',
      customer: stripeSub.customer,
      billing_reason: 'subscription_cycle',
      status: 'paid',
      amount_due: 9600,
      amount_paid: 9600,
      subtotal: 9600,
      total: 9600,
      total_discount_amounts: [],
      currency: 'usd',
      created: MAY_1,
      period_start: MAY_1,
      period_end: MAY_1,
      parent: { type: 'subscription_details', subscription_details: { subscription: stripeSub.id, metadata: {} } },
      lines: {
        object: 'list',
        has_more: false,
        url: `/v1/invoices/${id}/lines`,
        data: [{ id: `il_${id}`, object: 'line_item', amount: 9600, quantity: 8, description: '8 × Team (at $12.00 / month)', period: { start: MAY_1, end: unix('2025-06-01T00:00:00Z') } }],
      },
    };
    expect(await deliver('invoice.paid', renewal)).toBe('applied');
    const [recorded] = (await client.get('/invoices')).body.invoices;
    expect(recorded.lines).toEqual([expect.objectContaining({ kind: 'seats', quantity: 8, unit_amount: 1200, amount: 9600 })]);
  });
});
