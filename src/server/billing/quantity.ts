import { InvalidParameter } from '../domainErrors';
import type { PlanRecord, PriceRecord } from '../store/records';

/**
 * Quantities of per-unit (seat) prices. A flat price is always quantity 1; a per-unit
 * price charges `amount` per unit, in `min_quantity` (default 1) to `max_quantity`
 * (default unbounded) units, and never more than {@link MAX_PERIOD_AMOUNT} a period.
 */

/** The most one period may cost (Stripe's largest charge in minor units), so no total overflows an invoice. */
const MAX_PERIOD_AMOUNT = 99_999_999;

export const isPerUnit = (price: PriceRecord): boolean => price.model === 'per_unit';

/** What one period of `price` costs for `quantity` units, before any discount. */
export const periodAmount = (price: PriceRecord, quantity: number): number => price.amount * quantity;

/**
 * The quantity a checkout or a change asks for, checked against the price: absent → the
 * price's `min_quantity` (1 for flat prices); a flat price other than 1, or a per-unit
 * quantity outside its range, is `InvalidParameter` `parameter_invalid` on `param`.
 */
export function checkQuantity(price: PriceRecord, plan: PlanRecord, requested: number | undefined, param = 'quantity'): number {
  if (!isPerUnit(price)) {
    if (requested !== undefined && requested !== 1) {
      throw new InvalidParameter('parameter_invalid', `The ${plan.name} price is a flat price; its quantity can only be 1.`, param);
    }
    return 1;
  }
  const min = price.min_quantity ?? 1;
  const max = price.max_quantity ?? null;
  const quantity = requested ?? min;
  if (!Number.isInteger(quantity) || quantity < min || (max !== null && quantity > max)) {
    const range = max === null ? `at least ${units(price, min)}` : `${min} to ${units(price, max)}`;
    throw new InvalidParameter('parameter_invalid', `${plan.name} is sold for ${range}; ${quantity} is outside that.`, param);
  }
  if (periodAmount(price, quantity) > MAX_PERIOD_AMOUNT) {
    throw new InvalidParameter('parameter_invalid', `${quantity} × ${price.amount} is more than one period can charge; choose fewer.`, param);
  }
  return quantity;
}

/** "5 seats", "1 seat" (the unit label, "unit" without one); English, as the invoices and the hosted page are. */
function units(price: PriceRecord, quantity: number): string {
  const label = price.unit_label || 'unit';
  return `${quantity} ${quantity === 1 ? label : `${label}s`}`;
}

/** How a line names a plan at a quantity: "Team × 5 seats" for a per-unit price, the plan's name otherwise. */
export function planAtQuantity(plan: PlanRecord, price: PriceRecord, quantity: number): string {
  return isPerUnit(price) ? `${plan.name} × ${units(price, quantity)}` : plan.name;
}
