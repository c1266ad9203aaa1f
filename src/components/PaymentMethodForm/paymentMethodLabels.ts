// The strings of the self-serve opt-in components (<PaymentMethodForm/>, <PlanChangeDialog/>,
// <SubscriptionPaymentDetails/>, <PayInvoiceButton/>), beside them like every component's,
// so an app that imports none of these components pays nothing for them. The provider's
// `labels.paymentMethod` overrides them; each component's own `labels` prop wins over that.
import type { PaymentMethodLabels } from '../../contract/labels/paymentMethodLabels';

import { intervalAdverb } from '../../contract/formatInterval';
import { unitsOf } from '../../contract/formatUnits';

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
  pendingQuantity: (quantity, date) => `Changes to ${quantity} on ${date}`,
  keepQuantity: (quantity) => `Keep ${quantity}`,
  units: unitsOf,
};

/** Card brand names as printed (`visa` → `Visa`). */
export function brandName(brand: string): string {
  const known: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', jcb: 'JCB', diners: 'Diners Club', unionpay: 'UnionPay' };
  return known[brand.toLowerCase()] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
}

export type { PaymentMethodLabels };
