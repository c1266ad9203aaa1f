import type { PaymentProcessor } from '../processor/types';
import { processorJobOf } from '../store/outboxQueries';
import type { OutboxHandler } from './createOutboxWorker';

/** Retry settings of the processor jobs (as for webhooks). */
export interface ProcessorJobOptions {
  /** First retry delay; doubles per failed attempt up to `maxRetryMs`. Default 1 s. */
  retryBaseMs?: number;
  /** Longest delay between attempts. Default 1 hour; jobs are retried until done. */
  maxRetryMs?: number;
  /** How often due retries are looked for. Default 1 s. */
  pollMs?: number;
  /** Called on each failed attempt; the proxy logs it by default. */
  onError?: (jobId: string, error: string) => void;
}

/**
 * Carries out the processor changes the billing rules queued in their transactions
 * (outbox kind `cancel_subscription`), after commit. Today one kind: a plan switch
 * canceled the old subscription in the store, so the processor's copy is canceled at once
 * too (Stripe `DELETE /v1/subscriptions/:id`). Stripe's later
 * `customer.subscription.deleted` finds the Billkit subscription already canceled and
 * writes no second event.
 */
export function processorJobHandler(processor: PaymentProcessor, options: ProcessorJobOptions = {}): OutboxHandler {
  return {
    async attempt(row) {
      if (!processor.cancelSubscription) return `the ${processor.name} processor cannot cancel subscriptions`;
      const job = processorJobOf(row);
      await processor.cancelSubscription(
        { processorRef: job.processor_ref, subscriptionId: job.subscription_id, subject: job.subject },
        { atPeriodEnd: false },
      );
      return null;
    },
    ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
    ...(options.maxRetryMs !== undefined ? { maxRetryMs: options.maxRetryMs } : {}),
    onError:
      options.onError ?? ((id, error) => console.warn(`[billkit-proxy] processor job ${id} failed: ${error} (will retry)`)),
  };
}
