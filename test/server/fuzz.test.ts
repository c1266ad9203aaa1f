import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyApp, type ProxyApp } from '../../src/server/app';
import { mintDevToken } from '../../src/server/auth/mintDevToken';
import { uncoveredRoutes } from '../helpers/endpoints';
import { TEST_ORIGIN, TEST_SECRETS } from '../helpers/proxy';
import { openSnapshotStore, type SnapshotStore } from '../helpers/snapshotStore';

// Property-based fuzzing of every endpoint with arbitrary strings, numbers and JSON:
// never a 500, every error is the documented JSON, and a 4xx writes nothing (every
// table's rows are hashed before and after). Runs are bounded (FUZZ_RUNS per endpoint)
// so the file takes well under a minute; FUZZ_SEED replays a failure.
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const API_KEY = 'bk_test_server_key_fuzz';

let db: SnapshotStore;
let app: ProxyApp;
const tokens: Record<string, string> = {};
let session: { session_id: string; client_secret: string; checkout_url: string };
let invoiceId: string;
let setup: { setup_id: string; client_secret: string };

beforeAll(async () => {
  db = await openSnapshotStore();
  const { store } = db;
  app = createProxyApp({ store, auth: { secret: TEST_SECRETS.jwt }, signingSecret: TEST_SECRETS.signing, apiKey: API_KEY, devMode: true });
  for (const user of ['user_free', 'user_pro', 'user_trial', 'user_canceling', 'user_past_due']) tokens[user] = await mintDevToken({ secret: TEST_SECRETS.jwt, user });
  tokens.org_acme = await mintDevToken({ secret: TEST_SECRETS.jwt, user: 'user_free', org: 'org_acme' });
  session = (await call('POST', '/api/proxy/billing/checkout', {
    token: tokens.user_free!,
    body: JSON.stringify({ price_id: 'price_pro_monthly', success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/no', ui_mode: 'embedded' }),
  }).then((r) => r.json())) as typeof session;
  const invoices = (await call('GET', '/api/proxy/billing/invoices', { token: tokens.user_pro! }).then((r) => r.json())) as { invoices: { id: string }[] };
  invoiceId = invoices.invoices[0]!.id;
  setup = (await call('POST', '/api/proxy/billing/payment-method/setup', { token: tokens.user_free! }).then((r) => r.json())) as typeof setup;
}, 60_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

async function call(method: string, path: string, init: { token?: string | null; body?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.token !== null && init.token !== undefined) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] = init.contentType ?? 'application/json';
  return app.fetch(new Request(new URL(path, TEST_ORIGIN), { method, headers, ...(init.body !== undefined ? { body: init.body } : {}) }));
}

const snapshot = () => db.snapshot();

// --- arbitraries -----------------------------------------------------------------------

/** Strings of any UTF-16 code units (NUL, controls, lone surrogates) or of the printable kind. */
const hostileUnit = fc.constantFrom('\u0000', '\t', '\r', '\n', '\u007f', '\u0085', '\ud800', '\udc00', '\ufeff', 'a', '"', '<', '>', '%', '{', '}', ' ', '\\', '/');
const anyString = fc.oneof(
  fc.string({ unit: hostileUnit, minLength: 1, maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'a\r\nb', '\ud800', 'price_pro_monthly', 'SAVE20', 'api_calls', 'https://app.example.com/ok', '{CHECKOUT_SESSION_ID}'),
);
const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, 1e308, -0, 0.5));
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  anyString,
  anyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
/** `value` with `junk` inserted at a position: a valid input made hostile in one place. */
const injected = (value: string) =>
  fc.tuple(fc.nat(), anyString).map(([at, junk]) => {
    const i = value.length === 0 ? 0 : at % (value.length + 1);
    return value.slice(0, i) + junk + value.slice(i);
  });
/**
 * A body near a valid one (`base`), so validation is passed up to the field under attack:
 * one field replaced by any value, given junk inside, or left out; or any JSON at all.
 */
const bodyNear = (base: Record<string, unknown>) => {
  const keys = Object.keys(base);
  const strings = keys.filter((k) => typeof base[k] === 'string');
  const anyJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<unknown>;
  if (keys.length === 0) return fc.oneof(anyJson, fc.dictionary(anyString, anyValue, { maxKeys: 3 }));
  return fc.oneof(
    fc.constantFrom(...keys).chain((k) => anyValue.map((v) => ({ ...base, [k]: v }))),
    strings.length > 0 ? fc.constantFrom(...strings).chain((k) => injected(base[k] as string).map((v) => ({ ...base, [k]: v }))) : anyJson,
    fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== k))),
    fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length }),
    anyJson,
  );
};
/** A URL-safe encoding of any string, lone surrogates included (encodeURIComponent throws on those). */
const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => `%${(ch.charCodeAt(0) & 0xff).toString(16).padStart(2, '0')}`).join('');
  }
};
const pathSegment = () =>
  fc.oneof(
    anyString.filter((s) => s !== '').map(encode),
    fc.constant(null).chain(() => injected(session.session_id)).map(encode),
    fc.constant(null).chain(() => injected(invoiceId)).map(encode),
    fc.constantFrom('%00', '%0d%0a', '%ff', '%ED%A0%80', '..', '%2e%2e', 'x%2Fy'),
    fc.constant(null).map(() => session.session_id),
    fc.constant(null).map(() => invoiceId),
  );
