import { isEnded } from '../../contract/subscriptionRules';
import { Conflict, InvalidParameter, NotFound, PaymentDeclined } from '../domainErrors';
import type { PaymentResult } from '../processor/types';
import type { PaymentPurpose, PaymentRecord } from '../store/records';
import type { InvoiceRecord, SubscriptionDetail } from '../store/records';
import type { Store } from '../store/Store';
import type { BillingContext } from './BillingContext';
import { createEmitter, type LifecycleEvent, type StepContext } from './events';
import { DEFAULT_RETRY_DAYS, markInvoicePaid, reactivateWhenSettled, recordFailedCharge } from './invoiceTransitions';
import { makePayment, refundLostCharge } from './payments';
import { saveSubscription } from './saveSubscription';

/** How a charge of an open invoice came out, with the events it fired. */
export type InvoiceCharge =
  | { status: 'paid'; invoice: InvoiceRecord; subscription: SubscriptionDetail | null; events: LifecycleEvent[] }
  | { status: 'failed'; code: string; message: string; invoice: InvoiceRecord; events: LifecycleEvent[] };

/** A payment of an open invoice, begun (step 1 of the charging path) or found already done. */
export type BegunInvoicePayment =
  | { status: 'begun'; payment: PaymentRecord; paymentMethod: string | null }
  | { status: 'done'; charge: InvoiceCharge }
  | { status: 'nothing_to_charge'; code: string; message: string };

const notOpen = (status: string) => new InvalidParameter('invoice_not_open', `This invoice is ${status}, not open, so it cannot be paid.`);
export const BEING_COLLECTED = () => new Conflict('invoice_being_collected', 'This invoice is being charged right now; look again in a moment.');

/** Options of {@link beginInvoicePayment}. */
export interface BeginInvoicePayment {
  purpose: Extract<PaymentPurpose, 'invoice_pay' | 'renewal' | 'retry' | 'devtools'>;
  /** The request's Idempotency-Key: its retry after a crash is answered by the payment it made. */
  requestKey?: string | null;
  /** Only an invoice of this subject (another's is `NotFound`). */
  subject?: string;
}

/**
 * Step 1 for an open invoice, inside `store`'s transaction: locks the invoice, refuses
 * one that is not open (or that another payment is charging: `invoice_being_collected`),
 * and writes its next pending payment. A request whose Idempotency-Key already paid it
 * gets that payment's answer. Nothing due pays it at once, with no charge.
 */
export async function beginInvoicePayment(ctx: BillingContext, store: Store, invoiceId: string, options: BeginInvoicePayment): Promise<BegunInvoicePayment> {
  const invoice = await store.lockInvoice(invoiceId);
  if (!invoice || (options.subject !== undefined && invoice.subject !== options.subject)) {
    throw new NotFound('resource_missing', 'No such invoice.');
  }
  const earlier = await store.paymentsOf('invoice', invoice.id);
  if (options.requestKey && earlier.some((p) => p.request_key === options.requestKey && p.status === 'succeeded')) {
    const subscription = invoice.subscription_id ? await store.getSubscription(invoice.subscription_id) : null;
    return { status: 'done', charge: { status: 'paid', invoice, subscription, events: [] } };
  }
  if (invoice.status !== 'open') throw notOpen(invoice.status);
  if (earlier.some((p) => p.status === 'pending')) throw BEING_COLLECTED();
  const attempts = (await store.getInvoiceAttempts(invoice.id))?.attempt_count ?? 0;
  if (invoice.amount_due === 0) {
    const events: LifecycleEvent[] = [];
    const step = stepOf(ctx, store, events);
    const paid = await markInvoicePaid(step, invoice, attempts);
    const subscription = await settleSubscription(step, options.purpose, invoice, true);
    return { status: 'done', charge: { status: 'paid', invoice: paid, subscription, events } };
  }
  const sub = invoice.subscription_id ? await store.getSubscription(invoice.subscription_id) : null;
  // An invoice of a subscription the processor holds (Stripe) is paid there, by its own id.
  const atProcessor = Boolean(sub?.processor_ref && ctx.processor.payInvoice);
  const method = atProcessor ? null : await store.getPaymentMethod(invoice.subject);
  if (!atProcessor && (!method || !ctx.processor.chargePaymentMethod)) {
    return { status: 'nothing_to_charge', code: 'no_payment_method', message: 'There is no card on file to charge; add one first.' };
  }
  const payment = await store.beginPayment(
    {
      subject: invoice.subject,
      object_kind: 'invoice',
      object_id: invoice.id,
      subscription_id: invoice.subscription_id,
      purpose: options.purpose,
      amount: invoice.amount_due,
      currency: invoice.currency,
      request_key: options.requestKey ?? null,
      plan: null,
    },
    ctx.wallNow(),
  );
  return { status: 'begun', payment, paymentMethod: method?.processor_ref ?? null };
}

