// <UsageMeter/>'s strings, beside it, and their group in `BillingLabels`.
import type { UsageMeterLabels } from '../../contract/labels/usageMeterLabels';

/** The default (English) strings of `<UsageMeter/>`. */
export const defaultUsageMeterLabels: UsageMeterLabels = {
  usageOf: (quantity, limit) => `${quantity} of ${limit}`,
  used: (quantity) => `${quantity} used`,
  unlimited: 'Unlimited',
  resetsOn: (date) => `Resets on ${date}`,
  nearLimit: 'Near limit',
  overLimit: 'Over limit',
  limitReached: 'Limit reached',
  overIncluded: 'Over included',
  includedBillable: (included, billable) => `${included} included · ${billable} billable`,
  costSoFar: (amount) => `${amount} so far`,
  projection: (quantity, amount, date) => `Projected: ${quantity}, ${amount} by ${date}`,
  withUnit: (quantity, unit) => `${quantity} ${unit}`,
  error: "We couldn't load usage.",
};

export type { UsageMeterLabels };
