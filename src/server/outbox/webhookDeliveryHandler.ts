import type { OutboxRecord } from '../store/records';
import { parseSubjectKey } from '../subjectKey';
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
 * An event written before payloads named their subject (still pending across the upgrade)
 * gets `subject: { kind, id }` from its outbox row, so every delivered event carries one.
 */
function legacySubject(stored: { subject?: unknown }, key: string | null): { subject?: { kind: string; id: string } } {
  if (stored.subject !== undefined || key === null) return {};
  try {
    return { subject: parseSubjectKey(key) };
  } catch {
    return {};
  }
}

/**
 * Delivers the outbox's `webhook` rows: each event is POSTed as JSON with a
 * `Billkit-Signature` header and its outbox `sequence`; a non-2xx answer or a network
 * error is retried with exponential backoff by the outbox worker. The worker hands over a
 * subject's next event only once the one before it is delivered, so a receiver sees each
 * subject's events in the order they happened.
 */
export function webhookDeliveryHandler(options: WebhookDeliveryOptions): OutboxHandler {
  const doFetch = options.fetch ?? fetch;
  return {
    async attempt(event: OutboxRecord) {
      // The same row gives the same bytes on every attempt (the signature covers them).
      const stored = JSON.parse(event.payload) as { subject?: unknown };
      const body = JSON.stringify({ ...stored, ...legacySubject(stored, event.subject), sequence: event.seq });
      const signature = await signWebhookPayload(body, options.secret);
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Billkit-Signature': signature, 'User-Agent': 'Billkit-Webhooks/1' },
        body,
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
