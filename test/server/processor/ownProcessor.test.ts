import { describe, expect, it } from 'vitest';
import type { PaymentProcessor, ProcessorCheckoutInput } from '../../../src/server';
import { createTestProcessor } from '../../../src/server/processor/createTestProcessor';
import { closeAfterEach } from '../../helpers/closeAfterEach';
import { as } from '../../helpers/http';
import { startTestProxy } from '../../helpers/proxy';

// A processor of the app's own, written against billkit/server's exported types only.

const defer = closeAfterEach();
const CARD = { number: '4242 4242 4242 4242', exp_month: 12, exp_year: 2099, cvc: '123' };
const CHECKOUT = { price_id: 'price_pro_monthly', success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/pricing' };

async function proxyWith(processor: PaymentProcessor) {
  const proxy = await startTestProxy({ processor });
  defer(proxy.close);
  return proxy;
}

describe('a processor of your own', () => {
  it('takes an embedded checkout through the proxy card form when it has no checkout of its own', async () => {
    const proxy = await proxyWith({ ...createTestProcessor(), name: 'acme' });
    const user = as(proxy, 'user_free');
    const session = (await user.post('/checkout', { ...CHECKOUT, ui_mode: 'embedded' })).body;
    expect(session.processor).toBe('test');
    const paid = await user.post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card: CARD });
    expect(paid.body).toMatchObject({ status: 'succeeded', subscription: { status: 'active' } });
  });

  it('keeps one customer per subject through the customers port, under its own name', async () => {
    const made: string[] = [];
    const processor: PaymentProcessor = {
      ...createTestProcessor(),
      name: 'acme',
      async createCheckout(input: ProcessorCheckoutInput) {
        let customer = await input.customers.getCustomerId(input.subject);
        if (!customer) {
          customer = `acme_cus_${made.length + 1}`;
          made.push(customer);
          await input.customers.setCustomerId(input.subject, customer);
        }
        return { checkoutUrl: `https://pay.acme.test/${customer}`, processorId: `acme_co_${input.checkoutId}` };
      },
    };
    const proxy = await proxyWith(processor);
    const user = as(proxy, 'user_free');
    expect((await user.post('/checkout', CHECKOUT)).body.checkout_url).toBe('https://pay.acme.test/acme_cus_1');
    expect((await user.post('/checkout', CHECKOUT)).body.checkout_url).toBe('https://pay.acme.test/acme_cus_1');
    expect(made).toEqual(['acme_cus_1']);
    expect(await proxy.store.getSetting('acme_customer:user:user_free')).toBe('acme_cus_1');
  });

  it('refuses an embedded checkout when it takes checkouts itself and is not Stripe', async () => {
    const processor: PaymentProcessor = {
      ...createTestProcessor(),
      name: 'acme',
      createCheckout: () => Promise.reject(new Error('not called for an embedded checkout')),
    };
    const proxy = await proxyWith(processor);
    const res = await as(proxy, 'user_free').post('/checkout', { ...CHECKOUT, ui_mode: 'embedded' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'parameter_invalid', param: 'ui_mode' });
  });
});
