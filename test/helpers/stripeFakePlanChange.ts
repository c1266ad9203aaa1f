/**
 * The Stripe fake's side of self-serve plan changes (registered from stripeFakeApi.ts): changing a
 * subscription's price with proration (`POST /v1/subscriptions/:id` with `items`),
 * `POST /v1/invoices/create_preview`, subscription schedules (create, update, release)
 * (items carry their `quantity`: seats are prorated per unit and lines show the quantity)
 * and `POST /v1/invoices/:id/pay`. Prorations are computed as Stripe does, to the second:
 * each line is the price times the unused (or remaining) fraction of the period, rounded
 * per line; `billing_cycle_anchor` now starts a new period charged whole. Charges go to
 * the subscription's or the customer's default payment method; Stripe's declining test
 * PaymentMethods (`pm_card_chargeDeclined…`, `pm_card_chargeCustomerFail`) decline with
 * Stripe's 402 `card_error`. Discounts are not modelled.
 */
export interface FakeContext {
  objects: Map<string, Record<string, unknown>>;
  fakeId(prefix: string): string;
  list(url: string, data: unknown[]): unknown;
  missing(message: string, param?: string): Answer;
}

export interface Answer {
  status: number;
  body: unknown;
}

type Obj = Record<string, any>;

const replaysByFake = new WeakMap<object, Map<string, Answer>>();

