// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from '../helpers/proxy';

// The hooks and components suites run the proxy from jsdom: the helper must work there.
describe('startTestProxy under jsdom', () => {
  let proxy: TestProxy;
  beforeAll(async () => {
    proxy = await startTestProxy();
  });
  afterAll(() => proxy.close());

  it('serves the demo plans through fetch with a relative URL', async () => {
    const res = await proxy.fetch('/api/proxy/billing/plans', {
      headers: { Authorization: `Bearer ${await proxy.tokenFor('user_pro')}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { plans: { id: string }[] };
    expect(body.plans.map((p) => p.id)).toEqual(['plan_starter', 'plan_pro', 'plan_team']);
  });

  it('gives each call its own database', async () => {
    const other = await startTestProxy();
    try {
      const token = await other.tokenFor('user_pro');
      const cancel = await other.fetch('/api/proxy/billing/subscription/cancel', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ at_period_end: false }),
      });
      expect(cancel.status).toBe(200);
      const mine = await proxy.fetch(`${proxy.baseUrl}/subscription`, {
        headers: { Authorization: `Bearer ${await proxy.tokenFor('user_pro')}` },
      });
      expect(((await mine.json()) as { subscription: { status: string } }).subscription.status).toBe('active');
    } finally {
      await other.close();
    }
  });
});
