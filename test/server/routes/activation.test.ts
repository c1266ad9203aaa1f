import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signCheckoutSession } from '../../../src/server/checkout/checkoutSessionSignature';
import { startTestProxy, TEST_SECRETS, type TestProxy } from '../../helpers/proxy';
import { as, errorBody } from '../../helpers/http';
import { payHostedCheckout } from '../../helpers/hostedCheckout';

const API_KEY = 'bk_test_server_key_0123456789';
let proxy: TestProxy;
beforeEach(async () => {
  proxy = await startTestProxy({ apiKey: API_KEY });
});
afterEach(() => proxy.close());

/** org_acme (through user_free's token) opens a hosted checkout and pays it on the hosted page. */
async function paidOrgSession(): Promise<string> {
  const res = await payHostedCheckout(proxy, 'user_free', 'org_acme');
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!).searchParams.get('session_id')!;
}

const activate = (token: string, body: unknown) =>
  proxy.fetch('/api/v1/billing/activate', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /api/v1/billing/activate', () => {
  it('activates a paid session for its org, and again safely', async () => {
    const sessionId = await paidOrgSession();
    const token = await proxy.tokenFor('user_free', 'org_acme');
    for (let i = 0; i < 2; i++) {
      const res = await activate(token, { session_id: sessionId });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ success: true });
    }
    const org = as(proxy, 'user_free', 'org_acme');
    expect((await org.get('/entitlements')).body).toMatchObject({ plan: 'pro', status: 'active' });
    expect((await org.get('/invoices')).body.invoices).toHaveLength(1);
    // The user's own (personal) subject stays free.
    expect((await as(proxy, 'user_free').get('/subscription')).body.subscription).toBeNull();
  });

  it('accepts the server API key, taking the subject from the signed session', async () => {
    const sessionId = await paidOrgSession();
    const res = await activate(API_KEY, { session_id: sessionId });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true });
  });

  it('is a 401 without a valid token', async () => {
    const sessionId = await paidOrgSession();
    const none = await proxy.fetch('/api/v1/billing/activate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ session_id: sessionId }),
    });
    expect(none.status).toBe(401);
    expect((await activate('not-a-token', { session_id: sessionId })).status).toBe(401);
  });

  it('is a 403 for forged, expired, unknown and foreign sessions, and changes nothing', async () => {
    const sessionId = await paidOrgSession();
    const [id, exp] = sessionId.split('.');
    const forged = `${id}.${exp}.${'0'.repeat(64)}`;
    const longer = await signCheckoutSession({ id: id!, subject: 'org_acme', expiresAt: new Date(Date.now() + 86_400_000 * 30), secret: 'wrong' });
    const expired = await signCheckoutSession({ id: id!, subject: 'org_acme', expiresAt: new Date(Date.now() - 1000), secret: TEST_SECRETS.signing });
    const unknown = await signCheckoutSession({ subject: 'org_acme', expiresAt: new Date(Date.now() + 60_000), secret: TEST_SECRETS.signing });
    const orgToken = await proxy.tokenFor('user_free', 'org_acme');
    for (const candidate of [forged, longer, expired, unknown, 'sess_garbage']) {
      const res = await activate(orgToken, { session_id: candidate });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual(errorBody('forbidden'));
    }
    const foreign = await activate(await proxy.tokenFor('user_pro'), { session_id: sessionId });
    expect(foreign.status).toBe(403);
  });

  it('is a 409 checkout_not_paid for a session not paid yet', async () => {
    const { body } = await as(proxy, 'user_free', 'org_acme').post('/checkout', {
      price_id: 'price_pro_monthly',
      success_url: 'https://app.example.com/ok',
      cancel_url: 'https://app.example.com/pricing',
    });
    const res = await activate(await proxy.tokenFor('user_free', 'org_acme'), { session_id: body.session_id });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual(errorBody('checkout_not_paid'));
    expect((await as(proxy, 'user_free', 'org_acme').get('/subscription')).body.subscription).toBeNull();
  });

  it('is a 400 for a missing or non-string session_id', async () => {
    const token = await proxy.tokenFor('user_free', 'org_acme');
    const missing = await activate(token, {});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual(errorBody('parameter_missing', 'session_id'));
    const number = await activate(token, { session_id: 42 });
    expect(await number.json()).toEqual(errorBody('parameter_invalid', 'session_id'));
  });
});

describe('POST /usage with the server API key', () => {
  const record = (token: string, body: unknown) =>
    proxy.fetch('/api/proxy/billing/usage', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('records usage for the subject named in the body', async () => {
    const res = await record(API_KEY, { metric: 'api_calls', quantity: 77, subject: { org: 'org_acme' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ metric: 'api_calls', quantity: 77, limit: 1000 });
    expect((await as(proxy, 'user_free', 'org_acme').get('/usage?metric=api_calls')).body.quantity).toBe(77);
    expect((await as(proxy, 'user_free').get('/usage?metric=api_calls')).body.quantity).toBe(0);
  });

  it('needs the subject with the API key, and refuses it with a user token', async () => {
    const missing = await record(API_KEY, { metric: 'api_calls', quantity: 1 });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual(errorBody('parameter_missing', 'subject'));
    const user = await record(await proxy.tokenFor('user_pro'), { metric: 'api_calls', quantity: 1, subject: { user: 'user_free' } });
    expect(user.status).toBe(400);
    expect((await as(proxy, 'user_free').get('/usage?metric=api_calls')).body.quantity).toBe(0);
  });

  it('the API key names no subject for user endpoints (401)', async () => {
    const res = await proxy.fetch('/api/proxy/billing/subscription', { headers: { Authorization: `Bearer ${API_KEY}` } });
    expect(res.status).toBe(401);
  });
});

describe('POST /usage outside dev mode', () => {
  it('refuses user tokens with 403 and records nothing', async () => {
    const strict = await startTestProxy({ devMode: false });
    try {
      const res = await as(strict, 'user_pro').post('/usage', { metric: 'api_calls', quantity: 5 });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(errorBody('forbidden'));
      expect((await as(strict, 'user_pro').get('/usage?metric=api_calls')).body.quantity).toBe(8423);
    } finally {
      await strict.close();
    }
  });
});
