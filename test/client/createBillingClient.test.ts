import { BillingError, createBillingClient, type BillingClient, type BillingClientOptions } from '../../src/index';
import { startTestProxy, type TestProxy } from '../helpers/proxy';

const paying = { number: '4242424242424242', exp_month: 12, exp_year: new Date().getFullYear() + 3, cvc: '123' };
const here = 'http://billkit.test/app/billing';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ seed: 'demo' });
});
afterAll(() => proxy?.close());

async function clientFor(user: string, options: Partial<BillingClientOptions> & { org?: string } = {}): Promise<BillingClient> {
  const { org, ...rest } = options;
  const token = await proxy.tokenFor(user, org);
  return createBillingClient({ baseUrl: proxy.baseUrl, getToken: () => token, fetch: proxy.fetch, ...rest });
}

/** Starts an embedded checkout of a price, returning to `here`. */
function embeddedCheckout(client: BillingClient, price_id: string, extra: { promotion_code?: string } = {}) {
  return client.createCheckout({ price_id, success_url: here, cancel_url: here, ui_mode: 'embedded', ...extra });
}

/** The rejection of a promise, asserted to be a BillingError. */
async function billingErrorOf(promise: Promise<unknown>): Promise<BillingError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BillingError);
  return error as BillingError;
}

