import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUBJECTS } from '../../src/server/seed/demo';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { as } from '../helpers/http';

// Each demo subject against every other subject's invoices, PDFs and checkout sessions.
const subjects = DEMO_SUBJECTS.map((s) => (s.kind === 'org' ? { user: 'user_free', org: s.id } : { user: s.id, org: undefined as string | undefined }));
const nameOf = (s: (typeof subjects)[number]) => s.org ?? s.user;

let proxy: TestProxy;
const invoicesOf = new Map<string, string[]>();
const sessionOf = new Map<string, string>();

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
  }
});
afterAll(() => proxy.close());

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
      }
      const session = sessionOf.get(other)!;
      const summary = await client.get(`/checkout/${session}`);
      expect(summary.status).toBe(404);
      const confirm = await client.post(`/checkout/${session}/confirm`, {
        client_secret: 'x',
        card: { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' },
      });
      expect(confirm.status).toBe(404);
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
