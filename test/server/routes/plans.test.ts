import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';

/** Pro monthly's documented usage: 10,000 api_calls included, then $2.00 per 1,000 up to 100,000 and $1.50 per 1,000 beyond. */
const proApiCalls = {
  metric: 'api_calls',
  included: 10000,
  mode: 'graduated',
  tiers: [
    { up_to: 100000, unit_amount: 200, per: 1000 },
    { up_to: null, unit_amount: 150, per: 1000 },
  ],
  at_limit: 'bill',
};

describe('GET /plans', () => {
  let proxy: TestProxy;
  beforeAll(async () => {
    proxy = await startTestProxy();
  });
  afterAll(() => proxy.close());

  it('lists the public plans with their prices in display order, hidden plans left out', async () => {
    const res = await proxy.fetch('/api/proxy/billing/plans', {
      headers: { Authorization: `Bearer ${await proxy.tokenFor('user_free')}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      plans: [
        {
          id: 'plan_starter',
          name: 'Starter',
          description: 'For individuals and small teams',
          features: ['basic_analytics', '5_seats'],
          recommended: false,
          trial_allowed: true,
          trial_by_default: false,
          trial_eligible: true,
          prices: [
            { id: 'price_starter_monthly', amount: 900, currency: 'usd', interval: 'month', model: 'recurring', trial_period_days: 14, usage: [] },
            { id: 'price_starter_annual', amount: 8640, currency: 'usd', interval: 'year', model: 'recurring', trial_period_days: 14, usage: [] },
          ],
        },
        {
          id: 'plan_pro',
          name: 'Pro',
          description: 'For growing teams that need more',
          features: ['basic_analytics', 'advanced_analytics', 'api_access', '25_seats'],
          recommended: true,
          trial_allowed: true,
          trial_by_default: false,
          trial_eligible: true,
          prices: [
            { id: 'price_pro_monthly', amount: 2900, currency: 'usd', interval: 'month', model: 'recurring', trial_period_days: 14, usage: [proApiCalls] },
            { id: 'price_pro_annual', amount: 27840, currency: 'usd', interval: 'year', model: 'recurring', trial_period_days: 14, usage: [] },
          ],
        },
        {
          id: 'plan_team',
          name: 'Team',
          description: 'Pay per seat, from 1 to 500',
          features: ['basic_analytics', 'advanced_analytics', 'api_access', 'shared_workspaces'],
          recommended: false,
          trial_allowed: true,
          trial_by_default: false,
          trial_eligible: true,
          prices: [
            { id: 'price_team_monthly', amount: 1200, currency: 'usd', interval: 'month', model: 'per_unit', trial_period_days: 14, unit_label: 'seat', min_quantity: 1, max_quantity: 500, usage: [proApiCalls] },
            { id: 'price_team_annual', amount: 11520, currency: 'usd', interval: 'year', model: 'per_unit', trial_period_days: 14, unit_label: 'seat', min_quantity: 1, max_quantity: 500, usage: [] },
          ],
        },
      ],
    });
  });

  it('answers from the catalogue cache, which a committed plan or price replaces and a rolled-back one does not touch', async () => {
    const get = async () =>
      ((await (await proxy.fetch('/api/proxy/billing/plans', { headers: { Authorization: `Bearer ${await proxy.tokenFor('user_free')}` } })).json()) as {
        plans: { id: string; prices: { id: string }[] }[];
      }).plans;
    const before = await get();
    expect(await get()).toEqual(before);

    await expect(
      proxy.store.transaction(async (s) => {
        await s.insertPlan({ id: 'plan_ghost', key: 'ghost', name: 'Ghost', description: null, features: [], recommended: false, hidden: false, trial_period_days: null, trial_by_default: false, sort_order: 99 });
        expect((await s.listPublicPlans()).map((p) => p.id)).toContain('plan_ghost');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await get()).toEqual(before);

    await proxy.store.transaction(async (s) => {
      await s.insertPlan({ id: 'plan_squad', key: 'squad', name: 'Squad', description: 'For squads', features: ['sso'], recommended: false, hidden: false, trial_period_days: null, trial_by_default: false, sort_order: 50 });
      await s.insertPrice({ id: 'price_squad_monthly', plan_id: 'plan_squad', amount: 4900, currency: 'usd', interval: 'month', model: 'recurring', sort_order: 0 });
    });
    const after = await get();
    expect(after.map((p) => p.id)).toEqual([...before.map((p) => p.id), 'plan_squad']);
    expect(after.at(-1)!.prices.map((p) => p.id)).toEqual(['price_squad_monthly']);
    // Outside a transaction too.
    await proxy.store.insertPrice({ id: 'price_squad_annual', plan_id: 'plan_squad', amount: 47000, currency: 'usd', interval: 'year', model: 'recurring', sort_order: 1 });
    expect((await get()).at(-1)!.prices.map((p) => p.id)).toEqual(['price_squad_monthly', 'price_squad_annual']);
  });

  it('requires a session token', async () => {
    const res = await proxy.fetch('/api/proxy/billing/plans');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });
});
