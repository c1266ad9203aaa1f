/**
 * Usage sent to a processor that bills usage itself (Stripe Billing Meters): the optional
 * methods a {@link PaymentProcessor} implements for it. The proxy records usage first (the
 * store is the record); these only forward what was recorded, after commit, through the
 * outbox.
 */

/** One recorded usage event, as forwarded. */
export interface ProcessorUsageEvent {
  /** The usage row's id: the same on every attempt, so the processor counts it once (Stripe `identifier`). */
  identifier: string;
  /** The processor's customer of the event's subject (Stripe `cus_…`). */
  customerId: string;
  metric: string;
  quantity: number;
  recorded_at: Date;
}

/** Optional usage methods of a processor that meters usage. */
export interface ProcessorUsage {
  /** The metrics the processor meters (Stripe: those given a meter `event_name`); usage of others stays in the proxy only. */
  meteredMetrics?: readonly string[];
  /**
   * Sends recorded usage events; throws when some may not have arrived (they are all sent
   * again: the processor counts each `identifier` once).
   */
  sendUsage?(events: readonly ProcessorUsageEvent[]): Promise<void>;
}
