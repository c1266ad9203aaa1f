import type { Invoice } from '../../contract/types';
import type { PaymentResult } from '../processor/types';
import type { InvoiceDetail } from '../store/records';
import { Conflict, InvalidParameter, NotFound, PaymentDeclined } from '../domainErrors';
import { recordEvent } from '../webhooks/recordEvent';
import type { BillingContext } from './BillingContext';
import { claimInvoiceCollection } from './collectInvoice';
import { toWireInvoice, toWireSubscription } from './wire';

const notOpen = (status: string) => new InvalidParameter('invoice_not_open', `This invoice is ${status}, not open, so it cannot be paid.`);

/**
 * `POST /invoices/:id/pay`: charges an `open` invoice of the subject (another subject's is
 * `NotFound`; any other status `InvalidParameter` `invoice_not_open`). The invoice's
 * collection lease is taken first, so a dunning retry of it cannot charge meanwhile (and
 * one running now makes this a `Conflict` `invoice_being_collected`, or, once it paid,
 * `invoice_not_open`). An invoice of a subscription the processor holds (Stripe) is paid
 * there (its id is the processor's invoice id); any other is charged to the card on file.
 * A decline, or no card, is `PaymentDeclined` and nothing changes. Paid: the invoice is
 * `paid` with its retries stopped (`invoice.paid`), and when its subscription is
 * `past_due`/`incomplete` and no open invoice remains, the subscription is `active`
 * (`subscription.updated`). `key` makes the processor's idempotency key, so a retried
 * request charges once.
 */
export async function payInvoice(ctx: BillingContext, subject: string, id: string, key: string): Promise<Invoice> {
  const invoice = await ctx.store.getInvoice(subject, id);
  if (!invoice) throw new NotFound('resource_missing', 'No such invoice.');
  if (invoice.status !== 'open') throw notOpen(invoice.status);
  if (!(await claimInvoiceCollection(ctx.store, invoice.id))) {
    const now = await ctx.store.getInvoice(subject, id);
    if (now && now.status !== 'open') throw notOpen(now.status);
    throw new Conflict('invoice_being_collected', 'This invoice is being charged right now; look again in a moment.');
  }
  let result: PaymentResult;
  try {
    result = await charge(ctx, invoice, key);
  } catch (error) {
    await ctx.store.releaseInvoiceCollection(invoice.id);
    throw error;
  }
  if (result.status !== 'succeeded') {
    await ctx.store.releaseInvoiceCollection(invoice.id);
    if (result.status === 'failed') throw new PaymentDeclined(result.code, result.message);
    throw new PaymentDeclined('authentication_required', 'The card asks for authentication; update the card and try again.');
  }
  const now = ctx.now();
  const paid = { ...invoice, status: 'paid' as const, amount_paid: invoice.amount_due };
  const wrote = await ctx.store.transaction(async (store) => {
    await store.releaseInvoiceCollection(invoice.id);
    // The processor's own webhook may have recorded the payment already: nothing twice.
    const current = await store.getInvoice(subject, id);
    if (current?.status !== 'open') return false;
    const attempts = await store.getInvoiceAttempts(invoice.id);
    await store.updateInvoicePayment(invoice.id, {
      status: 'paid',
      amount_paid: invoice.amount_due,
      attempt_count: (attempts?.attempt_count ?? 0) + 1,
      next_payment_attempt: null,
    });
    await recordEvent(ctx, store, 'invoice.paid', invoice.subject, toWireInvoice(paid), now);
    const sub = invoice.subscription_id ? await store.getSubscription(invoice.subscription_id) : null;
    if (sub && (sub.status === 'past_due' || sub.status === 'incomplete') && (await store.openInvoiceIds(sub.id)).length === 0) {
      await store.updateSubscription(sub.id, { status: 'active' });
      await recordEvent(ctx, store, 'subscription.updated', sub.subject, toWireSubscription({ ...sub, status: 'active' }), now);
    }
    return true;
  });
  if (wrote) ctx.onEventsWritten?.();
  return toWireInvoice(paid);
}

/** Charges the invoice where it lives: the processor's own invoice, or the card on file. Nothing due succeeds without a charge. */
async function charge(ctx: BillingContext, invoice: InvoiceDetail, key: string): Promise<PaymentResult> {
  const { processor } = ctx;
  const sub = invoice.subscription_id ? await ctx.store.getSubscription(invoice.subscription_id) : null;
  if (sub?.processor_ref && processor.payInvoice) {
    return processor.payInvoice({ invoiceRef: invoice.id, idempotencyKey: `billkit-pay-${invoice.id}-${key}` });
  }
  if (invoice.amount_due === 0) return { status: 'succeeded', paymentId: '' };
  const method = await ctx.store.getPaymentMethod(invoice.subject);
  if (!method || !processor.chargePaymentMethod) {
    return { status: 'failed', code: 'no_payment_method', message: 'There is no card on file to charge; add one first.' };
  }
  return processor.chargePaymentMethod({
    paymentMethod: method.processor_ref,
    amount: invoice.amount_due,
    currency: invoice.currency,
    description: `Invoice ${invoice.id}`,
    idempotencyKey: `${invoice.id}:pay:${key}`,
  });
}
