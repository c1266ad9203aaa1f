import { describe, expect, it } from 'vitest';
import { subjectKey } from '../../../src/server/subjectKey';
import type { TestProxy } from '../../helpers/proxy';
import { proxyPerTest } from '../../helpers/closeAfterEach';
import { as, errorBody, fixedClock } from '../../helpers/http';
import { advance, CARDS, days, invoicesOf, subscribe, subscriptionOf } from '../../helpers/lifecycle';

const { proxyWith } = proxyPerTest({ now: fixedClock, lifecycle: { timer: false } });

const preview = (proxy: TestProxy, user: string, price_id: string) => as(proxy, user).post('/subscription/preview', { price_id });
const change = (proxy: TestProxy, user: string, price_id: string, key = `k-${Math.random()}`) =>
  as(proxy, user).post('/subscription/change', { price_id }, { 'Idempotency-Key': key });

/** Attaches `number` as the caller's card through a setup. */
async function attachCard(proxy: TestProxy, user: string, number: string) {
  const client = as(proxy, user);
  const setup = (await client.post('/payment-method/setup')).body;
  return client.post(`/payment-method/setup/${setup.setup_id}/confirm`, {
    client_secret: setup.client_secret,
    card: { number, exp_month: 12, exp_year: 2099, cvc: '123' },
  });
}

