import type { PlanChangePreview, Subscription } from '../../contract/types';
import { randomId } from '../crypto/hmac';
import { Conflict, InvalidParameter, PaymentDeclined } from '../domainErrors';
import type { PaymentRecord, PlannedChange } from '../store/records';
import type { InvoiceRecord, SubscriptionDetail } from '../store/records';
import type { BillingContext } from './BillingContext';
import { changeProcessorPlan, processorPreview } from './changeProcessorPlan';
import { createEmitter, type LifecycleEvent } from './events';
import { discountLine, prorationLine, subscriptionLine, sumLines } from './invoiceLines';
import { makePayment } from './payments';
import { applyPlannedChange, settlePlanChangePayment } from './planChangePayment';
import { decidePlanChange, toWirePreview, type PlanChangeTarget, type PlannedPlanChange } from './previewPlanChange';
import { reconcile } from './settlePayments';
import { toWireSubscription } from './wire';
import { saveSubscription } from './saveSubscription';

/** The answer to naming the current price at the current quantity without a pending change to undo. */
const samePrice = (request: PlanChangeTarget) =>
  request.priceId === undefined
    ? new InvalidParameter('same_price', 'The subscription already has this quantity.', 'quantity')
    : new InvalidParameter('same_price', 'The subscription is already on this price.', 'price_id');

/** `POST /subscription/preview`: what changing to the price and quantity would cost; the current ones are `InvalidParameter` `same_price`. */
export async function previewPlanChange(ctx: BillingContext, subject: string, request: PlanChangeTarget): Promise<PlanChangePreview> {
  const decided = await decidePlanChange(ctx, await ctx.store.findCurrentSubscription(subject, ctx.now()), request);
  if (decided === 'same') throw samePrice(request);
  return toWirePreview(decided.sub.processor_ref ? await processorPreview(ctx, decided) : decided);
}

/**
 * `POST /subscription/change`. A subscription a processor holds (Stripe) is changed there
 * (`changeProcessorPlan`), by the same rules. Otherwise the change is decided under the
 * subscription's row lock, so of two changes racing only one goes on and the other is a
 * `Conflict` before any charge. A change effective now with something due goes through the
 * one charging path (billing/payments.ts): its proration invoice is written as a `draft`
 * with a pending payment of it and the decided change, the card on file is charged after
 * that commits, and the outcome is applied in one transaction (`settlePlanChangePayment`):
 * the invoice paid, the new price (and period, when the interval changed), the carried
 * balance, and `invoice.created`, `invoice.paid`, `subscription.updated`. A decline is
 * `PaymentDeclined` with the processor's code and leaves nothing behind; a charge whose
 * subscription moved on meanwhile (a checkout, a renewal) is refunded, and the answer is a
 * `Conflict` that says so. A period-end change only sets `pending_price_id` (and `pending_quantity`); naming the
 * current price clears a pending change (and is `InvalidParameter` `same_price` when none is
 * pending). A seat decrease is such a period-end change (`pending_quantity`); more seats are
 * an upgrade, charged now. `requestKey` (the Idempotency-Key) answers a retry after a crash from the
 * payment it made.
 */
