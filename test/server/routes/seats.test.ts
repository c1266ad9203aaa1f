import { describe, expect, it } from 'vitest';
import { createTestProcessor } from '../../../src/server/processor/createTestProcessor';
import { subjectKey } from '../../../src/server/subjectKey';
import { proxyPerTest } from '../../helpers/closeAfterEach';
import { as, errorBody, fixedClock } from '../../helpers/http';
import { advance, days, invoicesOf, subscriptionOf } from '../../helpers/lifecycle';
import { countMoney, paidTotal } from '../../helpers/money';
import type { TestProxy } from '../../helpers/proxy';

// Per-seat prices: the demo's Team plan, price_team_monthly 1200 usd per seat (1–500 seats).
// At the fixed clock (2025-04-11T12:00Z) user_team has 5 seats, its period Apr 5 00:00 →
// May 5 00:00 (30 days), 23.5 days of it unused.
const { proxyWith } = proxyPerTest({ now: fixedClock, lifecycle: { timer: false } });

const TEAM = 'price_team_monthly';
const URLS = { success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/no' };
const CARD = { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' };

const checkout = (proxy: TestProxy, user: string, body: Record<string, unknown>) =>
  as(proxy, user).post('/checkout', { ...URLS, ui_mode: 'embedded', ...body });
const preview = (proxy: TestProxy, user: string, body: Record<string, unknown>) => as(proxy, user).post('/subscription/preview', body);
const change = (proxy: TestProxy, user: string, body: Record<string, unknown>, key = `k-${Math.random()}`) =>
  as(proxy, user).post('/subscription/change', body, { 'Idempotency-Key': key });

/** What the test processor took from `user` (its ledger, net of refunds). */
async function charged(proxy: TestProxy, user: string): Promise<number> {
  const money = await countMoney(proxy.store);
  expect(money.orphans).toEqual([]);
  expect(money.pending).toEqual([]);
  return money.charged.get(subjectKey('user', user)) ?? 0;
}

describe('per-seat checkout', () => {
  it('a 5-seat checkout charges 5 × 1200 and subscribes with quantity 5', async () => {
    const proxy = await proxyWith();
    const session = (await checkout(proxy, 'user_free', { price_id: TEAM, quantity: 5 })).body;
    const summary = await as(proxy, 'user_free').get(`/checkout/${session.session_id}`);
    expect(summary.body).toMatchObject({
      price: { id: TEAM, amount: 1200 },
      quantity: 5,
      unit_label: 'seat',
      amount_subtotal: 6000,
      amount_discount: 0,
      amount_due_today: 6000,
    });
    const paid = await as(proxy, 'user_free').post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card: CARD });
    expect(paid.status).toBe(200);
    expect(paid.body.subscription).toMatchObject({ plan: { id: 'plan_team' }, price: { id: TEAM, amount: 1200 }, quantity: 5, status: 'active' });
    expect(await charged(proxy, 'user_free')).toBe(6000);
    const [invoice] = await invoicesOf(proxy, 'user_free');
    expect(invoice).toMatchObject({ amount_due: 6000, amount_paid: 6000, status: 'paid' });
    const detail = await proxy.store.getInvoice(subjectKey('user', 'user_free'), invoice.id);
    expect(detail!.lines).toMatchObject([{ description: 'Team × 5 seats (monthly)', quantity: 5, unit_amount: 1200, amount: 6000 }]);
    expect((await as(proxy, 'user_free').get('/entitlements')).body).toMatchObject({ plan: 'team', seats: 5 });
  });

  it('defaults to the price\'s min_quantity; promotions apply to the whole amount', async () => {
    const proxy = await proxyWith();
    const one = (await checkout(proxy, 'user_free', { price_id: TEAM })).body;
    expect((await as(proxy, 'user_free').get(`/checkout/${one.session_id}`)).body).toMatchObject({ quantity: 1, amount_due_today: 1200 });
    const promo = (await checkout(proxy, 'user_free', { price_id: TEAM, quantity: 10, promotion_code: 'SAVE20' })).body;
    expect((await as(proxy, 'user_free').get(`/checkout/${promo.session_id}`)).body).toMatchObject({
      quantity: 10,
      amount_subtotal: 12000,
      amount_discount: 2400,
      amount_due_today: 9600,
    });
    // A flat price keeps quantity 1 and sends no unit label.
    const flat = (await checkout(proxy, 'user_free', { price_id: 'price_pro_monthly' })).body;
    expect((await as(proxy, 'user_free').get(`/checkout/${flat.session_id}`)).body).toMatchObject({ quantity: 1, unit_label: null, amount_due_today: 2900 });
  });

  it('refuses quantities outside 1–500, non-integers, and a quantity other than 1 on a flat price (400 on quantity), creating nothing', async () => {
    const proxy = await proxyWith();
    for (const body of [
      { price_id: TEAM, quantity: 0 },
      { price_id: TEAM, quantity: 501 },
      { price_id: TEAM, quantity: 2.5 },
      { price_id: TEAM, quantity: '5' },
      { price_id: 'price_pro_monthly', quantity: 2 },
    ]) {
      const res = await checkout(proxy, 'user_free', body);
      expect(res, JSON.stringify(body)).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'quantity') });
    }
    expect((await checkout(proxy, 'user_free', { price_id: TEAM, quantity: 501 })).body.error.message).toMatch(/1 to 500 seats/);
    expect((await checkout(proxy, 'user_free', { price_id: 'price_pro_monthly', quantity: 2 })).body.error.message).toMatch(/flat price/);
    // Quantity 1 on a flat price is simply the flat price.
    expect((await checkout(proxy, 'user_free', { price_id: 'price_pro_monthly', quantity: 1 })).status).toBe(200);
    expect((await checkout(proxy, 'user_free', { price_id: TEAM, quantity: 500 })).status).toBe(200);
  });

  it('the hosted page shows the seats, the unit price and the total', async () => {
    const proxy = await proxyWith();
    const session = (await as(proxy, 'user_free').post('/checkout', { ...URLS, price_id: TEAM, quantity: 5 })).body;
    const html = await (await proxy.fetch(`/billing/checkout/${encodeURIComponent(session.session_id)}`)).text();
    expect(html).toContain('5 seats × $12.00');
    expect(html).toContain('$60.00');
    expect(html).toContain('Pay $60.00');
  });

  it('a seat trial charges the seats at its end', async () => {
    const proxy = await proxyWith();
    const session = (await checkout(proxy, 'user_free', { price_id: TEAM, quantity: 3, trial_days: 7 })).body;
    await as(proxy, 'user_free').post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card: CARD });
    expect(await subscriptionOf(proxy, 'user_free')).toMatchObject({ status: 'trialing', quantity: 3, upcoming_invoice: { amount_due: 3600 } });
    await advance(proxy, { to: '2025-04-18T12:00:00Z' });
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ amount_due: 3600, status: 'paid' });
    expect(await charged(proxy, 'user_free')).toBe(3600);
  });
});

