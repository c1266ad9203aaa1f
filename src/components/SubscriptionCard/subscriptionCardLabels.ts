// <SubscriptionCard/>'s strings, beside it, and their groups in `BillingLabels`.
import type { SubscriptionCardLabels } from '../../contract/labels/subscriptionCardLabels';
import { perInterval } from '../../contract/formatInterval';
import { unitsOf } from '../../contract/formatUnits';
import type { SubscriptionStatus } from '../../contract/types';

/** The default (English) strings of `<SubscriptionCard/>`. */
export const defaultSubscriptionCardLabels: SubscriptionCardLabels = {
  title: 'Subscription',
  freeTitle: "You're on the free plan",
  freeDescription: 'Upgrade to a paid plan to unlock more features and higher limits.',
  viewPlans: 'View plans',
  perInterval,
  units: unitsOf,
  totalPerInterval: (amount, interval) => `${amount} / ${interval}`,
  currentPeriod: 'Current period',
  renewsOn: 'Renews on',
  trialEndsOn: 'Trial ends on',
  endsOn: 'Ends on',
  endedOn: 'Ended on',
  canceledOn: 'Canceled on',
  cancel: 'Cancel subscription',
  canceling: 'Canceling…',
  resume: 'Resume subscription',
  resuming: 'Resuming…',
  updatePayment: 'Update payment method',
  cancelingNotice: (date) => `Your plan will be canceled on ${date}.`,
  trialNotice: (date) => `Your free trial ends on ${date}. Your plan continues after that unless you cancel.`,
  pastDueNotice: 'Your last payment failed. Update your payment method to keep your subscription.',
  pastDueRetryNotice: (amount, retryDate) =>
    retryDate
      ? `Your last payment of ${amount} failed. We'll try again on ${retryDate}; update your payment method to keep your subscription.`
      : `Your last payment of ${amount} failed and won't be retried. Update your payment method to keep your subscription.`,
  trialCountdownNotice: (days, date, amount) =>
    `Your free trial ends ${days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`}, on ${date}. Then ${amount} will be charged unless you cancel.`,
  pausedNotice: 'Your subscription is paused. Resume it to pick up where you left off.',
  incompleteNotice: "Your first payment hasn't gone through yet. Complete it to activate your plan.",
  canceledNotice: (date) => `Your subscription ended on ${date}.`,
  cancelDialogTitle: 'Cancel subscription?',
  cancelDialogDescription: (plan) => `Choose when your ${plan} plan should end.`,
  cancelChoice: 'When to cancel',
  cancelAtPeriodEnd: 'At the end of the billing period',
  cancelAtPeriodEndHint: (date) => `Keep access until ${date}.`,
  cancelImmediately: 'Immediately',
  cancelImmediatelyHint: 'Lose access now. This cannot be undone.',
  confirmCancel: 'Cancel subscription',
  keep: 'Keep subscription',
  error: "We couldn't load your subscription.",
};

/** The default (English) names of subscription statuses. */
export const defaultSubscriptionStatusLabels: Record<SubscriptionStatus | 'canceling', string> = {
  active: 'Active',
  trialing: 'Trial',
  past_due: 'Past due',
  canceled: 'Canceled',
  paused: 'Paused',
  incomplete: 'Incomplete',
  canceling: 'Canceling',
};

export type { SubscriptionCardLabels };
