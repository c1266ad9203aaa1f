import type Stripe from 'stripe';
import type { BillingContext } from '../billing/BillingContext';
import { fulfilCheckout } from '../billing/completeCheckout';
import { subscriptionPatchChanges } from '../billing/subscriptions';
import { toWireInvoice, toWireSubscription } from '../billing/wire';
import type { SubscriptionDetail } from '../store/records';
import { recordEvent } from '../webhooks/recordEvent';
import { recordFailedStripeInvoice, settleOpenStripeInvoice } from './stripeDunningEvents';
import { stripeSubscriptionState } from './stripeSubscriptionState';

/** What {@link applyStripeEvent} did with an event. */
export type StripeEventOutcome = 'applied' | 'ignored' | 'duplicate';

/** The Stripe events Billkit turns into store changes. */
export const HANDLED_STRIPE_EVENTS = [
  'checkout.session.completed',
  'invoice.paid',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.payment_failed',
  'invoice.marked_uncollectible',
] as const;

const EVENT_SCOPE = 'stripe_event';

const fromUnix = (seconds: number) => new Date(seconds * 1000);
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/**
 * A Stripe checkout is paid: mark the Billkit checkout session paid and fulfil it (the
 * subscription, recording the Stripe subscription id as its `processor_ref`, its first
 * invoice and Billkit's own webhook events, once).
 */
async function completeCheckout(ctx: BillingContext, checkoutId: string, stripeSubscriptionId: string): Promise<SubscriptionDetail | null> {
  const row = await ctx.store.getCheckoutSession(checkoutId);
  if (!row) return null;
  if (!row.paid_at) await ctx.store.updateCheckoutSession(row.id, { paid_at: ctx.now(), payment_id: stripeSubscriptionId });
  return fulfilCheckout(ctx, row.id, stripeSubscriptionId, stripeSubscriptionId);
}

/** Copies a Stripe subscription's state onto its Billkit subscription and tells Billkit's webhook. */
async function syncSubscription(ctx: BillingContext, stripeSub: Stripe.Subscription): Promise<StripeEventOutcome> {
  let sub = await ctx.store.findSubscriptionByProcessorRef(stripeSub.id);
  const patch = stripeSubscriptionState(stripeSub);
  const { status } = patch;
  const checkoutId = stripeSub.metadata?.billkit_checkout;
  if (!sub && checkoutId && (status === 'active' || status === 'trialing')) {
    // The embedded flow has no Checkout Session: the subscription going live is the completion.
    sub = await completeCheckout(ctx, checkoutId, stripeSub.id);
  }
  if (!sub) return 'ignored';
  // Canceled is final in both systems. A Billkit subscription already canceled (a plan
  // switch, whose job is canceling it in Stripe) ignores older news of it being live, and
  // takes Stripe's own cancellation details without a second subscription.canceled.
  if (sub.status === 'canceled' && status !== 'canceled') return 'ignored';
  const announce = !(sub.status === 'canceled' && status === 'canceled');
  // Nothing new (e.g. the echo of a cancel / resume the proxy made itself): no event.
  const changed = subscriptionPatchChanges(sub, patch);
  if (!changed) return 'applied';
  const now = ctx.now();
  await ctx.store.transaction(async (store) => {
    await store.updateSubscription(sub.id, patch);
    const type = status === 'canceled' ? 'subscription.canceled' : 'subscription.updated';
    if (announce) await recordEvent(ctx, store, type, toWireSubscription({ ...sub, ...patch }), now);
  });
  if (announce) ctx.onEventsWritten?.();
  return 'applied';
}