/** Step 2 for an invoice: the card on file, or the processor's own invoice. */
export function chargeBegunInvoice(ctx: BillingContext, begun: Extract<BegunInvoicePayment, { status: 'begun' }>, description: string): Promise<PaymentResult> {
  const { payment, paymentMethod } = begun;
  return makePayment(ctx, payment, (idempotencyKey) =>
    paymentMethod === null
      ? ctx.processor.payInvoice!({ invoiceRef: payment.object_id, idempotencyKey: `billkit-${idempotencyKey}` })
      : ctx.processor.chargePaymentMethod!({ paymentMethod, amount: payment.amount, currency: payment.currency, description, idempotencyKey }),
  );
}

export function stepOf(ctx: BillingContext, store: Store, events: LifecycleEvent[], retryDays: readonly number[] = DEFAULT_RETRY_DAYS): StepContext {
  const at = ctx.now();
  return { ctx, store, at, retryDays, emit: createEmitter(ctx, store, at, events) };
}

/**
 * The subscription after its invoice's charge: a period's first charge (`renewal`: a
 * renewal or a trial's end) makes it `active` (or `past_due` when it failed) and says so
 * (`subscription.updated`); any other paid invoice makes a `past_due` / `incomplete` one
 * active once nothing else is open.
 */
async function settleSubscription(step: StepContext, purpose: PaymentPurpose, invoice: InvoiceRecord, paid: boolean): Promise<SubscriptionDetail | null> {
  if (purpose !== 'renewal') return paid ? reactivateWhenSettled(step, invoice.subscription_id) : null;
  const sub = invoice.subscription_id ? await step.store.getSubscription(invoice.subscription_id) : null;
  if (!sub || isEnded(sub)) {
    // An ended subscription's final invoice (its last usage) is attempted once, never dunned.
    if (!paid) {
      await step.store.updateInvoicePayment(invoice.id, { attempt_count: 1, next_payment_attempt: null });
      await step.emit('invoice.payment_failed', invoice.subject, invoice);
    }
    return sub;
  }
  if (paid) {
    const active = await saveSubscription(step.store, sub, { status: 'active' });
    await step.emit('subscription.updated', sub.subject, active);
    return active;
  }
  const after = await recordFailedCharge(step, await saveSubscription(step.store, sub, { status: 'past_due' }), invoice, 1);
  // Exhausted at once (an empty retry schedule) already said subscription.canceled.
  if (after.status === 'past_due') await step.emit('subscription.updated', sub.subject, after);
  return after;
}

/**
 * Step 3 for an invoice: writes the charge's outcome. Paid: the invoice is `paid`
 * (`invoice.paid`) and its subscription settles; an invoice that is no longer open (voided
 * meanwhile) has the charge refunded. Failed: a renewal makes the subscription `past_due`
 * and schedules retries, a retry counts toward the schedule, the dev tools' pay counts an
 * attempt (`invoice.payment_failed`); the customer's own pay changes nothing. A payment
 * already settled (by a reconcile that ran first) is answered as it was.
 */