// The demo at the fixed clock (2025-04-11T12:00Z): user_pro's period is Apr 1 00:00 → May 1 00:00
// (30 days), 19.5 days (0.65) of it unused; user_free subscribing now gets Apr 11 12:00 → May 11 12:00.
describe('POST /subscription/preview', () => {
  it('mid-period upgrade (Starter → Pro monthly, 20 of 30 days left): credit 600, charge 1933, 1333 due today', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free');
    await advance(proxy, days(10));
    const res = await preview(proxy, 'user_free', 'price_pro_monthly');
    expect(res.status).toBe(200);
    expect(res.body.preview).toEqual({
      price: { id: 'price_pro_monthly', amount: 2900, interval: 'month', currency: 'usd' },
      plan: { id: 'plan_pro', name: 'Pro' },
      effective: 'now',
      quantity: 1,
      lines: [
        { description: 'Unused time on Starter (monthly)', amount: -600, period_start: '2025-04-21T12:00:00Z', period_end: '2025-05-11T12:00:00Z', proration: true },
        { description: 'Remaining time on Pro (monthly)', amount: 1933, period_start: '2025-04-21T12:00:00Z', period_end: '2025-05-11T12:00:00Z', proration: true },
      ],
      amount_due_today: 1333,
      currency: 'usd',
      next_invoice: { amount: 2900, date: '2025-05-11T12:00:00Z' },
      proration_date: '2025-04-21T12:00:00Z',
    });
  });

  it('monthly → yearly takes effect now and starts a new yearly period: credit 0.65 × 2900 = 1885, 27840 − 1885 due', async () => {
    const proxy = await proxyWith();
    const res = await preview(proxy, 'user_pro', 'price_pro_annual');
    expect(res.body.preview).toMatchObject({
      effective: 'now',
      lines: [
        { amount: -1885, period_start: '2025-04-11T12:00:00Z', period_end: '2025-05-01T00:00:00Z', proration: true },
        { description: 'Pro (yearly)', amount: 27840, period_start: '2025-04-11T12:00:00Z', period_end: '2026-04-11T12:00:00Z', proration: false },
      ],
      amount_due_today: 25955,
      next_invoice: { amount: 27840, date: '2026-04-11T12:00:00Z' },
    });
  });

  it('a downgrade waits for the period end: nothing due today, the next invoice at the new price', async () => {
    const proxy = await proxyWith();
    const res = await preview(proxy, 'user_pro', 'price_starter_monthly');
    expect(res.body.preview).toMatchObject({
      effective: 'period_end',
      lines: [{ description: 'Starter (monthly)', amount: 900, period_start: '2025-05-01T00:00:00Z', period_end: '2025-06-01T00:00:00Z', proration: false }],
      amount_due_today: 0,
      next_invoice: { amount: 900, date: '2025-05-01T00:00:00Z' },
    });
  });

  it('during a trial the plan changes now without a charge, billed at the trial end', async () => {
    const proxy = await proxyWith();
    const res = await preview(proxy, 'user_trial', 'price_pro_monthly');
    expect(res.body.preview).toMatchObject({ effective: 'now', lines: [], amount_due_today: 0, next_invoice: { amount: 2900, date: '2025-04-20T00:00:00Z' } });
  });

  it("during a trial with a one-time promotion, the trial end's invoice still gets it (TENOFF: 2900 − 1000)", async () => {
    const proxy = await proxyWith();
    expect((await subscribe(proxy, 'user_free', { trial_days: 7, promotion_code: 'TENOFF' })).status).toBe(200);
    const res = await preview(proxy, 'user_free', 'price_pro_monthly');
    expect(res.body.preview).toMatchObject({ effective: 'now', amount_due_today: 0, next_invoice: { amount: 1900, date: '2025-04-18T12:00:00Z' } });
    expect((await change(proxy, 'user_free', 'price_pro_monthly')).status).toBe(200);
    await advance(proxy, { to: '2025-04-18T12:00:00Z' });
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ amount_due: 1900, status: 'paid' });
  });

  it('JPY amounts round to whole yen (23 of 30 days left: credit round(766.67) = 767, charge 2300)', async () => {
    const proxy = await proxyWith();
    await proxy.store.insertPlan({ id: 'plan_jp', key: 'jp', name: 'Japan', description: null, features: [], recommended: false, hidden: false, trial_period_days: null, trial_by_default: false, sort_order: 9 });
    await proxy.store.insertPrice({ id: 'price_jp_basic', plan_id: 'plan_jp', amount: 1000, currency: 'jpy', interval: 'month', model: 'recurring', sort_order: 1 });
    await proxy.store.insertPrice({ id: 'price_jp_plus', plan_id: 'plan_jp', amount: 3000, currency: 'jpy', interval: 'month', model: 'recurring', sort_order: 2 });
    expect((await subscribe(proxy, 'user_free', { price_id: 'price_jp_basic' })).status).toBe(200);
    await advance(proxy, days(7));
    const res = await preview(proxy, 'user_free', 'price_jp_plus');
    expect(res.body.preview).toMatchObject({
      currency: 'jpy',
      lines: [{ amount: -767 }, { amount: 2300 }],
      amount_due_today: 1533,
      next_invoice: { amount: 3000 },
    });
    // A price in another currency cannot be switched to.
    expect((await preview(proxy, 'user_free', 'price_pro_monthly')).body).toEqual(errorBody('currency_mismatch', 'price_id'));
  });

  it('a 100%-off promotion applies to the new charge: nothing credited, nothing due', async () => {
    const proxy = await proxyWith();
    await proxy.store.insertPromotionCode({ code: 'FREE100', percent_off: 100, amount_off: null, currency: null, duration: 'forever', duration_in_months: null, expires_at: null });
    expect((await subscribe(proxy, 'user_free', { promotion_code: 'FREE100' })).status).toBe(200);
    await advance(proxy, days(10));
    const res = await preview(proxy, 'user_free', 'price_pro_monthly');
    expect(res.body.preview).toMatchObject({ effective: 'now', lines: [{ amount: 0, proration: true }], amount_due_today: 0, next_invoice: { amount: 0 } });
    const changed = await change(proxy, 'user_free', 'price_pro_monthly');
    expect(changed.status).toBe(200);
    expect(changed.body.subscription.price.id).toBe('price_pro_monthly');
  });

  it('refuses the current price, unknown, hidden and one-time prices, and callers without a live subscription', async () => {
    const proxy = await proxyWith();
    expect(await preview(proxy, 'user_pro', 'price_pro_monthly')).toMatchObject({ status: 400, body: errorBody('same_price', 'price_id') });
    expect(await preview(proxy, 'user_pro', 'price_nope')).toMatchObject({ status: 400, body: errorBody('resource_missing', 'price_id') });
    expect(await preview(proxy, 'user_pro', 'price_enterprise_annual')).toMatchObject({ status: 400, body: errorBody('resource_missing', 'price_id') });
    expect(await preview(proxy, 'user_free', 'price_pro_monthly')).toMatchObject({ status: 404, body: errorBody('no_subscription') });
    expect(await preview(proxy, 'user_past_due', 'price_pro_monthly')).toMatchObject({ status: 400, body: errorBody('subscription_not_changeable') });
    expect(await preview(proxy, 'user_canceling', 'price_pro_annual')).toMatchObject({ status: 400, body: errorBody('subscription_not_changeable') });
    expect((await as(proxy, 'user_pro').post('/subscription/preview', {})).status).toBe(400);
  });
});

