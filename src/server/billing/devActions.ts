import { InvalidParameter, NotFound } from '../domainErrors';
import type { InvoiceRecord, PaymentMethodRecord, SubscriptionDetail } from '../store/records';
import type { Store } from '../store/Store';
import type { BillingContext } from './BillingContext';
import { iso } from './time';
import type { LifecycleEvent } from './events';
import { BEING_COLLECTED, stepOf } from './invoicePayment';
import { markInvoiceVoid, reactivateWhenSettled } from './invoiceTransitions';
import { chargeInvoiceNow } from './payInvoice';

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

/** The subject's open invoice `invoiceId`; `NotFound` when it is not the subject's, `InvalidParameter` when it is not open. */
async function openInvoice(store: Store, subject: string, invoiceId: string): Promise<InvoiceRecord> {
  const invoice = await store.getInvoice(subject, invoiceId);
  if (!invoice) throw new NotFound('not_found', 'No such invoice.');
  if (invoice.status !== 'open') {
    throw new InvalidParameter('invoice_not_open', `The invoice is ${invoice.status}; only an open invoice can be paid or voided.`, 'id');
  }
  const { number: _number, ...record } = invoice;
  return record;
}

/**
 * Pays an open invoice now with the card on file. A decline counts as an attempt (the
 * invoice's `attempt_count`, `invoice.payment_failed`, as Stripe records a failed manual
 * payment; the dunning schedule is left as it was) and is then raised as a
 * `PaymentDeclined` (`card_declined`, …); paid, the invoice fires `invoice.paid` and a
 * subscription left with nothing open becomes `active`.
 */
export async function payInvoiceNow(ctx: BillingContext, subject: string, invoiceId: string): Promise<DevInvoiceOutcome> {
  await openInvoice(ctx.store, subject, invoiceId);
  const charge = await chargeInvoiceNow(ctx, subject, invoiceId, 'devtools', null);
  return { invoice: charge.invoice, subscription: charge.subscription, events: charge.events };
}

/**
 * Voids an open invoice: nothing more is collected on it (`invoice.voided`), and a
 * subscription left with nothing open becomes `active`, as Stripe does. Refused while a
 * payment of it is being made (`invoice_being_collected`).
 */
export async function voidInvoice(ctx: BillingContext, subject: string, invoiceId: string): Promise<DevInvoiceOutcome> {
  const events: LifecycleEvent[] = [];
  const outcome = await ctx.store.transaction(async (store) => {
    const step = stepOf(ctx, store, events);
    await store.lockInvoice(invoiceId);
    const invoice = await openInvoice(store, subject, invoiceId);
    if ((await store.unsettledPayments({ objectId: invoice.id })).length > 0) throw BEING_COLLECTED();
    if (!(await markInvoiceVoid(step, invoice))) throw new InvalidParameter('invoice_not_open', 'The invoice is no longer open.', 'id');
    return { invoice: { ...invoice, status: 'void' as const }, subscription: await reactivateWhenSettled(step, invoice.subscription_id), events };
  });
  if (events.length > 0) ctx.onEventsWritten?.();
  return outcome;
}

/**
 * The subject's payments, newest first, each with what the processor recorded for its key
 * (the test processor's ledger; `null` with a processor whose ledger the proxy cannot read):
 * how the dev tools, and a developer, count money and not only rows.
 */
export async function listPayments(ctx: BillingContext, subject: string, limit: number) {
  const payments = await ctx.store.listPayments(subject, limit);
  const keys = payments.flatMap((p) => [p.idempotency_key, `${p.idempotency_key}:refund`]);
  const entries = ctx.processor.name === 'test' ? await ctx.store.listTestProcessorCharges(keys) : null;
  return payments.map((p) => {
    const charge = entries?.find((e) => e.idempotency_key === p.idempotency_key) ?? null;
    const refund = entries?.find((e) => e.idempotency_key === `${p.idempotency_key}:refund`) ?? null;
    return {
      id: p.id,
      purpose: p.purpose,
      object: { kind: p.object_kind, id: p.object_id },
      attempt: p.attempt,
      idempotency_key: p.idempotency_key,
      amount: p.amount,
      currency: p.currency,
      status: p.status,
      failure_code: p.failure_code,
      created_at: iso(p.created_at),
      settled_at: p.settled_at ? iso(p.settled_at) : null,
      processor: entries
        ? {
            charged: charge?.status === 'succeeded' ? charge.amount : 0,
            refunded: refund?.status === 'succeeded' ? refund.amount : 0,
            status: charge?.status ?? null,
          }
        : null,
    };
  });
}
