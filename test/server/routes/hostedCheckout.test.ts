import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { as } from '../../helpers/http';
import { hostedCard, hostedForm } from '../../helpers/hostedCheckout';
import { createTestProcessor } from '../../../src/server/processor/createTestProcessor';
import type { PaymentProcessor } from '../../../src/server/processor/types';
import type { Store } from '../../../src/server/store/Store';

/** The test processor over the proxy's store, its card payments held at the processor until released. */
function gatedProcessorConfirm() {
  type Held = { release: () => void };
  const waiting: ((held: Held) => void)[] = [];
  const arrived: Held[] = [];
  const processor = (store: Store): PaymentProcessor => {
    const real = createTestProcessor({ ledger: store });
    return {
      ...real,
      name: real.name,
      confirmPayment: async (input) => {
        await new Promise<void>((release) => {
          const waiter = waiting.shift();
          if (waiter) waiter({ release });
          else arrived.push({ release });
        });
        return real.confirmPayment(input);
      },
    };
  };
  const nextHeld = () => new Promise<Held>((resolve) => {
    const held = arrived.shift();
    if (held) resolve(held);
    else waiting.push(resolve);
  });
  return { processor, nextHeld };
}

let proxy: TestProxy;
afterEach(() => proxy.close());

const form = hostedForm;
const card = hostedCard;

async function hostedSession(user: string, extra: Record<string, unknown> = {}) {
  const { body } = await as(proxy, user).post('/checkout', {
    price_id: 'price_pro_monthly',
    success_url: 'https://app.example.com/billing/done?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://app.example.com/pricing',
    ...extra,
  });
  return body as { checkout_url: string; session_id: string };
}

describe('hosted checkout over HTTP', () => {
  it('a second press of Pay while the first is at the processor waits for it: both go to the success URL, one charge', async () => {
    const { processor, nextHeld } = gatedProcessorConfirm();
    proxy = await startTestProxy({ processorFor: processor });
    const session = await hostedSession('user_free');
    const first = proxy.fetch(session.checkout_url, form(card('4242 4242 4242 4242')));
    const held = await nextHeld();
    const second = proxy.fetch(session.checkout_url, form(card('4242 4242 4242 4242')));
    held.release();
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(b.headers.get('location')).toBe(a.headers.get('location'));
    const charges = (await proxy.store.listTestProcessorCharges()).filter((e) => e.kind === 'charge' && e.status === 'succeeded');
    expect(charges).toHaveLength(1);
  });

  it('shows the page, pays with 4242, redirects with the session id, and the subscription, invoice and PDF exist', async () => {
    proxy = await startTestProxy();
    const session = await hostedSession('user_free', { promotion_code: 'SAVE20' });
    const page = await proxy.fetch(session.checkout_url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('Pro');
    expect(html).toContain('SAVE20');
    expect(html).toContain('$23.20');
    expect(html).toContain('https://app.example.com/pricing');
    expect(html).toContain('name="card_number"');

    const paid = await proxy.fetch(session.checkout_url, form(card('4242 4242 4242 4242')));
    expect(paid.status).toBe(303);
    const location = new URL(paid.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('https://app.example.com/billing/done');
    expect(location.searchParams.get('session_id')).toBe(session.session_id);

    const client = as(proxy, 'user_free');
    const { subscription } = (await client.get('/subscription')).body;
    expect(subscription).toMatchObject({ status: 'active', plan: { id: 'plan_pro' }, price: { id: 'price_pro_monthly' } });
    const [invoice] = (await client.get('/invoices')).body.invoices;
    expect(invoice).toMatchObject({ amount_due: 2320, amount_paid: 2320, status: 'paid' });
    const pdf = await proxy.fetch(invoice.pdf_url, { headers: { Authorization: `Bearer ${await proxy.tokenFor('user_free')}` } });
    expect(pdf.status).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true });
    expect(text).toContain('SAVE20');

    // The page now says it is complete; paying again changes nothing.
    const after = await proxy.fetch(session.checkout_url);
    expect(await after.text()).toContain('data-state="complete"');
    await proxy.fetch(session.checkout_url, form(card('4242 4242 4242 4242')));
    expect((await client.get('/invoices')).body.invoices).toHaveLength(1);
  });

  it('re-renders a declined card with the processor’s message (402) and creates nothing', async () => {
    proxy = await startTestProxy();
    const session = await hostedSession('user_free');
    for (const [number, message] of [
      ['4000 0000 0000 0002', 'Your card was declined.'],
      ['4000 0000 0000 9995', 'Your card has insufficient funds.'],
    ] as const) {
      const res = await proxy.fetch(session.checkout_url, form(card(number)));
      expect(res.status).toBe(402);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toContain('data-state="open"');
    }
    expect((await as(proxy, 'user_free').get('/subscription')).body.subscription).toBeNull();
  });

  it('reads the expiry as typed without the page script (the card form’s parser): a past, malformed or impossible one is refused, "1/2034" pays', async () => {
    proxy = await startTestProxy();
    const session = await hostedSession('user_free');
    for (const exp of ['12 / 20', '13/34', 'soon', '1234567']) {
      const res = await proxy.fetch(session.checkout_url, form({ ...card('4242 4242 4242 4242'), card_exp: exp }));
      expect(res.status, exp).toBe(402);
      expect(await res.text()).toContain('Your card&#39;s expiration date is invalid.');
    }
    expect((await as(proxy, 'user_free').get('/subscription')).body.subscription).toBeNull();
    const paid = await proxy.fetch(session.checkout_url, form({ ...card('4242 4242 4242 4242'), card_exp: '1/2034' }));
    expect(paid.status).toBe(303);
  });

  it('asks for 3-D Secure authentication, fails it, then approves it', async () => {
    proxy = await startTestProxy();
    const session = await hostedSession('user_free', { trial_days: 7 });
    const challenge = await proxy.fetch(session.checkout_url, form(card('4000 0025 0000 3155')));
    expect(challenge.status).toBe(200);
    const html = await challenge.text();
    expect(html).toContain('data-state="authenticate"');
    expect(html).toMatch(/name="authenticate"[^>]*value="approve"|value="approve"[^>]*name="authenticate"/);

    const failed = await proxy.fetch(session.checkout_url, form({ authenticate: 'fail' }));
    expect(failed.status).toBe(402);
    expect(await failed.text()).toContain('data-state="open"');

    await proxy.fetch(session.checkout_url, form(card('4000 0025 0000 3155')));
    const approved = await proxy.fetch(session.checkout_url, form({ authenticate: 'approve' }));
    expect(approved.status).toBe(303);
    expect((await as(proxy, 'user_free').get('/subscription')).body.subscription).toMatchObject({ status: 'trialing' });
  });

  it('shows an expired session as expired and refuses to pay it', async () => {
    let now = new Date();
    proxy = await startTestProxy({ now: () => now });
    const session = await hostedSession('user_free');
    now = new Date(now.getTime() + 25 * 3600_000);
    const page = await proxy.fetch(session.checkout_url);
    expect(await page.text()).toContain('data-state="expired"');
    const pay = await proxy.fetch(session.checkout_url, form(card('4242 4242 4242 4242')));
    expect(await pay.text()).toContain('data-state="expired"');
    expect((await as(proxy, 'user_free').get('/subscription')).body.subscription).toBeNull();
  });

  it('is a 404 for a forged or unknown session id', async () => {
    proxy = await startTestProxy();
    const session = await hostedSession('user_free');
    const forged = session.checkout_url.replace(/[0-9a-f]{4}$/, '0000');
    expect((await proxy.fetch(forged)).status).toBe(404);
    expect((await proxy.fetch('/billing/checkout/sess_unknown')).status).toBe(404);
  });
});

