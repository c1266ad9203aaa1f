import type Stripe from 'stripe';
import type { ProcessorUsage, ProcessorUsageEvent } from './usageTypes';

/**
 * Usage to Stripe Billing Meters, composed into `createStripeProcessor`: each recorded
 * event of a metered metric is one `billing.meterEvents.create` with the meter's
 * `event_name`, `payload: { stripe_customer_id, value }`, the event's time and its
 * `identifier` (the usage row's id), which Stripe keeps unique for at least 24 hours, so a
 * batch sent again after a failure counts nothing twice; the same value is the request's
 * idempotency key. The meters (and the metered prices on them) are set up in Stripe;
 * `meters` maps each Billkit metric to its meter's `event_name`.
 */
export function stripeMeters(stripe: Stripe, meters: Readonly<Record<string, string>>): Required<ProcessorUsage> {
  return {
    meteredMetrics: Object.keys(meters),
    async sendUsage(events: readonly ProcessorUsageEvent[]) {
      for (const event of events) {
        const eventName = meters[event.metric];
        if (!eventName) continue;
        await stripe.billing.meterEvents.create(
          {
            event_name: eventName,
            identifier: event.identifier,
            timestamp: Math.floor(event.recorded_at.getTime() / 1000),
            payload: { stripe_customer_id: event.customerId, value: String(event.quantity) },
          },
          { idempotencyKey: event.identifier },
        );
      }
    },
  };
}
