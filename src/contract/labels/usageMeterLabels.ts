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
  error: string;
}
