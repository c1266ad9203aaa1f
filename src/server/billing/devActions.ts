import { Conflict, InvalidParameter, NotFound, PaymentDeclined } from '../domainErrors';
import type { InvoiceRecord, PaymentMethodRecord, SubscriptionDetail } from '../store/records';
import type { Store } from '../store/Store';
import { parseSubjectKey } from '../subjectKey';
import { recordEvent } from '../webhooks/recordEvent';
import type { BillingContext } from './BillingContext';
import { claimInvoiceCollection } from './collectInvoice';
import { chargeInvoice, DEFAULT_RETRY_DAYS, type LifecycleEvent, type StepContext } from './chargeInvoice';
import { toWireInvoice, toWireSubscription } from './wire';

/**
 * The billing side of the dev tools (`/api/dev/*`, dev mode only): steering a subject into
 * the states a billing page has to show. Each action is one transaction and fires the
 * webhook events the same change would fire in production.
 */

/** The test cards the dev tools put on file: Stripe's `pm_card_…` test payment methods. */
const TEST_CARDS = {
  paying: { processor_ref: 'pm_card_visa', brand: 'visa', last4: '4242' },
  // Stripe's 4000 0000 0000 0341: attaches, but every charge on it is declined.
  failing: { processor_ref: 'pm_card_chargeCustomerFail', brand: 'visa', last4: '0341' },
} as const;

/** Which test card a dev action puts on file. */
export type TestCardKind = keyof typeof TEST_CARDS;

/** The outcome of a dev invoice action: the invoice as it now is, and the events it fired. */
export interface DevInvoiceOutcome {
  invoice: InvoiceRecord;
  subscription: SubscriptionDetail | null;
  events: LifecycleEvent[];
}

/** Replaces the subject's card on file with a paying or an always-declining test card (test processor only). */
export async function setTestCard(ctx: BillingContext, subject: string, kind: TestCardKind): Promise<PaymentMethodRecord> {
  if (ctx.processor.name !== 'test') {
    throw new InvalidParameter('test_processor_only', 'Test cards can be switched only with the built-in test processor.');
  }
  const now = ctx.now();
  const method: PaymentMethodRecord = { subject, ...TEST_CARDS[kind], exp_month: 12, exp_year: now.getUTCFullYear() + 4, created_at: now };
  await ctx.store.savePaymentMethod(method);
  return method;
}

/** A step context for one dev action: its events are written in its transaction and collected. */
function devStep(ctx: BillingContext, store: Store, events: LifecycleEvent[]): StepContext {
  const at = ctx.now();
  return {
    ctx,
    store,
    at,
    retryDays: DEFAULT_RETRY_DAYS,
    async emit(type, subject, object) {
      const wire = 'plan' in object ? toWireSubscription(object) : toWireInvoice(object);
      await recordEvent(ctx, store, type, subject, wire, at);
      events.push({ type, subject: parseSubjectKey(subject).id, id: object.id, subjectKey: subject });
    },
  };
}

/** The subject's open invoice `invoiceId`; `NotFound` when it is not the subject's, `InvalidParameter` when it is not open. */
async function openInvoice(store: Store, subject: string, invoiceId: string): Promise<InvoiceRecord> {
  const invoice = await store.getInvoice(subject, invoiceId);
  if (!invoice) throw new NotFound('not_found', 'No such invoice.');
  if (invoice.status !== 'open') {
    throw new InvalidParameter('invoice_not_open', `The invoice is ${invoice.status}; only an open invoice can be paid or voided.`, 'id');
  }
  const { number: _number, lines: _lines, ...record } = invoice;
  return record;
}

/**
 * Takes the invoice's collection lease (as `POST /invoices/:id/pay` and dunning retries do),
 * so the devtools never pay or void an invoice someone is charging this instant.
 */
async function leaseInvoice(store: Store, invoiceId: string): Promise<void> {
  if (!(await claimInvoiceCollection(store, invoiceId))) {
    throw new Conflict('invoice_being_collected', 'This invoice is being charged right now; look again in a moment.');
  }
}

