import { describe, expect, it } from 'vitest';
import { testProcessorCharging } from '../../helpers/processor';
import { saveSubscription } from '../../../src/server/billing/saveSubscription';
import type { PaymentProcessor } from '../../../src/server/processor/types';
import { proxyPerTest } from '../../helpers/closeAfterEach';
import { as, errorBody, fixedClock } from '../../helpers/http';
import { advance, CARDS, days, invoicesOf, subscribe, subscriptionOf } from '../../helpers/lifecycle';

const { proxyWith } = proxyPerTest({ now: fixedClock });

const types = (events: { type: string }[]) => events.map((e) => e.type);
/** The events an advance fired for `subject` (the demo's other subjects live on meanwhile). */
const mine = (res: { body: { events: any[] } }, subject = 'user_free'): any[] => res.body.events.filter((e) => e.subject === subject);

describe('renewals', () => {
  it('walks a monthly subscription through a year: 12 paid invoices, contiguous periods, no gaps or doubles', async () => {
    const proxy = await proxyWith();
    expect((await subscribe(proxy, 'user_free')).status).toBe(200);
    for (let month = 1; month < 12; month++) {
      const sub = await subscriptionOf(proxy, 'user_free');
      const res = await advance(proxy, { to: sub.current_period_end });
      expect(res.status).toBe(200);
      expect(mine(res)).toEqual([
        { type: 'invoice.created', subject: 'user_free', id: expect.stringMatching(/^in_/) },
        { type: 'invoice.paid', subject: 'user_free', id: mine(res)[0].id },
        { type: 'subscription.updated', subject: 'user_free', id: sub.id },
      ]);
      const next = await subscriptionOf(proxy, 'user_free');
      expect(next).toMatchObject({ id: sub.id, status: 'active', current_period_start: sub.current_period_end });
    }
    const invoices = await invoicesOf(proxy, 'user_free');
    expect(invoices).toHaveLength(12);
    expect(invoices.every((i) => i.status === 'paid' && i.amount_paid === 900)).toBe(true);
    expect(invoices[0].period_start).toBe('2025-04-11T12:00:00Z');
    for (let k = 1; k < invoices.length; k++) expect(invoices[k].period_start).toBe(invoices[k - 1].period_end);
    expect(invoices[11].period_end).toBe('2026-04-11T12:00:00Z');
    // Nothing more is due until the next period end.
    expect(mine(await advance(proxy, days(1)))).toEqual([]);
  });

  it('renews once per period end within one long advance, each at its own instant', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free');
    // Apr 11 + 91 days = Jul 11, the third period end.
    const res = await advance(proxy, days(91));
    expect(types(mine(res))).toEqual(Array(3).fill(['invoice.created', 'invoice.paid', 'subscription.updated']).flat());
    const invoices = await invoicesOf(proxy, 'user_free');
    expect(invoices.map((i) => [i.period_start, i.created_at])).toEqual([
      ['2025-04-11T12:00:00Z', '2025-04-11T12:00:00Z'],
      ['2025-05-11T12:00:00Z', '2025-05-11T12:00:00Z'],
      ['2025-06-11T12:00:00Z', '2025-06-11T12:00:00Z'],
      ['2025-07-11T12:00:00Z', '2025-07-11T12:00:00Z'],
    ]);
  });

  it('starts a fresh usage count with each period', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free', { price_id: 'price_pro_monthly' });
    const client = as(proxy, 'user_free');
    await client.post('/usage', { metric: 'api_calls', quantity: 40 });
    expect((await client.get('/usage?metric=api_calls')).body).toMatchObject({ quantity: 40, period_start: '2025-04-11T12:00:00Z' });
    await advance(proxy, days(31));
    expect((await client.get('/usage?metric=api_calls')).body).toMatchObject({
      quantity: 0,
      period_start: '2025-05-11T12:00:00Z',
      period_end: '2025-06-11T12:00:00Z',
      limit: 10000,
    });
  });

  it('applies a once promotion to the first invoice only and a forever one to every renewal', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free', { promotion_code: 'TENOFF', price_id: 'price_pro_monthly' });
    await subscribe(proxy, 'user_forever', { promotion_code: 'SAVE20', price_id: 'price_pro_monthly' });
    await advance(proxy, days(31));
    expect((await invoicesOf(proxy, 'user_free')).map((i) => i.amount_paid)).toEqual([1900, 2900]);
    expect((await invoicesOf(proxy, 'user_forever')).map((i) => i.amount_paid)).toEqual([2320, 2320]);
  });
});

