import type Stripe from 'stripe';
import { plainId, toProcessorSetup } from './stripePaymentMethods';
import { stripeSubscriptionState } from './stripeSubscriptionState';
import type { ProcessorChange, ProcessorEvent, ProcessorInvoice } from './types';

const fromUnix = (seconds: number) => new Date(seconds * 1000);
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/** The processor subscription a Stripe invoice belongs to (`parent.subscription_details`, or the legacy field). */
function subscriptionRefOf(invoice: Stripe.Invoice): string | null {
  return (
    idOf(invoice.parent?.subscription_details?.subscription) ??
    idOf((invoice as unknown as { subscription?: string }).subscription)
  );
}

/**
 * The Billkit metric of a metered Stripe line (`recurring.usage_type: 'metered'`): its
 * price's `metadata.billkit_metric`, else its lookup key. The price is read where the
 * payload has it as an object (the legacy `price`, or an expanded `pricing.price_details.price`).
 */
function meteredMetricOf(line: Stripe.InvoiceLineItem): string | null {
  type LinePrice = { recurring?: { usage_type?: string } | null; metadata?: Record<string, string>; lookup_key?: string | null };
  const legacy = (line as unknown as { price?: LinePrice | string | null }).price;
  const details = (line as unknown as { pricing?: { price_details?: { price?: LinePrice | string } } | null }).pricing?.price_details?.price;
  const price = [legacy, details].find((p): p is LinePrice => typeof p === 'object' && p !== null);
  if (price?.recurring?.usage_type !== 'metered') return null;
  return price.metadata?.billkit_metric ?? price.lookup_key ?? null;
}

/** A Stripe invoice in Billkit's terms. */
function toProcessorInvoice(invoice: Stripe.Invoice & { id: string }): ProcessorInvoice {
  const lines = invoice.lines?.data ?? [];
  const period = lines[0]?.period;
  return {
    id: invoice.id,
    amount_due: invoice.amount_due,
    amount_paid: invoice.amount_paid,
    currency: invoice.currency,
    period_start: fromUnix(period?.start ?? invoice.period_start),
    period_end: fromUnix(period?.end ?? invoice.period_end),
    subtotal: invoice.subtotal,
    discount_amount: (invoice.total_discount_amounts ?? []).reduce((sum, d) => sum + d.amount, 0),
    created_at: fromUnix(invoice.created),
    lines: lines.map((line) => {
      const metric = meteredMetricOf(line);
      return {
        description: line.description ?? null,
        quantity: line.quantity ?? 1,
        unit_amount: line.quantity ? Math.round(line.amount / line.quantity) : line.amount,
        amount: line.amount,
        period_start: line.period ? fromUnix(line.period.start) : null,
        period_end: line.period ? fromUnix(line.period.end) : null,
        proration: Boolean(line.parent?.subscription_item_details?.proration ?? line.parent?.invoice_item_details?.proration),
        ...(metric ? { metric } : {}),
      };
    }),
  };
}

/** What a Stripe `invoice.paid` says: the first invoice of a Billkit checkout, or a later one to record. */
function invoicePaid(invoice: Stripe.Invoice): ProcessorChange | null {
  const processorRef = subscriptionRefOf(invoice);
  if (!processorRef || !invoice.id) return null;
  if (invoice.billing_reason === 'subscription_create') {
    const checkoutId = invoice.parent?.subscription_details?.metadata?.billkit_checkout ?? null;
    return { type: 'first_invoice_paid', checkoutId, processorRef };
  }
  return { type: 'invoice_paid', processorRef, invoice: toProcessorInvoice(invoice as Stripe.Invoice & { id: string }) };
}

/**
 * Stripe's `invoice.payment_failed` for a renewal (Stripe runs renewals and Smart Retries
 * itself), with its `attempt_count` / `next_payment_attempt`. A checkout's first invoice is
 * left out: the checkout itself reports that failure.
 */
function invoicePaymentFailed(invoice: Stripe.Invoice): ProcessorChange | null {
  const processorRef = subscriptionRefOf(invoice);
  if (!processorRef || !invoice.id || invoice.billing_reason === 'subscription_create') return null;
  return {
    type: 'invoice_payment_failed',
    processorRef,
    invoice: toProcessorInvoice(invoice as Stripe.Invoice & { id: string }),
    attempt_count: invoice.attempt_count ?? 1,
    next_payment_attempt: invoice.next_payment_attempt ? fromUnix(invoice.next_payment_attempt) : null,
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
    case 'invoice.payment_failed':
      return invoicePaymentFailed(event.data.object);
    case 'invoice.marked_uncollectible': {
      const processorRef = subscriptionRefOf(event.data.object);
      const invoiceId = event.data.object.id;
      return processorRef && invoiceId ? { type: 'invoice_uncollectible', processorRef, invoiceId } : null;
    }
    case 'setup_intent.succeeded': {
      const setup = toProcessorSetup(event.data.object);
      return setup.subject && plainId(setup.id) ? { type: 'setup_succeeded', setupId: setup.id, subject: setup.subject } : null;
    }
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
