import type { Interval } from '../../contract/types';

/**
 * What the proxy's hosted test-mode checkout page shows. Amounts are in the currency's
 * minor units, as on the wire.
 */
export interface CheckoutPageView {
  /** The signed checkout session id (the page's only credential). */
  sessionId: string;
  /** Where the card form and the authentication answer are POSTed. */
  formAction: string;
  /** The app's page to go back to without paying. */
  cancelUrl: string;
  /**
   * `open`: the card form; `authenticate`: a 3-D Secure style challenge; `complete` /
   * `expired`: a message; `elsewhere`: the processor (Stripe) takes this payment in its
   * own form, so the page says where to pay instead of showing a card form.
   */
  state: 'open' | 'authenticate' | 'complete' | 'expired' | 'elsewhere';
  /** With `elsewhere`: the app's embedded payment form (`embedded`) or the processor's hosted page (`hosted`). */
  payIn?: 'embedded' | 'hosted';
  plan: { name: string; description: string | null };
  price: { amount: number; currency: string; interval: Interval | null };
  /**
   * A per-unit (seat) price's units: `price.amount` is then the unit price and the plan's
   * line is `count × amount`. Absent for flat prices.
   */
  quantity?: { count: number; unitLabel: string };
  /** The applied promotion code; `amount_off` is what it takes off the first charge. */
  promotion: { code: string; label: string; amount_off: number } | null;
  trialDays: number | null;
  amountDueToday: number;
  /** The recurring amount after the trial or the first period. */
  amountThen: number;
  /** The processor's refusal (declined card, ...), shown in place above the form. */
  error?: { code: string; message: string } | null;
  /** Values to refill after an error. Never the card number or CVC. */
  values?: { card_exp?: string; postal_code?: string };
  /** Where the `complete` state's continue link goes (the app's success URL). */
  successUrl?: string;
}
