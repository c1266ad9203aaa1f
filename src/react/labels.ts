import type { IntervalLabels } from '../client/formatInterval';
import type { InvoiceStatus, SubscriptionStatus } from '../client/types';

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
  /** `<CheckoutForm/>` and `<CheckoutReturn/>`. Override any part of it: `{ checkout: { pay: … } }` keeps the other strings. */
  checkout: CheckoutLabels;
  /** `"Apr 1, 2025 – May 1, 2025"`: a billing period from two formatted dates. */
  period: (start: string, end: string) => string;
  /** Names of subscription statuses; `canceling` is an active subscription set to cancel at period end. */
  subscriptionStatus: Record<SubscriptionStatus | 'canceling', string>;
  /** Names of invoice statuses. */
  invoiceStatus: Record<InvoiceStatus, string>;
  /** `<PricingTable/>`. Override the group as a whole: `{ pricingTable: { ...defaultLabels.pricingTable, … } }`. */
  pricingTable: PricingTableLabels;
  /** `<SubscriptionCard/>`. */
  subscriptionCard: SubscriptionCardLabels;
  /** `<UsageMeter/>`. */
  usageMeter: UsageMeterLabels;
  /** `<InvoiceList/>`. */
  invoiceList: InvoiceListLabels;
}

/** Strings of `<PricingTable/>`. */
export interface PricingTableLabels {
  /** Accessible name of the table's region. */
  title: string;
  /** Accessible name of the monthly/yearly toggle. */
  intervalToggle: string;
  monthly: string;
  yearly: string;
  /**
   * Accessible name of the toggle's switch (on = billed yearly): `"Yearly billing"`. Starts
   * with the visible `yearly` text, so voice control users can say what they see.
   */
  yearlyBilling: string;
  /** `"Save 20%"` (annual price against twelve monthly ones). */
  save: (percent: number) => string;
  /** `"Save up to 25%"` when plans save different amounts. */
  saveUpTo: (percent: number) => string;
  recommended: string;
  currentPlan: string;
  /** `"per month"` after the big price. */
  perInterval: (interval: string) => string;
  /** `"$7.20 per month, billed yearly"` */
  billedYearly: (monthlyAmount: string) => string;
  /** The subscribe button: `"Get Pro"`. */
  subscribe: (plan: string) => string;
  redirecting: string;
  /** Accessible name of a plan's feature list: `"Pro features"`. */
  features: (plan: string) => string;
  empty: string;
  emptyDescription: string;
  error: string;
  checkoutFailed: string;
}

