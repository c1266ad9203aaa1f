import type { ProcessorCustomers } from '../processor/ProcessorCustomers';
import type { PaymentProcessor } from '../processor/types';
import type { ProcessorUsageEvent } from '../processor/usageTypes';
import { meterEventsOf } from '../store/outboxQueries';
import type { OutboxHandler } from './createOutboxWorker';
import type { ProcessorJobOptions } from './processorJobHandler';

/**
 * Sends the usage the usage writer recorded (outbox kind `meter_events`, one row per
 * commit) to a processor that meters usage (Stripe Billing Meters), after commit. Each
 * event goes with its usage row's id as its identifier (`billkit_usage_<id>`), so a row
 * sent again after a failed attempt (or a crash mid-batch) counts nothing twice. A subject
 * without a customer at the processor has nothing billed there and is left out.
 */
export function meterEventsHandler(processor: PaymentProcessor, customers: ProcessorCustomers, options: ProcessorJobOptions = {}): OutboxHandler {
  return {
    async attempt(row) {
      if (!processor.sendUsage) return `the ${processor.name} processor cannot meter usage`;
      const customerOf = new Map<string, string | null>();
      const events: ProcessorUsageEvent[] = [];
      for (const e of meterEventsOf(row)) {
        if (!customerOf.has(e.subject)) customerOf.set(e.subject, await customers.getCustomerId(e.subject));
        const customerId = customerOf.get(e.subject);
        if (customerId) events.push({ identifier: `billkit_usage_${e.id}`, customerId, metric: e.metric, quantity: e.quantity, recorded_at: e.recorded_at });
      }
      if (events.length > 0) await processor.sendUsage(events);
      return null;
    },
    ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
    ...(options.maxRetryMs !== undefined ? { maxRetryMs: options.maxRetryMs } : {}),
    onError: options.onError ?? ((id, error) => console.warn(`[billkit-proxy] usage to ${processor.name} (${id}) failed: ${error} (will retry)`)),
  };
}
