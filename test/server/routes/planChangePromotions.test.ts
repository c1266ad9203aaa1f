import { describe, expect, it } from 'vitest';
import type { TestProxy } from '../../helpers/proxy';
import { proxyPerTest } from '../../helpers/closeAfterEach';
import { as, fixedClock } from '../../helpers/http';
import { advance, days, invoicesOf, subscribe, subscriptionOf } from '../../helpers/lifecycle';

// The "unused time" credit of a plan change is what the customer paid for the current
// period, promotion included. The fixed clock is 2025-04-11T12:00Z: user_free subscribing
// now gets Apr 11 12:00 → May 11 12:00 (30 days), then May 11 → Jun 11 (31), Jun 11 → Jul 11 (30).
const { proxyWith } = proxyPerTest({ now: fixedClock, lifecycle: { timer: false } });

const preview = async (proxy: TestProxy, price_id: string) => {
  const res = await as(proxy, 'user_free').post('/subscription/preview', { price_id });
  expect(res.status).toBe(200);
  return res.body.preview;
};

/** Changes plan at the preview's instant and checks the change charged what the preview showed. */
async function changeAsPreviewed(proxy: TestProxy, price_id: string) {
  const shown = await preview(proxy, price_id);
  const before = (await invoicesOf(proxy, 'user_free')).length;
  const res = await as(proxy, 'user_free').post('/subscription/change', { price_id, proration_date: shown.proration_date }, { 'Idempotency-Key': `k-${price_id}` });
  expect(res.status).toBe(200);
  expect(res.body.subscription.price.id).toBe(price_id);
  const invoices = await invoicesOf(proxy, 'user_free');
  expect(invoices).toHaveLength(before + 1);
  expect(invoices.at(-1)).toMatchObject({ status: 'paid', amount_paid: shown.amount_due_today });
  return shown;
}

const addCode = (proxy: TestProxy, code: string, fields: { percent_off?: number; amount_off?: number; duration: 'once' | 'repeating' | 'forever'; duration_in_months?: number }) =>
  proxy.store.insertPromotionCode({
    code,
    percent_off: fields.percent_off ?? null,
    amount_off: fields.amount_off ?? null,
    currency: fields.amount_off ? 'usd' : null,
    duration: fields.duration,
    duration_in_months: fields.duration_in_months ?? null,
    expires_at: null,
  });

