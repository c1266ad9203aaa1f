import type { UnitsLabel } from '../formatUnits';
// The strings of one component group as types: a shape the browser layers share, with
// the defaults beside the component (src/components) and the overrides in the provider.
import type { Interval } from '../types';

/** Strings of the payment method, plan change and invoice payment components. */
export interface PaymentMethodLabels {
  /** `"Visa •••• 4242, expires 12/28"` */
  cardOnFile: (brand: string, last4: string, expiry: string) => string;
  noCardOnFile: string;
  paymentMethod: string;
  updateCard: string;
  addCard: string;
  saveCard: string;
  savingCard: string;
  cardSaved: string;
  /** The card form could not be started (`POST /payment-method/setup` failed). */
  setupFailed: string;
  /** While the form learns which processor takes the card. */
  loadingCardForm: string;
  updateCardTitle: string;
  updateCardDescription: string;
  /** The recovery dialog of a past-due subscription. */
  recoverTitle: string;
  /** `"Update your card and pay the open invoice of $9.00."` */
  recoverDescription: (amount: string) => string;
  /** `"Pay $9.00"` */
  payAmount: (amount: string) => string;
  paying: string;
  paid: string;
  /** `"Pay"` on an open invoice, and its accessible name. */
  payInvoice: string;
  payInvoiceOf: (date: string) => string;
  payFailed: string;
  /** Plan card actions of `<PricingTable planChange={planChange}/>`. */
  upgrade: string;
  downgrade: string;
  switchToYearly: string;
  switchToMonthly: string;
  /**
   * `"Switch to Pro (yearly)"`. `interval` is the interval's name in the locale (`"year"`,
   * `"Jahr"`, from `labels.intervals` when given); `intervalKey` the wire value (`"year"`,
   * `null` for a one-time price), for wording the name alone cannot make (the default's
   * "yearly", "daily").
   */
  changeTitle: (plan: string, interval: string, intervalKey: Interval | null) => string;
  /** `"$19.33 due today, then $29.00 on Dec 21"` */
  dueTodayThen: (today: string, next: string, date: string) => string;
  /** `"Switches to Starter on Dec 21. Nothing is charged today."` */
  switchesOn: (plan: string, date: string) => string;
  previewLoading: string;
  previewFailed: string;
  lines: string;
  dueToday: string;
  confirmChange: string;
  /** `"Pay $19.33 and switch"` */
  payAndSwitch: (amount: string) => string;
  changing: string;
  cancel: string;
  close: string;
  /** The change was declined: update the card, then try again. */
  declinedHint: string;
  /** SubscriptionCard: `"Switches to Starter on Dec 21"` */
  pendingChange: (plan: string, date: string) => string;
  /** `"Keep Pro"` */
  keepPlan: (plan: string) => string;
  /** SubscriptionCard, a pending seat decrease: `"Changes to 3 seats on Dec 21"` (`quantity` worded by `units`). */
  pendingQuantity: (quantity: string, date: string) => string;
  /** `"Keep 5 seats"` */
  keepQuantity: (quantity: string) => string;
  /** `"5 seats"`, for the two above. */
  units: UnitsLabel;
}
