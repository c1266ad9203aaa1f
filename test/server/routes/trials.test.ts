import { describe, expect, it } from 'vitest';
import type { TestProxy } from '../../helpers/proxy';
import { proxyPerTest } from '../../helpers/closeAfterEach';
import { as, errorBody, fixedClock } from '../../helpers/http';
import { invoicesOf, subscribe, subscriptionOf } from '../../helpers/lifecycle';

// One trial per subject, of at most the plan's length. The demo's Starter and Pro have a
// 14-day trial by request; the tests add a plan whose 30-day trial is the default.
const { proxyWith } = proxyPerTest({ now: fixedClock, lifecycle: { timer: false } });

const checkout = (proxy: TestProxy, user: string, body: Record<string, unknown>) =>
  as(proxy, user).post('/checkout', {
    price_id: 'price_starter_monthly',
    success_url: 'https://app.example.com/ok',
    cancel_url: 'https://app.example.com/no',
    ui_mode: 'embedded',
    ...body,
  });

const plansOf = async (proxy: TestProxy, user: string) => (await as(proxy, user).get('/plans')).body.plans as any[];

async function addDefaultTrialPlan(proxy: TestProxy) {
  await proxy.store.insertPlan({ id: 'plan_trial', key: 'trial', name: 'Trialled', description: null, features: [], recommended: false, hidden: false, trial_period_days: 30, trial_by_default: true, sort_order: 9 });
  await proxy.store.insertPrice({ id: 'price_trial_monthly', plan_id: 'plan_trial', amount: 1500, currency: 'usd', interval: 'month', model: 'recurring', sort_order: 1 });
}

