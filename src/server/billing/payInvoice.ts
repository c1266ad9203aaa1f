import type { Invoice } from '../../contract/types';
import { InvalidParameter, NotFound, PaymentDeclined } from '../domainErrors';
import { recordEvent } from '../webhooks/recordEvent';
import type { BillingContext } from './BillingContext';
import { toWireInvoice, toWireSubscription } from './wire';

/**
 * `POST /invoices/:id/pay`: charges an `open` invoice of the subject to its card on file
 * (another subject's is `NotFound`; any other status `InvalidParameter` `invoice_not_open`).
 * A decline, or no card, is `PaymentDeclined` and nothing changes. Paid: the invoice is
 * `paid` with its retries stopped (`invoice.paid`), and when its subscription is
 * `past_due`/`incomplete` and no open invoice remains, the subscription is `active`
 * (`subscription.updated`). `key` makes the processor's idempotency key, so a retried
 * request charges once.
 */
export async function payInvoice(ctx: BillingContext, subject: string, id: string, key: string): Promise<Invoice> {
  const invoice = await ctx.store.getInvoice(subject, id);
  if (!invoice) throw new NotFound('resource_missing', 'No such invoice.');
  if (invoice.status !== 'open') throw new InvalidParameter('invoice_not_open', `This invoice is ${invoice.status}, not open, so it cannot be paid.`);
  if (invoice.amount_due > 0) {
    const method = await ctx.store.getPaymentMethod(subject);
    const charge = ctx.processor.chargePaymentMethod;
    if (!method || !charge) throw new PaymentDeclined('no_payment_method', 'There is no card on file to charge; add one first.');
    const result = await charge.call(ctx.processor, {
      paymentMethod: method.processor_ref,
      amount: invoice.amount_due,
      currency: invoice.currency,
      description: `Invoice ${invoice.id}`,
      idempotencyKey: `${invoice.id}:pay:${key}`,
    });
    if (result.status === 'failed') throw new PaymentDeclined(result.code, result.message);
    if (result.status === 'requires_action') {
      throw new PaymentDeclined('authentication_required', 'The card asks for authentication; update the card and try again.');
    }
  }
  const now = ctx.now();
  const paid = { ...invoice, status: 'paid' as const, amount_paid: invoice.amount_due };
  await ctx.store.transaction(async (store) => {
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
  });
  ctx.onEventsWritten?.();
  return toWireInvoice(paid);
}