describe('seat changes', () => {
  it('adding 3 seats mid-period charges exactly the prorated difference the preview showed', async () => {
    const proxy = await proxyWith();
    const before = await charged(proxy, 'user_team');
    const seen = (await preview(proxy, 'user_team', { quantity: 8 })).body.preview;
    // 23.5 of 30 days left: credit round(6000 × 23.5/30) = 4700, charge 9600 × 23.5/30 = 7520.
    expect(seen).toEqual({
      price: { id: TEAM, amount: 1200, interval: 'month', currency: 'usd' },
      plan: { id: 'plan_team', name: 'Team' },
      effective: 'now',
      quantity: 8,
      lines: [
        { description: 'Unused time on Team × 5 seats (monthly)', amount: -4700, period_start: '2025-04-11T12:00:00Z', period_end: '2025-05-05T00:00:00Z', proration: true },
        { description: 'Remaining time on Team × 8 seats (monthly)', amount: 7520, period_start: '2025-04-11T12:00:00Z', period_end: '2025-05-05T00:00:00Z', proration: true },
      ],
      amount_due_today: 2820,
      currency: 'usd',
      next_invoice: { amount: 9600, date: '2025-05-05T00:00:00Z' },
      proration_date: '2025-04-11T12:00:00Z',
    });
    await advance(proxy, { seconds: 600 });
    const res = await change(proxy, 'user_team', { quantity: 8, proration_date: seen.proration_date });
    expect(res.status).toBe(200);
    expect(res.body.subscription).toMatchObject({ price: { id: TEAM }, quantity: 8, current_period_end: '2025-05-05T00:00:00Z', pending_change: null });
    expect((await charged(proxy, 'user_team')) - before).toBe(seen.amount_due_today);
    const invoice = (await invoicesOf(proxy, 'user_team')).at(-1);
    expect(invoice).toMatchObject({ amount_due: seen.amount_due_today, amount_paid: seen.amount_due_today, status: 'paid' });
    const detail = await proxy.store.getInvoice(subjectKey('user', 'user_team'), invoice.id);
    expect(detail!.lines.map((l) => ({ description: l.description, amount: l.amount }))).toEqual(seen.lines.map((l: any) => ({ description: l.description, amount: l.amount })));
    expect((await as(proxy, 'user_team').get('/entitlements')).body).toMatchObject({ plan: 'team', seats: 8 });
    // The renewal charges the 8 seats.
    await advance(proxy, { to: '2025-05-05T00:00:00Z' });
    expect((await invoicesOf(proxy, 'user_team')).at(-1)).toMatchObject({ amount_due: 9600, status: 'paid', period_start: '2025-05-05T00:00:00Z' });
    expect((await charged(proxy, 'user_team')) - before).toBe(2820 + 9600);
  });

  it('a new subscriber adding seats 10 days in pays 3 × 1200 for the 20 days left', async () => {
    const proxy = await proxyWith();
    const session = (await checkout(proxy, 'user_free', { price_id: TEAM, quantity: 5 })).body;
    await as(proxy, 'user_free').post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card: CARD });
    await advance(proxy, days(10));
    const seen = (await preview(proxy, 'user_free', { price_id: TEAM, quantity: 8 })).body.preview;
    expect(seen).toMatchObject({ lines: [{ amount: -4000 }, { amount: 6400 }], amount_due_today: 2400 });
    const before = await charged(proxy, 'user_free');
    expect((await change(proxy, 'user_free', { price_id: TEAM, quantity: 8, proration_date: seen.proration_date })).status).toBe(200);
    expect((await charged(proxy, 'user_free')) - before).toBe(2400);
  });

  it('removing seats waits for the period end as a pending change, with no refund; the renewal charges the new quantity', async () => {
    const proxy = await proxyWith();
    const before = await charged(proxy, 'user_team');
    const seen = (await preview(proxy, 'user_team', { quantity: 2 })).body.preview;
    expect(seen).toMatchObject({
      effective: 'period_end',
      quantity: 2,
      lines: [{ description: 'Team × 2 seats (monthly)', amount: 2400, period_start: '2025-05-05T00:00:00Z', period_end: '2025-06-05T00:00:00Z', proration: false }],
      amount_due_today: 0,
      next_invoice: { amount: 2400, date: '2025-05-05T00:00:00Z' },
    });
    const res = await change(proxy, 'user_team', { quantity: 2 });
    expect(res.body.subscription).toMatchObject({
      quantity: 5,
      pending_change: { price: { id: TEAM }, plan: { id: 'plan_team' }, quantity: 2, effective_at: '2025-05-05T00:00:00Z' },
    });
    expect((await as(proxy, 'user_team').get('/entitlements')).body.seats).toBe(5);
    expect(await charged(proxy, 'user_team')).toBe(before);
    await advance(proxy, { to: '2025-05-05T00:00:00Z' });
    expect(await subscriptionOf(proxy, 'user_team')).toMatchObject({ quantity: 2, pending_change: null, status: 'active', current_period_start: '2025-05-05T00:00:00Z' });
    const invoice = (await invoicesOf(proxy, 'user_team')).at(-1);
    expect(invoice).toMatchObject({ amount_due: 2400, status: 'paid', period_start: '2025-05-05T00:00:00Z' });
    const detail = await proxy.store.getInvoice(subjectKey('user', 'user_team'), invoice.id);
    // The seats in advance, and (Team monthly bills API calls too) the ended period's usage: none.
    expect(detail!.lines).toMatchObject([
      { kind: 'seats', description: 'Team × 2 seats (monthly)', quantity: 2, unit_amount: 1200, amount: 2400 },
      { kind: 'usage', metric: 'api_calls', amount: 0 },
    ]);
    expect((await charged(proxy, 'user_team')) - before).toBe(2400);
  });

  it('changing back to the current quantity clears the pending decrease; naming it without one is a 400', async () => {
    const proxy = await proxyWith();
    await change(proxy, 'user_team', { quantity: 3 });
    // Another decrease replaces the pending one.
    expect((await change(proxy, 'user_team', { quantity: 4 })).body.subscription.pending_change).toMatchObject({ quantity: 4 });
    const undone = await change(proxy, 'user_team', { quantity: 5 });
    expect(undone.status).toBe(200);
    expect(undone.body.subscription).toMatchObject({ quantity: 5, pending_change: null });
    expect(await change(proxy, 'user_team', { quantity: 5 })).toMatchObject({ status: 400, body: errorBody('same_price', 'quantity') });
    expect(await preview(proxy, 'user_team', { price_id: TEAM, quantity: 5 })).toMatchObject({ status: 400, body: errorBody('same_price', 'price_id') });
    // An increase after a pending decrease charges now and drops the pending change.
    await change(proxy, 'user_team', { quantity: 3 });
    const up = await change(proxy, 'user_team', { quantity: 6 });
    expect(up.body.subscription).toMatchObject({ quantity: 6, pending_change: null });
  });

  it('moves between flat and per-seat prices: fewer dollars a day wait, more are charged now', async () => {
    const proxy = await proxyWith();
    // Team (5 × 1200) → Pro (2900): a downgrade, at the period end, quantity 1.
    expect((await preview(proxy, 'user_team', { price_id: 'price_pro_monthly' })).body.preview).toMatchObject({ effective: 'period_end', quantity: 1, next_invoice: { amount: 2900 } });
    expect(await preview(proxy, 'user_team', { price_id: 'price_pro_monthly', quantity: 2 })).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'quantity') });
    // Pro (2900) → Team: 1 seat by default waits; 3 seats (3600) are an upgrade now.
    expect((await preview(proxy, 'user_pro', { price_id: TEAM })).body.preview).toMatchObject({ effective: 'period_end', quantity: 1 });
    const up = (await preview(proxy, 'user_pro', { price_id: TEAM, quantity: 3 })).body.preview;
    expect(up).toMatchObject({ effective: 'now', quantity: 3, lines: [{ description: 'Unused time on Pro (monthly)' }, { description: 'Remaining time on Team × 3 seats (monthly)' }] });
    const before = await charged(proxy, 'user_pro');
    const res = await change(proxy, 'user_pro', { price_id: TEAM, quantity: 3, proration_date: up.proration_date });
    expect(res.body.subscription).toMatchObject({ plan: { id: 'plan_team' }, quantity: 3 });
    expect((await charged(proxy, 'user_pro')) - before).toBe(up.amount_due_today);
    // Team annual keeps the 5 seats (a longer interval: now).
    expect((await preview(proxy, 'user_team', { price_id: 'price_team_annual' })).body.preview).toMatchObject({ effective: 'now', quantity: 5, lines: [{}, { description: 'Team × 5 seats (yearly)', amount: 57600 }] });
  });

  it('refuses seat changes outside the range, a body naming nothing, and a quantity on a flat subscription', async () => {
    const proxy = await proxyWith();
    expect(await preview(proxy, 'user_team', { quantity: 501 })).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'quantity') });
    expect(await change(proxy, 'user_team', { quantity: 0 })).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'quantity') });
    expect(await preview(proxy, 'user_team', {})).toMatchObject({ status: 400, body: errorBody('parameter_missing', 'price_id') });
    expect(await change(proxy, 'user_pro', { quantity: 2 })).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'quantity') });
    expect(await subscriptionOf(proxy, 'user_team')).toMatchObject({ quantity: 5, pending_change: null });
  });
});

