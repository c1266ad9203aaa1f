import type { ProcessorInvoice } from '../processor/types';
import type { InvoiceLineRecord, InvoiceRecord, SubscriptionDetail } from '../store/records';
import type { BillingContext } from './BillingContext';
import { transactionWithEvents } from './events';
import { discountLine, sumLines } from './invoiceLines';
import { isPerUnit } from './quantity';

/** What applying a processor's invoice news did. */
export type InvoiceEventOutcome = 'applied' | 'ignored';

/** A processor invoice as a Billkit invoice record of `sub`, with its lines. */
export function processorInvoiceRecord(invoice: ProcessorInvoice, sub: SubscriptionDetail, status: InvoiceRecord['status']) {
  const lines: InvoiceLineRecord[] = invoice.lines.map(({ proration, metric, ...line }) =>
    // A metered line is usage at its quantity (the processor priced it: no unit amount, no tiers shown).
    metric
      ? { ...line, kind: 'usage', description: line.description ?? `Usage: ${metric}`, unit_amount: null, metric, tiers: null }
      : {
          ...line,
          // A per-seat subscription's period line is its seats (Stripe's line carries the item's quantity).
          kind: proration ? 'proration' : isPerUnit(sub.price) ? 'seats' : 'subscription',
          description: line.description ?? sub.plan.name,
          metric: null,
          tiers: null,
        },
  );
  // The processor's lines are before discounts (and a customer balance applied): what they
  // took off is one discount line, so the lines add up to amount_due. Tax is not mapped.
  const takenOff = sumLines(lines) - invoice.amount_due;
  if (takenOff > 0) lines.push(discountLine('Discount', takenOff));
  const record: InvoiceRecord = {
    id: invoice.id,
    subject: sub.subject,
    subscription_id: sub.id,
    amount_due: invoice.amount_due,
    amount_paid: invoice.amount_paid,
    currency: invoice.currency,
    status,
    period_start: invoice.period_start,
    period_end: invoice.period_end,
    subtotal: invoice.subtotal,
    discount_amount: invoice.discount_amount,
    discount_description: invoice.discount_amount ? 'Discount' : null,
    created_at: invoice.created_at,
    lines,
  };
  return { record };
}

/**
 * A renewal the processor failed to charge (it runs renewals and retries itself): the
 * invoice is recorded (or updated) as `open` with the processor's `attempt_count` and
 * `next_payment_attempt`, and Billkit's `invoice.payment_failed` is sent. The
 * subscription's `past_due` arrives separately, as the processor's subscription state.
 */
export async function recordFailedInvoice(
  ctx: BillingContext,
  processorRef: string,
  invoice: ProcessorInvoice,
  attempts: { attempt_count: number; next_payment_attempt: Date | null },
): Promise<InvoiceEventOutcome> {
  const sub = await ctx.store.findSubscriptionByProcessorRef(processorRef);
  if (!sub) return 'ignored';
  const now = ctx.now();
  const { record } = processorInvoiceRecord(invoice, sub, 'open');
  await transactionWithEvents(ctx, now, async (store, emit) => {
    const existing = await store.getInvoice(sub.subject, record.id);
    if (!existing) await store.insertInvoice(record);
    await store.updateInvoicePayment(record.id, { status: 'open', ...attempts });
    await emit('invoice.payment_failed', record.subject, record);
  });
  return 'applied';
}

/**
 * The processor settling an invoice that is `open` here: paid after a failed attempt (a
 * retry, or the customer paid) or given up as `uncollectible`. Sends the Billkit event of
 * the same name. `null` when the invoice is not an open one the proxy knows.
 */
export async function settleOpenInvoice(
  ctx: BillingContext,
  processorRef: string,
  invoiceId: string,
  status: 'paid' | 'uncollectible',
  amountPaid?: number,
): Promise<InvoiceEventOutcome | null> {
  const sub = await ctx.store.findSubscriptionByProcessorRef(processorRef);
  const existing = sub ? await ctx.store.getInvoice(sub.subject, invoiceId) : null;
  if (!existing || existing.status !== 'open') return null;
  const now = ctx.now();
  const updated = { ...existing, status, amount_paid: status === 'paid' ? (amountPaid ?? existing.amount_due) : existing.amount_paid };
  await transactionWithEvents(ctx, now, async (store, emit) => {
    await store.updateInvoicePayment(existing.id, { status, amount_paid: updated.amount_paid, next_payment_attempt: null });
    await emit(status === 'paid' ? 'invoice.paid' : 'invoice.marked_uncollectible', updated.subject, updated);
  });
  return 'applied';
}
