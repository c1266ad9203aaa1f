/**
 * The one thing a processor keeps in the proxy's store: which of its customers each
 * Billkit subject is (Stripe: `cus_…`), so a checkout and a later card setup of one subject
 * belong to one customer. The billing rules hand it to the processor, scoped to that
 * processor, so a processor never sees the rest of the store.
 */
export interface ProcessorCustomers {
  /** The processor's customer id remembered for `subject` (a store subject key), or null before the first. */
  getCustomerId(subject: string): Promise<string | null>;
  /** Remembers `customerId` as the processor's customer of `subject`. */
  setCustomerId(subject: string, customerId: string): Promise<void>;
}
