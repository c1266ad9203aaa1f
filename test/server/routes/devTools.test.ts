import { describe, expect, it } from 'vitest';
import type { TestProxy } from '../../helpers/proxy';
import { proxyPerTest } from '../../helpers/closeAfterEach';
import { as, errorBody, fixedClock } from '../../helpers/http';
import { advance, days } from '../../helpers/lifecycle';

const { proxyWith } = proxyPerTest({ now: fixedClock, lifecycle: { timer: false } });

/** Calls the proxy with a raw bearer token. */
async function withToken(proxy: TestProxy, token: string, path: string) {
  const res = await proxy.fetch(`/api/proxy/billing${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

describe('the dev tools endpoints beside a real identity provider (--dev-clock without the dev keys)', () => {
  it('are 404s for a customer, for the operator token and for the API key: voiding, paying, cards and subject switching need full dev mode', async () => {
    const proxy = await proxyWith({ devMode: false, devClock: true, apiKey: 'sk_test_ops' });
    const customer = as(proxy, 'user_past_due');
    const operator = as({ ...proxy, tokenFor: (id) => proxy.tokenFor(id, undefined, true) }, 'user_past_due');
    const apiKey = as({ ...proxy, tokenFor: async () => 'sk_test_ops' }, 'unused');
    const [open] = (await customer.get('/invoices')).body.invoices.filter((i: { status: string }) => i.status === 'open');
    expect(open).toBeDefined();
    for (const caller of [customer, operator, apiKey]) {
      for (const res of [
        await caller.post('/api/dev/token', { user: 'user_pro' }),
        await caller.get('/api/dev/payment-method'),
        await caller.post('/api/dev/payment-method', { card: 'paying' }),
        await caller.post(`/api/dev/invoices/${open.id}/pay`),
        await caller.post(`/api/dev/invoices/${open.id}/void`),
        await caller.get('/api/dev/events'),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual(errorBody('not_found'));
      }
    }
    // Nothing was voided or paid: the customer is still past due with its invoice open.
    expect((await customer.get('/subscription')).body.subscription.status).toBe('past_due');
    expect((await customer.get('/invoices')).body.invoices.find((i: { id: string }) => i.id === open.id).status).toBe('open');
  });
});

describe('the dev tools endpoints outside dev mode', () => {
  it('are 404s', async () => {
    const proxy = await proxyWith({ devMode: false });
    const user = as(proxy, 'user_past_due');
    for (const res of [
      await user.post('/api/dev/token', { user: 'user_pro' }),
      await user.get('/api/dev/payment-method'),
      await user.post('/api/dev/payment-method', { card: 'failing' }),
      await user.post('/api/dev/invoices/in_x/pay'),
      await user.post('/api/dev/invoices/in_x/void'),
      await user.get('/api/dev/events'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(errorBody('not_found'));
    }
  });
});

describe('POST /api/dev/token', () => {
  it('mints a token that bills the named user, or the org', async () => {
    const proxy = await proxyWith();
    const res = await as(proxy, 'user_free').post('/api/dev/token', { user: 'user_pro' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ token: expect.any(String), subject: { kind: 'user', id: 'user_pro' }, expires_at: '2025-04-12T12:00:00Z' });
    const sub = await withToken(proxy, res.body.token, '/subscription');
    expect(sub.body.subscription.plan.id).toBe('plan_pro');
    const org = await as(proxy, 'user_free').post('/api/dev/token', { user: 'someone_new', org: 'org_acme' });
    expect(org.body.subject).toEqual({ kind: 'org', id: 'org_acme' });
    expect((await withToken(proxy, org.body.token, '/entitlements')).body).toEqual({ plan: null, status: null, features: [] });
  });

  it('is a 404 when the proxy checks tokens with a real secret (--dev-clock without the dev keys)', async () => {
    const proxy = await proxyWith({ devMode: false, devClock: true });
    const operator = as({ ...proxy, tokenFor: (id) => proxy.tokenFor(id, undefined, true) }, 'billkit_operator');
    expect((await operator.get('/api/dev/clock')).status).toBe(200);
    const res = await operator.post('/api/dev/token', { user: 'user_pro' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual(errorBody('not_found'));
  });

  it('needs a valid token and a user id', async () => {
    const proxy = await proxyWith();
    expect((await proxy.fetch('/api/dev/token', { method: 'POST' })).status).toBe(401);
    const missing = await as(proxy, 'user_free').post('/api/dev/token', {});
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(errorBody('parameter_missing', 'user'));
    const spaced = await as(proxy, 'user_free').post('/api/dev/token', { user: 'a b' });
    expect(spaced.status).toBe(400);
    expect(spaced.body.error.param).toBe('user');
  });
});

describe('POST /api/dev/payment-method', () => {
  it('puts the failing test card on file, so the next renewal is declined, and back', async () => {
    const proxy = await proxyWith();
    const user = as(proxy, 'user_pro');
    expect((await user.get('/api/dev/payment-method')).body.payment_method).toMatchObject({ brand: 'visa', last4: '4242' });
    const failing = await user.post('/api/dev/payment-method', { card: 'failing' });
    expect(failing.status).toBe(200);
    expect(failing.body.payment_method).toEqual({ brand: 'visa', last4: '0341', exp_month: 12, exp_year: 2029 });
    // user_pro renews on 2025-05-01.
    await advance(proxy, { to: '2025-05-01T12:00:00Z' });
    expect((await user.get('/subscription')).body.subscription.status).toBe('past_due');
    const paying = await user.post('/api/dev/payment-method', { card: 'paying' });
    expect(paying.body.payment_method.last4).toBe('4242');
  });

  it('refuses an unknown card kind', async () => {
    const proxy = await proxyWith();
    const res = await as(proxy, 'user_pro').post('/api/dev/payment-method', { card: '4242' });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('card');
  });
});

describe('POST /api/dev/invoices/:id/pay', () => {
  async function openInvoiceOf(proxy: TestProxy, user: string): Promise<string> {
    const { body } = await as(proxy, user).get('/invoices');
    return body.invoices.find((i: { status: string }) => i.status === 'open').id;
  }

  it('is declined (402) on the failing card: the attempt is recorded, the invoice stays open; a later attempt is charged anew', async () => {
    const proxy = await proxyWith();
    const user = as(proxy, 'user_past_due');
    const id = await openInvoiceOf(proxy, 'user_past_due');
    const res = await user.post(`/api/dev/invoices/${id}/pay`);
    expect(res.status).toBe(402);
    expect(res.body).toEqual(errorBody('card_declined'));
    expect((await user.get('/subscription')).body.subscription.status).toBe('past_due');
    expect(await proxy.store.getInvoiceAttempts(id)).toMatchObject({ attempt_count: 3 });
    expect((await user.get('/api/dev/events')).body.events[0]).toMatchObject({ type: 'invoice.payment_failed' });
    // The next attempt is a new charge (not the declined one replayed), so a paying card pays.
    await user.post('/api/dev/payment-method', { card: 'paying' });
    expect((await user.post(`/api/dev/invoices/${id}/pay`)).status).toBe(200);
  });

  it('pays with a paying card: the invoice is paid, the subscription active, the events recorded', async () => {
    const proxy = await proxyWith();
    const user = as(proxy, 'user_past_due');
    const id = await openInvoiceOf(proxy, 'user_past_due');
    await user.post('/api/dev/payment-method', { card: 'paying' });
    const res = await user.post(`/api/dev/invoices/${id}/pay`);
    expect(res.status).toBe(200);
    expect(res.body.invoice).toMatchObject({ id, status: 'paid' });
    expect(res.body.subscription.status).toBe('active');
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['invoice.paid', 'subscription.updated']);
    expect((await user.get('/subscription')).body.subscription.status).toBe('active');
    const again = await user.post(`/api/dev/invoices/${id}/pay`);
    expect(again.status).toBe(400);
    expect(again.body).toEqual(errorBody('invoice_not_open', 'id'));
  });

  it('is a 409 while someone else charges the invoice (a payment of it is pending), and changes nothing; so is void', async () => {
    const proxy = await proxyWith();
    const user = as(proxy, 'user_past_due');
    const id = await openInvoiceOf(proxy, 'user_past_due');
    await user.post('/api/dev/payment-method', { card: 'paying' });
    const now = new Date();
    // What POST /invoices/:id/pay or a dunning retry holds while its charge is under way.
    const inFlight = await proxy.store.beginPayment(
      { subject: 'user:user_past_due', object_kind: 'invoice', object_id: id, subscription_id: null, purpose: 'retry', amount: 100, currency: 'usd', request_key: null, plan: null },
      now,
    );
    const attemptsBefore = await proxy.store.getInvoiceAttempts(id);
    for (const action of ['pay', 'void']) {
      const res = await user.post(`/api/dev/invoices/${id}/${action}`);
      expect(res.status).toBe(409);
      expect(res.body).toEqual(errorBody('invoice_being_collected'));
    }
    expect((await user.get('/invoices')).body.invoices.find((i: { id: string }) => i.id === id).status).toBe('open');
    expect(await proxy.store.getInvoiceAttempts(id)).toEqual(attemptsBefore);
    // Once that payment is settled (declined), the devtools pay it.
    await proxy.store.settlePayment(inFlight.id, ['pending'], { status: 'failed', failure_code: 'card_declined' }, now);
    expect((await user.post(`/api/dev/invoices/${id}/pay`)).status).toBe(200);
  });

  it("is a 404 for another subject's invoice", async () => {
    const proxy = await proxyWith();
    const id = await openInvoiceOf(proxy, 'user_past_due');
    const res = await as(proxy, 'user_pro').post(`/api/dev/invoices/${id}/pay`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual(errorBody('not_found'));
  });
});

describe('POST /api/dev/invoices/:id/void', () => {
  it('voids an open invoice and the subscription is active again', async () => {
    const proxy = await proxyWith();
    const user = as(proxy, 'user_past_due');
    const { body } = await user.get('/invoices');
    const id = body.invoices.find((i: { status: string }) => i.status === 'open').id;
    const res = await user.post(`/api/dev/invoices/${id}/void`);
    expect(res.status).toBe(200);
    expect(res.body.invoice).toMatchObject({ id, status: 'void' });
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['invoice.voided', 'subscription.updated']);
    expect((await user.get('/invoices')).body.invoices.find((i: { id: string }) => i.id === id).status).toBe('void');
    // Voided, it is no longer retried by dunning.
    const later = await advance(proxy, days(10));
    expect(later.body.events.filter((e: { subject: string }) => e.subject === 'user_past_due')).toEqual([]);
  });
});

describe('GET /api/dev/events', () => {
  it("lists the caller's webhook events newest first, with payload and delivery status, even without a webhook URL", async () => {
    const proxy = await proxyWith();
    // user_trial's trial ends on the way: trial_will_end, then the first paid invoice.
    await advance(proxy, days(40));
    const res = await as(proxy, 'user_trial').get('/api/dev/events');
    expect(res.status).toBe(200);
    expect(res.body.webhooks).toBe(false);
    const types = res.body.events.map((e: { type: string }) => e.type);
    expect(types.length).toBeGreaterThanOrEqual(3);
    expect(types.at(-1)).toBe('subscription.trial_will_end');
    expect(types).toContain('invoice.paid');
    const times = res.body.events.map((e: { created_at: string }) => e.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(res.body.events[0]).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      delivery: { status: 'not_sent', attempts: 0, last_error: null, delivered_at: null },
      payload: { id: res.body.events[0].id, type: res.body.events[0].type, data: { object: expect.any(Object) } },
    });
    // Nobody else's events.
    expect((await as(proxy, 'user_free').get('/api/dev/events')).body.events).toEqual([]);
    const limited = await as(proxy, 'user_trial').get('/api/dev/events?limit=1');
    expect(limited.body.events).toHaveLength(1);
    expect((await as(proxy, 'user_trial').get('/api/dev/events?limit=0')).status).toBe(400);
  });
});
