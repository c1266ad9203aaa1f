import type { Store } from '../store/createStore';
import type { WebhookEventRecord } from '../store/records';
import { createOutboxWorker, type OutboxWorker } from './createOutboxWorker';
import { signWebhookPayload } from './webhookSignature';

/** Options of {@link createWebhookDeliverer}. */
export interface WebhookDelivererOptions {
  store: Store;
  url: string;
  secret: string;
  /** First retry delay; doubles per failed attempt up to `maxRetryMs`. Default 1 s. */
  retryBaseMs?: number;
  /** Longest delay between attempts. Default 1 hour; events are retried until delivered. */
  maxRetryMs?: number;
  /** How often the outbox is checked for due retries. Default 1 s. */
  pollMs?: number;
  fetch?: typeof fetch;
  /** Called on each failed attempt (the CLI logs it). */
  onError?: (eventId: string, error: string) => void;
}

/** The webhook delivery loop (an {@link OutboxWorker} over the webhook outbox). */
export type WebhookDeliverer = OutboxWorker;

/**
 * Delivers the webhook outbox: each event is POSTed as JSON with a `Billkit-Signature`
 * header; a non-2xx answer or a network error schedules a retry with exponential
 * backoff ({@link createOutboxWorker}: rows of the store, nothing lost across restarts,
 * wall-clock retries, pending events tried at once on start).
 */
export function createWebhookDeliverer(options: WebhookDelivererOptions): WebhookDeliverer {
  const doFetch = options.fetch ?? fetch;
  const { store } = options;
  return createOutboxWorker<WebhookEventRecord>({
    // Oldest first, one at a time, so receivers see events in the order they happened.
    due: (now, limit) => store.dueWebhookEvents(now, limit),
    markDone: (event, at) => store.markWebhookDelivered(event.id, at),
    markFailed: (event, error, next) => store.markWebhookFailed(event.id, error, next),
    async attempt(event) {
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
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
