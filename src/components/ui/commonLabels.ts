// The strings several components share; each component takes the ones it shows through
// `useLabels('retry', defaultCommonLabels.retry)`.
import type { BillingLabels } from '../../react/labels';

/** The default (English) shared strings. */
export const defaultCommonLabels: Pick<BillingLabels, 'retry' | 'loading' | 'period'> = {
  retry: 'Try again',
  loading: 'Loading…',
  period: (start, end) => `${start} – ${end}`,
};
