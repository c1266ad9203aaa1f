import type Stripe from 'stripe';
import type { Store } from '../store/Store';
import { parseSubjectKey } from '../subjectKey';

/**
 * The Stripe customer of a Billkit subject (a store subject key): one per subject,
 * remembered in the proxy's settings, created on first use with the plain id in its
 * metadata. Checkouts and card setups share it, so a saved card and the subscription it
 * pays for belong to the same customer.
 */
export async function stripeCustomerId(stripe: Stripe, store: Store, subject: string): Promise<string> {
  const key = `stripe_customer:${subject}`;
  const known = await store.getSetting(key);
  if (known) return known;
  const { kind, id } = parseSubjectKey(subject);
  const customer = await stripe.customers.create(
    { metadata: { billkit_subject: id, billkit_subject_kind: kind } },
    { idempotencyKey: `billkit-customer-${subject}` },
  );
  await store.setSetting(key, customer.id);
  return customer.id;
}
