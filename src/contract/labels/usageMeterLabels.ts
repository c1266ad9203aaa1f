// The strings of one component group as types: a shape the browser layers share, with
// the defaults beside the component (src/components) and the overrides in the provider.

/** Strings of `<UsageMeter/>`. */
export interface UsageMeterLabels {
  /** `"8,423 of 10,000"` (numbers already formatted). */
  usageOf: (quantity: string, limit: string) => string;
  /** `"8,423 used"` when unlimited. */
  used: (quantity: string) => string;
  unlimited: string;
  /** `"Resets on May 1, 2025"` */
  resetsOn: (date: string) => string;
  nearLimit: string;
  overLimit: string;
  /** The badge of a price that refuses usage past the limit, once usage reached it. */
  limitReached: string;
  /** The badge of a price that bills usage beyond its included units, once it does. */
  overIncluded: string;
  /** `"10,000 included · 13,500 billable"` when the price bills the metric (numbers already formatted). */
  includedBillable: (included: string, billable: string) => string;
  /** `"$27.00 so far"`: what the period's usage costs until now. */
  costSoFar: (amount: string) => string;
  /** `"Projected: 47,000 calls, $74.00 by May 1, 2025"` (`quantity` with its unit, see `withUnit`). */
  projection: (quantity: string, amount: string, date: string) => string;
  /** `"47,000 calls"`: a formatted count and its unit, already in the count's plural form. */
  withUnit: (quantity: string, unit: string) => string;
  error: string;
}
