import { randomId } from '../crypto/hmac';
import type { InvoiceLineRecord, InvoiceRecord, PromotionCodeRecord, SubscriptionDetail } from '../store/records';
import { promotionLabel } from './checkout';
import type { StepContext } from './events';
import { discountLine, periodLine, sumLines, usageLine } from './invoiceLines';
import { markInvoicePaid } from './invoiceTransitions';
import { periodAmount, planAtQuantity } from './quantity';
import { addInterval } from './time';
import { saveSubscription } from './saveSubscription';

const intervalName = (interval: string) => (interval === 'year' ? 'yearly' : interval === 'day' ? 'daily' : `${interval}ly`);

/**
 * Whether the subscription's promotion still applies to the period starting at
 * `periodStart`: `forever` always, `repeating` for its months counted from the first
 * charged period, `once` only on the first charged invoice (the checkout's, or the one
 * at the end of a trial).
 */
function promotionApplies(sub: SubscriptionDetail, promo: PromotionCodeRecord, periodStart: Date, firstCharge: boolean): boolean {
  if (promo.duration === 'forever') return true;
  if (promo.duration === 'once') return firstCharge;
  const chargedFrom = sub.trial_end ?? sub.created_at;
  return periodStart.getTime() < addInterval(chargedFrom, 'month', promo.duration_in_months ?? 0).getTime();
}

/**
 * The discount of the period starting at `start` from the subscription's promotion (0 when
 * it no longer applies), on the period's whole amount (`price.amount × quantity`).
 */
export function periodDiscount(sub: SubscriptionDetail, promo: PromotionCodeRecord | null, start: Date, firstCharge: boolean): number {
  if (!promo || !promotionApplies(sub, promo, start, firstCharge)) return 0;
  const amount = periodAmount(sub.price, sub.quantity);
  return promo.percent_off !== null ? Math.round((amount * promo.percent_off) / 100) : Math.min(amount, promo.amount_off ?? 0);
}

/**
 * The usage lines of the period `[start, end)` of `sub` (billed in arrears): one per usage
 * component of its price, even at 0. A trial's period bills no usage.
 */
async function usageLines(step: StepContext, sub: SubscriptionDetail): Promise<InvoiceLineRecord[]> {
  const components = sub.price.usage ?? [];
  if (components.length === 0 || sub.status === 'trialing') return [];
  const { current_period_start: start, current_period_end: end } = sub;
  return Promise.all(components.map(async (c) => usageLine(c, await step.store.sumUsage(sub.subject, c.metric, start, end), start, end)));
}

/**
 * Writes the invoice of the period `[start, end)` (open, not yet charged): the plan in
 * advance, the `usage` lines of the period that just ended, the running promotion (off the
 * plan's amount) and a carried customer balance (off the rest).
 */
async function createPeriodInvoice(
  step: StepContext,
  sub: SubscriptionDetail,
  start: Date,
  end: Date,
  firstCharge: boolean,
  usage: InvoiceLineRecord[],
): Promise<InvoiceRecord> {
  const { price, plan } = sub;
  const amount = periodAmount(price, sub.quantity);
  const promo = sub.promotion_code ? await step.store.getPromotionCode(sub.promotion_code) : null;
  const promoDiscount = periodDiscount(sub, promo, start, firstCharge);
  const applies = promo !== null && promoDiscount > 0;
  const subtotal = amount + sumLines(usage);
  // A credit carried from a plan change is taken off, as Stripe applies a customer balance.
  const balance = await step.store.getCustomerBalance(sub.subject);
  const credit = balance && balance.currency === price.currency ? Math.min(balance.amount, subtotal - promoDiscount) : 0;
  if (credit > 0) await step.store.setCustomerBalance({ ...balance!, amount: balance!.amount - credit });
  const discount = promoDiscount + credit;
  const promoLabel = applies ? `${promo!.code} (${promotionLabel(promo!, price.currency)})` : null;
  const label = [promoLabel, credit > 0 ? 'Customer balance' : null].filter(Boolean);
  const invoice: InvoiceRecord = {
    id: randomId('in'),
    subject: sub.subject,
    subscription_id: sub.id,
    amount_due: subtotal - discount,
    amount_paid: 0,
    currency: price.currency,
    status: 'open',
    period_start: start,
    period_end: end,
    subtotal,
    discount_amount: discount,
    discount_description: label.length > 0 ? label.join(', ') : null,
    created_at: step.at,
    lines: [
      periodLine(price, sub.quantity, `${planAtQuantity(plan, price, sub.quantity)} (${intervalName(price.interval ?? 'month')})`, start, end),
      ...usage,
      ...(promoLabel ? [discountLine(promoLabel, promoDiscount)] : []),
      ...(credit > 0 ? [discountLine('Customer balance', credit)] : []),
    ],
  };
  await step.store.insertInvoice(invoice);
  await step.emit('invoice.created', sub.subject, invoice);
  return invoice;
}