/** Strings of `<SubscriptionCard/>`. */
export interface SubscriptionCardLabels {
  title: string;
  freeTitle: string;
  freeDescription: string;
  viewPlans: string;
  /** `"per month"` after the price. */
  perInterval: (interval: string) => string;
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

/** Strings of `<InvoiceList/>`. */
export interface InvoiceListLabels {
  title: string;
  description: string;
  date: string;
  period: string;
  amount: string;
  status: string;
  /** Header of the download column (visually hidden). */
  actions: string;
  download: string;
  /**
   * Visually hidden words after `download` in a row's button, so its name says which
   * invoice: `"invoice of Apr 1, 2025"` → the button reads "PDF invoice of Apr 1, 2025".
   */
  invoiceOf: (date: string) => string;
  downloading: string;
  downloadFailed: string;
  loadMore: string;
  loadingMore: string;
  empty: string;
  emptyDescription: string;
  error: string;
}

/** Strings of `<CheckoutForm/>` and `<CheckoutReturn/>`. */
export interface CheckoutLabels {
  summary: string;
  subtotal: string;
  /** `"SAVE20 (20% off)"` */
  discount: (code: string, off: string) => string;
  /** `"20% off"` */
  percentOff: (percent: number) => string;
  /** `"$10.00 off"` */
  amountOff: (amount: string) => string;
  /** `"14-day free trial"` */
  trial: (days: number) => string;
  totalDueToday: string;
  /** `"Then $29.00 per month"` */
  thenPerInterval: (amount: string, interval: string) => string;
  /** `"$29.00 per month"` */
  perInterval: (amount: string, interval: string) => string;
  promotionCode: string;
  applyPromotionCode: string;
  removePromotionCode: string;
  /** `"SAVE20 applied"` */
  promotionCodeApplied: (code: string) => string;
  cardNumber: string;
  expiry: string;
  cvc: string;
  postalCode: string;
  paymentDetails: string;
  cardErrors: {
    number_incomplete: string;
    number_invalid: string;
    expiry_incomplete: string;
    expiry_invalid: string;
    expiry_past: string;
    cvc_incomplete: string;
    postal_incomplete: string;
  };
  /** `"Pay $29.00"` */
  pay: (amount: string) => string;
  startTrial: string;
  paying: string;
  testCardsHint: string;
  authenticateTitle: string;
  authenticateDescription: string;
  authenticateApprove: string;
  authenticateFail: string;
  succeededTitle: string;
  /** `"You're subscribed to Pro."` */
  succeededDescription: (plan: string) => string;
  sessionFailed: string;
  loadingPaymentForm: string;
  /** `<CheckoutReturn/>`: while the session is being activated. */
  returnActivating: string;
  /** `"You're subscribed to Pro"` */
  returnSucceeded: (plan: string) => string;
  returnSucceededDescription: string;
  returnInvalid: string;
  returnInvalidDescription: string;
  returnMissing: string;
  /** The session is not paid (yet): the payment did not go through, or the processor has not told the proxy. */
  returnPending: string;
  returnPendingDescription: string;
  /** Anything else went wrong (network, server); the error's message follows. */
  returnError: string;
  returnContinue: string;
}

/** The default (English) strings of the checkout. */
export const defaultCheckoutLabels: CheckoutLabels = {
  summary: 'Order summary',
  subtotal: 'Subtotal',
  discount: (code, off) => `${code} (${off})`,
  percentOff: (percent) => `${percent}% off`,
  amountOff: (amount) => `${amount} off`,
  trial: (days) => `${days}-day free trial`,
  totalDueToday: 'Total due today',
  thenPerInterval: (amount, interval) => `Then ${amount} per ${interval}`,
  perInterval: (amount, interval) => `${amount} per ${interval}`,
  promotionCode: 'Promotion code',
  applyPromotionCode: 'Apply',
  removePromotionCode: 'Remove',
  promotionCodeApplied: (code) => `${code} applied`,
  cardNumber: 'Card number',
  expiry: 'Expiration date',
  cvc: 'Security code',
  postalCode: 'Postal code',
  paymentDetails: 'Payment details',
  cardErrors: {
    number_incomplete: 'Your card number is incomplete.',
    number_invalid: 'Your card number is invalid.',
    expiry_incomplete: "Your card's expiration date is incomplete.",
    expiry_invalid: "Your card's expiration month is invalid.",
    expiry_past: "Your card's expiration date is in the past.",
    cvc_incomplete: "Your card's security code is incomplete.",
    postal_incomplete: 'Your postal code is incomplete.',
  },
  pay: (amount) => `Pay ${amount}`,
  startTrial: 'Start trial',
  paying: 'Processing…',
  testCardsHint: 'Test mode: pay with 4242 4242 4242 4242, any future date and any CVC.',
  authenticateTitle: 'Confirm your payment',
  authenticateDescription:
    'Your bank asks you to confirm this payment. This test step stands in for 3-D Secure: approve it, or make it fail.',
  authenticateApprove: 'Approve',
  authenticateFail: 'Fail',
  succeededTitle: 'Payment successful',
  succeededDescription: (plan) => `You're subscribed to ${plan}.`,
  sessionFailed: 'The checkout could not be started.',
  loadingPaymentForm: 'Loading the payment form…',
  returnActivating: 'Confirming your subscription…',
  returnSucceeded: (plan) => `You're subscribed to ${plan}`,
  returnSucceededDescription: 'Your plan is active. Thank you!',
  returnInvalid: 'This checkout link is invalid or has expired',
  returnInvalidDescription: 'No payment was activated from this link. Start the checkout again from the pricing page.',
  returnMissing: 'This page needs a checkout session id in its address.',
  returnPending: "We haven't received your payment yet",
  returnPendingDescription: 'If you completed the payment, it will show up in a moment.',
  returnError: "We couldn't confirm your checkout",
  returnContinue: 'Continue',
};

/** The default (English) labels. */
export const defaultLabels: BillingLabels = {
  retry: 'Try again',
  loading: 'Loading…',
  checkout: defaultCheckoutLabels,
  period: (start, end) => `${start} – ${end}`,
  subscriptionStatus: {
    active: 'Active',
    trialing: 'Trial',
    past_due: 'Past due',
    canceled: 'Canceled',
    paused: 'Paused',
    incomplete: 'Incomplete',
    canceling: 'Canceling',
  },
  invoiceStatus: { draft: 'Draft', open: 'Open', paid: 'Paid', void: 'Void', uncollectible: 'Uncollectible' },
  pricingTable: {
    title: 'Plans',
    intervalToggle: 'Billing interval',
    monthly: 'Monthly',
    yearly: 'Yearly',
    yearlyBilling: 'Yearly billing',
    save: (percent) => `Save ${percent}%`,
    saveUpTo: (percent) => `Save up to ${percent}%`,
    recommended: 'Most popular',
    currentPlan: 'Current plan',
    perInterval: (interval) => `per ${interval}`,
    billedYearly: (monthlyAmount) => `${monthlyAmount} per month, billed yearly`,
    subscribe: (plan) => `Get ${plan}`,
    redirecting: 'Redirecting…',
    features: (plan) => `${plan} features`,
    empty: 'No plans available',
    emptyDescription: 'There are no plans to choose from right now. Please check back soon.',
    error: "We couldn't load the plans.",
    checkoutFailed: "We couldn't start the checkout.",
  },
  subscriptionCard: {
    title: 'Subscription',
    freeTitle: "You're on the free plan",
    freeDescription: 'Upgrade to a paid plan to unlock more features and higher limits.',
    viewPlans: 'View plans',
    perInterval: (interval) => `per ${interval}`,
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
  },
  usageMeter: {
    usageOf: (quantity, limit) => `${quantity} of ${limit}`,
    used: (quantity) => `${quantity} used`,
    unlimited: 'Unlimited',
    resetsOn: (date) => `Resets on ${date}`,
    nearLimit: 'Near limit',
    overLimit: 'Over limit',
    error: "We couldn't load usage.",
  },
  invoiceList: {
    title: 'Invoices',
    description: 'Your billing history, most recent first.',
    date: 'Date',
    period: 'Period',
    amount: 'Amount',
    status: 'Status',
    actions: 'Invoice PDF',
    download: 'PDF',
    invoiceOf: (date) => `invoice of ${date}`,
    downloading: 'Downloading…',
    downloadFailed: 'Download failed',
    loadMore: 'Load more',
    loadingMore: 'Loading…',
    empty: 'No invoices yet',
    emptyDescription: 'Invoices appear here after your first payment.',
    error: "We couldn't load your invoices.",
  },
};
