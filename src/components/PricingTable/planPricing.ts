import type { Interval, Plan, Price } from '../../contract/types';

/** The toggle's two choices. */
export type BillingInterval = Extract<Interval, 'month' | 'year'>;

/** The recurring (flat or per-unit) price of a plan for an interval, if it has one. */
export function priceFor(plan: Plan, interval: Interval): Price | undefined {
  return plan.prices.find((price) => price.model !== 'one_time' && price.interval === interval);
}

/**
 * The price a plan card shows for the selected interval: the plan's price for it, else
 * (a plan without that interval) its monthly price, else its first price.
 */
export function displayedPrice(plan: Plan, interval: BillingInterval): Price | undefined {
  return priceFor(plan, interval) ?? priceFor(plan, 'month') ?? plan.prices[0];
}

/**
 * How much a plan's yearly price saves against twelve monthly ones, in whole percent
 * (`8640` a year vs `900` a month → 20). `undefined` when it has not both, or saves nothing.
 */
export function annualSavingsPercent(plan: Plan): number | undefined {
  const monthly = priceFor(plan, 'month');
  const yearly = priceFor(plan, 'year');
  if (!monthly || !yearly || monthly.currency !== yearly.currency || monthly.amount <= 0) return undefined;
  const percent = Math.round((1 - yearly.amount / (monthly.amount * 12)) * 100);
  return percent > 0 ? percent : undefined;
}

/** Whether the toggle is worth showing: some plan has a monthly and some a yearly price. */
export function offersBothIntervals(plans: Plan[]): boolean {
  return plans.some((plan) => priceFor(plan, 'month')) && plans.some((plan) => priceFor(plan, 'year'));
}

/** The units a price is sold in: `[min, max]` (`max` `null`: no limit); `[1, 1]` for flat prices. */
export function quantityRange(price: Price): [number, number | null] {
  if (price.model !== 'per_unit') return [1, 1];
  const min = Math.max(1, price.min_quantity ?? 1);
  return [min, price.max_quantity ?? null];
}

/** `quantity` moved into the price's range (a whole number): what a checkout of it may ask for. */
export function clampQuantity(price: Price, quantity: number): number {
  const [min, max] = quantityRange(price);
  const whole = Number.isFinite(quantity) ? Math.round(quantity) : min;
  return Math.min(Math.max(whole, min), max ?? Infinity);
}
