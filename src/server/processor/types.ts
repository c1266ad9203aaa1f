import type { CardDetails } from '../../contract/types';
import type { PlanRecord, PriceRecord, PromotionCodeRecord } from '../store/records';
import type { ProcessorCustomers } from './ProcessorCustomers';
import type { ProcessorSetups } from './ProcessorSetups';
import type { ProcessorPlanChanges } from './planChangeTypes';
import type { ProcessorUsage } from './usageTypes';
import type { PaymentResult, ProcessorSubscriptionRef, ProcessorSubscriptionState } from './sharedTypes';

// Re-exported so users of a processor import its types from this one file; the capability
// files import them from the leaf module sharedTypes.ts, so no file here imports another back.
export type { PaymentResult, ProcessorSubscriptionRef, ProcessorSubscriptionState, SavedCard } from './sharedTypes';

/**
 * The payment side of the proxy. The built-in test processor implements it with
 * Stripe's test cards; a Stripe implementation plugs in behind the same interface.
 * The proxy calls it only from the checkout rules, never from routes.
 */

/** Card details as the checkout form collects them (the contract's one card shape). */
export type CardInput = CardDetails;

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
  /** Units bought (seats of a per-unit price; 1 for flat prices): the subscription item's quantity. */
  quantity: number;
  promotion: PromotionCodeRecord | null;
  trialDays: number | null;
  uiMode: 'hosted' | 'embedded';
  /** With `{CHECKOUT_SESSION_ID}` already replaced by `sessionId`. */
  successUrl: string;
  cancelUrl: string;
  /** Which of the processor's customers each subject is, kept by the proxy (Stripe: one customer per subject). */
  customers: ProcessorCustomers;
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

/** Card setups ({@link ProcessorSetups}) and plan changes ({@link ProcessorPlanChanges}) are optional members, declared in their own files. */
export interface PaymentProcessor extends ProcessorSetups, ProcessorPlanChanges, ProcessorUsage {
  /**
   * Cancels a subscription this processor created, at the end of its period (access
   * continues, renewal stops) or at once. The proxy calls it before writing its store and
   * writes nothing when it throws; throw a `ProcessorUnavailable` (`processor_error`) when the
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
  /**
   * `'test'` and `'stripe'` are the built-in processors' (the proxy's dev tools and Stripe's
   * webhook route look for them); a processor of your own picks another name. It keys the
   * customers it keeps ({@link ProcessorCustomers}) and names it in logs. An embedded
   * checkout shows Stripe's form for `'stripe'` and the proxy's card form otherwise.
   */
  readonly name: 'test' | 'stripe' | (string & {});
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
  /**
   * Charges a card on file (a renewal, a trial's end, a dunning retry) without the
   * customer present. `idempotencyKey` is stable per invoice and attempt, so a step run
   * twice never charges twice. Processors that run renewals themselves (Stripe) leave it out.
   */
  chargePaymentMethod?(input: {
    paymentMethod: string;
    amount: number;
    currency: string;
    description: string;
    idempotencyKey: string;
  }): Promise<PaymentResult>;
  /** Finishes a `requires_action` payment after the customer approved or failed the authentication step. */
  authenticatePayment(input: { paymentId: string; approve: boolean }): Promise<PaymentResult>;
  /**
   * What became of the charge asked for with `idempotencyKey` (by {@link confirmPayment} or
   * {@link chargePaymentMethod}): its result, or null when the processor never received it.
   * The proxy asks after a crash or a failed call left a payment's outcome unknown, before
   * the same object may be charged again. A processor without it leaves such a payment to
   * its own webhooks (Stripe reports every payment it took).
   */
  retrievePayment?(idempotencyKey: string): Promise<PaymentResult | null>;
  /**
   * Gives a succeeded charge back in full: a charge that lost a race (the plan it paid for
   * changed meanwhile, the invoice was settled otherwise). `idempotencyKey` makes a repeated
   * refund one refund.
   */
  refundPayment?(input: { paymentId: string; amount: number; currency: string; reason: string; idempotencyKey: string }): Promise<{ refundId: string }>;
}

/** An invoice the processor billed by itself (a renewal), in the store's terms. */
export interface ProcessorInvoice {
  id: string;
  amount_due: number;
  amount_paid: number;
  currency: string;
  period_start: Date;
  period_end: Date;
  subtotal: number;
  discount_amount: number;
  created_at: Date;
  lines: {
    /** `null` when the processor gave none (the plan's name is used then). */
    description: string | null;
    quantity: number;
    unit_amount: number;
    amount: number;
    period_start: Date | null;
    period_end: Date | null;
    /** A plan change's credit or charge for part of a period (absent: not known, taken as no). */
    proration?: boolean;
    /** Usage billed in arrears: the metric it meters (Stripe: a metered price's `metadata.billkit_metric`); absent: not usage. */
    metric?: string;
  }[];
}

/**
 * What a processor's webhook event says, translated out of the processor's own shapes;
 * what it means for Billkit's subscriptions is decided by the billing rules
 * (`billing/processorEvents.ts`). `null` change: an event Billkit has no use for.
 */
export type ProcessorChange =
  /** The customer paid a Billkit checkout, which created the processor subscription `processorRef`. */
  | { type: 'checkout_paid'; checkoutId: string; processorRef: string }
  /** A processor subscription's state now; `checkoutId` names the Billkit checkout it was made for, when known. */
  | { type: 'subscription_state'; processorRef: string; checkoutId: string | null; state: ProcessorSubscriptionState }
  /** The first invoice of a subscription made for `checkoutId` was paid. */
  | { type: 'first_invoice_paid'; checkoutId: string | null; processorRef: string }
  /** A later invoice of the processor subscription `processorRef` was paid. */
  | { type: 'invoice_paid'; processorRef: string; invoice: ProcessorInvoice }
  /** A later invoice failed to charge; the processor retries it (`next_payment_attempt`) by itself. */
  | {
      type: 'invoice_payment_failed';
      processorRef: string;
      invoice: ProcessorInvoice;
      attempt_count: number;
      next_payment_attempt: Date | null;
    }
  /** The processor gave up collecting an invoice (its retries are exhausted). */
  | { type: 'invoice_uncollectible'; processorRef: string; invoiceId: string }
  /** A card setup (Stripe SetupIntent) succeeded; `subject` is the store subject key it was made for, when known. */
  | { type: 'setup_succeeded'; setupId: string; subject: string | null };

/** A processor's webhook event: its id (each is applied once), its type, and what it says. */
export interface ProcessorEvent {
  id: string;
  type: string;
  change: ProcessorChange | null;
}
