import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { as, errorBody } from '../../helpers/http';

// A success_url with CR/LF was once accepted, and paying then answered a
// 500 (the 303 could not be built) after the customer had been charged; a `"><script>`
// tail was redirected to verbatim. URLs are now refused at POST /checkout unless they are
// already what a URL parser would serialise them to.
let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());

const good = { price_id: 'price_pro_monthly', success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/no' };
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
  redirect: 'manual' as const,
});
const card = { card_number: '4242 4242 4242 4242', card_exp: '12 / 34', card_cvc: '123', postal_code: '94105' };

describe('POST /checkout success_url and cancel_url', () => {
  it.each([
    ['CR/LF (header splitting)', 'https://app.example.com/ok\r\nSet-Cookie: a=b'],
    ['a lone LF', 'https://app.example.com/ok\n'],
    ['a tab', 'https://app.example.com/o\tk'],
    ['a "><script> tail', 'https://app.example.com/ok"><script>alert(1)</script>'],
    ['a space', 'https://app.example.com/o k'],
    ['a raw non-ASCII character', 'https://app.example.com/ok?name=Zoë'],
    ['no path', 'https://app.example.com'],
    ['an upper-case host', 'https://APP.example.com/ok'],
    ['a backslash', 'https://app.example.com\\ok'],
  ])('refuses one with %s, before anything is charged', async (_name, url) => {
    for (const param of ['success_url', 'cancel_url'] as const) {
      const res = await as(proxy, 'user_free').post('/checkout', { ...good, [param]: url });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody('parameter_invalid', param));
    }
    expect((await as(proxy, 'user_free').get('/subscription')).body.subscription).toBeNull();
  });

  it('names the normalised form to send instead', async () => {
    const res = await as(proxy, 'user_free').post('/checkout', { ...good, success_url: 'https://app.example.com/ok"><script>' });
    expect(res.body.error.message).toContain('https://app.example.com/ok%22%3E%3Cscript%3E');
  });

  it.each([
    ['in the query', 'https://app.example.com/billing/done?session_id={CHECKOUT_SESSION_ID}&x=%20y'],
    ['in the path', 'https://app.example.com/billing/done/{CHECKOUT_SESSION_ID}'],
    ['in the fragment', 'https://app.example.com/billing/done#{CHECKOUT_SESSION_ID}'],
  ])('accepts the {CHECKOUT_SESSION_ID} placeholder %s and the 303 after paying carries the session id', async (name, successUrl) => {
    const { status, body: session } = await as(proxy, `user_placeholder_${name.replaceAll(' ', '_')}`).post('/checkout', { ...good, success_url: successUrl });
    expect(status).toBe(200);
    const paid = await proxy.fetch(session.checkout_url, form(card));
    expect(paid.status).toBe(303);
    const location = paid.headers.get('location')!;
    expect(location).toBe(successUrl.replace('{CHECKOUT_SESSION_ID}', encodeURIComponent(session.session_id)));
    expect(location).not.toMatch(/[\r\n"<>]/);
  });

  it('accepts an already percent-encoded URL unchanged', async () => {
    const url = 'https://app.example.com/ok?name=Zo%C3%AB&q=%22x%22';
    const res = await as(proxy, 'user_free').post('/checkout', { ...good, success_url: url });
    expect(res.status).toBe(200);
  });
});
