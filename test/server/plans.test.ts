import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from '../helpers/proxy';

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
          prices: [
            { id: 'price_starter_monthly', amount: 900, currency: 'usd', interval: 'month', model: 'recurring' },
            { id: 'price_starter_annual', amount: 8640, currency: 'usd', interval: 'year', model: 'recurring' },
          ],
        },
        {
          id: 'plan_pro',
          name: 'Pro',
          description: 'For growing teams that need more',
          features: ['basic_analytics', 'advanced_analytics', 'api_access', '25_seats'],
          recommended: true,
          trial_allowed: true,
          prices: [
            { id: 'price_pro_monthly', amount: 2900, currency: 'usd', interval: 'month', model: 'recurring' },
            { id: 'price_pro_annual', amount: 27840, currency: 'usd', interval: 'year', model: 'recurring' },
          ],
        },
      ],
    });
  });

  it('requires a session token', async () => {
    const res = await proxy.fetch('/api/proxy/billing/plans');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });
});
