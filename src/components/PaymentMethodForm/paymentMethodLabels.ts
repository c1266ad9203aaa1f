// The strings of the self-serve opt-in components (<PaymentMethodForm/>, <PlanChangeDialog/>,
// <SubscriptionPaymentDetails/>, <PayInvoiceButton/>), beside them like every component's,
// so an app that imports none of these components pays nothing for them. The provider's
// `labels.paymentMethod` overrides them; each component's own `labels` prop wins over that.

import { intervalAdverb } from '../../contract/formatInterval';
import type { Interval } from '../../contract/types';

declare module '../../react/labels' {
  interface BillingLabels {
    /** The opt-ins: `<PaymentMethodForm/>`, `<PlanChangeDialog/>`, `<SubscriptionPaymentDetails/>`, `<PayInvoiceButton/>`. */
    paymentMethod: PaymentMethodLabels;
  }
}

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
}

/** The default (English) strings. */
export const defaultPaymentMethodLabels: PaymentMethodLabels = {
  cardOnFile: (brand, last4, expiry) => `${brand} •••• ${last4}, expires ${expiry}`,
  noCardOnFile: 'No card on file',
  paymentMethod: 'Payment method',
  updateCard: 'Update',
  addCard: 'Add card',
  saveCard: 'Save card',
  savingCard: 'Saving…',
  cardSaved: 'Your card was saved.',
  setupFailed: "We couldn't start the card form.",
  loadingCardForm: 'Loading the card form…',
  updateCardTitle: 'Update payment method',
  updateCardDescription: 'The new card is used for your next payments.',
  recoverTitle: 'Fix your payment',
  recoverDescription: (amount) => `Update your card and pay the open invoice of ${amount}.`,
  payAmount: (amount) => `Pay ${amount}`,
  paying: 'Processing…',
  paid: 'Paid. Your subscription is active again.',
  payInvoice: 'Pay',
  payInvoiceOf: (date) => `invoice of ${date}`,
  payFailed: 'Payment failed',
  upgrade: 'Upgrade',
  downgrade: 'Downgrade',
  switchToYearly: 'Switch to yearly',
  switchToMonthly: 'Switch to monthly',
  changeTitle: (plan, _interval, intervalKey) => (intervalKey ? `Switch to ${plan} (${intervalAdverb(intervalKey)})` : `Switch to ${plan}`),
  dueTodayThen: (today, next, date) => `${today} due today, then ${next} on ${date}`,
  switchesOn: (plan, date) => `Switches to ${plan} on ${date}. Nothing is charged today.`,
  previewLoading: 'Calculating…',
  previewFailed: "We couldn't price this change.",
  lines: 'Details',
  dueToday: 'Due today',
  confirmChange: 'Confirm change',
  payAndSwitch: (amount) => `Pay ${amount} and switch`,
  changing: 'Switching…',
  cancel: 'Cancel',
  close: 'Close',
  declinedHint: 'Update your card, then try again.',
  pendingChange: (plan, date) => `Switches to ${plan} on ${date}`,
  keepPlan: (plan) => `Keep ${plan}`,
};

/** Card brand names as printed (`visa` → `Visa`). */
export function brandName(brand: string): string {
  const known: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', jcb: 'JCB', diners: 'Diners Club', unionpay: 'UnionPay' };
  return known[brand.toLowerCase()] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
}
