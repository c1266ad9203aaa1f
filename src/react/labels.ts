import type { IntervalLabels } from '../contract/formatInterval';

/**
 * Every user-facing string of Billkit, by group. Each component declares its group beside
 * its default strings (`declare module '../../react/labels'` in its `…Labels.ts`), so this
 * layer names no component and an app's bundle holds only the defaults of the components
 * it imports. Apps override any of them through `<BillingProvider labels={...}>` (for
 * localisation or tone).
 */
export interface BillingLabels {
  /**
   * Names of billing intervals for `formatInterval` (`{ month: 'mo' }`). Leave unset to
   * get the locale's own names from `Intl` ("month", "Monat").
   */
  intervals?: IntervalLabels;
}

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
