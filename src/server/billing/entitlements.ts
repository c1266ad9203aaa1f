import { isEntitled as grants } from '../../contract/subscriptionRules';
import type { Entitlements } from '../../contract/types';
import type { SubscriptionDetail } from '../store/records';
import type { BillingContext } from './BillingContext';

/** Whether a subscription currently grants its plan (its status's `entitled` rule). */
export function isEntitled(sub: SubscriptionDetail | null): sub is SubscriptionDetail {
  return sub !== null && grants(sub);
}

/** `GET /entitlements`: the plan key, status and features, or all empty without an entitled subscription. */
export async function getEntitlements(ctx: BillingContext, subject: string): Promise<Entitlements> {
  const sub = await ctx.store.findCurrentSubscription(subject, ctx.now());
  if (!isEntitled(sub)) return { plan: null, status: null, features: [] };
  return { plan: sub.plan.key, status: sub.status, features: sub.plan.features };
}