/** Stripe's test PaymentMethods whose charges fail, with the error Stripe answers. */
const DECLINING: Record<string, { code: string; decline_code?: string; message: string }> = {
  pm_card_chargeDeclined: { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
  pm_card_chargeCustomerFail: { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
  pm_card_chargeDeclinedInsufficientFunds: { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  pm_card_chargeDeclinedExpiredCard: { code: 'expired_card', message: 'Your card has expired.' },
};

const refuse = (message: string, code?: string): Answer => ({
  status: 400,
  body: { error: { type: 'invalid_request_error', message, ...(code ? { code } : {}) } },
});

/** The end of one `interval` from `start` (unix seconds), in calendar terms as Stripe bills. */
function addStripeInterval(start: number, interval: string): number {
  const d = new Date(start * 1000);
  if (interval === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCDate(d.getUTCDate() + 1);
  return Math.floor(d.getTime() / 1000);
}

const day = (unix: number) => new Date(unix * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Handles a request of the plan-change and invoice-payment Stripe calls, or answers null for the fake's other handlers. */
export function handlePlanChangeRequest(
  fake: FakeContext,
  method: string,
  path: string,
  body: Obj,
  idempotencyKey: string | undefined,
): Answer | null {
  // The fake's objects are plain JSON of Stripe's shapes; read loosely here.
  const objects = fake.objects as Map<string, Obj>;
  const nowUnix = Math.floor(Date.now() / 1000);
  const productName = (price: Obj) => String(objects.get(price.product)?.name ?? 'Plan');

  /** The proration invoice of moving `sub` to `price` at `at`, as Stripe lays it out. */
  const prorate = (sub: Obj, price: Obj, details: Obj, quantity: number) => {
    const item = sub.items.data[0];
    const old = item.price as Obj;
    const oldQuantity = Number(item.quantity ?? 1);
    const times = (n: number, p: Obj) => `${n} × ${productName(p)}`;
    const at = details.proration_date ? Number(details.proration_date) : nowUnix;
    const anchorNow = details.billing_cycle_anchor === 'now' || details.billing_cycle_anchor?.type === 'now';
    const none = details.proration_behavior === 'none';
    const { current_period_start: s, current_period_end: e } = item;
    const lines: Obj[] = [];
    const line = (amount: number, description: string, start: number, end: number, proration: boolean, p: Obj, units: number) => ({
      id: fake.fakeId('il'),
      object: 'line_item',
      amount,
      currency: p.currency,
      description,
      quantity: units,
      period: { start, end },
      pricing: { type: 'price_details', price_details: { price: p.id, product: p.product }, unit_amount_decimal: String(p.unit_amount) },
      parent: { type: 'subscription_item_details', subscription_item_details: { subscription: sub.id, subscription_item: item.id, proration, invoice_item: null, proration_details: null } },
    });
    const period = anchorNow ? { start: at, end: addStripeInterval(at, price.recurring.interval) } : { start: s, end: e };
    if (!none) {
      const fraction = Math.max(0, e - at) / (e - s);
      // Stripe names the quantity in a proration's description only when it is not 1.
      const named = (n: number, p: Obj) => (n === 1 ? productName(p) : times(n, p));
      const credit = Math.round(old.unit_amount * oldQuantity * fraction);
      if (credit > 0) lines.push(line(-credit, `Unused time on ${named(oldQuantity, old)} after ${day(at)}`, at, e, true, old, oldQuantity));
      if (anchorNow) lines.push(line(price.unit_amount * quantity, `${times(quantity, price)} (at ${price.unit_amount} / ${price.recurring.interval})`, period.start, period.end, false, price, quantity));
      else lines.push(line(Math.round(price.unit_amount * quantity * fraction), `Remaining time on ${named(quantity, price)} after ${day(at)}`, at, e, true, price, quantity));
    }
    const total = lines.reduce((sum, l) => sum + l.amount, 0);
    // A customer balance below zero is a credit, taken off what is due (Stripe's `balance`).
    const customer = objects.get(sub.customer) ?? {};
    const credit = Math.max(0, -Number(customer.balance ?? 0));
    const applied = Math.min(credit, Math.max(0, total));
    return { lines, total, amount_due: Math.max(0, total - applied), applied, period, none };
  };

  const invoiceObject = (sub: Obj, p: ReturnType<typeof prorate>, extra: Obj) => ({
    object: 'invoice',
    customer: sub.customer,
    currency: sub.items.data[0].price.currency,
    billing_reason: 'subscription_update',
    subtotal: p.total,
    total: p.total,
    amount_due: p.amount_due,
    amount_paid: 0,
    amount_remaining: p.amount_due,
    starting_balance: Number(objects.get(sub.customer)?.balance ?? 0),
    total_discount_amounts: [],
    created: nowUnix,
    period_start: nowUnix,
    period_end: nowUnix,
    attempt_count: 0,
    next_payment_attempt: null,
    parent: { type: 'subscription_details', subscription_details: { subscription: sub.id, metadata: sub.metadata ?? {} } },
    lines: fake.list('/v1/invoices/upcoming/lines', p.lines),
    ...extra,
  });

  /** Charges the customer's default payment method: null when paid, else Stripe's 402. */
  const charge = (customerId: string, subscription: Obj | null, amount: number, currency: string, invoice: string): Answer | null => {
    const customer = objects.get(customerId) ?? {};
    const method = subscription?.default_payment_method ?? customer.invoice_settings?.default_payment_method ?? null;
    if (!method) return refuse('This customer has no attached payment source or default payment method.');
    const decline = DECLINING[method];
    if (decline) return { status: 402, body: { error: { type: 'card_error', ...decline, charge: fake.fakeId('ch') } } };
    const id = fake.fakeId('ch');
    objects.set(id, { id, object: 'charge', amount, currency, customer: customerId, invoice, payment_method: method, paid: true, created: nowUnix });
    return null;
  };

  // Stripe answers a POST repeated with its Idempotency-Key with the first answer, errors included.
  let replays = replaysByFake.get(objects);
  if (!replays) replaysByFake.set(objects, (replays = new Map()));
  const remember = (answer: Answer): Answer => {
    if (idempotencyKey && method === 'POST') replays.set(idempotencyKey, answer);
    return answer;
  };
  const replay = idempotencyKey && method === 'POST' ? replays.get(idempotencyKey) : undefined;
  if (replay) return replay;

  if (method === 'POST' && path === '/v1/invoices/create_preview') {
    const sub = objects.get(String(body.subscription));
    if (!sub) return fake.missing(`No such subscription: '${body.subscription}'`, 'subscription');
    const details = (body.subscription_details ?? {}) as Obj;
    const price = objects.get(String(details.items?.['0']?.price));
    if (!price) return fake.missing(`No such price: '${details.items?.['0']?.price}'`, 'subscription_details[items][0][price]');
    const quantity = Number(details.items?.['0']?.quantity ?? sub.items.data[0].quantity ?? 1);
    return { status: 200, body: { id: `upcoming_${fake.fakeId('in')}`, ...invoiceObject(sub, prorate(sub, price, details, quantity), { status: 'draft' }) } };
  }

  const subMatch = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
  if (method === 'POST' && subMatch) {
    const sub = objects.get(decodeURIComponent(subMatch[1]!));
    if (!sub) return null;
    if (sub.schedule && body.cancel_at_period_end !== undefined) {
      return refuse(`The subscription is managed by the subscription schedule \`${sub.schedule}\`, and updating any cancelation behavior directly is not allowed. Please update the schedule instead.`);
    }
    if (!body.items) return null;
    const wanted = (body.items as Obj)['0'] as Obj;
    const price = objects.get(String(wanted.price));
    if (!price) return fake.missing(`No such price: '${wanted.price}'`, 'items[0][price]');
    const item = sub.items.data[0];
    if (wanted.id !== item.id) return refuse(`Invalid subscription item: '${wanted.id}'`);
    const quantity = Number(wanted.quantity ?? item.quantity ?? 1);
    const p = prorate(sub, price, body, quantity);
    let invoiceId: string | null = null;
    if (!p.none && body.proration_behavior === 'always_invoice') {
      invoiceId = fake.fakeId('in');
      if (p.amount_due > 0) {
        // error_if_incomplete (all Billkit sends): a failed payment leaves the subscription as it was.
        const declined = charge(sub.customer, sub, p.amount_due, price.currency, invoiceId);
        if (declined) return remember(declined);
      }
      const customer = objects.get(sub.customer);
      if (customer) customer.balance = Number(customer.balance ?? 0) + p.applied + Math.min(0, p.total);
      objects.set(invoiceId, { id: invoiceId, ...invoiceObject(sub, p, { status: 'paid', amount_paid: p.amount_due, amount_remaining: 0 }) });
    }
    Object.assign(item, { price, quantity, current_period_start: p.period.start, current_period_end: p.period.end });
    if (invoiceId) sub.latest_invoice = invoiceId;
    return remember({ status: 200, body: sub });
  }

  if (method === 'POST' && path === '/v1/subscription_schedules') {
    const sub = objects.get(String(body.from_subscription));
    if (!sub) return fake.missing(`No such subscription: '${body.from_subscription}'`, 'from_subscription');
    if (sub.schedule) return refuse(`You cannot migrate a subscription that is already attached to a schedule: \`${sub.schedule}\`.`);
    const item = sub.items.data[0];
    const schedule = {
      id: fake.fakeId('sub_sched'),
      object: 'subscription_schedule',
      subscription: sub.id,
      customer: sub.customer,
      status: 'active',
      end_behavior: 'release',
      released_subscription: null,
      phases: [{ start_date: item.current_period_start, end_date: item.current_period_end, items: [{ price: item.price.id, quantity: Number(item.quantity ?? 1) }] }],
      current_phase: { start_date: item.current_period_start, end_date: item.current_period_end },
      created: nowUnix,
    };
    objects.set(schedule.id, schedule);
    sub.schedule = schedule.id;
    return remember({ status: 200, body: schedule });
  }

  const schedMatch = /^\/v1\/subscription_schedules\/([^/]+)(\/release)?$/.exec(path);
  if (schedMatch) {
    const schedule = objects.get(decodeURIComponent(schedMatch[1]!));
    if (!schedule) return fake.missing(`No such subscription schedule: '${schedMatch[1]}'`, 'schedule');
    if (method === 'GET' && !schedMatch[2]) return { status: 200, body: schedule };
    if (schedule.status !== 'active' && schedule.status !== 'not_started') {
      return refuse(`You cannot update a subscription schedule that is currently in the \`${schedule.status}\` status.`);
    }
    if (method === 'POST' && schedMatch[2]) {
      const sub = objects.get(schedule.subscription);
      if (sub) sub.schedule = null;
      Object.assign(schedule, { status: 'released', released_subscription: schedule.subscription, subscription: null, released_at: nowUnix });
      return remember({ status: 200, body: schedule });
    }
    if (method === 'POST') {
      const raw = Object.values((body.phases ?? {}) as Obj) as Obj[];
      if (raw.length === 0) return refuse('Missing required param: phases.', 'parameter_missing');
      if (Number(raw[0]!.start_date) !== schedule.current_phase.start_date) return refuse('You can not modify the start date of the current phase.');
      let start = Number(raw[0]!.start_date);
      const phases = raw.map((ph) => {
        const price = objects.get(String(ph.items?.['0']?.price));
        const end = ph.end_date ? Number(ph.end_date) : addStripeInterval(start, ph.duration?.interval ?? price?.recurring?.interval ?? 'month');
        const phase = { start_date: start, end_date: end, items: [{ price: String(ph.items?.['0']?.price), quantity: Number(ph.items?.['0']?.quantity ?? 1) }] };
        start = end;
        return phase;
      });
      if (phases.some((ph) => !objects.get(ph.items[0]!.price))) return fake.missing('No such price in phases.', 'phases');
      Object.assign(schedule, { phases, end_behavior: body.end_behavior ?? schedule.end_behavior, proration_behavior: body.proration_behavior ?? 'create_prorations' });
      return remember({ status: 200, body: schedule });
    }
  }

  const invoiceMatch = /^\/v1\/invoices\/(in_[^/]+)$/.exec(path);
  if (method === 'GET' && invoiceMatch) {
    const invoice = objects.get(decodeURIComponent(invoiceMatch[1]!));
    return invoice ? { status: 200, body: invoice } : fake.missing(`No such invoice: '${invoiceMatch[1]}'`, 'invoice');
  }
  const payMatch = /^\/v1\/invoices\/([^/]+)\/pay$/.exec(path);
  if (method === 'POST' && payMatch) {
    const invoice = objects.get(decodeURIComponent(payMatch[1]!));
    if (!invoice) return fake.missing(`No such invoice: '${payMatch[1]}'`, 'invoice');
    if (invoice.status === 'paid') return refuse('Invoice is already paid.', 'invoice_already_paid');
    if (invoice.status !== 'open') return refuse(`You can only pay an invoice that is open; this one is ${invoice.status}.`, 'invoice_not_open');
    const subId = invoice.parent?.subscription_details?.subscription ?? null;
    const declined = charge(String(invoice.customer), subId ? (objects.get(subId) ?? null) : null, invoice.amount_due, invoice.currency, invoice.id);
    if (declined) {
      invoice.attempt_count = Number(invoice.attempt_count ?? 0) + 1;
      return remember(declined);
    }
    Object.assign(invoice, { status: 'paid', amount_paid: invoice.amount_due, amount_remaining: 0, attempt_count: Number(invoice.attempt_count ?? 0) + 1, next_payment_attempt: null });
    return remember({ status: 200, body: invoice });
  }
  return null;
}

/**
 * Stripe's side of a schedule's next phase starting (what Stripe does by itself at the
 * period end): the subscription bills the next phase's price from the phase's start. The
 * schedule stays attached until its last phase ends. Returns the subscription.
 */
export function startNextSchedulePhase(objects: Map<string, Record<string, unknown>>, subscriptionId: string): Record<string, any> {
  const sub = objects.get(subscriptionId) as Obj;
  const schedule = objects.get(sub.schedule) as Obj;
  const next = schedule.phases[1] as Obj;
  const item = sub.items.data[0];
  Object.assign(item, { price: objects.get(next.items[0].price), quantity: next.items[0].quantity, current_period_start: next.start_date, current_period_end: next.end_date });
  schedule.current_phase = { start_date: next.start_date, end_date: next.end_date };
  return sub;
}
