import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPaymentMethodsPart } from './stripeFakePaymentMethods';
import { handlePlanChangeRequest } from './stripeFakePlanChange';
import { createMetersPart, type FakeMeters } from './stripeFakeMeters';

/**
 * A local HTTP server that answers the few Stripe API endpoints Billkit's Stripe
 * processor calls, with the payload shapes of Stripe's API reference (list objects,
 * `{ error: { type, code, message } }` errors, form-encoded bodies with bracket keys).
 * Tests point the `stripe` package at it with `{ host, port, protocol: 'http' }` and
 * read `requests` to see what was sent.
 */
export interface FakeStripeApi {
  host: string;
  port: number;
  /** Every request, in order, with its form body parsed into nested objects. */
  requests: { method: string; path: string; query: URLSearchParams; body: Record<string, unknown>; headers: IncomingMessage['headers'] }[];
  /** Objects the fake knows, by id (tests add subscriptions here to answer retrieves). */
  objects: Map<string, Record<string, unknown>>;
  /**
   * Answers the next request with this status and Stripe error (`{ error: { type, code?,
   * message } }`) instead of handling it, as Stripe does when it refuses or breaks.
   */
  failNext(status: number, error: { type: string; code?: string; message: string }): void;
  /** Billing Meters: the meter events counted (see stripeFakeMeters.ts). */
  meters: FakeMeters;
  close(): Promise<void>;
}

let counter = 0;
const fakeId = (prefix: string) => `${prefix}_test${String(++counter).padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`;
const nowUnix = () => Math.floor(Date.now() / 1000);

/** Parses `a[b][0][c]=1` style keys, as Stripe's clients encode them, into nested objects. */
function parseStripeForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return out;
}

const list = (url: string, data: unknown[]) => ({ object: 'list', url, has_more: false, data });
const missing = (message: string, param?: string) => ({
  status: 404,
  body: { error: { type: 'invalid_request_error', code: 'resource_missing', message, ...(param ? { param } : {}) } },
});

