// The strings several components share; each component takes the ones it shows through
// `useLabels('retry', defaultCommonLabels.retry)`.
import type { BillingLabels } from '../../react/labels';

declare module '../../react/labels' {
  interface BillingLabels {
    retry: string;
    loading: string;
    /** `"Apr 1, 2025 – May 1, 2025"`: a billing period from two formatted dates. */
    period: (start: string, end: string) => string;
  }
}

/** The default (English) shared strings. */
export const defaultCommonLabels: Pick<BillingLabels, 'retry' | 'loading' | 'period'> = {
  retry: 'Try again',
  loading: 'Loading…',
  period: (start, end) => `${start} – ${end}`,
};
