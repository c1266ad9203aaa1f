import type { IncomingMessage } from 'node:http';

/**
 * The card-setup part of the local Stripe fake (registered from `stripeFakeApi.ts`):
 * `POST /v1/setup_intents` (honouring `Idempotency-Key` as Stripe does), `GET
 * /v1/setup_intents/:id`, `POST /v1/setup_intents/:id/confirm` (what Stripe.js does in the
 * browser; `payment_method` takes Stripe's test tokens), `GET /v1/payment_methods/:id`,
 * `POST /v1/customers/:id` (`invoice_settings[default_payment_method]`) and the
 * `default_payment_method` of `POST /v1/subscriptions/:id`. Shapes as Stripe's API reference.
 */

type Answer = { status: number; body: unknown };
type Objects = Map<string, Record<string, unknown>>;

/** What the fake's core gives its parts. */
export interface FakeStripeParts {
  objects: Objects;
  fakeId: (prefix: string) => string;
  nowUnix: () => number;
}

/** Stripe's test payment method tokens (`pm_card_…`) the confirm understands, and what each does. */
const TEST_CARDS: Record<string, { brand: string; last4: string; outcome: 'attach' | 'decline' | 'authenticate' }> = {
  pm_card_visa: { brand: 'visa', last4: '4242', outcome: 'attach' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', outcome: 'attach' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', outcome: 'decline' },
  pm_card_authenticationRequired: { brand: 'visa', last4: '3184', outcome: 'authenticate' },
};

const missing = (message: string, param?: string): Answer => ({
  status: 404,
  body: { error: { type: 'invalid_request_error', code: 'resource_missing', message, ...(param ? { param } : {}) } },
});

/**
 * Answers a request this part handles, or `null` to leave it to the core. A subscription
 * update's `default_payment_method` is applied here and the core then answers the update.
 */
export function createPaymentMethodsPart({ objects, fakeId, nowUnix }: FakeStripeParts) {
  const byIdempotencyKey = new Map<string, string>();

  const paymentMethod = (token: string, customer: unknown) => {
    const card = TEST_CARDS[token]!;
    const method = {
      id: fakeId('pm'),
      object: 'payment_method',
      type: 'card',
      card: { brand: card.brand, last4: card.last4, exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, funding: 'credit', country: 'US' },
      customer: card.outcome === 'decline' ? null : (customer ?? null),
      billing_details: { address: { postal_code: null }, email: null, name: null },
      metadata: {},
      created: nowUnix(),
      livemode: false,
    };
    objects.set(method.id, method);
    return method;
  };

  const confirm = (intent: Record<string, unknown>, token: string): Answer => {
    if (intent.status === 'succeeded' || intent.status === 'canceled') {
      return { status: 400, body: { error: { type: 'invalid_request_error', code: 'setup_intent_unexpected_state', message: `You cannot confirm this SetupIntent because it has a status of ${intent.status}.` } } };
    }
    const card = TEST_CARDS[token];
    if (!card) return missing(`No such PaymentMethod: '${token}'`, 'payment_method');
    const method = paymentMethod(token, intent.customer);
    if (card.outcome === 'decline') {
      const error = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'generic_decline',
        message: 'Your card was declined.',
        payment_method: method,
      };
      Object.assign(intent, { status: 'requires_payment_method', payment_method: null, last_setup_error: error });
      return { status: 402, body: { error: { ...error, setup_intent: intent } } };
    }
    if (card.outcome === 'authenticate') {
      Object.assign(intent, {
        status: 'requires_action',
        payment_method: method.id,
        last_setup_error: null,
        next_action: { type: 'use_stripe_sdk', use_stripe_sdk: {} },
      });
      return { status: 200, body: intent };
    }
    Object.assign(intent, { status: 'succeeded', payment_method: method.id, last_setup_error: null, next_action: null });
    return { status: 200, body: intent };
  };

  return (method: string, path: string, body: Record<string, unknown>, headers: IncomingMessage['headers']): Answer | null => {
    if (method === 'POST' && path === '/v1/setup_intents') {
      const key = headers['idempotency-key'];
      const known = typeof key === 'string' ? byIdempotencyKey.get(key) : undefined;
      if (known) return { status: 200, body: objects.get(known) };
      if (body.customer && !objects.has(String(body.customer))) return missing(`No such customer: '${body.customer}'`, 'customer');
      const id = fakeId('seti');
      const intent = {
        id,
        object: 'setup_intent',
        client_secret: `${id}_secret_${Math.random().toString(36).slice(2)}`,
        status: 'requires_payment_method',
        usage: body.usage ?? 'off_session',
        customer: body.customer ?? null,
        payment_method: null,
        payment_method_types: ['card'],
        automatic_payment_methods: body.automatic_payment_methods ? { enabled: true, allow_redirects: 'always' } : null,
        last_setup_error: null,
        next_action: null,
        metadata: body.metadata ?? {},
        created: nowUnix(),
        livemode: false,
      };
      objects.set(id, intent);
      if (typeof key === 'string') byIdempotencyKey.set(key, id);
      return { status: 200, body: intent };
    }
    const setup = /^\/v1\/setup_intents\/([^/]+)(\/confirm)?$/.exec(path);
    if (setup) {
      const intent = objects.get(decodeURIComponent(setup[1]!));
      if (!intent || intent.object !== 'setup_intent') return missing(`No such setupintent: '${setup[1]}'`, 'intent');
      if (method === 'GET' && !setup[2]) return { status: 200, body: intent };
      if (method === 'POST' && setup[2]) return confirm(intent, String(body.payment_method ?? ''));
    }
    const pm = /^\/v1\/payment_methods\/([^/]+)$/.exec(path);
    if (pm && method === 'GET') {
      const found = objects.get(decodeURIComponent(pm[1]!));
      return found?.object === 'payment_method' ? { status: 200, body: found } : missing(`No such PaymentMethod: '${pm[1]}'`, 'payment_method');
    }
    const customer = /^\/v1\/customers\/([^/]+)$/.exec(path);
    if (customer && method === 'POST') {
      const found = objects.get(decodeURIComponent(customer[1]!));
      if (!found || found.object !== 'customer') return missing(`No such customer: '${customer[1]}'`, 'id');
      const settings = body.invoice_settings as Record<string, string> | undefined;
      if (settings?.default_payment_method !== undefined) {
        const methodId = settings.default_payment_method;
        if (methodId && !objects.has(methodId)) return missing(`No such PaymentMethod: '${methodId}'`, 'invoice_settings[default_payment_method]');
        found.invoice_settings = { ...(found.invoice_settings as object | undefined), default_payment_method: methodId || null };
      }
      if (body.metadata) found.metadata = { ...(found.metadata as object), ...(body.metadata as object) };
      return { status: 200, body: found };
    }
    const sub = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    if (sub && method === 'POST' && body.default_payment_method !== undefined) {
      const found = objects.get(decodeURIComponent(sub[1]!));
      const methodId = String(body.default_payment_method);
      if (found && methodId && !objects.has(methodId)) return missing(`No such PaymentMethod: '${methodId}'`, 'default_payment_method');
      if (found && found.status !== 'canceled' && found.status !== 'incomplete_expired') found.default_payment_method = methodId || null;
    }
    return null;
  };
}
