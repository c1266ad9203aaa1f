import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { PriceUsage } from '../../../src/contract/types';
import { proxyPerTest } from '../../helpers/closeAfterEach';
import { as, errorBody, fixedClock } from '../../helpers/http';
import { advance, days, invoicesOf, subscribe, subscriptionOf } from '../../helpers/lifecycle';
import { countMoney } from '../../helpers/money';
import type { TestProxy } from '../../helpers/proxy';

const { proxyWith } = proxyPerTest({ now: fixedClock });

/** Every invoice's lines add up to its amount_due. */
function expectLinesAddUp(invoices: any[]) {
  for (const invoice of invoices) {
    expect(invoice.lines.length, invoice.id).toBeGreaterThan(0);
    expect(invoice.lines.reduce((sum: number, l: any) => sum + l.amount, 0), invoice.id).toBe(invoice.amount_due);
  }
}

const record = (proxy: TestProxy, user: string, quantity: number) => as(proxy, user).post('/usage', { metric: 'api_calls', quantity });

/** A plan of the test's own catalogue with one monthly price of 1000 usd carrying `usage`, and the plan's api_calls `limit`. */
async function meteredPrice(proxy: TestProxy, id: string, usage: PriceUsage, limit: number | null = null) {
  await proxy.store.insertPlan({ id: `plan_${id}`, key: id, name: 'Metered', description: null, features: [], recommended: false, hidden: false, trial_period_days: null, trial_by_default: false, sort_order: 9 });
  await proxy.store.insertPrice({ id: `price_${id}`, plan_id: `plan_${id}`, amount: 1000, currency: 'usd', interval: 'month', model: 'recurring', sort_order: 1, usage: [usage] });
  if (limit !== null) await proxy.store.setUsageLimit(`plan_${id}`, 'api_calls', limit);
  return `price_${id}`;
}

/** Renews the caller's subscription at its period end; answers the renewal's invoice (the newest). */
async function renew(proxy: TestProxy, user: string) {
  const sub = await subscriptionOf(proxy, user);
  expect((await advance(proxy, { to: sub.current_period_end })).status).toBe(200);
  return (await invoicesOf(proxy, user)).at(-1);
}