/**
 * The final invoice of a subscription that ends with its period: the period's usage, in
 * arrears (as Stripe bills final usage). Written only when it costs something; charged
 * once by the lifecycle's charge step, never dunned (the subscription is over).
 */
async function createFinalInvoice(step: StepContext, sub: SubscriptionDetail, usage: InvoiceLineRecord[]): Promise<void> {
  const amount = sumLines(usage);
  if (amount <= 0) return;
  const invoice: InvoiceRecord = {
    id: randomId('in'),
    subject: sub.subject,
    subscription_id: sub.id,
    amount_due: amount,
    amount_paid: 0,
    currency: sub.price.currency,
    status: 'open',
    period_start: sub.current_period_start,
    period_end: sub.current_period_end,
    subtotal: amount,
    discount_amount: 0,
    discount_description: null,
    created_at: step.at,
    lines: usage,
  };
  await step.store.insertInvoice(invoice);
  await step.emit('invoice.created', sub.subject, invoice);
  await step.store.updateInvoicePayment(invoice.id, { next_payment_attempt: step.at });
}

/** Whether an invoice is a final one (usage only, see `createFinalInvoice`) not yet attempted: charged even though its subscription ended. */
export const isFinalUsageInvoice = (invoice: InvoiceRecord, attemptCount: number) =>
  attemptCount === 0 && invoice.lines.length > 0 && invoice.lines.every((l) => l.kind === 'usage');

/**
 * The end of a subscription's current period, as Stripe handles it:
 * - `cancel_at_period_end` → the subscription ends (`canceled`, `subscription.canceled`);
 * - a trial's end → the first paid invoice, charged to the card on file;
 * - otherwise a renewal: the next period's invoice (`price.amount × quantity`, with the
 *   running promotion off it and any carried customer balance off the rest), charged; a
 *   pending plan change (price and quantity) is applied first.
 * Either way the usage of the period that ends is billed (one `usage` line per component
 * of the price it ran on): on the renewal's invoice, or on a final invoice at cancellation.
 * The period rolls over either way (Stripe advances `current_period_*` when it invoices).
 * The invoice is written `open` and due at once (`invoice.created`); the lifecycle's next
 * step charges it (`invoice.paid` + `subscription.updated` as `active`, or
 * `invoice.payment_failed` + `subscription.updated` as `past_due` with its next retry).
 * Nothing due: paid at once, `active`.
 */
export async function endPeriod(step: StepContext, current: SubscriptionDetail): Promise<void> {
  // The period that ends is billed its usage (in arrears), on the price it ran on.
  const usage = await usageLines(step, current);
  if (current.cancel_at_period_end) {
    await createFinalInvoice(step, current, usage);
    const canceled = await saveSubscription(step.store, current, { status: 'canceled', canceled_at: current.canceled_at ?? step.at });
    await step.emit('subscription.canceled', current.subject, canceled);
    return;
  }
  // A pending plan change (a downgrade, a seat decrease) takes effect now: the renewal bills
  // the new price at the new quantity.
  let sub = current;
  if (current.pending_price_id && current.pending) {
    const switched = await saveSubscription(step.store, current, {
      price_id: current.pending_price_id,
      pending_price_id: null,
      quantity: current.pending_quantity ?? 1,
      pending_quantity: null,
    });
    sub = { ...switched, price: current.pending.price, plan: current.pending.plan, pending: null };
  }
  const trialEnding = sub.status === 'trialing';
  const start = sub.current_period_end;
  const end = addInterval(start, sub.price.interval ?? 'month');
  // A trial's end is the first charge: a `once` promotion is spent on it.
  const invoice = await createPeriodInvoice(step, sub, start, end, trialEnding, usage);
  const rolled = { current_period_start: start, current_period_end: end };
  if (invoice.amount_due === 0) {
    await markInvoicePaid(step, invoice, 0);
    await step.emit('subscription.updated', sub.subject, await saveSubscription(step.store, sub, { ...rolled, status: 'active' }));
    return;
  }
  // Charged next, by the lifecycle's charge step, outside this transaction (see billing/payments.ts):
  // the invoice exists, committed, before any money moves for it.
  await step.store.updateInvoicePayment(invoice.id, { next_payment_attempt: step.at });
  await saveSubscription(step.store, sub, rolled);
}
