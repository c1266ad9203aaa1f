import type { BillingLabels } from './labels';

/**
 * What an app may pass as `labels`: any string or function, and any group (`checkout`,
 * `pricingTable`, `subscriptionStatus`, …) in part — `{ checkout: { pay: (a) => … } }`
 * keeps every other checkout string.
 */
export type BillingLabelOverrides = {
  [K in keyof BillingLabels]?: NonNullable<BillingLabels[K]> extends (...args: never[]) => unknown
    ? BillingLabels[K]
    : NonNullable<BillingLabels[K]> extends object
      ? Partial<NonNullable<BillingLabels[K]>>
      : BillingLabels[K];
};

const isGroup = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The defaults with the overrides laid over them, one level into each group. */
export function mergeLabels(defaults: BillingLabels, overrides: BillingLabelOverrides | undefined): BillingLabels {
  if (!overrides) return defaults;
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const base = merged[key];
    merged[key] = isGroup(base) && isGroup(value) ? { ...base, ...value } : value;
  }
  return merged as unknown as BillingLabels;
}