describe('POST /subscription/change', () => {
  it('an upgrade charges the proration invoice and switches price now, keeping the period', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free');
    await advance(proxy, days(10));
    const res = await change(proxy, 'user_free', 'price_pro_monthly');
    expect(res.status).toBe(200);
    expect(res.body.subscription).toMatchObject({
      plan: { id: 'plan_pro' },
      price: { id: 'price_pro_monthly' },
      status: 'active',
      current_period_start: '2025-04-11T12:00:00Z',
      current_period_end: '2025-05-11T12:00:00Z',
      pending_change: null,
    });
    const invoices = await invoicesOf(proxy, 'user_free');
    expect(invoices.at(-1)).toMatchObject({ amount_due: 1333, amount_paid: 1333, status: 'paid', created_at: '2025-04-21T12:00:00Z' });
    const detail = await proxy.store.getInvoice(subjectKey('user', 'user_free'), invoices.at(-1).id);
    expect(detail).toMatchObject({ subtotal: 1333, discount_amount: 0 });
    expect(detail!.lines.map((l) => [l.description, l.amount])).toEqual([
      ['Unused time on Starter (monthly)', -600],
      ['Remaining time on Pro (monthly)', 1933],
    ]);
    expect((await as(proxy, 'user_free').get(`/invoices/${invoices.at(-1).id}/pdf`)).headers.get('content-type')).toBe('application/pdf');
    expect((await as(proxy, 'user_free').get('/entitlements')).body.plan).toBe('pro');
    // The renewal bills the new price.
    await advance(proxy, { to: '2025-05-11T12:00:00Z' });
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ amount_due: 2900, status: 'paid' });
  });

  it("charges exactly the preview's amount when given its proration_date, even half an hour later", async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free');
    await advance(proxy, days(10));
    const seen = (await preview(proxy, 'user_free', 'price_pro_monthly')).body.preview;
    expect(seen).toMatchObject({ amount_due_today: 1333, proration_date: '2025-04-21T12:00:00Z' });
    await advance(proxy, { seconds: 30 * 60 });
    // Priced now, half an hour of Starter is used up: credit round(900 × 479.5/720) = 599, charge 1931.
    expect((await preview(proxy, 'user_free', 'price_pro_monthly')).body.preview.amount_due_today).toBe(1332);
    const res = await as(proxy, 'user_free').post(
      '/subscription/change',
      { price_id: 'price_pro_monthly', proration_date: seen.proration_date },
      { 'Idempotency-Key': 'k-preview-instant' },
    );
    expect(res.status).toBe(200);
    const invoice = (await invoicesOf(proxy, 'user_free')).at(-1);
    expect(invoice).toMatchObject({ amount_due: 1333, amount_paid: 1333, status: 'paid' });
    const detail = await proxy.store.getInvoice(subjectKey('user', 'user_free'), invoice.id);
    expect(detail!.lines.map((l) => [l.amount, l.period_start?.toISOString()])).toEqual([
      [-600, '2025-04-21T12:00:00.000Z'],
      [1933, '2025-04-21T12:00:00.000Z'],
    ]);
  });

  it('takes the proration_date of a preview made in the first second of the period (the wire drops its milliseconds)', async () => {
    let now = new Date('2025-04-11T12:00:00.750Z');
    const proxy = await proxyWith({ now: () => now });
    await subscribe(proxy, 'user_free');
    const seen = (await preview(proxy, 'user_free', 'price_pro_monthly')).body.preview;
    expect(seen.proration_date).toBe('2025-04-11T12:00:00Z');
    now = new Date('2025-04-11T12:00:30.000Z');
    const res = await as(proxy, 'user_free').post(
      '/subscription/change',
      { price_id: 'price_pro_monthly', proration_date: seen.proration_date },
      { 'Idempotency-Key': 'k-first-second' },
    );
    expect(res.status).toBe(200);
    // Priced from the period's start: the whole period of Starter is credited.
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ amount_due: seen.amount_due_today, status: 'paid' });
  });

  it('refuses a proration_date that is not a date, in the future, over an hour old or before the period, changing nothing', async () => {
    const proxy = await proxyWith();
    const before = await subscriptionOf(proxy, 'user_pro');
    for (const proration_date of ['yesterday', '2025-04-11T12:00:01Z', '2025-04-11T10:59:59Z', '2025-03-31T23:59:59Z']) {
      const res = await as(proxy, 'user_pro').post('/subscription/change', { price_id: 'price_pro_annual', proration_date }, { 'Idempotency-Key': `k-${proration_date}` });
      expect(res, proration_date).toMatchObject({ status: 400, body: { error: { param: 'proration_date' } } });
    }
    expect(await subscriptionOf(proxy, 'user_pro')).toEqual(before);
    // An instant of the last hour is fine.
    const ok = await as(proxy, 'user_pro').post('/subscription/change', { price_id: 'price_pro_annual', proration_date: '2025-04-11T11:30:00Z' }, { 'Idempotency-Key': 'k-ok' });
    expect(ok.body.subscription).toMatchObject({ price: { id: 'price_pro_annual' }, current_period_start: '2025-04-11T11:30:00Z' });
  });

  it('monthly → yearly charges 25955 and starts a yearly period now', async () => {
    const proxy = await proxyWith();
    const res = await change(proxy, 'user_pro', 'price_pro_annual');
    expect(res.body.subscription).toMatchObject({
      price: { id: 'price_pro_annual', interval: 'year' },
      current_period_start: '2025-04-11T12:00:00Z',
      current_period_end: '2026-04-11T12:00:00Z',
    });
    const latest = (await as(proxy, 'user_pro').get('/invoices?limit=1')).body.invoices[0];
    expect(latest).toMatchObject({ amount_due: 25955, status: 'paid', period_end: '2026-04-11T12:00:00Z' });
  });

  it('a downgrade sets pending_change, the period end applies it and renews at the new price', async () => {
    const proxy = await proxyWith();
    const res = await change(proxy, 'user_pro', 'price_starter_monthly');
    expect(res.status).toBe(200);
    expect(res.body.subscription).toMatchObject({
      price: { id: 'price_pro_monthly' },
      pending_change: { price: { id: 'price_starter_monthly', amount: 900 }, plan: { id: 'plan_starter', name: 'Starter' }, effective_at: '2025-05-01T00:00:00Z' },
    });
    expect((await subscriptionOf(proxy, 'user_pro')).pending_change).toMatchObject({ price: { id: 'price_starter_monthly' } });
    const before = (await invoicesOf(proxy, 'user_pro')).length;
    await advance(proxy, { to: '2025-05-01T00:00:00Z' });
    const sub = await subscriptionOf(proxy, 'user_pro');
    expect(sub).toMatchObject({ plan: { id: 'plan_starter' }, price: { id: 'price_starter_monthly' }, pending_change: null, status: 'active' });
    const invoices = await invoicesOf(proxy, 'user_pro');
    expect(invoices).toHaveLength(before + 1);
    expect(invoices.at(-1)).toMatchObject({ amount_due: 900, status: 'paid', period_start: '2025-05-01T00:00:00Z' });
  });

  it('changing back to the current price undoes a pending change; naming it without one is a 400', async () => {
    const proxy = await proxyWith();
    await change(proxy, 'user_pro', 'price_starter_monthly');
    const undone = await change(proxy, 'user_pro', 'price_pro_monthly');
    expect(undone.status).toBe(200);
    expect(undone.body.subscription.pending_change).toBeNull();
    expect(await change(proxy, 'user_pro', 'price_pro_monthly')).toMatchObject({ status: 400, body: errorBody('same_price', 'price_id') });
  });

  it('during a trial switches plan with no invoice and keeps trial_end', async () => {
    const proxy = await proxyWith();
    const before = await subscriptionOf(proxy, 'user_trial');
    const count = (await invoicesOf(proxy, 'user_trial')).length;
    const res = await change(proxy, 'user_trial', 'price_pro_monthly');
    expect(res.body.subscription).toMatchObject({ status: 'trialing', plan: { id: 'plan_pro' }, trial_end: before.trial_end, current_period_end: before.current_period_end });
    expect(await invoicesOf(proxy, 'user_trial')).toHaveLength(count);
  });

  it('a net credit is never due: it is carried as a balance and taken off the next invoice', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free', { price_id: 'price_pro_annual' });
    // Yearly → monthly now: credit 27840 for the whole unused year, charge 2900 for the month.
    const res = await preview(proxy, 'user_free', 'price_pro_monthly');
    expect(res.body.preview).toMatchObject({ effective: 'now', amount_due_today: 0, next_invoice: { amount: 0, date: '2025-05-11T12:00:00Z' } });
    expect((await change(proxy, 'user_free', 'price_pro_monthly')).status).toBe(200);
    expect(await proxy.store.getCustomerBalance(subjectKey('user', 'user_free'))).toMatchObject({ amount: 24940 });
    // The proration invoice totals 0: the net credit moves to the balance on a line of its own.
    // (Both invoices are of the same instant: the checkout's is the one of 27840.)
    const proration = (await invoicesOf(proxy, 'user_free')).find((i) => i.amount_due !== 27840);
    expect(proration).toMatchObject({ amount_due: 0, status: 'paid' });
    const detail = await proxy.store.getInvoice(subjectKey('user', 'user_free'), proration.id);
    expect(detail!.lines.map((l) => l.amount)).toEqual([-27840, 2900, 24940]);
    expect((await as(proxy, 'user_free').get(`/invoices/${proration.id}/pdf`)).status).toBe(200);
    await advance(proxy, { to: '2025-05-11T12:00:00Z' });
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ amount_due: 0, status: 'paid' });
    expect(await proxy.store.getCustomerBalance(subjectKey('user', 'user_free'))).toMatchObject({ amount: 22040 });
  });

  it('a declined charge is a 402 with the processor code and changes nothing', async () => {
    const proxy = await proxyWith();
    expect((await attachCard(proxy, 'user_pro', CARDS.chargeFails)).status).toBe(200);
    const subBefore = await subscriptionOf(proxy, 'user_pro');
    const invoicesBefore = await invoicesOf(proxy, 'user_pro');
    const res = await change(proxy, 'user_pro', 'price_pro_annual');
    expect(res).toMatchObject({ status: 402, body: errorBody('card_declined') });
    expect(await subscriptionOf(proxy, 'user_pro')).toEqual(subBefore);
    expect(await invoicesOf(proxy, 'user_pro')).toEqual(invoicesBefore);
  });

  it('replays a repeated Idempotency-Key without charging twice; a different body is refused', async () => {
    const proxy = await proxyWith();
    const first = await change(proxy, 'user_pro', 'price_pro_annual', 'same-key');
    const again = await change(proxy, 'user_pro', 'price_pro_annual', 'same-key');
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect((await invoicesOf(proxy, 'user_pro')).filter((i) => i.amount_due === 25955)).toHaveLength(1);
    expect(await change(proxy, 'user_pro', 'price_starter_monthly', 'same-key')).toMatchObject({ status: 400, body: errorBody('idempotency_key_reused') });
  });
});

