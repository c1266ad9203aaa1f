// The strings of one component group as types: a shape the browser layers share, with
// the defaults beside the component (src/components) and the overrides in the provider.

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
  /** A per-unit price: `"$12.00 per seat / month"`. */
  perUnitInterval: (amount: string, unit: string, interval: string) => string;
  /** A count of units: `"5 seats"` (plural by `Intl.PluralRules`). */
  units: (count: number, unit: string) => string;
  /** The summary's line of a per-unit price: `"Team × 5 seats, $12.00 each"`. */
  quantityLine: (plan: string, units: string, unitAmount: string) => string;
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
