import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mintDevToken } from '../../../src/server/auth/mintDevToken';
import { startTestProxy, TEST_SECRETS, type TestProxy } from '../../helpers/proxy';
import { proxyPerTest } from '../../helpers/closeAfterEach';
import { as, errorBody, fixedClock, FIXED_NOW } from '../../helpers/http';
import { advance, days } from '../../helpers/lifecycle';

const { proxyWith, defer } = proxyPerTest({ now: fixedClock });

describe('GET /api/dev/clock', () => {
  it("answers the proxy's now", async () => {
    const proxy = await proxyWith();
    const res = await as(proxy, 'user_free').get('/api/dev/clock');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: '2025-04-11T12:00:00Z' });
  });

  it('needs a valid token', async () => {
    const proxy = await proxyWith();
    const res = await proxy.fetch('/api/dev/clock');
    expect(res.status).toBe(401);
  });

  it('is a 404 outside dev mode', async () => {
    const proxy = await proxyWith({ devMode: false });
    const res = await as(proxy, 'user_free').get('/api/dev/clock');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(errorBody('not_found'));
    expect((await advance(proxy, days(1))).status).toBe(404);
  });
});

describe('the dev clock beside a real identity provider (--dev-clock without the dev keys)', () => {
  const opts = { devMode: false, devClock: true, apiKey: 'sk_test_ops' } as const;
  const withKey = (proxy: TestProxy, key: string) => as({ ...proxy, tokenFor: async () => key }, 'unused');

  it("is a 404 for customers' session tokens, which can neither read nor move it", async () => {
    const proxy = await proxyWith(opts);
    const customer = as(proxy, 'user_past_due');
    for (const res of [await customer.get('/api/dev/clock'), await customer.post('/api/dev/clock/advance', days(30))]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(errorBody('not_found'));
    }
    // An org's token too; nothing moved.
    expect((await as(proxy, 'someone', 'org_acme').post('/api/dev/clock/advance', days(30))).status).toBe(404);
    expect((await withKey(proxy, 'sk_test_ops').get('/api/dev/clock')).body).toEqual({ now: '2025-04-11T12:00:00Z' });
    expect((await proxy.fetch('/api/dev/clock')).status).toBe(401);
  });

  it("ignores the operator claim in a token of the identity provider's key: only the proxy's own dev key makes an operator", async () => {
    const proxy = await proxyWith(opts);
    const forged = await mintDevToken({ secret: TEST_SECRETS.jwt, user: 'user_free', operator: true, now: FIXED_NOW });
    expect((await withKey(proxy, forged).post('/api/dev/clock/advance', days(2))).status).toBe(404);
    // The dev key signs operator tokens only: it is no session token of the billing API.
    const operatorToken = await proxy.tokenFor('user_pro', undefined, true);
    expect((await withKey(proxy, operatorToken).get('/subscription')).status).toBe(401);
  });

  it("serves the API key and the CLI's operator token, with every subject's events", async () => {
    const proxy = await proxyWith(opts);
    const operator = await advance(proxy, days(2));
    expect(operator.status).toBe(200);
    expect(operator.body).toEqual({ now: '2025-04-13T12:00:00Z', events: [{ type: 'invoice.payment_failed', subject: 'user_past_due', id: expect.any(String) }] });
    const byKey = await withKey(proxy, 'sk_test_ops').post('/api/dev/clock/advance', days(1));
    expect(byKey.status).toBe(200);
    expect(byKey.body.now).toBe('2025-04-14T12:00:00Z');
  });
});

