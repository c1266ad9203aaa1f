import type { IntervalLabels } from '../client/formatInterval';

/**
 * Every user-facing string of Billkit, in one place. Apps override any of them through
 * `<BillingProvider labels={...}>` (for localisation or tone).
 */
export interface BillingLabels {
  retry: string;
  loading: string;
  /**
   * Names of billing intervals for `formatInterval` (`{ month: 'mo' }`). Leave unset to
   * get the locale's own names from `Intl` ("month", "Monat").
   */
  intervals?: IntervalLabels;
}

/** The default (English) labels. */
export const defaultLabels: BillingLabels = {
  retry: 'Try again',
  loading: 'Loading…',
};