describe('trials', () => {
  it('announces the end 3 days ahead, then charges the first paid invoice and turns active', async () => {
    const proxy = await proxyWith();
    const confirm = await subscribe(proxy, 'user_free', { trial_days: 14 });
    const subId = confirm.body.subscription.id;
    expect(mine(await advance(proxy, days(10)))).toEqual([]);
    expect(mine(await advance(proxy, days(1)))).toEqual([{ type: 'subscription.trial_will_end', subject: 'user_free', id: subId }]);
    const end = await advance(proxy, days(3));
    expect(types(mine(end))).toEqual(['invoice.created', 'invoice.paid', 'subscription.updated']);
    expect(await subscriptionOf(proxy, 'user_free')).toMatchObject({
      status: 'active',
      current_period_start: '2025-04-25T12:00:00Z',
      current_period_end: '2025-05-25T12:00:00Z',
    });
    const invoices = await invoicesOf(proxy, 'user_free');
    expect(invoices.map((i) => [i.amount_paid, i.status])).toEqual([
      [0, 'paid'],
      [900, 'paid'],
    ]);
  });

  it('with card 0341: attaches, then past_due, three retries, canceled and uncollectible', async () => {
    const proxy = await proxyWith();
    const confirm = await subscribe(proxy, 'user_free', { trial_days: 7, card: CARDS.chargeFails });
    expect(confirm.status).toBe(200);
    const subId = confirm.body.subscription.id;
    const end = await advance(proxy, days(7));
    expect(mine(end)).toEqual([
      { type: 'subscription.trial_will_end', subject: 'user_free', id: subId },
      { type: 'invoice.created', subject: 'user_free', id: expect.stringMatching(/^in_/) },
      { type: 'invoice.payment_failed', subject: 'user_free', id: mine(end)[1].id },
      { type: 'subscription.updated', subject: 'user_free', id: subId },
    ]);
    const invoiceId = mine(end)[1].id;
    expect(await subscriptionOf(proxy, 'user_free')).toMatchObject({ status: 'past_due' });
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ id: invoiceId, status: 'open', amount_due: 900, amount_paid: 0 });
    // Entitlements continue while past_due, as with Stripe.
    expect((await as(proxy, 'user_free').get('/entitlements')).body.status).toBe('past_due');

    // Retries 3, 5 and 7 days after the failure.
    expect(mine(await advance(proxy, days(2)))).toEqual([]);
    expect(mine(await advance(proxy, days(1)))).toEqual([{ type: 'invoice.payment_failed', subject: 'user_free', id: invoiceId }]);
    expect(mine(await advance(proxy, days(2)))).toEqual([{ type: 'invoice.payment_failed', subject: 'user_free', id: invoiceId }]);
    const last = await advance(proxy, days(2));
    expect(mine(last)).toEqual([
      { type: 'invoice.payment_failed', subject: 'user_free', id: invoiceId },
      { type: 'invoice.marked_uncollectible', subject: 'user_free', id: invoiceId },
      { type: 'subscription.canceled', subject: 'user_free', id: subId },
    ]);
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ id: invoiceId, status: 'uncollectible' });
    expect(await subscriptionOf(proxy, 'user_free')).toMatchObject({ id: subId, status: 'canceled' });
    expect((await as(proxy, 'user_free').get('/entitlements')).body).toEqual({ plan: null, status: null, features: [] });
    // Nothing more happens to it, not even at its period end.
    expect(mine(await advance(proxy, days(60)))).toEqual([]);
    expect(await subscriptionOf(proxy, 'user_free')).toBeNull();
  });

  it('card 0341 is declined when a checkout charges something', async () => {
    const proxy = await proxyWith();
    const res = await subscribe(proxy, 'user_free', { card: CARDS.chargeFails });
    expect(res.status).toBe(402);
    expect(res.body).toEqual(errorBody('card_declined'));
  });
});

