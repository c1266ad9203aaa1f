import type { SubscriptionStatus } from '../../client/types';
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
  /** The store's subject key (`user:<id>` / `org:<id>`); processors show the plain id outside. */
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

/**
 * Which subscription a processor is asked to change: its own id as the store records it
 * (`subscriptions.processor_ref`, Stripe `sub_…`), with Billkit's id and subject for logs
 * and idempotency keys.
 */
export interface ProcessorSubscriptionRef {
  processorRef: string;
  subscriptionId: string;
  subject: string;
}

/**
 * A subscription's state as the processor reports it after a change, in the store's
 * terms. The proxy records exactly this, so the processor's later webhook about the
 * same change finds nothing new to record.
 */
export interface ProcessorSubscriptionState {
  status: SubscriptionStatus;
  cancel_at_period_end: boolean;
  canceled_at: Date | null;
  ended_at: Date | null;
  trial_end: Date | null;
  /** Left out when the processor's answer has no period. */
  current_period_start?: Date;
  current_period_end?: Date;
}

export interface PaymentProcessor {
  /**
   * Cancels a subscription this processor created, at the end of its period (access
   * continues, renewal stops) or at once. The proxy calls it before writing its store and
   * writes nothing when it throws; throw a `ProxyError` (502 `processor_error`) when the
   * processor refuses or cannot be reached. Processors whose subscriptions live only in
   * the store (the test processor) leave it out.
   */
  cancelSubscription?(ref: ProcessorSubscriptionRef, options: { atPeriodEnd: boolean }): Promise<ProcessorSubscriptionState>;
  /**
   * Undoes a pending cancellation (`paused: false`) or resumes a paused subscription
   * (`paused: true`) at the processor, before the proxy writes its store; same error
   * contract as {@link PaymentProcessor.cancelSubscription}.
   */
  resumeSubscription?(ref: ProcessorSubscriptionRef, options: { paused: boolean }): Promise<ProcessorSubscriptionState>;
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
