import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestProcessor } from '../../../src/server/processor/createTestProcessor';
import type { PaymentProcessor } from '../../../src/server/processor/types';
import type { Store } from '../../../src/server/store/Store';
import { as, fixedClock } from '../../helpers/http';
import { advance, CARDS, days, subscriptionOf } from '../../helpers/lifecycle';
import { countMoney, paidTotal } from '../../helpers/money';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';

// The worst moment of every charging path, made exact: the processor has taken the money
// and the proxy dies before it hears back (its process gone; here: its store closed and
// its request never answered). A new proxy on the same database settles what was left in
// flight with the processor's ledger; the customer's retry with the same Idempotency-Key is
// answered from it. Each thing is charged once.

let dirs: string[] = [];
let open: TestProxy[] = [];
afterEach(async () => {
  for (const proxy of open) await proxy.close().catch(() => undefined);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  open = [];
  dirs = [];
});

/**
 * The test processor over the proxy's store, except that every charge, once taken, never
 * answers; `charged` resolves as soon as the processor has recorded the first one.
 */
function dyingAfterCharge(): { processorFor: (store: Store) => PaymentProcessor; charged: Promise<void> } {
  let tookIt!: () => void;
  const charged = new Promise<void>((resolve) => (tookIt = resolve));
  const never = new Promise<never>(() => undefined);
  const processorFor = (store: Store): PaymentProcessor => {
    const real = createTestProcessor({ ledger: store });
    return {
      ...real,
      name: real.name,
      chargePaymentMethod: async (input) => {
        await real.chargePaymentMethod!(input);
        tookIt();
        return never;
      },
      confirmPayment: async (input) => {
        await real.confirmPayment(input);
        tookIt();
        return never;
      },
    };
  };
  return { processorFor, charged };
}

/** A proxy on a data folder whose charges die after the processor took them, and how to "crash" it once one did. */
async function doomedProxy(): Promise<{ dataDir: string; proxy: TestProxy; crashOnceCharged: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'billkit-crash-'));
  dirs.push(dataDir);
  const { processorFor, charged } = dyingAfterCharge();
  const proxy = await startTestProxy({ dataDir, now: fixedClock, lifecycle: { timer: false }, processorFor });
  const crashOnceCharged = async () => {
    // The processor has the money; the proxy dies before it hears back.
    await charged;
    expect((await proxy.store.listTestProcessorCharges()).length).toBeGreaterThan(0);
    // Dead: its database is gone from under it (the app's lifecycle run in flight never ends, so it is not stopped).
    await proxy.store.close();
  };
  return { dataDir, proxy, crashOnceCharged };
}

async function restart(dataDir: string): Promise<TestProxy> {
  const proxy = await startTestProxy({ dataDir, now: fixedClock, lifecycle: { timer: false } });
  open.push(proxy);
  return proxy;
}

async function expectChargedOnce(proxy: TestProxy, subject: string, paidBefore: number): Promise<void> {
  const money = await countMoney(proxy.store);
  expect(money.pending).toEqual([]);
  expect(money.orphans).toEqual([]);
  expect({ subject, charged: money.charged.get(subject) ?? 0 }).toEqual({ subject, charged: (await paidTotal(proxy.store, subject)) - paidBefore });
}

