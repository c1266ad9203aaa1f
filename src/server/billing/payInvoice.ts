import type { Invoice } from '../../contract/types';
import { PaymentDeclined } from '../domainErrors';
import type { BillingContext } from './BillingContext';
import { beginInvoicePayment, chargeBegunInvoice, declined, settleInvoicePayment, type InvoiceCharge } from './invoicePayment';
import { reconcile } from './settlePayments';
import { toWireInvoice } from './wire';

/**
 * `POST /invoices/:id/pay`: charges an `open` invoice of the subject (another subject's is
 * `NotFound`; any other status `InvalidParameter` `invoice_not_open`) through the one
 * charging path (billing/payments.ts): a payment is written under the invoice's lock
 * before the processor is called, so a dunning retry of it cannot charge meanwhile (one
 * running now makes this a `Conflict` `invoice_being_collected`). An invoice of a
 * subscription the processor holds (Stripe) is paid there; any other is charged to the
 * card on file. A decline, or no card, is `PaymentDeclined` and nothing changes. Paid: the
 * invoice is `paid` with its retries stopped (`invoice.paid`), and when its subscription
 * is `past_due`/`incomplete` and no open invoice remains, the subscription is `active`
 * (`subscription.updated`). `requestKey` (the request's Idempotency-Key) lets its retry
 * after a crash answer the payment it made instead of refusing a paid invoice.
 */
export async function payInvoice(ctx: BillingContext, subject: string, id: string, requestKey: string | null): Promise<Invoice> {
  return toWireInvoice((await chargeInvoiceNow(ctx, subject, id, 'invoice_pay', requestKey)).invoice);
}

/** Pays an open invoice of `subject` now, for the customer (`invoice_pay`) or the dev tools (`devtools`). */
export async function chargeInvoiceNow(
  ctx: BillingContext,
  subject: string,
  id: string,
  purpose: 'invoice_pay' | 'devtools',
  requestKey: string | null,
): Promise<Extract<InvoiceCharge, { status: 'paid' }>> {
  // A payment of this invoice left by a process that is gone is settled first, as it happened.
  await reconcile(ctx, { objectId: id });
  const begun = await ctx.store.transaction((store) => beginInvoicePayment(ctx, store, id, { purpose, requestKey, subject }));
  if (begun.status === 'nothing_to_charge') throw new PaymentDeclined(begun.code, begun.message);
  if (begun.status === 'done') {
    if (begun.charge.events.length > 0) ctx.onEventsWritten?.();
    if (begun.charge.status === 'failed') throw declined(begun.charge);
    return begun.charge;
  }
  const charge = await settleInvoicePayment(ctx, begun.payment, await chargeBegunInvoice(ctx, begun, `Invoice ${id}`));
  if (charge.status === 'failed') throw declined(charge);
  return charge;
}
