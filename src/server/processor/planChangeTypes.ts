import type { PlanRecord, PriceRecord } from '../store/records';
import type { PaymentResult, ProcessorSubscriptionRef, ProcessorSubscriptionState } from './sharedTypes';

/**
 * Self-serve plan changes on a processor that holds the subscriptions itself (Stripe): the optional
 * methods a {@link PaymentProcessor} implements to change plans and pay open invoices
 * there. The billing rules decide what happens and when (now or at the period end);
 * these only carry it out and translate the processor's answers.
 */

/** A change of a processor's subscription to another price, effective now. */
export interface ProcessorPlanChangeInput {
  ref: ProcessorSubscriptionRef;
  price: PriceRecord;
  plan: PlanRecord;
  /** The quantity after the change (seats of a per-unit price; 1 for flat prices): the item's `quantity`. */
  quantity: number;
  /** The instant prorated to (Stripe `proration_date`), the same for the preview and the change. */
  prorationDate: Date;
  /** The interval changes: a new period starts now (Stripe `billing_cycle_anchor: 'now'`). */
  resetPeriod: boolean;
  /** `false` while trialing: the price changes without any charge or credit. */
  prorate: boolean;
}

/** One line of a processor's proration invoice preview. */
export interface ProcessorPreviewLine {
  /** `null` when the processor gave none. */
  description: string | null;
  /** Minor units; negative for a credit. */
  amount: number;
  period_start: Date;
  period_end: Date;
  proration: boolean;
}

/** What a change effective now would invoice today, as the processor computes it. */
export interface ProcessorPlanChangePreview {
  lines: ProcessorPreviewLine[];
  /** What is charged today (never negative; the customer's processor balance already applied). */
  amount_due: number;
  /** The invoice's total before any balance: negative when the change leaves a credit. */
  total: number;
}

/** The outcome of a change effective now: the subscription as the processor now has it, or a decline. */
export type ProcessorPlanChangeResult =
  | { status: 'changed'; state: ProcessorSubscriptionState }
  | { status: 'failed'; code: string; message: string };

/** Optional plan-change and invoice-payment methods of a processor holding subscriptions. */
export interface ProcessorPlanChanges {
  /** Previews the proration invoice of a change effective now (Stripe: `invoices.createPreview`). */
  previewPlanChange?(input: ProcessorPlanChangeInput): Promise<ProcessorPlanChangePreview>;
  /**
   * Changes the price now and charges the proration at once; a decline changes nothing at
   * the processor (Stripe: `payment_behavior: 'error_if_incomplete'`). The processor's
   * proration invoice reaches the store through its own webhooks.
   */
  changePlanNow?(input: ProcessorPlanChangeInput & { idempotencyKey: string }): Promise<ProcessorPlanChangeResult>;
  /** Switches the subscription to `price` at `quantity` when its current period ends (Stripe: a subscription schedule). */
  schedulePlanChange?(
    ref: ProcessorSubscriptionRef,
    change: { price: PriceRecord; plan: PlanRecord; quantity: number; idempotencyKey: string },
  ): Promise<void>;
  /** Drops a switch scheduled by {@link schedulePlanChange}; the subscription keeps its price (Stripe: release the schedule). */
  cancelScheduledPlanChange?(ref: ProcessorSubscriptionRef): Promise<void>;
  /**
   * Pays an open invoice the processor issued (`invoiceRef`: its id there, which is the
   * store's invoice id) with the customer's default payment method.
   */
  payInvoice?(input: { invoiceRef: string; idempotencyKey: string }): Promise<PaymentResult>;
}
