import { canResume, isEnded, needsPayment, subscriptionRules } from '../../contract/subscriptionRules';
import type { Subscription } from '../../contract/types';
import { Conflict, InvalidParameter, NotFound } from '../domainErrors';
import type { ProcessorSubscriptionRef, ProcessorSubscriptionState } from '../processor/types';
import type { SubscriptionDetail, SubscriptionRecord } from '../store/records';
import type { BillingContext } from './BillingContext';
import { periodAmount } from './quantity';
import { periodDiscount } from './renewSubscription';
import { iso } from './time';
import { transactionWithEvents } from './events';
import { toWireSubscription } from './wire';
import { saveSubscription } from './saveSubscription';

/**
 * The caller's subscription for `GET /subscription`: the newest one that has not ended
 * (active, trialing, past_due, paused, incomplete). One canceled immediately stays
 * visible, as `canceled`, until its paid period ends; then the answer is `null`.
 */
export async function getSubscription(ctx: BillingContext, subject: string): Promise<Subscription | null> {
  const now = ctx.now();
  const sub = await ctx.store.findCurrentSubscription(subject, now);
  if (!sub) return null;
  const wire = toWireSubscription(sub);
  // Only the states that need them read more, so the common GET /subscription stays one query.
  if (needsPayment(sub)) return { ...wire, latest_invoice: await latestOpenInvoice(ctx, sub) };
  if (sub.status === 'trialing' && !sub.cancel_at_period_end) return { ...wire, upcoming_invoice: await trialEndInvoice(ctx, sub, now) };
  return wire;
}

/** The newest open invoice of a subscription and its next retry (`latest_invoice`). */
async function latestOpenInvoice(ctx: BillingContext, sub: SubscriptionDetail): Promise<Subscription['latest_invoice']> {
  const id = (await ctx.store.openInvoiceIds(sub.id)).at(-1);
  const invoice = id ? await ctx.store.getInvoice(sub.subject, id) : null;
  if (!invoice) return null;
  const attempts = await ctx.store.getInvoiceAttempts(invoice.id);
  return {
    id: invoice.id,
    amount_due: invoice.amount_due,
    currency: invoice.currency,
    status: invoice.status,
    next_payment_attempt: attempts?.next_payment_attempt ? iso(attempts.next_payment_attempt) : null,
  };
}

/** What the end of a trial will charge (`upcoming_invoice`): the price less the promotion still running then. */
async function trialEndInvoice(ctx: BillingContext, sub: SubscriptionDetail, now: Date): Promise<Subscription['upcoming_invoice']> {
  const promo = sub.promotion_code ? await ctx.store.getPromotionCode(sub.promotion_code) : null;
  const date = sub.current_period_end;
  return {
    amount_due: periodAmount(sub.price, sub.quantity) - periodDiscount(sub, promo, date, true),
    currency: sub.price.currency,
    date: iso(date),
    days_until: Math.max(0, Math.ceil((date.getTime() - now.getTime()) / 86_400_000)),
  };
}

/** Whether `patch` would change any field of `sub` (dates compared by time). */
export function subscriptionPatchChanges(sub: SubscriptionRecord, patch: Partial<SubscriptionRecord>): boolean {
  return (Object.keys(patch) as (keyof SubscriptionRecord)[]).some((key) => {
    const a = patch[key];
    const b = sub[key];
    return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
  });
}

const noSubscription = () => new NotFound('no_subscription', 'There is no subscription to change.');

/** One change of a subscription: what the store gets, the event, and the processor's side of it. */
interface PlannedChange {
  patch: Partial<SubscriptionRecord>;
  event: 'subscription.canceled' | 'subscription.updated';
  /** Makes the change at the processor; absent when the processor does not hold the subscription. */
  atProcessor?: (ref: ProcessorSubscriptionRef) => Promise<ProcessorSubscriptionState>;
}

/**
 * Applies the change `plan` decides for the subject's current subscription (`null` =
 * nothing to do). A subscription the processor holds (`processor_ref`, and a processor
 * implementing the call) is changed there first, outside any transaction, and the store
 * then records the processor's answer; if the processor throws, nothing is written. The
 * event is written only when the store actually changed, so the processor's webhook for
 * the same change (before or after) never adds a second one.
 */
