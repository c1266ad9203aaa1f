import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { as, errorBody, fixedClock } from '../helpers/http';

// Every endpoint's success shape, field by field, against the demo seed at a fixed clock.
let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ now: fixedClock });
});
afterAll(() => proxy.close());

describe('GET /subscription', () => {
  it('returns the active Pro subscription exactly as documented (plus price.currency, canceled_at, ended_at, pending_change, quantity)', async () => {
    const { status, body } = await as(proxy, 'user_pro').get('/subscription');
    expect(status).toBe(200);
    expect(body).toEqual({
      subscription: {
        id: 'sub_demo_pro',
        plan: { id: 'plan_pro', name: 'Pro' },
        price: { id: 'price_pro_monthly', amount: 2900, interval: 'month', currency: 'usd' },
        status: 'active',
        current_period_start: '2025-04-01T00:00:00Z',
        current_period_end: '2025-05-01T00:00:00Z',
        cancel_at_period_end: false,
        trial_end: null,
        canceled_at: null,
        ended_at: null,
        pending_change: null,
        quantity: 1,
      },
    });
  });

  it('returns { subscription: null } without one', async () => {
    expect((await as(proxy, 'user_free').get('/subscription')).body).toEqual({ subscription: null });
    expect((await as(proxy, 'user_free', 'org_acme').get('/subscription')).body).toEqual({ subscription: null });
  });

  it.each([
    ['user_trial', 'trialing', 'plan_starter', false, '2025-04-20T00:00:00Z'],
    ['user_canceling', 'active', 'plan_pro', true, null],
    ['user_past_due', 'past_due', 'plan_starter', false, null],
    ['user_paused', 'paused', 'plan_starter', false, null],
    ['user_incomplete', 'incomplete', 'plan_pro', false, null],
    ['user_canceled', 'canceled', 'plan_pro', false, null],
  ])('shows %s as %s', async (user, status, plan, cancelAtPeriodEnd, trialEnd) => {
    const { body } = await as(proxy, user).get('/subscription');
    expect(body.subscription).toMatchObject({ status, plan: { id: plan }, cancel_at_period_end: cancelAtPeriodEnd, trial_end: trialEnd });
  });
});

describe('GET /entitlements', () => {
  it('names the plan by key with its features', async () => {
    expect((await as(proxy, 'user_pro').get('/entitlements')).body).toEqual({
      plan: 'pro',
      status: 'active',
      features: ['basic_analytics', 'advanced_analytics', 'api_access', '25_seats'],
    });
    expect((await as(proxy, 'user_trial').get('/entitlements')).body).toEqual({
      plan: 'starter',
      status: 'trialing',
      features: ['basic_analytics', '5_seats'],
    });
    expect((await as(proxy, 'user_past_due').get('/entitlements')).body).toMatchObject({ plan: 'starter', status: 'past_due' });
  });

  it.each(['user_free', 'user_paused', 'user_incomplete', 'user_canceled'])('is empty for %s', async (user) => {
    expect((await as(proxy, user).get('/entitlements')).body).toEqual({ plan: null, status: null, features: [] });
  });
});

describe('GET /usage', () => {
  it('sums the current period against the plan limit', async () => {
    expect((await as(proxy, 'user_pro').get('/usage?metric=api_calls')).body).toEqual({
      metric: 'api_calls',
      quantity: 8423,
      period_start: '2025-04-01T00:00:00Z',
      period_end: '2025-05-01T00:00:00Z',
      limit: 10000,
      // Billkit additions: the cost so far (within the included calls) and the projection at
      // the rate so far: 8423 × 720 h / 252 h elapsed = 24,065 calls, 14,065 × $2.00 / 1,000.
      included: 10000,
      billable_quantity: 0,
      amount: 0,
      currency: 'usd',
      projection: { quantity: 24065, amount: 2813 },
    });
  });

  it('uses the calendar month and the free tier limit without a subscription', async () => {
    expect((await as(proxy, 'user_free').get('/usage?metric=api_calls')).body).toEqual({
      metric: 'api_calls',
      quantity: 0,
      period_start: '2025-04-01T00:00:00Z',
      period_end: '2025-05-01T00:00:00Z',
      limit: 1000,
      // Billkit additions: nothing billed without a subscription.
      included: null,
      billable_quantity: 0,
      amount: 0,
      currency: null,
      projection: { quantity: 0, amount: 0 },
    });
  });

  it('reports null (unlimited) for a metric without a limit', async () => {
    expect((await as(proxy, 'user_pro').get('/usage?metric=storage_gb')).body).toMatchObject({ quantity: 0, limit: null });
  });

  it('records usage in dev mode and the meter moves', async () => {
    const user = as(proxy, 'user_trial');
    const before = (await user.get('/usage?metric=api_calls')).body.quantity;
    const { status, body } = await user.post('/usage', { metric: 'api_calls', quantity: 5 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ metric: 'api_calls', quantity: before + 5, limit: 2000 });
  });
});