describe('payment methods', () => {
  it('GET /payment-method shows the card on file, or null', async () => {
    const proxy = await proxyWith();
    expect((await as(proxy, 'user_pro').get('/payment-method')).body).toEqual({ payment_method: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 } });
    expect((await as(proxy, 'user_free').get('/payment-method')).body).toEqual({ payment_method: null });
  });

  it('a setup confirmed with a card replaces the card on file', async () => {
    const proxy = await proxyWith();
    const setup = await as(proxy, 'user_free').post('/payment-method/setup');
    expect(setup.body).toEqual({ setup_id: expect.stringMatching(/^seti_\w{20}$/), client_secret: expect.stringMatching(/^seti_secret_\w{32}$/), processor: 'test' });
    const res = await as(proxy, 'user_free').post(`/payment-method/setup/${setup.body.setup_id}/confirm`, {
      client_secret: setup.body.client_secret,
      card: { number: '5555 5555 5555 4444', exp_month: 3, exp_year: 31, cvc: '123' },
    });
    expect(res.body).toEqual({ status: 'succeeded', payment_method: { brand: 'mastercard', last4: '4444', exp_month: 3, exp_year: 2031 } });
    expect((await as(proxy, 'user_free').get('/payment-method')).body.payment_method.last4).toBe('4444');
    // A finished setup cannot be used again.
    const again = await as(proxy, 'user_free').post(`/payment-method/setup/${setup.body.setup_id}/confirm`, {
      client_secret: setup.body.client_secret,
      card: { number: CARDS.visa, exp_month: 3, exp_year: 31, cvc: '123' },
    });
    expect(again).toMatchObject({ status: 400, body: errorBody('setup_intent_unexpected_state') });
  });

  it('refuses declined and invalid cards (the card on file stays), attaches 0341', async () => {
    const proxy = await proxyWith();
    expect(await attachCard(proxy, 'user_pro', '4000000000000002')).toMatchObject({ status: 402, body: errorBody('card_declined') });
    expect(await attachCard(proxy, 'user_pro', '4242424242424241')).toMatchObject({ status: 402, body: errorBody('incorrect_number', 'card.number') });
    expect((await as(proxy, 'user_pro').get('/payment-method')).body.payment_method.last4).toBe('4242');
    expect((await attachCard(proxy, 'user_pro', CARDS.chargeFails)).body.payment_method.last4).toBe('0341');
  });

  it('a 3-D Secure card asks for authentication; approving attaches it, failing it does not', async () => {
    const proxy = await proxyWith();
    const client = as(proxy, 'user_free');
    const setup = (await client.post('/payment-method/setup')).body;
    const card = { number: '4000002500003155', exp_month: 12, exp_year: 2099, cvc: '123' };
    const confirm = await client.post(`/payment-method/setup/${setup.setup_id}/confirm`, { client_secret: setup.client_secret, card });
    expect(confirm.body).toEqual({ status: 'requires_action', next_action: { type: 'authenticate' } });
    const failed = await client.post(`/payment-method/setup/${setup.setup_id}/authenticate`, { client_secret: setup.client_secret, approve: false });
    expect(failed).toMatchObject({ status: 402, body: errorBody('authentication_failed') });
    expect((await client.get('/payment-method')).body.payment_method).toBeNull();
    await client.post(`/payment-method/setup/${setup.setup_id}/confirm`, { client_secret: setup.client_secret, card });
    const ok = await client.post(`/payment-method/setup/${setup.setup_id}/authenticate`, { client_secret: setup.client_secret, approve: true });
    expect(ok.body).toMatchObject({ status: 'succeeded', payment_method: { last4: '3155' } });
    expect((await client.get('/payment-method')).body.payment_method.last4).toBe('3155');
  });

  it("another subject's setup is a 404; a wrong secret a 400; an expired setup a 400", async () => {
    const proxy = await proxyWith();
    const setup = (await as(proxy, 'user_free').post('/payment-method/setup')).body;
    const card = { number: CARDS.visa, exp_month: 12, exp_year: 2099, cvc: '123' };
    const path = `/payment-method/setup/${setup.setup_id}/confirm`;
    expect(await as(proxy, 'user_pro').post(path, { client_secret: setup.client_secret, card })).toMatchObject({ status: 404, body: errorBody('resource_missing') });
    expect(await as(proxy, 'user_free').post(path, { client_secret: 'seti_secret_nope', card })).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'client_secret') });
    expect(await as(proxy, 'user_free').post('/payment-method/setup/seti_missing/confirm', { client_secret: setup.client_secret, card })).toMatchObject({ status: 404 });
    await advance(proxy, { seconds: 2 * 3600 });
    expect(await as(proxy, 'user_free').post(path, { client_secret: setup.client_secret, card })).toMatchObject({ status: 400, body: errorBody('setup_expired') });
  });
});