const credential = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('user_free', 'user_pro', 'user_trial', 'user_canceling', 'user_past_due', 'org_acme').map((s) => tokens[s]!) },
  { weight: 2, arbitrary: fc.constant(API_KEY) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }).filter((s) => /^[\x21-\x7e]*$/.test(s))) },
);
const bodyText = (base: () => Record<string, unknown>) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(null).chain(() => bodyNear(base())).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );

interface Endpoint {
  name: string;
  request: fc.Arbitrary<{ method: string; path: string; token: string | null; body?: string; contentType?: string }>;
}

const B = '/api/proxy/billing';
const get = (path: fc.Arbitrary<string>) => fc.record({ method: fc.constant('GET'), path, token: credential });
const post = (path: fc.Arbitrary<string>, base: () => Record<string, unknown>) =>
  fc.record({ method: fc.constant('POST'), path, token: credential, body: bodyText(base) });
const query = (base: Record<string, string>) =>
  fc
    .oneof(
      bodyNear(base),
      fc.dictionary(fc.constantFrom(...Object.keys(base)), fc.oneof(anyString, anyNumber.map(String)), { maxKeys: 2 }),
    )
    .map((q) =>
      q !== null && typeof q === 'object' && !Array.isArray(q)
        ? Object.entries(q).map(([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`).join('&')
        : encode(JSON.stringify(q)),
    );
const checkoutBody = { price_id: 'price_pro_monthly', success_url: 'https://app.example.com/ok?s={CHECKOUT_SESSION_ID}', cancel_url: 'https://app.example.com/no', promotion_code: 'SAVE20', trial_days: 7, ui_mode: 'embedded' };
const card = { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123', postal_code: '94105' };

const endpoints: Endpoint[] = [
  { name: 'GET /plans', request: get(fc.constant(`${B}/plans`)) },
  { name: 'GET /subscription', request: get(fc.constant(`${B}/subscription`)) },
  { name: 'GET /entitlements', request: get(fc.constant(`${B}/entitlements`)) },
  { name: 'GET /usage', request: get(query({ metric: 'api_calls' }).map((q) => `${B}/usage?${q}`)) },
  { name: 'POST /usage', request: post(fc.constant(`${B}/usage`), () => ({ metric: 'api_calls', quantity: 3, subject: { user: 'user_pro' } })) },
  { name: 'GET /invoices', request: get(fc.constant(null).chain(() => query({ limit: '2', starting_after: invoiceId })).map((q) => `${B}/invoices?${q}`)) },
  { name: 'GET /invoices/:id/pdf', request: get(pathSegment().map((id) => `${B}/invoices/${id}/pdf`)) },
  { name: 'POST /checkout', request: post(fc.constant(`${B}/checkout`), () => checkoutBody) },
  { name: 'GET /checkout/:session_id', request: get(pathSegment().map((id) => `${B}/checkout/${id}`)) },
  { name: 'POST /checkout/:session_id/confirm', request: post(pathSegment().map((id) => `${B}/checkout/${id}/confirm`), () => ({ client_secret: session.client_secret, card })) },
  { name: 'POST /checkout/:session_id/authenticate', request: post(pathSegment().map((id) => `${B}/checkout/${id}/authenticate`), () => ({ client_secret: session.client_secret, approve: true })) },
  { name: 'POST /subscription/cancel', request: post(fc.constant(`${B}/subscription/cancel`), () => ({ at_period_end: true })) },
  { name: 'POST /subscription/resume', request: post(fc.constant(`${B}/subscription/resume`), () => ({})) },
  { name: 'POST /subscription/preview', request: post(fc.constant(`${B}/subscription/preview`), () => ({ price_id: 'price_pro_annual' })) },
  { name: 'POST /subscription/change', request: post(fc.constant(`${B}/subscription/change`), () => ({ price_id: 'price_starter_monthly' })) },
  { name: 'GET /payment-method', request: get(fc.constant(`${B}/payment-method`)) },
  { name: 'POST /payment-method/setup', request: post(fc.constant(`${B}/payment-method/setup`), () => ({})) },
  {
    name: 'POST /payment-method/setup/:setup_id/confirm',
    request: post(fc.oneof(pathSegment(), fc.constant(null).map(() => setup.setup_id)).map((id) => `${B}/payment-method/setup/${id}/confirm`), () => ({ client_secret: setup.client_secret, card })),
  },
  {
    name: 'POST /payment-method/setup/:setup_id/authenticate',
    request: post(fc.oneof(pathSegment(), fc.constant(null).map(() => setup.setup_id)).map((id) => `${B}/payment-method/setup/${id}/authenticate`), () => ({ client_secret: setup.client_secret, approve: true })),
  },
  { name: 'POST /invoices/:id/pay', request: post(pathSegment().map((id) => `${B}/invoices/${id}/pay`), () => ({})) },
  { name: 'POST /api/v1/billing/activate', request: post(fc.constant('/api/v1/billing/activate'), () => ({ session_id: session.session_id })) },
  { name: 'GET /billing/checkout/:session_id', request: get(pathSegment().map((id) => `/billing/checkout/${id}`)) },
  {
    name: 'POST /billing/checkout/:session_id (form)',
    request: fc.record({
      method: fc.constant('POST'),
      path: pathSegment().map((id) => `/billing/checkout/${id}`),
      token: fc.constant(null),
      body: query({ card_number: '4000 0000 0000 0002', card_exp: '12 / 34', card_cvc: '123', postal_code: '94105', authenticate: 'approve' }),
      contentType: fc.constantFrom('application/x-www-form-urlencoded', 'text/plain'),
    }),
  },
  { name: 'GET /openapi.json', request: get(fc.constant('/openapi.json')) },
  { name: 'GET /api/dev/clock', request: get(fc.constant('/api/dev/clock')) },
  { name: 'POST /api/dev/token', request: post(fc.constant('/api/dev/token'), () => ({ user: 'user_fuzz', org: 'org_fuzz' })) },
  { name: 'GET /api/dev/payment-method', request: get(fc.constant('/api/dev/payment-method')) },
  { name: 'POST /api/dev/payment-method', request: post(fc.constant('/api/dev/payment-method'), () => ({ card: 'paying' })) },
  { name: 'GET /api/dev/events', request: get(query({ limit: '5' }).map((q) => `/api/dev/events?${q}`)) },
  { name: 'GET /api/dev/payments', request: get(query({ limit: '5' }).map((q) => `/api/dev/payments?${q}`)) },
];

/** Served routes this file does not fuzz, and why. */
const NOT_FUZZED: Record<string, string> = {
  'POST /api/dev/clock/advance': 'moves the one clock of every subject (and runs their renewals): test/server/routes/devClock.test.ts',
  'POST /api/dev/invoices/:id/pay': 'charges the demo invoices the other endpoints are fuzzed with: test/server/routes/devTools.test.ts',
  'POST /api/dev/invoices/:id/void': 'voids the demo invoices the other endpoints are fuzzed with: test/server/routes/devTools.test.ts',
};

it('fuzzes every route the app serves, or says why not', () => {
  expect(uncoveredRoutes(app, endpoints.map((e) => e.name.replace(/ \(form\)$/, '')), NOT_FUZZED)).toEqual([]);
});

const errorShape = (body: unknown) =>
  typeof body === 'object' &&
  body !== null &&
  Object.keys(body).join() === 'error' &&
  typeof (body as { error: { code: unknown } }).error.code === 'string' &&
  typeof (body as { error: { message: unknown } }).error.message === 'string' &&
  ['undefined', 'string'].includes(typeof (body as { error: { param?: unknown } }).error.param);

describe('fuzzing every endpoint', () => {
  it.each(endpoints.map((e) => [e.name, e] as const))('%s: never a 500, errors are the documented JSON, a 4xx writes nothing', async (_name, endpoint) => {
    await fc.assert(
      fc.asyncProperty(endpoint.request, async (req) => {
        const before = await snapshot();
        const res = await call(req.method, req.path, {
          token: req.token,
          ...(req.body !== undefined ? { body: req.body } : {}),
          ...(req.contentType ? { contentType: req.contentType } : {}),
        });
        const text = await res.text();
        expect(res.status, text).toBeLessThan(500);
        if (res.status >= 400 && res.status !== 402) {
          expect(res.headers.get('content-type')).toMatch(/^application\/json/);
          expect(errorShape(JSON.parse(text)), text).toBe(true);
          expect(await snapshot()).toEqual(before);
        }
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  });
});
