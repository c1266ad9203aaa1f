import type { PlanChangePreview, Subscription } from '../../contract/types';
import { randomId } from '../crypto/hmac';
import { Conflict, InvalidParameter, PaymentDeclined } from '../domainErrors';
import type { InvoiceRecord, SubscriptionDetail } from '../store/records';
import { recordEvent } from '../webhooks/recordEvent';
import type { BillingContext } from './BillingContext';
import { changeProcessorPlan, processorPreview } from './changeProcessorPlan';
import { decidePlanChange, toWirePreview, type PlannedPlanChange } from './previewPlanChange';
import { toWireInvoice, toWireSubscription } from './wire';

/** `POST /subscription/preview`: what changing to `priceId` would cost; the current price is `InvalidParameter` `same_price`. */
export async function previewPlanChange(ctx: BillingContext, subject: string, priceId: string): Promise<PlanChangePreview> {
  const decided = await decidePlanChange(ctx, await ctx.store.findCurrentSubscription(subject, ctx.now()), priceId);
  if (decided === 'same') throw new InvalidParameter('same_price', 'The subscription is already on this price.', 'price_id');
  return toWirePreview(decided.sub.processor_ref ? await processorPreview(ctx, decided) : decided);
}

/**
 * `POST /subscription/change`. A subscription a processor holds (Stripe) is changed there
 * (`changeProcessorPlan`), by the same rules. Otherwise: a change effective now with something due charges the
 * card on file first (outside any transaction, with `chargeKey` as the processor's
 * idempotency key); a decline is `PaymentDeclined` with the processor's code and nothing is
 * written. Then, in one transaction: the proration invoice (paid), the new price (and
 * period, when the interval changed), the carried balance, and the events
 * `invoice.created`, `invoice.paid`, `subscription.updated`. A period-end change only sets
 * `pending_price_id`; naming the current price clears a pending change (and is `InvalidParameter`
 * `same_price` when none is pending).
 */
export async function changePlan(
  ctx: BillingContext,
  subject: string,
  priceId: string,
  chargeKey: string,
  prorationDate?: Date,
): Promise<Subscription> {
  const now = ctx.now();
  const before = await ctx.store.findCurrentSubscription(subject, now);
  const decided = await decidePlanChange(ctx, before, priceId, prorationDate ? checkProrationDate(prorationDate, before, now) : now);
  const sub = before!;
  if (sub.processor_ref) return changeProcessorPlan(ctx, sub, decided, chargeKey);
  if (decided === 'same') {
    if (!sub.pending_price_id) throw new InvalidParameter('same_price', 'The subscription is already on this price.', 'price_id');
    return write(ctx, sub, async (store) => {
      await store.updateSubscription(sub.id, { pending_price_id: null });
      return { ...sub, pending_price_id: null, pending: null };
    });
  }
  if (decided.effective === 'period_end') {
    return write(ctx, sub, async (store) => {
      await store.updateSubscription(sub.id, { pending_price_id: decided.target.price.id });
      return { ...sub, pending_price_id: decided.target.price.id, pending: decided.target };
    });
  }
  if (decided.amountDueToday > 0) await chargeCard(ctx, subject, decided, chargeKey);
  return write(ctx, sub, async (store) => {
    if (decided.lines.length > 0) await writeProrationInvoice(ctx, store, decided, now);
    if (decided.balanceAfter > 0 || (await store.getCustomerBalance(subject))) {
      await store.setCustomerBalance({ subject, amount: decided.balanceAfter, currency: sub.price.currency });
    }
    const patch = {
      price_id: decided.target.price.id,
      pending_price_id: null,
      current_period_start: decided.period.start,
      current_period_end: decided.period.end,
    };
    await store.updateSubscription(sub.id, patch);
    return { ...sub, ...patch, price: decided.target.price, plan: decided.target.plan, pending: null };
  });
}

/** How old a preview's `proration_date` may be when the change is made. */
const PRORATION_DATE_MAX_AGE_MS = 60 * 60_000;

/**
 * A change priced at its preview's instant charges what the preview showed. That instant
 * must be in the past hour (a preview is short-lived) and in the current period (the
 * proration is of this period).
 */
