import type { InvoiceRecord, SubscriptionDetail } from '../store/records';
import type { WebhookObjects } from '../webhooks/webhookEvents';
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

/** A completed checkout, as `checkout.session.completed` names it (the subject is added from the event's). */
export type CheckoutCompletion = Omit<WebhookObjects['checkout.session.completed'], 'subject' | 'subject_kind'>;

/** The record each event type is fired with: the emitter turns it into the wire object. */
export type EventRecord<T extends WebhookEventType> = T extends 'checkout.session.completed'
  ? CheckoutCompletion
  : T extends `subscription.${string}`
    ? SubscriptionDetail
    : InvoiceRecord;

/** Fires an event: written with the transaction's store, and told to the caller. */
export type Emit = <T extends WebhookEventType>(type: T, subject: string, object: EventRecord<T>) => Promise<void>;

const toWire = (object: SubscriptionDetail | InvoiceRecord | CheckoutCompletion) =>
  'plan' in object ? toWireSubscription(object) : 'amount_total' in object ? object : toWireInvoice(object);

/**
 * The one way billing rules fire subscription and invoice events: each is written into
 * the outbox by `store` (the running transaction's), stamped `at`, and pushed to `events`
 * so the caller can report what happened (the dev clock, the dev tools) and kick delivery
 * once the transaction commits.
 */
export function createEmitter(ctx: BillingContext, store: Store, at: Date, events: LifecycleEvent[]): Emit {
  return async (type, subject, object) => {
    await recordEvent(ctx, store, type, subject, toWire(object), at);
    // The wire names subjects by their plain ids (`user_pro`), as tokens do.
    events.push({ type, subject: parseSubjectKey(subject).id, id: object.id, subjectKey: subject });
  };
}

/**
 * Runs `work` in one transaction with an emitter stamped `at`, and once it committed
 * tells delivery (`onEventsWritten`) when it fired anything: how a rule that is not a
 * lifecycle step writes a change and its events together. Resolves with `work`'s result
 * and the events fired.
 */
export async function transactionWithEvents<T>(
  ctx: BillingContext,
  at: Date,
  work: (store: Store, emit: Emit) => Promise<T>,
): Promise<{ result: T; events: LifecycleEvent[] }> {
  let events: LifecycleEvent[] = [];
  const result = await ctx.store.transaction(async (store) => {
    // A retried transaction starts its events over.
    events = [];
    return work(store, createEmitter(ctx, store, at, events));
  });
  if (events.length > 0) ctx.onEventsWritten?.();
  return { result, events };
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
