// The strings of <CheckoutForm/> and <CheckoutReturn/>, beside the form; the form adds
// their group to `BillingLabels` so `<BillingProvider labels>` can override it.
import type { CheckoutLabels } from '../../contract/labels/checkoutLabels';
import { amountPerInterval } from '../../contract/formatInterval';
import { countUnits } from '../../contract/formatUnits';

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
  perUnitInterval: (amount, unit, interval) => `${amount} per ${unit} / ${interval}`,
  units: countUnits,
  quantityLine: (plan, units, unitAmount) => `${plan} × ${units}, ${unitAmount} each`,
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

export type { CheckoutLabels };