function checkProrationDate(at: Date, sub: SubscriptionDetail | null, now: Date): Date {
  const since = Math.max(now.getTime() - PRORATION_DATE_MAX_AGE_MS, sub?.current_period_start.getTime() ?? 0);
  if (at.getTime() > now.getTime() || at.getTime() < since) {
    throw new InvalidParameter('parameter_invalid', 'proration_date must be the proration_date of a preview made in the last hour, in the current period; preview the change again.', 'proration_date');
  }
  return at;
}

/** Charges today's amount to the card on file; no card, or a decline, is `PaymentDeclined` and nothing changes. */
async function chargeCard(ctx: BillingContext, subject: string, decided: PlannedPlanChange, key: string): Promise<void> {
  const method = await ctx.store.getPaymentMethod(subject);
  const charge = ctx.processor.chargePaymentMethod;
  if (!method || !charge) throw new PaymentDeclined('no_payment_method', 'There is no card on file to charge; add one first.');
  const result = await charge.call(ctx.processor, {
    paymentMethod: method.processor_ref,
    amount: decided.amountDueToday,
    currency: decided.target.price.currency,
    description: `Change to ${decided.target.plan.name}`,
    idempotencyKey: `change:${decided.sub.id}:${key}`,
  });
  if (result.status === 'failed') throw new PaymentDeclined(result.code, result.message);
  if (result.status === 'requires_action') {
    throw new PaymentDeclined('authentication_required', 'The card asks for authentication; update the card and try again.');
  }
}

/**
 * The proration invoice, paid (today's amount was charged, or nothing was due). Its lines
 * are the preview's; a net credit adds a line moving it to the customer balance (so the
 * invoice totals 0), and a balance spent on it is its discount ("Customer balance").
 */
async function writeProrationInvoice(ctx: BillingContext, store: BillingContext['store'], d: PlannedPlanChange, now: Date): Promise<void> {
  const lines = d.lines.map((l) => ({
    description: l.description,
    quantity: 1,
    unit_amount: l.amount,
    amount: l.amount,
    period_start: l.period_start as Date | null,
    period_end: l.period_end as Date | null,
  }));
  const net = lines.reduce((s, l) => s + l.amount, 0);
  if (net < 0) {
    lines.push({ description: 'Unused credit kept as customer balance', quantity: 1, unit_amount: -net, amount: -net, period_start: null, period_end: null });
  }
  const subtotal = Math.max(0, net);
  const invoice: InvoiceRecord = {
    id: randomId('in'),
    subject: d.sub.subject,
    subscription_id: d.sub.id,
    amount_due: d.amountDueToday,
    amount_paid: d.amountDueToday,
    currency: d.target.price.currency,
    status: 'paid',
    period_start: now,
    period_end: d.period.end,
    subtotal,
    discount_amount: subtotal - d.amountDueToday,
    discount_description: subtotal > d.amountDueToday ? 'Customer balance' : null,
    created_at: now,
  };
  await store.insertInvoice(invoice, lines);
  await recordEvent(ctx, store, 'invoice.created', invoice.subject, toWireInvoice({ ...invoice, status: 'open', amount_paid: 0 }), now);
  await recordEvent(ctx, store, 'invoice.paid', invoice.subject, toWireInvoice(invoice), now);
}

/**
 * Writes a change in one transaction, if the subscription is still the one decided on
 * (else `Conflict`, e.g. a checkout or renewal ran meanwhile), and fires `subscription.updated`.
 */
async function write(
  ctx: BillingContext,
  before: SubscriptionDetail,
  apply: (store: BillingContext['store']) => Promise<SubscriptionDetail>,
): Promise<Subscription> {
  const now = ctx.now();
  const after = await ctx.store.transaction(async (store) => {
    const sub = await store.findCurrentSubscription(before.subject, now, { forUpdate: true });
    if (!sub || sub.id !== before.id || sub.price_id !== before.price_id || sub.current_period_end.getTime() !== before.current_period_end.getTime()) {
      throw new Conflict('subscription_changed', 'The subscription changed while this request ran; try again.');
    }
    const next = await apply(store);
    await recordEvent(ctx, store, 'subscription.updated', next.subject, toWireSubscription(next), now);
    return next;
  });
  ctx.onEventsWritten?.();
  return toWireSubscription(after);
}
