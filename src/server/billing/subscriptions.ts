import type { Subscription } from '../../client/types';
import { ProxyError } from '../errors';
import { recordEvent } from '../webhooks/recordEvent';
import type { BillingContext } from './BillingContext';
import { toWireSubscription } from './wire';

/**
 * The caller's subscription for `GET /subscription`: the newest one that is live
 * (active, trialing, past_due, paused, incomplete). One canceled immediately stays
 * visible, as `canceled`, until its paid period ends; then the answer is `null`.
 */
export async function getSubscription(ctx: BillingContext, subject: string): Promise<Subscription | null> {
  const sub = await ctx.store.findCurrentSubscription(subject, ctx.now());
  return sub ? toWireSubscription(sub) : null;
}

const noSubscription = () => new ProxyError(404, 'no_subscription', 'There is no subscription to change.');

/**
 * Cancels the subject's live subscription: at the end of the period (access continues,
 * `cancel_at_period_end: true`; asking twice changes nothing) or at once (`canceled`).
 * Fires `subscription.canceled` when something changed.
 */
export async function cancelSubscription(
  ctx: BillingContext,
  subject: string,
  atPeriodEnd: boolean,
): Promise<Subscription> {
  const now = ctx.now();
  const result = await ctx.store.transaction(async (store) => {
    const sub = await store.findCurrentSubscription(subject, now, { forUpdate: true });
    if (!sub || sub.status === 'canceled') throw noSubscription();
    if (atPeriodEnd && sub.cancel_at_period_end) return { sub, changed: false };
    const patch = atPeriodEnd
      ? { cancel_at_period_end: true }
      : { status: 'canceled' as const, cancel_at_period_end: false, canceled_at: now };
    await store.updateSubscription(sub.id, patch);
    const updated = { ...sub, ...patch };
    await recordEvent(ctx, store, 'subscription.canceled', toWireSubscription(updated), now);
    return { sub: updated, changed: true };
  });
  if (result.changed) ctx.onEventsWritten?.();
  return toWireSubscription(result.sub);
}

/**
 * Reverses a pending cancellation (`cancel_at_period_end`) or a pause. Anything else is a
 * 400 `subscription_not_resumable` (an active subscription not pending cancellation, or
 * one already canceled); no subscription is a 404. Fires `subscription.updated`.
 */
export async function resumeSubscription(ctx: BillingContext, subject: string): Promise<Subscription> {
  const now = ctx.now();
  const updated = await ctx.store.transaction(async (store) => {
    const sub = await store.findCurrentSubscription(subject, now, { forUpdate: true });
    if (!sub) throw noSubscription();
    let patch;
    if (sub.status === 'paused') patch = { status: 'active' as const, cancel_at_period_end: false };
    else if (sub.cancel_at_period_end && sub.status !== 'canceled') patch = { cancel_at_period_end: false };
    else {
      throw new ProxyError(
        400,
        'subscription_not_resumable',
        sub.status === 'canceled'
          ? 'This subscription has been canceled and cannot be resumed; start a new checkout instead.'
          : 'This subscription is not paused or pending cancellation, so there is nothing to resume.',
      );
    }
    await store.updateSubscription(sub.id, patch);
    const next = { ...sub, ...patch };
    await recordEvent(ctx, store, 'subscription.updated', toWireSubscription(next), now);
    return next;
  });
  ctx.onEventsWritten?.();
  return toWireSubscription(updated);
}
