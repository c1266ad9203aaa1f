import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeProcessor } from '../../../src/server/processor/stripe';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { startFakeStripeApi, type FakeStripeApi } from '../../helpers/stripeFakeApi';
import { deliverStripeEvent, stripeEvent } from '../../helpers/stripeProxy';

const WEBHOOK_SECRET = 'whsec_billkit_test_secret';

let fake: FakeStripeApi;
let proxy: TestProxy;
/** A client of the fake, as the browser's Stripe.js would confirm a SetupIntent. */
let browserStripe: Stripe;
let userCount = 0;

beforeAll(async () => {
  fake = await startFakeStripeApi();
  const config = { host: fake.host, port: fake.port, protocol: 'http' as const, maxNetworkRetries: 0 };
  proxy = await startTestProxy({
    processor: createStripeProcessor({ secretKey: 'sk_test_billkit', publishableKey: 'pk_test_billkit', webhookSecret: WEBHOOK_SECRET, config }),
    // Nobody listens there: Billkit's own events stay in the outbox, where tests read them.
    webhook: { url: 'http://127.0.0.1:9/hooks', secret: 'billkit_hook_secret', retryBaseMs: 3_600_000, pollMs: 3_600_000, onError: () => {} },
  });
  browserStripe = new Stripe('sk_test_browser', config);
});
afterAll(async () => {
  await proxy?.close();
  await fake?.close();
});

