import type { InvoiceRecord, SubscriptionDetail } from '../store/records';
import type { Store } from '../store/Store';
import { parseSubjectKey } from '../subjectKey';
import { recordEvent, type WebhookEventType } from '../webhooks/recordEvent';
import type { BillingContext } from './BillingContext';
import { toWireInvoice, toWireSubscription } from './wire';

/** An event a billing rule fired: its type, the billed subject and the object's id (`sub_…`, `in_…`). */
export interface LifecycleEvent {
  type: WebhookEventType;
  subject: string;
  id: string;
  /** The subject as the store keys it (`user:<id>` / `org:<id>`): who may see the event. Never sent outward. */
  subjectKey: string;
}

/** An event as the dev endpoints answer it: `{ type, subject, id }` (the plain id, not the store's key). */
export const wireLifecycleEvent = ({ type, subject, id }: LifecycleEvent) => ({ type, subject, id });

/** Fires a subscription or invoice event: written with the transaction's store, and told to the caller. */
export type Emit = (type: WebhookEventType, subject: string, object: SubscriptionDetail | InvoiceRecord) => Promise<void>;

/**
 * The one way billing rules fire subscription and invoice events: each is written into
 * the outbox by `store` (the running transaction's), stamped `at`, and pushed to `events`
 * so the caller can report what happened (the dev clock, the dev tools) and kick delivery
 * once the transaction commits.
 */
export function createEmitter(ctx: BillingContext, store: Store, at: Date, events: LifecycleEvent[]): Emit {
  return async (type, subject, object) => {
    const wire = 'plan' in object ? toWireSubscription(object) : toWireInvoice(object);
    await recordEvent(ctx, store, type, subject, wire, at);
    // The wire names subjects by their plain ids (`user_pro`), as tokens do.
    events.push({ type, subject: parseSubjectKey(subject).id, id: object.id, subjectKey: subject });
  };
}

/** What one lifecycle step (or a rule run like one) works with: the transaction's store, its instant, its events. */
export interface StepContext {
  ctx: BillingContext;
  store: Store;
  /** The instant the step falls due: every record and event of the step is stamped with it. */
  at: Date;
  /** Days after the first failure at which an open invoice is charged again. */
  retryDays: readonly number[];
  emit: Emit;
}
