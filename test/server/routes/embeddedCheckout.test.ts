import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { as, errorBody } from '../../helpers/http';

const card = (number: string, extra: Record<string, unknown> = {}) => ({
  number,
  exp_month: 12,
  exp_year: 2099,
  cvc: '123',
  postal_code: '94105',
  ...extra,
});

let proxy: TestProxy;
beforeEach(async () => {
  proxy = await startTestProxy();
});
afterEach(() => proxy.close());

async function openSession(user: string, body: Record<string, unknown> = {}, org?: string) {
  const { body: session } = await as(proxy, user, org).post('/checkout', {
    price_id: 'price_pro_monthly',
    success_url: 'https://app.example.com/ok',
    cancel_url: 'https://app.example.com/pricing',
    ui_mode: 'embedded',
    ...body,
  });
  return session as { session_id: string; client_secret: string };
}

describe('POST /checkout/:session_id/confirm', () => {
  it('pays with 4242…, creates the subscription and its paid first invoice', async () => {
    const user = as(proxy, 'user_free');
    const session = await openSession('user_free');
    const { status, body } = await user.post(`/checkout/${session.session_id}/confirm`, {
      client_secret: session.client_secret,
      card: card('4242 4242 4242 4242'),
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'succeeded',
      subscription: expect.objectContaining({ plan: { id: 'plan_pro', name: 'Pro' }, status: 'active', trial_end: null }),
    });
    expect((await user.get('/subscription')).body.subscription.id).toBe(body.subscription.id);
    const invoices = (await user.get('/invoices')).body.invoices;
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ amount_due: 2900, amount_paid: 2900, status: 'paid' });
    expect((await user.get(`/checkout/${session.session_id}`)).body).toMatchObject({
      status: 'complete',
      subscription_id: body.subscription.id,
    });
  });

  it('starts a trial: trialing with trial_end, a $0 invoice', async () => {
    const user = as(proxy, 'user_free');
    const session = await openSession('user_free', { trial_days: 14, price_id: 'price_starter_monthly' });
    const { body } = await user.post(`/checkout/${session.session_id}/confirm`, {
      client_secret: session.client_secret,
      card: card('4242424242424242'),
    });
    expect(body.subscription.status).toBe('trialing');
    expect(body.subscription.trial_end).toBe(body.subscription.current_period_end);
    const days = (Date.parse(body.subscription.trial_end) - Date.parse(body.subscription.current_period_start)) / 86_400_000;
    expect(days).toBe(14);
    expect((await user.get('/invoices')).body.invoices[0]).toMatchObject({ amount_due: 0, status: 'paid' });
  });

  it('applies SAVE20 to the first invoice', async () => {
    const user = as(proxy, 'user_free');
    const session = await openSession('user_free', { promotion_code: 'SAVE20' });
    await user.post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card: card('4242424242424242') });
    expect((await user.get('/invoices')).body.invoices[0]).toMatchObject({ amount_due: 2320, amount_paid: 2320 });
  });

  it.each([
    ['4000 0000 0000 0002', 'card_declined', 'Your card was declined.'],
    ['4000 0000 0000 9995', 'insufficient_funds', 'Your card has insufficient funds.'],
    ['4242 4242 4242 4241', 'incorrect_number', expect.any(String)],
  ])('declines %s with 402 %s and creates nothing', async (number, code, message) => {
    const user = as(proxy, 'user_free');
    const session = await openSession('user_free');
    const { status, body } = await user.post(`/checkout/${session.session_id}/confirm`, {
      client_secret: session.client_secret,
      card: card(number),
    });
    expect(status).toBe(402);
    expect(body.error).toMatchObject({ code, message });
    expect((await user.get('/subscription')).body).toEqual({ subscription: null });
    expect((await user.get(`/checkout/${session.session_id}`)).body.status).toBe('open');
  });

  it('refuses a past expiry and a bad CVC', async () => {
    const user = as(proxy, 'user_free');
    const session = await openSession('user_free');
    const past = await user.post(`/checkout/${session.session_id}/confirm`, {
      client_secret: session.client_secret,
      card: card('4242424242424242', { exp_month: 1, exp_year: 2020 }),
    });
    expect(past.status).toBe(402);
    expect(past.body.error.code).toBe('invalid_expiry');
    const cvc = await user.post(`/checkout/${session.session_id}/confirm`, {
      client_secret: session.client_secret,
      card: card('4242424242424242', { cvc: '1' }),
    });
    expect(cvc.body.error.code).toBe('invalid_cvc');
  });

  it('runs the 3-D Secure step: requires_action, then approve pays', async () => {
    const user = as(proxy, 'user_free');
    const session = await openSession('user_free');
    const first = await user.post(`/checkout/${session.session_id}/confirm`, {
      client_secret: session.client_secret,
      card: card('4000 0025 0000 3155'),
    });
    expect(first).toMatchObject({ status: 200, body: { status: 'requires_action', next_action: { type: 'authenticate' } } });
    expect((await user.get('/subscription')).body.subscription).toBeNull();
    const done = await user.post(`/checkout/${session.session_id}/authenticate`, { client_secret: session.client_secret, approve: true });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('succeeded');
    expect((await user.get('/subscription')).body.subscription.id).toBe(done.body.subscription.id);
  });

  it('a failed 3-D Secure step is a 402 authentication_failed and the session can be paid again', async () => {
    const user = as(proxy, 'user_free');
    const session = await openSession('user_free');
    await user.post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card: card('4000002500003155') });
    const failed = await user.post(`/checkout/${session.session_id}/authenticate`, { client_secret: session.client_secret, approve: false });
    expect(failed.status).toBe(402);
    expect(failed.body).toEqual(errorBody('authentication_failed'));
    expect((await user.get('/subscription')).body.subscription).toBeNull();
    const retry = await user.post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card: card('4242424242424242') });
    expect(retry.body.status).toBe('succeeded');
  });

  it('never charges twice: same Idempotency-Key replays, a second confirm returns the same subscription', async () => {
    const user = as(proxy, 'user_free');
    const session = await openSession('user_free');
    const body = { client_secret: session.client_secret, card: card('4242424242424242') };
    const a = await user.post(`/checkout/${session.session_id}/confirm`, body, { 'Idempotency-Key': 'key-1' });
    const b = await user.post(`/checkout/${session.session_id}/confirm`, body, { 'Idempotency-Key': 'key-1' });
    const c = await user.post(`/checkout/${session.session_id}/confirm`, body);
    expect(b.body).toEqual(a.body);
    expect(c.body.subscription.id).toBe(a.body.subscription.id);
    expect((await user.get('/invoices')).body.invoices).toHaveLength(1);
    const reused = await user.post(`/checkout/${session.session_id}/confirm`, { ...body, card: card('5555555555554444') }, { 'Idempotency-Key': 'key-1' });
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual(errorBody('idempotency_key_reused'));
  });

  it('replays a decline under its Idempotency-Key even once the session is paid; keys are per subject and at most 255 characters', async () => {
    const user = as(proxy, 'user_free');
    const session = await openSession('user_free');
    const declined = { client_secret: session.client_secret, card: card('4000000000000002') };
    const first = await user.post(`/checkout/${session.session_id}/confirm`, declined, { 'Idempotency-Key': 'd-1' });
    expect(first).toMatchObject({ status: 402, body: errorBody('card_declined') });
    const paid = await user.post(`/checkout/${session.session_id}/confirm`, { ...declined, card: card('4242424242424242') }, { 'Idempotency-Key': 'd-2' });
    expect(paid.body.status).toBe('succeeded');
    // Run again, the declined card would now get the paid session's answer; the key replays the decline.
    expect(await user.post(`/checkout/${session.session_id}/confirm`, declined, { 'Idempotency-Key': 'd-1' })).toMatchObject({ status: 402, body: first.body });

    const other = await openSession('user_pro');
    const theirs = await as(proxy, 'user_pro').post(`/checkout/${other.session_id}/confirm`, { client_secret: other.client_secret, card: card('4242424242424242') }, { 'Idempotency-Key': 'd-1' });
    expect(theirs).toMatchObject({ status: 200, body: { status: 'succeeded' } });

    const long = await user.post(`/checkout/${session.session_id}/confirm`, declined, { 'Idempotency-Key': 'k'.repeat(256) });
    expect(long).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'Idempotency-Key') });
  });

  it('refuses a wrong client_secret', async () => {
    const session = await openSession('user_free');
    const { status, body } = await as(proxy, 'user_free').post(`/checkout/${session.session_id}/confirm`, {
      client_secret: 'sess_x_secret_y',
      card: card('4242424242424242'),
    });
    expect(status).toBe(400);
    expect(body).toEqual(errorBody('parameter_invalid', 'client_secret'));
  });

  it('switches plans: a new checkout replaces the live subscription', async () => {
    const user = as(proxy, 'user_pro');
    const session = await openSession('user_pro', { price_id: 'price_starter_annual' });
    const { body } = await user.post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card: card('4242424242424242') });
    const current = (await user.get('/subscription')).body.subscription;
    expect(current.id).toBe(body.subscription.id);
    expect(current.price.id).toBe('price_starter_annual');
    expect((await user.get('/entitlements')).body.plan).toBe('starter');
  });
});