describe('GET /invoices', () => {
  it('pages through the history most recent first', async () => {
    const user = as(proxy, 'user_pro');
    const first = await user.get('/invoices');
    expect(first.status).toBe(200);
    expect(first.body.has_more).toBe(true);
    expect(first.body.invoices).toHaveLength(10);
    const newest = first.body.invoices[0];
    expect(newest).toEqual({
      id: expect.stringMatching(/^in_/),
      amount_due: 2900,
      amount_paid: 2900,
      currency: 'usd',
      status: 'paid',
      period_start: '2025-04-01T00:00:00Z',
      period_end: '2025-05-01T00:00:00Z',
      created_at: '2025-04-01T00:00:05Z',
      pdf_url: `/api/proxy/billing/invoices/${newest.id}/pdf`,
      // Billkit additions: the subscription it bills, and its lines.
      subscription: 'sub_demo_pro',
      lines: [
        {
          kind: 'subscription',
          description: 'Pro (monthly)',
          quantity: 1,
          unit_amount: 2900,
          amount: 2900,
          period_start: '2025-04-01T00:00:00Z',
          period_end: '2025-05-01T00:00:00Z',
          metric: null,
          tiers: null,
        },
      ],
    });
    const created = first.body.invoices.map((i: { created_at: string }) => i.created_at);
    expect([...created].sort().reverse()).toEqual(created);
    const last = first.body.invoices[9].id;
    const second = await user.get(`/invoices?limit=10&starting_after=${last}`);
    expect(second.body.invoices).toHaveLength(4);
    expect(second.body.has_more).toBe(false);
    const ids = [...first.body.invoices, ...second.body.invoices].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(14);
  });

  it('honours limit', async () => {
    const { body } = await as(proxy, 'user_pro').get('/invoices?limit=3');
    expect(body.invoices).toHaveLength(3);
    expect(body.has_more).toBe(true);
  });

  it('shows every invoice status of the demo', async () => {
    const statuses = async (user: string) =>
      (await as(proxy, user).get('/invoices')).body.invoices.map((i: { status: string }) => i.status);
    expect(await statuses('user_past_due')).toEqual(['open', 'uncollectible', 'void', 'paid', 'paid']);
    expect(await statuses('user_paused')).toEqual(['draft', 'paid', 'paid']);
    expect((await as(proxy, 'user_free').get('/invoices')).body).toEqual({ invoices: [], has_more: false });
  });
});

