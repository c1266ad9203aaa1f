import { describe, expect, it, vi } from 'vitest';
import { closeAfterEach } from '../../helpers/closeAfterEach';
import { startTestProxy } from '../../helpers/proxy';
import { startWebhookReceiver } from '../../helpers/webhookReceiver';
import { as, FIXED_NOW } from '../../helpers/http';
import { CARDS } from '../../helpers/lifecycle';

const SECRET = 'whsec_plan_change';

const defer = closeAfterEach();

/** A local webhook receiver that keeps every verified event it accepts. */
async function receiver() {
  const hooks = await startWebhookReceiver({ secret: SECRET });
  defer(hooks.close);
  return hooks;
}

async function proxyWithHooks() {
  const hooks = await receiver();
  const proxy = await startTestProxy({
    now: () => new Date(FIXED_NOW),
    lifecycle: { timer: false },
    webhook: { url: hooks.url, secret: SECRET, retryBaseMs: 50, pollMs: 50 },
  });
  defer(proxy.close);
  return { proxy, hooks };
}

describe('plan change webhooks', () => {
  it('an upgrade sends invoice.created and invoice.paid for the proration invoice, then subscription.updated', async () => {
    const { proxy, hooks } = await proxyWithHooks();
    const res = await as(proxy, 'user_pro').post('/subscription/change', { price_id: 'price_pro_annual' }, { 'Idempotency-Key': 'w1' });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(hooks.events.length).toBe(3), { timeout: 10_000 });
    expect(hooks.events.map((e) => e.type)).toEqual(['invoice.created', 'invoice.paid', 'subscription.updated']);
    expect(hooks.events[1]!.data.object).toMatchObject({ status: 'paid', amount_paid: 25955 });
    expect(hooks.events[2]!.data.object).toMatchObject({ id: res.body.subscription.id, price: { id: 'price_pro_annual' } });
  });

  it('a downgrade sends subscription.updated with pending_change; a decline sends nothing', async () => {
    const { proxy, hooks } = await proxyWithHooks();
    await as(proxy, 'user_pro').post('/subscription/change', { price_id: 'price_starter_monthly' });
    await vi.waitFor(() => expect(hooks.events.length).toBe(1), { timeout: 10_000 });
    expect(hooks.events[0]).toMatchObject({ type: 'subscription.updated', data: { object: { pending_change: { price: { id: 'price_starter_monthly' } } } } });
    const client = as(proxy, 'user_pro');
    const setup = (await client.post('/payment-method/setup')).body;
    await client.post(`/payment-method/setup/${setup.setup_id}/confirm`, {
      client_secret: setup.client_secret,
      card: { number: CARDS.chargeFails, exp_month: 12, exp_year: 2099, cvc: '123' },
    });
    expect((await client.post('/subscription/change', { price_id: 'price_pro_annual' })).status).toBe(402);
    // Whatever the decline wrote was committed before its answer: once the outbox has nothing
    // left to deliver, every event there is has reached the receiver.
    await vi.waitFor(async () => expect(await proxy.store.countPendingWebhookEvents()).toBe(0), { timeout: 10_000 });
    expect(hooks.events).toHaveLength(1);
  });

  it('paying an open invoice sends invoice.paid and subscription.updated (active)', async () => {
    const { proxy, hooks } = await proxyWithHooks();
    const client = as(proxy, 'user_past_due');
    const open = (await client.get('/subscription')).body.subscription.latest_invoice;
    const setup = (await client.post('/payment-method/setup')).body;
    await client.post(`/payment-method/setup/${setup.setup_id}/confirm`, {
      client_secret: setup.client_secret,
      card: { number: CARDS.visa, exp_month: 12, exp_year: 2099, cvc: '123' },
    });
    expect((await client.post(`/invoices/${open.id}/pay`)).status).toBe(200);
    await vi.waitFor(() => expect(hooks.events.length).toBe(2), { timeout: 10_000 });
    expect(hooks.events.map((e) => [e.type, e.data.object.status])).toEqual([
      ['invoice.paid', 'paid'],
      ['subscription.updated', 'active'],
    ]);
  });
});