async function changeSubscription(
  ctx: BillingContext,
  subject: string,
  plan: (sub: SubscriptionDetail) => PlannedChange | null,
): Promise<Subscription> {
  const now = ctx.now();
  const before = await ctx.store.findCurrentSubscription(subject, now);
  if (!before) throw noSubscription();
  const planned = plan(before);
  const remote =
    planned?.atProcessor && before.processor_ref
      ? await planned.atProcessor({ processorRef: before.processor_ref, subscriptionId: before.id, subject })
      : null;
  const { result } = await transactionWithEvents(ctx, now, async (store, emit) => {
    const sub = await store.findCurrentSubscription(subject, now, { forUpdate: true });
    if (!sub) throw noSubscription();
    if (remote && sub.id !== before.id) {
      // A checkout switched plans while the processor call ran: the change was made to the old one.
      throw new Conflict('subscription_changed', 'The subscription changed while this request ran; try again.');
    }
    const change = remote && planned ? { ...planned, patch: remote } : plan(sub);
    if (!change || !subscriptionPatchChanges(sub, change.patch)) return { sub: change ? { ...sub, ...change.patch } : sub, changed: false };
    const saved = await saveSubscription(store, sub, change.patch);
    // A processor's answer may end a pending plan change (Stripe: its schedule released).
    const next = { ...saved, ...(change.patch.pending_price_id === null ? { pending: null } : {}) };
    await emit(change.event, next.subject, next);
    return { sub: next, changed: true };
  });
  return toWireSubscription(result.sub);
}

/**
 * Cancels the subject's live subscription: at the end of the period (access continues,
 * `cancel_at_period_end: true`; asking twice changes nothing) or at once (`canceled`).
 * A processor's subscription (Stripe) is canceled there first; a refusal is `ProcessorUnavailable`
 * `processor_error` and nothing changes. Fires `subscription.canceled` when something changed.
 */
export async function cancelSubscription(ctx: BillingContext, subject: string, atPeriodEnd: boolean): Promise<Subscription> {
  const { processor } = ctx;
  return changeSubscription(ctx, subject, (sub) => {
    if (!subscriptionRules[sub.status].canCancel) throw noSubscription();
    if (atPeriodEnd && sub.cancel_at_period_end) return null;
    return {
      patch: atPeriodEnd
        ? { cancel_at_period_end: true, canceled_at: ctx.now() }
        : { status: 'canceled', cancel_at_period_end: false, canceled_at: ctx.now(), ended_at: ctx.now() },
      event: 'subscription.canceled',
      ...(processor.cancelSubscription
        ? {
            atProcessor: async (ref) => {
              // Stripe refuses to change the cancellation of a subscription a schedule manages:
              // a pending plan change is dropped first, and goes from the store with
              // the processor's answer (no schedule attached).
              if (sub.pending_price_id && processor.cancelScheduledPlanChange) await processor.cancelScheduledPlanChange(ref);
              return processor.cancelSubscription!(ref, { atPeriodEnd });
            },
          }
        : {}),
    };
  });
}

/**
 * Reverses a pending cancellation (`cancel_at_period_end`) or a pause. Anything else is a
 * `InvalidParameter` `subscription_not_resumable` (an active subscription not pending cancellation, or
 * one already canceled); no subscription is `NotFound`. A processor's subscription is resumed
 * there first (`ProcessorUnavailable` and no change if it refuses). Fires `subscription.updated`.
 */
export async function resumeSubscription(ctx: BillingContext, subject: string): Promise<Subscription> {
  const { processor } = ctx;
  return changeSubscription(ctx, subject, (sub) => {
    const paused = sub.status === 'paused';
    if (!canResume(sub)) {
      throw new InvalidParameter('subscription_not_resumable',
        isEnded(sub)
          ? 'This subscription has been canceled and cannot be resumed; start a new checkout instead.'
          : 'This subscription is not paused or pending cancellation, so there is nothing to resume.',
      );
    }
    return {
      patch: paused ? { status: 'active', cancel_at_period_end: false } : { cancel_at_period_end: false, canceled_at: null },
      event: 'subscription.updated',
      ...(processor.resumeSubscription ? { atProcessor: (ref) => processor.resumeSubscription!(ref, { paused }) } : {}),
    };
  });
}
