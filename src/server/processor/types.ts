import type { Store } from '../store/createStore';
import type { PlanRecord, PriceRecord, PromotionCodeRecord } from '../store/records';

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

/**
 * What the proxy hands a processor that runs its own side of a checkout (Stripe): the
 * session as the store holds it, priced, plus where the customer goes afterwards.
 */
export interface ProcessorCheckoutInput {
  /** The unsigned id of the checkout session row (`sess_…`). */
  checkoutId: string;
  /** The signed session id the browser holds (the `{CHECKOUT_SESSION_ID}` of the success URL). */
  sessionId: string;
  subject: string;
  subjectKind: 'user' | 'org';
  plan: PlanRecord;
  price: PriceRecord;
  promotion: PromotionCodeRecord | null;
  trialDays: number | null;
  uiMode: 'hosted' | 'embedded';
  /** With `{CHECKOUT_SESSION_ID}` already replaced by `sessionId`. */
  successUrl: string;
  cancelUrl: string;
  /** For processors that keep small facts (a customer id per subject) in the proxy's store. */
  store: Store;
}

/** A processor's answer to {@link PaymentProcessor.createCheckout}. */
export interface ProcessorCheckout {
  /** Hosted mode: the processor's own payment page, replacing the proxy's. */
  checkoutUrl?: string;
  /** Embedded mode: the secret the browser confirms with (a Stripe PaymentIntent / SetupIntent secret). */
  clientSecret?: string;
  /** Embedded mode: the key the browser loads the processor's script with. */
  publishableKey?: string;
  /** The processor's id of what it created (Stripe Checkout Session or Subscription). */
  processorId: string;
}

export interface PaymentProcessor {
  /**
   * Processors that take the payment themselves (Stripe: Checkout or the PaymentElement)
   * create their side of a new checkout here; the card methods below are then unused and
   * completion arrives through the processor's webhook. The test processor leaves it out.
   */
  createCheckout?(input: ProcessorCheckoutInput): Promise<ProcessorCheckout>;
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
