import type { PaymentResult } from '../processor/types';
import type { PaymentRecord } from '../store/records';
import type { SubscriptionDetail } from '../store/records';
import type { BillingContext } from './BillingContext';
import { fulfilCheckout } from './fulfilCheckout';
import { refundLostCharge } from './payments';

/** How a checkout's charge came out. */
export type CheckoutPaymentOutcome =
  | { status: 'succeeded'; subscription: SubscriptionDetail }
  | { status: 'requires_action' }
  | { status: 'failed'; code: string; message: string; param?: string };

/**
 * Step 3 of a checkout's charge. Succeeded: the payment is settled with the session (paid,
 * its card kept on file for renewals) in one transaction, then the session is fulfilled
 * (once: the subscription, its paid first invoice, the events). A second charge of a
 * session another payment already paid is refunded. 3-D Secure asked for: the payment and
 * the session wait for the customer. Declined: the session stays open for another card.
 * `result` null: the payment succeeded earlier (a crash before fulfilment) and is only
 * fulfilled now.
 */
export async function settleCheckoutPayment(ctx: BillingContext, payment: PaymentRecord, result: PaymentResult | null): Promise<CheckoutPaymentOutcome> {
  const wall = ctx.wallNow();
  const settled = await ctx.store.transaction(async (store): Promise<CheckoutPaymentOutcome | 'fulfil' | { refund: string }> => {
    const row = await store.getCheckoutSession(payment.object_id, { forUpdate: true });
    const current = await store.getPayment(payment.id, { forUpdate: true });
    if (!row || !current) return { status: 'failed', code: 'resource_missing', message: 'No such checkout session.' };
    if (result === null || current.status === 'succeeded') return 'fulfil';
    if (current.status !== 'pending' && current.status !== 'requires_action') {
      return { status: 'failed', code: current.failure_code ?? 'card_declined', message: current.failure_message ?? 'Your card was declined.' };
    }
    if (result.status === 'failed') {
      await store.settlePayment(payment.id, ['pending', 'requires_action'], { status: 'failed', failure_code: result.code, failure_message: result.message }, wall);
      if (row.status === 'requires_action') await store.updateCheckoutSession(row.id, { status: 'open', payment_id: null });
      return { status: 'failed', code: result.code, message: result.message, ...(result.param ? { param: result.param } : {}) };
    }
    if (result.status === 'requires_action') {
      await store.settlePayment(payment.id, ['pending'], { status: 'requires_action', processor_payment_id: result.paymentId }, wall);
      await store.updateCheckoutSession(row.id, { status: 'requires_action', payment_id: result.paymentId });
      return { status: 'requires_action' };
    }
    const others = await store.paymentsOf('checkout', row.id);
    if (row.status === 'complete' || others.some((p) => p.id !== payment.id && p.status === 'succeeded')) return { refund: result.paymentId };
    await store.settlePayment(payment.id, ['pending', 'requires_action'], { status: 'succeeded', processor_payment_id: result.paymentId }, wall);
    await store.updateCheckoutSession(row.id, { payment_id: result.paymentId, paid_at: ctx.now() });
    if (result.paymentMethod) {
      const { processorRef, ...card } = result.paymentMethod;
      await store.savePaymentMethod({ subject: row.subject, processor_ref: processorRef, ...card, created_at: ctx.now() });
    }
    return 'fulfil';
  });
  if (settled === 'fulfil') {
    const fresh = await ctx.store.getPayment(payment.id);
    return { status: 'succeeded', subscription: await fulfilCheckout(ctx, payment.object_id, fresh?.processor_payment_id ?? null) };
  }
  if ('refund' in settled) {
    await refundLostCharge(ctx, payment, settled.refund, `Checkout ${payment.object_id} was already paid by another charge.`);
    const row = await ctx.store.getCheckoutSession(payment.object_id);
    const sub = row?.subscription_id ? await ctx.store.getSubscription(row.subscription_id) : null;
    if (sub) return { status: 'succeeded', subscription: sub };
    return { status: 'succeeded', subscription: await fulfilCheckout(ctx, payment.object_id, row?.payment_id ?? null) };
  }
  return settled;
}
