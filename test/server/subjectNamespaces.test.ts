import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { as } from '../helpers/http';
import { payHostedCheckout } from '../helpers/hostedCheckout';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhookReceiver';

// Orgs and users once shared one id space, so a token with
// `org_id: "user_pro"` billed (and saw) user_pro. Subjects are now stored as
// user:<id> / org:<id>, while every answer keeps the plain ids.
const API_KEY = 'bk_test_server_key_namespaces';
let proxy: TestProxy;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  proxy = await startTestProxy({
    apiKey: API_KEY,
    webhook: { url: receiver.url, secret: 'whsec_ns', pollMs: 20, retryBaseMs: 20 },
  });
});
afterAll(async () => {
  await proxy.close();
  await receiver.close();
});

const recordAsServer = (body: unknown) =>
  proxy.fetch('/api/proxy/billing/usage', {
    method: 'POST',
    headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('subjects: users and orgs never meet', () => {
  it('an org whose id equals a user id sees nothing of that user', async () => {
    const org = as(proxy, 'user_free', 'user_pro');
    expect((await org.get('/subscription')).body).toEqual({ subscription: null });
    expect((await org.get('/invoices')).body).toEqual({ invoices: [], has_more: false });
    expect((await org.get('/entitlements')).body).toEqual({ plan: null, status: null, features: [] });
    expect((await org.get('/usage?metric=api_calls')).body.quantity).toBe(0);
    const invoiceId = (await as(proxy, 'user_pro').get('/invoices')).body.invoices[0].id;
    expect((await org.get(`/invoices/${invoiceId}/pdf`)).status).toBe(404);
    // while the user still sees their own
    expect((await as(proxy, 'user_pro').get('/subscription')).body.subscription.id).toBe('sub_demo_pro');
  });

  it('usage the API key records for { org: "user_pro" } is not user_pro\'s', async () => {
    const before = (await as(proxy, 'user_pro').get('/usage?metric=api_calls')).body.quantity;
    expect((await recordAsServer({ metric: 'api_calls', quantity: 5, subject: { org: 'user_pro' } })).status).toBe(200);
    expect((await as(proxy, 'user_pro').get('/usage?metric=api_calls')).body.quantity).toBe(before);
    expect((await as(proxy, 'user_free', 'user_pro').get('/usage?metric=api_calls')).body.quantity).toBe(5);
    expect((await recordAsServer({ metric: 'api_calls', quantity: 2, subject: { user: 'user_pro' } })).status).toBe(200);
    expect((await as(proxy, 'user_pro').get('/usage?metric=api_calls')).body.quantity).toBe(before + 2);
  });

  it('answers keep the plain ids: webhook subject, invoice PDF customer', async () => {
    const paid = await payHostedCheckout(proxy, 'user_free', 'org_acme', { success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/no' });
    expect(paid.status).toBe(303);
    await expect.poll(() => receiver.events.find((e) => e.type === 'checkout.session.completed'), { timeout: 5000 }).toBeTruthy();
    expect(receiver.events.find((e) => e.type === 'checkout.session.completed')!.data).toMatchObject({ object: { subject: 'org_acme' } });

    const org = as(proxy, 'user_free', 'org_acme');
    const invoice = (await org.get('/invoices')).body.invoices[0];
    const pdf = await proxy.fetch(invoice.pdf_url, { headers: { Authorization: `Bearer ${await proxy.tokenFor('user_free', 'org_acme')}` } });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true });
    expect(text).toContain('Acme Inc.');
    expect(text).not.toContain('org:');
  });
});
