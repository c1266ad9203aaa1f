import type { OutboxRecord } from '../store/records';
import { signWebhookPayload } from '../webhooks/webhookSignature';
import type { OutboxHandler } from './createOutboxWorker';

/** Options of {@link webhookDeliveryHandler}. */
export interface WebhookDeliveryOptions {
  url: string;
  secret: string;
  /** First retry delay; doubles per failed attempt up to `maxRetryMs`. Default 1 s. */
  retryBaseMs?: number;
  /** Longest delay between attempts. Default 1 hour; events are retried until delivered. */
  maxRetryMs?: number;
  fetch?: typeof fetch;
  /** Called on each failed attempt (the CLI logs it). */
  onError?: (eventId: string, error: string) => void;
}

/**
 * Delivers the outbox's `webhook` rows: each event is POSTed as JSON with a
 * `Billkit-Signature` header; a non-2xx answer or a network error is retried with
 * exponential backoff by the outbox worker (oldest first, one at a time, so receivers see
 * events in the order they happened).
 */
export function webhookDeliveryHandler(options: WebhookDeliveryOptions): OutboxHandler {
  const doFetch = options.fetch ?? fetch;
  return {
    async attempt(event: OutboxRecord) {
      const signature = await signWebhookPayload(event.payload, options.secret);
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Billkit-Signature': signature, 'User-Agent': 'Billkit-Webhooks/1' },
        body: event.payload,
        signal: AbortSignal.timeout(10_000),
      });
      // Drain the body so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? null : `HTTP ${response.status}`;
    },
    ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
    ...(options.maxRetryMs !== undefined ? { maxRetryMs: options.maxRetryMs } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  };
}
