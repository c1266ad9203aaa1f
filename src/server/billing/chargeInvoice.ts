import type { InvoiceRecord, SubscriptionDetail } from '../store/records';
import type { Store } from '../store/Store';
import type { WebhookEventType } from '../webhooks/recordEvent';
import type { BillingContext } from './BillingContext';
import { addDays } from './time';

/** Days after an invoice's first failed charge at which it is retried (Stripe's Smart Retries default is similar). */
export const DEFAULT_RETRY_DAYS: readonly number[] = [3, 5, 7];

/** An event the lifecycle engine fired: its type, the billed subject and the object's id (`sub_…`, `in_…`). */
export interface LifecycleEvent {
  type: WebhookEventType;
  subject: string;
  id: string;
  /** The subject as the store keys it (`user:<id>` / `org:<id>`): who may see the event. Never sent outward. */
  subjectKey: string;
}

/** An event as the dev endpoints answer it: `{ type, subject, id }` (the plain id, not the store's key). */
export const wireLifecycleEvent = ({ type, subject, id }: LifecycleEvent) => ({ type, subject, id });

/** What one lifecycle step works with: the transaction's store, its instant, and the events it fires. */
export interface StepContext {
  ctx: BillingContext;
  store: Store;
  /** The instant the step falls due: every record and event of the step is stamped with it. */
  at: Date;
  /** Days after the first failure at which an open invoice is charged again. */
  retryDays: readonly number[];
  /** Writes the webhook event (in the step's transaction) and reports it to the caller. */
  emit(type: WebhookEventType, subject: string, object: SubscriptionDetail | InvoiceRecord): Promise<void>;
}

/** The outcome of charging an invoice to the subject's card on file. */
export type ChargeOutcome = { paid: true } | { paid: false; code: string; message: string };

/**
 * Charges `amount` of an invoice to the subject's card on file through the processor.
 * Nothing due is paid without a charge. No card on file, or a processor that cannot
 * charge without the customer, is a failed attempt like a decline (Stripe: an invoice
 * of a customer without a default payment method fails the same way).
 * `attempt` makes the processor's idempotency key, so a step run twice charges once.
 */
export async function chargeInvoice(step: StepContext, invoice: InvoiceRecord, description: string, attempt: number): Promise<ChargeOutcome> {
  if (invoice.amount_due === 0) return { paid: true };
  const method = await step.store.getPaymentMethod(invoice.subject);
  const charge = step.ctx.processor.chargePaymentMethod;
  if (!method || !charge) {
    return { paid: false, code: 'no_payment_method', message: 'There is no card on file to charge.' };
  }
  const result = await charge.call(step.ctx.processor, {
    paymentMethod: method.processor_ref,
    amount: invoice.amount_due,
    currency: invoice.currency,
    description,
    idempotencyKey: `${invoice.id}:attempt:${attempt}`,
  });
  if (result.status === 'succeeded') return { paid: true };
  if (result.status === 'requires_action') {
    return { paid: false, code: 'authentication_required', message: 'The card asks for authentication, which a renewal cannot give.' };
  }
  return { paid: false, code: result.code, message: result.message };
}

/** When an invoice whose `attempts`-th charge failed is tried next: null when the schedule is exhausted. */
function nextPaymentAttempt(step: StepContext, invoice: InvoiceRecord, attempts: number): Date | null {
  const days = step.retryDays[attempts - 1];
  return days === undefined ? null : addDays(invoice.created_at, days);
}

/**
 * Records a failed charge: the invoice stays `open` with its next attempt, or, once the
 * retry schedule is exhausted, becomes `uncollectible` and the subscription is canceled.
 * Fires `invoice.payment_failed` (then `invoice.marked_uncollectible` and
 * `subscription.canceled`). Returns the subscription as it now is.
 */
export async function recordFailedCharge(
  step: StepContext,
  sub: SubscriptionDetail,
  invoice: InvoiceRecord,
  attempts: number,
): Promise<SubscriptionDetail> {
  const next = nextPaymentAttempt(step, invoice, attempts);
  await step.store.updateInvoicePayment(invoice.id, { attempt_count: attempts, next_payment_attempt: next });
  await step.emit('invoice.payment_failed', sub.subject, invoice);
  if (next) return sub;
  const uncollectible = { ...invoice, status: 'uncollectible' as const };
  await step.store.updateInvoicePayment(invoice.id, { status: 'uncollectible' });
  await step.emit('invoice.marked_uncollectible', sub.subject, uncollectible);
  const patch = { status: 'canceled' as const, canceled_at: step.at };
  await step.store.updateSubscription(sub.id, patch);
  const canceled = { ...sub, ...patch };
  await step.emit('subscription.canceled', sub.subject, canceled);
  return canceled;
}