describe('plan change credit: what was paid for the period', () => {
  it('once (TENOFF made the first invoice 0): nothing is credited in that period, the full price after the next renewal', async () => {
    const proxy = await proxyWith();
    expect((await subscribe(proxy, 'user_free', { promotion_code: 'TENOFF' })).status).toBe(200);
    expect((await invoicesOf(proxy, 'user_free'))[0]).toMatchObject({ amount_paid: 0 });
    await advance(proxy, days(10));
    // Without the promotion's share the credit would be −600 of money never paid.
    expect(await preview(proxy, 'price_starter_annual')).toMatchObject({
      effective: 'now',
      lines: [{ description: 'Starter (yearly)', amount: 8640, proration: false }],
      amount_due_today: 8640,
    });

    // One renewal later: the renewal was paid in full (900), so is its credit.
    await advance(proxy, { to: '2025-05-21T12:00:00Z' });
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ amount_paid: 900, period_start: '2025-05-11T12:00:00Z' });
    // 21 of 31 days left: round(900 × 21/31) = 610.
    const shown = await changeAsPreviewed(proxy, 'price_starter_annual');
    expect(shown).toMatchObject({ lines: [{ amount: -610, proration: true }, { amount: 8640 }], amount_due_today: 8030 });
  });

  it('once, partly off (500 of 900): the credit is of the 400 paid', async () => {
    const proxy = await proxyWith();
    await addCode(proxy, 'FIVEOFF', { amount_off: 500, duration: 'once' });
    expect((await subscribe(proxy, 'user_free', { promotion_code: 'FIVEOFF' })).status).toBe(200);
    await advance(proxy, days(10));
    // 20 of 30 days left: round(400 × 2/3) = 267; the yearly price is not discounted (the code was spent).
    const shown = await changeAsPreviewed(proxy, 'price_starter_annual');
    expect(shown).toMatchObject({ lines: [{ description: 'Unused time on Starter (monthly)', amount: -267 }, { amount: 8640 }], amount_due_today: 8373 });
  });

  it("once, spent on the trial's end: the first paid period credits what that invoice charged", async () => {
    const proxy = await proxyWith();
    await addCode(proxy, 'FIVEOFF', { amount_off: 500, duration: 'once' });
    expect((await subscribe(proxy, 'user_free', { trial_days: 7, promotion_code: 'FIVEOFF' })).status).toBe(200);
    await advance(proxy, { to: '2025-04-18T12:00:00Z' });
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ amount_paid: 400 });
    expect((await subscriptionOf(proxy, 'user_free')).status).toBe('active');
    await advance(proxy, days(10));
    // Apr 18 → May 18 (30 days), 20 left: round(400 × 2/3) = 267.
    expect(await preview(proxy, 'price_starter_annual')).toMatchObject({ lines: [{ amount: -267 }, { amount: 8640 }], amount_due_today: 8373 });
  });

  it('once, after an upgrade inside the first period: the new price was paid in full, so it is credited in full', async () => {
    const proxy = await proxyWith();
    expect((await subscribe(proxy, 'user_free', { promotion_code: 'TENOFF' })).status).toBe(200);
    await advance(proxy, days(10));
    // Starter's unused time was paid nothing (TENOFF): no credit line, Pro's remaining 20 days charged.
    const upgrade = await changeAsPreviewed(proxy, 'price_pro_monthly');
    expect(upgrade).toMatchObject({ lines: [{ description: 'Remaining time on Pro (monthly)', amount: 1933 }], amount_due_today: 1933 });
    await advance(proxy, days(5));
    // 15 of 30 days of Pro left: 2900 × 1/2 = 1450.
    expect(await preview(proxy, 'price_pro_annual')).toMatchObject({ lines: [{ amount: -1450 }, { amount: 27840 }], amount_due_today: 26390 });
  });

  it('repeating (50% for 2 months): credited at half while the code covers the period, in full after', async () => {
    const proxy = await proxyWith();
    await addCode(proxy, 'HALF2', { percent_off: 50, duration: 'repeating', duration_in_months: 2 });
    expect((await subscribe(proxy, 'user_free', { promotion_code: 'HALF2' })).status).toBe(200);
    await advance(proxy, days(10));
    // First period: round(450 × 2/3) = 300; the yearly price starts inside the code's months: 4320.
    expect(await preview(proxy, 'price_starter_annual')).toMatchObject({ lines: [{ amount: -300 }, { amount: 4320 }], amount_due_today: 4020 });
    // Second period (May 11 → Jun 11, 31 days; renewal paid 450), 21 days left: round(450 × 21/31) = 305.
    await advance(proxy, { to: '2025-05-21T12:00:00Z' });
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ amount_paid: 450 });
    expect(await preview(proxy, 'price_starter_annual')).toMatchObject({ lines: [{ amount: -305 }, { amount: 4320 }], amount_due_today: 4015 });
    // Third period (Jun 11 → Jul 11, paid 900): the code is over, 20 of 30 days: 600.
    await advance(proxy, { to: '2025-06-21T12:00:00Z' });
    expect((await invoicesOf(proxy, 'user_free')).at(-1)).toMatchObject({ amount_paid: 900 });
    const shown = await changeAsPreviewed(proxy, 'price_starter_annual');
    expect(shown).toMatchObject({ lines: [{ amount: -600 }, { amount: 8640 }], amount_due_today: 8040 });
  });

  it('forever (SAVE20): always credited at the discounted price', async () => {
    const proxy = await proxyWith();
    expect((await subscribe(proxy, 'user_free', { promotion_code: 'SAVE20' })).status).toBe(200);
    await advance(proxy, days(10));
    // round(720 × 2/3) = 480 credited; the yearly price less 20%: 6912.
    expect(await preview(proxy, 'price_starter_annual')).toMatchObject({ lines: [{ amount: -480 }, { amount: 6912 }], amount_due_today: 6432 });
    await advance(proxy, { to: '2025-05-21T12:00:00Z' });
    // Second period: round(720 × 21/31) = 488.
    const shown = await changeAsPreviewed(proxy, 'price_starter_annual');
    expect(shown).toMatchObject({ lines: [{ amount: -488 }, { amount: 6912 }], amount_due_today: 6424 });
  });
});
