import type { ProcessorCustomers } from './ProcessorCustomers';
import type { ProcessorSubscriptionRef, SavedCard } from './sharedTypes';

/**
 * A processor's card setup (a Stripe SetupIntent) in Billkit's terms. `subject` is the
 * store subject key the setup was made for (from its metadata), `null` when it carries none
 * (made outside Billkit).
 */
export interface ProcessorSetup {
  id: string;
  clientSecret: string;
  /** Stripe's SetupIntent statuses; only `succeeded` has attached a card. */
  status: 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'processing' | 'canceled' | 'succeeded';
  subject: string | null;
  /** The attached payment method (`pm_…`), once there is one. */
  paymentMethod: string | null;
  /** Why the last confirmation failed (Stripe's `last_setup_error`: `card_declined`, …). */
  lastError: { code: string; message: string } | null;
}

/** A card setup the processor made, and the key the browser loads the processor's script with. */
export interface CreatedProcessorSetup {
  setup: ProcessorSetup;
  publishableKey?: string;
}

/**
 * What a processor whose card form runs in the browser (Stripe's PaymentElement) offers
 * for attaching a card on file. All optional, like `cancelSubscription`: the test processor
 * confirms cards through the proxy instead and leaves them out. Translation only: which
 * subscriptions take the card and what the store records is decided in
 * `billing/processorSetups.ts`; Stripe's refusals are `ProcessorUnavailable`.
 */
export interface ProcessorSetups {
  /** Creates an off-session setup on the subject's customer (created when missing); `idempotencyKey` is per request. */
  createSetup?(input: { subject: string; customers: ProcessorCustomers; idempotencyKey: string }): Promise<CreatedProcessorSetup>;
  /** The setup's current state at the processor. */
  retrieveSetup?(id: string): Promise<ProcessorSetup>;
  /** The brand, last 4 digits and expiry of an attached payment method. */
  retrieveCard?(paymentMethod: string): Promise<SavedCard>;
  /**
   * Makes `paymentMethod` the default of the subject's customer (future invoices) and of
   * each of `subscriptions` (whose own default would otherwise win over the customer's).
   */
  setDefaultPaymentMethod?(input: {
    subject: string;
    customers: ProcessorCustomers;
    paymentMethod: string;
    subscriptions: ProcessorSubscriptionRef[];
  }): Promise<void>;
}

/** A processor that takes cards in the browser and implements every {@link ProcessorSetups} method. */
export type BrowserCardSetups = Required<ProcessorSetups>;

/** Whether the processor attaches cards through its own browser form (Stripe) rather than through the proxy. */
export function hasBrowserCardSetups(processor: ProcessorSetups): processor is BrowserCardSetups {
  return Boolean(processor.createSetup && processor.retrieveSetup && processor.retrieveCard && processor.setDefaultPaymentMethod);
}
