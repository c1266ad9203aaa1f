import type { PriceUsage, UsageSummary } from '../../contract/types';
import { LimitReached } from '../domainErrors';
import type { SubscriptionDetail } from '../store/records';
import type { BillingContext } from './BillingContext';
import { isEntitled } from './entitlements';
import { iso, utcMonth } from './time';
import { priceUsage } from './usagePricing';

/** Under this much of the period elapsed, a projection is the current figures (a rate over minutes says little). */
const MIN_PROJECTION_MS = 3_600_000;

/** The usage component of `metric` the subscription is billed (none during a trial: a trial bills no usage). */
function billedComponent(sub: SubscriptionDetail | null, metric: string): PriceUsage | undefined {
  if (!sub || sub.status === 'trialing') return undefined;
  return sub.price.usage?.find((c) => c.metric === metric);
}

/**
 * `GET /usage`: usage of `metric` in the current period. With an entitled subscription
 * (active, trialing, past_due) the period is its current period and the limit its
 * plan's; otherwise the period is the current UTC calendar month and the limit the free
 * tier's. A metric without a configured limit is unlimited (`null`).
 *
 * Billkit adds the cost: the price's `included` units, the `billable_quantity` beyond
 * them and its `amount` so far (rounded as the invoice line will be), and a `projection`
 * for the period end at the rate so far: `⌊quantity × period length / elapsed⌋` units,
 * priced the same way (the current figures with less than an hour elapsed or no usage).
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
  const component = entitled ? sub.price.usage?.find((c) => c.metric === metric) : undefined;
  const billed = billedComponent(entitled ? sub : null, metric);
  const cost = (q: number) => (billed ? priceUsage(billed, q).amount : 0);
  const elapsed = now.getTime() - start.getTime();
  const projected = elapsed < MIN_PROJECTION_MS || quantity === 0 ? quantity : Math.floor((quantity * (end.getTime() - start.getTime())) / elapsed);
  return {
    metric,
    quantity,
    period_start: iso(start),
    period_end: iso(end),
    limit: limit?.limit ?? null,
    included: component?.included ?? null,
    billable_quantity: component ? Math.max(0, quantity - component.included) : 0,
    amount: cost(quantity),
    currency: entitled ? sub.price.currency : null,
    projection: { quantity: projected, amount: cost(projected) },
  };
}

/**
 * Refuses usage past the plan's limit of a metric whose price says `at_limit: 'refuse'`:
 * `events` (per subject and metric, in order) would take the period's total past the
 * limit → `LimitReached` (`usage_limit_exceeded`, naming the first such event), and
 * nothing is recorded. Usage is thus recorded up to the limit, exactly. Prices that bill
 * past the limit (`bill`) and metrics without a limit are not checked.
 */
export async function checkUsageLimits(
  ctx: BillingContext,
  events: readonly { subject: string; metric: string; quantity: number }[],
  param: (index: number) => string | undefined,
): Promise<void> {
  // Nothing to check (the common case) costs one look at the cached catalogue.
  if (!(await ctx.store.anyUsageRefused())) return;
  const now = ctx.now();
  const totals = new Map<string, { remaining: number | null }>();
  for (let i = 0; i < events.length; i++) {
    const { subject, metric, quantity } = events[i]!;
    const key = `${subject}\u0000${metric}`;
    let state = totals.get(key);
    if (!state) {
      state = { remaining: await remainingUnderCap(ctx, subject, metric, now) };
      totals.set(key, state);
    }
    if (state.remaining === null) continue;
    if (quantity > state.remaining) {
      throw new LimitReached(
        'usage_limit_exceeded',
        `This would take ${metric} past the plan's limit for the period (${state.remaining} left); nothing was recorded.`,
        param(i),
      );
    }
    state.remaining -= quantity;
  }
}

/** Units of `metric` the subject may still record this period, or null when nothing caps it. */
async function remainingUnderCap(ctx: BillingContext, subject: string, metric: string, now: Date): Promise<number | null> {
  const sub = await ctx.store.findCurrentSubscription(subject, now);
  if (!isEntitled(sub)) return null;
  const component = sub.price.usage?.find((c) => c.metric === metric);
  if (component?.at_limit !== 'refuse') return null;
  const limit = (await ctx.store.getUsageLimit(sub.plan.id, metric))?.limit ?? null;
  if (limit === null) return null;
  return Math.max(0, limit - (await ctx.store.sumUsage(subject, metric, sub.current_period_start, sub.current_period_end)));
}