describe('POST /api/dev/clock/advance', () => {
  it('moves the clock by seconds or to an instant, and every endpoint reads it', async () => {
    const proxy = await proxyWith();
    const byDays = await advance(proxy, days(2));
    expect(byDays.status).toBe(200);
    // The demo's user_past_due has a retry due on the way; user_free has nothing.
    expect(byDays.body).toEqual({ now: '2025-04-13T12:00:00Z', events: [{ type: 'invoice.payment_failed', subject: 'user_past_due', id: expect.any(String) }] });
    const to = await advance(proxy, { to: '2025-04-20T00:00:00Z' });
    expect(to.body.now).toBe('2025-04-20T00:00:00Z');
    expect((await as(proxy, 'user_free').get('/api/dev/clock')).body.now).toBe('2025-04-20T00:00:00Z');
    // The free tier's usage period is the calendar month of the proxy's now.
    const usage = await as(proxy, 'user_free').get('/usage?metric=api_calls');
    expect(usage.body.period_start).toBe('2025-04-01T00:00:00Z');
    await advance(proxy, { to: '2025-05-02T00:00:00Z' });
    expect((await as(proxy, 'user_free').get('/usage?metric=api_calls')).body.period_start).toBe('2025-05-01T00:00:00Z');
  });

  it('expires checkout sessions by the advanced clock', async () => {
    const proxy = await proxyWith();
    const client = as(proxy, 'user_free');
    const { body: session } = await client.post('/checkout', {
      price_id: 'price_starter_monthly',
      success_url: 'https://app.example.com/ok',
      cancel_url: 'https://app.example.com/no',
      ui_mode: 'embedded',
    });
    await advance(proxy, days(2));
    const confirm = await client.post(`/checkout/${session.session_id}/confirm`, {
      client_secret: session.client_secret,
      card: { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' },
    });
    expect(confirm.status).toBe(400);
    expect(confirm.body).toEqual(errorBody('checkout_session_expired'));
  });

  it('refuses to go backwards, to stand still, or a body without seconds / to', async () => {
    const proxy = await proxyWith();
    expect(await advance(proxy, { to: '2025-04-01T00:00:00Z' })).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'to') });
    expect(await advance(proxy, { to: FIXED_NOW.toISOString() })).toMatchObject({ status: 400 });
    expect(await advance(proxy, { seconds: -5 })).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'seconds') });
    expect(await advance(proxy, { seconds: 0 })).toMatchObject({ status: 400 });
    expect(await advance(proxy, { to: 'tomorrow' })).toMatchObject({ status: 400, body: errorBody('parameter_invalid', 'to') });
    expect((await as(proxy, 'user_free').post('/api/dev/clock/advance', {})).body).toEqual(errorBody('parameter_missing', 'seconds'));
    expect((await as(proxy, 'user_free').post('/api/dev/clock/advance', { seconds: '10' })).status).toBe(400);
    expect((await as(proxy, 'user_free').get('/api/dev/clock')).body.now).toBe('2025-04-11T12:00:00Z');
  });

  it("answers a subject's token with that subject's events only, while every subject's steps still run", async () => {
    const proxy = await proxyWith();
    // user_free has nothing due; user_past_due's retry runs (there is one clock) but is not shown to user_free.
    const asFree = await advance(proxy, days(2), 'user_free');
    expect(asFree.body).toEqual({ now: '2025-04-13T12:00:00Z', events: [] });
    expect((await as(proxy, 'user_past_due').get('/api/dev/events')).body.events[0]).toMatchObject({ type: 'invoice.payment_failed' });
  });

  it('shows a subject its own events under its plain id, and none of them to an org with the same id', async () => {
    const [one, other] = [await proxyWith(), await proxyWith()];
    const asPastDue = await advance(one, days(2), 'user_past_due');
    expect(asPastDue.body.events).toEqual([{ type: 'invoice.payment_failed', subject: 'user_past_due', id: expect.any(String) }]);
    // The same two days, advanced by org:user_past_due (another subject than user:user_past_due).
    const asOrg = await as(other, 'someone', 'user_past_due').post('/api/dev/clock/advance', days(2));
    expect(asOrg.status).toBe(200);
    expect(asOrg.body.events).toEqual([]);
  });

  it("lists every subject's events for the operator token of `billkit-proxy clock` and for the API key, never via POST /api/dev/token", async () => {
    const proxy = await proxyWith({ apiKey: 'sk_test_operator' });
    const operator = await advance(proxy, days(2));
    expect(operator.body.events).toEqual([{ type: 'invoice.payment_failed', subject: 'user_past_due', id: expect.any(String) }]);
    const res = await proxy.fetch('/api/dev/clock/advance', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_operator', 'Content-Type': 'application/json' },
      body: JSON.stringify({ seconds: 2 * 86_400 }),
    });
    expect(res.status).toBe(200);
    const subjects = ((await res.json()) as { events: { subject: string }[] }).events.map((e) => e.subject);
    // Days 2-4 of the demo: user_past_due's next steps, listed to the API key, which is no subject.
    expect(subjects.length).toBeGreaterThan(0);
    expect(subjects.every((subject) => subject === 'user_past_due')).toBe(true);
    // The dev token endpoint mints subject tokens only.
    const minted = await as(proxy, 'user_free').post('/api/dev/token', { user: 'user_free', operator: true });
    expect(minted.status).toBe(400);
  });

  it('keeps the offset across a restart of the data folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'billkit-clock-'));
    defer(() => rm(dir, { recursive: true, force: true }));
    const first = await startTestProxy({ now: fixedClock, dataDir: dir });
    await advance(first, days(10));
    await first.close();
    const second = await proxyWith({ dataDir: dir });
    expect((await as(second, 'user_free').get('/api/dev/clock')).body.now).toBe('2025-04-21T12:00:00Z');
  });
});