describe('usage billed in arrears at renewal', () => {
  it('Pro monthly: 23,500 calls over 10,000 included bill 13,500 × $2.00 / 1,000 = 2700 beside the next month, charged once', async () => {
    const proxy = await proxyWith();
    expect((await subscribe(proxy, 'user_free', { price_id: 'price_pro_monthly' })).status).toBe(200);
    await advance(proxy, days(3));
    await record(proxy, 'user_free', 20_000);
    await advance(proxy, days(10));
    await record(proxy, 'user_free', 3_500);
    const invoice = await renew(proxy, 'user_free');
    expect(invoice).toMatchObject({ status: 'paid', amount_due: 2900 + 2700, amount_paid: 5600 });
    expect(invoice.lines).toEqual([
      {
        kind: 'subscription',
        description: 'Pro (monthly)',
        quantity: 1,
        unit_amount: 2900,
        amount: 2900,
        period_start: '2025-05-11T12:00:00Z',
        period_end: '2025-06-11T12:00:00Z',
        metric: null,
        tiers: null,
      },
      {
        kind: 'usage',
        description: 'Usage: 23,500 api calls (10,000 included)',
        quantity: 23_500,
        unit_amount: null,
        amount: 2700,
        period_start: '2025-04-11T12:00:00Z',
        period_end: '2025-05-11T12:00:00Z',
        metric: 'api_calls',
        tiers: [{ up_to: 100_000, unit_amount: 200, per: 1000, quantity: 13_500, amount: 2700 }],
      },
    ]);
    const invoices = await invoicesOf(proxy, 'user_free');
    expect(invoices).toHaveLength(2);
    expectLinesAddUp(invoices);
    const money = await countMoney(proxy.store);
    expect(money.charged.get('user:user_free')).toBe(2900 + 5600);
    expect(money.orphans).toEqual([]);
    expect(money.pending).toEqual([]);
    // The next period starts counting afresh: nothing used, nothing billed.
    const next = await renew(proxy, 'user_free');
    expect(next.lines.find((l: any) => l.kind === 'usage')).toMatchObject({ quantity: 0, amount: 0, tiers: [] });
    expect(next.amount_due).toBe(2900);
  });

  it('at and across the 100,000 boundary (graduated): 100,000 calls bill 18000; 110,000 bill 18000 + 10,000 × $1.50 / 1,000 = 19500', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free', { price_id: 'price_pro_monthly' });
    await record(proxy, 'user_free', 100_000);
    const first = await renew(proxy, 'user_free');
    expect(first.lines[1]).toMatchObject({ quantity: 100_000, amount: 18_000, tiers: [{ up_to: 100_000, quantity: 90_000, amount: 18_000 }] });
    expect(first.amount_due).toBe(2900 + 18_000);
    await record(proxy, 'user_free', 110_000);
    const second = await renew(proxy, 'user_free');
    expect(second.lines[1]).toMatchObject({
      quantity: 110_000,
      amount: 19_500,
      tiers: [
        { up_to: 100_000, unit_amount: 200, per: 1000, quantity: 90_000, amount: 18_000 },
        { up_to: null, unit_amount: 150, per: 1000, quantity: 10_000, amount: 1500 },
      ],
    });
    expect(second.amount_due).toBe(2900 + 19_500);
    expectLinesAddUp(await invoicesOf(proxy, 'user_free'));
    expect((await countMoney(proxy.store)).charged.get('user:user_free')).toBe(2900 + 20_900 + 22_400);
  });

  it('a volume price bills every billable unit at the tier the total falls in, and rounds the line once, half up', async () => {
    const proxy = await proxyWith();
    const price = await meteredPrice(proxy, 'volume', {
      metric: 'api_calls',
      included: 1000,
      mode: 'volume',
      tiers: [
        { up_to: 10_000, unit_amount: 100, per: 1000 },
        { up_to: 50_000, unit_amount: 80, per: 1000 },
        { up_to: null, unit_amount: 50, per: 1000 },
      ],
      at_limit: 'bill',
    });
    await subscribe(proxy, 'user_free', { price_id: price });
    // At the boundary: 10,000 in all, 9,000 billable at $0.10 / 1,000 = 900.
    await record(proxy, 'user_free', 10_000);
    expect((await renew(proxy, 'user_free')).lines[1]).toMatchObject({ quantity: 10_000, amount: 900, tiers: [{ up_to: 10_000, quantity: 9000, amount: 900 }] });
    // Across it: 10,001 in all, all 9,001 billable at $0.08 / 1,000 = 720.08 → 720.
    await record(proxy, 'user_free', 10_001);
    const across = await renew(proxy, 'user_free');
    expect(across.lines[1]).toMatchObject({ quantity: 10_001, amount: 720, tiers: [{ up_to: 50_000, unit_amount: 80, quantity: 9001, amount: 720.08 }] });
    expect(across.amount_due).toBe(1000 + 720);
    // 19,751 in all: 18,751 × 0.08 = 1500.08 → 1500; 19,763: 18,763 × 0.08 = 1501.04 → 1501 (half up at .5 is covered by the unit tests).
    await record(proxy, 'user_free', 19_763);
    expect((await renew(proxy, 'user_free')).lines[1]).toMatchObject({ amount: 1501 });
    expectLinesAddUp(await invoicesOf(proxy, 'user_free'));
    expect((await countMoney(proxy.store)).charged.get('user:user_free')).toBe(1000 + 1900 + 1720 + 2501);
  });

  it('a cancellation at period end bills the final period’s usage on a final invoice, charged once, and the subscription stays canceled', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free', { price_id: 'price_pro_monthly' });
    await record(proxy, 'user_free', 15_000);
    expect((await as(proxy, 'user_free').post('/subscription/cancel', { at_period_end: true })).status).toBe(200);
    const sub = await subscriptionOf(proxy, 'user_free');
    const res = await advance(proxy, { to: sub.current_period_end });
    const types = res.body.events.filter((e: any) => e.subject === 'user_free').map((e: any) => e.type);
    expect(types).toEqual(['invoice.created', 'subscription.canceled', 'invoice.paid']);
    const final = (await invoicesOf(proxy, 'user_free')).at(-1);
    expect(final).toMatchObject({ status: 'paid', amount_due: 1000, amount_paid: 1000, period_start: '2025-04-11T12:00:00Z', period_end: '2025-05-11T12:00:00Z' });
    expect(final.lines).toEqual([expect.objectContaining({ kind: 'usage', quantity: 15_000, amount: 1000 })]);
    expect((await countMoney(proxy.store)).charged.get('user:user_free')).toBe(2900 + 1000);
    expect((await as(proxy, 'user_free').get('/subscription')).body.subscription).toBeNull();
    // Nothing more is charged later.
    await advance(proxy, days(40));
    expect((await countMoney(proxy.store)).charged.get('user:user_free')).toBe(3900);
  });

  it('a cancellation at period end within the included units writes no final invoice', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free', { price_id: 'price_pro_monthly' });
    await record(proxy, 'user_free', 9000);
    await as(proxy, 'user_free').post('/subscription/cancel', { at_period_end: true });
    await advance(proxy, days(31));
    expect(await invoicesOf(proxy, 'user_free')).toHaveLength(1);
  });
});