describe('POST /checkout', () => {
  it('answers checkout_url and a signed session_id (hosted)', async () => {
    const { status, body } = await as(proxy, 'user_free').post('/checkout', {
      price_id: 'price_pro_monthly',
      success_url: 'https://app.example.com/ok?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://app.example.com/pricing',
    });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['checkout_url', 'session_id']);
    expect(body.session_id).toMatch(/^sess_[A-Za-z0-9]+\.\d+\.[0-9a-f]{64}$/);
    expect(body.checkout_url).toBe(`http://billkit.test/billing/checkout/${body.session_id}`);
  });

  it('adds client_secret and processor in embedded mode, and summarises the session', async () => {
    const user = as(proxy, 'user_free');
    const { body } = await user.post('/checkout', {
      price_id: 'price_starter_annual',
      success_url: 'https://app.example.com/ok',
      cancel_url: 'https://app.example.com/pricing',
      promotion_code: 'SAVE20',
      trial_days: 14,
      ui_mode: 'embedded',
    });
    expect(body).toEqual({
      checkout_url: expect.any(String),
      session_id: expect.any(String),
      client_secret: expect.stringMatching(/_secret_/),
      processor: 'test',
    });
    const summary = await user.get(`/checkout/${body.session_id}`);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({
      session_id: body.session_id,
      status: 'open',
      plan: { id: 'plan_starter', name: 'Starter' },
      price: { id: 'price_starter_annual', amount: 8640, currency: 'usd', interval: 'year' },
      promotion: { code: 'SAVE20', percent_off: 20, amount_off: null, duration: 'forever' },
      trial_days: 14,
      quantity: 1,
      unit_label: null,
      amount_subtotal: 8640,
      amount_discount: 1728,
      amount_due_today: 0,
      currency: 'usd',
      expires_at: '2025-04-12T12:00:00Z',
      subscription_id: null,
    });
  });

  it('takes TENOFF off once', async () => {
    const user = as(proxy, 'user_free');
    const { body } = await user.post('/checkout', {
      price_id: 'price_pro_monthly',
      success_url: 'https://app.example.com/ok',
      cancel_url: 'https://app.example.com/pricing',
      promotion_code: 'tenoff',
    });
    expect((await user.get(`/checkout/${body.session_id}`)).body).toMatchObject({
      promotion: { code: 'TENOFF', percent_off: null, amount_off: 1000, duration: 'once' },
      amount_discount: 1000,
      amount_due_today: 1900,
    });
  });

  it.each([
    [{ promotion_code: 'NOPE' }, 'promotion_code_invalid', 'promotion_code'],
    [{ promotion_code: 'EXPIRED20' }, 'promotion_code_expired', 'promotion_code'],
    [{ price_id: 'price_nope' }, 'resource_missing', 'price_id'],
    [{ price_id: 'price_enterprise_annual', trial_days: 7 }, 'trial_not_allowed', 'trial_days'],
  ])('refuses %j with %s', async (change, code, param) => {
    const { status, body } = await as(proxy, 'user_free').post('/checkout', {
      price_id: 'price_pro_monthly',
      success_url: 'https://app.example.com/ok',
      cancel_url: 'https://app.example.com/pricing',
      ...change,
    });
    expect(status).toBe(400);
    expect(body).toEqual(errorBody(code, param));
  });
});

