import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtHmacKey } from '../../src/server/crypto/hmac';
import { startTestProxy, TEST_SECRETS, type TestProxy } from '../helpers/proxy';
import { as, errorBody } from '../helpers/http';

// A NUL byte (or another control character, or a lone surrogate) in
// any string input reached PostgreSQL and came back as a 500. Each is now a 400 naming
// the parameter (a 401 for token claims), and nothing is written.
const API_KEY = 'bk_test_server_key_unstorable';
let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ apiKey: API_KEY });
});
afterAll(() => proxy.close());

const good = { price_id: 'price_pro_monthly', success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/no' };
const BAD = { nul: 'a\u0000b', cr: 'a\rb', del: 'a\u007fb', c1: 'a\u0085b', 'lone high surrogate': 'a\ud800b', 'lone low surrogate': 'a\udc00' };

async function snapshot(user: string) {
  const client = as(proxy, user);
  return {
    subscription: (await client.get('/subscription')).body,
    invoices: (await client.get('/invoices?limit=100')).body,
    usage: (await client.get('/usage?metric=api_calls')).body,
  };
}

describe('string inputs the store cannot hold', () => {
  describe.each(Object.entries(BAD))('with %s', (_name, bad) => {
    it.each([
      ['price_id', { ...good, price_id: `price_pro_monthly${bad}` }],
      ['promotion_code', { ...good, promotion_code: `SAVE20${bad}` }],
      ['success_url', { ...good, success_url: `https://app.example.com/ok?x=${bad}` }],
      ['cancel_url', { ...good, cancel_url: `https://app.example.com/no#${bad}` }],
    ])('POST /checkout refuses it in %s with 400 parameter_invalid', async (param, body) => {
      const before = await snapshot('user_free');
      const res = await as(proxy, 'user_free').post('/checkout', body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody('parameter_invalid', param));
      expect(await snapshot('user_free')).toEqual(before);
    });

    it('POST /usage with the API key refuses it in subject.user and subject.org', async () => {
      const before = await snapshot('user_pro');
      for (const [kind, subject] of [['user', { user: `user_pro${bad}` }], ['org', { org: `org_acme${bad}` }]] as const) {
        const res = await proxy.fetch('/api/proxy/billing/usage', {
          method: 'POST',
          headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ metric: 'api_calls', quantity: 1, subject }),
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual(errorBody('parameter_invalid', `subject.${kind}`));
      }
      expect(await snapshot('user_pro')).toEqual(before);
    });

    it('POST /api/v1/billing/activate refuses it in session_id', async () => {
      const res = await as(proxy, 'org_acme').post('/api/v1/billing/activate', { session_id: `cs_${bad}` });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody('parameter_invalid', 'session_id'));
    });

    it.each(['sub', 'org_id'])('a validly signed token with it in %s is a 401', async (claim) => {
      const claims = claim === 'sub' ? {} : { org_id: `org_acme${bad}` };
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claim === 'sub' ? `user_pro${bad}` : 'user_pro')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(await jwtHmacKey(TEST_SECRETS.jwt));
      for (const path of ['/api/proxy/billing/subscription', '/api/proxy/billing/usage?metric=api_calls']) {
        const res = await proxy.fetch(path, { headers: { Authorization: `Bearer ${token}` } });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual(errorBody('unauthorized'));
      }
    });
  });

  // In URLs a lone surrogate cannot even be percent-encoded; its UTF-8 form (%ED%A0%80)
  // and other invalid UTF-8 are decoded by nobody, so they stay harmless text.
  describe.each([
    ['nul', '%00', 400],
    ['cr', '%0D', 400],
    ['lf', '%0A', 400],
    ['del', '%7F', 400],
    ['c1', '%C2%85', 400],
    ['surrogate as UTF-8', '%ED%A0%80', 'any'],
    ['invalid UTF-8', '%FF', 'any'],
  ] as const)('with %s percent-encoded in the URL', (_name, raw, expected) => {
    const check = async (res: { status: number; body: unknown }, param: string) => {
      if (expected === 400) {
        expect(res.status).toBe(400);
        expect(res.body).toEqual(errorBody('parameter_invalid', param));
      } else {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body).toMatchObject(errorBody(expect.any(String)));
      }
    };

    it('GET /invoices refuses it in starting_after', async () => {
      await check(await as(proxy, 'user_pro').get(`/invoices?starting_after=in_${raw}`), 'starting_after');
    });

    it('GET /invoices/:id/pdf refuses it in the path', async () => {
      await check(await as(proxy, 'user_pro').get(`/invoices/in_${raw}/pdf`), 'id');
    });

    it('GET /checkout/:session_id and the hosted page refuse it in the path', async () => {
      await check(await as(proxy, 'user_free').get(`/checkout/cs_${raw}`), 'session_id');
      const page = await proxy.fetch(`/billing/checkout/cs_${raw}`);
      await check({ status: page.status, body: await page.json() }, 'session_id');
    });
  });

  it('refuses it in the Idempotency-Key of a confirm, before anything is charged', async () => {
    const { body: session } = await as(proxy, 'user_free').post('/checkout', { ...good, ui_mode: 'embedded' });
    const res = await as(proxy, 'user_free').post(
      `/checkout/${session.session_id}/confirm`,
      { client_secret: session.client_secret, card: { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' } },
      { 'Idempotency-Key': 'key\u0085x' },
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('parameter_invalid', 'Idempotency-Key'));
    expect((await as(proxy, 'user_free').get('/subscription')).body.subscription).toBeNull();
  });

  it('refuses a token whose org_id is not a non-empty string (401, never silently the user)', async () => {
    for (const org of [42, '', ['org_acme'], { id: 'org_acme' }, null, 'x'.repeat(201)]) {
      const token = await new SignJWT({ org_id: org })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('user_pro')
        .setExpirationTime('5m')
        .sign(await jwtHmacKey(TEST_SECRETS.jwt));
      const res = await proxy.fetch('/api/proxy/billing/subscription', { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status, JSON.stringify(org)).toBe(401);
    }
  });

  it('passes ordinary Unicode (accents, emoji) on to the lookup: a 400 for an unknown code, not a refusal', async () => {
    const res = await as(proxy, 'user_free').post('/checkout', { ...good, promotion_code: 'ZOË🎉' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('promotion_code_invalid', 'promotion_code'));
  });
});