export async function changePlan(
  ctx: BillingContext,
  subject: string,
  request: PlanChangeTarget,
  requestKey: string | null,
  prorationDate?: Date,
): Promise<Subscription> {
  const now = ctx.now();
  const first = await ctx.store.findCurrentSubscription(subject, now);
  if (first?.processor_ref) {
    const decided = await decidePlanChange(ctx, first, request, prorationDate ? checkProrationDate(prorationDate, first, now) : now);
    return changeProcessorPlan(ctx, first, decided, requestKey ?? randomId('req'));
  }
  // A change of this subject left in flight by a process that is gone is settled first.
  await reconcile(ctx, { subject });
  const events: LifecycleEvent[] = [];
  const planned = await ctx.store.transaction(async (store): Promise<{ done: SubscriptionDetail } | { payment: PaymentRecord; method: string }> => {
    const sub = await store.findCurrentSubscription(subject, now, { forUpdate: true });
    const locked = { ...ctx, store };
    if (sub && requestKey) {
      const replay = await store.planChangePaidFor(sub.id, requestKey);
      if (replay) return { done: sub };
    }
    const decided = await decidePlanChange(locked, sub, request, prorationDate ? checkProrationDate(prorationDate, sub, now) : now);
    const current = sub!;
    if (await store.pendingPlanChange(current.id)) {
      throw new Conflict('subscription_changed', 'Another plan change of this subscription is being paid right now; look again in a moment.');
    }
    const emit = createEmitter(ctx, store, now, events);
    if (decided === 'same') {
      if (!current.pending_price_id) throw samePrice(request);
      const next = { ...(await saveSubscription(store, current, { pending_price_id: null, pending_quantity: null })), pending: null };
      await emit('subscription.updated', subject, next);
      return { done: next };
    }
    if (decided.effective === 'period_end') {
      const pending = { pending_price_id: decided.target.price.id, pending_quantity: decided.quantity };
      const next = { ...(await saveSubscription(store, current, pending)), pending: decided.target };
      await emit('subscription.updated', subject, next);
      return { done: next };
    }
    // A trial's change has no proration: the plan changes, no invoice.
    const invoice = decided.lines.length > 0 ? await writeProrationInvoice(store, decided, now) : null;
    if (decided.amountDueToday === 0) return { done: await applyPlannedChange(store, emit, current, invoice, planOf(decided)) };
    if (!invoice) throw new Error('a change with something due has proration lines');
    const method = await store.getPaymentMethod(subject);
    if (!method || !ctx.processor.chargePaymentMethod) throw new PaymentDeclined('no_payment_method', 'There is no card on file to charge; add one first.');
    const payment = await store.beginPayment(
      {
        subject,
        object_kind: 'invoice',
        object_id: invoice.id,
        subscription_id: current.id,
        purpose: 'plan_change',
        amount: decided.amountDueToday,
        currency: decided.target.price.currency,
        request_key: requestKey,
        plan: planOf(decided),
      },
      ctx.wallNow(),
    );
    return { payment, method: method.processor_ref };
  });
  if (events.length > 0) ctx.onEventsWritten?.();
  if ('done' in planned) return toWireSubscription(planned.done);
  const { payment, method } = planned;
  const result = await makePayment(ctx, payment, (idempotencyKey) =>
    ctx.processor.chargePaymentMethod!({
      paymentMethod: method,
      amount: payment.amount,
      currency: payment.currency,
      description: `Plan change ${payment.plan!.from_price_id} × ${payment.plan!.from_quantity ?? 1} → ${payment.plan!.price_id} × ${payment.plan!.quantity ?? 1}`,
      idempotencyKey,
    }),
  );
  const outcome = await settlePlanChangePayment(ctx, payment, result);
  if (outcome.status === 'applied') return toWireSubscription(outcome.subscription);
  if (outcome.status === 'declined') throw new PaymentDeclined(outcome.code, outcome.message);
  throw new Conflict('subscription_changed', outcome.message);
}

/** The change a pending payment pays for, as decided under the lock. */
function planOf(d: PlannedPlanChange): PlannedChange {
  return {
    price_id: d.target.price.id,
    quantity: d.quantity,
    from_price_id: d.sub.price_id,
    from_quantity: d.sub.quantity,
    from_period_end: d.sub.current_period_end.toISOString(),
    period_start: d.period.start.toISOString(),
    period_end: d.period.end.toISOString(),
    balance_after: d.balanceAfter,
  };
}

/** How old a preview's `proration_date` may be when the change is made. */
const PRORATION_DATE_MAX_AGE_MS = 60 * 60_000;

/**
 * A change priced at its preview's instant charges what the preview showed. That instant
 * must be in the past hour (a preview is short-lived) and in the current period (the
 * proration is of this period).
 */
function checkProrationDate(at: Date, sub: SubscriptionDetail | null, now: Date): Date {
  // The wire names instants to the second: a preview in the period's first second names a
  // proration_date just before a period start that has milliseconds. It prices from the start.
  const start = sub?.current_period_start.getTime() ?? 0;
  const since = Math.max(now.getTime() - PRORATION_DATE_MAX_AGE_MS, Math.floor(start / 1000) * 1000);
  if (at.getTime() > now.getTime() || at.getTime() < since) {
    throw new InvalidParameter('parameter_invalid', 'proration_date must be the proration_date of a preview made in the last hour, in the current period; preview the change again.', 'proration_date');
  }
  return new Date(Math.max(at.getTime(), start));
}

/**
 * The proration invoice, as a `draft` until its charge settles (customers never see a
 * draft). Its lines are the preview's; a net credit adds a line moving it to the customer
 * balance (so the invoice totals 0), and a balance spent on it is its discount ("Customer balance").
 */
async function writeProrationInvoice(store: BillingContext['store'], d: PlannedPlanChange, now: Date): Promise<InvoiceRecord> {
  // One line per proration span: its quantity 1, the seats are in its description ("Team × 5 seats").
  const lines = d.lines.map((l) =>
    l.proration ? prorationLine(l.description, l.amount, l.period_start, l.period_end) : subscriptionLine(l.description, l.amount, l.period_start, l.period_end),
  );
  const net = sumLines(lines);
  if (net < 0) lines.push(prorationLine('Unused credit kept as customer balance', -net, null, null));
  const subtotal = Math.max(0, net);
  const balanceSpent = subtotal - d.amountDueToday;
  if (balanceSpent > 0) lines.push(discountLine('Customer balance', balanceSpent));
  const invoice: InvoiceRecord = {
    id: randomId('in'),
    subject: d.sub.subject,
    subscription_id: d.sub.id,
    amount_due: d.amountDueToday,
    amount_paid: 0,
    currency: d.target.price.currency,
    status: 'draft',
    period_start: now,
    period_end: d.period.end,
    subtotal,
    discount_amount: balanceSpent,
    discount_description: balanceSpent > 0 ? 'Customer balance' : null,
    created_at: now,
    lines,
  };
  await store.insertInvoice(invoice);
  return invoice;
}