describe('a proxy that dies after the processor charged', () => {
  it('POST /invoices/:id/pay: the retry with the same key is answered 200 from the charge made, not charged again', async () => {
    const { dataDir, proxy, crashOnceCharged } = await doomedProxy();
    const client = as(proxy, 'user_past_due');
    await client.post('/api/dev/payment-method', { card: 'paying' });
    const invoice = (await subscriptionOf(proxy, 'user_past_due')).latest_invoice;
    const paidBefore = await paidTotal(proxy.store, 'user:user_past_due');
    void client.post(`/invoices/${invoice.id}/pay`, undefined, { 'Idempotency-Key': 'pay-once' });
    await crashOnceCharged();

    const after = await restart(dataDir);
    const retry = await as(after, 'user_past_due').post(`/invoices/${invoice.id}/pay`, undefined, { 'Idempotency-Key': 'pay-once' });
    expect(retry).toMatchObject({ status: 200, body: { invoice: { id: invoice.id, status: 'paid', amount_paid: invoice.amount_due } } });
    expect(await subscriptionOf(after, 'user_past_due')).toMatchObject({ status: 'active' });
    // The dunning retry finds nothing to charge.
    await advance(after, days(10));
    expect((await after.store.paymentsOf('invoice', invoice.id)).map((p) => [p.attempt, p.status])).toEqual([[1, 'succeeded']]);
    await expectChargedOnce(after, 'user:user_past_due', paidBefore);
  });

  it('POST /subscription/change: the change is applied once, from the charge made', async () => {
    const { dataDir, proxy, crashOnceCharged } = await doomedProxy();
    const paidBefore = await paidTotal(proxy.store, 'user:user_pro');
    void as(proxy, 'user_pro').post('/subscription/change', { price_id: 'price_pro_annual' }, { 'Idempotency-Key': 'change-once' });
    await crashOnceCharged();

    const after = await restart(dataDir);
    expect(await subscriptionOf(after, 'user_pro')).toMatchObject({ price: { id: 'price_pro_annual' } });
    const retry = await as(after, 'user_pro').post('/subscription/change', { price_id: 'price_pro_annual' }, { 'Idempotency-Key': 'change-once' });
    expect(retry).toMatchObject({ status: 200, body: { subscription: { price: { id: 'price_pro_annual' } } } });
    await expectChargedOnce(after, 'user:user_pro', paidBefore);
  });

  it('POST /checkout/:id/confirm: the checkout is fulfilled once, from the charge made', async () => {
    const { dataDir, proxy, crashOnceCharged } = await doomedProxy();
    const buyer = as(proxy, 'user_free');
    const session = (
      await buyer.post('/checkout', { price_id: 'price_starter_monthly', success_url: 'http://localhost/ok', cancel_url: 'http://localhost/no', ui_mode: 'embedded' })
    ).body;
    const card = { number: CARDS.visa, exp_month: 12, exp_year: 2099, cvc: '123' };
    void buyer.post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card });
    await crashOnceCharged();

    const after = await restart(dataDir);
    // Settled at start-up: the subscription exists before the customer asks again.
    expect(await subscriptionOf(after, 'user_free')).toMatchObject({ status: 'active', price: { id: 'price_starter_monthly' } });
    const retry = await as(after, 'user_free').post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card });
    expect(retry.body.status).toBe('succeeded');
    await expectChargedOnce(after, 'user:user_free', 0);
  });

  it('renewals: the next run settles the charge in flight and renews the rest, each period charged once', async () => {
    const { dataDir, proxy, crashOnceCharged } = await doomedProxy();
    const users = ['user_pro', 'user_trial', 'user_canceling', 'user_past_due', 'user_paused'];
    const paidBefore = new Map<string, number>();
    for (const user of users) paidBefore.set(user, await paidTotal(proxy.store, `user:${user}`));
    const before = await subscriptionOf(proxy, 'user_pro');
    void advance(proxy, days(31));
    await crashOnceCharged();

    const after = await restart(dataDir);
    // The clock had not moved yet (an advance sets it once done): the month is run again.
    await advance(after, days(31));
    const sub = await subscriptionOf(after, 'user_pro');
    expect(new Date(sub.current_period_start).getTime()).toBe(new Date(before.current_period_end).getTime());
    for (const user of users) await expectChargedOnce(after, `user:${user}`, paidBefore.get(user)!);
    const renewals = (await after.store.listPayments('user:user_pro', 10)).filter((p) => p.purpose === 'renewal');
    expect(renewals.map((p) => p.status)).toEqual(['succeeded']);
  });
});
