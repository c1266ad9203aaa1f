import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStripeProcessor } from '../../../src/server/processor/stripe';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { as } from '../../helpers/http';
import { startFakeStripeApi, type FakeStripeApi } from '../../helpers/stripeFakeApi';

// Usage recorded by POST /usage reaches Stripe Billing Meters after commit, through the
// outbox, exactly once per recorded event, against the Stripe fake.

const WEBHOOK_SECRET = 'whsec_billkit_meters';
const stripeHelpers = new Stripe('sk_test_unused');

let fake: FakeStripeApi;
let proxy: TestProxy;
const jobErrors: string[] = [];

beforeAll(async () => {
  fake = await startFakeStripeApi();
  proxy = await startTestProxy({
    lifecycle: { timer: false },
    processor: createStripeProcessor({
      secretKey: 'sk_test_billkit',
      publishableKey: 'pk_test_billkit',
      webhookSecret: WEBHOOK_SECRET,
      meters: { api_calls: 'billkit_api_calls' },
      config: { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 },
    }),
    processorJobs: { retryBaseMs: 10, maxRetryMs: 20, pollMs: 20, onError: (_id, error) => jobErrors.push(error) },
  });
});
afterAll(async () => {
  await proxy?.close();
  await fake?.close();
});

async function deliver(type: string, object: unknown) {
  const payload = JSON.stringify({
    id: `evt_test_${Math.random().toString(36).slice(2, 14)}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
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

/** A subject subscribed on Stripe to Pro monthly (which has metered api_calls); answers its Stripe customer. */
async function stripeSubscriber(subject: string) {
  const client = as(proxy, subject);
  const res = await client.post('/checkout', { price_id: 'price_pro_monthly', success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/no', ui_mode: 'embedded' });
  expect(res.status).toBe(200);
  const stripeSub = [...fake.objects.values()].filter((o) => o.object === 'subscription').at(-1) as Record<string, any>;
  stripeSub.status = 'active';
  expect(await deliver('customer.subscription.created', stripeSub)).toBe('applied');
  return { client, customer: String(stripeSub.customer) };
}

const meterRequests = () => fake.requests.filter((r) => r.path === '/v1/billing/meter_events');
const eventsOf = (customer: string) => fake.meters.events.filter((e) => e.stripe_customer_id === customer);

describe('usage to Stripe Billing Meters', () => {
  it('each recorded event is one meter event with its row’s identifier; a repeated idempotency key and unmetered metrics send nothing', async () => {
    const { client, customer } = await stripeSubscriber('user_sm_once');
    expect((await client.post('/usage', { metric: 'api_calls', quantity: 40, idempotency_key: 'call-1' })).status).toBe(200);
    expect((await client.post('/usage', { metric: 'api_calls', quantity: 40, idempotency_key: 'call-1' })).status).toBe(200);
    expect((await client.post('/usage', { metric: 'api_calls', quantity: 2 })).status).toBe(200);
    expect((await client.post('/usage', { metric: 'storage_gb', quantity: 7 })).status).toBeLessThan(500);
    await vi.waitFor(() => expect(eventsOf(customer)).toHaveLength(2), { timeout: 3000, interval: 20 });
    const events = eventsOf(customer);
    expect(events.map((e) => ({ event_name: e.event_name, value: e.value }))).toEqual([
      { event_name: 'billkit_api_calls', value: 40 },
      { event_name: 'billkit_api_calls', value: 2 },
    ]);
    expect(new Set(events.map((e) => e.identifier)).size).toBe(2);
    for (const e of events) expect(e.identifier).toMatch(/^billkit_usage_\d+$/);
    // The proxy's own count is what Stripe got.
    expect((await client.get('/usage?metric=api_calls')).body).toMatchObject({ quantity: 42 });
    const sent = meterRequests().filter((r) => (r.body.payload as Record<string, string>).stripe_customer_id === customer);
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => r.headers['idempotency-key'])).toEqual(events.map((e) => e.identifier));
  });

  it('a batch whose first attempt fails midway is sent again and Stripe counts each event once', async () => {
    const { client, customer } = await stripeSubscriber('user_sm_retry');
    const before = meterRequests().length;
    const errorsBefore = jobErrors.length;
    // The second meter event of the batch fails: the first arrived, the retry sends both again.
    fake.meters.failNext(1, 1);
    // Sent in the same turn, the three events share one commit, so one outbox row.
    const answers = await Promise.all([5, 6, 7].map((quantity) => client.post('/usage', { metric: 'api_calls', quantity })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await vi.waitFor(() => expect(eventsOf(customer)).toHaveLength(3), { timeout: 3000, interval: 20 });
    expect(jobErrors.length - errorsBefore).toBe(1);
    const requests = meterRequests().slice(before);
    // 1 ok, 1 failed, then the retry's 3 (the first one again, deduplicated by its identifier).
    expect(requests).toHaveLength(5);
    expect(requests[0]!.body.identifier).toBe(requests[2]!.body.identifier);
    expect(eventsOf(customer).map((e) => e.value).sort()).toEqual([5, 6, 7]);
    expect(new Set(eventsOf(customer).map((e) => e.identifier)).size).toBe(3);
  });

  it('a Stripe invoice’s metered line is a usage line with its quantity and metric', async () => {
    const { client } = await stripeSubscriber('user_sm_invoice');
    const stripeSub = [...fake.objects.values()].filter((o) => o.object === 'subscription').at(-1) as Record<string, any>;
    const start = Math.floor(Date.now() / 1000);
    const next = start + 30 * 86400;
    const metered = { id: 'price_metered_api', object: 'price', lookup_key: 'price_pro_monthly_api_calls', metadata: { billkit_metric: 'api_calls' }, recurring: { interval: 'month', usage_type: 'metered', meter: 'mtr_test' } };
    const id = 'in_sm_renewal';
    const renewal = {
      id,
      object: 'invoice',
      customer: stripeSub.customer,
      billing_reason: 'subscription_cycle',
      status: 'paid',
      amount_due: 3400,
      amount_paid: 3400,
      subtotal: 3400,
      total: 3400,
      total_discount_amounts: [],
      currency: 'usd',
      created: next,
      period_start: start,
      period_end: next,
      parent: { type: 'subscription_details', subscription_details: { subscription: stripeSub.id, metadata: {} } },
      lines: {
        object: 'list',
        has_more: false,
        url: `/v1/invoices/${id}/lines`,
        data: [
          { id: 'il_sm_1', object: 'line_item', amount: 2900, quantity: 1, description: '1 × Pro (at $29.00 / month)', period: { start: next, end: next + 30 * 86400 } },
          { id: 'il_sm_2', object: 'line_item', amount: 500, quantity: 12500, description: 'API calls (tiered)', price: metered, period: { start, end: next } },
        ],
      },
    };
    expect(await deliver('invoice.paid', renewal)).toBe('applied');
    const [recorded] = (await client.get('/invoices')).body.invoices;
    expect(recorded).toMatchObject({ id, amount_due: 3400 });
    expect(recorded.lines).toEqual([
      expect.objectContaining({ kind: 'subscription', quantity: 1, amount: 2900, metric: null }),
      expect.objectContaining({ kind: 'usage', description: 'API calls (tiered)', quantity: 12500, unit_amount: null, amount: 500, metric: 'api_calls' }),
    ]);
  });
});