describe('POST /invoices/:id/pay', () => {
  it('user_past_due: declined with the 0341 card (nothing changes), then a new card pays and the subscription is active', async () => {
    const proxy = await proxyWith();
    const client = as(proxy, 'user_past_due');
    const open = (await subscriptionOf(proxy, 'user_past_due')).latest_invoice;
    expect(open).toMatchObject({ status: 'open', amount_due: 900 });
    expect(await client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'p1' })).toMatchObject({ status: 402, body: errorBody('card_declined') });
    expect((await subscriptionOf(proxy, 'user_past_due')).status).toBe('past_due');
    expect((await attachCard(proxy, 'user_past_due', CARDS.visa)).status).toBe(200);
    const paid = await client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'p2' });
    expect(paid).toMatchObject({ status: 200, body: { invoice: { id: open.id, status: 'paid', amount_paid: 900 } } });
    expect(await subscriptionOf(proxy, 'user_past_due')).toMatchObject({ status: 'active' });
    // The same key replays; a new one finds the invoice paid.
    expect(await client.post(`/invoices/${open.id}/pay`, undefined, { 'Idempotency-Key': 'p2' })).toEqual(expect.objectContaining({ status: 200, body: paid.body }));
    expect(await client.post(`/invoices/${open.id}/pay`)).toMatchObject({ status: 400, body: errorBody('invoice_not_open') });
    // Dunning stopped: no retry of it later.
    const res = await advance(proxy, days(10));
    expect(res.body.events.filter((e: any) => e.id === open.id)).toEqual([]);
  });

  it("user_incomplete pays its open invoice and becomes active; another subject's invoice is a 404", async () => {
    const proxy = await proxyWith();
    const open = (await subscriptionOf(proxy, 'user_incomplete')).latest_invoice;
    expect(await as(proxy, 'user_pro').post(`/invoices/${open.id}/pay`)).toMatchObject({ status: 404 });
    await attachCard(proxy, 'user_incomplete', CARDS.visa);
    expect((await as(proxy, 'user_incomplete').post(`/invoices/${open.id}/pay`)).status).toBe(200);
    expect((await subscriptionOf(proxy, 'user_incomplete')).status).toBe('active');
  });

  it('a paid invoice is a 400 invoice_not_open', async () => {
    const proxy = await proxyWith();
    const paid = (await as(proxy, 'user_pro').get('/invoices?limit=1')).body.invoices[0];
    expect(await as(proxy, 'user_pro').post(`/invoices/${paid.id}/pay`)).toMatchObject({ status: 400, body: errorBody('invoice_not_open') });
  });
});
