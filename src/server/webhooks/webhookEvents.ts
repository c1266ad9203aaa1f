import type { Invoice, Subscription } from '../../contract/types';
import type { SubjectKind } from '../store/records';

/**
 * Who a webhook event is about: the billed subject, as session tokens name it (`sub` for a
 * user, `org_id` for an org). Users and orgs are separate namespaces, so `id` alone is not
 * enough: `{ kind: "org", id: "x" }` is never `{ kind: "user", id: "x" }`.
 */
export interface WebhookSubject {
  kind: SubjectKind;
  id: string;
}

/** An invoice in a webhook: as `GET /invoices` answers it, with its subscription's id (or null). */
export type WebhookInvoice = Invoice & { subscription: string | null };

/** The object of `checkout.session.completed`. */
export interface WebhookCheckoutSession {
  /** The checkout session id (`sess_…`), as `POST /checkout` answered it. */
  id: string;
  /** The billed subject's plain id (`org_acme`), never the store's key; same as the event's `subject.id`. */
  subject: string;
  /** `user` or `org`: what `subject` names (same as the event's `subject.kind`). */
  subject_kind: SubjectKind;
  /** The subscription the checkout created. */
  subscription: string;
  /** What the checkout charged, in minor units (0 for a trial). */
  amount_total: number;
  currency: string;
}

/** The object each webhook event type carries in `data.object`. */
export interface WebhookObjects {
  'checkout.session.completed': WebhookCheckoutSession;
  'subscription.created': Subscription;
  'subscription.updated': Subscription;
  'subscription.canceled': Subscription;
  'subscription.trial_will_end': Subscription;
  'invoice.created': WebhookInvoice;
  'invoice.paid': WebhookInvoice;
  'invoice.payment_failed': WebhookInvoice;
  'invoice.marked_uncollectible': WebhookInvoice;
  /** Fired only by the dev tools' void action. */
  'invoice.voided': WebhookInvoice;
}

/** The webhook event types the proxy sends. */
export type WebhookEventType = keyof WebhookObjects;

/**
 * A webhook event as the proxy POSTs it (the body `verifyWebhookSignature` checks), typed by
 * `type`: narrowing on `event.type` types `event.data.object`.
 *
 * ```ts
 * const event = JSON.parse(rawBody) as WebhookEvent;
 * if (event.type === 'invoice.payment_failed') notify(event.subject, event.data.object.subscription);
 * ```
 */
export type WebhookEvent<T extends WebhookEventType = WebhookEventType> = {
  [K in T]: {
    /** `evt_…`: the same on every retry of the event; dedupe on it. */
    id: string;
    type: K;
    /** Unix seconds, by the proxy's clock (the dev clock included). */
    created: number;
    /** The billed subject the event is about. */
    subject: WebhookSubject;
    data: { object: WebhookObjects[K] };
    /** The outbox's creation order; only grows (not contiguously). Added at delivery. */
    sequence: number;
  };
}[T];