describe('seat changes during a trial', () => {
  it('apply at once with no charge, and the trial end bills the new seats', async () => {
    const proxy = await proxyWith();
    const session = (await checkout(proxy, 'user_free', { price_id: TEAM, quantity: 3, trial_days: 7 })).body;
    await as(proxy, 'user_free').post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card: CARD });
    const count = (await invoicesOf(proxy, 'user_free')).length;
    expect((await preview(proxy, 'user_free', { quantity: 2 })).body.preview).toMatchObject({ effective: 'now', lines: [], amount_due_today: 0, next_invoice: { amount: 2400 } });
    expect((await change(proxy, 'user_free', { quantity: 2 })).body.subscription).toMatchObject({ status: 'trialing', quantity: 2, pending_change: null });
    expect(await invoicesOf(proxy, 'user_free')).toHaveLength(count);
    await advance(proxy, { to: '2025-04-18T12:00:00Z' });
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ amount_due: 2400, status: 'paid' });
    expect(await charged(proxy, 'user_free')).toBe(2400);
  });
});

describe('seat changes in parallel', () => {
  const slow = proxyPerTest({ now: fixedClock, lifecycle: { timer: false }, processorFor: (store) => createTestProcessor({ ledger: store, latencyMs: 40 }) });

  it('the same request sent five times at once (same Idempotency-Key) and twice with other keys charges once', async () => {
    const proxy = await slow.proxyWith();
    const before = await charged(proxy, 'user_team');
    const paidBefore = await paidTotal(proxy.store, subjectKey('user', 'user_team'));
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => change(proxy, 'user_team', { quantity: 8 }, 'seats-1')),
      change(proxy, 'user_team', { quantity: 8 }, 'seats-2'),
      change(proxy, 'user_team', { quantity: 8 }),
    ]);
    // Whichever request locks the subscription first charges; the others find the change
    // being paid (409) or made (400 same_price), and a same-key retry answers what its first did.
    for (const a of answers) expect([200, 400, 409], JSON.stringify(a.body)).toContain(a.status);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const sameKey = answers.slice(0, 5).filter((a) => a.status === 200);
    for (const again of sameKey) expect(again.body).toEqual(sameKey[0]!.body);
    expect((await charged(proxy, 'user_team')) - before).toBe(2820);
    expect((await paidTotal(proxy.store, subjectKey('user', 'user_team'))) - paidBefore).toBe(2820);
    expect(await subscriptionOf(proxy, 'user_team')).toMatchObject({ quantity: 8 });
    const changes = (await proxy.store.listPayments(subjectKey('user', 'user_team'), 100)).filter((p) => p.purpose === 'plan_change' && p.status === 'succeeded');
    expect(changes).toHaveLength(1);
  });
});