/** Once no invoice of a `past_due` / `incomplete` subscription is open, it is `active` again (as Stripe does). */
async function settleSubscription(step: StepContext, subscriptionId: string | null): Promise<SubscriptionDetail | null> {
  if (!subscriptionId) return null;
  const sub = await step.store.getSubscription(subscriptionId);
  if (!sub) return null;
  if ((sub.status === 'past_due' || sub.status === 'incomplete') && (await step.store.openInvoiceIds(sub.id)).length === 0) {
    const active = { ...sub, status: 'active' as const };
    await step.store.updateSubscription(sub.id, { status: 'active' });
    await step.emit('subscription.updated', sub.subject, active);
    return active;
  }
  return sub;
}

/**
 * Pays an open invoice now with the card on file. A decline counts as an attempt (the
 * invoice's `attempt_count`, `invoice.payment_failed`, as Stripe records a failed manual
 * payment; the dunning schedule is left as it was) and is then raised as a
 * `PaymentDeclined` (`card_declined`, …); paid, the invoice fires `invoice.paid` and a
 * subscription left with nothing open becomes `active`.
 */
export async function payInvoiceNow(ctx: BillingContext, subject: string, invoiceId: string): Promise<DevInvoiceOutcome> {
  const events: LifecycleEvent[] = [];
  let declined: PaymentDeclined | null = null;
  const outcome = await ctx.store.transaction(async (store) => {
    const step = devStep(ctx, store, events);
    const invoice = await openInvoice(store, subject, invoiceId);
    await leaseInvoice(store, invoice.id);
    const attempts = (await store.getInvoiceAttempts(invoice.id))?.attempt_count ?? 0;
    // Each attempt has its own number, so the processor's idempotency key differs from the last one's.
    const charge = await chargeInvoice(step, invoice, 'Invoice payment', attempts + 1);
    // Held in this transaction, the row stays locked until commit; given back either way.
    await store.releaseInvoiceCollection(invoice.id);
    if (!charge.paid) {
      await store.updateInvoicePayment(invoice.id, { attempt_count: attempts + 1 });
      await step.emit('invoice.payment_failed', subject, invoice);
      declined = new PaymentDeclined(charge.code, charge.message);
      return null;
    }
    const paid = { ...invoice, status: 'paid' as const, amount_paid: invoice.amount_due };
    await store.updateInvoicePayment(invoice.id, { status: 'paid', amount_paid: invoice.amount_due, attempt_count: attempts + 1, next_payment_attempt: null });
    await step.emit('invoice.paid', subject, paid);
    return { invoice: paid, subscription: await settleSubscription(step, invoice.subscription_id), events };
  });
  if (events.length > 0) ctx.onEventsWritten?.();
  if (declined || !outcome) throw declined ?? new PaymentDeclined('card_declined', 'The card was declined.');
  return outcome;
}

/**
 * Voids an open invoice: nothing more is collected on it (`invoice.voided`), and a
 * subscription left with nothing open becomes `active`, as Stripe does.
 */
export async function voidInvoice(ctx: BillingContext, subject: string, invoiceId: string): Promise<DevInvoiceOutcome> {
  const events: LifecycleEvent[] = [];
  const outcome = await ctx.store.transaction(async (store) => {
    const step = devStep(ctx, store, events);
    const invoice = await openInvoice(store, subject, invoiceId);
    await leaseInvoice(store, invoice.id);
    await store.releaseInvoiceCollection(invoice.id);
    if (!(await store.voidOpenInvoice(invoice.id))) throw new InvalidParameter('invoice_not_open', 'The invoice is no longer open.', 'id');
    const voided = { ...invoice, status: 'void' as const };
    await step.emit('invoice.voided', subject, voided);
    return { invoice: voided, subscription: await settleSubscription(step, invoice.subscription_id), events };
  });
  if (events.length > 0) ctx.onEventsWritten?.();
  return outcome;
}
