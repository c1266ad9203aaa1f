import type Stripe from 'stripe';
import { stripeSubscriptionState } from './stripeSubscriptionState';
import type { ProcessorChange, ProcessorEvent } from './types';

/** The Stripe events Billkit turns into store changes. */
export const HANDLED_STRIPE_EVENTS = [
  'checkout.session.completed',
  'invoice.paid',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
] as const;

const fromUnix = (seconds: number) => new Date(seconds * 1000);
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/** What a Stripe `invoice.paid` says: the first invoice of a Billkit checkout, or a later one to record. */
function invoicePaid(invoice: Stripe.Invoice): ProcessorChange | null {
  const details = invoice.parent?.subscription_details;
  const processorRef = idOf(details?.subscription) ?? idOf((invoice as unknown as { subscription?: string }).subscription);
  if (!processorRef || !invoice.id) return null;
  if (invoice.billing_reason === 'subscription_create') {
    return { type: 'first_invoice_paid', checkoutId: details?.metadata?.billkit_checkout ?? null, processorRef };
  }
  const lines = invoice.lines?.data ?? [];
  const period = lines[0]?.period;
  return {
    type: 'invoice_paid',
    processorRef,
    invoice: {
      id: invoice.id,
      amount_due: invoice.amount_due,
      amount_paid: invoice.amount_paid,
      currency: invoice.currency,
      period_start: fromUnix(period?.start ?? invoice.period_start),
      period_end: fromUnix(period?.end ?? invoice.period_end),
      subtotal: invoice.subtotal,
      discount_amount: (invoice.total_discount_amounts ?? []).reduce((sum, d) => sum + d.amount, 0),
      created_at: fromUnix(invoice.created),
      lines: lines.map((line) => ({
        description: line.description ?? null,
        quantity: line.quantity ?? 1,
        unit_amount: line.quantity ? Math.round(line.amount / line.quantity) : line.amount,
        amount: line.amount,
        period_start: line.period ? fromUnix(line.period.start) : null,
        period_end: line.period ? fromUnix(line.period.end) : null,
      })),
    },
  };
}

function changeOf(event: Stripe.Event): ProcessorChange | null {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      const checkoutId = session.client_reference_id ?? session.metadata?.billkit_checkout;
      const processorRef = idOf(session.subscription);
      // `unpaid`: a delayed payment method; `checkout.session.async_payment_succeeded` follows.
      if (!checkoutId || !processorRef || session.payment_status === 'unpaid') return null;
      return { type: 'checkout_paid', checkoutId, processorRef };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const stripeSub = event.data.object;
      return {
        type: 'subscription_state',
        processorRef: stripeSub.id,
        checkoutId: stripeSub.metadata?.billkit_checkout ?? null,
        state: stripeSubscriptionState(stripeSub),
      };
    }
    case 'invoice.paid':
      return invoicePaid(event.data.object);
    default:
      return null;
  }
}

/**
 * Translates a verified Stripe event into what it says in Billkit's terms (a
 * {@link ProcessorEvent}); `billing/processorEvents.ts` decides what that means for the
 * subscriptions. Translation only: no store, no rules.
 */
export function translateStripeEvent(event: Stripe.Event): ProcessorEvent {
  return { id: event.id, type: event.type, change: changeOf(event) };
}
