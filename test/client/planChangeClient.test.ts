import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingError } from '../../src/index';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { billingClientFor } from '../helpers/billingClient';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ seed: 'demo', now: () => new Date('2025-04-11T12:00:00Z'), lifecycle: { timer: false } });
});
afterAll(() => proxy?.close());

const clientFor = (user: string) => billingClientFor(proxy, user);

const card = (number: string) => ({ number, exp_month: 12, exp_year: 2099, cvc: '123' });

describe('createBillingClient: plan changes, payment methods, paying invoices', () => {
  it('previewPlanChange unwraps the preview; changePlan the subscription', async () => {
    const client = await clientFor('user_pro');
    const preview = await client.previewPlanChange({ price_id: 'price_starter_monthly' });
    expect(preview).toMatchObject({ effective: 'period_end', amount_due_today: 0, next_invoice: { amount: 900 } });
    const sub = await client.changePlan({ price_id: 'price_starter_monthly' }, { idempotencyKey: 'c1' });
    expect(sub.pending_change).toMatchObject({ price: { id: 'price_starter_monthly' } });
  });

  it('getPaymentMethod, setupPaymentMethod, confirm and authenticate a 3-D Secure card', async () => {
    const client = await clientFor('user_free');
    expect(await client.getPaymentMethod()).toBeNull();
    const setup = await client.setupPaymentMethod();
    expect(setup.processor).toBe('test');
    const confirm = await client.confirmPaymentMethodSetup(setup.setup_id, { client_secret: setup.client_secret, card: card('4000002500003155') });
    expect(confirm).toEqual({ status: 'requires_action', next_action: { type: 'authenticate' } });
    const done = await client.authenticatePaymentMethodSetup(setup.setup_id, { client_secret: setup.client_secret, approve: true });
    expect(done).toMatchObject({ status: 'succeeded', payment_method: { last4: '3155' } });
    expect(await client.getPaymentMethod()).toMatchObject({ brand: 'visa', last4: '3155' });
  });

  it('payInvoice rejects a decline with a BillingError 402, then pays with a new card', async () => {
    const client = await clientFor('user_past_due');
    const open = (await client.getSubscription())!.latest_invoice!;
    const declined = await client.payInvoice(open.id, { idempotencyKey: 'p1' }).catch((e: unknown) => e);
    expect(declined).toBeInstanceOf(BillingError);
    expect(declined).toMatchObject({ status: 402, code: 'card_declined' });
    const setup = await client.setupPaymentMethod();
    await client.confirmPaymentMethodSetup(setup.setup_id, { client_secret: setup.client_secret, card: card('4242424242424242') });
    expect(await client.payInvoice(open.id, { idempotencyKey: 'p2' })).toMatchObject({ id: open.id, status: 'paid' });
    expect((await client.getSubscription())!.status).toBe('active');
  });
});