async function call<T = Record<string, unknown>>(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await proxy.fetch(`${proxy.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

interface Setup {
  setup_id: string;
  client_secret: string;
  processor: string;
  publishable_key?: string;
}
const newUser = async () => {
  const id = `user_stripe_pm_${++userCount}`;
  return { id, token: await proxy.tokenFor(id) };
};
const requestsTo = (method: string, path: string) => fake.requests.filter((r) => r.method === method && r.path === path);
const startSetup = async (token: string) => (await call<Setup>(token, 'POST', '/payment-method/setup')).json;
/** What Stripe.js does in the browser when the PaymentElement is submitted. */
const confirmInBrowser = (setup: Setup, card: string) =>
  browserStripe.setupIntents.confirm(setup.setup_id, { payment_method: card }).catch((error: unknown) => error);

const deliver = (event: unknown) => deliverStripeEvent(proxy, event, { secret: WEBHOOK_SECRET });

/** Billkit's own webhook events waiting in the outbox (nobody listens at the configured URL). */
const outboxSize = async () => (await proxy.store.dueWebhookEvents(new Date(Date.now() + 365 * 86_400_000), 10_000)).length;

/** A user with a live Stripe subscription: an embedded checkout the fake created, made active by Stripe's webhook. */
async function subscribedUser() {
  const user = await newUser();
  const checkout = await call<{ session_id: string }>(user.token, 'POST', '/checkout', {
    price_id: 'price_pro_monthly',
    success_url: 'https://app.example.com/billing',
    cancel_url: 'https://app.example.com/pricing',
    ui_mode: 'embedded',
  });
  expect(checkout.status).toBe(200);
  const created = requestsTo('POST', '/v1/subscriptions').at(-1)!;
  const stripeSub = [...fake.objects.values()].find((o) => o.object === 'subscription' && o.customer === created.body.customer)!;
  stripeSub.status = 'active';
  expect((await deliver(stripeEvent('customer.subscription.updated', stripeSub))).json.outcome).toBe('applied');
  return { ...user, stripeSub };
}

describe('POST /payment-method/setup (Stripe)', () => {
  it('answers an off-session SetupIntent on the subject’s customer, with the publishable key', async () => {
    const { token } = await newUser();
    const first = await call<Setup>(token, 'POST', '/payment-method/setup');
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      setup_id: expect.stringMatching(/^seti_/),
      client_secret: expect.stringMatching(/^seti_\w+_secret_\w+$/),
      processor: 'stripe',
      publishable_key: 'pk_test_billkit',
    });
    const created = requestsTo('POST', '/v1/setup_intents').at(-1)!;
    expect(created.body).toMatchObject({ usage: 'off_session', customer: expect.stringMatching(/^cus_/), metadata: { billkit_subject: `user_stripe_pm_${userCount}`, billkit_subject_kind: 'user' } });
    expect(created.headers['idempotency-key']).toMatch(/^billkit-setup-req_/);

    // A second setup: a new SetupIntent (a new key per request) on the same customer, not a second customer.
    const customersBefore = requestsTo('POST', '/v1/customers').length;
    const second = await startSetup(token);
    expect(second.setup_id).not.toBe(first.json.setup_id);
    expect(requestsTo('POST', '/v1/setup_intents').at(-1)!.body.customer).toBe(created.body.customer);
    expect(requestsTo('POST', '/v1/setup_intents').at(-1)!.headers['idempotency-key']).not.toBe(created.headers['idempotency-key']);
    expect(requestsTo('POST', '/v1/customers')).toHaveLength(customersBefore);
  });

  it('uses the customer checkout made for the subject', async () => {
    const user = await subscribedUser();
    await startSetup(user.token);
    expect(requestsTo('POST', '/v1/setup_intents').at(-1)!.body.customer).toBe(user.stripeSub.customer);
  });

  it('answers 502 processor_error when Stripe refuses', async () => {
    const { token } = await newUser();
    fake.failNext(500, { type: 'api_error', message: 'Something went wrong on Stripe’s end.' });
    const { status, json } = await call<{ error: { code: string } }>(token, 'POST', '/payment-method/setup');
    expect(status).toBe(502);
    expect(json.error.code).toBe('processor_error');
  });
});

describe('POST /payment-method/setup/:setup_id/confirm (Stripe)', () => {
  it('records the card confirmed in the browser and makes it the default of the customer and the subscription', async () => {
    const user = await subscribedUser();
    const setup = await startSetup(user.token);
    await confirmInBrowser(setup, 'pm_card_mastercard');
    const outboxBefore = await outboxSize();
    const { status, json } = await call(user.token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, { client_secret: setup.client_secret });
    expect(status).toBe(200);
    // As with the test processor, saving a card sends no Billkit webhook event.
    expect(await outboxSize()).toBe(outboxBefore);
    const card = { brand: 'mastercard', last4: '4444', exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 };
    expect(json).toEqual({ status: 'succeeded', payment_method: card });
    expect((await call(user.token, 'GET', '/payment-method')).json).toEqual({ payment_method: card });

    const pm = (fake.objects.get(setup.setup_id) as { payment_method: string }).payment_method;
    const customer = fake.objects.get(String(user.stripeSub.customer)) as { invoice_settings?: { default_payment_method: string } };
    expect(customer.invoice_settings?.default_payment_method).toBe(pm);
    expect(user.stripeSub.default_payment_method).toBe(pm);
    expect(requestsTo('POST', `/v1/subscriptions/${user.stripeSub.id}`).at(-1)!.body).toEqual({ default_payment_method: pm });
  });

  it('without a subscription, sets only the customer’s default', async () => {
    const { token } = await newUser();
    const setup = await startSetup(token);
    await confirmInBrowser(setup, 'pm_card_visa');
    const before = fake.requests.length;
    const { status, json } = await call(token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, { client_secret: setup.client_secret });
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: 'succeeded', payment_method: { brand: 'visa', last4: '4242' } });
    const paths = fake.requests.slice(before).map((r) => `${r.method} ${r.path.replace(/(seti|pm|cus)_\w+/, '$1')}`);
    expect(paths).toEqual(['GET /v1/setup_intents/seti', 'GET /v1/payment_methods/pm', 'POST /v1/customers/cus']);
  });

  it('a declined card: 402 with Stripe’s decline code, the card on file unchanged', async () => {
    const { token } = await newUser();
    const setup = await startSetup(token);
    await confirmInBrowser(setup, 'pm_card_chargeDeclined');
    const { status, json } = await call<{ error: { code: string; message: string } }>(token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, {
      client_secret: setup.client_secret,
    });
    expect(status).toBe(402);
    expect(json.error).toMatchObject({ code: 'generic_decline', message: 'Your card was declined.' });
    expect((await call(token, 'GET', '/payment-method')).json).toEqual({ payment_method: null });

    // The same SetupIntent takes another card, as the PaymentElement lets the customer try again.
    await confirmInBrowser(setup, 'pm_card_visa');
    expect((await call(token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, { client_secret: setup.client_secret })).status).toBe(200);
  });

  it('a setup not confirmed yet, or waiting for authentication: 400 setup_intent_unexpected_state, nothing recorded', async () => {
    const { token } = await newUser();
    const setup = await startSetup(token);
    const early = await call<{ error: { code: string; message: string } }>(token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, {
      client_secret: setup.client_secret,
    });
    expect(early.status).toBe(400);
    expect(early.json.error).toMatchObject({ code: 'setup_intent_unexpected_state', message: expect.stringMatching(/not been confirmed/) });

    await confirmInBrowser(setup, 'pm_card_authenticationRequired');
    const pending = await call<{ error: { code: string; message: string } }>(token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, {
      client_secret: setup.client_secret,
    });
    expect(pending.status).toBe(400);
    expect(pending.json.error.message).toMatch(/authentication/);
    expect((await call(token, 'GET', '/payment-method')).json).toEqual({ payment_method: null });
    const customer = fake.objects.get(String(requestsTo('POST', '/v1/setup_intents').at(-1)!.body.customer))!;
    expect(customer.invoice_settings).toBeUndefined();
  });

  it('another subject’s setup is a 404 that reveals nothing; a wrong secret a 400; card details a 400', async () => {
    const owner = await newUser();
    const other = await newUser();
    const setup = await startSetup(owner.token);
    await confirmInBrowser(setup, 'pm_card_visa');
    const foreign = await call<{ error: { code: string } }>(other.token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, {
      client_secret: setup.client_secret,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.code).toBe('resource_missing');
    expect((await call(other.token, 'GET', '/payment-method')).json).toEqual({ payment_method: null });

    const unknown = await call(owner.token, 'POST', '/payment-method/setup/seti_nope/confirm', { client_secret: setup.client_secret });
    expect(unknown.status).toBe(404);
    const wrong = await call<{ error: { code: string; param: string } }>(owner.token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, {
      client_secret: 'seti_x_secret_y',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatchObject({ code: 'parameter_invalid', param: 'client_secret' });
    const withCard = await call<{ error: { code: string; param: string } }>(owner.token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, {
      client_secret: setup.client_secret,
      card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' },
    });
    expect(withCard.status).toBe(400);
    expect(withCard.json.error).toMatchObject({ code: 'parameter_invalid', param: 'card' });
    expect((await call(owner.token, 'GET', '/payment-method')).json).toEqual({ payment_method: null });
  });

  it('is idempotent: a second confirm answers the same card and changes nothing at Stripe', async () => {
    const user = await subscribedUser();
    const setup = await startSetup(user.token);
    await confirmInBrowser(setup, 'pm_card_visa');
    const first = await call(user.token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, { client_secret: setup.client_secret });
    const updates = () => fake.requests.filter((r) => r.method === 'POST' && /^\/v1\/(customers|subscriptions)\/./.test(r.path)).length;
    const before = updates();
    const again = await call(user.token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, { client_secret: setup.client_secret });
    expect(again).toEqual(first);
    expect(updates()).toBe(before);
  });
});

describe('POST /webhooks/stripe setup_intent.succeeded', () => {
  it('records the card when the browser closed before its confirm call; the later confirm and a replay change nothing', async () => {
    const user = await subscribedUser();
    const setup = await startSetup(user.token);
    const intent = await confirmInBrowser(setup, 'pm_card_visa');
    const event = stripeEvent('setup_intent.succeeded', intent);
    expect((await deliver(event)).json.outcome).toBe('applied');
    expect((await call(user.token, 'GET', '/payment-method')).json).toMatchObject({ payment_method: { brand: 'visa', last4: '4242' } });
    const pm = (fake.objects.get(setup.setup_id) as { payment_method: string }).payment_method;
    expect(user.stripeSub.default_payment_method).toBe(pm);

    expect((await deliver(event)).json.outcome).toBe('duplicate');
    const updates = () => fake.requests.filter((r) => r.method === 'POST' && /^\/v1\/(customers|subscriptions)\/./.test(r.path)).length;
    const before = updates();
    const confirm = await call(user.token, 'POST', `/payment-method/setup/${setup.setup_id}/confirm`, { client_secret: setup.client_secret });
    expect(confirm.json).toMatchObject({ status: 'succeeded', payment_method: { last4: '4242' } });
    expect(updates()).toBe(before);
    // A new event id about the same SetupIntent finds it recorded.
    expect((await deliver(stripeEvent('setup_intent.succeeded', intent))).json.outcome).toBe('applied');
    expect(updates()).toBe(before);
  });

  it('ignores SetupIntents Billkit did not make and ones Stripe no longer calls succeeded', async () => {
    const foreign = { id: 'seti_foreign', object: 'setup_intent', status: 'succeeded', metadata: {}, payment_method: 'pm_x' };
    expect((await deliver(stripeEvent('setup_intent.succeeded', foreign))).json.outcome).toBe('ignored');
    const { token } = await newUser();
    const setup = await startSetup(token);
    const stale = { ...(fake.objects.get(setup.setup_id) as object), status: 'succeeded' };
    expect((await deliver(stripeEvent('setup_intent.succeeded', stale))).json.outcome).toBe('ignored');
    expect((await call(token, 'GET', '/payment-method')).json).toEqual({ payment_method: null });
  });
});
