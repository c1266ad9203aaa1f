// The strings of <CheckoutForm/> and <CheckoutReturn/>, beside the form; the form adds
// their group to `BillingLabels` so `<BillingProvider labels>` can override it.
import { amountPerInterval } from '../../contract/formatInterval';

declare module '../../react/labels' {
  interface BillingLabels {
    /** `<CheckoutForm/>` and `<CheckoutReturn/>`. Override any part of it: `{ checkout: { pay: … } }` keeps the other strings. */
    checkout: CheckoutLabels;
  }
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
  thenPerInterval: (amount, interval) => `Then ${amountPerInterval(amount, interval)}`,
  perInterval: amountPerInterval,
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