describe('GET /usage cost and projection', () => {
  it('adds included, billable_quantity, amount and currency, and projects the period end linearly', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free', { price_id: 'price_pro_monthly' });
    const client = as(proxy, 'user_free');
    // Under an hour into the period: the projection is the current figures.
    await record(proxy, 'user_free', 12_000);
    expect((await client.get('/usage?metric=api_calls')).body).toEqual({
      metric: 'api_calls',
      quantity: 12_000,
      period_start: '2025-04-11T12:00:00Z',
      period_end: '2025-05-11T12:00:00Z',
      limit: 10_000,
      included: 10_000,
      billable_quantity: 2000,
      amount: 400,
      currency: 'usd',
      projection: { quantity: 12_000, amount: 400 },
    });
    // 10 of the period's 30 days: 16,000 so far → 48,000 at the end, 38,000 billable × $2.00 / 1,000 = 7600.
    await advance(proxy, days(10));
    await record(proxy, 'user_free', 4000);
    expect((await client.get('/usage?metric=api_calls')).body).toMatchObject({
      quantity: 16_000,
      billable_quantity: 6000,
      amount: 1200,
      projection: { quantity: 48_000, amount: 7600 },
    });
    // 20 of 30 days: 80,000 → 120,000 projected, across the 100,000 boundary: 18000 + 20,000 × 1.5 = 21000.
    await advance(proxy, days(10));
    await record(proxy, 'user_free', 64_000);
    expect((await client.get('/usage?metric=api_calls')).body).toMatchObject({ quantity: 80_000, amount: 14_000, projection: { quantity: 120_000, amount: 21_000 } });
  });

  it('without a usage price: included null, nothing billed; without a subscription no currency', async () => {
    const proxy = await proxyWith();
    expect((await as(proxy, 'user_free').get('/usage?metric=api_calls')).body).toMatchObject({ included: null, billable_quantity: 0, amount: 0, currency: null });
    expect((await as(proxy, 'user_trial').get('/usage?metric=api_calls')).body).toMatchObject({ quantity: 312, included: null, amount: 0, currency: 'usd' });
  });

  it('user_metered (demo): 23,500 calls this period, 13,500 billable, $27.00 so far', async () => {
    const proxy = await proxyWith();
    expect((await as(proxy, 'user_metered').get('/usage?metric=api_calls')).body).toMatchObject({
      quantity: 23_500,
      limit: 10_000,
      included: 10_000,
      billable_quantity: 13_500,
      amount: 2700,
      currency: 'usd',
    });
  });
});

describe("at_limit: 'refuse'", () => {
  it('records usage up to the plan limit, then answers 429 usage_limit_exceeded and records nothing more', async () => {
    const proxy = await proxyWith();
    const price = await meteredPrice(
      proxy,
      'capped',
      { metric: 'api_calls', included: 1000, mode: 'graduated', tiers: [{ up_to: null, unit_amount: 100, per: 1000 }], at_limit: 'refuse' },
      5000,
    );
    await subscribe(proxy, 'user_free', { price_id: price });
    expect((await record(proxy, 'user_free', 4000)).body).toMatchObject({ quantity: 4000, limit: 5000, amount: 300 });
    const refused = await record(proxy, 'user_free', 1001);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual(errorBody('usage_limit_exceeded', 'quantity'));
    expect((await record(proxy, 'user_free', 1000)).body).toMatchObject({ quantity: 5000 });
    expect((await record(proxy, 'user_free', 1)).status).toBe(429);
    expect((await as(proxy, 'user_free').get('/usage?metric=api_calls')).body).toMatchObject({ quantity: 5000, amount: 400 });
    // The next period starts under the limit again; the ended one is billed 4,000 × $0.10 / 1,000.
    const invoice = await renew(proxy, 'user_free');
    expect(invoice.lines[1]).toMatchObject({ kind: 'usage', quantity: 5000, amount: 400 });
    expect((await record(proxy, 'user_free', 5000)).status).toBe(200);
  });

  it('refuses a batch that would pass the limit, naming the event, and records none of it', async () => {
    const proxy = await proxyWith({ apiKey: 'sk_test_lines' });
    const price = await meteredPrice(
      proxy,
      'capped',
      { metric: 'api_calls', included: 0, mode: 'graduated', tiers: [{ up_to: null, unit_amount: 1, per: 1 }], at_limit: 'refuse' },
      100,
    );
    await subscribe(proxy, 'user_free', { price_id: price });
    const post = (events: unknown[]) =>
      proxy.fetch('/api/proxy/billing/usage', { method: 'POST', headers: { Authorization: 'Bearer sk_test_lines', 'Content-Type': 'application/json' }, body: JSON.stringify({ events }) });
    const event = (quantity: number) => ({ metric: 'api_calls', quantity, subject: { user: 'user_free' } });
    const res = await post([event(60), event(30), event(20)]);
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual(errorBody('usage_limit_exceeded', 'events.2.quantity'));
    expect((await as(proxy, 'user_free').get('/usage?metric=api_calls')).body.quantity).toBe(0);
    expect((await post([event(60), event(40)])).status).toBe(200);
  });
});