describe('amount-off promotion codes in zero- and three-decimal currencies', () => {
  it.each([
    ['jpy', 290000, 50000, /¥50,000 off once/, '¥240,000'],
    ['kwd', 29000, 1500, /KWD\s1\.500 off once/, 'KWD\u00a027.500'],
  ])('%s: the page and the paid invoice read the amount in the currency’s own minor units', async (currency, amount, amountOff, label, dueToday) => {
    proxy = await startTestProxy();
    const code = `OFF${currency.toUpperCase()}`;
    await proxy.store.transaction(async (s) => {
      await s.insertPlan({ id: `plan_${currency}`, key: `pro_${currency}`, name: `Pro ${currency}`, description: null, features: [], recommended: false, hidden: false, trial_period_days: null, trial_by_default: false, sort_order: 10 });
      await s.insertPrice({ id: `price_${currency}`, plan_id: `plan_${currency}`, amount, currency, interval: 'month', model: 'recurring', sort_order: 0 });
      await s.insertPromotionCode({ code, percent_off: null, amount_off: amountOff, currency, duration: 'once', duration_in_months: null, expires_at: null });
    });
    const session = await hostedSession('user_free', { price_id: `price_${currency}`, promotion_code: code });
    const html = (await (await proxy.fetch(session.checkout_url)).text()).replace(/\u00a0|&nbsp;|&#160;/g, ' ');
    expect(html).toMatch(label);
    expect(html).toContain(dueToday.replace('\u00a0', ' '));

    expect((await proxy.fetch(session.checkout_url, form(card('4242 4242 4242 4242')))).status).toBe(303);
    const [invoice] = (await as(proxy, 'user_free').get('/invoices')).body.invoices;
    expect(invoice).toMatchObject({ currency, amount_due: amount - amountOff, status: 'paid' });
    const pdf = await proxy.fetch(invoice.pdf_url, { headers: { Authorization: `Bearer ${await proxy.tokenFor('user_free')}` } });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toMatch(new RegExp(`${code} \\(${label.source.replace('\\s', ' ')}\\)`));
  });
});
