import { isEnded } from '../../contract/subscriptionRules';
import type { Subscription } from '../../contract/types';
import { Conflict, InvalidParameter, PaymentDeclined } from '../domainErrors';
import type { ProcessorPlanChangeInput } from '../processor/planChangeTypes';
import type { ProcessorSubscriptionRef } from '../processor/types';
import type { SubscriptionDetail, SubscriptionRecord } from '../store/records';
import type { BillingContext } from './BillingContext';
import type { PlannedPlanChange } from './previewPlanChange';
import { subscriptionPatchChanges } from './subscriptions';
import { transactionWithEvents } from './events';
import { toWireSubscription } from './wire';
import { saveSubscription } from './saveSubscription';

/**
 * Plan changes for subscriptions a processor holds (Stripe). The billing rules are the test
 * processor's (`planPlanChange` decides now or at the period end); the processor carries
 * the change out and its answer is what the store records, so its webhooks about the same
 * change find nothing new.
 */

const refOf = (sub: SubscriptionDetail): ProcessorSubscriptionRef => ({
  processorRef: sub.processor_ref!,
  subscriptionId: sub.id,
  subject: sub.subject,
});

function changeInput(d: PlannedPlanChange, now: Date): ProcessorPlanChangeInput {
  const trialing = d.sub.status === 'trialing';
  return {
    ref: refOf(d.sub),
    price: d.target.price,
    plan: d.target.plan,
    quantity: d.quantity,
    prorationDate: now,
    // A trial changes plan without a charge and keeps its end: no proration, no new anchor.
    prorate: !trialing,
    resetPeriod: !trialing && d.target.price.interval !== d.sub.price.interval,
  };
}

/**
 * A change effective now, priced by the processor: its proration invoice's lines and
 * amount due replace the proxy's own arithmetic (they agree to the second; the
 * processor's is what it will charge). A net credit stays with the processor's customer
 * balance and comes off the next invoice. Trials and period-end changes charge nothing
 * today and need no processor call.
 */
export async function processorPreview(ctx: BillingContext, d: PlannedPlanChange): Promise<PlannedPlanChange> {
  if (d.effective !== 'now' || d.sub.status === 'trialing') return d;
  const preview = await ctx.processor.previewPlanChange!(changeInput(d, d.at));
  const credit = Math.max(0, -preview.total);
  return {
    ...d,
    lines: preview.lines.map((l) => ({ ...l, description: l.description ?? d.target.plan.name })),
    amountDueToday: preview.amount_due,
    balanceAfter: credit,
    // planPlanChange priced the next invoice less its own credit estimate; use the processor's.
    nextInvoice: { ...d.nextInvoice, amount: Math.max(0, d.nextInvoice.amount + d.balanceAfter - credit) },
  };
}

/**
 * `POST /subscription/change` for a processor's subscription:
 * - now: the processor changes the price and quantity (more seats) and charges the proration at once; a decline is
 *   `PaymentDeclined` with its code and nothing changes (there or here). A pending
 *   period-end change is dropped at the processor once the change went through.
 * - at the period end (a downgrade, fewer seats): the processor schedules the switch;
 *   `pending_price_id` and `pending_quantity` are set.
 * - the current price: the scheduled switch is dropped; `pending_price_id` cleared
 *   (`InvalidParameter` `same_price` when none is pending).
 * `key` (from the request's Idempotency-Key) makes the processor's idempotency keys.
 */
export async function changeProcessorPlan(
  ctx: BillingContext,
  sub: SubscriptionDetail,
  decided: PlannedPlanChange | 'same',
  key: string,
): Promise<Subscription> {
  const { processor } = ctx;
  const ref = refOf(sub);
  const idempotencyKey = `billkit-change-${sub.id}-${key}`;
  if (decided === 'same') {
    if (!sub.pending_price_id) throw new InvalidParameter('same_price', 'The subscription is already on this price.', 'price_id');
    await processor.cancelScheduledPlanChange!(ref);
    return record(ctx, sub, { pending_price_id: null, pending_quantity: null });
  }
  if (decided.effective === 'period_end') {
    await processor.schedulePlanChange!(ref, { price: decided.target.price, plan: decided.target.plan, quantity: decided.quantity, idempotencyKey });
    return record(ctx, sub, { pending_price_id: decided.target.price.id, pending_quantity: decided.quantity });
  }
  const result = await processor.changePlanNow!({ ...changeInput(decided, decided.at), idempotencyKey });
  if (result.status === 'failed') throw new PaymentDeclined(result.code, result.message);
  // A pending period-end switch would undo this one when its phase starts: drop it, now that
  // the change went through (on a decline it stays, as everything else does).
  if (sub.pending_price_id) await processor.cancelScheduledPlanChange!(ref);
  return record(ctx, sub, { ...result.state, price_id: decided.target.price.id, quantity: decided.quantity, pending_price_id: null, pending_quantity: null });
}

/**
 * Records the processor's answer on the subscription, if it is still the one changed (else
 * `Conflict`), and fires `subscription.updated` only when something changed: the
 * processor's webhook may have been first.
 */
async function record(ctx: BillingContext, before: SubscriptionDetail, patch: Partial<SubscriptionRecord>): Promise<Subscription> {
  const now = ctx.now();
  const { result } = await transactionWithEvents(ctx, now, async (store, emit) => {
    const sub = await store.getSubscription(before.id);
    if (!sub || isEnded(sub)) {
      throw new Conflict('subscription_changed', 'The subscription changed while this request ran; try again.');
    }
    if (!subscriptionPatchChanges(sub, patch)) return { sub, changed: false };
    await saveSubscription(store, sub, patch);
    // Re-read: a new price_id brings its price and plan, pending_price_id its pending change.
    const next = (await store.getSubscription(sub.id))!;
    await emit('subscription.updated', next.subject, next);
    return { sub: next, changed: true };
  });
  return toWireSubscription(result.sub);
}