/** Starts the fake on 127.0.0.1, port 0. */
export async function startFakeStripeApi(): Promise<FakeStripeApi> {
  const requests: FakeStripeApi['requests'] = [];
  const objects = new Map<string, Record<string, unknown>>();
  let failure: { status: number; body: unknown } | null = null;
  // Parts in their own files answer their endpoints first (see each file).
  const metersPart = createMetersPart({ nowUnix });
  const parts = [createPaymentMethodsPart({ objects, fakeId, nowUnix }), metersPart.handle];

  const handle = (
    method: string,
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
    idempotencyKey?: string,
  ): { status: number; body: unknown } => {
    const created = nowUnix();
    // Plan changes, invoice previews, schedules and invoices.pay: stripeFakePlanChange.ts.
    const planChange = handlePlanChangeRequest({ objects, fakeId, list, missing }, method, path, body, idempotencyKey);
    if (planChange) return planChange;
    if (method === 'GET' && path === '/v1/prices') {
      const keys = [...query.entries()].filter(([k]) => k.startsWith('lookup_keys')).map(([, v]) => v);
      const data = [...objects.values()].filter((o) => o.object === 'price' && keys.includes(String(o.lookup_key)));
      return { status: 200, body: list('/v1/prices', data) };
    }
    if (method === 'POST' && path === '/v1/prices') {
      const productData = body.product_data as Record<string, unknown> | undefined;
      const product = { id: fakeId('prod'), object: 'product', name: productData?.name ?? null, created };
      objects.set(product.id, product);
      const recurring = body.recurring as Record<string, string> | undefined;
      const price = {
        id: fakeId('price'),
        object: 'price',
        active: true,
        currency: body.currency,
        unit_amount: Number(body.unit_amount),
        lookup_key: body.lookup_key ?? null,
        product: product.id,
        recurring: recurring ? { interval: recurring.interval, interval_count: 1, usage_type: 'licensed' } : null,
        type: recurring ? 'recurring' : 'one_time',
        metadata: body.metadata ?? {},
        created,
        livemode: false,
      };
      objects.set(price.id, price);
      return { status: 200, body: price };
    }
    const coupon = /^\/v1\/coupons\/([^/]+)$/.exec(path);
    if (method === 'GET' && coupon) {
      const found = objects.get(decodeURIComponent(coupon[1]!));
      return found ? { status: 200, body: found } : missing(`No such coupon: '${coupon[1]}'`, 'id');
    }
    if (method === 'POST' && path === '/v1/coupons') {
      const c = {
        id: String(body.id ?? fakeId('coupon')),
        object: 'coupon',
        percent_off: body.percent_off ? Number(body.percent_off) : null,
        amount_off: body.amount_off ? Number(body.amount_off) : null,
        currency: body.currency ?? null,
        duration: body.duration,
        duration_in_months: body.duration_in_months ? Number(body.duration_in_months) : null,
        name: body.name ?? null,
        valid: true,
        created,
        livemode: false,
      };
      objects.set(c.id, c);
      return { status: 200, body: c };
    }
    if (method === 'POST' && path === '/v1/customers') {
      const customer = { id: fakeId('cus'), object: 'customer', email: body.email ?? null, metadata: body.metadata ?? {}, created, livemode: false };
      objects.set(customer.id, customer);
      return { status: 200, body: customer };
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const id = fakeId('cs');
      const embedded = body.ui_mode === 'embedded_page';
      const session = {
        id,
        object: 'checkout.session',
        mode: body.mode,
        status: 'open',
        payment_status: 'unpaid',
        ui_mode: body.ui_mode ?? 'hosted_page',
        client_reference_id: body.client_reference_id ?? null,
        customer: body.customer ?? null,
        metadata: body.metadata ?? {},
        success_url: body.success_url ?? null,
        cancel_url: body.cancel_url ?? null,
        return_url: body.return_url ?? null,
        url: embedded ? null : `https://checkout.stripe.com/c/pay/${id}`,
        client_secret: embedded ? `${id}_secret_${Math.random().toString(36).slice(2)}` : null,
        subscription: null,
        created,
        expires_at: created + 24 * 3600,
        livemode: false,
      };
      objects.set(id, session);
      return { status: 200, body: session };
    }
    if (method === 'POST' && path === '/v1/subscriptions') {
      const items = body.items as Record<string, Record<string, string>>;
      const price = objects.get(items['0']!.price!);
      if (!price) return missing(`No such price: '${items['0']!.price}'`, 'items[0][price]');
      const trialDays = body.trial_period_days ? Number(body.trial_period_days) : 0;
      const periodEnd = created + 30 * 24 * 3600;
      const subId = fakeId('sub');
      const invoiceId = fakeId('in');
      const piId = fakeId('pi');
      const setiId = fakeId('seti');
      const subscription = {
        id: subId,
        object: 'subscription',
        customer: body.customer,
        status: 'incomplete',
        cancel_at_period_end: false,
        canceled_at: null,
        trial_end: trialDays ? created + trialDays * 24 * 3600 : null,
        metadata: body.metadata ?? {},
        items: list(`/v1/subscription_items?subscription=${subId}`, [
          { id: fakeId('si'), object: 'subscription_item', price, quantity: Number(items['0']!.quantity ?? 1), current_period_start: created, current_period_end: periodEnd },
        ]),
        latest_invoice: trialDays
          ? invoiceId
          : {
              id: invoiceId,
              object: 'invoice',
              status: 'open',
              amount_due: Number(price.unit_amount) * Number(items['0']!.quantity ?? 1),
              currency: price.currency,
              confirmation_secret: { client_secret: `${piId}_secret_${Math.random().toString(36).slice(2)}`, type: 'payment_intent' },
            },
        pending_setup_intent: trialDays
          ? { id: setiId, object: 'setup_intent', client_secret: `${setiId}_secret_${Math.random().toString(36).slice(2)}`, status: 'requires_payment_method' }
          : null,
        discounts: [],
        schedule: null,
        created,
        start_date: created,
        livemode: false,
      };
      objects.set(subId, subscription);
      return { status: 200, body: subscription };
    }
    const sub = /^\/v1\/subscriptions\/([^/]+)(\/resume)?$/.exec(path);
    if (sub) {
      const found = objects.get(decodeURIComponent(sub[1]!));
      if (!found) return missing(`No such subscription: '${sub[1]}'`, 'id');
      if (method === 'GET' && !sub[2]) return { status: 200, body: found };
      const ended = found.status === 'canceled' || found.status === 'incomplete_expired';
      const refuse = (message: string) => ({ status: 400, body: { error: { type: 'invalid_request_error', message } } });
      // POST /v1/subscriptions/:id — only the cancellation flag is modelled. Stripe sets
      // `canceled_at` to the time of the request that scheduled the cancellation.
      if (method === 'POST' && !sub[2]) {
        if (ended) return refuse('A canceled subscription can only update its cancellation_details and metadata.');
        if (body.cancel_at_period_end !== undefined) {
          const on = body.cancel_at_period_end === 'true';
          const item = (found.items as { data: { current_period_end?: number }[] } | undefined)?.data[0];
          Object.assign(found, { cancel_at_period_end: on, canceled_at: on ? created : null, cancel_at: on ? (item?.current_period_end ?? null) : null });
        }
        return { status: 200, body: found };
      }
      // DELETE /v1/subscriptions/:id — cancels at once.
      if (method === 'DELETE' && !sub[2]) {
        if (ended) return refuse(`No such subscription: '${sub[1]}'`);
        Object.assign(found, { status: 'canceled', cancel_at_period_end: false, canceled_at: created, ended_at: created });
        return { status: 200, body: found };
      }
      // POST /v1/subscriptions/:id/resume — only a `paused` subscription can be resumed.
      if (method === 'POST' && sub[2]) {
        if (found.status !== 'paused') return refuse('Only paused subscriptions can be resumed.');
        Object.assign(found, { status: 'active', pause_collection: null });
        return { status: 200, body: found };
      }
    }
    return missing(`Unrecognized request URL (${method}: ${path}).`);
  };

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = parseStripeForm(raw);
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body, headers: req.headers });
      const failed = failure;
      failure = null;
      const answer = failed
        ? failed
        : req.headers.authorization?.startsWith('Bearer sk_test_')
          ? (parts.map((part) => part(req.method ?? 'GET', url.pathname, body, req.headers)).find(Boolean) ??
            handle(req.method ?? 'GET', url.pathname, url.searchParams, body, req.headers['idempotency-key'] as string | undefined))
          : { status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } } };
      res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': fakeId('req') });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    requests,
    objects,
    failNext: (status, error) => {
      failure = { status, body: { error } };
    },
    meters: metersPart.meters,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
