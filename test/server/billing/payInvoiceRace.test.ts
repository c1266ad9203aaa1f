import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentProcessor } from '../../../src/server/processor/types';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { as, fixedClock } from '../../helpers/http';
import { testProcessorCharging } from '../../helpers/processor';
import { advance, CARDS, days, subscriptionOf } from '../../helpers/lifecycle';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

/**
 * The test processor with every card-on-file charge counted and slowed down, so a
 * second charger has time to start while the first is still at the processor.
 */
function countingProcessor(delayMs: number): { processor: PaymentProcessor; charges: string[] } {
  const charges: string[] = [];
  const processor = testProcessorCharging(async (input, real) => {
    // Both chargers' idempotency keys start with the invoice id.
    charges.push(input.idempotencyKey);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return real(input);
  });
  return { processor, charges };
}

async function pastDueWithGoodCard(delayMs: number) {
  const { processor, charges } = countingProcessor(delayMs);
  const proxy: TestProxy = await startTestProxy({ now: fixedClock, lifecycle: { timer: false }, processor });
  cleanup.push(proxy.close);
  const client = as(proxy, 'user_past_due');
  // Replace the 0341 card on file (every charge declined) with one that pays.
  const setup = (await client.post('/payment-method/setup')).body;
  const attached = await client.post(`/payment-method/setup/${setup.setup_id}/confirm`, {
    client_secret: setup.client_secret,
    card: { number: CARDS.visa, exp_month: 12, exp_year: 2099, cvc: '123' },
  });
  expect(attached.status).toBe(200);
  const open = (await subscriptionOf(proxy, 'user_past_due')).latest_invoice;
  expect(open).toMatchObject({ status: 'open', amount_due: 900 });
  return { proxy, client, open, charges };
}

describe('POST /invoices/:id/pay against a dunning retry of the same invoice', () => {
  it('the customer paying while the lifecycle reaches the retry: charged once, paid once', async () => {
    const { proxy, client, open, charges } = await pastDueWithGoodCard(300);
    const paying = client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'race-1' });
    // The retry falls due (2 days on) while the pay request is at the processor.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [paid, advanced] = await Promise.all([paying, advance(proxy, days(3))]);
    expect(paid).toMatchObject({ status: 200, body: { invoice: { id: open.id, status: 'paid', amount_paid: 900 } } });
    expect(charges).toHaveLength(1);
    // The lifecycle neither charged nor recorded anything about that invoice.
    expect(advanced.body.events.filter((e: { id: string }) => e.id === open.id)).toEqual([]);
    expect(await subscriptionOf(proxy, 'user_past_due')).toMatchObject({ status: 'active' });
    // Later advances find nothing left to retry (only the next renewal's invoice is charged).
    await advance(proxy, days(10));
    expect(charges.filter((key) => key.startsWith(`${open.id}:`))).toHaveLength(1);
  });

  it('the retry charging while the customer pays: charged once, the pay request finds it paid', async () => {
    const { proxy, client, open, charges } = await pastDueWithGoodCard(300);
    const advancing = advance(proxy, days(3));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [advanced, paid] = await Promise.all([advancing, client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'race-2' })]);
    expect(charges).toEqual([`${open.id}:attempt:3`]);
    expect(advanced.body.events).toEqual(expect.arrayContaining([{ type: 'invoice.paid', subject: 'user_past_due', id: open.id }]));
    expect(paid).toMatchObject({ status: 400, body: { error: { code: 'invoice_not_open' } } });
    expect((await as(proxy, 'user_past_due').get('/invoices?limit=1')).body.invoices[0]).toMatchObject({ id: open.id, status: 'paid' });
  });

  it('two pay requests with different keys at once: one charges and pays, the other is a 409 invoice_being_collected', async () => {
    const { client, open, charges } = await pastDueWithGoodCard(300);
    const [a, b] = await Promise.all([
      client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'double-a' }),
      client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'double-b' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body).toMatchObject({ error: { code: 'invoice_being_collected' } });
    expect(charges).toHaveLength(1);
    // Once paid, another try is the usual 400.
    expect(await client.post(`/invoices/${open.id}/pay`)).toMatchObject({ status: 400, body: { error: { code: 'invoice_not_open' } } });
  });
});
