import type { BillingContext } from '../billing/BillingContext';
import { randomId } from '../crypto/hmac';
import type { Store } from '../store/Store';

/** The webhook event types the proxy sends. */
export type WebhookEventType =
  | 'checkout.session.completed'
  | 'subscription.created'
  | 'subscription.updated'
  | 'subscription.canceled'
  | 'invoice.created'
  | 'invoice.paid'
  | 'invoice.payment_failed'
  | 'invoice.marked_uncollectible'
  | 'invoice.voided'
  | 'subscription.trial_will_end';

/**
 * Writes a webhook event about `subject` (its store key) into the outbox with the `store`
 * of the running transaction, so the event exists exactly when the change it describes
 * does. The body is fixed here (`{ id, type, created, data: { object } }`); delivery adds
 * the outbox's `sequence` and keeps each subject's events in the order they were written.
 */
export async function recordEvent(
  ctx: BillingContext,
  store: Store,
  type: WebhookEventType,
  subject: string,
  object: unknown,
  now: Date,
): Promise<void> {
  if (!ctx.webhooks) return;
  const id = randomId('evt');
  const payload = JSON.stringify({ id, type, created: Math.floor(now.getTime() / 1000), data: { object } });
  await store.enqueueWebhookEvent({ id, type, subject, payload, created_at: now });
}
