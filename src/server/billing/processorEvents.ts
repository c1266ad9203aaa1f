import type { ProcessorEvent, ProcessorInvoice, ProcessorSubscriptionState } from '../processor/types';
import type { SubscriptionDetail } from '../store/records';
import type { BillingContext } from './BillingContext';
import type { ProcessorEventOutcome } from './ProcessorEventOutcome';
import { fulfilCheckout } from './fulfilCheckout';
import { applySucceededSetup } from './processorSetups';
import { processorInvoiceRecord, recordFailedInvoice, settleOpenInvoice } from './processorInvoiceEvents';
import { subscriptionPatchChanges } from './subscriptions';
import { transactionWithEvents } from './events';
import { saveSubscription } from './saveSubscription';

const EVENT_SCOPE = 'stripe_event';

/**
 * A processor checkout is paid: mark the Billkit checkout session paid and fulfil it (the
 * subscription, recording the processor's subscription id as its `processor_ref`, its
 * first invoice and Billkit's own webhook events, once).
 */
async function completeCheckout(ctx: BillingContext, checkoutId: string, processorRef: string): Promise<SubscriptionDetail | null> {
  const row = await ctx.store.getCheckoutSession(checkoutId);
  if (!row) return null;
  if (!row.paid_at) await ctx.store.updateCheckoutSession(row.id, { paid_at: ctx.now(), payment_id: processorRef });
  return fulfilCheckout(ctx, row.id, processorRef, processorRef);
}

/** Copies a processor subscription's state onto its Billkit subscription and tells Billkit's webhook. */
async function syncSubscription(
  ctx: BillingContext,
  processorRef: string,
  checkoutId: string | null,
  state: ProcessorSubscriptionState,
): Promise<ProcessorEventOutcome> {
  let sub = await ctx.store.findSubscriptionByProcessorRef(processorRef);
  const { status } = state;
  if (!sub && checkoutId && (status === 'active' || status === 'trialing')) {
    // The embedded flow has no Checkout Session: the subscription going live is the completion.
    sub = await completeCheckout(ctx, checkoutId, processorRef);
  }
  if (!sub) return 'ignored';
  // Canceled is final in both systems. A Billkit subscription already canceled (a plan
  // switch, whose job is canceling it at the processor) ignores older news of it being
  // live, and takes the processor's own cancellation details without a second
  // subscription.canceled.
  if (sub.status === 'canceled' && status !== 'canceled') return 'ignored';
  const announce = !(sub.status === 'canceled' && status === 'canceled');
  const patch = await withPriceChange(ctx, sub, state);
  // Nothing new (e.g. the echo of a cancel / resume the proxy made itself): no event.
  if (!subscriptionPatchChanges(sub, patch)) return 'applied';
  const now = ctx.now();
  const current = sub;
  await transactionWithEvents(ctx, now, async (store, emit) => {
    await saveSubscription(store, current, patch);
    const type = status === 'canceled' ? 'subscription.canceled' : 'subscription.updated';
    // Re-read, so the event names the new price and plan, and the pending change as it now is.
    const next = await store.getSubscription(current.id);
    if (announce) await emit(type, current.subject, next ?? { ...current, ...patch });
  });
  return 'applied';
}

/**
 * The processor's price and quantity on the subscription, in Billkit's terms: a price Billkit does not
 * know (changed in the processor's dashboard to one outside the catalogue) is left as it
 * was, with its quantity; the price and quantity of a pending change, once the subscription
 * moved to them, mean the scheduled switch happened (the period ended), which ends the
 * pending change (a seat decrease keeps its price: the quantity tells).
 */
async function withPriceChange(ctx: BillingContext, sub: SubscriptionDetail, state: ProcessorSubscriptionState): Promise<ProcessorSubscriptionState> {
  const { price_id: priceId, quantity, ...rest } = state;
  const price = priceId ?? sub.price_id;
  const units = quantity ?? sub.quantity;
  if (price === sub.price_id && units === sub.quantity) return state;
  if (price !== sub.price_id && !(await ctx.store.getPrice(price))) return rest;
  const switched = sub.pending_price_id === price && (sub.pending_quantity ?? units) === units;
  return switched ? { ...state, pending_price_id: null, pending_quantity: null } : state;
}

/** A paid renewal (or any later invoice): a Billkit invoice with the processor's id, amounts and lines. */
async function recordPaidInvoice(ctx: BillingContext, processorRef: string, invoice: ProcessorInvoice): Promise<ProcessorEventOutcome> {
  const sub = await ctx.store.findSubscriptionByProcessorRef(processorRef);
  if (!sub) return 'ignored';
  if (await ctx.store.getInvoice(sub.subject, invoice.id)) return 'applied';
  const now = ctx.now();
  const { record } = processorInvoiceRecord(invoice, sub, 'paid');
  await transactionWithEvents(ctx, now, async (store, emit) => {
    await store.insertInvoice(record);
    await emit('invoice.paid', record.subject, record);
  });
  return 'applied';
}

async function apply(ctx: BillingContext, event: ProcessorEvent): Promise<ProcessorEventOutcome> {
  const change = event.change;
  switch (change?.type) {
    case 'checkout_paid':
      return (await completeCheckout(ctx, change.checkoutId, change.processorRef)) ? 'applied' : 'ignored';
    case 'subscription_state':
      return syncSubscription(ctx, change.processorRef, change.checkoutId, change.state);
    case 'first_invoice_paid':
      // The first invoice is the one fulfilment writes; only make sure fulfilment happened.
      return change.checkoutId && (await completeCheckout(ctx, change.checkoutId, change.processorRef)) ? 'applied' : 'ignored';
    case 'invoice_paid':
      // A renewal that failed here first is settled; any other paid invoice is recorded.
      return (
        (await settleOpenInvoice(ctx, change.processorRef, change.invoice.id, 'paid', change.invoice.amount_paid)) ??
        recordPaidInvoice(ctx, change.processorRef, change.invoice)
      );
    case 'invoice_payment_failed':
      return recordFailedInvoice(ctx, change.processorRef, change.invoice, {
        attempt_count: change.attempt_count,
        next_payment_attempt: change.next_payment_attempt,
      });
    case 'invoice_uncollectible':
      return (await settleOpenInvoice(ctx, change.processorRef, change.invoiceId, 'uncollectible')) ?? 'ignored';
    case 'setup_succeeded':
      return applySucceededSetup(ctx, change.setupId, change.subject);
    default:
      return 'ignored';
  }
}

/**
 * What a processor's event means for Billkit: a paid checkout or the first paid invoice
 * fulfils the Billkit checkout (subscription + first invoice), a subscription's new state
 * keeps status, period and cancellation in step, later paid invoices are added. Each
 * event id is applied once; the processor's retries of it answer `duplicate`.
 */
export async function applyProcessorEvent(ctx: BillingContext, event: ProcessorEvent): Promise<ProcessorEventOutcome> {
  if (await ctx.store.getIdempotency(EVENT_SCOPE, event.id)) return 'duplicate';
  const outcome = await apply(ctx, event);
  await ctx.store.putIdempotency(EVENT_SCOPE, event.id, { request_hash: event.type, status: 200, response: outcome }, ctx.now());
  return outcome;
}
