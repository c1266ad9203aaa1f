/**
 * Every user-facing string of Billkit, in one place. Apps override any of them through
 * `<BillingProvider labels={...}>` (for localisation or tone).
 */
export interface BillingLabels {
  retry: string;
  loading: string;
}

/** The default (English) labels. */
export const defaultLabels: BillingLabels = {
  retry: 'Try again',
  loading: 'Loading…',
};
