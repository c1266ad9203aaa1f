import type { PaymentProcessor } from '../processor/types';
import type { Store } from '../store/createStore';
import type { ProcessorJobRecord } from '../store/records';
import { createOutboxWorker, type OutboxWorker } from '../webhooks/createOutboxWorker';

/** Options of {@link createProcessorJobRunner}; retry settings as for webhooks. */
export interface ProcessorJobRunnerOptions {
  store: Store;
  processor: PaymentProcessor;
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
 * (`processor_jobs`), after commit, with the webhook outbox's retry loop. Today one kind:
 * a plan switch canceled the old subscription in the store, so the processor's copy is
 * canceled at once too (Stripe `DELETE /v1/subscriptions/:id`). Stripe's later
 * `customer.subscription.deleted` finds the Billkit subscription already canceled and
 * writes no second event.
 */
export function createProcessorJobRunner(options: ProcessorJobRunnerOptions): OutboxWorker {
  const { store, processor } = options;
  const onError =
    options.onError ??
    ((id: string, error: string) => console.warn(`[billkit-proxy] processor job ${id} failed: ${error} (will retry)`));
  return createOutboxWorker<ProcessorJobRecord>({
    due: (now, limit) => store.dueProcessorJobs(now, limit),
    markDone: (job, at) => store.markProcessorJobDone(job.id, at),
    markFailed: (job, error, next) => store.markProcessorJobFailed(job.id, error, next),
    async attempt(job) {
      if (!processor.cancelSubscription) return `the ${processor.name} processor cannot cancel subscriptions`;
      await processor.cancelSubscription(
        { processorRef: job.processor_ref, subscriptionId: job.subscription_id, subject: job.subject },
        { atPeriodEnd: false },
      );
      return null;
    },
    ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
    ...(options.maxRetryMs !== undefined ? { maxRetryMs: options.maxRetryMs } : {}),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    onError,
  });
}
