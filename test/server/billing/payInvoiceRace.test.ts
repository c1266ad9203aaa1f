import { afterEach, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { as, fixedClock } from '../../helpers/http';
import { gatedProcessor } from '../../helpers/processor';
import { advance, CARDS, days, subscriptionOf } from '../../helpers/lifecycle';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function pastDueWithGoodCard() {
  // Only charges of user_past_due's open invoice are held; other renewals pass straight through.
  let openId = '';
  const { processor, charges, nextHeld } = gatedProcessor((key) => openId !== '' && key.startsWith(`${openId}:`));
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
  openId = open.id;
  const ofOpen = () => charges.filter((key) => key.startsWith(`${open.id}:`));
  return { proxy, client, open, ofOpen, nextHeld };
}

describe('POST /invoices/:id/pay against a dunning retry of the same invoice', () => {
  it('the customer paying while the lifecycle reaches the retry: charged once, paid once', async () => {
    const { proxy, client, open, ofOpen, nextHeld } = await pastDueWithGoodCard();
    const paying = client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'race-1' });
    const held = await nextHeld();
    // The retry falls due (2 days on) while the pay request is at the processor: it leaves the invoice alone.
    const advanced = await advance(proxy, days(3));
    expect(advanced.body.events.filter((e: { id: string }) => e.id === open.id)).toEqual([]);
    held.release();
    const paid = await paying;
    expect(paid).toMatchObject({ status: 200, body: { invoice: { id: open.id, status: 'paid', amount_paid: 900 } } });
    expect(ofOpen()).toHaveLength(1);
    expect(await subscriptionOf(proxy, 'user_past_due')).toMatchObject({ status: 'active' });
    // Later advances find nothing left to retry (only the next renewal's invoice is charged).
    await advance(proxy, days(10));
    expect(ofOpen()).toHaveLength(1);
  });

  it('the retry charging while the customer pays: charged once, the pay request is told it is being charged', async () => {
    const { proxy, client, open, ofOpen, nextHeld } = await pastDueWithGoodCard();
    const advancing = advance(proxy, days(3));
    const held = await nextHeld();
    expect(held.idempotencyKey).toBe(`${open.id}:1`);
    const paid = await client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'race-2' });
    expect(paid).toMatchObject({ status: 409, body: { error: { code: 'invoice_being_collected' } } });
    held.release();
    const advanced = await advancing;
    expect(ofOpen()).toEqual([`${open.id}:1`]);
    expect(advanced.body.events).toEqual(expect.arrayContaining([{ type: 'invoice.paid', subject: 'user_past_due', id: open.id }]));
    expect(await client.post(`/invoices/${open.id}/pay`)).toMatchObject({ status: 400, body: { error: { code: 'invoice_not_open' } } });
    expect((await as(proxy, 'user_past_due').get('/invoices?limit=1')).body.invoices[0]).toMatchObject({ id: open.id, status: 'paid' });
  });

  it('two pay requests with different keys at once: one charges and pays, the other is a 409 invoice_being_collected', async () => {
    const { client, open, ofOpen, nextHeld } = await pastDueWithGoodCard();
    const first = client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'double-a' });
    const held = await nextHeld();
    const second = await client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'double-b' });
    expect(second).toMatchObject({ status: 409, body: { error: { code: 'invoice_being_collected' } } });
    held.release();
    expect((await first).status).toBe(200);
    expect(ofOpen()).toHaveLength(1);
    // Once paid, another try is the usual 400.
    expect(await client.post(`/invoices/${open.id}/pay`)).toMatchObject({ status: 400, body: { error: { code: 'invoice_not_open' } } });
  });

  it('the same Idempotency-Key sent twice at once: the second waits for the first and replays its answer', async () => {
    const { client, open, ofOpen, nextHeld } = await pastDueWithGoodCard();
    const first = client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'same-key' });
    const held = await nextHeld();
    const second = client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'same-key' });
    held.release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ status: 200, body: { invoice: { id: open.id, status: 'paid' } } });
    expect(b).toEqual(a);
    expect(ofOpen()).toHaveLength(1);
  });
});
