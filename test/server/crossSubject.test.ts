import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUBJECTS } from '../../src/server/seed/demo';
import { uncoveredRoutes } from '../helpers/endpoints';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { as } from '../helpers/http';

// Each demo subject against every other subject's invoices, PDFs and checkout sessions.
const subjects = DEMO_SUBJECTS.map((s) => (s.kind === 'org' ? { user: 'user_free', org: s.id } : { user: s.id, org: undefined as string | undefined }));
const nameOf = (s: (typeof subjects)[number]) => s.org ?? s.user;

let proxy: TestProxy;
const invoicesOf = new Map<string, string[]>();
const sessionOf = new Map<string, string>();
const setupOf = new Map<string, string>();

beforeAll(async () => {
  proxy = await startTestProxy();
  for (const s of subjects) {
    const client = as(proxy, s.user, s.org);
    invoicesOf.set(nameOf(s), (await client.get('/invoices?limit=100')).body.invoices.map((i: { id: string }) => i.id));
    const { body } = await client.post('/checkout', {
      price_id: 'price_starter_monthly',
      success_url: 'https://app.example.com/ok',
      cancel_url: 'https://app.example.com/no',
      ui_mode: 'embedded',
    });
    sessionOf.set(nameOf(s), body.session_id);
    setupOf.set(nameOf(s), (await client.post('/payment-method/setup')).body.setup_id);
  }
});
afterAll(() => proxy.close());

/** The routes that name one subject's resource by id (or take a session of one), each tried below with another subject's. */
const CROSS_SUBJECT = [
  'GET /invoices/:id/pdf',
  'GET /invoices',
  'POST /invoices/:id/pay',
  'GET /checkout/:session_id',
  'POST /checkout/:session_id/confirm',
  'POST /checkout/:session_id/authenticate',
  'POST /payment-method/setup/:setup_id/confirm',
  'POST /payment-method/setup/:setup_id/authenticate',
  'POST /api/v1/billing/activate',
];
/** Served routes that name no other subject's resource, and why. */
const NOT_CROSS_SUBJECT: Record<string, string> = {
  'GET /plans': 'the same for everyone',
  'GET /subscription': "the caller's own, by the token",
  'POST /subscription/cancel': "the caller's own, by the token",
  'POST /subscription/resume': "the caller's own, by the token",
  'POST /subscription/preview': "the caller's own, by the token",
  'POST /subscription/change': "the caller's own, by the token",
  'GET /entitlements': "the caller's own, by the token",
  'GET /usage': "the caller's own, by the token",
  'POST /usage': 'another subject only with the API key (test/server/routes/usageWrites.test.ts)',
  'GET /payment-method': "the caller's own, by the token",
  'POST /payment-method/setup': 'creates the caller’s own',
  'POST /checkout': 'creates the caller’s own',
  'GET /billing/checkout/:session_id': 'the hosted page: the signed session id is the credential, whoever holds it',
  'POST /billing/checkout/:session_id': 'the hosted page: the signed session id is the credential, whoever holds it',
  'GET /openapi.json': 'no data',
  'GET /api/dev/clock': 'dev: one clock for all',
  'POST /api/dev/clock/advance': "dev: answers the caller's events only (test/server/routes/devClock.test.ts)",
  'POST /api/dev/token': 'dev: mints for any subject by design',
  'GET /api/dev/payment-method': "dev: the caller's own",
  'POST /api/dev/payment-method': "dev: the caller's own",
  'POST /api/dev/invoices/:id/pay': "dev: another subject's invoice is a 404 (test/server/routes/devTools.test.ts)",
  'POST /api/dev/invoices/:id/void': "dev: another subject's invoice is a 404 (test/server/routes/devTools.test.ts)",
  'GET /api/dev/events': "dev: the caller's own",
  'GET /api/dev/payments': "dev: the caller's own",
};

it('tries every served route that names a resource with another subject’s, or says why it need not', () => {
  expect(uncoveredRoutes(proxy.app, CROSS_SUBJECT, NOT_CROSS_SUBJECT)).toEqual([]);
});

describe('subjects are isolated', () => {
  it.each(subjects.map((s) => [nameOf(s), s] as const))('%s sees none of the others’ invoices, PDFs or checkout sessions', async (name, s) => {
    const client = as(proxy, s.user, s.org);
    const own = new Set(invoicesOf.get(name));
    const listed = (await client.get('/invoices?limit=100')).body.invoices.map((i: { id: string }) => i.id);
    expect(new Set(listed)).toEqual(own);
    for (const [other, ids] of invoicesOf) {
      if (other === name) continue;
      for (const id of ids.slice(0, 2)) {
        const pdf = await client.get(`/invoices/${id}/pdf`);
        expect(pdf.status).toBe(404);
        expect(pdf.body).toEqual({ error: { code: 'not_found', message: 'No such invoice.' } });
        const page = await client.get(`/invoices?starting_after=${id}`);
        expect(page.status).toBe(400);
        expect(page.body.error.param).toBe('starting_after');
        const pay = await client.post(`/invoices/${id}/pay`);
        expect(pay.status).toBe(404);
      }
      const session = sessionOf.get(other)!;
      const summary = await client.get(`/checkout/${session}`);
      expect(summary.status).toBe(404);
      const confirm = await client.post(`/checkout/${session}/confirm`, {
        client_secret: 'x',
        card: { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' },
      });
      expect(confirm.status).toBe(404);
      const authenticate = await client.post(`/checkout/${session}/authenticate`, { client_secret: 'x', approve: true });
      expect(authenticate.status).toBe(404);
      const setup = setupOf.get(other)!;
      const confirmSetup = await client.post(`/payment-method/setup/${setup}/confirm`, {
        client_secret: 'x',
        card: { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' },
      });
      expect(confirmSetup.status).toBe(404);
      const authenticateSetup = await client.post(`/payment-method/setup/${setup}/authenticate`, { client_secret: 'x', approve: true });
      expect(authenticateSetup.status).toBe(404);
      const activate = await client.post('/api/v1/billing/activate', { session_id: session });
      expect(activate.status).toBe(403);
    }
  });

  it('answers an unknown invoice exactly like another subject’s', async () => {
    const client = as(proxy, 'user_free');
    const unknown = await client.get('/invoices/in_does_not_exist/pdf');
    const foreign = await client.get(`/invoices/${invoicesOf.get('user_pro')![0]}/pdf`);
    expect(foreign.status).toBe(unknown.status);
    expect(foreign.body).toEqual(unknown.body);
    const unknownCursor = await client.get('/invoices?starting_after=in_does_not_exist');
    const foreignCursor = await client.get(`/invoices?starting_after=${invoicesOf.get('user_pro')![0]}`);
    expect(foreignCursor.body).toEqual(unknownCursor.body);
  });

  it('keeps a user and the org they act for apart', async () => {
    expect((await as(proxy, 'user_pro', 'org_acme').get('/subscription')).body.subscription).toBeNull();
    expect((await as(proxy, 'user_pro').get('/subscription')).body.subscription).not.toBeNull();
  });
});