describe('createBillingClient against the proxy', () => {
  describe('reads', () => {
    it('getPlans lists the public plans with prices in minor units, hidden ones left out', async () => {
      const client = await clientFor('user_free');
      const plans = await client.getPlans();
      expect(plans.map((p) => p.id)).toEqual(expect.arrayContaining(['plan_starter', 'plan_pro']));
      expect(plans.map((p) => p.id)).not.toContain('plan_enterprise');
      const starter = plans.find((p) => p.id === 'plan_starter')!;
      expect(starter.prices).toContainEqual(
        expect.objectContaining({ id: 'price_starter_monthly', amount: 900, currency: 'usd', interval: 'month' }),
      );
    });

    it('getSubscription answers the subscription, or null without one', async () => {
      const pro = await (await clientFor('user_pro')).getSubscription();
      expect(pro).toMatchObject({ plan: { id: 'plan_pro' }, status: 'active', cancel_at_period_end: false });
      expect(await (await clientFor('user_free')).getSubscription()).toBeNull();
    });

    it('getEntitlements names the plan by key, and is empty without a subscription', async () => {
      expect(await (await clientFor('user_pro')).getEntitlements()).toMatchObject({
        plan: 'pro',
        status: 'active',
        features: expect.arrayContaining(['advanced_analytics', 'api_access']),
      });
      expect(await (await clientFor('user_free')).getEntitlements()).toEqual({ plan: null, status: null, features: [] });
    });

    it('getUsage answers the metric of the current period', async () => {
      const usage = await (await clientFor('user_pro')).getUsage('api_calls');
      expect(usage).toMatchObject({ metric: 'api_calls', quantity: 8423, limit: 10000 });
      expect(Date.parse(usage.period_end)).toBeGreaterThan(Date.parse(usage.period_start));
    });

    it('listInvoices pages with limit and starting_after, most recent first', async () => {
      const client = await clientFor('user_pro');
      const first = await client.listInvoices({ limit: 3 });
      expect(first.invoices).toHaveLength(3);
      expect(first.has_more).toBe(true);
      const second = await client.listInvoices({ limit: 3, starting_after: first.invoices[2]!.id });
      expect(second.invoices[0]!.id).not.toBe(first.invoices[2]!.id);
      const created = [...first.invoices, ...second.invoices].map((i) => Date.parse(i.created_at));
      expect(created).toEqual([...created].sort((a, b) => b - a));
    });

    it('downloadInvoicePdf returns the PDF and the name from Content-Disposition', async () => {
      const client = await clientFor('user_pro');
      const [invoice] = (await client.listInvoices({ limit: 1 })).invoices;
      const { blob, filename } = await client.downloadInvoicePdf(invoice!);
      expect(filename).toBe(`invoice_${invoice!.id}.pdf`);
      expect(blob.type).toBe('application/pdf');
      expect(new TextDecoder().decode((await blob.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
      // an id works as well as the invoice
      expect((await client.downloadInvoicePdf(invoice!.id)).filename).toBe(filename);
    });
  });

  describe('checkout', () => {
    it('createCheckout (hosted) answers a checkout_url and session_id', async () => {
      const session = await (await clientFor('user_checkout_hosted')).createCheckout({
        price_id: 'price_starter_monthly',
        success_url: `${here}?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: here,
      });
      expect(session.session_id).toEqual(expect.any(String));
      expect(session.checkout_url).toMatch(/^https?:\/\//);
      expect(session.client_secret).toBeUndefined();
    });

    it('embedded: summary, confirm with 4242 (idempotent), the subscription exists', async () => {
      const client = await clientFor('user_checkout_embedded');
      const session = await embeddedCheckout(client, 'price_pro_monthly', { promotion_code: 'SAVE20' });
      expect(session.client_secret).toEqual(expect.any(String));

      const summary = await client.getCheckoutSession(session.session_id);
      expect(summary).toMatchObject({
        session_id: session.session_id,
        status: 'open',
        plan: { id: 'plan_pro', name: 'Pro' },
        price: { id: 'price_pro_monthly', amount: 2900, currency: 'usd', interval: 'month' },
        promotion: { code: 'SAVE20', percent_off: 20 },
        amount_subtotal: 2900,
        amount_discount: 580,
        amount_due_today: 2320,
        subscription_id: null,
      });

      const body = { client_secret: session.client_secret!, card: paying };
      const paid = await client.confirmCheckout(session.session_id, body, { idempotencyKey: 'attempt-1' });
      expect(paid).toMatchObject({ status: 'succeeded', subscription: { plan: { id: 'plan_pro' }, status: 'active' } });
      const again = await client.confirmCheckout(session.session_id, body, { idempotencyKey: 'attempt-1' });
      expect(again).toEqual(paid);

      expect(await client.getSubscription()).toMatchObject({ plan: { id: 'plan_pro' } });
      expect((await client.getCheckoutSession(session.session_id)).status).toBe('complete');
    });

    it('a 3-D Secure card answers requires_action, and authenticateCheckout completes it', async () => {
      const client = await clientFor('user_checkout_3ds');
      const session = await embeddedCheckout(client, 'price_starter_monthly');
      const secret = session.client_secret!;
      const pending = await client.confirmCheckout(
        session.session_id,
        { client_secret: secret, card: { ...paying, number: '4000002500003155' } },
        { idempotencyKey: crypto.randomUUID() },
      );
      expect(pending).toEqual({ status: 'requires_action', next_action: { type: 'authenticate' } });
      const done = await client.authenticateCheckout(session.session_id, { client_secret: secret, approve: true });
      expect(done).toMatchObject({ status: 'succeeded', subscription: { plan: { id: 'plan_starter' } } });
    });

    it('a declined card is a 402 BillingError with the processor code', async () => {
      const client = await clientFor('user_checkout_declined');
      const session = await embeddedCheckout(client, 'price_starter_monthly');
      const error = await billingErrorOf(
        client.confirmCheckout(
          session.session_id,
          { client_secret: session.client_secret!, card: { ...paying, number: '4000000000000002' } },
          { idempotencyKey: crypto.randomUUID() },
        ),
      );
      expect(error).toMatchObject({ status: 402, code: 'card_declined' });
      expect(error.message).toMatch(/declined/i);
    });

    it('activateCheckout posts to the activation endpoint on the origin of baseUrl', async () => {
      const calls: string[] = [];
      const client = await clientFor('user_admin', {
        org: 'org_acme',
        fetch: (input, init) => {
          calls.push(String(input));
          return proxy.fetch(input, init);
        },
      });
      const session = await embeddedCheckout(client, 'price_pro_monthly');
      await client.confirmCheckout(
        session.session_id,
        { client_secret: session.client_secret!, card: paying },
        { idempotencyKey: crypto.randomUUID() },
      );
      expect(await client.activateCheckout(session.session_id)).toEqual({ success: true });
      expect(calls.at(-1)).toBe('http://billkit.test/api/v1/billing/activate');
      expect((await client.getEntitlements()).plan).toBe('pro');
    });

    it('activateCheckout with a forged session id is a 403', async () => {
      const client = await clientFor('user_free');
      const error = await billingErrorOf(client.activateCheckout('cs_forged.0.deadbeef'));
      expect(error.status).toBe(403);
    });
  });

  describe('cancel and resume', () => {
    it('resumeSubscription undoes a pending cancellation; cancelSubscription sets it again', async () => {
      const client = await clientFor('user_canceling');
      expect(await client.resumeSubscription()).toMatchObject({ status: 'active', cancel_at_period_end: false });
      expect(await client.cancelSubscription({ at_period_end: true })).toMatchObject({ cancel_at_period_end: true });
    });

    it('resuming an active subscription is a 400 BillingError with the proxy code', async () => {
      const error = await billingErrorOf((await clientFor('user_pro')).resumeSubscription());
      expect(error.status).toBe(400);
      expect(error.code).toEqual(expect.any(String));
      expect(error.message).not.toBe('');
    });
  });

  describe('errors', () => {
    it('a 400 carries the param the proxy names', async () => {
      const client = await clientFor('user_free');
      const error = await billingErrorOf(
        client.createCheckout({ price_id: 'price_starter_monthly', success_url: here, cancel_url: here, trial_days: 500 }),
      );
      expect(error).toMatchObject({ status: 400, param: 'trial_days' });
    });

    it('a 404 for another subject\'s invoice reveals nothing', async () => {
      const [invoice] = (await (await clientFor('user_pro')).listInvoices({ limit: 1 })).invoices;
      const error = await billingErrorOf((await clientFor('user_free')).downloadInvoicePdf(invoice!));
      expect(error.status).toBe(404);
      expect(error.message).not.toContain(invoice!.id);
    });

    it('a 401 for a bad token calls onUnauthorized with the error', async () => {
      const onUnauthorized = vi.fn();
      const client = createBillingClient({
        baseUrl: proxy.baseUrl,
        getToken: () => 'not-a-jwt',
        fetch: proxy.fetch,
        onUnauthorized,
      });
      const error = await billingErrorOf(client.getSubscription());
      expect(error.status).toBe(401);
      expect(error.code).toEqual(expect.any(String));
      expect(onUnauthorized).toHaveBeenCalledTimes(1);
      expect(onUnauthorized).toHaveBeenCalledWith(error);
    });

    it('no token at all is a 401 too (no Authorization header is sent)', async () => {
      const seen: (string | null)[] = [];
      const client = createBillingClient({
        baseUrl: proxy.baseUrl,
        getToken: () => null,
        fetch: (input, init) => {
          seen.push(new Headers(init?.headers).get('authorization'));
          return proxy.fetch(input, init);
        },
      });
      expect((await billingErrorOf(client.getPlans())).status).toBe(401);
      expect(seen).toEqual([null]);
    });

    it('a failed connection is status 0, code network_error', async () => {
      const client = createBillingClient({
        baseUrl: proxy.baseUrl,
        getToken: () => 'token',
        fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      });
      const error = await billingErrorOf(client.getPlans());
      expect(error).toMatchObject({ status: 0, code: 'network_error' });
      expect(error.cause).toBeInstanceOf(TypeError);
    });

    it('an error answer that is not the proxy\'s JSON gets code http_<status>', async () => {
      // What a gateway in front of the proxy answers when the proxy is down.
      const client = createBillingClient({
        baseUrl: proxy.baseUrl,
        getToken: () => 'token',
        fetch: async () => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
      });
      const error = await billingErrorOf(client.getPlans());
      expect(error).toMatchObject({ status: 502, code: 'http_502' });
    });

    it('a getToken that throws is a BillingError token_unavailable, and nothing is sent', async () => {
      const fetch = vi.fn(proxy.fetch);
      const client = createBillingClient({
        baseUrl: proxy.baseUrl,
        getToken: () => Promise.reject(new Error('signed out')),
        fetch,
      });
      expect(await billingErrorOf(client.getPlans())).toMatchObject({ status: 0, code: 'token_unavailable' });
      expect(fetch).not.toHaveBeenCalled();
    });
  });

  describe('tokens', () => {
    it('awaits getToken before every request, so a changed token is used at once', async () => {
      const tokens = [await proxy.tokenFor('user_pro'), await proxy.tokenFor('user_free')];
      let calls = 0;
      const client = createBillingClient({
        baseUrl: proxy.baseUrl,
        getToken: async () => tokens[calls++ % 2],
        fetch: proxy.fetch,
      });
      expect(await client.getSubscription()).toMatchObject({ plan: { id: 'plan_pro' } });
      expect(await client.getSubscription()).toBeNull();
      expect(await client.getSubscription()).toMatchObject({ plan: { id: 'plan_pro' } });
      expect(calls).toBe(3);
    });

    it('sends the token as a Bearer header', async () => {
      const token = await proxy.tokenFor('user_pro');
      let header: string | null = null;
      const client = createBillingClient({
        baseUrl: `${proxy.baseUrl}/`,
        getToken: () => token,
        fetch: (input, init) => {
          header = new Headers(init?.headers).get('authorization');
          return proxy.fetch(input, init);
        },
      });
      await client.getEntitlements();
      expect(header).toBe(`Bearer ${token}`);
      expect(client.baseUrl).toBe(proxy.baseUrl);
    });
  });
});
