import type { PaymentResult } from '../processor/types';
import type { PaymentRecord } from '../store/records';
import type { BillingContext } from './BillingContext';

/**
 * The one charging path. Every charge the proxy makes (a checkout, a plan change, paying
 * an invoice, a renewal, a dunning retry, the dev tools' pay) is, in order:
 *
 * 1. **begun**: under the lock of the object it pays (the invoice, or the checkout
 *    session), the rule decides and writes a `pending` payment whose processor idempotency
 *    key is derived from the payment itself (`<object id>:<attempt>`), and commits;
 * 2. **made**: the processor is called with that key, outside any transaction
 *    ({@link makePayment});
 * 3. **settled**: the outcome is written with what it pays for, in one transaction, by the
 *    rule that began it (`settle…Payment`); a charge whose object moved on meanwhile is
 *    refunded ({@link refundLostCharge}).
 *
 * A crash between 1 and 3 leaves a `pending` payment of a process that is gone. Before its
 * object is charged again, and at start-up, {@link reconcilePayments} asks the processor
 * what became of its key and settles it as it happened, so the same attempt is never
 * charged twice and a charge that went through is never lost.
 */

/** What to do with a payment whose outcome is known: the rule that began it settles it. */
export type PaymentSettler = (ctx: BillingContext, payment: PaymentRecord, result: PaymentResult) => Promise<unknown>;

/** A failed processor call whose outcome could not be learnt: the payment stays pending, to be reconciled. */
const OUTCOME_UNKNOWN = 'outcome_unknown';

/**
 * Calls the processor for a begun payment, with its key. A call that throws (the network,
 * the processor down) is looked up by its key at once: found, its result is the answer;
 * never received, the payment is `failed` (`processor_error`, nothing charged, nothing
 * counted against the customer) and the error is raised; unknown, the payment is left
 * pending, marked for {@link reconcilePayments}, and the error is raised.
 */
export async function makePayment(ctx: BillingContext, payment: PaymentRecord, call: (idempotencyKey: string) => Promise<PaymentResult>): Promise<PaymentResult> {
  try {
    return await call(payment.idempotency_key);
  } catch (error) {
    const known = await retrieve(ctx, payment).catch(() => undefined);
    if (known) return known;
    const message = error instanceof Error ? error.message : String(error);
    if (known === null) {
      await ctx.store.settlePayment(payment.id, ['pending'], { status: 'failed', failure_code: 'processor_error', failure_message: message }, ctx.wallNow());
    } else {
      await ctx.store.markPaymentUnknown(payment.id, message);
    }
    throw error;
  }
}

/** The processor's record of a payment's key: its result, null when it never got it, undefined when it cannot tell. */
async function retrieve(ctx: BillingContext, payment: PaymentRecord): Promise<PaymentResult | null | undefined> {
  if (!ctx.processor.retrievePayment) return undefined;
  return ctx.processor.retrievePayment(payment.idempotency_key);
}

/** The answer for a payment whose process stopped before the processor received it. */
const ABANDONED: PaymentResult = {
  status: 'failed',
  code: 'payment_abandoned',
  message: 'The billing proxy stopped before this charge reached the payment processor; nothing was charged.',
};

/**
 * Settles the pending payments left by processes that are gone (or whose processor call
 * failed with an unknown outcome) as the processor saw them: charged → the rule that began
 * it applies it (or refunds it when its object moved on); never received → failed. A
 * processor that cannot be asked (no `retrievePayment`: Stripe, whose webhooks report its
 * payments) has them marked failed. `objectId` / `subject` narrow the sweep. Returns how
 * many were settled.
 */
export async function reconcilePayments(
  ctx: BillingContext,
  settlers: Record<PaymentRecord['purpose'], PaymentSettler>,
  filter: { objectId?: string; subject?: string } = {},
): Promise<number> {
  const pending = await ctx.store.unsettledPayments(filter);
  let settled = 0;
  for (const payment of pending) {
    if (payment.failure_code !== OUTCOME_UNKNOWN && (await ctx.store.isOwnerAlive(payment.owner))) continue;
    const result = await retrieve(ctx, payment);
    if (result === undefined && ctx.processor.retrievePayment) continue;
    await settlers[payment.purpose](ctx, payment, result ?? ABANDONED);
    settled++;
  }
  return settled;
}

/**
 * Gives back a charge that went through for an object that no longer wanted it (the
 * subscription it paid a change of moved on, the invoice was settled otherwise). The
 * refund's key is the charge's, so a repeated refund is one refund; the payment is then
 * `refunded`. A processor that cannot refund leaves it `succeeded` and says so in the log.
 */
export async function refundLostCharge(ctx: BillingContext, payment: PaymentRecord, paymentId: string, reason: string): Promise<void> {
  if (!ctx.processor.refundPayment) {
    console.error(`[billkit-proxy] payment ${payment.id} (${payment.amount} ${payment.currency}) lost a race and the processor cannot refund it: ${reason}`);
    await ctx.store.settlePayment(payment.id, ['pending', 'requires_action'], { status: 'succeeded', processor_payment_id: paymentId, failure_message: reason }, ctx.wallNow());
    return;
  }
  const { refundId } = await ctx.processor.refundPayment({
    paymentId,
    amount: payment.amount,
    currency: payment.currency,
    reason,
    idempotencyKey: `${payment.idempotency_key}:refund`,
  });
  await ctx.store.settlePayment(
    payment.id,
    ['pending', 'requires_action', 'succeeded'],
    { status: 'refunded', processor_payment_id: paymentId, refund_id: refundId, failure_message: reason },
    ctx.wallNow(),
  );
}