describe('trials: the plan sets the length, one per subject', () => {
  it('GET /plans gives each price its trial length and each plan whether the caller may start its trial', async () => {
    const proxy = await proxyWith();
    await addDefaultTrialPlan(proxy);
    const free = await plansOf(proxy, 'user_free');
    expect(free.map((p) => [p.id, p.trial_allowed, p.trial_by_default, p.trial_eligible, p.prices.map((x: any) => x.trial_period_days)])).toEqual([
      ['plan_starter', true, false, true, [14, 14]],
      ['plan_pro', true, false, true, [14, 14]],
      ['plan_team', true, false, true, [14, 14]],
      ['plan_trial', true, true, true, [30]],
    ]);
    // A subject with paid invoices (user_pro) or a trial (user_trial) gets none.
    for (const user of ['user_pro', 'user_trial']) expect((await plansOf(proxy, user)).map((p) => p.trial_eligible)).toEqual([false, false, false, false]);
    // The API key names no subject: no per-caller flag.
    const proxyWithKey = await proxyWith({ apiKey: 'sk_test_plans' });
    const res = await proxyWithKey.fetch('/api/proxy/billing/plans', { headers: { Authorization: 'Bearer sk_test_plans' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).plans[0]).not.toHaveProperty('trial_eligible');
  });

  it('trial_days may only shorten the plan trial; a plan without trials refuses it', async () => {
    const proxy = await proxyWith();
    expect(await checkout(proxy, 'user_free', { trial_days: 15 })).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'trial_days') });
    expect((await checkout(proxy, 'user_free', { trial_days: 15 })).body.error.message).toMatch(/14 days/);
    expect(await checkout(proxy, 'user_free', { price_id: 'price_enterprise_annual', trial_days: 7 })).toMatchObject({ status: 400, body: errorBody('trial_not_allowed', 'trial_days') });
    const ok = await checkout(proxy, 'user_free', { trial_days: 14 });
    expect(ok.status).toBe(200);
    expect((await as(proxy, 'user_free').get(`/checkout/${ok.body.session_id}`)).body).toMatchObject({ trial_days: 14, amount_due_today: 0 });
  });

  it('a trial by request: none unless asked for (the demo plans)', async () => {
    const proxy = await proxyWith();
    const session = await checkout(proxy, 'user_free', {});
    expect((await as(proxy, 'user_free').get(`/checkout/${session.body.session_id}`)).body).toMatchObject({ trial_days: null, amount_due_today: 900 });
  });

  it('a default trial applies without trial_days, and trial_days shortens it', async () => {
    const proxy = await proxyWith();
    await addDefaultTrialPlan(proxy);
    const whole = await checkout(proxy, 'user_free', { price_id: 'price_trial_monthly' });
    expect((await as(proxy, 'user_free').get(`/checkout/${whole.body.session_id}`)).body).toMatchObject({ trial_days: 30, amount_due_today: 0 });
    const shorter = await checkout(proxy, 'user_free', { price_id: 'price_trial_monthly', trial_days: 3 });
    expect((await as(proxy, 'user_free').get(`/checkout/${shorter.body.session_id}`)).body).toMatchObject({ trial_days: 3 });
    expect(await checkout(proxy, 'user_free', { price_id: 'price_trial_monthly', trial_days: 31 })).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'trial_days') });

    expect((await subscribe(proxy, 'user_free', { price_id: 'price_trial_monthly' })).status).toBe(200);
    expect(await subscriptionOf(proxy, 'user_free')).toMatchObject({ status: 'trialing', trial_end: '2025-05-11T12:00:00Z' });
  });

  it('a subject that had a paid subscription asking for a trial: 400 trial_already_used, nothing created', async () => {
    const proxy = await proxyWith();
    await addDefaultTrialPlan(proxy);
    const before = await subscriptionOf(proxy, 'user_pro');
    const invoices = (await invoicesOf(proxy, 'user_pro')).length;
    const res = await checkout(proxy, 'user_pro', { trial_days: 7 });
    expect(res).toMatchObject({ status: 400, body: errorBody('trial_already_used', 'trial_days') });
    expect(res.body.error.message).toMatch(/already had a trial or a paid subscription/);
    expect(await checkout(proxy, 'user_pro', { price_id: 'price_trial_monthly', trial_days: 30 })).toMatchObject({ status: 400, body: errorBody('trial_already_used', 'trial_days') });
    expect(await subscriptionOf(proxy, 'user_pro')).toEqual(before);
    expect(await invoicesOf(proxy, 'user_pro')).toHaveLength(invoices);

    // Not asking: a default-trial plan simply starts without one, paid today.
    const paid = await checkout(proxy, 'user_pro', { price_id: 'price_trial_monthly' });
    expect(paid.status).toBe(200);
    expect((await as(proxy, 'user_pro').get(`/checkout/${paid.body.session_id}`)).body).toMatchObject({ trial_days: null, amount_due_today: 1500 });
  });

  it('a subject that had a trial gets no second one, even after canceling it', async () => {
    const proxy = await proxyWith();
    expect((await subscribe(proxy, 'user_free', { trial_days: 7 })).status).toBe(200);
    expect((await as(proxy, 'user_free').post('/subscription/cancel', { at_period_end: false })).status).toBe(200);
    expect(await checkout(proxy, 'user_free', { trial_days: 7 })).toMatchObject({ status: 400, body: errorBody('trial_already_used', 'trial_days') });
    expect((await plansOf(proxy, 'user_free'))[0].trial_eligible).toBe(false);
    // A paid checkout still works.
    expect((await subscribe(proxy, 'user_free')).status).toBe(200);
    expect(await subscriptionOf(proxy, 'user_free')).toMatchObject({ status: 'active', trial_end: null });
  });

  it('two trial checkouts opened at once: only the first paid starts a trial', async () => {
    const proxy = await proxyWith();
    const client = as(proxy, 'user_free');
    const first = (await checkout(proxy, 'user_free', { trial_days: 7 })).body;
    const second = (await checkout(proxy, 'user_free', { trial_days: 7 })).body;
    const card = { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' };
    expect((await client.post(`/checkout/${first.session_id}/confirm`, { client_secret: first.client_secret, card })).status).toBe(200);
    const again = await client.post(`/checkout/${second.session_id}/confirm`, { client_secret: second.client_secret, card });
    expect(again).toMatchObject({ status: 400, body: { error: { code: 'trial_already_used' } } });
    expect((await invoicesOf(proxy, 'user_free'))).toHaveLength(1);
  });
});
