import type { PaymentProcessor } from '../processor/types';
import type { Store } from '../store/Store';

/** What the billing rules work with: storage, payments, the clock, secrets. No HTTP. */
export interface BillingContext {
  store: Store;
  processor: PaymentProcessor;
  now: () => Date;
  /**
   * Real time, for what must not follow the dev clock's jumps: when a payment was made,
   * how long a failed lifecycle step is put off.
   */
  wallNow: () => Date;
  /** Signs checkout session ids (HMAC-SHA256). */
  signingSecret: string;
  /** Whether webhook events are written to the outbox (only when a webhook URL is configured). */
  webhooks: boolean;
  /** Called after a transaction that wrote webhook events commits, so delivery starts at once. */
  onEventsWritten?: () => void;
  /** Called after a transaction that queued processor jobs commits, so they run at once. */
  onProcessorJobsWritten?: () => void;
}