export async function settleInvoicePayment(
  ctx: BillingContext,
  payment: PaymentRecord,
  result: PaymentResult,
  retryDays: readonly number[] = DEFAULT_RETRY_DAYS,
): Promise<InvoiceCharge> {
  const events: LifecycleEvent[] = [];
  const settled = await ctx.store.transaction(async (store): Promise<InvoiceCharge | { refund: string }> => {
    const current = await store.getPayment(payment.id, { forUpdate: true });
    const invoice = await store.lockInvoice(payment.object_id);
    if (!current || !invoice) throw new NotFound('resource_missing', 'No such invoice.');
    const step = stepOf(ctx, store, events, retryDays);
    if (current.status !== 'pending') return answerOf(current, invoice, store);
    const wall = ctx.wallNow();
    if (result.status === 'succeeded') {
      if (invoice.status !== 'open') return { refund: result.paymentId };
      await store.settlePayment(payment.id, ['pending'], { status: 'succeeded', processor_payment_id: result.paymentId }, wall);
      const attempts = (await store.getInvoiceAttempts(invoice.id))?.attempt_count ?? 0;
      const paid = await markInvoicePaid(step, invoice, attempts + 1);
      const subscription = await settleSubscription(step, payment.purpose, paid, true);
      return { status: 'paid', invoice: paid, subscription, events };
    }
    const failure =
      result.status === 'failed'
        ? { code: result.code, message: result.message }
        : { code: 'authentication_required', message: 'The card asks for authentication, which a charge without the customer cannot give.' };
    await store.settlePayment(payment.id, ['pending'], { status: 'failed', failure_code: failure.code, failure_message: failure.message }, wall);
    if (invoice.status === 'open') await recordFailure(step, payment.purpose, invoice);
    return { status: 'failed', ...failure, invoice, events };
  });
  if (events.length > 0) ctx.onEventsWritten?.();
  if ('refund' in settled) {
    await refundLostCharge(ctx, payment, settled.refund, `Invoice ${payment.object_id} was no longer open when its charge went through.`);
    const invoice = await ctx.store.lockInvoice(payment.object_id);
    return { status: 'failed', code: 'invoice_not_open', message: 'This invoice was settled otherwise meanwhile; the charge was refunded.', invoice: invoice!, events: [] };
  }
  return settled;
}

/**
 * A charge of an open invoice that failed (declined, or no card to charge): a renewal
 * makes the subscription `past_due` and schedules retries, a retry counts toward the
 * schedule, the dev tools' pay counts an attempt (`invoice.payment_failed`); the
 * customer's own pay changes nothing. A processor that could not be reached counts nothing.
 */
export async function recordFailure(step: StepContext, purpose: PaymentPurpose, invoice: InvoiceRecord): Promise<void> {
  const attempts = (await step.store.getInvoiceAttempts(invoice.id))?.attempt_count ?? 0;
  if (purpose === 'renewal') {
    await settleSubscription(step, 'renewal', invoice, false);
  } else if (purpose === 'retry') {
    const sub = invoice.subscription_id ? await step.store.getSubscription(invoice.subscription_id) : null;
    if (sub) await recordFailedCharge(step, sub, invoice, attempts + 1);
  } else if (purpose === 'devtools') {
    // Stripe records a failed manual payment as an attempt; the dunning schedule stays as it was.
    await step.store.updateInvoicePayment(invoice.id, { attempt_count: attempts + 1 });
    await step.emit('invoice.payment_failed', invoice.subject, invoice);
  }
}

/** The outcome of a payment settled earlier (by a reconcile, or the first of two callers). */
async function answerOf(payment: PaymentRecord, invoice: InvoiceRecord, store: Store): Promise<InvoiceCharge> {
  if (payment.status === 'succeeded') {
    const subscription = invoice.subscription_id ? await store.getSubscription(invoice.subscription_id) : null;
    return { status: 'paid', invoice, subscription, events: [] };
  }
  return {
    status: 'failed',
    code: payment.failure_code ?? (payment.status === 'refunded' ? 'invoice_not_open' : 'card_declined'),
    message: payment.failure_message ?? 'The payment did not go through.',
    invoice,
    events: [],
  };
}

/** An invoice charge's failure as the error a customer's request answers. */
export function declined(charge: Extract<InvoiceCharge, { status: 'failed' }>): PaymentDeclined {
  return new PaymentDeclined(charge.code, charge.message);
}