describe('POST /subscription/cancel and /subscription/resume', () => {
  it('cancels at period end (twice is the same), then resumes', async () => {
    const fresh = await startTestProxy({ now: fixedClock });
    try {
      const user = as(fresh, 'user_pro');
      const first = await user.post('/subscription/cancel', { at_period_end: true });
      expect(first.status).toBe(200);
      expect(first.body.subscription).toMatchObject({
        id: 'sub_demo_pro',
        status: 'active',
        cancel_at_period_end: true,
        current_period_end: '2025-05-01T00:00:00Z',
        // Stripe's meaning: when the cancellation was asked for; it has not ended yet.
        canceled_at: '2025-04-11T12:00:00Z',
        ended_at: null,
      });
      expect((await user.post('/subscription/cancel', { at_period_end: true })).body).toEqual(first.body);
      const resumed = await user.post('/subscription/resume');
      expect(resumed.status).toBe(200);
      expect(resumed.body.subscription).toMatchObject({ id: 'sub_demo_pro', status: 'active', cancel_at_period_end: false, canceled_at: null, ended_at: null });
      expect((await user.post('/subscription/resume')).body).toEqual(errorBody('subscription_not_resumable'));
    } finally {
      await fresh.close();
    }
  });

  it('cancels immediately: status canceled, still shown until the period ends, not resumable', async () => {
    const fresh = await startTestProxy({ now: fixedClock });
    try {
      const user = as(fresh, 'user_canceling');
      const { body } = await user.post('/subscription/cancel', { at_period_end: false });
      expect(body.subscription).toMatchObject({
        status: 'canceled',
        cancel_at_period_end: false,
        canceled_at: '2025-04-11T12:00:00Z',
        ended_at: '2025-04-11T12:00:00Z',
        current_period_end: '2025-04-22T00:00:00Z',
      });
      expect((await user.get('/subscription')).body.subscription).toEqual(body.subscription);
      expect((await user.get('/entitlements')).body.plan).toBeNull();
      const again = await user.post('/subscription/resume');
      expect(again.status).toBe(400);
      expect(again.body).toEqual(errorBody('subscription_not_resumable'));
      expect((await user.post('/subscription/cancel', { at_period_end: true })).status).toBe(404);
    } finally {
      await fresh.close();
    }
  });

  it('seeds canceled_at / ended_at consistently with each demo status', async () => {
    const facts = async (user: string) => {
      const { subscription } = (await as(proxy, user).get('/subscription')).body;
      return { status: subscription.status, cancel_at_period_end: subscription.cancel_at_period_end, canceled_at: subscription.canceled_at, ended_at: subscription.ended_at };
    };
    expect(await facts('user_pro')).toEqual({ status: 'active', cancel_at_period_end: false, canceled_at: null, ended_at: null });
    expect(await facts('user_canceling')).toEqual({ status: 'active', cancel_at_period_end: true, canceled_at: '2025-04-07T00:00:00Z', ended_at: null });
    expect(await facts('user_canceled')).toEqual({ status: 'canceled', cancel_at_period_end: false, canceled_at: '2025-04-09T00:00:00Z', ended_at: '2025-04-09T00:00:00Z' });
  });

  it('seeds the cards on file the README lists: a Visa 4242 or the declining 0341 where a subscription renews, none elsewhere', async () => {
    const card = async (user: string, org?: string) => (await as(proxy, user, org).get('/payment-method')).body.payment_method?.last4 ?? null;
    expect(
      Object.fromEntries(
        await Promise.all(
          ['user_pro', 'user_trial', 'user_canceling', 'user_paused', 'user_past_due', 'user_free', 'user_incomplete', 'user_canceled'].map(
            async (user) => [user, await card(user)],
          ),
        ),
      ),
    ).toEqual({
      user_pro: '4242',
      user_trial: '4242',
      user_canceling: '4242',
      user_paused: '4242',
      user_past_due: '0341',
      user_free: null,
      user_incomplete: null,
      user_canceled: null,
    });
    expect(await card('user_free', 'org_acme')).toBeNull();
    // So user_incomplete's open first invoice waits for a card.
    const [open] = (await as(proxy, 'user_incomplete').get('/invoices')).body.invoices;
    expect(open.status).toBe('open');
    const pay = await as(proxy, 'user_incomplete').post(`/invoices/${open.id}/pay`);
    expect(pay).toMatchObject({ status: 402, body: errorBody('no_payment_method') });
  });

  it('resumes a paused subscription', async () => {
    const fresh = await startTestProxy({ now: fixedClock });
    try {
      const { status, body } = await as(fresh, 'user_paused').post('/subscription/resume');
      expect(status).toBe(200);
      expect(body.subscription).toMatchObject({ status: 'active', cancel_at_period_end: false });
    } finally {
      await fresh.close();
    }
  });

  it('answers 404 no_subscription without one', async () => {
    const cancel = await as(proxy, 'user_free').post('/subscription/cancel', { at_period_end: true });
    expect(cancel.status).toBe(404);
    expect(cancel.body).toEqual(errorBody('no_subscription'));
    expect((await as(proxy, 'user_free').post('/subscription/resume')).status).toBe(404);
  });
});

describe('HTTP conventions', () => {
  it('answers 404 for unknown routes and 405 for wrong methods, as JSON', async () => {
    const user = as(proxy, 'user_pro');
    const unknown = await user.get('/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(errorBody('not_found'));
    const wrong = await user.raw('DELETE', '/subscription');
    expect(wrong.status).toBe(405);
    expect(wrong.body).toEqual(errorBody('method_not_allowed'));
    expect(wrong.headers.get('allow')).toContain('GET');
  });

  it('answers CORS preflights for the API with the Authorization header allowed', async () => {
    const res = await proxy.fetch('/api/proxy/billing/subscription', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('refuses expired, garbled and foreign-key tokens with 401', async () => {
    const { mintDevToken } = await import('../../src/server/auth/mintDevToken');
    const expired = await mintDevToken({ secret: 'billkit-test-jwt-secret', user: 'user_pro', now: new Date('2025-01-01T00:00:00Z'), expiresIn: 60 });
    const foreign = await mintDevToken({ secret: 'someone-else', user: 'user_pro', now: new Date('2025-04-11T00:00:00Z') });
    for (const token of [expired, foreign, 'garbage', `${expired}x`]) {
      const res = await proxy.fetch('/api/proxy/billing/subscription', { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(errorBody('unauthorized'));
    }
  });
});
