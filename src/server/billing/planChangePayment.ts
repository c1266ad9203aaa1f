import { isEnded } from '../../contract/subscriptionRules';
import type { PaymentResult } from '../processor/types';
import type { PaymentRecord, PlannedChange } from '../store/records';
import type { InvoiceRecord, SubscriptionDetail } from '../store/records';
import type { Store } from '../store/Store';
import type { BillingContext } from './BillingContext';
import { createEmitter, type Emit, type LifecycleEvent } from './events';
import { refundLostCharge } from './payments';
import { saveSubscription } from './saveSubscription';

/** How a plan change's charge came out. */
export type PlanChangeOutcome =
  | { status: 'applied'; subscription: SubscriptionDetail }
  | { status: 'declined'; code: string; message: string }
  | { status: 'refunded'; message: string };

/**
 * Applies a decided plan change whose proration invoice (`draft`) is paid or owed nothing:
 * the invoice becomes `paid` (`invoice.created`, `invoice.paid`), the carried balance is
 * set, the subscription gets the new price and period (`subscription.updated`).
 */
export async function applyPlannedChange(store: Store, emit: Emit, sub: SubscriptionDetail, draft: InvoiceRecord | null, plan: PlannedChange): Promise<SubscriptionDetail> {
  if (draft) {
    const paid = { ...draft, status: 'paid' as const, amount_paid: draft.amount_due };
    await store.updateInvoicePayment(draft.id, { status: 'paid', amount_paid: draft.amount_due, attempt_count: draft.amount_due > 0 ? 1 : 0 });
    await emit('invoice.created', sub.subject, { ...draft, status: 'open', amount_paid: 0 });
    await emit('invoice.paid', sub.subject, paid);
  }
  if (plan.balance_after > 0 || (await store.getCustomerBalance(sub.subject))) {
    await store.setCustomerBalance({ subject: sub.subject, amount: plan.balance_after, currency: sub.price.currency });
  }
  const target = await store.getPrice(plan.price_id);
  const patch = {
    price_id: plan.price_id,
    quantity: plan.quantity ?? 1,
    pending_price_id: null,
    pending_quantity: null,
    current_period_start: new Date(plan.period_start),
    current_period_end: new Date(plan.period_end),
  };
  const saved = await saveSubscription(store, sub, patch);
  const next: SubscriptionDetail = { ...saved, ...(target ? { price: target.price, plan: target.plan } : {}), pending: null };
  await emit('subscription.updated', sub.subject, next);
  return next;
}

/** Whether the subscription is still the one the change was decided on: same price and quantity, same period, still live. */
function unchanged(sub: SubscriptionDetail | null, plan: PlannedChange): sub is SubscriptionDetail {
  return (
    sub !== null &&
    !isEnded(sub) &&
    sub.price_id === plan.from_price_id &&
    sub.quantity === (plan.from_quantity ?? 1) &&
    sub.current_period_end.toISOString() === plan.from_period_end
  );
}

/**
 * Step 3 of a plan change: its charge went through → the change is applied, if the
 * subscription is still the one it was decided on; otherwise (a checkout replaced it, a
 * renewal rolled its period) the charge is refunded and the draft removed. Declined (or
 * never received) → the draft is removed and nothing changes. A payment already settled
 * (by a reconcile, or a retry of the same request) is answered as it was.
 */
export async function settlePlanChangePayment(ctx: BillingContext, payment: PaymentRecord, result: PaymentResult): Promise<PlanChangeOutcome> {
  const events: LifecycleEvent[] = [];
  const now = ctx.now();
  const wall = ctx.wallNow();
  const plan = payment.plan!;
  const outcome = await ctx.store.transaction(async (store): Promise<PlanChangeOutcome | { refund: string }> => {
    const current = await store.getPayment(payment.id, { forUpdate: true });
    const sub = payment.subscription_id ? await store.getSubscription(payment.subscription_id) : null;
    if (sub) await store.findCurrentSubscription(sub.subject, now, { forUpdate: true });
    const draft = await store.lockInvoice(payment.object_id);
    if (!current || current.status !== 'pending') {
      if (current?.status === 'succeeded' && sub) return { status: 'applied', subscription: sub };
      if (current?.status === 'refunded') return { status: 'refunded', message: REFUNDED };
      return { status: 'declined', code: current?.failure_code ?? 'card_declined', message: current?.failure_message ?? 'The card was declined.' };
    }
    if (result.status !== 'succeeded') {
      const failure =
        result.status === 'failed'
          ? { code: result.code, message: result.message }
          : { code: 'authentication_required', message: 'The card asks for authentication; update the card and try again.' };
      await store.settlePayment(payment.id, ['pending'], { status: 'failed', failure_code: failure.code, failure_message: failure.message }, wall);
      await store.deleteDraftInvoice(payment.object_id);
      return { status: 'declined', ...failure };
    }
    if (!draft || draft.status !== 'draft' || !unchanged(sub, plan)) return { refund: result.paymentId };
    await store.settlePayment(payment.id, ['pending'], { status: 'succeeded', processor_payment_id: result.paymentId }, wall);
    const subscription = await applyPlannedChange(store, createEmitter(ctx, store, now, events), sub, draft, plan);
    return { status: 'applied', subscription };
  });
  if (events.length > 0) ctx.onEventsWritten?.();
  if (!('refund' in outcome)) return outcome;
  await refundLostCharge(ctx, payment, outcome.refund, REFUNDED);
  await ctx.store.deleteDraftInvoice(payment.object_id);
  return { status: 'refunded', message: REFUNDED };
}

const REFUNDED = 'The subscription changed while this plan change was being paid; the charge was refunded. Look at the subscription and try again.';
