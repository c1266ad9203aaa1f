import type { UsageSummary } from '../../contract/types';
import type { BillingContext } from './BillingContext';
import { isEntitled } from './entitlements';
import { iso, utcMonth } from './time';

/**
 * `GET /usage`: usage of `metric` in the current period. With an entitled subscription
 * (active, trialing, past_due) the period is its current period and the limit its
 * plan's; otherwise the period is the current UTC calendar month and the limit the free
 * tier's. A metric without a configured limit is unlimited (`null`).
 */
export async function getUsage(ctx: BillingContext, subject: string, metric: string): Promise<UsageSummary> {
  const now = ctx.now();
  const sub = await ctx.store.findCurrentSubscription(subject, now);
  const entitled = isEntitled(sub);
  const { start, end } = entitled
    ? { start: sub.current_period_start, end: sub.current_period_end }
    : utcMonth(now);
  const [quantity, limit] = await Promise.all([
    ctx.store.sumUsage(subject, metric, start, end),
    ctx.store.getUsageLimit(entitled ? sub.plan.id : null, metric),
  ]);
  return { metric, quantity, period_start: iso(start), period_end: iso(end), limit: limit?.limit ?? null };
}
