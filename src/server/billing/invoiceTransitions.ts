import { needsPayment } from '../../contract/subscriptionRules';
import type { InvoiceRecord, SubscriptionDetail } from '../store/records';
import type { StepContext } from './events';
import { addDays } from './time';
import { saveSubscription } from './saveSubscription';

/**
 * The transitions of an invoice and of the subscription it bills, written once: every rule
 * that pays, fails, voids or gives up on an invoice (a checkout's charge aside, whose
 * invoice is born paid) goes through these, inside its transaction, firing its events
 * through the step's one emitter.
 */

/** Days after an invoice's first failed charge at which it is retried (Stripe's Smart Retries default is similar). */
export const DEFAULT_RETRY_DAYS: readonly number[] = [3, 5, 7];

/** When an invoice whose `attempts`-th charge failed is tried next: null when the schedule is exhausted. */
function nextPaymentAttempt(retryDays: readonly number[], invoice: InvoiceRecord, attempts: number): Date | null {
  const days = retryDays[attempts - 1];
  return days === undefined ? null : addDays(invoice.created_at, days);
}

/** open → paid with its `attempts`-th charge (0: nothing was due): retries stop, `invoice.paid`. */
export async function markInvoicePaid(step: StepContext, invoice: InvoiceRecord, attempts: number): Promise<InvoiceRecord> {
  const paid = { ...invoice, status: 'paid' as const, amount_paid: invoice.amount_due };
  await step.store.updateInvoicePayment(invoice.id, { status: 'paid', amount_paid: invoice.amount_due, attempt_count: attempts, next_payment_attempt: null });
  await step.emit('invoice.paid', invoice.subject, paid);
  return paid;
}

/** open → void: nothing more is collected on it (`invoice.voided`). False when it was no longer open. */
export async function markInvoiceVoid(step: StepContext, invoice: InvoiceRecord): Promise<boolean> {
  if (!(await step.store.voidOpenInvoice(invoice.id))) return false;
  await step.emit('invoice.voided', invoice.subject, { ...invoice, status: 'void' });
  return true;
}

/**
 * Once no invoice of a subscription that needs payment (`past_due`, `incomplete`) is open, it is `active`
 * again (`subscription.updated`), as Stripe does. Returns the subscription as it now is.
 */
export async function reactivateWhenSettled(step: StepContext, subscriptionId: string | null): Promise<SubscriptionDetail | null> {
  if (!subscriptionId) return null;
  const sub = await step.store.getSubscription(subscriptionId);
  if (!sub) return null;
  if (needsPayment(sub) && (await step.store.openInvoiceIds(sub.id)).length === 0) {
    const active = await saveSubscription(step.store, sub, { status: 'active' });
    await step.emit('subscription.updated', sub.subject, active);
    return active;
  }
  return sub;
}

/**
 * Records a failed dunning charge: the invoice stays `open` with its next attempt, or, once
 * the retry schedule is exhausted, becomes `uncollectible` and the subscription is
 * canceled. Fires `invoice.payment_failed` (then `invoice.marked_uncollectible` and
 * `subscription.canceled`). Returns the subscription as it now is.
 */
export async function recordFailedCharge(step: StepContext, sub: SubscriptionDetail, invoice: InvoiceRecord, attempts: number): Promise<SubscriptionDetail> {
  const next = nextPaymentAttempt(step.retryDays, invoice, attempts);
  await step.store.updateInvoicePayment(invoice.id, { attempt_count: attempts, next_payment_attempt: next });
  await step.emit('invoice.payment_failed', sub.subject, invoice);
  if (next) return sub;
  const uncollectible = { ...invoice, status: 'uncollectible' as const };
  await step.store.updateInvoicePayment(invoice.id, { status: 'uncollectible' });
  await step.emit('invoice.marked_uncollectible', sub.subject, uncollectible);
  const canceled = await saveSubscription(step.store, sub, { status: 'canceled', canceled_at: step.at });
  await step.emit('subscription.canceled', sub.subject, canceled);
  return canceled;
}
