import { isEntitled as grants } from '../../contract/subscriptionRules';
import type { Entitlements } from '../../contract/types';
import type { SubscriptionDetail } from '../store/records';
import type { BillingContext } from './BillingContext';
import { isPerUnit } from './quantity';

/** Whether a subscription currently grants its plan (its status's `entitled` rule). */
export function isEntitled(sub: SubscriptionDetail | null): sub is SubscriptionDetail {
  return sub !== null && grants(sub);
}

/** `GET /entitlements`: the plan key, status, features and seats (a per-unit subscription's quantity), or all empty without an entitled subscription. */
export async function getEntitlements(ctx: BillingContext, subject: string): Promise<Entitlements> {
  const sub = await ctx.store.findCurrentSubscription(subject, ctx.now());
  if (!isEntitled(sub)) return { plan: null, status: null, features: [] };
  const entitlements: Entitlements = { plan: sub.plan.key, status: sub.status, features: sub.plan.features };
  // Only per-unit subscriptions add `seats`, so every other answer stays the seed document's shape.
  if (isPerUnit(sub.price)) entitlements.seats = sub.quantity;
  return entitlements;
}
