import type { PriceUsage } from '../../contract/types';
import type { InvoiceLineRecord, PriceRecord } from '../store/records';
import { isPerUnit } from './quantity';
import { priceUsage } from './usagePricing';

/**
 * The invoice lines each rule writes, one builder per kind, so every invoice's
 * `amount_due` is the sum of its lines (discounts are negative lines).
 */

const line = (fields: Pick<InvoiceLineRecord, 'kind' | 'description' | 'amount'> & Partial<InvoiceLineRecord>): InvoiceLineRecord => ({
  quantity: 1,
  unit_amount: fields.amount,
  period_start: null,
  period_end: null,
  metric: null,
  tiers: null,
  ...fields,
});

/** A price of the plan for the period `[start, end)`, billed in advance. */
export const subscriptionLine = (description: string, amount: number, start: Date, end: Date) =>
  line({ kind: 'subscription', description, amount, period_start: start, period_end: end });

/** A per-unit price's units (seats) for the period `[start, end)`, billed in advance: `quantity` × `unitAmount`. */
export const seatsLine = (description: string, quantity: number, unitAmount: number, start: Date, end: Date) =>
  line({ kind: 'seats', description, quantity, unit_amount: unitAmount, amount: quantity * unitAmount, period_start: start, period_end: end });

/** One period of `price` at `quantity`, in advance: seats for a per-unit price, the subscription's line otherwise. */
export const periodLine = (price: PriceRecord, quantity: number, description: string, start: Date, end: Date) =>
  isPerUnit(price) ? seatsLine(description, quantity, price.amount, start, end) : subscriptionLine(description, price.amount, start, end);

/** What a promotion or a spent customer balance takes off (positive `amount` in, a negative line out). */
export const discountLine = (description: string, amount: number) => line({ kind: 'discount', description, amount: -amount, unit_amount: -amount });

/** A plan change's credit or charge for part of a period. */
export const prorationLine = (description: string, amount: number, start: Date | null, end: Date | null) =>
  line({ kind: 'proration', description, amount, period_start: start, period_end: end });

/** What `quantity` units of the period `[start, end)` cost under `component`, billed in arrears. */
export function usageLine(component: PriceUsage, quantity: number, start: Date, end: Date): InvoiceLineRecord {
  const price = priceUsage(component, quantity);
  const name = component.metric.replace(/_/g, ' ');
  const included = component.included > 0 ? ` (${component.included.toLocaleString('en-US')} included)` : '';
  return line({
    kind: 'usage',
    description: `Usage: ${quantity.toLocaleString('en-US')} ${name}${included}`,
    quantity,
    unit_amount: null,
    amount: price.amount,
    period_start: start,
    period_end: end,
    metric: component.metric,
    tiers: price.tiers,
  });
}

/** The sum of the lines: what the invoice is due before payments. */
export const sumLines = (lines: readonly InvoiceLineRecord[]) => lines.reduce((s, l) => s + l.amount, 0);
