import type Stripe from 'stripe';
import type { BillingContext } from '../billing/BillingContext';
import { toWireInvoice } from '../billing/wire';
import type { InvoiceRecord, SubscriptionDetail } from '../store/records';
import { recordEvent } from '../webhooks/recordEvent';

/** What the proxy did with a Stripe invoice event. */
type Outcome = 'applied' | 'ignored';

const fromUnix = (seconds: number) => new Date(seconds * 1000);
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/** The Billkit subscription a Stripe invoice belongs to (its `parent.subscription_details`, or the legacy field). */
async function subscriptionOf(ctx: BillingContext, invoice: Stripe.Invoice): Promise<SubscriptionDetail | null> {
  const ref =
    idOf(invoice.parent?.subscription_details?.subscription) ?? idOf((invoice as unknown as { subscription?: string }).subscription);
  return ref ? ctx.store.findSubscriptionByProcessorRef(ref) : null;
}

/** A Stripe invoice as a Billkit invoice record, with its lines. */
function toRecord(invoice: Stripe.Invoice & { id: string }, sub: SubscriptionDetail, status: InvoiceRecord['status']) {
  const lines = invoice.lines?.data ?? [];
  const period = lines[0]?.period;
  const discount = (invoice.total_discount_amounts ?? []).reduce((sum, d) => sum + d.amount, 0);
  const record: InvoiceRecord = {
    id: invoice.id,
    subject: sub.subject,
    subscription_id: sub.id,
    amount_due: invoice.amount_due,
    amount_paid: invoice.amount_paid,
    currency: invoice.currency,
    status,
    period_start: fromUnix(period?.start ?? invoice.period_start),
    period_end: fromUnix(period?.end ?? invoice.period_end),
    subtotal: invoice.subtotal,
    discount_amount: discount,
    discount_description: discount ? 'Discount' : null,
    created_at: fromUnix(invoice.created),
  };
  return {
    record,
    lines: lines.map((line) => ({
      description: line.description ?? sub.plan.name,
      quantity: line.quantity ?? 1,
      unit_amount: line.quantity ? Math.round(line.amount / line.quantity) : line.amount,
      amount: line.amount,
      period_start: line.period ? fromUnix(line.period.start) : null,
      period_end: line.period ? fromUnix(line.period.end) : null,
    })),
  };
}

/**
 * Stripe's `invoice.payment_failed` for a renewal (Stripe runs renewals and Smart Retries
 * itself): the invoice is recorded (or updated) as `open` with Stripe's `attempt_count`
 * and `next_payment_attempt`, and Billkit's `invoice.payment_failed` is sent. The
 * subscription's `past_due` arrives separately, as Stripe's `customer.subscription.updated`.
 * A checkout's first invoice is left out: the checkout itself reports that failure.
 */
export async function recordFailedStripeInvoice(ctx: BillingContext, invoice: Stripe.Invoice): Promise<Outcome> {
  if (!invoice.id || invoice.billing_reason === 'subscription_create') return 'ignored';
  const sub = await subscriptionOf(ctx, invoice);
  if (!sub) return 'ignored';
  const now = ctx.now();
  const attempts = {
    attempt_count: invoice.attempt_count ?? 1,
    next_payment_attempt: invoice.next_payment_attempt ? fromUnix(invoice.next_payment_attempt) : null,
  };
  const { record, lines } = toRecord(invoice as Stripe.Invoice & { id: string }, sub, 'open');
  await ctx.store.transaction(async (store) => {
    const existing = await store.getInvoice(sub.subject, record.id);
    if (!existing) await store.insertInvoice(record, lines);
    await store.updateInvoicePayment(record.id, { status: 'open', ...attempts });
    await recordEvent(ctx, store, 'invoice.payment_failed', toWireInvoice(record), now);
  });
  ctx.onEventsWritten?.();
  return 'applied';
}

/**
 * Stripe settling a Billkit invoice that is `open` here: `invoice.paid` after a failed
 * attempt (a retry or the customer paid) → `paid`; `invoice.marked_uncollectible` (retries
 * exhausted) → `uncollectible`. Sends the Billkit event of the same name. `null` when the
 * invoice is not an open one the proxy knows (the caller handles it as before).
 */
export async function settleOpenStripeInvoice(
  ctx: BillingContext,
  invoice: Stripe.Invoice,
  status: 'paid' | 'uncollectible',
): Promise<Outcome | null> {
  if (!invoice.id) return null;
  const sub = await subscriptionOf(ctx, invoice);
  const existing = sub ? await ctx.store.getInvoice(sub.subject, invoice.id) : null;
  if (!existing || existing.status !== 'open') return null;
  const now = ctx.now();
  const updated = { ...existing, status, amount_paid: status === 'paid' ? invoice.amount_paid : existing.amount_paid };
  await ctx.store.transaction(async (store) => {
    await store.updateInvoicePayment(existing.id, { status, amount_paid: updated.amount_paid, next_payment_attempt: null });
    await recordEvent(ctx, store, status === 'paid' ? 'invoice.paid' : 'invoice.marked_uncollectible', toWireInvoice(updated), now);
  });
  ctx.onEventsWritten?.();
  return 'applied';
}
