import type Stripe from 'stripe';
import { parseSubjectKey } from '../subjectKey';
import type { ProcessorCustomers } from './ProcessorCustomers';

/**
 * The Stripe customer of a Billkit subject (a store subject key): one per subject,
 * remembered through the proxy's {@link ProcessorCustomers}, created on first use with the plain id in its
 * metadata. Checkouts and card setups share it, so a saved card and the subscription it
 * pays for belong to the same customer.
 */
export async function stripeCustomerId(stripe: Stripe, customers: ProcessorCustomers, subject: string): Promise<string> {
  const known = await customers.getCustomerId(subject);
  if (known) return known;
  const { kind, id } = parseSubjectKey(subject);
  const customer = await stripe.customers.create(
    { metadata: { billkit_subject: id, billkit_subject_kind: kind } },
    { idempotencyKey: `billkit-customer-${subject}` },
  );
  await customers.setCustomerId(subject, customer.id);
  return customer.id;
}
