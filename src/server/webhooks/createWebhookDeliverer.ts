import type { Store } from '../store/createStore';
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

export interface WebhookDeliverer {
  /** Starts the loop; pending events from before a restart go out first. */
  start(): void;
  /** Checks the outbox now (called after a change wrote events). */
  kick(): void;
  /** Stops the loop after the attempt in flight. */
  stop(): Promise<void>;
}

/**
 * Delivers the webhook outbox: each event is POSTed as JSON with a `Billkit-Signature`
 * header; a non-2xx answer or a network error schedules a retry with exponential
 * backoff. Events are rows of the store, so nothing is lost across restarts. Wall-clock
 * time schedules retries (the app's injectable clock only stamps events). On start,
 * events left pending by an earlier run are tried at once, whatever their schedule.
 */
export function createWebhookDeliverer(options: WebhookDelivererOptions): WebhookDeliverer {
  const doFetch = options.fetch ?? fetch;
  const base = options.retryBaseMs ?? 1000;
  const max = options.maxRetryMs ?? 3_600_000;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let again = false;
  // After a (re)start every pending event is tried at once: the receiver may be back.
  let resumed = false;

  async function deliver(event: { id: string; payload: string; attempts: number }): Promise<void> {
    let error: string | null = null;
    try {
      const signature = await signWebhookPayload(event.payload, options.secret);
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Billkit-Signature': signature, 'User-Agent': 'Billkit-Webhooks/1' },
        body: event.payload,
        signal: AbortSignal.timeout(10_000),
      });
      // Drain the body so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (error === null) {
      await options.store.markWebhookDelivered(event.id, new Date());
      return;
    }
    const delay = Math.min(max, base * 2 ** event.attempts);
    await options.store.markWebhookFailed(event.id, error, new Date(Date.now() + delay));
    options.onError?.(event.id, error);
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      // Oldest first, one at a time, so receivers see events in the order they happened.
      const due = await options.store.dueWebhookEvents(resumed ? new Date() : new Date('9999-12-31T00:00:00Z'), 20);
      for (const event of due) {
        if (!running) return;
        await deliver(event);
      }
      if (due.length === 20) again = true;
      else resumed = true;
    } while (again && running);
  }

  function tick(): void {
    if (!running) return;
    if (inFlight) {
      again = true;
      return;
    }
    clearTimeout(timer);
    inFlight = drain()
      .catch((e) => options.onError?.('outbox', e instanceof Error ? e.message : String(e)))
      .finally(() => {
        inFlight = null;
        if (running) timer = setTimeout(tick, options.pollMs ?? 1000);
      });
  }

  return {
    start() {
      if (running) return;
      running = true;
      tick();
    },
    kick: () => tick(),
    async stop() {
      running = false;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
