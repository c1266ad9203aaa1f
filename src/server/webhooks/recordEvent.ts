import type { BillingContext } from '../billing/BillingContext';
import { randomId } from '../crypto/hmac';
import type { Store } from '../store/Store';
import { parseSubjectKey } from '../subjectKey';
import type { WebhookEventType } from './webhookEvents';

export type { WebhookEventType } from './webhookEvents';

/**
 * Writes a webhook event about `subject` (its store key) into the outbox with the `store`
 * of the running transaction, so the event exists exactly when the change it describes
 * does. The body is fixed here (`{ id, type, created, subject: { kind, id }, data: { object } }`,
 * see `WebhookEvent` in webhookEvents.ts): the subject named by its kind and plain id, never the store's
 * key; a checkout session's object also gets `subject_kind` beside its plain `subject`.
 * Delivery adds the outbox's `sequence` and keeps each subject's events in the order they
 * were written.
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
  const named = parseSubjectKey(subject);
  const body =
    type === 'checkout.session.completed' ? { ...(object as object), subject: named.id, subject_kind: named.kind } : object;
  const payload = JSON.stringify({ id, type, created: Math.floor(now.getTime() / 1000), subject: named, data: { object: body } });
  await store.enqueueWebhookEvent({ id, type, subject, payload, created_at: now, next_attempt_at: ctx.wallNow() });
}
