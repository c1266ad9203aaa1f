import { BillingError } from '../client/BillingError';
import type { BillingClient } from '../client/createBillingClient';
import type { Subscription } from '../contract/types';

/**
 * After Stripe confirmed a payment in the page, the proxy learns of it from Stripe's
 * webhook a moment later. Polls the session's summary until it names its subscription
 * (about a second apart, for at most `attempts` tries), then returns the subscription.
 */
export async function waitForCheckoutSubscription(
  client: BillingClient,
  sessionId: string,
  { attempts = 30, intervalMs = 1000, signal }: { attempts?: number; intervalMs?: number; signal?: AbortSignal } = {},
): Promise<Subscription> {
  for (let i = 0; i < attempts; i++) {
    signal?.throwIfAborted();
    const summary = await client.getCheckoutSession(sessionId, { signal });
    if (summary.subscription_id) {
      const subscription = await client.getSubscription();
      if (subscription) return subscription;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new BillingError({
    status: 0,
    code: 'checkout_pending',
    message: 'Your payment went through; your subscription will appear in a moment.',
  });
}