describe('invoice lines everywhere', () => {
  it('every demo invoice carries lines that add up to its amount_due; user_metered’s current invoice bills last period’s usage', async () => {
    const proxy = await proxyWith();
    for (const user of ['user_pro', 'user_trial', 'user_canceling', 'user_past_due', 'user_paused', 'user_incomplete', 'user_canceled', 'user_metered']) {
      expectLinesAddUp(await invoicesOf(proxy, user));
    }
    const latest = (await invoicesOf(proxy, 'user_metered')).at(-1);
    expect(latest.lines).toMatchObject([
      { kind: 'subscription', amount: 2900 },
      { kind: 'usage', metric: 'api_calls', quantity: 18_200, amount: 1640, tiers: [{ quantity: 8200, amount: 1640 }] },
    ]);
  });

  it('a checkout with a promotion writes the discount as a negative line', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free', { price_id: 'price_pro_monthly', promotion_code: 'SAVE20' });
    const [invoice] = await invoicesOf(proxy, 'user_free');
    expect(invoice.amount_due).toBe(2320);
    expect(invoice.lines).toMatchObject([
      { kind: 'subscription', amount: 2900 },
      { kind: 'discount', description: 'SAVE20 (20% off)', amount: -580 },
    ]);
    await record(proxy, 'user_free', 11_000);
    const renewal = await renew(proxy, 'user_free');
    // The promotion takes its share off the plan, not the usage: 2900 − 580 + 200.
    expect(renewal.amount_due).toBe(2520);
    expect(renewal.lines.map((l: any) => [l.kind, l.amount])).toEqual([
      ['subscription', 2900],
      ['usage', 200],
      ['discount', -580],
    ]);
  });

  it('a plan change writes proration lines; a balance it leaves is a discount line on the next invoice', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free');
    await advance(proxy, days(10));
    expect((await as(proxy, 'user_free').post('/subscription/change', { price_id: 'price_pro_monthly' })).status).toBe(200);
    const upgrade = (await invoicesOf(proxy, 'user_free')).at(-1);
    expect(upgrade.amount_due).toBe(1333);
    expect(upgrade.lines.map((l: any) => [l.kind, l.amount])).toEqual([
      ['proration', -600],
      ['proration', 1933],
    ]);
    // Pro annual → Pro monthly now credits the unused year: the next renewal spends it.
    const other = await proxyWith();
    await subscribe(other, 'user_free', { price_id: 'price_pro_annual' });
    await as(other, 'user_free').post('/subscription/change', { price_id: 'price_pro_monthly' });
    const renewal = await renew(other, 'user_free');
    expect(renewal.lines.map((l: any) => [l.kind, l.description, l.amount])).toEqual([
      ['subscription', 'Pro (monthly)', 2900],
      ['usage', 'Usage: 0 api calls (10,000 included)', 0],
      ['discount', 'Customer balance', -2900],
    ]);
    expectLinesAddUp(await invoicesOf(proxy, 'user_free'));
    expectLinesAddUp(await invoicesOf(other, 'user_free'));
  });

  it('the invoice PDF shows the usage line with its tiers', async () => {
    const proxy = await proxyWith();
    await subscribe(proxy, 'user_free', { price_id: 'price_pro_monthly' });
    await record(proxy, 'user_free', 110_000);
    const invoice = await renew(proxy, 'user_free');
    const res = await proxy.fetch(invoice.pdf_url, { headers: { Authorization: `Bearer ${await proxy.tokenFor('user_free')}` } });
    expect(res.status).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true });
    expect(text).toContain('Usage: 110,000 api calls (10,000 included)');
    expect(text).toContain('90,000 at $2.00 per 1,000 (up to 100,000)');
    expect(text).toContain('10,000 at $1.50 per 1,000 (beyond the tiers above)');
    expect(text).toContain('$195.00');
    expect(text).toContain('$224.00');
  });
});
