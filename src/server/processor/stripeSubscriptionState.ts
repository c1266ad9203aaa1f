import type Stripe from 'stripe';
import type { SubscriptionStatus } from '../../contract/types';
import type { ProcessorSubscriptionState } from './types';

// Stripe has two statuses Billkit does not: an abandoned first payment ends the
// subscription, and `unpaid` (retries exhausted) is still a payment problem.
const STATUS: Record<Stripe.Subscription.Status, SubscriptionStatus> = {
  active: 'active',
  trialing: 'trialing',
  past_due: 'past_due',
  canceled: 'canceled',
  paused: 'paused',
  incomplete: 'incomplete',
  incomplete_expired: 'canceled',
  unpaid: 'past_due',
};

const fromUnix = (seconds: number) => new Date(seconds * 1000);

/**
 * A Stripe subscription in the store's terms: status, cancellation, trial, current
 * period, the Billkit price it bills at the item's quantity (seats) and whether a plan change is scheduled. The one mapping used both for Stripe's answers to cancel / resume and for its
 * `customer.subscription.*` webhooks, so the two always agree on what changed.
 */
export function stripeSubscriptionState(stripeSub: Stripe.Subscription): ProcessorSubscriptionState {
  // Periods live on the items since Stripe API 2025-03-31; older versions keep them on the subscription.
  const item = stripeSub.items?.data?.[0] as (Stripe.SubscriptionItem & { current_period_start?: number; current_period_end?: number }) | undefined;
  const legacy = stripeSub as unknown as { current_period_start?: number; current_period_end?: number };
  const start = item?.current_period_start ?? legacy.current_period_start;
  const end = item?.current_period_end ?? legacy.current_period_end;
  // Billkit's prices are found in Stripe by lookup key (the Billkit price id); see stripe.ts.
  const price = item?.price;
  const billkitPrice = price && typeof price === 'object' ? (price.lookup_key ?? price.metadata?.billkit_price ?? null) : null;
  return {
    status: STATUS[stripeSub.status] ?? 'incomplete',
    cancel_at_period_end: stripeSub.cancel_at_period_end,
    trial_end: stripeSub.trial_end ? fromUnix(stripeSub.trial_end) : null,
    canceled_at: stripeSub.canceled_at ? fromUnix(stripeSub.canceled_at) : null,
    // A canceled subscription has ended; Stripe leaves ended_at empty for some (incomplete_expired).
    ended_at: stripeSub.ended_at
      ? fromUnix(stripeSub.ended_at)
      : STATUS[stripeSub.status] === 'canceled' && stripeSub.canceled_at
        ? fromUnix(stripeSub.canceled_at)
        : null,
    ...(start ? { current_period_start: fromUnix(start) } : {}),
    ...(end ? { current_period_end: fromUnix(end) } : {}),
    ...(billkitPrice ? { price_id: billkitPrice } : {}),
    ...(typeof item?.quantity === 'number' ? { quantity: item.quantity } : {}),
    // No schedule attached: no plan change is waiting (released, or applied and done).
    ...(stripeSub.schedule === null ? { pending_price_id: null, pending_quantity: null } : {}),
  };
}
