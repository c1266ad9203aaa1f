import type { SubscriptionStatus } from '../../contract/types';

// The shapes every processor capability speaks in: the PaymentProcessor interface
// (types.ts) and its optional capabilities (ProcessorSetups.ts, planChangeTypes.ts) all
// use them, so they live here, importing none of those files.

/** A card the processor keeps for later charges, as the proxy stores it (never the number). */
export interface SavedCard {
  /** The processor's handle to charge it with (test processor: Stripe's `pm_card_…` test ids). */
  processorRef: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

/** What one payment attempt came to. */
export type PaymentResult =
  /** `paymentMethod`: the card, kept on file for renewals (test processor). */
  | { status: 'succeeded'; paymentId: string; paymentMethod?: SavedCard }
  /** The bank wants the customer to authenticate (3-D Secure) before it pays. */
  | { status: 'requires_action'; paymentId: string; nextAction: { type: 'authenticate' } }
  /** Declined or invalid: `code` is Stripe's (`card_declined`, `insufficient_funds`, `incorrect_number`, …). */
  | { status: 'failed'; code: string; message: string; param?: string };

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
  /** The Billkit price the processor bills now; left out when the processor's answer does not name one Billkit knows. */
  price_id?: string;
  /** Units the processor bills (Stripe: the subscription item's `quantity`); left out when its answer has none. */
  quantity?: number;
  /** `null` when the processor has no change scheduled (Stripe: no subscription schedule); left out when unknown. */
  pending_price_id?: null;
  /** Cleared with `pending_price_id`: no scheduled change, so no scheduled quantity either. */
  pending_quantity?: null;
}