describe('dunning', () => {
  const MASTERCARD = '5555555555554444';
  /** The test processor, except that the first `failures` off-session charges of a Mastercard are declined. */
  function flakyProcessor(failures: number): PaymentProcessor {
    let left = failures;
    return testProcessorCharging(async (input, real) => {
      if (left > 0 && input.paymentMethod === 'pm_card_mastercard') {
        left--;
        return { status: 'failed', code: 'insufficient_funds', message: 'Your card has insufficient funds.' };
      }
      return real(input);
    });
  }

  it('recovers on a successful retry: the invoice is paid and the subscription active again', async () => {
    const proxy = await proxyWith({ processor: flakyProcessor(2) });
    const { body } = await subscribe(proxy, 'user_free', { card: MASTERCARD });
    const subId = body.subscription.id;
    const renewal = await advance(proxy, days(30));
    expect(types(mine(renewal))).toEqual(['invoice.created', 'invoice.payment_failed', 'subscription.updated']);
    expect(await subscriptionOf(proxy, 'user_free')).toMatchObject({ status: 'past_due', current_period_start: '2025-05-11T12:00:00Z' });
    const invoiceId = mine(renewal)[0].id;
    expect(types(mine(await advance(proxy, days(3))))).toEqual(['invoice.payment_failed']);
    const recovered = await advance(proxy, days(2));
    expect(mine(recovered)).toEqual([
      { type: 'invoice.paid', subject: 'user_free', id: invoiceId },
      { type: 'subscription.updated', subject: 'user_free', id: subId },
    ]);
    expect(await subscriptionOf(proxy, 'user_free')).toMatchObject({ status: 'active' });
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ id: invoiceId, status: 'paid', amount_paid: 900 });
    // The last retry is no longer scheduled.
    expect(mine(await advance(proxy, days(5)))).toEqual([]);
  });

  it('follows a configured schedule', async () => {
    const proxy = await proxyWith({ processor: flakyProcessor(10), lifecycle: { retryDays: [1] } });
    await subscribe(proxy, 'user_free', { card: MASTERCARD });
    await advance(proxy, days(30));
    expect(types(mine(await advance(proxy, days(1))))).toEqual([
      'invoice.payment_failed',
      'invoice.marked_uncollectible',
      'subscription.canceled',
    ]);
  });
});

describe('cancellation and pauses', () => {
  it('cancel_at_period_end takes effect at the period end', async () => {
    const proxy = await proxyWith();
    const { body } = await subscribe(proxy, 'user_free');
    await as(proxy, 'user_free').post('/subscription/cancel', { at_period_end: true });
    const res = await advance(proxy, days(31));
    expect(mine(res)).toEqual([{ type: 'subscription.canceled', subject: 'user_free', id: body.subscription.id }]);
    expect(await subscriptionOf(proxy, 'user_free')).toBeNull();
    expect(await invoicesOf(proxy, 'user_free')).toHaveLength(1);
  });

  it("ends the demo's user_canceling at its period end", async () => {
    const proxy = await proxyWith();
    const sub = await subscriptionOf(proxy, 'user_canceling');
    const res = await advance(proxy, { to: sub.current_period_end });
    expect(mine(res, 'user_canceling')).toEqual([{ type: 'subscription.canceled', subject: 'user_canceling', id: sub.id }]);
    expect(await subscriptionOf(proxy, 'user_canceling')).toBeNull();
  });

  it('resumes a paused subscription on its resume date', async () => {
    const proxy = await proxyWith();
    // No pause endpoint yet: the resume date is set as one will set it, through billing's one write.
    await saveSubscription(proxy.store, (await proxy.store.getSubscription('sub_demo_paused'))!, { resume_at: new Date('2025-04-15T00:00:00Z') });
    const res = await advance(proxy, days(5));
    expect(mine(res, 'user_paused')).toEqual([{ type: 'subscription.updated', subject: 'user_paused', id: 'sub_demo_paused' }]);
    expect(await subscriptionOf(proxy, 'user_paused')).toMatchObject({ status: 'active' });
  });
});