/** A paid renewal (or any later invoice): a Billkit invoice with Stripe's id, amounts and lines. */
async function recordPaidInvoice(ctx: BillingContext, invoice: Stripe.Invoice): Promise<StripeEventOutcome> {
  const details = invoice.parent?.subscription_details;
  const stripeSubscriptionId = idOf(details?.subscription) ?? idOf((invoice as unknown as { subscription?: string }).subscription);
  if (!stripeSubscriptionId || !invoice.id) return 'ignored';
  if (invoice.billing_reason === 'subscription_create') {
    const checkoutId = details?.metadata?.billkit_checkout;
    // The first invoice is the one fulfilment writes; only make sure fulfilment happened.
    return checkoutId && (await completeCheckout(ctx, checkoutId, stripeSubscriptionId)) ? 'applied' : 'ignored';
  }
  const sub = await ctx.store.findSubscriptionByProcessorRef(stripeSubscriptionId);
  if (!sub) return 'ignored';
  if (await ctx.store.getInvoice(sub.subject, invoice.id)) return 'applied';
  const lines = invoice.lines?.data ?? [];
  const period = lines[0]?.period;
  const periodStart = fromUnix(period?.start ?? invoice.period_start);
  const periodEnd = fromUnix(period?.end ?? invoice.period_end);
  const discount = (invoice.total_discount_amounts ?? []).reduce((sum, d) => sum + d.amount, 0);
  const now = ctx.now();
  const record = {
    id: invoice.id,
    subject: sub.subject,
    subscription_id: sub.id,
    amount_due: invoice.amount_due,
    amount_paid: invoice.amount_paid,
    currency: invoice.currency,
    status: 'paid' as const,
    period_start: periodStart,
    period_end: periodEnd,
    subtotal: invoice.subtotal,
    discount_amount: discount,
    discount_description: discount ? 'Discount' : null,
    created_at: fromUnix(invoice.created),
  };
  await ctx.store.transaction(async (store) => {
    await store.insertInvoice(
      record,
      lines.map((line) => ({
        description: line.description ?? sub.plan.name,
        quantity: line.quantity ?? 1,
        unit_amount: line.quantity ? Math.round(line.amount / line.quantity) : line.amount,
        amount: line.amount,
        period_start: line.period ? fromUnix(line.period.start) : null,
        period_end: line.period ? fromUnix(line.period.end) : null,
      })),
    );
    await recordEvent(ctx, store, 'invoice.paid', toWireInvoice(record), now);
  });
  ctx.onEventsWritten?.();
  return 'applied';
}

async function apply(ctx: BillingContext, event: Stripe.Event): Promise<StripeEventOutcome> {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      const checkoutId = session.client_reference_id ?? session.metadata?.billkit_checkout;
      const stripeSubscriptionId = idOf(session.subscription);
      // `unpaid`: a delayed payment method; `checkout.session.async_payment_succeeded` follows.
      if (!checkoutId || !stripeSubscriptionId || session.payment_status === 'unpaid') return 'ignored';
      return (await completeCheckout(ctx, checkoutId, stripeSubscriptionId)) ? 'applied' : 'ignored';
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return syncSubscription(ctx, event.data.object);
    case 'invoice.paid':
      return (await settleOpenStripeInvoice(ctx, event.data.object, 'paid')) ?? recordPaidInvoice(ctx, event.data.object);
    case 'invoice.payment_failed':
      return recordFailedStripeInvoice(ctx, event.data.object);
    case 'invoice.marked_uncollectible':
      return (await settleOpenStripeInvoice(ctx, event.data.object, 'uncollectible')) ?? 'ignored';
    default:
      return 'ignored';
  }
}

/**
 * Turns a verified Stripe event into store changes: `checkout.session.completed` and the
 * first `invoice.paid` fulfil the Billkit checkout (subscription + first invoice),
 * `customer.subscription.*` keep the subscription's status, period and cancellation in
 * step, later `invoice.paid` events add the invoices. Each event id is applied once;
 * Stripe's retries of it answer `duplicate`.
 */
export async function applyStripeEvent(ctx: BillingContext, event: Stripe.Event): Promise<StripeEventOutcome> {
  if (await ctx.store.getIdempotency(EVENT_SCOPE, event.id)) return 'duplicate';
  const outcome = await apply(ctx, event);
  await ctx.store.putIdempotency(EVENT_SCOPE, event.id, { request_hash: event.type, status: 200, response: outcome }, ctx.now());
  return outcome;
}
