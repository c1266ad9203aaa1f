import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS, type Endpoint } from '../../src/server/routes/endpoints';
import { endpointName } from '../helpers/endpoints';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { as, errorBody } from '../helpers/http';

// Every bad request is a 4xx naming the problem, and nothing is written.
let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ allowedOrigins: ['https://app.example.com'] });
});
afterAll(() => proxy.close());

const good = { price_id: 'price_pro_monthly', success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/no' };

async function nothingWritten(user: string) {
  const client = as(proxy, user);
  return { subscription: (await client.get('/subscription')).body, invoices: (await client.get('/invoices?limit=100')).body };
}

describe('POST /checkout with bad input', () => {
  it.each([
    ['no body', undefined, 'parameter_missing', 'price_id'],
    ['price_id a number', { ...good, price_id: 7 }, 'parameter_invalid', 'price_id'],
    ['missing success_url', { price_id: 'price_pro_monthly', cancel_url: good.cancel_url }, 'parameter_missing', 'success_url'],
    ['relative success_url', { ...good, success_url: '/ok' }, 'parameter_invalid', 'success_url'],
    ['javascript: cancel_url', { ...good, cancel_url: 'javascript:alert(1)' }, 'parameter_invalid', 'cancel_url'],
    ['origin not allowed', { ...good, success_url: 'https://evil.example.net/ok' }, 'parameter_invalid', 'success_url'],
    ['trial_days 0', { ...good, trial_days: 0 }, 'parameter_invalid', 'trial_days'],
    ['trial_days 91', { ...good, trial_days: 91 }, 'parameter_invalid', 'trial_days'],
    ['trial_days 1.5', { ...good, trial_days: 1.5 }, 'parameter_invalid', 'trial_days'],
    ['trial_days "7"', { ...good, trial_days: '7' }, 'parameter_invalid', 'trial_days'],
    ['ui_mode popup', { ...good, ui_mode: 'popup' }, 'parameter_invalid', 'ui_mode'],
    ['unknown price', { ...good, price_id: 'price_nope' }, 'resource_missing', 'price_id'],
  ])('%s → 400', async (_name, body, code, param) => {
    const before = await nothingWritten('user_free');
    const res = await as(proxy, 'user_free').post('/checkout', body ?? '');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody(code, param));
    expect(await nothingWritten('user_free')).toEqual(before);
  });

  it('malformed JSON → 400 invalid_json', async () => {
    const res = await as(proxy, 'user_free').post('/checkout', '{"price_id": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('invalid_json'));
    const array = await as(proxy, 'user_free').post('/checkout', '[1,2]');
    expect(array.body).toEqual(errorBody('invalid_json'));
  });

  it('a body that is not JSON → 415', async () => {
    const res = await as(proxy, 'user_free').raw('POST', '/checkout', 'price_id=x', { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(res.body).toEqual(errorBody('unsupported_media_type'));
  });

  it('a body over 64 kB → 413', async () => {
    const res = await as(proxy, 'user_free').post('/checkout', { ...good, padding: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual(errorBody('payload_too_large'));
  });
});

describe('POST /subscription/cancel with bad input', () => {
  it.each([
    ['no body', undefined, 'parameter_missing'],
    ['a string', { at_period_end: 'true' }, 'parameter_invalid'],
    ['null', { at_period_end: null }, 'parameter_invalid'],
  ])('%s → 400 naming at_period_end, nothing canceled', async (_name, body, code) => {
    const res = await as(proxy, 'user_pro').post('/subscription/cancel', body ?? '');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody(code, 'at_period_end'));
    expect((await as(proxy, 'user_pro').get('/subscription')).body.subscription).toMatchObject({ status: 'active', cancel_at_period_end: false });
  });
});

describe('GET /invoices with bad input', () => {
  it.each(['0', '-1', '101', 'abc', '1.5', ''])('limit=%s → 400 naming limit', async (limit) => {
    const res = await as(proxy, 'user_pro').get(`/invoices?limit=${limit}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('parameter_invalid', 'limit'));
  });

  it('an unknown starting_after → 400', async () => {
    const res = await as(proxy, 'user_pro').get('/invoices?starting_after=in_nope');
    expect(res.body).toEqual(errorBody('parameter_invalid', 'starting_after'));
  });
});

describe('GET and POST /usage with bad input', () => {
  it('a missing metric → 400 parameter_missing', async () => {
    const res = await as(proxy, 'user_pro').get('/usage');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('parameter_missing', 'metric'));
  });

  it.each(['API_CALLS', '1calls', 'a-b', 'x'.repeat(65)])('metric=%s → 400 parameter_invalid', async (metric) => {
    const res = await as(proxy, 'user_pro').get(`/usage?metric=${metric}`);
    expect(res.body).toEqual(errorBody('parameter_invalid', 'metric'));
  });

  it.each([
    [{ metric: 'api_calls', quantity: 0 }, 'quantity'],
    [{ metric: 'api_calls', quantity: -5 }, 'quantity'],
    [{ metric: 'api_calls', quantity: 1.5 }, 'quantity'],
    [{ metric: 'api_calls', quantity: 2e9 }, 'quantity'],
    [{ metric: 'api_calls', quantity: '5' }, 'quantity'],
    [{ metric: 'Bad Metric', quantity: 5 }, 'metric'],
  ])('records nothing for %j', async (body, param) => {
    const before = (await as(proxy, 'user_pro').get('/usage?metric=api_calls')).body.quantity;
    const res = await as(proxy, 'user_pro').post('/usage', body);
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe(param);
    expect((await as(proxy, 'user_pro').get('/usage?metric=api_calls')).body.quantity).toBe(before);
  });
});

describe('checkout confirm with bad input', () => {
  it('a missing card, or a card of wrong types → 400 naming the field', async () => {
    const { body: session } = await as(proxy, 'user_free').post('/checkout', { ...good, ui_mode: 'embedded' });
    const client = as(proxy, 'user_free');
    const missing = await client.post(`/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret });
    expect(missing.body).toEqual(errorBody('parameter_missing', 'card'));
    const wrong = await client.post(`/checkout/${session.session_id}/confirm`, {
      client_secret: session.client_secret,
      card: { number: '4242424242424242', exp_month: '12', exp_year: 2099, cvc: '123' },
    });
    expect(wrong.body).toEqual(errorBody('parameter_invalid', 'card.exp_month'));
    expect((await client.get('/subscription')).body.subscription).toBeNull();
  });

  it('a garbled session id → 404', async () => {
    const res = await as(proxy, 'user_free').get('/checkout/not-a-session');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(errorBody('not_found'));
  });
});

describe('every endpoint that takes a JSON body, from the endpoint table', () => {
  // A new endpoint with a JSON body is checked here as soon as it is in the table (and
  // test/server/openapi.test.ts fails while a served route is not in the table).
  const jsonBodies = ENDPOINTS.filter((e) => e.body && !e.body.form && e.mounted !== 'stripe');
  const pathOf = (e: Endpoint) => e.path.replace(/:[A-Za-z_]+/g, 'x');

  it.each(jsonBodies.map((e) => [endpointName(e), e] as const))('%s: 415 for a non-JSON body, 400 for bad JSON or missing fields, nothing written', async (_name, e) => {
    const before = await nothingWritten('user_pro');
    const client = as(proxy, 'user_pro');
    const text = await client.raw('POST', pathOf(e), 'price_id=x', { 'Content-Type': 'text/plain' });
    expect([text.status, text.body]).toEqual([415, errorBody('unsupported_media_type')]);
    const malformed = await client.post(pathOf(e), '{"a": ');
    expect([malformed.status, malformed.body]).toEqual([400, errorBody('invalid_json')]);
    if (!e.body!.schema.safeParse({}).success) {
      const empty = await client.post(pathOf(e), {});
      expect(empty.status).toBe(400);
      expect(empty.body.error.code).toBe('parameter_missing');
    }
    expect(await nothingWritten('user_pro')).toEqual(before);
  });
});
