// <UsageMeter/>'s strings, beside it, and their group in `BillingLabels`.

declare module '../../react/labels' {
  interface BillingLabels {
    /** `<UsageMeter/>`. */
    usageMeter: UsageMeterLabels;
  }
}

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

/** The default (English) strings of `<UsageMeter/>`. */
export const defaultUsageMeterLabels: UsageMeterLabels = {
  usageOf: (quantity, limit) => `${quantity} of ${limit}`,
  used: (quantity) => `${quantity} used`,
  unlimited: 'Unlimited',
  resetsOn: (date) => `Resets on ${date}`,
  nearLimit: 'Near limit',
  overLimit: 'Over limit',
  error: "We couldn't load usage.",
};
