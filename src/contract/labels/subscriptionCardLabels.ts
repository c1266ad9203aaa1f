import type { UnitsLabel } from '../formatUnits';

// The strings of one component group as types: a shape the browser layers share, with
// the defaults beside the component (src/components) and the overrides in the provider.

/** Strings of `<SubscriptionCard/>`. */
export interface SubscriptionCardLabels {
  title: string;
  freeTitle: string;
  freeDescription: string;
  viewPlans: string;
  /** `"per month"` after the price. */
  perInterval: (interval: string) => string;
  /** A `per_unit` subscription's quantity beside its price: `"5 seats"`. */
  units: UnitsLabel;
  /** A `per_unit` subscription's total per interval: `"$60.00 / month"`. */
  totalPerInterval: (amount: string, interval: string) => string;
  currentPeriod: string;
  renewsOn: string;
  trialEndsOn: string;
  endsOn: string;
  endedOn: string;
  /** Beside the date a canceled subscription was canceled (`canceled_at`). */
  canceledOn: string;
  cancel: string;
  canceling: string;
  resume: string;
  resuming: string;
  updatePayment: string;
  /** `"Your plan will be canceled on May 1, 2025."` */
  cancelingNotice: (date: string) => string;
  /** `"Your trial ends on May 1, 2025."` */
  trialNotice: (date: string) => string;
  pastDueNotice: string;
  /**
   * `"Your last payment of $9.00 failed. We'll try again on May 4, 2025. …"`; `retryDate`
   * is null after the last retry.
   */
  pastDueRetryNotice: (amount: string, retryDate: string | null) => string;
  /** `"Your free trial ends in 3 days, on May 1, 2025. Then $9.00 will be charged unless you cancel."` */
  trialCountdownNotice: (days: number, date: string, amount: string) => string;
  pausedNotice: string;
  incompleteNotice: string;
  /** `"Your subscription ended on May 1, 2025."` */
  canceledNotice: (date: string) => string;
  cancelDialogTitle: string;
  /** `"Choose when your Pro plan should end."` */
  cancelDialogDescription: (plan: string) => string;
  cancelChoice: string;
  cancelAtPeriodEnd: string;
  /** `"Keep access until May 1, 2025."` */
  cancelAtPeriodEndHint: (date: string) => string;
  cancelImmediately: string;
  cancelImmediatelyHint: string;
  confirmCancel: string;
  keep: string;
  error: string;
}
