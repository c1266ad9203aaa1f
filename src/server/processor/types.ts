/**
 * The payment side of the proxy. The built-in test processor implements it with
 * Stripe's test cards; a Stripe implementation plugs in behind the same interface.
 * The proxy calls it only from the checkout rules, never from routes.
 */

/** Card details as the checkout form collects them. */
export interface CardInput {
  /** Digits, spaces allowed. */
  number: string;
  exp_month: number;
  /** Four digits (`2030`) or two (`30`). */
  exp_year: number;
  cvc: string;
  postal_code?: string;
}

/** What one payment attempt came to. */
export type PaymentResult =
  | { status: 'succeeded'; paymentId: string }
  /** The bank wants the customer to authenticate (3-D Secure) before it pays. */
  | { status: 'requires_action'; paymentId: string; nextAction: { type: 'authenticate' } }
  /** Declined or invalid: `code` is Stripe's (`card_declined`, `insufficient_funds`, `incorrect_number`, …). */
  | { status: 'failed'; code: string; message: string; param?: string };

export interface PaymentProcessor {
  /** `'test'` for the built-in one; shown to the browser as the embedded session's `processor`. */
  readonly name: 'test' | 'stripe';
  /**
   * Pays `amount` (minor units; may be 0 when a trial or discount leaves nothing due, in
   * which case the card is only checked and saved). `idempotencyKey` is stable per
   * checkout session, so a retried confirm never charges twice.
   */
  confirmPayment(input: {
    amount: number;
    currency: string;
    card: CardInput;
    description: string;
    idempotencyKey: string;
    now: Date;
  }): Promise<PaymentResult>;
  /** Finishes a `requires_action` payment after the customer approved or failed the authentication step. */
  authenticatePayment(input: { paymentId: string; approve: boolean }): Promise<PaymentResult>;
}
